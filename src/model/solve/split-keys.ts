// Two types with the same rows (text-pipe, spec §4.1). A table without a caption is known by its rows,
// and two types of a service can show the very same rows: Claim6 and SensorInfo are both `{Name: long}`
// (seed 3, 1,000 ops), SensorInfo deriving from ProductStat, Claim6 from nothing. Read as one type, the
// pages that show Claim6 followed by another table refute SensorInfo's base for every page, and
// SensorInfo's pages, whose samples hold ProductStat's members in its objects, cannot be read.
//
// The rows then name two types where the pages that show them followed by a table B (the base some
// page would give them) and the pages that refute B name them, by references, with different names:
// the tables followed by B get a key of their own (`<rows>><B>`), and the bases are decided anew. The
// refuting pages must agree on their name (on two pages at least), and a name before B counts only where
// a sample object holds members of both the rows and B's chain: else a page that misread the rows would
// split a type in two.
//
// Once the bases are decided (index.ts step 3b), a table whose rows' type has a base that its page neither
// shows after it nor before, and whose object there lacks that base's always-shown members, is another
// type with those rows too (strayTables): PatchClaimOption's `{Ended}` response beside Coupon12 : Payment5.
import type { SampleNode } from "../types.js";
import { forEachObject, objectKeys, type WalkResult } from "../walk/index.js";
import { NAMING } from "./identity.js";
import { firstIndex, type BaseCandidates, type PageKeys } from "./bases.js";
import type { Walked } from "./walked.js";

export interface SplitPage {
  keys: PageKeys;
  /** The page's first reading; a reading whose search ran out of budget names nothing here. */
  result: WalkResult;
  /** keyOf() of each table's rows (enum tables: none). */
  rows: readonly (readonly string[])[];
  /** The page's request and response samples. */
  samples: readonly (SampleNode | undefined)[];
}

/** Tables after the rows that a sample object of theirs may hold members of: the base, its base and its base's base. */
const CHAIN = 3;

const isClassKey = (key: string): boolean => key.startsWith("#") && !key.startsWith("#enum:");

/** Per class key, per table right after it, the names references gave the rows there (where a sample supports the pair). */
type Names = Map<string, Map<string, Set<string>>>;

/**
 * The keys to split: key -> the base key B whose pages name the rows otherwise than the pages that
 * refute B. Only bases no page admits today (`candidates.possible` lacks them) and that share no row name.
 */
export function splitKeys(pages: readonly SplitPage[], candidates: BaseCandidates, rowNames: ReadonlyMap<string, ReadonlySet<string>>): Map<string, string> {
  const followed: Names = new Map();
  const refutedBy = new Map<string, { page: SplitPage; at: number }[]>();
  for (const page of pages) {
    const { keys } = page.keys;
    const first = candidates.firsts.get(page.keys)!;
    for (const [key, at] of first) {
      if (at < 0 || !isClassKey(key)) continue;
      const next = keys[at + 1];
      if (next !== undefined && page.keys.params[at + 1] && next !== key) add(followed, key, next, supported(page, at) ? namesAt(page, at) : []);
      let list = refutedBy.get(key);
      if (!list) refutedBy.set(key, (list = []));
      list.push({ page, at });
    }
  }
  const out = new Map<string, string>();
  for (const [key, byNext] of [...followed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const own = rowNames.get(key);
    const splits: string[] = [];
    for (const [b, names] of byNext) {
      if (!names.size || candidates.possible.get(key)?.has(b)) continue;
      const inherited = rowNames.get(b);
      if (own && inherited && [...own].some((n) => inherited.has(n))) continue; // a redeclared member refutes B outright
      const against = new Map<string, number>();
      for (const { page, at } of refutedBy.get(key) ?? []) {
        const bAt = candidates.firsts.get(page.keys)!.get(b);
        if (page.keys.keys[at + 1] === b || (bAt !== undefined && bAt < at)) continue;
        // as bases.ts: a page cut right after the rows, or ending with the response's own type, refutes nothing
        if (at + 1 >= page.keys.keys.length && (!page.keys.complete || page.keys.responseAtEnd)) continue;
        for (const n of namesAt(page, at)) against.set(n, (against.get(n) ?? 0) + 1);
      }
      // the other type is named alike on two pages at least: one page's stray reference is no second type
      if (Math.max(0, ...against.values()) >= 2 && ![...names].some((n) => against.has(n))) splits.push(b);
    }
    if (splits.length === 1) out.set(key, splits[0]!);
  }
  return out;
}

/**
 * Whether a sample object on the page holds members of the rows at `at` and of the tables right after
 * them, and nothing else: an object of a type deriving from the next table (SensorInfo's `{name, reason,
 * code, started}`). An object of a type that merely references the next one holds other members too.
 */
function supported(page: SplitPage, at: number): boolean {
  const own = new Set(page.rows[at]);
  const chain = new Set(page.rows.slice(at + 1, at + 1 + CHAIN).flat());
  let found = false;
  forEachObject(page.samples, (obj) => {
    let mine = false;
    let theirs = false;
    for (const k of objectKeys(obj).set) {
      if (own.has(k) && !chain.has(k)) mine = true;
      else if (chain.has(k) && !own.has(k)) theirs = true;
      else if (!own.has(k)) return; // a member of neither: not an object of this chain
    }
    found = mine && theirs;
    return !found;
  });
  return found;
}

/** The name a reading gave the table at `at` by a reference (none for an inferred name or an overflowed search). */
function namesAt(page: SplitPage, at: number): string[] {
  if (page.result.overflowed) return [];
  const t = page.result.types.find((w) => w.table === at);
  return t && NAMING.has(t.model.from) ? [t.model.name] : [];
}

function add(m: Names, key: string, next: string, names: readonly string[]): void {
  let byNext = m.get(key);
  if (!byNext) m.set(key, (byNext = new Map()));
  let set = byNext.get(next);
  if (!set) byNext.set(next, (set = new Set()));
  for (const n of names) set.add(n);
}

/** The split key of rows `key` followed by base `base`. */
export const splitKey = (key: string, base: string): string => `${key}>${base}`;

/** Gives every table of the split keys that is followed by its base the split key; the pages changed. */
export function applySplits(pages: readonly PageKeys[], splits: ReadonlyMap<string, string>): Set<PageKeys> {
  const changed = new Set<PageKeys>();
  if (!splits.size) return changed;
  for (const page of pages) {
    const { keys } = page;
    for (let i = 0; i + 1 < keys.length; i++) {
      const b = splits.get(keys[i]!);
      if (b === undefined || keys[i + 1] !== b) continue;
      keys[i] = splitKey(keys[i]!, b);
      changed.add(page);
    }
  }
  return changed;
}

/** The key of a table that is another type than its rows' on this page only. */
export const strayKey = (key: string, source: string): string => `${key}@${source}`;

/** The tables of this page whose decided base (by their rows) it does not show, and whose object lacks that base's always-shown members. */
export function strayTables(w: Walked, decided: ReadonlyMap<string, { base: string }>, omitted: (obj: SampleNode & { kind: "object" }, base: string) => number): number[] {
  const first = firstIndex(w.keys);
  const out: number[] = [];
  for (const t of w.result!.types) {
    const i = t.table;
    if (i === undefined || t.sample?.kind !== "object" || t.sample.truncated) continue;
    const d = decided.get(w.keys.keys[i]!);
    if (!d || w.keys.keys[i + 1] === d.base) continue;
    const at = first.get(d.base);
    if (at !== undefined && at < i) continue; // seen before: its members are in the object, or were checked there
    if (omitted(t.sample, d.base) > 0) out.push(i);
  }
  return out;
}
