// The truth as an OpenAPI 3 document (the same types and operations), for the bench's comparison
// with openapi-typescript. OpenAPI has no generics: `QueryResponse<Customer>` becomes the schema
// `QueryResponse_Customer`. Property names are wire names; `required` lists the required flags.
import type { TypeRef } from "../../../src/model/types.js";
import { isCollection, isDictionary, substitute } from "./csharp.js";
import { baseName } from "./generate.js";
import { requestParam } from "./page.js";
import { wireKey } from "./samples.js";
import type { TrueClass, TrueService } from "./service.js";
import { preferredVerb } from "./truth.js";

type Schema = Record<string, unknown>;

const SCALARS: Readonly<Record<string, Schema>> = {
  string: { type: "string" }, char: { type: "string" }, Guid: { type: "string", format: "uuid" }, Uri: { type: "string" },
  DateTime: { type: "string", format: "date-time" }, DateTimeOffset: { type: "string", format: "date-time" }, TimeSpan: { type: "string" },
  bool: { type: "boolean" }, byte: { type: "integer" }, short: { type: "integer" }, int: { type: "integer", format: "int32" },
  long: { type: "integer", format: "int64" }, float: { type: "number" }, double: { type: "number", format: "double" },
  decimal: { type: "number" }, object: {},
};

const RESPONSE_STATUS: Schema = {
  type: "object",
  properties: { errorCode: { type: "string" }, message: { type: "string" }, stackTrace: { type: "string" }, errors: { type: "array", items: { $ref: "#/components/schemas/ResponseError" } }, meta: { type: "object", additionalProperties: { type: "string" } } },
};
const RESPONSE_ERROR: Schema = {
  type: "object",
  properties: { errorCode: { type: "string" }, fieldName: { type: "string" }, message: { type: "string" }, meta: { type: "object", additionalProperties: { type: "string" } } },
};

/** Schema name of a (possibly generic) named type: `QueryResponse_Customer`. */
function schemaName(t: TypeRef): string {
  if (t.kind === "array") return `${schemaName(t.element)}Array`;
  if (t.kind === "nullable") return schemaName(t.inner);
  return [t.name, ...t.args.map(schemaName)].join("_");
}

export function renderOpenApi(service: TrueService): Record<string, unknown> {
  const schemas: Record<string, Schema> = { ResponseStatus: RESPONSE_STATUS, ResponseError: RESPONSE_ERROR };
  const pending: TypeRef[] = [];
  const ref = (t: TypeRef): Schema => {
    pending.push(t);
    return { $ref: `#/components/schemas/${schemaName(t)}` };
  };
  const schemaOf = (t: TypeRef): Schema => {
    if (t.kind === "nullable") return { ...schemaOf(t.inner), nullable: true };
    if (t.kind === "array" || isCollection(t)) return { type: "array", items: schemaOf(t.kind === "array" ? t.element : t.args[0]!) };
    if (isDictionary(t) && t.kind === "named") return { type: "object", additionalProperties: schemaOf(t.args[1]!) };
    if (t.kind === "named" && SCALARS[t.name]) return SCALARS[t.name]!;
    return ref(t);
  };
  const define = (t: TypeRef): void => {
    const name = schemaName(t);
    if (schemas[name] || t.kind !== "named") return;
    const def = service.types.get(t.name);
    if (!def) return void (schemas[name] = { type: "object" });
    if (def.kind === "enum") {
      schemas[name] = def.valued === "int" ? { type: "integer", enum: def.members.map((m) => Number(m.value)) } : { type: "string", enum: def.members.map((m) => m.value ?? m.name) };
      return;
    }
    schemas[name] = {}; // claim the name before recursing (cycles)
    const map = new Map((def.genericParams ?? []).map((p, i) => [p, t.args[i]!]));
    const own: Schema = { type: "object", properties: Object.fromEntries(def.properties.map((p) => [wireKey(service, p.name), describe(p.description, schemaOf(substitute(p.type, map)))])) };
    const required = def.properties.filter((p) => p.required).map((p) => wireKey(service, p.name));
    if (required.length) own.required = required;
    schemas[name] = def.base ? { allOf: [ref(substitute(def.base, map)), own] } : own;
  };
  const describe = (description: string | undefined, s: Schema): Schema => (description ? (s.$ref ? { allOf: [s], description } : { ...s, description }) : s);

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of service.operations) {
    const request = service.types.get(op.name) as TrueClass;
    const requestRef = ref({ kind: "named", name: op.name, args: [] });
    const response = op.response === "void" ? undefined : schemaOf(op.response);
    const all = allProperties(service, request);
    const routes = op.routes.length ? op.routes : [{ verbs: "*" as const, path: `/json/reply/${op.name}` }];
    for (const route of routes) {
      const verbs = route.verbs === "*" ? [preferredVerb(service, op)] : route.verbs;
      for (const verb of verbs) {
        const vars = [...route.path.matchAll(/\{([^}*]+)\*?\}/g)].map((m) => m[1]!);
        const withBody = !["GET", "DELETE", "OPTIONS"].includes(verb);
        const parameters = [
          ...vars.map((v) => ({ name: v, in: "path", required: true, schema: { type: "string" } })),
          ...(withBody ? [] : all.filter((p) => !vars.some((v) => v.toLowerCase() === p.name.toLowerCase())).map((p) => ({ name: wireKey(service, p.name), in: requestParam(op, p) === "header" ? "header" : "query", required: p.required, schema: schemaOf(p.type) }))),
        ];
        const path = route.path.replace(/\{([^}*]+)\*\}/g, "{$1}");
        (paths[path] ??= {})[verb.toLowerCase()] = {
          operationId: routes.length > 1 || verbs.length > 1 ? `${op.name}_${verb}_${routes.indexOf(route)}` : op.name,
          tags: op.tags.length ? op.tags : undefined,
          summary: route.summary,
          description: op.description,
          parameters: parameters.length ? parameters : undefined,
          requestBody: withBody ? { required: true, content: { "application/json": { schema: requestRef } } } : undefined,
          responses: response ? { "200": { description: "OK", content: { "application/json": { schema: response } } } } : { "204": { description: "No Content" } },
        };
      }
    }
  }
  while (pending.length) define(pending.shift()!);
  return { openapi: "3.0.3", info: { title: service.serviceName, version: "1.0" }, servers: [{ url: `https://${service.host}` }], paths, components: { schemas } };
}

/** Own and inherited properties (query parameters of a GET carry the whole chain). */
function allProperties(service: TrueService, t: TrueClass): TrueClass["properties"] {
  const out = [...t.properties];
  for (let b = t.base && (service.types.get(baseName(t.base)) as TrueClass | undefined); b; b = b.base && (service.types.get(baseName(b.base)) as TrueClass | undefined)) out.push(...b.properties);
  return out;
}
