#!/usr/bin/env node
// The command line's entry. A generate or check with nothing to do is answered without loading
// yargs or the pipeline (cli-unchanged.ts); a plain generate or check with something to do runs
// without yargs (cli-run.ts); every other run goes to the yargs commands (cli-commands.ts).

import "./v8-tuning.js";
import { answerUnchanged } from "./cli-unchanged.js";

const answered = await answerUnchanged(process.argv.slice(2));
if (typeof answered === "number") process.exitCode = answered;
else if (answered) await (await import("./cli-run.js")).runPlain(answered);
else await (await import("./cli-commands.js")).runCommands();
