// The code a `?lang=` page shows instead of tables (spec §2.9): ServiceStack's own generator run
// over the operation's types. It is read with a narrow declarative grammar, one per language —
// declarations of classes, interfaces and enums, `extends`/`implements` with generic arguments,
// properties with type, optional marker and initializer, enum members with values, and the doc
// and attribute comments the generators write (`@Route`, `@DataMember(Name=…)`, `@ApiMember`,
// `@Description`, `@Flags`). The code is never evaluated and never copied: ssgen emits its own
// output from the model. Lines the grammar does not know are skipped; bodies of methods are
// recognised only for the three facts they carry (`getTypeName`, `getMethod`, `createResponse`).
//
// Read: TypeScript (`typescript`), JavaScript (`mjs`, JSDoc-typed classes), C# (`csharp`).
// The other views (Kotlin, Swift, Java, Dart, VB.NET, F#, Python, PHP, Go, Ruby, Rust, Zig) are
// not read: each has its own declaration and type syntax, and the three above already carry every
// fact; their pages keep routes, auth and samples (W_LANG_VARIANT).
import type { CodeProperty, CodeType, CodeView, Route } from "../model/types.js";
import { formatType, isValueTypeName, tryParseCSharpType } from "../csharp-type.js";

export const READ_LANGS: ReadonlySet<string> = new Set(["typescript", "mjs", "csharp"]);

/** Reads the code of a ?lang= view; undefined when the language is not read or nothing was found. */
export function parseCodeView(lang: string, code: string): CodeView | undefined {
  if (!READ_LANGS.has(lang)) return undefined;
  const lines = code.replace(/\r\n?/g, "\n").split("\n").slice(0, 20000);
  const reader = lang === "csharp" ? new CSharpReader() : new ScriptReader(lang === "mjs");
  for (const line of lines) reader.line(line.length > 4000 ? line.slice(0, 4000) : line);
  const view = reader.finish();
  return view.types.length ? { lang, ...view } : undefined;
}

/** The language of a code block whose page does not say it (a text rendering without its URL). */
export function guessLang(code: string): string | undefined {
  const head = code.slice(0, 20000);
  if (/^\s*(?:public|internal)\s+(?:partial\s+)?(?:class|enum|interface)\s/m.test(head) || /^\s*namespace\s+[\w.]+\s*$/m.test(head))
    return "csharp";
  if (/^\s*export\s+(?:class|enum|interface)\s/m.test(head)) {
    return /^\s*(?:public\s+)?[A-Za-z_]\w*\??\s*:\s*[^;]+;\s*$/m.test(head) ? "typescript" : "mjs";
  }
  if (/^\s*export\s+var\s+\w+;\s*$/m.test(head) || /@type\s*\{/.test(head)) return "mjs";
  return undefined;
}

// ------------------------------------------------------------------------------------------------
// shared: attribute comments and arguments

interface Pending {
  routes: Route[];
  description?: string;
  alias?: string;
  required?: boolean;
  flags?: boolean;
  enumValue?: string;
}

const IDENT = "[A-Za-z_][A-Za-z0-9_]*";
/** One argument of an attribute: `"x"`, `Name="x"`, `IsRequired=true`. */
const ARG = /\s*(?:([A-Za-z_]\w*)\s*=\s*)?("(?:[^"\\]|\\.)*"|[^,()]+)\s*(?:,|$)/y;

function attributeArgs(text: string): { positional: string[]; named: Map<string, string> } {
  const positional: string[] = [];
  const named = new Map<string, string>();
  ARG.lastIndex = 0;
  for (let m = ARG.exec(text); m && m[0] !== ""; m = ARG.exec(text)) {
    const raw = m[2]!.trim();
    const value = raw.startsWith('"') ? unquote(raw) : raw;
    if (m[1]) named.set(m[1], value);
    else positional.push(value);
    if (ARG.lastIndex >= text.length) break;
  }
  return { positional, named };
}

