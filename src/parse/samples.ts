// Sample request/response bodies (spec §2.8, §6.1, §6.3, §6.4) -> SampleNode trees.
// Pages can be cut anywhere, so every reader here is tolerant: it keeps what was complete, closes
// open containers, marks the result truncated, and never throws. All readers are single-pass over
// the input; nesting deeper than MAX_DEPTH stops the read (reported as truncation) so that neither
// the readers nor the code walking their trees can exhaust the stack.
import type { SampleBody, SampleNode } from "../model/types.js";
import { decodeGenericName, decodeXmlName } from "./xml-names.js";

/** Deeper than any real DTO graph; deep enough that hitting it means garbage or an attack. */
export const MAX_DEPTH = 200;

type ObjectNode = Extract<SampleNode, { kind: "object" }>;
type ArrayNode = Extract<SampleNode, { kind: "array" }>;

export function parseSampleBody(body: string | undefined): SampleBody {
  const text = (body ?? "").replace(/^\uFEFF/, "");
  const start = skipWs(text, 0);
  if (start >= text.length) return { syntax: "empty", truncated: false };
  const first = text[start];
  if (first === "<") return parseXml(text, start);
  if (first === "(") return parseRaw(text, start);
  if (first === "{" || first === "[") {
    const json = new JsonReader(text, start).read();
    // Valid JSON, or valid so far and then cut: JSON.
    if (json.strict || !json.error) return jsonBody(json);
    // Not JSON. A whole JSV body (`["a,b",c]` also starts with a quote) is JSV; otherwise a quoted
    // first key says JSON that went wrong, anything else JSV.
    const jsv = parseJsv(text, start);
    if (!jsv.truncated || !firstKeyQuoted(text, start)) return jsv;
    return jsonBody(json);
  }
  // A bare scalar body ("String", 0, false) is JSON when it parses as JSON, else one JSV scalar.
  const json = new JsonReader(text, start).read();
  if (json.strict) return jsonBody(json);
  const csv = parseCsv(text, start);
  if (csv) return csv;
  return parseJsv(text, start);
}

function skipWs(text: string, pos: number): number {
  while (pos < text.length && isWs(text.charCodeAt(pos))) pos++;
  return pos;
}
function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff;
}

/** `(string)`, `(byte[])`, `(Stream)`: the response is a raw type, shown in parentheses. */
function parseRaw(text: string, start: number): SampleBody {
  const close = text.indexOf(")", start);
  const newline = text.indexOf("\n", start);
  if (close < 0 || (newline >= 0 && newline < close)) return { syntax: "raw", truncated: true };
  const rawType = text.slice(start + 1, close).trim();
  return rawType ? { syntax: "raw", rawType, truncated: false } : { syntax: "raw", truncated: false };
}

/** The body's first object key (past any leading `[`/`{`) or first array scalar starts with `"`. */
function firstKeyQuoted(text: string, start: number): boolean {
  let pos = start;
  for (;;) {
    pos = skipWs(text, pos);
    const c = text[pos];
    if (c === "[" || c === "{") pos++;
    else return c === '"';
  }
}

// ---------------------------------------------------------------------------------------------
// JSON

interface ReadResult {
  value?: SampleNode;
  /** The input ended (or went wrong) before the value was complete. */
  truncated: boolean;
  /** The whole input is exactly one JSON value. */
  strict: boolean;
  /** Met text that is not JSON (as opposed to merely running out of input). */
  error: boolean;
}

function jsonBody(json: ReadResult): SampleBody {
  return { syntax: "json", ...(json.value !== undefined ? { value: json.value } : {}), truncated: json.truncated };
}

/**
 * Recursive descent bounded by MAX_DEPTH. On a cut or an error it stops: complete members are kept,
 * the value in progress is dropped, and every open container is closed and marked truncated.
 */
class JsonReader {
  private pos: number;
  private stopped = false;
  private error = false;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  read(): ReadResult {
    const value = this.value(0);
    // Text after a complete value makes the body non-strict, but the value itself is whole.
    const strict = !this.stopped && skipWs(this.text, this.pos) >= this.text.length;
    return { ...(value !== undefined ? { value } : {}), truncated: this.stopped, strict, error: this.error };
  }

  /** Stops reading: at the end of input a cut, before it an error (the body is not JSON). */
  private stop(): undefined {
    this.stopped = true;
    if (this.pos < this.text.length) this.error = true;
    return undefined;
  }

