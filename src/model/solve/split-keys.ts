// Two types with the same rows (text-pipe, spec §4.1). A table without a caption is known by its rows,
// and two types of a service can show the very same rows: Claim6 and SensorInfo are both `{Name: long}`
// (seed 3, 1,000 ops), SensorInfo deriving from ProductStat, Claim6 from nothing. Read as one type, the
// pages that show Claim6 followed by another table refute SensorInfo's base for every page, and
// SensorInfo's pages, whose samples hold ProductStat's members in its objects, cannot be read.
//
// The rows name two types where a page shows them followed by a table B (the base some page would give
// them) with an object that holds members of both the rows and B's chain, and the pages that refute B
// show another type: they name the rows, by references, otherwise (and alike on two pages at least), or
// every object they read for the rows lacks a member that B's objects always show (CreateBooking4's
// Region2 `{name}` beside Policy2 : EmployeeLine, both `{Name: string}`, seed 7). The tables followed
// by B then get a key of their own (`<rows>><B>`), and the bases are decided anew. Without those
// conditions a page that misread the rows would split a type in two.
//
// Once the bases are decided (index.ts step 3b), a table whose rows' type has a base that its page neither
// shows after it nor before, and whose object there lacks that base's always-shown members, is another
// type with those rows too (strayTables): PatchClaimOption's `{Ended}` response beside Coupon12 : Payment5.
import type { SampleNode } from "../types.js";
import { alwaysShown, objectKeys, type WalkResult } from "../walk/index.js";
import type { Row } from "../walk/tables.js";
import { NAMING } from "./identity.js";
import { firstIndex, refutesBase, type BaseCandidates, type PageKeys } from "./bases.js";
import type { Walked } from "./walked.js";

export interface SplitPage {
  keys: PageKeys;
  /** The page's first reading; a reading whose search ran out of budget names nothing here. */
  result: WalkResult;
  /** keyOf() of each table's rows (enum tables: none). */
  rows: readonly (readonly string[])[];
  /** keyOf() of each table's rows whose value a sample always shows (walk/tie-break.ts alwaysShown). */
  shown: readonly (readonly string[])[];
}

/** No name counts as an enum where the split asks which members a sample always shows (enum members then do not). */
const NO_ENUMS: ReadonlySet<string> = new Set();

/** A text-pipe page as splitKeys reads it, with its first reading. */
export function splitPageOf(w: Walked): SplitPage {
  const rowKeys = (rows: readonly Row[]) => rows.map((r) => r.key);
  return {
    keys: w.keys,
    result: w.result!,
    rows: w.plan.tables.map((t) => rowKeys(t.rows)),
    shown: w.plan.tables.map((t) => rowKeys(t.rows.filter((r) => alwaysShown(r.ref, NO_ENUMS)))),
  };
}

/** Tables after the rows that a sample object of theirs may hold members of: the base, its base and its base's base. */
const CHAIN = 3;

const isClassKey = (key: string): boolean => key.startsWith("#") && !key.startsWith("#enum:");

