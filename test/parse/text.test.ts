import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTextPage } from "../../src/parse/text.js";
import { flatRowSplits } from "../../src/parse/text-flat-rows.js";
import { splitValuedEnumRow } from "../../src/parse/text-flat-enum.js";
import { PageError, type RawPage, type RawParamsTable } from "../../src/model/types.js";
import { errorOf } from "../helpers/page-error.js";

const dir = join(import.meta.dirname, "../../fixtures/pages");
const fixture = (name: string) => readFileSync(join(dir, name), "utf8");
const parseFixture = (name: string) => parseTextPage(fixture(name), `fixtures/pages/${name}`);

const row = (name: string, param: string, type: string) => ({ name, param, type, required: false });
const params = (t: RawPage["tables"][number]) => t as RawParamsTable;


const CALL_INFO = "To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json";
const SAMPLES = [
  CALL_INFO,
  "The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.",
  "POST /json/reply/X HTTP/1.1",
  "Host: h",
  "Content-Type: application/json",
  "Content-Length: length",
  "",
  '{"a":"String"}',
  "HTTP/1.1 200 OK",
  "Content-Type: application/json",
  "Content-Length: length",
  "",
  '{"b":0}',
].join("\n");
const HEADER = "| Name | Parameter | Data Type | Required | Description |\n|---|---|---|---|---|";

describe("parseTextPage: the seed (text-pipe)", () => {
  const page = parseFixture("seed-cognito.txt");

  it("reads all seven params tables with their exact rows", () => {
    expect(page.tables).toEqual([
      { kind: "params", rows: [row("EmailAddress", "body", "string"), row("ConfirmationCode", "body", "string")] },
      { kind: "params", rows: [row("Data", "form", "CognitoUser"), row("Data2", "form", "CognitoUser")] },
      {
        kind: "params",
        rows: [
          row("Total", "form", "int"),
          row("OpCode", "form", "int"),
          row("ErrorText", "form", "string"),
          row("RequestTime", "form", "string"),
          row("ResponseTime", "form", "string"),
          row("TotalExecutionTime", "form", "string"),
          row("CachedResponse", "form", "bool"),
        ],
      },
      {
        kind: "params",
        rows: [
          row("SessionTokens", "form", "CognitoUserSession"),
          row("Device", "form", "CognitoDevice"),
          row("UserID", "form", "string"),
          row("Username", "form", "string"),
          row("UserPool", "form", "CognitoUserPool"),
          row("ClientID", "form", "string"),
          row("Status", "form", "string"),
          row("Attributes", "form", "Dictionary<string, string>"),
          row("Settings", "form", "Dictionary<string, string>"),
        ],
      },
      {
        kind: "params",
        rows: [
          row("IdToken", "form", "string"),
          row("AccessToken", "form", "string"),
          row("RefreshToken", "form", "string"),
          row("ExpirationTime", "form", "DateTime"),
          row("IssuedTime", "form", "DateTime"),
        ],
      },
      {
        kind: "params",
        rows: [
          row("DeviceKey", "form", "string"),
          row("DeviceAttributes", "form", "Dictionary<string, string>"),
          row("CreateDate", "form", "DateTime"),
          row("LastModified", "form", "DateTime"),
          row("LastAuthenticated", "form", "DateTime"),
          row("User", "form", "CognitoUser"),
          row("GroupDeviceKey", "form", "string"),
          row("DeviceSecret", "form", "string"),
        ],
      },
      { kind: "params", rows: [row("PoolID", "form", "string"), row("ClientID", "form", "string")] },
    ]);
  });

  it("reads route, auth, format, samples and nothing else", () => {
    const { tables, ...rest } = page;
    expect(tables).toHaveLength(7);
    expect(rest).toEqual({
      source: "fixtures/pages/seed-cognito.txt",
      layout: "text-pipe",
      tags: [],
      auth: "unknown",
      routes: [{ verbs: ["POST"], path: "/CognitoSendConfirmCodeRequest" }],
      format: "json",
      request: {
        verb: "POST",
        url: "/CognitoSendConfirmCodeRequest",
        headers: {
          Host: "cdnapidev.greysheet.com",
          Accept: "application/json",
          "Content-Type": "application/json",
          "Content-Length": "length",
        },
        body: '{"EmailAddress":"String","ConfirmationCode":"String"}',
        parsed: expect.objectContaining({ syntax: "json", truncated: false }),
      },
      response: {
        status: 200,
        headers: { "Content-Type": "application/json", "Content-Length": "length" },
        body: '{"Total":0,"OpCode":0,"ErrorText":"String","RequestTime":"String","ResponseTime":"String","TotalExecutionTime":"String","CachedResponse":false}',
        parsed: expect.objectContaining({ syntax: "json", truncated: false }),
      },
      complete: true,
      diagnostics: [],
    });
  });

  it("accepts CRLF line ends and a byte-order mark", () => {
    const crlf = parseTextPage("\ufeff" + fixture("seed-cognito.txt").replace(/\n/g, "\r\n"), "crlf.txt");
    expect(crlf.tables).toEqual(page.tables);
    expect(crlf.response).toEqual(page.response);
  });
});

