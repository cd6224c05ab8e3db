// Cell-level readers shared by the text layouts: pipe rows, auth labels, route verbs and the
// Allowable Values / Valid Range blocks that survive inside description cells (spec §2.3, §5.1).
import type { AuthRequirements, Route } from "../model/types.js";

/** `| a | b |` -> ["a", "b"]; leading/trailing `|` optional; `||` is an empty cell. */
export function splitPipeCells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|")) s = s.slice(0, -1);
  return s.split("|").map((c) => c.trim());
}

const SEP_CELL = /^:?-{3,}:?$/;
export function isSepCells(cells: string[]): boolean {
  return cells.length > 0 && cells.every((c) => SEP_CELL.test(c));
}

/** Route verb cell: `All Verbs` or upper-case verbs split by commas/blanks (disjoint classes: no backtracking). */
const VERB_LIST = /^[A-Z]+(?:[, ]+[A-Z]+)*$/;
export function isVerbCell(cell: string): boolean {
  return cell === "All Verbs" || (cell.length <= 200 && VERB_LIST.test(cell));
}
export function parseVerbs(cell: string): Route["verbs"] {
  return cell === "All Verbs" ? "*" : cell.split(/[, ]+/).filter(Boolean);
}

export type AuthField = keyof AuthRequirements;
/** Auth labels (§2.1 piece 3), singular or plural. */
/**
 * Real pages (ServiceStack's BaseMetadataHandler) print every requirement as a label/value cell
 * pair in ONE row, and a single "any" requirement as "Requires the role:"/"Requires the permission:".
 */
export function authField(label: string): AuthField | undefined {
  const l = label.trim().replace(/:$/, "").trim().toLowerCase();
  if (/^required roles?$/.test(l) || l === "required role(s)") return "roles";
  if (/^required permissions?$/.test(l) || l === "required permission(s)") return "permissions";
  if (l === "requires any of the roles" || l === "requires the role") return "anyRoles";
  if (l === "requires any of the permissions" || l === "requires the permission") return "anyPermissions";
  return undefined;
}

/** Reads label/value pairs from one row's cells into auth; returns the labels it did not know. */
export function addAuthCells(auth: AuthRequirements, cells: readonly string[]): string[] {
  const unknown: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const label = cells[i]!.trim();
    if (!label) continue;
    const field = authField(label);
    if (!field) unknown.push(label);
    // the value cell is the next one, unless the next one is itself a label (an empty value)
    const value = cells[i + 1];
    if (value !== undefined && authField(value) === undefined) {
      if (field) addAuthValues(auth, field, value);
      i++;
    }
  }
  return unknown;
}

export function emptyAuth(): AuthRequirements {
  return { roles: [], permissions: [], anyRoles: [], anyPermissions: [] };
}
export function addAuthValues(auth: AuthRequirements, field: AuthField, value: string): void {
  for (const v of value.split(",")) {
    const t = v.trim();
    if (t && !auth[field].includes(t)) auth[field].push(t);
  }
}

export interface DescriptionParts {
  description?: string;
  allowableValues?: string[];
  range?: [number, number];
}

const RANGE = /Valid Range:\s*(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)/y;
const ALLOWABLE = "Allowable Values";

/**
 * A description cell as text: the `<h4>` blocks became plain text (`Valid Range: 1 - 99`,
 * `Allowable Values A B` or `Allowable Values: A, B`). They come last in the cell (§2.3).
 */
export function splitDescription(text: string | undefined): DescriptionParts {
  let rest = (text ?? "").trim();
  const out: DescriptionParts = {};
  const r = rest.lastIndexOf("Valid Range:");
  if (r >= 0) {
    RANGE.lastIndex = r;
    const m = RANGE.exec(rest);
    if (m) {
      out.range = [Number(m[1]), Number(m[2])];
      rest = (rest.slice(0, r) + rest.slice(RANGE.lastIndex)).trim();
    }
  }
  const a = rest.indexOf(ALLOWABLE);
  if (a >= 0) {
    const list = rest
      .slice(a + ALLOWABLE.length)
      .replace(/^\s*:/, "")
      .split(/[\s,•*]+/)
      .map((v) => v.replace(/^-+/, "").trim())
      .filter(Boolean);
    if (list.length) out.allowableValues = list;
    rest = rest.slice(0, a).trim();
  }
  if (rest) out.description = rest;
  return out;
}
