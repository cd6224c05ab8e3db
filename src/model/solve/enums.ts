// Adjacent plain enum tables across pages (spec §5.2 rule 3, §4.1). Pipe text shows no boundary
// between two plain enum tables whose rows carry descriptions (W_ENUM_BOUNDARY), so a page may read
// them as one table, or split them in the wrong place. An enum table that stands alone on some page
// (no plain enum table right before or after it, and no member twice) shows its whole member list;
// a run of adjacent plain enum tables is re-split into such lists when its members are exactly a
// sequence of them. The names read as enums' somewhere are enums on every page too (enumNames).
import type { RawEnumMember, RawEnumTable, RawTable, TypeModel } from "../types.js";
import type { WalkedType, WalkResult } from "../walk/index.js";

const isPlainEnum = (t: RawTable | undefined): t is RawEnumTable => t?.kind === "enum" && !t.valued && t.caption === undefined;
const listKey = (t: RawEnumTable): string => t.members.map((m) => m.name).join("|");
/** An enum never declares a member twice: such a list is two tables run together. */
const repeats = (t: RawEnumTable): boolean => new Set(t.members.map((m) => m.name)).size < t.members.length;

const isValuedEnum = (t: RawTable | undefined): t is RawEnumTable => t?.kind === "enum" && t.valued && t.caption === undefined && !t.partial;
/** A valued list's key: names and values (never equal to a plain list's key, which has no `=`). */
const valuedKey = (members: readonly RawEnumMember[]): string => members.map((m) => `${m.name}=${m.value ?? ""}`).join("|");

/**
 * Member lists of plain enum tables that stand alone on some page, and (valuedKey) of valued enum
 * tables that no plain enum table follows: a plain table right after one may have lent it its first
 * row (resplitEnums).
 */
export function standaloneEnums(pages: readonly (readonly RawTable[])[]): Set<string> {
  const out = new Set<string>();
  for (const tables of pages) {
    tables.forEach((t, i) => {
      if (isPlainEnum(t) && !t.partial && !isPlainEnum(tables[i - 1]) && !isPlainEnum(tables[i + 1]) && !repeats(t)) out.add(listKey(t));
      if (isValuedEnum(t) && !isPlainEnum(tables[i + 1]) && !repeats(t)) out.add(valuedKey(t.members));
    });
  }
  return out;
}

/**
 * A valued enum table followed by a plain one may end one row late: a valued table's last row is
 * trimmed to `| Member | value |`, and a plain first row with a description, `| Member | text |`,
 * reads the same (§5.1). Where the valued table without its last member stands alone on some page
 * (and with it never does), that member is the plain table's first, its "value" the description.
 */
function lentRow(valued: RawEnumTable, plain: RawEnumTable, standalone: ReadonlySet<string>): [RawEnumTable, RawEnumTable] | undefined {
  const m = valued.members;
  const last = m.at(-1);
  if (m.length < 2 || !last || last.description !== undefined || plain.partial) return undefined;
  if (!standalone.has(valuedKey(m.slice(0, -1))) || standalone.has(valuedKey(m))) return undefined;
  const first: RawEnumMember = { name: last.name, ...(last.value ? { description: last.value } : {}) };
  return [
    { ...valued, members: m.slice(0, -1) },
    { ...plain, members: [first, ...plain.members] },
  ];
}

/**
 * The page's tables with every run of adjacent plain enum tables re-split into standalone lists,
 * or undefined when nothing changes. A run is re-split only when its members are exactly a
 * sequence of standalone lists (the fewest), and that sequence differs from the page's own split.
 */
export function resplitEnums(tables: readonly RawTable[], standalone: ReadonlySet<string>): RawTable[] | undefined {
  let changed = false;
  const out: RawTable[] = [];
  const src = [...tables];
  for (let i = 0; i < src.length; ) {
    const t = src[i]!;
    if (!isPlainEnum(t)) {
      const lent = isValuedEnum(t) && isPlainEnum(src[i + 1]) ? lentRow(t, src[i + 1] as RawEnumTable, standalone) : undefined;
      if (lent) {
        [src[i], src[i + 1]] = lent;
        changed = true;
      }
      out.push(src[i]!);
      i++;
      continue;
    }
    let j = i;
    while (isPlainEnum(src[j])) j++;
    const run = src.slice(i, j) as RawEnumTable[];
    const split = run.length && !run.some((r) => r.partial) ? (segment(run, standalone) ?? splitRepeats(run)) : undefined;
    if (split && (split.length !== run.length || split.some((s, k) => s.members.length !== run[k]!.members.length))) {
      out.push(...split);
      changed = true;
    } else out.push(...run);
    i = j;
  }
  return changed ? out : undefined;
}

