// The real CLI with saved /types/metadata documents: --input takes .json files (named or found in
// folders) beside pages; the summary and the header say what was read; a bad document names itself.
import { mkdtemp, readFile, rm, writeFile, copyFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "./run-cli.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ssgen-json-input-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("ssgen with saved /types/metadata documents", () => {
  it("generates from a .json input and says so in the summary and the header", async () => {
    const out = path.join(dir, "one");
    const r = await runCli(["generate", "--input", path.join(ROOT, "fixtures/metadata/shop.camel.json"), "--out", out, "--no-format"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ssgen: 3 operations, 17 types from \/types\/metadata JSON, 4 files written, 0 warnings/);
    const dtos = await readFile(path.join(out, "dtos.ts"), "utf8");
    expect(dtos).toContain(" * Read from: /types/metadata JSON\n");
    expect(dtos).toContain("public sku_code?: string;");
    expect(dtos).toContain("export class QueryResponse<T>");
  });

  it("reads .json documents found in a folder beside pages (both sources in one model)", async () => {
    const folder = path.join(dir, "mixed");
    await mkdir(folder, { recursive: true });
    await copyFile(path.join(ROOT, "fixtures/metadata/legacy.pascal.json"), path.join(folder, "legacy.json"));
    await copyFile(path.join(ROOT, "fixtures/pages/create-order.html"), path.join(folder, "create-order.html"));
    const r = await runCli(["inspect", "--input", folder, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { operations: { name: string }[]; pages: { layout: string }[] };
    expect(json.operations.map((o) => o.name)).toEqual(["CreateOrder", "GetInvoices"]);
    expect(json.pages.map((p) => p.layout).sort()).toEqual(["html", "metadata-json"]);
  });

  it("fails naming the file when a .json input is not a /types/metadata document", async () => {
    const bad = path.join(dir, "bad.json");
    await writeFile(bad, '{"name": "not metadata"}');
    const r = await runCli(["generate", "--input", bad, "--out", path.join(dir, "bad-out")]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/bad\.json: E_NOT_METADATA JSON that is not a \/types\/metadata document/);
    const broken = path.join(dir, "broken.json");
    await writeFile(broken, '{"types": [], "operations": [');
    const b = await runCli(["generate", "--input", broken, "--out", path.join(dir, "bad-out")]);
    expect(b.code).toBe(4);
    expect(b.stderr).toMatch(/broken\.json: E_METADATA_JSON is not valid JSON/);
  });
});

describe("a hostile /types/metadata document", () => {
  it("cannot break out of identifiers, strings or comments: the client still type-checks", async () => {
    const { generate } = await import("../../src/api.js");
    const { defaultRunOptions } = await import("../../src/source/config.js");
    const { typecheck } = await import("../helpers/tsc.js");
    const evil = "*/ export const pwned = 1; /*";
    const doc = {
      types: [
        { name: "constructor", description: evil, properties: [{ name: "__proto__", type: "String", description: evil }, { name: "then", type: "toString" }] },
        { name: "Bad Name`1", genericArgs: ["T'); alert(1); //"], properties: [{ name: "x-id\n", type: "List`1", genericArgs: ["Dictionary<String,List<<<"] }] },
        { name: "E", isEnum: true, enumNames: ["A'", "*/"], enumMemberValues: ["'; process.exit(1); '", "x"], enumDescriptions: [evil, null] },
      ],
      operations: [
        {
          request: { name: "Op", description: evil, properties: [{ name: "C", type: "constructor" }, { name: "E", type: "E" }, { name: "B", type: "Bad Name`1", genericArgs: ["String"] }] },
          returnType: { name: "constructor" },
          routes: [{ path: "/x/{C}'`${process.exit()}`", verbs: "GET", summary: evil }],
          tags: [evil],
          method: "GET\"; drop",
        },
      ],
    };
    const file = path.join(dir, "evil.json");
    await writeFile(file, JSON.stringify(doc));
    const out = path.join(dir, "evil-out");
    const result = await generate({ ...defaultRunOptions(dir), inputs: [file], out, emit: { ...defaultRunOptions().emit, format: false }, quiet: true });
    expect(result.readFrom).toBe("metadata");
    const dtos = await readFile(path.join(out, "dtos.ts"), "utf8");
    expect(dtos).not.toMatch(/^export const pwned/m);
    await typecheck(out);
  });
});
