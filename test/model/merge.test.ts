import { describe, expect, it } from "vitest";
import { mergePages } from "../../src/model/merge.js";
import { summarize } from "../../src/model/summary.js";
import type { PageModel, PropertyModel, TypeModel } from "../../src/model/types.js";

const prop = (name: string, type: string, wireName = name[0]!.toLowerCase() + name.slice(1)): PropertyModel => ({
  name, wireName, param: "form", type, required: false, origin: "table",
});
const cls = (name: string, props: PropertyModel[], more: Partial<TypeModel> = {}): TypeModel => ({
  name, kind: "class", role: "reference", from: "caption", properties: props, ...more,
});
function page(source: string, operation: string, types: TypeModel[], more: Partial<PageModel> = {}): PageModel {
  return {
    source, operation, format: "json", layout: "html", tags: [], auth: null, routes: [], method: "POST",
    response: `${operation}Response`, wireCase: "camel", types, diagnostics: [], ...more,
  };
}

const getA = page("a.html", "GetA", [
  cls("GetA", [prop("Id", "int")], { role: "request" }),
  cls("Address", [prop("Street", "string")]),
  cls("GetAResponse", [prop("Home", "Address")], { role: "response" }),
]);
const getB = page("b.html", "GetB", [
  cls("GetB", [prop("Id", "int")], { role: "request" }),
  cls("Address", [prop("Street", "string"), prop("Zip", "string")]),
  cls("GetBResponse", [prop("Work", "Address"), prop("Status", "ResponseStatus")], { role: "response" }),
]);

