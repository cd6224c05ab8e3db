// Enum readings a rendering cannot decide, by counterfactual (counterfactual.ts). Pipe text prints a
// plain enum table as bare rows (`| Low | Low unit |`, `| Blue | |`) and trims only the trailing empty
// cells of a table's last row, so two plain enum tables that the walk prints one after the other run
// together; where the first one's last member has a description, no row shows the boundary
// (ExportBooking3: `Low, Blue, None, Archived, Unknown, Monthly, Medium, None` is AgentStatus then
// SupplierTier; on that page alone the split may follow Archived, Monthly or Medium). Another page that
// shows one of the enums alone, or a sample that shows a first member, may still decide it. So a
// recovered reading of an enum (its members, or no table at all: a prop-less class) is excused only
// when the service with that reading, jointly with the readings of the enums sharing its pages,
// renders every page that shows them byte-identically.
import type { ApiModel, TypeModel } from "../../../src/model/types.js";
import type { Comparison } from "./compare.js";
import type { Change, RelationCounterfactual } from "./counterfactual.js";
import type { TrueClass, TrueEnum, TrueService } from "./service.js";

/** The difference paths an enum reading covers. */
export const ENUM_READING = /^type:([^.]+)\.(kind|members|valued|member:[^.]+\.description)$/;

/** The definition a recovered type gives the true enum `truth`, or undefined when no service could read so. */
export function readingOf(truth: TrueEnum, r: TypeModel): TrueEnum | TrueClass | undefined {
  if (r.kind === "class") return !r.properties?.length && !r.base && !r.genericParams?.length ? { kind: "class", name: truth.name, properties: [] } : undefined;
  if (r.kind !== "enum") return undefined;
  const members = (r.members ?? []).map((m) => ({
    name: m.name,
    ...(r.valued && m.value !== undefined && { value: m.value }),
    ...(m.description && { description: m.description }),
  }));
  const valued: TrueEnum["valued"] = !r.valued ? "none" : truth.valued !== "none" ? truth.valued : members.every((m) => /^-?\d+$/.test(m.value ?? "")) ? "int" : "member";
  return { kind: "enum", name: truth.name, members, valued };
}

/** One definition change per true enum whose recovered reading differs (members, kind, values, descriptions). */
export function enumReadings(service: TrueService, recovered: ApiModel, comparison: Comparison): Change[] {
  const byTruthName = new Map<string, TypeModel[]>();
  for (const r of recovered.types) {
    const name = comparison.aliases.get(r.name) ?? r.name;
    byTruthName.set(name, [...(byTruthName.get(name) ?? []), r]);
  }
  const out: Change[] = [];
  const names = new Set(comparison.differences.map((d) => ENUM_READING.exec(d.path)?.[1]).filter((n): n is string => n !== undefined));
  for (const name of names) {
    const truth = service.types.get(name);
    const found = byTruthName.get(name);
    if (truth?.kind !== "enum" || found?.length !== 1) continue;
    const def = readingOf(truth, found[0]!);
    if (def) out.push({ kind: "definition", type: name, def });
  }
  return out;
}

/**
 * Accepts the readings that are undecidable: the enums are grouped by the pages they share (a split
 * changes two enums at once), and of each group the largest subsets whose joint counterfactual renders
 * the same pages are accepted (a wrong reading of one enum must not cancel the undecidable split of two
 * others). Returns whether any was accepted.
 */
export function acceptEnumReadings(relations: RelationCounterfactual, changes: readonly Change[], rejected: string[] = []): boolean {
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
  c.kind !== "definition" ? c.kind : c.def.kind === "class" ? `${c.type} as no table` : `${c.type} as [${c.def.members.map((m) => m.name).join(", ")}]`;
