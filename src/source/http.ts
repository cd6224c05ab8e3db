// Fetching one page: the only place ssgen talks HTTP. Everything a hostile or broken server can do
// (hang, stall mid-body, send 20 MB, redirect elsewhere, rate-limit) ends here in a SourceError
// that names the page, so the crawl can fail the run cleanly instead of hanging or crashing.

import { decodePage } from "./charset.js";
import { SourceError } from "./errors.js";
import { displayUrl } from "./redact.js";

export interface CachedPage {
  etag?: string;
  lastModified?: string;
  body: string;
}

/** Conditional-request cache (see cache.ts); keyed by absolute URL. */
export interface PageCache {
  get(url: string): Promise<CachedPage | undefined>;
  put(url: string, page: CachedPage): Promise<void>;
}

export interface HttpOptions {
  /** Whole request, headers and body, per attempt. */
  timeoutMs: number;
  /** Extra attempts after the first, for network errors, timeouts, 429 and 5xx. */
  retries: number;
  /** The read is aborted beyond this many bytes. */
  maxBytes: number;
  maxRedirects: number;
  /** First backoff step; doubles per attempt, with jitter. */
  backoffMs: number;
  /** A Retry-After longer than this fails the page instead of stalling the run. */
  maxRetryAfterMs: number;
  /** Sent with every request (protected metadata); never logged. */
  headers: Record<string, string>;
  /** The only origin requests may go to: the one the user gave. */
  allowedOrigin: string;
  cache?: PageCache;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_HTTP_OPTIONS: Omit<HttpOptions, "allowedOrigin" | "headers"> = {
  timeoutMs: 30_000,
  retries: 3,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  backoffMs: 250,
  maxRetryAfterMs: 60_000,
};

export interface FetchedText {
  /** URL as requested. */
  url: string;
  /** URL after same-origin redirects. */
  finalUrl: string;
  text: string;
  fromCache: boolean;
  attempts: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function fetchText(url: string, options: HttpOptions): Promise<FetchedText> {
  const shown = displayUrl(url);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await fetchOnce(url, shown, options);
      return { url, ...result, attempts: attempt };
    } catch (caught) {
      const error = toSourceError(caught, shown, options);
      if (!error.retryable) throw error;
      if (attempt > options.retries) {
        const tries = attempt === 1 ? "" : ` (gave up after ${attempt} attempts)`;
        throw new SourceError(error.code, shown, error.detail + tries);
      }
      if (error.retryAfterMs !== undefined && error.retryAfterMs > options.maxRetryAfterMs) {
        throw new SourceError(error.code, shown, `${error.detail}; Retry-After of ${Math.round(error.retryAfterMs / 1000)} s is longer than allowed`);
      }
      await sleep(error.retryAfterMs ?? backoffDelay(attempt, options.backoffMs));
    }
  }
}

/** Exponential backoff with full-range jitter so many parallel retries do not arrive together. */
export function backoffDelay(attempt: number, baseMs: number): number {
  const ceiling = baseMs * 2 ** (attempt - 1);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

class Timeout extends Error {}

async function fetchOnce(
  url: string,
  shown: string,
  options: HttpOptions,
): Promise<{ finalUrl: string; text: string; fromCache: boolean }> {
  let current = parseUrl(url, shown);
  assertOrigin(current, shown, options.allowedOrigin, "request");
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Timeout()), options.timeoutMs);
  try {
    for (let hops = 0; ; hops++) {
      const cached = options.cache ? await options.cache.get(current.href) : undefined;
      const headers: Record<string, string> = {
        accept: "text/html, text/plain;q=0.9, */*;q=0.1",
        ...options.headers,
      };
      if (cached?.etag) headers["if-none-match"] = cached.etag;
      if (cached?.lastModified) headers["if-modified-since"] = cached.lastModified;

      const response = await fetch(current, { headers, redirect: "manual", signal: controller.signal });
      const where = displayUrl(current);

      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        if (!location) throw new SourceError("E_HTTP", where, `HTTP ${response.status} redirect without a Location header`);
        if (hops >= options.maxRedirects) {
          throw new SourceError("E_REDIRECT", shown, `more than ${options.maxRedirects} redirects`);
        }
        const next = parseUrl(new URL(location, current).href, where);
        assertOrigin(next, where, options.allowedOrigin, "redirect");
        current = next;
        continue;
      }
      if (response.status === 304 && cached) {
        await response.body?.cancel().catch(() => undefined);
        return { finalUrl: current.href, text: cached.body, fromCache: true };
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        throw new SourceError(
          "E_HTTP",
          where,
          `HTTP ${response.status}${response.statusText ? " " + response.statusText : ""}`,
          true,
          parseRetryAfter(response.headers.get("retry-after")),
        );
      }
      if (response.status < 200 || response.status > 299) {
        const body = await readCapped(response, Math.min(options.maxBytes, 64 * 1024), where, controller, true);
        throw statusError(response, body, where);
      }
      const declared = Number(response.headers.get("content-length"));
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        controller.abort();
        throw tooLarge(where, options.maxBytes, `declared ${declared} bytes`);
      }
      const text = await readCapped(response, options.maxBytes, where, controller, false);
      if (options.cache) {
        const etag = response.headers.get("etag") ?? undefined;
        const lastModified = response.headers.get("last-modified") ?? undefined;
        if (etag || lastModified) await options.cache.put(current.href, { etag, lastModified, body: text });
      }
      return { finalUrl: current.href, text, fromCache: false };
    }
  } finally {
    clearTimeout(timer);
  }
}

