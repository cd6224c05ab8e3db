// A file's digest by its stat (src/file-digests.ts): a recorded stat is trusted only when it cannot
// be the stat of another content, so an unchanged run may skip reading the file, and any edit, even
// one that keeps the size and puts the mtime back, is read again.
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DigestCache, sha256Of, statOf, statTag } from "../src/file-digests.js";

const work = mkdtempSync(path.join(tmpdir(), "ssgen-digests-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A clock a minute ahead of the file times: every stat is old enough to trust. */
const later = () => BigInt(Date.now() + 60_000) * 1_000_000n;

describe("DigestCache", () => {
  it("records no stat for a file changed a moment ago (a write in the same clock tick would keep it)", () => {
    const file = path.join(work, "fresh.txt");
    writeFileSync(file, "fresh");
    const now = new DigestCache().digest("fresh.txt", file);
    expect(now).toMatchObject({ sha256: sha256Of("fresh"), size: 5 });
    expect(now.stat).toBeUndefined();
    expect(new DigestCache([], later).digest("fresh.txt", file).stat).toBeDefined();
    expect(statTag(statOf(file), later())).toBe(new DigestCache([], later).digest("fresh.txt", file).stat);
  });

  it("reads a file only when its stat is not the recorded one", () => {
    const file = path.join(work, "page.html");
    writeFileSync(file, "<table>one</table>");
    const recorded = new DigestCache([], later).digest("page.html", file);
    // the recorded digest is taken as it is while the stat matches: this one was never the content's
    const planted = { ...recorded, sha256: "0".repeat(64) };
    const cache = new DigestCache([planted], later);
    expect(cache.digest("page.html", file).sha256).toBe("0".repeat(64));
    expect(cache.missed).toBe(false);
    // another name, or no recorded stat: read
    expect(new DigestCache([{ ...planted, path: "other.html" }], later).digest("page.html", file).sha256).toBe(recorded.sha256);
    const { stat: _, ...statless } = planted;
    const again = new DigestCache([statless], later);
    expect(again.digest("page.html", file).sha256).toBe(recorded.sha256);
    expect(again.missed).toBe(true);
  });

  it("notices a same-size edit whose mtime was put back (ctime moves)", () => {
    const file = path.join(work, "edited.html");
    // whole seconds, so that utimes can put the mtime back to the nanosecond
    const then = new Date("2020-01-01T00:00:00Z");
    writeFileSync(file, "<td>Alpha</td>");
    utimesSync(file, then, then);
    const before = statOf(file);
    const recorded = new DigestCache([], later).digest("edited.html", file);
    writeFileSync(file, "<td>Omega</td>");
    utimesSync(file, then, then);
    expect(statOf(file).size).toBe(before.size);
    expect(statOf(file).mtimeNs).toBe(before.mtimeNs);
    const cache = new DigestCache([recorded], later);
    expect(cache.digest("edited.html", file).sha256).toBe(sha256Of(readFileSync(file)));
    expect(cache.missed).toBe(true);
  });
});