  private value(depth: number): SampleNode | undefined {
    this.pos = skipWs(this.text, this.pos);
    if (this.pos >= this.text.length) return this.stop();
    const c = this.text[this.pos];
    if (c === "{" || c === "[") {
      if (depth >= MAX_DEPTH) {
        this.stopped = true;
        return undefined;
      }
      return c === "{" ? this.object(depth) : this.array(depth);
    }
    if (c === '"') {
      const s = this.string();
      return s === undefined ? undefined : { kind: "scalar", text: s, quoted: true };
    }
    return this.literal();
  }

  /** After an opening bracket: items separated by `,` up to `close`; false when the text stops first. */
  private items(close: "}" | "]", item: () => boolean): boolean {
    this.pos = skipWs(this.text, this.pos + 1);
    if (this.text[this.pos] === close) {
      this.pos++;
      return true;
    }
    for (;;) {
      if (!item() || this.stopped) return false;
      this.pos = skipWs(this.text, this.pos);
      const sep = this.text[this.pos];
      if (sep === ",") this.pos++;
      else if (sep === close) {
        this.pos++;
        return true;
      } else {
        this.stop();
        return false;
      }
    }
  }

  private object(depth: number): ObjectNode {
    const node: ObjectNode = { kind: "object", entries: [] };
    const closed = this.items("}", () => {
      this.pos = skipWs(this.text, this.pos);
      if (this.text[this.pos] !== '"') {
        this.stop();
        return false;
      }
      const key = this.string();
      if (key === undefined) return false;
      this.pos = skipWs(this.text, this.pos);
      if (this.text[this.pos] !== ":") {
        this.stop();
        return false;
      }
      this.pos++;
      const v = this.value(depth + 1);
      if (v !== undefined) node.entries.push([key, v]);
      return true;
    });
    if (!closed) node.truncated = true;
    return node;
  }

  private array(depth: number): ArrayNode {
    const node: ArrayNode = { kind: "array", items: [] };
    const closed = this.items("]", () => {
      const v = this.value(depth + 1);
      if (v !== undefined) node.items.push(v);
      return true;
    });
    if (!closed) node.truncated = true;
    return node;
  }

  /** At a `"`: the unescaped string, or undefined (and stopped) when the closing quote is missing. */
  private string(): string | undefined {
    const text = this.text;
    let pos = this.pos + 1;
    let out = "";
    let chunk = pos;
    for (;;) {
      if (pos >= text.length) {
        this.pos = pos;
        return this.stop();
      }
      const c = text.charCodeAt(pos);
      if (c === 34 /* " */) {
        out += text.slice(chunk, pos);
        this.pos = pos + 1;
        return out;
      }
      if (c === 92 /* \ */) {
        out += text.slice(chunk, pos);
        const e = text[pos + 1];
        if (e === undefined) {
          this.pos = pos + 1;
          return this.stop();
        }
        if (e === "u") {
          const hex = text.slice(pos + 2, pos + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 6;
          } else if (pos + 6 > text.length) {
            this.pos = text.length;
            return this.stop();
          } else {
            out += "u"; // invalid escape: keep the letter, as lenient .NET readers do
            pos += 2;
          }
        } else {
          out += ESCAPES[e] ?? e;
          pos += 2;
        }
        chunk = pos;
        continue;
      }
      pos++;
    }
  }

  /** Numbers, true, false, null. A token running into the end of input may be cut: dropped. */
  private literal(): SampleNode | undefined {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    while (pos < text.length && /[-+.0-9A-Za-z]/.test(text[pos]!)) pos++;
    const token = text.slice(start, pos);
    this.pos = pos;
    if (token === "null") return { kind: "null" };
    if (token === "true" || token === "false") return { kind: "scalar", text: token, quoted: false };
    // A number running into the end of input may have lost digits, unless it is the whole body.
    if (pos >= text.length && !this.atTopLevel(start) && couldStartJsonLiteral(token)) return this.stop();
    if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(token)) return { kind: "scalar", text: token, quoted: false };
    this.pos = start;
    return this.stop();
  }

  /** A scalar that is the whole body is complete when the input ends right after it. */
  private atTopLevel(start: number): boolean {
    return skipWs(this.text, 0) === start;
  }
}

