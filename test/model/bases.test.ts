// The global base decisions of the cross-page solve (src/model/solve/bases.ts), on hand-made votes.
import { describe, expect, it } from "vitest";
import { baseCandidates, breakCycles, decideBases, settleContested, type BaseDecision, type BaseVotes, type PageKeys } from "../../src/model/solve/bases.js";

const votes = (yes: [string, string, string[]][], no: [string, string, string[]][]): BaseVotes => {
  const map = (list: [string, string, string[]][]) => {
    const out = new Map<string, Map<string, string[]>>();
    for (const [t, b, pages] of list) out.set(t, new Map([...(out.get(t) ?? []), [b, pages]]));
    return out;
  };
  return { yes: map(yes), no: map(no) };
};

describe("base decisions", () => {
  it("a page that paid for a base wins a tie with pages that read the same without it", () => {
    const v = votes([["Product", "Account", ["PatchAccount.html"]]], [["Product", "Account", ["FindAccount.html"]]]);
    const decided = decideBases(v);
    expect(decided.has("Product")).toBe(false); // the count alone: a tie, fewer bases win
    settleContested(v, decided, () => false);
    expect(decided.get("Product")).toEqual({ base: "Account", pages: ["PatchAccount.html"] });
  });

  it("a page that contradicts the base keeps the type without one", () => {
    const v = votes([["Product", "Account", ["PatchAccount.html"]]], [["Product", "Account", ["FindAccount.html", "GetAccount.html"]]]);
    const decided = decideBases(v);
    const asked: string[] = [];
    settleContested(v, decided, (t, b, page) => (asked.push(`${t}:${b}@${page}`), page === "GetAccount.html"));
    expect(decided.has("Product")).toBe(false);
    expect(asked).toEqual(["Product:Account@FindAccount.html", "Product:Account@GetAccount.html"]);
  });

  it("no class derives from itself: the link fewest pages chose goes", () => {
    const decided = new Map<string, BaseDecision>([
      ["Invoice", { base: "Order", pages: ["A.html"] }],
      ["Order", { base: "Invoice", pages: ["B.html", "C.html"] }],
      ["Line", { base: "Order", pages: ["A.html"] }],
    ]);
    breakCycles(decided);
    expect([...decided].map(([t, d]) => `${t}:${d.base}`).sort()).toEqual(["Line:Order", "Order:Invoice"]);
  });
});

describe("base candidates", () => {
  // `#Ended` is followed by `#City` wherever it is not last; one complete page ends with it
  const followed: PageKeys = { source: "GetCoupon.txt", keys: ["#Id", "#Ended", "#City"], params: [true, true, true], complete: true };
  const ending = (responseAtEnd: boolean): PageKeys => ({ source: "PatchOrder.txt", keys: ["#Label", "#Ended"], params: [true, true], complete: true, ...(responseAtEnd && { responseAtEnd }) });
  const rows = new Map([["#Id", new Set(["id"])], ["#Ended", new Set(["ended"])], ["#City", new Set(["city"])], ["#Label", new Set(["label"])]]);

  it("a complete page that ends with T refutes a base of T", () => {
    expect(baseCandidates([followed, ending(false)], rows).possible.get("#Ended")).toBeUndefined();
  });

  it("a last table that the response sample shows whole refutes nothing: it may be another type with T's rows", () => {
    expect([...(baseCandidates([followed, ending(true)], rows).possible.get("#Ended") ?? [])]).toEqual(["#City"]);
  });
});
