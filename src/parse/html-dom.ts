// DOM helpers for the HTML op page: text of a node, element children, table rows and cells; for
// both trees (the fast scanner's and node-html-parser's, read through DomElement/DomText).
import type { DomElement, DomNode, DomText } from "./html-nodes.js";

export type HTMLElement = DomElement;
export type TextNode = DomText;
export type Node = DomNode;

/** node-html-parser's NodeType values (the module itself is loaded only for the pages the scanner declines). */
export const NodeType = { ELEMENT_NODE: 1, TEXT_NODE: 3 } as const;

export function classesOf(el: HTMLElement): string[] {
  // classList is built by the parser already; getAttribute would re-parse all attributes.
  return el.classList.value;
}

export function tag(el: HTMLElement): string {
  const name = el.rawTagName;
  // the scanner's names are lower case already, and toLowerCase copies each one (asked per element)
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return name.toLowerCase();
  }
  return name;
}

/** Decoded text content; <br> becomes a newline (descriptions use it for line breaks). */
/** Entity-decoded text of a text node; most cells have no entity, and decoding is the costly part. */
function decodedText(node: TextNode): string {
  const raw = node.rawText;
  return raw.includes("&") ? node.text : raw;
}

export function textOf(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return decodedText(node as TextNode);
  const only = node.childNodes.length === 1 ? node.childNodes[0]! : undefined;
  if (only && only.nodeType === NodeType.TEXT_NODE) return decodedText(only as TextNode);
  // Iterative: a hostile page may nest elements deeper than the call stack allows.
  const parts: string[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === NodeType.TEXT_NODE) parts.push(decodedText(n as TextNode));
    else if (n.nodeType === NodeType.ELEMENT_NODE) {
      const el = n as HTMLElement;
      if (el.rawTagName && tag(el) === "br") parts.push("\n");
      else for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push(el.childNodes[i]!);
    }
  }
  return parts.join("");
}

const BLOCK = new Set(["table", "div", "p", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"]);

/**
 * Text of a description (h3#desc, a description cell): like textOf, but the line break the server
 * writes after each `<br />` (it turns "\n" into "<br />\n") is dropped, so a line break is read once,
 * as a browser shows it.
 */
export function proseText(el: HTMLElement, stopAtBlock = false): string {
  const parts: string[] = [];
  let afterBr = false;
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (stopAtBlock && n !== el && n.nodeType === NodeType.ELEMENT_NODE && BLOCK.has(tag(n as HTMLElement))) break;
    if (n.nodeType === NodeType.TEXT_NODE) {
      let t = decodedText(n as TextNode);
      if (afterBr && t !== "") t = t.replace(/^\r?\n/, "");
      if (t !== "") afterBr = false;
      parts.push(t);
    } else if (n.nodeType === NodeType.ELEMENT_NODE) {
      const e = n as HTMLElement;
      if (e.rawTagName && tag(e) === "br") {
        parts.push("\n");
        afterBr = true;
      } else for (let i = e.childNodes.length - 1; i >= 0; i--) stack.push(e.childNodes[i]!);
    }
  }
  return parts.join("");
}

/** Element descendants with the given tag name, in document order. */
/** Element descendants with the given tag name, in document order; for both DOMs (scanner, node-html-parser). */
export function descendants<E extends HTMLElement>(root: E, name: string): E[] {
  const out: E[] = [];
  const stack: E[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el !== root && el.rawTagName && tag(el) === name) out.push(el);
    for (let i = el.childNodes.length - 1; i >= 0; i--) {
      const c = el.childNodes[i]!;
      if (c.nodeType === NodeType.ELEMENT_NODE) stack.push(c as unknown as E);
    }
  }
  return out;
}

/** Direct element children with the given tag name. */
export function children(el: HTMLElement, name: string): HTMLElement[] {
  return pushChildren(el, name, []);
}

/** The first direct element child with the given tag name. */
export function firstChild(el: HTMLElement, name: string): HTMLElement | undefined {
  for (const c of el.childNodes) if (c.nodeType === NodeType.ELEMENT_NODE && tag(c as HTMLElement) === name) return c as HTMLElement;
  return undefined;
}

/** children(), pushed onto `out` (rowsOf: no array per row group). */
function pushChildren(el: HTMLElement, name: string, out: HTMLElement[]): HTMLElement[] {
  for (const c of el.childNodes) if (c.nodeType === NodeType.ELEMENT_NODE && tag(c as HTMLElement) === name) out.push(c as HTMLElement);
  return out;
}

/** Table rows, wherever the parser put them (thead, tbody, the stray second tbody, or directly). */
export function rowsOf(table: HTMLElement): { head: HTMLElement[]; body: HTMLElement[] } {
  const head: HTMLElement[] = [];
  const body: HTMLElement[] = [];
  for (const c of table.childNodes) {
    if (c.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = c as HTMLElement;
    const t = tag(el);
    if (t === "tr") body.push(el);
    else if (t === "thead") pushChildren(el, "tr", head);
    else if (t === "tbody" || t === "tfoot") pushChildren(el, "tr", body);
  }
  return { head, body };
}

/**
 * The td/th cells of a row; for both DOMs. `out`: an array to refill (a table reader reads its rows'
 * cells one row at a time, into one array, instead of an array per row).
 */
export function cellsOf<E extends HTMLElement>(tr: E, out: E[] = []): E[] {
  out.length = 0;
  for (const c of tr.childNodes) {
    if (c.nodeType !== NodeType.ELEMENT_NODE) continue;
    const t = tag(c as HTMLElement);
    if (t === "td" || t === "th") out.push(c as unknown as E);
  }
  return out;
}
