// Bases only a collection response's element shows (spec §4 rule 3: a `List<X>` response has no
// table; §4.1). The element holds the members of X's whole chain (§2.8), so where no class's chain
// explains it, X may be a class whose base was seen before it on every page that shows it (no page
// prints that base after it). Such a hypothesis T : B is judged by every such element at once and by
// T's own sample objects (which it must admit): the one that lets most elements be explained, then
// most of T's objects with keys its rows lack, then the fewest members left out, is taken, and so on
// while one is clearly best; a tie decides nothing (`Order : BookingLine` and `BookingLine : Order`
// explain the same element; BookingLine's own object, holding Order's `quantity`, tells them apart).
import type { WalkedType } from "../walk/index.js";
import { objectKeys } from "../walk/index.js";
import { WELL_KNOWN } from "../walk/tables.js";
import { baseOmits, chainKeySet, chainVisits, ownKeys, shownKeys, type TypeLookup } from "./explains.js";
import { derivesFrom, holding, plainChain, roundFacts, seenBefore, type CaptionedPage, type KeyIndex, type RoundFacts, type SampleObject, type SampleObjects } from "./sample-bases.js";

interface Hypothesis {
  t: string;
  b: string;
}

const NONE: ReadonlySet<string> = new Set();

/** Keys of a type's whole chain under the types `view` gives (as explains() resolves it). */
function chainKeys(name: string, view: TypeLookup): Set<string> {
  const t = view.get(name);
  return t ? chainKeySet(t, view) : new Set();
}

/** T and every type derived from it. */
function closure(t: string, index: KeyIndex): Set<string> {
  const out = new Set<string>();
  const add = (c: string) => {
    if (out.has(c)) return;
    out.add(c);
    for (const d of index.derived.get(c) ?? []) add(d);
  };
  add(t);
  return out;
}