/** The fewest standalone lists whose concatenation is the run's members, as tables. */
function segment(run: readonly RawEnumTable[], standalone: ReadonlySet<string>): RawEnumTable[] | undefined {
  const members = run.flatMap((t) => t.members);
  return fewestLists(members, (s, k) => standalone.has(members.slice(s, k).map((m) => m.name).join("|")));
}

/**
 * `members` cut into the fewest lists members[s..k) that `allowed(s, k)` accepts, or undefined if no
 * cut covers them all; of equally few, each list starts as early as it can.
 */
function fewestLists(members: readonly RawEnumMember[], allowed: (s: number, k: number) => boolean): RawEnumTable[] | undefined {
  const n = members.length;
  // best[k]: fewest lists covering members[0..k), with the cut before k
  const best: (number | undefined)[] = new Array(n + 1).fill(undefined);
  const cut: number[] = new Array(n + 1).fill(-1);
  best[0] = 0;
  for (let k = 1; k <= n; k++) {
    for (let s = 0; s < k; s++) {
      if (best[s] === undefined || !allowed(s, k)) continue;
      if (best[k] === undefined || best[s]! + 1 < best[k]!) {
        best[k] = best[s]! + 1;
        cut[k] = s;
      }
    }
  }
  if (best[n] === undefined) return undefined;
  const parts: RawEnumTable[] = [];
  for (let k = n; k > 0; k = cut[k]!) parts.unshift({ kind: "enum", valued: false, members: members.slice(cut[k]!, k) });
  return parts;
}

/**
 * A table that lists a member twice is two or more enums run together (an enum never declares a
 * member twice), though no standalone lists show where: each such table of the run is cut into the
 * fewest lists without a repeat, and only after a described member, since a table's trimmed last row
 * would have shown any other boundary (§5.1). Where several cuts fit, the page cannot tell which
 * (W_ENUM_BOUNDARY): the earliest. The walk then gives each enum reference its own table.
 */
function splitRepeats(run: readonly RawEnumTable[]): RawEnumTable[] | undefined {
  if (!run.some(repeats)) return undefined;
  const out: RawEnumTable[] = [];
  for (const t of run) {
    const parts = repeats(t) ? cutRepeats(t) : undefined;
    if (!parts) out.push(t);
    else out.push(...parts);
  }
  return out;
}

function cutRepeats(t: RawEnumTable): RawEnumTable[] | undefined {
  const m = t.members;
  const n = m.length;
  // reach[s]: the furthest end of a list from s without a repeat
  const reach = m.map((_, s) => {
    const names = new Set<string>();
    let k = s;
    while (k < n && !names.has(m[k]!.name)) names.add(m[k++]!.name);
    return k;
  });
  // each list without a repeat, cut only after a described member
  return fewestLists(m, (s, k) => k <= reach[s]! && (k === n || !!m[k - 1]!.description));
}

/** One page's reading, as splitKnownRuns sees it. */
export interface EnumReading {
  types: WalkedType[];
  /** Referenced names the reading gave no table. */
  tableless?: readonly string[];
}

/**
 * An enum name that some page shows alone (its whole member list) is that list on every page (§4.1:
 * one type, one reading). A page that read a longer run under that name, the boundary hidden
 * (W_ENUM_BOUNDARY), read two enums run together: the name keeps its own list, and the rest goes
 * to the one reference of the page that found no table, preferring one whose own list it is.
 */
