// From the chosen assignment to TypeModels: late binding, AutoQuery, generic arguments,
// duplicates (§4 rule 6), enum splits, and samples lent to types the walk reached without one.
import type { Diagnostic, PropertyModel, RawEnumTable, SampleNode, TypeFrom, TypeModel, TypeRef } from "../types.js";
import { formatType } from "../../csharp-type.js";
import { HIDDEN, knownTableless, type Table } from "./tables.js";
import { accessValue, asObject, objectKeys } from "./sample-access.js";
import type { Slot, Snapshot, X0 } from "./reading.js";
import type { WalkInput, WalkResult, WalkedType } from "./index.js";
import { alwaysShown } from "./tie-break.js";

// --------------------------------------------------------------------------------------------
// From the chosen assignment to TypeModels

export function substitute(ref: TypeRef, from: string, to: string): TypeRef {
  switch (ref.kind) {
    case "named":
      if (ref.name === from && ref.args.length === 0) return { kind: "named", name: to, args: [] };
      return { kind: "named", name: ref.name, args: ref.args.map((a) => substitute(a, from, to)) };
    case "array":
      return { kind: "array", element: substitute(ref.element, from, to) };
    case "nullable":
      return { kind: "nullable", inner: substitute(ref.inner, from, to) };
  }
}

export function fromOf(naming: Slot["naming"]): TypeFrom {
  switch (naming) {
    case "caption":
      return "caption";
    case "operation":
      return "operation";
    case "reference":
      return "reference";
    case "xml":
      return "xml";
    case "late-binding":
      return "late-binding";
    default:
      return "inferred";
  }
}

