// ?lang= code views as evidence (spec §2.9): the TypeScript, JavaScript (mjs) and C# views of one
// operation give the DTOs of its metadata page, plus what only the code shows; on a crawl the
// TypeScript view is fetched beside the page (--no-code-views: not).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCodeView, tsToCSharp } from "../../src/parse/code-view/index.js";
import { parseHtmlPage } from "../../src/parse/html.js";
import { buildPageModel } from "../../src/model/page.js";
import { mergePages } from "../../src/model/merge.js";
import { emitClientWithDiagnostics } from "../../src/emit/index.js";
import { formatGenerateSummary, generate, type RunOptions } from "../../src/api.js";
import { defaultRunOptions } from "../../src/source/config.js";
import type { PageModel } from "../../src/model/types.js";
import { options as emitOptions } from "../emit/models.js";
import { typecheck } from "../helpers/tsc.js";
import { runtimeSource, writeFiles } from "../emit/support.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = path.join(ROOT, "fixtures/pages");
const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
const model = (f: string, code?: string): PageModel => {
  const raw = parseHtmlPage(read(f), f);
  if (code) raw.code = parseHtmlPage(read(code), code).code!;
  return buildPageModel(raw);
};

async function dtos(page: PageModel): Promise<string> {
  const { files } = await emitClientWithDiagnostics(mergePages([page]), emitOptions({ format: false }));
  return files[0]!.content.slice(files[0]!.content.indexOf("export "));
}

describe("parseCodeView", () => {
  it("reads TypeScript classes with bases, generic arguments, interfaces, aliases and initializers", () => {
    const view = parseCodeView(
      "typescript",
      [
        "// @Route(\"/stock/{Sku}\", \"PUT\")",
        "export class UpdateStock extends Audited<StockChange> implements IReturn<UpdateStockResponse>, IPut, IHasVersion",
        "{",
        "    // @DataMember(Name=\"qty_delta\")",
        "    public qty_delta: number;",
        "    public tags: string[] = [];",
        "    public meta?: { [index:string]: string; };",
        "    public getMethod() { return 'PUT'; }",
        "}",
      ].join("\n"),
    )!;
    expect(view.request).toBe("UpdateStock");
    expect(view.response).toBe("UpdateStockResponse");
    expect(view.method).toBe("PUT");
    const t = view.types[0]!;
    expect(t.base).toBe("Audited<StockChange>");
    expect(t.implements).toEqual(["IReturn<UpdateStockResponse>", "IPut", "IHasVersion"]);
    expect(t.routes).toEqual([{ verbs: ["PUT"], path: "/stock/{Sku}" }]);
    expect(t.properties).toEqual([
      { name: "qty_delta", wireName: "qty_delta", alias: "qty_delta", type: "int", optional: false },
      { name: "tags", wireName: "tags", type: "List<string>", optional: false, initializer: "[]" },
      { name: "meta", wireName: "meta", type: "Dictionary<string,string>", optional: true },
    ]);
  });

  it("reads C# attributes: [DataMember(Name)], [Required], [Flags] enums with values", () => {
    const view = parseCodeView(
      "csharp",
      [
        "namespace Shop",
        "{",
        "    [Flags]",
        "    public enum Perms",
        "    {",
        "        None = 0,",
        "        Read = 1,",
        "    }",
        "    public partial class Line",
        "        : ItemBase<int>, IHasId",
        "    {",
        "        [DataMember(Name=\"sku_code\")]",
        "        [Required]",
        "        public virtual string Sku { get; set; }",
        "        public virtual string? Note { get; set; }",
        "    }",
        "}",
      ].join("\n"),
    )!;
    expect(view.types[0]).toMatchObject({ name: "Perms", kind: "enum", flags: true, valued: true, members: [{ name: "None", value: "0" }, { name: "Read", value: "1" }] });
    expect(view.types[1]).toMatchObject({ name: "Line", base: "ItemBase<int>", implements: ["IHasId"] });
    expect(view.types[1]!.properties).toEqual([
      { name: "Sku", alias: "sku_code", required: true, type: "string" },
      { name: "Note", type: "string" },
    ]);
  });

  it("maps TypeScript types to canonical C# display types, and refuses what it does not know", () => {
    expect(tsToCSharp("{ [index:number]: LineItem[]; }")).toBe("Dictionary<int,List<LineItem>>");
    expect(tsToCSharp("Array<QueryResponse<Customer>>")).toBe("List<QueryResponse<Customer>>");
    expect(tsToCSharp("'Card' | 'Credit'")).toBe("string");
    expect(tsToCSharp("() => void")).toBeUndefined();
  });

  it("does not read the views of other languages (W_LANG_VARIANT stays)", () => {
    expect(parseCodeView("kotlin", "open class Foo : IReturn<Bar>\n{\n    var id:Int? = null\n}")).toBeUndefined();
    const page = buildPageModel(parseHtmlPage(read("real-list-agents-lang.html"), "x.html"));
    expect(page.diagnostics.map((d) => d.code)).toContain("W_LANG_VARIANT");
  });
});

