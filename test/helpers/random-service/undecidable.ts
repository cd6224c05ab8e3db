// The facts a rendering cannot show, listed explicitly (issue 8: "names the rendering cannot know
// excepted, and listed"). compareModels excuses a difference only when one of these covers it.
//
// html   every fact the generator produces is on the page (captions name every table).
// pipe   captions and headings are lost: the service name, tags, the op description, auth without
//        rows ("unknown"), and the NAME of every type that no Data Type cell, op name, well-known
//        signature or `<Op>Response` convention gives (e.g. a request base `AuditedRequest`, read as
//        `<Op>Base`; a response shared by two ops). Such types are matched to the truth by shape.
// json   everything but the service name; the AutoQuery built-ins come from spec §8.2, not the server.
// all    a type with a table on no page (only samples show it); a base or response whose pages read
//        the same with the recovered one (a counterfactual render, see hiddenRelations);
//        the wire case when no sample key votes (§5.5). The element of a List<X> response (only its
//        sample names X) has no rule of its own: where another type's object reads the same (`[{}]`),
//        the counterfactuals excuse it (the response's, or the whole model's, core.ts evaluate()).
// flat   cells run together: a valued enum row splits only where its value is a number or a spelling
//        of the name (else typed string), a plain enum member cannot be told from its glued
//        description, and route notes glue onto the summary.
import type { Difference, Undecidable } from "./compare.js";
import { SUPPLIED_BUILTINS } from "./builtins.js";
import { camel } from "./csharp.js";
import { changeOf, RelationCounterfactual, type PageRenderOptions } from "./counterfactual.js";
import { TYPE_READING } from "./type-readings.js";
import { describePage } from "./page.js";
import { sampleRequest, sampleResponse, type Witness } from "./samples.js";
import { walkOperation } from "./walk.js";
import type { TrueEnum, TrueService } from "./service.js";

export type Rendering = "html" | "pipe" | "flat" | "json";