export function assemble(
  s: Snapshot,
  tables: Table[],
  input: WalkInput,
  requestTable: boolean,
  diagnostics: Diagnostic[],
): WalkResult {
  const slots = s.slots.map((x) => (x ? { ...x } : undefined));
  const lateBound = new Set<number>();
  const unresolved = new Set<number>();

  // Tables left over are provisional, like generic arguments without captions.
  for (let i = s.consumed; i < tables.length; i++) {
    const tb = tables[i]!;
    const known = input.names?.[i];
    slots[i] = {
      name: tb.caption ?? known ?? signatureName(tb) ?? `Unnamed${i + 1}`,
      role: "unknown",
      naming: tb.caption ? "caption" : known !== undefined ? "reference" : signatureName(tb) ? "signature" : "provisional",
    };
  }

  // Late binding: a provisional table takes the unique compatible name that found no table.
  const taken = new Set(slots.filter((x) => x && x.naming !== "provisional").map((x) => x!.name));
  taken.add(input.operation);
  for (let i = 0; i < tables.length; i++) {
    const slot = slots[i];
    if (!slot || slot.naming !== "provisional") continue;
    // an object of the type holds its bases' members too (a G1 table may have a base chain)
    const chain = chainAt(i, slots, tables);
    const names = [...new Set(s.x0.filter((x) => !taken.has(x.name) && compatible(chain, x.value) && mayName(input, chain, x.name)).map((x) => x.name))];
    if (names.length === 1) {
      bindName(slots, chain, names[0]!);
      if (slot.role === "unknown") slot.role = "reference";
      taken.add(slot.name);
      lateBound.add(i);
    } else unresolved.add(i);
  }

  baseAsReferenced(s, slots, tables, input, taken, lateBound);
  respondAsReferenced(s, slots, tables, input, taken);

  // AutoQuery: a request based on QueryBase extends QueryDb<A>, A = its generic-argument tables.
  const reqIndex = requestTable ? 0 : -1;
  const reqBase = slots.findIndex((x) => x?.role === "base" && x.of === reqIndex);
  const autoQuery = reqBase >= 0 && slots[reqBase]!.name === "QueryBase";
  const argsOf = (owner: number) =>
    slots.flatMap((x, i) => (x?.role === "generic-arg" && x.of === owner && !unresolved.has(i) ? [x.name] : []));
  const baseIndex = new Map<number, number>();
  slots.forEach((x, i) => {
    if (x?.role === "base" && x.of !== undefined && !baseIndex.has(x.of)) baseIndex.set(x.of, i);
  });
  const baseOwner = (derived: number) => baseIndex.get(derived) ?? -1;

  // Generic tables: their rows may name another op's argument; rewrite that argument as the parameter.
  const params = new Map<number, string[]>();
  for (let i = 0; i < tables.length; i++) {
    const tb = tables[i]!;
    const slot = slots[i];
    if (!slot) continue;
    if (tb.captionParams?.length) params.set(i, tb.captionParams);
    else if (slot.naming === "signature" && slot.name === "QueryResponse") params.set(i, ["T"]);
  }
  const autoArgs = autoQuery ? argsOf(reqIndex) : [];
  const concrete = new Map<number, string[]>();
  /** Generic tables: the name their rows use for the parameter. */
  const argumentOf = new Map<number, string>();
  const rowTypes = new Map<number, string[]>();
  for (const [i, gp] of params) {
    const tb = tables[i]!;
    const slot = slots[i]!;
    let known: string[] | undefined;
    if (slot.role === "response" && autoQuery && autoArgs.length) known = [autoArgs[autoArgs.length - 1]!];
    if (slot.role === "base" && slot.of !== undefined) {
      const a = argsOf(slot.of);
      if (a.length === gp.length) known = a;
    }
    if (tb.kind !== "params" || gp.length !== 1) {
      if (known) concrete.set(i, known);
      continue;
    }
    const results = tb.rows.find((r) => r.raw.name === "Results");
    const candidates =
      slot.name === "QueryResponse" && results
        ? results.refs.map((r) => r.name)
        : [...new Set(tb.rows.flatMap((r) => r.refs.map((x) => x.name)).filter((x) => !HIDDEN.has(x) && x !== gp[0]))];
    const display = `${slot.name}<${gp.join(",")}>`;
    if (candidates.length === 1) {
      const c = candidates[0]!;
      argumentOf.set(i, c);
      rowTypes.set(
        i,
        tb.rows.map((r) => (r.ref ? formatType(substitute(r.ref, c, gp[0]!)) : r.type)),
      );
      if (!known) {
        known = [c];
        diagnostics.push({
          code: "W_GENERIC_UNRELIABLE",
          detail: `${display}: argument ${c} read from its own table, which may belong to another operation`,
        });
      }
    } else if (candidates.length > 1) {
      diagnostics.push({
        code: "W_GENERIC_UNRELIABLE",
        detail: `${display}: cannot tell the argument among ${candidates.join(", ")}`,
      });
    }
    if (known) concrete.set(i, known);
  }
  const typeName = (i: number): string => {
    const slot = slots[i]!;
    const args = concrete.get(i);
    const gp = params.get(i);
    if (args) return `${slot.name}<${args.join(",")}>`;
    if (gp) return `${slot.name}<${gp.join(",")}>`;
    return slot.name;
  };

  // Duplicates (§4 rule 6): a response table equal to an earlier table is that type.
  let responseDuplicateOf = -1;
  if (s.responseTable >= 0) {
    const rt = tables[s.responseTable]!;
    const shape = (t: Table) => t.rows.map((r) => `${r.raw.name} ${r.type}`).join("\n");
    for (let i = 0; i < s.responseTable; i++) {
      const t = tables[i]!;
      // with captions the caption already names the response; equal rows under another caption are another type
      const sameName = rt.caption === undefined || rt.caption === t.caption;
      if (slots[i] && t.kind === "params" && sameName && shape(t) === shape(rt) && t.rows.length > 0) {
        responseDuplicateOf = i;
        break;
      }
    }
  }

  const types: WalkedType[] = [];
  const baseFor = (derived: number): string | undefined => {
    const b = baseOwner(derived);
    if (b < 0) return undefined;
    if (derived === reqIndex && autoQuery) {
      const a = argsOf(reqIndex);
      return a.length ? `QueryDb<${a.join(",")}>` : "QueryBase";
    }
    return typeName(b);
  };
  if (!requestTable) {
    const model: TypeModel = { name: input.operation, kind: "class", role: "request", from: "operation", properties: [] };
    const base = baseFor(-1);
    if (base) model.base = base;
    types.push({ model, sample: asObject(input.request) });
  }
  for (let i = 0; i < tables.length; i++) {
    const slot = slots[i];
    if (!slot) continue;
    if (i === s.responseTable && responseDuplicateOf >= 0) continue;
    const tb = tables[i]!;
    const model: TypeModel = {
      name: slot.name,
      kind: tb.kind === "enum" ? "enum" : "class",
      role: slot.role,
      from: lateBound.has(i) ? "late-binding" : fromOf(slot.naming),
    };
    const gp = params.get(i);
    if (gp) model.genericParams = gp;
    if (tb.raw.partial) model.partial = true;
    const base = baseFor(i);
    if (base) model.base = base;
    if (tb.kind === "enum") {
      const raw = tb.raw as RawEnumTable;
      model.members = raw.members.map((m) => ({
        name: m.name,
        ...(m.value !== undefined && m.value !== "" ? { value: m.value } : {}),
        ...(m.description ? { description: m.description } : {}),
      }));
      if (raw.valued) model.valued = true;
    } else {
      const rt = rowTypes.get(i);
      model.properties = tb.rows.map((r, k): PropertyModel => {
        const p: PropertyModel = {
          name: r.raw.name,
          wireName: r.raw.name,
          param: r.raw.param,
          type: rt?.[k] ?? r.type,
          required: r.raw.required,
          origin: "table",
        };
        if (r.raw.description) p.description = r.raw.description;
        if (r.raw.allowableValues?.length) p.allowableValues = r.raw.allowableValues;
        if (r.raw.range) p.range = r.raw.range;
        return p;
      });
    }
    const walked: WalkedType = { model, table: i, sample: slot.obj };
    if (tb.kind === "params") {
      walked.propertyKeys = tb.rows.map((r) => r.key);
      walked.propertyKeySet = tb.keys;
    }
    types.push(walked);
  }
  // a response shown twice (§4 rule 6) is one type: the response sample is an object of it
  if (responseDuplicateOf >= 0) {
    const same = types.find((t) => t.table === responseDuplicateOf);
    const rs = slots[s.responseTable]?.obj;
    if (same && !same.sample && rs) same.sample = rs;
  }
  if (!input.captions) splitEnums(types, s.x0, taken);
  lendSamples(types, tables, slots, (i, name) =>
    argumentOf.get(i) === name && concrete.get(i)?.length === 1 ? concrete.get(i)![0]! : name,
  );

  for (const i of unresolved) {
    diagnostics.push({
      code: "W_UNRESOLVED_TABLE",
      detail: `table ${i + 1} (${slots[i]!.name}) matches no reference; kept as ${slots[i]!.name}`,
    });
  }
  for (let i = 0; i < tables.length; i++) {
    const slot = slots[i];
    if (slot && slot.role === "unknown" && slot.naming !== "provisional" && !lateBound.has(i)) {
      diagnostics.push({ code: "W_UNRESOLVED_TABLE", detail: `table ${i + 1} (${slot.name}) is not on the walk` });
    }
  }
  for (const t of types) {
    const slot = t.table !== undefined ? slots[t.table] : undefined;
    if (slot?.naming === "inferred") diagnostics.push({ code: "W_NAME_INFERRED", detail: slot.name });
  }

  let response: string | undefined;
  if (responseDuplicateOf >= 0) response = typeName(responseDuplicateOf);
  else if (s.responseTable >= 0) response = typeName(s.responseTable);
  const bases: [number, number][] = [];
  slots.forEach((x, i) => {
    if (x?.role === "base" && x.of !== undefined) bases.push([x.of, i]);
  });
  const result: WalkResult = { types, response, autoQuery, diagnostics, score: s.score, bases };
  if (!input.captions) {
    const tableless = [...new Set(s.x0.map((x) => x.name))].filter((n) => !knownTableless(n) && !taken.has(n) && !types.some((t) => t.model.name === n));
    if (tableless.length) result.tableless = tableless;
  }
  return result;
}

