// Pages from files: the bytes are what the unchanged-run key hashes; the text is decoded on first
// read, and then the bytes are let go (a 5,000-page run would otherwise hold every page twice).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRunOptions } from "../../src/source/config.js";
import { loadPages } from "../../src/source/load.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ssgen-load-"));
  await writeFile(path.join(dir, "a.txt"), "Caf\xe9 page", "latin1"); // not UTF-8: decoded as windows-1252
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("loadPages from files", () => {
  it("keeps the bytes until the text is read, then only the text", async () => {
    const { pages, failures } = await loadPages({ ...defaultRunOptions(dir), inputs: [dir] });
    expect(failures).toEqual([]);
    const page = pages[0]!;
    expect(page.source).toBe("a.txt");
    expect(Buffer.from(page.bytes!).toString("latin1")).toBe("Caf\xe9 page");
    expect(page.text).toBe("Café page");
    expect(page.bytes).toBeUndefined();
    expect(page.text).toBe("Café page");
  });
});
