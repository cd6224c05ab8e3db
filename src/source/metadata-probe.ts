// --url with --from auto|metadata: one request for {base}/types/metadata (spec §9), under every
// crawl guard (same origin, size cap, timeout, secrets kept out of messages), before any page.
// Served and a MetadataTypes document -> the model is built from it; anything else -> the reason,
// so the caller can crawl the pages instead (auto) or fail (metadata).
import { isErrorCode, type ErrorCode } from "../diagnostics.js";
import type { MetadataDocument } from "../model/types.js";
import { detectPage, describePage } from "../parse/detect.js";
import { parseMetadataDocument } from "../parse/metadata-json/document.js";
import { isOpPageUrl } from "./crawl.js";
import { SourceError } from "./errors.js";
import { fetchText, type HttpOptions } from "./http.js";
import { displayUrl } from "./redact.js";

export type ProbeResult =
  | { served: true; url: string; document: MetadataDocument }
  | { served: false; url: string; code: ErrorCode; reason: string };

/** `{base}/types/metadata` for a base URL, a /metadata or /{fmt}/metadata URL, or the JSON URL itself (query kept); undefined for one op page. */
export function typesMetadataUrl(given: string): URL | undefined {
  const url = new URL(given);
  if (isOpPageUrl(url)) return undefined;
  // the query stays, as on the pages' URLs: it may carry what the server wants (?apikey=); messages redact it
  url.hash = "";
  const path = url.pathname.replace(/\/+$/, "");
  if (/\/types\/metadata$/i.test(path)) return url;
  const base = path.replace(/(\/(json|xml|jsv|csv|jsonl))?\/metadata$/i, "");
  url.pathname = `${base}/types/metadata`;
  return url;
}

export async function probeTypesMetadata(target: URL, http: Omit<HttpOptions, "allowedOrigin">): Promise<ProbeResult> {
  const shown = displayUrl(target);
  let fetched;
  try {
    fetched = await fetchText(target.href, {
      ...http,
      // one request: a missing endpoint is an answer, and the pages get their own retries
      retries: 0,
      // the endpoint answers HTML to browsers; ask for the JSON (an explicit --header accept still wins)
      headers: { accept: "application/json", ...http.headers },
      allowedOrigin: target.origin,
    });
  } catch (error) {
    if (error instanceof SourceError) return { served: false, url: shown, code: error.code, reason: error.detail };
    throw error;
  }
  const kind = detectPage(fetched.text);
  if (kind !== "types-json") {
    return { served: false, url: shown, code: "E_NOT_METADATA", reason: `the answer is not a /types/metadata document (found: ${describePage(fetched.text)})` };
  }
  try {
    return { served: true, url: shown, document: parseMetadataDocument(fetched.text, shown) };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const detail = (e.message ?? String(error)).replace(`${shown}: ${e.code ?? ""} `, "");
    return { served: false, url: shown, code: isErrorCode(e.code) ? e.code : "E_METADATA_JSON", reason: detail };
  }
}
