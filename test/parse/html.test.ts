import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtmlPage as parseHtmlPageOnce, parseHtmlPageFast, parseHtmlPageReference } from "../../src/parse/html.js";
import { type RawEnumTable, type RawPage, type RawParamsTable } from "../../src/model/types.js";
import { errorOf } from "../helpers/page-error.js";

/** Every input the tests below parse, so the last test can read each one both ways. */
const parsed: [html: string, source: string, url?: string][] = [];
function parseHtmlPage(html: string, source: string, url?: string): RawPage {
  parsed.push([html, source, url]);
  return parseHtmlPageOnce(html, source, url);
}

const dir = join(import.meta.dirname, "../../fixtures/pages");
const fixture = (name: string) => readFileSync(join(dir, name), "utf8");
const parseFixture = (name: string, url?: string) => parseHtmlPage(fixture(name), `fixtures/pages/${name}`, url);
const params = (t: RawPage["tables"][number] | undefined) => t as RawParamsTable;
const enumOf = (t: RawPage["tables"][number] | undefined) => t as RawEnumTable;


const RS_JSON =
  '{"errorCode":"String","message":"String","stackTrace":"String","errors":[{"errorCode":"String","fieldName":"String","message":"String","meta":{"String":"String"}}],"meta":{"String":"String"}}';
const HEAD = "<thead><tr><th>Name</th><th>Parameter</th><th>Data Type</th><th>Required</th><th>Description</th></tr></thead>";

/** A minimal but complete op page around the given pieces. */
function page(body: string, opts: { samples?: boolean; end?: boolean } = {}): string {
  const samples =
    opts.samples === false
      ? ""
      : `<div class="example"><h3>HTTP + JSON</h3><div class="request"><pre>\nPOST /json/reply/Op HTTP/1.1 \nHost: h.example \nContent-Type: application/json\nContent-Length: <span class="value">length</span>\n\n{&quot;a&quot;:0}\n</pre></div></div>`;
  return `<!DOCTYPE html><html><head><title>T</title></head><body><h1>Svc</h1><div class="operation"><h2>Op</h2>${body}${samples}</div>${opts.end === false ? "" : "</body></html>"}`;
}

describe("parseHtmlPage: the §2.10 CreateOrder page", () => {
  it("reads every fact the page shows", () => {
    const p = parseFixture("create-order.html");
    const expected: RawPage = {
      source: "fixtures/pages/create-order.html",
      layout: "html",
      opName: "CreateOrder",
      format: "json",
      serviceName: "Shop API",
      host: "shop.example.test",
      tags: ["orders"],
      description: "Creates an order & returns its id",
      auth: { roles: ["Clerk"], permissions: [], anyRoles: [], anyPermissions: [] },
      routes: [
        { verbs: ["POST"], path: "/customers/{CustomerId}/orders" },
        { verbs: ["POST"], path: "/orders" },
      ],
      tables: [
        {
          kind: "params",
          caption: "CreateOrder",
          rows: [
            { name: "CustomerId", param: "path", type: "int", required: true, description: "Owning customer" },
            { name: "Priority", param: "body", type: "Priority", required: false },
            { name: "Items", param: "body", type: "List<LineItem>", required: false },
            { name: "DueDate", param: "body", type: "DateTime?", required: false },
          ],
        },
        { kind: "params", caption: "AuditedRequest", rows: [{ name: "TraceId", param: "form", type: "string", required: false }] },
        { kind: "enum", caption: "Priority", valued: false, members: [{ name: "Low" }, { name: "Normal" }, { name: "High" }] },
        {
          kind: "params",
          caption: "LineItem",
          rows: [
            { name: "Sku", param: "form", type: "string", required: false, description: "Stock keeping unit" },
            { name: "Qty", param: "form", type: "int", required: false, range: [1, 99] },
            { name: "Price", param: "form", type: "decimal", required: false },
          ],
        },
        {
          kind: "params",
          caption: "CreateOrderResponse",
          rows: [
            { name: "Id", param: "form", type: "long", required: false },
            { name: "Meta", param: "form", type: "Dictionary<string, string>", required: false },
            { name: "ResponseStatus", param: "form", type: "ResponseStatus", required: false },
          ],
        },
      ],
      request: {
        verb: "POST",
        url: "/customers/{CustomerId}/orders",
        headers: { Host: "shop.example.test", Accept: "application/json", "Content-Type": "application/json", "Content-Length": "length" },
        body: '{"customerId":0,"priority":"Low","items":[{"sku":"String","qty":0,"price":0}],"traceId":"String"}',
        parsed: expect.objectContaining({ syntax: "json" }),
      },
      response: {
        status: 200,
        headers: { "Content-Type": "application/json", "Content-Length": "length" },
        body: `{"id":0,"meta":{"String":"String"},"responseStatus":${RS_JSON}}`,
        parsed: expect.objectContaining({ syntax: "json" }),
      },
      complete: true,
      diagnostics: [],
    };
    expect(p).toEqual(expected);
  });

  it("keeps the URL it was given, and the h2 over the URL's op= for the name", () => {
    const p = parseFixture("create-order.html", "https://shop.example.test/json/metadata?op=createorder");
    expect(p.url).toBe("https://shop.example.test/json/metadata?op=createorder");
    expect(p.opName).toBe("CreateOrder");
  });
});