/** A cut token that may still become a JSON number or keyword (`tr`, `-1.`), unlike `String`. */
function couldStartJsonLiteral(token: string): boolean {
  return (
    "true".startsWith(token) ||
    "false".startsWith(token) ||
    "null".startsWith(token) ||
    /^-?(0|[1-9]\d*)?(\.\d*)?([eE][+-]?\d*)?$/.test(token)
  );
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

// ---------------------------------------------------------------------------------------------
// JSV (ServiceStack's TypeSerializer text): `{Key:Value,List:[a,b]}`, pretty or collapsed.

function parseJsv(text: string, start: number): SampleBody {
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

// ---------------------------------------------------------------------------------------------
// XML (DataContractSerializer output, §6.3)

interface XmlElement {
  /** Local name, prefix removed. */
  name: string;
  prefix?: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
  closed: boolean;
}

const XSD_PRIMITIVES: ReadonlySet<string> = new Set([
  "string", "int", "long", "short", "byte", "unsignedByte", "unsignedInt", "unsignedLong",
  "unsignedShort", "boolean", "dateTime", "decimal", "double", "float", "guid", "duration", "char",
  "anyType", "anyURI", "base64Binary", "QName",
]);

// ---------------------------------------------------------------------------------------------
// CSV (§6.1): older servers show a true CSV sample, a header line of property names and a line of
// values per row, read as one object (or, with more value lines, an array of them).

const CSV_HEADER = /^[A-Za-z_][A-Za-z0-9_]*(?:,[A-Za-z_][A-Za-z0-9_]*)*$/;

function csvFields(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = "";
      for (i++; ; i++) {
        if (i >= line.length) return undefined;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i++;
          } else break;
        } else v += line[i];
      }
      out.push(v);
      i++;
    } else {
      const comma = line.indexOf(",", i);
      out.push(line.slice(i, comma < 0 ? line.length : comma));
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) return out;
    if (line[i] !== ",") return undefined;
    i++;
  }
}

function parseCsv(text: string, start: number): SampleBody | undefined {
  const lines = text.slice(start).split(/\r?\n/).map((l) => l.trimEnd());
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  if (lines.length < 2 || lines.length > 10_000 || !CSV_HEADER.test(lines[0]!)) return undefined;
  const header = lines[0]!.split(",");
  const rows: SampleNode[] = [];
  for (const line of lines.slice(1)) {
    const fields = csvFields(line);
    if (!fields || fields.length !== header.length) return undefined;
    rows.push({ kind: "object", entries: header.map((h, i) => [h, { kind: "scalar", text: fields[i]!, quoted: false }]) });
  }
  const value: SampleNode = rows.length === 1 ? rows[0]! : { kind: "array", items: rows };
  return { syntax: "csv", value, truncated: false };
}

// ---------------------------------------------------------------------------------------------
// XML

function parseXml(text: string, start: number): SampleBody {
  const read = readXmlTree(text, start);
  const truncated = read.truncated;
  let root = read.root;
  if (!root) return { syntax: "xml", truncated: true };
  // SOAP 1.1/1.2 samples wrap the DTO in Envelope/Body (§6.1): the DTO is the element inside Body
  if (root.name === "Envelope") {
    const body = root.children.find((c) => c.name === "Body");
    const inner = body?.children[0];
    if (!inner) return { syntax: "xml", truncated: truncated || !root.closed };
    root = inner;
  }
  const value = xmlNode(root, true);
  return {
    syntax: "xml",
    rootName: root.name,
    ...(value ? { value } : {}),
    truncated: truncated || !root.closed,
  };
}

/** One pass over the tags with an explicit stack; the first top-level element is the root. */
function readXmlTree(text: string, start: number): { root?: XmlElement; truncated: boolean } {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = start;
  let truncated = false;
  const top = (): XmlElement | undefined => stack[stack.length - 1];
  while (pos < text.length) {
    const lt = text.indexOf("<", pos);
    if (lt < 0) {
      if (stack.length) top()!.text += decodeEntities(text.slice(pos));
      pos = text.length;
      break;
    }
    if (lt > pos && stack.length) top()!.text += decodeEntities(text.slice(pos, lt));
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end < 0) return { root, truncated: true };
      pos = end + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      if (end < 0) return { root, truncated: true };
      if (stack.length) top()!.text += text.slice(lt + 9, end);
      pos = end + 3;
      continue;
    }
    if (text[lt + 1] === "?" || text[lt + 1] === "!") {
      const end = text.indexOf(">", lt + 2);
      if (end < 0) return { root, truncated: true };
      pos = end + 1;
      continue;
    }
    const end = tagEnd(text, lt + 1);
    if (end < 0) return { root, truncated: true };
    const body = text.slice(lt + 1, end);
    pos = end + 1;
    if (body.startsWith("/")) {
      const name = decodeElementName(localName(body.slice(1).trim()));
      // Close the nearest open element of that name; unmatched closers are ignored.
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i]!.name === name) {
          stack[i]!.closed = true;
          stack.length = i;
          break;
        }
      }
      if (!stack.length && root) break;
      continue;
    }
    const selfClosing = body.endsWith("/");
    const el = openTag(selfClosing ? body.slice(0, -1) : body);
    if (!el) {
      truncated = true;
      break;
    }
    if (stack.length >= MAX_DEPTH) {
      truncated = true;
      break;
    }
    const parent = top();
    if (parent) parent.children.push(el);
    else if (!root) root = el;
    else break; // a second top-level element: not part of this body
    if (selfClosing) el.closed = true;
    else stack.push(el);
    if (!stack.length) break;
  }
  if (stack.length) truncated = true;
  return { root, truncated };
}

