// Type readings a rendering cannot decide, by counterfactual (counterfactual.ts). A true type that ssgen
// read otherwise (members, base, properties, kind) is excused only when the service with ssgen's
// reading of it, jointly with its readings of the types sharing its pages, renders every page that
// shows them byte-identically. Two cases it settles:
// - pipe text prints a plain enum table as bare rows (`| Low | Low unit |`, `| Blue | |`) and trims only
//   the trailing empty cells of a table's last row, so two plain enum tables that the walk prints one
//   after the other run together; where the first one's last member has a description, no row shows
//   the boundary (ExportBooking3: `Low, Blue, None, Archived, Unknown, Monthly, Medium, None` is
//   AgentStatus then SupplierTier; on that page alone the split may follow Archived, Monthly or
//   Medium). Another page that shows one of the enums alone, or a sample that shows a first member,
//   may still decide it.
// - a prop-less request whose base's table comes first reads as a request with those rows as its own,
//   every one `[ApiMember(ParameterType="form")]` (§2.4 rule 1): the same page.
import { tryParseCSharpType } from "../../../src/csharp-type.js";
import type { ApiModel, TypeModel, TypeRef } from "../../../src/model/types.js";
import type { Comparison } from "./compare.js";
import type { Change, RelationCounterfactual } from "./counterfactual.js";
import { typeOf } from "./reading.js";
import { wireKey } from "./samples.js";
import type { TrueService, TrueType } from "./service.js";

/** The difference paths a type reading covers: all of a type's facts but its presence and its name. */
export const TYPE_READING = /^type:([^.]+)\.(?!name$)/;

/** A recovered type text with the names mapped to the truth's, or undefined when it names a type the service does not have. */
function truthRef(service: TrueService, text: string, names: (n: string) => string): TypeRef | undefined {
  const ref = tryParseCSharpType(text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, names));
  const known = (r: TypeRef): boolean =>
    r.kind === "array" ? known(r.element) : r.kind === "nullable" ? known(r.inner) : (service.types.has(r.name) || tryParseCSharpType(r.name) !== undefined) && r.args.every(known);
  return ref && known(ref) ? ref : undefined;
}

/** The definition ssgen's reading gives the true type `truth` (names mapped), or undefined when no service of the truth's names could read so. */
export function readingOf(service: TrueService, truth: TrueType, r: TypeModel, names: (n: string) => string): TrueType | undefined {
  if (truth.kind === "class" && truth.builtin) return undefined;
  const mapped: TypeModel = { ...r, name: truth.name };
  const requests = new Set(service.operations.map((o) => o.name));
  if (r.kind === "class") {
    // what a definition cannot say: a wire name off the service's case, a non-request row not `form`
    if ((r.properties ?? []).some((p) => p.wireName !== wireKey(service, p.name) || (!requests.has(truth.name) && p.param !== "form"))) return undefined;
    const refs = [...(r.base ? [r.base] : []), ...(r.properties ?? []).map((p) => p.type)];
    if (refs.some((t) => truthRef(service, t, names) === undefined)) return undefined;
    mapped.base = r.base && r.base.replace(/[A-Za-z_][A-Za-z0-9_]*/g, names);
    mapped.properties = (r.properties ?? []).map((p) => ({ ...p, type: p.type.replace(/[A-Za-z_][A-Za-z0-9_]*/g, names) }));
  } else if (r.kind !== "enum") return undefined;
  const def = typeOf(mapped, requests);
  // an integer-valued enum keeps the truth's kind of values (the model says valued, not how)
  if (def.kind === "enum" && truth.kind === "enum" && def.valued !== "none" && truth.valued !== "none") def.valued = truth.valued;
  return def;
}

/** One definition change per true type whose recovered reading differs (members, kind, base, properties). */
export function typeReadings(service: TrueService, recovered: ApiModel, comparison: Comparison): Change[] {
  const byTruthName = new Map<string, TypeModel[]>();
  for (const r of recovered.types) {
    const name = comparison.aliases.get(r.name) ?? r.name;
    byTruthName.set(name, [...(byTruthName.get(name) ?? []), r]);
  }
  const names = (n: string) => comparison.aliases.get(n) ?? n;
  const out: Change[] = [];
  const changed = new Set(comparison.differences.map((d) => TYPE_READING.exec(d.path)?.[1]).filter((n): n is string => n !== undefined));
  for (const name of changed) {
    const truth = service.types.get(name);
    const found = byTruthName.get(name);
    if (!truth || found?.length !== 1) continue;
    const def = readingOf(service, truth, found[0]!, names);
    if (def) out.push({ kind: "definition", type: name, def });
  }
  return out;
}

/**
 * Accepts the readings that are undecidable: the types are grouped by the pages they share (a split
 * changes two enums at once), and of each group the largest subsets whose joint counterfactual renders
 * the same pages are accepted (a wrong reading of one type must not cancel the undecidable reading of
 * others). Returns whether any was accepted.
 */
export function acceptTypeReadings(relations: RelationCounterfactual, changes: readonly Change[], rejected: string[] = []): boolean {
  const pages = new Map(changes.map((c) => [c, new Set(relations.showing((c as { type: string }).type))]));
  const shares = (a: Change, b: Change) => [...pages.get(a)!].some((op) => pages.get(b)!.has(op));
  let any = false;
  for (const group of components(changes, shares)) {
    let left = group;
    while (left.length) {
      const accepted = subsetsBySize(left).find((s) => relations.acceptAll(s));
      if (!accepted) {
        relations.acceptAll(left);
        rejected.push(`${left.map((c) => describe(c)).join(" with ")}: ${relations.lastRejection ?? "?"}`);
        break;
      }
      any = true;
      left = left.filter((c) => !accepted.includes(c));
    }
  }
  return any;
}

function components<T>(items: readonly T[], linked: (a: T, b: T) => boolean): T[][] {
  const out: T[][] = [];
  const done = new Set<T>();
  for (const start of items) {
    if (done.has(start)) continue;
    const group = [start];
    done.add(start);
    for (let i = 0; i < group.length; i++)
      for (const x of items) if (!done.has(x) && linked(group[i]!, x)) (done.add(x), group.push(x));
    out.push(group);
  }
  return out;
}

/** Non-empty subsets, largest first (all of them up to 8 items; beyond, the whole, the pairs and the singletons). */
function subsetsBySize<T>(items: readonly T[]): T[][] {
  if (items.length > 8) return [[...items], ...items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b])), ...items.map((a) => [a])];
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => mask & (1 << i)));
  return out.sort((a, b) => b.length - a.length);
}

const describe = (c: Change): string =>
  c.kind !== "definition"
    ? c.kind
    : c.def.kind === "class"
      ? `${c.type} as {${c.def.properties.map((p) => p.name).join(", ")}}${c.def.base ? ` : ${JSON.stringify(c.def.base)}` : ""}`
      : `${c.type} as [${c.def.members.map((m) => m.name).join(", ")}]`;
