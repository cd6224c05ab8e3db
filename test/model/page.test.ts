import { readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildPageModel } from "../../src/model/page.js";
import { dumpPage } from "../../src/model/dump.js";
import { parseHtmlPage } from "../../src/parse/html.js";
import { PageError, type RawPage, type RawParamsTable, type RawTable } from "../../src/model/types.js";

const SPEC = readFileSync("/work/shared/spec/metadata-format.md", "utf8");
/** The fenced block after `marker` in the spec. */
function specBlock(marker: string): string {
  const at = SPEC.indexOf(marker);
  const start = SPEC.indexOf("```", at);
  const bodyStart = SPEC.indexOf("\n", start) + 1;
  return SPEC.slice(bodyStart, SPEC.indexOf("```", bodyStart));
}
const HTML_210 = specBlock("Newlines were added between tables.");
const DUMP_210 = specBlock("Expected dump:\n```".slice(0, 14));
const DUMP_SEED = specBlock("Expected dump (drop `W_OP_NAME_GUESSED`");

function params(rows: [string, string, string][], caption?: string): RawParamsTable {
  return {
    kind: "params",
    ...(caption ? { caption } : {}),
    rows: rows.map(([name, param, type]) => ({ name, param, type, required: false })),
  };
}
const form = (...rows: [string, string][]) => params(rows.map(([n, t]) => [n, "form", t]));

function page(p: Partial<RawPage> & { tables: RawTable[] }): RawPage {
  return { source: "test.txt", layout: "text-pipe", tags: [], auth: "unknown", routes: [], complete: true, diagnostics: [], ...p };
}

export const SEED_TABLES: RawTable[] = [
  params([["EmailAddress", "body", "string"], ["ConfirmationCode", "body", "string"]]),
  form(["Data", "CognitoUser"], ["Data2", "CognitoUser"]),
  form(["Total", "int"], ["OpCode", "int"], ["ErrorText", "string"], ["RequestTime", "string"], ["ResponseTime", "string"], ["TotalExecutionTime", "string"], ["CachedResponse", "bool"]),
  form(["SessionTokens", "CognitoUserSession"], ["Device", "CognitoDevice"], ["UserID", "string"], ["Username", "string"], ["UserPool", "CognitoUserPool"], ["ClientID", "string"], ["Status", "string"], ["Attributes", "Dictionary<string, string>"], ["Settings", "Dictionary<string, string>"]),
  form(["IdToken", "string"], ["AccessToken", "string"], ["RefreshToken", "string"], ["ExpirationTime", "DateTime"], ["IssuedTime", "DateTime"]),
  form(["DeviceKey", "string"], ["DeviceAttributes", "Dictionary<string, string>"], ["CreateDate", "DateTime"], ["LastModified", "DateTime"], ["LastAuthenticated", "DateTime"], ["User", "CognitoUser"], ["GroupDeviceKey", "string"], ["DeviceSecret", "string"]),
  form(["PoolID", "string"], ["ClientID", "string"]),
];

export const SEED: RawPage = page({
  source: "seed.txt",
  format: "json",
  routes: [{ verbs: ["POST"], path: "/CognitoSendConfirmCodeRequest" }],
  tables: SEED_TABLES,
  request: {
    verb: "POST",
    url: "/CognitoSendConfirmCodeRequest",
    headers: { Host: "cdnapidev.greysheet.com", Accept: "application/json", "Content-Type": "application/json" },
    body: '{"EmailAddress":"String","ConfirmationCode":"String"}',
  },
  response: {
    status: 200,
    headers: { "Content-Type": "application/json" },
    body: '{"Total":0,"OpCode":0,"ErrorText":"String","RequestTime":"String","ResponseTime":"String","TotalExecutionTime":"String","CachedResponse":false}',
  },
});

describe("buildPageModel", () => {
  it("gives the §5.4 dump for the seed (hand-built facts)", () => {
    expect(dumpPage(buildPageModel(SEED))).toBe(DUMP_SEED);
  });

  it("drops W_OP_NAME_GUESSED when the op name is given", () => {
    const expected = DUMP_SEED.replace(/^warn W_OP_NAME_GUESSED.*\n/m, "");
    expect(dumpPage(buildPageModel(SEED, { operation: "CognitoSendConfirmCodeRequest" }))).toBe(expected);
  });

  it("gives the §2.10 dump for the §2.10 HTML page", () => {
    expect(dumpPage(buildPageModel(parseHtmlPage(HTML_210, "create-order.html")))).toBe(DUMP_210);
  });
});

describe("spec blocks", () => {
  it("are the ones meant", () => {
    expect(HTML_210.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(DUMP_210.startsWith("op CreateOrder method=POST format=json layout=html")).toBe(true);
    expect(DUMP_SEED.split("\n").length).toBeGreaterThan(40);
  });
});
