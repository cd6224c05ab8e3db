// The programmatic API (src/api.ts) in-process: the same pipeline the CLI runs.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunFailedError, buildApi, check, generate, inspect, loadPages, type Reporter, type RunOptions } from "../../src/api.js";
import { silentProgress } from "../../src/source/progress.js";
import { silentReporter } from "../../src/source/reporter.js";
import { loadInputs } from "../../src/inputs.js";
import { opPageHtml } from "./pages.js";
import { defaultRunOptions } from "../../src/source/config.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
let out: string;
beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), "ssgen-api-")), "client");
});
afterAll(() => rm(path.dirname(out), { recursive: true, force: true }));

function options(inputs: string[], extra: Partial<RunOptions> = {}): RunOptions {
  return {
    ...defaultRunOptions(ROOT),
    inputs,
    out,
    emit: { ...defaultRunOptions().emit, format: false },
    timeoutMs: 5000,
    retries: 0,
    quiet: true,
    ...extra,
  };
}

describe("api", () => {
  it("generate writes the client, then check finds it up to date", async () => {
    const o = options(["fixtures/pages/create-order.html", "fixtures/pages/seed-cognito.txt"]);
    const result = await generate(o);
    expect(result.api.operations.map((op) => op.name)).toEqual(["CognitoSendConfirmCodeRequest", "CreateOrder"]);
    expect(result.write.written).toBe(result.files.length);
    expect(await readFile(path.join(out, "dtos.ts"), "utf8")).toBe(result.files.find((f) => f.path === "dtos.ts")!.content);
    const again = await check(o);
    expect(again.report.drift).toBe(false);
    const narrower = await check({ ...o, exclude: ["Cognito*"] });
    expect(narrower.report.drift).toBe(true);
    expect(narrower.text).toContain("  - CognitoSendConfirmCodeRequest");
  });

  it("formats with the prettier config found from the output folder", async () => {
    const project = await mkdtemp(path.join(tmpdir(), "ssgen-prettier-"));
    try {
      await writeFile(path.join(project, ".prettierrc"), JSON.stringify({ singleQuote: true, semi: false }));
      const o = options(["fixtures/pages/seed-cognito.txt"], { out: path.join(project, "src", "api") });
      const formatted = await generate({ ...o, emit: { ...o.emit, format: true } });
      const dtos = formatted.files.find((f) => f.path === "dtos.ts")!.content;
      expect(dtos).toContain("return 'CognitoSendConfirmCodeRequest'\n");
      expect(dtos).not.toMatch(/;\n/);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it("inspect returns the summary, the --json shape and the dumps", async () => {
    const r = await inspect(options(["fixtures/pages/create-order.html"]));
    expect(r.json.pages).toHaveLength(1);
    expect(r.json.operations).toBe(r.api.operations);
    expect(r.dumps[0]!.trim()).toBe((await readFile(path.join(ROOT, "fixtures/pages/create-order.html.dump"), "utf8")).trim());
    expect(r.summary).toContain("CreateOrder");
  });

  it("buildApi fails naming every failed page unless partial results are allowed", async () => {
    const loaded = await loadPages(options(["fixtures/pages/create-order.html", "fixtures/pages/notes-not-metadata.txt"]));
    expect(() => buildApi(loaded, { include: [], exclude: [], allowPartial: false })).toThrow(RunFailedError);
    try {
      buildApi(loaded, { include: [], exclude: [], allowPartial: false });
    } catch (e) {
      expect((e as RunFailedError).exitCode).toBe(4);
      expect((e as RunFailedError).failures.map((f) => [f.page, f.code])).toEqual([["fixtures/pages/notes-not-metadata.txt", "E_NOT_METADATA"]]);
    }
    const partial = buildApi(loaded, { include: [], exclude: [], allowPartial: true });
    expect(partial.api.operations.map((op) => op.name)).toEqual(["CreateOrder"]);
    expect(partial.failures).toHaveLength(1);
  });

  it("buildApi with consume drops each page's text once parsed and builds the same model", async () => {
    const inputs = ["fixtures/pages/create-order.html", "fixtures/pages/notes-not-metadata.txt"];
    const kept = await loadPages(options(inputs));
    const consumed = await loadPages(options(inputs));
    const flags = { include: [], exclude: [], allowPartial: true };
    const expected = buildApi(kept, flags);
    expect(kept.pages.every((p) => p.text.length > 0)).toBe(true);
    expect(buildApi(consumed, flags, { consume: true })).toEqual(expected);
    expect(consumed.pages.map((p) => [p.text, p.bytes])).toEqual([["", undefined], ["", undefined]]);
  });

  it("generate with inputs already loaded reads no page again (the CLI's unchanged check read them)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ssgen-given-"));
    try {
      await writeFile(path.join(dir, "a.html"), opPageHtml({ name: "GetWidget", props: [{ name: "Id", type: "int" }] }));
      const given = options([dir], { out: path.join(dir, "out") });
      const inputs = await loadInputs(given, silentReporter);
      await rm(path.join(dir, "a.html"));
      const result = await generate(given, silentReporter, { inputs });
      expect(result.api.operations.map((op) => op.name)).toEqual(["GetWidget"]);
      await expect(generate(given)).rejects.toThrow(); // read again: the page is gone
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the emitter's warnings reach the reporter and the model's diagnostics, grouped by code", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ssgen-emitwarn-"));
    try {
      await writeFile(path.join(dir, "a.html"), opPageHtml({ name: "GetWidget", props: [{ name: "Part", type: "Widget" }] }));
      const lines: string[] = [];
      const reporter: Reporter = { warn: (l) => lines.push(l), progress: silentProgress };
      const r = await generate(options(["a.html"], { inputBase: dir, out: path.join(dir, "out") }), reporter);
      expect(r.api.diagnostics.some((d) => d.code === "W_UNKNOWN_TYPE" && d.detail.includes("Widget"))).toBe(true);
      expect(lines.some((l) => l.startsWith("warning W_UNKNOWN_TYPE ×"))).toBe(true);
      expect(lines.some((l) => l.includes("Widget"))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
