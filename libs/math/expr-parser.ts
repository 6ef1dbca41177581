// Parses a run of math tokens into an Expr: precedence climbing with implicit multiplication
// (`3x(x-2)`, `2(x+1)`), postfix `!`/`%`, |absolute value|, function calls for known and defined
// functions, and bracketed lists (tuples, intervals, sets). Depth and size are bounded.
import type { Expr } from './expr.js';
import { decimalsOf } from './expr.js';
import { MATH_LIMITS, MathLimitError } from './limits.js';
import type { Token } from './math-tokens.js';
import { CONSTANTS, FUNCTION_ARITY } from './known-names.js';

export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(message: string) {
    // lenient reading retries many fragments: a stack trace per failed attempt is wasted work
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

const MATCHING_CLOSE: Record<string, string[]> = { '(': [')', ']'], '[': [']', ')'], '{': ['}'] };

export function parseTokens(tokens: readonly Token[], definedFunctions: ReadonlySet<string> = new Set()): Expr {
  if (tokens.length === 0) throw new ParseError('empty expression');
  if (tokens.length > MATH_LIMITS.maxTokens)
    throw new MathLimitError(`expression longer than ${MATH_LIMITS.maxTokens} tokens`);
  const parser = new Parser(tokens, definedFunctions);
  const expr = parser.expression();
  if (!parser.atEnd()) throw new ParseError(`unexpected "${parser.peek()?.text}"`);
  return expr;
}

/** `deriv_x`, `deriv_x2`: d/dx and d²/dx² (Leibniz notation, read by latex-to-text.ts). */
export const DERIVATIVE_OPERATOR = /^deriv_([A-Za-z])([2-9]?)$/;

/** `integral_x(a, b, f)`: ∫ from a to b of f dx (read by latex-to-text.ts, evaluated numerically). */
export const INTEGRAL_OPERATOR = /^integral_([A-Za-z])$/;

/** `summation_k(1, 10) k^2`: Σ over k from 1 to 10 of the summand that follows. */
export const SUM_OPERATOR = /^summation_([A-Za-z])$/;

/** `sinpow_2`: `\\sin^2`, the function's value raised to the power (read by latex-to-text.ts). */
export const FUNCTION_POWER = /^([a-z]+)pow_([2-9])$/;

export function isFunctionName(name: string, defined: ReadonlySet<string>): boolean {
  return isBuiltinFunction(name) || defined.has(name);
}

function isBuiltinFunction(name: string): boolean {
  return Object.hasOwn(FUNCTION_ARITY, name) || DERIVATIVE_OPERATOR.test(name) || INTEGRAL_OPERATOR.test(name);
}

class Parser {
  private pos = 0;
  private depth = 0;
  private absDepth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly defined: ReadonlySet<string>,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }
  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  private isOp(text: string, token = this.peek()): boolean {
    return token?.kind === 'op' && token.text === text;
  }

  private enter(): void {
    if (++this.depth > MATH_LIMITS.maxDepth) throw new MathLimitError(`nesting deeper than ${MATH_LIMITS.maxDepth}`);
  }

  expression(): Expr {
    this.enter();
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.tokens[this.pos++].text as '+' | '-';
      left = { kind: 'bin', op, left, right: this.term() };
    }
    this.depth--;
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    for (;;) {
      if (this.isOp('*') || this.isOp('/')) {
        const op = this.tokens[this.pos++].text as '*' | '/';
        left = { kind: 'bin', op, left, right: this.unary() };
      } else if (this.startsImplicitFactor(left)) {
        left = { kind: 'bin', op: '*', left, right: this.power(), implicit: true };
      } else return left;
    }
  }

  private startsImplicitFactor(left: Expr): boolean {
    const next = this.peek();
    if (!next) return false;
    if (next.kind === 'id' || next.kind === 'open') return !(next.kind === 'open' && next.text === '{');
    if (next.kind === 'num') return left.kind !== 'num' && !(left.kind === 'pct') && !endsWithNumber(left);
    if (this.isOp('|') && this.absDepth === 0) return true;
    return false;
  }

  private unary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const sign = this.tokens[this.pos++].text;
      this.enter();
      const arg = this.unary();
      this.depth--;
      return sign === '-' ? { kind: 'neg', arg } : arg;
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (this.isOp('^')) {
      this.pos++;
      this.enter();
      const exponent = this.unary();
      this.depth--;
      return { kind: 'bin', op: '^', left: base, right: exponent };
    }
    return base;
  }

  private postfix(): Expr {
    let expr = this.primary();
    while (this.isOp('!') || this.isOp('%')) {
      expr = this.tokens[this.pos++].text === '!' ? { kind: 'fact', arg: expr } : { kind: 'pct', arg: expr };
    }
    return expr;
  }

  private primary(): Expr {
    const token = this.peek();
    if (!token) throw new ParseError('expression ends too early');
    this.enter();
    try {
      if (token.kind === 'num') {
        this.pos++;
        const value = Number(token.text);
        // two different 400-digit numbers would both be Infinity: too large to compare, not equal
        if (!Number.isFinite(value)) throw new MathLimitError('a number is too large to check');
        return { kind: 'num', value, text: token.text, decimals: decimalsOf(token.text) };
      }
      if (token.kind === 'id') return this.identifier(token);
      if (token.kind === 'open') return this.bracketed(token.text);
      if (this.isOp('|')) {
        this.pos++;
        this.absDepth++;
        const inner = this.expression();
        this.absDepth--;
        if (!this.isOp('|')) throw new ParseError('unclosed |');
        this.pos++;
        return { kind: 'call', name: 'abs', args: [inner] };
      }
      throw new ParseError(`unexpected "${token.text}"`);
    } finally {
      this.depth--;
    }
  }

  private identifier(token: Token): Expr {
    this.pos++;
    const name = token.text;
    const next = this.peek();
    if (SUM_OPERATOR.test(name) && next?.kind === 'open' && next.text === '(') {
      this.pos++;
      const bounds = this.commaList(')');
      if (bounds.length !== 2) throw new ParseError('a sum takes a lower and an upper bound');
      return { kind: 'call', name, args: [...bounds, this.functionOperand()] };
    }
    const raised = FUNCTION_POWER.exec(name);
    if (raised && isBuiltinFunction(raised[1])) {
      this.pos--; // read the same token again as the plain function name
      const value = this.identifier({ ...token, text: raised[1] });
      return {
        kind: 'bin',
        op: '^',
        left: value,
        right: { kind: 'num', value: Number(raised[2]), text: raised[2], decimals: null },
      };
    }
    if (isFunctionName(name, this.defined)) {
      if (next?.kind === 'open' && next.text === '(') {
        this.pos++;
        const args = this.commaList(')');
        const arity = FUNCTION_ARITY[name];
        if (arity && (args.length < arity[0] || args.length > arity[1]))
          throw new ParseError(`${name} takes ${arity[0]}–${arity[1]} arguments`);
        return { kind: 'call', name, args };
      }
      if (
        isBuiltinFunction(name) &&
        next &&
        (next.kind !== 'op' || next.text === '-') &&
        next.kind !== 'close' &&
        next.kind !== 'comma' &&
        next.kind !== 'rel'
      ) {
        const operand = this.functionOperand();
        // `\max\{-2, 2\}`: a set argument is the argument list
        if (operand.kind === 'list' && operand.open === '{') return { kind: 'call', name, args: operand.items };
        return { kind: 'call', name, args: [operand] };
      }
    }
    const logBase = /^logbase_([A-Za-z]|\d+(?:\.\d+)?)$/.exec(name);
    if (
      logBase &&
      next &&
      next.kind !== 'op' &&
      next.kind !== 'close' &&
      next.kind !== 'comma' &&
      next.kind !== 'rel'
    ) {
      // `\log_6 (x - y)` (read as `logbase_6`): the logarithm to that base
      const base: Expr = /^\d/.test(logBase[1])
        ? { kind: 'num', value: Number(logBase[1]), text: logBase[1], decimals: decimalsOf(logBase[1]) }
        : { kind: 'sym', name: logBase[1] };
      return { kind: 'call', name: 'log', args: [this.power(), base] };
    }
    if (name.endsWith("'")) throw new ParseError(`${name} is not a defined function`);
    return { kind: 'sym', name: Object.hasOwn(CONSTANTS, name) && name !== 'e' ? name : name };
  }

  /**
   * The argument of a function written without brackets: `\\sin 2x` is sin(2x), `\\ln xy` is ln(xy),
   * `\\sin -x` is sin(-x); juxtaposed factors belong to it up to the next function or bracket.
   */
  private functionOperand(): Expr {
    let operand = this.unary();
    if (operand.kind === 'list') return operand;
    for (;;) {
      const next = this.peek();
      if (!next || (next.kind !== 'num' && next.kind !== 'id')) return operand;
      if (next.kind === 'id' && (isFunctionName(next.text, this.defined) || FUNCTION_POWER.test(next.text)))
        return operand;
      if (next.kind === 'id' && next.text.startsWith('logbase_')) return operand;
      if (next.kind === 'num' && endsWithNumber(operand)) return operand;
      operand = { kind: 'bin', op: '*', left: operand, right: this.power(), implicit: true };
    }
  }

  private bracketed(open: string): Expr {
    this.pos++;
    const items = this.commaList(...MATCHING_CLOSE[open]);
    const close = this.tokens[this.pos - 1].text;
    if (open === '(' && close === ')' && items.length === 1) return items[0];
    if (open === '[' && close === ']' && items.length === 1) return items[0];
    return { kind: 'list', open, close, items };
  }

  private commaList(...closers: string[]): Expr[] {
    const items: Expr[] = [];
    const saved = this.absDepth;
    this.absDepth = 0;
    if (this.peek()?.kind === 'close' && closers.includes(this.peek()!.text)) {
      this.pos++;
      this.absDepth = saved;
      return items;
    }
    for (;;) {
      items.push(this.expression());
      if (items.length > MATH_LIMITS.maxCallArgs) throw new MathLimitError('too many items in a list');
      const token = this.peek();
      if (token?.kind === 'comma') {
        this.pos++;
        continue;
      }
      if (token?.kind === 'close' && closers.includes(token.text)) {
        this.pos++;
        this.absDepth = saved;
        return items;
      }
      throw new ParseError(token ? `unexpected "${token.text}"` : 'unclosed bracket');
    }
  }
}

/** `2 3` is not a product, and neither is `x^2 3`: juxtaposed numbers are a misreading. */
function endsWithNumber(expr: Expr): boolean {
  if (expr.kind === 'num') return true;
  if (expr.kind === 'bin') return endsWithNumber(expr.right);
  return false;
}
