// The flat text layout (spec §5.1): cells run together, captions and headings survive.
// Params rows are split with the leftmost-keyword rule; the Data Type must parse (§7.1).
import type { Diagnostic, RawEnumMember, RawEnumTable, RawParamsTable, RawRow, Route, TypeRef } from "../model/types.js";
import { ALIASES, formatType, tryParseCSharpType } from "../csharp-type.js";
import { addAuthCells, addAuthValues, authField, emptyAuth, isVerbCell, parseVerbs, splitDescription } from "./text-cells.js";
import type { AuthRequirements } from "../model/types.js";
import { readRouteLine, splitRouteLines, type RouteLine } from "./route-split.js";

export interface TextLine {
  text: string;
  /** 1-based line number in the input. */
  no: number;
}

export interface FlatResult {
  opName?: string;
  serviceName?: string;
  tags: string[];
  description?: string;
  /** undefined when the top of the page (back link) is missing, so "no auth" cannot be told. */
  auth?: AuthRequirements | null;
  routes: Route[];
  tables: (RawParamsTable | RawEnumTable)[];
  diagnostics: Diagnostic[];
}

export const FLAT_PARAMS_HEADER = "NameParameterData TypeRequiredDescription";
const BACK_LINK = "<back to all web services";
const ROUTES_CAPTION = "The following routes are available for this service:";
const AUTH_CAPTION = "Requires Authentication";
/** Lines that continue a description cell rather than start a row. */
const FLAT_CONTINUATION = /^(?:[*\u2022\u00b7-]\s|Allowable Values\b|Valid Range:)/;

export function isFlatCaption(line: string): "params" | "enum" | undefined {
  if (line.length > 1 && line.endsWith(" Parameters:")) return "params";
  if (line.length > 1 && line.endsWith(" Enum:")) return "enum";
  return undefined;
}

/** Signs that a table zone is in the flat layout. */
export function looksFlat(lines: TextLine[]): boolean {
  return lines.some((l) => {
    const t = untab(l.text);
    return t === FLAT_PARAMS_HEADER || t === BACK_LINK || t === ROUTES_CAPTION || isFlatCaption(t) !== undefined;
  });
}

/**
 * A page copied from a browser keeps the flat layout's captions and headings but separates table
 * cells with tabs: those rows split exactly, with no need for the leftmost-keyword rule.
 */
function tabCells(line: string): string[] | undefined {
  return line.includes("\t") ? line.split("\t").map((c) => c.trim()) : undefined;
}

/** The line with its cell separators removed, as the flat layout prints it. */
function untab(line: string): string {
  return line.replace(/\t+/g, "").trim();
}

const PARAM_KEYWORDS = ["path", "query", "body", "form", "header"] as const;
const MAX_NAME = 128;
const MAX_TYPE = 200;
const IDENT_CHAR = /[A-Za-z0-9_]/;

interface FlatSplit {
  name: string;
  param: string;
  type: string;
  required: boolean;
  rest?: string;
}

function typeStartsWell(type: string): boolean {
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(type);
  if (!m) return false;
  return /^[A-Z]/.test(m[0]) || ALIASES.has(m[0]);
}

function validType(type: string): boolean {
  // blanks only where pages print them: after `,` or `<`, before `>`
  if (/\s/.test(type.replace(/([,<])\s+/g, "$1").replace(/\s+>/g, ">"))) return false;
  return typeStartsWell(type) && tryParseCSharpType(type) !== undefined;
}

/** Every reading of a flat params row, leftmost keyword first. Bounded work per row. */
export function flatRowSplits(line: string, requestTable: boolean): FlatSplit[] {
  const keywords = requestTable ? PARAM_KEYWORDS : (["form"] as const);
  const out: FlatSplit[] = [];
  if (!/^[A-Za-z_]/.test(line)) return out;
  const identEnd = Math.min(line.length, MAX_NAME + 1);
  for (let i = 1; i < identEnd && IDENT_CHAR.test(line[i - 1]!); i++) {
    for (const kw of keywords) {
      if (!line.startsWith(kw, i)) continue;
      const t = i + kw.length;
      const split = typeAndRequired(line, t);
      if (split) out.push({ name: line.slice(0, i), param: kw, ...split });
    }
  }
  return out;
}

function typeAndRequired(line: string, t: number): Omit<FlatSplit, "name" | "param"> | undefined {
  // Row-final Yes/No: an empty description.
  for (const word of ["Yes", "No"]) {
    const e = line.length - word.length;
    if (e > t && e - t <= MAX_TYPE && line.endsWith(word) && validType(line.slice(t, e))) {
      return { type: line.slice(t, e), required: word === "Yes" };
    }
  }
  const limit = Math.min(line.length, t + MAX_TYPE + 1);
  for (let j = t + 1; j < limit; j++) {
    const word = line.startsWith("Yes", j) ? "Yes" : line.startsWith("No", j) ? "No" : undefined;
    if (!word) continue;
    const type = line.slice(t, j);
    if (validType(type)) {
      const rest = line.slice(j + word.length).trim();
      return { type, required: word === "Yes", ...(rest ? { rest } : {}) };
    }
  }
  return undefined;
}

