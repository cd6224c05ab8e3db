// The text rendering of an op page (spec §1.1 input C, §5): pipe, flat, sample-only and ?lang=
// layouts. Reads facts only; names and roles of the anonymous tables are decided in model/.
// Every failure is a PageError; everything else is a warning on the page. Linear in the input.
import {
  PageError,
  type AuthRequirements,
  type Diagnostic,
  type RawEnumTable,
  type RawPage,
  type RawParamsTable,
  type RawRow,
  type RawSample,
  type RawTable,
  type Route,
} from "../model/types.js";
import { parseSampleMessage, splitSampleZone } from "./sample-message.js";
import {
  addAuthCells,
  authField,
  emptyAuth,
  isSepCells,
  isVerbCell,
  parseVerbs,
  splitDescription,
  splitPipeCells,
} from "./text-cells.js";
import { sampleValuesByKey } from "./text-flat-enum.js";
import { clip, FLAT_PARAMS_HEADER, LANG_NAV, looksFlat, parseFlatZone, type FlatResult, type TextLine } from "./text-flat.js";
import { isBinary } from "./detect.js";
import { guessLang, parseCodeView, READ_LANGS } from "./code-view/index.js";

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

/** Without an Options header, the lang page's rows are the leading run of pipe lines. */
/** Flat renderings keep the headings, auth and route lines that pipe renderings lose. */
function applyFlatHeadings(page: RawPage, flat: FlatResult): void {
  if (flat.opName && !page.opName) page.opName = flat.opName;
  if (flat.serviceName) page.serviceName = flat.serviceName;
  page.tags = flat.tags;
  if (flat.description) page.description = flat.description;
  page.auth = flat.auth === undefined ? "unknown" : flat.auth;
  page.routes = flat.routes;
}

function firstPipeRun(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const l of lines) {
    const t = l.text.trim();
    if (t === "") continue;
    if (!t.includes("|")) break;
    out.push(l);
  }
  return out;
}

interface PipeResult {
  routes: Route[];
  auth?: AuthRequirements;
  tables: RawTable[];
  diagnostics: Diagnostic[];
  /** Saw a line only a metadata page has (params/enum header, route or auth row). */
  structural: boolean;
}

type LineClass = "sep" | "params-header" | "enum-header" | "route" | "auth" | "row";

function classify(cells: string[]): LineClass {
  if (isSepCells(cells)) return "sep";
  if (
    cells.length === 5 &&
    cells[0] === "Name" &&
    cells[1] === "Parameter" &&
    cells[2] === "Data Type" &&
    cells[3] === "Required" &&
    cells[4] === "Description"
  ) {
    return "params-header";
  }
  if ((cells.length === 2 || (cells.length === 3 && cells[2] === "")) && cells[0] === "Name" && cells[1] === "Value") {
    return "enum-header";
  }
  if (cells.length >= 2 && cells[1]!.startsWith("/") && isVerbCell(cells[0]!)) return "route";
  if (cells[0]!.startsWith("Require") && cells[0]!.endsWith(":")) return "auth";
  return "row";
}

/**
 * The pipe layout's table zone (§5.2 rules 2-3). `routesOnly` (lang pages) keeps route and auth
 * rows and ignores everything else.
 */
