// Ties between walk parses of equal score (§5.3 scores them the same; the search keeps the first).
// A sample shows every member that is not null (§2.8): value types, strings, enums, and collections
// or dictionaries of them always have an example value; only nullable members and objects the
// server could not build (recursion, depth) are left out. Of tied parses, the one whose chains
// leave fewest such members out of their sample objects is the more likely reading (a response
// `WarehouseOption : MutationResult` whose object lacks WarehouseOption's `visiblePlatform` date
// vs the response `MutationResult` itself). In a body's own object (the request's, the response's)
// a member holding a class the parse gives a table counts too, unless that class is the body's own
// (it would recur): nothing encloses the body, so neither recursion nor depth leaves it out there.
import { isCollectionName, isDictionaryName, isValueTypeName } from "../../csharp-type.js";
import type { SampleNode, TypeRef } from "../types.js";
import { accessValue, objectKeys } from "./sample-access.js";
import { chainEnd, type Snapshot } from "./reading.js";
import { tableKey, type Table } from "./tables.js";
import type { Elsewhere } from "./index.js";

const scalar = (ref: TypeRef | undefined, enums: ReadonlySet<string>): boolean =>
  ref?.kind === "named" && ref.args.length === 0 && (ref.name === "string" || isValueTypeName(ref.name) || enums.has(ref.name));

/** A member whose example value a sample always shows (`enums`: the names that are enums). */
export function alwaysShown(ref: TypeRef | undefined, enums: ReadonlySet<string>): boolean {
  if (!ref || ref.kind === "nullable") return false;
  // a collection's one element, a dictionary's one value: shown when they are (`Dictionary<string, List<int>>`)
  if (ref.kind === "array") return alwaysShown(ref.element, enums);
  if (!ref.args.length) return scalar(ref, enums);
  if (isCollectionName(ref.name)) return ref.args.length === 1 && alwaysShown(ref.args[0], enums);
  if (isDictionaryName(ref.name)) return ref.args.length === 2 && scalar(ref.args[0], enums) && alwaysShown(ref.args[1], enums);
  return false;
}

/**
 * The class a member holds (itself, or the element or value of a collection or dictionary of it),
 * when that is not nullable: a sample builds it unless it is already being built (recursion).
 */
function heldClass(ref: TypeRef | undefined): string | undefined {
  if (!ref || ref.kind === "nullable") return undefined;
  if (ref.kind === "array") return heldClass(ref.element);
  if (ref.kind !== "named") return undefined;
  if (!ref.args.length) return ref.name;
  if (isCollectionName(ref.name) && ref.args.length === 1) return heldClass(ref.args[0]);
  if (isDictionaryName(ref.name) && ref.args.length === 2) return heldClass(ref.args[1]);
  return undefined;
}

/** How deep omitted() follows a row's value into the table of a type placed elsewhere (explains.ts's DEPTH). */
const DEPTH = 3;

/**
 * Members always shown that the parse's sample objects lack, over every chain (a table and the bases
 * after it), plus values of the wrong kind for their type (an object where the parse placed an enum
 * table, a name where it placed a class). Each slot's own object counts, and so does every other
 * value of a type the parse placed, met as a row's value: the walk checks a type's chain only
 * against the object where it first visits the type, but a sample shows the type's members wherever
 * it holds one (an object of `Warehouse` inside a later response, where the request had no sample).
 * `roots`: the bodies' own objects.
 */
