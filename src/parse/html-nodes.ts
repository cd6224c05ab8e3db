// The nodes of the scanner's tree (html-scan.ts): the shapes html.ts reads of any node, which
// node-html-parser's nodes also satisfy, small classes that keep all but their own fields on the
// prototype, and text decoding as node-html-parser's TextNode#text decodes it.
import { createRequire } from "node:module";

/** What html.ts reads of any node; node-html-parser's Node satisfies it. */
export interface DomNode {
  readonly nodeType: number;
  /** "" for text; null for node-html-parser's root (typed string there too). */
  readonly rawTagName: string;
  readonly childNodes: readonly DomNode[];
}

/** A text node (nodeType 3): rawText as written, text with entities decoded. */
export interface DomText extends DomNode {
  readonly rawText: string;
  readonly text: string;
}

/** An element (nodeType 1); node-html-parser's HTMLElement satisfies it. */
export interface DomElement extends DomNode {
  readonly id: string;
  readonly classList: { readonly value: string[] };
  readonly parentNode: DomElement | null;
  /** [start, end] offsets of the element in the input; only the start is relied on. */
  readonly range: readonly [number, number];
}

export const NO_CLASSES: { readonly value: string[] } = Object.freeze({ value: Object.freeze([]) as unknown as string[] });
const NO_CHILDREN: readonly DomNode[] = Object.freeze([]);

/** The child list of an element without children: shared, replaced by the element's own list on its first child. */
const NONE_YET = Object.freeze([]) as unknown as DomNode[];

export class ScanElement implements DomElement {
  /** On the prototype (below), as ScanText's constants: a field per node is memory the tree does not need. */
  declare readonly nodeType: 1;
  /**
   * Made on the first child (append): most elements (cells, <b>, void elements) have one child or
   * none, and an array grown by push reserves room for 16 (the tree is most of the scan's garbage).
   */
  childNodes: DomNode[] = NONE_YET;
  constructor(
    readonly rawTagName: string,
    readonly id: string,
    readonly classList: { readonly value: string[] },
    readonly parentNode: DomElement | null,
    private readonly start: number,
    /** IN_CELL and IN_OPERATION bits: where this element is (itself included). */
    readonly where: number,
    /** Bits (TagInfo.bit) of the tags whose opening closes this element first. */
    readonly closedBy: number,
  ) {}
  append(node: DomNode): void {
    if (this.childNodes === NONE_YET) this.childNodes = [node];
    else this.childNodes.push(node);
  }
  /** Only the start is kept: html.ts orders elements by it (an array per element is costly). */
  get range(): readonly [number, number] {
    return [this.start, this.start];
  }
}
Object.defineProperty(ScanElement.prototype, "nodeType", { value: 1 });

type NodeHtmlParser = typeof import("node-html-parser");
let library: NodeHtmlParser | undefined;
/** node-html-parser, loaded on first use: most runs need neither its parser nor its decoder. */
export function nodeHtmlParser(): NodeHtmlParser {
  return (library ??= createRequire(import.meta.url)("node-html-parser") as NodeHtmlParser);
}

// One reusable node-html-parser TextNode serves as the decoder: constructing one per text is costly.
let decoder: InstanceType<NodeHtmlParser["TextNode"]> | undefined;

/** The entities ServiceStack writes in text: what each decodes to, by its name's first letter. */
function simpleEntity(raw: string, at: number): [length: number, text: string] | undefined {
  switch (raw.charCodeAt(at + 1)) {
    case 0x71: // q
      return raw.startsWith("quot;", at + 1) ? QUOT : undefined;
    case 0x6c: // l
      return raw.startsWith("lt;", at + 1) ? LT : undefined;
    case 0x67: // g
      return raw.startsWith("gt;", at + 1) ? GT_ENTITY : undefined;
    case 0x61: // a
      return raw.startsWith("amp;", at + 1) ? AMP : raw.startsWith("apos;", at + 1) ? APOS : undefined;
    case 0x23: // #
      return raw.startsWith("#39;", at + 1) ? APOS_NUMERIC : undefined;
  }
  return undefined;
}
const QUOT: [number, string] = [6, '"'];
const LT: [number, string] = [4, "<"];
const GT_ENTITY: [number, string] = [4, ">"];
const AMP: [number, string] = [5, "&"];
const APOS: [number, string] = [6, "'"];
const APOS_NUMERIC: [number, string] = [5, "'"];

/** Does `&` at `at` start a character reference (a letter, digit or `#` follows)? Otherwise it is text. */
function startsReference(raw: string, at: number): boolean {
  const c = raw.charCodeAt(at + 1);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x23;
}

/** node-html-parser's decoding of a text node's raw text (the bundled `entities` decodeHTML). */
export function decodeText(raw: string): string {
  let at = raw.indexOf("&");
  if (at < 0) return raw;
  let out = "";
  let from = 0;
  for (; at >= 0; at = raw.indexOf("&", at + 1)) {
    if (!startsReference(raw, at)) continue;
    const e = simpleEntity(raw, at);
    if (!e) return libraryDecode(raw);
    out += raw.slice(from, at) + e[1];
    from = at + e[0];
    at = from - 1;
  }
  return from === 0 ? raw : out + raw.slice(from);
}

function libraryDecode(raw: string): string {
  decoder ??= new (nodeHtmlParser().TextNode)("");
  decoder.rawText = raw;
  const text = decoder.text;
  decoder.rawText = ""; // it would keep the page alive (detach.ts)
  return text;
}

/** A text node: only its text is its own, the rest is on the prototype (a page has thousands of texts). */
export class ScanText implements DomText {
  declare readonly nodeType: 3;
  declare readonly rawTagName: "";
  declare readonly childNodes: readonly DomNode[];
  constructor(readonly rawText: string) {}
  get text(): string {
    return decodeText(this.rawText);
  }
}
Object.defineProperties(ScanText.prototype, { nodeType: { value: 3 }, rawTagName: { value: "" }, childNodes: { value: NO_CHILDREN } });