function parsePipeZone(lines: TextLine[], routesOnly: boolean): PipeResult {
  const res: PipeResult = { routes: [], tables: [], diagnostics: [], structural: false };
  type Open =
    | { kind: "params"; table: RawParamsTable }
    | { kind: "valued"; table: RawEnumTable }
    | { kind: "plain"; table: RawEnumTable; rows: string[][] };
  let open: Open | undefined;

  const close = () => {
    if (open?.kind === "plain") checkPlainBoundary(open.table, open.rows, res.diagnostics);
    open = undefined;
  };
  const bad = (no: number, why: string) => res.diagnostics.push({ code: "W_BAD_ROW", detail: `line ${no}: ${why}; row skipped` });

  let caption: string | undefined;
  // a description cell broken over several lines (Allowable Values as bullets, §5.1)
  let cont: { row: RawRow; text: string; open: boolean } | undefined;
  for (const { text, no } of lines) {
    let t = text.trim();
    if (t === "") continue;
    // a caption kept by the renderer, maybe glued to the row that follows it (§5.1)
    const glued = gluedCaption(t);
    if (glued) {
      if (glued.caption !== undefined) {
        close();
        cont = undefined;
        caption = glued.caption;
      }
      if (glued.routes) res.structural = true;
      t = glued.rest;
      if (t === "") continue;
    }
    if (open?.kind === "params" && cont && isContinuation(t, cont.open)) {
      const piece = cont.open && t.endsWith("|") ? t.slice(0, -1) : t;
      cont.text = `${cont.text}\n${piece.trim()}`;
      if (cont.open && t.endsWith("|")) cont.open = false;
      delete cont.row.description;
      delete cont.row.allowableValues;
      delete cont.row.range;
      Object.assign(cont.row, splitDescription(cont.text));
      continue;
    }
    cont = undefined;
    if (open?.kind === "plain" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t)) {
      // the last row of a plain enum printed without cell separators: the member alone
      open.table.members.push({ name: t });
      close();
      continue;
    }
    if (!t.includes("|")) {
      // headings or stray text separate tables
      close();
      caption = undefined;
      continue;
    }
    const cells = splitPipeCells(t);
    if (cells.length === 1 && cells[0] === "Requires Authentication") {
      // the auth caption, when a renderer kept it as a row: authentication without role lists
      close();
      res.structural = true;
      res.auth ??= emptyAuth();
      continue;
    }
    const cls = classify(cells);
    switch (cls) {
      case "sep":
        continue;
      case "route": {
        close();
        res.structural = true;
        const route: Route = { verbs: parseVerbs(cells[0]!), path: cells[1]! };
        if (cells[2]) route.summary = cells[2];
        if (cells[3]) route.notes = cells[3];
        res.routes.push(route);
        continue;
      }
      case "auth": {
        close();
        const field = authField(cells[0]!);
        if (!field) {
          res.diagnostics.push({ code: "W_BAD_ROW", detail: `line ${no}: unknown auth label "${clip(cells[0]!)}"; row skipped` });
          continue;
        }
        res.structural = true;
        res.auth ??= emptyAuth();
        for (const label of addAuthCells(res.auth, cells)) {
          res.diagnostics.push({ code: "W_BAD_ROW", detail: `line ${no}: unknown auth label "${clip(label)}"` });
        }
        continue;
      }
    }
    if (routesOnly) continue;
    if (cls === "params-header") {
      close();
      res.structural = true;
      const table: RawParamsTable = { kind: "params", rows: [] };
      if (caption !== undefined) table.caption = caption;
      caption = undefined;
      res.tables.push(table);
      open = { kind: "params", table };
      continue;
    }
    if (cls === "enum-header") {
      close();
      res.structural = true;
      const table: RawEnumTable = { kind: "enum", valued: true, members: [] };
      if (caption !== undefined) table.caption = caption;
      caption = undefined;
      res.tables.push(table);
      open = { kind: "valued", table };
      continue;
    }
    // cls === "row"
    const n = cells.length;
    if (open?.kind === "params") {
      if (n >= 4) {
        const row = readParamsRow(cells, no, res.diagnostics);
        if (row) {
          open.table.rows.push(row);
          // a row line that starts with `|` but does not end with one leaves its last cell open
          cont = { row, text: rowDescriptionText(cells), open: t.startsWith("|") && !t.endsWith("|") };
        }
        continue;
      }
      if (n === 3) {
        bad(no, `params row has 3 cells, expected 4-5 (Name | Parameter | Data Type | Required | Description)`);
        continue;
      }
      close();
    } else if (open?.kind === "valued") {
      if ((n === 2 || n === 3) && cells[1] !== "") {
        const member = { name: cells[0]!, value: cells[1]!, ...(cells[2] ? { description: cells[2] } : {}) };
        open.table.members.push(member);
        // the trimmed last row (no description cell) ends the table
        if (n === 2) close();
        continue;
      }
      close();
    }
    if (n >= 3) {
      bad(no, `${n}-cell row outside a params or valued enum table`);
      continue;
    }
    if (cells[0] === "") {
      bad(no, "enum row without a member name");
      continue;
    }
    if (open?.kind !== "plain") {
      close();
      const table: RawEnumTable = { kind: "enum", valued: false, members: [] };
      if (caption !== undefined) table.caption = caption;
      caption = undefined;
      res.tables.push(table);
      open = { kind: "plain", table, rows: [] };
    }
    open.table.members.push({ name: cells[0]!, ...(cells[1] ? { description: cells[1] } : {}) });
    open.rows.push(cells);
    // a 1-cell row is a table's trimmed last row: the next row starts another table
    if (n === 1) close();
  }
  close();
  return res;
}

