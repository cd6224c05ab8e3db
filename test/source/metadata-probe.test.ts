// --url with --from auto|pages|metadata: one guarded request for {base}/types/metadata, the model
// from it when served, the pages otherwise (404, 403, HTML, not JSON, not MetadataTypes, another
// origin, over the size cap), with an info line saying why.
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatGenerateSummary, generate, RunFailedError, type Reporter, type RunOptions } from "../../src/api.js";
import { defaultRunOptions } from "../../src/source/config.js";
import { silentProgress } from "../../src/source/progress.js";
import { typesMetadataUrl } from "../../src/source/metadata-probe.js";
import { indexHtml, opPageHtml, type OpSpec } from "../cli/pages.js";
import { startMetadataServer, type CannedPage, type MetadataServer } from "../helpers/metadata-server.js";

const SHOP = readFileSync(new URL("../../fixtures/metadata/shop.camel.json", import.meta.url), "utf8");
const OPS: OpSpec[] = [{ name: "PageOnlyOp", props: [{ name: "Id", type: "int" }] }];

let server: MetadataServer;
let dir: string;
beforeAll(async () => {
  server = await startMetadataServer();
  dir = await mkdtemp(path.join(tmpdir(), "ssgen-probe-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
  server.replies.clear();
  server.replies.set("/metadata", { body: indexHtml(OPS, server.origin), headers: { "Content-Type": "text/html" } });
  server.replies.set("/json/metadata?op=PageOnlyOp", { body: opPageHtml(OPS[0]!), headers: { "Content-Type": "text/html" } });
});

function options(extra: Partial<RunOptions> = {}): RunOptions {
  return {
    ...defaultRunOptions(dir),
    urls: [server.origin],
    out: path.join(dir, "out"),
    emit: { ...defaultRunOptions().emit, format: false },
    concurrency: 4,
    timeoutMs: 5000,
    retries: 0,
    maxPageBytes: 1024 * 1024,
    quiet: true,
    ...extra,
  };
}

function recorder(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (l) => lines.push(l), info: (l) => lines.push(l), progress: silentProgress };
}

const paths = () => server.requests.map((r) => r.url);

describe("--url reads /types/metadata first", () => {
  it("builds the model from the served document with one request, and says so in the summary and the header", async () => {
    server.replies.set("/types/metadata", { body: SHOP });
    const report = recorder();
    const result = await generate(options(), report);
    expect(paths()).toEqual(["/types/metadata"]);
    expect(server.requests[0]!.headers.accept).toBe("application/json");
    expect(result.readFrom).toBe("metadata");
    expect(result.api.operations.map((o) => o.name)).toEqual(["CreateOrder", "DeleteOrder", "QueryCustomers"]);
    expect(formatGenerateSummary(result)).toMatch(/^ssgen: 3 operations, 17 types from \/types\/metadata JSON, /);
    const dtos = await readFile(path.join(dir, "out", "dtos.ts"), "utf8");
    expect(dtos.slice(0, 300)).toContain(` * Sources:\n *   ${server.origin}/types/metadata\n * Read from: /types/metadata JSON\n`);
    expect(report.lines).toEqual([]);
  });

  it.each<[string, CannedPage, RegExp]>([
    ["404", { status: 404, reason: "Not Found", body: "Handler for Request not found" }, /E_HTTP HTTP 404/],
    ["403", { status: 403, reason: "Forbidden", body: "no" }, /E_HTTP HTTP 403/],
    ["an HTML page", { body: "<!DOCTYPE html><html><body><h1>MetadataTypes</h1><table></table></body></html>", headers: { "Content-Type": "text/html" } }, /E_NOT_METADATA .*\(found: HTML page without ServiceStack metadata tables\)/],
    ["text that is not JSON", { body: "hello" }, /E_NOT_METADATA/],
    ["JSON that is not MetadataTypes", { body: '{"types": 1, "operations": 2, "x": []}' }, /E_NOT_METADATA/],
    ["broken JSON", { body: '{"types": [], "operations": [' }, /E_METADATA_JSON is not valid JSON|E_METADATA_JSON/],
    ["a redirect to another origin", { status: 302, headers: { Location: "http://127.0.0.1:9/types/metadata" } }, /E_ORIGIN/],
    ["a body over the size cap", { body: SHOP, padBytes: 2 * 1024 * 1024 }, /E_TOO_LARGE/],
  ])("falls back to the pages on %s, with an info line", async (_, reply, why) => {
    server.replies.set("/types/metadata", reply);
    const report = recorder();
    const result = await generate(options(), report);
    expect(result.readFrom).toBe("pages");
    expect(result.api.operations.map((o) => o.name)).toEqual(["PageOnlyOp"]);
    expect(paths()).toEqual(["/types/metadata", "/metadata", "/json/metadata?op=PageOnlyOp"]);
    const info = report.lines.filter((l) => l.startsWith("info:"));
    expect(info).toHaveLength(1);
    expect(info[0]).toMatch(new RegExp(`^info: ${server.origin}/types/metadata: not used \\(`));
    expect(info[0]).toMatch(why);
    expect(info[0]).toMatch(/; reading the metadata pages$/);
    const dtos = await readFile(path.join(dir, "out", "dtos.ts"), "utf8");
    expect(dtos.slice(0, 300)).toContain(` * Sources:\n *   ${server.origin}/\n * Read from: metadata pages\n`);
  });

  it("--from metadata fails when the document is not served, and reads no page", async () => {
    const error = await generate(options({ from: "metadata" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as Error).message).toContain(`${server.origin}/types/metadata: E_HTTP HTTP 404`);
    expect(paths()).toEqual(["/types/metadata"]);
  });

  it("--from pages never asks for the document", async () => {
    server.replies.set("/types/metadata", { body: SHOP });
    const result = await generate(options({ from: "pages" }));
    expect(result.readFrom).toBe("pages");
    expect(paths()).not.toContain("/types/metadata");
  });

  it("an op page URL is read as that page (auto) and refused by --from metadata", async () => {
    server.replies.set("/types/metadata", { body: SHOP });
    const one = await generate(options({ urls: [`${server.origin}/json/metadata?op=PageOnlyOp`] }));
    expect(one.readFrom).toBe("pages");
    expect(paths()).toEqual(["/json/metadata?op=PageOnlyOp"]);
    await expect(generate(options({ from: "metadata", urls: [`${server.origin}/json/metadata?op=PageOnlyOp`] }))).rejects.toThrow(/E_FROM/);
  });

  it("sends the URL's query and the headers to the same origin, as for pages, and keeps them out of every message and the header", async () => {
    server.replies.set("/types/metadata", { status: 401, reason: "Unauthorized" });
    const report = recorder();
    await generate(options({ urls: [`${server.origin}/?apikey=s3cr3t-key`], headers: { authorization: "Bearer t0ken-value" } }), report);
    expect(server.requests[0]!.url).toBe("/types/metadata?apikey=s3cr3t-key");
    expect(server.requests[1]!.url).toBe("/metadata?apikey=s3cr3t-key");
    expect(report.lines.join("\n")).toContain(`info: ${server.origin}/types/metadata?apikey=***: not used`);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer t0ken-value");
    expect(report.lines.join("\n")).not.toMatch(/s3cr3t|t0ken/);
    const dtos = await readFile(path.join(dir, "out", "dtos.ts"), "utf8");
    expect(dtos).not.toMatch(/s3cr3t|t0ken/);
  });
});

describe("typesMetadataUrl", () => {
  it.each([
    ["https://h.example", "https://h.example/types/metadata"],
    ["https://h.example/api/", "https://h.example/api/types/metadata"],
    ["https://h.example/metadata", "https://h.example/types/metadata"],
    ["https://h.example/api/json/metadata", "https://h.example/api/types/metadata"],
    ["https://h.example/types/metadata", "https://h.example/types/metadata"],
    ["https://h.example/x?apikey=1#frag", "https://h.example/x/types/metadata?apikey=1"],
  ])("%s -> %s", (given, expected) => {
    expect(typesMetadataUrl(given)!.href).toBe(expected);
  });
  it("is undefined for one op page", () => {
    expect(typesMetadataUrl("https://h.example/json/metadata?op=X")).toBeUndefined();
  });
});
