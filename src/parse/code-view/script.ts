// The TypeScript (`typescript`) and JavaScript (`mjs`, JSDoc-typed classes) code views: one line grammar
// for both, since ServiceStack's two generators write the same declarations, the mjs one with JSDoc types.
import type { CodeProperty, CodeType, CodeView } from "../../model/types.js";
import { applyAttribute, declare, finishView, fresh, IDENT, splitTop } from "./shared.js";

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

export class ScriptReader {
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

