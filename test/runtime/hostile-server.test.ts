// The runtime's guarantees against hostile input and servers (issue 10): path values cannot leave their
// route, refresh failures are single-flight, waits are capped and never overflow the timer, credentials do
// not follow redirects to other origins, user JSON cannot swap a DTO's prototype, methods only ever reject
// with ApiError, and every call has a default timeout and a response-size cap.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ApiError, callOperation, dto, resolveUrl, ServiceClient, type ClientOptions, type OperationDef, type RequestDto,
} from "../../templates/runtime.js";
import { raw, startFakeServiceStack, type FakeServiceStack } from "../helpers/fake-servicestack.js";
import { dto as requestOf } from "./dto.js";

let server: FakeServiceStack, other: FakeServiceStack;
const last = () => server.requests[server.requests.length - 1]!;

beforeAll(async () => {
  const services = {
    Hello: (d: Record<string, unknown>) => ({ result: `Hello, ${String(d.name ?? d.number ?? d.path)}` }),
    GetInvoice: (d: Record<string, unknown>) => ({ number: d.Number ?? d.number }),
    GetFile: (d: Record<string, unknown>) => ({ path: d.Path ?? d.path }),
    Big: () => raw({ status: 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ s: "x".repeat(200_000) }) }),
  };
  const routes = [
    { path: "/invoices/{Number}", verbs: ["GET"], op: "GetInvoice" },
    { path: "/files/{Path*}", verbs: ["GET"], op: "GetFile" },
  ];
  server = await startFakeServiceStack({ services, routes });
  other = await startFakeServiceStack({ services, routes });
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  server.token = undefined;
  server.requests.length = 0;
  other.requests.length = 0;
});

const invoice: OperationDef = { method: "GET", routes: [{ path: "/invoices/{Number}", verbs: ["GET"] }] };
const file: OperationDef = { method: "GET", routes: [{ path: "/files/{Path*}", verbs: ["GET"] }] };
const client = (extra: Partial<ClientOptions> = {}) => new ServiceClient({ baseUrl: server.url, retryDelayMs: 5, ...extra });
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
};

describe("path values cannot leave their route", () => {
  for (const value of ["..", ".", ""]) {
    it(`a path variable ${JSON.stringify(value)} does not reach another path; the value goes to the query`, async () => {
      const r = resolveUrl("https://h.test", "GetInvoice", "GET", { number: value }, invoice.routes);
      expect(new URL(r.url).pathname).toBe("/json/reply/GetInvoice");
      await client().send(requestOf("GetInvoice", { number: value }), {}, invoice);
      expect(last()).toMatchObject({ path: "/json/reply/GetInvoice", query: { number: value } });
    });
  }

  for (const value of ["../../admin", "a/./b", "a/../../b", "./x", "a//b", "a/.."]) {
    it(`a wildcard value ${value} keeps every segment inside the route`, async () => {
      const r = resolveUrl("https://h.test", "GetFile", "GET", { path: value }, file.routes);
      expect(new URL(r.url).pathname).toBe("/json/reply/GetFile");
      const answer = await client().send(requestOf("GetFile", { path: value }), {}, file);
      expect(answer).toEqual({ path: value });
    });
  }

  it("still fills ordinary values, with dots inside a segment and encoded specials", () => {
    expect(resolveUrl("https://h.test", "GetFile", "GET", { path: "a/.b/c..d/%2e%2e" }, file.routes).url).toBe(
      "https://h.test/files/a/.b/c..d/%252e%252e",
    );
    expect(resolveUrl("https://h.test", "GetInvoice", "GET", { number: "..." }, invoice.routes).url).toBe("https://h.test/invoices/...");
    expect(resolveUrl("https://h.test", "GetInvoice", "GET", { number: "a\\..?#" }, invoice.routes).url).toBe(
      "https://h.test/invoices/a%5C..%3F%23",
    );
  });
});

describe("token refresh", () => {
  it("a failing refresh is single-flight too: 50 staggered 401s make one refresh call", async () => {
    server.token = "valid";
    let refreshes = 0;
    const c = client({
      bearerToken: "old",
      refreshToken: async () => {
        refreshes++;
        await new Promise((r) => setTimeout(r, 15));
        throw new Error("refresh failed");
      },
    });
    const calls = Array.from({ length: 50 }, (_, i) =>
      new Promise((r) => setTimeout(r, i * 2)).then(() => failure(c.send(requestOf("Hello", { name: i })))),
    );
    for (const e of await Promise.all(calls)) expect(e.status).toBe(401);
    expect(refreshes).toBe(1);
    expect(server.requests.length).toBe(50);
  });

  it("a token that did not refresh stays refused until the caller sets another", async () => {
    server.token = "valid";
    let refreshes = 0;
    const c = client({ bearerToken: "old", refreshToken: async () => (refreshes++ ? "valid" : undefined) });
    await failure(c.send(requestOf("Hello")));
    await failure(c.send(requestOf("Hello")));
    expect(refreshes).toBe(1);
    c.bearerToken = "older";
    await expect(c.send(requestOf("Hello", { name: "x" }))).resolves.toEqual({ result: "Hello, x" });
    expect(refreshes).toBe(2);
  });
});