describe("parseHtmlPage: fixtures", () => {
  it("routes: verbs split on commas, All Verbs as *, summary and notes; param kinds; allowable values and range", () => {
    const p = parseFixture("routes.html");
    expect(p.tags).toEqual(["products", "admin"]);
    expect(p.auth).toBeNull();
    expect(p.routes).toEqual([
      { verbs: ["GET", "POST"], path: "/products/{Id}", summary: "Fetch or create", notes: "Creates the product when missing" },
      { verbs: ["PUT"], path: "/products/{Id}/{Version}", summary: "Replace one version" },
      { verbs: "*", path: "/products/upsert" },
    ]);
    expect(params(p.tables[0]).rows).toEqual([
      { name: "Id", param: "path", type: "int", required: true },
      { name: "Version", param: "path", type: "int", required: false },
      { name: "Name", param: "body", type: "string", required: true, description: "Display name" },
      { name: "Tags", param: "query", type: "List<string>", required: false },
      { name: "ApiKey", param: "header", type: "string", required: false },
      { name: "Price", param: "body", type: "decimal", required: false, description: "Unit price", range: [0, 10000] },
      { name: "Currency", param: "body", type: "string", required: false, description: "ISO code", allowableValues: ["EUR", "USD"] },
    ]);
    expect(p.request?.verb).toBe("POST");
    expect(p.request?.url).toBe("/products/{Id}");
  });

  it("enums: plain, numeric, flags and EnumMember tables, with and without a Value column", () => {
    const p = parseFixture("enums.html");
    expect(p.tables.map((t) => [t.kind, t.caption])).toEqual([
      ["params", "UpdatePreferences"],
      ["enum", "Theme"],
      ["enum", "Verbosity"],
      ["enum", "Permissions"],
      ["enum", "Title"],
      ["params", "UpdatePreferencesResponse"],
    ]);
    expect(p.tables[1]).toEqual({
      kind: "enum",
      caption: "Theme",
      valued: false,
      members: [
        { name: "Light", description: "Light background" },
        { name: "Dark", description: "Dark background" },
      ],
    });
    expect(enumOf(p.tables[2]).valued).toBe(true);
    expect(enumOf(p.tables[3]).members).toEqual([
      { name: "None", value: "0" },
      { name: "Read", value: "1" },
      { name: "Write", value: "2" },
      { name: "Delete", value: "4" },
      { name: "All", value: "7" },
    ]);
    expect(enumOf(p.tables[4]).members).toEqual([
      { name: "Mr", value: "mr" },
      { name: "Ms", value: "ms" },
      { name: "Dr", value: "dr", description: "Doctor" },
    ]);
  });

  it("auth: all four labels; one-way page without a response block is complete", () => {
    const p = parseFixture("send-email.html");
    expect(p.auth).toEqual({ roles: ["Admin", "Mailer"], permissions: ["email:send"], anyRoles: ["Support", "Ops"], anyPermissions: ["mail:bulk"] });
    expect(p.routes).toEqual([]);
    expect(p.response).toBeUndefined();
    expect(p.request?.url).toBe("/json/oneway/SendEmail");
    expect(p.complete).toBe(true);
    expect(p.diagnostics).toEqual([]);
  });

  it("descriptions: text content, <br /> as newline, script text kept as text, & unescaped", () => {
    const p = parseFixture("descriptions.html");
    expect(p.description).toBe('Posts a comment.\nMarkup in text: alert("x") ends */ here');
    expect(params(p.tables[0]).rows.map((r) => r.description)).toEqual([
      "The text; bold allowed\nmax 4k",
      "Ends with */ so comments must escape it",
      'document.title="x" raw & unsafe',
    ]);
  });

  it("generic caption is entity-decoded once: QueryResponse<T>; prop-less request has no table", () => {
    const p = parseFixture("query-customers.html");
    expect(p.tables.map((t) => t.caption)).toEqual(["QueryBase", "Customer", "QueryResponse<T>"]);
    expect(params(p.tables[2]).rows[2]).toEqual({ name: "Results", param: "form", type: "List<Customer>", required: false });
    expect(p.request).toEqual({ verb: "GET", url: "/customers", headers: { Host: "shop.example.test", Accept: "application/json" }, parsed: { syntax: "empty", truncated: false } });
  });

  it("duplicate tables are both kept, in page order", () => {
    const p = parseFixture("echo.html");
    expect(p.tables.map((t) => [t.caption, params(t).rows.map((r) => r.param).join()])).toEqual([
      ["Echo", "query,query"],
      ["Echo", "form,form"],
    ]);
  });

  it("pre-v5.14 page without nav and without Accept header", () => {
    const p = parseFixture("ping-legacy.html");
    expect(p.serviceName).toBe("Legacy API");
    expect(p.opName).toBe("Ping");
    expect(p.host).toBe("legacy.example.test");
    expect(p.request?.headers).toEqual({ Host: "legacy.example.test", "Content-Type": "application/json", "Content-Length": "length" });
    expect(p.request?.body).toBe("{}");
    expect(p.tables).toHaveLength(1);
  });

  it.each([
    ["get-customer.xml.html", "xml", "<?xml"],
    ["get-customer.jsv.html", "jsv", "{"],
    ["get-customer.csv.html", "csv", '{"customer"'],
  ])("%s: format %s from the call-info, sample body kept as text", (name, format, bodyStart) => {
    const p = parseFixture(name);
    expect(p.format).toBe(format);
    expect(p.response?.body?.startsWith(bodyStart)).toBe(true);
    expect(p.tables.map((t) => t.caption)).toEqual(["GetCustomer", "GetCustomerResponse", "Customer"]);
  });

  it("?lang= page: no tables, lang set, the code view read, routes and samples kept", () => {
    const p = parseFixture("lang-typescript.html");
    expect(p.lang).toBe("typescript");
    expect(p.tables).toEqual([]);
    expect(p.routes).toEqual([{ verbs: ["POST"], path: "/subscriptions" }]);
    expect(p.request?.body).toBe('{"email":"String","topics":["String"],"frequency":"Daily"}');
    expect(p.response?.body).toBe('{"subscriptionId":0,"expiresAt":"0001-01-01T00:00:00.0000000"}');
    expect(p.diagnostics).toEqual([]);
    expect(p.code?.types.map((t) => t.name)).toEqual(["Subscribe"]);
    expect(p.code?.response).toBe("SubscribeResponse");
  });

  it("a page cut inside the response sample: complete=false, the sample truncated, W_TRUNCATED", () => {
    const p = parseFixture("truncated.html");
    expect(p.complete).toBe(false);
    expect(p.response?.truncated).toBe(true);
    expect(p.response?.body).toBe('{"number":"String","total":0,"dueDate":"0001-01-01T00:00:00.0000000","lines":[{"descrip');
    expect(p.request?.truncated).toBeUndefined();
    expect(p.tables).toHaveLength(3);
    expect(p.tables.some((t) => t.partial)).toBe(false);
    expect(p.diagnostics).toEqual([{ code: "W_TRUNCATED", detail: "input ends inside the response sample body" }]);
  });
});

