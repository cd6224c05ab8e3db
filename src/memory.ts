// Peak memory between the pipeline's stages. The solve leaves most of what it built as garbage in
// V8's old space, and V8 collects old space only when the heap has grown by a factor over the
// last collection's live size: on a 5,000-op service the emitter then allocated on top of ~150 MB of
// dead solve data, and the peak RSS (~500 MB) was mostly garbage. One full collection at the
// stage boundary returns it before emit allocates. It costs about a millisecond per live MB, so it
// runs only when the heap is large enough for its garbage to set the peak.
//
// Within the solve the same factor set the peak: on a machine with gigabytes of memory V8 lets the
// old space grow to 4x the live size of its last collection before the next, and a 5,000-op run's
// last collection before the solve came at ~56 MB live, so the whole solve (~210 MB promoted, then
// dead) ran without one: 267 MB of heap for ~60-150 MB live. A large run asks V8 for a smaller
// factor while it runs (limitHeapGrowth): a few more full collections (each ~0.1 s), ~40-60 MB less peak.
// It also drops each page's text once parsed (api.ts), which costs a copy of every string the
// page's facts keep (parse/detach.ts): ~30 MB less at 5,000 ops, ~50 ms of CPU at 1,000, where it does not pay.
import v8 from "node:v8";
import vm from "node:vm";

/** Heap in use above which a full collection between stages pays for itself (small runs skip it). */
const COLLECT_ABOVE_BYTES = 192 * 1024 * 1024;

/** Input pages above this many bytes make a large run (a 1,000-op service is ~6 MB, 5,000 ops ~30 MB). */
const LARGE_INPUT_BYTES = 16 * 1024 * 1024;

/** The old space grows at most by this percentage over the live size during a large run. */
const LARGE_RUN_HEAP_GROWING_PERCENT = 50;

let collect: (() => void) | undefined;

/** A full garbage collection when the heap holds more than COLLECT_ABOVE_BYTES. */
export function releaseStageGarbage(): void {
  if (process.memoryUsage().heapUsed < COLLECT_ABOVE_BYTES) return;
  if (!collect) {
    // the documented way to reach V8's gc() without starting node with --expose-gc
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  collect();
}

/**
 * A run over this many bytes of pages is large: its peak memory is worth some CPU (a smaller heap
 * growing factor, pages' texts dropped once parsed). A 1,000-op run's peak (~180 MB) is not.
 */
export function isLargeRun(inputBytes: number): boolean {
  return inputBytes >= LARGE_INPUT_BYTES;
}

/**
 * A smaller heap growing factor, until the returned function restores V8's own (a library caller's
 * process keeps its defaults after).
 */
export function limitHeapGrowth(): () => void {
  v8.setFlagsFromString(`--heap-growing-percent=${LARGE_RUN_HEAP_GROWING_PERCENT}`);
  // 0 is V8's default: its own dynamic factor
  return () => v8.setFlagsFromString("--heap-growing-percent=0");
}
