// Nothing changed (same pages, options, ssgen version): generate and check answer from the manifest
// without parsing or emitting; any change to a page, an option or the output is still noticed.
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check as fullCheck, generate as fullGenerate, type Reporter, type RunOptions } from "../../src/api.js";
import { defaultRunOptions } from "../../src/source/config.js";
import { silentProgress } from "../../src/source/progress.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ssgen-unchanged-"));
  await cp(path.join(ROOT, "fixtures/pages/create-order.html"), path.join(dir, "pages", "create-order.html"), { recursive: true });
  await cp(path.join(ROOT, "fixtures/pages/seed-cognito.txt"), path.join(dir, "pages", "seed-cognito.txt"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// as the CLI runs them
const generate = (o: RunOptions, r?: Reporter) => fullGenerate(o, r, { reuseUnchanged: true });
const check = (o: RunOptions) => fullCheck(o, undefined, { reuseUnchanged: true });

function options(extra: Partial<RunOptions> = {}): RunOptions {
  return { ...defaultRunOptions(dir), inputs: [path.join(dir, "pages")], out: path.join(dir, "out"), quiet: true, ...extra };
}
function collecting(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (l) => lines.push(l), progress: silentProgress };
}

describe("an unchanged run", () => {
  it("is answered from the manifest, with the same warnings, and noticed as soon as anything changes", async () => {
    const first = collecting();
    const fresh = await generate(options(), first);
    expect(fresh.unchanged).toBeUndefined();
    expect(fresh.write.written).toBe(4);
    const dtos = path.join(dir, "out", "dtos.ts");
    const before = (await stat(dtos)).mtimeMs;

    const second = collecting();
    const again = await generate(options(), second);
    expect(again.unchanged).toEqual({ operations: fresh.api.operations.length, types: fresh.api.types.length, files: 4 });
    expect(again.files).toEqual([]); // nothing was emitted
    expect(second.lines).toEqual(first.lines);
    expect((await stat(dtos)).mtimeMs).toBe(before);
    expect((await check(options())).report.drift).toBe(false);
    // the library's generate without the flag still runs the whole pipeline
    expect((await fullGenerate(options())).api.operations.length).toBe(fresh.api.operations.length);

    // a changed page is always noticed, by generate and by check
    const page = path.join(dir, "pages", "create-order.html");
    const html = await readFile(page, "utf8");
    await writeFile(page, html.replace(/CreateOrder/g, "PlaceOrder"));
    const drift = await check(options());
    expect(drift.report.drift).toBe(true);
    const regenerated = await generate(options());
    expect(regenerated.unchanged).toBeUndefined();
    expect(await readFile(dtos, "utf8")).toContain("class PlaceOrder");

    // so is a changed option
    const union = await generate(options({ emit: { ...options().emit, enums: "union" } }));
    expect(union.unchanged).toBeUndefined();
    expect(union.write.written).toBeGreaterThan(0);

    // and an output file edited by hand: the run rebuilds, and check reports the edit
    await generate(options());
    await writeFile(dtos, (await readFile(dtos, "utf8")) + "// mine\n");
    const edited = await check(options());
    expect("unchanged" in edited).toBe(false);
    expect(edited.report.drift).toBe(true);
  });
});
