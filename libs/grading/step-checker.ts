// Checks one step against the student's context: each math item is classified into one typed
// claim (claim-classifier.ts), checked by the checker for its kind (claim-checkers.ts), and the
// context moves on (values, taint, conditions, the student's own definitions).
import { formatNumber } from '../../libs/math/index.js';
import { checkClaim } from './claim-checkers.js';
import { classifyItem } from './claim-classifier.js';
import type { ClaimOutcome } from './claim-outcome.js';
import { readConclusion } from './conclusion-reader.js';
import { flushSolutions, isSolutionItem, joinsSolutionList } from './solution-claims.js';
import type { MathItem } from './step-reader.js';
import type { StepState } from './step-state.js';
import { emptyStepState } from './step-state.js';
import type { StudentContext } from './student-context.js';

export type { StepState } from './step-state.js';

export function checkStepItems(text: string, items: MathItem[], context: StudentContext): StepState {
  const state = emptyStepState();
  for (const item of items) {
    if (state.solutions && joinsSolutionList(item, context, state)) continue;
    if (state.solutions && !isSolutionItem(item, context, state)) flushSolutions(state, context);
    state.lastExpr = item.parts[item.parts.length - 1];
    checkClaim(classifyItem(item, context, state, text), { item, state, context });
  }
  flushSolutions(state, context);
  state.conclusion = readConclusion(text, items, state, context);
  if (state.claims.length === 0) state.claims.push(...restatements(state.bareValues, context));
  return state;
}

/** A step that only restates values carries their taint: `Each jar holds 0.6 kg.` after `2/3 = 0.6`. */
function restatements(values: number[], context: StudentContext): ClaimOutcome[] {
  for (const value of values) {
    const known = context.knows(value);
    if (known)
      return [
        {
          holds: true,
          tainted: known.tainted,
          reason: `${formatNumber(value)} restates a value found earlier`,
          method: 'cas',
          restates: true,
        },
      ];
  }
  return [];
}
