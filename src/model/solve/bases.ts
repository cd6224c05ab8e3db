// Bases as global unknowns (spec §4.1). A base B of T sits right after T's table on every page
// where B was not seen before T (the walk visits a base before anything else T references), so
// one page that shows T followed by something else, with no B before it, refutes B for every
// page. A would-be redeclared inherited property refutes it too: real DTOs do not hide members.
// What survives is decided by the pages' own readings, and then applied to every page.

/** One page as the solve sees it: the identity key of each table, in page order. */
export interface PageKeys {
  source: string;
  /** Key of the request when it has no table (it is then the derived type at index -1). */
  tablelessRequest?: string;
  keys: string[];
  /** Params tables (only those can be bases). */
  params: boolean[];
  /** The page was cut: its last table may lack what followed it. */
  complete: boolean;
  /**
   * The response sample's keys are all rows of the page's last table: that table may be the
   * response's own type, which can share its rows with another type (PatchClaimOption's `{Ended}`
   * response and Coupon12, seed 3, 1,000 ops), so it refutes no base of the type those rows name.
   */
  responseAtEnd?: boolean;
}

/** The key at a walk index (-1: the tableless request). */
export function keyAt(page: PageKeys, index: number): string | undefined {
  return index < 0 ? page.tablelessRequest : page.keys[index];
}

/** First index of every key on a page (-1 for the tableless request). */
export function firstIndex(page: PageKeys): Map<string, number> {
  const first = new Map<string, number>();
  if (page.tablelessRequest !== undefined) first.set(page.tablelessRequest, -1);
  page.keys.forEach((k, i) => {
    if (!first.has(k)) first.set(k, i);
  });
  return first;
}

export interface BaseCandidates {
  /** T -> the bases no page refutes. */
  possible: Map<string, Set<string>>;
  /** Every page's first-index map, reused by the vote. */
  firsts: Map<PageKeys, Map<string, number>>;
}

/**
 * Candidate bases of every type: the keys that follow it on some page, minus those any page
 * refutes. Linear in the pages times the (few) candidates per type.
 */
export function baseCandidates(pages: readonly PageKeys[], rowNames: ReadonlyMap<string, ReadonlySet<string>>): BaseCandidates {
  const firsts = new Map<PageKeys, Map<string, number>>();
  const onPages = new Map<string, PageKeys[]>();
  const candidates = new Map<string, Set<string>>();
  for (const page of pages) {
    const first = firstIndex(page);
    firsts.set(page, first);
    for (const [key, i] of first) {
      let list = onPages.get(key);
      if (!list) onPages.set(key, (list = []));
      list.push(page);
      const next = i + 1;
      if (next >= page.keys.length || !page.params[next]) continue;
      const b = page.keys[next]!;
      if (b === key) continue;
      let set = candidates.get(key);
      if (!set) candidates.set(key, (set = new Set()));
      set.add(b);
    }
  }
  const possible = new Map<string, Set<string>>();
  for (const [t, set] of candidates) {
    const own = rowNames.get(t);
    const ok = new Set<string>();
    for (const b of set) {
      const inherited = rowNames.get(b);
      if (own && inherited && [...own].some((n) => inherited.has(n))) continue;
      const admitted = onPages.get(t)!.every((page) => {
        const first = firsts.get(page)!;
        return !refutesBase(page, first, first.get(t)!, b);
      });
      if (admitted) ok.add(b);
    }
    if (ok.size) possible.set(t, ok);
  }
  return { possible, firsts };
}

/**
 * Whether a page refutes B as the base of the type whose first table stands at `at`: B was not seen
 * before it, and another table follows it, or nothing follows on a complete page where that table is not
 * the response's own type (PageKeys.responseAtEnd).
 */
export function refutesBase(page: PageKeys, first: ReadonlyMap<string, number>, at: number, b: string): boolean {
  const bAt = first.get(b);
  if (bAt !== undefined && bAt < at) return false; // seen before: no table expected
  if (at + 1 >= page.keys.length) return page.complete && page.responseAtEnd !== true;
  return page.keys[at + 1] !== b;
}

export interface BaseVotes {
  yes: Map<string, Map<string, string[]>>;
  /** T -> B -> pages where B followed T unseen and the page read no base. */
  no: Map<string, Map<string, string[]>>;
}

function add(votes: Map<string, Map<string, string[]>>, t: string, b: string, page: string): void {
  let m = votes.get(t);
  if (!m) votes.set(t, (m = new Map()));
  const list = m.get(b);
  if (list) list.push(page);
  else m.set(b, [page]);
}

