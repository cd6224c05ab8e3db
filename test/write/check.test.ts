import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiModel } from "../../src/model/types.js";
import { writeOutputAtomically } from "../../src/write/atomic.js";
import { compareOutput, diffSummaries, formatCheckReport } from "../../src/write/check.js";
import { summarizeModel } from "../../src/write/manifest.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ssgen-check-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function api(qtyType: string, extraOp: boolean): ApiModel {
  const ops = [
    { name: "CreateOrder", method: "POST", routes: [{ verbs: ["POST"], path: "/orders" }], response: "CreateOrderResponse", tags: [], auth: null, source: "p" },
  ];
  if (extraOp) ops.push({ name: "DeleteOrder", method: "DELETE", routes: [], response: "void", tags: [], auth: null, source: "p" });
  return {
    wireCase: "camel",
    operations: ops,
    types: [
      {
        name: "LineItem",
        kind: "class",
        role: "reference",
        from: "caption",
        properties: [
          { name: "Qty", wireName: "qty", param: "form", type: qtyType, required: false, origin: "table" },
          ...(extraOp ? [{ name: "Discount", wireName: "discount", param: "form", type: "decimal", required: false, origin: "table" as const }] : []),
        ],
      },
      { name: "Priority", kind: "enum", role: "reference", from: "caption", members: [{ name: "Low" }, { name: "High" }] },
    ],
    diagnostics: [],
    sources: ["p"],
  };
}

describe("check", () => {
  it("reports no drift for identical output", async () => {
    const out = path.join(dir, "same");
    const files = [{ path: "dtos.ts", content: "a\n" }];
    await writeOutputAtomically(out, files, summarizeModel(api("int", false)));
    const report = await compareOutput(out, files, summarizeModel(api("int", false)));
    expect(report.drift).toBe(false);
    expect(formatCheckReport(report, "same")).toBe("ssgen check: same is up to date");
  });

  it("describes operations and types added and retyped properties, plus file line counts", async () => {
    const out = path.join(dir, "drift");
    await writeOutputAtomically(out, [{ path: "dtos.ts", content: "a\nb\n" }, { path: "gone.ts", content: "g\n" }], summarizeModel(api("int", false)));
    const report = await compareOutput(out, [{ path: "dtos.ts", content: "a\nc\nd\n" }], summarizeModel(api("long", true)));
    expect(report.drift).toBe(true);
    const text = formatCheckReport(report, "drift");
    expect(text).toContain("operations:\n  + DeleteOrder");
    expect(text).toContain("  ~ LineItem\n      + Discount: decimal\n      Qty: int -> long");
    expect(text).toContain("  ~ dtos.ts (+2 -1 lines)");
    expect(text).toContain("  - gone.ts (+0 -1 lines)");
    expect(formatCheckReport(report, "drift", true)).toContain("+++ b/dtos.ts");
  });

  it("flags hand edits even when the model is unchanged", async () => {
    const out = path.join(dir, "edited");
    const files = [{ path: "dtos.ts", content: "a\n" }];
    await writeOutputAtomically(out, files, summarizeModel(api("int", false)));
    await writeFile(path.join(out, "dtos.ts"), "a edited\n");
    const report = await compareOutput(out, files, summarizeModel(api("int", false)));
    expect(report.drift).toBe(true);
    expect(formatCheckReport(report, "edited")).toContain("model: no operation or type changed");
  });

  it("works without a manifest, reporting files only", async () => {
    const report = await compareOutput(path.join(dir, "missing"), [{ path: "dtos.ts", content: "a\n" }], summarizeModel(api("int", false)));
    expect(report.drift).toBe(true);
    expect(report.model).toBeUndefined();
    expect(formatCheckReport(report, "missing")).toContain("+ dtos.ts");
  });

  it("diffs enum members, bases, methods and routes", () => {
    const before = summarizeModel(api("int", false));
    const after = structuredClone(before);
    after.types.Priority!.members = ["Low", "Normal"];
    after.types.LineItem!.base = "Entity";
    after.operations.CreateOrder = { method: "PUT", response: "CreateOrderResponse", routes: ["PUT /orders"] };
    const d = diffSummaries(before, after);
    expect(d.typesChanged.Priority).toEqual(["+ member Normal", "- member High"]);
    expect(d.typesChanged.LineItem).toEqual(["base (none) -> Entity"]);
    expect(d.operationsChanged.CreateOrder).toEqual(["method POST -> PUT", "+ route PUT /orders", "- route POST /orders"]);
  });
});
