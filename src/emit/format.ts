// Prettier over generated TypeScript. Options come resolved from the caller (emit does no I/O).
import { format } from "prettier";

/** The name prettier is told the text has: a `.ts` name makes its TypeScript parser skip JSX guessing. */
function tsFilepath(file: string): string {
  return /\.ts$/i.test(file) ? file : `${file}.ts`;
}

export async function formatTypeScript(text: string, options?: Record<string, unknown>, file = "output.ts"): Promise<string> {
  // filepath/plugins from a config could make prettier load code or pick another parser. Our own
  // filepath matters for speed: without one, prettier's TypeScript parser first tests a JSX-guessing
  // regex over the whole text, which is quadratic on long files with few quotes (issue 13 (a)).
  const { filepath: _f, plugins: _p, parser: _parser, ...rest } = options ?? {};
  try {
    return await format(text, { ...rest, parser: "typescript", filepath: tsFilepath(file) });
  } catch (e) {
    throw new Error(`prettier could not format the generated ${file}: ${(e as Error).message}`, { cause: e });
  }
}
