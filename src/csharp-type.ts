// The Data Type grammar of spec §7.1, as a typed tree, and the canonical form of §7.2.
import type { TypeRef } from "./model/types.js";

/** CLR names and their C# aliases (§7.2). */
const CLR_TO_ALIAS: Readonly<Record<string, string>> = {
  String: "string",
  Boolean: "bool",
  Byte: "byte",
  SByte: "sbyte",
  Int16: "short",
  Int32: "int",
  Int64: "long",
  UInt16: "ushort",
  UInt32: "uint",
  UInt64: "ulong",
  Single: "float",
  Double: "double",
  Decimal: "decimal",
  Object: "object",
  Char: "char",
};

export const ALIASES: ReadonlySet<string> = new Set(Object.values(CLR_TO_ALIAS));

export const NUMERIC_ALIASES: ReadonlySet<string> = new Set([
  "byte", "sbyte", "short", "int", "long", "ushort", "uint", "ulong", "float", "double", "decimal",
]);

/** Struct-like system types that are value types (§7.4). */
const SYSTEM_VALUE_TYPES: ReadonlySet<string> = new Set([
  "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "Guid",
]);

/** Types that never get a table (§4 rule 3), by bare name after aliasing. */
const SYSTEM_TYPES: ReadonlySet<string> = new Set([
  ...ALIASES,
  ...Object.keys(CLR_TO_ALIAS),
  ...SYSTEM_VALUE_TYPES,
  "Uri", "Type", "Stream", "Nullable", "List", "IList", "IEnumerable", "ICollection", "HashSet",
  "Queue", "Stack", "Dictionary", "IDictionary", "KeyValuePair", "Tuple", "IReadOnlyList",
  "IReadOnlyCollection", "IReadOnlyDictionary", "SortedDictionary", "ISet", "SortedSet",
  "Hashtable", "OrderedDictionary", "Lazy", "ArrayList",
]);

export function isSystemTypeName(name: string): boolean {
  return SYSTEM_TYPES.has(name) || name.startsWith("System.");
}

/** A value type by name: numeric aliases, bool, char and the date/time/Guid structs. Enums are decided by the caller. */
export function isValueTypeName(name: string): boolean {
  return NUMERIC_ALIASES.has(name) || name === "bool" || name === "char" || SYSTEM_VALUE_TYPES.has(name);
}

