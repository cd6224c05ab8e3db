// The one-way flow of the guide: source -> parse -> model -> emit -> write. No module of model/
// reads page text (parse/), source/ never reaches into emit/, and parse/ knows only the model's
// vocabulary (model/types.ts). Neutral top-level modules (diagnostics.ts, csharp-type.ts,
// options.ts) serve every stage.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Every relative import of a file (static, re-export and dynamic), as a path relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)["'](\.[^"']+)["']/g)) {
    const target = path.relative(SRC, path.resolve(path.dirname(file), m[1]!)).split(path.sep).join("/");
    out.push(target.replace(/\.js$/, ".ts"));
  }
  return out;
}

const stage = (rel: string): string => (rel.includes("/") ? rel.slice(0, rel.indexOf("/")) : rel);

/** stage -> what it must not import (a stage folder, or a file relative to src/). */
const FORBIDDEN: Record<string, (target: string) => boolean> = {
  model: (t) => ["parse", "source", "emit", "write", "api.ts", "inputs.ts", "cli.ts", "cli-commands.ts", "cli-unchanged.ts"].includes(stage(t)),
  parse: (t) => ["source", "emit", "write", "api.ts", "inputs.ts", "cli.ts", "cli-commands.ts", "cli-unchanged.ts"].includes(stage(t)) || (stage(t) === "model" && t !== "model/types.ts"),
  source: (t) => ["emit", "write", "api.ts", "inputs.ts", "cli.ts", "cli-commands.ts", "cli-unchanged.ts"].includes(stage(t)),
  emit: (t) => ["parse", "write", "api.ts", "inputs.ts", "cli.ts", "cli-commands.ts", "cli-unchanged.ts"].includes(stage(t)),
};

/** Known exceptions, each with the reason it is still there. */
const ALLOWED = new Set<string>([]);

describe("imports run one way", () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join("/");
    const rule = FORBIDDEN[stage(rel)];
    if (!rule) continue;
    for (const target of importsOf(file)) {
      const edge = `${rel} -> ${target}`;
      if (rule(target) && !ALLOWED.has(edge)) violations.push(edge);
    }
  }

  it("no module of model/ imports parse/ (or any other stage); source/ does not import emit/", () => {
    expect(violations).toEqual([]);
  });

  it("the checker sees the imports it must judge", () => {
    expect(importsOf(path.join(SRC, "model", "page.ts"))).toContain("model/types.ts");
    expect(FORBIDDEN.model!("parse/samples.ts")).toBe(true);
    expect(FORBIDDEN.source!("emit/index.ts")).toBe(true);
    expect(FORBIDDEN.parse!("model/walk.ts")).toBe(true);
  });
});
