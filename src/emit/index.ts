// The emitter's entry point: ApiModel -> dtos.ts, client.ts, runtime.ts, index.ts. Pure: no I/O.
import type { ApiModel, Diagnostic } from "../model/types.js";
import { emitClientFile } from "./client.js";
import { emitDtos, prepareApi } from "./dtos.js";
import { formatTypeScript, isDefaultPrettierConfig } from "./format.js";
import { finishFile } from "./print.js";
import { fileHeader } from "./header.js";
import { relativeImport, type EmitOptions, type GeneratedFile } from "./options.js";
import { SHARED_WITH_RUNTIME } from "./naming.js";
import { emitTanstackFile } from "./tanstack.js";

export interface EmitResult {
  files: GeneratedFile[];
  /** W_UNKNOWN_TYPE, W_TYPE_CONFLICT, ... met while emitting (the model's own are not repeated). */
  diagnostics: Diagnostic[];
}

/** The barrel; DTOs sharing a name with a runtime export are re-exported explicitly to win. */
function indexSource(dtoNames: Iterable<string>, extension: EmitOptions["importExtension"]): string {
  const names = new Set(dtoNames);
  const shared = SHARED_WITH_RUNTIME.filter((n) => names.has(n));
  const from = (module: string) => JSON.stringify(relativeImport(module, extension));
  const explicit = shared.length ? `export { ${shared.join(", ")} } from ${from("dtos")};\n` : "";
  return `export * from ${from("dtos")};\nexport * from ${from("client")};\nexport * from ${from("runtime")};\n${explicit}`;
}

/** emitClient plus the diagnostics emitting produced. */
export async function emitClientWithDiagnostics(api: ApiModel, options: EmitOptions): Promise<EmitResult> {
  const prepared = prepareApi(api);
  const dtos = emitDtos(api, options, prepared);
  const client = emitClientFile(api, options, prepared);
  const header = (path: string) => fileHeader(options.header, path);
  const barrel = indexSource(prepared.names.byName.values(), options.importExtension);
  const index = header("index.ts") + barrel;
  // the barrel is already what prettier prints unless a line is too long or the config differs
  // (the header is a comment prettier keeps as it is, as in every other file: its lines do not count)
  const formatIndex = options.format && (!isDefaultPrettierConfig(options.prettier) || barrel.split("\n").some((l) => l.length > 80));
  const tanstackFile = async () => {
    const text = header("tanstack.ts") + emitTanstackFile(api, options, prepared).text;
    return options.format ? formatTypeScript(text, options.prettier, "tanstack.ts") : text;
  };
  const files: GeneratedFile[] = [
    { path: "dtos.ts", content: await finishFile(dtos.file, header("dtos.ts"), options.format, options.prettier, "dtos.ts") },
    { path: "client.ts", content: await finishFile(client.file, header("client.ts"), options.format, options.prettier, "client.ts") },
    // the runtime template is copied as written: its author formats it
    { path: "runtime.ts", content: header("runtime.ts") + options.runtimeSource },
    { path: "index.ts", content: formatIndex ? await formatTypeScript(index, options.prettier, "index.ts") : index },
    // --tanstack: outside the barrel, so only apps that import it need @tanstack/query-core
    ...(options.tanstack ? [{ path: "tanstack.ts", content: await tanstackFile() }] : []),
  ];
  return { files, diagnostics: [...dtos.diagnostics, ...client.diagnostics] };
}

/** Returns dtos.ts, client.ts, runtime.ts and index.ts, in that order (then tanstack.ts with --tanstack). */
export async function emitClient(api: ApiModel, options: EmitOptions): Promise<GeneratedFile[]> {
  return (await emitClientWithDiagnostics(api, options)).files;
}
