// Fast path for the HTML op page: a linear scanner that builds the element tree node-html-parser
// builds (with html.ts's options), but only for the narrow, machine-generated markup ServiceStack
// emits. node-html-parser's tokenizer is a large unicode regex plus several regexes per tag, and
// its nodes are costly to construct; this scanner finds each `<` with indexOf, reads the tag with
// one sticky regex and makes small plain nodes. html.ts reads both trees with the same code through
// the DomElement/DomText shapes of html-nodes.ts, which node-html-parser's nodes also satisfy.
//
// Entities are decoded as node-html-parser's own decoder (TextNode#text) decodes them, once per text
// node that contains `&`: the few entities ServiceStack writes here, any other text by that decoder.
// node-html-parser is loaded only when needed (a declined page or an unusual entity).
//
// Equivalence rests on replaying node-html-parser's tree rules for the markup accepted here (text
// runs, comments dropped, <!DOCTYPE> kept as text, void elements, the raw-text elements, the
// elements an opening tag closes implicitly) and on declining everything else: any `<` + letter
// that is not a tag of the narrow grammar, a closing tag that does not close the open element (the
// reference then applies its error recovery), a self-closing non-void element, CDATA, an unclosed
// comment or raw-text element, an element still open at the end (a cut page), an unexpected
// attribute. Declining returns the reason and the caller parses with node-html-parser.
import { detachedString } from "./detach.js";
import { NO_CLASSES, ScanElement, ScanText, type DomElement } from "./html-nodes.js";

/** Why the scanner declined, for tests and diagnostics of the fast path itself. */
export type Decline = { declined: string };

/** node-html-parser's void elements (VoidTag's default list): opened and closed by one tag. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

/** The raw-text elements html.ts configures (blockTextElements): content up to `</tag>` is one text. */
const RAW_TEXT = new Set(["script", "noscript", "style"]);

/**
 * node-html-parser's kElementsClosedByOpening (lower-case half; upper-case tags are declined):
 * opening the inner tag while the outer is the current element closes the outer first. ServiceStack
 * relies on it: its routes table ends `<tbody>…<tbody></tbody></table>`.
 */
const CLOSED_BY_OPENING = new Map<string, Set<string>>([
  ["li", new Set(["li"])],
  ["p", new Set(["p", "div"])],
  ["b", new Set(["div"])],
  ["td", new Set(["td", "th", "tr", "tbody", "tfoot"])],
  ["th", new Set(["td", "th", "tr", "tbody", "tfoot"])],
  ["tr", new Set(["tr", "tbody", "tfoot"])],
  ["thead", new Set(["tbody", "tfoot"])],
  ["tbody", new Set(["tbody", "tfoot"])],
  ["h1", new Set(["h1"])],
  ["h2", new Set(["h2"])],
  ["h3", new Set(["h3"])],
  ["h4", new Set(["h4"])],
  ["h5", new Set(["h5"])],
  ["h6", new Set(["h6"])],
  ["dt", new Set(["dt", "dd"])],
  ["dd", new Set(["dt", "dd"])],
]);

/** Attributes ServiceStack's pages use; any other attribute makes the scanner decline. */
const KNOWN_ATTRIBUTES = new Set([
  "id", "class", "href", "title", "lang", "charset", "name", "content", "rel", "type", "src", "alt",
  "style", "width", "height", "target", "colspan", "rowspan", "scope", "dir", "role", "http-equiv",
]);