describe("one operation's code views and metadata page", () => {
  const views = ["code-views/update-stock-lang-typescript.html", "code-views/update-stock-lang-mjs.html", "code-views/update-stock-lang-csharp.html"];

  it.each(views)("%s gives the metadata page's DTOs, plus the alias only the code shows", async (view) => {
    const fromPage = await dtos(model("update-stock.html"));
    const fromView = await dtos(model(view));
    // the only difference: ExpectedAt is null in the sample, so only the code shows its alias "eta"
    // and the view's own interface (TypeScript, C#; a JavaScript view has none): asserted below
    const normalise = (s: string) => s.replace(/export interface IHasVersion \{\n[^}]*\}\n\n/, "").replace(", IHasVersion\n", "\n").replace(/\n\s*\* C# name: ExpectedAt\n\s*\*\/\n/, " */\n").replace(/\/\*\*\n\s*\* (@description When the goods arrive) \*\/\n/, "/** $1 */\n");
    expect(normalise(fromView)).toBe(fromPage.replace("public expectedAt?: string;", "public eta?: string;"));
    expect(fromView).toMatch(/export class UpdateStock\s+extends Audited<StockChange>\s+implements IReturn<UpdateStockResponse>, IPut/);
  });

  it.each([
    ["typescript", true],
    ["csharp", true],
    ["mjs", false],
  ])("the %s view's own interface is emitted and implemented (declared: %s); markers are not", async (lang, declared) => {
    const page = model(`code-views/update-stock-lang-${lang}.html`);
    const request = page.types.find((t) => t.name === "UpdateStock")!;
    const { files } = await emitClientWithDiagnostics(mergePages([page]), emitOptions({ runtimeSource: runtimeSource(), format: false }));
    const dtosFile = files.find((f) => f.path === "dtos.ts")!.content;
    if (declared) {
      expect(request.interfaces).toEqual(["IHasVersion"]);
      expect(page.types.find((t) => t.name === "IHasVersion")).toMatchObject({ kind: "interface", from: "code", properties: [{ wireName: "version", type: "int" }] });
      expect(dtosFile).toContain("export interface IHasVersion {\n  version: number;\n}\n");
      expect(dtosFile).toMatch(/export class UpdateStock\s+extends Audited<StockChange>\s+implements IReturn<UpdateStockResponse>, IPut, IHasVersion\s*\{/);
    } else {
      // a JavaScript view prints no interfaces: nothing to add
      expect(request.interfaces).toBeUndefined();
      expect(dtosFile).not.toContain("IHasVersion");
    }
    // ServiceStack's markers are the emitter's own, never a view's interface
    expect(page.types.flatMap((t) => t.interfaces ?? [])).not.toContain("IPut");
    const out = await mkdtemp(path.join(tmpdir(), "ssgen-iface-"));
    try {
      await writeFiles(out, files);
      await typecheck(out);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("a code view beside the metadata page settles aliases the samples cannot show", () => {
    const alone = model("update-stock.html");
    const withView = model("update-stock.html", "code-views/update-stock-lang-typescript.html");
    const wire = (m: PageModel) => m.types.find((t) => t.name === "UpdateStock")!.properties!.map((p) => p.wireName);
    expect(wire(alone)).toEqual(["sku", "qty_delta", "warehouse", "tags", "version", "expectedAt"]);
    expect(wire(withView)).toEqual(["sku", "qty_delta", "warehouse", "tags", "version", "eta"]);
    expect(withView.codeView).toBe("typescript");
    // tables still supply what code views lack: descriptions and the Parameter column
    expect(withView.types[0]!.properties![0]).toMatchObject({ param: "path", description: "Stock keeping unit" });
  });
});

describe("crawl: the TypeScript code view is fetched beside each op page", () => {
  let server: http.Server;
  let origin: string;
  let out: string;
  const requested: string[] = [];
  beforeAll(async () => {
    out = path.join(await mkdtemp(path.join(tmpdir(), "ssgen-codeview-")), "client");
    server = http.createServer((req, res) => {
      requested.push(req.url!);
      const u = new URL(req.url!, "http://x");
      if (u.pathname !== "/json/metadata" || u.searchParams.get("op") !== "UpdateStock") return void res.writeHead(404).end();
      const lang = u.searchParams.get("lang");
      res.end(read(lang ? `code-views/update-stock-lang-${lang}.html` : "update-stock.html"));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await rm(path.dirname(out), { recursive: true, force: true });
  });
  const run = (extra: Partial<RunOptions>) =>
    generate({
      ...defaultRunOptions(ROOT),
      urls: [`${origin}/json/metadata?op=UpdateStock`],
      from: "pages",
      out,
      emit: { ...defaultRunOptions().emit, format: false },
      timeoutMs: 5000,
      retries: 0,
      quiet: true,
      ...extra,
    });

  it("reads it, and the summary counts the ops read from code views", async () => {
    requested.length = 0;
    const result = await run({});
    expect(requested).toContain("/json/metadata?op=UpdateStock&lang=typescript");
    expect(formatGenerateSummary(result)).toMatch(/^ssgen: 1 operations? \(1 read from \?lang= code views\),/);
    expect(await readFile(path.join(out, "dtos.ts"), "utf8")).toContain("public eta?: string;");
  });

  it("--no-code-views fetches the page alone", async () => {
    requested.length = 0;
    const result = await run({ codeViews: false });
    expect(requested).toEqual(["/json/metadata?op=UpdateStock"]);
    expect(formatGenerateSummary(result)).not.toContain("code views");
  });
});
