// A model class as a DTO class (§8.1-§8.3): its base, properties (inherited ones skipped), request markers and methods.
import type {
  ClassDeclarationStructure,
  PropertyDeclarationStructure,
} from "ts-morph";
import { Scope, StructureKind } from "./structures.js";
import type { ApiModel, OperationModel, TypeModel } from "../model/types.js";
import { cachedCSharpType, isCollectionName } from "../csharp-type.js";
import { DTO_METHODS, assignTypeParams, commentText, propertyKey, stringLiteral } from "./naming.js";
import { mapType, type TypeContext } from "./ts-type.js";
import type { DtoOptions } from "./dtos.js";
import { MARKERS, VERBS, assignConstructor, collectionInitializer, isOptional, propertyDocs, typeDocs, type Decl, type Verb } from "./dto-parts.js";

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

export function classDecl(
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
    const ref = cachedCSharpType(t.base);
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
    const ref = cachedCSharpType(i);
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
    const ref = cachedCSharpType(base);
    const model = ref?.kind === "named" ? known.get(ref.name) : undefined;
    if (!model || model.kind !== "class" || visited.has(model.name)) break;
    visited.add(model.name);
    for (const p of model.properties ?? []) if (!out.has(p.wireName)) out.set(p.wireName, p.type);
    base = model.base;
  }
  return out;
}

function isEnumResponse(response: string, ctx: TypeContext): boolean {
  const ref = cachedCSharpType(response);
  const core = ref?.kind === "nullable" ? ref.inner : ref;
  return core?.kind === "named" && ctx.known.get(core.name)?.kind === "enum";
}
