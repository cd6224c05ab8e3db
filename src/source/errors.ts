// Errors that carry the process exit code the CLI documents, so every layer can fail with a
// message that names the page and the problem and the CLI only has to map the class to a code.

import type { ErrorCode } from "../diagnostics.js";

export const EXIT = {
  ok: 0,
  drift: 1,
  usage: 2,
  input: 3,
  parse: 4,
  internal: 70,
} as const;

export class SsgenError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "SsgenError";
  }
}

/** Bad flags, config keys or values (exit 2). */
export class UsageError extends SsgenError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = "UsageError";
  }
}

/** A page could not be read: HTTP status, timeout, size cap, redirect, missing file (exit 3). */
export class SourceError extends SsgenError {
  constructor(
    readonly code: ErrorCode,
    /** File path or URL, already free of secrets. */
    readonly page: string,
    readonly detail: string,
    /** Worth another attempt (network error, 429, 5xx, timeout, cut body). */
    readonly retryable = false,
    /** Server-requested wait (Retry-After) before the next attempt. */
    readonly retryAfterMs?: number,
  ) {
    super(`${page}: ${code} ${detail}`, EXIT.input);
    this.name = "SourceError";
  }
}

/** One failed page in a run: kept so --allow-partial can list it and the run can name it. */
export interface PageFailure {
  page: string;
  code: ErrorCode;
  detail: string;
  /** "source": could not read it (exit 3); "parse": read it but could not understand it (exit 4). */
  stage: "source" | "parse";
}

export class RunFailedError extends SsgenError {
  constructor(readonly failures: PageFailure[]) {
    const lines = failures.map((f) => `  ${f.page}: ${f.code} ${f.detail}`);
    const what = failures.length === 1 ? "1 page failed" : `${failures.length} pages failed`;
    super(
      `${what}; nothing was written (use --allow-partial to write what succeeded):\n${lines.join("\n")}`,
      failures.some((f) => f.stage === "source") ? EXIT.input : EXIT.parse,
    );
    this.name = "RunFailedError";
  }
}
