// A page's keys as the cross-page solve reads them (spec §4.1): which table is which across pages, and
// the facts of one page that the base rules (bases.ts) and the votes need.
import type { PreparedPage } from "../page.js";
import { objectKeys, type WalkInput, type WalkPlan, type WalkResult } from "../walk/index.js";
import { keyAt, type PageKeys } from "./bases.js";
import type { Walked } from "./walked.js";

/** A page's identity keys (bases.ts PageKeys): its plan's keys, which params tables, whether cut, and where its response is. */
export function pageKeys(p: PreparedPage, plan: WalkPlan): PageKeys {
  const keys: PageKeys = {
    source: p.raw.source,
    keys: plan.keys,
    params: plan.tables.map((t) => t.kind === "params"),
    complete: p.raw.complete,
  };
  if (!plan.requestTable) keys.tablelessRequest = p.operation;
  if (p.walk && !p.walk.captions && responseAtEnd(p.walk, plan)) keys.responseAtEnd = true;
  return keys;
}

/** Whether the response sample is an object whose keys are all rows of the page's last table (PageKeys.responseAtEnd). */
function responseAtEnd(input: WalkInput, plan: WalkPlan): boolean {
  const last = plan.tables.at(-1);
  const body = input.response;
  if (input.voidResponse || !last || last.kind !== "params" || body?.kind !== "object" || body.entries.length === 0) return false;
  const rows = new Set(last.rows.map((r) => r.key));
  return [...objectKeys(body).set].every((k) => rows.has(k));
}

/** Property names of each key's table (the first page's, in source order). */
export function rowNamesOf(walked: readonly Walked[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const w of walked) {
    w.plan.tables.forEach((t, i) => {
      const key = w.plan.keys[i]!;
      if (t.kind === "params" && !out.has(key)) out.set(key, new Set(t.rows.map((r) => r.key)));
    });
  }
  return out;
}

/** A reading's bases by key. */
export function basesOf(page: PageKeys, result: WalkResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const [d, b] of result.bases) {
    const t = keyAt(page, d);
    const base = page.keys[b];
    if (t !== undefined && base !== undefined) out.set(t, base);
  }
  return out;
}
