// The canonical line dump of a PageModel (spec §1.4): what the fixture .dump files hold.
import type { AuthRequirements, PageModel, TypeModel } from "./types.js";

/** One line per item; a quoted string keeps the dump line-based, so a newline inside it is written \n. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, "\\n")}"`;
}

const oneLine = (text: string): string => text.replace(/\s*(\r\n|\r|\n)\s*/g, " ");

function authLine(auth: AuthRequirements): string {
  const parts = (["roles", "permissions", "anyRoles", "anyPermissions"] as const)
    .filter((k) => auth[k].length > 0)
    .map((k) => `${k}=${auth[k].join(",")}`);
  return ["auth", ...parts].join(" ");
}

function typeHeader(t: TypeModel): string {
  const name = t.genericParams?.length ? `${t.name}<${t.genericParams.join(",")}>` : t.name;
  const head =
    t.kind === "enum"
      ? `enum ${name}`
      : `${t.kind === "interface" ? "interface" : "type"} ${name}${t.base ? ` : ${t.base}` : ""}${t.interfaces?.length ? ` implements ${t.interfaces.join(",")}` : ""}`;
  return `${head} role=${t.role} from=${t.from}${t.partial ? " partial" : ""}`;
}

export function dumpPage(page: PageModel): string {
  const lines: string[] = [
    `op ${page.operation} method=${page.method} format=${page.format} layout=${page.layout} wire=${page.wireCase} response=${page.response}`,
  ];
  if (page.serviceName) lines.push(`service ${quote(page.serviceName)}`);
  for (const tag of page.tags) lines.push(`tag ${tag}`);
  if (page.description) lines.push(`desc ${quote(page.description)}`);
  if (page.auth === "unknown") lines.push("auth unknown");
  else if (page.auth) lines.push(authLine(page.auth));
  for (const r of page.routes) lines.push(`route ${r.verbs === "*" ? "*" : r.verbs.join(",")} ${r.path}`);
  for (const t of page.types) {
    lines.push(typeHeader(t));
    if (t.kind === "enum") {
      for (const m of t.members ?? []) {
        let line = `  member ${m.name}`;
        if (m.value !== undefined) line += `=${m.value}`;
        if (m.description) line += ` ${quote(m.description)}`;
        lines.push(line);
      }
      continue;
    }
    for (const p of t.properties ?? []) {
      let line = `  prop ${p.name} ${p.wireName} ${p.param} ${p.type} ${p.required ? "Y" : "N"}`;
      if (p.range) line += ` range=${p.range[0]}..${p.range[1]}`;
      if (p.allowableValues?.length) line += ` values=${p.allowableValues.join("|")}`;
      if (p.description) line += ` ${quote(p.description)}`;
      lines.push(line);
    }
  }
  for (const d of page.diagnostics) lines.push(`warn ${d.code} ${oneLine(d.detail)}`.trimEnd());
  return lines.join("\n") + "\n";
}