describe("waits are capped and never overflow the timer", () => {
  let warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.name);
  beforeEach(() => {
    warnings = [];
    process.on("warning", onWarning);
  });
  afterEach(() => void process.off("warning", onWarning));

  for (const retryAfter of ["1e9", "99999999999999999999", "3600", new Date(Date.UTC(2099, 0, 1)).toUTCString()]) {
    it(`Retry-After: ${retryAfter} ends the retries at once with the 503`, async () => {
      server.enqueue({ status: 503, headers: { "Retry-After": retryAfter } });
      const t = performance.now();
      const e = await failure(client().send(requestOf("Hello", {}, "GET")));
      expect(e.status).toBe(503);
      expect(performance.now() - t).toBeLessThan(1000);
      expect(server.requests.length).toBe(1);
      await new Promise((r) => setTimeout(r, 20));
      expect(warnings).not.toContain("TimeoutOverflowWarning");
    });
  }

  it("a garbage or negative Retry-After falls back to the backoff", async () => {
    server.enqueue({ status: 503, headers: { "Retry-After": "soon" } }, { status: 429, headers: { "Retry-After": "-5" } });
    await expect(client().send(requestOf("Hello", { name: "g" }, "GET"))).resolves.toEqual({ result: "Hello, g" });
    expect(server.requests.length).toBe(3);
  });

  it("maxRetryWaitMs raises the cap on one wait", async () => {
    server.enqueue({ status: 503, headers: { "Retry-After": "0.3" } });
    await failure(client({ maxRetryWaitMs: 100 }).send(requestOf("Hello", {}, "GET")));
    server.enqueue({ status: 503, headers: { "Retry-After": "0.3" } });
    await expect(client({ maxRetryWaitMs: 400 }).send(requestOf("Hello", { name: "w" }, "GET"))).resolves.toEqual({
      result: "Hello, w",
    });
  });

  it("maxTotalWaitMs caps the waiting of one call", async () => {
    const busy = { status: 503, headers: { "Retry-After": "0.2" } };
    server.enqueue(busy, busy);
    const e = await failure(client({ retries: 5, maxTotalWaitMs: 300 }).send(requestOf("Hello", {}, "GET")));
    expect(e.status).toBe(503);
    expect(server.requests.length).toBe(2);
  });

  it("a huge backoff or timeout does not fire early", async () => {
    let calls = 0;
    const down: typeof fetch = () => (calls++, Promise.reject(new TypeError("fetch failed")));
    await failure(client({ fetch: down, retryDelayMs: 1e12 }).send(requestOf("Hello", {}, "GET")));
    expect(calls).toBe(1);
    await expect(client({ timeoutMs: 1e12 }).send(requestOf("Hello", { name: "t" }))).resolves.toEqual({ result: "Hello, t" });
    expect(warnings).not.toContain("TimeoutOverflowWarning");
  });
});

describe("redirects", () => {
  const hello = requestOf("Hello", { name: "r" }, "GET");

  it("refuses a redirect to another origin: neither the custom headers nor the token reach it", async () => {
    server.enqueue({ status: 302, headers: { Location: `${other.url}/json/reply/Hello?name=evil` } });
    const c = client({ headers: { "X-Api-Key": "secret" }, bearerToken: "tok" });
    const e = await failure(c.send(hello));
    expect(e).toMatchObject({ kind: "redirect", status: 302 });
    expect(other.requests.length).toBe(0);
  });

  it("refuses it for a call without credentials too (the other origin's body is never the answer)", async () => {
    server.enqueue({ status: 307, headers: { Location: `${other.url}/json/reply/Hello` } });
    expect((await failure(client().send(hello))).kind).toBe("redirect");
    expect(other.requests.length).toBe(0);
  });

  it("follows same-origin redirects with the headers, 303 as GET", async () => {
    server.enqueue({ status: 301, headers: { Location: "/json/reply/Hello?name=moved" } });
    const c = client({ headers: { "X-Api-Key": "secret" } });
    await expect(c.send(hello)).resolves.toEqual({ result: "Hello, moved" });
    expect(last().headers["x-api-key"]).toBe("secret");
    server.enqueue({ status: 303, headers: { Location: "/json/reply/Hello?name=seen" } });
    await expect(c.send(requestOf("Hello", { name: "p" }, "POST"))).resolves.toEqual({ result: "Hello, seen" });
    expect(last()).toMatchObject({ method: "GET", body: "" });
  });

  it("stops a same-origin redirect loop", async () => {
    const loop = { status: 302, headers: { Location: "/json/reply/Hello" } };
    server.enqueue(loop, loop, loop, loop, loop, loop);
    expect((await failure(client().send(hello))).kind).toBe("redirect");
    expect(server.requests.length).toBe(6);
  });

  it("follows cross-origin redirects only when crossOriginRedirects is set", async () => {
    server.enqueue({ status: 302, headers: { Location: `${other.url}/json/reply/Hello?name=there` } });
    await expect(client({ crossOriginRedirects: true }).send(hello)).resolves.toEqual({ result: "Hello, there" });
    expect(other.requests.length).toBe(1);
  });
});

