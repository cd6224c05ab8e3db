// The HTML op page's one walk: collects the elements that carry facts (Pieces), in document order.
import { classesOf, NodeType, tag, textOf, type HTMLElement } from "./html-dom.js";

/** The elements of one page that carry facts, in document order. */
export interface Pieces {
  title?: HTMLElement;
  h1?: HTMLElement;
  h2?: HTMLElement;
  tags?: HTMLElement;
  desc?: HTMLElement;
  auth?: HTMLElement;
  routes?: HTMLElement;
  /** params and enum tables in page order. */
  typeTables: HTMLElement[];
  operation?: HTMLElement;
  callInfo?: HTMLElement;
  exampleHeading?: HTMLElement;
  requestPre?: HTMLElement;
  responsePre?: HTMLElement;
  langCode?: string;
  codeElement?: HTMLElement;
}

function visitCode(el: HTMLElement, p: Pieces): void {
  if (p.langCode || !el.rawTagName || tag(el) !== "code") return;
  const m = /(?:^|\s)language-([A-Za-z0-9_-]+)/.exec(el.classList.value.join(" "));
  if (m) {
    p.langCode = m[1]!.toLowerCase();
    p.codeElement = el;
  }
}

export function collect(root: HTMLElement): Pieces {
  const p: Pieces = { typeTables: [] };
  // Iterative pre-order walk: deep pages must not overflow the call stack. Tables and <pre>s are
  // read later by their own readers, so the walk does not descend into them.
  const stack: HTMLElement[] = [root];
  const requestDivs = new Set<HTMLElement>();
  const responseDivs = new Set<HTMLElement>();
  while (stack.length) {
    const el = stack.pop()!;
    const t = el.rawTagName ? tag(el) : "";
    if (t !== "table" && t !== "pre") {
      const kids = el.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) if (kids[i]!.nodeType === NodeType.ELEMENT_NODE) stack.push(kids[i] as HTMLElement);
    }
    switch (t) {
      case "title":
        p.title ??= el;
        break;
      case "h1":
        p.h1 ??= el;
        break;
      case "h2":
        p.h2 ??= el;
        break;
      case "h3":
        if (el.id === "desc") p.desc ??= el;
        else if (!p.exampleHeading && /^\s*HTTP\s*\+/.test(textOf(el))) p.exampleHeading = el;
        break;
      case "div": {
        const cls = classesOf(el);
        if (cls.includes("operation")) p.operation ??= el;
        else if (cls.includes("tags")) p.tags ??= el;
        else if (cls.includes("call-info")) p.callInfo ??= el;
        else if (cls.includes("request")) requestDivs.add(el);
        else if (cls.includes("response")) responseDivs.add(el);
        break;
      }
      case "table": {
        const cls = classesOf(el);
        if (cls.includes("authentication")) p.auth ??= el;
        else if (cls.includes("routes")) p.routes ??= el;
        else if (cls.includes("params") || cls.includes("enum")) p.typeTables.push(el);
        break;
      }
      case "pre": {
        const parent = el.parentNode;
        if (parent && requestDivs.has(parent)) p.requestPre ??= el;
        else if (parent && responseDivs.has(parent)) p.responsePre ??= el;
        // ?lang= pages: <pre><code class="language-x">
        for (const c of el.childNodes) if (c.nodeType === NodeType.ELEMENT_NODE) visitCode(c as HTMLElement, p);
        break;
      }
      case "code":
        visitCode(el, p);
        break;
    }
  }
  return p;
}