describe("parseTextPage: text-pipe with a URL line (CreateOrder)", () => {
  const page = parseFixture("create-order.txt");

  it("takes url, host, op name and format from the URL line", () => {
    expect(page.url).toBe("https://shop.example.test/json/metadata?op=CreateOrder");
    expect(page.host).toBe("shop.example.test");
    expect(page.opName).toBe("CreateOrder");
    expect(page.format).toBe("json");
    expect(page.layout).toBe("text-pipe");
  });

  it("reads auth rows, the route table with its separator and trimmed last row", () => {
    expect(page.auth).toEqual({ roles: ["Clerk"], permissions: [], anyRoles: [], anyPermissions: [] });
    expect(page.routes).toEqual([
      { verbs: ["POST"], path: "/customers/{CustomerId}/orders" },
      { verbs: ["POST"], path: "/orders" },
    ]);
  });

  it("reads params tables, a plain enum table, descriptions and ranges", () => {
    expect(page.tables.map((t) => t.kind)).toEqual(["params", "params", "enum", "params", "params"]);
    expect(params(page.tables[0]!).rows[0]).toEqual({
      name: "CustomerId",
      param: "path",
      type: "int",
      required: true,
      description: "Owning customer",
    });
    expect(page.tables[2]).toEqual({
      kind: "enum",
      valued: false,
      members: [{ name: "Low" }, { name: "Normal" }, { name: "High" }],
    });
    expect(params(page.tables[3]!).rows).toEqual([
      { ...row("Sku", "form", "string"), description: "Stock keeping unit" },
      { ...row("Qty", "form", "int"), range: [1, 99] },
      row("Price", "form", "decimal"),
    ]);
    expect(page.diagnostics).toEqual([]);
    expect(page.complete).toBe(true);
  });
});

describe("parseTextPage: pipe tables (§5.2 rule 3)", () => {
  it("reads valued enums, adjacent plain enums, All Verbs routes and every auth label", () => {
    const page = parseFixture("update-customer.txt");
    expect(page.auth).toEqual({ roles: [], permissions: ["customers.write"], anyRoles: ["Admin", "Manager"], anyPermissions: [] });
    expect(page.routes).toEqual([
      { verbs: ["PUT"], path: "/customers/{Id}" },
      { verbs: "*", path: "/customers/{Id}/update" },
    ]);
    expect(page.tables.slice(1, 3)).toEqual([
      { kind: "enum", valued: true, members: [{ name: "Mr", value: "1" }, { name: "Ms", value: "2" }] },
      { kind: "enum", valued: false, members: [{ name: "Active" }, { name: "Inactive" }] },
    ]);
    expect(params(page.tables[3]!).rows).toEqual([row("Id", "form", "int"), row("ResponseStatus", "form", "ResponseStatus")]);
  });

  it("splits adjacent plain enum tables at the trimmed last row", () => {
    const text = [HEADER, "| P | form | A | No | |", "| Q | form | B | No |", "| A1 | |", "| A2 |", "| B1 | |", "| B2 |", SAMPLES].join("\n");
    const page = parseTextPage(text, "enums.txt");
    expect(page.tables.slice(1)).toEqual([
      { kind: "enum", valued: false, members: [{ name: "A1" }, { name: "A2" }] },
      { kind: "enum", valued: false, members: [{ name: "B1" }, { name: "B2" }] },
    ]);
    expect(page.diagnostics).toEqual([]);
  });

  it("warns W_ENUM_BOUNDARY when described rows hide the boundary", () => {
    const text = [HEADER, "| P | form | A | No |", "| A1 | first |", "| A2 | second |", "| B1 | third |", SAMPLES].join("\n");
    const page = parseTextPage(text, "enums.txt");
    expect(page.tables[1]).toEqual({
      kind: "enum",
      valued: false,
      members: [
        { name: "A1", description: "first" },
        { name: "A2", description: "second" },
        { name: "B1", description: "third" },
      ],
    });
    expect(page.diagnostics.map((d) => d.code)).toEqual(["W_ENUM_BOUNDARY"]);
  });

  it("reads rows without outer pipes, with || empty cells, extra pipes in descriptions, and Allowable Values", () => {
    const text = [
      "Name | Parameter | Data Type | Required | Description",
      "---|---|---|---|---",
      "Kind | query | string | No | One of these Allowable Values: Small, Large ||",
      "Note | query | string | Yes | a | b",
      SAMPLES,
    ].join("\n");
    const page = parseTextPage(text, "loose.txt");
    expect(params(page.tables[0]!).rows).toEqual([
      { ...row("Kind", "query", "string"), description: "One of these", allowableValues: ["Small", "Large"] },
      { name: "Note", param: "query", type: "string", required: true, description: "a | b" },
    ]);
  });

  it("skips a row with missing cells (W_BAD_ROW) and keeps the rest", () => {
    const text = [HEADER, "| A | form | int | No | |", "| B | form | int |", "| C | form | int | Maybe |", SAMPLES].join("\n");
    const page = parseTextPage(text, "bad.txt");
    expect(params(page.tables[0]!).rows.map((r) => r.name)).toEqual(["A", "C"]);
    expect(page.diagnostics.map((d) => d.code)).toEqual(["W_BAD_ROW", "W_BAD_ROW"]);
    expect(page.diagnostics[0]!.detail).toContain("line 4");
  });

  it("reads a page with no routes and no auth rows", () => {
    const page = parseTextPage([HEADER, "| A | query | int | No |", SAMPLES].join("\n"), "plain.txt");
    expect(page.routes).toEqual([]);
    expect(page.auth).toBe("unknown");
    expect(page.request?.url).toBe("/json/reply/X");
  });
});

