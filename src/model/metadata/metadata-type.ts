// A /types/metadata type's facts -> the TypeModel the pages would give it: wire names from the
// server's key casing and [DataMember(Name)] aliases (§5.5), the Parameter column of §2.4 for
// request properties, and the role it plays in one operation.
import type { MetadataTypeFacts, PropertyModel, Route, TypeModel, TypeRole, WireCase } from "../types.js";
import { isSystemTypeName } from "../../csharp-type.js";
import { toWireCase } from "../wire-case.js";

export function metadataTypeModel(
  facts: MetadataTypeFacts,
  role: TypeRole,
  wireCase: WireCase,
  routes: readonly Route[] = [],
  declared: (name: string) => boolean = () => false,
): TypeModel {
  const t: TypeModel = { name: facts.name, kind: facts.kind === "enum" ? "enum" : "class", role, from: "metadata" };
  if (facts.base) t.base = facts.base;
  if (facts.genericParams?.length) t.genericParams = [...facts.genericParams];
  // The request's description is the operation's (h3#desc on its page); other types keep their own.
  if (facts.description && role !== "request") t.description = facts.description;
  if (t.kind === "enum") {
    t.members = (facts.members ?? []).map((m) => ({ ...m }));
    if (facts.valued) t.valued = true;
    return t;
  }
  const param = role === "request" ? requestParam(routes) : () => "form";
  t.properties = facts.properties.map((p): PropertyModel => {
    const prop: PropertyModel = {
      name: p.name,
      // an alias travels exactly as written, whatever the wire case (ServiceStack.Text's WriteType)
      wireName: p.alias ?? toWireCase(p.name, wireCase),
      param: p.paramType ?? param(p.name),
      type: p.type,
      required: p.required,
      origin: "table",
    };
    if (p.description) prop.description = p.description;
    if (p.allowableValues) prop.allowableValues = [...p.allowableValues];
    if (p.range) prop.range = [...p.range];
    // A value type the document does not declare is a struct, which travels as its string (§7.3),
    // the same evidence a page's sample string gives.
    const bare = /^([A-Za-z_][A-Za-z0-9_]*)\??$/.exec(p.type)?.[1];
    if (p.valueType && bare && !isSystemTypeName(bare) && !declared(bare)) prop.sampleKind = "string";
    return prop;
  });
  return t;
}

/**
 * The request table's Parameter column (spec §2.4) for a property without [ApiMember(ParameterType)]:
 * query without routes, path for a route variable, body when a route takes POST or PUT, else query.
 */
export function requestParam(routes: readonly Route[]): (name: string) => string {
  const vars = new Set(routes.flatMap((r) => [...r.path.matchAll(/\{([^}*]+)\*?\}/g)].map((m) => m[1]!.toLowerCase())));
  const bodyVerb = routes.some((r) => r.verbs !== "*" && r.verbs.some((v) => v === "POST" || v === "PUT"));
  return (name) => {
    if (routes.length === 0) return "query";
    if (vars.has(name.toLowerCase())) return "path";
    return bodyVerb ? "body" : "query";
  };
}
