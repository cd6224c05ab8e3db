// JSV (ServiceStack's TypeSerializer text): `{Key:Value,List:[a,b]}`, pretty or collapsed.
import type { SampleBody, SampleNode } from "../../model/types.js";
import { type ArrayNode, MAX_DEPTH, type ObjectNode, skipWs } from "./shared.js";

export function parseJsv(text: string, start: number): SampleBody {
  const reader = new JsvReader(text, start);
  const value = reader.value(0);
  return { syntax: "jsv", ...(value !== undefined ? { value } : {}), truncated: reader.stopped };
}

class JsvReader {
  stopped = false;

  constructor(
    private readonly text: string,
    private pos: number,
  ) {}

  value(depth: number): SampleNode | undefined {
    this.pos = skipWs(this.text, this.pos);
    if (this.pos >= this.text.length) {
      this.stopped = true;
      return undefined;
    }
    const c = this.text[this.pos];
    if (c === "{" || c === "[") {
      if (depth >= MAX_DEPTH) {
        this.stopped = true;
        return undefined;
      }
      return c === "{" ? this.object(depth) : this.array(depth);
    }
    return this.scalar();
  }

  private object(depth: number): ObjectNode {
    const node: ObjectNode = { kind: "object", entries: [] };
    this.pos++;
    for (;;) {
      this.pos = skipWs(this.text, this.pos);
      if (this.pos >= this.text.length) break;
      if (this.text[this.pos] === "}") {
        this.pos++;
        return node;
      }
      const key = this.key();
      if (key === undefined) break;
      const v = this.valueAfterColon(depth + 1);
      if (v !== undefined) node.entries.push([key, v]);
      if (this.stopped) break;
      if (!this.separator("}")) {
        if (this.stopped) break;
        return node;
      }
    }
    this.stopped = true;
    node.truncated = true;
    return node;
  }

  private array(depth: number): ArrayNode {
    const node: ArrayNode = { kind: "array", items: [] };
    this.pos++;
    for (;;) {
      this.pos = skipWs(this.text, this.pos);
      if (this.pos >= this.text.length) break;
      if (this.text[this.pos] === "]") {
        this.pos++;
        return node;
      }
      const v = this.value(depth + 1);
      if (v !== undefined) node.items.push(v);
      if (this.stopped) break;
      if (!this.separator("]")) {
        if (this.stopped) break;
        return node;
      }
    }
    this.stopped = true;
    node.truncated = true;
    return node;
  }

  /** After a member: true at `,` (more follow), false after the closer; stops at the end of input. */
  private separator(closer: string): boolean {
    this.pos = skipWs(this.text, this.pos);
    const c = this.text[this.pos];
    if (c === ",") {
      this.pos++;
      return true;
    }
    if (c === closer) {
      this.pos++;
      return false;
    }
    if (c === undefined) {
      this.stopped = true;
      return false;
    }
    // Mismatched closer or stray text: treat as the end of what can be trusted.
    this.stopped = true;
    return false;
  }

  /** The text before the first `:` at key position (quoted keys allowed); undefined when cut. */
  private key(): string | undefined {
    const text = this.text;
    if (text[this.pos] === '"') {
      const s = this.quoted();
      if (s === undefined) return undefined;
      this.pos = skipWs(text, this.pos);
      if (text[this.pos] !== ":") {
        this.stopped = true;
        return undefined;
      }
      this.pos++;
      return s;
    }
    let pos = this.pos;
    while (pos < text.length) {
      const c = text[pos];
      if (c === ":") {
        const key = text.slice(this.pos, pos).trim();
        this.pos = pos + 1;
        return key;
      }
      if (c === "," || c === "}" || c === "]" || c === "{" || c === "[") break;
      pos++;
    }
    this.pos = pos;
    this.stopped = true;
    return undefined;
  }

  /** A value after `key:`; `key:,` and `key:}` are empty strings. */
  private valueAfterColon(depth: number): SampleNode | undefined {
    let pos = this.pos;
    while (pos < this.text.length && (this.text[pos] === " " || this.text[pos] === "\t")) pos++;
    const c = this.text[pos];
    if (c === "," || c === "}" || c === "]") {
      this.pos = pos;
      return { kind: "scalar", text: "", quoted: false };
    }
    // Pretty JSV puts a container on the next line (`Items: \n\t[`), so newlines are skipped.
    return this.value(depth);
  }

  private scalar(): SampleNode | undefined {
    const text = this.text;
    if (text[this.pos] === '"') {
      const s = this.quoted();
      return s === undefined ? undefined : { kind: "scalar", text: s, quoted: true };
    }
    let pos = this.pos;
    while (pos < text.length) {
      const c = text[pos];
      if (c === "," || c === "}" || c === "]" || c === "\n" || c === "\r") break;
      pos++;
    }
    // A run that reaches the end of input without a terminator may have been cut short.
    const cut = pos >= text.length && !this.isWholeBody();
    const s = text.slice(this.pos, pos).trim();
    this.pos = pos;
    if (cut) {
      this.stopped = true;
      return undefined;
    }
    return { kind: "scalar", text: s, quoted: false };
  }

  private isWholeBody(): boolean {
    return skipWs(this.text, 0) === this.pos;
  }

  /** `"..."` with `""` for a quote; undefined (stopped) when the closing quote is missing. */
  private quoted(): string | undefined {
    const text = this.text;
    let pos = this.pos + 1;
    let out = "";
    for (;;) {
      const q = text.indexOf('"', pos);
      if (q < 0) {
        this.pos = text.length;
        this.stopped = true;
        return undefined;
      }
      out += text.slice(pos, q);
      if (text[q + 1] === '"') {
        out += '"';
        pos = q + 2;
        continue;
      }
      this.pos = q + 1;
      return out;
    }
  }
}
