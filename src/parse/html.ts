// The HTML op page (spec §2): reads every fact the page shows into a RawPage, deciding nothing
// about what the anonymous tables are (that is the model's walk, §5.3).
//
// The document is parsed once and walked once; all later work touches only the collected elements,
// so the cost stays linear in the page size. ServiceStack's machine-generated markup is parsed by
// the fast scanner (html-scan.ts); anything outside its narrow shape by node-html-parser, the
// reference. Both give the same tree shape, read below through DomElement/DomText.
import { nodeHtmlParser } from "./html-nodes.js";
import { scanHtml } from "./html-scan.js";
import {
  PageError,
  type CodeView,
  type Diagnostic,
  type RawPage,
  type RawSample,
  type RawTable,
} from "../model/types.js";
import { parseSampleMessage } from "./sample-message.js";
import { parseCodeView, READ_LANGS } from "./code-view/index.js";
import { ACCESS_TEXTS, NOT_FOUND_DETAIL, isMetadataNotFound, stripBom } from "./detect.js";
import { children, classesOf, descendants, proseText, textOf, type HTMLElement } from "./html-dom.js";
import { collect, type Pieces } from "./html-collect.js";
import { readAuth, readEnumTable, readParamsTable, readRoutes } from "./html-tables.js";

export { cellsOf, descendants, textOf } from "./html-dom.js";

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