export class TypeSyntaxError extends Error {
  constructor(readonly text: string, detail: string) {
    super(`cannot read type "${text}": ${detail}`);
    this.name = "TypeSyntaxError";
  }
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Parses a display type (§7.1). Throws TypeSyntaxError on text outside the grammar. Linear in the input. */
export function parseCSharpType(text: string): TypeRef {
  let pos = 0;
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const fail = (detail: string): never => {
    throw new TypeSyntaxError(text, `${detail} at ${pos}`);
  };
  const name = (): string => {
    skip();
    const parts: string[] = [];
    for (;;) {
      IDENT.lastIndex = pos;
      const m = IDENT.exec(text);
      if (!m) fail("expected a type name");
      parts.push(m![0]);
      pos = IDENT.lastIndex;
      if (text[pos] === "." && /[A-Za-z_]/.test(text[pos + 1] ?? "")) pos++;
      else break;
    }
    return parts.join(".");
  };
  const type = (depth: number): TypeRef => {
    if (depth > 64) fail("nesting too deep");
    const n = name();
    const args: TypeRef[] = [];
    skip();
    if (text[pos] === "<") {
      pos++;
      for (;;) {
        args.push(type(depth + 1));
        skip();
        if (text[pos] === ",") pos++;
        else if (text[pos] === ">") {
          pos++;
          break;
        } else fail("expected ',' or '>'");
      }
    }
    let ref: TypeRef = normalizeNamed(n, args);
    for (;;) {
      skip();
      if (text[pos] === "?") {
        pos++;
        ref = ref.kind === "nullable" ? ref : { kind: "nullable", inner: ref };
      } else if (text[pos] === "[" && text[pos + 1] === "]") {
        pos += 2;
        ref = { kind: "array", element: ref };
      } else if (text[pos] === "[") {
        // multi-dimensional arrays X[,] are shown by .NET; treat as jagged of the same rank
        let end = pos + 1;
        while (text[end] === "," || text[end] === " ") end++;
        if (text[end] !== "]") fail("expected ']'");
        pos = end + 1;
        ref = { kind: "array", element: ref };
      } else break;
    }
    return ref;
  };
  const result = type(0);
  skip();
  if (pos !== text.length) fail("unexpected text");
  return result;
}

function normalizeNamed(name: string, args: TypeRef[]): TypeRef {
  const bare = name.startsWith("System.") && !name.slice(7).includes(".") ? name.slice(7) : name;
  // hasOwn: a type named "constructor" or "toString" must not resolve to Object.prototype members
  const aliased = Object.hasOwn(CLR_TO_ALIAS, bare) ? CLR_TO_ALIAS[bare]! : bare;
  if (aliased === "Nullable" && args.length === 1) {
    const inner = args[0]!;
    return inner.kind === "nullable" ? inner : { kind: "nullable", inner };
  }
  return { kind: "named", name: aliased, args };
}

/** Canonical form (§7.2): aliases, X? for Nullable<X>, no spaces. */
export function formatType(ref: TypeRef): string {
  switch (ref.kind) {
    case "named":
      return ref.args.length ? `${ref.name}<${ref.args.map(formatType).join(",")}>` : ref.name;
    case "array":
      return `${formatType(ref.element)}[]`;
    case "nullable":
      return `${formatType(ref.inner)}?`;
  }
}

/** Parse or undefined (for [ApiMember(DataType)] overrides, which may be any text). */
export function tryParseCSharpType(text: string): TypeRef | undefined {
  try {
    return parseCSharpType(text);
  } catch (e) {
    if (e instanceof TypeSyntaxError) return undefined;
    throw e;
  }
}

const PARSED = new Map<string, TypeRef | null>();
/** Enough for a 5,000-op service's type texts (fewer would be cleared again and again). */
const PARSED_LIMIT = 50_000;

/**
 * tryParseCSharpType, once per text: the model checks every sample against the same few hundred
 * member types, and the emitter maps every property's type. The tree is shared: callers only read it.
 */
export function cachedCSharpType(text: string): TypeRef | undefined {
  let ref = PARSED.get(text);
  if (ref === undefined) {
    ref = tryParseCSharpType(text) ?? null;
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    PARSED.set(text, ref);
  }
  return ref ?? undefined;
}

/** Canonical string for display text; text outside the grammar is returned trimmed, spaces folded. */
export function canonicalType(text: string): string {
  const ref = tryParseCSharpType(text);
  return ref ? formatType(ref) : text.trim().replace(/\s+/g, " ");
}

const COLLECTIONS: ReadonlySet<string> = new Set([
  "List", "IList", "IEnumerable", "ICollection", "HashSet", "Queue", "Stack", "IReadOnlyList",
  "IReadOnlyCollection", "ISet", "SortedSet",
]);
const DICTIONARIES: ReadonlySet<string> = new Set([
  "Dictionary", "IDictionary", "IReadOnlyDictionary", "SortedDictionary",
]);

export function isCollectionName(name: string): boolean {
  return COLLECTIONS.has(name);
}
export function isDictionaryName(name: string): boolean {
  return DICTIONARIES.has(name);
}

/**
 * refType(p) of spec §4: the names a property type makes the server walk into, in order.
 * The type itself if it is a candidate (non-system named type; generic args are not walked),
 * else its first-level generic args that are candidates, else X of X[].
 */
export function referencedNames(ref: TypeRef): string[] {
  const candidate = (r: TypeRef): string | undefined =>
    r.kind === "named" && !isSystemTypeName(r.name) ? r.name : undefined;
  const unwrap = (r: TypeRef): TypeRef => (r.kind === "nullable" ? r.inner : r);
  const t = unwrap(ref);
  const self = candidate(t);
  if (self) return [self];
  if (t.kind === "named") {
    const out: string[] = [];
    for (const a of t.args) {
      const c = candidate(unwrap(a));
      if (c && !out.includes(c)) out.push(c);
    }
    return out;
  }
  if (t.kind === "array") {
    const c = candidate(unwrap(t.element));
    return c ? [c] : [];
  }
  return [];
}
