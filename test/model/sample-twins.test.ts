// A sample-only class folded into the one table-backed class of its shape (src/model/sample-twins.ts).
import { describe, expect, it } from "vitest";
import { foldSampleTwins } from "../../src/model/sample-twins.js";
import type { ApiModel, PropertyModel, TypeModel } from "../../src/model/types.js";

const prop = (name: string, type: string, origin: PropertyModel["origin"], extra: Partial<PropertyModel> = {}): PropertyModel => ({
  name,
  wireName: name[0]!.toLowerCase() + name.slice(1),
  param: "form",
  type,
  required: false,
  origin,
  ...extra,
});
/** LedgerSummary from a table; OwnerItem, the same members read from a sample, held by a sample-only Basket. */
const model = (): ApiModel => ({
  wireCase: "camel",
  operations: [{ name: "ArchiveBasket", method: "POST", routes: [], response: "Basket[]", tags: [], auth: null, source: "ArchiveBasket.txt" }],
  types: [
    { name: "Basket", kind: "class", role: "response", from: "sample", properties: [prop("Owner", "List<OwnerItem>", "sample")] },
    { name: "LedgerSummary", kind: "class", role: "reference", from: "reference", properties: [prop("CreatedZip", "List<int>", "table", { required: true, description: "Of unit this" }), prop("Uniform", "List<int>", "table")] },
    { name: "OwnerItem", kind: "class", role: "response", from: "sample", properties: [prop("CreatedZip", "List<int>", "sample"), prop("Uniform", "List<int>", "sample")] },
  ] as TypeModel[],
  diagnostics: [],
  sources: ["ArchiveBasket.txt"],
});

describe("sample twins", () => {
  it("reads a sample-only class as the table-backed class with its members, wherever it is used", () => {
    const api = model();
    foldSampleTwins(api);
    expect(api.types.map((t) => t.name)).toEqual(["Basket", "LedgerSummary"]);
    expect(api.types[0]!.properties![0]!.type).toBe("List<LedgerSummary>");
    expect(api.types[1]!.properties![0]).toMatchObject({ required: true, description: "Of unit this" });
  });

  it("keeps it where two table-backed classes have that shape, or a wire name differs", () => {
    const two = model();
    two.types.push({ ...two.types[1]!, name: "PolicyLine" });
    foldSampleTwins(two);
    expect(two.types.map((t) => t.name)).toContain("OwnerItem");
    const alias = model();
    alias.types[1]!.properties![1]!.wireName = "uni";
    foldSampleTwins(alias);
    expect(alias.types.map((t) => t.name)).toContain("OwnerItem");
  });

  it("folds a sample-only class once the one it holds is folded", () => {
    const api = model();
    api.types.push({ name: "Shelf", kind: "class", role: "reference", from: "reference", properties: [prop("Owner", "List<LedgerSummary>", "table")] });
    foldSampleTwins(api);
    expect(api.types.map((t) => t.name)).toEqual(["LedgerSummary", "Shelf"]);
    expect(api.operations[0]!.response).toBe("Shelf[]");
  });
});
