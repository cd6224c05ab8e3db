import { describe, expect, it } from "vitest";
import { resolveUrl, type RouteDef } from "../../templates/runtime.js";

const B = "https://h.test";
const post = (path: string): RouteDef => ({ path, verbs: ["POST"] });
const any = (path: string): RouteDef => ({ path, verbs: "*" });

describe("resolveUrl: route choice", () => {
  it("fills path variables case-insensitively and leaves them out of the body", () => {
    const r = resolveUrl(B, "CreateOrder", "POST", { customerId: 7, priority: "High" }, [post("/customers/{CustomerId}/orders")]);
    expect(r).toEqual({ url: "https://h.test/customers/7/orders", body: '{"priority":"High"}' });
  });

  it("prefers the route with the most variables whose values are all set", () => {
    const routes = [post("/orders"), post("/customers/{CustomerId}/orders")];
    expect(resolveUrl(B, "CreateOrder", "POST", { customerId: 7 }, routes).url).toBe("https://h.test/customers/7/orders");
    expect(resolveUrl(B, "CreateOrder", "POST", { customerId: null }, routes).url).toBe("https://h.test/orders");
    expect(resolveUrl(B, "CreateOrder", "POST", {}, routes).url).toBe("https://h.test/orders");
  });

  it("breaks ties by declaration order", () => {
    const routes = [post("/a/{Id}"), post("/b/{Id}")];
    expect(resolveUrl(B, "Op", "POST", { id: 1 }, routes).url).toBe("https://h.test/a/1");
  });

  it("skips routes that do not allow the verb; all-verb routes always qualify", () => {
    const routes: RouteDef[] = [{ path: "/get/{Id}", verbs: ["GET"] }, any("/any/{Id}")];
    expect(resolveUrl(B, "Op", "POST", { id: 1 }, routes).url).toBe("https://h.test/any/1");
    expect(resolveUrl(B, "Op", "GET", { id: 1 }, routes).url).toBe("https://h.test/get/1");
    const multi: RouteDef[] = [{ path: "/m/{Id}", verbs: ["GET", "PUT"] }];
    expect(resolveUrl(B, "Op", "PUT", { id: 1 }, multi).url).toBe("https://h.test/m/1");
    expect(resolveUrl(B, "Op", "DELETE", { id: 1 }, multi).url).toBe("https://h.test/json/reply/Op?id=1");
  });

  it("treats false, 0 and empty strings as set", () => {
    expect(resolveUrl(B, "Op", "GET", { id: 0 }, [any("/x/{Id}")]).url).toBe("https://h.test/x/0");
    expect(resolveUrl(B, "Op", "GET", { flag: false }, [any("/x/{Flag}")]).url).toBe("https://h.test/x/false");
  });

  it("falls back to /json/reply/{Op}, or the given prefix, when no route fits", () => {
    expect(resolveUrl(B, "Op", "POST", { a: 1 }, [post("/x/{Id}")])).toEqual({ url: "https://h.test/json/reply/Op", body: '{"a":1}' });
    expect(resolveUrl(B, "Op", "POST", {}, undefined, "/api/").url).toBe("https://h.test/api/Op");
    expect(resolveUrl(B, "Op", "GET", { a: 1 }, [], "/json/oneway/").url).toBe("https://h.test/json/oneway/Op?a=1");
  });
});

describe("resolveUrl: encoding", () => {
  it("encodes path values; {Var*} keeps slashes", () => {
    expect(resolveUrl(B, "Op", "GET", { name: "a b/c?d" }, [any("/n/{Name}")]).url).toBe("https://h.test/n/a%20b%2Fc%3Fd");
    expect(resolveUrl(B, "Op", "GET", { path: "docs/a b/c.txt" }, [any("/files/{Path*}")]).url).toBe(
      "https://h.test/files/docs/a%20b/c.txt",
    );
  });

  it("writes dates and arrays in the path as JSV", () => {
    expect(resolveUrl(B, "Op", "GET", { at: new Date(0) }, [any("/at/{At}")]).url).toBe(
      "https://h.test/at/1970-01-01T00%3A00%3A00.000Z",
    );
    expect(resolveUrl(B, "Op", "GET", { ids: [1, 2] }, [any("/ids/{Ids}")]).url).toBe("https://h.test/ids/%5B1%2C2%5D");
  });

  it("sends the rest as query string for GET, DELETE and OPTIONS", () => {
    for (const verb of ["GET", "DELETE", "OPTIONS"] as const) {
      const r = resolveUrl(B, "Op", verb, { id: 5, tags: ["a,b"], skip: null }, [any("/items/{Id}")]);
      expect(r).toEqual({ url: "https://h.test/items/5?tags=%5B%22a%2Cb%22%5D" });
    }
    expect(resolveUrl(B, "Op", "GET", { id: 5 }, [any("/items/{Id}")])).toEqual({ url: "https://h.test/items/5" });
  });

  it("sends the rest as a JSON body for POST, PUT and PATCH", () => {
    for (const verb of ["POST", "PUT", "PATCH"] as const) {
      const r = resolveUrl(B, "Op", verb, { id: 5, name: "x", at: new Date(0) }, [any("/items/{Id}")]);
      expect(r).toEqual({ url: "https://h.test/items/5", body: '{"name":"x","at":"1970-01-01T00:00:00.000Z"}' });
    }
    expect(resolveUrl(B, "Op", "POST", {}).body).toBe("{}");
  });

  it("sends only own non-null, non-function fields", () => {
    class Dto {
      id?: number = 1;
      name?: string;
      extra: string | null = null;
      getTypeName() {
        return "Dto";
      }
    }
    const dto = Object.assign(new Dto(), { cb: () => 1 });
    expect(resolveUrl(B, "Dto", "POST", dto).body).toBe('{"id":1}');
    expect(resolveUrl(B, "Dto", "GET", dto).url).toBe("https://h.test/json/reply/Dto?id=1");
  });
});

describe("resolveUrl: base URL", () => {
  it("joins without double slashes", () => {
    expect(resolveUrl("https://h.test/", "Op", "GET", {}).url).toBe("https://h.test/json/reply/Op");
    expect(resolveUrl("https://h.test//", "Op", "GET", {}, [any("/x")]).url).toBe("https://h.test/x");
    expect(resolveUrl("https://h.test/app/", "Op", "GET", {}).url).toBe("https://h.test/app/json/reply/Op");
  });

  it("does not repeat a mount prefix that the route path already carries", () => {
    expect(resolveUrl("https://h.test/api", "Op", "GET", {}, [any("/api/orders")]).url).toBe("https://h.test/api/orders");
    expect(resolveUrl("https://h.test/api/", "Op", "GET", {}, [any("/other/api")]).url).toBe("https://h.test/api/other/api");
    expect(resolveUrl("https://h.test/api", "Op", "GET", {}, [any("/apiary")]).url).toBe("https://h.test/api/apiary");
    expect(resolveUrl("https://h.test/api", "Op", "GET", {}).url).toBe("https://h.test/api/json/reply/Op");
  });

  it("works with a relative base URL", () => {
    expect(resolveUrl("/api", "Op", "GET", {}, [any("/api/orders")]).url).toBe("/api/orders");
    expect(resolveUrl("", "Op", "GET", { a: 1 }).url).toBe("/json/reply/Op?a=1");
  });
});
