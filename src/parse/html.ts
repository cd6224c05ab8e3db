// The HTML op page (spec §2): reads every fact the page shows into a RawPage, deciding nothing
// about what the anonymous tables are (that is the model's walk, §5.3).
//
// The document is parsed once and walked once; all later work touches only the collected elements,
// so the cost stays linear in the page size. ServiceStack's machine-generated markup is parsed by
// the fast scanner (html-scan.ts); anything outside its narrow shape by node-html-parser, the
// reference. Both give the same tree shape, read below through DomElement/DomText.
import { nodeHtmlParser, scanHtml, type DomElement, type DomNode, type DomText } from "./html-scan.js";
import {
  PageError,
  type AuthRequirements,
  type CodeView,
  type Diagnostic,
  type RawEnumMember,
  type RawEnumTable,
  type RawPage,
  type RawParamsTable,
  type RawRow,
  type RawSample,
  type RawTable,
  type Route,
} from "../model/types.js";
import { parseSampleMessage } from "./sample-message.js";
import { parseCodeView, READ_LANGS } from "./code-view/index.js";
import { addAuthCells } from "./text-cells.js";
import { ACCESS_TEXTS, NOT_FOUND_DETAIL, isMetadataNotFound, stripBom } from "./detect.js";

type HTMLElement = DomElement;
type TextNode = DomText;
type Node = DomNode;

/** node-html-parser's NodeType values (the module itself is loaded only for the pages the scanner declines). */
const NodeType = { ELEMENT_NODE: 1, TEXT_NODE: 3 } as const;

/** The reference parser's tree. */
function parse(text: string, options: typeof PARSE_OPTIONS): HTMLElement {
  return nodeHtmlParser().parse(text, options);
}

const PARSE_OPTIONS = {
  lowerCaseTagName: false,
  comment: false,
  // <pre> must be parsed as markup: sample bodies contain <span class="value">length</span>.
  blockTextElements: { script: true, noscript: true, style: true },
  // Cut pages keep their open elements (and so the rows read before the cut).
  parseNoneClosedTags: true,
};

/** The elements of one page that carry facts, in document order. */
interface Pieces {
  title?: HTMLElement;
  h1?: HTMLElement;
  h2?: HTMLElement;
  tags?: HTMLElement;
  desc?: HTMLElement;
  auth?: HTMLElement;
  routes?: HTMLElement;
  /** params and enum tables in page order. */
  typeTables: HTMLElement[];
  operation?: HTMLElement;
  callInfo?: HTMLElement;
  exampleHeading?: HTMLElement;
  requestPre?: HTMLElement;
  responsePre?: HTMLElement;
  langCode?: string;
  codeElement?: HTMLElement;
}

function classesOf(el: HTMLElement): string[] {
  // classList is built by the parser already; getAttribute would re-parse all attributes.
  return el.classList.value;
}

function tag(el: HTMLElement): string {
  return el.rawTagName.toLowerCase();
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
function proseText(el: HTMLElement, stopAtBlock = false): string {
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
function children(el: HTMLElement, name: string): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const c of el.childNodes) if (c.nodeType === NodeType.ELEMENT_NODE && tag(c as HTMLElement) === name) out.push(c as HTMLElement);
  return out;
}

