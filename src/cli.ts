#!/usr/bin/env node
// The command line's entry. A generate or check with nothing to do is answered without loading
// yargs or the pipeline (cli-unchanged.ts); every other run goes to the yargs commands (cli-commands.ts).

import { answerUnchanged } from "./cli-unchanged.js";

const answered = await answerUnchanged(process.argv.slice(2));
if (answered !== undefined) process.exitCode = answered;
else await (await import("./cli-commands.js")).runCommands();