describe("mergePages", () => {
  it("sorts operations and types by name and keeps sources in the order given", () => {
    const api = mergePages([getB, getA]);
    expect(api.operations.map((o) => o.name)).toEqual(["GetA", "GetB"]);
    expect(api.types.map((t) => t.name)).toEqual([...api.types.map((t) => t.name)].sort());
    expect(api.sources).toEqual(["b.html", "a.html"]);
  });

  it("reports a conflicting shape, renames the later variant and rewrites that page's references", () => {
    const api = mergePages([getB, getA]);
    const conflict = api.diagnostics.filter((d) => d.code === "W_TYPE_CONFLICT");
    expect(conflict).toHaveLength(1);
    expect(conflict[0]!.detail).toContain("a.html");
    expect(conflict[0]!.detail).toContain("b.html");
    expect(conflict[0]!.detail).toContain("Zip");
    const byName = new Map(api.types.map((t) => [t.name, t]));
    expect(byName.get("Address")!.properties).toHaveLength(1); // a.html sorts first
    expect(byName.get("Address2")!.properties).toHaveLength(2);
    expect(byName.get("GetBResponse")!.properties![0]!.type).toBe("Address2");
  });

  it("keeps the name for the reading most pages show, and gives each other reading one name for all its pages", () => {
    const withZip = (source: string, op: string) =>
      page(source, op, [cls(op, [prop("Id", "int")], { role: "request" }), cls("Address", [prop("Street", "string"), prop("Zip", "string")]), cls(`${op}Response`, [prop("Home", "Address")], { role: "response" })]);
    const withCity = (source: string, op: string) =>
      page(source, op, [cls(op, [prop("Id", "int")], { role: "request" }), cls("Address", [prop("City", "string")]), cls(`${op}Response`, [prop("Home", "Address")], { role: "response" })]);
    // a.html sorts first but is alone; three pages agree on {Street, Zip}; two on {City}
    const pages = [getA, withZip("c.html", "GetC"), withCity("d.html", "GetD"), withZip("e.html", "GetE"), withCity("f.html", "GetF"), withZip("g.html", "GetG")];
    for (const order of [pages, [...pages].reverse()]) {
      const api = mergePages(order);
      const byName = new Map(api.types.map((t) => [t.name, t]));
      expect(byName.get("Address")!.properties!.map((p) => p.name)).toEqual(["Street", "Zip"]);
      expect(byName.get("Address2")!.properties!.map((p) => p.name)).toEqual(["Street"]);
      expect(byName.get("Address3")!.properties!.map((p) => p.name)).toEqual(["City"]);
      expect(byName.has("Address4")).toBe(false);
      expect(["GetCResponse", "GetEResponse", "GetGResponse"].map((n) => byName.get(n)!.properties![0]!.type)).toEqual(["Address", "Address", "Address"]);
      expect(["GetAResponse", "GetDResponse", "GetFResponse"].map((n) => byName.get(n)!.properties![0]!.type)).toEqual(["Address2", "Address3", "Address3"]);
      const conflicts = api.diagnostics.filter((d) => d.code === "W_TYPE_CONFLICT").map((d) => d.page);
      expect(conflicts).toEqual(["a.html", "d.html", "f.html"]);
    }
  });

  it("keeps the name for a reading of a page that searched to the end over any number of guesses", () => {
    // seed 7, 1,000 ops, pipe: two pages whose search ran out of budget ran an enum into EmployeeMode
    const reading = (source: string, op: string, street: string, guessed: boolean) =>
      page(source, op, [cls(op, [prop("Id", "int")], { role: "request" }), cls("Address", [prop(street, "string")]), cls(`${op}Response`, [prop("Home", "Address")], { role: "response" })], guessed ? { guessed } : {});
    const api = mergePages([reading("a.html", "GetA", "Guess", true), reading("b.html", "GetB", "Guess", true), reading("c.html", "GetC", "Street", false)]);
    const byName = new Map(api.types.map((t) => [t.name, t]));
    expect(byName.get("Address")!.properties!.map((p) => p.name)).toEqual(["Street"]);
    expect(byName.get("GetAResponse")!.properties![0]!.type).toBe("Address2");
  });

  it("reads a class one page shows only in its samples as the class another page's table shows with those members", () => {
    // seed 3, 1,000 ops, pipe: ArchiveBasketRecord2's `owner` elements are LedgerSummary (sample-twins.ts)
    const sampled = page("s.txt", "ListBaskets", [
      cls("ListBaskets", [], { role: "request", from: "sample" }),
      cls("Basket", [{ ...prop("Owner", "List<OwnerItem>"), origin: "sample" }], { role: "response", from: "sample" }),
      cls("OwnerItem", [{ ...prop("Street", "string"), origin: "sample" }], { role: "response", from: "sample" }),
    ], { response: "Basket[]" });
    const api = mergePages([sampled, getA]);
    expect(api.types.map((t) => t.name)).not.toContain("OwnerItem");
    expect(api.types.find((t) => t.name === "Basket")!.properties![0]!.type).toBe("List<Address>");
  });

  it("changes no page's models and shares no object with them (combine() works on its own copies)", () => {
    const described = page("c.html", "GetC", [
      cls("GetC", [prop("Id", "int")], { role: "request" }),
      cls("Address", [{ ...prop("Street", "string"), description: "the street" }], { description: "where", from: "reference" }),
      cls("Cut", [prop("A", "int")], { partial: true }),
    ]);
    const whole = page("d.html", "GetD", [cls("GetD", [], { role: "request" }), cls("Cut", [prop("A", "int"), prop("B", "int")])]);
    const pages = [getA, described, whole, getB];
    const before = structuredClone(pages);
    const api = mergePages(pages);
    expect(pages).toEqual(before);
    const pageObjects = new Set<object>(pages.flatMap((p) => p.types.flatMap((t) => [t, ...(t.properties ?? [])])));
    for (const t of api.types) for (const o of [t, ...(t.properties ?? [])]) expect(pageObjects.has(o)).toBe(false);
    const address = api.types.find((t) => t.name === "Address")!;
    expect(address.description).toBe("where");
    expect(address.properties![0]!.description).toBe("the street");
    expect(api.types.find((t) => t.name === "Cut")!.properties!.map((p) => p.name)).toEqual(["A", "B"]);
    expect(mergePages(pages)).toEqual(api);
  });

  it("is independent of page order", () => {
    expect(mergePages([getA, getB]).types).toEqual(mergePages([getB, getA]).types);
  });

  it("adds referenced built-ins (transitively) with the API's wire case", () => {
    const api = mergePages([getA, getB]);
    const names = api.types.map((t) => t.name);
    expect(names).toContain("ResponseStatus");
    expect(names).toContain("ResponseError");
    expect(names).not.toContain("QueryBase");
    const rs = api.types.find((t) => t.name === "ResponseStatus")!;
    expect(rs.from).toBe("builtin");
    expect(rs.properties!.map((p) => p.wireName)).toEqual(["errorCode", "message", "stackTrace", "errors", "meta"]);
    const pascal = mergePages([{ ...getB, wireCase: "pascal" }]);
    expect(pascal.types.find((t) => t.name === "ResponseError")!.properties![0]!.wireName).toBe("ErrorCode");
  });

  it("adds QueryDb<T>, QueryBase and QueryResponse<T> for an AutoQuery op", () => {
    const api = mergePages([
      page("q.html", "QueryCustomers", [cls("QueryCustomers", [], { role: "request", base: "QueryDb<Customer>" }), cls("Customer", [prop("Id", "int")])], {
        response: "QueryResponse<Customer>",
        method: "GET",
      }),
    ]);
    const byName = new Map(api.types.map((t) => [t.name, t]));
    expect(byName.get("QueryDb")!.genericParams).toEqual(["T"]);
    expect(byName.get("QueryDb")!.base).toBe("QueryBase");
    expect(byName.get("QueryBase")!.from).toBe("builtin");
    expect(byName.get("QueryResponse")!.properties!.find((p) => p.name === "Results")!.type).toBe("List<T>");
    expect(byName.has("ResponseStatus")).toBe(true);
  });

  it("merges the same op from two pages and prefers table shapes over sample ones", () => {
    const json = page("op.json.txt", "GetA", getA.types, { wireCase: "camel", response: "unknown" });
    const xml = page("op.xml.txt", "GetA", [
      cls("GetA", [{ ...prop("Id", "int"), origin: "sample" }], { role: "request", from: "sample" }),
      cls("GetAResponse", [{ ...prop("Home", "Address"), origin: "sample" }, { ...prop("X", "string"), origin: "sample" }], { role: "response", from: "sample" }),
    ], { format: "xml", wireCase: "unknown", routes: [{ verbs: ["GET"], path: "/a" }] });
    const api = mergePages([json, xml]);
    expect(api.operations).toHaveLength(1);
    expect(api.operations[0]!.response).toBe("GetAResponse");
    expect(api.operations[0]!.routes).toEqual([{ verbs: ["GET"], path: "/a" }]);
    expect(api.types.find((t) => t.name === "GetAResponse")!.from).toBe("caption");
    expect(api.diagnostics.filter((d) => d.code === "W_TYPE_CONFLICT")).toEqual([]);
    expect(api.wireCase).toBe("camel");
  });

  it("keeps the complete variant of a type cut short on one page", () => {
    const cut = page("cut.html", "GetC", [cls("Address", [prop("Street", "string")], { partial: true, description: "Where" })]);
    const api = mergePages([cut, getB]);
    const address = api.types.find((t) => t.name === "Address")!;
    expect(address.partial).toBeUndefined();
    expect(address.properties).toHaveLength(2);
    expect(address.description).toBe("Where");
    expect(api.diagnostics.filter((d) => d.code === "W_TYPE_CONFLICT")).toEqual([]);
  });

  it("carries page diagnostics with their page", () => {
    const api = mergePages([{ ...getA, diagnostics: [{ code: "W_NAME_INFERRED", detail: "X" }] }]);
    expect(api.diagnostics).toEqual([{ code: "W_NAME_INFERRED", detail: "X", page: "a.html" }]);
  });
});

describe("summarize", () => {
  it("lists operations, types and warnings by page", () => {
    const text = summarize(mergePages([getA, getB]));
    expect(text).toContain("POST GetA -> GetAResponse");
    expect(text).toContain("class Address2  (reference, caption)");
    expect(text).toContain("      Zip (zip): string");
    expect(text).toMatch(/Warnings\n  b\.html\n      W_TYPE_CONFLICT Address differs/);
  });
});
