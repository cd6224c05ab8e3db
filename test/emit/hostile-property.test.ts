// Property test of the naming rules: whatever text a page puts in any slot it can fill — type
// name, property (wire and C# name), enum member (name, value), operation, route, generic
// parameter, description, tag, auth label, service name — the generated code type-checks under
// tsc --strict, bundles and runs, defines nothing but its own declarations, is not a thenable,
// keeps every exact op name in getTypeName() and every exact wire name as the JSON key.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { emitClient } from "../../src/emit/index.js";
import type { PropertyModel, TypeModel } from "../../src/model/types.js";
import { typecheck } from "../helpers/tsc.js";
import { api, op, options } from "./models.js";
import { importTs, removeDir, runtimeSource, tempDir, writeFiles } from "./support.js";

const FRAGMENTS = [
  "*/", "/*", "//", "///", "\n", "\r", "\u2028", "'", '"', "`", "${", "}", "</script>", "\\", " ", "-", "0", "1", "_1",
  "class", "constructor", "__proto__", "toString", "hasOwnProperty", "then", "Then", "__esModule", "String", "Object",
  "Partial", "Promise", "Record", "Date", "ApiError", "ServiceClient", "string", "@ts-expect-error", "@ts-nocheck",
  "@ts-ignore", "#__PURE__", "\u202e", "\u2066", "\u200b", "\ufeff", "\x1b[2J", "\ud800",
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", maxLength: 6 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""))
  .filter((s) => s.trim() !== "");
const names = (max: number) => fc.uniqueArray(text, { minLength: 1, maxLength: max });
const digits = fc.oneof(fc.integer({ min: -5, max: 5 }).map(String), fc.bigInt({ min: 10n ** 20n, max: 10n ** 24n }).map(String));

const runtime = runtimeSource();
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

type Dto = { getTypeName(): string };
type DtoClass = (new (init?: object) => Dto) & { prototype: Partial<Dto> };

describe("emitted code under arbitrary page text in every slot", () => {
  it("type-checks, builds, runs, and keeps exact op names and wire names", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          opNames: names(3),
          wireNames: names(4),
          csharpName: text,
          typeNames: names(2),
          genericParams: names(2),
          members: names(3),
          values: fc.array(digits, { minLength: 3, maxLength: 3 }),
          description: text,
          route: text,
          tag: text,
          auth: text,
        }),
        async (s) => {
          const props: PropertyModel[] = s.wireNames.map((w, i) => ({
            name: i === 0 ? s.csharpName : `P${i}`, wireName: w, param: "query", type: "string", required: false, origin: "table", description: s.description,
          }));
          const types: TypeModel[] = s.opNames.map((name) => ({
            name, kind: "class", role: "request", from: "caption", description: s.description, properties: props,
          }));
          const taken = new Set(s.opNames);
          for (const name of s.typeNames.filter((n) => !taken.has(n))) {
            taken.add(name);
            types.push({
              name, kind: "class", role: "reference", from: "caption", description: s.description, genericParams: s.genericParams,
              properties: s.genericParams.map((p, i) => ({ name: `G${i}`, wireName: `g${i}`, param: "form", type: p, required: true, origin: "table", description: s.description })),
            });
          }
          const members = s.members.map((m, i) => ({ name: m, value: s.values[i], description: s.description }));
          if (!taken.has("Shared")) types.push({ name: "Shared", kind: "enum", role: "reference", from: "caption", members: s.members.map((m) => ({ name: m, description: s.description })) });
          if (!taken.has("Valued")) types.push({ name: "Valued", kind: "enum", role: "reference", from: "caption", valued: true, description: s.description, members });
          const auth = { roles: [s.auth], permissions: [s.auth], anyRoles: [s.auth], anyPermissions: [s.auth] };
          const model = api(
            s.opNames.map((name) => op(name, "void", {
              description: s.description, tags: [s.tag], auth, method: "GET",
              routes: [{ verbs: ["GET"], path: `/x/${s.route}` }, { verbs: "*", path: s.route }],
            })),
            types,
            { serviceName: s.description },
          );
          const files = await emitClient(model, options({ runtimeSource: runtime, format: false, header: { sources: [s.description], options: {} } }));
          const dir = await tempDir("hostile-prop");
          dirs.push(dir);
          await writeFiles(dir, files);
          await typecheck(dir);
          const mod = await importTs<Record<string, unknown>>(dir, "index.ts");

          expect(typeof mod.then).toBe("undefined");
          const requests = Object.values(mod).filter(
            (v): v is DtoClass => typeof v === "function" && typeof (v as DtoClass).prototype?.getTypeName === "function",
          );
          expect(requests.map((C) => new C().getTypeName()).sort()).toEqual([...s.opNames].sort());
          for (const C of requests) {
            const json = JSON.parse(JSON.stringify(new C(Object.fromEntries(s.wireNames.map((w, i) => [w, i])))));
            expect(json).toEqual(Object.fromEntries(s.wireNames.map((w, i) => [w, i])));
          }
          const ApiClient = mod.ApiClient as new (o: object) => object;
          const client = new ApiClient({ baseUrl: "https://x.test", fetch: async () => new Response("{}") });
          expect(await (async () => client)()).toBe(client);
          for (const file of files) {
            for (const line of file.content.split("\n").filter((l) => /^\s*(\*|\/\/|\/\*)/.test(l))) {
              expect(line).not.toMatch(/(^|[\s*/])@ts-|[\u202a-\u202e\u2066-\u2069\u200b\ufeff\u001b]/);
            }
          }
        },
      ),
      { numRuns: 30, seed: 20261124 },
    );
  }, 600_000);
});
