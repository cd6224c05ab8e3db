import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, ServiceClient, type ClientOptions } from "../../templates/runtime.js";
import { errorBody, raw, ServiceError, startFakeServiceStack, type FakeServiceStack } from "../helpers/fake-servicestack.js";
import { dto } from "./dto.js";

let server: FakeServiceStack;

beforeAll(async () => {
  server = await startFakeServiceStack({
    services: {
      Hello: (d) => ({ result: `Hello, ${String(d.name)}` }),
      Validate: () => {
        throw new ServiceError(400, "ValidationException", "'Sku' must not be empty.", [
          { errorCode: "NotEmpty", fieldName: "Sku", message: "'Sku' must not be empty.", meta: { PropertyName: "Sku" } },
        ]);
      },
      Crash: () => {
        throw new Error("boom");
      },
      DtoShaped: () =>
        raw({ status: 409, body: { Id: 0, ResponseStatus: { ErrorCode: "Conflict", Message: "taken", Errors: [] } } }),
      Html500: () => raw({ status: 500, headers: { "Content-Type": "text/html" }, body: "<html><body>oops</body></html>" }),
      Empty404: () => raw({ status: 404 }),
      BadJson: () => raw({ status: 200, headers: { "Content-Type": "application/json" }, body: '{"a": 1,' }),
    },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.wireCase = "camel";
  server.token = undefined;
  server.requests.length = 0;
});

const client = (extra: Partial<ClientOptions> = {}) => new ServiceClient({ baseUrl: server.url, retryDelayMs: 5, ...extra });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(ApiError);
      expect(e).toBeInstanceOf(Error);
      return e as ApiError;
    },
  );
const elapsed = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

describe("ApiError from HTTP errors", () => {
  for (const wireCase of ["camel", "pascal"] as const) {
    it(`reads a ${wireCase}Case responseStatus with field errors`, async () => {
      server.wireCase = wireCase;
      const e = await failure(client().send(dto("Validate", { sku: "" })));
      expect(e).toMatchObject({ name: "ApiError", status: 400, kind: "http", message: "'Sku' must not be empty." });
      expect(e.responseStatus).toMatchObject({
        errorCode: "ValidationException",
        message: "'Sku' must not be empty.",
        stackTrace: "   at Fake.Service()",
        errors: [{ errorCode: "NotEmpty", fieldName: "Sku", message: "'Sku' must not be empty.", meta: { PropertyName: "Sku" } }],
      });
    });
  }

  it("reads ResponseStatus inside a response DTO", async () => {
    const e = await failure(client().send(dto("DtoShaped")));
    expect(e.status).toBe(409);
    expect(e.responseStatus).toMatchObject({ errorCode: "Conflict", message: "taken", errors: [] });
  });

  it("normalizes an unhandled server exception", async () => {
    const e = await failure(client().send(dto("Crash")));
    expect(e).toMatchObject({ status: 500, kind: "http" });
    expect(e.responseStatus).toMatchObject({ errorCode: "Error", message: "boom" });
  });

  it("normalizes a non-JSON error body to the status code and text", async () => {
    const e = await failure(client().send(dto("Html500")));
    expect(e).toMatchObject({ status: 500, kind: "http", message: "Internal Server Error" });
    expect(e.responseStatus).toEqual({ errorCode: "500", message: "Internal Server Error", errors: [] });
  });

  it("normalizes an empty error body", async () => {
    const e = await failure(client().send(dto("Empty404")));
    expect(e.responseStatus).toEqual({ errorCode: "404", message: "Not Found", errors: [] });
    expect(e.status).toBe(404);
  });

  it("reports an unparsable success body as kind parse", async () => {
    const e = await failure(client().send(dto("BadJson")));
    expect(e).toMatchObject({ status: 200, kind: "parse" });
    expect(e.responseStatus.errorCode).toBe("ParseError");
    expect(e.cause).toBeInstanceOf(SyntaxError);
  });
});

