// The one catalogue of ssgen's diagnostic codes (spec §6.4 and the ones ssgen adds). Every stage
// imports its codes from here, so a code is declared once with its meaning, a typo is a type
// error, and the CLI can say what a code means next to its count. E_* stop a page (or the run);
// W_* keep what was recovered. This module imports nothing: any stage may use it.

export const DIAGNOSTIC_CODES = {
  // errors: the page (or input) could not be used
  E_ACCESS: "the server refused the metadata (403, Metadata Not Visible/Available)",
  E_UNKNOWN_OP: "the server does not know the operation (Could not find operation)",
  E_NOT_METADATA: "the input is not a ServiceStack metadata page",
  E_NOT_OP_PAGE: "an index link to an operation serves something else (an index page)",
  E_NO_OP_NAME: "no rule of spec §1.2 gives the operation name",
  E_NO_TYPES: "no tables and no parseable sample body",
  E_NO_OPERATIONS: "the index page or /types/metadata document lists no operations",
  E_METADATA_JSON: "a /types/metadata document is not valid JSON",
  E_FROM: "--from metadata needs a source that can serve /types/metadata (a base URL, not one op page)",
  E_UNSUPPORTED: "an input kind ssgen cannot read yet",
  E_PARSE: "a page could not be understood (a parser bug: please report it)",
  E_INPUT: "an input file or folder is missing or unreadable",
  E_TOO_LARGE: "a page is larger than the size cap",
  E_URL: "a URL is invalid or not HTTP",
  E_ORIGIN: "a request would leave the origin given",
  E_REDIRECT: "too many redirects",
  E_HTTP: "the server answered with an HTTP error status",
  E_TIMEOUT: "no complete response within the timeout",
  E_NETWORK: "the connection failed",
  // warnings: what was recovered is kept
  W_TRUNCATED: "the input ends early; types from the cut part are partial",
  W_SAMPLE_ONLY: "types inferred from sample bodies only (no tables)",
  W_LANG_VARIANT: "a ?lang= code view instead of tables",
  W_CODE_VIEW: "an op's ?lang=typescript code view could not be fetched or read; its tables are read alone",
  W_OP_NAME_FROM_FILE: "operation name taken from the file name",
  W_OP_NAME_GUESSED: "operation name guessed from a route or sample path",
  W_ALIAS_FROM_SAMPLE: "a sample key taken as a property's wire alias",
  W_NAME_INFERRED: "a type name inferred (<Op>Response, <T>Base), not shown by the page",
  W_AMBIGUOUS_WALK: "more than one reading of a page's tables explains it equally well",
  W_UNRESOLVED_TABLE: "a table no reference names",
  W_ENUM_BOUNDARY: "adjacent enum tables with no visible boundary",
  W_GENERIC_UNRELIABLE: "a generic table's argument could not be told for sure",
  W_FLAT_SPLIT: "a flat-text row could not be split for sure",
  W_WIRE_CASE_UNKNOWN: "no sample key shows the JSON casing; camelCase assumed",
  W_SAMPLE_KEY_UNMATCHED: "a sample key matches no property",
  W_UNTYPED: "a sample value gives no type (null, [], {})",
  W_UNKNOWN_TYPE: "a referenced type is not known; typed any or an empty class",
  W_ENUM_WIRE_MISMATCH: "an enum's sample value is not one of its members",
  W_REBASED_LINK: "an index link to another host rebased onto the origin given",
  W_BAD_LINK: "an index link that cannot be used",
  W_TYPE_CONFLICT: "two definitions of one name that cannot be one type; the second is renamed",
  W_READING_FORCED: "a page's own reading of a type was replaced by the one all pages agree on",
  W_BAD_ROW: "a text table row that could not be read; skipped",
  W_MISSING_CELLS: "an HTML table row lacks cells",
  W_AUTH_LABEL: "an authentication row with an unknown label",
  W_METADATA_ENTRY: "a /types/metadata entry without a name or request type; skipped",
} as const satisfies Record<`${"E" | "W"}_${string}`, string>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type ErrorCode = Extract<DiagnosticCode, `E_${string}`>;
export type WarningCode = Extract<DiagnosticCode, `W_${string}`>;

/** What the code means, in one line. */
export function describeCode(code: DiagnosticCode): string {
  return DIAGNOSTIC_CODES[code];
}

/** A value (e.g. the code of a caught error) that is one of the catalogue's error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && value.startsWith("E_") && Object.hasOwn(DIAGNOSTIC_CODES, value);
}

export const isWarning = (code: DiagnosticCode): code is WarningCode => code.startsWith("W_");

/** One finding: codes are the catalogue's; page is the file path or URL it came from. */
export interface Diagnostic {
  code: DiagnosticCode;
  detail: string;
  /** File path or URL of the page the diagnostic came from (set by the builder/merger). */
  page?: string;
}

// ---------------------------------------------------------------------------------------------
// Reporting: warnings grouped by code, so thousands of lines become a readable summary.

/** A page as a person names it: the op of a `?op=` URL, else the file's or URL path's last segment. */
export function shortPageName(page: string | undefined): string {
  if (!page) return "?";
  const op = /[?&]op=([^&#]+)/i.exec(page);
  if (op) {
    try {
      return decodeURIComponent(op[1]!);
    } catch {
      return op[1]!;
    }
  }
  const path = page.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return path.slice(path.lastIndexOf("/") + 1) || page;
}

export interface FormatOptions {
  /** Every warning, one line each, instead of the first few per code. */
  verbose?: boolean;
  /** Examples shown per code when not verbose. */
  examples?: number;
}

/**
 * Warnings grouped by code (catalogue order), each group headed by its count and meaning, then
 * one line per example: `  <page>: <detail>`. Errors are not warnings and are left out.
 */
export function formatWarnings(diagnostics: readonly Diagnostic[], options: FormatOptions = {}): string[] {
  const groups = new Map<WarningCode, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!isWarning(d.code)) continue;
    const list = groups.get(d.code);
    if (list) list.push(d);
    else groups.set(d.code, [d]);
  }
  const limit = options.verbose ? Infinity : (options.examples ?? 3);
  const lines: string[] = [];
  for (const code of Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]) {
    if (!isWarning(code)) continue;
    const list = groups.get(code);
    if (!list) continue;
    lines.push(`warning ${code} ×${list.length}: ${DIAGNOSTIC_CODES[code]}`);
    const line = (d: Diagnostic) => `  ${d.page ? `${shortPageName(d.page)}: ` : ""}${oneLine(d.detail)}`;
    if (options.verbose) {
      for (const d of list) lines.push(line(d));
      continue;
    }
    // one line per distinct detail: a shared type's warning repeats on every page that shows it
    const alike = new Map<string, Diagnostic[]>();
    for (const d of list) {
      const key = oneLine(d.detail);
      const same = alike.get(key);
      if (same) same.push(d);
      else alike.set(key, [d]);
    }
    let shown = 0;
    for (const same of [...alike.values()].slice(0, limit)) {
      const others = new Set(same.map((d) => d.page)).size - 1;
      const also = others > 0 ? ` (and ${others} other page${others === 1 ? "" : "s"})` : same.length > 1 ? ` (×${same.length})` : "";
      lines.push(line(same[0]!) + also);
      shown += same.length;
    }
    if (list.length > shown) lines.push(`  … ${list.length - shown} more (--verbose lists all)`);
  }
  return lines;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? flat.slice(0, 199) + "…" : flat;
}