describe("parseHtmlPage: truncation inside tables", () => {
  const html = fixture("create-order.html");

  it("drops an incomplete last row and marks the table partial", () => {
    const cut = html.slice(0, html.indexOf("<td>Qty</td><td>form</td>") + "<td>Qty</td><td>fo".length);
    const p = parseHtmlPage(cut, "cut.html");
    expect(p.complete).toBe(false);
    expect(p.tables).toHaveLength(4);
    const last = params(p.tables[3]);
    expect(last).toEqual({
      kind: "params",
      caption: "LineItem",
      partial: true,
      rows: [{ name: "Sku", param: "form", type: "string", required: false, description: "Stock keeping unit" }],
    });
    expect(p.request).toBeUndefined();
    expect(p.diagnostics).toEqual([{ code: "W_TRUNCATED", detail: "input ends inside table LineItem, last row dropped" }]);
  });

  it("keeps a row that was closed before the cut", () => {
    const end = html.indexOf("<tr><td>Price</td>");
    const p = parseHtmlPage(html.slice(0, end), "cut.html");
    expect(params(p.tables[3]).rows.map((r) => r.name)).toEqual(["Sku", "Qty"]);
    expect(p.tables[3]!.partial).toBe(true);
    expect(p.diagnostics[0]?.detail).toBe("input ends inside table LineItem");
  });

  it("a page cut inside an enum table drops the cut member", () => {
    const end = html.indexOf("<tr><td>High</td>") + "<tr><td>Hi".length;
    const p = parseHtmlPage(html.slice(0, end), "cut.html");
    expect(enumOf(p.tables[2]).members.map((m) => m.name)).toEqual(["Low", "Normal"]);
  });

  it("a page cut between the samples and </html> is incomplete, nothing partial", () => {
    const end = html.indexOf('<div class="response">');
    const p = parseHtmlPage(html.slice(0, end), "cut.html");
    expect(p.complete).toBe(false);
    expect(p.response).toBeUndefined();
    expect(p.request?.body).toContain('"traceId"');
    expect(p.diagnostics).toEqual([{ code: "W_TRUNCATED", detail: "input ends before the end of the page" }]);
  });

  it("a page cut inside the routes table (before any type table) is returned, not an error", () => {
    const end = html.indexOf("<th>/orders</th>") + "<th>/ord".length;
    const p = parseHtmlPage(html.slice(0, end), "cut.html");
    expect(p.complete).toBe(false);
    expect(p.tables).toEqual([]);
    // the cut row (path "/ord") is dropped, the complete one kept
    expect(p.routes).toEqual([{ verbs: ["POST"], path: "/customers/{CustomerId}/orders" }]);
    expect(p.diagnostics).toEqual([{ code: "W_TRUNCATED", detail: "input ends inside the routes table, last row dropped" }]);
  });

  it("a page cut inside the authentication table keeps the auth requirement, drops the cut row", () => {
    const end = html.indexOf("<td>Clerk</td>") + "<td>Cl".length;
    const p = parseHtmlPage(html.slice(0, end), "cut.html");
    expect(p.auth).toEqual({ roles: [], permissions: [], anyRoles: [], anyPermissions: [] });
    expect(p.diagnostics).toEqual([{ code: "W_TRUNCATED", detail: "input ends inside the authentication table, last row dropped" }]);
  });
});

