// dtos.ts: ServiceStack-style DTO classes (spec §8.1, §8.2, §7.3-§7.5), built as ts-morph
// structures and printed by print.ts, so emitting is linear in the number of types.
import type {
  ClassDeclarationStructure,
  ConstructorDeclarationStructure,
  EnumDeclarationStructure,
  InterfaceDeclarationStructure,
  PropertyDeclarationStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
} from "ts-morph";
import { printFile, type PrintedFile } from "./print.js";
import { Scope, StructureKind } from "./structures.js";
import type { ApiModel, Diagnostic, OperationModel, PropertyModel, TypeModel } from "../model/types.js";
import { isCollectionName, isDictionaryName, isSystemTypeName } from "../csharp-type.js";
import { enumShape } from "./enum-shape.js";
import type { EmitOptions } from "./options.js";
import {
  DTO_METHODS,
  assignTypeNames,
  assignTypeParams,
  commentLines,
  commentText,
  namesOf,
  ordinal,
  propertyKey,
  stringLiteral,
  type TypeNames,
} from "./naming.js";
import { isNonNullableValueType, mapType, parsedType, type TypeContext } from "./ts-type.js";

export type DtoOptions = Pick<EmitOptions, "enums" | "optional" | "dates"> & Partial<Pick<EmitOptions, "nullable">>;

const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Verb = (typeof VERBS)[number];
const MARKERS: Record<Verb, string> = {
  GET: "IGet", POST: "IPost", PUT: "IPut", PATCH: "IPatch", DELETE: "IDelete", OPTIONS: "IOptions",
};

/** The API with duplicates removed, input order normalised and every op given a request type. */
export interface PreparedApi {
  types: TypeModel[];
  operations: OperationModel[];
  names: TypeNames;
  diagnostics: Diagnostic[];
}

/** Normalises the model so that emission does not depend on input order. */
export function prepareApi(api: ApiModel): PreparedApi {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map<string, TypeModel>();
  for (const t of [...api.types].sort((a, b) => ordinal(a.name, b.name) || ordinal(JSON.stringify(a), JSON.stringify(b)))) {
    if (byName.has(t.name)) diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `${t.name} defined twice; the first definition is emitted` });
    else byName.set(t.name, t);
  }
  const operations: OperationModel[] = [];
  const seenOps = new Set<string>();
  for (const op of [...api.operations].sort((a, b) => ordinal(a.name, b.name))) {
    if (seenOps.has(op.name)) {
      diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `operation ${op.name} listed twice; the first is emitted` });
      continue;
    }
    seenOps.add(op.name);
    const t = byName.get(op.name);
    if (t?.kind === "enum") {
      diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `${op.name} is an operation and an enum; operation skipped` });
      continue;
    }
    // prop-less requests have no table, so the model may not have a type for them
    if (!t) byName.set(op.name, { name: op.name, kind: "class", role: "request", from: "operation", properties: [] });
    operations.push(op);
  }
  const types = [...byName.values()].sort((a, b) => ordinal(a.name, b.name));
  return { types, operations, names: assignTypeNames(namesOf(types, operations)), diagnostics };
}

/**
 * §7.4: `auto` is the current generator's rule (optional unless required or a non-nullable value
 * type), `legacy` the v5-v8 rule (`?` only on Nullable<T>), `all` makes every property optional.
 * A code view's own marker (TypeScript/JavaScript) is the server's and wins over auto and legacy.
 */
function isOptional(p: PropertyModel, mode: DtoOptions["optional"], ctx: TypeContext): boolean {
  if (mode === "all") return true;
  if (p.optional !== undefined) return p.optional;
  if (mode === "legacy") return p.type.endsWith("?");
  return !(p.required || isNonNullableValueType(p.type, ctx));
}

/**
 * `= []` / `= {}` for a required collection or dictionary, as the current generator writes them
 * (not on AutoQuery/CRUD requests, nor in legacy mode, whose servers wrote none); a code view's
 * own initializers, or their absence, are kept.
 */
