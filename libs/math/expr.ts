// The expression tree every math module shares: small, plain data, with only the node kinds the
// evaluator knows how to bound (no assignment, no strings, no objects that reach JavaScript).
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { kind: 'num'; value: number; text: string; decimals: number | null }
  | { kind: 'sym'; name: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: BinaryOp; left: Expr; right: Expr; implicit?: boolean }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'fact'; arg: Expr }
  | { kind: 'pct'; arg: Expr }
  | { kind: 'list'; open: string; close: string; items: Expr[] };

export const num = (value: number, text = String(value)): Expr => ({
  kind: 'num',
  value,
  text,
  decimals: decimalsOf(text),
});

/** Digits after the decimal point of a literal as written ("81.60" -> 2), null for integers. */
export function decimalsOf(text: string): number | null {
  const dot = text.indexOf('.');
  return dot < 0 ? null : text.length - dot - 1;
}

/** Free symbols of an expression (function names excluded). */
export function freeSymbols(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'sym':
      into.add(expr.name);
      break;
    case 'neg':
    case 'fact':
    case 'pct':
      freeSymbols(expr.arg, into);
      break;
    case 'bin':
      freeSymbols(expr.left, into);
      freeSymbols(expr.right, into);
      break;
    case 'call':
    case 'list':
      for (const arg of expr.kind === 'call' ? expr.args : expr.items) freeSymbols(arg, into);
      break;
    default:
      break;
  }
  return into;
}

/** Names of functions called anywhere in the expression. */
export function calledFunctions(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'neg':
    case 'fact':
    case 'pct':
      calledFunctions(expr.arg, into);
      break;
    case 'bin':
      calledFunctions(expr.left, into);
      calledFunctions(expr.right, into);
      break;
    case 'call':
      into.add(expr.name);
      for (const a of expr.args) calledFunctions(a, into);
      break;
    case 'list':
      for (const a of expr.items) calledFunctions(a, into);
      break;
    default:
      break;
  }
  return into;
}

/** The expression with each number literal replaced by `map`'s result, in the order `literals` lists them. */
export function mapNumbers(expr: Expr, map: (literal: Extract<Expr, { kind: 'num' }>) => Expr): Expr {
  switch (expr.kind) {
    case 'num':
      return map(expr);
    case 'neg':
    case 'fact':
    case 'pct':
      return { ...expr, arg: mapNumbers(expr.arg, map) };
    case 'bin': {
      const left = mapNumbers(expr.left, map);
      return { ...expr, left, right: mapNumbers(expr.right, map) };
    }
    case 'call':
      return { ...expr, args: expr.args.map((arg) => mapNumbers(arg, map)) };
    case 'list':
      return { ...expr, items: expr.items.map((item) => mapNumbers(item, map)) };
    case 'sym':
      return expr;
  }
}

/** Numeric literals as written, in order (used for taint: which values a claim uses). */
export function literals(expr: Expr, into: number[] = []): number[] {
  switch (expr.kind) {
    case 'num':
      into.push(expr.value);
      break;
    case 'neg':
      if (expr.arg.kind === 'num') into.push(-expr.arg.value);
      else literals(expr.arg, into);
      break;
    case 'fact':
    case 'pct':
      literals(expr.arg, into);
      break;
    case 'bin':
      literals(expr.left, into);
      literals(expr.right, into);
      break;
    case 'call':
      for (const a of expr.args) literals(a, into);
      break;
    case 'list':
      for (const a of expr.items) literals(a, into);
      break;
    default:
      break;
  }
  return into;
}

const PRECEDENCE: Record<BinaryOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 3 };

/** Plain-text rendering (mathjs syntax), fully bracketed where precedence needs it. */
export function exprToString(expr: Expr): string {
  switch (expr.kind) {
    case 'num':
      return expr.value < 0 ? `(${expr.text})` : expr.text;
    case 'sym':
      return expr.name;
    case 'neg':
      return `-${wrap(expr.arg, 2)}`;
    case 'fact':
      return `${wrap(expr.arg, 4)}!`;
    case 'pct':
      return `${wrap(expr.arg, 4)}%`;
    case 'call':
      return `${expr.name}(${expr.args.map(exprToString).join(', ')})`;
    case 'list':
      return `${expr.open}${expr.items.map(exprToString).join(', ')}${expr.close}`;
    case 'bin': {
      const p = PRECEDENCE[expr.op];
      const left = wrap(expr.left, expr.op === '^' ? p + 1 : p);
      const right = wrap(expr.right, expr.op === '^' ? p : p + 1);
      return expr.op === '^' ? `${left}^${right}` : `${left} ${expr.op} ${right}`;
    }
  }
}

function wrap(expr: Expr, minPrecedence: number): string {
  const text = exprToString(expr);
  const own = expr.kind === 'bin' ? PRECEDENCE[expr.op] : expr.kind === 'neg' ? 2 : 5;
  return own < minPrecedence ? `(${text})` : text;
}
