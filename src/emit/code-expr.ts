// Expressions for print-code.ts: the expression tree (Expr, Prop), its parser and unquoteKey.
import { printNumber, printString, Reader, Unprintable } from "./code-read.js";
import { typeArguments, typeText } from "./code-type.js";

// ---- expressions

/** The words primary() does not print as an expression's first token (Unprintable). */
export const REFUSED_ATOMS: ReadonlySet<string> = new Set(["function", "class", "typeof", "await", "yield", "async", "delete", "void", "in"]);

export type Expr =
  | { kind: "atom"; text: string; string?: boolean }
  | { kind: "member"; object: Expr; name: string }
  | { kind: "index"; object: Expr; index: Expr }
  | { kind: "call"; callee: Expr; typeArgs: string[]; args: Expr[] }
  | { kind: "annotated"; comment: string; expr: Expr }
  | { kind: "new"; callee: string; typeArgs: string[]; args: Expr[] | undefined }
  | { kind: "as"; expr: Expr; type: string; op: "as" | "satisfies" }
  | { kind: "paren"; expr: Expr }
  | { kind: "unary"; op: string; expr: Expr }
  | { kind: "binary"; op: string; left: Expr; right: Expr }
  | { kind: "cond"; test: Expr; yes: Expr; no: Expr }
  | { kind: "object"; props: Prop[]; broken: boolean }
  | { kind: "array"; items: Expr[] };
export type Prop = { key: string; value?: Expr; spread?: boolean };

export function expression(r: Reader): Expr {
  const test = binary(r);
  if (!r.is("?")) return test;
  r.next();
  const yes = expression(r);
  r.expect(":");
  return { kind: "cond", test, yes, no: expression(r) };
}

function binary(r: Reader): Expr {
  let left = asExpr(r);
  while (r.is("instanceof")) {
    r.next();
    left = { kind: "binary", op: "instanceof", left, right: asExpr(r) };
  }
  return left;
}

function asExpr(r: Reader): Expr {
  let e = unary(r);
  while (r.is("as") || r.is("satisfies")) {
    const op = r.next().text as "as" | "satisfies";
    e = { kind: "as", expr: e, type: typeText(r), op };
  }
  return e;
}

function unary(r: Reader): Expr {
  if (r.is("-") || r.is("!")) {
    const op = r.next().text;
    return { kind: "unary", op, expr: unary(r) };
  }
  return postfix(r);
}

function args(r: Reader): Expr[] {
  r.expect("(");
  const out: Expr[] = [];
  while (!r.is(")")) {
    out.push(expression(r));
    if (!r.is(")")) r.expect(",");
  }
  r.expect(")");
  return out;
}

function postfix(r: Reader): Expr {
  let e = primary(r);
  for (;;) {
    if (r.is(".")) {
      r.next();
      const name = r.next();
      if (name.kind !== "id") throw new Unprintable("member name");
      e = { kind: "member", object: e, name: name.text };
    } else if (r.is("[")) {
      r.next();
      const index = expression(r);
      r.expect("]");
      e = { kind: "index", object: e, index };
    } else if (r.is("(")) {
      e = { kind: "call", callee: e, typeArgs: [], args: args(r) };
    } else if (r.is("<") && (e.kind === "atom" || e.kind === "member")) {
      // `f<T>(...)`: the expressions we read have no `<` operator
      const typeArgs = typeArguments(r);
      if (!r.is("(")) throw new Unprintable("type arguments without a call");
      e = { kind: "call", callee: e, typeArgs, args: args(r) };
    } else return e;
  }
}

function primary(r: Reader): Expr {
  const t = r.next();
  if (t.kind === "comment") return { kind: "annotated", comment: t.text, expr: postfix(r) };
  if (t.kind === "str") return { kind: "atom", text: printString(t.text), string: true };
  if (t.kind === "num") return { kind: "atom", text: printNumber(t.text) };
  if (t.text === "(") {
    const expr = expression(r);
    r.expect(")");
    return { kind: "paren", expr };
  }
  if (t.text === "{") return objectLiteral(r);
  if (t.text === "[") {
    const items: Expr[] = [];
    while (!r.is("]")) {
      items.push(expression(r));
      if (!r.is("]")) r.expect(",");
    }
    r.expect("]");
    return { kind: "array", items };
  }
  if (t.kind !== "id") throw new Unprintable(`token ${t.text}`);
  if (REFUSED_ATOMS.has(t.text)) throw new Unprintable(t.text);
  if (t.text === "new") {
    let callee = r.next().text;
    while (r.is(".")) {
      r.next();
      callee += "." + r.next().text;
    }
    const typeArgs: string[] = [];
    if (r.is("<")) {
      r.next();
      typeArgs.push(typeText(r));
      while (r.is(",")) {
        r.next();
        typeArgs.push(typeText(r));
      }
      r.expect(">");
    }
    return { kind: "new", callee, typeArgs, args: r.is("(") ? args(r) : undefined };
  }
  return { kind: "atom", text: t.text };
}

function objectLiteral(r: Reader): Expr {
  // prettier keeps an object expanded when its source has a line break before the first key
  const broken = r.peek()?.nl === true && !r.is("}");
  const props: Prop[] = [];
  while (!r.is("}")) {
    if (r.is("...")) {
      r.next();
      props.push({ key: "", spread: true, value: expression(r) });
    } else {
      const k = r.next();
      let key: string;
      if (k.kind === "str") key = unquoteKey(k.text);
      else if (k.text === "[") {
        const inner = r.next();
        if (inner.kind !== "str") throw new Unprintable("computed key");
        r.expect("]");
        key = `[${printString(inner.text)}]`;
      } else if (k.kind === "id" || k.kind === "num") key = k.text;
      else throw new Unprintable(`key ${k.text}`);
      if (r.is(":")) {
        r.next();
        props.push({ key, value: expression(r) });
      } else props.push({ key });
    }
    if (!r.is("}")) r.expect(",");
  }
  r.expect("}");
  return { kind: "object", props, broken };
}

/** quoteProps "as-needed": a quoted key that is an identifier loses its quotes (objects, enums). */
export function unquoteKey(raw: string): string {
  const value = raw.slice(1, -1);
  if (/^[A-Za-z_$][\w$]*$/.test(value)) return value;
  return printString(raw);
}
