// Names that mean something to JavaScript or TypeScript (issue 10): each case is a name a page can
// supply that once compiled into code that misbehaved or did not compile. Every output is
// type-checked with tsc --strict and bundled and imported.
import { afterAll, describe, expect, it } from "vitest";
import { emitClientWithDiagnostics } from "../../src/emit/index.js";
import type { ApiModel } from "../../src/model/types.js";
import { typecheck } from "../helpers/tsc.js";
import { api, cls, op, options, props } from "./models.js";
import { importTs, removeDir, runtimeSource, tempDir, writeFiles } from "./support.js";

const runtime = runtimeSource();
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

type Dto = { getTypeName(): string };
type DtoClass = new (init?: object) => Dto;

async function build(model: ApiModel) {
  const { files, diagnostics } = await emitClientWithDiagnostics(model, options({ runtimeSource: runtime, format: false }));
  const dir = await tempDir("hostile-names");
  dirs.push(dir);
  await writeFiles(dir, files);
  await typecheck(dir);
  const mod = await importTs<Record<string, unknown>>(dir, "index.ts");
  const text = Object.fromEntries(files.map((f) => [f.path, f.content]));
  return { mod, text, diagnostics, dir };
}

function requestClasses(mod: Record<string, unknown>): DtoClass[] {
  return Object.values(mod).filter(
    (v): v is DtoClass => typeof v === "function" && typeof (v as { prototype?: Partial<Dto> }).prototype?.getTypeName === "function",
  );
}

describe("names that mean something to JavaScript", () => {
  it("an op named then/Then does not make ApiClient a thenable; a DTO named then does not break import()", async () => {
    const { mod, dir } = await build(api([op("then", "void"), op("Then", "void")], [cls("then", [])]));
    const ApiClient = mod.ApiClient as new (o: object) => object;
    let sent = 0;
    const client = new ApiClient({ baseUrl: "https://x.test", fetch: async () => (sent++, new Response("{}")) });
    expect("then" in client).toBe(false);
    const returned = await (async () => client)();
    expect(returned).toBe(client);
    expect(sent).toBe(0);
    // the module namespace itself must not be a thenable either
    const ns = await import(`${dir}/index.bundle.mjs`);
    expect(typeof ns.then).toBe("undefined");
    expect(requestClasses(mod).map((C) => new C().getTypeName()).sort()).toEqual(["Then", "then"]);
  });

  it("ops named like Object.prototype members compile and keep their exact names", async () => {
    const names = ["toString", "valueOf", "hasOwnProperty", "constructor", "__proto__", "isPrototypeOf"];
    const { mod } = await build(api(names.map((n) => op(n, "void")), []));
    expect(requestClasses(mod).map((C) => new C().getTypeName()).sort()).toEqual([...names].sort());
    const operations = mod.operations as Record<string, unknown>;
    for (const n of names) expect(Object.hasOwn(operations, n)).toBe(true);
    expect(Object.getPrototypeOf(operations)).toBe(Object.prototype);
  });

  it("a DTO named String, Boolean or Object does not retype string/bool properties; getTypeName() is exact", async () => {
    // §7.2 aliases a caption `String` to `string`, so the model may hold a type named `string`
    const model = api(
      [op("String", "Boolean"), op("Object", "void")],
      [
        cls("String", props("form", ["Name", "name", "string"], ["On", "on", "bool", true])),
        cls("Boolean", props("form", ["Text", "text", "string"])),
        cls("string", props("form", ["Inner", "inner", "string"])),
        cls("Holder", props("form", ["Label", "label", "string"], ["Flag", "flag", "bool", true], ["Any", "any", "object"])),
      ],
    );
    const { mod, text } = await build(model);
    expect(text["dtos.ts"]).toMatch(/public label\?: string;/);
    expect(text["dtos.ts"]).toMatch(/public flag!: boolean;/);
    expect(text["dtos.ts"]).toMatch(/public any\?: Object;/);
    expect(text["dtos.ts"]).not.toMatch(/public \w+[?!]: (string_|String|Boolean|Object_2)\b|class (String|Boolean|Object) /);
    expect(requestClasses(mod).map((C) => new C().getTypeName()).sort()).toEqual(["Object", "String"]);
  });

  it("a generic parameter named like a utility type or global does not break Partial<…>", async () => {
    const model = api([op("GetBox", "Box<int>")], [
      cls("Box", props("form", ["Value", "value", "Partial"], ["Other", "other", "Object"], ["When", "when", "Date"]), { genericParams: ["Partial", "Object", "Date"] }),
      cls("GetBox", []),
    ]);
    const { text } = await build(model);
    expect(text["dtos.ts"]).toMatch(/class Box<Partial_2, Object_2, Date_2>/);
  });
});

