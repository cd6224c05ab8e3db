// The emitter's entry point: ApiModel -> dtos.ts, client.ts, runtime.ts, index.ts. Pure: no I/O.
import type { ApiModel, Diagnostic } from "../model/types.js";
import { emitClientFile } from "./client.js";
import { emitDtos, prepareApi } from "./dtos.js";
import { formatTypeScript } from "./format.js";
import { fileHeader } from "./header.js";
import { relativeImport, type EmitOptions, type GeneratedFile } from "./options.js";
import { SHARED_WITH_RUNTIME } from "./naming.js";

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
  const finish = async (path: string, body: string, format: boolean): Promise<GeneratedFile> => {
    const text = fileHeader(options.header, path) + body;
    return { path, content: format && options.format ? await formatTypeScript(text, options.prettier, path) : text };
  };
  const files = [
    await finish("dtos.ts", dtos.text, true),
    await finish("client.ts", client.text, true),
    // the runtime template is copied as written: its author formats it
    await finish("runtime.ts", options.runtimeSource, false),
    await finish("index.ts", indexSource(prepared.names.byName.values(), options.importExtension), true),
  ];
  return { files, diagnostics: [...dtos.diagnostics, ...client.diagnostics] };
}

/** Returns dtos.ts, client.ts, runtime.ts and index.ts, in that order. */
export async function emitClient(api: ApiModel, options: EmitOptions): Promise<GeneratedFile[]> {
  return (await emitClientWithDiagnostics(api, options)).files;
}
