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

/**
 * The printer's stack of commands (indentation, mode, doc) as three parallel arrays: the printer
 * pushes and pops one command per doc node, and a tuple for each was most of its garbage.
 */
class Commands {
  readonly indents: number[] = [];
  readonly modes: Mode[] = [];
  readonly docs: Doc[] = [];
  length = 0;
  push(indentation: number, mode: Mode, doc: Doc): void {
    this.indents[this.length] = indentation;
    this.modes[this.length] = mode;
    this.docs[this.length++] = doc;
  }
}

/** Does `doc` in `mode`, then the rest of the output up to its first line break, fit in `width` columns? */
function fits(mode0: Mode, doc0: Doc, rest: Commands, width: number, mustBeFlat: boolean, groupModes: Map<symbol, Mode>, scratch: Commands): boolean {
  const cmds = scratch;
  cmds.length = 0;
  cmds.push(0, mode0, doc0);
  let restIndex = rest.length;
  while (width >= 0) {
    if (!cmds.length) {
      if (restIndex === 0) return true;
      restIndex--;
      cmds.push(0, rest.modes[restIndex]!, rest.docs[restIndex]!);
      continue;
    }
    const top = --cmds.length;
    const mode = cmds.modes[top]!;
    const doc = cmds.docs[top]!;
    if (typeof doc === "string") {
      width -= doc.length;
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push(0, mode, doc[i]!);
      continue;
    }
    switch (doc.type) {
      case "indent":
      case "indent-if-break":
        cmds.push(0, mode, doc.contents);
        break;
      case "group": {
        if (mustBeFlat && doc.break) return false;
        cmds.push(0, doc.break ? "break" : mode, doc.contents);
        break;
      }
      case "if-break": {
        const m = doc.groupId ? (groupModes.get(doc.groupId) ?? "flat") : mode;
        cmds.push(0, mode, m === "break" ? doc.breakContents : doc.flatContents);
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
  // The text is built by concatenation. Prettier trims the spaces and tabs a line ends with, so the
  // output's trailing run of them is held back in `pending` until something else follows it.
  let out = "";
  let pending = "";
  let column = 0;
  const cmds = new Commands();
  const scratch = new Commands();
  cmds.push(0, "break", doc);
  const modes = new Map<symbol, Mode>();
  while (cmds.length) {
    const top = --cmds.length;
    const ind = cmds.indents[top]!;
    const mode = cmds.modes[top]!;
    const d = cmds.docs[top]!;
    if (typeof d === "string") {
      const n = d.length;
      if (n === 0) continue;
      column += n;
      let end = d.charCodeAt(n - 1);
      if (end !== 32 && end !== 9) {
        if (pending !== "") {
          out += pending;
          pending = "";
        }
        out += d;
        continue;
      }
      let k = n - 1;
      while (k > 0 && ((end = d.charCodeAt(k - 1)) === 32 || end === 9)) k--;
      if (k === 0) pending += d;
      else {
        out += pending + d.slice(0, k);
        pending = d.slice(k);
      }
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) cmds.push(ind, mode, d[i]!);
      continue;
    }
    switch (d.type) {
      case "indent":
        cmds.push(ind + tabWidth, mode, d.contents);
        break;
      case "indent-if-break":
        cmds.push(modes.get(d.groupId) === "break" ? ind + tabWidth : ind, mode, d.contents);
        break;
      case "group": {
        const chosen: Mode =
          (mode === "flat" && !d.break) || (!d.break && fits("flat", d.contents, cmds, printWidth - column, false, modes, scratch)) ? "flat" : "break";
        if (d.id) modes.set(d.id, chosen);
        cmds.push(ind, chosen, d.contents);
        break;
      }
      case "if-break": {
        const m = d.groupId ? (modes.get(d.groupId) ?? "flat") : mode;
        cmds.push(ind, mode, m === "break" ? d.breakContents : d.flatContents);
        break;
      }
      case "line":
        if (mode === "flat" && !d.hard) {
          if (!d.soft) {
            pending += " ";
            column += 1;
          }
          break;
        }
        // the line's trailing whitespace is dropped; the new line's indentation is held back
        out += "\n";
        pending = indentation(ind);
        column = ind;
        break;
    }
  }
  return out + pending;
}

/** `ind` spaces, each made once. */
const INDENTS: string[] = [];
function indentation(ind: number): string {
  return (INDENTS[ind] ??= " ".repeat(ind));
}
