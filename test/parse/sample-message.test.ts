import { describe, expect, it } from "vitest";
import { bodyLooksCut, parseSampleMessage, splitSampleZone } from "../../src/parse/sample-message.js";

const SEED_REQUEST = [
  "POST /CognitoSendConfirmCodeRequest HTTP/1.1",
  "Host: cdnapidev.greysheet.com",
  "Accept: application/json",
  "Content-Type: application/json",
  "Content-Length: length",
  '{"EmailAddress":"String","ConfirmationCode":"String"}',
].join("\n");

/** The message fields; the parsed body is parse/samples/'s (tested in samples.test.ts). */
function withoutParsed<T extends { parsed?: unknown }>(s: T): Omit<T, "parsed"> {
  const { parsed: _parsed, ...rest } = s;
  return rest;
}

describe("parseSampleMessage", () => {
  it("reads the seed request: no blank line before the body", () => {
    expect(withoutParsed(parseSampleMessage(SEED_REQUEST, "request"))).toEqual({
      verb: "POST",
      url: "/CognitoSendConfirmCodeRequest",
      headers: {
        Host: "cdnapidev.greysheet.com",
        Accept: "application/json",
        "Content-Type": "application/json",
        "Content-Length": "length",
      },
      body: '{"EmailAddress":"String","ConfirmationCode":"String"}',
    });
  });

  it("reads an HTML <pre> text: leading newline, trailing spaces on headers, blank line, port in Host", () => {
    const text = "\nPOST /customers/{CustomerId}/orders HTTP/1.1 \nHost: localhost:5000 \nAccept: application/json\nContent-Type: application/json\nContent-Length: length\n\n{\"a\":1}\n";
    const s = parseSampleMessage(text, "request");
    expect(s.verb).toBe("POST");
    expect(s.url).toBe("/customers/{CustomerId}/orders");
    expect(s.headers.Host).toBe("localhost:5000");
    expect(s.body).toBe('{"a":1}');
    expect(s.truncated).toBeUndefined();
  });

  it("reads a status line and a response body", () => {
    const s = parseSampleMessage("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: length\r\n\r\n{\"Total\":0}", "response");
    expect(s.parsed.value).toEqual({ kind: "object", entries: [["Total", { kind: "scalar", text: "0", quoted: false }]] });
    expect(withoutParsed(s)).toEqual({
      status: 200,
      headers: { "Content-Type": "application/json", "Content-Length": "length" },
      body: '{"Total":0}',
    });
  });

  it("splits headers that run together on one line", () => {
    const s = parseSampleMessage("HTTP/1.1 200 OK Content-Type: text/jsv Content-Length: length { id: 0, name: String }", "response");
    expect(s.status).toBe(200);
    expect(s.headers).toEqual({ "Content-Type": "text/jsv", "Content-Length": "length" });
    expect(s.body).toBe("{ id: 0, name: String }");
    expect(s.truncated).toBeUndefined();
  });

  it("splits a collapsed request line with a Host that has a port", () => {
    const s = parseSampleMessage("POST /jsv/reply/X HTTP/1.1 Host: h:8080 Accept: text/jsv Content-Type: text/jsv Content-Length: length {a:1}", "request");
    expect(s.headers).toEqual({ Host: "h:8080", Accept: "text/jsv", "Content-Type": "text/jsv", "Content-Length": "length" });
    expect(s.body).toBe("{a:1}");
  });

  it("keeps multi-line JSV and XML bodies", () => {
    const jsv = parseSampleMessage("HTTP/1.1 200 OK\nContent-Type: text/jsv\nContent-Length: length\n\n{\n\tid: 0,\n\tname: String\n}\n", "response");
    expect(jsv.body).toBe("{\n\tid: 0,\n\tname: String\n}");
    const xml = parseSampleMessage(
      'HTTP/1.1 200 OK\nContent-Type: application/xml\nContent-Length: length\n\n<?xml version="1.0" encoding="utf-8"?>\n<HelloResponse xmlns:i="x">\n  <Result>String</Result>\n</HelloResponse>',
      "response",
    );
    expect(xml.body).toContain("<Result>String</Result>");
    expect(xml.truncated).toBeUndefined();
  });

  it("accepts a body-less GET that ends after its headers", () => {
    const s = parseSampleMessage("GET /hello/{Name} HTTP/1.1 \nHost: h \nAccept: application/json\n", "request");
    expect(withoutParsed(s)).toEqual({ verb: "GET", url: "/hello/{Name}", headers: { Host: "h", Accept: "application/json" } });
  });

  it("marks a message cut inside its headers", () => {
    expect(parseSampleMessage("POST /x HTTP/1.1\nHost: h\nContent-Ty", "request").truncated).toBe(true);
    expect(parseSampleMessage("HTTP/1.1 200 OK\nContent-Type: application/json", "response").truncated).toBe(true);
    expect(parseSampleMessage("HTTP/1.1 200 OK", "response").truncated).toBe(true);
    expect(parseSampleMessage("GET /x HTTP/1.1\nHost:", "request").truncated).toBe(true);
    expect(parseSampleMessage("GET /x HTTP/1.1\nHost: h\nAcce", "request").truncated).toBe(true);
  });

  it("marks a message cut inside its body", () => {
    const s = parseSampleMessage('HTTP/1.1 200 OK\nContent-Length: length\n\n{"a":[{"b":"Str', "response");
    expect(s.truncated).toBe(true);
    expect(s.body).toBe('{"a":[{"b":"Str');
  });

  it("reads raw bodies", () => {
    const s = parseSampleMessage("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: length\n\n(string)", "response");
    expect(s.body).toBe("(string)");
    expect(s.truncated).toBeUndefined();
  });

  it("reads text without a start line as headers and body", () => {
    const s = parseSampleMessage("Content-Type: application/json\nContent-Length: length\n\n{}", "response");
    expect(s.status).toBeUndefined();
    expect(s.body).toBe("{}");
  });

  // Hang guards: a backtracking regex would take minutes here and hit the test timeout.
  it("reads a 5 MB body line", { timeout: 20_000 }, () => {
    const big = "POST /x HTTP/1.1 Host: h Content-Length: length " + "{" + '"a":1,'.repeat(800_000) + '"z":1}';
    const s = parseSampleMessage(big, "request");
    expect(s.body?.length).toBeGreaterThan(4_000_000);
    expect(s.truncated).toBeUndefined();
  });

  it("reads 5 MB of header-like tokens", { timeout: 20_000 }, () => {
    const big = "HTTP/1.1 200 OK " + "A: b ".repeat(1_000_000);
    const s = parseSampleMessage(big, "response");
    expect(s.truncated).toBe(true);
  });
});

