// Preloaded (`node --import`) into a measured process: on exit, its peak resident set size (KB) and
// the CPU time it used (user + system, ms) are appended to the file named by SSGEN_BENCH_RSS as
// `<maxRSS KB> <cpu ms>`, so the bench sees the child's own peak and CPU time. CPU time matters on
// a shared machine: wall time there also measures everyone else's load.
import { appendFileSync } from "node:fs";

const file = process.env.SSGEN_BENCH_RSS;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${usage.maxRSS} ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
  });
}
