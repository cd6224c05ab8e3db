// --cache <dir>: pages stored with their validators so a re-run asks "changed?" (If-None-Match /
// If-Modified-Since) instead of downloading every page again. One JSON file per URL; the name is
// a hash so URLs never become paths. Only bodies and validators are stored, never request headers.

import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CachedPage, PageCache } from "./http.js";
import { displayUrl } from "./redact.js";

export function fileCache(dir: string): PageCache {
  const fileFor = (url: string) => path.join(dir, createHash("sha256").update(url).digest("hex").slice(0, 32) + ".json");
  return {
    async get(url) {
      try {
        const stored = JSON.parse(await readFile(fileFor(url), "utf8")) as CachedPage & { url?: string };
        if (stored.url !== displayUrl(url) || typeof stored.body !== "string") return undefined;
        return { etag: stored.etag, lastModified: stored.lastModified, body: stored.body };
      } catch {
        // Missing or corrupt entries just mean a full request.
        return undefined;
      }
    },
    async put(url, page) {
      await mkdir(dir, { recursive: true });
      const target = fileFor(url);
      const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temp, JSON.stringify({ url: displayUrl(url), ...page }));
      await rename(temp, target);
    },
  };
}