/** Replaces a type name everywhere in a display type (for valued enums typed as string). */
function substitute(ref: TypeRef, name: string): TypeRef {
  switch (ref.kind) {
    case "named":
      if (ref.name === name && ref.args.length === 0) return { kind: "named", name: "string", args: [] };
      return { kind: "named", name: ref.name, args: ref.args.map((a) => substitute(a, name)) };
    case "array":
      return { kind: "array", element: substitute(ref.element, name) };
    case "nullable": {
      const inner = substitute(ref.inner, name);
      return inner.kind === "named" && inner.name === "string" ? inner : { kind: "nullable", inner };
    }
  }
}

/**
 * Parses the table zone of a flat page. `sampleKeys` (lower case, `_` removed) settle rows with
 * more than one reading; `truncatedAtEnd` says the last line may be cut.
 */
export function parseFlatZone(
  lines: TextLine[],
  opNameHint: string | undefined,
  sampleKeys: ReadonlySet<string>,
  samplePath?: string,
): FlatResult {
  const routeLines: RouteLine[] = [];
  const res: FlatResult = { tags: [], routes: [], tables: [], diagnostics: [] };
  type Mode = "start" | "heading" | "auth" | "routes" | "params" | "enum";
  let mode: Mode = "start";
  let sawBackLink = false;
  let auth: AuthRequirements | undefined;
  let headingLines: string[] = [];
  const preBack: string[] = [];
  let params: RawParamsTable | undefined;
  let en: RawEnumTable | undefined;
  const valuedEnums: { name: string; line: number }[] = [];
  let opName = opNameHint;

  const closeHeading = () => {
    if (mode !== "heading") return;
    // The first heading line is the <h2> op name; one-word lines are tags; the rest the description.
    const [h2, ...more] = headingLines;
    if (h2 && res.opName === undefined) {
      res.opName = h2;
      opName ??= h2;
    }
    const desc: string[] = [];
    for (const l of more) {
      if (desc.length === 0 && !/\s/.test(l)) res.tags.push(l);
      else desc.push(l);
    }
    if (desc.length) res.description = desc.join("\n");
    headingLines = [];
  };

  let cont: { row: RawRow; text: string; inList: boolean } | undefined;
  for (const { text: raw, no } of lines) {
    let line = raw.trim();
    if (!line) continue;
    if (line.startsWith(ROUTES_CAPTION) && line.length > ROUTES_CAPTION.length) {
      // the routes caption glued to its first route (§5.1)
      closeHeading();
      mode = "routes";
      line = line.slice(ROUTES_CAPTION.length).trim();
    }
    const gluedHeader = line.endsWith(` Parameters:${FLAT_PARAMS_HEADER}`);
    if (gluedHeader) line = line.slice(0, -FLAT_PARAMS_HEADER.length);
    if (mode !== "params") cont = undefined;
    if (line === BACK_LINK) {
      sawBackLink = true;
      mode = "heading";
      continue;
    }
    if (line === AUTH_CAPTION) {
      closeHeading();
      auth ??= emptyAuth();
      mode = "auth";
      continue;
    }
    const colon = line.indexOf(":");
    const field = line.startsWith("Require") && colon > 0 ? authField(line.slice(0, colon + 1)) : undefined;
    if (field && (mode === "auth" || mode === "heading" || mode === "start")) {
      closeHeading();
      auth ??= emptyAuth();
      const cells = tabCells(line);
      // a copied page keeps the cell pairs of the one auth row; a flat one runs them together
      if (cells) addAuthCells(auth, cells);
      else addAuthValues(auth, field, line.slice(colon + 1));
      mode = "auth";
      continue;
    }
    if (line === ROUTES_CAPTION) {
      closeHeading();
      mode = "routes";
      continue;
    }
    const caption = isFlatCaption(line);
    if (caption) {
      closeHeading();
      const name = line.slice(0, line.length - (caption === "params" ? " Parameters:" : " Enum:").length).trim();
      if (caption === "params") {
        params = { kind: "params", caption: name, rows: [] };
        res.tables.push(params);
        mode = "params";
      } else {
        en = { kind: "enum", caption: name, valued: false, members: [] };
        res.tables.push(en);
        mode = "enum";
      }
      continue;
    }
    switch (mode) {
      case "start":
        preBack.push(line);
        break;
      case "heading":
        headingLines.push(line);
        break;
      case "auth":
        break;
      case "routes": {
        const cells = tabCells(line);
        if (cells && isVerbCell(cells[0]!) && cells[1]?.startsWith("/")) {
          const route: Route = { verbs: parseVerbs(cells[0]!), path: cells[1] };
          if (cells[2]) route.summary = cells[2];
          if (cells[3]) route.notes = cells[3];
          res.routes.push(route);
          break;
        }
        const routeLine = readRouteLine(line, no);
        if (routeLine) routeLines.push(routeLine);
        break;
      }
      case "params": {
        if (untab(line) === FLAT_PARAMS_HEADER) break;
        const cells = tabCells(line);
        if (cells) {
          const row = readTabRow(cells, no, res.diagnostics);
          if (row) params!.rows.push(row);
          break;
        }
        const isRequest = opName !== undefined ? params!.caption!.toLowerCase() === opName.toLowerCase() : true;
        if (cont && (FLAT_CONTINUATION.test(line) || (cont.inList && flatRowSplits(line, isRequest).length === 0))) {
          // a description cell broken over lines: `Allowable Values`, then one value per line (§5.1)
          cont.text = `${cont.text}\n${line}`;
          if (/^Allowable Values\b/.test(line)) cont.inList = true;
          delete cont.row.description;
          delete cont.row.allowableValues;
          delete cont.row.range;
          Object.assign(cont.row, splitDescription(cont.text));
          break;
        }
        const row = readFlatRow(line, isRequest, sampleKeys, no, res.diagnostics);
        cont = undefined;
        if (row) {
          params!.rows.push(row);
          cont = { row, text: row.rest ?? "", inList: /Allowable Values\b/.test(row.rest ?? "") };
          delete row.rest;
        }
        break;
      }
      case "enum": {
        const cells = tabCells(line);
        if (untab(line) === "NameValue" || line === "Name Value") {
          en!.valued = true;
          // copied pages keep the cell boundary, so their Value column can be read
          if (!cells) valuedEnums.push({ name: en!.caption!, line: no });
          break;
        }
        if (cells) {
          const [name = "", second, third] = cells;
          const member: RawEnumMember = { name };
          const description = en!.valued ? third : second;
          if (en!.valued && second) member.value = second;
          if (description) member.description = description;
          if (name) en!.members.push(member);
          break;
        }
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line);
        if (!m) {
          res.diagnostics.push({ code: "W_FLAT_SPLIT", detail: `line ${no}: enum row "${clip(line)}" has no member name` });
          break;
        }
        if (m[0].length !== line.length) {
          res.diagnostics.push({
            code: "W_FLAT_SPLIT",
            detail: `line ${no}: enum row "${clip(line)}" runs into its description; member read as ${m[0]}`,
          });
        }
        en!.members.push({ name: m[0] });
        break;
      }
    }
  }
  closeHeading();
  if (routeLines.length) {
    const propertyNames = new Set(res.tables.flatMap((t) => (t.kind === "params" ? t.rows.map((r) => r.name.toLowerCase()) : [])));
    res.routes.push(...splitRouteLines(routeLines, { samplePath, propertyNames }, res.diagnostics));
  }

  // Valued enum rows cannot be split (name and value run together): type the enum as string.
  for (const v of valuedEnums) {
    res.tables = res.tables.filter((t) => !(t.kind === "enum" && t.caption === v.name));
    for (const t of res.tables) {
      if (t.kind !== "params") continue;
      for (const row of t.rows) {
        const ref = tryParseCSharpType(row.type);
        if (!ref) continue;
        const changed = formatType(substitute(ref, v.name));
        if (changed !== formatType(ref)) row.type = changed;
      }
    }
    res.diagnostics.push({
      code: "W_FLAT_SPLIT",
      detail: `line ${v.line}: valued enum ${v.name} cannot be split into names and values; typed as string`,
    });
  }

  if (preBack.length && sawBackLink) res.serviceName = preBack[0];
  res.auth = auth ?? (sawBackLink ? null : undefined);
  return res;
}