describe("parseTextPage: renderings of the HTML fixtures", () => {
  it("keeps route summaries and notes, and trims only the last route row", () => {
    expect(parseFixture("routes.txt").routes).toEqual([
      { verbs: ["GET", "POST"], path: "/products/{Id}", summary: "Fetch or create", notes: "Creates the product when missing" },
      { verbs: ["PUT"], path: "/products/{Id}/{Version}", summary: "Replace one version" },
      { verbs: "*", path: "/products/upsert" },
    ]);
  });

  it("reads all four auth labels with comma lists", () => {
    expect(parseFixture("send-email.txt").auth).toEqual({
      roles: ["Admin", "Mailer"],
      permissions: ["email:send"],
      anyRoles: ["Support", "Ops"],
      anyPermissions: ["mail:bulk"],
    });
  });

  it("reads a lang page whose code has no Options header, by its URL line", () => {
    const page = parseFixture("lang-typescript.txt");
    expect(page.lang).toBe("typescript");
    expect(page.tables).toEqual([]);
    expect(page.routes).toEqual([{ verbs: ["POST"], path: "/subscriptions" }]);
  });

  it("reads valued enums with EnumMember values and described plain enums", () => {
    const page = parseFixture("enums.txt");
    expect(page.tables.filter((t) => t.kind === "enum")).toEqual([
      {
        kind: "enum",
        valued: false,
        members: [
          { name: "Light", description: "Light background" },
          { name: "Dark", description: "Dark background" },
        ],
      },
      { kind: "enum", valued: true, members: [{ name: "Quiet", value: "10" }, { name: "Normal", value: "20" }, { name: "Chatty", value: "30" }] },
      {
        kind: "enum",
        valued: true,
        members: ["None", "Read", "Write", "Delete", "All"].map((name, i) => ({ name, value: String([0, 1, 2, 4, 7][i]) })),
      },
      {
        kind: "enum",
        valued: true,
        members: [{ name: "Mr", value: "mr" }, { name: "Ms", value: "ms" }, { name: "Dr", value: "dr", description: "Doctor" }],
      },
    ]);
  });
});