describe("parseHtmlPage: quirks and missing pieces", () => {
  it("stray tbody, two-space nav links, & in captions, &lt; decoded once", () => {
    const html = page(
      `<table class='routes'><caption>The following routes are available for this service:</caption><tbody><tr><th>GET POST</th><th>/a/{B}</th><td></td><td><i></i></td></tr><tbody></tbody></table>` +
        `<div class="types-nav"><nav><a  class="active" href='?op=Op'>Metadata</a><a  href="?op=Op&lang=csharp">C#</a></nav></div>` +
        `<table class='params'><caption><b>Pair&lt;A&B, Dictionary&lt;string, List&lt;Int32&gt;&gt;&gt;</b> Parameters:</caption>${HEAD}<tbody><tr><td>X</td><td>form</td><td>Dictionary&lt;string, List&lt;Int32&gt;&gt;</td><td>No</td><td>a &amp;lt; b</td></tr></tbody></table>`,
    );
    const p = parseHtmlPage(html, "q.html");
    expect(p.routes).toEqual([{ verbs: ["GET", "POST"], path: "/a/{B}" }]);
    expect(p.lang).toBeUndefined();
    expect(p.tables).toEqual([
      {
        kind: "params",
        caption: "Pair<A&B, Dictionary<string, List<Int32>>>",
        rows: [{ name: "X", param: "form", type: "Dictionary<string, List<Int32>>", required: false, description: "a &lt; b" }],
      },
    ]);
  });

  it("auth table without rows means authentication only; no table means null", () => {
    const withTable = parseHtmlPage(
      page(`<table class='authentication'><caption><b>Requires Authentication</b><i class='auth'></i></caption></table>`),
      "a.html",
    );
    expect(withTable.auth).toEqual({ roles: [], permissions: [], anyRoles: [], anyPermissions: [] });
    expect(parseHtmlPage(page(""), "b.html").auth).toBeNull();
  });

  it("op name from the URL when there is no h2; service name from the title when there is no h1", () => {
    const html = `<html><head><title>Title Svc</title></head><body><div class="operation"><table class='params'><caption><b>Hello</b> Parameters:</caption><tbody><tr><td>Name</td><td>path</td><td>string</td><td>No</td><td></td></tr></tbody></table></div></body></html>`;
    const p = parseHtmlPage(html, "h.html", "https://x.example/api/json/metadata?op=Hello%5F1");
    expect(p.opName).toBe("Hello_1");
    expect(p.serviceName).toBe("Title Svc");
    expect(p.format).toBe("json");
    expect(p.request).toBeUndefined();
    expect(p.complete).toBe(true);
  });

  it("rows with missing cells keep what is usable and say which table and row", () => {
    const html = page(
      `<table class='params'><caption><b>Thing</b> Parameters:</caption>${HEAD}<tbody>` +
        `<tr><td>A</td><td>form</td><td>int</td></tr>` +
        `<tr><td>B</td></tr>` +
        `<tr><td>C</td><td>form</td><td>string</td><td>Yes</td><td>ok</td></tr>` +
        `</tbody></table>` +
        `<table class='enum'><caption><b>Kind</b> Enum:</caption><thead><tr><th>Name</th><th>Value</th><th></th></tr></thead><tbody><tr><td>One</td></tr><tr><td></td><td>2</td><td></td></tr></tbody></table>`,
    );
    const p = parseHtmlPage(html, "m.html");
    expect(p.tables[0]).toEqual({
      kind: "params",
      caption: "Thing",
      rows: [
        { name: "A", param: "form", type: "int", required: false },
        { name: "C", param: "form", type: "string", required: true, description: "ok" },
      ],
    });
    expect(p.tables[1]).toEqual({ kind: "enum", caption: "Kind", valued: true, members: [{ name: "One" }] });
    expect(p.diagnostics).toEqual([
      { code: "W_MISSING_CELLS", detail: "table Thing row 1 (A) lacks required" },
      { code: "W_MISSING_CELLS", detail: "table Thing row 2 (B) has no data type; row skipped" },
      { code: "W_MISSING_CELLS", detail: "enum Kind row 1 (One) lacks value" },
      { code: "W_MISSING_CELLS", detail: "enum Kind row 2 has no name; row skipped" },
    ]);
  });

  it("an unknown auth label is a warning, not a failure", () => {
    const p = parseHtmlPage(
      page(`<table class='authentication'><caption><b>Requires Authentication</b></caption><tr><td>Requires scope:</td><td>x</td></tr></table>`),
      "a.html",
    );
    expect(p.auth).toEqual({ roles: [], permissions: [], anyRoles: [], anyPermissions: [] });
    expect(p.diagnostics).toEqual([{ code: "W_AUTH_LABEL", detail: 'unknown authentication row "Requires scope:"' }]);
  });

  it("a BOM before the document is ignored", () => {
    expect(parseHtmlPage("\uFEFF" + fixture("create-order.html"), "bom.html").opName).toBe("CreateOrder");
  });
});

