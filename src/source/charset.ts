// A page's bytes to text, in the encoding the page declares (the order browsers use, WHATWG
// Encoding §"decode" and HTML's encoding sniffing): a byte order mark, then the HTTP Content-Type
// charset, then a <meta charset> or <meta http-equiv="Content-Type"> in the first 1024 bytes, then
// UTF-8 — unless the bytes are not valid UTF-8, when they are windows-1252 (a saved Latin-1 page).
// TextDecoder knows every label the Encoding standard defines (iso-8859-1 is windows-1252 there).

/** The first bytes a prescan reads for a <meta> charset (HTML §13.2.3.2). */
const PRESCAN_BYTES = 1024;

export interface DecodedPage {
  text: string;
  /** The encoding used, as TextDecoder names it ("utf-8", "windows-1252", "utf-16le"). */
  encoding: string;
}

export function decodePage(bytes: Uint8Array, contentType?: string | null): DecodedPage {
  const bom = bomEncoding(bytes);
  if (bom) return decode(bytes, bom);
  const declared = labelOf(charsetParam(contentType)) ?? utf16WithoutBom(bytes) ?? labelOf(metaCharset(bytes));
  if (declared) return decode(bytes, declared);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return decode(bytes, "windows-1252");
  }
}

function decode(bytes: Uint8Array, encoding: string): DecodedPage {
  // TextDecoder strips the BOM of the encoding it decodes
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return undefined;
}

/** UTF-16 text without a BOM starts with an ASCII character next to a zero byte: `<\0` or `\0<`. */
function utf16WithoutBom(b: Uint8Array): string | undefined {
  if (b.length < 4) return undefined;
  if (b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) return "utf-16le";
  if (b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) return "utf-16be";
  return undefined;
}

/** A label TextDecoder accepts, in its canonical name; undefined for none or an unknown one. */
function labelOf(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

export function charsetParam(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m?.[2];
}

/** `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\scharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag);
    if (direct) return utf16AsUtf8(direct[1]!);
    const content = /\scontent\s*=\s*(["'])([^"']*)\1/i.exec(tag);
    const fromContent = content ? charsetParam(content[2]) : undefined;
    if (fromContent && /http-equiv\s*=\s*["']?content-type/i.test(tag)) return utf16AsUtf8(fromContent);
  }
  return undefined;
}

/** HTML §13.2.3.2: a <meta> found by an ASCII prescan that names UTF-16 means UTF-8. */
function utf16AsUtf8(label: string): string {
  return /^utf-?16/i.test(label.trim()) ? "utf-8" : label;
}
