// The flat text layout (spec §5.1): cells run together, captions and headings survive.
// Params rows are split with the leftmost-keyword rule; the Data Type must parse (§7.1).
import type { Diagnostic, RawEnumMember, RawEnumTable, RawParamsTable, RawRow, Route, TypeRef } from "../model/types.js";
import { formatType, tryParseCSharpType } from "../csharp-type.js";
import { addAuthCells, addAuthValues, authField, emptyAuth, isVerbCell, parseVerbs, splitDescription } from "./text-cells.js";
import type { AuthRequirements } from "../model/types.js";
import { readRouteLine, splitRouteLines, type RouteLine } from "./route-split.js";
import { splitFirstPlainRow, splitValuedEnumRow } from "./text-flat-enum.js";
import { chooseSplit, flatRowSplits, type FlatSplit, type RouteFacts, type RowContext } from "./text-flat-rows.js";

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
/** The language names of the nav (§2.1 piece 5), in any order, run together or not. */
const LANG_LABEL = "(?:C#|JavaScript|TypeScript|Dart|Java|Kotlin|Python|PHP|Swift|VB\\.NET|F#|Go|Rust|Ruby|Zig)";
/** The language nav of current pages as text: `Metadata` then the language names, run together or not. */
export const LANG_NAV = new RegExp(`^Metadata(?:[\\s|]*${LANG_LABEL})+[\\s|]*$`);
const LANG_LABELS = new RegExp(`^(?:[\\s|]*${LANG_LABEL})+[\\s|]*$`);

/**
 * Indexes of the lines that print the language nav: `MetadataC#TypeScript…` on one line, or
 * `Metadata` and the language names on the lines after it (one link per line).
 */
function navLines(lines: readonly TextLine[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const t = untab(lines[i]!.text);
    if (t.length > 400 || !(LANG_NAV.test(t) || (t === "Metadata" && LANG_LABELS.test(untab(lines[i + 1]?.text ?? ""))))) continue;
    out.add(i);
    while (i + 1 < lines.length && untab(lines[i + 1]!.text).length < 400 && LANG_LABELS.test(untab(lines[i + 1]!.text))) out.add(++i);
  }
  return out;
}

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

/** Replaces a type name everywhere in a display type (for valued enums typed as string). */
function substitute(ref: TypeRef, name: string): TypeRef {
  switch (ref.kind) {
    case "named":
      if (ref.name === name && ref.args.length === 0) return { kind: "named", name: "string", args: [] };
      return { kind: "named", name: ref.name, args: ref.args.map((a) => substitute(a, name)) };
    case "array":
      return { kind: "array", element: substitute(ref.element, name) };
    case "nullable":
      // `Tier?` stays nullable (`string?`): the sample omits a null member, so it must not become a required key (§5.3 C1)
      return { kind: "nullable", inner: substitute(ref.inner, name) };
  }
}

