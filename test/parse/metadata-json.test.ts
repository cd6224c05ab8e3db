// parse/metadata-json: the /types/metadata document -> facts (spec §9), whatever the server's casing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PageError } from "../../src/model/types.js";
import { parseMetadataDocument } from "../../src/parse/metadata-json/document.js";
import { typeText } from "../../src/parse/metadata-json/type-name.js";
import { olderServer, pascalKeys } from "../helpers/metadata-json-variants.js";

const camelText = readFileSync(new URL("../../fixtures/metadata/shop.camel.json", import.meta.url), "utf8");
const camel = parseMetadataDocument(camelText, "shop.json");
const typeNamed = (name: string) => [...camel.types, ...camel.operations.flatMap((o) => [o.request, ...(o.response ? [o.response] : [])])].find((t) => t.name === name)!;

describe("type encodings (spec §9 table)", () => {
  it.each([
    [["String", []], "string"],
    [["Int32", []], "int"],
    [["Nullable`1", ["Int32"]], "int?"],
    [["Nullable`1", ["Title"]], "Title?"],
    [["List`1", ["LineItem"]], "List<LineItem>"],
    [["Dictionary`2", ["String", "Int32"]], "Dictionary<string,int>"],
    [["Dictionary`2", ["String", "List<Int32>"]], "Dictionary<string,List<int>>"],
    [["Byte[]", []], "byte[]"],
    [["LineItem[]", []], "LineItem[]"],
    [["QueryResponse`1", ["Customer"]], "QueryResponse<Customer>"],
    [["Dictionary`2", ["String", "Nullable<Int32>"]], "Dictionary<string,int?>"],
  ] as [[string, string[]], string][])("%j -> %s", ([name, args], expected) => {
    expect(typeText(name, args)).toBe(expected);
  });
});

