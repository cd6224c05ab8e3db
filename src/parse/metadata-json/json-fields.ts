// Reading /types/metadata JSON values whatever the server's key casing (spec §9: camelCase on .NET
// Core, PascalCase on .NET Framework) and however sparse: every accessor looks a key up
// case-insensitively and answers undefined / false / [] for a missing, null or ill-typed value,
// so one wrong field degrades to "not said" instead of failing the document.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Each object's keys, lower-cased, built once on the first lookup that misses (PascalCase, sparse). */
const lowerKeys = new WeakMap<JsonObject, Map<string, unknown>>();

/** The value under `key` (camelCase as the spec writes it), matched case-insensitively. */
export function field(obj: JsonObject, key: string): unknown {
  if (Object.hasOwn(obj, key)) return obj[key];
  let index = lowerKeys.get(obj);
  if (!index) {
    index = new Map();
    for (const k of Object.keys(obj)) {
      const lower = k.toLowerCase();
      if (!index.has(lower)) index.set(lower, obj[k]);
    }
    lowerKeys.set(obj, index);
  }
  return index.get(key.toLowerCase());
}

/** The first of several keys that is present (older servers' `typeNamespace` for `namespace`). */
export function firstField(obj: JsonObject, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = field(obj, key);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

export function str(obj: JsonObject, key: string): string | undefined {
  const value = field(obj, key);
  return typeof value === "string" ? value : undefined;
}

/** A non-empty string, trimmed; descriptions and names that are blank mean nothing. */
export function text(obj: JsonObject, key: string): string | undefined {
  const value = str(obj, key)?.trim();
  return value ? value : undefined;
}

/** Flags appear only when true on current servers; older ones also send `false`. */
export function flag(obj: JsonObject, key: string): boolean {
  const value = field(obj, key);
  return value === true || value === "true" || value === "True";
}

export function num(obj: JsonObject, key: string): number | undefined {
  const value = field(obj, key);
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function obj(parent: JsonObject, key: string): JsonObject | undefined {
  const value = field(parent, key);
  return isObject(value) ? value : undefined;
}

export function objects(parent: JsonObject, key: string): JsonObject[] {
  const value = field(parent, key);
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** A list of strings; numbers are kept as their text (enumValues may be sent as numbers). */
export function strings(parent: JsonObject, key: string): string[] {
  const value = field(parent, key);
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    if (typeof v === "string") out.push(v);
    else if (typeof v === "number" && Number.isFinite(v)) out.push(String(v));
  }
  return out;
}

/** Like strings, but positions are kept (a null member description stays a hole). */
export function positional(parent: JsonObject, key: string): (string | undefined)[] | undefined {
  const value = field(parent, key);
  if (!Array.isArray(value)) return undefined;
  return value.map((v) => (typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : undefined));
}

/** "pascal" when the document's own keys start upper-case (most of them), else "camel". */
export function keyCaseOf(root: JsonObject): "camel" | "pascal" {
  let upper = 0;
  let lower = 0;
  for (const k of Object.keys(root)) {
    const c = k[0];
    if (c === undefined) continue;
    if (c >= "A" && c <= "Z") upper++;
    else if (c >= "a" && c <= "z") lower++;
  }
  return upper > lower ? "pascal" : "camel";
}