const ROUTES_CAPTION = "The following routes are available for this service:";
/** `Order Parameters:`, `Title Enum:` with the caption's type name (display grammar, no cell separator). */
const CAPTION = /^([A-Za-z_][A-Za-z0-9_.]*(?:\s*<[A-Za-z0-9_.,<>\s[\]?]*>)?) (Parameters|Enum):\s*/;

/** A caption or the routes caption at the start of a line, and the row glued after it. */
function gluedCaption(line: string): { caption?: string; routes?: boolean; rest: string } | undefined {
  if (line.startsWith(ROUTES_CAPTION)) return { routes: true, rest: line.slice(ROUTES_CAPTION.length).trim() };
  if (line.length > 400) return undefined;
  const m = CAPTION.exec(line);
  if (!m) return undefined;
  return { caption: m[1]!.replace(/\s+/g, ""), rest: line.slice(m[0].length).trim() };
}

const BULLET = /^(?:[*\u2022\u00b7-]\s|Allowable Values\b|Valid Range:)/;

/** A line that continues the previous row's description cell rather than starting a row. */
function isContinuation(line: string, cellOpen: boolean): boolean {
  // a line that is itself a row (or a header or separator) starts anew, even after an open cell
  if (line.startsWith("|") && splitPipeCells(line).length >= 4) return false;
  if (isSepCells(splitPipeCells(line))) return false;
  if (cellOpen) return true;
  return BULLET.test(line) && splitPipeCells(line).length < 3;
}

/** The raw Description text of a params row's cells (everything from cell 5 on). */
function rowDescriptionText(cells: string[]): string {
  let last = cells.length;
  while (last > 5 && cells[last - 1] === "") last--;
  return last > 5 ? cells.slice(4, last).join(" | ") : (cells[4] ?? "");
}

/** Rows with a description keep both cells even when last, hiding where adjacent plain enums split. */
function checkPlainBoundary(table: RawEnumTable, rows: string[][], diagnostics: Diagnostic[]): void {
  if (rows.slice(0, -1).some((r) => (r[1] ?? "") !== "")) {
    diagnostics.push({
      code: "W_ENUM_BOUNDARY",
      detail: `plain enum table starting with ${table.members[0]?.name ?? "?"}: described rows hide any boundary between adjacent enum tables`,
    });
  }
}

function readParamsRow(cells: string[], no: number, diagnostics: Diagnostic[]) {
  const [name, param, type, required] = cells as [string, string, string, string];
  if (!name || !param || !type) {
    diagnostics.push({ code: "W_BAD_ROW", detail: `line ${no}: params row with an empty Name, Parameter or Data Type cell; row skipped` });
    return undefined;
  }
  const req = required.toLowerCase();
  if (req !== "yes" && req !== "no") {
    diagnostics.push({ code: "W_BAD_ROW", detail: `line ${no}: Required cell "${clip(required)}" is not Yes or No; read as No` });
  }
  let last = cells.length;
  while (last > 5 && cells[last - 1] === "") last--;
  const description = last > 5 ? cells.slice(4, last).join(" | ") : cells[4];
  return { name, param, type, required: req === "yes", ...splitDescription(description) };
}
