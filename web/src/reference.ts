import { useQuery } from '@tanstack/react-query';
import { get } from './api';
import { keys } from './queries';
import type { Page, PlaceNode, Ref } from './types';

export interface Reference {
  segments: Ref[];
  fields: Ref[];
  places: PlaceNode[];
}

const loadReference = async (): Promise<Reference> => {
  const [segments, fields, places] = await Promise.all([
    get<Page<Ref>>('/api/segments?pageSize=100'),
    get<Page<Ref>>('/api/fields?pageSize=100'),
    get<PlaceNode[]>('/api/places/tree'),
  ]);
  return { segments: segments.items, fields: fields.items, places };
};

/** Segments, fields and the place tree: small lists every catalog screen needs, loaded once per sign-in. */
export function useReference(): Reference | null {
  return useQuery({ queryKey: keys.reference, queryFn: loadReference, staleTime: Infinity }).data ?? null;
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

/** Typed text found in a text, like the API's search: "long tan" finds "Long Tân", "hoà" finds "hòa". */
export const foldedIncludes = (text: unknown, typed: string) =>
  fold(String(text ?? '')).includes(fold(typed.trim()));

/** `showSearch` of every antd Select: the option's label searched like the API. */
export const FOLDED_SEARCH = {
  filterOption: (typed: string, option?: { label?: unknown }) => foldedIncludes(option?.label, typed),
};

/** `showSearch` of every antd TreeSelect (places, stations): the node's title searched like the API. */
export const FOLDED_TREE_SEARCH = {
  filterTreeNode: (typed: string, node: { title?: unknown }) => foldedIncludes(node.title, typed),
};
