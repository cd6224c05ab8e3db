import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawl, indexUrlFor, isOpPageUrl } from "../../src/source/crawl.js";
import { DEFAULT_HTTP_OPTIONS } from "../../src/source/http.js";
import { indexHtml, opPageHtml } from "../cli/pages.js";

const OPS = [{ name: "Alpha", tags: ["a"] }, { name: "Beta", tags: ["b"] }, { name: "Gamma" }];
let server: http.Server;
let origin: string;
const requested: string[] = [];
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requested.push(req.url!);
    const u = new URL(req.url!, "http://x");
    // The index links to an internal host, as behind a proxy: links are data, rebased onto our origin.
    if (u.pathname === "/api/metadata") return void res.end(indexHtml(OPS, "http://internal.example:8080/api"));
    const op = OPS.find((o) => o.name === u.searchParams.get("op"));
    if (u.pathname !== "/api/json/metadata" || !op) return void res.writeHead(404).end();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.end(opPageHtml(op));
    }, 30);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const http0 = { ...DEFAULT_HTTP_OPTIONS, headers: {}, backoffMs: 10 };

describe("crawl", () => {
  it("finds the index under the mount prefix, rebases foreign links and keeps index order", async () => {
    requested.length = 0;
    const progress: string[] = [];
    const result = await crawl([`${origin}/api`], {
      concurrency: 2,
      http: http0,
      progress: { start: (n, l) => progress.push(`start ${n} ${l}`), tick: (item) => progress.push(item), stop: () => progress.push("stop") },
    });
    expect(result.failures).toEqual([]);
    expect(result.pages.map((p) => p.operation)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(result.pages[0]!.source).toBe(`${origin}/api/json/metadata?op=Alpha`);
    expect(result.pages[1]!.tags).toEqual(["b"]);
    expect(requested[0]).toBe("/api/metadata");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["W_REBASED_LINK", "W_REBASED_LINK", "W_REBASED_LINK"]);
    expect(progress[0]).toBe("start 3 pages");
    expect(progress.at(-1)).toBe("stop");
    expect(maxInFlight).toBeLessThanOrEqual(2);
  });

  it("applies the filter before fetching", async () => {
    requested.length = 0;
    const result = await crawl([origin + "/api/metadata"], { concurrency: 8, http: http0, filter: (op) => op.tags.includes("b") });
    expect(result.pages.map((p) => p.operation)).toEqual(["Beta"]);
    expect(requested).toEqual(["/api/metadata", "/api/json/metadata?op=Beta"]);
  });

  it("records a failed page and carries on with the others", async () => {
    const result = await crawl([`${origin}/api/json/metadata?op=Alpha`, `${origin}/api/json/metadata?op=Nope`], { concurrency: 8, http: http0 });
    expect(result.pages.map((p) => p.url)).toEqual([`${origin}/api/json/metadata?op=Alpha`]);
    expect(result.failures).toEqual([{ page: `${origin}/api/json/metadata?op=Nope`, code: "E_HTTP", detail: "HTTP 404 Not Found", stage: "source" }]);
  });

  it("classifies URLs", () => {
    expect(isOpPageUrl(new URL("https://h/json/metadata?OP=X"))).toBe(true);
    expect(isOpPageUrl(new URL("https://h/metadata"))).toBe(false);
    expect(indexUrlFor(new URL("https://h/api/")).href).toBe("https://h/api/metadata");
    expect(indexUrlFor(new URL("https://h/metadata")).href).toBe("https://h/metadata");
    expect(indexUrlFor(new URL("https://h")).href).toBe("https://h/metadata");
  });
});

describe("crawl: the result does not depend on the order in which fetches finish", () => {
  // each op page links its ?lang=typescript view, which fails (W_CODE_VIEW); the pages answer after `delays[op]` ms
  const nav = (op: string) => `<div class="types-nav"><a href="?op=${op}&lang=typescript">TypeScript</a></div>`;
  async function crawlWith(delays: Record<string, number>) {
    let at = "";
    const slow = http.createServer((req, res) => {
      const u = new URL(req.url!, "http://x");
      if (u.pathname === "/metadata") return void res.end(indexHtml(OPS, at));
      const op = OPS.find((o) => o.name === u.searchParams.get("op"));
      if (!op || u.searchParams.has("lang")) return void setTimeout(() => res.writeHead(404).end(), delays[op?.name ?? ""] ?? 0);
      setTimeout(() => res.end(opPageHtml(op).replace("<h2>", `${nav(op.name)}<h2>`)), delays[op.name]);
    });
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    at = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    try {
      const result = await crawl([at], { concurrency: 3, http: { ...http0, retries: 0 } });
      // the origin (a fresh port per server) aside
      return JSON.parse(JSON.stringify(result).replaceAll(at, "ORIGIN")) as typeof result;
    } finally {
      await new Promise((r) => slow.close(r));
    }
  }

  it("pages, failures and warnings come in index order whichever page answers first", async () => {
    const forward = await crawlWith({ Alpha: 0, Beta: 40, Gamma: 80 });
    const backward = await crawlWith({ Alpha: 80, Beta: 40, Gamma: 0 });
    expect(forward.pages.map((p) => p.operation)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(forward.diagnostics.filter((d) => d.code === "W_CODE_VIEW").map((d) => d.page)).toEqual(
      ["Alpha", "Beta", "Gamma"].map((op) => `ORIGIN/json/metadata?op=${op}`),
    );
    expect(backward).toEqual(forward);
  });
});