/** What the page's samples tell the flat split. */
export interface FlatSamples {
  /** Sample keys, lower case, `_` removed: they settle rows with more than one reading. */
  keys: ReadonlySet<string>;
  /** Path of the sample request line: it settles where a route's path ends. */
  path?: string;
  /** Scalar sample values by key (text-flat-enum.ts): the first member of an enum shows there. */
  values?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Parses the table zone of a flat page; the samples settle rows with more than one reading.
 */
export function parseFlatZone(lines: TextLine[], opNameHint: string | undefined, samples: FlatSamples): FlatResult {
  const { keys: sampleKeys, path: samplePath } = samples;
  const routeLines: RouteLine[] = [];
  const res: FlatResult = { tags: [], routes: [], tables: [], diagnostics: [] };
  type Mode = "start" | "heading" | "auth" | "routes" | "nav" | "params" | "enum";
  let mode: Mode = "start";
  let sawBackLink = false;
  let auth: AuthRequirements | undefined;
  let headingLines: string[] = [];
  const preBack: string[] = [];
  let params: RawParamsTable | undefined;
  let en: RawEnumTable | undefined;
  const valuedEnums: { table: RawEnumTable; line: number; rows: { text: string; no: number }[] }[] = [];
  const glued: { table: RawEnumTable; index: number; text: string }[] = [];
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

  const pending: PendingRow[] = [];
  let cont: PendingRow | undefined;
  const nav = navLines(lines);
  for (const [index, { text: raw, no }] of lines.entries()) {
    let line = raw.trim();
    if (!line) continue;
    if (nav.has(index) && mode !== "params" && mode !== "enum") {
      // the language nav (v5.14+) sits between the routes and the tables: neither a tag nor a description
      closeHeading();
      mode = "nav";
      continue;
    }
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
      case "nav":
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
          cont.more.push(line);
          if (/^Allowable Values\b/.test(line)) cont.inList = true;
          break;
        }
        cont = undefined;
        const splits = flatRowSplits(line, isRequest);
        if (splits.length === 0) {
          res.diagnostics.push({ code: "W_FLAT_SPLIT", detail: `line ${no}: cannot split params row "${clip(line)}"; row skipped` });
          break;
        }
        // the reading is chosen once the whole page is known (its captions and routes)
        const row: RawRow = { name: "", param: "", type: "", required: false };
        params!.rows.push(row);
        cont = { row, line, no, request: isRequest, splits, more: [], inList: /Allowable Values\b/.test(line) };
        pending.push(cont);
        break;
      }
      case "enum": {
        const cells = tabCells(line);
        if (untab(line) === "NameValue" || line === "Name Value") {
          en!.valued = true;
          // copied pages keep the cell boundary, so their Value column can be read
          if (!cells) valuedEnums.push({ table: en!, line: no, rows: [] });
          break;
        }
        const valued = valuedEnums.at(-1);
        if (!cells && valued && valued.table === en) {
          // split once the table is complete (below)
          valued.rows.push({ text: line, no });
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
        // a row that runs into its description: the first one may be settled by a sample (below)
        if (m[0].length !== line.length) glued.push({ table: en!, index: en!.members.length, text: line });
        en!.members.push(m[0].length !== line.length ? { name: m[0], gluedRow: line } : { name: m[0] });
        break;
      }
    }
  }
  closeHeading();
  resolveRows(pending, res, routeLines, sampleKeys, sawBackLink);
  if (routeLines.length) {
    const propertyNames = new Set(res.tables.flatMap((t) => (t.kind === "params" ? t.rows.map((r) => r.name.toLowerCase()) : [])));
    res.routes.push(...splitRouteLines(routeLines, { samplePath, propertyNames }, res.diagnostics));
  }

  const rows = res.tables.flatMap((t) => (t.kind === "params" ? t.rows : []));
  // a glued first row that a sample settles; the model applies it to the same row on other pages
  // and warns about the rows left glued (model/flat-enums.ts)
  for (const g of glued) {
    const first = g.index === 0 && samples.values ? splitFirstPlainRow(g.text, g.table.caption!, rows, samples.values) : undefined;
    if (first) g.table.members[0] = { ...first, gluedRow: g.text };
  }

  // Valued enum rows split where the value's shape tells (text-flat-enum.ts); else the enum is typed as string.
  for (const v of valuedEnums) {
    const members = v.rows.map((r) => splitValuedEnumRow(r.text));
    const bad = members.findIndex((m) => m === undefined);
    if (bad < 0) {
      v.table.members = members as RawEnumMember[];
      continue;
    }
    const name = v.table.caption!;
    res.tables = res.tables.filter((t) => t !== v.table);
    for (const t of res.tables) {
      if (t.kind !== "params") continue;
      for (const row of t.rows) {
        const ref = tryParseCSharpType(row.type);
        if (!ref) continue;
        const changed = formatType(substitute(ref, name));
        if (changed !== formatType(ref)) row.type = changed;
      }
    }
    res.diagnostics.push({
      code: "W_FLAT_SPLIT",
      detail: `line ${v.rows[bad]!.no}: valued enum ${name}: row "${clip(v.rows[bad]!.text)}" cannot be split into name and value; typed as string`,
    });
  }

  if (preBack.length && sawBackLink) res.serviceName = preBack[0];
  res.auth = auth ?? (sawBackLink ? null : undefined);
  return res;
}

/** A flat params row whose reading waits for the whole page. */
interface PendingRow {
  row: RawRow;
  line: string;
  no: number;
  request: boolean;
  splits: FlatSplit[];
  /** Lines that continue its description cell. */
  more: string[];
  inList: boolean;
}

/** What the page says about its routes (§2.4), from the route lines before they are split. */
function routeFacts(routes: readonly Route[], lines: readonly RouteLine[]): RouteFacts {
  const verbs = [...routes.map((r) => r.verbs), ...lines.map((l) => parseVerbs(l.verbs))];
  const vars = new Set<string>();
  for (const path of [...routes.map((r) => r.path), ...lines.map((l) => l.token)])
    for (const m of path.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\*?\}/g)) vars.add(m[1]!.toLowerCase());
  return { any: verbs.length > 0, postOrPut: verbs.some((v) => v !== "*" && v.some((x) => x === "POST" || x === "PUT")), vars };
}

/** Names the page shows a table for: caption base names and their generic parameters. */
function pageTypes(tables: readonly (RawParamsTable | RawEnumTable)[]): Set<string> {
  const known = new Set<string>();
  for (const t of tables) for (const id of t.caption?.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) known.add(id);
  return known;
}

function resolveRows(pending: readonly PendingRow[], res: FlatResult, routeLines: readonly RouteLine[], sampleKeys: ReadonlySet<string>, top: boolean): void {
  if (!pending.length) return;
  const known = pageTypes(res.tables);
  // without the top of the page, its route lines may be lost too
  const routes = top || res.routes.length || routeLines.length ? routeFacts(res.routes, routeLines) : undefined;
  for (const p of pending) {
    const ctx: RowContext = { request: p.request, known, sampleKeys, ...(routes && { routes }) };
    const { pick, rivals } = chooseSplit(p.splits, ctx)!;
    if (rivals.length) {
      res.diagnostics.push({
        code: "W_FLAT_SPLIT",
        detail: `line ${p.no}: params row "${clip(p.line)}" splits ${rivals.length + 1} ways; took name ${pick.name}, type ${pick.type}`,
      });
    }
    Object.assign(p.row, { name: pick.name, param: pick.param, type: pick.type, required: pick.required });
    const text = p.more.length ? `${pick.rest ?? ""}\n${p.more.join("\n")}` : pick.rest;
    Object.assign(p.row, splitDescription(text));
  }
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