/**
 * Adjacent plain enum tables can run together in pipe text (W_ENUM_BOUNDARY). An enum reference
 * that found no table, whose sample value is a later member of an enum table, owns the members
 * from there on (§5.2: split by the pending enum references). Its table would have followed the
 * one right before where the walk visited it, so only that table (or what an earlier split took
 * from it) can hold its members (GetWarehouseRule2, seed 2: not an earlier enum with that member).
 */
export function splitEnums(types: WalkedType[], x0: Snapshot["x0"], taken: Set<string>): void {
  const splitFrom = new Map<WalkedType, number>();
  for (const x of x0) {
    const v = x.value;
    if (!v || v.kind !== "scalar" || taken.has(x.name) || types.some((t) => t.model.name === x.name)) continue;
    for (let k = 0; k < types.length; k++) {
      const t = types[k]!.model;
      if (t.kind !== "enum" || !t.members) continue;
      if ((types[k]!.table ?? splitFrom.get(types[k]!)) !== x.at - 1) continue;
      const at = t.members.findIndex((m) => m.name === v.text);
      if (at <= 0) continue;
      const model: TypeModel = { name: x.name, kind: "enum", role: "reference", from: "reference", members: t.members.slice(at) };
      if (t.valued) model.valued = true;
      if (t.partial) model.partial = true;
      t.members = t.members.slice(0, at);
      const split: WalkedType = { model };
      splitFrom.set(split, types[k]!.table ?? splitFrom.get(types[k]!)!);
      types.splice(k + 1, 0, split);
      break;
    }
  }
}