export function elementBases(
  elements: readonly SampleObject[],
  pages: readonly CaptionedPage[],
  byName: ReadonlyMap<string, WalkedType>,
  { samples }: SampleObjects,
  facts: RoundFacts = roundFacts(pages, byName),
): Map<string, string> {
  const out = new Map<string, string>();
  if (!elements.length) return out;
  const { index, shownOn } = facts;
  const decided = new Map<string, WalkedType>();
  // a hypothesis's view joins T to B once (its chains below are asked of it for every element)
  const plainView: TypeLookup = { get: (n) => decided.get(n) ?? byName.get(n) };
  const views = new WeakMap<Hypothesis, TypeLookup>();
  const viewOf = (hyp?: Hypothesis): TypeLookup => {
    if (!hyp) return plainView;
    let view = views.get(hyp);
    if (!view) {
      const joined = join(byName.get(hyp.t)!, hyp.b);
      views.set(hyp, (view = { get: (n) => (n === hyp.t ? joined : plainView.get(n)) }));
    }
    return view;
  };
  const closures = new Map<string, ReadonlySet<string>>();
  const closureOf = (t: string): ReadonlySet<string> => {
    let out = closures.get(t);
    if (!out) closures.set(t, (out = closure(t, index)));
    return out;
  };
  // What follows depends on `decided` and is dropped when it changes (epoch()).
  /** Chains under no hypothesis. */
  let plainChains = new Map<string, ReadonlySet<string>>();
  /** Chains under each hypothesis: only those of the classes whose chain visits its T differ from the plain ones. */
  let hypChains = new WeakMap<Hypothesis, Map<string, ReadonlySet<string>>>();
  /** Per hypothesis, the classes whose chain visits its T. */
  let affected = new WeakMap<Hypothesis, ReadonlySet<string>>();
  /** Per element, the classes whose chain (under no hypothesis) holds every one of its keys. */
  let passing = new WeakMap<SampleObject, readonly string[]>();
  /** The classes of every decided type's closure (an element's candidates besides its keys' holders). */
  let ofDecided = new Set<string>();
  const epoch = () => {
    plainChains = new Map();
    hypChains = new WeakMap();
    affected = new WeakMap();
    passing = new WeakMap();
    ofDecided = new Set([...decided.keys()].flatMap((t) => [...closureOf(t)]));
  };
  const plainChainOf = (c: string): ReadonlySet<string> => {
    // nothing decided yet: the view is byName's, whose chains the round shares
    if (!decided.size) return plainChain(c, byName, facts.chains);
    let keys = plainChains.get(c);
    if (!keys) plainChains.set(c, (keys = chainKeys(c, plainView)));
    return keys;
  };
  const hypChainOf = (c: string, hyp: Hypothesis): ReadonlySet<string> => {
    let chains = hypChains.get(hyp);
    if (!chains) hypChains.set(hyp, (chains = new Map()));
    let keys = chains.get(c);
    if (!keys) chains.set(c, (keys = chainKeys(c, viewOf(hyp))));
    return keys;
  };
  // every class whose chain visits T is of T's closure or of a decided type's (T has no base of its own)
  const affectedBy = (hyp: Hypothesis): ReadonlySet<string> => {
    let names = affected.get(hyp);
    if (!names) {
      const all = new Set([...closureOf(hyp.t), ...ofDecided]);
      affected.set(hyp, (names = new Set([...all].filter((c) => chainVisits(c, hyp.t, plainView)))));
    }
    return names;
  };
  const passingOf = (el: SampleObject): readonly string[] => {
    let names = passing.get(el);
    if (!names) {
      const keys = objectKeys(el).set;
      const all = holding(keys, index);
      for (const c of ofDecided) all.add(c);
      passing.set(el, (names = [...all].filter((c) => holdsAll(plainChainOf(c), keys))));
    }
    return names;
  };
  /**
   * Fewest members some class's chain leaves out of the element under the hypothesis, or -1.
   * `any`: the callers that ask only whether some class explains it get the first count found.
   * A hypothesis T : B changes only the chains that visit T (affectedBy), so the others are the
   * plain ones, whose holders are known per element.
   */
  const explained = (el: SampleObject, hyp?: Hypothesis, any = false): number => {
    const view = viewOf(hyp);
    let least = -1;
    const consider = (c: string) => {
      const omitted = baseOmits(view.get(c)!, el, view, NONE);
      if (omitted >= 0 && (least < 0 || omitted < least)) least = omitted;
    };
    const changed = hyp && affectedBy(hyp);
    for (const c of passingOf(el)) {
      if (changed?.has(c)) continue;
      consider(c);
      if (any && least >= 0) return least;
    }
    if (!hyp) return least;
    const keys = objectKeys(el).set;
    for (const c of changed!) if (holdsAll(hypChainOf(c, hyp), keys)) consider(c);
    return least;
  };
  // a key no type has as a row: no chain explains the element, under any hypothesis (an untabled type's object)
  const held = (el: SampleObject) => holdsAll(index.byKey, objectKeys(el).set);
  let open = elements.filter((el) => held(el) && explained(el, undefined, true) < 0);
  const pairs = candidates(open, byName, index, shownOn, facts.chains, facts.across.seenBefore);
  while (open.length && pairs.length) {
    let best: Hypothesis | undefined;
    let bestScore: Score = [0, 0, 0];
    let tie = false;
    for (const hyp of pairs) {
      const objects = ownObjects(hyp, samples.get(hyp.t) ?? [], viewOf(hyp));
      if (objects < 0) continue;
      let count = 0;
      let omitted = 0;
      for (const el of open) {
        const o = explained(el, hyp);
        if (o >= 0) [count, omitted] = [count + 1, omitted + o];
      }
      if (!count) continue;
      const score: Score = [count, objects, -omitted];
      const order = best ? compare(score, bestScore) : 1;
      if (order === 0) tie = true;
      else if (order > 0) [best, bestScore, tie] = [hyp, score, false];
    }
    if (!best || tie) break;
    out.set(best.t, best.b);
    decided.set(best.t, join(byName.get(best.t)!, best.b));
    epoch();
    const taken = best;
    open = open.filter((el) => explained(el, undefined, true) < 0);
    for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]!.t === taken.t || derivesFrom(byName.get(pairs[i]!.b)!, pairs[i]!.t, viewOf())) pairs.splice(i, 1);
  }
  return out;
}

/** Elements explained, T's objects with keys its rows lack that the base explains, minus members left out. */
type Score = [number, number, number];
const compare = (a: Score, b: Score): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** How many of T's sample objects with extra keys T : B explains, or -1 when one of them refutes it. */
function ownObjects(hyp: Hypothesis, objects: readonly { obj: SampleObject; own: ReadonlySet<string> }[], view: TypeLookup): number {
  const base = view.get(hyp.b);
  if (!base) return -1;
  let count = 0;
  for (const { obj, own } of objects) {
    if (baseOmits(base, obj, view, own) < 0) return -1;
    if ([...objectKeys(obj).set].some((k) => !own.has(k))) count++;
  }
  return count;
}

/**
 * Whether `holding(keys, index)` (keyIndex over byName) has c, for the keys `wanted` says: a class of
 * c's chain by the index (c, the type its base names, that one's...; keyIndex's derived lists run the
 * other way) has one of them as its own row. Asked of the few Bs seen before a T, instead of
 * listing every holder of the key (most of the types, for a common key).
 */
const visiting = new Set<string>();
function indexHolds(c: string, wanted: (key: string) => boolean, byName: ReadonlyMap<string, WalkedType>): boolean {
  visiting.clear();
  for (let a: string | undefined = c; a !== undefined && !visiting.has(a); ) {
    visiting.add(a);
    const t = byName.get(a);
    if (!t) return false;
    if (t.model.kind === "class" && !t.model.genericParams?.length) for (const k of ownKeys(t)) if (wanted(k)) return true;
    a = t.model.base?.replace(/<.*$/, "");
  }
  return false;
}

