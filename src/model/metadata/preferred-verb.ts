// The preferred verb (spec §8.3) of an operation read from /types/metadata: the server's own
// `method` when it says, else the rules pages use, of which only rule 1 (a verb marker interface)
// is visible to nothing but this JSON.
import type { MetadataOperationFacts } from "../types.js";

const MARKERS: Readonly<Record<string, string>> = {
  IGet: "GET", IPost: "POST", IPut: "PUT", IPatch: "PATCH", IDelete: "DELETE", IOptions: "OPTIONS",
};
const SINGLE_VERBS: ReadonlySet<string> = new Set(Object.values(MARKERS));

export function preferredVerb(op: MetadataOperationFacts): string {
  if (op.method && SINGLE_VERBS.has(op.method)) return op.method;
  for (const i of op.request.implements) if (Object.hasOwn(MARKERS, i)) return MARKERS[i]!;
  const single = new Set<string>();
  for (const r of op.routes) if (r.verbs !== "*" && r.verbs.length === 1 && SINGLE_VERBS.has(r.verbs[0]!)) single.add(r.verbs[0]!);
  if (single.size === 1) return [...single][0]!;
  const base = op.request.base;
  if (base === "QueryBase" || base?.startsWith("QueryDb<")) return "GET";
  return "POST";
}