/** What each page's own reading says about each possible base. */
export function countVotes(
  pages: readonly PageKeys[],
  readings: ReadonlyMap<PageKeys, readonly [number, number][]>,
  candidates: BaseCandidates,
): BaseVotes {
  const votes: BaseVotes = { yes: new Map(), no: new Map() };
  for (const page of pages) {
    const chosen = new Map<string, string>();
    for (const [d, b] of readings.get(page) ?? []) {
      const t = keyAt(page, d);
      const base = page.keys[b];
      if (t === undefined || base === undefined) continue;
      chosen.set(t, base);
      add(votes.yes, t, base, page.source);
    }
    const first = candidates.firsts.get(page)!;
    for (const [t, at] of first) {
      const set = candidates.possible.get(t);
      const next = page.keys[at + 1];
      if (!set || next === undefined || !set.has(next) || chosen.get(t) === next) continue;
      const bAt = first.get(next)!;
      if (bAt === at + 1) add(votes.no, t, next, page.source);
    }
  }
  return votes;
}

export interface BaseDecision {
  base: string;
  /** Pages whose own reading chose it. */
  pages: string[];
}

/**
 * One base per type: the candidate most pages chose, when more pages chose it than read the
 * same tables without it (fewer bases win ties, §4.1). Deterministic: ties go to the smaller key.
 */
export function decideBases(votes: BaseVotes): Map<string, BaseDecision> {
  const out = new Map<string, BaseDecision>();
  for (const [t, byBase] of votes.yes) {
    const best = bestBase(byBase);
    if (!best) continue;
    const against = votes.no.get(t)?.get(best[0])?.length ?? 0;
    if (best[1].length > against) out.set(t, { base: best[0], pages: best[1] });
  }
  return out;
}

/** The candidate most pages chose (ties: the smaller key). */
function bestBase(byBase: ReadonlyMap<string, string[]>): [string, string[]] | undefined {
  let best: [string, string[]] | undefined;
  for (const [b, pages] of byBase) if (!best || pages.length > best[1].length || (pages.length === best[1].length && b < best[0])) best = [b, pages];
  return best;
}

/** Whether a page that read T without base B contradicts T : B (explains itself worse with it imposed than by B's own cost). */
export type RefusesBase = (t: string, b: string, page: string) => boolean;

/**
 * A "no" vote says little where the page reads the same with and without the base (B is also the
 * next table without it): the page chose none only because a base costs a point. A page that read
 * T : B chose it despite that cost, so its tables (or samples) ask for it. When the count leaves T
 * undecided, B wins unless some "no" page refuses it (no reading with T : B explains that page as
 * well, but for the base's cost and the sample checks a base's object shares with its derived type).
 * Re-walks only the "no" pages of contested bases.
 */
export function settleContested(votes: BaseVotes, decided: Map<string, BaseDecision>, refuses: RefusesBase): void {
  for (const [t, byBase] of votes.yes) {
    if (decided.has(t)) continue;
    const best = bestBase(byBase);
    const against = best && votes.no.get(t)?.get(best[0]);
    if (!best || !against?.length) continue;
    const [b, pages] = best;
    if (!against.some((page) => refuses(t, b, page))) decided.set(t, { base: b, pages });
  }
}

/**
 * No class derives from itself: where the decided bases close a cycle (each page saw one link), the
 * link the samples speak most against goes (`against`: members of the base that objects of the
 * derived type leave out though a sample always shows them), then the one fewest pages chose (ties:
 * the larger key), and the rest stand.
 */
export function breakCycles(decided: Map<string, BaseDecision>, against: (t: string, b: string) => number = () => 0): void {
  for (const start of [...decided.keys()].sort()) {
    const path: string[] = [];
    for (let t: string | undefined = start; t !== undefined && decided.has(t); t = decided.get(t)!.base) {
      const at = path.indexOf(t);
      if (at >= 0) {
        const cycle = path.slice(at);
        const evidence = new Map(cycle.map((k) => [k, against(k, decided.get(k)!.base)] as const));
        const weakest = cycle.sort((a, b) => evidence.get(b)! - evidence.get(a)! || decided.get(a)!.pages.length - decided.get(b)!.pages.length || (a < b ? 1 : -1))[0]!;
        decided.delete(weakest);
        break;
      }
      path.push(t);
    }
  }
}

