// Where a run reports (warnings, info lines, stages, crawl progress), with no terminal machinery:
// the CLI's answer to an unchanged run uses it without loading the progress bar (progress.ts).

export interface Progress {
  start(total: number, label: string): void;
  /** One item finished; `item` is secret-free (op name or display URL). */
  tick(item: string): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, stop() {} };

/** Where a run reports; the CLI writes to stderr, library callers may pass silentReporter. */
export interface Reporter {
  /** Warning lines (grouped by code, see formatWarnings) and failures kept by --allow-partial. */
  warn(line: string): void;
  /** `info: …` lines: which source a --url was read from when it was not the first choice. */
  info?(line: string): void;
  progress: Progress;
  /** Every warning instead of the first few of each code. */
  verbose?: boolean;
  /** A stage of the run begins (`reading sources`, `parsing 23 pages`, …); no name: the run ended. */
  stage?(name?: string): void;
}

export const silentReporter: Reporter = { warn() {}, progress: silentProgress };

/**
 * Stage lines after the crawl (`ssgen: parsing 23 pages`, `ssgen: emitting TypeScript …`), so a
 * long run never sits silent; with `verbose`, each finished stage's time too.
 */
export function makeStages(mode: "quiet" | "auto", verbose: boolean, stream: NodeJS.WritableStream = process.stderr): (name?: string) => void {
  if (mode === "quiet") return () => {};
  let current: { name: string; started: number } | undefined;
  return (name) => {
    // a stage named again goes on (the unchanged check by stats begins reading sources; a full read may follow)
    if (name !== undefined && current?.name === name) return;
    const now = performance.now();
    if (current && verbose) stream.write(`ssgen:   ${current.name}: ${Math.round(now - current.started)} ms\n`);
    current = name ? { name, started: now } : undefined;
    // the first stage is the crawl, which has its own progress
    if (name && name !== "reading sources") stream.write(`ssgen: ${name}\n`);
  };
}
