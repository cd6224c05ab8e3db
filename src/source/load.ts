// Reading every input of a run: page files (--input) and URLs (--url: the /types/metadata probe and
// the crawl). Pages from files are read here; the HTTP modules are loaded only for a run with URLs
// (source/load-urls.ts), so a run from saved pages, and the CLI's check for an unchanged one, never
// load them.

import { isErrorCode, type Diagnostic } from "../diagnostics.js";
import type { MetadataDocument } from "../model/types.js";
import type { RunOptions } from "./config.js";
import type { PageFailure, SsgenError } from "./errors.js";
import { ByteArena, decodeInput, expandInputs, readInputFile } from "./files.js";
import { silentReporter, type Reporter } from "./reporter.js";

export interface LoadedPage {
  /** File path (relative to the input base) or secret-free URL. */
  source: string;
  url?: string;
  text: string;
  /** Exact op name from an index link. */
  operation?: string;
  /** Tags from the index (pages from files carry their own, if any). */
  tags?: string[];
  /** Already parsed /types/metadata document (the --url probe); `text` is then empty. */
  metadata?: MetadataDocument;
  /**
   * A saved page's bytes, as read: what the unchanged-run key hashes (inputs.ts), so a run with
   * nothing to do never decodes them; `text` then decodes on first use.
   */
  bytes?: Uint8Array;
  /** A saved page's stat, as taken before its bytes were read (file-digests.ts; absent: too recent to trust). */
  stat?: string;
  /** The op's ?lang=typescript code view, fetched beside its page (spec §2.9). */
  codeView?: { source: string; text: string };
}

/** What one --url was read from (the summary and the generated files' header say it). */
export interface UrlSource {
  /** The URL as given, secret-free. */
  url: string;
  via: "metadata" | "pages";
  /** The /types/metadata URL, when that was read. */
  document?: string;
}

export interface LoadResult {
  pages: LoadedPage[];
  failures: PageFailure[];
  /** Warnings from index pages. */
  diagnostics: Diagnostic[];
  /** One per --url, in the order given (absent: no --url). */
  urlSources?: UrlSource[];
}

export async function loadPages(options: RunOptions, reporter: Reporter = silentReporter): Promise<LoadResult> {
  reporter.stage?.("reading sources");
  const pages: LoadedPage[] = [];
  const failures: PageFailure[] = [];
  const diagnostics: Diagnostic[] = [];

  if (options.inputs.length) {
    const files = await expandInputs(options.inputs, options.inputBase);
    const arena = new ByteArena();
    for (const file of files) {
      try {
        pages.push(filePage(file.display, readInputFile(file, options.maxPageBytes, arena)));
      } catch (error) {
        const e = error as SsgenError & { code?: unknown; detail?: string };
        failures.push({ page: file.display, code: isErrorCode(e.code) ? e.code : "E_INPUT", detail: e.detail ?? e.message, stage: "source" });
      }
    }
  }
  const urlSources: UrlSource[] = [];
  if (options.urls.length) {
    const { loadUrls } = await import("./load-urls.js");
    const read = await loadUrls(options, reporter);
    pages.push(...read.pages);
    failures.push(...read.failures);
    diagnostics.push(...read.diagnostics);
    urlSources.push(...read.urlSources);
  }
  return { pages, failures, diagnostics, urlSources };
}

/**
 * A page from a file: its bytes now (the unchanged-run key hashes them), its text when first read;
 * then the bytes are dropped, so a run that parses holds each page once, as text. Setting `text`
 * replaces both (api.ts drops the text of a parsed page that way).
 */
function filePage(source: string, { bytes, stat }: { bytes: Uint8Array; stat?: string }): LoadedPage {
  let text: string | undefined;
  const page: LoadedPage = {
    source,
    bytes,
    ...(stat === undefined ? {} : { stat }),
    get text() {
      if (text === undefined) {
        text = decodeInput(page.bytes!);
        delete page.bytes;
      }
      return text;
    },
    set text(value: string) {
      text = value;
      delete page.bytes;
    },
  };
  return page;
}