/**
 * Types the walk reached without a sample (generic arguments, seen references) still get the
 * sample value of a property that references them, so their wire names come from real keys.
 */
export function lendSamples(
  types: WalkedType[],
  tables: Table[],
  slots: (Slot | undefined)[],
  resolve: (table: number, name: string) => string,
): void {
  const byName = new Map<string, WalkedType>();
  for (const t of types) if (!byName.has(t.model.name)) byName.set(t.model.name, t);
  const basesOf = new Map<number, WalkedType[]>();
  for (const b of types) {
    const slot = b.table !== undefined ? slots[b.table] : undefined;
    if (slot?.role !== "base" || slot.of === undefined) continue;
    basesOf.set(slot.of, [...(basesOf.get(slot.of) ?? []), b]);
  }
  const queue = types.filter((t) => t.sample);
  for (let q = 0; q < queue.length; q++) {
    const t = queue[q]!;
    if (t.table === undefined) continue;
    for (const { row, x } of tables[t.table]!.refList) {
      const target = byName.get(resolve(t.table, x.name));
      if (!target || target.sample) continue;
      const v = asObject(accessValue(t.sample, row, x.access));
      if (!v) continue;
      target.sample = v;
      queue.push(target);
      // its bases share the object: inherited members are serialized inside it
      for (const b of target.table !== undefined ? (basesOf.get(target.table) ?? []) : []) {
        if (b.sample) continue;
        b.sample = v;
        queue.push(b);
      }
    }
  }
}

export function signatureName(tb: Table): string | undefined {
  if (tb.signature === "ResponseStatus" || tb.signature === "ResponseError" || tb.signature === "QueryBase") {
    return tb.signature;
  }
  return undefined;
}

/** Table i and the bases of its chain after it (an object of the type holds their members too). */
function chainAt(i: number, slots: readonly (Slot | undefined)[], tables: readonly Table[]): Table[] {
  const chain = [tables[i]!];
  for (let j = i + 1; j < tables.length; j++) if (slots[j]?.role === "base" && chain.some((c) => c.index === slots[j]!.of)) chain.push(tables[j]!);
  return chain;
}

/**
 * Without captions: an inferred base (`<T>Base`) is the one type that references after it name and
 * that found no table, when that type's sample objects fit the base: visited as T's base, the type
 * is seen from there on, so its later references show no table (`Device : Ledger` where Ledger's own
 * rows reference Ledger). The walk's score agrees: the name costs no X0 (§5.3). Its bases' inferred
 * names follow (`<T>BaseBase`).
 */
function baseAsReferenced(s: Snapshot, slots: (Slot | undefined)[], tables: Table[], input: WalkInput, taken: Set<string>, lateBound: Set<number>): void {
  if (input.captions) return;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (!slot || slot.role !== "base" || slot.naming !== "inferred") continue;
    const chain = chainAt(i, slots, tables);
    // referenced before the base was placed (at <= i), the name was seen there: the base would show no table
    const pending = s.x0.filter((x) => x.at > i && !knownTableless(x.name) && !taken.has(x.name));
    const later = onlyShown(pending, chain);
    const names = [...new Set(later.map((x) => x.name))];
    if (names.length !== 1 || !later.every((x) => compatible(chain, x.value)) || !mayName(input, chain, names[0]!)) continue;
    // evidence that the name is this class: an object of it in a sample, or a reference from the base's own
    // chain (an enum whose table ran into the next one finds no table either; a prop-less class neither)
    if (!later.some((x) => x.value?.kind === "object") && !chain.some((tb) => tb.refList.some((r) => r.x.name === names[0]))) continue;
    if (omitsBuilt(slot.obj, chain, names[0]!)) continue;
    bindName(slots, chain, names[0]!);
    taken.add(slot.name);
    lateBound.add(i);
  }
}

