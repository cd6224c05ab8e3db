// The true service in ssgen's own vocabulary (src/model/types.ts), so a recovered ApiModel can be
// compared with it field by field.
import type { ApiModel, OperationModel, TypeModel, TypeRole } from "../../../src/model/types.js";
import { SUPPLIED_BUILTINS } from "./builtins.js";
import { canonical } from "./csharp.js";
import { baseName } from "./generate.js";
import { requestParam } from "./page.js";
import { wireKey } from "./samples.js";
import type { TrueOperation, TrueService } from "./service.js";

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** §8.3 without marker interfaces (pages cannot show them). */
export function preferredVerb(service: TrueService, op: TrueOperation): string {
  const single = new Set(op.routes.flatMap((r) => (r.verbs !== "*" && r.verbs.length === 1 ? r.verbs : [])));
  if (single.size === 1) return [...single][0]!;
  const request = service.types.get(op.name);
  if (request?.kind === "class" && request.base && baseName(request.base) === "QueryDb") return "GET";
  return "POST";
}

export function toApiModel(service: TrueService, source: (op: TrueOperation) => string = (op) => op.name): ApiModel {
  const ops = new Map(service.operations.map((o) => [o.name, o]));
  const responses = new Set(service.operations.flatMap((o) => (o.response !== "void" && o.response.kind === "named" ? [o.response.name] : [])));
  const bases = new Set([...service.types.values()].flatMap((t) => (t.kind === "class" && t.base ? [baseName(t.base)] : [])));
  const genericArgs = new Set(
    [...service.types.values()].flatMap((t) => (t.kind === "class" && t.base?.kind === "named" ? t.base.args.flatMap((a) => (a.kind === "named" ? [a.name] : [])) : [])),
  );
  const role = (name: string): TypeRole =>
    ops.has(name) ? "request" : responses.has(name) ? "response" : bases.has(name) ? "base" : genericArgs.has(name) ? "generic-arg" : "reference";

  const types: TypeModel[] = [];
  for (const t of service.types.values()) {
    if (SUPPLIED_BUILTINS.has(t.name)) continue;
    if (t.kind === "enum") {
      types.push({
        name: t.name, kind: "enum", role: role(t.name), from: "caption",
        members: t.members.map((m) => ({ name: m.name, ...(m.value !== undefined && { value: m.value }), ...(m.description && { description: m.description }) })),
        ...(t.valued !== "none" && { valued: true }),
      });
      continue;
    }
    const op = ops.get(t.name);
    types.push({
      name: t.name, kind: "class", role: role(t.name), from: "caption",
      ...(t.base && { base: canonical(t.base) }),
      ...(t.genericParams && { genericParams: [...t.genericParams] }),
      properties: t.properties.map((p) => ({
        name: p.name,
        wireName: wireKey(service, p.name),
        param: op ? requestParam(op, p) : "form",
        type: canonical(p.type),
        required: p.required,
        ...(p.description && { description: p.description }),
        ...(p.allowableValues && { allowableValues: [...p.allowableValues] }),
        ...(p.range && { range: [...p.range] as [number, number] }),
        origin: "table" as const,
      })),
    });
  }
  const operations: OperationModel[] = service.operations.map((op) => ({
    name: op.name,
    method: preferredVerb(service, op),
    routes: op.routes.map((r) => ({ ...r, verbs: r.verbs === "*" ? "*" : [...r.verbs] })),
    response: op.response === "void" ? "void" : canonical(op.response),
    tags: [...op.tags],
    ...(op.description && { description: op.description }),
    auth: op.auth && { ...op.auth },
    source: source(op),
  }));
  return {
    serviceName: service.serviceName,
    wireCase: service.wireCase,
    operations: operations.sort((a, b) => cmp(a.name, b.name)),
    types: types.sort((a, b) => cmp(a.name, b.name)),
    diagnostics: [],
    sources: service.operations.map(source),
  };
}
