// Page charsets (issue 10): Latin-1 and UTF-16 pages decode correctly from HTTP and from files.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHtmlPage } from "../../src/parse/html.js";
import { decodePage } from "../../src/source/charset.js";
import { readInput } from "../../src/source/files.js";
import { DEFAULT_HTTP_OPTIONS, fetchText } from "../../src/source/http.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Latin-1 only (Buffer's "latin1" encoding cannot write windows-1252 extras such as "€")
const TEXT = "Größe Straße café ñ";

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

describe("decodePage", () => {
  const html = (head: string) => `<html><head>${head}</head><body>${TEXT}</body></html>`;
  it.each([
    ["Content-Type charset", Buffer.from(html(""), "latin1"), "text/html; charset=ISO-8859-1"],
    ["quoted Content-Type charset", Buffer.from(html(""), "latin1"), 'text/html; charset="windows-1252"'],
    ["<meta charset>", Buffer.from(html('<meta charset="iso-8859-1">'), "latin1"), undefined],
    ["<meta http-equiv>", Buffer.from(html('<meta http-equiv="Content-Type" content="text/html; charset=latin1">'), "latin1"), "text/html"],
    ["invalid UTF-8 without a declaration", Buffer.from(html(""), "latin1"), undefined],
    ["UTF-8 BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html(""))]), "text/html; charset=iso-8859-1"],
    ["UTF-16LE BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html(""), "utf16le")]), undefined],
    ["UTF-16BE BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(html(""))]), undefined],
    ["UTF-16 declared", Buffer.from(html(""), "utf16le"), "text/html; charset=utf-16"],
    ["UTF-16LE without BOM", Buffer.from(html(""), "utf16le"), undefined],
    ["plain UTF-8", Buffer.from(html("")), "text/html"],
  ])("%s", (_label, bytes, contentType) => {
    const { text } = decodePage(bytes, contentType);
    expect(text).toContain(TEXT);
    expect(text).not.toMatch(/\ufffd|Ã|\ufeff|\u0000/);
  });
});

const latin1Page = async () => {
  const html = await readFile(path.join(ROOT, "fixtures/pages/create-order.html"), "utf8");
  return html.replace("Creates an order", "Größe Straße café");
};

describe("files and HTTP", () => {
  let dir: string;
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ssgen-charset-"));
    const page = await latin1Page();
    server = createServer((req, res) => {
      if (req.url?.includes("latin1")) {
        res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
        res.end(Buffer.from(page, "latin1"));
      } else {
        res.writeHead(200, { "content-type": "text/html; charset=utf-16le" });
        res.end(Buffer.from(page, "utf16le"));
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("a Latin-1 page file (<meta charset>) and a UTF-16 file (BOM) read correctly", async () => {
    const page = await latin1Page();
    const latin = path.join(dir, "latin1.html");
    await writeFile(latin, Buffer.from(page.replace("<head>", '<head><meta charset="iso-8859-1">'), "latin1"));
    const utf16 = path.join(dir, "utf16.html");
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, "utf16le")]));
    for (const file of [latin, utf16]) {
      const text = await readInput({ path: file, display: path.basename(file) }, 1e7);
      expect(parseHtmlPage(text, file).description).toContain("Größe Straße café");
    }
  });

  it("pages over HTTP are decoded in their Content-Type charset", async () => {
    for (const which of ["latin1", "utf16"]) {
      const url = `${origin}/json/metadata?op=CreateOrder&${which}`;
      const fetched = await fetchText(url, { ...DEFAULT_HTTP_OPTIONS, headers: {}, allowedOrigin: origin, retries: 0 });
      expect(parseHtmlPage(fetched.text, url).description).toContain("Größe Straße café");
    }
  });
});
