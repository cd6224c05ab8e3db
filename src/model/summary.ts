// The readable `ssgen inspect` report of a merged API.
import type { ApiModel, Auth, Diagnostic, TypeModel } from "./types.js";

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

function authText(auth: Auth): string | undefined {
  if (auth === null) return undefined;
  if (auth === "unknown") return "auth: unknown";
  const parts = (["roles", "permissions", "anyRoles", "anyPermissions"] as const)
    .filter((k) => auth[k].length)
    .map((k) => `${k} ${auth[k].join(", ")}`);
  return parts.length ? `auth: ${parts.join("; ")}` : "auth: authenticated";
}

function typeTitle(t: TypeModel): string {
  const name = t.genericParams?.length ? `${t.name}<${t.genericParams.join(",")}>` : t.name;
  const base = t.base ? ` : ${t.base}` : "";
  const notes = [t.role, t.from, ...(t.partial ? ["partial"] : [])].join(", ");
  return `${t.kind} ${name}${base}  (${notes})`;
}

export function summarize(api: ApiModel): string {
  const out: string[] = [];
  out.push(`${api.serviceName ?? "API"}: ${api.operations.length} operation(s), ${api.types.length} type(s), wire case ${api.wireCase}`);
  out.push("", "Operations");
  for (const op of api.operations) {
    out.push(`  ${op.method} ${op.name} -> ${op.response}`);
    for (const r of op.routes) out.push(`      ${r.verbs === "*" ? "*" : r.verbs.join(",")} ${r.path}`);
    if (op.tags.length) out.push(`      tags: ${op.tags.join(", ")}`);
    const auth = authText(op.auth);
    if (auth) out.push(`      ${auth}`);
    if (op.description) out.push(`      ${oneLine(op.description)}`);
  }
  out.push("", "Types");
  for (const t of api.types) {
    out.push(`  ${typeTitle(t)}`);
    if (t.kind === "enum") {
      for (const m of t.members ?? []) out.push(`      ${m.name}${m.value !== undefined ? ` = ${m.value}` : ""}`);
      continue;
    }
    for (const p of t.properties ?? []) {
      const wire = p.wireName !== p.name ? ` (${p.wireName})` : "";
      out.push(`      ${p.name}${wire}: ${p.type}${p.required ? " required" : ""}`);
    }
  }
  const byPage = new Map<string, Diagnostic[]>();
  for (const d of api.diagnostics) {
    const key = d.page ?? "(merge)";
    const list = byPage.get(key) ?? [];
    list.push(d);
    byPage.set(key, list);
  }
  out.push("", byPage.size ? "Warnings" : "Warnings: none");
  for (const [page, list] of byPage) {
    out.push(`  ${page}`);
    for (const d of list) out.push(`      ${d.code} ${oneLine(d.detail)}`);
  }
  return out.join("\n") + "\n";
}