/**
 * Of several names that found no table, the one whose sample objects (there are some) all fit the
 * chain, when only one does: its objects show it is this table (FindProductRule, everything seed
 * 278666737: the response's base `ShipmentStat` has objects in the response, the `ProductRule` its
 * rows reference, the response itself, none). One name, or none that fits so: the references as they are.
 */
function onlyShown(pending: readonly X0[], chain: readonly Table[]): readonly X0[] {
  const names = new Set(pending.map((x) => x.name));
  if (names.size < 2) return pending;
  const shown = [...names].filter((n) => {
    const of = pending.filter((x) => x.name === n);
    return of.some((x) => x.value?.kind === "object") && of.every((x) => compatible(chain, x.value));
  });
  return shown.length === 1 ? pending.filter((x) => x.name === shown[0]) : pending;
}

/**
 * Without captions: an inferred response (`<Op>Response`) whose own walk referenced exactly one type
 * that found no table is that type, when every sample object of that type fits the response
 * (an entity returned as the response: `Contract { Owner: OrderStat }` under the response OrderStat).
 */
function respondAsReferenced(s: Snapshot, slots: (Slot | undefined)[], tables: Table[], input: WalkInput, taken: ReadonlySet<string>): void {
  if (input.captions || s.responseTable < 0 || s.responseX0 === undefined) return;
  const slot = slots[s.responseTable];
  if (!slot || slot.naming !== "inferred") return;
  const later = s.x0.slice(s.responseX0).filter((x) => !knownTableless(x.name) && !taken.has(x.name));
  const names = [...new Set(later.map((x) => x.name))];
  if (names.length !== 1) return;
  const chain = chainAt(s.responseTable, slots, tables);
  if (!mayName(input, chain, names[0]!)) return;
  if (!compatible(chain, input.response) || !later.every((x) => compatible(chain, x.value))) return;
  bindName(slots, chain, names[0]!);
}

/** The chain's table takes a name a reference gives; the inferred names of its bases follow (`Unnamed3Base`, `<T>BaseBase`). */
function bindName(slots: (Slot | undefined)[], chain: readonly Table[], name: string): void {
  const slot = slots[chain[0]!.index]!;
  const from = slot.name;
  for (const t of chain.slice(1)) {
    const b = slots[t.index]!;
    if (b.naming === "inferred" && b.name.startsWith(from)) b.name = name + b.name.slice(from.length);
  }
  slot.name = name;
  slot.naming = "reference";
}

/**
 * The derived type's sample object leaves out a row that references `name` (not as `X?`): were the
 * base `name`, the server would build that member's value inside the derived object, whose type is
 * not `name` (§2.8: only a type already being built is left out, to end a recursion). So the object
 * says the row's type encloses it: SyncRefundDetail returns RefundDetail, whose base's `Height:
 * RefundDetail` its sample leaves out; the base is not RefundDetail.
 */
function omitsBuilt(obj: SampleNode | undefined, chain: readonly Table[], name: string): boolean {
  if (obj?.kind !== "object" || obj.truncated) return false;
  const present = objectKeys(obj).set;
  return chain.some((tb) => tb.rows.some((row) => row.ref?.kind !== "nullable" && row.refs.some((x) => x.name === name) && !present.has(row.key)));
}

/**
 * A name some page shows as `X?` is a value type (an enum or a struct), and one the other pages read as
 * an enum's is an enum: neither names a params table (SyncRefundDetail, everything seed 194774949:
 * `Price: PolicyTier?` named the response PolicyTier).
 */
function mayName(input: WalkInput, chain: readonly Table[], name: string): boolean {
  return chain[0]!.kind !== "params" || !(input.valueTypes?.has(name) || input.enums?.has(name));
}

/** Whether a sample value can be an instance of the table with its base chain (`chain[0]` the table). */
export function compatible(chain: readonly Table[], v: SampleNode | undefined): boolean {
  if (!v || v.kind === "null") return true;
  if (chain[0]!.kind === "enum") return v.kind === "scalar";
  if (v.kind !== "object") return false;
  const present = objectKeys(v).set;
  for (const k of present) if (!chain.some((tb) => tb.keys.has(k))) return false;
  // and a whole object holds every member a sample always shows (§2.8): `[{}]` is no object of a type with a string list
  return v.truncated || chain.every((tb) => tb.rows.every((row) => present.has(row.key) || !alwaysShown(row.ref, NO_ENUMS)));
}

/** compatible() counts scalars, strings and collections or dictionaries of them as always shown, not enums: no caption says which names are enums. */
const NO_ENUMS: ReadonlySet<string> = new Set();

