// The --url half of loadPages (source/load.ts): the /types/metadata probe, then the crawl of the
// pages for the URLs that have no document. Imported only by runs that read URLs.

import type { Diagnostic } from "../diagnostics.js";
import { fileCache } from "./cache.js";
import type { RunOptions } from "./config.js";
import { crawl } from "./crawl.js";
import type { PageFailure } from "./errors.js";
import { makeOperationFilter } from "./filter.js";
import { DEFAULT_HTTP_OPTIONS, type HttpOptions } from "./http.js";
import type { LoadedPage, UrlSource } from "./load.js";
import { probeTypesMetadata, typesMetadataUrl } from "./metadata-probe.js";
import { displayUrl } from "./redact.js";
import type { Reporter } from "./reporter.js";

export async function loadUrls(options: RunOptions, reporter: Reporter): Promise<{ pages: LoadedPage[]; failures: PageFailure[]; diagnostics: Diagnostic[]; urlSources: UrlSource[] }> {
  const pages: LoadedPage[] = [];
  const failures: PageFailure[] = [];
  const diagnostics: Diagnostic[] = [];
  const http: Omit<HttpOptions, "allowedOrigin"> = {
    ...DEFAULT_HTTP_OPTIONS,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    maxBytes: options.maxPageBytes,
    headers: options.headers,
    cache: options.cacheDir ? fileCache(options.cacheDir) : undefined,
  };
  const urlSources: UrlSource[] = [];
  const crawlUrls: string[] = [];
  for (const url of options.urls) {
    const source = await readTypesMetadata(url, options.from ?? "auto", http, reporter, failures);
    if (source.page) pages.push(source.page);
    else if (source.via === "pages") crawlUrls.push(url);
    urlSources.push(source.source);
  }
  if (crawlUrls.length) {
    const result = await crawl(crawlUrls, {
      concurrency: options.concurrency,
      filter: makeOperationFilter(options),
      progress: reporter.progress,
      http,
      codeViews: options.codeViews,
    });
    for (const p of result.pages) pages.push(p);
    failures.push(...result.failures);
    diagnostics.push(...result.diagnostics);
  }
  return { pages, failures, diagnostics, urlSources };
}

/**
 * --from auto: the /types/metadata document when the server serves one, else the pages (with an
 * info line saying why). --from metadata: the document or a failure. --from pages: no probe.
 */
async function readTypesMetadata(
  url: string,
  from: NonNullable<RunOptions["from"]>,
  http: Omit<HttpOptions, "allowedOrigin">,
  reporter: Reporter,
  failures: PageFailure[],
): Promise<{ source: UrlSource; page?: LoadedPage; via: UrlSource["via"] | "failed" }> {
  const shown = displayUrl(url);
  const pagesSource = { source: { url: shown, via: "pages" as const }, via: "pages" as const };
  if (from === "pages") return pagesSource;
  const target = typesMetadataUrl(url);
  if (!target) {
    if (from === "auto") return pagesSource;
    failures.push({ page: shown, code: "E_FROM", detail: "is one operation page; --from metadata needs the service's base URL", stage: "source" });
    return { ...pagesSource, via: "failed" };
  }
  const probe = await probeTypesMetadata(target, http);
  if (probe.served) {
    const page: LoadedPage = { source: probe.url, url: probe.url, text: "", metadata: probe.document };
    return { source: { url: shown, via: "metadata", document: probe.url }, page, via: "metadata" };
  }
  if (from === "metadata") {
    failures.push({ page: probe.url, code: probe.code, detail: probe.reason, stage: probe.code === "E_NOT_METADATA" || probe.code === "E_METADATA_JSON" ? "parse" : "source" });
    return { ...pagesSource, via: "failed" };
  }
  reporter.info?.(`info: ${probe.url}: not used (${probe.code} ${probe.reason}); reading the metadata pages`);
  return pagesSource;
}

