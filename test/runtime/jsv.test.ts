import { describe, expect, it } from "vitest";
import { jsv, queryString } from "../../templates/runtime.js";

describe("jsv: top-level values", () => {
  it("writes a top-level string raw, whatever it contains", () => {
    expect(jsv("a,b")).toBe("a,b");
    expect(jsv(' say "hi" {x} [y] ')).toBe(' say "hi" {x} [y] ');
    expect(jsv("")).toBe("");
    expect(jsv("line1\nline2")).toBe("line1\nline2");
  });

  it("writes booleans as true/false", () => {
    expect(jsv(true)).toBe("true");
    expect(jsv(false)).toBe("false");
  });

  it("writes numbers as plain decimals, never with an exponent", () => {
    expect(jsv(0)).toBe("0");
    expect(jsv(42)).toBe("42");
    expect(jsv(-3.25)).toBe("-3.25");
    expect(jsv(1e21)).toBe("1000000000000000000000");
    expect(jsv(1.5e21)).toBe("1500000000000000000000");
    expect(jsv(-2e22)).toBe("-20000000000000000000000");
    expect(jsv(0.0000001)).toBe("0.0000001");
    expect(jsv(1.5e-7)).toBe("0.00000015");
    expect(jsv(-1.25e-10)).toBe("-0.000000000125");
    expect(jsv(123456789.125)).toBe("123456789.125");
    expect(jsv(2 ** 53)).toBe("9007199254740992");
    expect(jsv(10n ** 25n)).toBe("10000000000000000000000000");
  });

  it("writes dates as ISO-8601 UTC", () => {
    expect(jsv(new Date(Date.UTC(2024, 4, 6, 7, 8, 9)))).toBe("2024-05-06T07:08:09.000Z");
    expect(jsv(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
  });

  it("writes bytes as base64", () => {
    expect(jsv(new Uint8Array([104, 105, 255]))).toBe("aGn/");
  });
});

describe("jsv: strings inside containers", () => {
  const cases: [string, string][] = [
    ["plain", "plain"],
    ["two words", "two words"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["{x}", '"{x}"'],
    ["a}b", '"a}b"'],
    ["[1]", '"[1]"'],
    ["x]", '"x]"'],
    [" leading", '" leading"'],
    ["trailing ", '"trailing "'],
    ["\ttab", '"\ttab"'],
    ["", '""'],
    ["line1\nline2", '"line1\nline2"'],
    ["cr\rhere", '"cr\rhere"'],
    ["a:b", "a:b"],
    ["üñí", "üñí"],
  ];
  for (const [input, inner] of cases) {
    it(`quotes ${JSON.stringify(input)} only when needed`, () => {
      expect(jsv([input])).toBe(`[${inner}]`);
      expect(jsv({ k: input })).toBe(`{k:${inner}}`);
    });
  }
});

describe("jsv: containers", () => {
  it("writes arrays of numbers, strings and objects", () => {
    expect(jsv([1, 2.5, -3])).toBe("[1,2.5,-3]");
    expect(jsv(["a", "b c", "d,e"])).toBe('[a,b c,"d,e"]');
    expect(jsv([{ id: 1, name: "x" }, { id: 2 }])).toBe("[{id:1,name:x},{id:2}]");
    expect(jsv([])).toBe("[]");
    expect(jsv([[1, 2], [3]])).toBe("[[1,2],[3]]");
  });

  it("writes nested objects recursively, omitting null, undefined and functions", () => {
    const value = { a: 1, b: { c: "x", d: [true, false], e: null, f: undefined, g: () => 1 }, h: new Date(0) };
    expect(jsv(value)).toBe("{a:1,b:{c:x,d:[true,false]},h:1970-01-01T00:00:00.000Z}");
  });

  it("writes dictionaries, quoting keys that need it", () => {
    expect(jsv({ "key one": "v1", "k,2": "v2", "": "empty" })).toBe('{key one:v1,"k,2":v2,"":empty}');
    expect(jsv({ tags: { en: ["a", "b"] } })).toBe("{tags:{en:[a,b]}}");
  });

  it("writes null array items as empty elements", () => {
    expect(jsv([1, null, 3])).toBe("[1,,3]");
  });

  it("writes numbers inside containers without exponent", () => {
    expect(jsv([1e21, 1e-7])).toBe("[1000000000000000000000,0.0000001]");
  });
});

describe("queryString", () => {
  it("matches the spec §8.6 example exactly", () => {
    expect(queryString({ ids: [1, 2], tags: ["a,b", "c"], at: new Date(0) })).toBe(
      "ids=%5B1%2C2%5D&tags=%5B%22a%2Cb%22%2Cc%5D&at=1970-01-01T00%3A00%3A00.000Z",
    );
  });

  it("encodes every value and key, with no leading ?", () => {
    expect(queryString({ a: 1, b: [1, 2] })).toBe("a=1&b=%5B1%2C2%5D");
    expect(queryString({ q: "a&b=c d+e/é" })).toBe("q=a%26b%3Dc%20d%2Be%2F%C3%A9");
    expect(queryString({ "x y": "1" })).toBe("x%20y=1");
  });

  it("omits null and undefined but keeps false, 0 and empty strings", () => {
    expect(queryString({ a: null, b: undefined, c: false, d: 0, e: "" })).toBe("c=false&d=0&e=");
  });

  it("writes objects and dictionaries as JSV", () => {
    expect(queryString({ filter: { name: "x,y", min: 1 } })).toBe(`filter=${encodeURIComponent('{name:"x,y",min:1}')}`);
  });

  it("returns an empty string when nothing is set", () => {
    expect(queryString({})).toBe("");
    expect(queryString({ a: null })).toBe("");
  });
});
