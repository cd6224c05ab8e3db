import { describe, expect, it } from "vitest";
import { inferTypesFromSamples, pascalCase, scalarType } from "../../src/model/infer.js";
import type { PropertyModel, TypeModel, WireCase } from "../../src/model/types.js";
import { parseSampleBody } from "../../src/parse/samples/index.js";

function infer(operation: string, request: string | undefined, response: string | undefined, wireCase: WireCase = "camel") {
  return inferTypesFromSamples({
    operation,
    ...(request !== undefined ? { request: parseSampleBody(request) } : {}),
    ...(response !== undefined ? { response: parseSampleBody(response) } : {}),
    wireCase,
  });
}

/** Property shorthand: [name, wireName, type]; param and the fixed sample fields filled in. */
function props(param: string, ...rows: [string, string, string][]): PropertyModel[] {
  return rows.map(([name, wireName, type]) => ({ name, wireName, param, type, required: false, origin: "sample" }));
}
function cls(name: string, role: TypeModel["role"], from: TypeModel["from"], properties: PropertyModel[]): TypeModel {
  return { name, kind: "class", role, from, properties };
}

describe("scalarType (§6.2 table)", () => {
  it.each([
    ["String", true, "string"],
    ["String", false, "string"],
    ["Low", true, "string"],
    ["0", false, "int"],
    ["-12", false, "int"],
    ["3000000000", false, "long"],
    ["0", true, "string"],
    ["1.5", false, "double"],
    ["1e5", false, "double"],
    ["false", false, "bool"],
    ["True", false, "bool"],
    ["False", false, "bool"],
    ["false", true, "string"],
    ["/Date(-62135596800000-0000)/", true, "DateTime"],
    ["/Date(1700000000000)/", true, "DateTime"],
    ["/Date(1700000000000+0100)/", false, "DateTime"],
    ["0001-01-01T00:00:00.0000000", true, "DateTime"],
    ["0001-01-01T00:00:00", false, "DateTime"],
    ["2024-03-01T07:08:09.123Z", true, "DateTime"],
    ["2024-03-01T07:08:09+01:00", true, "DateTime"],
    ["0001-01-01", false, "DateTime"],
    ["00000000-0000-0000-0000-000000000000", true, "Guid"],
    ["00000000000000000000000000000000", false, "Guid"],
    ["0123456789abcdef0123456789ABCDEF", true, "Guid"],
    ["PT0S", true, "TimeSpan"],
    ["P1DT2H", false, "TimeSpan"],
    ["PT1H30M", true, "TimeSpan"],
    ["P", true, "string"],
    ["PT", true, "string"],
    ["", true, "string"],
  ] as const)("%j (quoted %s) -> %s", (text, quoted, type) => {
    expect(scalarType(text, quoted)).toBe(type);
  });
});

describe("pascalCase", () => {
  it.each([
    ["shipTo", "ShipTo"],
    ["ShipTo", "ShipTo"],
    ["user_id", "UserId"],
    ["x-id", "XId"],
    ["1st", "_1st"],
    ["", "Property"],
    ["---", "Property"],
    ["UserID", "UserID"],
  ])("%j -> %s", (key, name) => {
    expect(pascalCase(key)).toBe(name);
  });
});

