// Client features ServiceStack users rely on (issue 11 item 6): multipart bodies from File/Blob fields or
// an explicit form, `credentials`, Basic auth, per-call extra query args, and the non-throwing api().
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api, ServiceClient, type ClientOptions, type OperationDef } from "../../templates/runtime.js";
import { ServiceError, startFakeServiceStack, type FakeServiceStack } from "../helpers/fake-servicestack.js";
import { dto } from "./dto.js";

let server: FakeServiceStack;
const last = () => server.requests[server.requests.length - 1]!;

beforeAll(async () => {
  server = await startFakeServiceStack({
    routes: [{ path: "/files/{Id}", verbs: ["POST", "PUT"], op: "Upload" }],
    services: {
      Upload: (d) => ({ id: Number(d.Id), query: d }),
      Hello: (d) => {
        if (d.name === "fail") throw new ServiceError(400, "ArgumentException", "bad name", [{ errorCode: "NotEmpty", fieldName: "Name", message: "bad" }]);
        return { result: `Hello, ${String(d.name)}` };
      },
      QueryCustomers: (d) => ({ results: [], filters: d }),
    },
  });
});
afterAll(() => server.close());
beforeEach(() => void (server.requests.length = 0));

const upload: OperationDef = { method: "POST", routes: [{ path: "/files/{Id}", verbs: ["POST", "PUT"] }] };
const client = (extra: Partial<ClientOptions> = {}) => new ServiceClient({ baseUrl: server.url, retryDelayMs: 5, ...extra });
/** The parts of a multipart body: name -> [filename or undefined, text]. */
const parts = (body: string, contentType: string) => {
  const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
  const out: Record<string, [string | undefined, string]> = {};
  for (const part of body.split(`--${boundary}`).slice(1, -1)) {
    const [head, ...rest] = part.split("\r\n\r\n");
    const name = /name="([^"]*)"/.exec(head!)![1]!, file = /filename="([^"]*)"/.exec(head!)?.[1];
    out[name] = [file, rest.join("\r\n\r\n").replace(/\r\n$/, "")];
  }
  return out;
};

describe("multipart bodies", () => {
  it("sends a DTO with a File and a Blob field as multipart/form-data, path variables still in the path", async () => {
    const file = new File(["hello file"], "notes.txt", { type: "text/plain" });
    const r = await client().send(
      dto("Upload", { id: 5, file, thumb: new Blob(["png"]), title: "Q3", tags: ["a", "b"] }),
      {},
      upload,
    );
    expect(r).toMatchObject({ id: 5 });
    const req = last();
    expect(req).toMatchObject({ method: "POST", path: "/files/5" });
    const type = req.headers["content-type"]!;
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(parts(req.body, type)).toEqual({
      file: ["notes.txt", "hello file"],
      thumb: ["thumb", "png"],
      title: [undefined, "Q3"],
      tags: [undefined, "[a,b]"],
    });
  });

  it("sends an explicit form as the body and the DTO's other fields in the query (like apiForm)", async () => {
    const form = new FormData();
    form.append("title", "from the form");
    form.append("file", new Blob(["x"]), "x.bin");
    await client().send(dto("Upload", { id: 9, note: "n" }), { form }, upload);
    const req = last();
    expect(req).toMatchObject({ path: "/files/9", query: { note: "n" } });
    expect(parts(req.body, req.headers["content-type"]!)).toEqual({ title: [undefined, "from the form"], file: ["x.bin", "x"] });
  });
});

describe("auth and credentials", () => {
  it("sends Basic auth as UTF-8 base64; a bearer token wins", async () => {
    await client({ userName: "änn", password: "p:w" }).send(dto("Hello", { name: "b" }));
    expect(last().headers.authorization).toBe("Basic " + Buffer.from("änn:p:w").toString("base64"));
    await client({ userName: "ann", password: "pw", bearerToken: "tok" }).send(dto("Hello", { name: "b" }));
    expect(last().headers.authorization).toBe("Bearer tok");
  });

  it("passes `credentials` to fetch, and nothing when unset", async () => {
    const seen: unknown[] = [];
    const spy: typeof fetch = (input, init) => (seen.push(init?.credentials), fetch(input, init));
    await client({ fetch: spy, credentials: "include" }).send(dto("Hello", { name: "c" }));
    await client({ fetch: spy }).send(dto("Hello", { name: "c" }));
    expect(seen).toEqual(["include", undefined]);
  });
});

describe("extra query arguments per call", () => {
  it("adds AutoQuery implicit filters to a GET's query string and to a POST's URL", async () => {
    await client().send(dto("QueryCustomers", { take: 10 }, "GET"), { query: { NameContains: "ann", AgeOlderThan: 30, Ids: [1, 2] } });
    expect(last().query).toEqual({ take: "10", NameContains: "ann", AgeOlderThan: "30", Ids: "[1,2]" });
    await client().send(dto("Hello", { name: "q" }), { query: { Debug: true } });
    expect(last()).toMatchObject({ method: "POST", query: { Debug: "true" }, json: { name: "q" } });
  });
});

describe("api(): the non-throwing result", () => {
  it("resolves { ok: true, response } on success", async () => {
    await expect(client().api(dto("Hello", { name: "a" }))).resolves.toEqual({ ok: true, response: { result: "Hello, a" } });
  });

  it("resolves { ok: false, error } with the ResponseStatus, status and kind on failure", async () => {
    const r = await client().api(dto("Hello", { name: "fail" }));
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ status: 400, kind: "http", errorCode: "ArgumentException", message: "bad name" });
    expect(r.error?.errors[0]).toMatchObject({ fieldName: "Name" });
  });

  it("never rejects: bad input and network failures become results too", async () => {
    await expect(client().api(null as never)).resolves.toMatchObject({ ok: false, error: { kind: "invalid" } });
    const down = new ServiceClient({ baseUrl: "http://127.0.0.1:1", retries: 0 });
    await expect(down.api(dto("Hello"))).resolves.toMatchObject({ ok: false, error: { kind: "network", status: 0 } });
    await expect(api(Promise.reject(new Error("any")))).resolves.toMatchObject({ ok: false, error: { kind: "invalid", message: "any" } });
  });
});