// Shaped like a generated request DTO
class GetInvoiceResponse {
  number?: string;
}
class GetInvoice implements RequestDto<GetInvoiceResponse> {
  number?: string;
  constructor(init?: Partial<GetInvoice>) {
    Object.assign(this, init);
  }
  getTypeName() {
    return "GetInvoice";
  }
  getMethod() {
    return "GET";
  }
  createResponse() {
    return new GetInvoiceResponse();
  }
}
// as a generated per-operation function calls it (emit/client.ts)
const getInvoice = (c: ServiceClient, request: unknown): Promise<unknown> => callOperation(c, request, undefined, invoice, GetInvoice);

describe("what the caller hands over is validated", () => {
  it("a __proto__ key in user JSON cannot swap the DTO's prototype", async () => {
    const evil = JSON.parse('{"__proto__": {"getTypeName": "x", "polluted": true}, "number": "7", "getTypeName": 1}');
    const d = dto(GetInvoice, evil);
    expect(Object.getPrototypeOf(d)).toBe(GetInvoice.prototype);
    expect(d.getTypeName()).toBe("GetInvoice");
    expect({ ...d }).toEqual({ number: "7" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expect(getInvoice(client(), evil)).resolves.toEqual({ number: "7" });
    expect(last().path).toBe("/invoices/7");
  });

  const bad: [string, (c: ServiceClient) => Promise<unknown>][] = [
    ["send(null)", (c) => c.send(null as never)],
    ["send({})", (c) => c.send({} as never)],
    ["send with a throwing getTypeName", (c) => c.send({ getTypeName: () => { throw new Error("x"); } } as never)],
    ["sendOneWay(undefined)", (c) => c.sendOneWay(undefined as never)],
    ["sendAll([null])", (c) => c.sendAll([null as never])],
    ["sendAll(null)", (c) => c.sendAll(null as never)],
    ["sendAllOneWay([{}])", (c) => c.sendAllOneWay([{} as never])],
    ["an operation with a string", (c) => getInvoice(c, "7" as never)],
    ["an operation with null", (c) => getInvoice(c, null as never)],
    ["an operation with an array", (c) => getInvoice(c, [] as never)],
    ["a headers function that throws", (c) => new ServiceClient({ baseUrl: server.url, headers: () => { throw new Error("h"); } }).send(requestOf("Hello"))],
    ["an unparsable base URL", () => new ServiceClient({ baseUrl: "http://[" }).send(requestOf("Hello"))],
  ];
  for (const [what, call] of bad) {
    it(`${what} rejects with ApiError instead of throwing`, async () => {
      let p!: Promise<unknown>;
      expect(() => (p = call(client()))).not.toThrow();
      const e = await failure(p);
      expect(["invalid", "network"]).toContain(e.kind);
    });
  }
});

describe("default timeout and response-size cap", () => {
  afterEach(() => void vi.useRealTimers());

  it("a call that never answers times out after 30 s by default", async () => {
    vi.useFakeTimers();
    const never: typeof fetch = (_, init) =>
      new Promise((_, reject) => init!.signal!.addEventListener("abort", () => reject(new Error("aborted"))));
    const p = failure(new ServiceClient({ baseUrl: "http://h.test", fetch: never }).send(requestOf("Hello")));
    await vi.advanceTimersByTimeAsync(29_000);
    await vi.advanceTimersByTimeAsync(1_500);
    expect((await p).kind).toBe("timeout");
  });

  it("a body over maxResponseBytes fails with kind size", async () => {
    const e = await failure(client({ maxResponseBytes: 100_000 }).send(requestOf("Big")));
    expect(e).toMatchObject({ kind: "size", responseStatus: { errorCode: "ResponseTooLarge" } });
    await expect(client().send(requestOf("Big"))).resolves.toMatchObject({ s: expect.any(String) });
  });

  it("an endless body stops at the default 32 MiB and is cancelled", async () => {
    let pulled = 0, cancelled = false;
    const endless: typeof fetch = async () =>
      new Response(
        new ReadableStream({
          pull(ctl) {
            pulled += 1 << 20;
            ctl.enqueue(new Uint8Array(1 << 20));
          },
          cancel: () => void (cancelled = true),
        }),
        { headers: { "Content-Type": "application/json" } },
      );
    const e = await failure(new ServiceClient({ baseUrl: "http://h.test", fetch: endless }).send(requestOf("Hello")));
    expect(e.kind).toBe("size");
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(40 << 20);
  });
});
