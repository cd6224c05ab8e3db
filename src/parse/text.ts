// The text rendering of an op page (spec §1.1 input C, §5): pipe, flat, sample-only and ?lang=
// layouts. Reads facts only; names and roles of the anonymous tables are decided in model/.
// Every failure is a PageError; everything else is a warning on the page. Linear in the input.
import {
  PageError,
  type Diagnostic,
  type RawPage,
  type RawSample,
} from "../model/types.js";
import { parseSampleMessage, splitSampleZone } from "./sample-message.js";
import { splitPipeCells } from "./text-cells.js";
import { sampleValuesByKey } from "./text-flat-enum.js";
import { FLAT_PARAMS_HEADER, LANG_NAV, looksFlat, parseFlatZone, type FlatResult, type TextLine } from "./text-flat.js";
import { isBinary } from "./detect.js";
import { guessLang, parseCodeView, READ_LANGS } from "./code-view/index.js";
import { classify, firstPipeRun, parsePipeZone } from "./text-pipe.js";

const SAMPLE_INTRO = "The following are sample HTTP";
const CALL_INFO = "To override the Content-type";
const REQUEST_START = /^(?:GET|POST|PUT|PATCH|DELETE|OPTIONS) \S+ HTTP\/1\.1(?=\s|$)/;
const RESPONSE_START = "HTTP/1.1 200 OK";
/** Header lines of the code a ?lang= page shows instead of tables (`/* Options:`, `(* Options:`, …). */
const CODE_OPTIONS = /^(?:\/\*|\(\*|"""|'|#|\/\/|<\?php.*)?\s*Options:\s*$/;
const TYPES_LINK = /\/types\/([a-z]+)\?IncludeTypes=/;

export function parseTextPage(text: string, source: string): RawPage {
  try {
    return parse(text, source);
  } catch (e) {
    if (e instanceof PageError) throw e;
    // A bug must still name the page instead of escaping as an anonymous exception.
    throw new PageError("E_NOT_METADATA", source, `text page could not be read: ${(e as Error)?.message ?? String(e)}`);
  }
}

interface UrlFacts {
  url: string;
  host?: string;
  format?: string;
  opName?: string;
  lang?: string;
}

function readUrlLine(line: string): UrlFacts | undefined {
  const t = line.trim();
  if (!/^https?:\/\/\S+$/i.test(t) || t.length > 8192) return undefined;
  let u: URL;
  try {
    u = new URL(t);
  } catch {
    return undefined;
  }
  const facts: UrlFacts = { url: t, host: u.host };
  const fmt = /\/([A-Za-z0-9-]+)\/metadata\/?$/.exec(u.pathname);
  if (fmt) facts.format = fmt[1]!.toLowerCase();
  for (const [k, v] of u.searchParams) {
    const key = k.toLowerCase();
    if (key === "op" && v) facts.opName = v;
    else if (key === "lang" && v) facts.lang = v.toLowerCase();
    else if (key === "format" && v && !facts.format) facts.format = v.toLowerCase();
  }
  return facts;
}

const CONTENT_TYPE_FORMATS: Record<string, string> = {
  "application/json": "json",
  "application/xml": "xml",
  "text/xml": "xml",
  "text/jsv": "jsv",
  "text/csv": "csv",
  "text/jsonl": "jsonl",
  "application/jsonl": "jsonl",
  "application/x-msgpack": "x-msgpack",
  "application/x-protobuf": "x-protobuf",
};

function formatFromSample(s: RawSample | undefined): string | undefined {
  if (!s) return undefined;
  for (const [k, v] of Object.entries(s.headers)) {
    if (k.toLowerCase() !== "content-type") continue;
    const mime = v.split(";")[0]!.trim().toLowerCase();
    return CONTENT_TYPE_FORMATS[mime];
  }
  return undefined;
}

/** Keys of a sample body, lower case with `_` removed, for the flat row cross-check. */
function sampleKeys(bodies: (string | undefined)[]): Set<string> {
  const keys = new Set<string>();
  const norm = (k: string) => k.toLowerCase().replace(/_/g, "");
  for (const b of bodies) {
    if (!b) continue;
    for (const m of b.matchAll(/"([A-Za-z_][A-Za-z0-9_]{0,200})"\s{0,20}:/g)) keys.add(norm(m[1]!));
    for (const m of b.matchAll(/[{,\n\t]\s{0,20}([A-Za-z_][A-Za-z0-9_]{0,200}):/g)) keys.add(norm(m[1]!));
    for (const m of b.matchAll(/<([A-Za-z_][A-Za-z0-9_]{0,200})>/g)) keys.add(norm(m[1]!));
  }
  return keys;
}

function parse(text: string, source: string): RawPage {
  if (typeof text !== "string") throw new PageError("E_NOT_METADATA", source, "input is not text");
  let src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.trim() === "") throw new PageError("E_NOT_METADATA", source, "the input is empty");
  if (isBinary(src)) throw new PageError("E_NOT_METADATA", source, "the input is binary, not a text rendering");
  src = src.replace(/\r\n?/g, "\n");
  const endsWithNewline = src.endsWith("\n");
  const rawLines = src.split("\n");
  if (endsWithNewline) rawLines.pop();
  const lines: TextLine[] = rawLines.map((t, i) => ({ text: t, no: i + 1 }));

  const diagnostics: Diagnostic[] = [];
  const page: RawPage = {
    source,
    layout: "sample-only",
    tags: [],
    auth: "unknown",
    routes: [],
    tables: [],
    complete: true,
    diagnostics,
  };

  // Optional leading URL line.
  let start = 0;
  while (start < lines.length && lines[start]!.text.trim() === "") start++;
  const urlFacts = start < lines.length ? readUrlLine(lines[start]!.text) : undefined;
  if (urlFacts) {
    start++;
    page.url = urlFacts.url;
    if (urlFacts.host) page.host = urlFacts.host;
    if (urlFacts.opName) page.opName = urlFacts.opName;
    if (urlFacts.lang) page.lang = urlFacts.lang;
  }

  // Zones: tables up to the call-info / sample intro / first sample message.
  let zoneAt = lines.length;
  for (let i = start; i < lines.length; i++) {
    const t = lines[i]!.text.trimStart();
    if (t.startsWith(CALL_INFO) || t.startsWith(SAMPLE_INTRO) || t.startsWith(RESPONSE_START) || REQUEST_START.test(t)) {
      zoneAt = i;
      break;
    }
  }
  let tableLines = lines.slice(start, zoneAt);
  const sampleLines = lines.slice(zoneAt);
  const hasSampleZone = sampleLines.length > 0;

  for (const l of tableLines) {
    if (/<html|<table|<!doctype/i.test(l.text.length > 4096 ? l.text.slice(0, 4096) : l.text)) {
      throw new PageError("E_NOT_METADATA", source, `line ${l.no} is HTML markup; this is not a text rendering`);
    }
  }

  // A page cut inside the tables: the last line may be a partial row.
  let cutInTables = false;
  if (!hasSampleZone) {
    cutInTables = true;
    if (!endsWithNewline && tableLines.length > 0) tableLines = tableLines.slice(0, -1);
  }

  // Samples first: the flat layout cross-checks row splits against sample keys.
  const sampleText = sampleLines.map((l) => l.text).join("\n");
  const zone = splitSampleZone(sampleText);
  if (zone.request !== undefined) page.request = parseSampleMessage(zone.request, "request");
  if (zone.response !== undefined) page.response = parseSampleMessage(zone.response, "response");

  // Format: call-info, else the URL's {fmt}, else the sample Content-Type.
  const callInfo = sampleLines.find((l) => l.text.trimStart().startsWith(CALL_INFO));
  const fmtMatch = callInfo
    ? (/\?format=([A-Za-z0-9_-]+)/.exec(callInfo.text) ?? /the \.([A-Za-z0-9_-]+) suffix/.exec(callInfo.text))
    : null;
  page.format =
    fmtMatch?.[1]?.toLowerCase() ??
    urlFacts?.format ??
    formatFromSample(page.request) ??
    formatFromSample(page.response);
  if (page.format === undefined) delete page.format;

  // ?lang= variant: code replaces the tables. Routes and auth rows before the code still count.
  let codeAt = -1;
  let linkLang: string | undefined;
  for (let i = 0; i < tableLines.length; i++) {
    const t = tableLines[i]!.text.trim();
    if (codeAt < 0 && t.length < 4096 && CODE_OPTIONS.test(t)) codeAt = i;
    const link = t.length < 4096 ? TYPES_LINK.exec(t) : null;
    if (link) {
      linkLang ??= link[1];
      if (codeAt < 0) codeAt = i;
    }
  }
  // A lang= URL over a page that still shows tables is read as a normal page.
  const showsTables = tableLines.some((l) => {
    const t = l.text.trim();
    return untabbed(t) === FLAT_PARAMS_HEADER || t.endsWith(" Parameters:") || (t.includes("|") && t.length < 200 && classify(splitPipeCells(t)) === "params-header");
  });
  // current pages print no Options header (the code is generated without it) and the link lost
  // its URL: the code starts after the language nav, else at its first declaration
  if (!showsTables && (codeAt < 0 || !CODE_OPTIONS.test(tableLines[codeAt]!.text.trim()))) {
    const start = codeStart(tableLines, page.lang !== undefined || codeAt >= 0);
    if (start >= 0 && (codeAt < 0 || start < codeAt)) codeAt = start;
  }
  const isLang = codeAt >= 0 || (page.lang !== undefined && !showsTables);
  if (!isLang && page.lang !== undefined && showsTables) delete page.lang;
  let recognized = hasSampleZone || isLang;

  if (isLang) {
    page.lang ??= linkLang;
    const codeLines = codeAt >= 0 ? tableLines.slice(codeAt, codeAt + 200) : [];
    for (const l of codeLines) {
      const m = /IncludeTypes:\s*([A-Za-z_][A-Za-z0-9_]*)\.\*/.exec(l.text.length < 4096 ? l.text : "");
      if (m) {
        // the exact casing of the op name, which ?op= may not have
        if (!page.opName || page.opName.toLowerCase() === m[1]!.toLowerCase()) page.opName = m[1]!;
        break;
      }
    }
    if (codeAt >= 0 && looksFlat(tableLines.slice(0, codeAt))) {
      // flat renderings keep headings, auth and route lines above the code
      const flat = parseFlatZone(tableLines.slice(0, codeAt), page.opName, { keys: new Set(), ...pathOf(page) });
      applyFlatHeadings(page, flat);
    } else {
      const before = codeAt >= 0 ? tableLines.slice(0, codeAt) : firstPipeRun(tableLines);
      const pipe = parsePipeZone(before, true);
      page.routes = pipe.routes;
      page.auth = pipe.auth ?? "unknown";
      diagnostics.push(...pipe.diagnostics);
    }
    const codeText = codeAt >= 0 ? tableLines.slice(codeAt).map((l) => l.text).join("\n") : "";
    page.lang ??= guessLang(codeText);
    const code = page.lang ? parseCodeView(page.lang, codeText) : undefined;
    if (code) {
      page.code = code;
      if (!page.opName && code.request) page.opName = code.request;
    } else {
      diagnostics.push({
        code: "W_LANG_VARIANT",
        detail: `lang=${page.lang ?? "unknown"}: the page shows code instead of tables; ${
          page.lang && READ_LANGS.has(page.lang) ? "no declaration was found in it" : "the code is not read for this language"
        }`,
      });
    }
    page.layout = "sample-only";
  } else if (looksFlat(tableLines)) {
    recognized = true;
    const keys = sampleKeys([page.request?.body, page.response?.body]);
    const values = sampleValuesByKey([page.request?.parsed.value, page.response?.parsed.value]);
    const flat = parseFlatZone(tableLines, page.opName, { keys, values, ...pathOf(page) });
    applyFlatHeadings(page, flat);
    page.tables = flat.tables;
    diagnostics.push(...flat.diagnostics);
    page.layout = "text-flat";
  } else {
    const pipe = parsePipeZone(tableLines, false);
    recognized ||= pipe.structural;
    page.routes = pipe.routes;
    page.auth = pipe.auth ?? "unknown";
    page.tables = pipe.tables;
    diagnostics.push(...pipe.diagnostics);
    page.layout = "text-pipe";
    // a kept caption on the request table (the one with path/query/body rows) is the op name
    const request = pipe.tables.find((t) => t.kind === "params" && t.rows.some((r) => r.param !== "form"));
    if (!page.opName && request?.caption && /^[A-Za-z_][A-Za-z0-9_]*$/.test(request.caption)) page.opName = request.caption;
  }

  if (!recognized) {
    const head = src.slice(0, 65536);
    if (/Metadata Not Available|Metadata Not Visible|Service Not Available/.test(head)) {
      throw new PageError("E_ACCESS", source, "the server refused the metadata page");
    }
    const unknown = /Could not find operation:?\s*(\S*)/.exec(head);
    if (unknown) throw new PageError("E_UNKNOWN_OP", source, `the server does not know operation ${unknown[1] || "(unnamed)"}`);
    throw new PageError(
      "E_NOT_METADATA",
      source,
      "no metadata tables (| Name | Parameter | ... rows, route rows, '... Parameters:' captions) and no 'The following are sample HTTP requests' block",
    );
  }

  // No params tables (lost, truncated away, or a lang page): the samples are all there is (§6.2).
  if (!page.tables.some((t) => t.kind === "params")) page.layout = "sample-only";

  // Truncation (§6.4): report where the input ended early; the cut table is partial.
  let cutWhere: string | undefined;
  if (cutInTables) {
    const last = page.tables[page.tables.length - 1];
    if (last) last.partial = true;
    const lastNo = lines.length ? lines[lines.length - 1]!.no : 0;
    cutWhere = isLang ? `in the code, line ${lastNo}, before the samples` : `in the tables, line ${lastNo}, before the samples`;
    if (!endsWithNewline && lastNo > 0) cutWhere += "; the incomplete last line was dropped";
  } else if (!page.request) {
    cutWhere = "before the sample request";
  } else if (page.request.truncated) {
    cutWhere = page.request.body === undefined ? "inside the request sample headers" : "inside the request sample body";
  } else if (page.response?.truncated) {
    cutWhere = page.response.body === undefined ? "inside the response sample headers" : "inside the response sample body";
  }
  if (cutWhere) {
    page.complete = false;
    diagnostics.push({ code: "W_TRUNCATED", detail: `input ends ${cutWhere}` });
  }
  return page;
}

/** The first line of a declaration in one of the code views' languages. */
const CODE_LINE =
  /^(?:\/\/ @|\/\*\*|export |\[[A-Z]\w*(?:\(|\])|public |internal |namespace |using |import |"use strict"|@\w+|(?:open |data |abstract )?class |type |enum |struct |package |module |from |Imports |Namespace |<\?php)/;

/** Index of the line where a ?lang= page's code begins, or -1. */
function codeStart(lines: TextLine[], langKnown: boolean): number {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (t.length < 400 && LANG_NAV.test(untabbed(t))) return i + 1;
  }
  if (!langKnown) return -1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (t.length < 4096 && CODE_LINE.test(t)) return i;
  }
  return -1;
}

function untabbed(t: string): string {
  return t.replace(/\t+/g, "");
}

function pathOf(page: RawPage): { path?: string } {
  const path = samplePath(page);
  return path === undefined ? {} : { path };
}

/** Path of the sample request line, unless it is the built-in /{fmt}/reply/{Op} endpoint. */
function samplePath(page: RawPage): string | undefined {
  const url = page.request?.url;
  if (!url || /^\/[\w-]+\/(?:reply|oneway)\//.test(url)) return undefined;
  try {
    return url.startsWith("/") ? url : new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** Flat renderings keep the headings, auth and route lines that pipe renderings lose. */
function applyFlatHeadings(page: RawPage, flat: FlatResult): void {
  if (flat.opName && !page.opName) page.opName = flat.opName;
  if (flat.serviceName) page.serviceName = flat.serviceName;
  page.tags = flat.tags;
  if (flat.description) page.description = flat.description;
  page.auth = flat.auth === undefined ? "unknown" : flat.auth;
  page.routes = flat.routes;
}
