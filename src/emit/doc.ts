// A small layout-document printer in the manner of Wadler's "prettier printer", with the same
// semantics as prettier's own doc printer for the commands used here (groups that break as a whole,
// indentation, soft/hard lines, if-break), so the emitter can print exactly what prettier would.

export type Doc = string | Doc[] | Group | Indent | Line | IfBreak | IndentIfBreak;
interface Group {
  type: "group";
  contents: Doc;
  /** Broken from the start: it holds a hard line, or the construct always breaks. */
  break: boolean;
  /** Lets an indentIfBreak/ifBreak elsewhere follow this group's decision. */
  id?: symbol;
}
interface IndentIfBreak {
  type: "indent-if-break";
  contents: Doc;
  groupId: symbol;
}
interface Indent {
  type: "indent";
  contents: Doc;
}
interface Line {
  type: "line";
  /** `softline`: nothing when flat; `line`: a space when flat. */
  soft: boolean;
  hard: boolean;
}
interface IfBreak {
  type: "if-break";
  breakContents: Doc;
  flatContents: Doc;
  groupId?: symbol;
}

export const line: Line = { type: "line", soft: false, hard: false };
export const softline: Line = { type: "line", soft: true, hard: false };
export const hardline: Line = { type: "line", soft: false, hard: true };

export function group(contents: Doc, shouldBreak = false, id?: symbol): Group {
  return { type: "group", contents, break: shouldBreak || hasHardLine(contents), ...(id ? { id } : {}) };
}

/** Indented when the group `groupId` broke (prettier's indentIfBreak). */
export function indentIfBreak(contents: Doc, groupId: symbol): IndentIfBreak {
  return { type: "indent-if-break", contents, groupId };
}

export function indent(contents: Doc): Indent {
  return { type: "indent", contents };
}

export function ifBreak(breakContents: Doc, flatContents: Doc = "", groupId?: symbol): IfBreak {
  return { type: "if-break", breakContents, flatContents, ...(groupId ? { groupId } : {}) };
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  docs.forEach((d, i) => {
    if (i) out.push(separator);
    out.push(d);
  });
  return out;
}

/** A hard line breaks every group around it (prettier's propagateBreaks), so groups learn it when built. */
function hasHardLine(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(hasHardLine);
  switch (doc.type) {
    case "group":
      return doc.break;
    case "indent":
    case "indent-if-break":
      return hasHardLine(doc.contents);
    case "line":
      return doc.hard;
    case "if-break":
      return hasHardLine(doc.breakContents);
  }
}

type Mode = "break" | "flat";
type Command = [indentation: number, mode: Mode, doc: Doc];

/** Does `next`, then the rest of the output up to its first line break, fit in `width` columns? */
function fits(next: Command, rest: Command[], width: number, mustBeFlat: boolean, modes: Map<symbol, Mode>): boolean {
  const cmds: [Mode, Doc][] = [[next[1], next[2]]];
  let restIndex = rest.length;
  while (width >= 0) {
    if (!cmds.length) {
      if (restIndex === 0) return true;
      const r = rest[--restIndex]!;
      cmds.push([r[1], r[2]]);
      continue;
    }
    const [mode, doc] = cmds.pop()!;
    if (typeof doc === "string") {
      width -= doc.length;
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push([mode, doc[i]!]);
      continue;
    }
    switch (doc.type) {
      case "indent":
      case "indent-if-break":
        cmds.push([mode, doc.contents]);
        break;
      case "group": {
        if (mustBeFlat && doc.break) return false;
        cmds.push([doc.break ? "break" : mode, doc.contents]);
        break;
      }
      case "if-break": {
        const m = doc.groupId ? (modes.get(doc.groupId) ?? "flat") : mode;
        cmds.push([mode, m === "break" ? doc.breakContents : doc.flatContents]);
        break;
      }
      case "line":
        if (mode === "break" || doc.hard) return true;
        if (!doc.soft) width -= 1;
        break;
    }
  }
  return false;
}

/** Lays the document out in `printWidth` columns, indenting by `tabWidth` spaces. */
export function printDoc(doc: Doc, printWidth: number, tabWidth = 2): string {
  const out: string[] = [];
  let column = 0;
  const cmds: Command[] = [[0, "break", doc]];
  const modes = new Map<symbol, Mode>();
  while (cmds.length) {
    const [ind, mode, d] = cmds.pop()!;
    if (typeof d === "string") {
      out.push(d);
      column += d.length;
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) cmds.push([ind, mode, d[i]!]);
      continue;
    }
    switch (d.type) {
      case "indent":
        cmds.push([ind + tabWidth, mode, d.contents]);
        break;
      case "indent-if-break":
        cmds.push([modes.get(d.groupId) === "break" ? ind + tabWidth : ind, mode, d.contents]);
        break;
      case "group": {
        let chosen: Command;
        if (mode === "flat" && !d.break) chosen = [ind, "flat", d.contents];
        else {
          const next: Command = [ind, "flat", d.contents];
          chosen = !d.break && fits(next, cmds, printWidth - column, false, modes) ? next : [ind, "break", d.contents];
        }
        if (d.id) modes.set(d.id, chosen[1]);
        cmds.push(chosen);
        break;
      }
      case "if-break": {
        const m = d.groupId ? (modes.get(d.groupId) ?? "flat") : mode;
        cmds.push([ind, mode, m === "break" ? d.breakContents : d.flatContents]);
        break;
      }
      case "line":
        if (mode === "flat" && !d.hard) {
          if (!d.soft) {
            out.push(" ");
            column += 1;
          }
          break;
        }
        trimTrailing(out);
        out.push("\n" + " ".repeat(ind));
        column = ind;
        break;
    }
  }
  return out.join("");
}

/** Prettier trims the whitespace a line ends with. */
function trimTrailing(out: string[]): void {
  while (out.length) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
    if (last.includes("\n")) return;
  }
}
