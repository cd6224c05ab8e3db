// --url: a base URL or a /metadata URL is crawled (index, then every listed op page with bounded
// concurrency); a URL with ?op= is that one page. Links on the index are data: a page URL on
// another origin is rebased onto the origin the user gave, and http.ts refuses anything else.

import pLimit from "p-limit";
import { isErrorCode, type Diagnostic } from "../diagnostics.js";
import { detectPage, describePage } from "../parse/detect.js";
import { parseIndexPage } from "../parse/index-page.js";
import { SourceError, type PageFailure } from "./errors.js";
import { fetchText, type HttpOptions } from "./http.js";
import type { Progress } from "./progress.js";
import { displayUrl } from "./redact.js";

export interface FetchedPage {
  /** Secret-free URL used in messages and headers. */
  source: string;
  /** Absolute URL the text came from (after same-origin redirects), secret-free like `source`:
   *  parsers read op=/base from it and nothing on it may reach generated files. */
  url: string;
  text: string;
  /** Exact op name from the index link, when crawled from an index. */
  operation?: string;
  tags?: string[];
  /** The op's `?lang=typescript` code view (spec §2.9), fetched when the page links it. */
  codeView?: { source: string; text: string };
}

export interface CrawlOptions {
  http: Omit<HttpOptions, "allowedOrigin">;
  concurrency: number;
  /** Index entries to fetch (include/exclude); pages given directly are always fetched. */
  filter?: (op: { name: string; tags: readonly string[] }) => boolean;
  progress?: Progress;
  /** Fetch each op page's ?lang=typescript code view when the page links it (default on). */
  codeViews?: boolean;
}

export interface CrawlResult {
  pages: FetchedPage[];
  failures: PageFailure[];
  /** Index-level warnings (W_REBASED_LINK ...), with .page set. */
  diagnostics: Diagnostic[];
}

interface PageJob {
  url: string;
  origin: string;
  operation?: string;
  tags?: string[];
}

export async function crawl(urls: readonly string[], options: CrawlOptions): Promise<CrawlResult> {
  const failures: PageFailure[] = [];
  const diagnostics: Diagnostic[] = [];
  const jobs: PageJob[] = [];
  const limit = pLimit(options.concurrency);

  // Indexes first (in parallel), so the progress total is known before the pages start.
  const planned = await Promise.all(
    urls.map((url) => limit(async () => {
      const own: Diagnostic[] = [];
      return { jobs: await planUrl(url, options, failures, own), diagnostics: own };
    })),
  );
  // warnings in the order of the URLs and pages, never in the order the fetches finish
  for (const plan of planned) {
    jobs.push(...plan.jobs);
    diagnostics.push(...plan.diagnostics);
  }
  const viewWarnings: (Diagnostic | undefined)[] = [];

  options.progress?.start(jobs.length, "pages");
  const results = await Promise.all(
    jobs.map((job, i) =>
      limit(async (): Promise<FetchedPage | undefined> => {
        try {
          const fetched = await fetchText(job.url, { ...options.http, allowedOrigin: job.origin });
          const page: FetchedPage = {
            source: displayUrl(job.url),
            url: displayUrl(fetched.finalUrl),
            text: fetched.text,
            operation: job.operation,
            tags: job.tags,
          };
          const viewUrl = options.codeViews === false ? undefined : codeViewUrl(fetched.finalUrl, fetched.text);
          if (viewUrl) {
            try {
              const view = await fetchText(viewUrl, { ...options.http, allowedOrigin: job.origin });
              page.codeView = { source: displayUrl(viewUrl), text: view.text };
            } catch (error) {
              const f = toFailure(error, displayUrl(viewUrl));
              viewWarnings[i] = { code: "W_CODE_VIEW", detail: `${f.code} ${f.detail}; the page's tables are read alone`, page: page.source };
            }
          }
          return page;
        } catch (error) {
          failures.push(toFailure(error, displayUrl(job.url)));
          return undefined;
        } finally {
          options.progress?.tick(job.operation ?? displayUrl(job.url));
        }
      }),
    ),
  );
  options.progress?.stop();
  for (const d of viewWarnings) if (d) diagnostics.push(d);
  failures.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
  return { pages: results.filter((p): p is FetchedPage => p !== undefined), failures, diagnostics };
}

