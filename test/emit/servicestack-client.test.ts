// The generated DTO classes must work unchanged with ServiceStack's own JsonServiceClient, exactly
// like the dtos.ts ServiceStack's `typescript-ref` produces.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { JsonServiceClient } from "@servicestack/client";
import { transform } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitClient } from "../../src/emit/index.js";
import { api, kitchenModel, options, shopModel } from "./models.js";
import { removeDir, tempDir } from "./support.js";
import { typecheck } from "../helpers/tsc.js";

interface Seen {
  method: string;
  path: string;
  query: string;
  body: string;
  contentType?: string;
}

type Ctor = new (init?: object) => object;

const seen: Seen[] = [];
let server: Server;
let baseUrl: string;
let dir: string;
let typesDir: string;
const OUT = resolve(import.meta.dirname, "out");
let dtos: Record<string, Ctor>;

function reply(res: ServerResponse, status: number, body: unknown, type = "application/json") {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/** Answers like a ServiceStack host: /api/{Op}, /json/reply/{Op} and the declared routes. */
function handle(req: IncomingMessage, res: ServerResponse, body: string) {
  const url = new URL(req.url!, "http://x");
  seen.push({ method: req.method!, path: url.pathname, query: url.search, body, contentType: req.headers["content-type"] });
  const op =
    /^\/(?:api|json\/reply)\/([^/]+)$/.exec(url.pathname)?.[1] ??
    (/^\/customers\/[^/]+\/orders$/.test(url.pathname) || url.pathname === "/orders" ? "CreateOrder" : undefined);
  const dto = body ? (JSON.parse(body) as Record<string, unknown>) : Object.fromEntries(url.searchParams);
  switch (op) {
    case "CreateOrder":
      if (!dto.items) return reply(res, 400, { responseStatus: { errorCode: "NotEmpty", message: "'Items' must not be empty.", errors: [{ errorCode: "NotEmpty", fieldName: "Items", message: "'Items' must not be empty." }] } });
      return reply(res, 200, { id: 42, meta: { customer: String(dto.customerId) } });
    case "GetCustomer":
      return reply(res, 200, { id: Number(dto.id), name: "Ada", title: "ms", scores: { "1": 2.5 } });
    case "DeleteCustomer":
      res.writeHead(204).end();
      return;
    case "Ping":
      return reply(res, 200, "pong", "text/plain");
    case "DownloadFile":
      return reply(res, 200, `file:${dto.path}`, "application/octet-stream");
    default:
      return reply(res, 404, { responseStatus: { errorCode: "NotFound", message: `no ${url.pathname}` } });
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => handle(req, res, body));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  // one model with the shop's and the kitchen's operations, emitted and transpiled like a user would
  const shop = shopModel();
  const kitchen = kitchenModel();
  const names = new Set(shop.types.map((t) => t.name));
  const model = api([...shop.operations, ...kitchen.operations], [...shop.types, ...kitchen.types.filter((t) => !names.has(t.name))]);
  const [file] = await emitClient(model, options());
  // Type-level compatibility too: the DTOs satisfy the real package's IReturn<T> in client.post().
  // The folder sits inside the repo so that "@servicestack/client" resolves from node_modules.
  await mkdir(OUT, { recursive: true });
  typesDir = await mkdtemp(join(OUT, "ssclient-types-"));
  await writeFile(join(typesDir, "dtos.ts"), file!.content);
  await writeFile(
    join(typesDir, "usage.ts"),
    [
      'import { JsonServiceClient } from "@servicestack/client";',
      'import { CreateOrder, CreateOrderResponse, LineItem } from "./dtos.js";',
      "export function place(client: JsonServiceClient): Promise<CreateOrderResponse> {",
      '  return client.post(new CreateOrder({ customerId: 7, items: [new LineItem({ sku: "A-1" })] }));',
      "}",
      "",
    ].join("\n"),
  );
  await typecheck(typesDir);
  dir = await tempDir("ssclient");
  const { code } = await transform(file!.content, { loader: "ts", format: "esm", target: "es2022" });
  const out = join(dir, "dtos.mjs");
  await writeFile(out, code);
  dtos = (await import(pathToFileURL(out).href)) as Record<string, Ctor>;
});

afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  if (dir) await removeDir(dir);
  if (typesDir) await removeDir(typesDir);
});

describe("generated DTOs with @servicestack/client's JsonServiceClient", () => {
  it("post() sends the DTO as JSON to /api/{Op} and returns the typed response", async () => {
    seen.length = 0;
    const client = new JsonServiceClient(baseUrl);
    const request = new dtos.CreateOrder!({ customerId: 7, priority: "High", items: [new dtos.LineItem!({ sku: "A-1", qty: 2 })], traceId: "t1" });
    const response = (await client.post(request as never)) as Record<string, unknown>;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", path: "/api/CreateOrder", contentType: "application/json" });
    expect(JSON.parse(seen[0]!.body)).toEqual({ traceId: "t1", customerId: 7, priority: "High", items: [{ sku: "A-1", qty: 2 }] });
    expect(response).toEqual({ id: 42, meta: { customer: "7" } });
  });

  it("send() uses getMethod() and /json/reply/{Op} when the base path is cleared", async () => {
    seen.length = 0;
    const client = new JsonServiceClient(baseUrl);
    client.basePath = null as unknown as string;
    const response = (await client.send(new dtos.GetCustomer!({ id: 5 }) as never)) as Record<string, unknown>;
    expect(seen[0]).toMatchObject({ method: "GET", path: "/json/reply/GetCustomer", query: "?id=5", body: "" });
    expect(response).toEqual({ id: 5, name: "Ada", title: "ms", scores: { "1": 2.5 } });
  });

  it("postToUrl() works with the declared route", async () => {
    seen.length = 0;
    const client = new JsonServiceClient(baseUrl);
    const response = (await client.postToUrl("/customers/9/orders", new dtos.CreateOrder!({ customerId: 9, items: [] }) as never)) as Record<string, unknown>;
    expect(seen[0]).toMatchObject({ method: "POST", path: "/customers/9/orders" });
    expect(JSON.parse(seen[0]!.body)).toEqual({ customerId: 9, items: [] });
    expect(response.id).toBe(42);
  });

  it("error bodies surface as responseStatus, matching the ResponseStatus DTO shape", async () => {
    const client = new JsonServiceClient(baseUrl);
    const error = (await client.post(new dtos.CreateOrder!({ customerId: 1 }) as never).catch((e: unknown) => e)) as { responseStatus: Record<string, unknown> };
    expect(error.responseStatus.errorCode).toBe("NotEmpty");
    const status = new dtos.ResponseStatus!(error.responseStatus) as Record<string, unknown>;
    expect(status).toMatchObject({ errorCode: "NotEmpty", message: "'Items' must not be empty." });
    expect((status.errors as Record<string, unknown>[])[0]!.fieldName).toBe("Items");
  });

  it("void (DELETE), string and Blob responses follow createResponse()", async () => {
    seen.length = 0;
    const client = new JsonServiceClient(baseUrl);
    await client.delete(new dtos.DeleteCustomer!({ id: 3 }) as never);
    expect(seen[0]).toMatchObject({ method: "DELETE", path: "/api/DeleteCustomer", query: "?id=3" });
    expect(await client.post(new dtos.Ping!() as never)).toBe("pong");
    const blob = (await client.get(new dtos.DownloadFile!({ path: "a/b" }) as never)) as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(await blob.text()).toBe("file:a/b");
    expect(seen[2]).toMatchObject({ method: "GET", path: "/api/DownloadFile", query: "?path=a%2Fb" });
  });
});
