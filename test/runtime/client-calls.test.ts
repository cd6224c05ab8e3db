import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, ServiceClient, type Fields, type OperationTable, type RequestDto } from "../../templates/runtime.js";
import { raw, ServiceError, startFakeServiceStack, type FakeServiceStack } from "../helpers/fake-servicestack.js";
import { dto } from "./dto.js";

const ops: OperationTable = {
  CreateOrder: {
    method: "POST",
    routes: [
      { path: "/customers/{CustomerId}/orders", verbs: ["POST"] },
      { path: "/orders", verbs: ["POST"] },
    ],
  },
  GetOrder: { method: "GET", routes: [{ path: "/orders/{Id}", verbs: ["GET"] }] },
  DeleteOrder: { method: "DELETE", routes: [{ path: "/orders/{Id}", verbs: ["DELETE"] }] },
  GetFile: { method: "GET", routes: [{ path: "/files/{Path*}", verbs: ["GET"] }] },
  Hello: { method: "POST", routes: [] },
  Notify: { method: "POST", routes: [], oneWay: true },
};

let server: FakeServiceStack;
const last = () => server.requests[server.requests.length - 1];

beforeAll(async () => {
  server = await startFakeServiceStack({
    routes: [
      { path: "/customers/{CustomerId}/orders", verbs: ["POST"], op: "CreateOrder" },
      { path: "/orders", verbs: ["POST"], op: "CreateOrder" },
      { path: "/orders/{Id}", verbs: ["GET"], op: "GetOrder" },
      { path: "/orders/{Id}", verbs: ["DELETE"], op: "DeleteOrder" },
      { path: "/files/{Path*}", verbs: ["GET"], op: "GetFile" },
    ],
    services: {
      CreateOrder: (d) => ({ id: 101, customerId: Number(d.CustomerId ?? d.customerId ?? 0) }),
      GetOrder: (d) => ({ id: Number(d.Id) }),
      DeleteOrder: () => undefined,
      GetFile: (d) => ({ path: d.Path }),
      Hello: (d) => {
        if (d.name === "fail") throw new ServiceError(400, "ArgumentException", "bad name", [
          { errorCode: "NotEmpty", fieldName: "Name", message: "bad" },
        ]);
        return { result: `Hello, ${String(d.name)}` };
      },
      Notify: () => ({ ignored: true }),
      Text: () => raw({ status: 200, headers: { "Content-Type": "text/plain" }, body: "plain text" }),
      Empty200: () => raw({ status: 200 }),
      Dates: () =>
        raw({
          status: 200,
          headers: { "Content-Type": "application/json" },
          body:
            '{"a":"\\/Date(1700000000000)\\/","b":"\\/Date(1700000000000+0100)\\/","c":"2024-03-01T10:20:30.1234567Z",' +
            '"d":"2024-03-01T10:20:30+0100","e":"2024-03-01T10:20:30.5+01:00","f":"not a date","g":"2024-03-01",' +
            '"h":["\\/Date(-62135596800000-0000)\\/"],"n":5}',
        }),
    },
  });
});
afterAll(() => server.close());

const client = (extra: Partial<ConstructorParameters<typeof ServiceClient>[0]> = {}) =>
  new ServiceClient({ baseUrl: server.url, retryDelayMs: 5, ...extra }, ops);

