// §1.2: the operation's name, from what the page shows of it (op= URL, caption, /reply/ sample URL,
// XML root, the saved file's name, a route segment), in the spec's order of trust.
import { PageError, type Diagnostic, type RawPage, type SampleBody } from "./types.js";
import { parseTypeText } from "./walk/index.js";

export function operationName(raw: RawPage, req: SampleBody, explicit: string | undefined, diags: Diagnostic[]): string {
  if (explicit) return explicit;
  const typed = raw.opName ?? opParam(raw.url);
  if (typed) {
    for (const t of raw.tables) {
      const name = t.caption ? bareName(t.caption) : undefined;
      if (name && name.toLowerCase() === typed.toLowerCase()) return name;
    }
    if (req.rootName && req.rootName.toLowerCase() === typed.toLowerCase()) return req.rootName;
    return typed;
  }
  const m = /\/[\w-]+\/(?:reply|oneway)\/([A-Za-z_][A-Za-z0-9_]*)/.exec(raw.request?.url ?? "");
  if (m) return m[1]!;
  if (req.syntax === "xml" && req.rootName && /^[A-Za-z_][A-Za-z0-9_]*$/.test(req.rootName)) return req.rootName;
  const fromFile = fileOpName(raw.source);
  if (fromFile) {
    diags.push({ code: "W_OP_NAME_FROM_FILE", detail: `from the file name ${fromFile}` });
    return fromFile;
  }
  for (const route of raw.routes) {
    const segments = route.path.split(/[/?#]/).filter((s) => /^[A-Z][A-Za-z0-9_]*$/.test(s));
    const last = segments[segments.length - 1];
    if (last) {
      diags.push({ code: "W_OP_NAME_GUESSED", detail: `from route ${route.path}` });
      return last;
    }
  }
  // rule 6, second half: the sample request line's path (`POST /service/CreateShipment HTTP/1.1`)
  const samplePath = (raw.request?.url ?? "").split(/[?#]/)[0]!;
  const last = samplePath.split("/").filter((s) => /^[A-Z][A-Za-z0-9_]*$/.test(s)).pop();
  if (last) {
    diags.push({ code: "W_OP_NAME_GUESSED", detail: `from the sample request path ${samplePath}` });
    return last;
  }
  throw new PageError(
    "E_NO_OP_NAME",
    raw.source,
    "no operation name: no URL with op=, no /reply/ sample URL, no XML root and no PascalCase route segment (give one explicitly)",
  );
}

/**
 * §1.2 rule 5: a saved page's file name, when it is a PascalCase identifier (`UpdateVoucher.txt`):
 * a person chose it. URLs and names like `seed-cognito.txt` say nothing.
 */
function fileOpName(source: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return undefined;
  const base = source.slice(Math.max(source.lastIndexOf("/"), source.lastIndexOf("\\")) + 1).replace(/\.(txt|text|html?)$/i, "");
  return /^[A-Z][A-Za-z0-9_]*$/.test(base) ? base : undefined;
}

function opParam(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /[?&]op=([^&#]*)/i.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!.replace(/\+/g, " ")).trim() || undefined;
  } catch {
    return m[1] || undefined;
  }
}

function bareName(caption: string): string {
  const ref = parseTypeText(caption);
  return ref && ref.kind === "named" ? ref.name : caption.trim();
}

export function xmlRoot(root: string | undefined): string | undefined {
  return root && /^[A-Za-z_][A-Za-z0-9_]*$/.test(root) && !root.startsWith("ArrayOf") ? root : undefined;
}
