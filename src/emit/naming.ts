// Naming safety: every name or text that came from a page passes through here before it becomes
// part of generated code, so nothing a page says can break out of an identifier, string or comment.
import type { OperationModel, TypeModel } from "../model/types.js";

/** ECMAScript reserved words plus strict-mode and TS keywords that cannot name a class or enum. */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
  "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
  "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
  "typeof", "var", "void", "while", "with", "implements", "interface", "let", "package",
  "private", "protected", "public", "static", "yield", "await", "arguments", "eval",
  // TS type keywords: `class string {}` is an error
  "any", "boolean", "number", "string", "symbol", "bigint", "object", "never", "unknown",
  "undefined", "type", "declare", "namespace", "module", "abstract", "as", "async", "readonly",
  "keyof", "infer", "is", "asserts", "satisfies", "accessor", "out", "override",
]);

/**
 * The exports of templates/runtime.ts. index.ts re-exports dtos, client and runtime with
 * `export *`, so a DTO with one of these names would make the barrel ambiguous (TS2308).
 * test/emit/naming.test.ts checks this list against the real template.
 */
export const RUNTIME_EXPORTS: readonly string[] = [
  "ApiError", "ApiResult", "CallOptions", "ClientOptions", "Fields", "OperationDef", "OperationTable",
  "RequestDto", "ResponseError", "ResponseStatus", "RouteDef", "ServiceClient", "Verb", "api", "callOperation", "dto", "jsv",
  "queryString", "resolveUrl",
];

/**
 * Runtime exports that the §8.2 built-in DTOs legitimately share: the DTO keeps its name and
 * index.ts re-exports it explicitly, which resolves the `export *` ambiguity in the DTO's favour
 * (same shape as the runtime's interface).
 */
export const SHARED_WITH_RUNTIME: readonly string[] = ["ResponseError", "ResponseStatus"];

/** What client.ts exports: also part of the index.ts barrel. */
export const CLIENT_EXPORTS: readonly string[] = ["ApiClient", "operations"];

/** Interfaces emitted at the top of dtos.ts (§8.2). */
export const DTO_INTERFACES: readonly string[] = [
  "IReturn", "IReturnVoid", "IGet", "IPost", "IPut", "IDelete", "IPatch", "IOptions",
];

/**
 * Global names a generated type must not take: the ones dtos.ts and client.ts refer to (`Object`,
 * `Partial`, `Array`, `Date`, `Blob`, `Promise`) and the wrapper and utility types of lib.es*.d.ts,
 * whose shadowing would silently change what a reader (or a later edit) means by them: a DTO named
 * `String` becomes `String_2`, and `getTypeName()` still returns 'String'. DOM names (`File`,
 * `Response`, `Event`) are common DTO names and are not referred to by generated code: they stay.
 */
export const GLOBAL_TYPE_NAMES: readonly string[] = [
  "Object", "Array", "Partial", "Blob", "Date", "Promise", "String", "Number", "Boolean", "Symbol",
  "BigInt", "Function", "Record", "Required", "Readonly", "ReadonlyArray", "Pick", "Omit",
  "Exclude", "Extract", "NonNullable", "ReturnType", "InstanceType", "Parameters",
  "ConstructorParameters", "Awaited", "NoInfer", "ThisType", "Uppercase", "Lowercase", "Capitalize",
  "Uncapitalize", "PromiseLike", "ArrayLike", "PropertyKey", "Iterable", "Iterator", "Map", "Set",
  "WeakMap", "WeakSet", "Error", "RegExp", "JSON", "Math", "Reflect", "Proxy", "Intl",
  "ArrayBuffer", "Uint8Array", "globalThis", "NaN", "Infinity",
];

/** Own members of Object.prototype: as a key of a typed object literal they take Object's type. */
export const OBJECT_PROTOTYPE_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Exact export names that change what a module *is*: a module namespace with a `then` export is a
 * thenable (`await import("./dtos.js")` calls it), `__esModule` switches bundlers' interop, and
 * Object.prototype's members (`constructor`, `toString`) would shadow them on a CommonJS `exports`.
 * Case-sensitive: `Then` is harmless.
 */
const MODULE_MEANINGFUL: ReadonlySet<string> = new Set(["then", "__esModule", ...OBJECT_PROTOTYPE_MEMBERS]);

/**
 * Members of the runtime's ServiceClient (and of Object.prototype that matter): a generated
 * method with one of these names would override the client's own machinery.
 */
export const CLIENT_MEMBERS: readonly string[] = [
  "constructor", "send", "sendAll", "sendOneWay", "sendAllOneWay", "api", "request", "options",
  "operations", "bearerToken", "o", "ops", "refreshing", "verb", "batch", "call", "backoff",
  "attempt", "baseUrl", "fetch", "url", "headers", "toString", "valueOf", "hasOwnProperty",
  "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__proto__", "__defineGetter__",
  "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
  // a `then` method would make every ApiClient a thenable: `return client` from an async function
  // would call it (and send a request) instead of resolving
  "then",
];

