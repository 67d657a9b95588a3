import { useEffect, useState } from 'react';
import { get } from './api';
import type { Page, PlaceNode, Ref } from './types';

export interface Reference {
  segments: Ref[];
  fields: Ref[];
  places: PlaceNode[];
}

let cached: Promise<Reference> | null = null;

/** Segments, fields and the place tree: small lists every catalog screen needs, loaded once per sign-in. */
export function useReference(): Reference | null {
  const [reference, setReference] = useState<Reference | null>(null);
  useEffect(() => {
    cached ??= Promise.all([
      get<Page<Ref>>('/api/segments?pageSize=100'),
      get<Page<Ref>>('/api/fields?pageSize=100'),
      get<PlaceNode[]>('/api/places/tree'),
    ]).then(([segments, fields, places]) => ({ segments: segments.items, fields: fields.items, places }));
    let live = true;
    cached
      .then((r) => live && setReference(r))
      .catch(() => {
        cached = null;
      });
    return () => {
      live = false;
    };
  }, []);
  return reference;
}

/** The place tree as antd TreeSelect data. */
export interface PlaceOption {
  value: number;
  title: string;
  children: PlaceOption[];
}
export const placeOptions = (nodes: PlaceNode[]): PlaceOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: placeOptions(n.children) }));

/** Matches what the user typed against a name, ignoring case and Vietnamese marks (đ → d). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