describe("network, timeout and abort", () => {
  it("reports a refused connection as kind network with status 0, retrying GET only", async () => {
    const dead = await startFakeServiceStack();
    const url = dead.url;
    await dead.close();
    let calls = 0;
    const counting: typeof fetch = (input, init) => (calls++, fetch(input, init));
    const c = new ServiceClient({ baseUrl: url, retries: 2, retryDelayMs: 1, fetch: counting });
    const e = await failure(c.send(dto("Hello", {}, "GET")));
    expect(e).toMatchObject({ status: 0, kind: "network" });
    expect(e.responseStatus.errorCode).toBe("NetworkError");
    expect(calls).toBe(3);
    calls = 0;
    await failure(c.send(dto("Hello", {}, "POST")));
    expect(calls).toBe(1);
  });

  it("retries an idempotent call after a network error and then succeeds", async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) => (++calls == 1 ? Promise.reject(new TypeError("fetch failed")) : fetch(input, init));
    const r = await client({ fetch: flaky }).send(dto("Hello", { name: "x" }, "PUT"));
    expect(r).toEqual({ result: "Hello, x" });
    expect(calls).toBe(2);
  });

  it("times out with the client timeoutMs", async () => {
    server.enqueue({ status: 200, body: {}, delayMs: 1000 });
    let e!: ApiError;
    const ms = await elapsed(async () => (e = await failure(client({ timeoutMs: 50 }).send(dto("Hello", {}, "POST")))));
    expect(e).toMatchObject({ status: 0, kind: "timeout" });
    expect(ms).toBeLessThan(800);
  });

  it("lets a per-call timeoutMs override the client's", async () => {
    server.enqueue({ status: 200, body: { ok: 1 }, delayMs: 150 });
    await expect(client({ timeoutMs: 50 }).send(dto("Hello"), { timeoutMs: 2000 })).resolves.toEqual({ ok: 1 });
    server.enqueue({ status: 200, body: {}, delayMs: 1000 });
    const e = await failure(client({ timeoutMs: 5000 }).send(dto("Hello"), { timeoutMs: 50 }));
    expect(e.kind).toBe("timeout");
  });

  it("reports a call aborted through its signal as kind aborted", async () => {
    server.enqueue({ status: 200, body: {}, delayMs: 1000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    const e = await failure(client({ timeoutMs: 5000 }).send(dto("Hello"), { signal: ac.signal }));
    expect(e).toMatchObject({ status: 0, kind: "aborted" });
    expect(e.responseStatus.errorCode).toBe("AbortError");
  });

  it("rejects at once with an already aborted signal", async () => {
    const ac = new AbortController();
    ac.abort();
    const e = await failure(client().send(dto("Hello"), { signal: ac.signal }));
    expect(e.kind).toBe("aborted");
  });

  it("stops waiting for a retry when aborted", async () => {
    server.enqueue({ status: 503, headers: { "Retry-After": "30" } });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    let e!: ApiError;
    const ms = await elapsed(async () => (e = await failure(client().send(dto("Hello", {}, "GET"), { signal: ac.signal }))));
    expect(e.kind).toBe("aborted");
    expect(ms).toBeLessThan(2000);
  });
});

