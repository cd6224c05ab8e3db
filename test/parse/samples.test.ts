import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SampleBody, SampleNode } from "../../src/model/types.js";
import { MAX_DEPTH, parseSampleBody } from "../../src/parse/samples/index.js";

/** Compact view: objects as [key, value] lists (order kept), scalars as "text" or `'text'` when quoted. */
function view(node: SampleNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case "null":
      return null;
    case "scalar":
      return node.quoted ? `'${node.text}'` : node.text;
    case "array":
      return node.items.map(view);
    case "object":
      return node.entries.map(([k, v]) => [k, view(v)]);
  }
}

/** A JSON value as JSON.parse would give it (for round-trip properties). */
function toJs(node: SampleNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case "null":
      return null;
    case "scalar":
      return node.quoted ? node.text : node.text === "true" ? true : node.text === "false" ? false : Number(node.text);
    case "array":
      return node.items.map(toJs);
    case "object":
      return Object.fromEntries(node.entries.map(([k, v]) => [k, toJs(v)]));
  }
}

function depth(node: SampleNode | undefined): number {
  let d = 0;
  let level: SampleNode[] = node ? [node] : [];
  while (level.length) {
    d++;
    const next: SampleNode[] = [];
    for (const n of level) {
      if (n.kind === "array") next.push(...n.items);
      if (n.kind === "object") next.push(...n.entries.map(([, v]) => v));
    }
    level = next;
  }
  return d;
}

const SEED_REQUEST = '{"EmailAddress":"String","ConfirmationCode":"String"}';
const SEED_RESPONSE =
  '{"Total":0,"OpCode":0,"ErrorText":"String","RequestTime":"String","ResponseTime":"String","TotalExecutionTime":"String","CachedResponse":false}';
const SHOP_REQUEST =
  '{"customerId":0,"priority":"Low","items":[{"sku":"String","qty":0,"price":0}],"traceId":"String"}';
const SHOP_RESPONSE =
  '{"id":0,"meta":{"String":"String"},"responseStatus":{"errorCode":"String","message":"String","stackTrace":"String","errors":[{"errorCode":"String","fieldName":"String","message":"String","meta":{"String":"String"}}],"meta":{"String":"String"}}}';

describe("syntax detection (§2.8)", () => {
  it.each([
    [undefined, "empty"],
    ["", "empty"],
    ["  \n\t", "empty"],
    ['{"a":1}', "json"],
    ["{}", "json"],
    ["[]", "json"],
    ["[0]", "json"],
    ['["String"]', "json"],
    ['"String"', "json"],
    ["0", "json"],
    ["{a:1}", "jsv"],
    ["[String]", "jsv"],
    ["String", "jsv"],
    ["<Foo/>", "xml"],
    ["(string)", "raw"],
    ['{"a":1', "json"],
    ["{", "json"],
    ['["a,b",c]', "jsv"],
    ['{"a":1,b:2}', "jsv"],
    ['{"a":[1}', "json"],
  ] as const)("%j is %s", (body, syntax) => {
    expect(parseSampleBody(body).syntax).toBe(syntax);
  });

  it("raw bodies give the raw type", () => {
    expect(parseSampleBody("(string)")).toEqual({ syntax: "raw", rawType: "string", truncated: false });
    expect(parseSampleBody("\n(byte[])\n")).toEqual({ syntax: "raw", rawType: "byte[]", truncated: false });
    expect(parseSampleBody("(Stream)")).toEqual({ syntax: "raw", rawType: "Stream", truncated: false });
    expect(parseSampleBody("(Str")).toEqual({ syntax: "raw", truncated: true });
  });
});