/** Per class key, per table right after it: the names references gave the rows there and the pages, where a sample supports the pair. */
type Names = Map<string, Map<string, { names: Set<string>; supported: SplitPage[] }>>;

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
      if (next !== undefined && page.keys.params[at + 1] && next !== key) add(followed, key, next, supported(page, at) ? page : undefined, at);
      let list = refutedBy.get(key);
      if (!list) refutedBy.set(key, (list = []));
      list.push({ page, at });
    }
  }
  const out = new Map<string, string>();
  for (const [key, byNext] of [...followed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const own = rowNames.get(key);
    const splits: string[] = [];
    for (const [b, { names, supported: pairs }] of byNext) {
      if (!pairs.length || candidates.possible.get(key)?.has(b)) continue;
      const inherited = rowNames.get(b);
      if (own && inherited && [...own].some((n) => inherited.has(n))) continue; // a redeclared member refutes B outright
      const against = new Map<string, number>();
      // B's always-shown members (as the first supporting page shows B's rows)
      const shown = shownAfter(pairs[0]!, key);
      let otherwise = 0;
      let lacking = 0;
      for (const { page, at } of refutedBy.get(key) ?? []) {
        if (!refutesBase(page.keys, candidates.firsts.get(page.keys)!, at, b)) continue;
        otherwise++;
        if (lacksAny(page, at, shown)) lacking++;
        for (const n of namesAt(page, at)) against.set(n, (against.get(n) ?? 0) + 1);
      }
      // the other type is named alike on two pages at least: one page's stray reference is no second type
      const named = names.size > 0 && Math.max(0, ...against.values()) >= 2 && ![...names].some((n) => against.has(n));
      // or every page that refutes B read an object there that lacks members B's objects always show: not an object
      // of a type deriving from B (CreateBooking4's Region2 `{name}` beside Policy2 : EmployeeLine, both `{Name: string}`, seed 7)
      const ending = otherwise > 0 && lacking === otherwise;
      if (named || ending) splits.push(b);
    }
    if (splits.length === 1) out.set(key, splits[0]!);
  }
  return out;
}

/**
 * Whether the object the page's first reading read for the rows at `at` holds members of those rows and of
 * the tables right after them, and nothing else: an object of a type deriving from the next table
 * (SensorInfo's `{name, reason, code, started}`). Only that object counts: an object of a type deriving
 * from the rows holds the same keys (ShipmentOption's `{total, amount, width}` beside ShipmentEntry's rows).
 */
function supported(page: SplitPage, at: number): boolean {
  const obj = objectAt(page, at);
  if (!obj) return false;
  const own = new Set(page.rows[at]);
  const chain = new Set(page.rows.slice(at + 1, at + 1 + CHAIN).flat());
  let mine = false;
  let theirs = false;
  for (const k of objectKeys(obj).set) {
    if (own.has(k) && !chain.has(k)) mine = true;
    else if (chain.has(k) && !own.has(k)) theirs = true;
    else if (!own.has(k)) return false; // a member of neither: not an object of this chain
  }
  return mine && theirs;
}

/** keyOf() of the always-shown rows of the table after `key`'s first table on the page. */
function shownAfter(page: SplitPage, key: string): ReadonlySet<string> {
  const at = page.keys.keys.indexOf(key);
  return new Set(at >= 0 ? page.shown[at + 1] : []);
}

/** Whether the page's first reading read an object for the table at `at` that lacks one of these members. */
function lacksAny(page: SplitPage, at: number, shown: ReadonlySet<string>): boolean {
  if (page.result.overflowed || !shown.size) return false;
  const obj = objectAt(page, at);
  if (!obj) return false;
  const keys = objectKeys(obj).set;
  return [...shown].some((k) => !keys.has(k));
}

/** The complete sample object the page's first reading read for the table at `at`. */
function objectAt(page: SplitPage, at: number): (SampleNode & { kind: "object" }) | undefined {
  const obj = page.result.types.find((t) => t.table === at)?.sample;
  return obj?.kind === "object" && !obj.truncated ? obj : undefined;
}

/** The name a reading gave the table at `at` by a reference (none for an inferred name or an overflowed search). */
function namesAt(page: SplitPage, at: number): string[] {
  if (page.result.overflowed) return [];
  const t = page.result.types.find((w) => w.table === at);
  return t && NAMING.has(t.model.from) ? [t.model.name] : [];
}

function add(m: Names, key: string, next: string, page: SplitPage | undefined, at: number): void {
  let byNext = m.get(key);
  if (!byNext) m.set(key, (byNext = new Map()));
  let entry = byNext.get(next);
  if (!entry) byNext.set(next, (entry = { names: new Set(), supported: [] }));
  if (!page) return;
  entry.supported.push(page);
  for (const n of namesAt(page, at)) entry.names.add(n);
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
