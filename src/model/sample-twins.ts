// A class read only from samples (an object that no table shows on its page: a member of a collection
// response's element, say) whose members are exactly those of one class that a table shows on another
// page (the same names, types, wire names and base) is that class (spec §4.1: one type graph; a
// sample-only reading differs only in what its page could show). Seed 3, 1,000 ops, pipe: ArchiveBasketRecord2's
// `owner` elements `{createdZip, uniform}` are LedgerSummary, whose table other pages show; read alone
// they were a class `OwnerItem` of their own, without the table's Required flag and description.
import type { ApiModel, TypeModel } from "./types.js";
import { renameType, rewriteTypeText } from "./rename.js";

/** Name, type and wire name of each member, in name order: two readings of one class list the same. */
function shapeOf(t: TypeModel): string {
  const members = (t.properties ?? []).map((p) => `${p.name}:${p.type}:${p.wireName ?? ""}`).sort();
  return `${t.base ?? ""}|${members.join(",")}`;
}

const isSampleOnly = (t: TypeModel): boolean => t.kind === "class" && t.from === "sample" && !t.genericParams?.length && (t.properties?.length ?? 0) > 0;
const hasTable = (t: TypeModel): boolean => t.kind === "class" && t.from !== "sample" && t.from !== "builtin" && !t.genericParams?.length && (t.properties?.length ?? 0) > 0;

/** Folds every sample-only class into the one table-backed class of its shape (none when two have it). */
export function foldSampleTwins(api: ApiModel): void {
  // a sample-only class may hold another: once that one is folded, its shape may match too
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const renames = twinsOf(api.types);
    if (!renames.size) return;
    // copies: the merge's types may still be shared with the pages' readings
    api.types = api.types.filter((t) => !renames.has(t.name)).map((t) => renameType(t, renames));
    for (const op of api.operations) op.response = rewriteTypeText(op.response, renames);
  }
}

/** Nesting depth of sample-only classes that fold in turn. */
const MAX_ROUNDS = 4;

function twinsOf(types: readonly TypeModel[]): Map<string, string> {
  const byShape = new Map<string, string[]>();
  for (const t of types) {
    if (!hasTable(t)) continue;
    const key = shapeOf(t);
    const names = byShape.get(key);
    if (names) names.push(t.name);
    else byShape.set(key, [t.name]);
  }
  const renames = new Map<string, string>();
  for (const t of types) {
    if (!isSampleOnly(t)) continue;
    const twins = byShape.get(shapeOf(t));
    if (twins?.length === 1) renames.set(t.name, twins[0]!);
  }
  return renames;
}
