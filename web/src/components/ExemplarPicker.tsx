import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { get, query } from '../api';
import { keys } from '../queries';
import type { Exemplar, Page, Ref } from '../types';

/** "Nguyễn Văn Hai · Long Tân · trồng hoa làm đẹp các tuyến đường · 2022": two of the same name told apart. */
const described = (e: Exemplar) =>
  [e.name, e.place?.name, e.modelName, e.yearRegistered ? String(e.yearRegistered) : null]
    .filter(Boolean)
    .join(' · ');

/**
 * Picks exemplars by searching the API (diacritic-insensitive), keeping the names already chosen;
 * each option names its place, model and year, so that namesakes are told apart.
 */
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
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Ref[]>([]);
  const [known, setKnown] = useState<Map<number, string>>(new Map());

  useEffect(() => {
    setKnown((map) => new Map([...map, ...initial.map((e): [number, string] => [e.id, e.name])]));
  }, [initial]);

  // What was typed is searched once typing pauses.
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const params = { q, pageSize: 20 };
  const search = useQuery({
    queryKey: keys.exemplars(params),
    queryFn: () => get<Page<Exemplar>>(`/api/exemplars${query(params)}`),
  });
  useEffect(() => {
    const items = search.data?.items;
    if (!items) return;
    setFound(items.map((e) => ({ id: e.id, name: e.name })));
    setKnown((map) => new Map([...map, ...items.map((e): [number, string] => [e.id, described(e)])]));
  }, [search.data]);

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
      showSearch={{ filterOption: false, onSearch: setTyped }}
      onBlur={() => setTyped('')}
      options={options}
    />
  );
}
