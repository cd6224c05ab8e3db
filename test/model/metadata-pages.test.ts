// model/metadata: a /types/metadata document -> one PageModel per operation, merged like pages.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildApi } from "../../src/api.js";
import { dumpPage } from "../../src/model/dump.js";
import { mergePages } from "../../src/model/merge.js";
import { metadataPages, withoutRepeatedTypes } from "../../src/model/metadata/metadata-pages.js";
import { parseMetadataDocument } from "../../src/parse/metadata-json/document.js";
import { olderServer, pascalKeys } from "../helpers/metadata-json-variants.js";
import { generateService } from "../helpers/random-service/index.js";
import { renderMetadataJson } from "../helpers/random-service/render-json.js";

const DIR = new URL("../../fixtures/metadata/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DIR), "utf8");
const pagesOf = (text: string, source = "shop.json") => metadataPages(parseMetadataDocument(text, source));
const noFilter = { include: [], exclude: [], allowPartial: false };
const loaded = (text: string) => ({ pages: [{ source: "shop.json", text }], failures: [], diagnostics: [], urlSources: [] });

describe("metadataPages", () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith(".json")))("%s matches its .dump", (file) => {
    const built = buildApi(loaded(read(file)), noFilter);
    expect(built.pages.map(dumpPage).join("\n")).toBe(read(`${file}.dump`));
  });

  it("builds one page per operation holding the types it reaches, and the unreferenced ones apart", () => {
    const { pages, unreferenced } = pagesOf(read("shop.camel.json"));
    expect(pages.map((p) => [p.operation, p.types.map((t) => `${t.name}:${t.role}`)])).toEqual([
      ["CreateOrder", ["CreateOrder:request", "CreateOrderResponse:response", "AuditedRequest:base", "Priority:reference", "LineItem:reference"]],
      ["QueryCustomers", ["QueryCustomers:request", "Customer:reference", "Title:reference", "Perms:reference", "Address:reference"]],
      ["DeleteOrder", ["DeleteOrder:request"]],
    ]);
    expect(unreferenced.map((t) => t.name)).toEqual(["Unused"]);
    expect(pages.every((p) => p.layout === "metadata-json" && p.types.every((t) => t.from === "metadata"))).toBe(true);
  });

  it("supplies the §8.2 built-ins the document omits, through the same merge as pages", () => {
    const api = mergePages(pagesOf(read("shop.camel.json")).pages);
    const builtins = api.types.filter((t) => t.from === "builtin").map((t) => t.name);
    expect(builtins).toEqual(["QueryBase", "QueryDb", "QueryResponse", "ResponseError", "ResponseStatus"]);
    expect(api.types.find((t) => t.name === "QueryResponse")!.properties!.map((p) => p.wireName)).toEqual(["offset", "total", "results", "meta", "responseStatus"]);
    expect(api.operations.find((o) => o.name === "QueryCustomers")!.response).toBe("QueryResponse<Customer>");
  });

  it("takes the wire case from the key casing: PascalCase documents give C# names, aliases stay exact", () => {
    const pascal = mergePages(pagesOf(JSON.stringify(pascalKeys(JSON.parse(read("shop.camel.json"))))).pages);
    expect(pascal.wireCase).toBe("pascal");
    const line = pascal.types.find((t) => t.name === "LineItem")!;
    expect(line.properties!.map((p) => p.wireName)).toEqual(["sku_code", "Qty", "Price"]);
    expect(pascal.types.find((t) => t.name === "ResponseStatus")!.properties![0]!.wireName).toBe("ErrorCode");
  });

  it("reads a current camelCase document and an older server's PascalCase one into the same model but for the wire names", () => {
    const camel = mergePages(pagesOf(read("shop.camel.json")).pages);
    const older = mergePages(pagesOf(JSON.stringify(pascalKeys(olderServer(JSON.parse(read("shop.camel.json")))))).pages);
    const strip = (api: typeof camel) =>
      api.types.map((t) => ({ ...t, properties: t.properties?.map((p) => ({ ...p, wireName: p.wireName.toLowerCase() })) }));
    expect(strip(older)).toEqual(strip(camel));
    expect(older.operations).toEqual(camel.operations);
  });

  it("applies --include/--exclude like IncludeTypes=Op.*: the op and the types it reaches, no unreferenced types", () => {
    const built = buildApi(loaded(read("shop.camel.json")), { ...noFilter, include: ["tag:orders"] });
    expect(built.api.operations.map((o) => o.name)).toEqual(["CreateOrder"]);
    expect(built.api.types.map((t) => t.name)).toEqual([
      "AuditedRequest", "CreateOrder", "CreateOrderResponse", "LineItem", "Priority", "ResponseError", "ResponseStatus",
    ]);
    const all = buildApi(loaded(read("shop.camel.json")), noFilter);
    expect(all.api.types.map((t) => t.name)).toContain("Unused");
    expect(all.readFrom).toBe("metadata");
    expect(() => buildApi(loaded(read("shop.camel.json")), { ...noFilter, include: ["Nothing*"] })).toThrow(/left no operation \(3 filtered out\)/);
  });

  it("derives the verb by §8.3 when the document has no method, starting with the marker interface", () => {
    const doc = (request: object, extra: object = {}) =>
      JSON.stringify({ types: [], operations: [{ request: { name: "Op", ...request }, ...extra }] });
    const verb = (request: object, extra?: object) => pagesOf(doc(request, extra)).pages[0]!.method;
    expect(verb({ implements: [{ name: "IPut" }] })).toBe("PUT");
    expect(verb({}, { routes: [{ path: "/a", verbs: "PATCH" }] })).toBe("PATCH");
    expect(verb({ inherits: { name: "QueryDb`1", genericArgs: ["X"] } })).toBe("GET");
    expect(verb({})).toBe("POST");
    expect(verb({ implements: [{ name: "IPut" }] }, { method: "DELETE" })).toBe("DELETE");
  });

  it("reaches types named only inside nested generic arguments (pages give them no table, §4 rule 8)", () => {
    const text = JSON.stringify({
      types: [{ name: "Address", properties: [{ name: "Line1", type: "String" }] }],
      operations: [{ request: { name: "Op", properties: [{ name: "ByZip", type: "Dictionary`2", genericArgs: ["String", "List<Address>"] }] } }],
    });
    const { pages, unreferenced } = pagesOf(text);
    expect(pages[0]!.types.map((t) => t.name)).toEqual(["Op", "Address"]);
    expect(pages[0]!.types[0]!.properties![0]!.type).toBe("Dictionary<string,List<Address>>");
    expect(unreferenced).toEqual([]);
  });

  it("types a value type the document does not declare (a struct) as the string it travels as (§7.3)", () => {
    const text = JSON.stringify({
      types: [{ name: "Level", isEnum: true, enumNames: ["Low"] }],
      operations: [{ request: { name: "Op", properties: [
        { name: "Price", type: "Money", isValueType: true },
        { name: "Maybe", type: "Nullable`1", genericArgs: ["Money"], isValueType: true },
        { name: "Level", type: "Level", isValueType: true, isEnum: true },
        { name: "Count", type: "Int32", isValueType: true },
        { name: "Other", type: "Unknown" },
      ] } }],
    });
    const props = pagesOf(text).pages[0]!.types[0]!.properties!;
    expect(props.map((p) => [p.name, p.type, p.sampleKind])).toEqual([
      ["Price", "Money", "string"], ["Maybe", "Money?", "string"], ["Level", "Level", undefined], ["Count", "int", undefined], ["Other", "Unknown", undefined],
    ]);
  });

  it("warns when two namespaces declare one name, and keeps the first", () => {
    const text = JSON.stringify({
      types: [
        { name: "Item", namespace: "A", properties: [{ name: "X", type: "Int32" }] },
        { name: "Item", namespace: "B", properties: [{ name: "Y", type: "String" }] },
      ],
      operations: [{ request: { name: "Op", properties: [{ name: "Item", type: "Item" }] } }],
    });
    const { pages } = pagesOf(text);
    expect(pages[0]!.diagnostics.map((d) => d.code)).toEqual(["W_TYPE_CONFLICT"]);
    expect(pages[0]!.types.find((t) => t.name === "Item")!.properties!.map((p) => p.name)).toEqual(["X"]);
  });

  it("hands the merge each shared type once and gets the same model as with every repeat", () => {
    const { pages } = pagesOf(renderMetadataJson(generateService({ seed: 3, ops: 12 })));
    const before = JSON.stringify(pages);
    const once = withoutRepeatedTypes(pages);
    const count = (ps: typeof pages) => ps.reduce((n, p) => n + p.types.length, 0);
    expect(count(once)).toBeLessThan(count(pages));
    expect(new Set(once.flatMap((p) => p.types.map((t) => t.name))).size).toBe(count(once));
    expect(mergePages(once)).toEqual(mergePages(pages));
    expect(JSON.stringify(pages)).toBe(before); // the page models themselves are untouched
  });

  it("fails a document with no operations, naming it", () => {
    expect(() => buildApi(loaded(JSON.stringify({ types: [], operations: [] })), noFilter)).toThrow(/shop\.json: E_NO_OPERATIONS/);
  });
});
