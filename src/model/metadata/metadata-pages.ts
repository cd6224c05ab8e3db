// A /types/metadata document -> one PageModel per operation, as if each op's page had been read
// exactly: the request, the response and every type they reach (bases, property types, nested
// generic arguments), so the usual merge (one model, one emitter) and --include/--exclude apply
// unchanged. The §8.2 built-ins the document omits are left to the merge, as for pages.
import { mergeOrder } from "../merge.js";
import type {
  Diagnostic,
  MetadataDocument,
  MetadataOperationFacts,
  MetadataTypeFacts,
  PageModel,
  TypeModel,
  TypeRole,
  WireCase,
} from "../types.js";
import { isBuiltinType } from "../merge.js";
import { metadataTypeModel } from "./metadata-type.js";
import { preferredVerb } from "./preferred-verb.js";

export interface MetadataModel {
  /** One per operation, in document order. */
  pages: PageModel[];
  /** Declared types no operation reaches (ServiceStack's own generator still emits them). */
  unreferenced: TypeModel[];
}

export function metadataPages(doc: MetadataDocument): MetadataModel {
  const wireCase: WireCase = doc.keyCase;
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  const byName = typeIndex(doc, diagnostics);
  const declared = (name: string): boolean => byName.has(name);
  const reached = new Set<string>();
  // a shared type's model is the same on every page that reaches it in the same role: built once
  const models = new Map<string, TypeModel>();
  const model = (t: MetadataTypeFacts, role: TypeRole): TypeModel => {
    const key = `${role}\u0000${t.name}`;
    let m = models.get(key);
    if (!m) models.set(key, (m = metadataTypeModel(t, role, wireCase, [], declared)));
    return m;
  };
  const pages = doc.operations.map((op) => operationPage(op, doc.source, wireCase, byName, reached, model, declared));
  if (pages[0]) pages[0].diagnostics.unshift(...diagnostics.map((d) => ({ ...d, page: doc.source })));
  const unreferenced = [...byName.values()]
    .filter((t) => !reached.has(t.name))
    .map((t) => metadataTypeModel(t, "reference", wireCase, [], declared));
  return { pages, unreferenced };
}

/** ServiceStack's own types (§8.2) are supplied by the merge, exactly as for pages. */
function isServiceStackBuiltin(t: MetadataTypeFacts): boolean {
  return isBuiltinType(t.name) && (t.namespace === undefined || /^ServiceStack(\.|$)/.test(t.namespace));
}

/** Every declared type by bare name: types[] first, then the operations' requests and responses. */
function typeIndex(doc: MetadataDocument, diagnostics: Diagnostic[]): Map<string, MetadataTypeFacts> {
  const byName = new Map<string, MetadataTypeFacts>();
  const add = (t: MetadataTypeFacts | undefined): void => {
    if (!t || t.kind === "interface" || isServiceStackBuiltin(t)) return;
    const existing = byName.get(t.name);
    if (!existing) {
      byName.set(t.name, t);
      return;
    }
    if (existing === t || (existing.namespace ?? "") === (t.namespace ?? "")) return;
    diagnostics.push({
      code: "W_TYPE_CONFLICT",
      detail: `${t.name} is declared in ${existing.namespace ?? "?"} and ${t.namespace ?? "?"}; the first is used`,
    });
  };
  doc.types.forEach(add);
  for (const op of doc.operations) {
    add(op.request);
    add(op.response);
  }
  return byName;
}

/** The bare head of a canonical type text: "QueryDb<Customer>" -> "QueryDb". */
function headName(type: string): string {
  const lt = type.indexOf("<");
  return (lt < 0 ? type : type.slice(0, lt)).replace(/[?[\]]+$/g, "");
}

function operationPage(
  op: MetadataOperationFacts,
  source: string,
  wireCase: WireCase,
  byName: ReadonlyMap<string, MetadataTypeFacts>,
  reached: Set<string>,
  shared: (t: MetadataTypeFacts, role: TypeRole) => TypeModel,
  declared: (name: string) => boolean,
): PageModel {
  const request = op.request;
  const types: TypeModel[] = [];
  const seen = new Set<string>();
  const bases = new Set<string>();
  const queue: MetadataTypeFacts[] = [];
  const enqueue = (name: string): void => {
    const t = byName.get(name);
    if (!t || seen.has(name)) return;
    seen.add(name);
    queue.push(t);
  };
  const roleOf = (t: MetadataTypeFacts): TypeRole =>
    t.name === request.name ? "request" : responseType?.name === t.name ? "response" : bases.has(t.name) ? "base" : "reference";

  // A List<X> or X[] response has no response type of its own (§4 rule 3); List is never declared.
  const responseType =
    op.response && byName.get(op.response.name) === op.response
      ? op.response
      : op.returnType.endsWith("[]")
        ? undefined
        : byName.get(headName(op.returnType));

  seen.add(request.name);
  queue.push(request);
  if (responseType) enqueue(responseType.name);
  op.returnReferences.forEach(enqueue);
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i]!;
    if (t.base) bases.add(headName(t.base));
    t.references.forEach(enqueue);
  }
  for (const t of queue) {
    reached.add(t.name);
    types.push(t === request ? metadataTypeModel(t, "request", wireCase, op.routes, declared) : shared(t, roleOf(t)));
  }

  const page: PageModel = {
    source,
    operation: request.name,
    format: "json",
    layout: "metadata-json",
    tags: [...op.tags],
    auth: op.auth,
    routes: op.routes.map((r) => ({ ...r, ...(r.verbs === "*" ? {} : { verbs: [...r.verbs] }) })),
    method: preferredVerb(op),
    response: op.returnType,
    wireCase,
    types,
    diagnostics: [],
  };
  if (request.description) page.description = request.description;
  return page;
}

/**
 * For the merge: every operation's page repeats the shared types it reaches, identical each time,
 * so only each type's first occurrence among /types/metadata pages is handed on (the merge is then
 * linear in the document's types). Pages of other sources are returned as they are.
 */
export function withoutRepeatedTypes(pages: readonly PageModel[]): PageModel[] {
  const seen = new Set<string>();
  // in the merge's own order, so the page that keeps a type is the one the merge reads first
  const kept = new Map<PageModel, PageModel>();
  for (const page of [...pages].sort(mergeOrder)) {
    if (page.layout !== "metadata-json") continue;
    const types = page.types.filter((t) => !seen.has(t.name) && (seen.add(t.name), true));
    if (types.length !== page.types.length) kept.set(page, { ...page, types });
  }
  return pages.map((page) => kept.get(page) ?? page);
}