/** Table rows, wherever the parser put them (thead, tbody, the stray second tbody, or directly). */
function rowsOf(table: HTMLElement): { head: HTMLElement[]; body: HTMLElement[] } {
  const head: HTMLElement[] = [];
  const body: HTMLElement[] = [];
  for (const c of table.childNodes) {
    if (c.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = c as HTMLElement;
    const t = tag(el);
    if (t === "tr") body.push(el);
    else if (t === "thead") head.push(...children(el, "tr"));
    else if (t === "tbody" || t === "tfoot") body.push(...children(el, "tr"));
  }
  return { head, body };
}

/** The td/th cells of a row; for both DOMs. */
export function cellsOf<E extends HTMLElement>(tr: E): E[] {
  const out: E[] = [];
  for (const c of tr.childNodes) {
    if (c.nodeType !== NodeType.ELEMENT_NODE) continue;
    const t = tag(c as HTMLElement);
    if (t === "td" || t === "th") out.push(c as unknown as E);
  }
  return out;
}

function visitCode(el: HTMLElement, p: Pieces): void {
  if (p.langCode || !el.rawTagName || tag(el) !== "code") return;
  const m = /(?:^|\s)language-([A-Za-z0-9_-]+)/.exec(el.classList.value.join(" "));
  if (m) {
    p.langCode = m[1]!.toLowerCase();
    p.codeElement = el;
  }
}

function collect(root: HTMLElement): Pieces {
  const p: Pieces = { typeTables: [] };
  // Iterative pre-order walk: deep pages must not overflow the call stack. Tables and <pre>s are
  // read later by their own readers, so the walk does not descend into them.
  const stack: HTMLElement[] = [root];
  const requestDivs = new Set<HTMLElement>();
  const responseDivs = new Set<HTMLElement>();
  while (stack.length) {
    const el = stack.pop()!;
    const t = el.rawTagName ? tag(el) : "";
    if (t !== "table" && t !== "pre") {
      const kids = el.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) if (kids[i]!.nodeType === NodeType.ELEMENT_NODE) stack.push(kids[i] as HTMLElement);
    }
    switch (t) {
      case "title":
        p.title ??= el;
        break;
      case "h1":
        p.h1 ??= el;
        break;
      case "h2":
        p.h2 ??= el;
        break;
      case "h3":
        if (el.id === "desc") p.desc ??= el;
        else if (!p.exampleHeading && /^\s*HTTP\s*\+/.test(textOf(el))) p.exampleHeading = el;
        break;
      case "div": {
        const cls = classesOf(el);
        if (cls.includes("operation")) p.operation ??= el;
        else if (cls.includes("tags")) p.tags ??= el;
        else if (cls.includes("call-info")) p.callInfo ??= el;
        else if (cls.includes("request")) requestDivs.add(el);
        else if (cls.includes("response")) responseDivs.add(el);
        break;
      }
      case "table": {
        const cls = classesOf(el);
        if (cls.includes("authentication")) p.auth ??= el;
        else if (cls.includes("routes")) p.routes ??= el;
        else if (cls.includes("params") || cls.includes("enum")) p.typeTables.push(el);
        break;
      }
      case "pre": {
        const parent = el.parentNode;
        if (parent && requestDivs.has(parent)) p.requestPre ??= el;
        else if (parent && responseDivs.has(parent)) p.responsePre ??= el;
        // ?lang= pages: <pre><code class="language-x">
        for (const c of el.childNodes) if (c.nodeType === NodeType.ELEMENT_NODE) visitCode(c as HTMLElement, p);
        break;
      }
      case "code":
        visitCode(el, p);
        break;
    }
  }
  return p;
}

function trimmed(el: HTMLElement | undefined): string | undefined {
  if (!el) return undefined;
  const s = textOf(el).trim();
  return s === "" ? undefined : s;
}

function opFromUrl(url: string | undefined, key: string): string | undefined {
  if (!url) return undefined;
  const m = new RegExp(`[?&]${key}=([^&#]*)`, "i").exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!.replace(/\+/g, " ")) || undefined;
  } catch {
    return m[1] || undefined;
  }
}

function readTags(el: HTMLElement | undefined): string[] {
  if (!el) return [];
  const out: string[] = [];
  for (const span of children(el, "span")) {
    const t = textOf(span).trim();
    if (t) out.push(t);
  }
  if (out.length === 0) {
    const t = textOf(el).trim();
    if (t) out.push(...t.split(/\s*,\s*|\s+/).filter(Boolean));
  }
  return out;
}

function readAuth(table: HTMLElement | undefined, diags: Diagnostic[], dropLastRow = false): AuthRequirements | null {
  if (!table) return null;
  const auth: AuthRequirements = { roles: [], permissions: [], anyRoles: [], anyPermissions: [] };
  const { head, body } = rowsOf(table);
  if (dropLastRow) body.pop();
  for (const tr of [...head, ...body]) {
    // ServiceStack prints all requirements as label/value pairs in one row (older pages: a row each)
    const unknown = addAuthCells(auth, cellsOf(tr).map((c) => textOf(c)));
    for (const label of unknown) diags.push({ code: "W_AUTH_LABEL", detail: `unknown authentication row "${label}"` });
  }
  return auth;
}

