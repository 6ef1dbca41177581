// Checks one step against the student's context: each math item is classified into one typed
// claim (claim-classifier.ts), checked by the checker for its kind (claim-checkers.ts), and the
// context moves on (values, taint, conditions, the student's own definitions).
import type { SourceSpan } from '../../libs/math/index.js';
import { formatNumber } from '../../libs/math/index.js';
import { checkClaim } from './claim-checkers.js';
import { classifySpanned } from './claim-classifier.js';
import type { ClaimOutcome } from './claim-outcome.js';
import { readConclusion } from './conclusion-reader.js';
import { spanAcross } from './item-span.js';
import { flushSolutions, isSolutionItem, joinsSolutionList } from './solution-claims.js';
import { checkConditionCases, conditionCasesAt } from './condition-cases.js';
import type { MathItem } from './step-reader.js';
import type { StepState } from './step-state.js';
import { emptyStepState } from './step-state.js';
import type { StudentContext } from './student-context.js';

export type { StepState } from './step-state.js';

export function checkStepItems(text: string, items: MathItem[], context: StudentContext): StepState {
  const state = emptyStepState();
  // the items whose values wait in state.solutions: a verdict on the solutions points at them
  let solutionItems: MathItem[] = [];
  const flush = () => {
    const from = state.claims.length;
    flushSolutions(state, context);
    stampSince(state, from, solutionItems.length ? new ItemsSpan(solutionItems) : null);
    solutionItems = [];
  };
  for (let at = 0; at < items.length; at++) {
    const item = items[at];
    if (state.solutions && joinsSolutionList(item, context, state)) {
      solutionItems.push(item);
      continue;
    }
    if (state.solutions && !isSolutionItem(item, context, state)) flush();
    // `x - 2 = 0 or x - 3 = 0`: cases of one condition are checked together
    const run = conditionCasesAt(items, at, context, state);
    if (run) {
      const from = state.claims.length;
      checkConditionCases(run.variable, run.cases, context, state);
      stampSince(state, from, new ItemsSpan(run.cases.map((c) => c.item)));
      state.lastExpr = item.parts[item.parts.length - 1];
      at += run.cases.length - 1;
      continue;
    }
    state.lastExpr = item.parts[item.parts.length - 1];
    const spanned = classifySpanned(item, context, state, text);
    const from = state.claims.length;
    checkClaim(spanned.claim, { item, state, context });
    stampSince(state, from, spanned);
    if (spanned.claim.kind === 'solution') solutionItems.push(item);
  }
  flush();
  const from = state.claims.length;
  state.conclusion = readConclusion(text, items, state, context);
  stampSince(state, from, items.length ? items[items.length - 1] : null);
  if (state.claims.length === 0) state.claims.push(...restatements(state.bareValues, context));
  return state;
}

/**
 * Gives the outcomes added since `from` that can decide a verdict (false, or carrying an error) the
 * span of what they were read from, as copies (an outcome may be shared). Outcomes that hold keep
 * none: no verdict points at them, and a span is only worked out when read.
 */
function stampSince(state: StepState, from: number, source: { readonly span: SourceSpan } | null): void {
  if (!source) return;
  for (let k = from; k < state.claims.length; k++) {
    const outcome = state.claims[k];
    if (!outcome.span && (outcome.holds === false || outcome.tainted))
      state.claims[k] = { ...outcome, span: source.span };
  }
}

/** `x = 0 or x = 2`: solutions stated across several items span from the first to the last. */
class ItemsSpan {
  constructor(private readonly items: readonly MathItem[]) {}

  get span(): SourceSpan {
    return spanAcross(this.items.map((item) => item.span))!;
  }
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
