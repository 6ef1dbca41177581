// Builds the starting context from the problem: `definitions`, definitions in the statement
// (`f(x) = x^3 - 3x^2 + 2`, `Let g(t) = …`), an interval (`[-1, 3]`, `区间 [-1, 3]`), an equation
// to solve, and the statement's numbers (values a conclusion may legitimately repeat).
import type { Expr } from '../../libs/math/index.js';
import { evaluate, freeSymbols, normalizeText, parseTokens, solveEquation, tokenize } from '../../libs/math/index.js';
import { readStep } from './step-reader.js';
import { unitLettersIn } from './unit-letters.js';
import { StudentContext } from './student-context.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

const POSITIVE_QUANTITY =
  /\b(?:length|side|perimeter|area|radius|diameter|distance|height|width|volume|diagonal|hypotenuse|positive|how (?:long|far|many|tall|wide))\b/i;
const FUNCTION_HEAD = /^\s*([A-Za-z])\s*\(\s*([A-Za-z])\s*\)\s*$/;

export function functionNamesIn(text: string): Set<string> {
  const names = new Set<string>();
  const pattern = /(?<![A-Za-z])([A-Za-z])('*)\s*\(\s*[A-Za-z]\s*\)\s*=/g;
  for (const match of text.slice(0, 4_000).matchAll(pattern)) names.add(match[1] + match[2]);
  return names;
}

export function buildProblemContext(
  statement: string,
  definitions: Record<string, string> | undefined,
): StudentContext {
  const context = new StudentContext();
  for (const [head, body] of Object.entries(definitions ?? {}).slice(0, 50)) addDefinition(context, head, body);
  const names = new Set([...context.functionNames(), ...functionNamesIn(normalizeSafe(statement))]);
  const items = safeRead(statement, names);
  for (const item of items) {
    const [head, ...rest] = item.parts;
    if (
      item.rels.length === 1 &&
      item.rels[0] === '=' &&
      head.kind === 'call' &&
      head.args.length === 1 &&
      head.args[0].kind === 'sym'
    ) {
      if (!context.functions.has(head.name))
        context.defineFunction(head.name, { params: [head.args[0].name], body: rest[0] }, false, false);
      continue;
    }
    // `If a = 8, what is …`: a name the statement gives a value is known, not an equation to solve
    if (item.rels.length === 1 && item.rels[0] === '=' && head.kind === 'sym' && !context.vars.has(head.name)) {
      const value = constantValue(rest[0], context);
      if (value !== null) {
        context.vars.set(head.name, value);
        continue;
      }
    }
    if (item.rels.length === 1 && item.rels[0] === '=' && !context.statementCondition) {
      const symbols = [...freeSymbols(head), ...freeSymbols(rest[0])];
      const unique = [...new Set(symbols)];
      if (unique.length === 1) {
        const solved = solveEquation(head, rest[0], unique[0], context.scope());
        if (solved.kind === 'finite')
          context.statementCondition = {
            left: head,
            right: rest[0],
            variable: unique[0],
            roots: solved.roots,
            tainted: false,
            text: 'the equation in the problem',
          };
      }
    }
  }
  context.interval = findInterval(statement);
  context.quantitiesArePositive = POSITIVE_QUANTITY.test(statement.slice(0, 8_000));
  const unknowns = new Set(items.flatMap((item) => item.parts.flatMap((part) => [...freeSymbols(part)])));
  context.unitLetters = unitLettersIn(normalizeSafe(statement), unknowns);
  for (const match of normalizeSafe(statement).matchAll(/\d+(?:\.\d+)?/g)) context.addValue(Number(match[0]), false);
  return context;
}

function constantValue(expr: Expr, context: StudentContext): number | null {
  if (freeSymbols(expr).size > 0) return null;
  try {
    const value = evaluate(expr, context.scope());
    return Number.isFinite(value) ? value : null;
  } catch (error) {
    // not a plain value (an unknown function): the item is not a definition
    rethrowUnlessMathLimit(error);
    return null;
  }
}

function addDefinition(context: StudentContext, head: string, body: string): void {
  try {
    const expr = parseTokens(tokenize(normalizeText(`$${body}$`)), context.functionNames());
    const fn = FUNCTION_HEAD.exec(head);
    if (fn) {
      context.defineFunction(fn[1], { params: [fn[2]], body: expr }, false, false);
      return;
    }
    if (/^[A-Za-z]\w*$/.test(head.trim())) {
      const value = evaluate(expr, context.scope());
      if (Number.isFinite(value)) context.vars.set(head.trim(), value);
    }
  } catch (error) {
    // a definition we cannot read simply does not enter the context
    rethrowUnlessMathLimit(error);
  }
}

function findInterval(statement: string): [number, number] | null {
  const match = /\[\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\]/.exec(normalizeSafe(statement));
  if (!match) return null;
  const low = Number(match[1]);
  const high = Number(match[2]);
  return low < high ? [low, high] : null;
}

function normalizeSafe(text: string): string {
  try {
    return normalizeText(text.slice(0, 8_000)).replace(/[\u0002\u0003]/g, ' ');
  } catch (error) {
    // a statement past the limits has no text to read
    rethrowUnlessMathLimit(error);
    return '';
  }
}

function safeRead(text: string, names: ReadonlySet<string>): ReturnType<typeof readStep> {
  try {
    return readStep(text.slice(0, 8_000), names);
  } catch (error) {
    // a statement past the limits has no math to read
    rethrowUnlessMathLimit(error);
    return [];
  }
}

export type { Expr };
