// One page's facts -> its PageModel (spec §1.2, §1.3): op name (op-name.ts), walk (§5.3), wire names
// (§5.5, wire-names.ts), preferred verb (§8.3), response type, and sample inference for pages
// without tables (§6.2).
import {
  PageError,
  type Diagnostic,
  type PageModel,
  type RawPage,
  type SampleBody,
  type SampleNode,
  type TypeModel,
  type WireCase,
} from "./types.js";
import { voteWireCase } from "./wire-case.js";
import { operationName, xmlRoot } from "./op-name.js";
import { applySampleKinds, applyWireNames, keyPairs, sampleKeys, unmatchedKeys, voteableObjects } from "./wire-names.js";
import { pairAliases } from "./aliases.js";
import { overlayCodeView, renamedType, typesFromCodeView } from "./code-view.js";
import { inferTypesFromSamples } from "./infer.js";
import { elementKeyPairs, forgetElementIndexes, matchArrayElement } from "./solve/elements.js";
import {
  keyOf,
  objectKeys,
  walkTables,
  type WalkInput,
  type WalkResult,
  type WalkedType,
} from "./walk/index.js";

const NO_BODY: SampleBody = { syntax: "empty", truncated: false };

const SINGLE_VERBS: ReadonlySet<string> = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  "application/json": "json",
  "application/xml": "xml",
  "text/xml": "xml",
  "text/jsv": "jsv",
  "text/csv": "csv",
  "application/jsonl": "jsonl",
  "text/jsonl": "jsonl",
  "application/x-ndjson": "jsonl",
  "application/x-msgpack": "x-msgpack",
  "application/x-protobuf": "x-protobuf",
};

/** A page's facts with its op name and samples settled, before its tables are walked. */
export interface PreparedPage {
  raw: RawPage;
  operation: string;
  format: string;
  reqBody: SampleBody;
  resBody: SampleBody;
  diagnostics: Diagnostic[];
  /** The walk's input when the page has params tables (the solve may add a base rule). */
  walk?: WalkInput;
}

/** One page alone: prepare, walk, finish. The solve (solve/) does the same over all pages at once. */
export function buildPageModel(raw: RawPage, opts: { operation?: string } = {}): PageModel {
  const prepared = preparePage(raw, opts);
  return finishPage(prepared, prepared.walk && walkTables(prepared.walk));
}

/** §1.2 op name, the samples, and the walk input. Throws PageError (E_NO_OP_NAME, E_NO_TYPES). */
export function preparePage(raw: RawPage, opts: { operation?: string } = {}): PreparedPage {
  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  const reqBody = raw.request?.parsed ?? NO_BODY;
  const resBody = raw.response?.parsed ?? NO_BODY;
  const op = operationName(raw, reqBody, opts.operation, diagnostics);
  const format = raw.format ?? formatFromSamples(raw) ?? "json";
  const prepared: PreparedPage = { raw, operation: op, format, reqBody, resBody, diagnostics };
  if (raw.tables.some((t) => t.kind === "params")) {
    prepared.walk = {
      operation: op,
      tables: raw.tables,
      // pipe renderings that kept every caption name their tables as the flat layout does
      captions: raw.layout === "html" || raw.layout === "text-flat" || raw.tables.every((t) => t.caption !== undefined),
      request: reqBody.value,
      // a CSV response shows the rows of the DTO's first list property, not the DTO (§6.1)
      response: resBody.syntax === "csv" ? undefined : resBody.value,
      responseRoot: resBody.syntax === "xml" ? xmlRoot(resBody.rootName) : undefined,
    };
    if (noResponseTable(raw, resBody)) prepared.walk.voidResponse = true;
  } else if (raw.tables.length === 0 && !raw.code && !raw.request && !hasBody(resBody)) {
    // a request sample without a body (GET /agents/export) is evidence too: a request with no properties
    throw new PageError("E_NO_TYPES", raw.source, "no type tables and no sample body to infer types from");
  }
  return prepared;
}

/**
 * The op's response can have no table: no response block on a complete page that shows its request
 * sample (§2.8: void), a oneway sample URL (`/json/oneway/Op`) with no response sample, or a
 * collection or raw response (§4 rule 3: `List<X>`/`X[]` and raw types get no response table).
 */
function noResponseTable(raw: RawPage, res: SampleBody): boolean {
  if (!raw.response) return (raw.complete && raw.request !== undefined) || /\/oneway\//i.test(raw.request?.url ?? "");
  if (res.syntax === "raw") return true;
  if (res.syntax === "xml") return /^ArrayOf[A-Z]/.test(res.rootName ?? "");
  return res.value?.kind === "array";
}

