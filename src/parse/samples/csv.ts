// CSV sample bodies (§6.1): a header line of property names, then a line of values per row.
// CSV (§6.1): older servers show a true CSV sample, a header line of property names and a line of
// values per row, read as one object (or, with more value lines, an array of them).
import type { SampleBody, SampleNode } from "../../model/types.js";

const CSV_HEADER = /^[A-Za-z_][A-Za-z0-9_]*(?:,[A-Za-z_][A-Za-z0-9_]*)*$/;

function csvFields(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = "";
      for (i++; ; i++) {
        if (i >= line.length) return undefined;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i++;
          } else break;
        } else v += line[i];
      }
      out.push(v);
      i++;
    } else {
      const comma = line.indexOf(",", i);
      out.push(line.slice(i, comma < 0 ? line.length : comma));
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) return out;
    if (line[i] !== ",") return undefined;
    i++;
  }
}

export function parseCsv(text: string, start: number): SampleBody | undefined {
  const lines = text.slice(start).split(/\r?\n/).map((l) => l.trimEnd());
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  if (lines.length < 2 || lines.length > 10_000 || !CSV_HEADER.test(lines[0]!)) return undefined;
  const header = lines[0]!.split(",");
  const rows: SampleNode[] = [];
  for (const line of lines.slice(1)) {
    const fields = csvFields(line);
    if (!fields || fields.length !== header.length) return undefined;
    rows.push({ kind: "object", entries: header.map((h, i) => [h, { kind: "scalar", text: fields[i]!, quoted: false }]) });
  }
  const value: SampleNode = rows.length === 1 ? rows[0]! : { kind: "array", items: rows };
  return { syntax: "csv", value, truncated: false };
}
