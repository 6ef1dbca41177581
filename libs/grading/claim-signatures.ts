// What each step claims, in a form two solutions can be compared by (GRADING.md "Comparing with
// the reference"): a value (`f(2) = -2`, `25 - 6 - 7 = 12`), an expression for a named function
// (`f'(x) = 3x^2 - 6x`), or a solution set (`3x(x - 2) = 0` and `x = 0 or x = 2` both say {0, 2}).
import type { Expr, Scope } from '../../libs/math/index.js';
import { evaluate, exprToString, formatNumber, solveEquation, unboundSymbols } from '../../libs/math/index.js';
import type { MathItem } from './step-reader.js';
import type { StudentContext } from './student-context.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

export type ClaimSignature =
  | { kind: 'value'; subject: string | null; value: number }
  | { kind: 'expr'; subject: string; expr: Expr }
  | { kind: 'roots'; variable: string; roots: number[] };

/** Signatures of one step's items, read in the context as it stands after the step. */
export function claimSignatures(items: readonly MathItem[], context: StudentContext): ClaimSignature[] {
  const out: ClaimSignature[] = [];
  let solutions: { variable: string; roots: number[] } | null = null;
  const flush = () => {
    if (solutions) out.push({ kind: 'roots', ...solutions });
    solutions = null;
  };
  for (const item of items) {
    if (item.rels.some((rel) => rel !== '=' && rel !== '~=' && rel !== '∈')) {
      flush();
      continue;
    }
    const stated = solutionStated(item, context);
    if (stated) {
      if (solutions && solutions.variable === stated.variable) solutions.roots.push(...stated.roots);
      else {
        flush();
        solutions = { variable: stated.variable, roots: [...stated.roots] };
      }
      continue;
    }
    flush();
    const signature = itemSignature(item, context);
    if (signature) out.push(signature);
  }
  flush();
  return out;
}

/** `x = 2`, `x ∈ {0, 2}`: a single-letter name given constant values. */
function solutionStated(item: MathItem, context: StudentContext): { variable: string; roots: number[] } | null {
  const [head, value] = item.parts;
  if (item.parts.length !== 2 || head.kind !== 'sym' || head.name.length > 1) return null;
  const scope = scopeWithout(context, head.name);
  const members = item.rels[0] === '∈' && value.kind === 'list' ? value.items : item.rels[0] === '∈' ? [] : [value];
  const roots = members.map((member) => valueOf(member, scope));
  return roots.length > 0 && roots.every((r): r is number => r !== null) ? { variable: head.name, roots } : null;
}

function itemSignature(item: MathItem, context: StudentContext): ClaimSignature | null {
  const { parts } = item;
  if (parts.length < 2) return null;
  const head = parts[0];
  const last = parts[parts.length - 1];
  const scope = context.scope();
  if (head.kind === 'call' && head.args.every((arg) => arg.kind === 'sym') && context.functions.has(head.name)) {
    return { kind: 'expr', subject: head.name, expr: last };
  }
  const free = unboundSymbols(parts, scope);
  if (free.length === 0) {
    const value = valueOf(last, scope);
    if (value === null) return null;
    return { kind: 'value', subject: head.kind === 'call' ? callSubject(head, scope) : null, value };
  }
  // a condition (`3x(x - 2) = 0`, or `3x^2 - 6x = 3x(x - 2) = 0` ending in a constant) by its solutions
  if (free.length !== 1 || (parts.length > 2 && unboundSymbols([last], scope).length > 0)) return null;
  const solved = solveEquation(head, last, free[0], scopeWithout(context, free[0]));
  return solved.kind === 'finite' ? { kind: 'roots', variable: free[0], roots: solved.roots } : null;
}

/** `f(0)`, `f(-1)`: the function and its evaluated arguments, so `f(2 - 2)` is `f(0)`. */
function callSubject(head: Extract<Expr, { kind: 'call' }>, scope: Scope): string {
  const args = head.args.map((arg) => valueOf(arg, scope));
  return args.every((a) => a !== null)
    ? `${head.name}(${args.map((a) => formatNumber(a!)).join(', ')})`
    : exprToString(head);
}

function valueOf(expr: Expr, scope: Scope): number | null {
  try {
    const value = evaluate(expr, scope);
    return Number.isFinite(value) ? value : null;
  } catch (error) {
    // not a value in this context: the item makes no value claim
    rethrowUnlessMathLimit(error);
    return null;
  }
}

function scopeWithout(context: StudentContext, name: string): Scope {
  const scope = context.scope();
  if (!scope.vars.has(name)) return scope;
  const vars = new Map(scope.vars);
  vars.delete(name);
  return { ...scope, vars };
}