function omitted(
  parse: Snapshot,
  tables: readonly Table[],
  enums: ReadonlySet<string>,
  roots: readonly (SampleNode | undefined)[],
  elsewhere?: Elsewhere,
): number {
  const slots = parse.slots;
  const heads = new Map<string, number>();
  slots.forEach((slot, i) => {
    if (slot && slot.role !== "base" && !heads.has(slot.name)) heads.set(slot.name, i);
  });
  let count = 0;
  const visit = (obj: SampleNode | undefined, i: number, depth: number): void => {
    if (obj?.kind !== "object" || obj.truncated) return;
    const present = objectKeys(obj).set;
    const chain: number[] = [];
    for (let j = i, end = chainEnd(slots, i); j < end; j++) chain.push(j);
    // a body's own object is built first, so a class member of it is left out only where it would recur
    const building = roots.includes(obj) ? new Set(chain.map((j) => slots[j]?.name)) : undefined;
    for (const j of chain) {
      for (const row of tables[j]?.rows ?? []) {
        if (!present.has(row.key)) {
          if (alwaysShown(row.ref, enums) || (building && builtThere(row.ref, building))) count++;
          continue;
        }
        if (depth <= 0) continue;
        for (const x of row.refs) {
          const h = heads.get(x.name);
          const v = h === undefined ? undefined : accessValue(obj, row, x.access);
          if (!v || v.kind === "null") continue;
          // C4 wherever the type's value shows: an enum's is a name, a class's an object
          if ((tables[h!]!.kind === "enum") !== (v.kind === "scalar")) count++;
          // a slot's own object is counted once, as that slot's
          else if (v !== slots[h!]!.obj) visit(v, h!, depth - 1);
        }
      }
    }
  };
  // a class member of a body's object: its class has a params table in this parse and is not being built
  const builtThere = (ref: TypeRef | undefined, building: ReadonlySet<string | undefined>): boolean => {
    const name = heldClass(ref);
    const h = name === undefined ? undefined : heads.get(name);
    return h !== undefined && tables[h]!.kind === "params" && !building.has(name);
  };
  slots.forEach((slot, i) => {
    if (slot && slot.role !== "base") visit(slot.obj, i, DEPTH);
  });
  // the objects other pages show of each type the parse gives a table: its chain's always-shown members are in them
  if (elsewhere) {
    for (const [name, i] of heads) {
      // an enum's value is a name: an object of it elsewhere is a value of the wrong kind (C4)
      for (const obj of elsewhere.objects(name) ?? []) if (tables[i]!.kind === "enum") count++;
      else visit(obj, i, 0);
    }
  }
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
 * Enum tables the parse names X where the other pages' references give the same members another
 * name and never X: small enums may share members, so this only breaks a tie (GetRoom, mixes seed
 * 1900882543: its enum table read as `Employee`, which two pages show as `BookingLevel`).
 */
function enumsNamedOtherwise(parse: Snapshot, tables: readonly Table[], elsewhere: Elsewhere | undefined): number {
  if (!elsewhere) return 0;
  let count = 0;
  parse.slots.forEach((slot, i) => {
    const tb = tables[i];
    if (!slot || tb?.kind !== "enum") return;
    const names = elsewhere.enumNames(tableKey(tb));
    if (names?.size && !names.has(slot.name)) count++;
  });
  return count;
}

/**
 * The tied parse that leaves fewest always-shown members out, then whose AutoQuery argument agrees
 * with its Results row (the first of those on a tie). Enums count where captions name them, and
 * where the parse places them.
 */
export function fewestOmitted(
  parses: readonly Snapshot[],
  tables: readonly Table[],
  roots: readonly (SampleNode | undefined)[] = [],
  elsewhere?: Elsewhere,
): Snapshot {
  const captioned = tables.flatMap((t) => (t.kind === "enum" && t.caption !== undefined ? [t.caption] : []));
  // and the names each parse gives enum tables: in that reading their members are always shown
  const enumsOf = (p: Snapshot): ReadonlySet<string> => new Set([...captioned, ...p.slots.flatMap((slot, i) => (slot && tables[i]?.kind === "enum" ? [slot.name] : []))]);
  const cost = (p: Snapshot): number[] => [omitted(p, tables, enumsOf(p), roots, elsewhere), resultsMismatch(p, tables), enumsNamedOtherwise(p, tables, elsewhere)];
  const less = (a: readonly number[], b: readonly number[]): boolean => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
    return false;
  };
  let best = parses[0]!;
  let least = cost(best);
  for (const p of parses.slice(1)) {
    const c = cost(p);
    if (less(c, least)) [best, least] = [p, c];
  }
  return best;
}
