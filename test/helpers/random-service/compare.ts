// Truth vs recovered ApiModel -> the list of differences, each with a path such as
// `type:Customer.prop:Email.type` or `op:GetOrder.route:0.summary`, minus the facts the rendering
// cannot show (undecidable.ts), which are returned apart as `excused`.
import type { ApiModel, Auth, PropertyModel, Route, TypeModel } from "../../../src/model/types.js";
import { SUPPLIED_BUILTINS } from "./builtins.js";

export interface Difference {
  path: string;
  expected?: string;
  actual?: string;
  /** For an extra type: how ssgen read it (TypeModel.from: caption, inferred, sample...). */
  from?: string;
}

export interface Undecidable {
  /** `*` matches within one path segment; a pattern also covers every path below it. */
  path: string;
  /** Why the rendering cannot show it; a function when the reason depends on the difference. */
  reason: string | ((d: Difference) => string);
  /** Only differences this accepts are excused (default: all under the path). */
  when?: (d: Difference) => boolean;
}

export interface CompareOptions {
  undecidable?: readonly Undecidable[];
  /** Truth types whose NAME the rendering cannot show: matched to recovered types by shape instead. */
  unnamed?: ReadonlySet<string>;
}

export interface Comparison {
  differences: Difference[];
  excused: (Difference & { reason: string })[];
  /** Recovered name -> truth name, for types matched by shape. */
  aliases: Map<string, string>;
  /** Readings the counterfactual tried and refused, with the page line that tells them apart (evaluate(); reports only). */
  refused?: string[];
}

const show = (v: unknown): string | undefined => (v === undefined ? undefined : typeof v === "string" ? v : JSON.stringify(v));

function patternRegex(pattern: string): RegExp {
  const body = pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^.]*");
  return new RegExp(`^${body}(\\..*)?$`);
}