function unquote(s: string): string {
  try {
    return JSON.parse(s) as string;
  } catch {
    return s.slice(1, -1);
  }
}

/** `Route("/x", "GET")`, `DataMember(Name="x")`, … into the pending facts of the next declaration. */
function applyAttribute(p: Pending, name: string, args: string): void {
  const a = attributeArgs(args);
  switch (name) {
    case "Route": {
      const path = a.positional[0] ?? a.named.get("Path");
      if (!path) return;
      const verbs = a.positional[1] ?? a.named.get("Verbs");
      const route: Route = { verbs: verbs ? verbs.split(/[, ]+/).filter(Boolean).map((v) => v.toUpperCase()) : "*", path };
      const summary = a.named.get("Summary");
      const notes = a.named.get("Notes");
      if (summary) route.summary = summary;
      if (notes) route.notes = notes;
      p.routes.push(route);
      return;
    }
    case "DataMember": {
      const alias = a.named.get("Name");
      if (alias) p.alias = alias;
      if (a.named.get("IsRequired") === "true") p.required = true;
      return;
    }
    case "ApiMember": {
      if (a.named.get("IsRequired") === "true") p.required = true;
      const d = a.named.get("Description");
      if (d && !p.description) p.description = d;
      return;
    }
    case "Required":
    case "ValidateNotNull":
    case "ValidateNotEmpty":
      p.required = true;
      return;
    case "Description": {
      const d = a.positional[0] ?? a.named.get("Description");
      if (d) p.description = d;
      return;
    }
    case "Flags":
      p.flags = true;
      return;
    case "EnumMember": {
      const v = a.named.get("Value");
      if (v !== undefined) p.enumValue = v;
      return;
    }
  }
}

function fresh(): Pending {
  return { routes: [] };
}

/** Splits `A<B, C>, D` at top-level commas. */
function splitTop(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "<" || c === "{" || c === "(" || c === "[") depth++;
    else if (c === ">" || c === "}" || c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = list.slice(start).trim();
  if (last) out.push(last);
  return out;
}

function canonical(csharp: string): string | undefined {
  const ref = tryParseCSharpType(csharp);
  return ref ? formatType(ref) : undefined;
}

function declare(name: string, kind: CodeType["kind"], p: Pending): CodeType {
  const t: CodeType = { name, kind, implements: [], routes: p.routes, properties: [] };
  if (p.description) t.description = p.description;
  if (p.flags) t.flags = true;
  return t;
}

// ------------------------------------------------------------------------------------------------
// TypeScript and JavaScript (mjs)

/** TypeScript type text -> canonical C# display type; unknown syntax -> undefined. */
export function tsToCSharp(ts: string): string | undefined {
  let t = ts.trim();
  if (t.startsWith("(") && t.endsWith(")")) t = t.slice(1, -1).trim();
  const dict = /^\{\s*\[\s*\w+\s*:\s*(string|number)\s*\]\s*:\s*(.+?);?\s*\}$/.exec(t);
  if (dict) {
    const v = tsToCSharp(dict[2]!);
    return v ? `Dictionary<${dict[1] === "number" ? "int" : "string"},${v}>` : undefined;
  }
  if (t.endsWith("[]")) {
    const e = tsToCSharp(t.slice(0, -2));
    return e ? `List<${e}>` : undefined;
  }
  const arr = /^Array<(.+)>$/.exec(t);
  if (arr) {
    const e = tsToCSharp(arr[1]!);
    return e ? `List<${e}>` : undefined;
  }
  if (/^'[^']*'(\s*\|\s*'[^']*')*$/.test(t) || /^"[^"]*"(\s*\|\s*"[^"]*")*$/.test(t)) return "string";
  switch (t) {
    case "string":
      return "string";
    case "number":
      return "int";
    case "boolean":
      return "bool";
    case "any":
    case "Object":
    case "object":
      return "object";
    case "Blob":
      return "Stream";
  }
  const g = new RegExp(`^(${IDENT})\\s*<(.+)>$`).exec(t);
  if (g) {
    const args = splitTop(g[2]!).map(tsToCSharp);
    return args.every((a) => a !== undefined) ? `${g[1]}<${args.join(",")}>` : undefined;
  }
  return new RegExp(`^${IDENT}$`).test(t) ? t : undefined;
}

