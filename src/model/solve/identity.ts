// Identity across pages for text-pipe (spec §4.1): a table without a caption is known by its rows,
// and the name a reference gives those rows on one page names them on every page. Once a table is
// identified, every page's walk names it so wherever it stands (a base, the response, a generic
// argument), and a reference to that name fits no other table, which also prunes the search.
//
// Two kinds of evidence, both cross-page:
// - presence: the walk visits every type a table on the page references, so a complete page that
//   references X shows X's table (if X has one): X's table is among the row keys common to every
//   complete page that references X;
// - readings: the pages' own walks name tables by references. A reading's naming counts only where
//   presence allows it.
import type { TypeFrom } from "../types.js";
import { knownTableless, type WalkPlan, type WalkResult } from "../walk/index.js";

export interface IdentityPage {
  plan: WalkPlan;
  /** The page was cut: it may lack tables the walk would show. */
  complete: boolean;
}

export interface IdentityReading {
  keys: readonly string[];
  result: WalkResult;
}

/** Class tables are identified by rows; enum keys are only member lists, which small enums share. */
const isClassKey = (key: string): boolean => key.startsWith("#") && !key.startsWith("#enum:");

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * For each referenced name, the row keys present on every complete page that references it
 * (generic QueryResponse rows excepted: they may name another op's argument, §4 rule 7).
 */
export function presenceCandidates(pages: readonly IdentityPage[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { plan, complete } of pages) {
    if (!complete) continue;
    const keys = new Set(plan.keys.filter((k) => k.startsWith("#")));
    const refs = new Set<string>();
    for (const t of plan.tables) {
      if (t.caption !== undefined || t.signature === "QueryResponse") continue;
      for (const { x } of t.refList) if (!knownTableless(x.name)) refs.add(x.name);
    }
    for (const name of refs) {
      const have = out.get(name);
      if (!have) out.set(name, new Set(keys));
      else for (const k of have) if (!keys.has(k)) have.delete(k);
    }
  }
  return out;
}

/** How a reading named a table when the name says which type it is (not `<Op>Response`, `<T>Base`). */
export const NAMING: ReadonlySet<TypeFrom> = new Set(["reference", "late-binding", "xml"]);

type Counts = Map<string, Map<string, number>>;
/** Weight of a reading that names a table only by inference: many such pages outweigh one stray reference. */
export const WEAK = 0.1;

/**
 * Row key -> name. Repeatedly: (1) a clear majority both ways (the name given to the key at least
 * twice as often as all other names together, inferred namings, the identity's own names echoed back
 * and a name the reading's ties give otherwise weighing WEAK, and to that key at
 * least twice as often as to all other keys); (2) a name whose presence candidates, minus the class tables already identified,
 * narrow to one class table that some reading gave it. Readings whose search ran out of budget are
 * greedy guesses and do not count.
 */
export function identifyTables(
  readings: readonly IdentityReading[],
  candidates: ReadonlyMap<string, ReadonlySet<string>>,
  support?: Map<string, Set<number>>,
  /** The identity the readings were walked with (see the weights below). */
  walkedWith: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const namesOf: Counts = new Map();
  const keysOf: Counts = new Map();
  const count = (m: Counts, a: string, b: string, by = 1) => {
    let inner = m.get(a);
    if (!inner) m.set(a, (inner = new Map()));
    inner.set(b, (inner.get(b) ?? 0) + by);
  };
  // key -> name -> the readings (by index) that named it so
  const givenBy = new Map<string, Map<string, Set<number>>>();
  readings.forEach((r, ri) => {
    if (r.result.overflowed) return;
    for (const t of r.result.types) {
      if (t.table === undefined) continue;
      const key = r.keys[t.table]!;
      if (!isClassKey(key)) continue;
      // a reading that names the table only by inference (`<Op>Response`, `<T>Base`) says no reference named it there
      if (!NAMING.has(t.model.from)) {
        count(namesOf, key, "", WEAK);
        continue;
      }
      if (candidates.get(t.model.name)?.has(key) === false) continue;
      // Weak evidence: a table the reading's ties name otherwise (the page says only that it may be this
      // name: DeleteRoom4, seed 7, one of 33 tied readings, gave Coupon4's rows the name OrderTier2, and as
      // the only vote that name stood on every page); a base or response that has the name the identity
      // gave it (no row of the page named it: the identity echoed back, GetBooking19, seed 7, where
      // Sensor10's base confirmed DeleteRoom4's guess). A base or response its own rows' self-reference
      // names is the page's evidence (ShipmentNote : CouponStat, chains seed 964597817).
      const echo = (t.model.role === "base" || t.model.role === "response") && walkedWith.get(key) === t.model.name;
      const weight = echo || r.result.unsure?.includes(t.table) ? WEAK : 1;
      count(namesOf, key, t.model.name, weight);
      count(keysOf, t.model.name, key, weight);
      if (support) {
        let byName = givenBy.get(key);
        if (!byName) givenBy.set(key, (byName = new Map()));
        let by = byName.get(t.model.name);
        if (!by) byName.set(t.model.name, (by = new Set()));
        by.add(ri);
      }
    }
  });
  const identity = new Map<string, string>();
  const named = new Set<string>();
  const byKey = [...namesOf].sort(([a], [b]) => cmp(a, b));
  const byName = [...candidates].sort(([a], [b]) => cmp(a, b));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, names] of byKey) {
      if (identity.has(key)) continue;
      const name = clearWinner(names, named);
      if (!name || clearWinner(keysOf.get(name)!, identity) !== key) continue;
      identity.set(key, name);
      named.add(name);
      changed = true;
    }
    const claims = new Map<string, string[]>();
    for (const [name, keys] of byName) {
      const given = keysOf.get(name);
      if (named.has(name) || !given) continue;
      const left = [...keys].filter((k) => !(isClassKey(k) && identity.has(k)));
      if (left.length !== 1 || !isClassKey(left[0]!) || !given.has(left[0]!)) continue;
      const list = claims.get(left[0]!);
      if (list) list.push(name);
      else claims.set(left[0]!, [name]);
    }
    for (const [key, names] of claims) {
      if (names.length !== 1) continue; // two names narrow to one table: leave both
      identity.set(key, names[0]!);
      named.add(names[0]!);
      changed = true;
    }
  }
  if (support) for (const [key, name] of identity) support.set(key, givenBy.get(key)?.get(name) ?? new Set());
  return identity;
}

/** The entry counted at least twice as often as all the others together (ties: none), among those not excluded. */
function clearWinner(counts: ReadonlyMap<string, number>, excluded: { has(k: string): boolean }): string | undefined {
  let total = 0;
  let best: [string, number] | undefined;
  for (const [k, n] of counts) {
    if (excluded.has(k)) continue;
    total += n;
    if (!best || n > best[1] || (n === best[1] && k < best[0])) best = [k, n];
  }
  return best && best[1] >= 2 * (total - best[1]) ? best[0] : undefined;
}

/**
 * Per table index, the identified name (the request table keeps the op's name). `own`: keys whose
 * name only this page's own reading gave: not imposed on the page (its evidence is for the other pages).
 */
export function namesOnPage(keys: readonly string[], identity: ReadonlyMap<string, string>, own?: ReadonlySet<string>): (string | undefined)[] | undefined {
  let any = false;
  const names = keys.map((k) => {
    const n = k.startsWith("#") && !own?.has(k) ? identity.get(k) : undefined;
    if (n !== undefined) any = true;
    return n;
  });
  return any ? names : undefined;
}