export function splitKnownRuns(readings: readonly EnumReading[], standalone: ReadonlySet<string>): void {
  const lists = new Map<string, Set<string>>();
  for (const r of readings) {
    for (const t of r.types) {
      const m = t.model;
      if (m.kind !== "enum" || m.valued || t.table === undefined || m.from !== "reference" || !m.members?.length) continue;
      const key = m.members.map((x) => x.name).join("|");
      if (!standalone.has(key)) continue;
      const set = lists.get(m.name);
      if (set) set.add(key);
      else lists.set(m.name, new Set([key]));
    }
  }
  // a name alone with several lists: the shortest, if every other one starts with it (and is that
  // enum run together with the next, its trimmed row hidden by a description); else nothing is known
  const known = new Map<string, string>();
  for (const [name, set] of lists) {
    const sorted = [...set].sort((a, b) => a.length - b.length);
    const short = sorted[0]!;
    if (sorted.every((l) => l === short || l.startsWith(`${short}|`))) known.set(name, short);
  }
  for (const r of readings) shiftBoundaries(r.types, known, openNames(r).length > 0);
  for (const r of readings) {
    for (let k = 0; k < r.types.length; k++) {
      const m = r.types[k]!.model;
      const own = known.get(m.name);
      if (m.kind !== "enum" || m.valued || !own || !m.members) continue;
      const names = m.members.map((x) => x.name);
      const cut = own.split("|").length;
      if (names.length <= cut || names.slice(0, cut).join("|") !== own) continue;
      const rest = names.slice(cut).join("|");
      const open = openNames(r);
      const theirs = open.filter((n) => known.get(n) === rest);
      const target = theirs.length === 1 ? theirs[0] : !theirs.length && open.length === 1 && !known.get(open[0]!) ? open[0] : undefined;
      if (target === undefined) continue;
      const model: TypeModel = { name: target, kind: "enum", role: "reference", from: "reference", members: m.members.slice(cut) };
      if (m.partial) model.partial = true;
      m.members = m.members.slice(0, cut);
      r.types.splice(k + 1, 0, { model });
    }
  }
}

/** The references of a reading that found no table and name no type of it. */
const openNames = (r: EnumReading): string[] => (r.tableless ?? []).filter((n) => !r.types.some((t) => t.model.name === n));

const plainEnum = (t: WalkedType | undefined): t is WalkedType & { table: number } =>
  t?.table !== undefined && t.model.kind === "enum" && !t.model.valued && !!t.model.members?.length;
const namesOf = (m: TypeModel, from = 0, to?: number): string => m.members!.slice(from, to).map((x) => x.name).join("|");

/**
 * Two enums of adjacent tables whose hidden boundary the page's split put a few members off: where one
 * of them ends (or starts) with its own known list, the members before (after) it belong to the other,
 * when that one's known list agrees or it has none (ApproveAccount4, pipe seed 7: ReadingTier's last
 * member `Large` read as FlightTier2's first).
 */
function shiftBoundaries(types: WalkedType[], known: ReadonlyMap<string, string>, open: boolean): void {
  for (let k = 0; k + 1 < types.length; k++) {
    const a = types[k];
    const b = types[k + 1];
    if (!plainEnum(a) || !plainEnum(b) || b.table !== a.table + 1) continue;
    const [am, bm] = [a.model, b.model];
    const ownA = known.get(am.name);
    const ownB = known.get(bm.name);
    const na = am.members!.length;
    const nb = bm.members!.length;
    const cutB = ownB === undefined ? 0 : nb - ownB.split("|").length;
    if (cutB > 0 && namesOf(bm, cutB) === ownB && (ownA === undefined || ownA === [namesOf(am), namesOf(bm, 0, cutB)].join("|"))) {
      am.members = [...am.members!, ...bm.members!.slice(0, cutB)];
      bm.members = bm.members!.slice(cutB);
      continue;
    }
    const cutA = ownA === undefined ? na : ownA.split("|").length;
    // (with B's list unknown, the rest may be a third enum's where a reference found no table: splitKnownRuns gives it that one)
    if (cutA < na && namesOf(am, 0, cutA) === ownA && (ownB === undefined ? !open : ownB === [namesOf(am, cutA), namesOf(bm)].join("|"))) {
      bm.members = [...am.members!.slice(cutA), ...bm.members!];
      am.members = am.members!.slice(0, cutA);
    }
  }
}

/**
 * The names readings give an enum table by a reference (not a guess: not cut off, not a table the
 * reading's ties name otherwise). Such a name is an enum on every page, though a page that runs its
 * list into another enum's shows it no table of its own.
 */
export function enumNames(readings: readonly WalkResult[]): Set<string> {
  const out = new Set<string>();
  for (const r of readings) {
    if (r.overflowed) continue;
    for (const t of r.types) {
      if (t.model.kind === "enum" && t.model.from === "reference" && t.table !== undefined && !r.unsure?.includes(t.table)) out.add(t.model.name);
    }
  }
  return out;
}

/** A class the reading named by late binding with one of those enum names (GetContractRule, pipe seed 5: RoomSummary2's base took PolicyLevel, whose list ran into SensorKind2's). */
export const namesClassAsEnum = (r: WalkResult, enums: ReadonlySet<string>): boolean =>
  r.types.some((t) => t.model.kind === "class" && t.model.from === "late-binding" && enums.has(t.model.name));