function parseUrl(url: string, shown: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new SourceError("E_URL", shown, "is not a valid absolute URL");
  }
}

function assertOrigin(url: URL, shown: string, allowed: string, what: "request" | "redirect"): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SourceError("E_URL", shown, `${what} to a non-HTTP URL (${url.protocol}) refused`);
  }
  if (url.origin !== allowed) {
    throw new SourceError(
      "E_ORIGIN",
      shown,
      `${what} to another origin (${url.origin}) refused; only ${allowed} is allowed`,
    );
  }
}

function tooLarge(where: string, max: number, why: string): SourceError {
  return new SourceError("E_TOO_LARGE", where, `page larger than the ${formatBytes(max)} cap (${why})`);
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MB` : `${n} bytes`;
}

async function readCapped(
  response: Response,
  max: number,
  where: string,
  controller: AbortController,
  truncateQuietly: boolean,
): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      controller.abort();
      if (truncateQuietly) break;
      throw tooLarge(where, max, `read aborted after ${total} bytes`);
    }
    chunks.push(value);
  }
  // in the page's own charset (Content-Type, BOM, <meta>): Latin-1 and UTF-16 pages read correctly
  return decodePage(Buffer.concat(chunks), response.headers.get("content-type")).text;
}

function statusError(response: Response, body: string, where: string): SourceError {
  const status = `HTTP ${response.status}${response.statusText ? " " + response.statusText : ""}`;
  // Real servers put the refusal in the reason phrase; custom error handlers put it in the body
  const refusal = /Metadata Not Available|Metadata Not Visible|Service Not Available/;
  const access = refusal.exec(response.statusText) ?? refusal.exec(body);
  if (access) {
    const said = status.includes(access[0]) ? status : `${status}: ${access[0]}`;
    return new SourceError("E_ACCESS", where, `${said} (protected metadata? see --header / --bearer-env)`);
  }
  const unknown = /Could not find operation:?\s*([A-Za-z0-9_.]*)/.exec(body);
  if (unknown) return new SourceError("E_UNKNOWN_OP", where, `${status}: Could not find operation ${unknown[1]}`.trim());
  if (response.status === 401 || response.status === 403) {
    return new SourceError("E_HTTP", where, `${status} (protected metadata? see --header / --bearer-env)`);
  }
  return new SourceError("E_HTTP", where, status);
}

function toSourceError(caught: unknown, shown: string, options: HttpOptions): SourceError {
  if (caught instanceof SourceError) return caught;
  if (caught instanceof Timeout || (caught instanceof Error && caught.name === "AbortError")) {
    return new SourceError("E_TIMEOUT", shown, `no complete response within ${options.timeoutMs} ms`, true);
  }
  const message = caught instanceof Error ? describeNetworkError(caught) : String(caught);
  return new SourceError("E_NETWORK", shown, message, true);
}

function describeNetworkError(error: Error): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error.message === "terminated" || cause?.code === "UND_ERR_SOCKET") {
    return "connection closed before the response was complete";
  }
  if (cause?.code) return `${cause.code}${cause.message ? ": " + cause.message : ""}`;
  // undici says only "fetch failed"; the reason ("bad port", ...) is in the cause
  return cause?.message ? `${error.message}: ${cause.message}` : error.message;
}
