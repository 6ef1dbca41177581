// Conclusions: sentences that state what the question asked for (`max = 2, min = -2`,
// `答:最大值为 2`, `A: 18`, `\boxed{18}`, `The answer is 18`). The last one is the final answer.
import type { Expr } from '../../libs/math/index.js';
import { evaluate, exprToString, unwrapBoxed } from '../../libs/math/index.js';
import type { ClaimOutcome } from './claim-outcome.js';
import type { MathItem } from './step-reader.js';
import type { StudentContext } from './student-context.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

export interface Conclusion {
  /** Named parts (`max` -> `2`) when the conclusion names them, else null. */
  named: Map<string, string> | null;
  /** The single value stated, as text, when not named. */
  value: string | null;
}

const NAMED =
  /(最大值|最小值|maximum|minimum|max|min)(?:\s*value)?(?:\s*of\s+\S+)?(?:\s+on\s+[^,.;]*?)?\s*(?:is|为|是|:|=|equals)?\s*$/;
const LABELLED = /^\s*(?:\*\*)?(?:A|Answer|Final answer|Ans|答案?)\s*(?:\*\*)?\s*[:：]/i;
const ANSWER_PHRASE = /\b(?:the (?:final )?answer is|answer:)|答案是|答案为/i;

export function namedConclusionIn(before: string, head: Expr, partCount: number): string | null {
  if (head.kind === 'sym' && (head.name === 'max' || head.name === 'min') && partCount === 2) return head.name;
  const match = NAMED.exec(before.replace(/\s+/g, ' ').trim());
  if (!match) return null;
  return match[1] === '最大值' || match[1].startsWith('max') ? 'max' : 'min';
}

export function isConclusionStep(text: string): boolean {
  return LABELLED.test(text) || ANSWER_PHRASE.test(text) || text.includes('\\boxed');
}

export function readConclusion(
  text: string,
  items: MathItem[],
  state: { claims: ClaimOutcome[] },
  context: StudentContext,
): Conclusion | null {
  const named = new Map<string, string>();
  for (const item of items) {
    const name = namedConclusionIn(item.before, item.parts[0], item.parts.length);
    if (name) named.set(name, exprToString(item.parts[item.parts.length - 1]));
  }
  if (named.size) return { named, value: null };
  if (!isConclusionStep(text)) return null;
  let valueText: string | null = null;
  if (text.includes('\\boxed')) valueText = unwrapBoxed(text).trim();
  const lastItem = items[items.length - 1];
  const lastExpr = lastItem ? lastItem.parts[lastItem.parts.length - 1] : null;
  if (valueText === null && lastExpr) valueText = exprToString(lastExpr);
  if (valueText === null) return null;
  if (state.claims.length === 0 && lastExpr) {
    const claim = conclusionClaim(lastExpr, context);
    if (claim) state.claims.push(claim);
  }
  return { named: null, value: valueText };
}

/** `A: 18` holds when 18 is a value the student's work (or the statement) established. */
function conclusionClaim(expr: Expr, context: StudentContext): ClaimOutcome | null {
  let value: number;
  try {
    value = evaluate(expr, context.scope());
  } catch (error) {
    // a symbolic conclusion is compared with the key only
    rethrowUnlessMathLimit(error);
    return null;
  }
  const known = context.knows(value);
  if (!known) return null;
  return {
    holds: true,
    tainted: known.tainted,
    reason: `${exprToString(expr)} is the value found in the work`,
    method: 'cas',
    restates: true,
  };
}
