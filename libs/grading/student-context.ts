// What the student's work has established so far: the problem's definitions overridden by the
// student's own (`f'(x) = …`, `a = …`), the values each claim produced and which of them are
// tainted (came from an incorrect or carried claim), the last condition, and evaluations f(a) = v.
import type { Expr, FunctionDefinition, Scope } from '../../libs/math/index.js';
import { derivativeOf, nearlyEqual } from '../../libs/math/index.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

export interface Condition {
  left: Expr;
  right: Expr;
  variable: string;
  roots: number[];
  tainted: boolean;
  text: string;
}

export interface KnownValue {
  value: number;
  tainted: boolean;
}

export class StudentContext {
  readonly vars = new Map<string, number>();
  readonly functions = new Map<string, FunctionDefinition>();
  /** Names whose current meaning came from a tainted claim. */
  readonly taintedNames = new Set<string>();
  /** Names the student defined or restated (their f' is the one later conditions use). */
  readonly studentNames = new Set<string>();
  readonly values: KnownValue[] = [];
  readonly evaluations = new Map<string, Map<number, KnownValue>>();
  condition: Condition | null = null;
  interval: [number, number] | null = null;
  statementCondition: Condition | null = null;
  /** Every solution value the student has listed per variable (`x = 9, -4`), so a later `x = 9` rejects -4 knowingly. */
  readonly statedSolutions = new Map<string, number[]>();
  /** The problem is about lengths, areas or counts: a negative root may be dropped without comment. */
  quantitiesArePositive = false;
  /** One-letter unit symbols the problem speaks of (`m` when it gives lengths in metres). */
  unitLetters: ReadonlySet<string> = new Set();
  /** The value the last step ended on, for a step that opens with `=` (see continued-chain.ts). */
  chainTail: Expr | null = null;

  /**
   * An independent copy: what one reading adds (values, names, conditions) never reaches another.
   * Expressions and function bodies are shared, as nothing mutates them.
   */
  clone(): StudentContext {
    const copy = new StudentContext();
    for (const [k, v] of this.vars) copy.vars.set(k, v);
    for (const [k, v] of this.functions) copy.functions.set(k, v);
    for (const name of this.taintedNames) copy.taintedNames.add(name);
    for (const name of this.studentNames) copy.studentNames.add(name);
    for (const v of this.values) copy.values.push({ ...v });
    for (const [fn, table] of this.evaluations)
      copy.evaluations.set(fn, new Map([...table].map(([at, v]) => [at, { ...v }])));
    copy.condition = this.condition && { ...this.condition, roots: [...this.condition.roots] };
    copy.interval = this.interval && [this.interval[0], this.interval[1]];
    copy.statementCondition = this.statementCondition && {
      ...this.statementCondition,
      roots: [...this.statementCondition.roots],
    };
    for (const [k, v] of this.statedSolutions) copy.statedSolutions.set(k, [...v]);
    copy.quantitiesArePositive = this.quantitiesArePositive;
    copy.unitLetters = this.unitLetters;
    copy.chainTail = this.chainTail;
    return copy;
  }

  scope(extraVars?: ReadonlyMap<string, number>): Scope {
    if (!extraVars || extraVars.size === 0) return { vars: this.vars, functions: this.functions };
    const vars = new Map(this.vars);
    for (const [k, v] of extraVars) vars.set(k, v);
    return { vars, functions: this.functions };
  }

  functionNames(): Set<string> {
    return new Set(this.functions.keys());
  }

  defineFunction(name: string, definition: FunctionDefinition, tainted: boolean, byStudent: boolean): void {
    this.functions.set(name, definition);
    if (tainted) this.taintedNames.add(name);
    else this.taintedNames.delete(name);
    if (byStudent) this.studentNames.add(name);
    if (!name.endsWith("'") && definition.params.length === 1) this.deriveDerivatives(name, definition, tainted);
  }

  /** f' and f'' of a defined function, computed once (mathjs derivative, unsimplified). */
  private deriveDerivatives(name: string, definition: FunctionDefinition, tainted: boolean): void {
    let current = definition.body;
    let derivedName = name;
    for (let order = 0; order < 2; order++) {
      derivedName += "'";
      try {
        current = derivativeOf(current, definition.params[0]);
      } catch (error) {
        // a body the CAS cannot differentiate has no derivative in the context
        rethrowUnlessMathLimit(error);
        return;
      }
      this.functions.set(derivedName, { params: definition.params, body: current });
      if (tainted) this.taintedNames.add(derivedName);
      else this.taintedNames.delete(derivedName);
    }
  }

  addValue(value: number, tainted: boolean): void {
    if (!Number.isFinite(value)) return;
    this.values.push({ value, tainted });
    if (this.values.length > 5_000) this.values.shift();
  }

  isTaintedValue(value: number): boolean {
    return this.values.some((v) => v.tainted && nearlyEqual(v.value, value));
  }

  knows(value: number): KnownValue | null {
    let found: KnownValue | null = null;
    for (const v of this.values) {
      if (!nearlyEqual(v.value, value)) continue;
      if (v.tainted) return v;
      found = v;
    }
    return found;
  }

  recordEvaluation(fn: string, argument: number, value: number, tainted: boolean): void {
    let table = this.evaluations.get(fn);
    if (!table) {
      table = new Map();
      this.evaluations.set(fn, table);
    }
    table.set(argument, { value, tainted });
  }
}
