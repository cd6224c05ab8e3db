// The generated ApiClient with the real runtime template: the operation table drives the routes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitClient } from "../../src/emit/index.js";
import { api, kitchenModel, options, shopModel } from "./models.js";
import { importTs, removeDir, runtimeSource, tempDir, writeFiles } from "./support.js";
import { typecheck } from "../helpers/tsc.js";


interface Seen { method: string; url: string; body: string }
type Client = Record<string, (req: object) => Promise<unknown>>;

const seen: Seen[] = [];
let server: Server;
let dir: string;
let client: Client;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, body });
      if (req.url!.startsWith("/customers/") && req.method === "DELETE") return void res.writeHead(204).end();
      const text = req.url!.includes("Ping") ? "pong" : JSON.stringify({ id: 42, name: "Ada" });
      res.writeHead(200, { "Content-Type": req.url!.includes("Ping") ? "text/plain" : "application/json" }).end(text);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const shop = shopModel();
  const kitchen = kitchenModel();
  const names = new Set(shop.types.map((t) => t.name));
  const model = api([...shop.operations, ...kitchen.operations], [...shop.types, ...kitchen.types.filter((t) => !names.has(t.name))]);
  dir = await tempDir("genclient");
  await writeFiles(dir, await emitClient(model, options({ runtimeSource: runtimeSource() })));
  await typecheck(dir);
  const mod = await importTs<{ ApiClient: new (o: object) => Client }>(dir, "index.ts");
  client = new mod.ApiClient({ baseUrl, retries: 0 });
});

afterAll(async () => {
  if (server) await new Promise((ok) => server.close(ok));
  if (dir) await removeDir(dir);
});

describe("generated ApiClient + runtime", () => {
  it("uses the declared route with the most variables, body for POST", async () => {
    seen.length = 0;
    const r = await client.createOrder!({ customerId: 7, priority: "High", items: [] });
    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.url).toBe("/customers/7/orders");
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ priority: "High", items: [] });
    expect(r).toEqual({ id: 42, name: "Ada" });
  });

  it("GET routes put the variables in the path", async () => {
    seen.length = 0;
    await client.getCustomer!({ id: 5 });
    expect(seen[0]).toMatchObject({ method: "GET", url: "/customers/5", body: "" });
  });

  it("ops without routes fall back to /json/reply/{Op}", async () => {
    seen.length = 0;
    expect(await client.ping!({})).toBe("pong");
    expect(seen[0]).toMatchObject({ method: "POST", url: "/json/reply/Ping" });
  });

  it("a method given parsed JSON with __proto__ still sends the DTO it names, and bad input only rejects", async () => {
    seen.length = 0;
    const evil = JSON.parse('{"__proto__": {"getTypeName": 1}, "customerId": 7, "priority": "High", "getMethod": "x"}');
    await client.createOrder!(evil);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/customers/7/orders" });
    expect(JSON.parse(seen[0]!.body)).toEqual({ priority: "High" });
    let p!: Promise<unknown>;
    expect(() => (p = client.createOrder!(null as never))).not.toThrow();
    await expect(p).rejects.toMatchObject({ name: "ApiError", kind: "invalid" });
  });

  it("void ops resolve without a body", async () => {
    seen.length = 0;
    await client.deleteCustomer!({ id: 3 });
    expect(seen[0]).toMatchObject({ method: "DELETE", url: "/customers/3" });
  });
});
