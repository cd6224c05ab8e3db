// --tanstack: tanstack.ts type-checks against the real @tanstack/query-core and works with a real
// QueryClient: fetchQuery caches under the generated key, invalidation by the op-name prefix refetches,
// cancelQueries aborts the HTTP call, and mutation options run through a MutationObserver.
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { MutationObserver, QueryClient } from "@tanstack/query-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitClient } from "../../src/emit/index.js";
import { ServiceError, startFakeServiceStack, type FakeServiceStack } from "../helpers/fake-servicestack.js";
import { typecheck } from "../helpers/tsc.js";
import { api, kitchenModel, options, shopModel } from "./models.js";
import { importTs, removeDir, runtimeSource, writeFiles } from "./support.js";

type Fn = (...args: any[]) => any;
/** The shop's and the kitchen's operations in one client (GET, POST, DELETE, void and raw responses). */
const model = () => {
  const shop = shopModel(), kitchen = kitchenModel(), names = new Set(shop.types.map((t) => t.name));
  return api([...shop.operations, ...kitchen.operations], [...shop.types, ...kitchen.types.filter((t) => !names.has(t.name))]);
};
let server: FakeServiceStack, dir: string, lib: Record<string, Fn>, runtime: Record<string, any>, text: string;

beforeAll(async () => {
  server = await startFakeServiceStack({
    routes: [
      { path: "/customers/{Id}", verbs: ["GET"], op: "GetCustomer" },
      { path: "/customers/{CustomerId}/orders", verbs: ["POST"], op: "CreateOrder" },
    ],
    services: {
      GetCustomer: (d) => ({ id: Number(d.Id), name: `Customer ${String(d.Id)}`, n: server.requests.length }),
      CreateOrder: (d) => {
        if (Number(d.CustomerId) === 0) throw new ServiceError(400, "ValidationException", "no customer");
        return { id: 101 };
      },
    },
  });
  // inside the repo, so that tsc and esbuild resolve @tanstack/query-core from its node_modules
  const out = resolve(import.meta.dirname, "out");
  await mkdir(out, { recursive: true });
  dir = await mkdtemp(join(out, "tanstack-"));
  const files = await emitClient(model(), options({ runtimeSource: runtimeSource(), tanstack: true }));
  expect(files.map((f) => f.path)).toEqual(["dtos.ts", "client.ts", "runtime.ts", "index.ts", "tanstack.ts"]);
  text = files.find((f) => f.path === "tanstack.ts")!.content;
  await writeFiles(dir, files);
  await typecheck(dir);
  lib = await importTs(dir, "tanstack.ts");
  runtime = await importTs(dir, "runtime.ts");
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) await removeDir(dir);
});

const client = () => new runtime.ServiceClient({ baseUrl: server.url, retries: 0 });

describe("tanstack.ts", () => {
  it("imports only types from @tanstack/query-core, and is left out of the barrel", async () => {
    expect(text).toContain('import type { QueryFunctionContext } from "@tanstack/query-core";');
    expect(text).not.toMatch(/import \{[^}]*\} from "@tanstack/);
    expect(text).toMatch(/export const getCustomerQuery = /);
    expect(text).toMatch(/export const createOrderMutation = /);
    expect(text).not.toMatch(/createOrderQuery/);
    const without = await emitClient(model(), options({ runtimeSource: runtimeSource() }));
    expect(without.map((f) => f.path)).not.toContain("tanstack.ts");
  });

  it("the README's TanStack example type-checks against it", async () => {
    const readme = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");
    const example = /```typescript\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain('from "./api/tanstack.js"');
    await writeFile(join(dir, "readme-example.ts"), example!.replaceAll('"./api/', '"./') + "\nexport {};\n");
    await typecheck(dir);
  }, 60_000);

  it("query keys: the op name, then the request", () => {
    expect(lib.getCustomerKey!({ id: 5 })).toEqual(["GetCustomer", { id: 5 }]);
  });

  it("fetchQuery caches under the key; invalidating the op-name prefix refetches", async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: false } } });
    const c = client();
    const first = await qc.fetchQuery(lib.getCustomerQuery!(c, { id: 5 }));
    expect(first).toMatchObject({ id: 5, name: "Customer 5" });
    expect(qc.getQueryData(["GetCustomer", { id: 5 }])).toEqual(first);
    const before = server.requests.length;
    await qc.fetchQuery(lib.getCustomerQuery!(c, { id: 5 }));
    expect(server.requests.length).toBe(before); // fresh: served from the cache
    await qc.invalidateQueries({ queryKey: ["GetCustomer"] });
    await qc.fetchQuery(lib.getCustomerQuery!(c, { id: 5 }));
    expect(server.requests.length).toBe(before + 1);
    expect(server.requests.at(-1)!.path).toBe("/customers/5");
    qc.clear();
  });

  it("cancelQueries aborts the HTTP call through the query's signal", async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    server.enqueue({ status: 200, body: { id: 9 }, delayMs: 2000 });
    const signals: AbortSignal[] = [];
    const spy: typeof fetch = (input, init) => (signals.push(init!.signal!), fetch(input, init));
    const c = new runtime.ServiceClient({ baseUrl: server.url, retries: 0, fetch: spy });
    const pending = qc.fetchQuery(lib.getCustomerQuery!(c, { id: 9 })).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    expect(signals.length).toBe(1);
    expect(signals[0]!.aborted).toBe(false);
    await qc.cancelQueries({ queryKey: ["GetCustomer", { id: 9 }] });
    await pending;
    expect(signals[0]!.aborted).toBe(true); // the runtime's per-attempt signal followed the query's
    qc.clear();
  });

  it("mutation options run the operation and surface ApiError", async () => {
    const qc = new QueryClient();
    const observer = new MutationObserver<unknown, unknown, object>(qc, lib.createOrderMutation!(client()));
    await expect(observer.mutate({ customerId: 3, priority: "High", items: [] })).resolves.toEqual({ id: 101 });
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", path: "/customers/3/orders" });
    const failed = new MutationObserver<unknown, unknown, object>(qc, lib.createOrderMutation!(client()));
    const e = await failed.mutate({ customerId: 0, priority: "High" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(runtime.ApiError);
    expect(failed.getCurrentResult()).toMatchObject({ status: "error", error: { status: 400, kind: "http" } });
    expect(qc.getMutationCache().getAll()[0]!.options.mutationKey).toEqual(["CreateOrder"]);
    qc.clear();
  });
});
