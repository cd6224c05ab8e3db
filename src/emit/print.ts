// A generated file's text from its statement structures. Our printer (print-ts.ts) writes what
// prettier prints with its defaults; prettier runs only where it is still needed:
// - a declaration our printer does not model is printed by ts-morph and formatted by prettier alone
//   (top-level statements format independently, so the file is the same as one prettier run);
// - a project prettier config that asks for something else gets one prettier run over the file,
//   printed flat (as ts-morph printed it) so that prettier makes every layout decision itself.
// ts-morph and prettier are loaded only when one of these happens.
import { createRequire } from "node:module";
import type { StatementStructures } from "ts-morph";
import { formatTypeScript, isDefaultPrettierConfig } from "./format.js";
import { printStatements, type PrintedStatement } from "./print-ts.js";
import { StructureKind } from "./structures.js";

const PRETTIER_WIDTH = 80;

/** The statements joined as ts-morph places them, with prettier's single blank lines. */
function joinStatements(parts: readonly { text: string; blankBefore: boolean }[]): string {
  let out = "";
  parts.forEach((p, i) => {
    if (i) out += p.blankBefore ? "\n\n" : "\n";
    out += p.text;
  });
  return parts.length ? out + "\n" : "";
}

let tsMorph: typeof import("ts-morph") | undefined;
/** ts-morph's own printing of one statement (synchronous: emit stays a pure function). */
function printWithTsMorph(statement: StatementStructures): string {
  tsMorph ??= createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");
  const text = tsMorph.printStructure(
    { kind: StructureKind.SourceFile, statements: [statement] } as Parameters<typeof tsMorph.printStructure>[0],
    { indentNumberOfSpaces: 4, useSingleQuote: true },
  );
  return text.replace(/^\s*\n/, "").trimEnd();
}

/** A printed file: its text (declarations our printer cannot print are ts-morph's, unformatted). */
export interface PrintedFile {
  text: string;
  statements: readonly StatementStructures[];
  parts: readonly PrintedStatement[];
}

export function printFile(statements: readonly StatementStructures[]): PrintedFile {
  const parts = printStatements(statements, PRETTIER_WIDTH);
  const text = joinStatements(parts.map((p) => ({ text: p.text ?? printWithTsMorph(p.structure), blankBefore: p.blankBefore })));
  return { text, statements, parts };
}

/** How many declarations needed prettier (for the bench and tests). */
export function unprintedCount(file: PrintedFile): number {
  return file.parts.filter((p) => p.text === undefined).length;
}

/**
 * The file as prettier would print it with `prettierOptions` (the project's resolved config;
 * undefined: none), after `header`. `format: false` returns our printer's text as it is.
 */
export async function finishFile(file: PrintedFile, header: string, format: boolean, prettierOptions: Record<string, unknown> | undefined, name: string): Promise<string> {
  if (!format) return header + file.text;
  if (!isDefaultPrettierConfig(prettierOptions)) {
    const flat = printStatements(file.statements, Infinity);
    const text = joinStatements(flat.map((p) => ({ text: p.text ?? printWithTsMorph(p.structure), blankBefore: p.blankBefore })));
    return formatTypeScript(header + text, prettierOptions, name);
  }
  const texts = await Promise.all(
    file.parts.map(async (p) => p.text ?? (await formatTypeScript(printWithTsMorph(p.structure), undefined, name)).trimEnd()),
  );
  return header + joinStatements(file.parts.map((p, i) => ({ text: texts[i]!, blankBefore: p.blankBefore })));
}