describe("parseHtmlPage: markup as ServiceStack's templates print it (fixtures/pages/real-*.html)", () => {
  it("current page: h3#desc escapes < > and writes <br /> plus a newline, read as one line break", () => {
    const p = parseFixture("real-archive-ticket.html");
    expect(p.description).toBe("Archives a ticket.\nKeeps <history> & notes");
    expect(p.tags).toEqual(["support", "tickets"]);
    expect(p.opName).toBe("ArchiveTicket");
    expect(p.serviceName).toBe("Help Desk");
    expect(p.format).toBe("json");
    // [Authenticate] alone prints an empty <tr></tr>
    expect(p.auth).toEqual({ roles: [], permissions: [], anyRoles: [], anyPermissions: [] });
    expect(p.routes).toEqual([
      { verbs: ["POST"], path: "/tickets/{TicketId}/archive", summary: "Archive one ticket", notes: "Idempotent" },
      { verbs: ["POST", "PUT"], path: "/tickets/archive" },
    ]);
    expect(p.tables.map((t) => t.caption)).toEqual(["ArchiveTicket", "ArchiveReason", "ArchiveTicketResponse"]);
    expect(params(p.tables[0]).rows[3]!.type).toBe("Dictionary<string, List<Int32>>");
    expect(p.request?.body).toContain('"labels":{"String":[0]}');
    expect(p.response?.body).toContain('"archived":false');
    expect(p.complete).toBe(true);
    expect(p.diagnostics).toEqual([]);
    expect("declined" in parseHtmlPageFast(fixture("real-archive-ticket.html"), "x")).toBe(false);
  });

  it("a <br /> and the newline after it in a description cell are one line break", () => {
    const cell = "<td>First<br />\nsecond<br />\n<br />\nfourth</td>";
    const html = page(`<table class='params'><caption><b>Op</b> Parameters:</caption>${HEAD}<tbody><tr><td>A</td><td>body</td><td>string</td><td>No</td>${cell}</tr></tbody></table>`);
    expect(params(parseHtmlPage(html, "p.html").tables[0]).rows[0]!.description).toBe("First\nsecond\n\nfourth");
  });

  it("pre-v4.5 page: the description heading closed by </div> does not swallow the page", () => {
    const p = parseFixture("real-reopen-ticket-v4.html");
    expect(p.description).toBe("Reopens a closed ticket");
    expect(p.auth).toEqual({ roles: ["Agent"], permissions: ["tickets:write", "tickets:reopen"], anyRoles: [], anyPermissions: [] });
    expect(p.tables.map((t) => t.caption)).toEqual(["ReopenTicket", "ReopenTicketResponse"]);
    expect(p.request?.headers).not.toHaveProperty("Accept");
    expect(p.response?.body).toContain("ReopenedAt");
  });

  it("call-info without the .{fmt} suffix line (AllowRouteContentTypeExtensions off); GET sample without body", () => {
    const p = parseFixture("real-lookup-ticket.jsv.html");
    expect(p.format).toBe("jsv");
    expect(p.request?.body ?? "").toBe("");
    expect(p.response?.body).toContain("subject: String");
  });

  it("?lang= page as printed now: stylesheet link, <pre><code lang>, module <script>; the scanner reads it", () => {
    const html = fixture("real-list-agents-lang.html");
    const p = parseFixture("real-list-agents-lang.html");
    expect(p.lang).toBe("python");
    expect(p.tables).toEqual([]);
    expect(p.routes).toEqual([{ verbs: ["GET"], path: "/agents" }]);
    expect(p.diagnostics.map((d) => d.code)).toEqual(["W_LANG_VARIANT"]);
    expect("declined" in parseHtmlPageFast(html, "x")).toBe(false);
  });

  it("CSV page: samples are CSV text with a text/csv content type", () => {
    const p = parseFixture("real-export-tickets.csv.html");
    expect(p.format).toBe("csv");
    expect(p.response?.headers["Content-Type"]).toBe("text/csv");
    expect(p.response?.body?.trim()).toBe("Id,Subject\n0,String");
  });

  it("one-way op without routes: /json/oneway/ sample, no response block, complete", () => {
    const p = parseFixture("real-notify-agent.html");
    expect(p.response).toBeUndefined();
    expect(p.complete).toBe(true);
    expect(p.auth).toEqual({ roles: [], permissions: [], anyRoles: [], anyPermissions: ["agents:notify"] });
  });

  it("a refused metadata page answered by the default 404 handler is E_ACCESS", () => {
    const e = errorOf(() => parseHtmlPage(fixture("real-metadata-hidden.txt"), "hidden.txt"));
    expect(e.code).toBe("E_ACCESS");
    expect(e.message).toContain("Handler for Request not found");
  });
});

