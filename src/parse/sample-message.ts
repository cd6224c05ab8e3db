// Splits the sample HTTP messages of an op page (spec §2.8, §5.2 rule 4) into start line, headers
// and body. Shared by the HTML parser (<pre> text content) and the text parser. Never throws and
// stays linear: text renderings may collapse a whole message onto one line of any length.
import type { RawSample } from "../model/types.js";
import { parseSampleBody } from "./samples/index.js";

const VERBS = "GET|POST|PUT|PATCH|DELETE|OPTIONS";
/** Anchored at a line start; `\S+` is followed by a space, so it backtracks once over one token. */
const REQUEST_LINE = new RegExp(`^(${VERBS}) (\\S+) HTTP\\/1\\.1(?=\\s|$)`);
const STATUS_LINE = /^HTTP\/1\.1 (\d{3})(?=\s|$)/;
const RESPONSE_MARK = "HTTP/1.1 200 OK";
/** A header name at a token start: `Content-Type:` followed by a blank or the end. */
const HEADER_NAME = /[A-Za-z][A-Za-z0-9-]*:(?=[ \t\r\n]|$)/y;

export interface SampleZone {
  request?: string;
  response?: string;
}

/**
 * Cuts the sample zone of a page into the request and response messages: the request starts at
 * the first line `VERB url HTTP/1.1`, the response at the first `HTTP/1.1 200 OK` after it (a line
 * start first, else anywhere, because collapsed renderings run the response into the request body).
 */
export function splitSampleZone(text: string): SampleZone {
  let reqStart = -1;
  let reqLineEnd = -1;
  for (let pos = 0; pos < text.length; ) {
    let eol = text.indexOf("\n", pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    const indent = line.length - line.trimStart().length;
    const m = REQUEST_LINE.exec(line.slice(indent));
    if (m) {
      reqStart = pos;
      reqLineEnd = pos + indent + m[0].length;
      break;
    }
    pos = eol + 1;
  }
  const searchFrom = reqStart >= 0 ? Math.min(reqLineEnd, text.length) : 0;
  let respStart = -1;
  for (let at = text.indexOf(RESPONSE_MARK, searchFrom); at >= 0; at = text.indexOf(RESPONSE_MARK, at + 1)) {
    if (at === 0 || text[at - 1] === "\n") {
      respStart = at;
      break;
    }
  }
  // collapsed renderings run the response into the request body: take the mark anywhere
  if (respStart < 0) respStart = text.indexOf(RESPONSE_MARK, searchFrom);
  const zone: SampleZone = {};
  if (reqStart >= 0) zone.request = text.slice(reqStart, respStart > reqStart ? respStart : text.length);
  if (respStart >= 0) zone.response = text.slice(respStart);
  return zone;
}

/**
 * One sample message. `kind` says which start line to expect; a missing start line leaves
 * verb/url/status unset and reads the text as headers and body.
 */
export function parseSampleMessage(text: string, kind: "request" | "response"): RawSample {
  const src = text.replace(/\r\n?/g, "\n");
  let pos = 0;
  while (pos < src.length && /\s/.test(src[pos]!)) pos++;
  const sample: Omit<RawSample, "parsed"> = { headers: {} };

  let eol = src.indexOf("\n", pos);
  if (eol < 0) eol = src.length;
  const firstLine = src.slice(pos, eol);
  if (kind === "request") {
    const m = REQUEST_LINE.exec(firstLine);
    if (m) {
      sample.verb = m[1]!;
      sample.url = m[2]!;
      pos += m[0].length;
    }
  } else {
    const m = STATUS_LINE.exec(firstLine);
    if (m) {
      sample.status = Number(m[1]);
      pos += m[0].length;
      // reason phrase: words up to the line end or the first header name
      pos = skipReason(src, pos, eol);
    }
  }
  const startLineSeen = sample.verb !== undefined || sample.status !== undefined;

  // Headers: `Name: value` items, one per line or run together on one line.
  let lastHeader: string | undefined;
  let headersEnded = false;
  let cutInHeader = false;
  // the current line's end, found once per line (indexOf per header would be quadratic on a collapsed line)
  let lineEndCache = -1;
  const lineEndAt = (p: number): number => {
    if (p > lineEndCache || lineEndCache < 0) {
      const e = src.indexOf("\n", p);
      lineEndCache = e < 0 ? src.length : e;
    }
    return lineEndCache;
  };
  let sawHeaderTerminator = false;
  for (;;) {
    while (pos < src.length && (src[pos] === " " || src[pos] === "\t")) pos++;
    if (pos >= src.length) break;
    if (src[pos] === "\n") {
      pos++;
      const next = src.indexOf("\n", pos);
      const lineEnd = next < 0 ? src.length : next;
      if (src.slice(pos, lineEnd).trim() === "" && next >= 0) {
        // blank line: the headers are over
        pos = next + 1;
        headersEnded = true;
        sawHeaderTerminator = true;
        break;
      }
      continue;
    }
    HEADER_NAME.lastIndex = pos;
    const hm = HEADER_NAME.exec(src);
    if (!hm) {
      // a lone word at the very end is a header cut before its colon; anything else is a body
      // that follows the headers without a blank line
      if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(src.slice(pos, pos + 200).trimEnd()) || pos + 200 < src.length) headersEnded = true;
      else {
        pos = src.length;
        cutInHeader = true;
      }
      break;
    }
    const name = hm[0].slice(0, -1);
    pos = HEADER_NAME.lastIndex;
    while (pos < src.length && (src[pos] === " " || src[pos] === "\t")) pos++;
    const lineEnd = lineEndAt(pos);
    let valueEnd: number;
    if (/^content-length$/i.test(name)) {
      // `length` or digits; whatever follows on the line is the collapsed body
      let e = pos;
      while (e < lineEnd && !/\s/.test(src[e]!)) e++;
      valueEnd = e;
      sample.headers[name] = src.slice(pos, valueEnd);
      pos = valueEnd;
      headersEnded = true;
      sawHeaderTerminator = true;
      lastHeader = name;
      break;
    }
    valueEnd = nextHeaderStart(src, pos, lineEnd);
    sample.headers[name] = src.slice(pos, valueEnd).trim();
    lastHeader = name;
    pos = valueEnd;
  }

  let rest = src.slice(pos).trim();
  // a page cut inside the next message's status line leaves a piece of it after this body
  const lastBreak = Math.max(rest.lastIndexOf("\n"), rest.lastIndexOf(" "));
  const tail = rest.slice(lastBreak + 1);
  const tailLine = rest.slice(rest.lastIndexOf("\n") + 1);
  let cutInNext = false;
  for (const [piece, min] of [[tailLine, 1], [tail, 4]] as const) {
    if (piece && piece.length < rest.length && RESPONSE_MARK.startsWith(piece.trim()) && piece.trim().length >= min) {
      rest = rest.slice(0, rest.length - piece.length).trim();
      cutInNext = true;
      break;
    }
  }
  if (rest) sample.body = rest;
  const hasContentLength = Object.keys(sample.headers).some((h) => h.toLowerCase() === "content-length");

  if (!headersEnded) {
    // The text ended among the headers. Body-less requests (GET, DELETE, OPTIONS) legitimately
    // end there; anything else, or a header cut before its value, was truncated.
    const bodyless = sample.verb === "GET" || sample.verb === "DELETE" || sample.verb === "OPTIONS";
    const lastValue = lastHeader !== undefined ? sample.headers[lastHeader] : undefined;
    if (cutInHeader || !startLineSeen || !bodyless || lastValue === undefined || lastValue === "") sample.truncated = true;
  } else if (cutInNext || (sample.body !== undefined && bodyLooksCut(sample.body))) {
    sample.truncated = true;
  } else if (hasContentLength && sample.body === undefined) {
    // Content-Length is only shown for messages that have a body
    sample.truncated = true;
  } else if (!sawHeaderTerminator && sample.body === undefined) {
    sample.truncated = true;
  }
  return { ...sample, parsed: parseSampleBody(sample.body) };
}

