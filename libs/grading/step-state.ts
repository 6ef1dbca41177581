// The working state of one step while its math items are checked in order.
import type { ClaimOutcome } from './claim-outcome.js';
import type { Conclusion } from './conclusion-reader.js';
import type { Expr } from '../../libs/math/index.js';

export interface StepState {
  bindings: Map<string, number>;
  taintedBindings: Set<string>;
  lastValue: { value: number; tainted: boolean } | null;
  solutions: { variable: string; values: number[]; texts: string[]; tainted: boolean } | null;
  claims: ClaimOutcome[];
  conclusion: Conclusion | null;
  lastExpr: Expr | null;
  /** `出现在 x = 0 和 x = 3`: items joined to a location are locations too. */
  inLocation: boolean;
  /** Values stated without a claim (`Each jar holds 0.6 kg.`): restatements of known values. */
  bareValues: number[];
  /** The step's solution statement as written (`x = 3 or x = -3`), for the final answer. */
  solutionText: string | null;
}

/** The state a step starts from: no bindings, no claims yet. */
export function emptyStepState(): StepState {
  return {
    bindings: new Map(),
    taintedBindings: new Set(),
    lastValue: null,
    solutions: null,
    claims: [],
    conclusion: null,
    lastExpr: null,
    inLocation: false,
    bareValues: [],
    solutionText: null,
  };
}