describe("JSON", () => {
  it("parses the seed bodies", () => {
    const rq = parseSampleBody(SEED_REQUEST);
    expect(rq).toEqual({
      syntax: "json",
      truncated: false,
      value: {
        kind: "object",
        entries: [
          ["EmailAddress", { kind: "scalar", text: "String", quoted: true }],
          ["ConfirmationCode", { kind: "scalar", text: "String", quoted: true }],
        ],
      },
    });
    const rs = parseSampleBody(SEED_RESPONSE);
    expect(rs.truncated).toBe(false);
    expect(view(rs.value)).toEqual([
      ["Total", "0"],
      ["OpCode", "0"],
      ["ErrorText", "'String'"],
      ["RequestTime", "'String'"],
      ["ResponseTime", "'String'"],
      ["TotalExecutionTime", "'String'"],
      ["CachedResponse", "false"],
    ]);
  });

  it("parses the §2.10 bodies", () => {
    expect(view(parseSampleBody(SHOP_REQUEST).value)).toEqual([
      ["customerId", "0"],
      ["priority", "'Low'"],
      ["items", [[["sku", "'String'"], ["qty", "0"], ["price", "0"]]]],
      ["traceId", "'String'"],
    ]);
    const rs = parseSampleBody(SHOP_RESPONSE);
    expect(rs.truncated).toBe(false);
    expect(toJs(rs.value)).toEqual(JSON.parse(SHOP_RESPONSE));
  });

  it("keeps key order (also integer-like keys), duplicates, quoted-vs-unquoted and null", () => {
    expect(view(parseSampleBody('{"b":1,"2":"0","a":null,"b":true}').value)).toEqual([
      ["b", "1"],
      ["2", "'0'"],
      ["a", null],
      ["b", "true"],
    ]);
  });

  it("unescapes \\/Date(...)\\/ and other escapes", () => {
    const body = String.raw`{"d":"\/Date(-62135596800000-0000)\/","s":"a\"b\\c\u00e9\n"}`;
    expect(view(parseSampleBody(body).value)).toEqual([
      ["d", "'/Date(-62135596800000-0000)/'"],
      ["s", `'a"b\\c\u00e9\n'`],
    ]);
  });

  it("recovers a truncated body: complete pairs kept, the cut value dropped, containers closed", () => {
    const r = parseSampleBody('{"a":1,"b":{"c":[1,2],"d":"x"},"e":{"f":"String","g":12');
    expect(r.syntax).toBe("json");
    expect(r.truncated).toBe(true);
    expect(view(r.value)).toEqual([
      ["a", "1"],
      ["b", [["c", ["1", "2"]], ["d", "'x'"]]],
      ["e", [["f", "'String'"]]],
    ]);
    expect(r.value).toMatchObject({ kind: "object", truncated: true });
    const e = (r.value as Extract<SampleNode, { kind: "object" }>).entries[2]![1];
    expect(e).toMatchObject({ truncated: true });
    const b = (r.value as Extract<SampleNode, { kind: "object" }>).entries[1]![1];
    expect(b).not.toHaveProperty("truncated");
  });

  it("drops a cut key, a cut string and a cut literal", () => {
    expect(view(parseSampleBody('{"a":1,"bb').value)).toEqual([["a", "1"]]);
    expect(view(parseSampleBody('{"a":1,"b":"Str').value)).toEqual([["a", "1"]]);
    expect(view(parseSampleBody('{"a":1,"b":tr').value)).toEqual([["a", "1"]]);
    expect(view(parseSampleBody('{"a":1,"b":').value)).toEqual([["a", "1"]]);
    expect(view(parseSampleBody('{"a":true').value)).toEqual([["a", "true"]]);
  });

  it("treats text after a complete value as not truncated", () => {
    const r = parseSampleBody('{"a":1}\nHTTP/1.1 200 OK');
    expect(r).toMatchObject({ syntax: "json", truncated: false });
    expect(view(r.value)).toEqual([["a", "1"]]);
  });

  it("round-trips any JSON value (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = JSON.stringify(v);
        const r = parseSampleBody(text);
        expect(r.syntax).toBe("json");
        expect(r.truncated).toBe(false);
        expect(toJs(r.value)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe("JSV (§6.1)", () => {
  const PRETTY = [
    "{",
    "\tcustomerId: 0,",
    "\tpriority: Low,",
    "\titems: ",
    "\t[",
    "\t\t{",
    "\t\t\tsku: String,",
    "\t\t\tqty: 0,",
    "\t\t\tprice: 0",
    "\t\t}",
    "\t],",
    "\tdueDate: 0001-01-01,",
    "\tactive: False,",
    "\ttraceId: String",
    "}",
  ].join("\n");
  const COLLAPSED = "{customerId:0,priority:Low,items:[{sku:String,qty:0,price:0}],dueDate:0001-01-01,active:False,traceId:String}";
  const EXPECTED = [
    ["customerId", "0"],
    ["priority", "Low"],
    ["items", [[["sku", "String"], ["qty", "0"], ["price", "0"]]]],
    ["dueDate", "0001-01-01"],
    ["active", "False"],
    ["traceId", "String"],
  ];

  it("parses the pretty form", () => {
    const r = parseSampleBody(PRETTY);
    expect(r).toMatchObject({ syntax: "jsv", truncated: false });
    expect(view(r.value)).toEqual(EXPECTED);
  });
  it("parses the collapsed form", () => {
    const r = parseSampleBody(COLLAPSED);
    expect(r).toMatchObject({ syntax: "jsv", truncated: false });
    expect(view(r.value)).toEqual(EXPECTED);
  });
  it("parses the pretty form collapsed onto one line by a text rendering", () => {
    expect(view(parseSampleBody(PRETTY.replace(/\s+/g, " ")).value)).toEqual(EXPECTED);
    expect(view(parseSampleBody(PRETTY.replace(/\n/g, "\r\n")).value)).toEqual(EXPECTED);
  });
  it("keeps ':' inside values, unquotes \"\" escapes, splits keys at the first ':'", () => {
    const r = parseSampleBody('{at:0001-01-01T00:00:00,url:http://x/y,q:"a,""b"",c",empty:,"odd key":1}');
    expect(view(r.value)).toEqual([
      ["at", "0001-01-01T00:00:00"],
      ["url", "http://x/y"],
      ["q", `'a,"b",c'`],
      ["empty", ""],
      ["odd key", "1"],
    ]);
  });
  it("parses dictionaries and lists of scalars", () => {
    expect(view(parseSampleBody("{meta:{String:String},ids:[0],tags:[String,x]}").value)).toEqual([
      ["meta", [["String", "String"]]],
      ["ids", ["0"]],
      ["tags", ["String", "x"]],
    ]);
  });
  it("recovers truncated pretty and collapsed bodies", () => {
    const cut = parseSampleBody(PRETTY.slice(0, PRETTY.indexOf("qty")));
    expect(cut).toMatchObject({ syntax: "jsv", truncated: true });
    expect(view(cut.value)).toEqual([
      ["customerId", "0"],
      ["priority", "Low"],
      ["items", [[["sku", "String"]]]],
    ]);
    const cut2 = parseSampleBody(COLLAPSED.slice(0, COLLAPSED.indexOf("Low") + 2));
    expect(view(cut2.value)).toEqual([["customerId", "0"]]);
  });
});

describe("XML (§6.3)", () => {
  const REQUEST = `<CreateOrder xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Shop.ServiceModel">
  <TraceId xmlns="http://schemas.datacontract.org/2004/07/Shop.Common">String</TraceId>
  <CustomerId>0</CustomerId>
  <DueDate>0001-01-01T00:00:00</DueDate>
  <Items>
    <LineItem>
      <Price>0</Price>
      <Qty>0</Qty>
      <Sku>String &amp; &lt;more&gt;</Sku>
    </LineItem>
  </Items>
  <Addresses xmlns:d2p1="http://schemas.datacontract.org/2004/07/Shop.Types">
    <d2p1:Address><d2p1:City>String</d2p1:City><d2p1:Zip>String</d2p1:Zip></d2p1:Address>
  </Addresses>
  <Ids xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><d2p1:int>0</d2p1:int></Ids>
  <Meta xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">
    <d2p1:KeyValueOfstringstring><d2p1:Key>String</d2p1:Key><d2p1:Value>String</d2p1:Value></d2p1:KeyValueOfstringstring>
  </Meta>
  <Note i:nil="true" />
  <Priority>Low</Priority>
  <ShipTo><City>String</City><Zip>String</Zip></ShipTo>
</CreateOrder>`;

  it("names the root, keeps base members first, reads collections, dictionaries and nil", () => {
    const r = parseSampleBody(`<?xml version="1.0" encoding="utf-8"?>\n<!-- sample -->\n${REQUEST}`);
    expect(r).toMatchObject({ syntax: "xml", rootName: "CreateOrder", truncated: false });
    expect(view(r.value)).toEqual([
      ["TraceId", "String"],
      ["CustomerId", "0"],
      ["DueDate", "0001-01-01T00:00:00"],
      ["Items", [[["Price", "0"], ["Qty", "0"], ["Sku", "String & <more>"]]]],
      ["Addresses", [[["City", "String"], ["Zip", "String"]]]],
      ["Ids", ["0"]],
      ["Meta", [["String", "String"]]],
      ["Note", null],
      ["Priority", "Low"],
      ["ShipTo", [["City", "String"], ["Zip", "String"]]],
    ]);
    const root = r.value as Extract<SampleNode, { kind: "object" }>;
    expect(root.xmlName).toBe("CreateOrder");
    const items = root.entries[3]![1];
    expect(items).toMatchObject({ kind: "array", xmlName: "LineItem", items: [{ xmlName: "LineItem" }] });
    expect(root.entries[4]![1]).toMatchObject({ kind: "array", xmlName: "Address", items: [{ xmlName: "Address" }] });
    expect(root.entries[5]![1]).toMatchObject({ kind: "array", xmlName: "int" });
    expect(root.entries[9]![1]).not.toHaveProperty("xmlName");
  });

  it("reads ArrayOf roots as arrays named after their items", () => {
    const r = parseSampleBody(
      '<ArrayOfCustomer xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://x"><Customer><Id>0</Id><Name>String</Name></Customer></ArrayOfCustomer>',
    );
    expect(r.rootName).toBe("ArrayOfCustomer");
    expect(r.value).toMatchObject({ kind: "array", xmlName: "Customer", items: [{ kind: "object", xmlName: "Customer" }] });
    expect(view(r.value)).toEqual([[["Id", "0"], ["Name", "String"]]]);
    const strings = parseSampleBody(
      '<ArrayOfstring xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><string>String</string></ArrayOfstring>',
    );
    expect(view(strings.value)).toEqual(["String"]);
  });

  it("reads a dictionary of objects", () => {
    const r = parseSampleBody(
      "<R><ById xmlns:d2p1=\"a\"><d2p1:KeyValueOfintAddressx1><d2p1:Key>0</d2p1:Key><d2p1:Value><City>String</City></d2p1:Value></d2p1:KeyValueOfintAddressx1></ById></R>",
    );
    expect(view(r.value)).toEqual([["ById", [["0", [["City", "String"]]]]]]);
  });

  it("keeps closed elements when truncated", () => {
    const cut = REQUEST.slice(0, REQUEST.indexOf("<Qty>") + 7);
    const r = parseSampleBody(cut);
    expect(r).toMatchObject({ syntax: "xml", rootName: "CreateOrder", truncated: true });
    expect(view(r.value)).toEqual([
      ["TraceId", "String"],
      ["CustomerId", "0"],
      ["DueDate", "0001-01-01T00:00:00"],
      ["Items", [[["Price", "0"]]]],
    ]);
    expect(r.value).toMatchObject({ truncated: true });
  });

  it("a body cut inside the root tag has no value", () => {
    expect(parseSampleBody('<CreateOrder xmlns="ht')).toEqual({ syntax: "xml", truncated: true });
  });
});

describe("truncation at every byte offset", () => {
  const members: [string, string][] = [
    ["id", "0"],
    ["name", '"Str\\"ing"'],
    ["at", '"\\/Date(-62135596800000-0000)\\/"'],
    ["tags", '["a","b"]'],
    ["meta", '{"String":"String"}'],
    ["items", '[{"sku":"String","qty":0},{"sku":"x","qty":12}]'],
    ["ok", "false"],
    ["price", "12.5"],
  ];
  const json = `{${members.map(([k, v]) => `"${k}":${v}`).join(",")}}`;
  const full = JSON.parse(json) as Record<string, unknown>;

  it("JSON keeps every pair that ended before the cut", () => {
    for (let cut = 0; cut <= json.length; cut++) {
      const r = parseSampleBody(json.slice(0, cut));
      expect(r.truncated).toBe(cut < json.length && cut > 0);
      const got = toJs(r.value) as Record<string, unknown> | undefined;
      let end = 1;
      for (const [k, v] of members) {
        end += `"${k}":${v}`.length;
        // A pair is complete once its value ends; a number needs the following delimiter too.
        const complete = /^[\d.-]/.test(v) ? end < cut : end <= cut;
        if (complete) expect(got?.[k], `cut ${cut} key ${k}`).toEqual(full[k]);
        end += 1;
      }
      if (got) for (const k of Object.keys(got)) expect(k in full).toBe(true);
    }
  });

  it("JSV (collapsed and pretty) and XML never throw and keep complete members", () => {
    const jsv = "{id:0,name:\"Str\"\"ing\",tags:[a,b],meta:{String:String},items:[{sku:String,qty:0}],ok:False}";
    const pretty = "{\n\tid: 0,\n\tname: String,\n\titems: \n\t[\n\t\t{\n\t\t\tsku: String\n\t\t}\n\t]\n}";
    const xml =
      '<Order xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="x"><Id>0</Id><Items><Item><Sku>String</Sku></Item></Items><Meta xmlns:d2p1="y"><d2p1:KeyValueOfstringstring><d2p1:Key>String</d2p1:Key><d2p1:Value>String</d2p1:Value></d2p1:KeyValueOfstringstring></Meta><Name>String</Name></Order>';
    for (const body of [jsv, pretty, xml]) {
      for (let cut = 0; cut <= body.length; cut++) {
        const r = parseSampleBody(body.slice(0, cut));
        const entries = r.value?.kind === "object" ? r.value.entries.map(([k]) => k) : [];
        if (body === jsv && cut > body.indexOf(",name")) expect(entries[0], `cut ${cut}`).toBe("id");
        if (body === pretty && cut > body.indexOf(",")) expect(entries[0], `cut ${cut}`).toBe("id");
        if (body === xml && cut >= body.indexOf("</Id>") + 5) expect(entries[0], `cut ${cut}`).toBe("Id");
        if (body === xml && cut >= body.indexOf("<Meta")) expect(entries.slice(0, 2)).toEqual(["Id", "Items"]);
        if (cut < body.length && cut > 0) expect(r.truncated, `cut ${cut} of ${body.slice(0, 10)}`).toBe(true);
      }
      expect(parseSampleBody(body).truncated).toBe(false);
    }
  });
});

describe("robustness", () => {
  it("never throws on arbitrary strings (property)", () => {
    const prefixes = fc.constantFrom("", "{", "[", "<", "(", '{"', "<a>", "{a:", "[{");
    fc.assert(
      fc.property(prefixes, fc.string({ unit: "binary", maxLength: 200 }), (p, s) => {
        const r: SampleBody = parseSampleBody(p + s);
        expect(["json", "jsv", "xml", "raw", "empty"]).toContain(r.syntax);
        expect(depth(r.value)).toBeLessThanOrEqual(MAX_DEPTH + 1);
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on arbitrary strings over the structural alphabet (property)", () => {
    const chars = fc.constantFrom(..."{}[]<>/:,\"' \n\tax0=?!-&;".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 300 }), (cs) => {
        parseSampleBody(cs.join(""));
      }),
      { numRuns: 1000 },
    );
  });

  it("bounds deep nesting (100k levels) and reports it as truncation", () => {
    const n = 100_000;
    for (const body of ["[".repeat(n), '{"a":'.repeat(n), "{a:".repeat(n), "<a>".repeat(n), "[".repeat(n) + "]".repeat(n)]) {
      const r = parseSampleBody(body);
      expect(r.truncated, body.slice(0, 6)).toBe(true);
      expect(depth(r.value)).toBeLessThanOrEqual(MAX_DEPTH + 1);
    }
  });

  // A hang guard: a backtracking or quadratic reader would take minutes and hit the test timeout.
  it("reads 1 MB inputs, pathological ones included", { timeout: 30_000 }, () => {
    const item = '{"sku":"String","qty":0,"price":1.5,"tags":["a"],"at":"\\/Date(0)\\/"}';
    const big = `[${Array.from({ length: Math.ceil(1_000_000 / item.length) }, () => item).join(",")}]`;
    const jsvItem = "{sku:String,qty:0,tags:[a],q:\"x\"\"y\"}";
    const bigJsv = `[${Array.from({ length: Math.ceil(1_000_000 / jsvItem.length) }, () => jsvItem).join(",")}]`;
    const xmlItem = "<Item><Sku>String</Sku><Qty>0</Qty></Item>";
    const bigXml = `<ArrayOfItem>${xmlItem.repeat(Math.ceil(1_000_000 / xmlItem.length))}</ArrayOfItem>`;
    const pathological = [
      big,
      bigJsv,
      bigXml,
      '"'.repeat(1_000_000),
      '{"'.repeat(500_000),
      "<".repeat(1_000_000),
      "<a ".repeat(400_000),
      "{a".repeat(500_000),
      "(".repeat(1_000_000),
      "\\".repeat(1_000_000),
      '["' + "\\u12".repeat(250_000),
      "{" + "a:b,".repeat(250_000),
      "<a>" + "&amp;".repeat(200_000),
      "<a>" + "</b>".repeat(250_000),
    ];
    for (const body of pathological) expect(parseSampleBody(body).syntax, body.slice(0, 12)).toBeDefined();
    const r = parseSampleBody(big);
    expect(r.truncated).toBe(false);
    expect(r.value?.kind === "array" && r.value.items.length).toBe(Math.ceil(1_000_000 / item.length));
  });
});
