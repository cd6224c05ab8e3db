// --watch: which folders to watch for a run's inputs and config, and a debounced watcher over them.
// fs.watch (recursive works on Linux from Node 20) on folders, not files: editors save by renaming,
// which a watch on the file itself would lose. Events inside an output folder are ignored, so a
// run's own writes never trigger the next one.

import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { hasGlob } from "./files.js";

export interface WatchTarget {
  dir: string;
  recursive: boolean;
  /** Only this file name in `dir` counts (a config file, an input file). */
  only?: string;
}

/** Folders holding the inputs (a glob's fixed prefix, a folder, a file's folder) and the config. */
export function watchTargets(inputs: readonly string[], inputBase: string, configFile?: string): WatchTarget[] {
  const targets: WatchTarget[] = [];
  for (const input of inputs) {
    if (hasGlob(input)) {
      const segments = input.split(/[\\/]/);
      const fixed = segments.slice(0, segments.findIndex(hasGlob)).join("/");
      targets.push({ dir: path.resolve(inputBase, fixed || "."), recursive: true });
    } else {
      const absolute = path.resolve(inputBase, input);
      // a folder is watched whole; anything else as a name in its folder (it may not exist yet)
      targets.push({ dir: absolute, recursive: true }, { dir: path.dirname(absolute), recursive: false, only: path.basename(absolute) });
    }
  }
  if (configFile) targets.push({ dir: path.dirname(configFile), recursive: false, only: path.basename(configFile) });
  return targets;
}

/** Calls `onChange` once per burst of changes (`debounceMs` after the last); `close` stops it. */
export function watchDebounced(
  targets: readonly WatchTarget[],
  ignore: readonly string[],
  onChange: (changed: string[]) => void,
  debounceMs = 200,
): { close(): void } {
  const watchers: FSWatcher[] = [];
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const ignored = (file: string) => file.includes(".ssgen-tmp-") || ignore.some((dir) => file === dir || file.startsWith(dir + path.sep));
  for (const target of targets) {
    let watcher: FSWatcher;
    try {
      watcher = watch(target.dir, { recursive: target.recursive, persistent: true });
    } catch {
      continue; // a file, or not there (yet): its folder's target covers it
    }
    watcher.on("error", () => undefined);
    watcher.on("change", (_event, name) => {
      const file = path.join(target.dir, String(name ?? ""));
      if (target.only && String(name) !== target.only) return;
      if (ignored(file)) return;
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const changed = [...pending];
        pending = new Set();
        onChange(changed);
      }, debounceMs);
    });
    watchers.push(watcher);
  }
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
