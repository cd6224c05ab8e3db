// Pieces every DTO declaration uses: the Decl record, verbs and their markers, the optional and initializer rules (§7.4), doc comments and the Object.assign constructor.
import type {
  ConstructorDeclarationStructure,
  StatementStructures,
} from "ts-morph";
import { Scope, StructureKind } from "./structures.js";
import type { PropertyModel, TypeModel, OperationModel } from "../model/types.js";
import { cachedCSharpType, isCollectionName, isDictionaryName } from "../csharp-type.js";
import { commentLines, commentText } from "./naming.js";
import { isNonNullableValueType, type TypeContext } from "./ts-type.js";
import type { DtoOptions } from "./dtos.js";

export const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Verb = (typeof VERBS)[number];
export const MARKERS: Record<Verb, string> = {
  GET: "IGet", POST: "IPost", PUT: "IPut", PATCH: "IPatch", DELETE: "IDelete", OPTIONS: "IOptions",
};

/**
 * §7.4: `auto` is the current generator's rule (optional unless required or a non-nullable value
 * type), `legacy` the v5-v8 rule (`?` only on Nullable<T>), `all` makes every property optional.
 * A code view's own marker (TypeScript/JavaScript) is the server's and wins over auto and legacy.
 */
export function isOptional(p: PropertyModel, mode: DtoOptions["optional"], ctx: TypeContext): boolean {
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
export function collectionInitializer(p: PropertyModel, t: TypeModel, mode: DtoOptions["optional"]): string | undefined {
  if (p.initializer) return p.initializer;
  // a TS/JS view that printed none is the server's word too (older generators wrote none)
  if (mode === "legacy" || !p.required || p.optional !== undefined) return undefined;
  const ref = cachedCSharpType(p.type);
  if (!ref) return undefined;
  if (ref.kind === "array") return ref.element.kind === "named" && ref.element.name === "byte" ? undefined : "[]";
  if (ref.kind !== "named") return undefined;
  if (t.role === "request" && /^(QueryDb|QueryData|QueryBase)\b/.test(t.base ?? "")) return undefined;
  if (isDictionaryName(ref.name)) return "{}";
  return isCollectionName(ref.name) ? "[]" : undefined;
}

/** A declaration to emit plus what orders it: its TS name and its base's TS name. */
export interface Decl {
  tsName: string;
  baseTsName?: string;
  structure: StatementStructures;
}

export function memberDocs(description: string | undefined): string[] {
  const lines = description ? commentLines(description) : [];
  return lines.length ? [lines.join("\n")] : [];
}

export function typeDocs(t: TypeModel, tsName: string, op?: OperationModel): string[] {
  const lines: string[] = [];
  const description = t.description ?? op?.description;
  if (description) lines.push(...commentLines(description));
  if (tsName !== t.name) lines.push(`C# name: ${commentText(t.name)}`);
  return lines.length ? [lines.join("\n")] : [];
}

/** `@description` as ServiceStack writes it, plus what the page adds and the C# name when it is not a mere case change. */
export function propertyDocs(p: NonNullable<TypeModel["properties"]>[number]): string[] {
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
export function assignConstructor(self: string, superCall?: string): ConstructorDeclarationStructure {
  const assign = "(Object as any).assign(this, init);";
  return {
    kind: StructureKind.Constructor,
    scope: Scope.Public,
    parameters: [{ name: "init", hasQuestionToken: true, type: `Partial<${self}>` }],
    statements: superCall ? [superCall, assign] : [assign],
  };
}
