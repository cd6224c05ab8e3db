// A seeded generator of random true services (issue 8 Tests): ops with routes, request/response
// types, a type graph with inheritance chains, AutoQuery generic bases, plain and valued enums,
// types shared across many ops, collections, dictionaries, nullables, descriptions, void and
// List<X> responses. The same options and seed always give the same service.
import type { AuthRequirements, Route, TypeRef } from "../../../src/model/types.js";
import { QUERY_BASE, QUERY_DB, QUERY_RESPONSE } from "./builtins.js";
import { arrayOf, dictOf, listOf, named, nullable } from "./csharp.js";
import { Random } from "./prng.js";
import type { TrueClass, TrueEnum, TrueOperation, TrueProperty, TrueService, TrueType } from "./service.js";
import * as W from "./words.js";

export interface GenerateOptions {
  seed: number;
  ops: number;
  /** Shared reference types (default about 0.8 per op). */
  entities?: number;
  enums?: number;
  /** Most declared properties per type. */
  maxProps?: number;
  wireCase?: "camel" | "pascal";
  /** Share of AutoQuery ops (QueryDb<T> -> QueryResponse<T>). Default 0.15. */
  autoQueryRate?: number;
  /** Share of requests with a base class (a chain of request bases). Default 0.3. */
  requestBaseRate?: number;
  /** Share of entities deriving from an earlier entity. Default 0.25. */
  entityBaseRate?: number;
  /** Share of responses that are void / List<Entity> / an entity / a shared response type. */
  voidRate?: number;
  listResponseRate?: number;
  entityResponseRate?: number;
  sharedResponseRate?: number;
  /** Share of routes with a summary (then notes at 30%). Default 0.25. */
  routeSummaryRate?: number;
  /** Share of properties typed by a reference (entity or enum). Default 0.3. */
  refRate?: number;
  /** Fewest properties of a (non-AutoQuery) request. Default 0: prop-less requests occur. */
  minRequestProps?: number;
  /**
   * Names that make the flat split hard (spec §5.1): property names embedding a Parameter keyword
   * (`Uniform`, `Antibody`) and type names embedding Yes/No (`DeviceNote`). Default true.
   */
  trickyNames?: boolean;
  /** Share of enums with a Value column (integer or [EnumMember] values). Default 0.4. */
  valuedEnumRate?: number;
  /** `[ApiMember(ParameterType = "header")]` on some request properties. Default 0.05. */
  headerParamRate?: number;
}

/** Every rate at 0: one request type with scalar properties, its own response, no references. */
export const PLAIN: Omit<GenerateOptions, "seed" | "ops"> = {
  autoQueryRate: 0, requestBaseRate: 0, entityBaseRate: 0, voidRate: 0, listResponseRate: 0,
  entityResponseRate: 0, sharedResponseRate: 0, routeSummaryRate: 0, refRate: 0,
};

const SCALARS: TypeRef[] = [
  named("string"), named("string"), named("string"), named("int"), named("long"), named("bool"),
  named("decimal"), named("double"), named("DateTime"), named("Guid"), named("TimeSpan"),
  nullable(named("int")), nullable(named("bool")), nullable(named("DateTime")), nullable(named("decimal")),
  listOf(named("string")), arrayOf(named("string")), listOf(named("int")), dictOf(named("string"), named("string")),
  dictOf(named("string"), named("int")), dictOf(named("string"), listOf(named("int"))),
];

