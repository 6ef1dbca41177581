// Proves a reference's final answer against the problem itself, where the CAS can (GRADING.md
// "References and review"): the solutions of an equation to solve are substituted into it; a
// "compute" is evaluated; an extremum is checked against the derivative's zeros and the endpoints.
// A model-written reference whose answer fails any of these is never trusted.
import type { AnswerValue, Expr, FunctionDefinition } from '../../libs/math/index.js';
import {
  derivativeOf,
  evaluate,
  formatNumber,
  freeSymbols,
  nearlyEqual,
  readAnswer,
  solveEquation,
} from '../../libs/math/index.js';
import { rethrowUnlessMathLimit } from './math-errors.js';
import { buildProblemContext, functionNamesIn } from './problem-context.js';
import { valueOf } from './quantity-flow.js';
import { readStep } from './step-reader.js';
import type { StudentContext } from './student-context.js';

const ZERO: Expr = { kind: 'num', value: 0, text: '0', decimals: null };
const ASKS_TO_SOLVE = /\b(?:solve|roots?|zeros?|solutions?)\b|解方程|求解|的解/i;
const ASKS_TO_COMPUTE = /\b(?:compute|evaluate|calculate|what is the value of)\b|计算|求值/i;
const ASKS_MINIMUM = /\b(?:minimum|min|smallest|least)\b|最小值/i;
const ASKS_MAXIMUM = /\b(?:maximum|max|largest|greatest)\b|最大值/i;

/** Why the answer contradicts the problem, or null when it holds or the CAS cannot tell. */
export function answerContradictsProblem(
  statement: string,
  definitions: Record<string, string> | undefined,
  answer: string,
): string | null {
  try {
    const context = buildProblemContext(statement, definitions);
    const values = answerNumbers(readAnswer(answer), context);
    if (values === null || values.length === 0) return null;
    if (ASKS_TO_SOLVE.test(statement) && context.statementCondition) return checkSolutions(context, values);
    const asksMin = ASKS_MINIMUM.test(statement);
    const asksMax = ASKS_MAXIMUM.test(statement);
    // the statement's one function (its derivatives f', f'' are derived from it, not given)
    const given = [...context.functions].filter(([name]) => !name.includes("'"));
    if (asksMin !== asksMax && given.length === 1) return checkExtremum(context, given[0], values, asksMin);
    if (ASKS_TO_COMPUTE.test(statement)) return checkComputation(statement, context, values);
    return null;
  } catch (error) {
    // a problem or answer past the math limits cannot be proven either way here
    rethrowUnlessMathLimit(error);
    return null;
  }
}

/** Substitutes each value into the problem's equation; every root the CAS finds must be listed. */
function checkSolutions(context: StudentContext, values: number[]): string | null {
  const condition = context.statementCondition!;
  const scope = context.scope();
  for (const value of values) {
    const at = context.scope(new Map([[condition.variable, value]]));
    const left = evaluate(condition.left, at);
    const right = evaluate(condition.right, at);
    if (!nearlyEqual(left, right))
      return `substituting ${condition.variable} = ${formatNumber(value)} into the problem's equation gives ${formatNumber(left)} = ${formatNumber(right)}, which is false`;
  }
  const solved = solveEquation(condition.left, condition.right, condition.variable, scope);
  if (solved.kind !== 'finite') return null;
  const missing = solved.roots.filter((root) => !values.some((v) => nearlyEqual(v, root)));
  return missing.length > 0
    ? `the problem's equation also has ${condition.variable} = ${missing.map(formatNumber).join(', ')}, which the answer leaves out`
    : null;
}

/** The extremum is among the derivative's zeros and the interval's endpoints. */
function checkExtremum(
  context: StudentContext,
  [name, fn]: [string, FunctionDefinition],
  values: number[],
  minimum: boolean,
): string | null {
  if (fn.params.length !== 1) return null;
  const variable = fn.params[0];
  const scope = context.scope();
  const at = (x: number) => evaluate(fn.body, context.scope(new Map([[variable, x]])));
  const critical = solveEquation(derivativeOf(fn.body, variable), ZERO, variable, scope);
  if (critical.kind !== 'finite') return null;
  const interval = context.interval;
  const candidates = [
    ...critical.roots.filter((x) => !interval || (x >= interval[0] && x <= interval[1])),
    ...(interval ?? []),
  ];
  if (candidates.length === 0) return null;
  // without an interval only a local extremum can be asked: any critical value or point will do
  const accepted = interval
    ? [pick(candidates, at, minimum)].flatMap((x) => [x, at(x)])
    : candidates.flatMap((x) => [x, at(x)]);
  if (values.every((v) => accepted.some((a) => nearlyEqual(a, v)))) return null;
  const word = minimum ? 'minimum' : 'maximum';
  return interval
    ? `the ${word} of ${name} on [${interval.join(', ')}] is ${formatNumber(at(pick(candidates, at, minimum)))} (from the derivative's zeros and the endpoints), not ${values.map(formatNumber).join(', ')}`
    : `${values.map(formatNumber).join(', ')} is neither a zero of ${name}' nor ${name}'s value at one`;
}

function pick(candidates: number[], at: (x: number) => number, minimum: boolean): number {
  return candidates.reduce((best, x) => ((minimum ? at(x) < at(best) : at(x) > at(best)) ? x : best));
}

/** "Compute 3 + 4 × 5": the one constant expression in the statement, evaluated. */
function checkComputation(statement: string, context: StudentContext, values: number[]): string | null {
  const items = readStep(statement, new Set([...context.functionNames(), ...functionNamesIn(statement)]));
  const computed = items.filter((item) => item.parts.length === 1 && isConstantOperation(item.parts[0], context));
  if (computed.length !== 1 || values.length !== 1) return null;
  const expected = valueOf(computed[0].parts[0], context);
  if (expected === null || nearlyEqual(expected, values[0])) return null;
  return `the expression in the problem evaluates to ${formatNumber(expected)}, not ${formatNumber(values[0])}`;
}

function isConstantOperation(expr: Expr, context: StudentContext): boolean {
  const free = [...freeSymbols(expr)].filter((name) => !context.vars.has(name));
  return free.length === 0 && expr.kind !== 'num' && !(expr.kind === 'neg' && expr.arg.kind === 'num');
}

/** The numbers an answer gives: a value, `x = 2`, a list or set of them; null for anything else. */
function answerNumbers(answer: AnswerValue | null, context: StudentContext): number[] | null {
  if (!answer) return null;
  switch (answer.kind) {
    case 'expr': {
      const value = valueOf(answer.expr, context);
      return value === null ? null : [value];
    }
    case 'equation': {
      const value = answer.left.kind === 'sym' ? valueOf(answer.right, context) : null;
      return value === null ? null : [value];
    }
    case 'set': {
      const parts = answer.items.map((item) => answerNumbers(item, context));
      return parts.every((p) => p !== null) ? parts.flat() : null;
    }
    case 'named': {
      const parts = [...answer.parts.values()].map((item) => answerNumbers(item, context));
      return parts.every((p) => p !== null) ? parts.flat() : null;
    }
    default:
      return null;
  }
}
