// One entry of /types/metadata `operations[]` (spec §9) -> MetadataOperationFacts: request and
// response types, the concrete response type, routes (verbs absent = all), preferred verb, tags
// and the authentication requirements.
import type { Auth, MetadataOperationFacts, Route } from "../../model/types.js";
import { flag, obj, objects, strings, str, text, type JsonObject } from "./json-fields.js";
import { readMetadataType } from "./metadata-type.js";
import { namesInTypes, typeNameText } from "./type-name.js";

export function readMetadataOperation(value: JsonObject): MetadataOperationFacts | undefined {
  const requestValue = obj(value, "request");
  const request = requestValue && readMetadataType(requestValue);
  if (!request) return undefined;
  const responseValue = obj(value, "response");
  const response = responseValue ? readMetadataType(responseValue) : undefined;
  const returnType = returnTypeOf(value, request.implements, response?.name);
  const op: MetadataOperationFacts = {
    request,
    returnType,
    returnReferences: namesInTypes([returnType]),
    routes: objects(value, "routes").flatMap(readRoute),
    tags: strings(value, "tags").map((t) => t.trim()).filter((t) => t !== ""),
    auth: authOf(value),
  };
  if (response) op.response = response;
  const method = text(value, "method")?.toUpperCase();
  if (method) op.method = method;
  return op;
}

/**
 * returnsVoid, else returnType (it carries the concrete generic arguments: ``QueryResponse`1`` +
 * ["Customer"]), else the request's IReturn<T>, else the response type's name; nothing at all is void.
 */
function returnTypeOf(value: JsonObject, implemented: readonly string[], responseName: string | undefined): string {
  if (flag(value, "returnsVoid")) return "void";
  const declared = typeNameText(obj(value, "returnType"));
  if (declared) return declared;
  for (const i of implemented) {
    const m = /^IReturn<(.+)>$/.exec(i);
    if (m) return m[1]!;
    if (i === "IReturnVoid") return "void";
  }
  return responseName ?? "void";
}

function readRoute(value: JsonObject): Route[] {
  const path = str(value, "path")?.trim();
  if (!path) return [];
  const verbs = (str(value, "verbs") ?? "")
    .split(/[\s,]+/)
    .map((v) => v.trim().toUpperCase())
    .filter((v) => v !== "");
  const all = verbs.length === 0 || verbs.some((v) => v === "*" || v === "ANY");
  const route: Route = { verbs: all ? "*" : [...new Set(verbs)], path };
  const summary = text(value, "summary");
  if (summary) route.summary = summary;
  const notes = text(value, "notes");
  if (notes) route.notes = notes;
  return [route];
}

/** No requirement at all is "known: none" (null); requiresAuth alone is authentication with empty lists. */
function authOf(value: JsonObject): Auth {
  const auth = {
    roles: strings(value, "requiredRoles"),
    permissions: strings(value, "requiredPermissions"),
    anyRoles: strings(value, "requiresAnyRole"),
    anyPermissions: strings(value, "requiresAnyPermission"),
  };
  const any = auth.roles.length + auth.permissions.length + auth.anyRoles.length + auth.anyPermissions.length > 0;
  return flag(value, "requiresAuth") || any ? auth : null;
}
