// The C# (`csharp`) code view: attributes in brackets, `///` summaries, `{ get; set; }` properties.
import type { CodeProperty, CodeType, CodeView } from "../../model/types.js";
import { isValueTypeName } from "../../csharp-type.js";
import { applyAttribute, canonical, declare, finishView, fresh, IDENT, splitTop } from "./shared.js";

const CS_ATTR = /^\[\s*(\w+)(?:\((.*)\))?\s*\]\s*$/;
const CS_CLASS = new RegExp(
  `^(?:public|internal)\\s+(?:partial\\s+|abstract\\s+|sealed\\s+|static\\s+)*(class|interface|enum)\\s+(${IDENT})(?:\\s*<([^>]*)>)?(?:\\s*:\\s*(.+?))?\\s*\\{?\\s*$`,
);
const CS_PROP = new RegExp(
  `^(?:public\\s+)?(?:virtual\\s+|override\\s+|new\\s+|required\\s+)*(.+?)\\s+(${IDENT})\\s*\\{\\s*get;\\s*set;\\s*\\}\\s*(?:=\\s*(.+?);)?\\s*$`,
);
const CS_ENUM_MEMBER = new RegExp(`^(${IDENT})\\s*(?:=\\s*(-?\\d+|0x[0-9A-Fa-f]+))?\\s*,?\\s*$`);

export class CSharpReader {
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
