// The whole-model counterfactual: ssgen's recovered model read back as a true service. When that
// service renders every op page byte-identically to the truth's pages, no reader of those pages could
// tell the two services apart, so every difference between them is undecidable (evaluate() then
// excuses the rest, core.ts). Exact only when the service says all that the model says: the
// conversion must give back the model itself (toApiModel of it compares equal), else no verdict.
// Otherwise the first page line that reads otherwise is where the model contradicts a page: the
// decidable error to look at (evaluate() reports it in Comparison.refused).
import { tryParseCSharpType } from "../../../src/csharp-type.js";
import type { ApiModel, TypeModel, TypeRef } from "../../../src/model/types.js";
import { QUERY_BASE, QUERY_DB, QUERY_RESPONSE, SUPPLIED_BUILTINS } from "./builtins.js";
import { compareModels } from "./compare.js";
import { camel } from "./csharp.js";
import { basesAreClasses, firstDifference, renderPage, type PageRenderOptions } from "./counterfactual.js";
import type { TrueClass, TrueOperation, TrueService, TrueType } from "./service.js";
import { renderIndexPage } from "./render-index.js";
import { toApiModel } from "./truth.js";
import type { Rendering } from "./undecidable.js";

const BUILTINS = new Map<string, TrueClass>([QUERY_BASE, QUERY_DB, QUERY_RESPONSE].map((t) => [t.name, t]));
const isBuiltin = (t: TypeModel) => t.from === "builtin" || SUPPLIED_BUILTINS.has(t.name) || BUILTINS.has(t.name);

const parse = (text: string): TypeRef => {
  const ref = tryParseCSharpType(text);
  if (!ref) throw new Error(`type ${text} does not parse`);
  return ref;
};

/** A recovered type as a true one (a request's rows keep their Parameter column as read). */
export function typeOf(t: TypeModel, requests: ReadonlySet<string>): TrueType {
  if (t.kind === "enum") {
    const members = (t.members ?? []).map((m) => ({
      name: m.name,
      ...(t.valued && m.value !== undefined && { value: m.value }),
      ...(m.description && { description: m.description }),
    }));
    const valued = !t.valued ? "none" : members.every((m) => /^-?\d+$/.test(m.value ?? "")) ? "int" : "member";
    return { kind: "enum", name: t.name, members, valued };
  }
  if (t.kind !== "class") throw new Error(`${t.name} is an ${t.kind}`);
  return {
    kind: "class",
    name: t.name,
    ...(t.genericParams?.length && { genericParams: [...t.genericParams] }),
    ...(t.base && { base: parse(t.base) }),
    properties: (t.properties ?? []).map((p) => ({
      name: p.name,
      type: parse(p.type),
      required: p.required,
      ...(p.description && { description: p.description }),
      ...(p.allowableValues && { allowableValues: [...p.allowableValues] }),
      ...(p.range && { range: [...p.range] as [number, number] }),
      // a request row's Parameter column as read (page.ts requestParam takes it as given)
      ...(requests.has(t.name) && { paramType: p.param }),
    })),
  };
}

/**
 * The facts another rule has already excused (`settled`, difference paths) and those still open: where a
 * model differs from the truth only in settled facts, the counterfactual may take the truth's (a type
 * whose every difference is settled keeps the truth's definition, an op its settled response, auth, tags),
 * so only the open facts are judged. Exact: the service then says all that the model says but settled facts.
 */
export interface Settled {
  settled: ReadonlySet<string>;
  open: ReadonlySet<string>;
}

const typeOfPath = (path: string) => /^type:([^.]+)/.exec(path)?.[1];

/**
 * The service a recovered model describes (the host from the truth), or why there is none. `unsaid`
 * hears what the model says that the service cannot (the service is then returned all the same, for
 * reports); without it, such a model is no service.
 */