/** Property names and types: how a type is recognised when its name cannot be known. */
function shape(t: TypeModel): string {
  if (t.kind === "enum") return "enum:" + (t.members ?? []).map((m) => `${m.name}=${m.value ?? ""}`).join(",");
  return "class:" + (t.properties ?? []).map((p) => `${p.name}:${p.type}`).join(",");
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;
const renameIn = (s: string | undefined, aliases: ReadonlyMap<string, string>) => s?.replace(IDENT, (id) => aliases.get(id) ?? id);
/** Top-level List<X> and X[] are one thing for a response (a JSON array either way). */
const normalResponse = (s: string) => s.replace(/^List<(.*)>$/, "$1[]");
const normalAuth = (a: Auth): string => (a === null || a === "unknown" ? String(a) : JSON.stringify({ roles: [...a.roles].sort(), permissions: [...a.permissions].sort(), anyRoles: [...a.anyRoles].sort(), anyPermissions: [...a.anyPermissions].sort() }));

export function compareModels(truth: ApiModel, recovered: ApiModel, options: CompareOptions = {}): Comparison {
  const out: Difference[] = [];
  const diff = (path: string, expected: unknown, actual: unknown) => {
    const e = show(expected);
    const a = show(actual);
    if (e !== a) out.push({ path, expected: e, actual: a });
  };
  const unnamed = options.unnamed ?? new Set<string>();

  const truthTypes = new Map(truth.types.map((t) => [t.name, t]));
  // built-ins ssgen supplies (§8.2) match a truth type of their name but are never "extra"
  const isSupplied = (t: TypeModel) => t.from === "builtin" || SUPPLIED_BUILTINS.has(t.name);
  const recoveredTypes = recovered.types.filter((t) => !isSupplied(t) || truthTypes.has(t.name));
  const byName = new Map(recoveredTypes.map((t) => [t.name, t]));

  // matching: by name, then (for types whose name is undecidable) every unclaimed table of the same shape
  const matches = new Map<string, TypeModel[]>();
  const claimed = new Set<string>();
  for (const t of truth.types) {
    const r = byName.get(t.name);
    if (r) (matches.set(t.name, [r]), claimed.add(r.name));
  }
  const aliases = new Map<string, string>();
  for (const t of truth.types) {
    if (!unnamed.has(t.name)) continue;
    const s = shape(t);
    for (const r of recoveredTypes) {
      if (claimed.has(r.name) || truthTypes.has(r.name) || shape(r) !== s) continue;
      claimed.add(r.name);
      aliases.set(r.name, t.name);
      matches.set(t.name, [...(matches.get(t.name) ?? []), r]);
    }
  }
  const rename = (s: string | undefined) => renameIn(s, aliases);

  for (const t of truth.types) {
    const found = matches.get(t.name);
    if (!found) {
      out.push({ path: `type:${t.name}`, expected: "present", actual: "missing" });
      continue;
    }
    for (const r of found) compareType(t, r, `type:${t.name}`, diff, rename);
  }
  for (const r of recoveredTypes) if (!claimed.has(r.name)) out.push({ path: `type:${r.name}`, expected: "absent", actual: "extra", from: r.from });

  const recoveredOps = new Map(recovered.operations.map((o) => [o.name, o]));
  for (const o of truth.operations) {
    const r = recoveredOps.get(o.name);
    const p = `op:${o.name}`;
    if (!r) {
      out.push({ path: p, expected: "present", actual: "missing" });
      continue;
    }
    recoveredOps.delete(o.name);
    diff(`${p}.method`, o.method, r.method);
    diff(`${p}.response`, normalResponse(o.response), normalResponse(rename(r.response)!));
    diff(`${p}.tags`, [...o.tags].sort(), [...r.tags].sort());
    diff(`${p}.description`, o.description, r.description);
    diff(`${p}.auth`, normalAuth(o.auth), normalAuth(r.auth));
    compareRoutes(o.routes, r.routes, p, diff);
  }
  for (const name of recoveredOps.keys()) out.push({ path: `op:${name}`, expected: "absent", actual: "extra" });
  diff("service.serviceName", truth.serviceName, recovered.serviceName);
  diff("service.wireCase", truth.wireCase, recovered.wireCase);

  const rules = (options.undecidable ?? []).map((u) => ({ ...u, re: patternRegex(u.path) }));
  const differences: Difference[] = [];
  const excused: Comparison["excused"] = [];
  for (const d of out) {
    const rule = rules.find((u) => u.re.test(d.path) && (!u.when || u.when(d)));
    if (rule) excused.push({ ...d, reason: typeof rule.reason === "string" ? rule.reason : rule.reason(d) });
    else differences.push(d);
  }
  return { differences, excused, aliases };
}

type Diff = (path: string, expected: unknown, actual: unknown) => void;

function compareType(t: TypeModel, r: TypeModel, p: string, diff: Diff, rename: (s: string | undefined) => string | undefined): void {
  diff(`${p}.kind`, t.kind, r.kind);
  if (t.kind === "enum" || r.kind === "enum") {
    diff(`${p}.members`, (t.members ?? []).map((m) => `${m.name}=${m.value ?? ""}`), (r.members ?? []).map((m) => `${m.name}=${m.value ?? ""}`));
    const rm = new Map((r.members ?? []).map((m) => [m.name, m]));
    for (const m of t.members ?? []) if (rm.has(m.name)) diff(`${p}.member:${m.name}.description`, m.description, rm.get(m.name)!.description);
    diff(`${p}.valued`, !!t.valued, !!r.valued);
    return;
  }
  diff(`${p}.base`, t.base, rename(r.base));
  diff(`${p}.genericParams`, t.genericParams ?? [], r.genericParams ?? []);
  const tp = t.properties ?? [];
  const rp = new Map((r.properties ?? []).map((x) => [x.name, x]));
  for (const x of tp) {
    const y = rp.get(x.name);
    const pp = `${p}.prop:${x.name}`;
    if (!y) {
      diff(pp, "present", "missing");
      continue;
    }
    rp.delete(x.name);
    compareProperty(x, y, pp, diff, rename);
  }
  for (const name of rp.keys()) diff(`${p}.prop:${name}`, "absent", "extra");
  const order = (props: readonly PropertyModel[] | undefined, keep: (n: string) => boolean) => (props ?? []).map((x) => x.name).filter(keep);
  const common = new Set(tp.map((x) => x.name));
  diff(`${p}.propertyOrder`, order(tp, () => true).filter((n) => (r.properties ?? []).some((y) => y.name === n)), order(r.properties, (n) => common.has(n)));
}

function compareProperty(x: PropertyModel, y: PropertyModel, p: string, diff: Diff, rename: (s: string | undefined) => string | undefined): void {
  diff(`${p}.type`, x.type, rename(y.type));
  diff(`${p}.required`, x.required, y.required);
  diff(`${p}.wireName`, x.wireName, y.wireName);
  diff(`${p}.param`, x.param, y.param);
  diff(`${p}.description`, x.description, y.description);
  diff(`${p}.allowableValues`, x.allowableValues, y.allowableValues);
  diff(`${p}.range`, x.range, y.range);
}

function compareRoutes(t: readonly Route[], r: readonly Route[], p: string, diff: Diff): void {
  diff(`${p}.routes.count`, t.length, r.length);
  t.forEach((x, i) => {
    const y = r[i];
    if (!y) return;
    diff(`${p}.route:${i}.path`, x.path, y.path);
    diff(`${p}.route:${i}.verbs`, x.verbs, y.verbs);
    diff(`${p}.route:${i}.summary`, x.summary, y.summary);
    diff(`${p}.route:${i}.notes`, x.notes, y.notes);
  });
}
