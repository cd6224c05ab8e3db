// The exact search of captioned pages (walk/bound.ts prunes, walk/memo.ts remembers states) must
// read every page exactly as the plain search does when the plain search finishes: the same best
// parse, the same first parse, the same tied alternatives and the same tables ties name otherwise. And it must finish the big pages the
// plain search gave up on at its cap (issue 13: capped pages kept their first parse).
import { describe, expect, it } from "vitest";
import { preparePage } from "../../src/model/page.js";
import { planWalk, walkTables, type BaseRule, type WalkInput } from "../../src/model/walk/index.js";
import { Overflow } from "../../src/model/walk/reading.js";
import { EXACT_FROM, Search, type ExactFrom } from "../../src/model/walk/search.js";
import { parseHtmlPage } from "../../src/parse/html.js";
import { parseTextPage } from "../../src/parse/text.js";
import { generateService, renderService } from "../helpers/random-service/index.js";

/** Every page's walk input, as the solve builds it before any base is decided (every base open). */
function walkInputs(seed: number, ops: number, rendering: "html" | "flat", refRate?: number): WalkInput[] {
  const files = renderService(generateService({ seed, ops, ...(refRate !== undefined && { refRate }) }), rendering);
  const inputs = files.flatMap((f) => {
    const raw = rendering === "html" ? parseHtmlPage(f.text, f.path) : parseTextPage(f.text, f.path);
    const walk = preparePage(raw).walk;
    return walk ? [walk] : [];
  });
  const tableful = new Set<string>();
  for (const input of inputs) for (const t of planWalk(input).tables) if (t.caption !== undefined) tableful.add(t.caption);
  return inputs.map((input) => ({ ...input, tableful }));
}

/** A fixed rule that closes some bases and imposes others, as the solve's decisions do. */
const someRule: BaseRule = (d, b) => {
  const h = ((d + 7) * 31 + b * 17) % 11;
  return h === 0 ? "must" : h < 4 ? "never" : "may";
};

interface Outcome {
  reading?: string;
  nodes: number;
}

/** The exact search from the first node (the default waits: most mistakes would show on no page then). */
const EAGER: ExactFrom = { bound: 0, memo: 0 };

function search(input: WalkInput, exact: ExactFrom | false, cap: number): Outcome {
  const plan = planWalk(input);
  const s = new Search(plan.tables, input, cap, exact);
  try {
    s.run(plan.requestTable);
  } catch (e) {
    if (e instanceof Overflow) return { nodes: s.nodes };
    throw e;
  }
  const parse = (p: typeof s.best) => p && `${p.score} ${p.sig}`;
  return { reading: JSON.stringify([parse(s.best), parse(s.first), s.alternatives.map(parse), [...(s.unsure ?? [])]]), nodes: s.nodes };
}

/** Plain and exact search of every page: the pages they read differently, and the nodes each took. */
function compare(inputs: readonly WalkInput[], cap: number) {
  const differ: string[] = [];
  let compared = 0;
  let plainNodes = 0;
  let exactNodes = 0;
  for (const input of inputs) {
    const plain = search(input, false, cap);
    if (plain.reading === undefined) continue; // the plain search cannot say within the budget
    compared++;
    plainNodes += plain.nodes;
    for (const from of [EXACT_FROM, EAGER]) {
      const exact = search(input, from, cap);
      if (from === EXACT_FROM) exactNodes += exact.nodes;
      if (exact.reading !== plain.reading) differ.push(`${input.operation} (from ${from.bound}/${from.memo}): ${exact.reading ?? "overflowed"} instead of ${plain.reading}`);
    }
  }
  return { differ, compared, plainNodes, exactNodes };
}

describe("the exact search of captioned pages", () => {
  // more references than the default: pages of 20 to 65 tables, a few dozen that take the plain search
  // over 512 nodes (where the memo starts) and one or two it cannot finish within the budget
  const cases = [
    { rendering: "html", seed: 2, rules: [undefined, someRule] },
    { rendering: "html", seed: 3, rules: [undefined, someRule] },
    { rendering: "flat", seed: 3, rules: [someRule] },
  ] as const;
  for (const { rendering, seed, rules } of cases) {
    it(`reads every ${rendering} page of a random service (seed ${seed}) as the plain search does`, () => {
      const inputs = walkInputs(seed, 150, rendering, 0.4);
      for (const rule of rules) {
        const r = compare(rule ? inputs.map((i) => ({ ...i, baseRule: rule })) : inputs, 200_000);
        expect(r.differ).toEqual([]);
        expect(r.compared).toBeGreaterThan(140);
        expect(r.exactNodes).toBeLessThan(r.plainNodes);
      }
    });
  }

  it("solves within the cap a page the plain search gave up on, with the plain search's reading", () => {
    // seed 2, 150 ops: ArchiveLedger's 28 tables take the plain search over 100,000 nodes
    const input = walkInputs(2, 150, "html").find((i) => i.operation === "ArchiveLedger")!;
    expect(search(input, false, 100_000).reading).toBeUndefined();
    const exact = search(input, EXACT_FROM, 100_000);
    expect(exact.reading).toBe(search(input, false, 5_000_000).reading);
    expect(exact.nodes).toBeLessThan(20_000);
    const walked = walkTables(input);
    expect(walked.overflowed).toBeUndefined();
    expect(walked.diagnostics.filter((d) => /search stopped/.test(d.detail))).toEqual([]);
  });

  it("keeps the plain search for uncaptioned pages", () => {
    const input = { ...walkInputs(2, 150, "html").find((i) => i.operation === "ArchiveLedger")!, captions: false };
    const plan = planWalk(input);
    const nodes = (exact: ExactFrom | false) => {
      const s = new Search(plan.tables, input, 20_000, exact);
      try {
        s.run(plan.requestTable);
      } catch (e) {
        if (!(e instanceof Overflow)) throw e;
      }
      return s.nodes;
    };
    expect(nodes(EAGER)).toBe(nodes(false));
  });
});
