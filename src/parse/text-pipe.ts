// The pipe text layout's table zone (spec §5.2 rules 2-3): line classes, captions, params/enum rows.
import type { AuthRequirements, Diagnostic, RawEnumTable, RawParamsTable, RawRow, RawTable, Route } from "../model/types.js";
import { addAuthCells, authField, emptyAuth, isSepCells, isVerbCell, parseVerbs, splitDescription, splitPipeCells } from "./text-cells.js";
import { clip, type TextLine } from "./text-flat.js";

/** Without an Options header, the lang page's rows are the leading run of pipe lines. */
export function firstPipeRun(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const l of lines) {
    const t = l.text.trim();
    if (t === "") continue;
    if (!t.includes("|")) break;
    out.push(l);
  }
  return out;
}

interface PipeResult {
  routes: Route[];
  auth?: AuthRequirements;
  tables: RawTable[];
  diagnostics: Diagnostic[];
  /** Saw a line only a metadata page has (params/enum header, route or auth row). */
  structural: boolean;
}

type LineClass = "sep" | "params-header" | "enum-header" | "route" | "auth" | "row";

export function classify(cells: string[]): LineClass {
  if (isSepCells(cells)) return "sep";
  if (
    cells.length === 5 &&
    cells[0] === "Name" &&
    cells[1] === "Parameter" &&
    cells[2] === "Data Type" &&
    cells[3] === "Required" &&
    cells[4] === "Description"
  ) {
    return "params-header";
  }
  if ((cells.length === 2 || (cells.length === 3 && cells[2] === "")) && cells[0] === "Name" && cells[1] === "Value") {
    return "enum-header";
  }
  if (cells.length >= 2 && cells[1]!.startsWith("/") && isVerbCell(cells[0]!)) return "route";
  if (cells[0]!.startsWith("Require") && cells[0]!.endsWith(":")) return "auth";
  return "row";
}

/**
 * The pipe layout's table zone (§5.2 rules 2-3). `routesOnly` (lang pages) keeps route and auth
 * rows and ignores everything else.
 */
export function parsePipeZone(lines: TextLine[], routesOnly: boolean): PipeResult {
  const res: PipeResult = { routes: [], tables: [], diagnostics: [], structural: false };
  type Open =
    | { kind: "params"; table: RawParamsTable }
    | { kind: "valued"; table: RawEnumTable }
    | { kind: "plain"; table: RawEnumTable; rows: string[][] };
  let open: Open | undefined;

  const close = () => {
    if (open?.kind === "plain") checkPlainBoundary(open.table, open.rows, res.diagnostics);
    open = undefined;
  };
  const bad = (no: number, why: string) => res.diagnostics.push({ code: "W_BAD_ROW", detail: `line ${no}: ${why}; row skipped` });

  let caption: string | undefined;
  // a description cell broken over several lines (Allowable Values as bullets, §5.1)
  let cont: { row: RawRow; text: string; open: boolean } | undefined;
  for (const { text, no } of lines) {
    let t = text.trim();
    if (t === "") continue;
    // a caption kept by the renderer, maybe glued to the row that follows it (§5.1)
    const glued = gluedCaption(t);
    if (glued) {
      if (glued.caption !== undefined) {
        close();
        cont = undefined;
        caption = glued.caption;
      }
      if (glued.routes) res.structural = true;
      t = glued.rest;
      if (t === "") continue;
    }
    if (open?.kind === "params" && cont && isContinuation(t, cont.open)) {
      const piece = cont.open && t.endsWith("|") ? t.slice(0, -1) : t;
      cont.text = `${cont.text}\n${piece.trim()}`;
      if (cont.open && t.endsWith("|")) cont.open = false;
      delete cont.row.description;
      delete cont.row.allowableValues;
      delete cont.row.range;
      Object.assign(cont.row, splitDescription(cont.text));
      continue;
    }
    cont = undefined;
    if (open?.kind === "plain" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t)) {
      // the last row of a plain enum printed without cell separators: the member alone
      open.table.members.push({ name: t });
      close();
      continue;
    }
    if (!t.includes("|")) {
      // headings or stray text separate tables
      close();
      caption = undefined;
      continue;
    }
    const cells = splitPipeCells(t);
    if (cells.length === 1 && cells[0] === "Requires Authentication") {
      // the auth caption, when a renderer kept it as a row: authentication without role lists
      close();
      res.structural = true;
      res.auth ??= emptyAuth();
      continue;
    }
    const cls = classify(cells);
    switch (cls) {
      case "sep":
        continue;
      case "route": {
        close();
        res.structural = true;
        const route: Route = { verbs: parseVerbs(cells[0]!), path: cells[1]! };
        if (cells[2]) route.summary = cells[2];
        if (cells[3]) route.notes = cells[3];
        res.routes.push(route);
        continue;
      }
      case "auth": {
        close();
        const field = authField(cells[0]!);
        if (!field) {
          res.diagnostics.push({ code: "W_BAD_ROW", detail: `line ${no}: unknown auth label "${clip(cells[0]!)}"; row skipped` });
          continue;
        }
        res.structural = true;
        res.auth ??= emptyAuth();
        for (const label of addAuthCells(res.auth, cells)) {
          res.diagnostics.push({ code: "W_BAD_ROW", detail: `line ${no}: unknown auth label "${clip(label)}"` });
        }
        continue;
      }
    }
    if (routesOnly) continue;
    if (cls === "params-header") {
      close();
      res.structural = true;
      const table: RawParamsTable = { kind: "params", rows: [] };
      if (caption !== undefined) table.caption = caption;
      caption = undefined;
      res.tables.push(table);
      open = { kind: "params", table };
      continue;
    }
    if (cls === "enum-header") {
      close();
      res.structural = true;
      const table: RawEnumTable = { kind: "enum", valued: true, members: [] };
      if (caption !== undefined) table.caption = caption;
      caption = undefined;
      res.tables.push(table);
      open = { kind: "valued", table };
      continue;
    }
    // cls === "row"
    const n = cells.length;
    if (open?.kind === "params") {
      if (n >= 4) {
        const row = readParamsRow(cells, no, res.diagnostics);
        if (row) {
          open.table.rows.push(row);
          // a row line that starts with `|` but does not end with one leaves its last cell open
          cont = { row, text: rowDescriptionText(cells), open: t.startsWith("|") && !t.endsWith("|") };
        }
        continue;
      }
      if (n === 3) {
        bad(no, `params row has 3 cells, expected 4-5 (Name | Parameter | Data Type | Required | Description)`);
        continue;
      }
      close();
    } else if (open?.kind === "valued") {
      if ((n === 2 || n === 3) && cells[1] !== "") {
        const member = { name: cells[0]!, value: cells[1]!, ...(cells[2] ? { description: cells[2] } : {}) };
        open.table.members.push(member);
        // the trimmed last row (no description cell) ends the table
        if (n === 2) close();
        continue;
      }
      close();
    }
    if (n >= 3) {
      bad(no, `${n}-cell row outside a params or valued enum table`);
      continue;
    }
    if (cells[0] === "") {
      bad(no, "enum row without a member name");
      continue;
    }
    if (open?.kind !== "plain") {
      close();
      const table: RawEnumTable = { kind: "enum", valued: false, members: [] };
      if (caption !== undefined) table.caption = caption;
      caption = undefined;
      res.tables.push(table);
      open = { kind: "plain", table, rows: [] };
    }
    open.table.members.push({ name: cells[0]!, ...(cells[1] ? { description: cells[1] } : {}) });
    open.rows.push(cells);
    // a 1-cell row is a table's trimmed last row: the next row starts another table
    if (n === 1) close();
  }
  close();
  return res;
}