function readFlatRow(
  line: string,
  isRequest: boolean,
  sampleKeys: ReadonlySet<string>,
  no: number,
  diagnostics: Diagnostic[],
): (RawRow & { rest?: string }) | undefined {
  const splits = flatRowSplits(line, isRequest);
  if (splits.length === 0) {
    diagnostics.push({ code: "W_FLAT_SPLIT", detail: `line ${no}: cannot split params row "${clip(line)}"; row skipped` });
    return undefined;
  }
  let pick = splits[0]!;
  if (splits.length > 1) {
    const known = splits.filter((s) => sampleKeys.has(s.name.toLowerCase()));
    if (known.length === 1) pick = known[0]!;
    else if (known.length !== 1 && !splits.every((s) => s.name === pick.name && s.type === pick.type)) {
      diagnostics.push({
        code: "W_FLAT_SPLIT",
        detail: `line ${no}: params row "${clip(line)}" splits ${splits.length} ways; took name ${pick.name}`,
      });
    }
  }
  const row: RawRow & { rest?: string } = { name: pick.name, param: pick.param, type: pick.type, required: pick.required };
  Object.assign(row, splitDescription(pick.rest));
  if (pick.rest !== undefined) row.rest = pick.rest;
  return row;
}

function readTabRow(cells: string[], no: number, diagnostics: Diagnostic[]): RawRow | undefined {
  const [name = "", param = "", type = "", required = "", ...rest] = cells;
  if (!name || !param || !type || (required !== "Yes" && required !== "No")) {
    diagnostics.push({ code: "W_FLAT_SPLIT", detail: `line ${no}: params row "${clip(cells.join(" "))}" lacks cells; row skipped` });
    return undefined;
  }
  const row: RawRow = { name, param, type, required: required === "Yes" };
  Object.assign(row, splitDescription(rest.join(" ").trim() || undefined));
  return row;
}

export function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
