// Prettier over generated TypeScript. Options come resolved from the caller (emit does no I/O).
// Prettier is imported on first use: runs that need no formatting never load it.

/** Prettier's defaults for the options that change how TypeScript prints. */
const DEFAULTS: Record<string, unknown> = {
  printWidth: 80,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  jsxSingleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  bracketSpacing: true,
  bracketSameLine: false,
  objectWrap: "preserve",
  arrowParens: "always",
  endOfLine: "lf",
  experimentalTernaries: false,
  experimentalOperatorPosition: "end",
  embeddedLanguageFormatting: "auto",
  proseWrap: "preserve",
  htmlWhitespaceSensitivity: "css",
  vueIndentScriptAndStyle: false,
  singleAttributePerLine: false,
  insertPragma: false,
  requirePragma: false,
};
/** Keys formatTypeScript drops anyway. */
const IGNORED = new Set(["filepath", "plugins", "parser", "$schema", "overrides"]);

/** True when a resolved prettier config prints TypeScript exactly as prettier's defaults do. */
export function isDefaultPrettierConfig(options: Record<string, unknown> | undefined): boolean {
  if (!options) return true;
  return Object.entries(options).every(([k, v]) => IGNORED.has(k) || (k in DEFAULTS && DEFAULTS[k] === v));
}

/** The name prettier is told the text has: a `.ts` name makes its TypeScript parser skip JSX guessing. */
function tsFilepath(file: string): string {
  return /\.ts$/i.test(file) ? file : `${file}.ts`;
}

export async function formatTypeScript(text: string, options?: Record<string, unknown>, file = "output.ts"): Promise<string> {
  // filepath/plugins from a config could make prettier load code or pick another parser. Our own
  // filepath matters for speed: without one, prettier's TypeScript parser first tests a JSX-guessing
  // regex over the whole text, which is quadratic on long files with few quotes (issue 13 (a)).
  const { filepath: _f, plugins: _p, parser: _parser, ...rest } = options ?? {};
  const { format } = await import("prettier");
  try {
    return await format(text, { ...rest, parser: "typescript", filepath: tsFilepath(file) });
  } catch (e) {
    throw new Error(`prettier could not format the generated ${file}: ${(e as Error).message}`, { cause: e });
  }
}