/** Methods a request DTO class defines; a property with one of these names would collide. */
export const DTO_METHODS: readonly string[] = ["getTypeName", "getMethod", "createResponse"];

// ASCII only. Unicode identifiers are legal, but tools disagree on them: bundlers print characters
// beyond the BMP as `\u{…}` escapes that es-module-lexer rejects, and characters added in recent
// Unicode versions (U+1ACF) are identifier parts to Node but not to esbuild. Non-ASCII names are
// quoted (properties, enum members) or replaced (class names; getTypeName() keeps the exact name).
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

export function isReservedWord(name: string): boolean {
  return RESERVED_WORDS.has(name);
}

/** A valid identifier made from any text, deterministically: invalid characters become `_`. */
export function sanitizeIdentifier(name: string): string {
  let out = "";
  for (const ch of name) out += /[A-Za-z0-9_$]/.test(ch) ? ch : "_";
  if (out === "" || !/^[A-Za-z_$]/.test(out)) out = "_" + out;
  if (RESERVED_WORDS.has(out) || MODULE_MEANINGFUL.has(out)) out += "_";
  return out;
}

/** A name usable as-is for an exported declaration: an ASCII identifier with no meaning of its own. */
function isPlainExportName(name: string): boolean {
  return isIdentifier(name) && !RESERVED_WORDS.has(name) && !MODULE_MEANINGFUL.has(name);
}

/**
 * The key of a class property or object literal: a bare identifier when possible, otherwise a
 * string literal. `constructor` cannot name a class field even quoted, so it is computed.
 */
export function propertyKey(wireName: string): string {
  if (wireName === "constructor") return `[${stringLiteral(wireName)}]`;
  return isIdentifier(wireName) ? wireName : stringLiteral(wireName);
}

/** Enum member names: identifiers as-is, anything else quoted (§7.5). */
export function enumMemberName(name: string): string {
  const member = enumMemberIdentity(name);
  return isIdentifier(member) ? member : stringLiteral(member);
}

/**
 * The member a page's name declares, however it is written: numeric-looking names are illegal enum
 * members even quoted, so `1` declares `_1` — the same member as a page's `_1`; `__proto__`
 * declares `__proto___` (its wire value stays `__proto__`).
 */
export function enumMemberIdentity(name: string): string {
  if (/^[+-]?(\d|\.\d)/.test(name.trim()) || name === "") return "_" + name;
  // TS compiles `E["__proto__"] = 1`: an assignment to the prototype slot, so the member would vanish
  return name === "__proto__" ? "__proto___" : name;
}

/** Text that stringLiteral writes as it is (with no `//` either): no quote, backslash, `*`, `<`, control or invisible character. */
const PLAIN_LITERAL = /^[A-Za-z0-9_$ .,:;!?()[\]{}=+&%#@^~|/-]*$/;

/** Text commentLines leaves as one line: no line terminator, control or invisible character, `*`, `/`, `@` or `#`. */
const PLAIN_COMMENT = /^[A-Za-z0-9_$ .,:;!?()[\]{}=+&%^~|<>'"-]*$/;

/** A single-quoted string literal that cannot be terminated early by any input. */
export function stringLiteral(text: string): string {
  // most names and paths need no escape at all: none of the characters handled below
  if (PLAIN_LITERAL.test(text) && !text.includes("//")) return `'${text}'`;
  let out = "'";
  let prev = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === "'" || ch === "\\") out += "\\" + ch;
    // ts-morph's writer tracks comments in the text it is given and mistakes a `/*` inside a
    // string literal for one (it then "continues" the comment on the next line): write `*` and
    // `/` after a `/` escaped, which means the same in the string
    else if ((ch === "*" || ch === "/") && prev === "/") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029) out += "\\u" + c.toString(16).padStart(4, "0");
    // bidi controls, zero-width and other invisible characters: escaped, so the source shows them
    else if (INVISIBLE.test(ch)) out += c > 0xffff ? `\\u{${c.toString(16)}}` : "\\u" + c.toString(16).padStart(4, "0");
    // `</script>` is harmless in a .ts file, but escaping `<` keeps the text inert if inlined into HTML
    else if (ch === "<") out += "\\x3C";
    else out += ch;
    prev = ch;
  }
  return out + "'";
}

/**
 * Characters that are invisible or reorder text (Trojan Source, CVE-2021-42574): format characters
 * (bidi controls, zero-width, BOM, soft hyphen, tag characters), lone surrogates, private-use and
 * unassigned code points, and the Hangul fillers that render as blanks.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}\p{Co}\p{Cn}\u115f\u1160\u3164\uffa0]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");

/**
 * The one comment sanitiser. Splits text into comment-safe lines: no `*\/`, no line terminators,
 * no control characters, invisible characters shown as `<U+202E>`, and nothing a tool reads as an
 * instruction: a `@` that starts a word (`@ts-expect-error`, `@ts-ignore`, `@ts-nocheck`, `@jsx`,
 * `@internal`, `@__PURE__`, `@license`) and `#__` are escaped with a backslash (TSDoc's escape), and
 * `///` or `//#` at the start of a line lose their meaning.
 */