function readRoutes(table: HTMLElement | undefined, dropLastRow = false): Route[] {
  if (!table) return [];
  const routes: Route[] = [];
  const { head, body } = rowsOf(table);
  if (dropLastRow) body.pop();
  for (const tr of [...head, ...body]) {
    const cells = cellsOf(tr);
    // Route rows are the ones with two <th>s (the caption row and stray tbodies have none).
    if (cells.length < 2 || tag(cells[0]!) !== "th" || tag(cells[1]!) !== "th") continue;
    const verbText = textOf(cells[0]!).trim();
    const path = textOf(cells[1]!).trim();
    if (!path) continue;
    const verbs: string[] | "*" = /^all\s+verbs$/i.test(verbText) || verbText === "" ? "*" : verbText.split(/[, ]+/).filter(Boolean);
    const route: Route = { verbs, path };
    const summary = cells[2] ? textOf(cells[2]).trim() : "";
    const notes = cells[3] ? textOf(cells[3]).trim() : "";
    if (summary) route.summary = summary;
    if (notes) route.notes = notes;
    routes.push(route);
  }
  return routes;
}

/** Caption "<b>Name</b> Parameters:" / "<b>Name</b> Enum:" -> "Name" (entities decoded once, by the parser). */
function captionOf(table: HTMLElement): string | undefined {
  const cap = children(table, "caption")[0];
  if (!cap) return undefined;
  const b = children(cap, "b")[0];
  const text = (b ? textOf(b) : textOf(cap).replace(/\s*(Parameters|Enum)\s*:\s*$/i, "")).trim();
  return text === "" ? undefined : text;
}

const RANGE = /^Valid Range:\s*(-?[0-9.]+(?:[eE][+-]?\d+)?)\s*-\s*(-?[0-9.]+(?:[eE][+-]?\d+)?)\s*$/i;

/** Description cell: text content minus the Allowable Values and Valid Range blocks (§2.3). */
function readDescription(td: HTMLElement): Pick<RawRow, "description" | "allowableValues" | "range"> {
  const out: Pick<RawRow, "description" | "allowableValues" | "range"> = {};
  let text = "";
  let expectValues = false;
  let afterBr = false;
  for (const node of td.childNodes) {
    if (node.nodeType === NodeType.ELEMENT_NODE) {
      const el = node as HTMLElement;
      const t = tag(el);
      if (t === "h4") {
        const h = textOf(el).trim();
        if (/^Allowable Values$/i.test(h)) {
          expectValues = true;
          continue;
        }
        const m = RANGE.exec(h);
        if (m && Number.isFinite(Number(m[1])) && Number.isFinite(Number(m[2]))) {
          out.range = [Number(m[1]), Number(m[2])];
          continue;
        }
      } else if (t === "ul" && expectValues) {
        expectValues = false;
        out.allowableValues = children(el, "li").map((li) => textOf(li).trim());
        continue;
      }
    } else if (expectValues && node.nodeType === NodeType.TEXT_NODE && (node as TextNode).text.trim() === "") {
      continue;
    }
    expectValues = false;
    if (node.nodeType === NodeType.ELEMENT_NODE) {
      const part = proseText(node as HTMLElement);
      afterBr = tag(node as HTMLElement) === "br" || (afterBr && part === "");
      text += part;
    } else {
      const part = textOf(node);
      text += afterBr ? part.replace(/^\r?\n/, "") : part;
      if (part !== "") afterBr = false;
    }
  }
  const d = text.trim();
  if (d) out.description = d;
  return out;
}

type Column = "name" | "param" | "type" | "required" | "description";
const PARAMS_COLUMNS: Column[] = ["name", "param", "type", "required", "description"];