describe("parseHtmlPage: errors", () => {
  it.each([
    ["", "E_NOT_METADATA"],
    ["\u0000\u0001\u0002PNG\u0000", "E_NOT_METADATA"],
    ["<html><body><h1>Welcome</h1><table><tr><td>1</td></tr></table></body></html>", "E_NOT_METADATA"],
    ['<html><body><div class="operation"><h2>X</h2></div></body></html>', "E_NOT_METADATA"],
    ["<html><body><h1>Forbidden</h1><p>Metadata Not Available</p></body></html>", "E_ACCESS"],
    ["<html><body><p>Metadata Not Visible</p></body></html>", "E_ACCESS"],
    ["Service Not Available", "E_ACCESS"],
    ["<html><body><h1>Not Found</h1><p>Could not find operation: Nope</p></body></html>", "E_UNKNOWN_OP"],
  ])("%j -> %s", (html, code) => {
    const e = errorOf(() => parseHtmlPage(html, "pages/x.html"));
    expect(e.code).toBe(code);
    expect(e.page).toBe("pages/x.html");
    expect(e.message.startsWith(`pages/x.html: ${code} `)).toBe(true);
  });

  it("the unknown-op error names the op", () => {
    const e = errorOf(() => parseHtmlPage("<p>Could not find operation: GetNothing</p>", "u.html"));
    expect(e.message).toContain('"GetNothing"');
  });
});

