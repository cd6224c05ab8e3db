// Crawl progress on stderr: a bar when stderr is a terminal, a few plain lines when it is a log
// (CI, pipes), nothing with --quiet. stdout stays clean for inspect --json.

import { createRequire } from "node:module";
import { silentProgress, type Progress } from "./reporter.js";
import { terminalText } from "./redact.js";

export { makeStages, silentProgress, type Progress } from "./reporter.js";

export function makeProgress(mode: "quiet" | "auto", stream: NodeJS.WriteStream = process.stderr): Progress {
  if (mode === "quiet") return silentProgress;
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  // loaded only for a bar (a crawl on a terminal): every run imports this module
  const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof import("cli-progress");
  const bar = new cliProgress.SingleBar(
    { stream, format: "fetching {bar} {value}/{total} {label}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  // the bar hides the cursor: an interrupt (Ctrl-C) must show it again before the process ends
  const onSignal = (signal: NodeJS.Signals) => {
    bar.stop();
    stream.write("\x1b[?25h");
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  const release = () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  return {
    start(total, label) {
      if (total === 0) return;
      running = true;
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      bar.start(total, 0, { label });
    },
    tick(item) {
      const label = terminalText(item);
      if (running) bar.increment(1, { label: label.length > 40 ? label.slice(0, 39) + "…" : label });
    },
    stop() {
      if (running) bar.stop();
      running = false;
      release();
    },
  };
}

/** Plain lines at every tenth of the way, so a 1000-page crawl logs 10 lines, not 1000. */
function lineProgress(stream: NodeJS.WriteStream): Progress {
  let total = 0;
  let done = 0;
  let nextReport = 0;
  let label = "";
  return {
    start(t, l) {
      total = t;
      done = 0;
      label = l;
      nextReport = Math.max(1, Math.ceil(total / 10));
      if (t === 1) label = l.replace(/s$/, ""); // "fetching 1 page"
      if (total > 0) stream.write(`fetching ${total} ${label}\n`);
    },
    tick() {
      done++;
      if (done >= nextReport || done === total) {
        stream.write(`fetched ${done}/${total} ${label}\n`);
        nextReport = done + Math.max(1, Math.ceil(total / 10));
      }
    },
    stop() {},
  };
}