function columnsFromHead(head: HTMLElement[]): Column[] {
  if (head.length === 0) return PARAMS_COLUMNS;
  const names = cellsOf(head[0]!).map((c) => textOf(c).trim().toLowerCase());
  const cols: Column[] = [];
  for (const n of names) {
    if (n === "name") cols.push("name");
    else if (n === "parameter") cols.push("param");
    else if (n === "data type") cols.push("type");
    else if (n === "required") cols.push("required");
    else if (n === "description") cols.push("description");
    else return PARAMS_COLUMNS;
  }
  return cols.includes("name") && cols.includes("type") ? cols : PARAMS_COLUMNS;
}

function readParamsTable(table: HTMLElement, index: number, diags: Diagnostic[], dropLastRow = false): RawParamsTable {
  const caption = captionOf(table);
  const label = caption ?? `#${index + 1}`;
  const { head, body } = rowsOf(table);
  if (dropLastRow) body.pop();
  const cols = columnsFromHead(head);
  // Column positions once per table (a column named twice counts at its first position).
  const iName = cols.indexOf("name");
  const iType = cols.indexOf("type");
  const iParam = cols.indexOf("param");
  const iReq = cols.indexOf("required");
  const iDesc = cols.indexOf("description");
  let lastNeeded = -1;
  for (const c of cols) if (c !== "description") lastNeeded = Math.max(lastNeeded, cols.indexOf(c));
  const rows: RawRow[] = [];
  for (let i = 0; i < body.length; i++) {
    const cells = cellsOf(body[i]!);
    if (cells.length === 0) continue;
    const nameCell = iName >= 0 ? cells[iName] : undefined;
    const name = nameCell ? textOf(nameCell).trim() : "";
    if (name === "Name" && tag(cells[0]!) === "th") continue; // header row without a <thead>
    const typeCell = iType >= 0 ? cells[iType] : undefined;
    const type = typeCell ? textOf(typeCell).trim() : "";
    const where = () => `table ${label} row ${i + 1}${name ? ` (${name})` : ""}`;
    if (!name || !type) {
      diags.push({ code: "W_MISSING_CELLS", detail: `${where()} has no ${!name ? "name" : "data type"}; row skipped` });
      continue;
    }
    if (cells.length <= lastNeeded) {
      const missing = cols.filter((c) => c !== "description" && cells.length <= cols.indexOf(c));
      diags.push({ code: "W_MISSING_CELLS", detail: `${where()} lacks ${missing.join(", ")}` });
    }
    const paramCell = iParam >= 0 ? cells[iParam] : undefined;
    const reqCell = iReq >= 0 ? cells[iReq] : undefined;
    const descCell = iDesc >= 0 ? cells[iDesc] : undefined;
    const row: RawRow = {
      name,
      param: (paramCell ? textOf(paramCell).trim() : "") || "form",
      type,
      required: reqCell ? /^yes$/i.test(textOf(reqCell).trim()) : false,
    };
    if (descCell) Object.assign(row, readDescription(descCell));
    rows.push(row);
  }
  const out: RawParamsTable = { kind: "params", rows };
  if (caption !== undefined) out.caption = caption;
  return out;
}

