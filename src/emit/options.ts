// Options shared by the emitter (pure) and the CLI/orchestration that resolves them.

export interface EmitOptions {
  /** `enum`: TS enums (spec §7.5); `union`: string-literal unions. */
  enums: "enum" | "union";
  /** `auto`: the §7.4 rule; `all`: every property optional. */
  optional: "auto" | "all";
  /** `optional`: an optional property is `name?: T`; `union`: `name: T | null` (spec §7.4 nullableAs). */
  nullable: "optional" | "union";
  /** Where the runtime sends an op with no usable route: `/json/reply/{Op}` or `/api/{Op}`. */
  endpoint: "reply" | "api";
  /** `string`: DateTime & co. are strings (spec §7.3); `Date`: typed as Date and revived by the client. */
  dates: "string" | "Date";
  /** Run prettier over the output (`--no-format` turns it off). */
  format: boolean;
  /** Prettier options already resolved from the output folder (emit does no I/O). */
  prettier?: Record<string, unknown>;
  /** Text of templates/runtime.ts, copied into runtime.ts (read by the caller). */
  runtimeSource: string;
  /** What the header comment of every file names: sources (no secrets) and non-default options. */
  header: { sources: string[]; options: Record<string, string | boolean> };
}

export const DEFAULT_EMIT_OPTIONS: Omit<EmitOptions, "runtimeSource" | "header"> = {
  enums: "enum",
  optional: "auto",
  nullable: "optional",
  endpoint: "reply",
  dates: "string",
  format: true,
};

export interface GeneratedFile {
  /** Relative to the output folder, forward slashes: dtos.ts, client.ts, runtime.ts, index.ts. */
  path: string;
  content: string;
}
