// code-quick.ts reads the per-operation statements by pattern: its tree must be the parser's tree
// for every text it accepts (it declines the rest, which the parser then reads).
import { describe, expect, it } from "vitest";
import { quickReturn } from "../../src/emit/code-quick.js";
import { expression } from "../../src/emit/code-expr.js";
import { Reader, tokenize } from "../../src/emit/code-read.js";

/** What statementDoc's slow path reads after `return`. */
function parsed(text: string): unknown {
  const r = new Reader(tokenize(text));
  expect(r.next().text).toBe("return");
  const e = expression(r);
  if (r.is(";")) r.next();
  expect(r.done()).toBe(true);
  return e;
}

const ACCEPTED = [
  'return "GetOrder";',
  'return "";',
  'return "a$b_1";',
  "return 'GetOrder';",
  "return new GetOrderResponse();",
  "return new dtos.X();",
  "return new X(a, b);",
  "return new new();",
  "return getOrder(this, request, options);",
  "return f();",
  "return callOperation(client, request, options, getOrderRoute, dtos.GetOrder);",
  "return client.send<dtos.X>(request as unknown as dtos.Y, options, yRoute, dtos.Y);",
  "return client.send<void>(request as unknown as dtos.Y, options, yRoute, dtos.Y);",
  "return client.send<dtos.X[]>(request as unknown as dtos.Y, options, r, dtos.Y);",
  "return client.send<Dictionary<string, number[]>>(request as unknown as dtos.Y, options, r, dtos.Y);",
  "return as(as as as, as);",
  "return $(_);",
  "return a.b.c(d.e.f as g.h);",
  "return this(this);",
];

const DECLINED = [
  "return typeof(x);",
  "return x(typeof);",
  "return x(a as typeof);",
  "return x(a as keyof);",
  "return f<A, B>(x);",
  "return f<keyof A>(x);",
  "return in(x);",
  "return x(in);",
  "return new X<T>();",
  "return f(a<b>(c));",
  "return f(a, { b: 1 });",
  "return 'x\\'';",
  "return 'x\";",
  'return "a b";',
  "return {\na: b,\n};",
  "return;",
  "super(init);",
];

describe("quickReturn", () => {
  it.each(ACCEPTED)("reads %s as the parser does", (text) => {
    expect(quickReturn(text)).toEqual(parsed(text));
  });
  it.each(DECLINED)("leaves %s to the parser", (text) => {
    expect(quickReturn(text)).toBeUndefined();
  });
});