describe("parseTextPage: text-flat", () => {
  it("reads captions, headings, auth, routes and rows of the flat CreateOrder", () => {
    const page = parseFixture("create-order-flat.txt");
    expect(page.layout).toBe("text-flat");
    expect(page.serviceName).toBe("Shop API");
    expect(page.opName).toBe("CreateOrder");
    expect(page.tags).toEqual(["orders"]);
    expect(page.description).toBe("Creates an order & returns its id");
    expect(page.auth).toEqual({ roles: ["Clerk"], permissions: [], anyRoles: [], anyPermissions: [] });
    expect(page.routes).toEqual([
      { verbs: ["POST"], path: "/customers/{CustomerId}/orders" },
      { verbs: ["POST"], path: "/orders" },
    ]);
    expect(page.tables.map((t) => `${t.kind}:${t.caption}`)).toEqual([
      "params:CreateOrder",
      "params:AuditedRequest",
      "enum:Priority",
      "params:LineItem",
      "params:CreateOrderResponse",
    ]);
    expect(params(page.tables[0]!).rows).toEqual([
      { name: "CustomerId", param: "path", type: "int", required: true, description: "Owning customer" },
      row("Priority", "body", "Priority"),
      row("Items", "body", "List<LineItem>"),
      row("DueDate", "body", "DateTime?"),
    ]);
    expect(params(page.tables[3]!).rows[1]).toEqual({ ...row("Qty", "form", "int"), range: [1, 99] });
    expect(params(page.tables[4]!).rows[1]).toEqual(row("Meta", "form", "Dictionary<string, string>"));
    expect(page.diagnostics).toEqual([]);
  });

  it("rejects keyword splits inside names and types an unsplittable valued enum as string (W_FLAT_SPLIT)", () => {
    const page = parseFixture("update-uniform-flat.txt");
    expect(page.auth).toBeNull();
    expect(page.tables.map((t) => t.caption)).toEqual(["UpdateUniform", "UpdateUniformResponse"]);
    expect(params(page.tables[0]!).rows).toEqual([
      row("Id", "path", "int"),
      row("Uniform", "body", "string"),
      row("Antibody", "body", "int?"),
      row("Size", "body", "string"),
    ]);
    expect(page.diagnostics.map((d) => d.code)).toEqual(["W_FLAT_SPLIT"]);
  });

  it("splits rows with the leftmost keyword rule", () => {
    expect(flatRowSplits("UniformformstringNo", false)).toEqual([{ name: "Uniform", param: "form", type: "string", required: false }]);
    expect(flatRowSplits("AntibodybodyList<Antibody>YesThe antibodies", true)).toEqual([
      { name: "Antibody", param: "body", type: "List<Antibody>", required: true, rest: "The antibodies" },
    ]);
    expect(flatRowSplits("MetaformDictionary<string, List<Int32>>No", false)[0]?.type).toBe("Dictionary<string, List<Int32>>");
    // two readings: X + IntformInt, or XformInt + Int; leftmost first
    expect(flatRowSplits("XformIntformIntNo", false).map((s) => s.name)).toEqual(["X", "XformInt"]);
    expect(flatRowSplits("nothing to split", true)).toEqual([]);
  });

  it("settles an ambiguous split with the sample keys, else warns", () => {
    const flat = (body: string) =>
      [
        "<back to all web services",
        "Op",
        "Op Parameters:",
        "NameParameterData TypeRequiredDescription",
        "XformIntformIntNo",
        CALL_INFO,
        "POST /json/reply/Op HTTP/1.1",
        "Content-Length: length",
        "",
        body,
      ].join("\n");
    const byKey = parseTextPage(flat('{"xformInt":0}'), "f.txt");
    expect(params(byKey.tables[0]!).rows[0]!.name).toBe("XformInt");
    expect(byKey.diagnostics).toEqual([]);
    const noKey = parseTextPage(flat('{"other":0}'), "f.txt");
    expect(params(noKey.tables[0]!).rows[0]).toMatchObject({ name: "X", type: "IntformInt" });
    expect(noKey.diagnostics.map((d) => d.code)).toEqual(["W_FLAT_SPLIT"]);
  });

  /** A flat page of one op: heading lines, then the tables, then a request sample with `body`. */
  const flatPage = (head: string[], tables: string[], body = '{"other":0}') =>
    parseTextPage(
      ["Shop", "<back to all web services", ...head, ...tables, CALL_INFO, "POST /json/reply/Op HTTP/1.1", "Content-Length: length", "", body].join("\n"),
      "f.txt",
    );
  const table = (caption: string, ...rows: string[]) => [`${caption} Parameters:`, "NameParameterData TypeRequiredDescription", ...rows];

  it("reads the language nav line as neither a tag nor a description (finding 10)", () => {
    for (const nav of [["MetadataC#TypeScript"], ["MetadataC#JavaScriptTypeScriptVB.NETF#"], ["Metadata", "C#", "TypeScript"]]) {
      const page = flatPage(["Op", "orders", ...nav], table("Op", "IdqueryintNo"));
      expect(page.tags).toEqual(["orders"]);
      expect(page.description).toBeUndefined();
      const withDesc = flatPage(["Op", "Creates an op", ...nav], table("Op", "IdqueryintNo"));
      expect(withDesc.description).toBe("Creates an op");
    }
    // a tag that is a language name stays a tag when no nav follows
    expect(flatPage(["Op", "Go"], table("Op", "IdqueryintNo")).tags).toEqual(["Go"]);
  });

  it("prefers the split whose Data Type the page knows and whose Parameter §2.4 gives (finding 11)", () => {
    const page = flatPage(
      ["Op", "The following routes are available for this service:", "POST/ops/{Id}"],
      [...table("Op", "IdpathintNo", "AntibodyOwnerbodyint?No", "UniformLinebodyLineYes"), ...table("Line", "UniformDueformDateTime?No", "PlatformformstringNo")],
    );
    expect(params(page.tables[0]!).rows).toEqual([
      row("Id", "path", "int"),
      row("AntibodyOwner", "body", "int?"),
      { ...row("UniformLine", "body", "Line"), required: true },
    ]);
    expect(params(page.tables[1]!).rows).toEqual([row("UniformDue", "form", "DateTime?"), row("Platform", "form", "string")]);
    expect(page.diagnostics).toEqual([]);
    // no routes: every request row is `query`, so `Anti` + `body` is not possible
    const noRoutes = flatPage(["Op"], table("Op", "AntibodyOwnerqueryint?No"));
    expect(params(noRoutes.tables[0]!).rows).toEqual([row("AntibodyOwner", "query", "int?")]);
  });

  it("reads a type name containing No/Yes whole when the page shows its table (finding 12)", () => {
    const page = flatPage(
      ["Op"],
      [...table("Op", "ColorqueryShipmentNoteYesFor if", "ShipqueryShipmentNo", "NotequeryShipmentNoteNoNotes"), ...table("ShipmentNote", "IdformintNo"), ...table("Shipment", "IdformintNo")],
    );
    expect(params(page.tables[0]!).rows).toEqual([
      { ...row("Color", "query", "ShipmentNote"), required: true, description: "For if" },
      row("Ship", "query", "Shipment"),
      { ...row("Note", "query", "ShipmentNote"), description: "Notes" },
    ]);
    expect(page.diagnostics).toEqual([]);
  });

  it("splits valued enum rows where the value's shape tells: a number, or a spelling of the name", () => {
    expect(splitValuedEnumRow("High40")).toEqual({ name: "High", value: "40" });
    expect(splitValuedEnumRow("Monthly20Monthly billing")).toEqual({ name: "Monthly", value: "20", description: "Monthly billing" });
    expect(splitValuedEnumRow("Minus-1")).toEqual({ name: "Minus", value: "-1" });
    expect(splitValuedEnumRow("LowlowLow the")).toEqual({ name: "Low", value: "low", description: "Low the" });
    expect(splitValuedEnumRow("InProgressinProgress")).toEqual({ name: "InProgress", value: "inProgress" });
    expect(splitValuedEnumRow("OnHoldON_HOLDWaiting")).toEqual({ name: "OnHold", value: "ON_HOLD", description: "Waiting" });
    // an arbitrary [EnumMember(Value)] has no tie to the name: cannot be told
    expect(splitValuedEnumRow("SmallS")).toBeUndefined();
    expect(splitValuedEnumRow("Tier")).toBeUndefined();
  });

  it("reads a flat page's valued enums, or types the enum as string when a row cannot be split", () => {
    const page = parseFixture("enums-flat.txt");
    expect(page.tables.filter((t) => t.kind === "enum").map((t) => [t.caption, t.kind === "enum" && t.members])).toEqual([
      ["Theme", [{ name: "Light" }, { name: "Dark" }]],
      ["Verbosity", [{ name: "Quiet", value: "10" }, { name: "Normal", value: "20" }, { name: "Chatty", value: "30", description: "Talks a lot" }]],
      ["Permissions", ["None", "Read", "Write", "Delete", "All"].map((name, i) => ({ name, value: String([0, 1, 2, 4, 7][i]) }))],
      ["Title", [{ name: "Mr", value: "mr" }, { name: "Ms", value: "ms" }, { name: "Dr", value: "dr", description: "Doctor" }]],
      ["Stage", [{ name: "InProgress", value: "in-progress" }, { name: "OnHold", value: "ON_HOLD", description: "Waiting for input" }]],
    ]);
    expect(page.tags).toEqual([]);
    expect(page.diagnostics).toEqual([]);
  });

  it("types an unsplittable valued enum as string, keeping nullability (a null member has no sample key)", () => {
    const page = flatPage(["Op"], [...table("Op", "SizequerySize?No", "SizesqueryList<Size>No"), "Size Enum:", "NameValue", "SmallS", "LargeL"]);
    expect(params(page.tables[0]!).rows).toEqual([row("Size", "query", "string?"), row("Sizes", "query", "List<string>")]);
    expect(page.tables.map((t) => t.caption)).toEqual(["Op"]);
    expect(page.diagnostics.map((d) => d.code)).toEqual(["W_FLAT_SPLIT"]);
  });

  it("settles a plain enum's glued first row with the sample value of a property typed with it", () => {
    const enumTable = ["Kind Enum:", "WeeklyWeekly billing", "MonthlyMonthly billing"];
    const page = flatPage(["Op"], [...table("Op", "KindqueryKindNo"), ...enumTable], '{"kind":"Weekly"}');
    expect(page.tables[1]).toMatchObject({
      members: [
        { name: "Weekly", description: "Weekly billing", gluedRow: "WeeklyWeekly billing" },
        { name: "MonthlyMonthly", gluedRow: "MonthlyMonthly billing" },
      ],
    });
    // no sample value: the leading identifier, marked as glued for the model
    const unsettled = flatPage(["Op"], [...table("Op", "KindqueryKindNo"), ...enumTable], '{"other":"Weekly"}');
    expect((unsettled.tables[1] as { members: unknown[] }).members[0]).toEqual({ name: "WeeklyWeekly", gluedRow: "WeeklyWeekly billing" });
  });

  it("skips a flat row it cannot split", () => {
    const page = parseTextPage(
      ["Op Parameters:", "NameParameterData TypeRequiredDescription", "Garbage row here", "IdformintNo", CALL_INFO].join("\n"),
      "f.txt",
    );
    expect(params(page.tables[0]!).rows).toEqual([row("Id", "form", "int")]);
    expect(page.diagnostics.map((d) => d.code)).toEqual(["W_FLAT_SPLIT", "W_TRUNCATED"]);
  });
});

