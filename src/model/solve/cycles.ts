// Evidence for breaking a cycle of decided bases (bases.ts breakCycles). Each page saw one link of
// the cycle, and each link may be a fine reading of its pages alone (CustomerSummary read as the
// last base of `VoucherLine : ShipmentInfo` where VoucherLine came first, and as deriving from
// VoucherLine where it came first). A sample tells them apart: a derived type's objects hold every
// member of its base that a sample always shows (§2.8), so a link whose derived objects leave such
// members out is the one to drop.
import { cachedCSharpType } from "../../csharp-type.js";
import type { PropertyModel, SampleNode } from "../types.js";
import { alwaysShown, keyOf, objectKeys } from "../walk/index.js";
import type { Walked } from "./walked.js";

interface Facts {
  /** Per row key, the rows of its table (the first reading that placed it). */
  rows: Map<string, readonly PropertyModel[]>;
  /** Per row key, the complete sample objects its type (or a type deriving from it) was read from. */
  objects: Map<string, (SampleNode & { kind: "object" })[]>;
  enums: Set<string>;
}

function factsOf(walked: readonly Walked[]): Facts {
  const facts: Facts = { rows: new Map(), objects: new Map(), enums: new Set() };
  for (const w of walked) {
    for (const t of w.result?.types ?? []) {
      if (t.model.kind === "enum") facts.enums.add(t.model.name);
      if (t.table === undefined) continue;
      const key = w.keys.keys[t.table]!;
      if (!facts.rows.has(key)) facts.rows.set(key, t.model.properties ?? []);
      if (t.sample?.kind !== "object" || t.sample.truncated) continue;
      const list = facts.objects.get(key);
      if (list) list.push(t.sample);
      else facts.objects.set(key, [t.sample]);
    }
  }
  return facts;
}

/** For a link T : B (row keys), how many always-shown members of B's rows T's sample objects leave out, over every page. */
export function omissionsAgainst(walked: readonly Walked[]): (t: string, b: string) => number {
  const omitted = omittedMembers(walked);
  return (t, b) => {
    let count = 0;
    for (const obj of omitted.objects(t)) count += omitted.of(obj, b);
    return count;
  };
}

/** How many always-shown members of base B's rows (a row key) one object leaves out; the complete objects of key T. */
export function omittedMembers(walked: readonly Walked[]): { of(obj: SampleNode & { kind: "object" }, b: string): number; objects(t: string): readonly (SampleNode & { kind: "object" })[] } {
  let facts: Facts | undefined;
  const get = () => (facts ??= factsOf(walked));
  return {
    of(obj, b) {
      const { rows, enums } = get();
      const present = objectKeys(obj).set;
      let count = 0;
      for (const p of rows.get(b) ?? []) if (!present.has(keyOf(p.name)) && alwaysShown(cachedCSharpType(p.type), enums)) count++;
      return count;
    },
    objects: (t) => get().objects.get(t) ?? [],
  };
}
