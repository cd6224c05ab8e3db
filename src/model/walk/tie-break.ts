// Ties between walk parses of equal score (§5.3 scores them the same; the search keeps the first).
// A sample shows every member that is not null (§2.8): value types, strings, enums, and collections
// or dictionaries of them always have an example value; only nullable members and objects the
// server could not build (recursion, depth) are left out. Of tied parses, the one whose chains
// leave fewest such members out of their sample objects is the more likely reading (a response
// `WarehouseOption : MutationResult` whose object lacks WarehouseOption's `visiblePlatform` date
// vs the response `MutationResult` itself).
import { isCollectionName, isDictionaryName, isValueTypeName } from "../../csharp-type.js";
import type { TypeRef } from "../types.js";
import { objectKeys } from "./sample-access.js";
import type { Snapshot } from "./reading.js";
import type { Table } from "./tables.js";

const scalar = (ref: TypeRef | undefined, enums: ReadonlySet<string>): boolean =>
  ref?.kind === "named" && ref.args.length === 0 && (ref.name === "string" || isValueTypeName(ref.name) || enums.has(ref.name));

/** A member whose example value a sample always shows. */
function alwaysShown(ref: TypeRef | undefined, enums: ReadonlySet<string>): boolean {
  if (!ref || ref.kind === "nullable") return false;
  if (ref.kind === "array") return scalar(ref.element, enums);
  if (!ref.args.length) return scalar(ref, enums);
  if (isCollectionName(ref.name)) return ref.args.length === 1 && scalar(ref.args[0], enums);
  if (isDictionaryName(ref.name)) return ref.args.length === 2 && ref.args.every((a) => scalar(a, enums));
  return false;
}

/** Members always shown that the parse's sample objects lack, over every chain (a table and the bases after it). */
function omitted(parse: Snapshot, tables: readonly Table[], enums: ReadonlySet<string>): number {
  let count = 0;
  parse.slots.forEach((slot, i) => {
    const obj = slot?.obj;
    if (!slot || slot.role === "base" || obj?.kind !== "object" || obj.truncated) return;
    const present = objectKeys(obj).set;
    for (let j = i; j === i || (parse.slots[j]?.role === "base" && parse.slots[j]!.of === j - 1); j++) {
      for (const row of tables[j]?.rows ?? []) if (!present.has(row.key) && alwaysShown(row.ref, enums)) count++;
    }
  });
  return count;
}

/**
 * 1 when the parse's AutoQuery argument (its generic-arg slot) differs from the type its
 * `QueryResponse<T>` table's `Results: List<X>` row names, else 0. §4 rule 7 makes that row
 * unreliable as a name (it may show another op's argument), but between parses that explain the page
 * equally well it is the page's only word on which table is the argument: `QueryRegion : QueryDb<Region>`
 * whose Region table references the enum WarehouseTier and itself reads just as well with the names
 * swapped (the class named by its self-reference, the enum by the other reference).
 */
function resultsMismatch(parse: Snapshot, tables: readonly Table[]): number {
  const rt = parse.slots[parse.responseTable];
  if (rt?.name !== "QueryResponse") return 0;
  const refs = tables[parse.responseTable]?.rows.find((r) => r.raw.name === "Results")?.refs ?? [];
  if (refs.length !== 1) return 0;
  const arg = parse.slots.find((s) => s?.role === "generic-arg");
  return arg && arg.name !== refs[0]!.name ? 1 : 0;
}

/**
 * The tied parse that leaves fewest always-shown members out, then whose AutoQuery argument agrees
 * with its Results row (the first of those on a tie). Enums count where captions name them.
 */
export function fewestOmitted(parses: readonly Snapshot[], tables: readonly Table[]): Snapshot {
  const enums = new Set(tables.flatMap((t) => (t.kind === "enum" && t.caption !== undefined ? [t.caption] : [])));
  const cost = (p: Snapshot): [number, number] => [omitted(p, tables, enums), resultsMismatch(p, tables)];
  let best = parses[0]!;
  let least = cost(best);
  for (const p of parses.slice(1)) {
    const c = cost(p);
    if (c[0] < least[0] || (c[0] === least[0] && c[1] < least[1])) [best, least] = [p, c];
  }
  return best;
}