describe("parseTextPage: sample-only and lang pages", () => {
  it("reads a JSON sample-only page", () => {
    const page = parseFixture("get-weather-samples.txt");
    expect(page.layout).toBe("sample-only");
    expect(page.tables).toEqual([]);
    expect(page.auth).toBe("unknown");
    expect(page.format).toBe("json");
    expect(page.request?.url).toBe("/json/reply/GetWeather");
    expect(page.response?.body).toContain('"today":{"highTemp":0');
    expect(page.complete).toBe(true);
  });

  it("reads a JSV sample-only page with collapsed headers", () => {
    const page = parseFixture("get-stock-jsv-samples.txt");
    expect(page.layout).toBe("sample-only");
    expect(page.format).toBe("jsv");
    expect(page.request).toEqual({
      verb: "POST",
      url: "/jsv/reply/GetStock",
      headers: { Host: "stock.example.test", Accept: "text/jsv", "Content-Type": "text/jsv", "Content-Length": "length" },
      body: "{productSku:String,warehouseId:0}",
      parsed: expect.objectContaining({ syntax: "jsv", truncated: false }),
    });
    expect(page.response?.body).toBe("{productSku:String,onHand:0,inStock:False,lastCounted:0001-01-01,bins:[{binCode:String,qty:0}]}");
  });

  it("takes the format from the sample Content-Type when there is no call-info", () => {
    const page = parseTextPage("POST /xml/reply/X HTTP/1.1\nContent-Type: application/xml\nContent-Length: length\n\n<X />", "x.txt");
    expect(page.format).toBe("xml");
    expect(page.layout).toBe("sample-only");
  });

  it("reads routes, auth and the code of a ?lang= page", () => {
    const page = parseFixture("cancel-order-lang.txt");
    expect(page.layout).toBe("sample-only");
    expect(page.lang).toBe("typescript");
    expect(page.opName).toBe("CancelOrder");
    expect(page.tables).toEqual([]);
    expect(page.routes).toEqual([{ verbs: ["POST"], path: "/orders/{OrderId}/cancel" }]);
    expect(page.auth).toEqual({ roles: ["Clerk"], permissions: [], anyRoles: [], anyPermissions: [] });
    expect(page.diagnostics.map((d) => d.code)).toEqual([]);
    expect(page.code?.types.map((t) => t.name)).toEqual(["CancelOrderResponse", "CancelOrder"]);
    expect(page.response?.body).toContain("refundMode");
  });

  it("recognises a lang page without a URL line by its code header and types link", () => {
    const text = fixture("cancel-order-lang.txt").split("\n").slice(2).join("\n");
    const page = parseTextPage(text, "lang.txt");
    expect(page.lang).toBe("typescript");
    expect(page.opName).toBe("CancelOrder");
    expect(page.routes).toHaveLength(1);
    expect(page.tables).toEqual([]);
  });
});

