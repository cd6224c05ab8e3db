// XML sample bodies (DataContractSerializer output, §6.3; SOAP envelopes, §6.1) -> SampleNode trees.
import type { SampleBody, SampleNode } from "../../model/types.js";
import { decodeGenericName, decodeXmlName } from "../xml-names.js";
import { type ArrayNode, MAX_DEPTH, type ObjectNode } from "./shared.js";

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

export function parseXml(text: string, start: number): SampleBody {
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