function readEnumTable(table: HTMLElement, index: number, diags: Diagnostic[], dropLastRow = false): RawEnumTable {
  const caption = captionOf(table);
  const { head, body } = rowsOf(table);
  if (dropLastRow) body.pop();
  const headNames = head.length ? cellsOf(head[0]!).map((c) => textOf(c).trim().toLowerCase()) : [];
  let valued = headNames.includes("value");
  if (!head.length) valued = body.some((tr) => cellsOf(tr).length >= 3);
  const members: RawEnumMember[] = [];
  body.forEach((tr, i) => {
    const cells = cellsOf(tr);
    if (cells.length === 0) return;
    const name = textOf(cells[0]!).trim();
    if (!name) {
      diags.push({ code: "W_MISSING_CELLS", detail: `enum ${caption ?? `#${index + 1}`} row ${i + 1} has no name; row skipped` });
      return;
    }
    const m: RawEnumMember = { name };
    const value = valued && cells[1] ? textOf(cells[1]).trim() : "";
    const descCell = valued ? cells[2] : cells[1];
    const desc = descCell ? textOf(descCell).trim() : "";
    if (valued && !cells[1]) diags.push({ code: "W_MISSING_CELLS", detail: `enum ${caption ?? `#${index + 1}`} row ${i + 1} (${name}) lacks value` });
    if (value) m.value = value;
    if (desc) m.description = desc;
    members.push(m);
  });
  const out: RawEnumTable = { kind: "enum", valued, members };
  if (caption !== undefined) out.caption = caption;
  return out;
}

/** `.json` suffix or `?format=json` in the call-info, else the example heading, else the URL. */
function readFormat(p: Pieces, url: string | undefined): string | undefined {
  if (p.callInfo) {
    for (const b of descendants(p.callInfo, "b")) {
      const t = textOf(b).trim();
      const m = /^\.([A-Za-z0-9-]+)$/.exec(t) ?? /^\?format=([A-Za-z0-9-]+)$/.exec(t);
      if (m) return m[1]!.toLowerCase();
    }
  }
  if (p.exampleHeading) {
    const m = /HTTP\s*\+\s*([A-Za-z0-9-]+)/.exec(textOf(p.exampleHeading));
    if (m) return m[1]!.toLowerCase();
  }
  const m = url ? /\/([A-Za-z0-9-]+)\/metadata(?:[?#]|$)/.exec(url) : null;
  return m ? m[1]!.toLowerCase() : undefined;
}

function headerValue(sample: RawSample | undefined, name: string): string | undefined {
  if (!sample) return undefined;
  for (const [k, v] of Object.entries(sample.headers)) if (k.toLowerCase() === name) return v.trim() || undefined;
  return undefined;
}

/** Where a cut page ended, read from the raw text: an unclosed table or pre, or no document end. */
interface Cut {
  inTable: boolean;
  /** The last table's final row has no </tr>. */
  inRow: boolean;
  inPre: boolean;
  atEnd: boolean;
}

function findCut(html: string): Cut {
  const lastTable = html.lastIndexOf("<table");
  const inTable = lastTable >= 0 && html.indexOf("</table>", lastTable) < 0;
  const lastTr = html.lastIndexOf("<tr");
  const inRow = inTable && lastTr > lastTable && html.indexOf("</tr>", lastTr) < 0;
  const lastPre = html.lastIndexOf("<pre");
  const inPre = lastPre >= 0 && html.indexOf("</pre>", lastPre) < 0;
  // The document end within the last 4 KB, in any letter case (the common lower case found first).
  const tailStart = Math.max(0, html.length - 4096);
  const atEnd = !(
    html.lastIndexOf("</html>") >= tailStart ||
    html.lastIndexOf("</body>") >= tailStart ||
    /<\/(?:html|body)>/i.test(html.slice(tailStart))
  );
  return { inTable, inRow, inPre, atEnd };
}

function failurePage(text: string, source: string): PageError | undefined {
  for (const t of ACCESS_TEXTS) {
    if (text.includes(t)) return new PageError("E_ACCESS", source, `the server refused the metadata page (${t})`);
  }
  const m = /Could not find operation:?\s*([^\s<"]*)/.exec(text);
  if (m) return new PageError("E_UNKNOWN_OP", source, `the server has no operation ${m[1] ? `"${m[1]}"` : "of that name"}`);
  if (isMetadataNotFound(text)) return new PageError("E_ACCESS", source, NOT_FOUND_DETAIL);
  return undefined;
}

export function parseHtmlPage(html: string, source: string, url?: string): RawPage {
  const text = stripBom(html);
  const scanned = scanHtml(text);
  return readPage("declined" in scanned ? parse(text, PARSE_OPTIONS) : scanned, text, source, url);
}

/** The page read from node-html-parser's tree only (the reference the fast path is tested against). */
export function parseHtmlPageReference(html: string, source: string, url?: string): RawPage {
  const text = stripBom(html);
  return readPage(parse(text, PARSE_OPTIONS), text, source, url);
}

/** The page read from the fast scanner's tree only, or why the scanner declined the markup. */
export function parseHtmlPageFast(html: string, source: string, url?: string): RawPage | { declined: string } {
  const text = stripBom(html);
  const scanned = scanHtml(text);
  return "declined" in scanned ? scanned : readPage(scanned, text, source, url);
}

function readPage(root: HTMLElement, text: string, source: string, url: string | undefined): RawPage {
  const p = collect(root);
  const diagnostics: Diagnostic[] = [];
  const cut = findCut(text);
  const complete = !(cut.inTable || cut.inPre || cut.atEnd);

  if (p.typeTables.length === 0 && !p.requestPre && !p.responsePre) {
    const failure = failurePage(textOf(root), source);
    if (failure) throw failure;
    if (!p.operation || complete) {
      throw new PageError("E_NOT_METADATA", source, "no metadata tables and no sample HTTP request on this page");
    }
  }

  // The table the input ended in is the last one in the document.
  let cutTable: HTMLElement | undefined;
  if (cut.inTable) {
    for (const t of [p.auth, p.routes, ...p.typeTables]) if (t && (!cutTable || t.range[0] > cutTable.range[0])) cutTable = t;
  }
  // Read in page order, so warnings come out in page order too.
  const auth = readAuth(p.auth, diagnostics, cut.inRow && p.auth === cutTable);
  const routes = readRoutes(p.routes, cut.inRow && p.routes === cutTable);
  const lang = p.langCode ?? opFromUrl(url, "lang")?.toLowerCase();
  const tables: RawTable[] = [];
  let code: CodeView | undefined;
  if (lang) {
    code = p.codeElement ? parseCodeView(lang, textOf(p.codeElement)) : undefined;
    if (!code) {
      diagnostics.push({
        code: "W_LANG_VARIANT",
        detail: `lang=${lang}: the page shows code instead of tables; ${READ_LANGS.has(lang) ? "no declaration was found in it" : "the code is not read for this language"}`,
      });
    }
  } else {
    p.typeTables.forEach((t, i) => {
      const isEnum = classesOf(t).includes("enum");
      // The row the input ended in is unusable: its cells may be cut mid-word.
      const dropLastRow = cut.inRow && t === cutTable;
      tables.push(isEnum ? readEnumTable(t, i, diagnostics, dropLastRow) : readParamsTable(t, i, diagnostics, dropLastRow));
    });
  }

  const request = p.requestPre ? parseSampleMessage(textOf(p.requestPre), "request") : undefined;
  const response = p.responsePre ? parseSampleMessage(textOf(p.responsePre), "response") : undefined;

  if (!complete) {
    let where = "input ends before the end of the page";
    if (cut.inPre) {
      const last = response ?? request;
      if (last) {
        last.truncated = true;
        where = `input ends inside the ${last === response ? "response" : "request"} sample${last.body !== undefined ? " body" : ""}`;
      }
    } else if (cutTable) {
      const dropped = cut.inRow ? ", last row dropped" : "";
      const at = p.typeTables.indexOf(cutTable);
      const table = at >= 0 ? tables[at] : undefined;
      if (table) {
        table.partial = true;
        where = `input ends inside table ${table.caption ?? `#${at + 1}`}${dropped}`;
      } else {
        where = `input ends inside the ${cutTable === p.routes ? "routes" : cutTable === p.auth ? "authentication" : "type"} table${dropped}`;
      }
    }
    diagnostics.push({ code: "W_TRUNCATED", detail: where });
  }

  const page: RawPage = {
    source,
    layout: "html",
    tags: readTags(p.tags),
    auth,
    routes,
    tables,
    complete,
    diagnostics,
  };
  if (url !== undefined) page.url = url;
  const opName = trimmed(p.h2) ?? opFromUrl(url, "op");
  if (opName !== undefined) page.opName = opName;
  const format = readFormat(p, url);
  if (format !== undefined) page.format = format;
  if (lang !== undefined) page.lang = lang;
  const serviceName = trimmed(p.h1) ?? trimmed(p.title);
  if (serviceName !== undefined) page.serviceName = serviceName;
  const host = headerValue(request, "host");
  if (host !== undefined) page.host = host;
  // Pages before v4.5 close the heading with </div>; a parser that keeps it open nests the rest of
  // the page in it, so the description ends at the first block element.
  const description = p.desc ? proseText(p.desc, true).trim() || undefined : undefined;
  if (description !== undefined) page.description = description;
  if (request) page.request = request;
  if (response) page.response = response;
  if (code) page.code = code;
  return page;
}
