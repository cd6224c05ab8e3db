// Text-pipe: a type whose base was shown earlier on the page (so no base table follows it) carries that
// base's members in its sample objects (spec §4.1, chain-check.ts seenBase), as on captioned pages.
import { describe, expect, it } from "vitest";
import { mergePages } from "../../src/model/merge.js";
import { preparePage } from "../../src/model/page.js";
import { solvePages } from "../../src/model/solve/index.js";
import { parseTextPage } from "../../src/parse/text.js";
import { pipeGetSample } from "../helpers/pipe-page.js";

const solve = (pages: [string, string][]) => mergePages(solvePages(pages.map(([text, source]) => preparePage(parseTextPage(text, source)))));

describe("pipe: a base seen earlier on the page explains the derived type's sample keys", () => {
  // CreateContractOption (oracle-survey chains seed 1663025884): `Locked: DeviceStat`, DeviceStat : ContractOption,
  // whose table came earlier (the request's `Color` references it), so DeviceStat's table {ZipColor} has no base
  // table after it, but `locked` holds ContractOption's keys. Counted against DeviceStat's rows alone that was a
  // C2 failure, so the walk read DeviceStat's table as the response's base and left DeviceStat tableless
  // (`CreateContractOptionResponse : DeviceStat`, DeviceStat with no base).
  const text = [
    "https://svc.example.test/json/metadata?op=CreateContractOption",
    "",
    "| GET,POST | /contractoptions/create | | |",
    "|---|",
    "| All Verbs | /v2/contractoptions/create |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Created | body | string | Yes | |",
    "| Color | body | Dictionary<string, ContractOption> | No | |",
    "| Comment | body | decimal? | No | |",
    "| OwnerZip | body | List<int> | Yes | Record and |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Code | form | int? | No | |",
    "| Total | form | FlightLevel | Yes | |",
    "| Ended | form | List<string> | Yes | |",
    "| LabelStarted | form | int | No | |",
    "| EnabledTotal | form | Dictionary<string, List<Int32>> | No |",
    "| Green | |",
    "| Archived | |",
    "| Medium | |",
    "| Urgent |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| CodeHeight | form | decimal? | No | |",
    "| AntibodyPhone | form | List<FlightLevel> | No | |",
    "| Locked | form | DeviceStat | No | |",
    "| ResponseStatus | form | ResponseStatus | No |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| ZipColor | form | DeviceStat | Yes |",
    "To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json",
    "To embed the response in a jsonp callback, append ?callback=myCallback",
    "The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.",
    "POST /contractoptions/create HTTP/1.1 ",
    "Host: svc.example.test ",
    "Accept: application/json",
    "Content-Type: application/json",
    "Content-Length: length",
    "",
    "{\"created\":\"String\",\"color\":{\"String\":{\"total\":\"Green\",\"ended\":[\"String\"],\"labelStarted\":0,\"enabledTotal\":{\"String\":[0]}}},\"ownerZip\":[0]}",
    "HTTP/1.1 200 OK",
    "Content-Type: application/json",
    "Content-Length: length",
    "",
    "{\"antibodyPhone\":[\"Green\"],\"locked\":{\"total\":\"Green\",\"ended\":[\"String\"],\"labelStarted\":0,\"enabledTotal\":{\"String\":[0]}},\"responseStatus\":{\"errorCode\":\"String\",\"message\":\"String\",\"stackTrace\":\"String\",\"errors\":[{\"errorCode\":\"String\",\"fieldName\":\"String\",\"message\":\"String\",\"meta\":{\"String\":\"String\"}}],\"meta\":{\"String\":\"String\"}}}",
    "",
  ].join("\n");

  it("reads DeviceStat's own table, DeviceStat : ContractOption and a response without a base", () => {
    const api = solve([[text, "CreateContractOption.txt"]]);
    expect(api.types.find((t) => t.name === "CreateContractOptionResponse")?.base).toBeUndefined();
    const stat = api.types.find((t) => t.name === "DeviceStat");
    expect(stat?.base).toBe("ContractOption");
    expect(stat?.properties?.map((p) => p.name)).toEqual(["ZipColor"]);
  });
});

