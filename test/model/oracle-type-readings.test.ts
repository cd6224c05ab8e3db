// The oracle's excuse for type readings (test/helpers/random-service/type-readings.ts): in pipe text two
// plain enum tables the walk prints one after the other run together, and when the first one's last
// member has a description no row shows where it ends. A wrong split is excused only when the service
// read that way renders every page showing the enums byte-identically; any page, row or sample that
// shows the boundary makes it an error.
import { describe, expect, test } from "vitest";
import { named } from "../helpers/random-service/csharp.js";
import { evaluate, renderService, toApiModel, type TrueEnum, type TrueService } from "../helpers/random-service/index.js";
import type { ApiModel } from "../../src/model/types.js";

type Members = TrueEnum["members"];
const MODE: Members = [{ name: "Low", description: "Low unit" }, { name: "Blue" }, { name: "Archived", description: "Archived per" }];
const TIER: Members = [{ name: "Unknown" }, { name: "Monthly", description: "Monthly set" }, { name: "None" }];

/** GetThing { Mode: ThingMode, Tier: ThingTier }: the two enum tables follow each other on its page. */
function service(mode: Members = MODE, options: { post?: boolean; tierAlone?: boolean } = {}): TrueService {
  const types: TrueService["types"] = new Map();
  const add = (t: Parameters<typeof types.set>[1]) => types.set(t.name, t);
  add({ kind: "enum", name: "ThingMode", valued: "none", members: mode });
  add({ kind: "enum", name: "ThingTier", valued: "none", members: TIER });
  add({ kind: "class", name: "GetThing", properties: [{ name: "Mode", type: named("ThingMode"), required: true }, { name: "Tier", type: named("ThingTier"), required: true }] });
  add({ kind: "class", name: "GetThingResponse", properties: [{ name: "Id", type: named("int"), required: false }] });
  const operations: TrueService["operations"] = [
    { name: "GetThing", routes: [{ verbs: [options.post ? "POST" : "GET"], path: "/things" }], response: named("GetThingResponse"), tags: [], auth: null },
  ];
  if (options.tierAlone) {
    add({ kind: "class", name: "GetTier", properties: [{ name: "Tier", type: named("ThingTier"), required: false }] });
    operations.push({ name: "GetTier", routes: [{ verbs: ["GET"], path: "/tiers" }], response: named("GetThingResponse"), tags: [], auth: null });
  }
  return { seed: 0, serviceName: "Things", host: "things.example.test", wireCase: "camel", types, operations };
}

/** The truth with the members of both enums split elsewhere: the first `at` rows are ThingMode's. */
function splitAt(s: TrueService, at: number): ApiModel {
  const model = structuredClone(toApiModel(s));
  const rows = [...(s.types.get("ThingMode") as TrueEnum).members, ...TIER];
  const set = (name: string, members: Members) => (model.types.find((t) => t.name === name)!.members = members.map((m) => ({ ...m })));
  set("ThingMode", rows.slice(0, at));
  set("ThingTier", rows.slice(at));
  return model;
}

const paths = (s: TrueService, rendering: "pipe" | "html", at: number) => {
  const { differences, excused } = evaluate(s, rendering, toApiModel(s), splitAt(s, at));
  return { differences: differences.map((d) => d.path).sort(), excused: excused.filter((d) => /members|member:/.test(d.path)) };
};
const BOTH = ["type:ThingMode.members", "type:ThingTier.members"];

