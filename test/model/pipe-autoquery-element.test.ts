// Text-pipe AutoQuery: the response is QueryResponse<A> (spec §5.3), so its `results` element is a
// sample object of the argument A, the only one the page shows (the walk gives generic arguments none).
import { describe, expect, it } from "vitest";
import { mergePages } from "../../src/model/merge.js";
import { preparePage } from "../../src/model/page.js";
import { solvePages } from "../../src/model/solve/index.js";
import { parseTextPage } from "../../src/parse/text.js";
import { pipeGetSample } from "../helpers/pipe-page.js";

const solve = (pages: [string, string][]) => mergePages(solvePages(pages.map(([text, source]) => preparePage(parseTextPage(text, source)))));

describe("pipe: an AutoQuery argument named by its Results row is checked against the results element", () => {
  // QueryFlightEntry2 (accuracy seed 3, 1,000 ops): QueryBase, then FlightEntry2 {Notes: Invoice9, ...}, its base
  // ContractNote {Title}, then Invoice9 {Target}. A generic argument was walked with no sample object, so both
  // `FlightEntry2 : <base>{Title}, Invoice9 {Target}` and `Invoice9 {Title} : <base>{Target}` cost one base, and
  // the tie order (B0 first) took the second; but the response is QueryResponse<FlightEntry2> (§5.3 AutoQuery),
  // and its `results` element holds `title` beside FlightEntry2's own keys, and `notes` holds only `target`.
  const text = [
    "https://svc.example.test/json/metadata?op=QueryFlightEntry2",
    "",
    "| GET | /flightentry2s/query |",
    "|---|",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Modified | query | bool? | No |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Skip | form | int? | No | |",
    "| Take | form | int? | No | |",
    "| OrderBy | form | string | No | |",
    "| OrderByDesc | form | string | No | |",
    "| Include | form | string | No | |",
    "| Fields | form | string | No | |",
    "| Meta | form | Dictionary<string, string> | No |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Notes | form | Invoice9 | No | |",
    "| TargetScore | form | Dictionary<string, string> | No | |",
    "| Score | form | Dictionary<string, string> | Yes |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Title | form | TimeSpan | No |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Target | form | DateTime | Yes |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Offset | form | int | No | |",
    "| Total | form | int | No | |",
    "| Results | form | List<FlightEntry2> | No | |",
    "| Meta | form | Dictionary<string, string> | No | |",
    "| ResponseStatus | form | ResponseStatus | No |",
    ...pipeGetSample("/flightentry2s/query", "{\"offset\":0,\"total\":0,\"results\":[{\"notes\":{\"target\":\"0001-01-01T00:00:00.0000000\"},\"targetScore\":{\"String\":\"String\"},\"score\":{\"String\":\"String\"},\"title\":\"PT0S\"}],\"meta\":{\"String\":\"String\"},\"responseStatus\":{\"errorCode\":\"String\",\"message\":\"String\",\"stackTrace\":\"String\",\"errors\":[{\"errorCode\":\"String\",\"fieldName\":\"String\",\"message\":\"String\",\"meta\":{\"String\":\"String\"}}],\"meta\":{\"String\":\"String\"}}}"),
    "",
  ].join("\n");

  it("reads FlightEntry2 : {Title} and Invoice9 {Target} without a base", () => {
    const api = solve([[text, "QueryFlightEntry2.txt"]]);
    const entry = api.types.find((t) => t.name === "FlightEntry2");
    expect(entry?.base).toBeDefined();
    expect(api.types.find((t) => t.name === entry?.base)?.properties?.map((p) => p.name)).toEqual(["Title"]);
    const invoice = api.types.find((t) => t.name === "Invoice9");
    expect(invoice?.base).toBeUndefined();
    expect(invoice?.properties?.map((p) => p.name)).toEqual(["Target"]);
  });
});