describe("send: routes, query and body", () => {
  it("POSTs a JSON body to the route with the most filled variables", async () => {
    const r = await client().send(dto("CreateOrder", { customerId: 7, items: [{ sku: "a" }], dueDate: undefined }, "POST"));
    expect(r).toEqual({ id: 101, customerId: 7 });
    const req = last();
    expect(req).toMatchObject({ method: "POST", path: "/customers/7/orders", endpoint: "route", op: "CreateOrder" });
    expect(req.json).toEqual({ items: [{ sku: "a" }] });
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers.accept).toBe("application/json");
  });

  it("uses the variable-free route when the path variable is null", async () => {
    await client().send(dto("CreateOrder", { customerId: null, note: "x" }));
    expect(last()).toMatchObject({ method: "POST", path: "/orders", json: { note: "x" } });
  });

  it("GETs with path variables and the rest as JSV query string, without Content-Type", async () => {
    const r = await client().send(dto("GetOrder", { id: 42, tags: ["a,b", "c"], at: new Date(0), skip: null }));
    expect(r).toEqual({ id: 42 });
    const req = last();
    expect(req).toMatchObject({ method: "GET", path: "/orders/42", body: "" });
    expect(req.rawQuery).toBe("tags=%5B%22a%2Cb%22%2Cc%5D&at=1970-01-01T00%3A00%3A00.000Z");
    expect(req.query).toEqual({ tags: '["a,b",c]', at: "1970-01-01T00:00:00.000Z" });
    expect(req.headers["content-type"]).toBeUndefined();
  });

  it("DELETEs through its route and resolves undefined for a void response (204)", async () => {
    await expect(client().send(dto("DeleteOrder", { id: 3, reason: "dup" }))).resolves.toBeUndefined();
    expect(last()).toMatchObject({ method: "DELETE", path: "/orders/3", rawQuery: "reason=dup" });
  });

  it("keeps slashes of a {Var*} wildcard and encodes the rest", async () => {
    const r = await client().send(dto("GetFile", { path: "docs/a b/c.txt" }));
    expect(last().path).toBe("/files/docs/a%20b/c.txt");
    expect(r).toEqual({ path: "docs/a b/c.txt" });
  });

  it("falls back to /json/reply/{Op} without a usable route, or /api/{Op} in api mode", async () => {
    expect(await client().send(dto("Hello", { name: "World" }))).toEqual({ result: "Hello, World" });
    expect(last()).toMatchObject({ method: "POST", path: "/json/reply/Hello", endpoint: "reply", json: { name: "World" } });

    await client({ endpoint: "api" }).send(dto("Hello", { name: "Api" }));
    expect(last()).toMatchObject({ path: "/api/Hello", endpoint: "api" });

    // an op missing from the table still goes to /json/reply; this server does not know it either
    await expect(client().send(dto("NotInTable", {}))).rejects.toMatchObject({ status: 404, kind: "http" });
    expect(last()).toMatchObject({ path: "/json/reply/NotInTable", method: "POST" });
  });

  it("does not double the base URL's slashes", async () => {
    await new ServiceClient({ baseUrl: server.url + "/" }, ops).send(dto("Hello", { name: "x" }));
    expect(last().url).toBe("/json/reply/Hello");
  });

  it("resolves undefined for an empty 200 body and raw text for a string response", async () => {
    await expect(client().send(dto("Empty200"))).resolves.toBeUndefined();
    await expect(client().send(dto<string>("Text", {}, "GET", ""))).resolves.toBe("plain text");
  });
});

describe("send: verb", () => {
  it("takes CallOptions.method over getMethod over the op table over POST", async () => {
    await client().send(dto("Hello", { name: "a" }, "PUT"), { method: "GET" });
    expect(last()).toMatchObject({ method: "GET", path: "/json/reply/Hello", rawQuery: "name=a" });

    await client().send(dto("Hello", { name: "b" }, "put"));
    expect(last()).toMatchObject({ method: "PUT", json: { name: "b" } });

    await client().send(dto("GetOrder", { id: 9 }));
    expect(last()).toMatchObject({ method: "GET", path: "/orders/9" });

    await new ServiceClient({ baseUrl: server.url }).send(dto("Hello", { name: "c" }));
    expect(last()).toMatchObject({ method: "POST", path: "/json/reply/Hello" });
  });

  it("re-picks the route for an overridden verb", async () => {
    // /orders/{Id} allows only GET, so a PATCH goes to the fallback with a body
    await client().send(dto("GetOrder", { id: 9 }), { method: "PATCH" });
    expect(last()).toMatchObject({ method: "PATCH", path: "/json/reply/GetOrder", json: { id: 9 } });
  });
});

describe("one-way and batches", () => {
  it("sendOneWay posts to /json/oneway/{Op} and resolves undefined", async () => {
    await expect(client().sendOneWay(dto("Hello", { name: "q" }))).resolves.toBeUndefined();
    expect(last()).toMatchObject({ method: "POST", path: "/json/oneway/Hello", endpoint: "oneway", json: { name: "q" } });
  });

  it("send uses /json/oneway/{Op} for an op marked oneWay", async () => {
    await expect(client().send(dto("Notify", { x: 1 }))).resolves.toBeUndefined();
    expect(last()).toMatchObject({ path: "/json/oneway/Notify" });
  });

  it("sendAll posts one JSON array to /json/reply/{Op}[] and returns the responses", async () => {
    const rs = await client().sendAll([dto("Hello", { name: "a" }), dto("Hello", { name: "b" })]);
    expect(rs).toEqual([{ result: "Hello, a" }, { result: "Hello, b" }]);
    expect(last()).toMatchObject({ method: "POST", path: "/json/reply/Hello[]", batch: true, json: [{ name: "a" }, { name: "b" }] });

    await client({ endpoint: "api" }).sendAll([dto("Hello", { name: "a" })]);
    expect(last().path).toBe("/api/Hello[]");
  });

  it("sendAll rejects with the failing AutoBatchIndex", async () => {
    const err = await client()
      .sendAll([dto("Hello", { name: "a" }), dto("Hello", { name: "fail" }), dto("Hello", { name: "c" })])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.responseStatus.meta).toEqual({ AutoBatchIndex: "1" });
    expect(e.responseStatus.errors[0].fieldName).toBe("Name");
  });

  it("sendAllOneWay posts to /json/oneway/{Op}[]; empty batches send nothing", async () => {
    await expect(client().sendAllOneWay([dto("Hello", { name: "a" })])).resolves.toBeUndefined();
    expect(last()).toMatchObject({ path: "/json/oneway/Hello[]", batch: true });
    const before = server.requests.length;
    await expect(client().sendAll([])).resolves.toEqual([]);
    await expect(client().sendAllOneWay([])).resolves.toBeUndefined();
    expect(server.requests.length).toBe(before);
  });
});