const TS_COMMENT_ATTR = /^\/\/\s*@(\w+)\((.*)\)\s*$/;
const TS_DESC = /^\/\*\*\s*@description\s+(.*?)\s*\*\/$/;
const TS_CLASS = new RegExp(
  `^export\\s+(class|interface)\\s+(${IDENT})(?:\\s*<([^>]*)>)?(?:\\s+extends\\s+(.+?))?(?:\\s+implements\\s+(.+?))?\\s*\\{?\\s*$`,
);
const TS_ENUM = new RegExp(`^export\\s+enum\\s+(${IDENT})\\s*\\{?\\s*$`);
const TS_UNION = new RegExp(`^export\\s+type\\s+(${IDENT})\\s*=\\s*(.+);\\s*$`);
const TS_PROP = new RegExp(`^(?:public\\s+)?(${IDENT}|'[^']*'|"[^"]*")(\\?)?\\s*:\\s*(.+?)(?:\\s*=\\s*(\\[\\]|\\{\\}))?;\\s*$`);
const MJS_PROP = new RegExp(`^(${IDENT})(?:\\s*=\\s*(\\[\\]|\\{\\}))?;\\s*$`);
const MJS_TYPE = /@type\s*\{(.+)\}/;
const MJS_ENUM_VAR = new RegExp(`^export\\s+var\\s+(${IDENT});\\s*$`);
const MJS_ENUM_MEMBER = new RegExp(`^(${IDENT})\\[(?:${IDENT}\\[)?"([^"]+)"\\]?(?:\\s*=\\s*(-?\\d+)\\])?\\s*=\\s*"([^"]*)"`);
const TS_ENUM_MEMBER = new RegExp(`^(${IDENT}|'[^']*')\\s*(?:=\\s*('(?:[^'\\\\]|\\\\.)*'|-?\\d+))?\\s*,?\\s*$`);
const GET_METHOD = /getMethod\s*\(\)\s*\{\s*return\s+'([A-Z]+)'/;
const CREATE_RESPONSE = new RegExp(`createResponse\\s*\\(\\)\\s*\\{\\s*return\\s+new\\s+(${IDENT})(?:<[^>]*>)?\\s*\\(`);
const TYPE_NAME = new RegExp(`getTypeName\\s*\\(\\)\\s*\\{\\s*return\\s+'(${IDENT})'`);

class ScriptReader {
  private types: CodeType[] = [];
  private current?: CodeType;
  private enumMode = false;
  private pending = fresh();
  private jsdocType?: string;
  private jsdocDescription?: string;
  private inDoc = false;
  /** mjs: generic parameters declared as `/** @typedef T {any} *\/` before their class. */
  private generics: string[] = [];
  private method?: string;
  private request?: string;
  private responses = new Map<string, string>();

  constructor(private readonly mjs: boolean) {}

  line(raw: string): void {
    const t = raw.trim();
    if (!t) return;
    if (this.inDoc || t.startsWith("/**")) return this.doc(t);
    const attr = TS_COMMENT_ATTR.exec(t);
    if (attr) return applyAttribute(this.pending, attr[1]!, attr[2]!);
    if (t.startsWith("//")) return;
    if (!this.current) return this.top(t);
    if (t === "}" || t.startsWith("})(")) return this.close();
    if (t === "{") return;
    if (this.enumMode) return this.enumMember(t);
    const m = GET_METHOD.exec(t);
    if (m) this.method = m[1];
    const n = TYPE_NAME.exec(t);
    if (n) this.request = n[1];
    const r = CREATE_RESPONSE.exec(t);
    if (r) this.responses.set(this.current.name, r[1]!);
    if (/\)\s*\{/.test(t) || /^(public\s+)?constructor\b/.test(t)) return; // a method
    this.property(t);
  }

  private doc(t: string): void {
    this.inDoc = !t.endsWith("*/");
    const single = TS_DESC.exec(t);
    if (single) {
      this.pending.description = single[1];
      return;
    }
    const generic = /@typedef\s+([A-Za-z_]\w*)\s+\{any\}/.exec(t);
    if (generic) this.generics.push(generic[1]!);
    const type = MJS_TYPE.exec(t);
    if (type) this.jsdocType = type[1]!.trim();
    const desc = /@description\s+(.*?)\s*(?:\*\/)?$/.exec(t);
    if (desc) this.jsdocDescription = desc[1];
  }

  private top(t: string): void {
    const c = TS_CLASS.exec(t);
    if (c) {
      const type = declare(c[2]!, c[1] === "interface" ? "interface" : "class", this.pending);
      if (c[3]) type.genericParams = splitTop(c[3]);
      else if (this.generics.length) type.genericParams = this.generics;
      this.generics = [];
      const ext = c[4] ? splitTop(c[4].replace(/\{\s*$/, "")) : [];
      const impl = c[5] ? splitTop(c[5].replace(/\{\s*$/, "")) : [];
      // interfaces list their bases after extends; classes one base class
      if (type.kind === "class" && ext[0]) {
        const base = tsToCSharp(ext[0]);
        if (base && !/^Array</.test(ext[0])) type.base = base;
        else if (/^Array</.test(ext[0])) type.base = `List<${tsToCSharp(ext[0].slice(6, -1)) ?? "object"}>`;
      }
      for (const i of type.kind === "interface" ? ext : impl) {
        const x = tsToCSharp(i);
        if (x) type.implements.push(x);
      }
      return this.open(type, false);
    }
    const e = TS_ENUM.exec(t) ?? (this.mjs ? MJS_ENUM_VAR.exec(t) : null);
    if (e) {
      const type = declare(e[1]!, "enum", this.pending);
      type.members = [];
      return this.open(type, true);
    }
    const u = TS_UNION.exec(t);
    if (u && /^("[^"]*"|'[^']*')(\s*\|\s*("[^"]*"|'[^']*'))*$/.test(u[2]!.trim())) {
      const type = declare(u[1]!, "enum", this.pending);
      type.members = [...u[2]!.matchAll(/["']([^"']*)["']/g)].map((m) => ({ name: m[1]! }));
      this.types.push(type);
      this.pending = fresh();
    }
  }

  private open(type: CodeType, isEnum: boolean): void {
    this.current = type;
    this.enumMode = isEnum;
    this.pending = fresh();
    this.jsdocType = undefined;
  }

  private close(): void {
    if (this.current) this.types.push(this.current);
    this.current = undefined;
    this.enumMode = false;
    this.pending = fresh();
  }

  private enumMember(t: string): void {
    const type = this.current!;
    if (this.mjs) {
      if (/^\(function\b/.test(t)) return;
      const m = MJS_ENUM_MEMBER.exec(t);
      if (!m || m[1] !== type.name) return;
      const name = m[2]!;
      const value = m[3] ?? m[4]!;
      type.members!.push(value === name ? { name } : { name, value });
      if (m[3] !== undefined) type.valued = true;
      else if (value !== name) type.valued = true;
      return;
    }
    const m = TS_ENUM_MEMBER.exec(t);
    if (!m) return;
    const name = m[1]!.replace(/^'|'$/g, "");
    const raw = m[2];
    const value = raw === undefined ? undefined : raw.startsWith("'") ? raw.slice(1, -1) : raw;
    if (raw !== undefined && !raw.startsWith("'")) type.valued = true;
    if (value !== undefined && value !== name) {
      type.valued = true;
      type.members!.push({ name, value });
    } else type.members!.push({ name });
    this.pending = fresh();
  }

  private property(t: string): void {
    const type = this.current!;
    let prop: CodeProperty | undefined;
    if (this.mjs) {
      const m = MJS_PROP.exec(t);
      if (m && this.jsdocType !== undefined) {
        const optional = this.jsdocType.startsWith("?");
        const cs = tsToCSharp(optional ? this.jsdocType.slice(1) : this.jsdocType);
        if (cs) prop = { name: m[1]!, wireName: m[1]!, type: cs, optional };
        if (prop && m[2]) prop.initializer = m[2] as "[]" | "{}";
      }
    } else {
      const m = TS_PROP.exec(t);
      if (m) {
        const cs = tsToCSharp(m[3]!);
        const wire = m[1]!.replace(/^['"]|['"]$/g, "");
        if (cs) prop = { name: wire, wireName: wire, type: cs, optional: m[2] === "?" };
        if (prop && m[4]) prop.initializer = m[4] as "[]" | "{}";
      }
    }
    if (prop) {
      const description = this.pending.description ?? this.jsdocDescription;
      if (description) prop.description = description;
      if (this.pending.alias) prop.alias = this.pending.alias;
      if (this.pending.required) prop.required = true;
      type.properties.push(prop);
    }
    this.pending = fresh();
    this.jsdocType = undefined;
    this.jsdocDescription = undefined;
  }

  finish(): Omit<CodeView, "lang"> {
    if (this.current) this.close();
    return finishView(this.types, this.request, this.method, this.responses);
  }
}

function finishView(
  types: CodeType[],
  request: string | undefined,
  method: string | undefined,
  responses: ReadonlyMap<string, string>,
): Omit<CodeView, "lang"> {
  const out: Omit<CodeView, "lang"> = { types };
  const req = request ?? types.find((t) => t.implements.some((i) => /^IReturn(Void)?\b/.test(i)))?.name;
  if (req) out.request = req;
  if (method) out.method = method;
  const reqType = types.find((t) => t.name === req);
  const marker = reqType?.implements.find((i) => /^IReturn(Void)?\b/.test(i));
  if (marker === "IReturnVoid") out.response = "void";
  else if (marker) out.response = marker.slice("IReturn<".length, -1);
  else if (req && responses.has(req)) out.response = responses.get(req)!;
  return out;
}

// ------------------------------------------------------------------------------------------------
// C#

const CS_ATTR = /^\[\s*(\w+)(?:\((.*)\))?\s*\]\s*$/;
const CS_CLASS = new RegExp(
  `^(?:public|internal)\\s+(?:partial\\s+|abstract\\s+|sealed\\s+|static\\s+)*(class|interface|enum)\\s+(${IDENT})(?:\\s*<([^>]*)>)?(?:\\s*:\\s*(.+?))?\\s*\\{?\\s*$`,
);
const CS_PROP = new RegExp(
  `^(?:public\\s+)?(?:virtual\\s+|override\\s+|new\\s+|required\\s+)*(.+?)\\s+(${IDENT})\\s*\\{\\s*get;\\s*set;\\s*\\}\\s*(?:=\\s*(.+?);)?\\s*$`,
);
const CS_ENUM_MEMBER = new RegExp(`^(${IDENT})\\s*(?:=\\s*(-?\\d+|0x[0-9A-Fa-f]+))?\\s*,?\\s*$`);

class CSharpReader {
  private types: CodeType[] = [];
  private current?: CodeType;
  private pending = fresh();
  private inheritsNext = false;
  private summary?: string[];
  private depth = 0;

  line(raw: string): void {
    const t = raw.trim();
    if (!t) return;
    if (t.startsWith("///")) return this.docComment(t);
    if (t.startsWith("//") || t.startsWith("using ") || t.startsWith("namespace ")) return;
    const attr = CS_ATTR.exec(t);
    if (attr) return applyAttribute(this.pending, attr[1]!, attr[2] ?? "");
    if (this.inheritsNext && t.startsWith(":")) {
      this.inherits(this.current!, t.slice(1));
      return;
    }
    this.inheritsNext = false;
    if (t === "{") {
      if (this.current) this.depth++;
      return;
    }
    if (t === "}" || t === "};") {
      if (this.current && --this.depth <= 0) this.close();
      return;
    }
    if (!this.current || this.depth === 0) {
      const c = CS_CLASS.exec(t);
      if (!c) return;
      if (this.current) this.close();
      const type = declare(c[2]!, c[1] as CodeType["kind"], this.pending);
      if (c[3]) type.genericParams = splitTop(c[3]);
      if (c[1] === "enum") type.members = [];
      if (c[4]) this.inherits(type, c[4]);
      this.current = type;
      this.depth = t.endsWith("{") ? 1 : 0;
      this.inheritsNext = !c[4];
      this.pending = fresh();
      return;
    }
    if (this.depth !== 1) return;
    if (this.current.kind === "enum") return this.enumMember(t);
    const p = CS_PROP.exec(t);
    if (p) {
      const display = p[1]!.trim();
      const cs = canonical(display);
      if (cs) {
        const prop: CodeProperty = { name: p[2]!, type: cs };
        if (this.pending.alias) prop.alias = this.pending.alias;
        if (this.pending.required) prop.required = true;
        if (this.pending.description) prop.description = this.pending.description;
        if (p[3]) prop.initializer = /^new\b|^\{/.test(p[3]) ? "{}" : "[]";
        this.current.properties.push(prop);
      }
    }
    this.pending = fresh();
  }

  private docComment(t: string): void {
    const text = t.replace(/^\/\/\/\s?/, "");
    if (/^<summary>/.test(text)) this.summary = [];
    else if (/^<\/summary>/.test(text)) {
      if (this.summary?.length) this.pending.description ??= this.summary.join("\n");
      this.summary = undefined;
    } else this.summary?.push(text);
  }

  private inherits(type: CodeType, list: string): void {
    const parts = splitTop(list.replace(/\{\s*$/, ""));
    parts.forEach((part, i) => {
      const cs = canonical(part);
      if (!cs) return;
      const bare = cs.replace(/<.*$/, "");
      // C# lists the base class first; interfaces are I-prefixed by convention
      if (i === 0 && type.kind === "class" && !/^I[A-Z]/.test(bare)) type.base = cs;
      else type.implements.push(cs);
    });
  }

  private enumMember(t: string): void {
    const m = CS_ENUM_MEMBER.exec(t);
    if (!m) return;
    const type = this.current!;
    const member: { name: string; value?: string } = { name: m[1]! };
    const value = this.pending.enumValue ?? (m[2] !== undefined ? String(Number(m[2])) : undefined);
    if (value !== undefined) {
      member.value = value;
      type.valued = true;
    }
    type.members!.push(member);
    this.pending = fresh();
  }

  private close(): void {
    if (this.current) this.types.push(this.current);
    this.current = undefined;
    this.depth = 0;
    this.pending = fresh();
  }

  finish(): Omit<CodeView, "lang"> {
    if (this.current) this.close();
    // a nullable annotation on a reference type (`string?`, `Customer?`) is no Nullable<T>
    const enums = new Set(this.types.filter((t) => t.kind === "enum").map((t) => t.name));
    for (const t of this.types) {
      for (const p of t.properties) {
        const inner = p.type.endsWith("?") ? p.type.slice(0, -1) : undefined;
        if (inner && !isValueTypeName(inner) && !enums.has(inner)) p.type = inner;
      }
    }
    return finishView(this.types, undefined, undefined, new Map());
  }
}