describe("inferTypesFromSamples", () => {
  it("infers the seed pair (pascal keys)", () => {
    const r = infer(
      "CognitoSendConfirmCodeRequest",
      '{"EmailAddress":"String","ConfirmationCode":"String"}',
      '{"Total":0,"OpCode":0,"ErrorText":"String","RequestTime":"String","ResponseTime":"String","TotalExecutionTime":"String","CachedResponse":false}',
      "pascal",
    );
    expect(r.response).toBe("CognitoSendConfirmCodeRequestResponse");
    expect(r.types).toEqual([
      cls("CognitoSendConfirmCodeRequest", "request", "sample",
        props("body", ["EmailAddress", "EmailAddress", "string"], ["ConfirmationCode", "ConfirmationCode", "string"])),
      cls("CognitoSendConfirmCodeRequestResponse", "response", "sample",
        props("form",
          ["Total", "Total", "int"], ["OpCode", "OpCode", "int"], ["ErrorText", "ErrorText", "string"],
          ["RequestTime", "RequestTime", "string"], ["ResponseTime", "ResponseTime", "string"],
          ["TotalExecutionTime", "TotalExecutionTime", "string"], ["CachedResponse", "CachedResponse", "bool"])),
    ]);
    expect(r.diagnostics).toEqual([{ code: "W_SAMPLE_ONLY", detail: "CognitoSendConfirmCodeRequest" }]);
  });

  it("infers the §2.10 pair: nested classes, item classes, placeholder dictionaries", () => {
    const r = infer(
      "CreateOrder",
      '{"customerId":0,"priority":"Low","items":[{"sku":"String","qty":0,"price":0}],"traceId":"String"}',
      '{"id":0,"meta":{"String":"String"},"responseStatus":{"errorCode":"String","message":"String","stackTrace":"String","errors":[{"errorCode":"String","fieldName":"String","message":"String","meta":{"String":"String"}}],"meta":{"String":"String"}}}',
    );
    expect(r.response).toBe("CreateOrderResponse");
    expect(r.types).toEqual([
      cls("CreateOrder", "request", "sample", props("body",
        ["CustomerId", "customerId", "int"], ["Priority", "priority", "string"],
        ["Items", "items", "List<ItemsItem>"], ["TraceId", "traceId", "string"])),
      cls("ItemsItem", "reference", "sample", props("form",
        ["Sku", "sku", "string"], ["Qty", "qty", "int"], ["Price", "price", "int"])),
      cls("CreateOrderResponse", "response", "sample", props("form",
        ["Id", "id", "int"], ["Meta", "meta", "Dictionary<string,string>"],
        ["ResponseStatus", "responseStatus", "ResponseStatus"])),
      // the built-in ResponseStatus (and its ResponseError items, not "ErrorsItem") is ssgen's own (§6.3, §8.2)
    ]);
    expect(r.possibleEnums).toEqual([{ type: "CreateOrder", property: "Priority", value: "Low" }]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["W_SAMPLE_ONLY"]);
  });

  it("shares identical shapes, suffixes clashing names, keeps pre-order", () => {
    const r = infer(
      "Ship",
      '{"shipTo":{"city":"String","zip":"String"},"billTo":{"zip":"String","city":"String"},"a":{"a":{"y":"String"}},"other":{"a":{"x":0}}}',
      undefined,
    );
    expect(r.response).toBe("void");
    expect(r.types).toEqual([
      cls("Ship", "request", "sample", props("body",
        ["ShipTo", "shipTo", "ShipTo"], ["BillTo", "billTo", "ShipTo"], ["A", "a", "A"], ["Other", "other", "Other"])),
      cls("ShipTo", "reference", "sample", props("form", ["City", "city", "string"], ["Zip", "zip", "string"])),
      cls("A", "reference", "sample", props("form", ["A", "a", "A2"])),
      cls("A2", "reference", "sample", props("form", ["Y", "y", "string"])),
      cls("Other", "reference", "sample", props("form", ["A", "a", "A3"])),
      cls("A3", "reference", "sample", props("form", ["X", "x", "int"])),
    ]);
  });

  it("reads placeholder keys as dictionaries of every key type", () => {
    const r = infer(
      "Dicts",
      undefined,
      '{"byId":{"0":"String"},"lists":{"String":["String"]},"flags":{"false":0},"byGuid":{"00000000-0000-0000-0000-000000000000":"String"},"byDate":{"0001-01-01T00:00:00":0},"objs":{"String":{"x":0}},"notDict":{"Name":"String"}}',
    );
    expect(r.types).toEqual([
      cls("Dicts", "request", "sample", []),
      cls("DictsResponse", "response", "sample", props("form",
        ["ById", "byId", "Dictionary<int,string>"],
        ["Lists", "lists", "Dictionary<string,List<string>>"],
        ["Flags", "flags", "Dictionary<bool,int>"],
        ["ByGuid", "byGuid", "Dictionary<Guid,string>"],
        ["ByDate", "byDate", "Dictionary<DateTime,int>"],
        ["Objs", "objs", "Dictionary<string,ObjsValue>"],
        ["NotDict", "notDict", "NotDict"])),
      cls("ObjsValue", "reference", "sample", props("form", ["X", "x", "int"])),
      cls("NotDict", "reference", "sample", props("form", ["Name", "Name", "string"])),
    ]);
  });

  it("types nulls, empty arrays and empty objects as untyped", () => {
    const r = infer("Odd", '{"n":null,"tags":[],"boxes":[{}],"grid":[[0]],"at":"\\/Date(0)\\/","ts":"PT0S","id":"00000000-0000-0000-0000-000000000000","f":1.5}', undefined);
    expect(r.types).toEqual([
      cls("Odd", "request", "sample", props("body",
        ["N", "n", "object"], ["Tags", "tags", "List<object>"], ["Boxes", "boxes", "List<BoxesItem>"],
        ["Grid", "grid", "List<List<int>>"], ["At", "at", "DateTime"], ["Ts", "ts", "TimeSpan"],
        ["Id", "id", "Guid"], ["F", "f", "double"])),
      cls("BoxesItem", "reference", "sample", []),
    ]);
    expect(r.diagnostics).toEqual([
      { code: "W_SAMPLE_ONLY", detail: "Odd" },
      { code: "W_UNTYPED", detail: "Odd.N: null example value" },
      { code: "W_UNTYPED", detail: "Odd.Tags: empty array" },
      { code: "W_UNTYPED", detail: "BoxesItem: empty object" },
    ]);
  });

  it("gives top-level array responses as X[]", () => {
    const r = infer("ListCustomers", undefined, '[{"id":0,"name":"String"}]');
    expect(r.response).toBe("ListCustomersResponseItem[]");
    expect(r.types).toEqual([
      cls("ListCustomers", "request", "sample", []),
      cls("ListCustomersResponseItem", "reference", "sample", props("form", ["Id", "id", "int"], ["Name", "name", "string"])),
    ]);
    expect(infer("Ids", undefined, "[0]").response).toBe("int[]");
    expect(infer("Names", undefined, '["String"]').response).toBe("string[]");
  });

  it("handles raw, void, scalar and unrecoverable responses", () => {
    expect(infer("A", undefined, "(string)").response).toBe("string");
    expect(infer("A", undefined, "(byte[])").response).toBe("byte[]");
    expect(infer("A", undefined, "(Stream)").response).toBe("Stream");
    expect(infer("A", undefined, undefined).response).toBe("void");
    expect(infer("A", undefined, "").response).toBe("void");
    expect(infer("A", undefined, '"String"').response).toBe("string");
    expect(infer("A", undefined, '{"a').response).toBe("A" + "Response");
    expect(infer("A", undefined, "<Foo").response).toBe("unknown");
  });

  it("names types from XML and converts XML's C# names to the wire case", () => {
    const r = infer(
      "createorder",
      '<CreateOrder xmlns="x"><TraceId>String</TraceId><CustomerId>0</CustomerId><Items><LineItem><Qty>0</Qty><Sku>String</Sku></LineItem></Items><Tags xmlns:d2p1="a"><d2p1:string>String</d2p1:string></Tags><Meta xmlns:d2p1="a"><d2p1:KeyValueOfstringint><d2p1:Key>String</d2p1:Key><d2p1:Value>0</d2p1:Value></d2p1:KeyValueOfstringint></Meta><Active>false</Active></CreateOrder>',
      '<OrderResult xmlns="x"><Id>0</Id><CreatedAt>0001-01-01T00:00:00</CreatedAt><Note i:nil="true" /></OrderResult>',
      "camel",
    );
    expect(r.response).toBe("OrderResult");
    expect(r.types).toEqual([
      cls("CreateOrder", "request", "xml", props("body",
        ["TraceId", "traceId", "string"], ["CustomerId", "customerId", "int"], ["Items", "items", "List<LineItem>"],
        ["Tags", "tags", "List<string>"], ["Meta", "meta", "Dictionary<string,int>"], ["Active", "active", "bool"])),
      cls("LineItem", "reference", "xml", props("form", ["Qty", "qty", "int"], ["Sku", "sku", "string"])),
      cls("OrderResult", "response", "xml", props("form",
        ["Id", "id", "int"], ["CreatedAt", "createdAt", "DateTime"], ["Note", "note", "object"])),
    ]);
  });

  it("reads ArrayOf XML responses as named item arrays", () => {
    const r = infer("GetCustomers", undefined, '<ArrayOfCustomer xmlns="x"><Customer><Id>0</Id></Customer></ArrayOfCustomer>', "pascal");
    expect(r.response).toBe("Customer[]");
    expect(r.types).toEqual([
      cls("GetCustomers", "request", "sample", []),
      cls("Customer", "reference", "xml", props("form", ["Id", "Id", "int"])),
    ]);
  });

  it("infers from JSV bodies (pretty form)", () => {
    const r = infer(
      "Book",
      "{\n\tId: 00000000000000000000000000000000,\n\tWhen: 0001-01-01,\n\tActive: False,\n\tItems: \n\t[\n\t\t{\n\t\t\tName: String\n\t\t}\n\t]\n}",
      undefined,
      "pascal",
    );
    expect(r.types).toEqual([
      cls("Book", "request", "sample", props("body",
        ["Id", "Id", "Guid"], ["When", "When", "DateTime"], ["Active", "Active", "bool"], ["Items", "Items", "List<ItemsItem>"])),
      cls("ItemsItem", "reference", "sample", props("form", ["Name", "Name", "string"])),
    ]);
  });

  it("marks classes from a cut body partial and does not merge them", () => {
    const r = infer("Cut", undefined, '{"a":{"x":0},"b":{"x":0,"y"');
    expect(r.types).toEqual([
      cls("Cut", "request", "sample", []),
      { ...cls("CutResponse", "response", "sample", props("form", ["A", "a", "A"], ["B", "b", "B"])), partial: true },
      cls("A", "reference", "sample", props("form", ["X", "x", "int"])),
      { ...cls("B", "reference", "sample", props("form", ["X", "x", "int"])), partial: true },
    ]);
  });

  it("keeps awkward keys as wire names and makes safe, unique property names", () => {
    const r = infer("Keys", '{"x-id":"String","userId":0,"user_id":0,"1st":0}', undefined);
    expect(r.types[0]!.properties).toEqual(props("body",
      ["XId", "x-id", "string"], ["UserId", "userId", "int"], ["UserId2", "user_id", "int"], ["_1st", "1st", "int"]));
  });

  it("does not name a nested class after a root", () => {
    const r = infer("Op", '{"op":{"a":0}}', '{"opResponse":{"b":0}}');
    expect(r.types.map((t) => t.name)).toEqual(["Op", "Op2", "OpResponse", "OpResponse2"]);
  });
});