describe("pipe: only a named table explains another type's sample keys as its seen base", () => {
  // everything seed 16 (oracle-survey seed 99): on ApproveRefundRecord the table of ClaimLink's base RefundRecord
  // follows ClaimLink's. Read instead as the request's base with an inferred name (`ApproveRefundRecordBase`,
  // no request sample to check it), its rows explained `quantity`'s key `totalPlatform` as a base seen earlier,
  // and that reading tied with the true one; then SearchRefundRecord read `SearchRefundRecord : ClaimLink`.
  // A name the walk inferred for a table is no evidence that the type it explains derives from it.
  const approve = [
    "https://svc.example.test/json/metadata?op=ApproveRefundRecord",
    "",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Id | query | int | Yes | |",
    "| Quantity | query | ClaimLink | No | |",
    "| Visible | query | DateTime | No | This value set display |",
    "| AntibodyTitle | query | List<string> | No | |",
    "| Antibody | query | Dictionary<string, List<Int32>> | No |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| TotalPlatform | form | RefundRecord | No |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| PhoneTarget | form | LedgerKind | No | If only and |",
    "| HeightModified | form | Dictionary<string, ClaimLink> | No | This when & more |",
    "| Width | form | string | Yes | |",
    "| Label | form | ClaimLink | No | |",
    "| StartedPlatform | form | ClaimLink[] | No |",
    "| Red | Red used |",
    "| Green | |",
    "| Archived | |",
    "| None | None when |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Headline | form | List<int> | No | |",
    "| ResponseStatus | form | ResponseStatus | No |",
    "To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json",
    "To embed the response in a jsonp callback, append ?callback=myCallback",
    "The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.",
    "POST /json/reply/ApproveRefundRecord HTTP/1.1 ",
    "Host: svc.example.test ",
    "Accept: application/json",
    "Content-Type: application/json",
    "Content-Length: length",
    "",
    "{\"id\":0,\"quantity\":{\"totalPlatform\":{\"phoneTarget\":\"Red\",\"width\":\"String\"},\"phoneTarget\":\"Red\",\"width\":\"String\"},\"visible\":\"0001-01-01T00:00:00.0000000\",\"antibodyTitle\":[\"String\"],\"antibody\":{\"String\":[0]}}",
    "HTTP/1.1 200 OK",
    "Content-Type: application/json",
    "Content-Length: length",
    "",
    "{\"headline\":[0],\"responseStatus\":{\"errorCode\":\"String\",\"message\":\"String\",\"stackTrace\":\"String\",\"errors\":[{\"errorCode\":\"String\",\"fieldName\":\"String\",\"message\":\"String\",\"meta\":{\"String\":\"String\"}}],\"meta\":{\"String\":\"String\"}}}",
    "",
  ].join("\n");
  const search = [
    "https://svc.example.test/json/metadata?op=SearchRefundRecord",
    "",
    "| GET | /refundrecords/search/{Id} |",
    "|---|",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| Id | path | int | No | |",
    "| Country | query | decimal? | No | |",
    "| Notes | query | List<int> | No |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| TotalPlatform | form | RefundRecord | No |",
    "| Name | Parameter | Data Type | Required | Description |",
    "|---|---|---|---|---|",
    "| PhoneTarget | form | LedgerKind | No | If only and |",
    "| HeightModified | form | Dictionary<string, ClaimLink> | No | This when & more |",
    "| Width | form | string | Yes | |",
    "| Label | form | ClaimLink | No | |",
    "| StartedPlatform | form | ClaimLink[] | No |",
    "| Red | Red used |",
    "| Green | |",
    "| Archived | |",
    "| None | None when |",
    ...pipeGetSample("/refundrecords/search/{Id}", "{\"totalPlatform\":{\"phoneTarget\":\"Red\",\"width\":\"String\"},\"phoneTarget\":\"Red\",\"width\":\"String\"}"),
    "",
  ].join("\n");

  it("reads SearchRefundRecord without a base, returning ClaimLink : RefundRecord", () => {
    const api = solve([
      [approve, "ApproveRefundRecord.txt"],
      [search, "SearchRefundRecord.txt"],
    ]);
    expect(api.types.find((t) => t.name === "SearchRefundRecord")?.base).toBeUndefined();
    expect(api.types.find((t) => t.name === "ClaimLink")?.base).toBe("RefundRecord");
    expect(api.operations.find((o) => o.name === "SearchRefundRecord")?.response).toBe("ClaimLink");
  });
});
