// Text-pipe: rows that most pages read as a base (named by inference) are not the table of a
// reference on a page whose readings tie (solve/base-rows.ts, spec §4.1).
import { describe, expect, it } from "vitest";
import { mergePages } from "../../src/model/merge.js";
import { preparePage } from "../../src/model/page.js";
import { solvePages } from "../../src/model/solve/index.js";
import { inferredKeys, outvotedTables } from "../../src/model/solve/base-rows.js";
import { applyAgreedNames, type NamedReading } from "../../src/model/solve/names.js";
import type { WalkResult } from "../../src/model/walk/index.js";
import { parseTextPage } from "../../src/parse/text.js";
import { PIPE_NOTES, pipeGetSample } from "../helpers/pipe-page.js";

const HEAD = ["| Name | Parameter | Data Type | Required | Description |", "|---|---|---|---|---|"];
/** The shared request base (TrackedRequest in the service; no page names it). */
const BASE_ROWS = [...HEAD, "| Height | form | int | Yes | |", "| CityVisible | form | string | No | |", "| Headline | form | string[] | Yes |"];

/** An op whose request derives from the shared base: its table follows the request's, its sample holds both. */
const basedPage = (i: number): [string, string] => [
  [
    `https://svc.example.test/json/metadata?op=ApproveThing${i}`,
    "",
    `| POST | /thing${i}s/approve |`,
    "|---|",
    ...HEAD,
    `| Note${i} | body | string | No |`,
    ...BASE_ROWS,
    ...PIPE_NOTES,
    `POST /thing${i}s/approve HTTP/1.1 `,
    "Host: svc.example.test ",
    "Accept: application/json",
    "Content-Type: application/json",
    "Content-Length: length",
    "",
    `{"note${i}":"String","height":0,"cityVisible":"String","headline":["String"]}`,
  ].join("\n"),
  `ApproveThing${i}.txt`,
];

// FindShipment60 (seed 1, 5,000 ops): `FindShipment60 : TrackedRequest` references Shipment18 {CodePhone}; the
// response {Locked, ResponseStatus} follows. Alone, the page reads as well with TrackedRequest's rows taken
// for Shipment18 and CodePhone's table for the response (a nullable member the sample leaves out) over a
// base of its own: that reading named TrackedRequest `Shipment18` on every page that shows it (600).
const FIND_SHIPMENT = [
  "https://svc.example.test/json/metadata?op=FindShipment60",
  "",
  "| GET | /shipment60s/find/{Id} |",
  "|---|",
  ...HEAD,
  "| Id | path | int | Yes | |",
  "| Due | query | int | No | |",
  "| ColorZip | query | Dictionary<string, int> | Yes | |",
  "| CityPrice | query | Shipment18 | No | Current known of unit current |",
  ...BASE_ROWS,
  ...HEAD,
  "| CodePhone | form | DateTime? | No |",
  ...HEAD,
  "| Locked | form | List<Product64> | No | |",
  "| ResponseStatus | form | ResponseStatus | No |",
  ...HEAD,
  "| StartedLabel | form | InvoiceLevel11 | No | Per in set when per only |",
  "| Name | Value | |",
  "|---|---|---|",
  "| High | high | High in |",
  "| Weekly | weekly | |",
  "| Medium | medium | |",
  "| Blue | blue |",
  ...pipeGetSample(
    "/shipment60s/find/{Id}",
    '{"locked":[{"startedLabel":"high"}],"responseStatus":{"errorCode":"String","message":"String","stackTrace":"String","errors":[{"errorCode":"String","fieldName":"String","message":"String","meta":{"String":"String"}}],"meta":{"String":"String"}}}',
  ),
].join("\n");

const solve = (pages: [string, string][]) => mergePages(solvePages(pages.map(([text, source]) => preparePage(parseTextPage(text, source)))));

