import { describe, expect, it } from "vitest";
import { camel, snake, toWireCase, voteWireCase, wireCaseVotes, wireNameFor } from "../../src/model/wire-case.js";

describe("camel (§5.5 rule 4)", () => {
  it.each([
    ["UserID", "userID"],
    ["ID", "id"],
    ["URLPath", "urlPath"],
    ["Qty", "qty"],
    ["CustomerId", "customerId"],
    ["EmailAddress", "emailAddress"],
    ["A", "a"],
    ["AB", "ab"],
    ["ABc", "aBc"],
    ["already", "already"],
    ["_private", "_private"],
    ["", ""],
  ])("%s -> %s", (name, expected) => {
    expect(camel(name)).toBe(expected);
  });
});

describe("snake (§5.5 rule 5)", () => {
  it.each([
    ["UserId", "user_id"],
    ["UserID", "user_id"],
    ["URLPath", "urlpath"],
    ["Address2Line", "address2_line"],
    ["Qty", "qty"],
    ["id_code", "id_code"],
  ])("%s -> %s", (name, expected) => {
    expect(snake(name)).toBe(expected);
  });
});

describe("toWireCase / wireNameFor (§5.5 rule 3)", () => {
  it("converts to each case; unknown falls back to camel", () => {
    expect(toWireCase("UserID", "pascal")).toBe("UserID");
    expect(toWireCase("UserID", "camel")).toBe("userID");
    expect(toWireCase("UserId", "snake")).toBe("user_id");
    expect(toWireCase("UserID", "unknown")).toBe("userID");
  });
  it("prefers the exact sample key, even one that is none of the cases", () => {
    expect(wireNameFor("UserId", "camel", "uid")).toBe("uid");
    expect(wireNameFor("UserId", "camel", "")).toBe("");
    expect(wireNameFor("UserId", "pascal")).toBe("UserId");
    expect(wireNameFor("UserId", "unknown")).toBe("userId");
  });
});

describe("voteWireCase (§5.5 rules 1-2)", () => {
  it("the seed votes pascal with 9 votes", () => {
    const names = [
      "EmailAddress", "ConfirmationCode", "Total", "OpCode", "ErrorText", "RequestTime", "ResponseTime",
      "TotalExecutionTime", "CachedResponse",
    ];
    const pairs = names.map((name) => ({ name, key: name }));
    expect(wireCaseVotes(pairs)).toEqual({ pascal: 9, camel: 0, snake: 0 });
    expect(voteWireCase(pairs)).toBe("pascal");
  });
  it("the §2.10 fixture votes camel", () => {
    const pairs = ["CustomerId", "Priority", "Items", "TraceId", "Sku", "Qty", "Price"].map((name) => ({
      name,
      key: camel(name),
    }));
    // Priority/Items/Qty/Price: camel = snake, so only CustomerId, TraceId vote.
    expect(wireCaseVotes(pairs)).toEqual({ camel: 2, pascal: 0, snake: 0 });
    expect(voteWireCase(pairs)).toBe("camel");
  });
  it("names whose forms coincide do not vote", () => {
    expect(voteWireCase([{ name: "provider", key: "provider" }])).toBe("unknown");
    expect(voteWireCase([{ name: "id_code", key: "id_code" }])).toBe("unknown");
    expect(voteWireCase([{ name: "Id", key: "id" }])).toBe("unknown");
    expect(voteWireCase([{ name: "Id", key: "Id" }])).toBe("pascal");
  });
  it("keys matching no form do not vote; no votes is unknown", () => {
    expect(voteWireCase([])).toBe("unknown");
    expect(voteWireCase([{ name: "UserId", key: "USERID" }])).toBe("unknown");
  });
  it("snake keys vote snake; the majority wins", () => {
    expect(
      voteWireCase([
        { name: "UserId", key: "user_id" },
        { name: "FirstName", key: "first_name" },
        { name: "LastName", key: "LastName" },
      ]),
    ).toBe("snake");
  });
  it("ties go to camel, then pascal", () => {
    expect(voteWireCase([{ name: "UserId", key: "userId" }, { name: "FirstName", key: "FirstName" }])).toBe("camel");
    expect(voteWireCase([{ name: "UserId", key: "user_id" }, { name: "FirstName", key: "FirstName" }])).toBe("pascal");
  });
});
