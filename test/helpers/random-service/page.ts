// What one op page says, independent of the rendering: its tables (the §4 walk), each row's
// Parameter column (§2.4), and the samples (§2.8). Every renderer formats this one description.
import type { AuthRequirements, Route } from "../../../src/model/types.js";
import { display } from "./csharp.js";
import { sampleRequest, sampleResponse, type SampleRequest } from "./samples.js";
import type { TrueEnumMember, TrueOperation, TrueProperty, TrueService } from "./service.js";
import { walkOperation } from "./walk.js";

export interface PageRow {
  name: string;
  param: string;
  /** Data Type as displayed (§7.1). */
  type: string;
  required: boolean;
  description?: string;
  allowableValues?: string[];
  range?: [number, number];
}

export type PageTable =
  | { kind: "params"; caption: string; rows: PageRow[] }
  | { kind: "enum"; caption: string; valued: boolean; members: TrueEnumMember[] };

export interface PageContent {
  op: TrueOperation;
  tables: PageTable[];
  request: SampleRequest;
  /** Response JSON body; undefined: no response block (void). */
  response?: string;
}

/** §2.4: the Parameter column of a request-table row. */
export function requestParam(op: TrueOperation, p: TrueProperty): string {
  if (p.paramType) return p.paramType;
  if (!op.routes.length) return "query";
  const vars = op.routes.flatMap((r) => [...r.path.matchAll(/\{([^}*]+)\*?\}/g)].map((m) => m[1]!.toLowerCase()));
  if (vars.includes(p.name.toLowerCase())) return "path";
  if (op.routes.some((r) => r.verbs !== "*" && (r.verbs.includes("POST") || r.verbs.includes("PUT")))) return "body";
  return "query";
}

export function describePage(service: TrueService, op: TrueOperation): PageContent {
  const tables: PageTable[] = walkOperation(service, op).map((entry) => {
    if (entry.type.kind === "enum") return { kind: "enum", caption: entry.caption, valued: entry.type.valued !== "none", members: entry.type.members };
    const isRequest = entry.type.name === op.name;
    return {
      kind: "params",
      caption: entry.caption,
      rows: entry.rows.map((p) => ({
        name: p.name,
        param: isRequest ? requestParam(op, p) : "form",
        type: display(p.type),
        required: p.required,
        description: p.description,
        allowableValues: p.allowableValues,
        range: p.range,
      })),
    };
  });
  return { op, tables, request: sampleRequest(service, op), response: sampleResponse(service, op) };
}

/** Label/value pairs of the auth table (real pages print them in one row). */
export function authPairs(auth: AuthRequirements): [string, string][] {
  const pairs: [string, string][] = [];
  const add = (one: string, many: string, values: string[]) => values.length && pairs.push([values.length > 1 ? many : one, values.join(", ")]);
  add("Required role:", "Required roles:", auth.roles);
  add("Required permission:", "Required permissions:", auth.permissions);
  add("Requires the role:", "Requires any of the roles:", auth.anyRoles);
  add("Requires the permission:", "Requires any of the permissions:", auth.anyPermissions);
  return pairs;
}

export const verbCell = (r: Route): string => (r.verbs === "*" ? "All Verbs" : r.verbs.join(","));

export const CALL_INFO = [
  "To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json",
  "To embed the response in a jsonp callback, append ?callback=myCallback",
];
export const SAMPLES_INTRO = "The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.";

/** The sample messages as plain text (the text renderings keep them as lines). */
export function sampleLines(service: TrueService, page: PageContent): string[] {
  const lines = [`${page.request.verb} ${page.request.url} HTTP/1.1 `, `Host: ${service.host} `, "Accept: application/json"];
  if (page.request.body !== undefined) lines.push("Content-Type: application/json", "Content-Length: length", "", page.request.body);
  if (page.response !== undefined) lines.push("HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: length", "", page.response);
  return lines;
}
