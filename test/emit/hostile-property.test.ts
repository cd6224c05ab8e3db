// Property test of the naming rules: whatever names, descriptions and routes a page supplies, the
// generated code builds and runs, defines nothing but its own declarations, keeps every exact op name
// in getTypeName() and every exact wire name as the JSON key.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { emitClient } from "../../src/emit/index.js";
import type { PropertyModel, TypeModel } from "../../src/model/types.js";
import { api, op, options } from "./models.js";
import { importTs, removeDir, runtimeSource, tempDir, writeFiles } from "./support.js";

const FRAGMENTS = ["*/", "/*", "//", "\n", "\r", "\u2028", "'", '"', "`", "${", "}", "</script>", "\\", " ", "-", "0", "class", "constructor", "__proto__", "ApiError", "ServiceClient"];
const text = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", maxLength: 6 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""))
  .filter((s) => s.trim() !== "");

const runtime = runtimeSource();
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

type Dto = { getTypeName(): string };
type DtoClass = (new (init?: object) => Dto) & { prototype: Partial<Dto> };

describe("emitted code under arbitrary page text", () => {
  it("builds, runs, and keeps exact op names and wire names", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(text, { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(text, { minLength: 1, maxLength: 4 }),
        text,
        async (opNames, wireNames, description) => {
          const props: PropertyModel[] = wireNames.map((w, i) => ({
            name: `P${i}`, wireName: w, param: "query", type: "string", required: false, origin: "table", description,
          }));
          const types: TypeModel[] = opNames.map((name) => ({
            name, kind: "class", role: "request", from: "caption", description, properties: props,
          }));
          types.push({ name: "Shared", kind: "enum", role: "reference", from: "caption", members: wireNames.map((w) => ({ name: w, description })) });
          const model = api(
            opNames.map((name) => op(name, "void", { description, routes: [{ verbs: ["GET"], path: `/x/${description}` }], method: "GET" })),
            types,
            { serviceName: description },
          );
          const files = await emitClient(model, options({ runtimeSource: runtime, format: false, header: { sources: [description], options: {} } }));
          const dir = await tempDir("hostile-prop");
          dirs.push(dir);
          await writeFiles(dir, files);
          const mod = await importTs<Record<string, unknown>>(dir, "index.ts");

          const requests = Object.values(mod).filter(
            (v): v is DtoClass => typeof v === "function" && typeof (v as DtoClass).prototype?.getTypeName === "function",
          );
          expect(requests.map((C) => new C().getTypeName()).sort()).toEqual([...opNames].sort());
          for (const C of requests) {
            const json = JSON.parse(JSON.stringify(new C(Object.fromEntries(wireNames.map((w, i) => [w, i])))));
            expect(json).toEqual(Object.fromEntries(wireNames.map((w, i) => [w, i])));
          }
          expect(typeof mod.ApiClient).toBe("function");
        },
      ),
      { numRuns: 40, seed: 20261124 },
    );
  });
});
