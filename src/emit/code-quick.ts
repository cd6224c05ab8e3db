// The statements the emitter writes once per operation (`return 'GetOrder';`, `return new
// GetOrderResponse();`, `return getOrder(this, request, options);`, `return callOperation(client, request,
// options, getOrderRoute, dtos.GetOrder);`), read by pattern: each text is
// distinct, so the memo never helps, and reading it token by token was most of the time spent on
// statements. quickReturn gives the tree code-expr.ts's parser gives for the same text, or undefined
// for any other text (which is then parsed as before), so the printed output is the same either way.
import { REFUSED_ATOMS, type Expr } from "./code-expr.js";
import { isSimpleType, TYPE_OPERATORS } from "./code-type.js";

const ID = String.raw`[A-Za-z_$][\w$]*`;
const NAME = `${ID}(?:\\.${ID})*`;
/** `return callee<T>(args);`, `return new Name(args);`, `return "text";` */
const CALL = new RegExp(String.raw`^return (new )?(${NAME})(?:<(.+?)>)?\((.*)\);$`);
const STRING = /^return (["'])([\w$]*)\1;$/;
/** An argument: a name or dotted name, then any `as Type` (the types dotted names too). */
const ARGUMENT = new RegExp(String.raw`^(${NAME})((?: as ${NAME})*)$`);

/** What primary() refuses (REFUSED_ATOMS), or reads otherwise (`new`), as an expression's first word. */
const notAtom = (word: string): boolean => word === "new" || REFUSED_ATOMS.has(word);

const firstName = (name: string): string => name.split(".", 1)[0]!;

/** A name or dotted name as an expression: an atom, then member accesses. */
function nameExpr(name: string): Expr | undefined {
  const parts = name.split(".");
  if (notAtom(parts[0]!)) return undefined;
  let e: Expr = { kind: "atom", text: parts[0]! };
  for (let i = 1; i < parts.length; i++) e = { kind: "member", object: e, name: parts[i]! };
  return e;
}

function argumentExpr(text: string): Expr | undefined {
  const m = ARGUMENT.exec(text);
  if (!m) return undefined;
  let e = nameExpr(m[1]!);
  if (!e || !m[2]) return e;
  for (const type of m[2].slice(4).split(" as ")) {
    if (TYPE_OPERATORS.has(firstName(type))) return undefined;
    e = { kind: "as", expr: e, type, op: "as" };
  }
  return e;
}

function argumentList(text: string): Expr[] | undefined {
  if (text === "") return [];
  const out: Expr[] = [];
  for (const a of text.split(", ")) {
    const e = argumentExpr(a);
    if (!e) return undefined;
    out.push(e);
  }
  return out;
}

/** The returned expression of one of the statement forms above, as the parser reads it; else undefined. */
export function quickReturn(text: string): Expr | undefined {
  const s = STRING.exec(text);
  // printString: with no quote inside, double quotes
  if (s) return { kind: "atom", text: `"${s[2]}"`, string: true };
  const m = CALL.exec(text);
  if (!m) return undefined;
  const [, isNew, callee, typeArg, argText] = m;
  const args = argumentList(argText!);
  if (!args) return undefined;
  if (isNew) {
    // new takes the names after it as they are (no atom); type arguments are left to the parser
    return typeArg === undefined ? { kind: "new", callee: callee!, typeArgs: [], args } : undefined;
  }
  const calleeExpr = nameExpr(callee!);
  if (!calleeExpr) return undefined;
  if (typeArg !== undefined && !isSimpleType(typeArg)) return undefined;
  return { kind: "call", callee: calleeExpr, typeArgs: typeArg === undefined ? [] : [typeArg], args };
}
