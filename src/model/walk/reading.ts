// What the walk search (search.ts) produces: a parse of the page's tables, slot by slot.
import type { SampleNode, TypeRole } from "../types.js";
import type { Table } from "./tables.js";

export interface Slot {
  name: string;
  role: TypeRole;
  /** How the name was found ("late-binding": a generic argument named by a later table's reference, §5.3). */
  naming: "caption" | "operation" | "reference" | "inferred" | "signature" | "xml" | "provisional" | "late-binding";
  /** Table index of the derived type (-1: the tableless request) for bases; owner for generic args. */
  of?: number;
  obj?: SampleNode;
  /** `role:name`, built once per slot for the leaf signatures of the search. */
  label?: string;
  /** Text-pipe: the response shown again as the earlier table of its type (§4 rule 6); its object holds that table's bases' members. */
  dupOf?: number;
}

export interface Snapshot {
  score: number;
  slots: (Slot | undefined)[];
  consumed: number;
  responseTable: number;
  /** The references that found no table, in walk order; `at`: the index of the next table then (tables before it were placed). */
  x0: X0[];
  /** How many x0 entries came before the response table was placed (the rest are the response's walk's). */
  responseX0?: number;
  sig: string;
}

export interface X0 {
  name: string;
  value?: SampleNode;
  at: number;
}

export class Overflow extends Error {}

export function describe(s: Snapshot, tables: Table[]): string {
  return tables
    .map((_, i) => {
      const slot = s.slots[i];
      return slot ? `${slot.name}(${slot.role})` : `table ${i + 1}(unexplained)`;
    })
    .join(",");
}

/**
 * The end (exclusive) of the chain at table i in a parse: table i, then the bases placed right after
 * it, each the base of the one before.
 */
export function chainEnd(slots: readonly (Slot | undefined)[], i: number): number {
  let j = i + 1;
  while (slots[j]?.role === "base" && slots[j]!.of === j - 1) j++;
  return j;
}