/**
 * The op page's TypeScript code view, when the page links it (`<a href="?op=X&lang=typescript">`
 * in the language nav of v5.14+ pages) and is not itself a code view.
 */
export function codeViewUrl(pageUrl: string, text: string): string | undefined {
  const url = new URL(pageUrl);
  for (const key of url.searchParams.keys()) if (key.toLowerCase() === "lang") return undefined;
  if (!/href\s*=\s*["']\?op=[^"'&]*&(?:amp;)?lang=typescript["']/i.test(text.slice(0, 1 << 20))) return undefined;
  url.searchParams.set("lang", "typescript");
  return url.href;
}

/** True for a URL naming one op page (`?op=`, matched case-insensitively like the server does). */
export function isOpPageUrl(url: URL): boolean {
  for (const key of url.searchParams.keys()) if (key.toLowerCase() === "op") return true;
  return false;
}

/** `{base}/metadata` for a base URL; a URL already ending in /metadata is kept. */
export function indexUrlFor(url: URL): URL {
  const index = new URL(url.href);
  index.hash = "";
  if (!/\/metadata\/?$/i.test(index.pathname)) {
    index.pathname = index.pathname.replace(/\/+$/, "") + "/metadata";
  }
  return index;
}

async function planUrl(
  raw: string,
  options: CrawlOptions,
  failures: PageFailure[],
  diagnostics: Diagnostic[],
): Promise<PageJob[]> {
  const url = new URL(raw);
  const origin = url.origin;
  if (isOpPageUrl(url)) return [{ url: url.href, origin }];

  const indexUrl = indexUrlFor(url);
  const shown = displayUrl(indexUrl);
  let fetched;
  try {
    fetched = await fetchText(indexUrl.href, { ...options.http, allowedOrigin: origin });
  } catch (error) {
    failures.push(toFailure(error, shown));
    return [];
  }
  const kind = detectPage(fetched.text);
  if (kind === "html-op") return [{ url: fetched.finalUrl, origin }];
  if (kind !== "html-index") {
    failures.push({
      page: shown,
      code: "E_NOT_METADATA",
      detail: `is not a ServiceStack /metadata index page (found: ${describePage(fetched.text)})`,
      stage: "parse",
    });
    return [];
  }
  let index;
  try {
    index = parseIndexPage(fetched.text, fetched.finalUrl, shown);
  } catch (error) {
    failures.push(toFailure(error, shown, "parse"));
    return [];
  }
  for (const d of index.diagnostics) diagnostics.push({ ...d, page: d.page ?? shown });
  if (index.operations.length === 0) {
    failures.push({ page: shown, code: "E_NO_OPERATIONS", detail: "the index lists no operations", stage: "parse" });
    return [];
  }
  const jobs: PageJob[] = [];
  for (const op of index.operations) {
    if (options.filter && !options.filter({ name: op.name, tags: op.tags })) continue;
    const pageUrl = rebase(op.pageUrl, origin);
    if (!pageUrl) {
      failures.push({ page: displayUrl(op.pageUrl), code: "E_URL", detail: `bad link for ${op.name} on the index`, stage: "parse" });
      continue;
    }
    jobs.push({ url: pageUrl, origin, operation: op.name, tags: op.tags });
  }
  return jobs;
}

/** Keeps path and query on the user's origin (spec §3: internal hosts behind a proxy). */
function rebase(pageUrl: string, origin: string): string | undefined {
  try {
    const u = new URL(pageUrl);
    return new URL(u.pathname + u.search, origin).href;
  } catch {
    return undefined;
  }
}

function toFailure(error: unknown, page: string, stage: PageFailure["stage"] = "source"): PageFailure {
  if (error instanceof SourceError) return { page: error.page, code: error.code, detail: error.detail, stage: "source" };
  const e = error as { code?: unknown; message?: unknown };
  const code = isErrorCode(e?.code) ? e.code : "E_PARSE";
  const message = typeof e?.message === "string" ? e.message : String(error);
  return { page, code, detail: message.startsWith(page + ": ") ? message.slice(page.length + 2) : message, stage };
}
