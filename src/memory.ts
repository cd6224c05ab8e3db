// Peak memory between the pipeline's stages. The solve leaves most of what it built as garbage in
// V8's old space, and V8 collects old space only when the heap has grown by a factor over the
// last collection's live size: on a 5,000-op service the emitter then allocated on top of ~150 MB of
// dead solve data, and the peak RSS (~500 MB) was mostly garbage. One full collection at the
// stage boundary returns it before emit allocates. It costs about a millisecond per live MB, so it
// runs only when the heap is large enough for its garbage to set the peak.
import v8 from "node:v8";
import vm from "node:vm";

/** Heap in use above which a full collection between stages pays for itself (small runs skip it). */
const COLLECT_ABOVE_BYTES = 192 * 1024 * 1024;

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
