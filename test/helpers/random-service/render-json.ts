// The /types/metadata document (spec §9) of a true service, as ServiceStack serves it: CLR
// encodings (``List`1`` + ["X"], ``Nullable`1``, Int32, X[]), sparse values (flags only when true,
// no nulls), requests and responses only under operations[], ServiceStack's own types omitted,
// a generic response as ``QueryResponse`1`` + ["T"] with the concrete arguments on returnType.
// Keys follow the service's wire case (camelCase on .NET Core, PascalCase on .NET Framework);
// `older` renders what older servers send (typeNamespace, explicit false flags).
import type { TypeRef } from "../../../src/model/types.js";
import { olderServer, pascalKeys } from "../metadata-json-variants.js";
import { ALIAS_TO_CLR, isValueStruct } from "./csharp.js";
import type { TrueClass, TrueEnum, TrueOperation, TrueProperty, TrueService, TrueType } from "./service.js";
import { preferredVerb } from "./truth.js";

export interface JsonRenderOptions {
  /** Default: the service's wire case. */
  keyCase?: "camel" | "pascal";
  older?: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const NAMESPACE = "Svc.ServiceModel";
const SERVICESTACK = new Set(["QueryBase", "QueryDb", "QueryResponse", "ResponseStatus", "ResponseError"]);
const SYSTEM_NAMESPACE: Readonly<Record<string, string>> = { List: "System.Collections.Generic", Dictionary: "System.Collections.Generic" };

const clr = (name: string): string => ALIAS_TO_CLR[name] ?? name;
const namespaceOf = (service: TrueService, name: string): string =>
  SERVICESTACK.has(name) ? "ServiceStack" : SYSTEM_NAMESPACE[name] ?? (service.types.has(name) ? NAMESPACE : "System");

/** A type inside genericArgs: C#-like text with CLR names (`List<Int32>`, `Nullable<Int32>`). */
function argText(t: TypeRef): string {
  switch (t.kind) {
    case "named":
      return t.args.length ? `${clr(t.name)}<${t.args.map(argText).join(",")}>` : clr(t.name);
    case "array":
      return `${argText(t.element)}[]`;
    case "nullable":
      return `Nullable<${argText(t.inner)}>`;
  }
}

/** A MetadataTypeName ({ name, namespace, genericArgs }) of a reference (property type, inherits, returnType). */
function typeName(service: TrueService, t: TypeRef): { [key: string]: Json } {
  if (t.kind === "nullable") return { name: "Nullable`1", namespace: "System", genericArgs: [argText(t.inner)] };
  if (t.kind === "array") return { name: `${argText(t.element)}[]`, namespace: "System" };
  const out: { [key: string]: Json } = { name: t.args.length ? `${clr(t.name)}\`${t.args.length}` : clr(t.name), namespace: namespaceOf(service, t.name) };
  if (t.args.length) out.genericArgs = t.args.map(argText);
  return out;
}

function isEnumRef(service: TrueService, t: TypeRef): boolean {
  const core = t.kind === "nullable" ? t.inner : t;
  return core.kind === "named" && service.types.get(core.name)?.kind === "enum";
}

function property(service: TrueService, p: TrueProperty): { [key: string]: Json } {
  const ref = typeName(service, p.type);
  const out: { [key: string]: Json } = { name: p.name, type: ref.name!, namespace: ref.namespace! };
  if (ref.genericArgs) out.genericArgs = ref.genericArgs;
  const core = p.type.kind === "nullable" ? p.type.inner : p.type;
  if (p.type.kind === "nullable" || (core.kind === "named" && (isValueStruct(core.name) || isEnumRef(service, core)))) out.isValueType = true;
  if (isEnumRef(service, p.type)) out.isEnum = true;
  if (p.required) out.isRequired = true;
  if (p.description) out.description = p.description;
  if (p.paramType) out.paramType = p.paramType;
  if (p.allowableValues) out.allowableValues = [...p.allowableValues];
  if (p.range) [out.allowableMin, out.allowableMax] = p.range;
  return out;
}

function enumType(t: TrueEnum): { [key: string]: Json } {
  const out: { [key: string]: Json } = { name: t.name, namespace: NAMESPACE, isEnum: true, enumNames: t.members.map((m) => m.name) };
  if (t.valued === "int") {
    out.isEnumInt = true;
    out.enumValues = t.members.map((m) => m.value ?? "");
  }
  if (t.valued === "member") out.enumMemberValues = t.members.map((m) => m.value ?? m.name);
  if (t.members.some((m) => m.description)) out.enumDescriptions = t.members.map((m) => m.description ?? null);
  return out;
}

function metadataType(service: TrueService, t: TrueType, description?: string): { [key: string]: Json } {
  if (t.kind === "enum") return enumType(t);
  const out: { [key: string]: Json } = { name: t.genericParams?.length ? `${t.name}\`${t.genericParams.length}` : t.name, namespace: namespaceOf(service, t.name) };
  if (t.genericParams?.length) out.genericArgs = [...t.genericParams];
  if (t.base) out.inherits = typeName(service, t.base);
  if (description) out.description = description;
  if (t.properties.length) out.properties = t.properties.map((p) => property(service, p));
  return out;
}

function operation(service: TrueService, op: TrueOperation): { [key: string]: Json } {
  const request = service.types.get(op.name) as TrueClass;
  const out: { [key: string]: Json } = { request: metadataType(service, request, op.description) };
  if (op.response === "void") out.returnsVoid = true;
  else {
    const core = op.response;
    if (core.kind === "named" && service.types.has(core.name) && core.name !== "List") {
      const def = service.types.get(core.name)!;
      // ServiceStack's own response types come without their properties (spec §9: built-ins omitted)
      out.response = SERVICESTACK.has(core.name)
        ? { name: `${core.name}\`${core.args.length}`, namespace: "ServiceStack", genericArgs: ["T"] }
        : metadataType(service, def);
    }
    out.returnType = typeName(service, core);
  }
  const verbs = op.routes.flatMap((r) => (r.verbs === "*" ? ["ANY"] : r.verbs));
  out.actions = verbs.length ? [...new Set(verbs)] : ["ANY"];
  out.method = preferredVerb(service, op);
  if (op.routes.length)
    out.routes = op.routes.map((r) => ({
      path: r.path,
      ...(r.verbs !== "*" && { verbs: r.verbs.join(",") }),
      ...(r.summary && { summary: r.summary }),
      ...(r.notes && { notes: r.notes }),
    }));
  if (op.tags.length) out.tags = [...op.tags];
  if (op.auth) {
    out.requiresAuth = true;
    if (op.auth.roles.length) out.requiredRoles = [...op.auth.roles];
    if (op.auth.anyRoles.length) out.requiresAnyRole = [...op.auth.anyRoles];
    if (op.auth.permissions.length) out.requiredPermissions = [...op.auth.permissions];
    if (op.auth.anyPermissions.length) out.requiresAnyPermission = [...op.auth.anyPermissions];
  }
  return out;
}

export function renderMetadataJson(service: TrueService, options: JsonRenderOptions = {}): string {
  const requests = new Set(service.operations.map((o) => o.name));
  const responses = new Set(service.operations.flatMap((o) => (o.response !== "void" && o.response.kind === "named" ? [o.response.name] : [])));
  const types = [...service.types.values()]
    .filter((t) => !requests.has(t.name) && !responses.has(t.name) && !SERVICESTACK.has(t.name))
    .map((t) => metadataType(service, t));
  let doc: Json = {
    config: { baseUrl: `https://${service.host}`, addServiceStackTypes: true },
    namespaces: ["System", "System.Collections.Generic", "ServiceStack", NAMESPACE],
    types,
    operations: service.operations.map((op) => operation(service, op)),
  };
  if (options.older) doc = olderServer(doc) as Json;
  if ((options.keyCase ?? service.wireCase) === "pascal") doc = pascalKeys(doc) as Json;
  return JSON.stringify(doc, null, 1);
}
