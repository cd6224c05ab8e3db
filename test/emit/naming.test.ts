import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import {
  CLIENT_MEMBERS,
  RUNTIME_EXPORTS,
  assignMethodNames,
  assignTypeNames,
  camelCase,
  commentLines,
  commentText,
  enumMemberName,
  isIdentifier,
  propertyKey,
  sanitizeIdentifier,
  stringLiteral,
} from "../../src/emit/naming.js";

const RUNTIME = resolve(import.meta.dirname, "../../templates/runtime.ts");

describe("identifiers", () => {
  it("keeps valid names and repairs the rest deterministically", () => {
    expect(sanitizeIdentifier("Customer")).toBe("Customer");
    expect(sanitizeIdentifier("Foo-Bar baz")).toBe("Foo_Bar_baz");
    expect(sanitizeIdentifier("1st")).toBe("_1st");
    expect(sanitizeIdentifier("class")).toBe("class_");
    expect(sanitizeIdentifier("Größe")).toBe("Gr__e");
    expect(sanitizeIdentifier("\u{118A0}x")).toBe("_x");
    expect(sanitizeIdentifier("a*/b")).toBe("a__b");
    expect(sanitizeIdentifier("")).toBe("_");
  });

  it("quotes property keys that are not identifiers and computes `constructor`", () => {
    expect(propertyKey("name")).toBe("name");
    expect(propertyKey("class")).toBe("class");
    expect(propertyKey("x-id")).toBe("'x-id'");
    expect(propertyKey("it's")).toBe("'it\\'s'");
    expect(propertyKey("constructor")).toBe("['constructor']");
  });

  it("quotes enum members that are not identifiers, including numeric-looking ones", () => {
    expect(enumMemberName("Mr")).toBe("Mr");
    expect(enumMemberName("Member A")).toBe("'Member A'");
    expect(enumMemberName("1st")).toBe("_1st");
  });

  it("takes only ASCII identifiers (tools disagree on Unicode ones), quoting the rest", () => {
    expect(isIdentifier("Größe")).toBe(false);
    expect(isIdentifier("x\u1acf")).toBe(false);
    expect(propertyKey("größe")).toBe("'größe'");
    expect(isIdentifier("a b")).toBe(false);
    expect(isIdentifier("$x_1")).toBe(true);
  });
});

describe("string literals and comments", () => {
  it("never hands ts-morph's writer a `/*` or `//` inside a string literal", () => {
    expect(stringLiteral("/*\\")).toBe("'/\\*\\\\'");
    expect(stringLiteral("a//b")).toBe("'a/\\/b'");
    expect(eval(stringLiteral("/*x*/ //y"))).toBe("/*x*/ //y");
  });

  it("string literals cannot be terminated by their content", () => {
    const nasty = "a'b\\c\nd\re\u2028f\u2029g</script>${h}`i\u0000";
    const lit = stringLiteral(nasty);
    expect(lit).not.toMatch(/[\n\r\u2028\u2029\u0000]/);
    expect(lit).not.toContain("</script>");
    // the literal evaluates back to the original text
    expect(new Function(`return ${lit};`)()).toBe(nasty);
  });

  it("comment text never contains `*/` or a line terminator", () => {
    const text = "ends */ here\nnext\u2028line\u2029 and \r\n more */";
    for (const line of commentLines(text)) {
      expect(line).not.toContain("*/");
      expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
    }
    expect(commentLines(text)).toHaveLength(5);
    expect(commentText(text)).not.toMatch(/\*\/|[\n\r\u2028\u2029]/);
    expect(commentLines("\n\n  \nbody\n\n")).toEqual(["body"]);
  });
});

describe("camelCase (§5.5 rule 4)", () => {
  it.each([
    ["UserID", "userID"],
    ["ID", "id"],
    ["URLPath", "urlPath"],
    ["Qty", "qty"],
    ["CognitoSendConfirmCodeRequest", "cognitoSendConfirmCodeRequest"],
    ["already", "already"],
  ])("%s -> %s", (input, out) => expect(camelCase(input)).toBe(out));
});

describe("type names", () => {
  it("renames clashes with runtime exports, used globals and reserved words", () => {
    const names = assignTypeNames(["ApiError", "ServiceClient", "Object", "class", "Customer", "ResponseStatus"]);
    expect(names.byName.get("Customer")).toBe("Customer");
    expect(names.byName.get("ApiError")).toBe("ApiError_2");
    expect(names.byName.get("ServiceClient")).toBe("ServiceClient_2");
    expect(names.byName.get("Object")).toBe("Object_2");
    expect(names.byName.get("class")).toBe("class_");
    // shared with the runtime on purpose: index.ts re-exports the DTO explicitly
    expect(names.byName.get("ResponseStatus")).toBe("ResponseStatus");
  });

  it("makes names unique case-insensitively, preferring names that need no change", () => {
    const names = assignTypeNames(["Foo-Bar", "Foo_Bar", "FOO", "Foo"]);
    expect(names.byName.get("Foo_Bar")).toBe("Foo_Bar");
    expect(names.byName.get("Foo-Bar")).toBe("Foo_Bar_2");
    expect(names.byName.get("FOO")).toBe("FOO");
    expect(names.byName.get("Foo")).toBe("Foo_2");
    const lower = [...names.byName.values()].map((n) => n.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it("does not depend on input order", () => {
    const input = ["b-x", "B_x", "A", "a", "ApiError", "Z z"];
    const a = assignTypeNames(input);
    const b = assignTypeNames([...input].reverse());
    expect([...a.byName].sort()).toEqual([...b.byName].sort());
  });
});

describe("client method names", () => {
  it("are camelCase, unique and never shadow ServiceClient members", () => {
    const m = assignMethodNames(["Send", "SendAll", "GetCustomer", "getCustomer", "Constructor", "Call", "Ops", "9Lives"]);
    expect(m.get("GetCustomer")).toBe("getCustomer");
    expect(m.get("getCustomer")).toBe("getCustomer_2");
    expect(m.get("Send")).toBe("send_2");
    expect(m.get("SendAll")).toBe("sendAll_2");
    expect(m.get("Constructor")).toBe("constructor_");
    expect(m.get("Call")).toBe("call_2");
    expect(m.get("Ops")).toBe("ops_2");
    expect(isIdentifier(m.get("9Lives")!)).toBe(true);
  });
});

describe("lists kept in sync with templates/runtime.ts", () => {
  const present = existsSync(RUNTIME);
  if (!present) console.log(`skipping runtime sync checks: ${RUNTIME} does not exist yet`);

  it.skipIf(!present)("RUNTIME_EXPORTS equals the template's exports", () => {
    const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
    const file = project.createSourceFile("runtime.ts", readFileSync(RUNTIME, "utf8"));
    const exported = [...file.getExportedDeclarations().keys()].sort();
    expect([...RUNTIME_EXPORTS].sort()).toEqual(exported);
  });

  it.skipIf(!present)("CLIENT_MEMBERS covers every ServiceClient member, private ones included", () => {
    const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
    const file = project.createSourceFile("runtime.ts", readFileSync(RUNTIME, "utf8"));
    const cls = file.getClassOrThrow("ServiceClient");
    const members = cls.getMembers().flatMap((m) => ("getName" in m && typeof m.getName === "function" ? [m.getName() as string] : []));
    expect(members.length).toBeGreaterThan(3);
    // #private members cannot collide with a generated method
    for (const m of members) if (!m.startsWith("#")) expect(CLIENT_MEMBERS).toContain(m);
  });
});