export function commentLines(text: string): string[] {
  // plain prose (most descriptions): one line, nothing to escape
  if (PLAIN_COMMENT.test(text)) {
    const line = text.trimEnd();
    return line.trim() === "" ? [] : [line];
  }
  const lines = text
    .split(/\r\n|[\r\n\u2028\u2029\u0085]/)
    .map((line) =>
      line
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, " ")
        .replace(INVISIBLE_ALL, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`)
        .replace(/\*\//g, "*\\/")
        .replace(/(^|[\s*/({\[,;:|"'`])@(?=[\w$-])/g, "$1\\@")
        .replace(/#__/g, "#\\__")
        .replace(/^(\s*)\/\/([/#])/, "$1/\\/$2")
        .trimEnd(),
    );
  while (lines.length && lines[0]!.trim() === "") lines.shift();
  while (lines.length && lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines;
}

/** Text for a single-line comment (`// ...`) or one line of a block comment. */
export function commentText(text: string): string {
  return commentLines(text).join(" ").trim();
}

/** camelCase of §5.5 rule 4: the leading upper-case run is lowered, keeping a word boundary. */
export function camelCase(name: string): string {
  let i = 0;
  while (i < name.length && /[A-Z]/.test(name[i]!)) i++;
  if (i === 0) return name;
  if (i === name.length) return name.toLowerCase();
  const keep = i > 1 && /[a-z]/.test(name[i]!) ? i - 1 : i;
  return name.slice(0, keep).toLowerCase() + name.slice(keep);
}

/** Picks a unique name for `wanted` among `taken` (compared case-insensitively), adding _2, _3... */
function unique(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export interface TypeNames {
  /** C# type name (TypeModel.name) -> TS identifier in dtos.ts. */
  readonly byName: ReadonlyMap<string, string>;
  /** TS identifier of a C# name, assigning a fresh one for names first seen here (unknown types). */
  tsName(csharpName: string): string;
}

/**
 * Assigns every type a TS identifier that is valid, not reserved, not a runtime/client export or
 * a used global, and unique case-insensitively (so per-type files could never collide on a
 * case-insensitive file system). Names that need no change win over sanitised ones; ties go in
 * ordinal order, so the result does not depend on input order.
 */
export function assignTypeNames(names: Iterable<string>): TypeNames {
  const taken = new Set<string>(
    [...RUNTIME_EXPORTS.filter((n) => !SHARED_WITH_RUNTIME.includes(n)), ...CLIENT_EXPORTS, ...DTO_INTERFACES, ...GLOBAL_TYPE_NAMES]
      .map((n) => n.toLowerCase()),
  );
  const sorted = [...new Set(names)].sort(ordinal);
  const byName = new Map<string, string>();
  const clean = sorted.filter(isPlainExportName);
  const dirty = sorted.filter((n) => !isPlainExportName(n));
  for (const n of clean) if (!taken.has(n.toLowerCase())) byName.set(n, unique(n, taken));
  for (const n of clean) if (!byName.has(n)) byName.set(n, unique(n, taken));
  for (const n of dirty) byName.set(n, unique(sanitizeIdentifier(n), taken));
  return {
    byName,
    tsName(csharpName: string): string {
      let ts = byName.get(csharpName);
      if (ts === undefined) {
        ts = unique(sanitizeIdentifier(csharpName), taken);
        byName.set(csharpName, ts);
      }
      return ts;
    },
  };
}

/** Type names in the order assignTypeNames should see them: every model type and op. */
export function namesOf(types: readonly TypeModel[], ops: readonly OperationModel[]): string[] {
  return [...types.map((t) => t.name), ...ops.map((o) => o.name)];
}

/** Client method names: camelCase of the op name, unique among themselves and ServiceClient's members. */
export function assignMethodNames(opNames: readonly string[]): Map<string, string> {
  const taken = new Set(CLIENT_MEMBERS.map((n) => n.toLowerCase()));
  const out = new Map<string, string>();
  const sorted = [...new Set(opNames)].sort(ordinal);
  // exact-case uniqueness is all JS needs, but case-insensitive uniqueness keeps methods readable
  for (const op of sorted) {
    let wanted = sanitizeIdentifier(camelCase(op));
    if (wanted.startsWith("_") && !op.startsWith("_")) wanted = "op" + wanted;
    out.set(op, unique(wanted, taken));
  }
  return out;
}

/** Generic parameter names, sanitised and unique within one declaration. */
export function assignTypeParams(params: readonly string[], avoid: readonly string[] = []): string[] {
  // a parameter named like its own class would shadow it inside `Partial<X<T>>`, one named
  // `Partial` or `Object` would shadow the global the constructor uses
  if (params.length === 0) return [];
  const taken = new Set<string>([...avoid, ...GLOBAL_TYPE_NAMES].map((n) => n.toLowerCase()));
  return params.map((p) => unique(sanitizeIdentifier(p), taken));
}

export function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