/** Index of the `>` ending a tag, skipping quoted attribute values; -1 when cut. */
function tagEnd(text: string, pos: number): number {
  let quote = "";
  for (; pos < text.length; pos++) {
    const c = text[pos]!;
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return pos;
  }
  return -1;
}

function openTag(body: string): XmlElement | undefined {
  const m = /^\s*([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)/.exec(body);
  if (!m) return undefined;
  const qname = m[1]!;
  const colon = qname.indexOf(":");
  const attrs = new Map<string, string>();
  const attrRe = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const rest = body.slice(m[0].length);
  for (let a = attrRe.exec(rest); a; a = attrRe.exec(rest)) {
    attrs.set(a[1]!, decodeEntities(a[2] ?? a[3] ?? ""));
  }
  return {
    name: decodeElementName(colon >= 0 ? qname.slice(colon + 1) : qname),
    ...(colon >= 0 ? { prefix: qname.slice(0, colon) } : {}),
    attrs,
    children: [],
    text: "",
    closed: false,
  };
}

/** XmlConvert escapes and backing fields decoded, DataContract generic names in C# form (§6.3). */
function decodeElementName(name: string): string {
  return decodeGenericName(decodeXmlName(name));
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon >= 0 ? qname.slice(colon + 1) : qname;
}

function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (all, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

function isNil(el: XmlElement): boolean {
  for (const [k, v] of el.attrs) if (localName(k) === "nil" && v === "true") return true;
  return false;
}

/**
 * An element's value. Leaves are scalars; `KeyValueOf…` children make a dictionary; a collection
 * (ArrayOf… element, items named after an XSD primitive, repeated items, items in a namespace the
 * element itself declares, or a single complex child) becomes an array named after its item type;
 * anything else is an object whose entries keep document order (base members first).
 * Unclosed leaves were cut mid-value and are dropped (undefined).
 */
function xmlNode(el: XmlElement, isRoot: boolean): SampleNode | undefined {
  if (isNil(el)) return { kind: "null" };
  if (!el.children.length) {
    if (!el.closed) return undefined;
    return { kind: "scalar", text: el.text.trim(), quoted: false };
  }
  const truncated = !el.closed;
  const kids = el.children;
  if (kids.every((k) => k.name.startsWith("KeyValueOf"))) {
    const node: ObjectNode = { kind: "object", entries: [] };
    for (const kv of kids) {
      const key = kv.children.find((c) => c.name === "Key");
      const value = kv.children.find((c) => c.name === "Value");
      if (!kv.closed || !key?.closed || !value?.closed) {
        node.truncated = true;
        continue;
      }
      const v = xmlNode(value, false);
      if (v) node.entries.push([key.text.trim(), v]);
    }
    if (truncated) node.truncated = true;
    return node;
  }
  if (isXmlCollection(el, isRoot)) {
    const node: ArrayNode = { kind: "array", items: [], xmlName: kids[0]!.name };
    for (const k of kids) {
      const v = xmlNode(k, false);
      if (!v) continue;
      if (v.kind === "object" && k.children.length && !k.children.every((c) => c.name.startsWith("KeyValueOf")))
        v.xmlName = k.name;
      node.items.push(v);
    }
    if (truncated) node.truncated = true;
    return node;
  }
  const node: ObjectNode = { kind: "object", entries: [] };
  if (isRoot) node.xmlName = el.name;
  for (const k of kids) {
    const v = xmlNode(k, false);
    if (v) node.entries.push([k.name, v]);
    else node.truncated = true;
  }
  if (truncated) node.truncated = true;
  return node;
}

function isXmlCollection(el: XmlElement, isRoot: boolean): boolean {
  if (el.name.startsWith("ArrayOf")) return true;
  if (isRoot) return false;
  const kids = el.children;
  const first = kids[0]!;
  if (kids.every((k) => XSD_PRIMITIVES.has(k.name))) return true;
  if (kids.length > 1) return kids.every((k) => k.name === first.name && k.prefix === first.prefix);
  if (first.prefix && el.attrs.has(`xmlns:${first.prefix}`)) return true;
  // One complex child: a list of one item (common) rather than a class whose only member is a class.
  return first.children.length > 0;
}
