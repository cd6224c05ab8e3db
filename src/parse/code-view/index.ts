// The code a `?lang=` page shows instead of tables (spec §2.9): ServiceStack's own generator run
// over the operation's types. It is read with a narrow declarative grammar, one per language —
// declarations of classes, interfaces and enums, `extends`/`implements` with generic arguments,
// properties with type, optional marker and initializer, enum members with values, and the doc
// and attribute comments the generators write (`@Route`, `@DataMember(Name=…)`, `@ApiMember`,
// `@Description`, `@Flags`). The code is never evaluated and never copied: ssgen emits its own
// output from the model. Lines the grammar does not know are skipped; bodies of methods are
// recognised only for the three facts they carry (`getTypeName`, `getMethod`, `createResponse`).
//
// Read: TypeScript (`typescript`), JavaScript (`mjs`, JSDoc-typed classes), C# (`csharp`).
// The other views (Kotlin, Swift, Java, Dart, VB.NET, F#, Python, PHP, Go, Ruby, Rust, Zig) are
// not read: each has its own declaration and type syntax, and the three above already carry every
// fact; their pages keep routes, auth and samples (W_LANG_VARIANT).
import type { CodeView } from "../../model/types.js";
import { CSharpReader } from "./csharp.js";
import { ScriptReader } from "./script.js";

export { tsToCSharp } from "./script.js";

export const READ_LANGS: ReadonlySet<string> = new Set(["typescript", "mjs", "csharp"]);

/** Reads the code of a ?lang= view; undefined when the language is not read or nothing was found. */
export function parseCodeView(lang: string, code: string): CodeView | undefined {
  if (!READ_LANGS.has(lang)) return undefined;
  const lines = code.replace(/\r\n?/g, "\n").split("\n").slice(0, 20000);
  const reader = lang === "csharp" ? new CSharpReader() : new ScriptReader(lang === "mjs");
  for (const line of lines) reader.line(line.length > 4000 ? line.slice(0, 4000) : line);
  const view = reader.finish();
  return view.types.length ? { lang, ...view } : undefined;
}

/** The language of a code block whose page does not say it (a text rendering without its URL). */
export function guessLang(code: string): string | undefined {
  const head = code.slice(0, 20000);
  if (/^\s*(?:public|internal)\s+(?:partial\s+)?(?:class|enum|interface)\s/m.test(head) || /^\s*namespace\s+[\w.]+\s*$/m.test(head))
    return "csharp";
  if (/^\s*export\s+(?:class|enum|interface)\s/m.test(head)) {
    return /^\s*(?:public\s+)?[A-Za-z_]\w*\??\s*:\s*[^;]+;\s*$/m.test(head) ? "typescript" : "mjs";
  }
  if (/^\s*export\s+var\s+\w+;\s*$/m.test(head) || /@type\s*\{/.test(head)) return "mjs";
  return undefined;
}

