// Our printer (src/emit/print-ts.ts) against the path it replaces: the same structures printed by
// ts-morph and formatted by prettier must give byte-identical files, with prettier's defaults and
// with project configs; and prettier must leave our output unchanged.
import { join, resolve } from "node:path";
import fc from "fast-check";
import { format } from "prettier";
import * as tsMorph from "ts-morph";
import { describe, expect, it } from "vitest";
import { buildApi, loadPages, type RunOptions } from "../../src/api.js";
import { emitClientFile } from "../../src/emit/client.js";
import { emitDtos, prepareApi } from "../../src/emit/dtos.js";
import { fileHeader } from "../../src/emit/header.js";
import { emitClient } from "../../src/emit/index.js";
import type { EmitOptions } from "../../src/emit/options.js";
import { unprintedCount } from "../../src/emit/print.js";
import { Scope, StructureKind, VariableDeclarationKind } from "../../src/emit/structures.js";
import type { ApiModel, PropertyModel, TypeModel } from "../../src/model/types.js";
import { makePages } from "../../bench/synthetic-pages.mjs";
import { api, kitchenModel, op, options, seedModel, shopModel } from "./models.js";

const ROOT = resolve(import.meta.dirname, "../..");

/** What emitClient printed before our printer: ts-morph's text, then prettier. */
async function reference(model: ApiModel, opts: EmitOptions): Promise<Record<string, string>> {
  const prepared = prepareApi(model);
  const files = { "dtos.ts": emitDtos(model, opts, prepared).file, "client.ts": emitClientFile(model, opts, prepared).file };
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(files)) {
    const raw = tsMorph.printStructure({ kind: tsMorph.StructureKind.SourceFile, statements: [...file.statements] } as tsMorph.SourceFileStructure, {
      indentNumberOfSpaces: 4,
      useSingleQuote: true,
    });
    const { filepath: _f, plugins: _p, parser: _q, ...rest } = opts.prettier ?? {};
    out[name] = await format(fileHeader(opts.header, name) + raw, { ...rest, parser: "typescript", filepath: name });
  }
  return out;
}

async function expectSameAsReference(model: ApiModel, opts: EmitOptions, label: string): Promise<void> {
  const ours = await emitClient(model, opts);
  const ref = await reference(model, opts);
  for (const name of ["dtos.ts", "client.ts"]) {
    const text = ours.find((f) => f.path === name)!.content;
    expect(text, `${label} ${name}`).toBe(ref[name]);
    if (!opts.prettier) expect(await format(text, { parser: "typescript", filepath: name }), `${label} ${name} is prettier's fixed point`).toBe(text);
  }
}

async function fixtureModel(): Promise<ApiModel> {
  const run = { inputs: [join(ROOT, "fixtures/pages")], inputBase: ROOT, urls: [], include: [], exclude: [], allowPartial: true, maxPageBytes: 1e7 } as unknown as RunOptions;
  return buildApi(await loadPages(run), run).api;
}

function syntheticModel(count: number): ApiModel {
  const loaded = { pages: makePages(count).map((text, i) => ({ source: `bench/${i}.html`, text })), failures: [], diagnostics: [] };
  return buildApi(loaded, { include: [], exclude: [], allowPartial: true }).api;
}

const VARIANTS: Partial<EmitOptions>[] = [
  {},
  { enums: "union" },
  { nullable: "union", optional: "all" },
  { dates: "Date", endpoint: "api" },
];
const CONFIGS: Record<string, unknown>[] = [
  { singleQuote: true, tabWidth: 4, printWidth: 120 },
  { semi: false, printWidth: 60, trailingComma: "es5", bracketSpacing: false },
];

describe("the structure printer", () => {
  it("uses ts-morph's enum values", () => {
    for (const [k, v] of Object.entries(StructureKind)) expect(v, k).toBe(tsMorph.StructureKind[k as keyof typeof tsMorph.StructureKind]);
    expect(Object.values(Scope)).toEqual(["public", "protected", "private"].map((s) => s as tsMorph.Scope));
    expect(VariableDeclarationKind.Const).toBe(tsMorph.VariableDeclarationKind.Const);
  });

  it("prints the golden, fixture and synthetic models exactly as ts-morph + prettier did", async () => {
    const models: [string, ApiModel][] = [
      ["seed", seedModel()],
      ["shop", shopModel()],
      ["kitchen", kitchenModel()],
      ["fixtures", await fixtureModel()],
      ["synthetic", syntheticModel(40)],
    ];
    for (const [label, model] of models) {
      for (const v of VARIANTS) await expectSameAsReference(model, options({ ...v, header: { sources: [label], options: {} } }), `${label} ${JSON.stringify(v)}`);
      for (const c of CONFIGS) await expectSameAsReference(model, options({ prettier: c, header: { sources: [label], options: {} } }), `${label} ${JSON.stringify(c)}`);
    }
  }, 120_000);

  it("needs prettier for none of the fixture and synthetic declarations", async () => {
    for (const model of [await fixtureModel(), syntheticModel(40), kitchenModel()]) {
      for (const v of VARIANTS) {
        const prepared = prepareApi(model);
        const o = options(v);
        expect(unprintedCount(emitDtos(model, o, prepared).file)).toBe(0);
        expect(unprintedCount(emitClientFile(model, o, prepared).file)).toBe(0);
      }
    }
  });

  it("matches ts-morph + prettier on arbitrary names, descriptions, routes and long types", async () => {
    const words = ["*/", "'", '"', "\\", "a b", "x-y", "Größe", "0", "constructor", "__proto__", "then", "\u2028", "</b>", "é"];
    const word = fc.oneof(fc.constantFrom(...words), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,40}$/));
    const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((p) => p.join(""));
    const typeText = fc.constantFrom("string", "int", "List<string>", "Dictionary<string,List<Dictionary<string,VeryLongReferencedTypeNameThatIsLong>>>", "Item", "Item[]", "Kind", "Kind?", "QueryResponse<Item>", "KeyValuePair<string,int>");
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(name, { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.tuple(name, typeText, fc.boolean()), { minLength: 0, maxLength: 5, selector: (t) => t[0] }),
        name,
        fc.constantFrom<Partial<EmitOptions>>(...VARIANTS),
        async (opNames, propRows, text, variant) => {
          const properties: PropertyModel[] = propRows.map(([w, type, required], i) => ({
            name: `P${i}`, wireName: w, param: "body", type, required, origin: "table", description: text,
          }));
          const types: TypeModel[] = [
            ...opNames.map((n): TypeModel => ({ name: n, kind: "class", role: "request", from: "caption", description: text, properties })),
            { name: "Item", kind: "class", role: "reference", from: "caption", properties: properties.slice(0, 2) },
            { name: "Kind", kind: "enum", role: "reference", from: "caption", members: [...opNames, text].map((m) => ({ name: m, description: text })) },
            { name: "QueryResponse", kind: "class", role: "response", from: "caption", genericParams: ["T"], properties: [{ name: "Results", wireName: "results", param: "form", type: "List<T>", required: false, origin: "table" }] },
          ];
          const model = api(
            opNames.map((n, i) => op(n, i % 2 ? "QueryResponse<Item>" : "void", { description: text, routes: [{ verbs: ["GET", "POST"], path: `/x/${text}/{Id}` }, { verbs: "*", path: `/${n}` }], method: i % 2 ? "GET" : "POST" })),
            types,
            { serviceName: text },
          );
          await expectSameAsReference(model, options({ ...variant, header: { sources: [text], options: {} } }), JSON.stringify({ opNames, propRows, text }));
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);
});
