// The quantities of a worked solution as a small dataflow graph (GRADING.md "First divergence from
// the reference"): each step's numbers are read into the values it works out (`27 × 2 = 54`
// establishes 54) and the values it uses (27 and 2), and each used value is linked to the latest
// earlier step that established it. The same reading serves the student's work and the reference.
import type { Expr } from '../../libs/math/index.js';
import { literals, nearlyEqual } from '../../libs/math/index.js';
import { isNumberLiteral, tryValue } from './step-values.js';
import type { MathItem } from './step-reader.js';
import type { StudentContext } from './student-context.js';

export interface StepQuantities {
  index: number;
  /** Values the step works out: every side of an equation chain, after its first operand side. */
  established: number[];
  /** Numbers written as operands or restated (`27 people`, the 27 and 2 in `27 × 2`). */
  used: number[];
  /** How each established value was worked out: its operand numbers as written. */
  derivations: Derivation[];
  /** Earlier steps whose established values this step uses. */
  dependsOn: number[];
}

export interface Derivation {
  value: number;
  operands: number[];
  /** The outermost operation of the worked side (`+` for `12 + 6 × 2`), null for a lone number. */
  op: string | null;
}

/** The numbers one step's math items establish and use. */
export function itemQuantities(
  items: readonly MathItem[],
  context: StudentContext,
): Omit<StepQuantities, 'index' | 'dependsOn'> {
  const established: number[] = [];
  const used: number[] = [];
  const derivations: Derivation[] = [];
  for (const item of items) {
    const [head, ...rest] = item.parts;
    if (!head) continue;
    literals(head, used);
    // a lone number, or a chain that is not an equation, works nothing out
    if (rest.length === 0 || !item.rels.every((rel) => rel === '=' || rel === '~=')) continue;
    const operands = literals(head);
    const op = head.kind === 'bin' ? head.op : null;
    const headValue = valueOf(head, context);
    // `27 × 2 = 54`: the operand side's value is what the step establishes, as is each later side
    if (headValue !== null && !isNumberLiteral(head)) {
      established.push(headValue);
      derivations.push({ value: headValue, operands, op });
    }
    for (const part of rest) {
      const value = valueOf(part, context);
      if (value !== null) {
        established.push(value);
        derivations.push({ value, operands, op });
      }
      if (!isNumberLiteral(part)) literals(part, used);
    }
  }
  return { established: distinct(established), used: distinct(used), derivations };
}

/** Links each step's used values to the latest earlier step that established them. */
export function linkQuantities(steps: readonly Omit<StepQuantities, 'dependsOn'>[]): StepQuantities[] {
  return steps.map((step, position) => {
    const dependsOn = new Set<number>();
    for (const value of [...step.used, ...step.established]) {
      const source =
        latestSource(steps, position, (v) => nearlyEqual(v, value)) ?? roundedSource(steps, position, value);
      if (source !== null) dependsOn.add(source);
    }
    return { ...step, dependsOn: [...dependsOn].sort((a, b) => a - b) };
  });
}

/** The latest step before `position` that established a value passing `matches`, or null. */
function latestSource(
  steps: readonly Omit<StepQuantities, 'dependsOn'>[],
  position: number,
  matches: (value: number) => boolean,
): number | null {
  for (let earlier = position - 1; earlier >= 0; earlier--)
    if (steps[earlier].established.some(matches)) return steps[earlier].index;
  return null;
}

/**
 * `8 / 1.5 = 5.33`, then `5 recipes a week`: a whole number nobody worked out, that rounds (up or
 * down) a fraction worked out before, uses that fraction. Rounding to whole items is a use of it.
 */
function roundedSource(
  steps: readonly Omit<StepQuantities, 'dependsOn'>[],
  position: number,
  value: number,
): number | null {
  if (!Number.isInteger(value)) return null;
  return latestSource(
    steps,
    position,
    (v) => !Number.isInteger(v) && (Math.floor(v) === value || Math.ceil(v) === value),
  );
}

/** Every step the final answer's value depends on, through the graph, in step order. */
export function dependencyChain(steps: readonly StepQuantities[], answerStep: number): number[] {
  const byIndex = new Map(steps.map((step) => [step.index, step]));
  const seen = new Set<number>();
  const stack = [answerStep];
  while (stack.length > 0) {
    const index = stack.pop()!;
    if (seen.has(index)) continue;
    seen.add(index);
    stack.push(...(byIndex.get(index)?.dependsOn ?? []));
  }
  return [...seen].sort((a, b) => a - b);
}

export function includesValue(values: readonly number[], value: number): boolean {
  return values.some((v) => nearlyEqual(v, value));
}

function distinct(values: number[]): number[] {
  return values.filter((v, i) => Number.isFinite(v) && !includesValue(values.slice(0, i), v));
}

const NO_BINDINGS = { bindings: new Map<string, number>() };

/** The number an expression stands for in the context, or null (free variables). */
export function valueOf(expr: Expr, context: StudentContext): number | null {
  return tryValue(expr, context, NO_BINDINGS);
}
