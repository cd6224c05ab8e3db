// The HTML op page's table readers: authentication, routes, params and enum tables (spec §2.2-§2.4).
import type { AuthRequirements, Diagnostic, RawEnumMember, RawEnumTable, RawParamsTable, RawRow, Route } from "../model/types.js";
import { addAuthCells } from "./text-cells.js";
import { cellsOf, children, firstChild, NodeType, proseText, rowsOf, tag, textOf, type HTMLElement, type TextNode } from "./html-dom.js";

export function readAuth(table: HTMLElement | undefined, diags: Diagnostic[], dropLastRow = false): AuthRequirements | null {
  if (!table) return null;
  const auth: AuthRequirements = { roles: [], permissions: [], anyRoles: [], anyPermissions: [] };
  const { head, body } = rowsOf(table);
  if (dropLastRow) body.pop();
  for (const tr of [...head, ...body]) {
    // ServiceStack prints all requirements as label/value pairs in one row (older pages: a row each)
    const unknown = addAuthCells(auth, cellsOf(tr).map((c) => textOf(c)));
    for (const label of unknown) diags.push({ code: "W_AUTH_LABEL", detail: `unknown authentication row "${label}"` });
  }
  return auth;
}

export function readRoutes(table: HTMLElement | undefined, dropLastRow = false): Route[] {
  if (!table) return [];
  const routes: Route[] = [];
  const { head, body } = rowsOf(table);
  if (dropLastRow) body.pop();
  for (const tr of [...head, ...body]) {
    const cells = cellsOf(tr);
    // Route rows are the ones with two <th>s (the caption row and stray tbodies have none).
    if (cells.length < 2 || tag(cells[0]!) !== "th" || tag(cells[1]!) !== "th") continue;
    const verbText = textOf(cells[0]!).trim();
    const path = textOf(cells[1]!).trim();
    if (!path) continue;
    const verbs: string[] | "*" = /^all\s+verbs$/i.test(verbText) || verbText === "" ? "*" : verbText.split(/[, ]+/).filter(Boolean);
    const route: Route = { verbs, path };
    const summary = cells[2] ? textOf(cells[2]).trim() : "";
    const notes = cells[3] ? textOf(cells[3]).trim() : "";
    if (summary) route.summary = summary;
    if (notes) route.notes = notes;
    routes.push(route);
  }
  return routes;
}

/** Caption "<b>Name</b> Parameters:" / "<b>Name</b> Enum:" -> "Name" (entities decoded once, by the parser). */
function captionOf(table: HTMLElement): string | undefined {
  const cap = firstChild(table, "caption");
  if (!cap) return undefined;
  const b = firstChild(cap, "b");
  const text = (b ? textOf(b) : textOf(cap).replace(/\s*(Parameters|Enum)\s*:\s*$/i, "")).trim();
  return text === "" ? undefined : text;
}

const RANGE = /^Valid Range:\s*(-?[0-9.]+(?:[eE][+-]?\d+)?)\s*-\s*(-?[0-9.]+(?:[eE][+-]?\d+)?)\s*$/i;

/** Description cell: text content minus the Allowable Values and Valid Range blocks (§2.3), set on the row. */
function readDescription(td: HTMLElement, out: Pick<RawRow, "description" | "allowableValues" | "range">): void {
  let text = "";
  let expectValues = false;
  let afterBr = false;
  for (const node of td.childNodes) {
    if (node.nodeType === NodeType.ELEMENT_NODE) {
      const el = node as HTMLElement;
      const t = tag(el);
      if (t === "h4") {
        const h = textOf(el).trim();
        if (/^Allowable Values$/i.test(h)) {
          expectValues = true;
          continue;
        }
        const m = RANGE.exec(h);
        if (m && Number.isFinite(Number(m[1])) && Number.isFinite(Number(m[2]))) {
          out.range = [Number(m[1]), Number(m[2])];
          continue;
        }
      } else if (t === "ul" && expectValues) {
        expectValues = false;
        out.allowableValues = children(el, "li").map((li) => textOf(li).trim());
        continue;
      }
    } else if (expectValues && node.nodeType === NodeType.TEXT_NODE && (node as TextNode).text.trim() === "") {
      continue;
    }
    expectValues = false;
    if (node.nodeType === NodeType.ELEMENT_NODE) {
      const part = proseText(node as HTMLElement);
      afterBr = tag(node as HTMLElement) === "br" || (afterBr && part === "");
      text += part;
    } else {
      const part = textOf(node);
      text += afterBr ? part.replace(/^\r?\n/, "") : part;
      if (part !== "") afterBr = false;
    }
  }
  const d = text.trim();
  if (d) out.description = d;
}

type Column = "name" | "param" | "type" | "required" | "description";
const PARAMS_COLUMNS: Column[] = ["name", "param", "type", "required", "description"];

