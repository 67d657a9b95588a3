import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { get, query } from '../api';
import type { Exemplar, Page, Ref } from '../types';

/** Picks exemplars by searching the API (diacritic-insensitive), keeping the names already chosen. */
export function ExemplarPicker({
  value,
  onChange,
  initial,
  id,
  disabled,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  initial: Ref[];
  id?: string;
  disabled?: boolean;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Ref[]>([]);
  const [known, setKnown] = useState<Map<number, string>>(new Map());

  useEffect(() => {
    setKnown((map) => new Map([...map, ...initial.map((e): [number, string] => [e.id, e.name])]));
  }, [initial]);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      void get<Page<Exemplar>>(`/api/exemplars${query({ q: q.trim(), pageSize: 20 })}`).then((page) => {
        if (!live) return;
        setFound(page.items.map((e) => ({ id: e.id, name: e.name })));
        setKnown((map) => new Map([...map, ...page.items.map((e): [number, string] => [e.id, e.name])]));
      });
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q]);

  const options = useMemo(() => {
    const ids = new Set([...(value ?? []), ...found.map((f) => f.id)]);
    return [...ids].map((i) => ({ value: i, label: known.get(i) ?? `#${i}` }));
  }, [value, found, known]);

  return (
    <Select
      id={id}
      mode="multiple"
      disabled={disabled}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onBlur={() => setQ('')}
      options={options}
    />
  );
}