describe("pipe: a tie on one page broken by the rows' reading on the others", () => {
  it("keeps the shared base a base where its rows could also be the referenced type", () => {
    const pages = [...Array.from({ length: 24 }, (_, i) => basedPage(i)), [FIND_SHIPMENT, "FindShipment60.txt"] as [string, string]];
    const model = solve(pages);
    const byName = new Map(model.types.map((t) => [t.name, t]));
    const base = byName.get("ApproveThing0")!.base!;
    expect(base).toBeDefined();
    expect(byName.get("FindShipment60")!.base).toBe(base);
    expect(byName.get(base)!.properties!.map((p) => p.name)).toEqual(["Height", "CityVisible", "Headline"]);
    expect(byName.get("Shipment18")!.properties!.map((p) => p.name)).toEqual(["CodePhone"]);
    expect(byName.get("FindShipment60Response")!.properties!.map((p) => p.name)).toEqual(["Locked", "ResponseStatus"]);
    expect(byName.get("FindShipment60Response")!.base).toBeUndefined();
  });

  it("alone, the page keeps its own reading: one page is no majority", () => {
    const model = solve([[FIND_SHIPMENT, "FindShipment60.txt"]]);
    expect(model.types.some((t) => t.name === "Shipment18")).toBe(true);
  });
});

describe("inferredKeys / outvotedTables", () => {
  const reading = (names: [string, "inferred" | "reference"][], unsure?: number[]): WalkResult =>
    ({ types: names.map(([name, from], table) => ({ model: { name, kind: "class", from }, table })), autoQuery: false, diagnostics: [], score: 0, bases: [], ...(unsure && { unsure }) }) as unknown as WalkResult;
  const keys = ["Op", "#a", "#b"];
  it("counts an inferred naming WEAK against a reference", () => {
    const many = Array.from({ length: 20 }, () => ({ keys, result: reading([["Op", "reference"], ["OpBase", "inferred"], ["X", "reference"]]) }));
    const named = { keys, result: reading([["Op", "reference"], ["Y", "reference"], ["X", "reference"]], [1]) };
    expect([...inferredKeys([...many, named])]).toEqual(["#a"]);
    expect([...inferredKeys([...many.slice(1), named])]).toEqual([]);
    expect([...outvotedTables(named, new Set(["#a"]))!]).toEqual([1]);
    // a reading without a tie on that table keeps its reference
    expect(outvotedTables({ keys, result: reading([["Op", "reference"], ["Y", "reference"]], [2]) }, new Set(["#a"]))).toBeUndefined();
  });
  it("keeps a reference whose table has its base chain after it: the type is a base elsewhere and referenced here", () => {
    // ExportRefund10, seed 5: `Title: BasketRule` took BasketRule's rows, then its base Product's, as Basket does on
    // other pages; outvoted, the request took them as its own base and BasketRule went missing from the model
    const named = { keys, result: reading([["Op", "reference"], ["Y", "reference"], ["YBase", "inferred"]], [1, 2]) };
    (named.result.types[1]!.model as { base?: string }).base = "YBase";
    expect(outvotedTables(named, new Set(["#a"]))).toBeUndefined();
  });
});

describe("applyAgreedNames: a name's own rows", () => {
  const reading = (source: string, named: [string, string, "inferred" | "reference"][]): NamedReading => ({
    source,
    keys: named.map(([key]) => key),
    result: { types: named.map(([, name, from], table) => ({ model: { name, kind: "class", from }, table })), autoQuery: false, diagnostics: [], score: 0, bases: [] } as unknown as WalkResult,
  });
  it("does not give rows a name that most pages give other rows", () => {
    const stray = reading("P1.txt", [["P1", "P1", "reference"], ["#a", "X", "reference"]]);
    const inferred = reading("P0.txt", [["P0", "P0", "reference"], ["#a", "P0Base", "inferred"]]);
    const home = [2, 3, 4].map((i) => reading(`P${i}.txt`, [[`P${i}`, `P${i}`, "reference"], ["#b", "X", "reference"]]));
    applyAgreedNames([inferred, stray, ...home]);
    expect(inferred.result.types[1]!.model.name).toBe("P0Base");
    // with only one other page naming #b X, neither is X's home: the stray naming stands
    const inferred2 = reading("P0.txt", [["P0", "P0", "reference"], ["#a", "P0Base", "inferred"]]);
    applyAgreedNames([inferred2, reading("P1.txt", [["P1", "P1", "reference"], ["#a", "X", "reference"]]), home[0]!]);
    expect(inferred2.result.types[1]!.model.name).toBe("X");
  });
});
