import { describe, expect, it } from "vitest";
import {
  canonicalType,
  formatType,
  parseCSharpType,
  referencedNames,
  TypeSyntaxError,
  tryParseCSharpType,
} from "../src/csharp-type.js";

describe("parseCSharpType", () => {
  it("reads aliases, nullables and arrays as a tree", () => {
    expect(parseCSharpType("int?")).toEqual({
      kind: "nullable",
      inner: { kind: "named", name: "int", args: [] },
    });
    expect(parseCSharpType("byte[]")).toEqual({
      kind: "array",
      element: { kind: "named", name: "byte", args: [] },
    });
    expect(parseCSharpType("Title?[]")).toEqual({
      kind: "array",
      element: { kind: "nullable", inner: { kind: "named", name: "Title", args: [] } },
    });
  });

  it("reads nested generics with CLR names and Nullable<T>", () => {
    expect(parseCSharpType("List<Dictionary<string, List<Int32>>>")).toEqual({
      kind: "named",
      name: "List",
      args: [
        {
          kind: "named",
          name: "Dictionary",
          args: [
            { kind: "named", name: "string", args: [] },
            { kind: "named", name: "List", args: [{ kind: "named", name: "int", args: [] }] },
          ],
        },
      ],
    });
    expect(parseCSharpType("Nullable<Int64>")).toEqual(parseCSharpType("long?"));
  });

  it("keeps dotted names and generic definitions", () => {
    expect(formatType(parseCSharpType("QueryDb<From, Into>"))).toBe("QueryDb<From,Into>");
    expect(formatType(parseCSharpType("System.String"))).toBe("string");
    expect(formatType(parseCSharpType("My.Ns.Thing"))).toBe("My.Ns.Thing");
  });

  it("rejects text outside the grammar with a located error", () => {
    for (const bad of ["", "List<", "List<int", "int>", "a b", "List<int,>", "<T>", "int?x"]) {
      expect(() => parseCSharpType(bad), bad).toThrow(TypeSyntaxError);
      expect(tryParseCSharpType(bad)).toBeUndefined();
    }
  });

  it("does not overflow the stack on absurd nesting", () => {
    const deep = "List<".repeat(10_000) + "int" + ">".repeat(10_000);
    expect(() => parseCSharpType(deep)).toThrow(TypeSyntaxError);
  });
});

describe("canonicalType", () => {
  it.each([
    ["Dictionary<string, List<Int32>>", "Dictionary<string,List<int>>"],
    ["Dictionary<Nullable<Title>, Nullable<Title>>", "Dictionary<Title?,Title?>"],
    ["List<Boolean>", "List<bool>"],
    ["Nullable<DateTime>", "DateTime?"],
    ["QueryResponse<T>", "QueryResponse<T>"],
    ["Int16[]", "short[]"],
    ["  int  ", "int"],
  ])("%s -> %s", (input, expected) => {
    expect(canonicalType(input)).toBe(expected);
  });

  it("passes override text through, trimmed", () => {
    expect(canonicalType(" some  free text ")).toBe("some free text");
  });
});

describe("referencedNames (spec §4 refType)", () => {
  it.each([
    ["Address", ["Address"]],
    ["List<Address>", ["Address"]],
    ["Dictionary<string, Address>", ["Address"]],
    ["Title?", ["Title"]],
    ["Address[]", ["Address"]],
    ["Dictionary<string, List<Address>>", []],
    ["QueryDb<Customer>", ["QueryDb"]],
    ["string", []],
    ["Dictionary<string,string>", []],
  ])("%s -> %j", (input, expected) => {
    expect(referencedNames(parseCSharpType(input))).toEqual(expected);
  });
});
