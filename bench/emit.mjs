// Emitting speed: 1000 types through the dtos/client emitter (dist/ code), before prettier.
import { performance } from "node:perf_hooks";
import { emitClient } from "../dist/emit/index.js";

const N = 1000;
const types = [];
const operations = [];
for (let i = 0; i < N; i++) {
  const name = `Type${String(i).padStart(4, "0")}`;
  const ref = `Type${String((i * 7 + 3) % N).padStart(4, "0")}`;
  types.push({
    name, kind: "class", role: "reference", from: "caption",
    ...(i % 10 === 9 ? { base: `Type${String(i - 1).padStart(4, "0")}` } : {}),
    properties: [
      { name: "Id", wireName: "id", param: "form", type: "int", required: false, origin: "table" },
      { name: "Name", wireName: "name", param: "form", type: "string", required: true, origin: "table", description: "The name" },
      { name: "Items", wireName: "items", param: "form", type: `List<${ref}>`, required: false, origin: "table" },
      { name: "Map", wireName: "map", param: "form", type: `Dictionary<string,${ref}>`, required: false, origin: "table" },
      { name: "When", wireName: "when", param: "form", type: "DateTime?", required: false, origin: "table" },
    ],
  });
  if (i % 4 === 0) operations.push({ name, method: "POST", routes: [{ verbs: ["POST"], path: `/t/${i}/{Id}` }], response: ref, tags: [], auth: null, source: "bench" });
}
const api = { wireCase: "camel", operations, types, diagnostics: [], sources: ["bench"] };
const options = {
  enums: "enum", optional: "auto", endpoint: "reply", dates: "string", format: false,
  runtimeSource: "", header: { sources: ["bench"], options: {} },
};
await emitClient(api, options); // warm-up: module loading and JIT are not emitting
const runs = 5;
let best = Infinity;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  await emitClient(api, options);
  best = Math.min(best, performance.now() - t0);
}
console.log(`emit: ${N} types in ${best.toFixed(0)} ms (${operations.length} ops, best of ${runs}, no prettier)`);
const t0 = performance.now();
await emitClient(api, { ...options, format: true });
console.log(`emit+prettier: ${N} types in ${(performance.now() - t0).toFixed(0)} ms`);
