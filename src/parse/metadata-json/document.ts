// A /types/metadata document (spec §9, input D of §1.1) -> MetadataDocument facts. The JSON is data
// from the server: anything malformed inside it drops that entry with a warning; only a document
// that is not a MetadataTypes object at all fails (E_NOT_METADATA / E_METADATA_JSON).
import { PageError, type Diagnostic, type MetadataDocument } from "../../model/types.js";
import { stripBom } from "../detect.js";
import { field, isObject, keyCaseOf, objects } from "./json-fields.js";
import { readMetadataOperation } from "./metadata-operation.js";
import { readMetadataType } from "./metadata-type.js";

export function parseMetadataDocument(input: string, source: string): MetadataDocument {
  let root: unknown;
  try {
    root = JSON.parse(stripBom(input));
  } catch (error) {
    throw new PageError("E_METADATA_JSON", source, `is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(root) || !Array.isArray(field(root, "operations")) || !Array.isArray(field(root, "types"))) {
    throw new PageError("E_NOT_METADATA", source, "JSON that is not a /types/metadata document (no operations and types)");
  }
  const diagnostics: Diagnostic[] = [];
  const types = [];
  for (const [i, value] of objects(root, "types").entries()) {
    const t = readMetadataType(value);
    if (t) types.push(t);
    else diagnostics.push({ code: "W_METADATA_ENTRY", detail: `types[${i}] has no name; skipped` });
  }
  const operations = [];
  for (const [i, value] of objects(root, "operations").entries()) {
    const op = readMetadataOperation(value);
    if (op) operations.push(op);
    else diagnostics.push({ code: "W_METADATA_ENTRY", detail: `operations[${i}] has no request type; skipped` });
  }
  return { source, keyCase: keyCaseOf(root), types, operations, diagnostics };
}