/** Every key is in `set` (a set's or a map's keys). */
function holdsAll(set: { has(key: string): boolean }, keys: Iterable<string>): boolean {
  for (const k of keys) if (!set.has(k)) return false;
  return true;
}

function sharesKey(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const k of a) if (b.has(k)) return true;
  return false;
}

/** T as if it derived from B. */
const join = (t: WalkedType, b: string): WalkedType => ({ ...t, model: { ...t.model, base: b } });

/**
 * The hypotheses an element suggests: T without a base holding some of its keys, B whose chain holds
 * the rest and none of T's members, seen before T wherever T shows, and T : B explaining the element.
 */
function candidates(
  open: readonly SampleObject[],
  byName: ReadonlyMap<string, WalkedType>,
  index: KeyIndex,
  shownOn: ReadonlyMap<string, readonly CaptionedPage[]>,
  /** Chains under byName, shared with the round (RoundFacts). */
  chains: Map<string, ReadonlySet<string>>,
  /** The Bs seen before each T, of shownOn alone: kept across rounds (AcrossRounds). */
  seenBeforeT: Map<string, string[] | undefined>,
): Hypothesis[] {
  const out: Hypothesis[] = [];
  /** The pairs already suggested: T -> its bases. */
  const seen = new Map<string, Set<string>>();
  // byName does not change here: each chain's keys and each key's holders, sorted, are computed once
  const chainOf = (name: string): ReadonlySet<string> => plainChain(name, byName, chains);
  const holders = new Map<string, string[]>();
  const holdersOf = (key: string): string[] => {
    let names = holders.get(key);
    if (!names) holders.set(key, (names = [...holding([key], index)].sort()));
    return names;
  };
  const rarestOf = (rest: readonly string[]): string =>
    rest.reduce((x, y) => ((index.byKey.get(x)?.length ?? 0) <= (index.byKey.get(y)?.length ?? 0) ? x : y));
  // the Bs seen before T (seenBefore) on every page that shows it, by name: of the names on its first
  // page; undefined when no page shows T (then every B is)
  const seenBeforeOf = (t: string): string[] | undefined => {
    if (seenBeforeT.has(t)) return seenBeforeT.get(t);
    const shown = shownOn.get(t) ?? [];
    const names = shown.length ? [...shown[0]!.first.keys()].filter((b) => seenBefore(shownOn, t, b)).sort() : undefined;
    seenBeforeT.set(t, names);
    return names;
  };
  // the holders of the rarest key among those names, in the same order (by name), without reading
  // every holder of it (most of the types, for a common key)
  const heldOf = (names: readonly string[], rarest: string): string[] =>
    names.filter((b) => byName.get(b) !== undefined && indexHolds(b, (k) => k === rarest, byName));
  // the keys of T's members a sample always shows (T : B explains no element that lacks one)
  const shown = new Map<string, ReadonlySet<string>>();
  const shownOf = (t: string): ReadonlySet<string> => {
    let keys = shown.get(t);
    if (!keys) shown.set(t, (keys = shownKeys(byName.get(t)!, byName)));
    return keys;
  };
  for (const el of open) {
    const keys = objectKeys(el).set;
    const owners = new Set([...keys].flatMap((k) => index.byKey.get(k) ?? []));
    for (const t of [...owners].sort()) {
      const w = byName.get(t)!;
      if (w.model.kind !== "class" || w.model.base !== undefined || w.model.genericParams?.length || WELL_KNOWN.has(t)) continue;
      if (!el.truncated && !holdsAll(keys, shownOf(t))) continue;
      const own = chainOf(t);
      const rest = [...keys].filter((k) => !own.has(k));
      if (!rest.length) continue;
      const before = seenBeforeOf(t);
      // the rarest key names the few candidates; of those, only the ones seen before T can be its base
      const rarest = rarestOf(rest);
      for (const b of before ? heldOf(before, rarest) : holdersOf(rarest)) {
        const base = byName.get(b);
        if (!base || b === t) continue;
        const inherited = chainOf(b);
        if (!holdsAll(inherited, rest) || sharesKey(own, inherited)) continue;
        if (seen.get(t)?.has(b)) continue;
        if (derivesFrom(base, t, byName) || (!before && !seenBefore(shownOn, t, b))) continue;
        const joined = join(w, b);
        const view: TypeLookup = { get: (n) => (n === t ? joined : byName.get(n)) };
        if (baseOmits(view.get(t)!, el, view, NONE) < 0) continue;
        let bases = seen.get(t);
        if (!bases) seen.set(t, (bases = new Set()));
        bases.add(b);
        out.push({ t, b });
      }
    }
  }
  return out;
}