describe("parseTextPage: lang and auth edge cases", () => {
  it("reads headings, auth and routes of a flat ?lang= page", () => {
    const text = [
      "<back to all web services",
      "CancelOrder",
      "Requires Authentication",
      "Requires any of the roles:Clerk, Admin",
      "The following routes are available for this service:",
      "POST/orders/{OrderId}/cancel",
      "/* Options:",
      "IncludeTypes: CancelOrder.*",
      "*/",
      "export class CancelOrder { public orderId: number; public mode: 'A' | 'B'; }",
      SAMPLES,
    ].join("\n");
    const page = parseTextPage(text, "flat-lang.txt");
    expect(page.layout).toBe("sample-only");
    expect(page.opName).toBe("CancelOrder");
    expect(page.auth).toEqual({ roles: [], permissions: [], anyRoles: ["Clerk", "Admin"], anyPermissions: [] });
    expect(page.routes).toEqual([{ verbs: ["POST"], path: "/orders/{OrderId}/cancel" }]);
    expect(page.tables).toEqual([]);
    expect(page.diagnostics.map((d) => d.code)).toEqual(["W_LANG_VARIANT"]);
  });

  it("reads the tables when a lang= URL line sits over a normal page", () => {
    const text = fixture("create-order.txt").replace("?op=CreateOrder", "?op=CreateOrder&lang=csharp");
    const page = parseTextPage(text, "mislabelled.txt");
    expect(page.layout).toBe("text-pipe");
    expect(page.lang).toBeUndefined();
    expect(page.tables).toHaveLength(5);
  });

  it("reads a kept auth caption row as authentication without role lists", () => {
    const page = parseTextPage(["| Requires Authentication |", HEADER, "| A | query | int | No |", SAMPLES].join("\n"), "auth.txt");
    expect(page.auth).toEqual({ roles: [], permissions: [], anyRoles: [], anyPermissions: [] });
    expect(page.tables).toHaveLength(1);
  });
});

describe("parseTextPage: truncation", () => {
  const co = fixture("create-order.txt");

  it("drops an incomplete last row and marks its table partial", () => {
    const cut = co.slice(0, co.indexOf("| Qty | form | int") + 14);
    const page = parseTextPage(cut, "cut.txt");
    expect(page.complete).toBe(false);
    expect(page.tables).toHaveLength(4);
    expect(page.tables[3]).toEqual({
      kind: "params",
      rows: [{ ...row("Sku", "form", "string"), description: "Stock keeping unit" }],
      partial: true,
    });
    expect(page.request).toBeUndefined();
    expect(page.diagnostics.map((d) => d.code)).toEqual(["W_TRUNCATED"]);
    expect(page.diagnostics[0]!.detail).toContain("in the tables");
  });

  it("keeps a last row that ends with its line break", () => {
    const cut = co.slice(0, co.indexOf("| Price"));
    const page = parseTextPage(cut, "cut.txt");
    expect(params(page.tables[3]!).rows.map((r) => r.name)).toEqual(["Sku", "Qty"]);
    expect(page.tables[3]!.partial).toBe(true);
  });

  it("notices a cut inside the request headers", () => {
    const cut = co.slice(0, co.indexOf("Content-Type: application/json") + 10);
    const page = parseTextPage(cut, "cut.txt");
    expect(page.complete).toBe(false);
    expect(page.tables).toHaveLength(5);
    expect(page.request?.truncated).toBe(true);
    expect(page.diagnostics).toEqual([{ code: "W_TRUNCATED", detail: "input ends inside the request sample headers" }]);
  });

  it("notices a cut inside the response body", () => {
    const page = parseFixture("create-order-truncated.txt");
    expect(page.complete).toBe(false);
    expect(page.response?.truncated).toBe(true);
    expect(page.diagnostics).toEqual([{ code: "W_TRUNCATED", detail: "input ends inside the response sample body" }]);
  });

  it("notices a cut between the call-info and the samples", () => {
    const cut = co.slice(0, co.indexOf("The following"));
    const page = parseTextPage(cut, "cut.txt");
    expect(page.complete).toBe(false);
    expect(page.diagnostics).toEqual([{ code: "W_TRUNCATED", detail: "input ends before the sample request" }]);
  });

  it("never throws on any prefix of the seed", () => {
    const seed = fixture("seed-cognito.txt");
    for (let n = 1; n <= seed.length; n += 1) {
      try {
        const prefix = seed.slice(0, n);
        const page = parseTextPage(prefix, "prefix.txt");
        // a cut right after the request body looks exactly like a one-way op's complete page
        const atMessageEnd = prefix.trimEnd().endsWith('"ConfirmationCode":"String"}');
        if (n < seed.length - 1 && !atMessageEnd) expect(page.complete, prefix.slice(-40)).toBe(false);
      } catch (e) {
        expect(e).toBeInstanceOf(PageError);
      }
    }
  });
});