describe("bodyLooksCut", () => {
  it.each([
    ['{"a":1}', false],
    ['{"a":"}"}', false],
    ['{"a":"x\\"}', true],
    ["[1,2", true],
    ["{a:1,b:[x,y]}", false],
    ["<R><A>1</A></R>", false],
    ["<R><A>1</A>", true],
    ["<R />", false],
    ["(Stream", true],
    ["String", false],
  ] as const)("%s -> %s", (body, cut) => {
    expect(bodyLooksCut(body)).toBe(cut);
  });
});

describe("splitSampleZone", () => {
  it("cuts the seed's sample zone", () => {
    const zone = [
      "To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json",
      "The following are sample HTTP requests and responses.",
      SEED_REQUEST,
      "HTTP/1.1 200 OK",
      "Content-Type: application/json",
      "Content-Length: length",
      '{"Total":0}',
    ].join("\n");
    const z = splitSampleZone(zone);
    expect(z.request).toBe(SEED_REQUEST + "\n");
    expect(z.response).toBe('HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: length\n{"Total":0}');
  });

  it("finds a response collapsed onto the request's line", () => {
    const z = splitSampleZone("POST /x HTTP/1.1 Content-Length: length {a:1} HTTP/1.1 200 OK Content-Length: length {b:2}");
    expect(z.request).toBe("POST /x HTTP/1.1 Content-Length: length {a:1} ");
    expect(z.response).toBe("HTTP/1.1 200 OK Content-Length: length {b:2}");
  });

  it("has no response for a one-way op and nothing for text without samples", () => {
    expect(splitSampleZone("GET /x HTTP/1.1\nHost: h\n")).toEqual({ request: "GET /x HTTP/1.1\nHost: h\n" });
    expect(splitSampleZone("nothing here")).toEqual({});
  });

  it("ignores a request line that is not at a line start", () => {
    expect(splitSampleZone("see POST /x HTTP/1.1 here").request).toBeUndefined();
  });
});
