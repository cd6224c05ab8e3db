// The C# -> TypeScript type map of spec §7.3, over the TypeRef tree of parse/csharp-type.ts.
import type { Diagnostic, TypeModel, TypeRef } from "../model/types.js";
import {
  ALIASES,
  NUMERIC_ALIASES,
  isCollectionName,
  isDictionaryName,
  isSystemTypeName,
  isValueTypeName,
  cachedCSharpType,
} from "../csharp-type.js";
import { enumShape, memberAccessKey, type EnumShape } from "./enum-shape.js";
import { type TypeNames } from "./naming.js";

export interface TypeContext {
  readonly names: TypeNames;
  /** Model types by C# name. */
  readonly known: ReadonlyMap<string, TypeModel>;
  readonly dates: "string" | "Date";
  readonly enums: "enum" | "union";
  /** Names without a table whose sample values were strings: typed `string` (§7.3). */
  readonly scalars: ReadonlyMap<string, "string">;
  /** Unknown class names met so far (C# name -> highest generic arity): emitted as empty classes. */
  readonly unknown: Map<string, number>;
  /** Generated helper classes needed: KeyValuePair (arity 2) and Tuple (highest arity). */
  readonly helpers: Map<"KeyValuePair" | "Tuple", number>;
  readonly diagnostics: Diagnostic[];
}

/** A mapped type: its TS text and an expression creating an empty value of it (for createResponse). */
export interface MappedType {
  ts: string;
  create: string;
}

const STRINGS = new Set(["string", "char", "Guid", "Uri", "Type"]);
const DATES = new Set(["DateTime", "DateTimeOffset", "DateOnly"]);
const TIMES = new Set(["TimeOnly", "TimeSpan"]);
const UNTYPED_DICTIONARIES = new Set(["IDictionary", "Hashtable", "OrderedDictionary"]);
const ANY: MappedType = { ts: "any", create: "{}" };
const NO_PARAMS: ReadonlyMap<string, string> = new Map();

/** enumShape once per enum model (an enum is referenced by many properties). */
const SHAPES = new WeakMap<TypeModel, EnumShape>();
function shapeOf(model: TypeModel): EnumShape {
  let shape = SHAPES.get(model);
  if (!shape) SHAPES.set(model, (shape = enumShape(model)));
  return shape;
}

/**
 * Maps a canonical C# type. `position` matters only for raw responses (byte[]/Stream -> Blob).
 * `typeParams` maps generic parameter names in scope (C# -> TS).
 */
export function mapType(
  text: string,
  ctx: TypeContext,
  position: "property" | "response" = "property",
  typeParams: ReadonlyMap<string, string> = NO_PARAMS,
): MappedType {
  const ref = cachedCSharpType(text);
  if (!ref) {
    ctx.diagnostics.push({ code: "W_UNKNOWN_TYPE", detail: `${text} (not a type; typed any)` });
    return ANY;
  }
  if (position === "response") {
    const core = ref.kind === "nullable" ? ref.inner : ref;
    const isBytes = core.kind === "array" && core.element.kind === "named" && core.element.name === "byte";
    if (isBytes || (core.kind === "named" && core.name === "Stream")) return { ts: "Blob", create: "new Blob([])" };
  }
  return map(ref, ctx, typeParams);
}

/** §7.4: a value type without `?` (numeric, bool, char, date/time, Guid, enum) is never optional. */
export function isNonNullableValueType(text: string, ctx: TypeContext): boolean {
  const ref = cachedCSharpType(text);
  if (!ref || ref.kind !== "named") return false;
  if (isValueTypeName(ref.name)) return true;
  return ctx.known.get(ref.name)?.kind === "enum";
}

function map(ref: TypeRef, ctx: TypeContext, tp: ReadonlyMap<string, string>): MappedType {
  switch (ref.kind) {
    case "nullable":
      return map(ref.inner, ctx, tp);
    case "array": {
      if (ref.element.kind === "named" && ref.element.name === "byte") return { ts: "string", create: "''" };
      return arrayOf(map(ref.element, ctx, tp));
    }
    case "named":
      return mapNamed(ref, ctx, tp);
  }
}

function arrayOf(element: MappedType): MappedType {
  const el = /^[\w.$<>, \[\]]+$/u.test(element.ts) ? element.ts : `(${element.ts})`;
  return { ts: `${el}[]`, create: `new Array<${element.ts}>()` };
}

