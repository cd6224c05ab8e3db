// From fixture pages through the real parsers, page builder and merger to compiled clients.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitClientWithDiagnostics } from "../../src/emit/index.js";
import { mergePages } from "../../src/model/merge.js";
import { buildPageModel } from "../../src/model/page.js";
import type { PageModel } from "../../src/model/types.js";
import { parseHtmlPage } from "../../src/parse/html.js";
import { parseTextPage } from "../../src/parse/text.js";
import { typecheck } from "../helpers/tsc.js";
import { options } from "./models.js";
import { removeDir, runtimeSource, tempDir, writeFiles } from "./support.js";

const PAGES = resolve(import.meta.dirname, "../../fixtures/pages");
// pages the model builds (the ones with an expected dump); .error pages are the parsers' business
const pageFiles = readdirSync(PAGES).filter((f) => f.endsWith(".dump")).map((f) => f.slice(0, -".dump".length)).sort();
const runtime = runtimeSource();
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

function pageModel(file: string): PageModel {
  const text = readFileSync(join(PAGES, file), "utf8");
  const raw = file.endsWith(".html") ? parseHtmlPage(text, file) : parseTextPage(text, file);
  return buildPageModel(raw);
}

async function emitted(pages: PageModel[], extra: Parameters<typeof options>[0] = {}) {
  const model = mergePages(pages);
  const { files, diagnostics } = await emitClientWithDiagnostics(model, options({ runtimeSource: runtime, ...extra }));
  const dir = await tempDir("e2e");
  dirs.push(dir);
  await writeFiles(dir, files);
  await typecheck(dir);
  return { model, diagnostics, dtos: files[0]!.content, client: files[1]!.content };
}

describe("fixture pages -> model -> emitted client compiles", () => {
  it("has fixtures to run", () => expect(pageFiles.length).toBeGreaterThan(3));

  it.each(pageFiles)("%s", async (file) => {
    const page = pageModel(file);
    const { dtos, client } = await emitted([page]);
    expect(dtos).toContain(`return "${page.operation}";`);
    // the operation table names each op's routing const (emit/client.ts)
    expect(client).toMatch(new RegExp(`\\b${page.operation}: \\w+Route,`));
  });

  it("all pages merged into one client, in every option combination", async () => {
    const pages = pageFiles.map(pageModel);
    for (const extra of [{}, { enums: "union", optional: "all", dates: "Date" }] as const) {
      const { model, dtos } = await emitted(pages, extra);
      for (const op of model.operations) expect(dtos).toContain(`return "${op.name}";`);
    }
  });

  it("the seed page gives `public EmailAddress?: string;`", async () => {
    const seed = pageFiles.find((f) => f.startsWith("seed"));
    expect(seed, "fixtures/pages/seed-*.txt").toBeDefined();
    const { dtos } = await emitted([pageModel(seed!)]);
    expect(dtos).toContain("public EmailAddress?: string;");
    expect(dtos).toMatch(/export class CognitoSendConfirmCodeRequestResponse\s+extends CognitoSendConfirmCodeRequestResponseBase/);
  });
});