function columnsFromHead(head: HTMLElement[]): Column[] {
  if (head.length === 0) return PARAMS_COLUMNS;
  const names = cellsOf(head[0]!).map((c) => textOf(c).trim().toLowerCase());
  const cols: Column[] = [];
  for (const n of names) {
    if (n === "name") cols.push("name");
    else if (n === "parameter") cols.push("param");
    else if (n === "data type") cols.push("type");
    else if (n === "required") cols.push("required");
    else if (n === "description") cols.push("description");
    else return PARAMS_COLUMNS;
  }
  return cols.includes("name") && cols.includes("type") ? cols : PARAMS_COLUMNS;
}

/** How a warning names a row (a function: a closure per row was garbage for the rare warning). */
function rowLabel(table: string, i: number, name: string): string {
  return `table ${table} row ${i + 1}${name ? ` (${name})` : ""}`;
}

export function readParamsTable(table: HTMLElement, index: number, diags: Diagnostic[], dropLastRow = false): RawParamsTable {
  const caption = captionOf(table);
  const label = caption ?? `#${index + 1}`;
  const { head, body } = rowsOf(table);
  if (dropLastRow) body.pop();
  const cols = columnsFromHead(head);
  // Column positions once per table (a column named twice counts at its first position).
  const iName = cols.indexOf("name");
  const iType = cols.indexOf("type");
  const iParam = cols.indexOf("param");
  const iReq = cols.indexOf("required");
  const iDesc = cols.indexOf("description");
  let lastNeeded = -1;
  for (const c of cols) if (c !== "description") lastNeeded = Math.max(lastNeeded, cols.indexOf(c));
  const rows: RawRow[] = [];
  const cells: HTMLElement[] = [];
  for (let i = 0; i < body.length; i++) {
    cellsOf(body[i]!, cells);
    if (cells.length === 0) continue;
    const nameCell = iName >= 0 ? cells[iName] : undefined;
    const name = nameCell ? textOf(nameCell).trim() : "";
    if (name === "Name" && tag(cells[0]!) === "th") continue; // header row without a <thead>
    const typeCell = iType >= 0 ? cells[iType] : undefined;
    const type = typeCell ? textOf(typeCell).trim() : "";
    if (!name || !type) {
      diags.push({ code: "W_MISSING_CELLS", detail: `${rowLabel(label, i, name)} has no ${!name ? "name" : "data type"}; row skipped` });
      continue;
    }
    if (cells.length <= lastNeeded) {
      const missing = cols.filter((c) => c !== "description" && cells.length <= cols.indexOf(c));
      diags.push({ code: "W_MISSING_CELLS", detail: `${rowLabel(label, i, name)} lacks ${missing.join(", ")}` });
    }
    const paramCell = iParam >= 0 ? cells[iParam] : undefined;
    const reqCell = iReq >= 0 ? cells[iReq] : undefined;
    const descCell = iDesc >= 0 ? cells[iDesc] : undefined;
    const row: RawRow = {
      name,
      param: (paramCell ? textOf(paramCell).trim() : "") || "form",
      type,
      required: reqCell ? /^yes$/i.test(textOf(reqCell).trim()) : false,
    };
    if (descCell) readDescription(descCell, row);
    rows.push(row);
  }
  const out: RawParamsTable = { kind: "params", rows };
  if (caption !== undefined) out.caption = caption;
  return out;
}

export function readEnumTable(table: HTMLElement, index: number, diags: Diagnostic[], dropLastRow = false): RawEnumTable {
  const caption = captionOf(table);
  const { head, body } = rowsOf(table);
  if (dropLastRow) body.pop();
  const headNames = head.length ? cellsOf(head[0]!).map((c) => textOf(c).trim().toLowerCase()) : [];
  let valued = headNames.includes("value");
  const cells: HTMLElement[] = [];
  if (!head.length) valued = body.some((tr) => cellsOf(tr, cells).length >= 3);
  const members: RawEnumMember[] = [];
  body.forEach((tr, i) => {
    cellsOf(tr, cells);
    if (cells.length === 0) return;
    const name = textOf(cells[0]!).trim();
    if (!name) {
      diags.push({ code: "W_MISSING_CELLS", detail: `enum ${caption ?? `#${index + 1}`} row ${i + 1} has no name; row skipped` });
      return;
    }
    const m: RawEnumMember = { name };
    const value = valued && cells[1] ? textOf(cells[1]).trim() : "";
    const descCell = valued ? cells[2] : cells[1];
    const desc = descCell ? textOf(descCell).trim() : "";
    if (valued && !cells[1]) diags.push({ code: "W_MISSING_CELLS", detail: `enum ${caption ?? `#${index + 1}`} row ${i + 1} (${name}) lacks value` });
    if (value) m.value = value;
    if (desc) m.description = desc;
    members.push(m);
  });
  const out: RawEnumTable = { kind: "enum", valued, members };
  if (caption !== undefined) out.caption = caption;
  return out;
}