function mapNamed(ref: TypeRef & { kind: "named" }, ctx: TypeContext, tp: ReadonlyMap<string, string>): MappedType {
  const { name, args } = ref;
  const param = tp.get(name);
  if (param !== undefined && args.length === 0) return { ts: param, create: "{} as any" };

  // a C# keyword (`string`, `bool`, `object`) always means the built-in: a page's DTO named
  // `String` (aliased to `string` by §7.2) must not retype every string property of the API
  const model = ALIASES.has(name)
    ? undefined
    : (ctx.known.get(name) ?? (name.includes(".") ? ctx.known.get(name.slice(name.lastIndexOf(".") + 1)) : undefined));
  if (model) return mapModelType(model, args, ctx, tp);

  if (STRINGS.has(name)) return { ts: "string", create: "''" };
  if (DATES.has(name)) return ctx.dates === "Date" ? { ts: "Date", create: "new Date(0)" } : { ts: "string", create: "''" };
  if (TIMES.has(name)) return { ts: "string", create: "''" };
  if (NUMERIC_ALIASES.has(name)) return { ts: "number", create: "0" };
  if (name === "bool") return { ts: "boolean", create: "false" };
  if (name === "object") return { ts: "Object", create: "{}" };
  if (name === "Stream") return { ts: "string", create: "''" };
  if (isCollectionName(name) && args.length === 1) return arrayOf(map(args[0]!, ctx, tp));
  if (name === "ArrayList") return { ts: "any[]", create: "new Array<any>()" };
  if (isDictionaryName(name) && args.length === 2) {
    const key = args[0]!.kind === "nullable" ? args[0]!.inner : args[0]!;
    const numeric = key.kind === "named" && NUMERIC_ALIASES.has(key.name);
    return { ts: `{ [index: ${numeric ? "number" : "string"}]: ${map(args[1]!, ctx, tp).ts}; }`, create: "{}" };
  }
  if (UNTYPED_DICTIONARIES.has(name) && args.length === 0) return ANY;
  if (name === "Lazy" && args.length === 1) return map(args[0]!, ctx, tp);
  if (name === "KeyValuePair" && args.length === 2) return helper("KeyValuePair", args, ctx, tp);
  if (name === "Tuple" && args.length >= 1) return helper("Tuple", args, ctx, tp);

  // [ApiMember(DataType="...")] override words (§7.3)
  if (args.length === 0 && /^[a-z]/.test(name) && !name.includes(".")) {
    if (name === "integer" || name === "number") return { ts: "number", create: "0" };
    if (name === "boolean") return { ts: "boolean", create: "false" };
    ctx.diagnostics.push({ code: "W_UNKNOWN_TYPE", detail: `${name} (typed any)` });
    return ANY;
  }
  if (isSystemTypeName(name)) {
    ctx.diagnostics.push({ code: "W_UNKNOWN_TYPE", detail: `${name} (system type typed any)` });
    return ANY;
  }
  if (args.length === 0 && ctx.scalars.has(name)) return { ts: "string", create: "''" };
  // A name without a table and without evidence: an empty class keeps references compiling.
  if (!ctx.unknown.has(name)) ctx.diagnostics.push({ code: "W_UNKNOWN_TYPE", detail: `${name} (empty class)` });
  ctx.unknown.set(name, Math.max(ctx.unknown.get(name) ?? 0, args.length));
  const ts = ctx.names.tsName(name);
  const argText = args.length ? `<${args.map((a) => map(a, ctx, tp).ts).join(", ")}>` : "";
  return { ts: ts + argText, create: `new ${ts}${argText}()` };
}

function mapModelType(
  model: TypeModel,
  args: readonly TypeRef[],
  ctx: TypeContext,
  tp: ReadonlyMap<string, string>,
): MappedType {
  const ts = ctx.names.tsName(model.name);
  if (model.kind === "enum") {
    const shape = shapeOf(model);
    const first = shape.members[0];
    let create = "{} as any";
    if (first) {
      if (ctx.enums === "enum") create = `${ts}[${memberAccessKey(first.key)}]`;
      else create = first.literal;
    }
    return { ts, create };
  }
  // Pad or cut generic arguments so every reference matches the definition's arity.
  const arity = model.genericParams?.length ?? 0;
  const mapped = args.slice(0, arity).map((a) => map(a, ctx, tp).ts);
  while (mapped.length < arity) mapped.push("any");
  const argText = mapped.length ? `<${mapped.join(", ")}>` : "";
  // an interface has no constructor: an empty object stands for a response typed by one
  return { ts: ts + argText, create: model.kind === "interface" ? `{} as ${ts}${argText}` : `new ${ts}${argText}()` };
}

function helper(
  kind: "KeyValuePair" | "Tuple",
  args: readonly TypeRef[],
  ctx: TypeContext,
  tp: ReadonlyMap<string, string>,
): MappedType {
  ctx.helpers.set(kind, Math.max(ctx.helpers.get(kind) ?? 0, args.length));
  const ts = ctx.names.tsName(kind);
  const argText = `<${args.map((a) => map(a, ctx, tp).ts).join(", ")}>`;
  return { ts: ts + argText, create: `new ${ts}${argText}()` };
}