describe("parseHtmlPage: size", () => {
  it("reads a 40,000-row page and a 20,000-deep nesting without failing (structural linearity check)", () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `<tr><td>P${i}</td><td>form</td><td>List&lt;T${i}&gt;</td><td>No</td><td><h4>Valid Range: 1 - ${i}</h4></td></tr>`).join("");
    const deep = "<b>".repeat(20_000) + "deep" + "</b>".repeat(20_000);
    const html = page(
      `<table class='params'><caption><b>Big</b> Parameters:</caption>${HEAD}<tbody>${rows}<tr><td>Deep</td><td>form</td><td>int</td><td>No</td><td>${deep}</td></tr></tbody></table>`,
    );
    const p = parseHtmlPage(html, "big.html");
    const t = params(p.tables[0]);
    expect(t.rows).toHaveLength(40_001);
    expect(t.rows[39_999]).toEqual({ name: "P39999", param: "form", type: "List<T39999>", required: false, range: [1, 39_999] });
    expect(t.rows[40_000]!.description).toBe("deep");
  });

  it("a page of 100,000 unclosed <tr> and <pre> tags ends as a truncated page, not a hang or crash", () => {
    const html = `<html><body><div class="operation"><table class='params'><caption><b>X</b> Parameters:</caption>` + "<tr><td>A".repeat(100_000);
    const p = parseHtmlPage(html, "open.html");
    expect(p.complete).toBe(false);
    expect(p.diagnostics.map((d) => d.code)).toContain("W_TRUNCATED");
  });
});

describe("parseHtmlPage: fast scanner and node-html-parser agree", () => {
  // Runs last: every page the tests above parsed, read by the scanner alone and by the reference.
  it("on every page of this file (the scanner may only decline, never differ)", () => {
    const outcome = (fn: () => unknown) => {
      try {
        return { page: fn() };
      } catch (e) {
        return { error: String(e) };
      }
    };
    let accepted = 0;
    for (const [html, source, url] of parsed) {
      const fast = outcome(() => parseHtmlPageFast(html, source, url));
      if ((fast.page as { declined?: string } | undefined)?.declined !== undefined) continue;
      accepted++;
      expect(fast, source).toEqual(outcome(() => parseHtmlPageReference(html, source, url)));
    }
    console.log(`html.test pages: ${accepted} of ${parsed.length} read by the scanner, the rest declined`);
    expect(parsed.length).toBeGreaterThan(20);
    expect(accepted).toBeGreaterThan(10);
  });
});
