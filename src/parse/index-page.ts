// The /metadata index page (spec §3): one row per visible op. Links are data: nothing is followed,
// and links to another origin are rebased onto the index's own origin.
import { parse, HTMLElement, NodeType, type Node } from "node-html-parser";
import { PageError, type Diagnostic, type IndexOperation, type IndexPage } from "../model/types.js";
import { ACCESS_TEXTS, NOT_FOUND_DETAIL, isMetadataNotFound, stripBom } from "./detect.js";
import { cellsOf, descendants, textOf } from "./html.js";

const PARSE_OPTIONS = {
  comment: false,
  blockTextElements: { script: true, noscript: true, style: true },
  parseNoneClosedTags: true,
};

function tag(el: HTMLElement): string {
  return el.rawTagName ? el.rawTagName.toLowerCase() : "";
}

function opParam(href: string): string | undefined {
  const m = /[?&]op=([^&#]*)/i.exec(href);
  if (!m || !m[1]) return undefined;
  try {
    return decodeURIComponent(m[1].replace(/\+/g, " ")).trim() || undefined;
  } catch {
    return m[1];
  }
}

/** The last non-empty text node under the element (the op name on servers without `op=` links). */
function lastText(el: HTMLElement): string | undefined {
  const stack: Node[] = [el];
  while (stack.length) {
    // Reverse pre-order: the first non-empty text node met is the document's last one.
    const n = stack.pop()!;
    if (n.nodeType === NodeType.TEXT_NODE) {
      const t = n.text.trim();
      if (t) return t;
    } else if (n.nodeType === NodeType.ELEMENT_NODE) for (const c of n.childNodes) stack.push(c);
  }
  return undefined;
}

function baseOf(indexUrl: URL): string {
  const path = indexUrl.pathname.replace(/\/+$/, "").replace(/\/metadata$/i, "");
  return indexUrl.origin + path;
}

const SOAP = /^soap1[12]$/;

const OP_NAME = /^[A-Za-z_][A-Za-z0-9_.`]*$/;

export function parseIndexPage(html: string, indexUrl: string, source: string = indexUrl): IndexPage {
  let index: URL;
  try {
    index = new URL(indexUrl);
  } catch {
    throw new PageError("E_NOT_METADATA", source, `index URL "${indexUrl}" is not an absolute URL`);
  }
  const root = parse(stripBom(html), PARSE_OPTIONS);
  const diagnostics: Diagnostic[] = [];
  const operations: IndexOperation[] = [];
  const seen = new Set<string>();

  for (const tr of descendants(root, "tr")) {
    const cells = cellsOf(tr);
    const th = cells[0];
    if (!th || tag(th) !== "th") continue;
    const links = descendants(tr, "a").map((a) => ({ a, href: a.getAttribute("href") ?? "" }));
    const name = links.map((l) => opParam(l.href)).find((n) => n !== undefined) ?? lastText(th);
    if (!name || !OP_NAME.test(name) || seen.has(name)) continue;

    const formats: string[] = [];
    let formatLinks = 0;
    let pageHref: string | undefined;
    let firstHref: string | undefined;
    let soapHref: string | undefined;
    for (const td of cells.slice(1)) {
      const a = descendants(td, "a")[0];
      const label = textOf(td).trim().toLowerCase();
      if (!a) continue; // a bare <td>JSON</td>: the format is hidden for this op
      const href = a.getAttribute("href") ?? "";
      const fmt = /\/([A-Za-z0-9-]+)\/metadata\b/.exec(href)?.[1]?.toLowerCase() ?? label;
      if (!fmt) continue;
      formatLinks++;
      formats.push(fmt);
      // SOAP pages (.NET Framework hosts) show SOAP envelopes and no route verbs: a last resort.
      if (!SOAP.test(fmt)) firstHref ??= href;
      else soapHref ??= href;
      if (fmt === "json") pageHref ??= href;
    }
    // A row with neither op= links nor format links is not an operation row (headings, plugin lists).
    if (formatLinks === 0 && !links.some((l) => opParam(l.href)) && cells.length < 2) continue;
    seen.add(name);

    const chosen = pageHref ?? firstHref ?? soapHref;
    let pageUrl: string;
    if (chosen) {
      let resolved: URL;
      try {
        resolved = new URL(chosen, index);
      } catch {
        resolved = new URL(`${baseOf(index)}/json/metadata?op=${encodeURIComponent(name)}`);
        diagnostics.push({ code: "W_BAD_LINK", detail: `${name}: unusable link "${chosen}"` });
      }
      if (resolved.origin !== index.origin) {
        // Set the parts rather than parse "path?query": a path starting with "//" would name a host.
        const rebased = new URL(index.origin);
        rebased.pathname = resolved.pathname;
        rebased.search = resolved.search;
        diagnostics.push({ code: "W_REBASED_LINK", detail: `${name}: ${resolved.href} -> ${rebased.href}` });
        resolved = rebased;
      }
      pageUrl = resolved.href;
    } else {
      pageUrl = `${baseOf(index)}/json/metadata?op=${encodeURIComponent(name)}`;
    }

    const tags = (th.getAttribute("data-tags") ?? "").split(",").map((t) => t.trim()).filter(Boolean);
    const requiresAuth = descendants(th, "i").some((i) => (i.getAttribute("class") ?? "").split(/\s+/).includes("auth"));
    operations.push({ name, tags, pageUrl, formats, requiresAuth });
  }

  if (operations.length === 0) {
    const text = textOf(root);
    const failure = ACCESS_TEXTS.find((t) => text.includes(t));
    if (failure) throw new PageError("E_ACCESS", source, `the server refused the metadata index (${failure})`);
    if (isMetadataNotFound(text)) throw new PageError("E_ACCESS", source, NOT_FOUND_DETAIL);
    throw new PageError("E_NOT_METADATA", source, "no operations table with ?op= links on this index page");
  }
  const page: IndexPage = { source, operations, diagnostics };
  const h1 = descendants(root, "h1")[0];
  const serviceName = h1 ? textOf(h1).trim() : "";
  if (serviceName) page.serviceName = serviceName;
  return page;
}