describe("parseMetadataDocument", () => {
  it("reads names, generic parameters and arguments, bases and interfaces", () => {
    const query = camel.operations.find((o) => o.request.name === "QueryCustomers")!;
    expect(query.request.base).toBe("QueryDb<Customer>");
    expect(query.returnType).toBe("QueryResponse<Customer>");
    expect(query.response).toMatchObject({ name: "QueryResponse", genericParams: ["T"], namespace: "ServiceStack" });
    expect(query.method).toBe("GET");
    expect(query.routes).toEqual([{ verbs: "*", path: "/customers" }]);
    const create = camel.operations.find((o) => o.request.name === "CreateOrder")!;
    expect(create.request.implements).toEqual(["IReturn<CreateOrderResponse>", "IPost"]);
    expect(create.request.base).toBe("AuditedRequest");
    expect(create.request.description).toBe("Creates an order");
    expect(create.routes[0]).toEqual({ verbs: ["POST"], path: "/customers/{CustomerId}/orders", summary: "Place an order" });
  });

  it("reads properties: alias, required, ApiMember facts, allowable values and range", () => {
    const create = camel.operations.find((o) => o.request.name === "CreateOrder")!;
    expect(create.request.properties).toEqual([
      { name: "CustomerId", type: "int", required: true, description: "Owning customer", valueType: true },
      { name: "Priority", type: "Priority", required: false, valueType: true },
      { name: "Items", type: "List<LineItem>", required: false },
      { name: "DueDate", type: "DateTime?", required: false, valueType: true },
      { name: "Channel", type: "string", required: false, paramType: "header" },
    ]);
    expect(typeNamed("LineItem").properties).toEqual([
      { name: "Sku", alias: "sku_code", type: "string", required: false, description: "Stock keeping unit" },
      { name: "Qty", type: "int", required: false, range: [1, 99], valueType: true },
      { name: "Price", type: "decimal", required: false, valueType: true },
    ]);
    expect(typeNamed("Address").properties[1]!.allowableValues).toEqual(["A", "B"]);
    expect(typeNamed("Customer").references).toEqual(["int", "string", "Dictionary", "List", "Title", "Perms", "byte", "Address"]);
  });

  it("reads enums: names, integer values, EnumMember values and descriptions", () => {
    expect(typeNamed("Priority")).toMatchObject({ kind: "enum", members: [{ name: "Low" }, { name: "Normal" }, { name: "High" }] });
    expect(typeNamed("Priority").valued).toBeUndefined();
    expect(typeNamed("Perms")).toMatchObject({ valued: true, members: [{ name: "None", value: "0" }, { name: "Read", value: "1" }, { name: "Write", value: "2" }, { name: "All", value: "3" }] });
    expect(typeNamed("Title").members).toEqual([
      { name: "Mr", value: "mr" },
      { name: "Ms", value: "ms" },
      { name: "Dr", value: "2", description: "Doctor" },
    ]);
  });

  it("reads auth requirements, void responses and tags", () => {
    const del = camel.operations.find((o) => o.request.name === "DeleteOrder")!;
    expect(del.returnType).toBe("void");
    expect(del.auth).toEqual({ roles: [], permissions: ["orders.delete"], anyRoles: ["Admin", "Manager"], anyPermissions: [] });
    const create = camel.operations.find((o) => o.request.name === "CreateOrder")!;
    expect(create.auth).toEqual({ roles: ["Clerk"], permissions: [], anyRoles: [], anyPermissions: [] });
    expect(create.tags).toEqual(["orders"]);
    expect(camel.operations.find((o) => o.request.name === "QueryCustomers")!.auth).toBeNull();
  });

  it("gets the same facts from PascalCase keys, typeNamespace and explicit false flags; only the key case differs", () => {
    const json = JSON.parse(camelText);
    expect(camel.keyCase).toBe("camel");
    for (const variant of [pascalKeys(json), olderServer(json), pascalKeys(olderServer(json))]) {
      const doc = parseMetadataDocument(JSON.stringify(variant), "shop.json");
      expect({ ...doc, keyCase: camel.keyCase }).toEqual(camel);
    }
    expect(parseMetadataDocument(JSON.stringify(pascalKeys(json)), "x").keyCase).toBe("pascal");
  });

  it("reads requiresAuth alone as authentication with no roles, and a route with verbs absent as all verbs", () => {
    const doc = parseMetadataDocument(
      JSON.stringify({ types: [], operations: [{ request: { name: "Ping" }, requiresAuth: true, routes: [{ path: "/ping" }, { path: "/p2", verbs: "GET, POST" }] }] }),
      "x",
    );
    expect(doc.operations[0]!.auth).toEqual({ roles: [], permissions: [], anyRoles: [], anyPermissions: [] });
    expect(doc.operations[0]!.routes).toEqual([{ verbs: "*", path: "/ping" }, { verbs: ["GET", "POST"], path: "/p2" }]);
    expect(doc.operations[0]!.returnType).toBe("void");
  });

  it("skips entries without a name with a warning and fails only a document that is not MetadataTypes", () => {
    const doc = parseMetadataDocument(JSON.stringify({ types: [{ properties: [] }, 3], operations: [{ response: { name: "X" } }] }), "x");
    expect(doc.diagnostics.map((d) => d.code)).toEqual(["W_METADATA_ENTRY", "W_METADATA_ENTRY"]);
    expect(() => parseMetadataDocument("{ nope", "saved.json")).toThrow(PageError);
    expect(() => parseMetadataDocument("{ nope", "saved.json")).toThrow(/saved\.json: E_METADATA_JSON is not valid JSON/);
    expect(() => parseMetadataDocument('{"operations": {}}', "saved.json")).toThrow(/E_NOT_METADATA/);
    expect(() => parseMetadataDocument("[]", "saved.json")).toThrow(/E_NOT_METADATA/);
  });

  it("keeps hostile names as data (the emitter makes them safe)", () => {
    const doc = parseMetadataDocument(
      JSON.stringify({ types: [{ name: "constructor", properties: [{ name: "__proto__", type: "toString" }] }], operations: [] }),
      "x",
    );
    expect(doc.types[0]).toMatchObject({ name: "constructor", properties: [{ name: "__proto__", type: "toString" }] });
  });
});
