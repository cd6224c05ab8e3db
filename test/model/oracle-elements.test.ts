// The oracle on collection-response elements (spec §4 rule 3: only the sample names X of a `List<X>`
// response). No rule excuses an element: a keyless element `[{}]`, that several types' objects read as,
// is excused by counterfactual only (the op's page is byte-identical with the response as read from
// its sample), also in a model that errs decidably elsewhere (the whole model's counterfactual then
// refuses); a type as read that would print another sample is not.
import { describe, expect, test } from "vitest";
import { listOf, named, nullable } from "../helpers/random-service/csharp.js";
import { evaluate, toApiModel, type TrueService } from "../helpers/random-service/index.js";
import type { ApiModel } from "../../src/model/types.js";

/** FindNotes returns List<Note>; GetThings' request shows Note and Tag, whose objects are both `{}`. */
function service(): TrueService {
  const types: TrueService["types"] = new Map();
  const add = (t: Parameters<typeof types.set>[1]) => types.set(t.name, t);
  add({ kind: "class", name: "Note", properties: [{ name: "Memo", type: nullable(named("int")), required: false }] });
  add({ kind: "class", name: "Tag", properties: [{ name: "Rank", type: nullable(named("int")), required: false, description: "Sort order" }] });
  add({ kind: "class", name: "FindNotes", properties: [{ name: "Id", type: named("int"), required: false }] });
  add({ kind: "class", name: "GetThings", properties: [{ name: "Note", type: named("Note"), required: false }, { name: "Tag", type: named("Tag"), required: false }] });
  add({ kind: "class", name: "GetThingsResponse", properties: [{ name: "Count", type: named("int"), required: false }] });
  return {
    seed: 0, serviceName: "Notes", host: "notes.example.test", wireCase: "camel", types,
    operations: [
      { name: "FindNotes", routes: [{ verbs: ["GET"], path: "/notes" }], response: listOf(named("Note")), tags: [], auth: null },
      { name: "GetThings", routes: [{ verbs: ["GET"], path: "/things" }], response: named("GetThingsResponse"), tags: [], auth: null },
    ],
  };
}

/** The truth read with FindNotes' element named from its sample, and (decidably) a description lost. */
function misread(truth: ApiModel, loseDescription: boolean): ApiModel {
  const other = structuredClone(truth);
  other.operations.find((o) => o.name === "FindNotes")!.response = "FindNotesResponseItem[]";
  other.types.push({ name: "FindNotesResponseItem", kind: "class", role: "response", from: "sample", properties: [] });
  if (loseDescription) delete other.types.find((t) => t.name === "Tag")!.properties![0]!.description;
  return other;
}

describe("oracle: collection response elements", () => {
  for (const rendering of ["html", "flat", "pipe"] as const) {
    test(`${rendering}: a keyless element read from its sample is excused by counterfactual, next to a decidable error`, () => {
      const s = service();
      const truth = toApiModel(s);
      const { differences, excused } = evaluate(s, rendering, truth, misread(truth, true));
      expect(differences.map((d) => d.path)).toEqual(["type:Tag.prop:Rank.description"]);
      const element = excused.find((d) => d.path === "op:FindNotes.response");
      expect(element?.reason).toMatch(/^the FindNotes page is byte-identical with the response FindNotesResponseItem\[\] as read from its sample/);
      expect(excused.map((d) => d.path)).toContain("type:FindNotesResponseItem");
    });

    test(`${rendering}: an element read as a sample type its sample does not show is not excused`, () => {
      const s = service();
      const truth = toApiModel(s);
      const other = misread(truth, true);
      // the type as read holds a member the sample would show (`[{"memo":"String"}]`, not `[{}]`)
      other.types.find((t) => t.name === "FindNotesResponseItem")!.properties = [{ name: "Memo", type: "string", required: false, wireName: "memo", param: "body", origin: "sample" }];
      const { differences } = evaluate(s, rendering, truth, other);
      expect(differences.map((d) => d.path)).toEqual(expect.arrayContaining(["op:FindNotes.response", "type:Tag.prop:Rank.description"]));
    });
  }
});
