// The package's entry point (`import { generate } from "ssgen"`): the programmatic API, typed.
// Options are the config file's keys (src/options.ts); resolveOptions applies the defaults once.
import { resolveRunOptions, validateConfig, type ConfigShape, type RunOptions } from "./source/config.js";

export {
  check,
  generate,
  inspect,
  formatGenerateSummary,
  silentReporter,
  EXIT,
  RunFailedError,
  SsgenError,
  UsageError,
  type CheckResult,
  type GenerateResult,
  type InspectResult,
  type Reporter,
  type RunOptions,
} from "./api.js";
export { defaultRunOptions, type ConfigShape } from "./source/config.js";
export { OPTIONS, type OptionName } from "./options.js";
export type { CheckReport, ModelChanges } from "./write/check.js";
export type { ApiModel, OperationModel, PageModel, PropertyModel, TypeModel } from "./model/types.js";
export { SSGEN_VERSION as version } from "./version.js";

/**
 * Validates options given the way ssgen.config.json spells them and resolves them (paths against
 * `cwd`, every default applied, `bearerEnv` read from `env`): `generate(resolveOptions({ url: [...], out: "src/api" }))`.
 */
export function resolveOptions(
  options: ConfigShape,
  { cwd = process.cwd(), env = process.env }: { cwd?: string; env?: Record<string, string | undefined> } = {},
): RunOptions {
  const config = validateConfig(options, "options");
  return resolveRunOptions({ flags: {}, loaded: { config, dir: cwd }, cwd, env });
}
