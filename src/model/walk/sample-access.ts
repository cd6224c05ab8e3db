// Sample access for the walk: an object's keys after the §5.5 mapping, and a row's value in it.
import type { SampleNode } from "../types.js";
import { keyOf, type Access, type Row } from "./tables.js";


/** An object's keys after the §5.5 mapping, computed once per node (the search asks again and again). */
export interface ObjectKeys {
  /** keyOf() of each entry, in entry order (duplicates kept). */
  entries: string[];
  /** Distinct keys, in entry order (a Set iterates in insertion order). */
  set: Set<string>;
  /** Key -> its first entry. */
  first: Map<string, [string, SampleNode]>;
}

export const objectKeysCache = new WeakMap<SampleNode, ObjectKeys>();

export function objectKeys(obj: SampleNode & { kind: "object" }): ObjectKeys {
  let keys = objectKeysCache.get(obj);
  if (!keys) {
    keys = { entries: [], set: new Set(), first: new Map() };
    for (const entry of obj.entries) {
      const key = keyOf(entry[0]);
      keys.entries.push(key);
      if (keys.set.has(key)) continue;
      keys.set.add(key);
      keys.first.set(key, entry);
    }
    objectKeysCache.set(obj, keys);
  }
  return keys;
}

export function entryOf(obj: SampleNode | undefined, key: string): SampleNode | undefined {
  if (!obj || obj.kind !== "object") return undefined;
  return objectKeys(obj).first.get(key)?.[1];
}

export function accessValue(obj: SampleNode | undefined, row: Row, access: Access): SampleNode | undefined {
  return accessOf(entryOf(obj, row.key), access);
}

/** What a reference reaches in a member's value: the value, its first element, or its first entry's value. */
export function accessOf(v: SampleNode | undefined, access: Access): SampleNode | undefined {
  if (!v) return undefined;
  switch (access) {
    case "self":
      return v;
    case "element":
      return v.kind === "array" ? v.items[0] : undefined;
    case "value":
      return v.kind === "object" ? v.entries[0]?.[1] : undefined;
    case "none":
      return undefined;
  }
}

export const asObject = (v: SampleNode | undefined): SampleNode | undefined =>
  v && v.kind === "object" ? v : undefined;

/**
 * The first element of the response sample's `results`, when it is an object with keys: on an
 * AutoQuery page the response is QueryResponse<A> (§5.3), so that element is an object of the type
 * its Results row names, shown nowhere else on the page (the walk gives a generic argument no object).
 */
export function resultsElement(response: SampleNode | undefined): SampleNode | undefined {
  const v = entryOf(response, keyOf("Results"));
  const el = v?.kind === "array" ? v.items[0] : undefined;
  return el?.kind === "object" && el.entries.length > 0 ? el : undefined;
}

/**
 * Visits the object nodes of sample trees, depth first from the last root, until visit returns false.
 * One traversal for every caller, so each sees the objects in the same order.
 */
export function forEachObject(roots: readonly (SampleNode | undefined)[], visit: (obj: SampleNode & { kind: "object" }) => boolean | void): void {
  const stack = roots.filter((x): x is SampleNode => x !== undefined);
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === "object") {
      if (visit(n) === false) return;
      for (const [, v] of n.entries) stack.push(v);
    } else if (n.kind === "array") stack.push(...n.items);
  }
}

/** Object nodes in a sample tree, counted up to limit. */
export function countObjects(node: SampleNode | undefined, limit: number): number {
  let count = 0;
  forEachObject([node], () => ++count < limit);
  return count;
}