describe("oracle: the split of run-together plain enum tables", () => {
  test("the page runs the two tables together, the boundary row unmarked", () => {
    const page = renderService(service(), "pipe")[0]!.text;
    expect(page).toContain("| Low | Low unit |\n| Blue | |\n| Archived | Archived per |\n| Unknown | |\n| Monthly | Monthly set |\n| None |\n");
  });

  test("a split no row, page or sample shows is excused, with the reason", () => {
    // after Low or after Monthly: both leave every row as printed (each table's last row has a description)
    for (const at of [1, 5]) {
      const { differences, excused } = paths(service(), "pipe", at);
      expect(differences).toEqual([]);
      expect(excused.map((d) => d.path).sort()).toEqual(BOTH);
      expect(excused[0]!.reason).toMatch(/^every page that shows Thing(Mode|Tier) \(GetThing\) is byte-identical with Thing(Mode|Tier) as read/);
    }
  });

  test("a decidable split is never excused", () => {
    // after Blue: Blue would be ThingMode's last row, printed `| Blue |` (trimmed)
    expect(paths(service(), "pipe", 2).differences).toEqual(BOTH);
    // ThingMode's last member without a description: its trimmed row `| Archived |` ends the table
    const plain = service([MODE[0]!, MODE[1]!, { name: "Archived" }]);
    expect(renderService(plain, "pipe")[0]!.text).toContain("| Archived |\n| Unknown | |");
    expect(paths(plain, "pipe", 1).differences).toEqual(BOTH);
    // another page shows ThingTier alone
    expect(paths(service(MODE, { tierAlone: true }), "pipe", 1).differences).toEqual(BOTH);
    // the request sample shows ThingTier's first member (`"tier":"Unknown"`)
    const post = service(MODE, { post: true });
    expect(renderService(post, "pipe")[0]!.text).toContain('"tier":"Unknown"');
    expect(paths(post, "pipe", 1).differences).toEqual(BOTH);
    // HTML captions every table
    expect(paths(service(), "html", 1).differences).toEqual(BOTH);
  });

  test("an undecidable split does not excuse a wrong reading of another enum on the page", () => {
    const s = service();
    const model = splitAt(s, 1);
    model.types.find((t) => t.name === "ThingTier")!.members!.push({ name: "Extra" });
    const { differences } = evaluate(s, "pipe", toApiModel(s), model);
    expect(differences.map((d) => d.path)).toContain("type:ThingTier.members");
  });
});

describe("oracle: a prop-less request read with its base's rows as its own", () => {
  // CancelThing : SignedRequest { Code, Note }, no own members: SignedRequest's table comes first, every row `form`
  function signed(): TrueService {
    const types: TrueService["types"] = new Map();
    const add = (t: Parameters<typeof types.set>[1]) => types.set(t.name, t);
    add({ kind: "class", name: "SignedRequest", properties: [{ name: "Code", type: named("long"), required: true }, { name: "Note", type: named("string"), required: false }] });
    add({ kind: "class", name: "CancelThing", base: named("SignedRequest"), properties: [] });
    add({ kind: "class", name: "CancelThingResponse", properties: [{ name: "Id", type: named("int"), required: false }] });
    const operations: TrueService["operations"] = [{ name: "CancelThing", routes: [{ verbs: ["POST"], path: "/things/cancel" }], response: named("CancelThingResponse"), tags: [], auth: null }];
    return { seed: 0, serviceName: "Things", host: "things.example.test", wireCase: "camel", types, operations };
  }
  const asOwn = (s: TrueService, param: string): ApiModel => {
    const model = structuredClone(toApiModel(s));
    const request = model.types.find((t) => t.name === "CancelThing")!;
    delete request.base;
    request.properties = model.types.find((t) => t.name === "SignedRequest")!.properties!.map((p) => ({ ...p, param }));
    return model;
  };

  test("rows `form` on a POST request's own table are [ApiMember(ParameterType=\"form\")]: the same page, excused", () => {
    const s = signed();
    const { differences, excused } = evaluate(s, "pipe", toApiModel(s), asOwn(s, "form"));
    expect(differences).toEqual([]);
    expect(excused.map((d) => d.path)).toEqual(expect.arrayContaining(["type:CancelThing.base", "type:CancelThing.prop:Code", "type:CancelThing.prop:Note"]));
  });

  test("the same rows read as `body` print another page: not excused", () => {
    const s = signed();
    const { differences } = evaluate(s, "pipe", toApiModel(s), asOwn(s, "body"));
    expect(differences.map((d) => d.path).sort()).toEqual(["type:CancelThing.base", "type:CancelThing.prop:Code", "type:CancelThing.prop:Note"]);
  });
});