function collectionInitializer(p: PropertyModel, t: TypeModel, mode: DtoOptions["optional"]): string | undefined {
  if (p.initializer) return p.initializer;
  // a TS/JS view that printed none is the server's word too (older generators wrote none)
  if (mode === "legacy" || !p.required || p.optional !== undefined) return undefined;
  const ref = parsedType(p.type);
  if (!ref) return undefined;
  if (ref.kind === "array") return ref.element.kind === "named" && ref.element.name === "byte" ? undefined : "[]";
  if (ref.kind !== "named") return undefined;
  if (t.role === "request" && /^(QueryDb|QueryData|QueryBase)\b/.test(t.base ?? "")) return undefined;
  if (isDictionaryName(ref.name)) return "{}";
  return isCollectionName(ref.name) ? "[]" : undefined;
}

export interface DtosResult {
  /** Printed as prettier prints it with its defaults (see print.ts for the exceptions). */
  text: string;
  /** The structures and their printing, for the final formatting step. */
  file: PrintedFile;
  diagnostics: Diagnostic[];
}

/** A declaration to emit plus what orders it: its TS name and its base's TS name. */
interface Decl {
  tsName: string;
  baseTsName?: string;
  structure: StatementStructures;
}

/**
 * Names without a table whose sample values were strings (§7.3: an enum on pages before v5.6, a
 * struct). Only a property typed exactly `X` or `X?` is evidence; conflicting evidence is none.
 */
export function scalarNames(types: readonly TypeModel[], known: ReadonlyMap<string, TypeModel>): ReadonlyMap<string, "string"> {
  const seen = new Map<string, "string" | undefined>();
  for (const t of types) {
    for (const p of t.properties ?? []) {
      if (!p.sampleKind) continue;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\??$/.exec(p.type);
      if (!m || known.has(m[1]!) || isSystemTypeName(m[1]!)) continue;
      const name = m[1]!;
      const kind = p.sampleKind === "string" ? "string" : undefined;
      seen.set(name, seen.has(name) && seen.get(name) !== kind ? undefined : kind);
    }
  }
  const out = new Map<string, "string">();
  for (const [name, kind] of seen) if (kind) out.set(name, kind);
  return out;
}

/** Emits dtos.ts (without header and formatting). Pure. */
export function emitDtos(api: ApiModel, options: DtoOptions, prepared: PreparedApi = prepareApi(api)): DtosResult {
  const { types, operations, names } = prepared;
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const known = new Map(types.map((t) => [t.name, t]));
  const ctx: TypeContext = {
    names, known, dates: options.dates, enums: options.enums, scalars: scalarNames(types, known),
    unknown: new Map(), helpers: new Map(), diagnostics,
  };
  const opsByName = new Map(operations.map((o) => [o.name, o]));
  const usedInterfaces = new Set<string>();
  const decls: Decl[] = [];

  for (const t of types) {
    if (t.kind === "enum") decls.push(enumDecl(t, ctx, options));
    else if (t.kind === "interface") decls.push(interfaceDecl(t, ctx, options));
    else decls.push(classDecl(t, ctx, options, api, opsByName.get(t.name), usedInterfaces));
  }
  // Unknown names are discovered while mapping; their empty classes may mention further unknowns.
  for (const [name, arity] of ctx.unknown) decls.push(emptyClass(names.tsName(name), arity));
  for (const [kind, arity] of ctx.helpers) decls.push(helperClass(kind, arity, names, api.wireCase));

  const statements: StatementStructures[] = [
    ...interfaceDecls(usedInterfaces),
    ...orderDecls(decls, diagnostics).map((d) => d.structure),
  ];
  const file = printFile(statements);
  return { text: file.text, file, diagnostics: dedupeDiagnostics(diagnostics) };
}