/** §5.5 vote of a walked page: each property's sample key (JSON/JSV objects only) and the casing they show. Pure. */
export function wireVote(prepared: PreparedPage, walk: WalkResult) {
  const voteable = voteableObjects(prepared.reqBody, prepared.resBody);
  // XML keys are C# names, not JSON keys: they neither vote nor name the wire.
  const keys = walk.types.map((t) => sampleKeys(t, t.sample && voteable.has(t.sample) ? t.sample : undefined));
  const pairs: { name: string; key: string }[] = [];
  walk.types.forEach((t, i) =>
    (t.model.properties ?? []).forEach((p, k) => {
      const key = keys[i]![k];
      if (key !== undefined) pairs.push({ name: p.name, key });
    }),
  );
  pairs.push(...inheritedKeyPairs(walk.types, voteable));
  return { voteable, keys, vote: voteWireCase(pairs) };
}

/**
 * Inherited members live inside the derived object (§2.8): where a type's base was settled after the
 * walk lent samples (a base seen earlier, read from a sample by the solve), the base's members that
 * its object shows vote too.
 */
function inheritedKeyPairs(types: readonly WalkedType[], voteable: ReadonlySet<SampleNode>): { name: string; key: string }[] {
  const pairs: { name: string; key: string }[] = [];
  const byName = new Map<string, WalkedType>();
  for (const t of types) if (!byName.has(t.model.name)) byName.set(t.model.name, t);
  const baseOf = (t: WalkedType) => (t.model.base === undefined ? undefined : byName.get(t.model.base.replace(/<.*$/, "")));
  for (const t of types) {
    const obj = t.sample;
    if (!obj || obj.kind !== "object" || !voteable.has(obj)) continue;
    const first = objectKeys(obj).first;
    const visited = new Set([t.model.name]);
    for (let b = baseOf(t); b && !visited.has(b.model.name); b = baseOf(b)) {
      visited.add(b.model.name);
      if (b.sample === obj) continue; // the walk lent it this object: its own keys voted already
      for (const p of b.model.properties ?? []) {
        const key = first.get(keyOf(p.name))?.[0];
        if (key !== undefined) pairs.push({ name: p.name, key });
      }
    }
  }
  return pairs;
}

/** A collection response's element, matched to a table on this page or another (one type graph, §4.1). */
function collectionElement(prepared: PreparedPage, walk: WalkResult, elsewhere: readonly WalkedType[]): string | undefined {
  const { raw, resBody } = prepared;
  return walk.response === undefined && raw.response && hasBody(resBody) ? matchArrayElement(resBody.value, [walk.types, elsewhere], 1, prepared.operation) : undefined;
}

/**
 * Where the page's own objects cast no vote (§5.5): a collection response's element, matched to a
 * table, votes with its keys (they are that type's members). The solve counts it for the service's case.
 */
export function elementVote(
  prepared: PreparedPage,
  walk: WalkResult,
  elsewhere: readonly WalkedType[],
  element: string | undefined = collectionElement(prepared, walk, elsewhere),
): WireCase {
  const { resBody } = prepared;
  const jsonLike = resBody.syntax === "json" || resBody.syntax === "jsv";
  return element && jsonLike ? voteWireCase(elementKeyPairs(resBody.value, element, [walk.types, elsewhere], 1)) : "unknown";
}

