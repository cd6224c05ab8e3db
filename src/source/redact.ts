// URLs typed by users may carry credentials (https://user:pass@host, ?apikey=...). Every URL that
// reaches a message, a log line, the manifest or a generated header goes through displayUrl.

/** Query keys a metadata page URL legitimately uses; any other value is hidden. */
const PUBLIC_QUERY_KEYS = new Set(["op", "lang", "format"]);

export function displayUrl(url: string | URL): string {
  let u: URL;
  try {
    u = new URL(String(url));
  } catch {
    return "<invalid URL>";
  }
  u.username = "";
  u.password = "";
  u.hash = "";
  const kept = new URLSearchParams();
  for (const [key, value] of u.searchParams) {
    kept.append(key, PUBLIC_QUERY_KEYS.has(key.toLowerCase()) ? value : "***");
  }
  u.search = kept.toString();
  return u.toString();
}

/** Removes any occurrence of the given secrets from a message (header values, tokens). */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("***");
  }
  return out;
}

/**
 * The one terminal-output sanitiser: everything ssgen prints that may hold page or server text
 * (names, descriptions, HTTP reason phrases, paths) passes through here, so no escape sequence
 * (clear screen, retitle the window, OSC 8 links), carriage return, backspace or bidi control
 * reaches the terminal raw. Such characters are shown as `\uXXXX`, which inside a JSON string is
 * the same character, so `inspect --json` stays valid and exact. Newlines and tabs are kept.
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (ch) => "\\u" + ch.codePointAt(0)!.toString(16).padStart(4, "0"));
}

// C0 controls but \t and \n, DEL, C1 controls (0x9b is a one-byte CSI), bidi controls, zero-width
// and other format characters, line/paragraph separators, lone surrogates
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\p{Cf}\p{Cs}]/gu;
