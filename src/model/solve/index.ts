// The model stage as one solve over all pages (spec §4.1). Every page is a constraint on one type
// graph: tables are identified across pages (caption, else rows), each type's base is a global
// unknown, and the answer is applied to every page so that one type never gets two readings.
//
//   1. plan every page's walk; bases.ts rules out the bases some page refutes;
//   2. walk every page with only the surviving bases open (this prunes the per-page search); text-pipe
//      pages again where two types show the same rows (split-keys.ts), as identity.ts names their
//      uncaptioned tables by rows across pages, and where the other pages break a page's tie
//      (base-rows.ts, and objects.ts: the sample objects other pages show);
//   3. decide each type's base from the pages' readings, and walk again the pages that read
//      otherwise, with the decision imposed (W_READING_FORCED names the pages that decided, forced.ts),
//      the text-pipe pages whose objects show that a table is another type with the same rows, and those
//      whose late binding named a class with a name the other pages read as an enum's;
//   4. names.ts gives row-identified tables the name the pages agree on; seen-bases.ts sets the bases
//      that only samples show, or that a page met before the derived type;
//   5. page.ts finishes every page (wire names, response, verb).
// Pages are solved in operation order, so the result depends neither on the order they were read
// in nor on their file names.
import type { PageModel, WireCase } from "../types.js";
import { elementVote, finishPage, wireVote, type PreparedPage } from "../page.js";
import { nullableNames, planWalk, walkTables, type BaseRule, type WalkInput, type WalkPlan, type WalkResult } from "../walk/index.js";
import { baseCandidates, breakCycles, countVotes, decideBases, firstIndex, keyAt, settleContested, type PageKeys } from "./bases.js";
import { applyAgreedNames, type NamedReading } from "./names.js";
import { basesFromSamples, inheritSeenBases, tablesOnAnyPage } from "./seen-bases.js";
import type { Walked } from "./walked.js";
import { inferredKeys, outvotedTables } from "./base-rows.js";
import { identifyTables, namesOnPage, presenceCandidates } from "./identity.js";
import { enumNames, namesClassAsEnum, resplitEnums, splitKnownRuns, standaloneEnums } from "./enums.js";
import { omissionsAgainst, omittedMembers } from "./cycles.js";
import { objectsElsewhere } from "./objects.js";
import { applySplits, splitKeys, splitPageOf, strayKey, strayTables } from "./split-keys.js";
import { basesOf, pageKeys, rowNamesOf } from "./page-keys.js";
import { disagreement, forcedNotes } from "./forced.js";

/** Search budget of a text-pipe page's first walk, before any table is identified (the full one is §5.3's). */
const FIRST_PIPE_BUDGET = 10_000;

/** A reading this far below zero leaves tables unplaced or samples refuted by the dozen (a fault costs 10, search.ts). */
const UNEXPLAINED = -100;
/** What lifting one identified name must gain: three faults fewer. */
const LIFT_GAIN = 30;

/** Walks of the pages with uncaptioned tables, each after identifying more tables by their rows. */
const IDENTITY_ROUNDS = 3;

