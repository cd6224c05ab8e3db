// tanstack.ts (--tanstack): TanStack Query helpers over client.ts's per-operation functions. Per GET
// operation a query key and query options (`queryClient.fetchQuery(getCustomerQuery(client, { id }))`,
// `useQuery(getCustomerQuery(client, { id }))`); per other operation mutation options. Depends on
// @tanstack/query-core's types only (imported as types), so any adapter (react, vue, solid, svelte) fits.
// Not part of the index.ts barrel: apps without TanStack never see its import.
import type { ApiModel } from "../model/types.js";
import { operationFunctionNames } from "./client.js";
import type { PreparedApi } from "./dtos.js";
import { commentText, stringLiteral } from "./naming.js";
import { relativeImport, type EmitOptions } from "./options.js";

/** Emits tanstack.ts (without header and formatting). */
export function emitTanstackFile(
  _api: ApiModel,
  options: Partial<Pick<EmitOptions, "importExtension">>,
  prepared: PreparedApi,
): { text: string } {
  const functions = operationFunctionNames(prepared);
  const taken = new Set<string>();
  // exported names are unique case-insensitively, like every other generated name
  const fresh = (wanted: string) => {
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  };
  const from = (module: string) => stringLiteral(relativeImport(module, options.importExtension));
  const out: string[] = [
    'import type { QueryFunctionContext } from "@tanstack/query-core";',
    `import type { CallOptions, Fields, ServiceClient } from ${from("runtime")};`,
    `import type * as dtos from ${from("dtos")};`,
    `import * as api from ${from("client")};`,
    "",
  ];
  for (const op of prepared.operations) {
    const fn = functions.get(op.name)!.fn;
    const request = `Fields<dtos.${prepared.names.tsName(op.name)}>`;
    const name = stringLiteral(op.name);
    if (op.method.toUpperCase() === "GET") {
      const key = fresh(`${fn}Key`), query = fresh(`${fn}Query`);
      out.push(
        `/** Query key of ${commentText(op.name)}: the op name, then the request (a prefix \`[${commentText(name)}]\` matches every call). */`,
        `export const ${key} = (request: ${request}) => [${name}, request] as const;`,
        "",
        `/** Query options for ${commentText(op.name)}: pass to fetchQuery, prefetchQuery, useQuery...; the query's signal cancels the call. */`,
        `export const ${query} = (client: ServiceClient, request: ${request}, options?: CallOptions) => ({`,
        `  queryKey: ${key}(request),`,
        `  queryFn: ({ signal }: QueryFunctionContext<ReturnType<typeof ${key}>>) => api.${fn}(client, request, { ...options, signal }),`,
        "});",
        "",
      );
    } else {
      const mutation = fresh(`${fn}Mutation`);
      out.push(
        `/** Mutation options for ${commentText(op.name)}: pass to a MutationObserver or useMutation, then mutate(request). */`,
        `export const ${mutation} = (client: ServiceClient, options?: CallOptions) => ({`,
        `  mutationKey: [${name}] as const,`,
        `  mutationFn: (request: ${request}) => api.${fn}(client, request, options),`,
        "});",
        "",
      );
    }
  }
  return { text: out.join("\n") };
}
