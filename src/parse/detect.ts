// Which parser a piece of input belongs to (spec §1.1, "Detection" column).
// Every check is a bounded scan or a single indexOf over the text, so detection stays linear.

export type PageKind = "html-op" | "html-index" | "text" | "types-json" | "not-metadata";

/** Texts of the pages a server sends when it refuses metadata (spec §1.1 "Failure pages"). */
export const ACCESS_TEXTS: readonly string[] = ["Metadata Not Available", "Metadata Not Visible", "Service Not Available"];

/**
 * ServiceStack's default handler for a refused metadata page (no custom 403 handler) answers 404
 * with this text in debug mode (the refusal text is only the HTTP reason phrase); release mode
 * answers a bare "404".
 */
export const NOT_FOUND_TEXT = "Handler for Request not found";

/** The error detail for a not-found answer to a metadata page. */
export const NOT_FOUND_DETAIL =
  `the server answered "${NOT_FOUND_TEXT}" for a metadata page: metadata pages are disabled or hidden from this client (ServiceStack answers 404 instead of 403), or not served at this path`;

/** Texts of the pages a server sends instead of metadata. */
export const FAILURE_TEXTS: readonly string[] = [...ACCESS_TEXTS, "Could not find operation", NOT_FOUND_TEXT];

/** The not-found text answering a request for a metadata page (a refused or disabled one). */
export function isMetadataNotFound(text: string): boolean {
  const at = text.indexOf(NOT_FOUND_TEXT);
  return at >= 0 && /PathInfo:[^\n]*\/metadata\b|RawUrl:[^\n]*\/metadata\b/.test(text.slice(at, at + 4096));
}

const SAMPLE_INTRO = "The following are sample HTTP requests";

/** Strips a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A character isBinary counts. */
const SUSPECT = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/;

/** NUL bytes or a run of U+FFFD replacement characters (invalid UTF-8) mean the input is not text. */
export function isBinary(text: string): boolean {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  if (head.includes("\u0000")) return true;
  // almost every page has none of them: one native scan instead of a loop over every character
  if (!SUSPECT.test(head)) return false;
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13)) bad++;
  }
  // A few U+FFFD or control characters can be legitimate text; many of them are a binary file.
  return bad > 8 && bad * 50 > head.length;
}

function lower(text: string): string {
  return text.toLowerCase();
}

function hasOperationMarkup(low: string): boolean {
  return (
    /<div\s+class\s*=\s*["']?operation["'\s>]/.test(low) ||
    /<table\s+class\s*=\s*["']?(params|enum)["'\s>]/.test(low)
  );
}

function isHtml(low: string): boolean {
  return low.includes("<html") || low.includes("<table") || low.includes("<body") || low.includes("<!doctype html");
}

function hasFailureText(text: string): boolean {
  return FAILURE_TEXTS.some((t) => t !== NOT_FOUND_TEXT && text.includes(t)) || isMetadataNotFound(text);
}

function looksLikeTypesJson(trimmed: string): boolean {
  if (trimmed[0] !== "{") return false;
  return /"operations"\s*:/i.test(trimmed) && /"types"\s*:/i.test(trimmed);
}

/** Row or heading patterns of the text rendering (§5.1). */
function looksLikeTextRendering(text: string): boolean {
  if (text.includes(SAMPLE_INTRO)) return true;
  if (/^[ \t]*\|[^\n]*\|/m.test(text)) return true;
  // pipe rows without the outer `|` (§5.1), or a params header glued to its caption
  if (/(?:^|Parameters:)[ \t]*Name[ \t]*\|[ \t]*Parameter[ \t]*\|[ \t]*Data Type[ \t]*\|/m.test(text)) return true;
  return /\S Parameters:[ \t]*$/m.test(text) || /^[ \t]*(GET|POST|PUT|PATCH|DELETE|OPTIONS) \S+ HTTP\/1\.1/m.test(text);
}

export function detectPage(input: string): PageKind {
  const text = stripBom(input);
  const trimmed = text.trim();
  if (trimmed === "" || isBinary(text)) return "not-metadata";
  if (looksLikeTypesJson(trimmed)) return "types-json";
  const low = lower(text);
  if (isHtml(low)) {
    if (hasOperationMarkup(low)) return "html-op";
    // Failure pages go to the op parser, which turns them into E_ACCESS / E_UNKNOWN_OP.
    if (hasFailureText(text)) return "html-op";
    if (/href\s*=\s*["']?[^"'>]*[?&]op=/.test(low)) return "html-index";
    if (low.includes(lower(SAMPLE_INTRO)) || /<div\s+class\s*=\s*["']?(request|response)["'\s>]/.test(low)) return "html-op";
    return "not-metadata";
  }
  if (looksLikeTextRendering(text)) return "text";
  if (hasFailureText(text)) return "html-op";
  return "not-metadata";
}

/** A short human reason why detectPage said "not-metadata". */
export function describeNotMetadata(input: string): string {
  const text = stripBom(input);
  if (text.trim() === "") return text.length === 0 ? "empty file" : "file contains only whitespace";
  if (isBinary(text)) return "binary data, not a text page";
  const low = lower(text);
  if (isHtml(low)) {
    if (low.includes("<table")) return "HTML page without ServiceStack metadata tables";
    return "HTML page without ServiceStack metadata tables or sample requests";
  }
  const first = text.trimStart()[0];
  if (first === "{" || first === "[") return "JSON that is not a /types/metadata document (no operations and types)";
  return "text without metadata tables, parameter lines or sample requests";
}

/** What a page is, in words, for messages that say it is not the kind expected. */
export function describePage(input: string): string {
  switch (detectPage(input)) {
    case "html-op":
      return "an operation page";
    case "html-index":
      return "a /metadata index page";
    case "text":
      return "a metadata page in text form";
    case "types-json":
      return "a /types/metadata JSON document";
    case "not-metadata":
      return describeNotMetadata(input);
  }
}
