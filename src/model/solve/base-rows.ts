// A tie on one text-pipe page, broken by the other pages (spec §4.1). A table without a caption is
// known by its rows; where most pages read those rows as a base by inference (`<T>Base`: no
// reference names them there) and a page's tied readings differ on whether a reference takes them
// there, the reading in which none does agrees with the service (FindShipment60, seed 1, 5,000
// ops: its request base's rows read as the `Shipment18` its request references, which would have
// named that base Shipment18 on 600 pages). Weighed as identity.ts weighs readings: an inferred
// naming counts WEAK, and the inferred ones must outweigh the references twice over.
import type { WalkResult } from "../walk/index.js";
import { NAMING, WEAK } from "./identity.js";

export interface KeyedReading {
  keys: readonly string[];
  result: WalkResult;
}

/** The row keys that readings within budget name by inference far more often than by a reference. */
export function inferredKeys(readings: readonly KeyedReading[]): Set<string> {
  const counts = new Map<string, { inferred: number; named: number }>();
  for (const { keys, result } of readings) {
    if (result.overflowed) continue;
    for (const t of result.types) {
      if (t.table === undefined) continue;
      const key = keys[t.table]!;
      if (!key.startsWith("#") || key.startsWith("#enum:")) continue;
      let c = counts.get(key);
      if (!c) counts.set(key, (c = { inferred: 0, named: 0 }));
      if (NAMING.has(t.model.from)) c.named++;
      else if (t.model.from === "inferred") c.inferred++;
    }
  }
  const out = new Set<string>();
  for (const [key, c] of counts) if (c.named && WEAK * c.inferred >= 2 * c.named) out.add(key);
  return out;
}

/**
 * The tables of a tied reading that a reference takes although the other pages read their rows as a
 * base. Not one the reading gives a base: its chain follows it as on the pages that read it as a base,
 * so it is a type referenced here and a base elsewhere (ExportRefund10, seed 5: BasketRule : Product,
 * which Basket derives from on other pages).
 */
export function outvotedTables(reading: KeyedReading, inferred: ReadonlySet<string>): Set<number> | undefined {
  const { keys, result } = reading;
  if (result.overflowed || !result.unsure?.length) return undefined;
  let out: Set<number> | undefined;
  for (const t of result.types) {
    if (t.table === undefined || !NAMING.has(t.model.from) || t.model.base !== undefined) continue;
    if (result.unsure.includes(t.table) && inferred.has(keys[t.table]!)) (out ??= new Set()).add(t.table);
  }
  return out;
}
