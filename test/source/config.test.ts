import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, resolveRunOptions, validateConfig, recordedOptions } from "../../src/source/config.js";
import { UsageError } from "../../src/source/errors.js";
import { displayUrl, scrub } from "../../src/source/redact.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ssgen-config-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("validateConfig", () => {
  it("accepts known keys and normalises single strings to lists", () => {
    expect(validateConfig({ input: "pages", enums: "union", concurrency: 4, format: false }, "c.json")).toEqual({
      input: ["pages"],
      enums: "union",
      concurrency: 4,
      format: false,
    });
  });

  it("rejects unknown keys naming the file and the key", () => {
    expect(() => validateConfig({ inputs: ["x"] }, "ssgen.config.json")).toThrow(/ssgen\.config\.json: unknown option "inputs"/);
    expect(() => validateConfig({ maxPageMb: 1, bogusFlag: 1 }, "flags", true)).toThrow(/unknown option --bogus-flag/);
  });

  it("rejects wrong types with the expected type", () => {
    expect(() => validateConfig({ concurrency: "8" }, "c.json")).toThrow('"concurrency" must be an integer >= 1, got "8"');
    expect(() => validateConfig({ concurrency: 0 }, "c.json")).toThrow(UsageError);
    expect(() => validateConfig({ enums: "enums" }, "c.json")).toThrow("must be one of enum, union");
    expect(() => validateConfig({ format: "no" }, "c.json")).toThrow("must be true or false");
    expect(() => validateConfig({ url: [1] }, "c.json")).toThrow("must be a string or a list of strings");
    expect(() => validateConfig(["x"], "c.json")).toThrow("must be a JSON object");
  });
});

describe("loadConfig and resolveRunOptions", () => {
  it("reads ssgen.config.json, resolves its paths against its folder and lets flags win", async () => {
    const sub = await mkdtemp(path.join(dir, "proj-"));
    await writeFile(path.join(sub, "ssgen.config.json"), JSON.stringify({ input: ["pages"], out: "api", enums: "union", concurrency: 2 }));
    const loaded = await loadConfig(undefined, sub);
    const options = resolveRunOptions({ flags: { concurrency: 5 }, loaded, cwd: sub, env: {} });
    expect(options).toMatchObject({ inputs: ["pages"], inputBase: sub, out: path.join(sub, "api"), concurrency: 5 });
    expect(options.emit).toEqual({ enums: "union", optional: "auto", nullable: "optional", endpoint: "reply", dates: "string", importExtension: "js", tanstack: false, format: true });
    expect(recordedOptions(options)).toEqual({ enums: "union" });
  });

  it("treats sources as one setting: a source flag replaces the config's urls and inputs", async () => {
    const loaded = { config: { url: ["https://h.example"], input: ["pages"] }, dir: "/cfg" };
    const fromConfig = resolveRunOptions({ flags: {}, loaded, cwd: "/cwd", env: {} });
    expect(fromConfig).toMatchObject({ urls: ["https://h.example/"], inputs: ["pages"], inputBase: "/cfg" });
    const fromFlag = resolveRunOptions({ flags: { input: ["one.html"] }, loaded, cwd: "/cwd", env: {} });
    expect(fromFlag).toMatchObject({ urls: [], inputs: ["one.html"], inputBase: "/cwd" });
  });

  it("falls back to the ssgen key of package.json", async () => {
    const sub = await mkdtemp(path.join(dir, "pkg-"));
    await writeFile(path.join(sub, "package.json"), JSON.stringify({ name: "x", ssgen: { out: "client", dates: "Date" } }));
    const loaded = await loadConfig(undefined, sub);
    expect(loaded.config).toEqual({ out: "client", dates: "Date" });
  });

  it("reports a bad --config path, bad JSON and a bad key in package.json as usage errors", async () => {
    await expect(loadConfig("missing.json", dir)).rejects.toThrow("--config missing.json: cannot read the file");
    await writeFile(path.join(dir, "broken.json"), "{ nope");
    await expect(loadConfig("broken.json", dir)).rejects.toThrow(/broken\.json: not valid JSON/);
    const sub = await mkdtemp(path.join(dir, "badpkg-"));
    await writeFile(path.join(sub, "package.json"), JSON.stringify({ ssgen: { colour: "red" } }));
    await expect(loadConfig(undefined, sub)).rejects.toThrow('package.json "ssgen": unknown option "colour"');
  });

  it("needs a source, parses headers and reads the bearer token from the environment", () => {
    const loaded = { config: {}, dir };
    expect(() => resolveRunOptions({ flags: {}, loaded, cwd: dir, env: {} })).toThrow(/no source/);
    const o = resolveRunOptions({
      flags: { url: ["https://h.example/api"], header: ["X-Api-Key: abc"], bearerEnv: "TOKEN" },
      loaded,
      cwd: dir,
      env: { TOKEN: "t0ken" },
    });
    expect(o.headers).toEqual({ "x-api-key": "abc", authorization: "Bearer t0ken" });
    expect(() => resolveRunOptions({ flags: { url: ["https://h.example"], bearerEnv: "NOPE" }, loaded, cwd: dir, env: {} })).toThrow(
      "environment variable NOPE is not set",
    );
    expect(() => resolveRunOptions({ flags: { url: ["https://h.example"], header: ["no colon"] }, loaded, cwd: dir, env: {} })).toThrow(
      UsageError,
    );
  });

  it("moves URL credentials into a Basic header and out of the URL", () => {
    const o = resolveRunOptions({ flags: { url: ["https://me:s3cret@h.example/"] }, loaded: { config: {}, dir }, cwd: dir, env: {} });
    expect(o.urls).toEqual(["https://h.example/"]);
    expect(o.headers.authorization).toBe("Basic " + Buffer.from("me:s3cret").toString("base64"));
  });
});

describe("redaction", () => {
  it("drops userinfo and hides query values other than op/lang/format", () => {
    expect(displayUrl("https://u:p@h.example/json/metadata?op=X&apikey=secret#frag")).toBe(
      "https://h.example/json/metadata?op=X&apikey=***",
    );
  });
  it("scrubs secrets from messages", () => {
    expect(scrub("token abcdef leaked", ["abcdef"])).toBe("token *** leaked");
  });
});