describe("headers and hooks", () => {
  it("sends the headers object, the bearer token, and per-call headers last", async () => {
    await client({ headers: { "X-App": "1", "X-Over": "client" }, bearerToken: "tok" }).send(dto("Hello", { name: "h" }), {
      headers: { "X-Over": "call" },
    });
    expect(last().headers).toMatchObject({ "x-app": "1", "x-over": "call", authorization: "Bearer tok" });
  });

  it("awaits a headers function on every call", async () => {
    let n = 0;
    const c = client({ headers: async () => ({ "X-Count": String(++n) }) });
    await c.send(dto("Hello", { name: "a" }));
    expect(last().headers["x-count"]).toBe("1");
    await c.send(dto("Hello", { name: "b" }));
    expect(last().headers["x-count"]).toBe("2");
  });

  it("calls onRequest before and onResponse after each fetch; onRequest may change the request", async () => {
    const seen: string[] = [];
    const c = client({
      onRequest: (url, init) => {
        seen.push(`req ${init.method} ${url}`);
        (init.headers as Record<string, string>)["X-Hook"] = "yes";
      },
      onResponse: async (res) => void seen.push(`res ${res.status}`),
    });
    await c.send(dto("Hello", { name: "a" }));
    expect(seen).toEqual([`req POST ${server.url}/json/reply/Hello`, "res 200"]);
    expect(last().headers["x-hook"]).toBe("yes");
  });
});

describe("date revival", () => {
  it("turns /Date(ms)/, /Date(ms+hhmm)/ and ISO-8601 strings into Dates when asked", async () => {
    const r = (await client({ reviveDates: true }).send(dto("Dates"))) as Record<string, unknown>;
    expect(r.a).toEqual(new Date(1700000000000));
    expect(r.b).toEqual(new Date(1700000000000));
    expect(r.c).toEqual(new Date("2024-03-01T10:20:30.123Z"));
    expect(r.d).toEqual(new Date("2024-03-01T09:20:30Z"));
    expect(r.e).toEqual(new Date("2024-03-01T09:20:30.500Z"));
    expect((r.h as unknown[])[0]).toEqual(new Date(-62135596800000));
    expect(r.f).toBe("not a date");
    expect(r.g).toBe("2024-03-01");
    expect(r.n).toBe(5);
  });

  it("leaves date strings alone by default", async () => {
    const r = (await client().send(dto("Dates"))) as Record<string, unknown>;
    expect(r.a).toBe("/Date(1700000000000)/");
    expect(r.c).toBe("2024-03-01T10:20:30.1234567Z");
  });
});

// Shaped like emitted DTOs (spec §8.1): declared fields are own properties, undefined until set.
class CreateOrderResponse {
  public id?: number;
  public customerId?: number;
  public constructor(init?: Partial<CreateOrderResponse>) {
    Object.assign(this, init);
  }
}
class CreateOrder implements RequestDto<CreateOrderResponse> {
  public customerId!: number;
  public note?: string;
  public dueDate?: string;
  public constructor(init?: Partial<Fields<CreateOrder>>) {
    Object.assign(this, init);
  }
  public getTypeName() {
    return "CreateOrder";
  }
  public getMethod() {
    return "POST";
  }
  public createResponse() {
    return new CreateOrderResponse();
  }
}

describe("generated-style DTO classes", () => {
  it("sends only the set fields and types the response", async () => {
    const r: CreateOrderResponse = await client().send(new CreateOrder({ customerId: 5, note: "n" }));
    expect(r).toEqual({ id: 101, customerId: 5 });
    expect(last()).toMatchObject({ path: "/customers/5/orders", body: '{"note":"n"}' });
    const fields: Fields<CreateOrder> = { customerId: 1 };
    expect(Object.keys(fields)).toEqual(["customerId"]);
  });
});
