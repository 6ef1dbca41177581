// The one mathjs instance StepGrade uses (for symbolic derivatives). It is locked down as mathjs's
// security guide advises: functions that reach JavaScript or parse strings are replaced by ones that
// refuse, and every node that comes back is checked against an allowlist before it is evaluated.
import { all, create } from 'mathjs';
import type { MathNode } from 'mathjs';
import { onCasClock } from './cas-clock.js';
import { withinCas } from './cas-errors.js';
import type { Expr } from './expr.js';
import { exprToString } from './expr.js';
import { FUNCTION_ARITY } from './known-names.js';
import { ParseError } from './expr-parser.js';
import { MathLimitError } from './limits.js';

const math = create(all);
const parseTrusted = math.parse.bind(math);
const derivativeTrusted = math.derivative.bind(math);

const refuse = (name: string) => () => {
  throw new Error(`${name} is disabled in StepGrade`);
};
math.import(
  Object.fromEntries(
    [
      'import',
      'createUnit',
      'evaluate',
      'parse',
      'simplify',
      'derivative',
      'resolve',
      'reviver',
      'compile',
      'parser',
      'chain',
    ].map((name) => [name, refuse(name)]),
  ),
  { override: true },
);

/** The locked-down instance, exported so tests can prove it refuses what it must. */
export const restrictedMath = math;

const TO_MATHJS: Record<string, string> = {
  ln: 'log',
  log: 'log10',
  lg: 'log10',
  arcsin: 'asin',
  arccos: 'acos',
  arctan: 'atan',
};
const FROM_MATHJS: Record<string, string> = {
  log: 'ln',
  log10: 'log',
  asin: 'arcsin',
  acos: 'arccos',
  atan: 'arctan',
  nthRoot: 'nthRoot',
};
const OPERATORS: Record<string, '+' | '-' | '*' | '/' | '^'> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
};
const cache = new Map<string, Expr>();
const MAX_CACHE = 2_000;

/** d/d(variable) of an expression with mathjs's rules, unsimplified (simplify is far too slow). */
export function derivativeOf(expr: Expr, variable: string): Expr {
  const source = toMathjsText(expr);
  const key = `${variable}\u0000${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (source.length > 2_000) throw new MathLimitError('expression too long to differentiate');
  const parsed = parseForMathjs(source);
  const node = onCasClock(() => differentiate(parsed, variable));
  const result = fromMathjsNode(node, 0);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, result);
  return result;
}

function toMathjsText(expr: Expr): string {
  const rename = (e: Expr): Expr => {
    switch (e.kind) {
      case 'call':
        return { kind: 'call', name: TO_MATHJS[e.name] ?? e.name, args: e.args.map(rename) };
      case 'neg':
        return { kind: 'neg', arg: rename(e.arg) };
      case 'fact':
        return { kind: 'call', name: 'factorial', args: [rename(e.arg)] };
      case 'pct':
        return {
          kind: 'bin',
          op: '/',
          left: rename(e.arg),
          right: { kind: 'num', value: 100, text: '100', decimals: null },
        };
      case 'bin':
        return { ...e, left: rename(e.left), right: rename(e.right) };
      default:
        return e;
    }
  };
  return exprToString(rename(expr)).replace(/'/g, '_prime');
}

/**
 * Our reader accepts a few shapes mathjs's grammar does not (an empty group left by unbalanced
 * LaTeX, `1 / ()`): mathjs's refusal to parse them is a reading failure, reported as such.
 */
function parseForMathjs(source: string): MathNode {
  try {
    return parseTrusted(source);
  } catch (error) {
    if (error instanceof SyntaxError) throw new ParseError(`cannot read ${source} for the CAS: ${error.message}`);
    throw error;
  }
}

/** mathjs has rules for the elementary functions only: any other function is a limit of the CAS. */
function differentiate(node: MathNode, variable: string): MathNode {
  return withinCas('differentiate', () => derivativeTrusted(node, variable, { simplify: false }) as MathNode);
}

/** Allowlist conversion: any node kind or function we do not know is refused. */
function fromMathjsNode(node: MathNode, depth: number): Expr {
  if (depth > 200) throw new MathLimitError('derivative too deep');
  const n = node as MathNode & {
    args?: MathNode[];
    fn?: string | { name: string };
    name?: string;
    value?: unknown;
    content?: MathNode;
    op?: string;
  };
  switch (node.type) {
    case 'ConstantNode': {
      const value = Number(n.value);
      if (!Number.isFinite(value)) throw new MathLimitError('unexpected constant');
      return { kind: 'num', value, text: String(value), decimals: null };
    }
    case 'SymbolNode':
      return { kind: 'sym', name: String(n.name).replace(/_prime/g, "'") };
    case 'ParenthesisNode':
      return fromMathjsNode(n.content!, depth + 1);
    case 'OperatorNode': {
      const args = (n.args ?? []).map((a) => fromMathjsNode(a, depth + 1));
      const fn = String(n.fn);
      if (fn === 'unaryMinus' && args.length === 1) return { kind: 'neg', arg: args[0] };
      if (fn === 'unaryPlus' && args.length === 1) return args[0];
      if (OPERATORS[fn] && args.length === 2) return { kind: 'bin', op: OPERATORS[fn], left: args[0], right: args[1] };
      throw new MathLimitError(`operator ${fn} is not allowed`);
    }
    case 'FunctionNode': {
      const rawName = typeof n.fn === 'string' ? n.fn : String(n.fn?.name ?? '');
      const name = FROM_MATHJS[rawName] ?? rawName;
      if (!Object.hasOwn(FUNCTION_ARITY, name) && !/^[a-zA-Z](_prime)*$/.test(rawName))
        throw new MathLimitError(`function ${rawName} is not allowed`);
      return {
        kind: 'call',
        name: name.replace(/_prime/g, "'"),
        args: (n.args ?? []).map((a) => fromMathjsNode(a, depth + 1)),
      };
    }
    default:
      throw new MathLimitError(`${node.type} is not allowed`);
  }
}
