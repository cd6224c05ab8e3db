// The committed generated client (generated/), bundled with esbuild for the browser, calling the fake
// ServiceStack server from a page in headless Chromium (playwright-core driving Debian's /usr/bin/chromium):
// both client forms across origins with CORS, bearer and custom headers through a preflight, api() results,
// multipart from a File, and the failures only a browser has: a server without CORS is `kind: "cors"`
// (not retried), a dead port is `kind: "network"`.
// Without Chromium the suite is skipped with a message, except under CI (CI=1), where it fails.
import { build } from "esbuild";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceError, startFakeServiceStack, type FakeServiceStack } from "../helpers/fake-servicestack.js";

const ROOT = resolve(import.meta.dirname, "../..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const found = existsSync(CHROMIUM);
const inCi = !!process.env.CI;
if (!found && !inCi) console.log(`skipping the Chromium tests: no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

it.runIf(inCi)("Chromium is installed in CI (.ci/run installs it)", () => {
  expect(found, `no browser at ${CHROMIUM}`).toBe(true);
});

describe.skipIf(!found)("generated client in headless Chromium", () => {
  let api: FakeServiceStack, noCors: FakeServiceStack, pageServer: Server, pageOrigin: string, deadOrigin: string;
  let context: BrowserContext, page: Page, profile: string;

  beforeAll(async () => {
    const services = {
      GetCustomer: (d: Record<string, unknown>) => ({ id: Number(d.Id), name: "Ann" }),
      CreateOrder: (d: Record<string, unknown>) => {
        if (Number(d.CustomerId ?? d.customerId) === 0) throw new ServiceError(400, "ValidationException", "Invalid customer", [
          { errorCode: "GreaterThan", fieldName: "CustomerId", message: "must be > 0" },
        ]);
        return { id: 101 };
      },
    };
    const routes = [
      { path: "/customers/{Id}", verbs: ["GET"], op: "GetCustomer" },
      { path: "/customers/{CustomerId}/orders", verbs: ["POST"], op: "CreateOrder" },
    ];
    api = await startFakeServiceStack({ services, routes, cors: true });
    noCors = await startFakeServiceStack({ services, routes });
    const dead = await startFakeServiceStack();
    deadOrigin = dead.url;
    await dead.close();

    const bundle = await build({
      stdin: { contents: 'export * from "./generated/index.ts";', resolveDir: ROOT, loader: "ts" },
      bundle: true, format: "iife", globalName: "ssgen", platform: "browser", target: "es2022", write: false, logLevel: "silent",
    });
    const script = bundle.outputFiles[0]!.text;
    pageServer = createServer((req, res) => {
      if (req.url === "/client.js") return res.writeHead(200, { "Content-Type": "text/javascript" }).end(script);
      res.writeHead(200, { "Content-Type": "text/html" }).end('<!doctype html><title>ssgen</title><script src="/client.js"></script>');
    });
    await new Promise<void>((r) => pageServer.listen(0, "127.0.0.1", r));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;

    profile = mkdtempSync(join(tmpdir(), "ssgen-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pageOrigin + "/");
    await page.waitForFunction(() => "ssgen" in window);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await Promise.all([api?.close(), noCors?.close(), new Promise((r) => (pageServer ? pageServer.close(r) : r(0)))]);
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  // Runs in the page: `ssgen` is the bundled generated/index.ts.
  type Lib = typeof import("../../generated/index.js");
  const inPage = <T>(fn: (lib: Lib, base: string) => Promise<T>, base: string): Promise<T> =>
    page.evaluate(
      async ([source, base]) => new Function("lib", "base", `return (${source})(lib, base)`)((window as any).ssgen, base),
      [fn.toString(), base] as const,
    ) as Promise<T>;

  it("ApiClient calls another origin through CORS, with a bearer token and a custom header (so through a preflight)", async () => {
    const r = await inPage(async (lib, base) => {
      const client = new lib.ApiClient({ baseUrl: base, bearerToken: "tok", headers: { "X-Api-Key": "k" } });
      return client.getCustomer({ id: 7 });
    }, api.url);
    expect(r).toEqual({ id: 7, name: "Ann" });
    const get = api.requests.find((q) => q.method === "GET" && q.path === "/customers/7")!;
    expect(get.headers).toMatchObject({ authorization: "Bearer tok", "x-api-key": "k", origin: pageOrigin });
  });

  it("the tree-shakeable function form and api() work the same in the page", async () => {
    const r = await inPage(async (lib, base) => {
      const client = new lib.ServiceClient({ baseUrl: base });
      const one = await lib.getCustomer(client, { id: 8 });
      const bad = await client.api(new lib.CreateOrder({ customerId: 0, priority: lib.Priority.High }));
      const good = await client.api(new lib.CreateOrder({ customerId: 3, priority: lib.Priority.High }));
      return { one, bad, good };
    }, api.url);
    expect(r.one).toEqual({ id: 8, name: "Ann" });
    expect(r.bad).toMatchObject({ ok: false, error: { status: 400, kind: "http", errorCode: "ValidationException" } });
    expect(r.bad.error?.errors[0]?.fieldName).toBe("CustomerId");
    expect(r.good).toEqual({ ok: true, response: { id: 101 } });
  });

  it("sends a File field as multipart/form-data from the page", async () => {
    const before = api.requests.length;
    await inPage(async (lib, base) => {
      const order = Object.assign(new lib.CreateOrder({ customerId: 4, priority: lib.Priority.High }), {
        attachment: new File(["hello"], "a.txt", { type: "text/plain" }),
      });
      return new lib.ServiceClient({ baseUrl: base }, lib.operations).send(order);
    }, api.url);
    const post = api.requests.slice(before).find((q) => q.method === "POST")!;
    expect(post.path).toBe("/customers/4/orders");
    expect(post.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(post.body).toContain('filename="a.txt"');
    expect(post.body).toContain("hello");
  });

  it("tells a CORS refusal from a network failure, and retries neither CORS nor a POST", async () => {
    const r = await inPage(async (lib, base) => {
      const client = new lib.ApiClient({ baseUrl: base, retryDelayMs: 1 });
      const cors = await client.api(new lib.GetCustomer({ id: 1 }));
      return { cors };
    }, noCors.url);
    expect(r.cors).toMatchObject({ ok: false, error: { kind: "cors", status: 0, errorCode: "CorsError" } });
    // one GET (refused by the browser after the server answered) plus the opaque HEAD probe: no retries
    expect(noCors.requests.filter((q) => q.method === "GET").length).toBe(1);
    expect(noCors.requests.filter((q) => q.method === "HEAD").length).toBe(1);

    const down = await inPage(async (lib, base) => {
      const client = new lib.ApiClient({ baseUrl: base, retryDelayMs: 1, retries: 1 });
      return client.api(new lib.GetCustomer({ id: 1 }));
    }, deadOrigin);
    expect(down).toMatchObject({ ok: false, error: { kind: "network", status: 0 } });
  });
});
