// The CLR type encodings of /types/metadata (spec §9 "Type encodings") in the canonical C# form the
// pages' model uses (§7.2): ``List`1`` + ["LineItem"] -> "List<LineItem>", ``Nullable`1`` +
// ["Int32"] -> "int?", "Byte[]" -> "byte[]", nested generic arguments given as C#-like strings
// ("List<Int32>") -> "List<int>".
import type { TypeRef } from "../../model/types.js";
import { canonicalType, tryParseCSharpType } from "../../csharp-type.js";
import { field, isObject, strings, str, type JsonObject } from "./json-fields.js";

/** ``QueryResponse`1`` -> "QueryResponse"; a namespace-qualified name keeps only its last part. */
export function bareTypeName(name: string): string {
  const noArity = name.replace(/`\d+/g, "");
  // "Shop.Model.Customer" -> "Customer"; "+" joins nested CLR types ("Outer+Inner")
  const parts = noArity.split(/[.+]/).filter((p) => p !== "");
  return (parts.length ? parts[parts.length - 1]! : noArity).trim();
}

/** Generic arguments may be CLR-encoded themselves (``List`1[[Int32]]`` is not used, but ``Nullable`1`` alone is). */
function argText(arg: string): string {
  return arg.replace(/`\d+/g, "").trim();
}

/**
 * A document names a few hundred distinct types over tens of thousands of properties: canonical forms
 * and the names they mention are remembered (bounded, so a hostile document cannot grow it forever).
 */
const MEMO_LIMIT = 50_000;
const canonicalMemo = new Map<string, string>();
const namesMemo = new Map<string, readonly string[]>();
function remember<V>(memo: Map<string, V>, key: string, make: () => V): V {
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = make();
  memo.set(key, value);
  return value;
}

/** A type reference (name + genericArgs, as on properties, inherits, returnType) in canonical form. */
export function typeText(name: string, genericArgs: readonly string[]): string {
  return remember(canonicalMemo, genericArgs.length ? `${name}\u0000${genericArgs.join("\u0000")}` : name, () => computeTypeText(name, genericArgs));
}

function computeTypeText(name: string, genericArgs: readonly string[]): string {
  const raw = name.trim();
  const array = /(\[\])+$/.exec(raw);
  const core = array ? raw.slice(0, -array[0].length) : raw;
  const bare = core.includes("<") ? core.replace(/`\d+/g, "") : bareTypeName(core);
  const display = genericArgs.length && !bare.includes("<") ? `${bare}<${genericArgs.map(argText).join(",")}>` : bare;
  return canonicalType(display + (array ? array[0] : ""));
}

/** A MetadataTypeName object ({ name, genericArgs }) in canonical form, or undefined without a name. */
export function typeNameText(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const name = str(value, "name");
  if (!name?.trim()) return undefined;
  return typeText(name, strings(value, "genericArgs"));
}

/** The namespace of a type or property: `namespace`, or older servers' `typeNamespace`. */
export function namespaceOf(obj: JsonObject): string | undefined {
  for (const key of ["namespace", "typeNamespace"]) {
    const value = field(obj, key);
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return undefined;
}

/** Every named type in canonical type texts, nested generic arguments included, first-seen order. */
export function namesInTypes(texts: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    if (t === undefined) continue;
    for (const name of remember(namesMemo, t, () => namesIn(t))) out.add(name);
  }
  return [...out];
}

function namesIn(text: string): readonly string[] {
  const out = new Set<string>();
  const visit = (ref: TypeRef): void => {
    if (ref.kind === "named") {
      out.add(ref.name);
      ref.args.forEach(visit);
    } else visit(ref.kind === "array" ? ref.element : ref.inner);
  };
  const ref = tryParseCSharpType(text);
  if (ref) visit(ref);
  return [...out];
}
