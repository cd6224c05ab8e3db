// DataContract element names decoded before anything is named after them (spec §6.3), and the
// other sample formats of §6.1: true CSV and SOAP envelopes.
import { describe, expect, it } from "vitest";
import { decodeGenericName, decodeXmlName } from "../../src/parse/xml-names.js";
import { parseSampleBody } from "../../src/parse/samples/index.js";

describe("XML element names", () => {
  it("decodes XmlConvert escapes and compiler backing fields", () => {
    expect(decodeXmlName("_x003C_Name_x003E_k__BackingField")).toBe("Name");
    expect(decodeXmlName("Price_x0020_Total")).toBe("Price Total");
    expect(decodeXmlName("Plain")).toBe("Plain");
  });

  it("decodes the generic names of ServiceStack's built-ins, with or without a namespace hash", () => {
    expect(decodeGenericName("QueryResponseOfItemXyz12abc")).toBe("QueryResponse<Item>");
    expect(decodeGenericName("QueryResponseOfCustomer")).toBe("QueryResponse<Customer>");
    expect(decodeGenericName("KeyValuePairOfstringint")).toBe("KeyValuePair<string,int>");
    // not a known generic: a user type whose name contains "Of" stays as it is
    expect(decodeGenericName("ProofOfDelivery")).toBe("ProofOfDelivery");
    expect(decodeGenericName("ArrayOfCustomer")).toBe("ArrayOfCustomer");
  });
});

describe("sample formats", () => {
  it("reads a true CSV sample as one object, quoted fields included", () => {
    const b = parseSampleBody('Id,Note\n0,"a, ""b"""\n');
    expect(b.syntax).toBe("csv");
    expect(b.value).toEqual({
      kind: "object",
      entries: [
        ["Id", { kind: "scalar", text: "0", quoted: false }],
        ["Note", { kind: "scalar", text: 'a, "b"', quoted: false }],
      ],
    });
  });

  it("is not fooled by a one-line JSV scalar or a ragged table", () => {
    expect(parseSampleBody("String").syntax).toBe("jsv");
    expect(parseSampleBody("A,B\n0").syntax).toBe("jsv");
  });

  it("unwraps SOAP 1.1 and 1.2 envelopes to the DTO inside Body", () => {
    for (const ns of ["soap", "soap12"]) {
      const b = parseSampleBody(`<${ns}:Envelope xmlns:${ns}="x"><${ns}:Body><Ping xmlns="y"><Id>0</Id></Ping></${ns}:Body></${ns}:Envelope>`);
      expect(b.rootName).toBe("Ping");
      expect(b.value).toMatchObject({ kind: "object", entries: [["Id", { kind: "scalar", text: "0" }]] });
    }
  });

  it("names decoded elements in the tree: backing fields and generic roots", () => {
    const b = parseSampleBody(
      '<QueryResponseOfItemXyz12abc xmlns="x"><Results xmlns:d2p1="y"><d2p1:Item><d2p1:_x003C_Name_x003E_k__BackingField>String</d2p1:_x003C_Name_x003E_k__BackingField></d2p1:Item></Results></QueryResponseOfItemXyz12abc>',
    );
    expect(b.rootName).toBe("QueryResponse<Item>");
    expect(JSON.stringify(b.value)).toContain('["Name",');
  });
});