// An opening tag of the narrow grammar: lower-case name, attributes with quoted values free of
// `<` and `>` (the reference's tokenizer lets a quoted `>` extend the tag) or plain unquoted ones.
// Matched one attribute at a time: one regex with the attribute group repeated backtracks through
// V8's recursive matcher and overflows the stack on a tag with a million attributes.
const TAG_ATTRIBUTE = /\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`/]+))?/y;
const TAG_END = /\s*\/?>/y;

/**
 * The OPEN_TAG grammar from `nameEnd` (the tag name, matched by the caller, ends there): the end of
 * the attribute text and of the tag, and whether it closes itself (`/>`); -1 when no tag ends here.
 * Offsets in module state, not an object per tag: a page has thousands of tags.
 */
let attrsEnd = 0;
let openTagSelfClosing = false;
function matchOpenTag(html: string, nameEnd: number): number {
  let pos = nameEnd;
  for (;;) {
    TAG_ATTRIBUTE.lastIndex = pos;
    if (!TAG_ATTRIBUTE.test(html)) break;
    pos = TAG_ATTRIBUTE.lastIndex;
  }
  attrsEnd = pos;
  TAG_END.lastIndex = pos;
  if (!TAG_END.test(html)) return -1;
  const end = TAG_END.lastIndex;
  // `\s` matches no `/`: a `/` right before the `>` is the self-closing one
  openTagSelfClosing = end - 2 >= pos && html.charCodeAt(end - 2) === SLASH;
  return end;
}
const CLOSE_TAG = /<\/([a-z][a-z0-9]*)\s*>/y;
const ATTRIBUTE_NAME = /(?:^|\s)([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`/]+))?/g;
// node-html-parser's kAttributePattern, applied to the same attribute text: id and class come out
// exactly as on the reference path (last one wins, same unquoting).
const KEY_ATTRIBUTE = /(?:^|\s)(id|class)\s*=\s*((?:'[^']*')|(?:"[^"]*")|\S+)/gi;

interface KeyAttributes {
  id?: string;
  class?: string;
  /** From class as node-html-parser splits it (on whitespace, duplicates dropped: a Set); shared, read-only. */
  classList?: { readonly value: string[] };
}

const NO_KEYS: KeyAttributes = Object.freeze({});

/**
 * Attribute texts repeat on every page (class='params'…): read each once. Bounded. What it keeps is
 * detached from the page (detach.ts): a cut of the page text would keep the whole page alive.
 */
const KEY_CACHE = new Map<string, KeyAttributes | Decline>();

function keyAttributes(attrs: string): KeyAttributes | Decline {
  let keys = KEY_CACHE.get(attrs);
  if (!keys) {
    const own = detachedString(attrs);
    keys = readKeyAttributes(own);
    if (KEY_CACHE.size < 1024) KEY_CACHE.set(own, keys);
  }
  return keys;
}

function readKeyAttributes(attrs: string): KeyAttributes | Decline {
  const out: KeyAttributes = {};
  if (attrs === "") return out;
  ATTRIBUTE_NAME.lastIndex = 0;
  for (let m; (m = ATTRIBUTE_NAME.exec(attrs)); ) {
    const name = m[1]!.toLowerCase();
    if (!KNOWN_ATTRIBUTES.has(name) && !name.startsWith("data-") && !name.startsWith("aria-")) return { declined: `attribute ${name}` };
  }
  KEY_ATTRIBUTE.lastIndex = 0;
  for (let m; (m = KEY_ATTRIBUTE.exec(attrs)); ) {
    const val = m[2]!;
    out[m[1]!.toLowerCase() as "id" | "class"] = val[0] === "'" || val[0] === '"' ? val.slice(1, -1) : val;
  }
  if (out.class) out.classList = Object.freeze({ value: Object.freeze([...new Set(out.class.split(/\s+/))]) as string[] });
  return out;
}

/** Elements whose content is a description or a value: no table structure or sample inside. */
const CELLS = new Set(["td", "th", "caption", "pre", "h3"]);
const STRUCTURE = new Set(["table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "pre"]);
const IN_CELL = 1;
const IN_OPERATION = 2;

/** Everything the scanner asks about a tag name, looked up once per opening tag. */
interface TagInfo {
  /** The name, one shared string per tag name (later comparisons are then cheap). */
  name: string;
  isVoid: boolean;
  rawText: boolean;
  cell: boolean;
  structure: boolean;
  /** This tag's bit among the tags that close an open element (CLOSED_BY_OPENING), else 0. */
  bit: number;
  /** Bits of the tags whose opening closes this element first. */
  closedBy: number;
}
/** One bit per tag that appears in a CLOSED_BY_OPENING set. */
const CLOSER_BITS = new Map<string, number>();
for (const closers of CLOSED_BY_OPENING.values()) for (const t of closers) if (!CLOSER_BITS.has(t)) CLOSER_BITS.set(t, 1 << CLOSER_BITS.size);
const closerMask = (closers: Set<string> | undefined): number => {
  let mask = 0;
  for (const t of closers ?? []) mask |= CLOSER_BITS.get(t)!;
  return mask;
};

const TAGS = new Map<string, TagInfo>();
/** Names of one or two characters (td, tr, b, br, h3, li…) indexed by their char codes: no hashing. */
const SHORT_TAGS: (TagInfo | undefined)[] = [];

function tagInfoAt(html: string, start: number, end: number): TagInfo {
  if (end - start > 2) return tagInfo(html.substring(start, end));
  const key = end - start === 1 ? html.charCodeAt(start) : html.charCodeAt(start) * 128 + html.charCodeAt(start + 1);
  return (SHORT_TAGS[key] ??= tagInfo(html.substring(start, end)));
}

function tagInfo(name: string): TagInfo {
  let info = TAGS.get(name);
  if (!info) {
    name = detachedString(name); // kept by TAGS
    info = {
      name,
      isVoid: VOID.has(name),
      rawText: RAW_TEXT.has(name),
      cell: CELLS.has(name),
      structure: STRUCTURE.has(name),
      bit: CLOSER_BITS.get(name) ?? 0,
      closedBy: closerMask(CLOSED_BY_OPENING.get(name)),
    };
    // Bounded: a hostile page may use any number of distinct names.
    if (TAGS.size < 256) TAGS.set(name, info);
  }
  return info;
}

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;

const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isLetter = (c: number): boolean => isLower(c) || (c >= 0x41 && c <= 0x5a);
const isNameChar = (c: number): boolean => isLower(c) || (c >= 0x30 && c <= 0x39);
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;

/**
 * The element tree node-html-parser would build for `html` (with html.ts's parse options), or why
 * the markup is outside the shape this scanner replays exactly.
 */
export function scanHtml(html: string): DomElement | Decline {
  const root = new ScanElement(null as unknown as string, "", NO_CLASSES, null, 0, 0, 0);
  const stack: ScanElement[] = [root];
  let current = root;
  // Start of the pending text run: the reference makes one text node of each non-empty run
  // between two pieces of markup (comments included), whitespace-only runs too.
  let textStart = 0;
  let at = html.indexOf("<");

  while (at >= 0) {
    const next = html.charCodeAt(at + 1);
    if (next === BANG) {
      if (html.startsWith("<!--", at)) {
        const end = html.indexOf("-->", at + 4);
        if (end < 0) return { declined: "unclosed comment" };
        if (current.where & IN_CELL) return { declined: `comment inside a cell at offset ${at}` };
        if (at > textStart) current.append(new ScanText(html.substring(textStart, at)));
        textStart = end + 3;
        at = html.indexOf("<", textStart);
        continue;
      }
      // node-html-parser reads CDATA sections once the input contains one anywhere; the only place
      // this scanner lets one through unseen is inside a comment or raw text, where the reference
      // does not look for it either.
      if (html.startsWith("<![CDATA[", at)) return { declined: `CDATA section at offset ${at}` };
      // <!DOCTYPE …> and any other `<!`: not markup to the reference either, so plain text.
      at = html.indexOf("<", at + 1);
      continue;
    }
    if (next === SLASH) {
      const first = html.charCodeAt(at + 2);
      if (!isLetter(first)) {
        at = html.indexOf("<", at + 1);
        continue;
      }
      const name = current.rawTagName;
      let end: number;
      if (name && html.charCodeAt(at + 2 + name.length) === GT && html.startsWith(name, at + 2)) {
        end = at + 3 + name.length;
      } else {
        CLOSE_TAG.lastIndex = at;
        const m = CLOSE_TAG.exec(html);
        // The reference recovers from a stray or mis-nested closing tag in ways not replayed here.
        if (!m || m[1] !== name) return { declined: `closing tag at offset ${at} does not close <${name ?? "document"}>` };
        end = CLOSE_TAG.lastIndex;
      }
      if (at > textStart) current.append(new ScanText(html.substring(textStart, at)));
      textStart = end;
      stack.pop();
      current = stack[stack.length - 1]!;
      at = html.indexOf("<", end);
      continue;
    }
    if (!isLower(next)) {
      if (isLetter(next)) return { declined: `upper-case tag at offset ${at}` };
      at = html.indexOf("<", at + 1);
      continue;
    }
    let j = at + 2;
    while (isNameChar(html.charCodeAt(j))) j++;
    const tag = tagInfoAt(html, at + 1, j);
    const name = tag.name;
    const after = html.charCodeAt(j);
    let tagEnd: number;
    let keys: KeyAttributes = NO_KEYS;
    let selfClosing = false;
    let attrs = "";
    if (after === GT) {
      tagEnd = j + 1;
    } else if (isSpace(after) || after === SLASH) {
      tagEnd = matchOpenTag(html, j);
      if (tagEnd < 0) return { declined: `unexpected markup at offset ${at}` };
      attrs = html.slice(j, attrsEnd);
      selfClosing = openTagSelfClosing;
      const k = keyAttributes(attrs);
      if ("declined" in k) return k;
      keys = k;
    } else {
      return { declined: `unexpected markup at offset ${at}` };
    }
    // node-html-parser wraps the input in this element and skips every tag of that name.
    if (name === "documentfragmentcontainer") return { declined: `<${name}> at offset ${at}` };
    const isVoid = tag.isVoid;
    if (selfClosing && !isVoid) return { declined: `self-closing <${name}/> at offset ${at}` };
    // Table structure or a sample inside a description or cell: machine-generated pages never
    // nest them, so such a page is hand-made or hostile and goes to the reference.
    if (current.where & IN_CELL && tag.structure) return { declined: `<${name}> inside a cell at offset ${at}` };
    // No raw text in a cell. ServiceStack puts one <style> in the operation, and ?lang= pages end
    // their code with the highlighter's <script>s; their bodies must be free of markup (checked
    // below), where raw-text handling is the same for every raw-text element.
    if (tag.rawText && (current.where & IN_CELL || (current.where & IN_OPERATION && name === "noscript"))) {
      return { declined: `<${name}> inside the ${current.where & IN_CELL ? "cell" : "operation"} at offset ${at}` };
    }
    if (at > textStart) current.append(new ScanText(html.substring(textStart, at)));
    textStart = tagEnd;
    if (!selfClosing) {
      while (current.closedBy & tag.bit) {
        stack.pop();
        current = stack[stack.length - 1]!;
      }
    }
    const classList = keys.classList ?? NO_CLASSES;
    let where = current.where;
    if (tag.cell) where |= IN_CELL;
    if (classList !== NO_CLASSES && classList.value.includes("operation")) where |= IN_OPERATION;
    const el = new ScanElement(name, keys.id || "", classList, current, at, where, tag.closedBy);
    current.append(el);
    if (isVoid) {
      at = html.indexOf("<", tagEnd);
      continue;
    }
    if (tag.rawText) {
      const close = html.indexOf(`</${name}>`, tagEnd);
      if (close < 0) return { declined: `unclosed <${name}>` };
      const body = html.substring(tagEnd, close);
      if (current.where & IN_OPERATION && body.includes("<")) return { declined: `markup in a <${name}> inside the operation at offset ${at}` };
      if (/\S/.test(body)) el.append(new ScanText(body));
      textStart = close + name.length + 3;
      at = html.indexOf("<", textStart);
      continue;
    }
    stack.push(el);
    current = el;
    at = html.indexOf("<", tagEnd);
  }
  if (stack.length > 1) return { declined: `<${current.rawTagName}> is still open at the end of the input` };
  if (html.length > textStart) current.append(new ScanText(html.substring(textStart)));
  return root;
}
