import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceError } from "../../src/source/errors.js";
import { DEFAULT_HTTP_OPTIONS, backoffDelay, fetchText, parseRetryAfter, type CachedPage, type HttpOptions } from "../../src/source/http.js";

let server: http.Server;
let base: string;
const hits = new Map<string, number>();
const seenHeaders: http.IncomingHttpHeaders[] = [];

function hit(path: string): number {
  const n = (hits.get(path) ?? 0) + 1;
  hits.set(path, n);
  return n;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    const n = hit(path);
    seenHeaders.push(req.headers);
    if (path === "/ok") return void res.end("hello");
    if (path === "/flaky") {
      if (n === 1) return void res.writeHead(500).end("boom");
      return void res.end("recovered");
    }
    if (path === "/limited") {
      if (n === 1) return void res.writeHead(429, { "Retry-After": "1" }).end();
      return void res.end("after wait");
    }
    if (path === "/always500") return void res.writeHead(503, "Service Unavailable").end();
    if (path === "/notfound") return void res.writeHead(404, "Not Found").end("Could not find operation: Nope");
    if (path === "/forbidden") return void res.writeHead(403).end("<h1>Metadata Not Available</h1>");
    // what a real ServiceStack host sends: the refusal only in the reason phrase, a bare body
    if (path === "/refused") return void res.writeHead(403, "Metadata Not Visible").end("403");
    if (path === "/hang") return; // never answers
    if (path === "/stall") {
      res.writeHead(200, { "Content-Length": "100" });
      res.write("partial");
      return; // body never completes
    }
    if (path === "/truncated") {
      if (n === 1) {
        res.writeHead(200, { "Content-Length": "100" });
        res.write("short");
        return void res.socket?.destroy();
      }
      return void res.end("complete now");
    }
    if (path === "/big-declared") {
      res.writeHead(200, { "Content-Length": String(20 * 1024 * 1024) });
      return void res.end();
    }
    if (path === "/big-chunked") {
      res.writeHead(200, { "Content-Type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, 97);
      let sent = 0;
      const pump = () => {
        while (sent < 20 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("error", () => undefined);
      return pump();
    }
    if (path.startsWith("/hop")) {
      const k = Number(path.slice(4));
      if (k > 0) return void res.writeHead(302, { Location: `/hop${k - 1}` }).end();
      return void res.end("landed");
    }
    if (path === "/away") return void res.writeHead(301, { Location: "http://evil.example/steal" }).end();
    if (path === "/etag") {
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
      return void res.writeHead(200, { ETag: '"v1"' }).end("fresh body");
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function opts(extra: Partial<HttpOptions> = {}): HttpOptions {
  return { ...DEFAULT_HTTP_OPTIONS, backoffMs: 10, timeoutMs: 2000, headers: {}, allowedOrigin: new URL(base).origin, ...extra };
}

async function failure(p: Promise<unknown>): Promise<SourceError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SourceError);
  return e as SourceError;
}

describe("fetchText", () => {
  it("reads a page and sends the given headers", async () => {
    const r = await fetchText(`${base}/ok`, opts({ headers: { "x-api-key": "k123" } }));
    expect(r.text).toBe("hello");
    expect(r.attempts).toBe(1);
    expect(seenHeaders.at(-1)!["x-api-key"]).toBe("k123");
  });

  it("retries a 500 and succeeds", async () => {
    const r = await fetchText(`${base}/flaky`, opts());
    expect(r.text).toBe("recovered");
    expect(r.attempts).toBe(2);
  });

  it("honours Retry-After on 429", async () => {
    const waits: number[] = [];
    const r = await fetchText(`${base}/limited`, opts({ sleep: async (ms) => void waits.push(ms) }));
    expect(r.text).toBe("after wait");
    expect(waits).toEqual([1000]);
  });

  it("gives up on persistent 5xx naming the status and the attempts", async () => {
    const e = await failure(fetchText(`${base}/always500`, opts({ retries: 2 })));
    expect(e.code).toBe("E_HTTP");
    expect(e.message).toContain("/always500: E_HTTP HTTP 503");
    expect(e.message).toContain("after 3 attempts");
    expect(hits.get("/always500")).toBe(3);
  });

  it("does not retry a 404 and recognises the unknown-op page", async () => {
    const e = await failure(fetchText(`${base}/notfound`, opts()));
    expect(e.code).toBe("E_UNKNOWN_OP");
    expect(hits.get("/notfound")).toBe(1);
  });

  it("reports protected metadata as E_ACCESS", async () => {
    const e = await failure(fetchText(`${base}/forbidden`, opts()));
    expect(e.code).toBe("E_ACCESS");
    expect(e.detail).toContain("Metadata Not Available");
  });

  it("reads a refusal from the reason phrase, as real hosts send it", async () => {
    const e = await failure(fetchText(`${base}/refused`, opts()));
    expect(e.code).toBe("E_ACCESS");
    expect(e.detail).toBe("HTTP 403 Metadata Not Visible (protected metadata? see --header / --bearer-env)");
    expect(hits.get("/refused")).toBe(1);
  });

  it("times out a hanging response, with retries", async () => {
    const started = Date.now();
    const e = await failure(fetchText(`${base}/hang`, opts({ timeoutMs: 150, retries: 1 })));
    expect(e.code).toBe("E_TIMEOUT");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(hits.get("/hang")).toBe(2);
  });

  it("times out a body that stalls half way", async () => {
    const e = await failure(fetchText(`${base}/stall`, opts({ timeoutMs: 150, retries: 0 })));
    expect(e.code).toBe("E_TIMEOUT");
  });

  it("retries a body cut short by the server", async () => {
    const r = await fetchText(`${base}/truncated`, opts());
    expect(r.text).toBe("complete now");
    expect(r.attempts).toBe(2);
  });

  it("refuses a page whose declared size is over the cap", async () => {
    const e = await failure(fetchText(`${base}/big-declared`, opts()));
    expect(e.code).toBe("E_TOO_LARGE");
    expect(e.detail).toContain("10 MB");
  });

  it("aborts a streamed page once it passes the cap", async () => {
    const e = await failure(fetchText(`${base}/big-chunked`, opts({ maxBytes: 1024 * 1024 })));
    expect(e.code).toBe("E_TOO_LARGE");
    expect(e.detail).toContain("read aborted");
  });

  it("follows up to 5 same-origin redirects and no more", async () => {
    expect((await fetchText(`${base}/hop5`, opts())).text).toBe("landed");
    const e = await failure(fetchText(`${base}/hop6`, opts()));
    expect(e.code).toBe("E_REDIRECT");
  });

  it("refuses a redirect to another origin without requesting it", async () => {
    const e = await failure(fetchText(`${base}/away`, opts()));
    expect(e.code).toBe("E_ORIGIN");
    expect(e.detail).toContain("http://evil.example");
  });

  it("refuses a request outside the allowed origin", async () => {
    const e = await failure(fetchText("http://localhost:1/x", opts()));
    expect(e.code).toBe("E_ORIGIN");
  });

  it("revalidates with If-None-Match and serves the cached body on 304", async () => {
    const store = new Map<string, CachedPage>();
    const cache = { get: async (u: string) => store.get(u), put: async (u: string, p: CachedPage) => void store.set(u, p) };
    const first = await fetchText(`${base}/etag`, opts({ cache }));
    expect(first.fromCache).toBe(false);
    const second = await fetchText(`${base}/etag`, opts({ cache }));
    expect(second).toMatchObject({ fromCache: true, text: "fresh body" });
    expect(seenHeaders.at(-1)!["if-none-match"]).toBe('"v1"');
  });
});

describe("retry timing", () => {
  it("parses Retry-After seconds and dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(5000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  it("backs off exponentially with jitter inside [half, full] of the step", () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const d = backoffDelay(attempt, 100);
      const step = 100 * 2 ** (attempt - 1);
      expect(d).toBeGreaterThanOrEqual(step / 2);
      expect(d).toBeLessThanOrEqual(step);
    }
  });
});
