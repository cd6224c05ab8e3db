// Emission on large single declarations (issue 13 target 4): 100k enum members, 100k properties of
// one class, 20k classes in a base chain, each through the whole emitter (printing, no prettier
// needed) from the built dist/. Prints the time of each; target: each <= 10 s.
import { emitClient } from "../dist/emit/index.js";

const N = Number(process.argv[2] ?? 100_000);
const CHAIN = Number(process.argv[3] ?? 20_000);
const options = { enums: "enum", optional: "auto", nullable: "optional", endpoint: "reply", dates: "string", format: true, runtimeSource: "", header: { sources: ["bench"], options: {} } };
const api = (types, operations = []) => ({ wireCase: "camel", operations, types, diagnostics: [], sources: ["bench"] });
const prop = (name, type) => ({ name, wireName: name[0].toLowerCase() + name.slice(1), param: "form", type, required: false, origin: "table" });

const cases = [
  [`${N} enum members`, api([{ name: "Big", kind: "enum", role: "reference", from: "caption", members: Array.from({ length: N }, (_, i) => ({ name: `Member${i}` })) }])],
  [`${N} properties`, api([{ name: "Wide", kind: "class", role: "reference", from: "caption", properties: Array.from({ length: N }, (_, i) => prop(`Field${i}`, i % 3 ? "string" : "List<int>")) }])],
  [`${CHAIN} chained classes`, api(Array.from({ length: CHAIN }, (_, i) => ({ name: `T${i}`, kind: "class", role: "reference", from: "caption", ...(i ? { base: `T${i - 1}` } : {}), properties: [prop(`P${i}`, "int")] })))],
];
let worst = 0;
for (const [label, model] of cases) {
  const t0 = performance.now();
  const files = await emitClient(model, options);
  const ms = performance.now() - t0;
  worst = Math.max(worst, ms);
  console.log(`linear: ${label}: ${(ms / 1000).toFixed(2)} s (${(files[0].content.length / 1e6).toFixed(1)} MB dtos.ts)`);
}
console.log(`linear target (each <= 10 s): ${worst <= 10_000 ? "met" : "MISSED"}`);