/** The PageModel from a prepared page and the walk chosen for it (none for pages without params tables). */
export function finishPage(
  prepared: PreparedPage,
  walk: WalkResult | undefined,
  elsewhere: readonly WalkedType[] = [],
  /** The casing the service's other pages vote for, used where this page's samples cast no vote (§5.5). */
  serviceCase?: Exclude<WireCase, "unknown">,
  /** wireVote(prepared, walk), when the caller already computed it (the solve does, for serviceCase). */
  voted?: ReturnType<typeof wireVote>,
): PageModel {
  const { raw, reqBody, resBody, format } = prepared;
  const op = prepared.operation;
  const diagnostics = [...prepared.diagnostics];
  let types: TypeModel[];
  let response: string;
  let wireCase: WireCase;
  let layout = raw.layout;
  let autoQuery = false;

  let routes = raw.routes;
  let codeMethod: string | undefined;
  if (!walk && raw.code) {
    // a ?lang= page read from its code view (§2.9): exact names; the samples refine number/string
    wireCase = voteWireCase([...keyPairs(reqBody), ...keyPairs(resBody)]);
    if (wireCase === "unknown") wireCase = codeWireCase(raw.code);
    const fromCode = typesFromCodeView(raw.code, op, wireCase, { request: reqBody.value, response: resBody.value });
    types = fromCode.types;
    if (!types.some((t) => t.role === "request")) {
      // the view was cut before the request class
      types.unshift({ name: op, kind: "class", role: "request", from: "operation", properties: [], ...(raw.complete ? {} : { partial: true }) });
    }
    // what the view does not declare (an op view lists only the op's own types on some servers)
    const inferred = inferTypesFromSamples({ operation: op, request: reqBody, response: resBody, wireCase });
    const declared = new Set(types.map((t) => t.name));
    response = fromCode.response ?? (raw.response ? inferred.response : raw.complete ? "void" : "unknown");
    // a response type the view does not declare is read from the response sample
    const responseName = response.replace(/<.*$/, "").replace(/\[\]$/, "");
    if (!declared.has(responseName)) {
      for (const t of inferred.types) if (t.role !== "request" && !declared.has(t.name)) types.push(t);
    }
    if (!routes.length) routes = types.length ? (raw.code.types.find((t) => t.name === op)?.routes ?? []) : [];
    recomputeParams(types, { ...raw, routes });
    codeMethod = codeVerb(raw.code, op);
  } else if (!walk) {
    if (layout !== "html") layout = "sample-only";
    wireCase = voteWireCase([...keyPairs(reqBody), ...keyPairs(resBody)]);
    // a collection response's element may be a type another page shows (one type graph, §4.1)
    const element = raw.response ? matchArrayElement(resBody.value, [elsewhere], 1, op) : undefined;
    const inferred = inferTypesFromSamples({
      operation: op,
      request: raw.request ? reqBody : undefined,
      response: raw.response && !element ? resBody : undefined,
      wireCase,
    });
    types = inferred.types;
    response = element ? `${element}[]` : inferred.response;
    if (!raw.response && !raw.complete) response = "unknown";
    recomputeParams(types, raw);
    diagnostics.push(...inferred.diagnostics);
  } else {
    autoQuery = walk.autoQuery;
    diagnostics.push(...walk.diagnostics);
    const element = collectionElement(prepared, walk, elsewhere);
    const { voteable, keys, vote } = voted ?? wireVote(prepared, walk);
    wireCase = vote === "unknown" ? elementVote(prepared, walk, elsewhere, element) : vote;
    const aliases = pairAliases(walk.types, keys);
    diagnostics.push(...aliases.diagnostics);
    const nameCase = wireCase === "unknown" && serviceCase ? serviceCase : wireCase;
    walk.types.forEach((t, i) => applyWireNames(t, nameCase, keys[i]!));
    for (const t of walk.types) if (t.sample && voteable.has(t.sample)) applySampleKinds(t, t.sample);
    diagnostics.push(...unmatchedKeys(walk.types, aliases.explained));
    types = walk.types.map((t) => t.model);

    if (walk.response !== undefined) response = walk.response;
    else if (!raw.response) response = raw.complete ? "void" : "unknown";
    else if (!hasBody(resBody)) response = resBody.syntax === "raw" ? (resBody.rawType ?? "unknown") : "void";
    else {
      // R0 with a body: the response has no table (collection, prop-less, raw); read it from the sample.
      const inferred = inferTypesFromSamples({ operation: op, response: resBody, wireCase });
      response = inferred.response;
      const known = new Set(types.map((t) => t.name));
      if (element && response.endsWith("[]")) response = `${element}[]`;
      // a matched element brings its table's members: what the sample showed of it names nothing
      else for (const t of inferred.types) if (t.role !== "request" && !known.has(t.name)) types.push(t);
      // the page has tables, so it is not sample-only; the other findings still hold
      diagnostics.push(...inferred.diagnostics.filter((d) => d.code !== "W_SAMPLE_ONLY"));
    }
  }

  if (raw.code && walk) {
    // the op's code view beside its metadata page: its facts outrank the walk's inferences
    const renames = overlayCodeView(types, raw.code);
    forgetElementIndexes(); // the overlay may rename, rebase or change members of every page's models
    response = renamedType(response, renames);
    codeMethod = codeVerb(raw.code, op);
  }

  if (wireCase === "unknown" && serviceCase && walk) {
    diagnostics.push({ code: "W_WIRE_CASE_UNKNOWN", detail: `no sample key tells the casing; using ${serviceCase}, as the service's other pages show` });
  } else if (wireCase === "unknown" && types.some((t) => t.properties?.length)) {
    diagnostics.push({ code: "W_WIRE_CASE_UNKNOWN", detail: "no sample key tells the casing; using camel" });
  }

  const model: PageModel = {
    source: raw.source,
    operation: op,
    format,
    layout,
    tags: [...raw.tags],
    auth: raw.auth,
    routes,
    method: codeMethod ?? preferredVerb({ ...raw, routes }, autoQuery, types, op),
    response,
    wireCase,
    types,
    diagnostics: diagnostics.map((d) => ({ ...d, page: raw.source })),
  };
  if (raw.lang !== undefined) model.lang = raw.lang;
  if (raw.code) model.codeView = raw.code.lang;
  if (walk?.overflowed) model.guessed = true;
  if (raw.serviceName !== undefined) model.serviceName = raw.serviceName;
  if (raw.host !== undefined) model.host = raw.host;
  if (raw.description !== undefined) model.description = raw.description;
  return model;
}