function skipReason(src: string, pos: number, eol: number): number {
  for (;;) {
    while (pos < eol && (src[pos] === " " || src[pos] === "\t")) pos++;
    if (pos >= eol) return pos;
    HEADER_NAME.lastIndex = pos;
    if (HEADER_NAME.test(src) && HEADER_NAME.lastIndex <= eol) return pos;
    while (pos < eol && src[pos] !== " " && src[pos] !== "\t") pos++;
  }
}

/** End of a header value: the line end, or the blank before the next `Name:` on a collapsed line. */
function nextHeaderStart(src: string, pos: number, lineEnd: number): number {
  for (let i = pos; i < lineEnd; i++) {
    if (src[i] !== " " && src[i] !== "\t") continue;
    let j = i;
    while (j < lineEnd && (src[j] === " " || src[j] === "\t")) j++;
    if (j >= lineEnd) return lineEnd;
    HEADER_NAME.lastIndex = j;
    if (HEADER_NAME.test(src) && HEADER_NAME.lastIndex <= lineEnd) return i;
    i = j - 1;
  }
  return lineEnd;
}

/**
 * Whether a body stops before its end: unbalanced JSON/JSV brackets or quotes, or an XML root
 * that is not closed. Raw bodies like `(string)` must end with `)`. One linear pass.
 */
export function bodyLooksCut(body: string): boolean {
  const first = body[0];
  if (first === "<") {
    const m = /^<\??([A-Za-z_][\w.:-]*)/.exec(body);
    if (!m) return true;
    let rootStart = 0;
    if (body.startsWith("<?")) {
      const close = body.indexOf("?>");
      if (close < 0) return true;
      rootStart = body.indexOf("<", close + 2);
      if (rootStart < 0) return true;
    }
    const root = /^<([A-Za-z_][\w.:-]*)/.exec(body.slice(rootStart, rootStart + 300));
    if (!root) return true;
    const trimmed = body.trimEnd();
    if (!trimmed.endsWith(">")) return true;
    if (trimmed.endsWith(`</${root[1]}>`)) return false;
    // a self-closing root: <Name ... />
    const firstClose = body.indexOf(">", rootStart);
    return !(firstClose === trimmed.length - 1 && body[firstClose - 1] === "/");
  }
  if (first === "(") return !body.trimEnd().endsWith(")");
  if (first !== "{" && first !== "[" && first !== '"') return false;
  // JSON strings use \" escapes; JSV strings double the quote, which toggles twice and stays balanced
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return inString || depth > 0;
}
