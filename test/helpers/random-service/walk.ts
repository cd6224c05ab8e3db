// The walk of spec §4 over the TRUE graph: which types get a table on an op page, and in what
// order. Written from the spec, independently of src/model (which must recover it from the pages).
import type { TypeRef } from "../../../src/model/types.js";
import { isCandidate, refTypes, substitute } from "./csharp.js";
import type { TrueClass, TrueOperation, TrueProperty, TrueService, TrueType } from "./service.js";

export interface TableEntry {
  type: TrueType;
  /** The caption's display name: generic definitions show their parameters (`QueryResponse<T>`). */
  caption: string;
  /** Class rows with the instance's generic arguments substituted (§4 rule 7); enums have none. */
  rows: TrueProperty[];
  /** Set when the table is shown as the base of this type (walk step 1, right after its chain). */
  baseOf?: string;
}

type Named = Extract<TypeRef, { kind: "named" }>;

const argMap = (def: TrueClass, args: readonly TypeRef[]): Map<string, TypeRef> =>
  new Map((def.genericParams ?? []).map((p, i) => [p, args[i] ?? { kind: "named", name: p, args: [] }]));

export const hasTable = (t: TrueType): boolean => (t.kind === "enum" ? t.members.length > 0 : t.properties.length > 0);

/**
 * The tables of one op page, in page order. `onBase(T, asReference)` hears each type whose base
 * chain the walk prints right after it (step 1, the base not seen yet), even a prop-less base such
 * as QueryDb<T>; `asReference` says the page would be the same without the base, because the base
 * is also T's first reference to be walked (`Booking : Claim { LockedTitle: Claim }`).
 */
export function walkOperation(service: TrueService, op: TrueOperation, onBase?: (derived: string, asReference: boolean) => void): TableEntry[] {
  const tables: TableEntry[] = [];
  const seen = new Set<string>();
  const lookup = (name: string): TrueType | undefined => (isCandidate(name) ? service.types.get(name) : undefined);

  const emit = (def: TrueType, args: readonly TypeRef[], baseOf?: string): void => {
    if (!hasTable(def)) return;
    if (def.kind === "enum") return void tables.push({ type: def, caption: def.name, rows: [] });
    const map = argMap(def, args);
    const caption = def.genericParams?.length ? `${def.name}<${def.genericParams.join(", ")}>` : def.name;
    tables.push({ type: def, caption, rows: def.properties.map((p) => ({ ...p, type: substitute(p.type, map) })), ...(baseOf && { baseOf }) });
  };

  const visit = (ref: Named): void => {
    const def = lookup(ref.name);
    if (!def) return;
    emit(def, ref.args);
    seen.add(ref.name);
    walkRefs(def, ref.args);
  };

  const walkRefs = (def: TrueType, args: readonly TypeRef[]): void => {
    if (def.kind === "enum") return;
    const map = argMap(def, args);
    const base = def.base && (substitute(def.base, map) as Named);
    // 1. the base chain, 2. the base's generic arguments
    if (base && !seen.has(base.name)) {
      const firstRef = base.args.length ? undefined : def.properties.flatMap((p) => refTypes(substitute(p.type, map)) as Named[]).find((x) => !seen.has(x.name));
      seen.add(base.name);
      const baseDef = lookup(base.name);
      onBase?.(def.name, firstRef?.name === base.name && firstRef.args.length === 0);
      if (baseDef) {
        emit(baseDef, base.args, def.name);
        walkRefs(baseDef, base.args);
      }
    }
    for (const arg of base?.args ?? []) if (arg.kind === "named" && !seen.has(arg.name)) visit(arg);
    // 3. each property's referenced types, in declaration order
    for (const p of def.properties)
      for (const x of refTypes(substitute(p.type, map)) as Named[]) if (!seen.has(x.name)) visit(x);
  };

  const request = service.types.get(op.name)!;
  visit({ kind: "named", name: request.name, args: [] });
  // the response: its table without a seen-check, then its references (a List<X> response has none)
  if (op.response !== "void" && op.response.kind === "named") {
    const def = lookup(op.response.name);
    if (def) {
      emit(def, op.response.args);
      seen.add(op.response.name);
      walkRefs(def, op.response.args);
    }
  }
  return tables;
}
