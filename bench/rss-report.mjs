// Preloaded (`node --import`) into a measured process: on exit, its peak resident set size (KB) is
// appended to the file named by SSGEN_BENCH_RSS, so the bench sees the child's own peak.
import { appendFileSync } from "node:fs";

const file = process.env.SSGEN_BENCH_RSS;
if (file) process.on("exit", () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
