// Upper bounds on the score a partial parse of the search (search.ts) can still reach. The search
// prunes a branch whose bound is below the best parse found (a tie is still explored), so a bound
// that is never below the true best of its branch changes nothing but the work done.
import type { SampleNode } from "../types.js";
import type { WalkInput } from "./index.js";
import { accessValue, forEachObject, objectKeys } from "./sample-access.js";
import type { Table } from "./tables.js";

/** What the bounds read of the search. */
export interface BoundSearch {
  readonly n: number;
  readonly pos: number;
  readonly score: number;
  readonly nodes: number;
  readonly objects: number;
  readonly startedChecks: number;
  readonly openChecks: number;
  readonly openFailed: number;
  readonly responseTable: number;
}

/** What an open chain can still add: +3 if it passes, -10 at best if it already fails C1. */
function openChains(s: BoundSearch): number {
  return 3 * (s.openChecks - s.openFailed) - 10 * s.openFailed;
}

/** Every future +3 needs an open chain, or a table and a sample object of its own. */
export function plainBound(s: BoundSearch): number {
  return s.score + 3 * Math.max(0, Math.min(s.n - s.pos, s.objects - s.startedChecks)) + openChains(s);
}

/** What the search may do with a table (search.ts knows the response rules). */
export interface TableRoles {
  /** The table may be the response. */
  response(tb: Table): boolean;
  /** The table is captioned as a response (never a base or a generic argument). */
  captionedResponse(tb: Table): boolean;
}

/**
 * Captioned pages: a table captioned X is only ever X's table. So it earns a sample check (+3) only
 * as a reference to X whose value in some sample object is an object with members, as the response
 * or as the request; a table no row of the page references can otherwise only be a base (-1: and only of the table right before it, the walk takes a base
 * right after its derived type), a generic argument (-1 or more) or be left (-10). A table the walk
 * can place in none of those ways ends every parse there (tables are placed in page order): it and
 * every table after it are left, -10 each (leaf()). Only the response step takes a table whatever
 * its name, once. Precomputed per page as prefix counts, so a node pays O(1).
 */
export class CaptionedBound {
  /** Tables before i that may earn a check (params tables a sample object reaches, or uncaptioned ones). */
  #earn = new Int32Array(0);
  /** Tables before i that earn nothing, cost nothing (referenced, no sample object reaches them) and that the response may take. */
  #spare = new Int32Array(0);
  /** Params tables before i that no row references (each costs 1 at least, unless it is the response). */
  #cost = new Int32Array(0);
  /** The first table at or after i the walk cannot place except as the response (n: none). */
  #block = new Int32Array(0);
  #response: boolean[] = [];
  #built = false;

  constructor(
    readonly tables: readonly Table[],
    readonly input: WalkInput,
    readonly roles: TableRoles,
    /** Nodes searched before the tables are counted (before that, the plain bound): most pages are done sooner. */
    readonly after: number,
  ) {}

  bound(s: BoundSearch): number {
    if (!this.#built) {
      if (s.nodes < this.after) return plainBound(s);
      this.build();
    }
    const { n, pos } = s;
    let end = this.#block[pos]!;
    // the response step may still take one table whatever its name
    let spare = 0;
    if (s.responseTable < 0) {
      if (end < n && this.#response[end]) end = this.#block[end + 1]!;
      spare = 1;
    }
    const earn = this.#earn[end]! - this.#earn[pos]!;
    const cost = this.#cost[end]! - this.#cost[pos]!;
    // the response: one table that would not earn may earn instead (and cost nothing)
    const other = spare && cost + this.#spare[end]! - this.#spare[pos]! > 0 ? 1 : 0;
    const free = Math.min(spare, cost);
    const checks = Math.max(0, Math.min(earn + other, s.objects - s.startedChecks));
    return s.score + 3 * checks + openChains(s) - (cost - free) - 10 * (n - end);
  }

  private build(): void {
    const { tables, input, roles } = this;
    const n = tables.length;
    const referenced = new Set<string>();
    for (const tb of tables) for (const { x } of tb.refList) referenced.add(`${x.name}/${x.arity}`);
    const reached = reachedByObjects(tables, [input.request, input.response]);
    this.#earn = new Int32Array(n + 1);
    this.#spare = new Int32Array(n + 1);
    this.#cost = new Int32Array(n + 1);
    this.#block = new Int32Array(n + 1).fill(n);
    this.#response = tables.map((tb) => roles.response(tb));
    // a table after a generic base (QueryBase, a captioned generic, or an uncaptioned one) may be a generic argument
    let genericBaseBefore = false;
    const placeable: boolean[] = [];
    for (let j = 0; j < n; j++) {
      const tb = tables[j]!;
      const name = `${tb.caption}/${tb.captionParams?.length ?? 0}`;
      const open = !tb.caption || referenced.has(name) || j === 0;
      const earns = !tb.caption || reached.has(name) || j === 0;
      const params = tb.kind === "params";
      const other = params && !roles.captionedResponse(tb);
      const prev = j > 0 ? tables[j - 1] : undefined;
      const asBase = other && (j === 0 || prev?.kind === "params") && (input.baseRule?.(j - 1, j) ?? "may") !== "never";
      const asArgument = other && genericBaseBefore;
      this.#earn[j + 1] = this.#earn[j]! + (params && earns ? 1 : 0);
      this.#spare[j + 1] = this.#spare[j]! + (params && open && !earns && this.#response[j] ? 1 : 0);
      this.#cost[j + 1] = this.#cost[j]! + (params && !open ? 1 : 0);
      placeable.push(open || asBase || asArgument);
      if (!tb.caption || tb.caption === "QueryBase" || (tb.captionParams?.length ?? 0) > 0) genericBaseBefore = true;
    }
    for (let j = n - 1; j >= 0; j--) this.#block[j] = placeable[j] ? this.#block[j + 1]! : j;
    this.#built = true;
  }
}

/**
 * `name/arity` of every reference whose value in some object of the samples is an object with
 * members: only a table of such a name can be checked against a sample object (an empty object
 * earns nothing either, search.ts check()). Every object the search checks is one of the samples'.
 */
function reachedByObjects(tables: readonly Table[], samples: readonly (SampleNode | undefined)[]): Set<string> {
  const objects: (SampleNode & { kind: "object" })[] = [];
  forEachObject(samples, (obj) => void objects.push(obj));
  const byKey = new Map<string, (SampleNode & { kind: "object" })[]>();
  for (const o of objects) {
    for (const key of objectKeys(o).set) {
      const list = byKey.get(key);
      if (list) list.push(o);
      else byKey.set(key, [o]);
    }
  }
  const out = new Set<string>();
  for (const tb of tables) {
    for (const { row, x } of tb.refList) {
      const name = `${x.name}/${x.arity}`;
      if (out.has(name)) continue;
      for (const o of byKey.get(row.key) ?? []) {
        const v = accessValue(o, row, x.access);
        if (v?.kind === "object" && v.entries.length > 0) {
          out.add(name);
          break;
        }
      }
    }
  }
  return out;
}
