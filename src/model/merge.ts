// Many PageModels -> one ApiModel: operations by name, types merged across pages, name clashes
// kept apart (W_TYPE_CONFLICT), and the §8.2 built-ins the pages reference but never show.
import type {
  ApiModel,
  Auth,
  Diagnostic,
  OperationModel,
  PageModel,
  PropertyModel,
  Route,
  TypeModel,
  TypeRef,
  WireCase,
} from "./types.js";
import { tryParseCSharpType } from "../csharp-type.js";
import { chooseNames } from "./merge-names.js";
import { rewriteTypeText } from "./rename.js";
import { foldSampleTwins } from "./sample-twins.js";
import { toWireCase } from "./wire-case.js";

/** How much a type's name and shape can be trusted: tables over samples. */
const FROM_RANK: Readonly<Record<TypeModel["from"], number>> = {
  metadata: 6,
  code: 6,
  caption: 5,
  xml: 4,
  operation: 4,
  reference: 3,
  "late-binding": 3,
  inferred: 2,
  sample: 1,
  builtin: 0,
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order the merge reads pages in (first reading, renamed copies): by operation, then source,
 * so the model depends neither on the order pages were read in nor on their file names.
 */
export function mergeOrder(a: PageModel, b: PageModel): number {
  return cmp(a.operation, b.operation) || cmp(a.source, b.source);
}

export function mergePages(pages: PageModel[]): ApiModel {
  const sorted = [...pages].sort(mergeOrder);
  const diagnostics: Diagnostic[] = [];
  const types = new Map<string, { model: TypeModel; page: string }>();
  const operations = new Map<string, OperationModel>();
  const shapes = new ShapeKeys();

  const choice = chooseNames(sorted, (a, b) => sameShape(a, b, shapes), fromSamples);
  for (const page of sorted) {
    diagnostics.push(...page.diagnostics.map((d) => ({ ...d, page: d.page ?? page.source })));
    const renames = new Map<string, string>();
    for (const [name, v] of choice.renames.get(page) ?? []) {
      renames.set(name, v.name);
      const kept = choice.winners.get(name)!;
      diagnostics.push({
        code: "W_TYPE_CONFLICT",
        detail: `${name} differs between ${kept.page} and ${page.source} (${differences(kept.model, v.model)}); the second is ${v.name}`,
        page: page.source,
      });
    }
    for (const t of page.types) {
      // the page's models are shared (other pages' readings): the merge changes only its own copies
      const renamed = renames.size ? rewriteType(t, renames) : undefined;
      const name = renamed?.name ?? t.name;
      const existing = types.get(name);
      if (!existing) types.set(name, { model: renamed ?? clone(t), page: page.source });
      else existing.model = combine(existing.model, renamed ?? t, renamed !== undefined, shapes);
    }
    const response = renames.size ? rewriteTypeText(page.response, renames) : page.response;
    const op = operations.get(page.operation);
    if (!op) {
      const o: OperationModel = {
        name: page.operation,
        method: page.method,
        routes: page.routes.map((r) => ({ ...r })),
        response,
        tags: [...page.tags],
        auth: page.auth,
        source: page.source,
      };
      if (page.description !== undefined) o.description = page.description;
      operations.set(page.operation, o);
    } else mergeOperation(op, page, response);
  }

  const wireCase = majority(sorted.map((p) => p.wireCase));
  addBuiltins(types, [...operations.values()], wireCase);

  const api: ApiModel = {
    wireCase,
    operations: [...operations.values()].sort((a, b) => cmp(a.name, b.name)),
    types: [...types.values()].map((t) => t.model).sort((a, b) => cmp(a.name, b.name)),
    diagnostics,
    sources: pages.map((p) => p.source),
  };
  const serviceName = sorted.find((p) => p.serviceName)?.serviceName;
  if (serviceName !== undefined) api.serviceName = serviceName;
  foldSampleTwins(api);
  return api;
}

// --------------------------------------------------------------------------------------------
// Types

/** A copy the merge may change: the type, its properties and members (their arrays are never changed). */
function clone(t: TypeModel): TypeModel {
  const out: TypeModel = { ...t };
  if (t.properties) out.properties = t.properties.map((p) => ({ ...p }));
  if (t.members) out.members = t.members.map((m) => ({ ...m }));
  return out;
}

function fromSamples(t: TypeModel): boolean {
  return t.from === "sample" || (t.properties?.length ?? 0) > 0 && t.properties!.every((p) => p.origin === "sample");
}

/**
 * shapeKey of each model, computed once: the pages' models do not change during the merge, and a
 * model of the merge's own is forgotten whenever combine() changes it.
 */
class ShapeKeys {
  #keys = new WeakMap<TypeModel, string>();
  of(t: TypeModel): string {
    let key = this.#keys.get(t);
    if (key === undefined) {
      key = shapeKey(t);
      this.#keys.set(t, key);
    }
    return key;
  }
  forget(t: TypeModel): void {
    this.#keys.delete(t);
  }
}

function shapeKey(t: TypeModel): string {
  const head = `${t.kind} ${t.base ?? ""} <${(t.genericParams ?? []).join(",")}>`;
  if (t.kind === "enum") return `${head}\n${(t.members ?? []).map((m) => `${m.name}=${m.value ?? ""}`).join("\n")}`;
  return `${head}\n${(t.properties ?? []).map((p) => `${p.name}:${p.type}`).join("\n")}`;
}

/**
 * The fields shapeKey() writes are equal one by one (then so are the keys): most types are the same
 * on every page, and the merge's own copy changes (and is forgotten) on every page it is met on.
 */
function sameFields(a: TypeModel, b: TypeModel): boolean {
  if (a.kind !== b.kind || (a.base ?? "") !== (b.base ?? "")) return false;
  const ga = a.genericParams ?? [];
  const gb = b.genericParams ?? [];
  if (ga.length !== gb.length || ga.some((g, i) => g !== gb[i])) return false;
  if (a.kind === "enum") {
    const ma = a.members ?? [];
    const mb = b.members ?? [];
    return ma.length === mb.length && ma.every((m, i) => m.name === mb[i]!.name && (m.value ?? "") === (mb[i]!.value ?? ""));
  }
  const pa = a.properties ?? [];
  const pb = b.properties ?? [];
  return pa.length === pb.length && pa.every((p, i) => p.name === pb[i]!.name && p.type === pb[i]!.type);
}

/** Same shape, or one is a cut-off prefix of the other. */
function sameShape(a: TypeModel, b: TypeModel, shapes: ShapeKeys): boolean {
  // equal fields make equal keys; only unequal ones need the keys (which may still agree)
  if (sameFields(a, b) || shapes.of(a) === shapes.of(b)) return true;
  if (!a.partial && !b.partial) return false;
  if (a.kind !== b.kind || (a.base ?? "") !== (b.base ?? "")) return false;
  const pa = a.properties ?? [];
  const pb = b.properties ?? [];
  const [short, long] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  return short.every((p, i) => p.name === long[i]!.name && p.type === long[i]!.type);
}

function differences(a: TypeModel, b: TypeModel): string {
  const out: string[] = [];
  if (a.kind !== b.kind) out.push(`kind ${a.kind} vs ${b.kind}`);
  if ((a.base ?? "") !== (b.base ?? "")) out.push(`base ${a.base ?? "none"} vs ${b.base ?? "none"}`);
  if (a.kind === "enum" || b.kind === "enum") {
    const ma = (a.members ?? []).map((m) => m.name).join("|");
    const mb = (b.members ?? []).map((m) => m.name).join("|");
    if (ma !== mb) out.push(`members ${ma} vs ${mb}`);
    return out.join("; ") || "member values";
  }
  const pa = new Map((a.properties ?? []).map((p) => [p.name, p.type]));
  const pb = new Map((b.properties ?? []).map((p) => [p.name, p.type]));
  const props: string[] = [];
  for (const [name, type] of pa) {
    if (!pb.has(name)) props.push(`${name} only in the first`);
    else if (pb.get(name) !== type) props.push(`${name}: ${type} vs ${pb.get(name)}`);
  }
  for (const name of pb.keys()) if (!pa.has(name)) props.push(`${name} only in the second`);
  if (props.length) out.push(`properties ${props.join(", ")}`);
  return out.join("; ") || "property order";
}

/**
 * Two views of one type: the more trusted shape wins; descriptions and completeness are kept.
 * `a` is the merge's own copy, and so is `b` when `ownB` (else a page's: copied if it is kept).
 */
function combine(a: TypeModel, b: TypeModel, ownB: boolean, shapes: ShapeKeys): TypeModel {
  const better = (x: TypeModel, y: TypeModel): boolean => {
    if (fromSamples(x) !== fromSamples(y)) return !fromSamples(x);
    if (!!x.partial !== !!y.partial) return !x.partial;
    return FROM_RANK[x.from] >= FROM_RANK[y.from];
  };
  const [keep, other] = better(a, b) ? [a, b] : [b, a];
  const out = keep === a || ownB ? keep : clone(keep);
  shapes.forget(out);
  if (out.role === "unknown" && other.role !== "unknown") out.role = other.role;
  if (!out.description && other.description) out.description = other.description;
  const otherProps = new Map((other.properties ?? []).map((p) => [p.name, p]));
  for (const p of out.properties ?? []) {
    const q = otherProps.get(p.name);
    if (!q) continue;
    if (!p.description && q.description) p.description = q.description;
    if (!p.allowableValues && q.allowableValues) p.allowableValues = q.allowableValues;
    if (!p.range && q.range) p.range = q.range;
    if (!p.sampleKind && q.sampleKind) p.sampleKind = q.sampleKind;
  }
  const otherMembers = new Map((other.members ?? []).map((m) => [m.name, m]));
  for (const m of out.members ?? []) {
    const q = otherMembers.get(m.name);
    if (q && !m.description && q.description) m.description = q.description;
  }
  if (out.partial && !other.partial && sameShape(out, other, shapes)) {
    out.properties = other.properties?.map((p) => ({ ...p }));
    delete out.partial;
    shapes.forget(out);
  }
  return out;
}

function rewriteType(t: TypeModel, renames: Map<string, string>): TypeModel {
  const out = clone(t);
  out.name = renames.get(t.name) ?? t.name;
  if (out.base) out.base = rewriteTypeText(out.base, renames);
  for (const p of out.properties ?? []) p.type = rewriteTypeText(p.type, renames);
  return out;
}

// --------------------------------------------------------------------------------------------
// Operations

function mergeOperation(op: OperationModel, page: PageModel, response: string): void {
  const key = (r: Route) => `${r.verbs === "*" ? "*" : r.verbs.join(",")} ${r.path}`;
  const have = new Set(op.routes.map(key));
  for (const r of page.routes) if (!have.has(key(r))) op.routes.push({ ...r });
  if (op.response === "unknown" && response !== "unknown") op.response = response;
  for (const tag of page.tags) if (!op.tags.includes(tag)) op.tags.push(tag);
  if (op.description === undefined && page.description !== undefined) op.description = page.description;
  op.auth = betterAuth(op.auth, page.auth);
}

function betterAuth(a: Auth, b: Auth): Auth {
  if (a === "unknown") return b;
  return a;
}

function majority(cases: WireCase[]): WireCase {
  const votes = { camel: 0, pascal: 0, snake: 0 };
  for (const c of cases) if (c !== "unknown") votes[c]++;
  let best: WireCase = "unknown";
  let count = 0;
  for (const c of ["camel", "pascal", "snake"] as const) {
    if (votes[c] > count) [best, count] = [c, votes[c]];
  }
  return best;
}

// --------------------------------------------------------------------------------------------
// §8.2 built-ins

type Spec = [name: string, type: string, required: boolean][];
const DICT = "Dictionary<string,string>";
const BUILTINS: Readonly<Record<string, { props: Spec; base?: string; genericParams?: string[] }>> = {
  ResponseError: {
    props: [["ErrorCode", "string", true], ["FieldName", "string", true], ["Message", "string", true], ["Meta", DICT, false]],
  },
  ResponseStatus: {
    props: [
      ["ErrorCode", "string", true], ["Message", "string", false], ["StackTrace", "string", false],
      ["Errors", "List<ResponseError>", false], ["Meta", DICT, false],
    ],
  },
  QueryBase: {
    props: [
      ["Skip", "int?", false], ["Take", "int?", false], ["OrderBy", "string", false], ["OrderByDesc", "string", false],
      ["Include", "string", false], ["Fields", "string", false], ["Meta", DICT, false],
    ],
  },
  QueryDb: { props: [], base: "QueryBase", genericParams: ["T"] },
  QueryResponse: {
    props: [
      ["Offset", "int", true], ["Total", "int", true], ["Results", "List<T>", true], ["Meta", DICT, false],
      ["ResponseStatus", "ResponseStatus", false],
    ],
    genericParams: ["T"],
  },
};

/** A §8.2 built-in that ssgen supplies when it is referenced but not shown. */
export function isBuiltinType(name: string): boolean {
  return Object.hasOwn(BUILTINS, name);
}

/** The names in each type text, parsed once per text (a service repeats a few hundred property types). */
type NamesInText = Map<string, readonly string[]>;

function namesIn(text: string | undefined, out: Set<string>, seen: NamesInText): void {
  if (!text) return;
  let names = seen.get(text);
  if (!names) {
    const found = new Set<string>();
    namesOf(text, found);
    names = [...found];
    seen.set(text, names);
  }
  for (const n of names) out.add(n);
}

function namesOf(text: string, out: Set<string>): void {
  const ref = tryParseCSharpType(text);
  const visit = (r: TypeRef): void => {
    if (r.kind === "named") {
      out.add(r.name);
      r.args.forEach(visit);
    } else if (r.kind === "array") visit(r.element);
    else visit(r.inner);
  };
  if (ref) visit(ref);
}

function builtin(name: string, wireCase: WireCase): TypeModel {
  const spec = BUILTINS[name]!;
  const t: TypeModel = {
    name,
    kind: "class",
    role: "reference",
    from: "builtin",
    properties: spec.props.map(
      ([n, type, required]): PropertyModel => ({
        name: n,
        wireName: toWireCase(n, wireCase),
        param: "form",
        type,
        required,
        origin: "table",
      }),
    ),
  };
  if (spec.base) t.base = spec.base;
  if (spec.genericParams) t.genericParams = spec.genericParams;
  return t;
}

function addBuiltins(
  types: Map<string, { model: TypeModel; page: string }>,
  operations: OperationModel[],
  wireCase: WireCase,
): void {
  const referenced = new Set<string>();
  const seen: NamesInText = new Map();
  for (const op of operations) namesIn(op.response, referenced, seen);
  for (const { model } of types.values()) {
    namesIn(model.base, referenced, seen);
    for (const p of model.properties ?? []) namesIn(p.type, referenced, seen);
  }
  let added = true;
  while (added) {
    added = false;
    for (const name of Object.keys(BUILTINS).sort()) {
      if (!referenced.has(name) || types.has(name)) continue;
      const t = builtin(name, wireCase);
      types.set(name, { model: t, page: "builtin" });
      namesIn(t.base, referenced, seen);
      for (const p of t.properties ?? []) namesIn(p.type, referenced, seen);
      added = true;
    }
  }
}