/** TS/JS views print wire names: their letter case is the server's JSON casing. */
function codeWireCase(view: NonNullable<RawPage["code"]>): WireCase {
  if (view.lang === "csharp") return "unknown";
  let camel = 0;
  let pascal = 0;
  let snake = 0;
  for (const t of view.types) {
    for (const p of t.properties) {
      const w = p.alias ? undefined : p.wireName;
      if (!w || !/[A-Za-z]/.test(w)) continue;
      if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(w)) snake++;
      else if (/^[a-z]/.test(w) && /[A-Z]/.test(w)) camel++;
      else if (/^[A-Z]/.test(w)) pascal++;
    }
  }
  const max = Math.max(camel, pascal, snake);
  if (max === 0) return "unknown";
  return max === camel ? "camel" : max === pascal ? "pascal" : "snake";
}

/** The verb a code view states: a verb marker interface (§8.3 rule 1), else its getMethod(). */
function codeVerb(view: NonNullable<RawPage["code"]>, op: string): string | undefined {
  const req = view.types.find((t) => t.name === (view.request ?? op));
  const marker = req?.implements.find((i) => /^I(Get|Post|Put|Delete|Patch|Options)$/.test(i));
  return marker ? marker.slice(1).toUpperCase() : view.method;
}

function formatFromSamples(raw: RawPage): string | undefined {
  for (const s of [raw.request, raw.response]) {
    if (!s) continue;
    const entry = Object.entries(s.headers).find(([k]) => k.toLowerCase() === "content-type");
    if (!entry) continue;
    const mime = entry[1].split(";")[0]!.trim().toLowerCase();
    if (CONTENT_TYPES[mime]) return CONTENT_TYPES[mime];
  }
  return undefined;
}

const hasBody = (b: SampleBody): boolean => b.value !== undefined || b.syntax === "raw";

// --------------------------------------------------------------------------------------------
// §2.4 parameters for inferred requests, §8.3 preferred verb

function recomputeParams(types: TypeModel[], raw: RawPage): void {
  const req = types.find((t) => t.role === "request");
  if (!req?.properties) return;
  const vars = new Set(
    raw.routes.flatMap((r) => [...r.path.matchAll(/\{([^}*]+)\*?\}/g)].map((m) => m[1]!.toLowerCase())),
  );
  const bodyVerb = raw.routes.some((r) => r.verbs !== "*" && r.verbs.some((v) => v === "POST" || v === "PUT"));
  for (const p of req.properties) {
    if (raw.routes.length === 0) p.param = "query";
    else if (vars.has(p.name.toLowerCase())) p.param = "path";
    else p.param = bodyVerb ? "body" : "query";
  }
}

function preferredVerb(raw: RawPage, autoQuery: boolean, types: TypeModel[], op: string): string {
  const single = new Set<string>();
  for (const r of raw.routes) if (r.verbs !== "*" && r.verbs.length === 1 && SINGLE_VERBS.has(r.verbs[0]!)) single.add(r.verbs[0]!);
  if (single.size === 1) return [...single][0]!;
  const req = types.find((t) => t.role === "request" && t.name === op);
  if (autoQuery || req?.base?.startsWith("QueryDb<") || req?.base === "QueryBase") return "GET";
  return "POST";
}
