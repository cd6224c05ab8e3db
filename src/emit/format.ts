// Prettier over generated TypeScript. Options come resolved from the caller (emit does no I/O).
import { format } from "prettier";

export async function formatTypeScript(text: string, options?: Record<string, unknown>, file = "output"): Promise<string> {
  // filepath/plugins from a config could make prettier load code or pick another parser
  const { filepath: _f, plugins: _p, parser: _parser, ...rest } = options ?? {};
  try {
    return await format(text, { ...rest, parser: "typescript" });
  } catch (e) {
    throw new Error(`prettier could not format the generated ${file}: ${(e as Error).message}`, { cause: e });
  }
}