const ROUTES_CAPTION = "The following routes are available for this service:";
/** `Order Parameters:`, `Title Enum:` with the caption's type name (display grammar, no cell separator). */
const CAPTION = /^([A-Za-z_][A-Za-z0-9_.]*(?:\s*<[A-Za-z0-9_.,<>\s[\]?]*>)?) (Parameters|Enum):\s*/;

/** A caption or the routes caption at the start of a line, and the row glued after it. */
function gluedCaption(line: string): { caption?: string; routes?: boolean; rest: string } | undefined {
  if (line.startsWith(ROUTES_CAPTION)) return { routes: true, rest: line.slice(ROUTES_CAPTION.length).trim() };
  if (line.length > 400) return undefined;
  const m = CAPTION.exec(line);
  if (!m) return undefined;
  return { caption: m[1]!.replace(/\s+/g, ""), rest: line.slice(m[0].length).trim() };
}

const BULLET = /^(?:[*\u2022\u00b7-]\s|Allowable Values\b|Valid Range:)/;

/** A line that continues the previous row's description cell rather than starting a row. */
function isContinuation(line: string, cellOpen: boolean): boolean {
  // a line that is itself a row (or a header or separator) starts anew, even after an open cell
  if (line.startsWith("|") && splitPipeCells(line).length >= 4) return false;
  if (isSepCells(splitPipeCells(line))) return false;
  if (cellOpen) return true;
  return BULLET.test(line) && splitPipeCells(line).length < 3;
}

/** The raw Description text of a params row's cells (everything from cell 5 on). */
function rowDescriptionText(cells: string[]): string {
  let last = cells.length;
  while (last > 5 && cells[last - 1] === "") last--;
  return last > 5 ? cells.slice(4, last).join(" | ") : (cells[4] ?? "");
}

/** Rows with a description keep both cells even when last, hiding where adjacent plain enums split. */
function checkPlainBoundary(table: RawEnumTable, rows: string[][], diagnostics: Diagnostic[]): void {
  if (rows.slice(0, -1).some((r) => (r[1] ?? "") !== "")) {
    diagnostics.push({
      code: "W_ENUM_BOUNDARY",
      detail: `plain enum table starting with ${table.members[0]?.name ?? "?"}: described rows hide any boundary between adjacent enum tables`,
    });
  }
}

function readParamsRow(cells: string[], no: number, diagnostics: Diagnostic[]) {
  const [name, param, type, required] = cells as [string, string, string, string];
  if (!name || !param || !type) {
    diagnostics.push({ code: "W_BAD_ROW", detail: `line ${no}: params row with an empty Name, Parameter or Data Type cell; row skipped` });
    return undefined;
  }
  const req = required.toLowerCase();
  if (req !== "yes" && req !== "no") {
    diagnostics.push({ code: "W_BAD_ROW", detail: `line ${no}: Required cell "${clip(required)}" is not Yes or No; read as No` });
  }
  let last = cells.length;
  while (last > 5 && cells[last - 1] === "") last--;
  const description = last > 5 ? cells.slice(4, last).join(" | ") : cells[4];
  return { name, param, type, required: req === "yes", ...splitDescription(description) };
}