export function readingAsService(truth: TrueService, recovered: ApiModel, unsaid?: (why: string) => void, known?: Settled): TrueService | string {
  const settled = known?.settled ?? new Set<string>();
  // "unknown" (no key voted, §5.5) says less than either case: the truth's, if the model's wire names all follow it
  const wireCase = recovered.wireCase === "unknown" || settled.has("service.wireCase") ? truth.wireCase : recovered.wireCase;
  if (wireCase !== "camel" && wireCase !== "pascal") return `the wire case is ${recovered.wireCase}`;
  const requests = new Set(recovered.operations.map((o) => o.name));
  const types = new Map<string, TrueType>();
  try {
    for (const t of recovered.types) if (!isBuiltin(t)) types.set(t.name, typeOf(t, requests));
    // a true type whose every difference is settled: the truth's definition
    const open = new Set([...(known?.open ?? [])].map(typeOfPath));
    for (const name of new Set([...settled].map(typeOfPath)))
      if (name && !open.has(name) && truth.types.has(name) && !BUILTINS.has(name)) types.set(name, truth.types.get(name)!);
    // ServiceStack's own types as the server declares them, where the model uses them
    for (const [name, def] of BUILTINS) if (truth.types.has(name) || recovered.types.some((t) => t.name === name)) types.set(name, truth.types.get(name) ?? def);
    // in the truth's order (the index page lists them so)
    const order = new Map(truth.operations.map((o, i) => [o.name, i]));
    const ops = [...recovered.operations].sort((a, b) => (order.get(a.name) ?? Infinity) - (order.get(b.name) ?? Infinity));
    const trueOps = new Map(truth.operations.map((o) => [o.name, o]));
    // an op's routes differ only in settled facts (flat glues route notes onto the summary)
    const routeFact = (name: string) => (p: string) => p.startsWith(`op:${name}.route:`) || p === `op:${name}.routes.count`;
    const settledRoutes = (name: string) => trueOps.has(name) && [...settled].some(routeFact(name)) && ![...(known?.open ?? [])].some(routeFact(name));
    const operations: TrueOperation[] = ops.map((o) => {
      const t = trueOps.get(o.name);
      const take = (fact: string) => t !== undefined && settled.has(`op:${o.name}.${fact}`);
      const description = take("description") ? t!.description : o.description;
      return {
        name: o.name,
        routes: (settledRoutes(o.name) ? t!.routes : o.routes).map((r) => ({ ...r, verbs: r.verbs === "*" ? "*" : [...r.verbs] })),
        response: take("response") ? t!.response : o.response === "void" ? "void" : parse(o.response),
        tags: take("tags") ? [...t!.tags] : [...o.tags],
        ...(description && { description }),
        auth: take("auth") ? t!.auth : o.auth === "unknown" ? null : o.auth && { ...o.auth },
      };
    });
    const serviceName = settled.has("service.serviceName") ? truth.serviceName : (recovered.serviceName ?? "");
    const service: TrueService = { ...truth, serviceName, wireCase, types, operations };
    if (!basesAreClasses(service)) return "the model is no service: a base is an enum";
    const back = toApiModel(service);
    // a wire case no sample key tells (settled) tells no property's wire name either, but an alias's
    const caseless = settled.has("service.wireCase");
    const byCase = (t: TypeModel): TypeModel =>
      caseless && t.properties ? { ...t, properties: t.properties.map((p) => (p.wireName === p.name || p.wireName === camel(p.name) ? { ...p, wireName: "" } : p)) } : t;
    const same = (m: ApiModel): ApiModel => ({
      ...m,
      serviceName: m.serviceName || undefined,
      wireCase,
      types: m.types.filter((t) => !isBuiltin(t)).map(byCase),
      operations: m.operations.map((o) => ({ ...o, auth: o.auth === "unknown" ? null : o.auth, source: "" })),
    });
    for (const diff of compareModels(same(recovered), same(back)).differences) {
      if (settled.has(diff.path)) continue;
      const why = `the model is no service: ${diff.path} reads ${diff.expected ?? "(none)"}, as a service ${diff.actual ?? "(none)"}`;
      if (!unsaid) return why;
      unsaid(why);
    }
    return service;
  } catch (error) {
    return `the model is no service: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * undefined when the service ssgen read renders every page of the truth byte-identically; else the
 * first page line it prints otherwise (or why the model is no service).
 */
export function readingVerdict(truth: TrueService, recovered: ApiModel, rendering: Rendering, options: PageRenderOptions & { index?: boolean } = {}, known?: Settled): string | undefined {
  return readingContradictions(truth, recovered, rendering, options, 1, known)[0];
}

/** Every page the service ssgen read prints otherwise (its first differing line), at most `limit` (reports). */
export function readingContradictions(truth: TrueService, recovered: ApiModel, rendering: Rendering, options: PageRenderOptions & { index?: boolean } = {}, limit = Infinity, known?: Settled): string[] {
  // a verdict needs the model to be a service; a report lists what it cannot say, then the pages
  const out: string[] = [];
  const reading = readingAsService(truth, recovered, limit === Infinity ? (why) => out.push(why) : undefined, known);
  if (typeof reading === "string") return [reading];
  const ops = new Map(reading.operations.map((o) => [o.name, o]));
  if (ops.size !== truth.operations.length) return [...out, "the model has other operations"];
  for (const op of truth.operations) {
    const other = ops.get(op.name);
    if (!other) return [...out, `the model has no operation ${op.name}`];
    const a = renderPage(truth, op, rendering, options);
    const b = renderPage(reading, other, rendering, options);
    if (a !== b && out.push(firstDifference(op.name, a, b)) >= limit) return out;
    if (rendering === "json") break;
  }
  if (rendering === "html" && options.index && renderIndexPage(truth) !== renderIndexPage(reading)) out.push(firstDifference("metadata", renderIndexPage(truth), renderIndexPage(reading)));
  return out;
}