describe("enums", () => {
  it("members 1 and _1 are two members; a big value is printed exactly", async () => {
    const model = api([], [
      { name: "Code", kind: "enum", role: "reference", from: "caption", valued: true,
        members: [{ name: "1", value: "1" }, { name: "_1", value: "2" }, { name: "Huge", value: "99999999999999999999999" }, { name: "Neg", value: "-007" }] },
      { name: "Name", kind: "enum", role: "reference", from: "caption", members: [{ name: "1" }, { name: "_1" }] },
    ]);
    const { mod, text } = await build(model);
    expect(text["dtos.ts"]).toContain("99999999999999999999999");
    expect(text["dtos.ts"]).not.toContain("1e+23");
    expect(text["dtos.ts"]).toMatch(/Neg = -7\b/);
    const code = mod.Code as Record<string, number>;
    expect([code._1, code._1_2]).toEqual([1, 2]);
    expect(Object.values(mod.Name as object).sort()).toEqual(["1", "_1"]);
  });
});

describe("enum members with a meaning", () => {
  it("a member named __proto__ is not lost to the prototype slot; its wire value is exact", async () => {
    const model = api([], [
      { name: "Mode", kind: "enum", role: "reference", from: "caption", members: [{ name: "__proto__" }, { name: "constructor" }, { name: "A" }] },
    ]);
    const { mod } = await build(model);
    const mode = mod.Mode as Record<string, string>;
    expect(Object.values(mode).sort()).toEqual(["A", "__proto__", "constructor"]);
    expect(Object.getPrototypeOf(mode)).toBe(Object.prototype);
  });
});

describe("duplicates", () => {
  it("an operation listed twice is a warning", async () => {
    const { diagnostics } = await build(api([op("Ping", "void"), op("Ping", "void")], []));
    expect(diagnostics.some((d) => d.code.startsWith("W") && /operation Ping listed twice/.test(d.detail))).toBe(true);
  });

  it("a repeated property is a warning, not a silent drop", async () => {
    const model = api([], [cls("Item", props("form", ["Name", "name", "string"], ["Name", "name", "int"]))]);
    const { diagnostics } = await build(model);
    expect(diagnostics.some((d) => d.code.startsWith("W") && /Item\.Name.*repeated/.test(d.detail))).toBe(true);
  });
});

describe("descriptions", () => {
  const evil = [
    "@ts-expect-error",
    "// @ts-ignore",
    "@ts-nocheck",
    "/// <reference path=\"x\" />",
    "*/ @ts-expect-error",
    "#__PURE__ @__PURE__ @internal @jsx h",
    "trojan \u202e\u2066 source \u200b\u200d\ufeff end",
  ].join("\n");

  it("never become directives, never end the comment, never hide characters", async () => {
    const model = api(
      [op("Ping", "void", { description: evil, routes: [{ verbs: ["GET"], path: "/ping/@ts-ignore\u202e" }], tags: ["@ts-expect-error"] })],
      [
        cls("Ping", props("form", ["Text", "text", "string", false, evil], ["Flag", "flag", "bool", true, "@ts-expect-error"]), { role: "request", description: evil }),
        { name: "Mode", kind: "enum", role: "reference", from: "caption", description: evil, members: [{ name: "A", description: "@ts-expect-error" }, { name: "\u202eB" }] },
      ],
      { serviceName: "@ts-nocheck \u202e" },
    );
    // typecheck() fails on an unused @ts-expect-error (TS2578) and a live @ts-nocheck hides errors
    const { text } = await build(model);
    for (const file of ["dtos.ts", "client.ts"]) {
      const body = text[file]!;
      const comments = body.split("\n").filter((l) => /^\s*(\*|\/\/|\/\*)/.test(l));
      for (const line of comments) expect(line).not.toMatch(/(^|[\s*/])@(ts-|__PURE__|internal|jsx)/);
      expect(body).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/);
      expect(body).toContain("<U+202E>");
    }
  });
});