/** The keys whose identified name differs between two identities, and the names involved. */
function changedIdentity(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): { keys: Set<string>; names: Set<string> } {
  const keys = new Set<string>();
  const names = new Set<string>();
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const [k, v] of x) {
      if (y.get(k) === v) continue;
      keys.add(k);
      names.add(v);
    }
  }
  return { keys, names };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Text-pipe AutoQuery pages whose request has no table of its own (QueryBase's rows come first):
 * a greedy reading of one, when the search runs out, takes QueryBase for the request's base and
 * the entity for the response (not `QueryDb<T>` and `QueryResponse<T>`), so their search gets
 * more room (QueryShipment18, seed 1, 1,000 ops, needs ~200,000 nodes). Few pages are such.
 */
const AUTOQUERY_PIPE_BUDGET = 300_000;
const raisedCap = (w: { input: WalkInput; plan: WalkPlan }): boolean =>
  !w.input.captions && !w.plan.requestTable && w.plan.tables[0]?.signature === "QueryBase";

/**
 * Whether the page, walked alone, leaves more tables unplaced with its enum runs re-split by the
 * lists other pages show alone than as it printed them: in a large service a run of two enums can
 * be a sequence of several other enums' lists that no reference on the page names (ArchiveFlight55,
 * seed 1, 5,000 ops: ReviewMode5 and TeamLevel3 cut into five unreferenced lists).
 */
function explainsLess(input: WalkInput, tables: WalkInput["tables"]): boolean {
  const unplaced = (r: WalkResult) => r.diagnostics.filter((d) => d.code === "W_UNRESOLVED_TABLE").length;
  const budget = { nodeCap: FIRST_PIPE_BUDGET };
  const split = walkTables({ ...input, tables, ...budget });
  if (split.overflowed) return false; // a greedy guess says nothing: the other pages' lists stand
  const printed = walkTables({ ...input, ...budget });
  return !printed.overflowed && unplaced(split) > unplaced(printed);
}

/** Every page's PageModel, solved together. `prepared` in any order; results in the same order. */
export function solvePages(prepared: readonly PreparedPage[]): PageModel[] {
  const order = prepared
    .map((p, i) => i)
    .sort((a, b) => cmp(prepared[a]!.operation, prepared[b]!.operation) || cmp(prepared[a]!.raw.source, prepared[b]!.raw.source) || a - b);
  const walked: Walked[] = [];
  const standalone = standaloneEnums(prepared.flatMap((p) => (p.walk && !p.walk.captions ? [p.walk.tables] : [])));
  for (const i of order) {
    const p = prepared[i]!;
    if (!p.walk) continue;
    const tables = p.walk.captions ? undefined : resplitEnums(p.walk.tables, standalone);
    const input = tables && !explainsLess(p.walk, tables) ? { ...p.walk, tables } : p.walk;
    const plan = planWalk(input);
    walked.push({ prepared: p, input, plan, keys: pageKeys(p, plan) });
  }
  const pages = walked.map((w) => w.keys);
  const tableful = new Set<string>();
  for (const w of walked) for (const t of w.plan.tables) if (t.caption !== undefined) tableful.add(t.caption);
  let candidates = baseCandidates(pages, rowNamesOf(walked));

  // row-identified tables (text-pipe, identity.ts)
  const uncaptioned = walked.filter((w) => w.keys.keys.some((k) => k.startsWith("#")));
  const valueTypes = new Set<string>();
  // every text-pipe page counts, even one that shows only its request's table
  const pipe = walked.filter((w) => !w.input.captions);
  for (const w of pipe) for (const t of w.plan.tables) for (const r of t.rows) nullableNames(r.ref, valueTypes);
  const presenceOf = () => presenceCandidates(pipe.map((w) => ({ plan: w.plan, complete: w.keys.complete })));
  let presence = presenceOf();
  let identity = new Map<string, string>();
  let identified = new Set<string>();
  // per page, the identified keys that only its own reading named, where readings of the page tied with it
  // name that table otherwise (identity.ts): such a page does not confirm itself (GetReviewItem4, seed 1);
  // where all its tied readings agree, its own name binds it like any other's
  let ownKeys = new Map<Walked, Set<string>>();
  // per text-pipe page, the decided bases seen before their derived tables (step 3a)
  const hints = new Map<Walked, NonNullable<WalkInput["seenBases"]>>();
  // per text-pipe page with tied readings, the tables no reference takes (base-rows.ts)
  const unreferenced = new Map<Walked, Set<number>>();
  // per text-pipe page, what the other pages show (objects.ts), from step 2d on
  const elsewhereOf = new Map<Walked, NonNullable<WalkInput["elsewhere"]>>();
  // once the pages' names are settled (after step 2b), a raised budget for the pages that need one
  let settled = false;
  const capOf = (w: Walked): number | undefined => (settled && raisedCap(w) ? AUTOQUERY_PIPE_BUDGET : undefined);
  /** `own`: the page's own keys (namesOnPage) in place of ownKeys'; `enums`: step 3c's enum names. */
  type WalkWith = { nodeCap?: number; enums?: ReadonlySet<string>; own?: ReadonlySet<string> };
  const walkPage = (w: Walked, baseRule: BaseRule, { nodeCap, enums, own = ownKeys.get(w) }: WalkWith = {}): WalkResult => {
    const notTaken = unreferenced.get(w);
    const seenBases = hints.get(w);
    const elsewhere = elsewhereOf.get(w);
    const names = namesOnPage(w.keys.keys, identity, own);
    const mayBe = w.input.captions ? undefined : presentWhereReferenced(w.keys.keys, presence);
    const ownNames = own && new Set([...own].map((k) => identity.get(k)!));
    const known = ownNames ? { has: (n: string) => identified.has(n) && !ownNames.has(n) } : identified;
    const cap = nodeCap ?? capOf(w);
    return walkTables(
      { ...w.input, tableful, baseRule, ...(names && { names }), ...(identified.size && { identified: known }), ...(mayBe && { mayBe, valueTypes }), ...(cap && { nodeCap: cap }), ...(seenBases && { seenBases }), ...(notTaken && { unreferenced: notTaken }), ...(elsewhere && { elsewhere }), ...(enums && { enums }) },
      w.plan,
    );
  };
  const openBases = (w: Walked): BaseRule => (d, b) => (candidates.possible.get(keyAt(w.keys, d) ?? "")?.has(w.keys.keys[b]!) ? "may" : "never");

  // 2. each page with only the bases no page refutes. A text-pipe page whose search overflows before
  // any table is identified reads nothing that counts (identity.ts skips overflowed readings): its
  // first walk gets a small budget, and its full walk waits for the names the other pages give.
  const deferred = new Set<Walked>();
  for (const w of walked) {
    w.result = walkPage(w, openBases(w), { nodeCap: w.input.captions ? undefined : FIRST_PIPE_BUDGET });
    if (!w.input.captions && w.result.overflowed) deferred.add(w);
  }

  // 2a. rows that two types show (split-keys.ts): where the pages that show them before a base name them
  // otherwise than the pages that refute it, those tables get a key of their own and the bases are ruled anew
  const resplit = applySplits(pages, splitKeys(pipe.map(splitPageOf), candidates, rowNamesOf(walked)));
  if (resplit.size) {
    candidates = baseCandidates(pages, rowNamesOf(walked));
    presence = presenceOf();
    for (const w of pipe) {
      if (!resplit.has(w.keys)) continue;
      w.result = walkPage(w, openBases(w), { nodeCap: FIRST_PIPE_BUDGET });
      if (w.result.overflowed) deferred.add(w);
      else deferred.delete(w);
    }
  }

  // 2b. the names the pages' references agree on (where presence allows); the pages are walked
  // again knowing them, until no new table is identified
  for (let round = 0; round < IDENTITY_ROUNDS && uncaptioned.length; round++) {
    const support = new Map<string, Set<number>>();
    const next = identifyTables(uncaptioned.map((w) => ({ keys: w.keys.keys, result: w.result! })), presence, support, identity);
    const changed = changedIdentity(identity, next);
    if (!changed.keys.size) break;
    identity = next;
    identified = new Set(identity.values());
    ownKeys = new Map();
    for (const [key, by] of support) {
      if (by.size !== 1) continue;
      const w = uncaptioned[[...by][0]!]!;
      if (!w.result!.unsure?.some((i) => w.keys.keys[i] === key)) continue;
      let own = ownKeys.get(w);
      if (!own) ownKeys.set(w, (own = new Set()));
      own.add(key);
    }
    // only pages that show a table whose name changed, or reference a name that did, can read differently
    for (const w of uncaptioned) {
      if (deferred.has(w) || w.keys.keys.some((k) => changed.keys.has(k)) || w.plan.tables.some((t) => t.refList.some((r) => changed.names.has(r.x.name)))) {
        w.result = walkPage(w, openBases(w));
        deferred.delete(w);
      }
    }
  }
  settled = true;
  for (const w of walked) if (deferred.has(w) || (w.result!.overflowed && raisedCap(w))) w.result = walkPage(w, openBases(w));
  // a page the identified names leave unexplained: the name whose lifting explains it best is another type's
  // with the same rows there, and is not imposed on it again (DeleteCoupon11, seed 7: `Weight: Voucher` met
  // Voucher's rows named PaymentDetail, which has the same rows, and the page scored -357)
  for (const w of uncaptioned) {
    for (let lifted = 0; lifted < 3 && !w.result!.overflowed && w.result!.score <= UNEXPLAINED; lifted++) {
      const before = ownKeys.get(w);
      const keys = new Set((namesOnPage(w.keys.keys, identity, before) ?? []).flatMap((n, i) => (n !== undefined ? [w.keys.keys[i]!] : [])));
      let best: { own: Set<string>; result: WalkResult } | undefined;
      for (const key of [...keys].sort()) {
        const own = new Set([...(before ?? []), key]);
        const result = walkPage(w, openBases(w), { own });
        if (!result.overflowed && result.score >= (best?.result ?? w.result!).score + LIFT_GAIN) best = { own, result };
      }
      if (!best) break;
      ownKeys.set(w, best.own);
      w.result = best.result;
    }
  }
  // 2c. a page's tie that the other pages break: rows they read as a base are not its reference's table
  const inferred = inferredKeys(uncaptioned.map((w) => ({ keys: w.keys.keys, result: w.result! })));
  for (const w of uncaptioned) {
    const tables = inferred.size ? outvotedTables({ keys: w.keys.keys, result: w.result! }, inferred) : undefined;
    if (!tables) continue;
    unreferenced.set(w, tables);
    const result = walkPage(w, openBases(w));
    // only a reading as good as the page's own: else the page keeps it
    if (result.overflowed || result.score < w.result!.score) unreferenced.delete(w);
    else w.result = result;
  }

  // 2d. a page's tie that another page's sample objects break (objects.ts): the tied pages are walked again
  // seeing them, and every later walk sees them too (a page the decided bases of step 3 leave tied)
  const objects = objectsElsewhere(pipe);
  for (const w of pipe) {
    elsewhereOf.set(w, objects(w));
    if (!w.result!.overflowed && w.result!.unsure?.length) w.result = walkPage(w, openBases(w));
  }

  // 3. one base per type, imposed on the pages that read otherwise
  const bySource = new Map(walked.map((w) => [w.keys.source, w] as const));
  const decide = () => {
    // a page whose search ran out of budget kept a greedy reading: it does not vote
    const readings = new Map(walked.filter((w) => !w.result!.overflowed).map((w) => [w.keys, w.result!.bases] as const));
    const voters = pages.filter((p) => readings.has(p));
    const votes = countVotes(voters, readings, candidates);
    const decided = decideBases(votes);
    settleContested(votes, decided, (t, b, source) => {
      const w = bySource.get(source);
      if (!w || w.result!.overflowed) return true;
      const open = openBases(w);
      const result = walkPage(w, (d, base) => (keyAt(w.keys, d) !== t ? open(d, base) : w.keys.keys[base] === b ? "must" : "never"));
      // in the walk's score (search.ts) a base costs 1 and each sample object checked without fault earns 3 (a
      // base's object is its derived type's, so fewer are checked); a fault (a sample that contradicts the reading,
      // a table the walk cannot place) costs 10 and the faulty object's 3: an indifferent page loses less than 11
      return !!result.overflowed || result.score < w.result!.score - 10;
    });
    breakCycles(decided, omissionsAgainst(walked));
    return { votes, decided };
  };
  let { votes, decided } = decide();
  // 3a. text-pipe: a decided base that a page shows before its derived type gets no table after it there, but
  // its members are in the derived type's objects: those pages are walked again knowing it, and vote again
  for (const w of pipe) {
    const h = seenBaseHints(w.keys, decided);
    if (!h) continue;
    hints.set(w, h);
    w.result = walkPage(w, openBases(w));
  }
  if (hints.size) ({ votes, decided } = decide());
  // types some page voted on: decided, or decided to have none; the rest stay as open as in step 2
  const voted = new Set([...votes.yes.keys(), ...votes.no.keys()]);
  const decidedRule = (w: Walked): BaseRule => (d, b) => {
    const t = keyAt(w.keys, d) ?? "";
    const base = w.keys.keys[b]!;
    if (voted.has(t)) return decided.get(t)?.base === base ? "must" : "never";
    return candidates.possible.get(t)?.has(base) ? "may" : "never";
  };
  // 3b. text-pipe: a table whose rows' type has a decided base that the page neither shows after it nor before,
  // and whose object there leaves out a member of that base that a sample always shows, is another type with
  // the same rows (PatchClaimOption's `{Ended}` response and Coupon12 : Payment5, seed 3): it gets a key of its own
  const omitted = omittedMembers(walked);
  for (const w of pipe) {
    const stray = strayTables(w, decided, omitted.of);
    if (!stray.length) continue;
    const before = stray.map((i) => w.keys.keys[i]!);
    for (const i of stray) w.keys.keys[i] = strayKey(w.keys.keys[i]!, w.keys.source);
    const result = walkPage(w, decidedRule(w));
    // a search cut off reads nothing better: the page keeps its reading and its keys
    if (result.overflowed && !w.result!.overflowed) stray.forEach((i, j) => (w.keys.keys[i] = before[j]!));
    else w.result = result;
  }
  for (const w of walked) {
    const own = basesOf(w.keys, w.result!);
    const disagrees = [...own].some(([t, b]) => decided.get(t)?.base !== b && voted.has(t)) || wouldTake(w, decided);
    if (!disagrees) continue;
    const result = walkPage(w, decidedRule(w));
    if (result.overflowed && !w.result!.overflowed) {
      // no reading of this page fits what the other pages decided: it keeps its own (§4.1)
      w.result!.diagnostics.push(disagreement(w, own, decided));
      continue;
    }
    result.diagnostics.push(...forcedNotes(w, own, basesOf(w.keys, result), result, decided));
    w.result = result;
  }

  // 3c. text-pipe: a class late binding named with a name the other pages read as an enum's is walked again knowing them
  const enums = enumNames(pipe.map((w) => w.result!));
  for (const w of pipe) {
    if (!namesClassAsEnum(w.result!, enums)) continue;
    const result = walkPage(w, decidedRule(w), { enums });
    if (!result.overflowed) w.result = result;
  }

  // an enum name shown alone somewhere keeps that list on the pages that ran it together with another
  splitKnownRuns(pipe.map((w) => w.result!), standalone);

  // 4. names of row-identified tables
  const named: NamedReading[] = walked.map((w) => ({ source: w.prepared.raw.source, keys: w.keys.keys, result: w.result! }));
  applyAgreedNames(named);
  inheritSeenBases(walked, decided);
  const elsewhere = tablesOnAnyPage(walked);
  basesFromSamples(walked, candidates.firsts, elsewhere);

  // 5. finish every page, in the caller's order
  const results = new Map(walked.map((w) => [w.prepared, w.result!] as const));
  // §5.5: a page whose samples cast no vote takes the casing the service's other pages show
  const wireVotes = new Map(walked.map((w) => [w.prepared, wireVote(w.prepared, w.result!)] as const));
  // a page whose objects cast no vote may still vote with a collection response's element (as finishPage reads it)
  const serviceCase = majorityCase([...wireVotes].map(([p, v]) => (v.vote !== "unknown" ? v.vote : elementVote(p, results.get(p)!, elsewhere))));
  return prepared.map((p) => finishPage(p, results.get(p), elsewhere, serviceCase, wireVotes.get(p)));
}

/**
 * Per table of a page, the earlier tables that are its decided base and that base's decided bases
 * (each shown before the derived table, so the walk places no table for it there); none: undefined.
 */
function seenBaseHints(page: PageKeys, decided: ReadonlyMap<string, { base: string }>): NonNullable<WalkInput["seenBases"]> | undefined {
  const first = firstIndex(page);
  const out = new Map<number, number[]>();
  page.keys.forEach((k, i) => {
    const d = decided.get(k);
    const at = d && first.get(d.base);
    // a tableless request (-1) is no table seen before
    if (at === undefined || at < 0 || at >= i) return;
    const list = [at];
    const visited = new Set([k, d!.base]);
    for (let b = decided.get(d!.base)?.base; b !== undefined && !visited.has(b); b = decided.get(b)?.base) {
      visited.add(b);
      const j = first.get(b);
      if (j !== undefined && j >= 0) list.push(j);
    }
    out.set(i, list);
  });
  return out.size ? (t) => out.get(t) : undefined;
}

/**
 * Presence as a rule for the walk (identity.ts): a reference X takes only a table whose rows are on
 * every complete page that references X; names no complete page references are open, and so are enum tables.
 */
function presentWhereReferenced(keys: readonly string[], presence: ReadonlyMap<string, ReadonlySet<string>>): WalkInput["mayBe"] {
  // enum keys are member lists, and plain enums run together differ from page to page (enums.ts)
  return (name, table) => keys[table]!.startsWith("#enum:") || (presence.get(name)?.has(keys[table]!) ?? true);
}

/** The casing most pages vote for (pages, not keys: one big page must not outvote the service). */
function majorityCase(cases: readonly WireCase[]): "camel" | "pascal" | "snake" | undefined {
  const votes = { camel: 0, pascal: 0, snake: 0 };
  for (const c of cases) if (c !== "unknown") votes[c]++;
  const ranked = (["camel", "pascal", "snake"] as const).filter((c) => votes[c] > 0).sort((a, b) => votes[b] - votes[a]);
  return ranked[0];
}

/** A decided base that this page shows right after its derived type but did not read as one. */
function wouldTake(w: Walked, decided: ReadonlyMap<string, { base: string }>): boolean {
  const own = basesOf(w.keys, w.result!);
  const seen = new Set<string>();
  const at = (k: string | undefined, i: number) => {
    if (k === undefined || seen.has(k)) return false;
    seen.add(k);
    const d = decided.get(k);
    return d !== undefined && w.keys.keys[i + 1] === d.base && !seen.has(d.base) && own.get(k) !== d.base;
  };
  if (at(w.keys.tablelessRequest, -1)) return true;
  return w.keys.keys.some((k, i) => at(k, i));
}