/** Bases before derived classes (extends needs them at runtime); otherwise by name. */
function orderDecls(decls: Decl[], diagnostics: Diagnostic[]): Decl[] {
  const byTs = new Map(decls.map((d) => [d.tsName, d]));
  const sorted = [...decls].sort((a, b) => ordinal(a.tsName, b.tsName));
  const out: Decl[] = [];
  const state = new Map<string, "visiting" | "done">();
  // iterative: a base chain of 20k classes must not overflow the stack
  const visit = (start: Decl) => {
    const chain: Decl[] = [];
    for (let d: Decl | undefined = start; d && !state.has(d.tsName); ) {
      state.set(d.tsName, "visiting");
      chain.push(d);
      const base: Decl | undefined = d.baseTsName ? byTs.get(d.baseTsName) : undefined;
      if (base && state.get(base.tsName) === "visiting") {
        // an inheritance cycle cannot compile: the class that closes it loses its base
        diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `${d.tsName}: inheritance cycle through ${base.tsName}; base dropped` });
        dropBase(d);
        break;
      }
      d = base;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      state.set(chain[i]!.tsName, "done");
      out.push(chain[i]!);
    }
  };
  for (const d of sorted) visit(d);
  return out;
}

function dropBase(d: Decl): void {
  const s = d.structure as ClassDeclarationStructure;
  delete s.extends;
  delete d.baseTsName;
  for (const c of s.ctors ?? []) c.statements = (c.statements as string[]).filter((x) => !x.startsWith("super("));
}