class Names {
  #used = new Set<string>(["QueryBase", "QueryDb", "QueryResponse", "ResponseStatus", "ResponseError"]);
  /** `base`, or base2, base3... the first one free. */
  take(base: string): string {
    let name = base;
    for (let i = 2; this.#used.has(name); i++) name = `${base}${i}`;
    this.#used.add(name);
    return name;
  }
}

export function generateService(options: GenerateOptions): TrueService {
  const r = new Random(options.seed ^ 0x5eed1234);
  const ops = Math.max(1, options.ops);
  const maxProps = options.maxProps ?? 5;
  const names = new Names();
  const types = new Map<string, TrueType>();
  const add = <T extends TrueType>(t: T): T => (types.set(t.name, t), t);

  const description = (): string | undefined => {
    if (!r.chance(0.2)) return undefined;
    const words = Array.from({ length: r.int(2, 6) }, () => r.pick(W.DESCRIPTION_WORDS));
    const text = words.join(" ");
    return (text[0]!.toUpperCase() + text.slice(1) + (r.chance(0.2) ? " & more" : "")).trim();
  };

  // --- enums
  const enums: TrueEnum[] = [];
  for (let i = 0, n = options.enums ?? Math.max(1, Math.round(ops * 0.3)); i < n; i++) {
    const valued = !r.chance(options.valuedEnumRate ?? 0.4) ? "none" : r.chance(0.6) ? "int" : "member";
    const memberNames = r.sample(W.MEMBERS, r.int(2, 5));
    const flags = r.chance(0.5);
    const members = memberNames.map((name, k) => ({
      name,
      value: valued === "int" ? String(flags ? (k === 0 ? 0 : 1 << (k - 1)) : (k + 1) * 10) : valued === "member" ? name.toLowerCase() : undefined,
      description: r.chance(0.15) ? `${name} ${r.pick(W.DESCRIPTION_WORDS)}` : undefined,
    }));
    enums.push(add({ kind: "enum", name: names.take(r.pick(W.NOUNS) + r.pick(W.ENUM_SUFFIXES)), members, valued }));
  }

  // --- entities: names and bases first (a base is always an earlier entity: no cycles), then properties
  const entities: TrueClass[] = [];
  for (let i = 0, n = options.entities ?? Math.max(2, Math.round(ops * 0.8)); i < n; i++) {
    const base = i > 0 && r.chance(options.entityBaseRate ?? 0.25) ? r.pick(entities) : undefined;
    const qualifiers = options.trickyNames === false ? W.QUALIFIERS.filter((q) => !/No|Yes/.test(q)) : W.QUALIFIERS;
    const name = names.take(r.chance(0.5) ? r.pick(W.NOUNS) : r.pick(W.NOUNS) + r.pick(qualifiers));
    entities.push(add({ kind: "class", name, base: base && named(base.name), properties: [] }));
  }
  const ancestorNames = (t: TrueClass): Set<string> => {
    const out = new Set<string>();
    for (let b = t.base && (types.get(baseName(t.base)) as TrueClass | undefined); b; b = b.base && (types.get(baseName(b.base)) as TrueClass | undefined))
      for (const p of b.properties) out.add(p.name);
    return out;
  };
  const propName = (taken: Set<string>): string => {
    for (;;) {
      const words = options.trickyNames === false ? W.PLAIN_PROPS : W.PROPS;
      const name = r.chance(0.6) ? r.pick(words) : r.pick(words) + r.pick(words);
      if (!taken.has(name)) return taken.add(name), name;
    }
  };
  const refType = (): TypeRef => {
    const roll = r.next();
    if (roll < 0.35 && enums.length) {
      const e = named(r.pick(enums).name);
      return r.chance(0.7) ? e : r.chance(0.5) ? nullable(e) : listOf(e);
    }
    const e = named(r.pick(entities).name);
    return r.chance(0.5) ? e : r.pick([listOf(e), arrayOf(e), dictOf(named("string"), e)]);
  };
  const makeProperty = (taken: Set<string>, refRate: number): TrueProperty => {
    const type = r.chance(refRate) ? refType() : r.pick(SCALARS);
    const p: TrueProperty = { name: propName(taken), type, required: r.chance(0.2) };
    const d = description();
    if (d) p.description = d;
    if (type.kind === "named" && type.name === "string" && r.chance(0.08)) p.allowableValues = r.sample(["email", "sms", "push", "post"], 2);
    else if (type.kind === "named" && type.name === "int" && r.chance(0.08)) p.range = [1, r.pick([5, 99, 1000])];
    return p;
  };
  const fillProperties = (t: TrueClass, count: number, refRate: number, taken = ancestorNames(t)): void => {
    for (let i = 0; i < count; i++) t.properties.push(makeProperty(taken, refRate));
  };
  // bases are filled before derived types, so a derived type never redeclares an inherited name
  const refRate = options.refRate ?? 0.3;
  for (const e of entities) fillProperties(e, r.int(1, maxProps), refRate);

  // --- request bases (scalars only, maybe a chain of two) and shared responses
  const requestBases: TrueClass[] = [];
  for (let i = 0, n = r.int(0, 2); i < n; i++) {
    const base = requestBases.length && r.chance(0.4) ? requestBases[requestBases.length - 1] : undefined;
    const t = add<TrueClass>({ kind: "class", name: names.take(r.pick(["Audited", "Tenant", "Signed", "Tracked"]) + "Request"), base: base && named(base.name), properties: [] });
    fillProperties(t, r.int(1, 3), 0);
    requestBases.push(t);
  }
  const sharedResponses: TrueClass[] = [];
  for (let i = 0, n = r.int(0, 2); i < n; i++) {
    const t = add<TrueClass>({ kind: "class", name: names.take(r.pick(["Mutation", "Command", "Batch"]) + r.pick(["Result", "Outcome"])), properties: [] });
    fillProperties(t, r.int(1, 3), refRate * 0.7);
    t.properties.push({ name: "ResponseStatus", type: named("ResponseStatus"), required: false });
    sharedResponses.push(t);
  }

  // --- operations
  const operations: TrueOperation[] = [];
  const autoQueryRate = options.autoQueryRate ?? 0.15;
  for (let i = 0; i < ops; i++) {
    const entity = r.pick(entities);
    if (r.chance(autoQueryRate)) {
      operations.push(autoQuery(entity));
      continue;
    }
    const verbWord = r.pick(W.VERBS);
    const request = add<TrueClass>({ kind: "class", name: names.take(verbWord + entity.name), properties: [] });
    if (requestBases.length && r.chance(options.requestBaseRate ?? 0.3)) request.base = named(r.pick(requestBases).name);
    const taken = ancestorNames(request);
    const hasId = !taken.has("Id") && r.chance(0.6);
    if (hasId) {
      taken.add("Id");
      request.properties.push({ name: "Id", type: named(r.chance(0.7) ? "int" : "string"), required: r.chance(0.5) });
    }
    const least = Math.max(0, (options.minRequestProps ?? 0) - (hasId ? 1 : 0));
    fillProperties(request, r.int(least, Math.max(least, maxProps - (hasId ? 1 : 0))), refRate, taken);
    if (r.chance(options.headerParamRate ?? 0.05) && request.properties.length) request.properties[request.properties.length - 1]!.paramType = "header";
    operations.push({
      name: request.name,
      routes: makeRoutes(verbWord, entity.name, hasId),
      response: makeResponse(request.name),
      tags: r.sample(W.TAGS, r.pick([0, 0, 1, 1, 2])),
      description: description(),
      auth: makeAuth(),
    });
  }

  function autoQuery(entity: TrueClass): TrueOperation {
    for (const t of [QUERY_BASE, QUERY_DB, QUERY_RESPONSE]) types.set(t.name, t);
    const request = add<TrueClass>({ kind: "class", name: names.take(`Query${entity.name}`), base: named("QueryDb", named(entity.name)), properties: [] });
    const taken = new Set(QUERY_BASE.properties.map((p) => p.name));
    for (let k = 0, n = r.pick([0, 0, 1, 2]); k < n; k++) request.properties.push({ ...makeProperty(taken, 0), required: false });
    return {
      name: request.name,
      routes: r.chance(0.5) ? [{ verbs: ["GET"], path: `/${entity.name.toLowerCase()}s/query` }] : [],
      response: named("QueryResponse", named(entity.name)),
      tags: r.sample(W.TAGS, r.pick([0, 1])),
      description: description(),
      auth: makeAuth(),
    };
  }

  function makeRoutes(verbWord: string, noun: string, hasId: boolean): Route[] {
    const routes: Route[] = [];
    const verb: Route["verbs"] = /^(Get|Find|Search|Export)$/.test(verbWord) ? ["GET"] : verbWord === "Update" ? ["PUT"] : verbWord === "Delete" ? ["DELETE"] : verbWord === "Patch" ? ["PATCH"] : ["POST"];
    for (let k = 0, n = r.pick([0, 1, 1, 1, 2]); k < n; k++) {
      const verbs: Route["verbs"] = k === 0 ? (r.chance(0.85) ? verb : r.chance(0.5) ? "*" : ["GET", "POST"]) : r.pick<Route["verbs"]>([verb, "*", ["GET", "POST"]]);
      const path = `/${k ? "v2/" : ""}${noun.toLowerCase()}s/${verbWord.toLowerCase()}${hasId && (k === 0 || r.chance(0.5)) ? "/{Id}" : ""}`;
      const route: Route = { verbs, path };
      if (r.chance(options.routeSummaryRate ?? 0.25)) route.summary = `${verbWord} one ${noun.toLowerCase()}`;
      if (route.summary && r.chance(0.3)) route.notes = "Idempotent";
      routes.push(route);
    }
    return routes;
  }

  function makeResponse(opName: string): TypeRef | "void" {
    let roll = r.next();
    if ((roll -= options.voidRate ?? 0.1) < 0) return "void";
    if ((roll -= options.listResponseRate ?? 0.08) < 0) return listOf(named(r.pick(entities).name));
    if ((roll -= options.entityResponseRate ?? 0.1) < 0) return named(r.pick(entities).name);
    if ((roll -= options.sharedResponseRate ?? 0.1) < 0 && sharedResponses.length) return named(r.pick(sharedResponses).name);
    const response = add<TrueClass>({ kind: "class", name: names.take(`${opName}Response`), properties: [] });
    fillProperties(response, r.int(1, Math.max(1, maxProps - 1)), refRate);
    if (r.chance(0.7)) response.properties.push({ name: "ResponseStatus", type: named("ResponseStatus"), required: false });
    return named(response.name);
  }

  function makeAuth(): AuthRequirements | null {
    const roll = r.next();
    if (roll < 0.7) return null;
    const auth: AuthRequirements = { roles: [], permissions: [], anyRoles: [], anyPermissions: [] };
    if (roll < 0.8) return auth;
    if (r.chance(0.7)) auth.roles = r.sample(W.ROLES, r.int(1, 2));
    if (r.chance(0.3)) auth.permissions = r.sample(W.PERMISSIONS, 1);
    return auth;
  }

  const service: TrueService = {
    seed: options.seed,
    serviceName: r.pick(["Shop API", "Help Desk", "Travel Service", "Ledger"]),
    host: "svc.example.test",
    wireCase: options.wireCase ?? (r.chance(0.75) ? "camel" : "pascal"),
    types,
    operations,
  };
  pruneUnreachable(service);
  return service;
}

export function baseName(t: TypeRef): string {
  if (t.kind !== "named") throw new Error("a base is a named type");
  return t.name;
}

/** Drops the types no operation reaches (by request, response, base, base argument or property). */
export function pruneUnreachable(service: TrueService): void {
  const reached = reachableFrom(service, service.operations);
  for (const name of [...service.types.keys()]) if (!reached.has(name)) service.types.delete(name);
}

/** The names the given operations reach: their requests and responses, and what those reach (properties, bases, arguments). */
export function reachableFrom(service: TrueService, ops: readonly TrueOperation[]): Set<string> {
  const reached = new Set<string>();
  const visitRef = (t: TypeRef): void => {
    if (t.kind === "array") return visitRef(t.element);
    if (t.kind === "nullable") return visitRef(t.inner);
    t.args.forEach(visitRef);
    visitName(t.name);
  };
  const visitName = (name: string): void => {
    const def = service.types.get(name);
    if (!def || reached.has(name)) return;
    reached.add(name);
    if (def.kind === "class") {
      if (def.base) visitRef(def.base);
      for (const p of def.properties) visitRef(p.type);
    }
  };
  for (const op of ops) {
    visitName(op.name);
    if (op.response !== "void") visitRef(op.response);
  }
  return reached;
}