describe("parseTextPage: errors", () => {
  it.each([
    ["", "E_NOT_METADATA", "empty"],
    [" \n\t\n", "E_NOT_METADATA", "empty"],
    ["\u0000\u0001PK\u0003\u0004binary", "E_NOT_METADATA", "binary"],
    ["<!DOCTYPE html><html><body><table class='params'></table></body></html>", "E_NOT_METADATA", "HTML"],
    ["Release notes\n| Version | Date |\n|---|---|\n| 1.2 | 2026 |\n", "E_NOT_METADATA", "no metadata tables"],
    ["Forbidden\nMetadata Not Available\n", "E_ACCESS", "refused"],
    ["Could not find operation: Nope\n", "E_UNKNOWN_OP", "Nope"],
  ])("%j -> %s", (text, code, detail) => {
    const e = errorOf(() => parseTextPage(text, "bad.txt"));
    expect(e.code).toBe(code);
    expect(e.page).toBe("bad.txt");
    expect(e.message).toContain(detail);
  });
});

describe("parseTextPage: linear time on 5 MB lines", () => {
  // Hang guards: a backtracking regex would take minutes on these and hit the test timeout.
  const parseBig = (text: string) => {
    let result: RawPage | PageError;
    try {
      result = parseTextPage(text, "big.txt");
    } catch (e) {
      if (!(e instanceof PageError)) throw e;
      result = e;
    }
    return result;
  };
  const FIVE_MB = 5 * 1024 * 1024;

  it("reads a 5 MB description cell", { timeout: 20_000 }, () => {
    const page = parseBig([HEADER, `| A | form | string | No | ${"x".repeat(FIVE_MB)} |`, "| B | form | int | No |", SAMPLES].join("\n")) as RawPage;
    expect(params(page.tables[0]!).rows[0]!.description?.length).toBe(FIVE_MB);
  });

  it("rejects 5 MB of one character or of pipes", { timeout: 20_000 }, () => {
    expect(parseBig("a".repeat(FIVE_MB))).toBeInstanceOf(PageError);
    expect(parseBig("|".repeat(FIVE_MB))).toBeInstanceOf(PageError);
    expect(parseBig("| GET |".repeat(FIVE_MB / 7))).toBeInstanceOf(PageError);
  });

  it("handles a 5 MB flat row, a 5 MB caption and a 5 MB sample line", { timeout: 20_000 }, () => {
    parseBig(["X Parameters:", "form".repeat(FIVE_MB / 4), CALL_INFO].join("\n"));
    parseBig(["Abody" + "Yes".repeat(FIVE_MB / 3), "X Parameters:", CALL_INFO].join("\n"));
    parseBig(`${"A".repeat(FIVE_MB)} Parameters:\n${CALL_INFO}`);
    parseBig(`${CALL_INFO}\nPOST /x HTTP/1.1 ${"A: b ".repeat(FIVE_MB / 5)}`);
    parseBig(`${CALL_INFO}\nPOST /x HTTP/1.1\nContent-Length: length\n\n{${"[".repeat(FIVE_MB)}`);
  });

  it("handles a 5 MB URL-like first line and valid-range text", () => {
    parseBig(`https://h/${"a".repeat(FIVE_MB)}\n${SAMPLES}`);
    parseBig([HEADER, `| A | form | int | No | ${"Valid Range: 1 - ".repeat(FIVE_MB / 17)} |`, SAMPLES].join("\n"));
  });
});

describe("parseTextPage: property", () => {
  const mustBeRawPageOrPageError = (text: string) => {
    try {
      const page = parseTextPage(text, "fuzz.txt");
      expect(Array.isArray(page.tables)).toBe(true);
    } catch (e) {
      if (!(e instanceof PageError)) throw e;
      expect(e.page).toBe("fuzz.txt");
    }
  };

  it("random strings never throw anything but PageError", () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), mustBeRawPageOrPageError), { numRuns: 500 });
  });

  it("random bytes never throw anything but PageError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => mustBeRawPageOrPageError(new TextDecoder().decode(bytes))),
      { numRuns: 500 },
    );
  });

  it("random mixes of page lines never throw anything but PageError", () => {
    const lines = [
      ...fixture("seed-cognito.txt").split("\n"),
      ...fixture("create-order-flat.txt").split("\n"),
      ...fixture("cancel-order-lang.txt").split("\n").slice(0, 12),
      "| Name | Value | |",
      "|---|",
      "| A | |",
      "| B |",
      "| All Verbs | /x |",
      "| Requires any of the permissions: | p |",
      "https://h/json/metadata?op=X&lang=csharp",
      "",
    ];
    const fragment = fc.oneof(fc.constantFrom(...lines), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), fc.boolean(), (parts, newline) =>
        mustBeRawPageOrPageError(parts.join("\n") + (newline ? "\n" : "")),
      ),
      { numRuns: 800 },
    );
  });
});