function interfaceDecls(used: ReadonlySet<string>): InterfaceDeclarationStructure[] {
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

function enumDecl(t: TypeModel, ctx: TypeContext, options: DtoOptions): Decl {
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

/** The preferred-verb marker unless the verb is only §8.3's POST fallback. */
function verbMarker(op: OperationModel): Verb | undefined {
  const method = op.method.toUpperCase() as Verb;
  if (!VERBS.includes(method)) return undefined;
  if (method !== "POST") return method;
  const single = new Set(
    op.routes.flatMap((r) => (r.verbs !== "*" && r.verbs.length === 1 ? [r.verbs[0]!.toUpperCase()] : [])),
  );
  return single.size === 1 && single.has("POST") ? "POST" : undefined;
}

function classDecl(
  t: TypeModel,
  ctx: TypeContext,
  options: DtoOptions,
  api: ApiModel,
  op: OperationModel | undefined,
  usedInterfaces: Set<string>,
): Decl {
  const tsName = ctx.names.tsName(t.name);
  const params = assignTypeParams(t.genericParams ?? [], [tsName]);
  const tp = new Map((t.genericParams ?? []).map((p, i) => [p, params[i]!]));
  const selfType = params.length ? `${tsName}<${params.join(", ")}>` : tsName;

  let extendsText: string | undefined;
  let baseTsName: string | undefined;
  let arrayBase = false;
  if (t.base) {
    const ref = parsedType(t.base);
    const mapped = mapType(t.base, ctx, "property", tp);
    if (ref?.kind === "named" && isCollectionName(ref.name) && !ctx.known.has(ref.name)) {
      arrayBase = true;
      extendsText = `Array<${mapped.ts.replace(/\[\]$/, "")}>`;
    } else if (ref?.kind === "named" && /^new /.test(mapped.create)) {
      extendsText = mapped.ts;
      baseTsName = mapped.ts.replace(/<.*$/s, "");
    } else {
      ctx.diagnostics.push({ code: "W_UNKNOWN_TYPE", detail: `${t.name}: base ${t.base} is not a class; not extended` });
    }
  }
  if (baseTsName === tsName) {
    ctx.diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `${t.name} extends itself; base dropped` });
    extendsText = baseTsName = undefined;
  }

  const isRequest = op !== undefined;
  const properties: PropertyDeclarationStructure[] = [];
  const seen = new Set<string>();
  // the base chain is walked only when some other class declares one of t's wire names: a long
  // chain of classes with their own names stays linear
  const shared = (t.properties ?? []).some((p) => (wireNameCount(ctx.known).get(p.wireName) ?? 0) > 1);
  const inherited = baseTsName && shared ? inheritedProperties(t, ctx.known) : new Map<string, string>();
  for (const p of t.properties ?? []) {
    const baseType = inherited.get(p.wireName);
    if (baseType !== undefined) {
      // a redeclared field would overwrite the base's under ES2022 class fields (TS2612)
      if (baseType !== p.type)
        ctx.diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `${t.name}.${p.name}: redeclares an inherited ${p.wireName} as ${p.type} (base: ${baseType}); the base declaration is kept` });
      continue;
    }
    if (seen.has(p.wireName)) {
      ctx.diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `${t.name}.${p.name}: wire name ${p.wireName} repeated; dropped` });
      continue;
    }
    if (isRequest && DTO_METHODS.includes(p.wireName)) {
      ctx.diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `${t.name}.${p.name}: wire name ${p.wireName} clashes with a DTO method; dropped` });
      continue;
    }
    seen.add(p.wireName);
    const mapped = mapType(p.type, ctx, "property", tp);
    const optional = isOptional(p, options.optional, ctx);
    const initializer = optional ? undefined : collectionInitializer(p, t, options.optional);
    // nullableAs "union" (§7.4): an optional property is always present and may be null
    const asUnion = optional && options.nullable === "union";
    properties.push({
      kind: StructureKind.Property,
      scope: Scope.Public,
      name: propertyKey(p.wireName),
      type: asUnion ? `${mapped.ts} | null` : mapped.ts,
      hasQuestionToken: optional && !asUnion,
      // definite assignment: the constructor assigns through Object.assign, which strict mode cannot see
      hasExclamationToken: (!optional || asUnion) && initializer === undefined,
      ...(initializer ? { initializer } : {}),
      docs: propertyDocs(p),
    });
  }

  const superCall = extendsText ? (arrayBase ? "super();" : "super(init);") : undefined;
  const implementsList: string[] = [];
  const ownInterfaces = (t.interfaces ?? []).flatMap((i) => {
    const ref = parsedType(i);
    // only an interface the model declares can be implemented (a code view's own, §2.9)
    return ref?.kind === "named" && ctx.known.get(ref.name)?.kind === "interface" ? [mapType(i, ctx, "property", tp).ts] : [];
  });
  const methods: ClassDeclarationStructure["methods"] = [];
  const leading: string[] = [];
  if (op) {
    for (const r of op.routes) {
      const quote = (s: string) => `"${commentText(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
      const verbs = r.verbs === "*" ? "" : `, ${quote(r.verbs.join(","))}`;
      leading.push(`// @Route(${quote(r.path)}${verbs})\n`);
    }
    const response = op.response === "unknown" ? { ts: "any", create: "{}" } : op.response === "void" ? undefined : mapType(op.response, ctx, "response");
    if (response) {
      implementsList.push(`IReturn<${response.ts}>`);
      usedInterfaces.add("IReturn");
    } else {
      implementsList.push("IReturnVoid");
      usedInterfaces.add("IReturnVoid");
    }
    const marker = verbMarker(op);
    if (marker) {
      implementsList.push(MARKERS[marker]);
      usedInterfaces.add(MARKERS[marker]);
    }
    implementsList.push(...ownInterfaces);
    const method = (VERBS as readonly string[]).includes(op.method.toUpperCase()) ? op.method.toUpperCase() : "POST";
    methods.push(
      { scope: Scope.Public, name: "getTypeName", statements: [`return ${stringLiteral(op.name)};`] },
      { scope: Scope.Public, name: "getMethod", statements: [`return ${stringLiteral(method)};`] },
      response
        ? {
            scope: Scope.Public,
            name: "createResponse",
            // an enum's first member or literal would otherwise widen to string/number
            ...(isEnumResponse(op.response, ctx) ? { returnType: response.ts } : {}),
            statements: [`return ${response.create};`],
          }
        : { scope: Scope.Public, name: "createResponse", statements: [] },
    );
  }

  if (!op) implementsList.push(...ownInterfaces);
  const structure: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    isExported: true,
    name: tsName,
    typeParameters: params,
    ...(extendsText ? { extends: extendsText } : {}),
    implements: implementsList,
    docs: typeDocs(t, tsName, op),
    ...(leading.length ? { leadingTrivia: leading.join("") } : {}),
    properties,
    ctors: [assignConstructor(selfType, superCall)],
    methods,
  };
  return { tsName, ...(baseTsName ? { baseTsName } : {}), structure };
}

