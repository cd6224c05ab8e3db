// The fake server is shared by other tests, so its ServiceStack-like answers are pinned here with plain fetch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceError, startFakeServiceStack, type FakeServiceStack } from "../helpers/fake-servicestack.js";

let server: FakeServiceStack;
beforeAll(async () => {
  server = await startFakeServiceStack({
    wireCase: "pascal",
    routes: [{ path: "/Items/{Id}/{Rest*}", verbs: ["GET"], op: "GetItem" }],
    services: {
      GetItem: (d) => ({ Id: d.Id, Rest: d.Rest, Q: d.q }),
      Check: (d) => {
        if (d.bad) throw new ServiceError(422, "Invalid", "bad item", [{ errorCode: "X", fieldName: "Bad", message: "no" }]);
        return { Ok: true };
      },
    },
  });
});
afterAll(() => server.close());

describe("fake ServiceStack server", () => {
  it("matches declared routes case-insensitively and binds path, query and body", async () => {
    const res = await fetch(`${server.url}/items/7/a/b%20c?q=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ Id: "7", Rest: "a/b c", Q: "1" });
    expect(server.requests.at(-1)).toMatchObject({ endpoint: "route", op: "GetItem", pathParams: { Id: "7", Rest: "a/b c" } });
  });

  it("answers /json/reply/{Op} for any casing of the op and any verb", async () => {
    const res = await fetch(`${server.url}/json/reply/check`, { method: "PUT", body: "{}" });
    expect(await res.json()).toEqual({ Ok: true });
    expect(server.requests.at(-1)).toMatchObject({ endpoint: "reply", op: "Check", method: "PUT" });
  });

  it("writes errors as a responseStatus in the server's wire case", async () => {
    const res = await fetch(`${server.url}/json/reply/Check`, { method: "POST", body: '{"bad":true}' });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      ResponseStatus: {
        ErrorCode: "Invalid",
        Message: "bad item",
        StackTrace: "   at Fake.Service()",
        Errors: [{ ErrorCode: "X", FieldName: "Bad", Message: "no" }],
      },
    });
  });

  it("runs batches until the first failure and reports X-AutoBatch-Completed", async () => {
    const ok = await fetch(`${server.url}/json/reply/Check[]`, { method: "POST", body: "[{},{}]" });
    expect(ok.headers.get("x-autobatch-completed")).toBe("2");
    expect(await ok.json()).toEqual([{ Ok: true }, { Ok: true }]);
    const bad = await fetch(`${server.url}/json/reply/Check[]`, { method: "POST", body: '[{},{"bad":1},{}]' });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("x-autobatch-completed")).toBe("1");
    expect(((await bad.json()) as { ResponseStatus: { Meta: unknown } }).ResponseStatus.Meta).toEqual({ AutoBatchIndex: "1" });
  });

  it("answers one-way calls with 204 and an empty body", async () => {
    const res = await fetch(`${server.url}/json/oneway/Check`, { method: "POST", body: "{}" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it("answers 404 for unknown ops and paths, 401 without the bearer token, and canned replies first", async () => {
    expect((await fetch(`${server.url}/json/reply/Nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
    server.token = "t";
    expect((await fetch(`${server.url}/json/reply/Check`)).status).toBe(401);
    expect((await fetch(`${server.url}/json/reply/Check`, { headers: { Authorization: "Bearer t" } })).status).toBe(200);
    server.token = undefined;
    server.enqueue({ status: 503, headers: { "Retry-After": "2" } });
    const res = await fetch(`${server.url}/json/reply/Check`);
    expect([res.status, res.headers.get("retry-after")]).toEqual([503, "2"]);
    expect((await fetch(`${server.url}/json/reply/Check`)).status).toBe(200);
  });
});
