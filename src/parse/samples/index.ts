// Sample request/response bodies (spec §2.8, §6.1, §6.3, §6.4) -> SampleNode trees.
// Pages can be cut anywhere, so every reader here is tolerant: it keeps what was complete, closes
// open containers, marks the result truncated, and never throws. All readers are single-pass over
// the input; nesting deeper than MAX_DEPTH stops the read (reported as truncation) so that neither
// the readers nor the code walking their trees can exhaust the stack.
import type { SampleBody } from "../../model/types.js";
import { parseCsv } from "./csv.js";
import { JsonReader, jsonBody } from "./json.js";
import { parseJsv } from "./jsv.js";
import { skipWs } from "./shared.js";
import { parseXml } from "./xml.js";

export { MAX_DEPTH } from "./shared.js";

export function parseSampleBody(body: string | undefined): SampleBody {
  const text = (body ?? "").replace(/^\uFEFF/, "");
  const start = skipWs(text, 0);
  if (start >= text.length) return { syntax: "empty", truncated: false };
  const first = text[start];
  if (first === "<") return parseXml(text, start);
  if (first === "(") return parseRaw(text, start);
  if (first === "{" || first === "[") {
    const json = new JsonReader(text, start).read();
    // Valid JSON, or valid so far and then cut: JSON.
    if (json.strict || !json.error) return jsonBody(json);
    // Not JSON. A whole JSV body (`["a,b",c]` also starts with a quote) is JSV; otherwise a quoted
    // first key says JSON that went wrong, anything else JSV.
    const jsv = parseJsv(text, start);
    if (!jsv.truncated || !firstKeyQuoted(text, start)) return jsv;
    return jsonBody(json);
  }
  // A bare scalar body ("String", 0, false) is JSON when it parses as JSON, else one JSV scalar.
  const json = new JsonReader(text, start).read();
  if (json.strict) return jsonBody(json);
  const csv = parseCsv(text, start);
  if (csv) return csv;
  return parseJsv(text, start);
}

/** `(string)`, `(byte[])`, `(Stream)`: the response is a raw type, shown in parentheses. */
function parseRaw(text: string, start: number): SampleBody {
  const close = text.indexOf(")", start);
  const newline = text.indexOf("\n", start);
  if (close < 0 || (newline >= 0 && newline < close)) return { syntax: "raw", truncated: true };
  const rawType = text.slice(start + 1, close).trim();
  return rawType ? { syntax: "raw", rawType, truncated: false } : { syntax: "raw", truncated: false };
}

/** The body's first object key (past any leading `[`/`{`) or first array scalar starts with `"`. */
function firstKeyQuoted(text: string, start: number): boolean {
  let pos = start;
  for (;;) {
    pos = skipWs(text, pos);
    const c = text[pos];
    if (c === "[" || c === "{") pos++;
    else return c === '"';
  }
}
