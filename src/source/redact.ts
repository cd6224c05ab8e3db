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
