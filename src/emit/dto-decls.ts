// The other DTO declarations: enums, code-view interfaces, the IReturn and verb marker interfaces, empty classes for unknown names, KeyValuePair and Tuple (§7.3).
import type {
  EnumDeclarationStructure,
  InterfaceDeclarationStructure,
  TypeAliasDeclarationStructure,
} from "ts-morph";
import { Scope, StructureKind } from "./structures.js";
import type { ApiModel, TypeModel } from "../model/types.js";
import { enumShape } from "./enum-shape.js";
import { assignTypeParams, propertyKey, type TypeNames } from "./naming.js";
import { mapType, type TypeContext } from "./ts-type.js";
import type { DtoOptions } from "./dtos.js";
import { MARKERS, VERBS, assignConstructor, isOptional, memberDocs, propertyDocs, typeDocs, type Decl } from "./dto-parts.js";

export function interfaceDecls(used: ReadonlySet<string>): InterfaceDeclarationStructure[] {
  const out: InterfaceDeclarationStructure[] = [];
  if (used.has("IReturn"))
    out.push({ kind: StructureKind.Interface, isExported: true, name: "IReturn", typeParameters: ["T"],
      methods: [{ name: "createResponse", returnType: "T" }] });
  if (used.has("IReturnVoid"))
    out.push({ kind: StructureKind.Interface, isExported: true, name: "IReturnVoid",
      methods: [{ name: "createResponse", returnType: "void" }] });
  for (const verb of VERBS) {
    const marker = MARKERS[verb];
    if (used.has(marker)) out.push({ kind: StructureKind.Interface, isExported: true, name: marker });
  }
  return out;
}

export function enumDecl(t: TypeModel, ctx: TypeContext, options: DtoOptions): Decl {
  const tsName = ctx.names.tsName(t.name);
  const shape = enumShape(t);
  const docs = typeDocs(t, tsName);
  if (options.enums === "union") {
    const literals = shape.members.map((m) => m.literal);
    const type = shape.flags ? "number" : [...new Set(literals)].join(" | ") || "never";
    const structure: TypeAliasDeclarationStructure = {
      kind: StructureKind.TypeAlias, isExported: true, name: tsName, type, docs,
      ...(shape.flags ? { leadingTrivia: "// @Flags()\n" } : {}),
    };
    return { tsName, structure };
  }
  const structure: EnumDeclarationStructure = {
    kind: StructureKind.Enum,
    isExported: true,
    name: tsName,
    docs,
    ...(shape.flags ? { leadingTrivia: "// @Flags()\n" } : {}),
    members: shape.members.map((m) => ({
      name: m.key,
      initializer: m.literal,
      docs: memberDocs(m.description),
    })),
  };
  return { tsName, structure };
}

/**
 * An interface a code view declares (`IHasVersion`), as ServiceStack's TypeScript generator writes
 * it: its members as property signatures under the same optional rule as class properties.
 */
export function interfaceDecl(t: TypeModel, ctx: TypeContext, options: DtoOptions): Decl {
  const tsName = ctx.names.tsName(t.name);
  const params = assignTypeParams(t.genericParams ?? [], [tsName]);
  const tp = new Map((t.genericParams ?? []).map((p, i) => [p, params[i]!]));
  const seen = new Set<string>();
  const properties: InterfaceDeclarationStructure["properties"] = [];
  for (const p of t.properties ?? []) {
    if (seen.has(p.wireName)) continue;
    seen.add(p.wireName);
    const optional = isOptional(p, options.optional, ctx);
    const asUnion = optional && options.nullable === "union";
    const ts = mapType(p.type, ctx, "property", tp).ts;
    properties.push({
      kind: StructureKind.PropertySignature,
      name: propertyKey(p.wireName),
      type: asUnion ? `${ts} | null` : ts,
      hasQuestionToken: optional && !asUnion,
      docs: propertyDocs(p),
    });
  }
  const structure: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    isExported: true,
    name: tsName,
    typeParameters: params,
    docs: typeDocs(t, tsName),
    properties,
  };
  return { tsName, structure };
}

export function emptyClass(tsName: string, arity: number): Decl {
  const params = Array.from({ length: arity }, (_, i) => `T${i + 1}`);
  const self = params.length ? `${tsName}<${params.join(", ")}>` : tsName;
  return {
    tsName,
    structure: {
      kind: StructureKind.Class,
      isExported: true,
      name: tsName,
      docs: ["Not described by the metadata pages (W_UNKNOWN_TYPE)."],
      typeParameters: params.map((p) => ({ name: p, default: "unknown" })),
      ctors: [assignConstructor(self)],
    },
  };
}

/** KeyValuePair<TKey,TValue> and Tuple<T1..Tn> of §7.3; member names follow the wire case. */
export function helperClass(kind: "KeyValuePair" | "Tuple", arity: number, names: TypeNames, wireCase: ApiModel["wireCase"]): Decl {
  const tsName = names.tsName(kind);
  const pascal = wireCase === "pascal";
  const members =
    kind === "KeyValuePair"
      ? [["TKey", pascal ? "Key" : "key"], ["TValue", pascal ? "Value" : "value"]]
      : Array.from({ length: arity }, (_, i) => [`T${i + 1}`, `${pascal ? "Item" : "item"}${i + 1}`]);
  const params = members.map(([p]) => p!);
  const self = `${tsName}<${params.join(", ")}>`;
  return {
    tsName,
    structure: {
      kind: StructureKind.Class,
      isExported: true,
      name: tsName,
      typeParameters: params.map((p) => (kind === "Tuple" ? { name: p, default: "unknown" } : p)),
      properties: members.map(([p, n]) => ({ kind: StructureKind.Property, scope: Scope.Public, name: n!, type: p!, hasQuestionToken: true })),
      ctors: [assignConstructor(self)],
    },
  };
}