describe("parseTextPage: pages copied from a browser (tab-separated cells)", () => {
  it("splits rows at the tabs, keeping route summaries and enum values the flat layout loses", () => {
    const p = parseTextPage(fixture("preferences-copied.txt"), "preferences-copied.txt");
    expect(p.layout).toBe("text-flat");
    expect(p.routes).toEqual([{ verbs: ["POST"], path: "/preferences/{UserId}", summary: "Saves preferences" }]);
    expect(p.tables.map((t) => t.caption)).toEqual([
      "UpdatePreferences", "Theme", "Verbosity", "Permissions", "Title", "UpdatePreferencesResponse",
    ]);
    expect(p.tables[3]).toEqual({
      kind: "enum",
      caption: "Permissions",
      valued: true,
      members: [
        { name: "None", value: "0" },
        { name: "Read", value: "1" },
        { name: "Write", value: "2" },
        { name: "Delete", value: "4" },
        { name: "All", value: "7" },
      ],
    });
    expect(p.tables[1]).toMatchObject({ members: [{ name: "Light", description: "Light background" }, { name: "Dark", description: "Dark background" }] });
    expect((p.tables[0] as RawParamsTable).rows[4]).toEqual({ name: "Salutation", param: "body", type: "Title?", required: false });
    expect(p.diagnostics.filter((d) => d.code === "W_FLAT_SPLIT")).toEqual([]);
  });

  it("reports a copied params row with too few cells instead of guessing", () => {
    const text = fixture("create-order-copied.txt").replace("Price\tform\tdecimal\tNo\t", "Price\tform");
    const p = parseTextPage(text, "cut-row.txt");
    const lineItem = p.tables.find((t) => t.caption === "LineItem") as RawParamsTable;
    expect(lineItem.rows.map((r) => r.name)).toEqual(["Sku", "Qty"]);
    expect(p.diagnostics).toContainEqual({ code: "W_FLAT_SPLIT", detail: expect.stringContaining('params row "Price form" lacks cells') });
  });
});

describe("parseTextPage: authentication as real pages print it", () => {
  it("reads every label/value pair of the one auth row, including 'Requires the role:'", () => {
    const page = fixture("create-order.txt").replace(
      "| Required role: | Clerk |",
      "| Required roles: | Clerk, Admin | Requires the role: | Support | Requires the permission: | orders:write |",
    );
    expect(page).toContain("Requires the role:");
    const p = parseTextPage(page, "auth.txt");
    expect(p.auth).toEqual({ roles: ["Clerk", "Admin"], permissions: [], anyRoles: ["Support"], anyPermissions: ["orders:write"] });
    expect(p.diagnostics.filter((d) => d.code === "W_BAD_ROW")).toEqual([]);
  });
});

describe("parseTextPage: real pipe renderings (spec §5.1)", () => {
  const head = "https://x.example.test/json/metadata?op=Ping\n\n";
  const tail = "\n" + SAMPLES;
  it("rows whose last cell has no closing | are rows, not one cell continued", () => {
    const p = parseTextPage(`${head}${HEADER}\n| Id | query | int | No | the id\n| Name | query | string | No | the name\n| Note | query | string | No${tail}`, "x.txt");
    expect((p.tables[0] as RawParamsTable).rows.map((r) => [r.name, r.description])).toEqual([["Id", "the id"], ["Name", "the name"], ["Note", undefined]]);
  });

  it("a description cell broken over lines (Allowable Values as bullets) stays in its row", () => {
    const p = parseTextPage(`${head}${HEADER}\n| Status | body | string | Yes | The state\nAllowable Values\n* Open\n* Closed |\n| Next | body | int | No |${tail}`, "x.txt");
    const rows = (p.tables[0] as RawParamsTable).rows;
    expect(rows.map((r) => r.name)).toEqual(["Status", "Next"]);
    expect(rows[0]).toMatchObject({ description: "The state", allowableValues: ["Open", "Closed"] });
    expect(p.tables).toHaveLength(1);
  });

  it("rows without the outer | and captions glued to their header", () => {
    const p = parseTextPage(`${head}Ping Parameters:Name | Parameter | Data Type | Required | Description |\n---|---|---|---|---\nId | query | int | No |\nLevel Enum:Low | |\nHigh${tail}`, "x.txt");
    expect(p.tables.map((t) => t.caption)).toEqual(["Ping", "Level"]);
    expect((p.tables[1] as { members: { name: string }[] }).members.map((m) => m.name)).toEqual(["Low", "High"]);
  });
});
