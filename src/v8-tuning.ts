// V8 tuning for the command line only (the programmatic API leaves its host's engine alone).
// Measured with `node --trace-opt` on the 1,000-op bench service: TurboFan spends more time
// compiling ssgen's large, once-hot functions with everything inlined into them (about 2.5 s of
// background compile on a 3.3 s run, on a 2-core machine) than the inlining ever pays back, and the
// main thread runs slower code while it waits. Without inlining a 1,000-op generate takes about 20%
// less wall time and 25% less CPU, and 5,000 ops about 7% less (bench/RESULTS.md, session 5).
// Imported first by cli.ts, so the flag is set before any pipeline code is hot.
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--no-turbo-inlining");
