// Request DTOs for the runtime tests, shaped like generated ones: wire fields are own properties,
// getTypeName/getMethod/createResponse live on the prototype.
import type { RequestDto } from "../../templates/runtime.js";

export function dto<T = unknown>(op: string, fields: Record<string, unknown> = {}, method?: string, response?: T): RequestDto<T> {
  const proto: RequestDto<T> = {
    getTypeName: () => op,
    createResponse: () => (response ?? {}) as T,
    ...(method && { getMethod: () => method }),
  };
  return Object.assign(Object.create(proto) as RequestDto<T>, fields);
}