describe("retries", () => {
  it("honours Retry-After (seconds) on 503 for GET, then succeeds", async () => {
    server.enqueue({ status: 503, headers: { "Retry-After": "1" }, body: errorBody("camel", "ServiceUnavailable", "busy") });
    let r: unknown;
    const ms = await elapsed(async () => (r = await client().send(dto("Hello", { name: "r" }, "GET"))));
    expect(r).toEqual({ result: "Hello, r" });
    // this call's requests only: a late request of an earlier test may still reach the shared server
    expect(server.requests.filter((q) => q.query.name === "r").length).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(950);
  });

  it("retries 429 with exponential backoff", async () => {
    server.enqueue({ status: 429 }, { status: 429 });
    const ms = await elapsed(() => client({ retryDelayMs: 40 }).send(dto("Hello", { name: "b" }, "DELETE")));
    expect(server.requests.map((r) => r.method)).toEqual(["DELETE", "DELETE", "DELETE"]);
    expect(ms).toBeGreaterThanOrEqual(40 + 80 - 5);
  });

  it("gives up after `retries` retries with the last error", async () => {
    server.enqueue({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const e = await failure(client({ retries: 2 }).send(dto("Hello", {}, "GET")));
    expect(e.status).toBe(503);
    expect(server.requests.length).toBe(3);
    server.requests.length = 0;
    server.enqueue({ status: 503 });
    await failure(client({ retries: 0 }).send(dto("Hello", {}, "OPTIONS")));
    expect(server.requests.length).toBe(1);
    await client().send(dto("Hello", {}, "GET")); // drain the queue
  });

  it("counts retries that wait for Retry-After", async () => {
    const busy = { status: 503, headers: { "Retry-After": "0" } };
    server.enqueue(busy, busy, busy, busy);
    const e = await failure(client({ retries: 2 }).send(dto("Hello", {}, "GET")));
    expect(e.status).toBe(503);
    expect(server.requests.length).toBe(3);
    await client().send(dto("Hello", {}, "GET")); // drain the queue
  }, 5000);

  it("reads Retry-After as an HTTP date", async () => {
    server.enqueue({ status: 429, headers: { "Retry-After": new Date(Date.now() - 1000).toUTCString() } });
    let r: unknown;
    const ms = await elapsed(async () => (r = await client({ retryDelayMs: 5000 }).send(dto("Hello", { name: "d" }, "GET"))));
    expect(r).toEqual({ result: "Hello, d" });
    expect(server.requests.length).toBe(2);
    expect(ms).toBeLessThan(2000); // the date (already past) was used, not the 5 s backoff
  });

  it("never retries POST or PATCH, nor other statuses", async () => {
    for (const verb of ["POST", "PATCH"]) {
      server.requests.length = 0;
      server.enqueue({ status: 503, headers: { "Retry-After": "0" } });
      const e = await failure(client().send(dto("Hello", {}, verb)));
      expect(e.status).toBe(503);
      expect(server.requests.length).toBe(1);
    }
    server.requests.length = 0;
    server.enqueue({ status: 500 });
    await failure(client().send(dto("Hello", {}, "GET")));
    expect(server.requests.length).toBe(1);
  });
});

describe("bearer token refresh", () => {
  it("shares one refresh between 5 concurrent 401s and retries each call once", async () => {
    server.token = "new";
    let refreshes = 0;
    const c = client({
      bearerToken: "old",
      refreshToken: async () => {
        refreshes++;
        await new Promise((r) => setTimeout(r, 20));
        return "new";
      },
    });
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => c.send(dto("Hello", { name: i }))));
    expect(results).toEqual([1, 2, 3, 4, 5].map((i) => ({ result: `Hello, ${i}` })));
    expect(refreshes).toBe(1);
    expect(c.bearerToken).toBe("new");
    const auth = server.requests.map((r) => r.headers.authorization).sort();
    expect(auth).toEqual([...Array(5).fill("Bearer new"), ...Array(5).fill("Bearer old")]);
  });

  it("fails when the retried call gets a second 401", async () => {
    server.token = "valid";
    let refreshes = 0;
    const c = client({ bearerToken: "old", refreshToken: async () => (refreshes++, "still-wrong") });
    const errors = await Promise.all([1, 2, 3].map(() => failure(c.send(dto("Hello")))));
    for (const e of errors) expect(e).toMatchObject({ status: 401, kind: "http", responseStatus: { errorCode: "Unauthorized" } });
    expect(refreshes).toBe(1);
    expect(server.requests.length).toBe(6);
  });

  it("fails with the 401 when there is no refresh callback or it yields no token", async () => {
    server.token = "valid";
    await failure(client({ bearerToken: "old" }).send(dto("Hello")));
    expect(server.requests.length).toBe(1);
    const e = await failure(client({ refreshToken: async () => undefined }).send(dto("Hello")));
    expect(e.status).toBe(401);
    const thrown = await failure(client({ refreshToken: () => Promise.reject(new Error("no")) }).send(dto("Hello")));
    expect(thrown.status).toBe(401);
    expect(server.requests.length).toBe(3);
  });
});