/**
 * An interface a code view declares (`IHasVersion`), as ServiceStack's TypeScript generator writes
 * it: its members as property signatures under the same optional rule as class properties.
 */
function interfaceDecl(t: TypeModel, ctx: TypeContext, options: DtoOptions): Decl {
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

/** Wire names (and C# types) declared by the model classes up the base chain of `t`. */
const wireNameCounts = new WeakMap<ReadonlyMap<string, TypeModel>, Map<string, number>>();
/** How many classes declare each wire name (once per model). */
function wireNameCount(known: ReadonlyMap<string, TypeModel>): Map<string, number> {
  let counts = wireNameCounts.get(known);
  if (!counts) {
    counts = new Map();
    for (const t of known.values()) for (const w of new Set((t.properties ?? []).map((p) => p.wireName))) counts.set(w, (counts.get(w) ?? 0) + 1);
    wireNameCounts.set(known, counts);
  }
  return counts;
}

function inheritedProperties(t: TypeModel, known: ReadonlyMap<string, TypeModel>): Map<string, string> {
  const out = new Map<string, string>();
  const visited = new Set<string>([t.name]);
  let base = t.base;
  while (base) {
    const ref = parsedType(base);
    const model = ref?.kind === "named" ? known.get(ref.name) : undefined;
    if (!model || model.kind !== "class" || visited.has(model.name)) break;
    visited.add(model.name);
    for (const p of model.properties ?? []) if (!out.has(p.wireName)) out.set(p.wireName, p.type);
    base = model.base;
  }
  return out;
}

function isEnumResponse(response: string, ctx: TypeContext): boolean {
  const ref = parsedType(response);
  const core = ref?.kind === "nullable" ? ref.inner : ref;
  return core?.kind === "named" && ctx.known.get(core.name)?.kind === "enum";
}

function memberDocs(description: string | undefined): string[] {
  const lines = description ? commentLines(description) : [];
  return lines.length ? [lines.join("\n")] : [];
}

function typeDocs(t: TypeModel, tsName: string, op?: OperationModel): string[] {
  const lines: string[] = [];
  const description = t.description ?? op?.description;
  if (description) lines.push(...commentLines(description));
  if (tsName !== t.name) lines.push(`C# name: ${commentText(t.name)}`);
  return lines.length ? [lines.join("\n")] : [];
}

/** `@description` as ServiceStack writes it, plus what the page adds and the C# name when it is not a mere case change. */
function propertyDocs(p: NonNullable<TypeModel["properties"]>[number]): string[] {
  const lines: string[] = [];
  if (p.description) {
    const desc = commentLines(p.description);
    if (desc.length) lines.push(`@description ${desc[0]}`, ...desc.slice(1));
  }
  if (p.allowableValues?.length) lines.push(`Allowable values: ${commentText(p.allowableValues.join(", "))}`);
  if (p.range) lines.push(`Valid range: ${p.range[0]} - ${p.range[1]}`);
  const norm = (s: string) => s.replace(/_/g, "").toLowerCase();
  if (norm(p.name) !== norm(p.wireName)) lines.push(`C# name: ${commentText(p.name)}`);
  return lines.length ? [lines.join("\n")] : [];
}

/** ServiceStack's `constructor(init?: Partial<T>) { [super(…);] (Object as any).assign(this, init); }` (spec §8.1). */
function assignConstructor(self: string, superCall?: string): ConstructorDeclarationStructure {
  const assign = "(Object as any).assign(this, init);";
  return {
    kind: StructureKind.Constructor,
    scope: Scope.Public,
    parameters: [{ name: "init", hasQuestionToken: true, type: `Partial<${self}>` }],
    statements: superCall ? [superCall, assign] : [assign],
  };
}

function emptyClass(tsName: string, arity: number): Decl {
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
function helperClass(kind: "KeyValuePair" | "Tuple", arity: number, names: TypeNames, wireCase: ApiModel["wireCase"]): Decl {
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

function dedupeDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code} ${d.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
