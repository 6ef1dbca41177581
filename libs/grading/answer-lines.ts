// Lines that only give the answer: announcements (`A: 240`, `The answer is 240`, `#### 240`,
// `答：…`, `\boxed{…}`) and bare values (`4`, `x = 4`). The key decides them; a model never judges
// them, and the first-divergence rule never picks an announcement over the step behind it.
import { functionNamesIn } from './problem-context.js';
import { rethrowUnlessMathLimit } from './math-errors.js';
import type { MathItem } from './step-reader.js';
import { readStep } from './step-reader.js';

const ANSWER_LINE =
  /^\s*(?:#{2,}|(?:final\s+)?answer\s*[:：]|a\s*[:：]|the\s+(?:final\s+)?answer\s+is\b|答案?\s*[:：]|答案|\\boxed)/i;

/** `A: 240`, `The answer is: 240`, `#### 240`: a line that announces the answer. */
export function isAnswerLine(text: string): boolean {
  return ANSWER_LINE.test(text);
}

/** `4`, `x = 4`: an item that states a value without working anything out. */
export function statesValue(item: MathItem): boolean {
  return item.parts.length === 1 || (item.parts.length === 2 && item.rels[0] === '=' && item.parts[0].kind === 'sym');
}

/** An announcement, or a line whose only math states values (`4`, `x = 4`, `$4.00`). */
export function isAnswerOnlyLine(text: string): boolean {
  if (isAnswerLine(text)) return true;
  try {
    const items = readStep(text, functionNamesIn(text));
    return items.length > 0 && items.every(statesValue) && isShort(text);
  } catch (error) {
    // unreadable math is not a bare answer: it may be judged as prose
    rethrowUnlessMathLimit(error);
    return false;
  }
}

/** A bare value is short: a sentence that mentions one number (`First we count 3 rows.`) is prose. */
function isShort(text: string): boolean {
  return text.trim().split(/\s+/).length <= 4;
}
