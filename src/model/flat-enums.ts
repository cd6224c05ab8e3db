// Plain enum rows of the flat layout run into their descriptions (`WeeklyWeekly billing`), so a
// page reads the member as its leading identifier, a guess. A page whose sample shows the enum's
// first member (an enum property's sample value, §2.8) settles where that row's name ends; the
// same row reads the same on every page (one type graph, §4.1), so the settled reading is applied
// to every page that shows that enum's table. Rows no sample settles keep the guess, with a warning.
import type { RawEnumMember, RawPage } from "./types.js";

const leadingIdentifier = (row: string) => /^[A-Za-z_][A-Za-z0-9_]*/.exec(row)?.[0] ?? row;
const settled = (m: RawEnumMember) => m.gluedRow !== undefined && m.name !== leadingIdentifier(m.gluedRow);

export function settleGluedMembers(pages: readonly RawPage[]): void {
  // caption -> glued row -> the settled member
  const readings = new Map<string, Map<string, RawEnumMember>>();
  for (const page of pages)
    for (const t of page.tables) {
      if (t.kind !== "enum" || t.caption === undefined) continue;
      for (const m of t.members) {
        if (!settled(m)) continue;
        let rows = readings.get(t.caption);
        if (!rows) readings.set(t.caption, (rows = new Map()));
        // pages may settle differently; the longest name wins, whatever the order the pages came in
        const had = rows.get(m.gluedRow!);
        if (!had || m.name.length > had.name.length || (m.name.length === had.name.length && m.name < had.name)) rows.set(m.gluedRow!, m);
      }
    }
  for (const page of pages)
    for (const t of page.tables) {
      if (t.kind !== "enum" || t.caption === undefined) continue;
      t.members = t.members.map((m) => {
        if (m.gluedRow === undefined) return m;
        const reading = readings.get(t.caption!)?.get(m.gluedRow);
        if (reading) return { ...reading };
        page.diagnostics.push({
          code: "W_FLAT_SPLIT",
          detail: `enum ${t.caption}: row "${m.gluedRow.length > 60 ? `${m.gluedRow.slice(0, 57)}...` : m.gluedRow}" runs into its description; member read as ${m.name}`,
        });
        return m;
      });
    }
}