const mentions = (s: string | undefined, name: string) => !!s && new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`).test(s);

export interface Undecidables {
  rules: Undecidable[];
  /** Truth types whose names the rendering cannot show. */
  unnamed: Set<string>;
  /**
   * Pipe: `<Op>Response` types that one op returns and no page names (a reader can only infer the name):
   * type -> the op. Where that op's response reads as another type with a byte-identical page, the type is not missing.
   */
  conventional: Map<string, string>;
  /** The counterfactual behind the base and response rules (evaluate() asks it about a model's relations together). */
  relations: RelationCounterfactual;
}

/**
 * A type that gets a table on no page (the element of a List<X> response that no request side
 * references, and what only it references) is seen only in samples: its name, number types and
 * null members cannot be known (§6.2). Such a type, every mention of it, and the types ssgen infers
 * from samples are excused.
 */
function tabledTypes(service: TrueService): Set<string> {
  const tabled = new Set<string>(service.operations.map((o) => o.name));
  for (const op of service.operations) for (const t of walkOperation(service, op)) tabled.add(t.type.name);
  return tabled;
}

function untabled(service: TrueService, rules: Undecidable[]): void {
  const tabled = tabledTypes(service);
  const missing = [...service.types.values()].filter((t) => !tabled.has(t.name) && !SUPPLIED_BUILTINS.has(t.name));
  if (!missing.length) return;
  const reason = (name: string) => `${name} gets a table on no page: only samples show it`;
  for (const t of missing) {
    rules.push({ path: `type:${t.name}`, reason: reason(t.name) });
    rules.push({ path: "type:*.prop:*.type", reason: reason(t.name), when: (d) => mentions(d.expected, t.name) });
    rules.push({ path: "op:*.response", reason: reason(t.name), when: (d) => mentions(d.expected, t.name) });
  }
  rules.push({ path: "type:*", reason: "a type inferred from the sample of a type with no table", when: (d) => d.actual === "extra" && d.from === "sample" });
}

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
/** §5.5 rule 1: a key votes only when Name, camel(Name) and snake(Name) all differ (`Bodyweight` does not). */
const votes = (name: string) => {
  const c = camel(name);
  return name !== c && c !== snake(name) && name !== snake(name);
};

/** Some page shows a top-level sample key that votes (a request body, a response object or array of objects). */
function hasVotingSample(service: TrueService): boolean {
  const tabled = tabledTypes(service);
  for (const op of service.operations) {
    const page = describePage(service, op);
    // a response array's keys vote only when its element type has a table somewhere (else ssgen names the keys)
    const element = op.response !== "void" && op.response.kind === "named" && op.response.name === "List" ? op.response.args[0] : undefined;
    const responseVotes = !element || (element.kind === "named" && tabled.has(element.name));
    for (const body of [page.request.body, responseVotes ? page.response : undefined]) {
      if (body === undefined) continue;
      const v = JSON.parse(body) as unknown;
      const o = Array.isArray(v) ? v[0] : v;
      if (o && typeof o === "object" && Object.keys(o).some((k) => k !== "responseStatus" && k !== "ResponseStatus" && votes(pascalOf(service, k)))) return true;
    }
  }
  return false;
}

/** The C# name behind a wire key (keys are camel(Name) or Name; names are PascalCase). */
const pascalOf = (service: TrueService, key: string) => (service.wireCase === "camel" ? key[0]!.toUpperCase() + key.slice(1) : key);

/**
 * T's base shows where the walk prints the base's table right after T (step 1) and where a sample
 * object of T carries inherited members; but a page may print the same either way (the base was
 * seen earlier, it is also T's first reference, or its table follows T anyway as the next type T
 * references). Likewise an op's response, where its table reads as well as another type's (a
 * response whose own members are all null in the sample). Exact, by counterfactual
 * (counterfactual.ts): a recovered base (none included) or response is undecidable when the
 * service with it renders every page that shows it byte-identically, jointly with every relation
 * excused before it (evaluate() also tries all of a model's relation differences together).
 * Checked only where ssgen's answer differs from the truth.
 */
function hiddenRelations(service: TrueService, rendering: Rendering, options: PageRenderOptions, rules: Undecidable[]): RelationCounterfactual {
  const counterfactual = new RelationCounterfactual(service, rendering, options);
  const when = (d: Difference) => {
    const change = changeOf(service, d);
    return change !== undefined && counterfactual.accept(change);
  };
  const list = (ops: readonly { name: string }[]) => `${ops.slice(0, 3).map((o) => o.name).join(", ")}${ops.length > 3 ? ` and ${ops.length - 3} more` : ""}`;
  rules.push({
    path: "type:*.base",
    when,
    reason: (d) => {
      const name = d.path.slice("type:".length, -".base".length);
      const pages = `every page that shows ${name} (${list(counterfactual.showing(name))}) is byte-identical with ${d.actual ? `${name} : ${d.actual}` : `no base for ${name}`}`;
      return d.expected === undefined ? `${pages}, with the other relations excused here (${name} has no base)` : `${pages}: ${whyHidden(service, name)}`;
    },
  });
  rules.push({
    path: "op:*.response",
    when,
    reason: (d) => `the ${d.path.slice("op:".length, -".response".length)} page is byte-identical with the response ${d.actual} (its tables and samples read the same)`,
  });
  return counterfactual;
}

/** Why T's true base does not show (for the reason text): where the walk meets it, and what the samples show. */
function whyHidden(service: TrueService, name: string): string {
  const printed = { after: 0, asReference: 0 };
  const witness: Witness = new Set();
  for (const op of service.operations) {
    walkOperation(service, op, (derived, asReference) => derived === name && printed[asReference ? "asReference" : "after"]++);
    sampleRequest(service, op, witness);
    sampleResponse(service, op, witness);
  }
  const walk =
    printed.after > 0
      ? "where the base's table follows it, it is also the next table without the base"
      : printed.asReference > 0
        ? "where the base's table follows it, the base is also its first reference"
        : "its base was seen before it on every page";
  return `${walk}; ${witness.has(name) ? "the samples show its inherited members as its own members' objects would" : "no sample shows it with inherited members"}`;
}

/**
 * A valued enum's glued rows (`{Member}{Value}{description}`) can be split when every value has a
 * shape tied to its name: a number after a name without digits (and no digit in the description,
 * which could belong to the number), or a spelling of the name (lower, UPPER, camel, snake, kebab).
 */
function flatSplittable(t: TrueEnum): boolean {
  return t.members.every((m) => {
    const value = m.value ?? "";
    if (/^-?\d+$/.test(value)) return !/\d/.test(m.name) && !/\d/.test(m.description ?? "");
    const words = m.name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [m.name];
    const lower = words.map((w) => w.toLowerCase());
    const spellings = [m.name, m.name.toLowerCase(), m.name.toUpperCase(), camel(m.name), lower.join("_"), lower.join("-"), lower.join("_").toUpperCase()];
    return spellings.includes(value);
  });
}

export function undecidables(service: TrueService, rendering: Rendering, options: PageRenderOptions = {}): Undecidables {
  const rules: Undecidable[] = [];
  const unnamed = new Set<string>();
  const conventionalTypes = new Map<string, string>();
  if (rendering !== "json") {
    untabled(service, rules);
    if (!hasVotingSample(service)) {
      const reason = "no sample body shows a key, so the wire case is unknown (§5.5: camel assumed)";
      rules.push({ path: "service.wireCase", reason }, { path: "type:*.prop:*.wireName", reason });
    }
  }

  if (rendering === "json") {
    rules.push({ path: "service.serviceName", reason: "/types/metadata carries no service name" });
    for (const name of ["QueryBase", "QueryResponse"])
      rules.push({ path: `type:${name}`, reason: "/types/metadata omits ServiceStack's own types: ssgen supplies them from spec §8.2 (fixed optionality)" });
  }
  if (rendering === "pipe") {
    rules.push(
      { path: "service.serviceName", reason: "pipe text loses <h1>" },
      { path: "op:*.tags", reason: "pipe text loses the tags" },
      { path: "op:*.description", reason: "pipe text loses h3#desc" },
    );
    for (const op of service.operations) {
      const rows = op.auth && Object.values(op.auth).some((v) => v.length);
      if (!rows) rules.push({ path: `op:${op.name}.auth`, reason: "pipe text keeps auth rows only: no rows reads as unknown" });
    }
    // names a pipe page shows: op names, Data Type cells, well-known signatures, <Op>Response
    const shown = new Set<string>(["QueryBase", "QueryResponse", ...service.operations.map((o) => o.name)]);
    for (const op of service.operations)
      for (const t of describePage(service, op).tables)
        if (t.kind === "params") for (const r of t.rows) for (const id of r.type.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) shown.add(id);
    const returnedBy = new Map<string, string[]>();
    for (const op of service.operations)
      if (op.response !== "void" && op.response.kind === "named") returnedBy.set(op.response.name, [...(returnedBy.get(op.response.name) ?? []), op.name]);
    for (const t of service.types.values()) {
      const by = returnedBy.get(t.name) ?? [];
      const conventional = by.length === 1 && t.name === `${by[0]}Response`;
      if (!shown.has(t.name) && conventional) conventionalTypes.set(t.name, by[0]!);
      if (!shown.has(t.name) && !conventional) {
        unnamed.add(t.name);
        rules.push({ path: `type:${t.name}.name`, reason: "pipe text has no captions and nothing references this type by name" });
      }
    }
  }
  if (rendering === "flat") {
    for (const t of service.types.values()) {
      if (t.kind !== "enum") continue;
      if (t.valued !== "none" && !flatSplittable(t)) {
        rules.push({
          path: `type:${t.name}`,
          reason: "flat text glues a valued enum's Name and Value cells, and a value that is neither a number after a digit-free name nor a spelling of the name cannot be split off (typed string)",
        });
        rules.push({
          path: "type:*.prop:*.type",
          reason: `flat text types the valued enum ${t.name} as string`,
          when: (d: Difference) => mentions(d.expected, t.name),
        });
      } else if (t.members.some((m) => m.description)) {
        // a sample shows only the first member (§2.8), so only that row can be settled, and only where some page's sample has it
        const reason = "flat text glues a plain enum member to its description (a sample settles the first member at most)";
        rules.push({ path: `type:${t.name}.members`, reason }, { path: `type:${t.name}.member:*`, reason });
      }
    }
    for (const op of service.operations)
      op.routes.forEach((r, i) => {
        if (!r.notes) return;
        rules.push({ path: `op:${op.name}.route:${i}.summary`, reason: "flat text glues route notes onto the summary" });
        rules.push({ path: `op:${op.name}.route:${i}.notes`, reason: "flat text glues route notes onto the summary" });
      });
  }
  // last: its check is stateful (joint), so only the differences no other rule excuses reach it
  const relations = hiddenRelations(service, rendering, options, rules);
  hiddenTypeReadings(relations, rules);
  return { rules, unnamed, conventional: conventionalTypes, relations };
}

/**
 * A type read otherwise (an enum's members: the split of run-together plain enum tables in pipe text;
 * a request's rows: its base's, type-readings.ts): excused when evaluate() has had the counterfactual
 * accept that reading, jointly with the other types on its pages and the relations excused.
 */
function hiddenTypeReadings(relations: RelationCounterfactual, rules: Undecidable[]): void {
  const name = (d: Difference) => TYPE_READING.exec(d.path)?.[1];
  rules.push({
    path: "type:*",
    when: (d) => {
      const n = name(d);
      return n !== undefined && relations.acceptedDefinition(n);
    },
    reason: (d) => {
      const n = name(d)!;
      const ops = relations.showing(n);
      return `every page that shows ${n} (${ops.slice(0, 3).map((o) => o.name).join(", ")}${ops.length > 3 ? ` and ${ops.length - 3} more` : ""}) is byte-identical with ${n} as read, together with the other types read otherwise on those pages`;
    },
  });
}
