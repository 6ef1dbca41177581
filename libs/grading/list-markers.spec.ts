// A list marker opening a step (`- `, `• `, `a) `, `2) `) is no number of the work: the claim after
// it is checked as written, and its span still points at the student's own text.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const stepOf = (step: string) => checkSteps({ problem: 'A word problem about marbles.', steps: [step] }).steps[0];

describe('list markers', () => {
  it.each([
    ['- 12 + 5 = 17', 'correct'],
    ['- 12 + 5 = 18', 'incorrect'],
    ['• 12 + 5 = 17', 'correct'],
    ['a) 12 + 5 = 17', 'correct'],
    ['a) 12 + 5 = 18', 'incorrect'],
    ['3) 6 * 4 = 24 marbles', 'correct'],
    ['3) 6 * 4 = 20 marbles', 'incorrect'],
    ['## 12 + 5 = 17', 'correct'],
    ['## 12 + 5 = 18', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(stepOf(step).verdict).toBe(verdict);
  });

  it('a minus glued to a number is a negative number, not a bullet', () => {
    expect(stepOf('-12 + 5 = -7').verdict).toBe('correct');
    expect(stepOf('-12 + 5 = 17').verdict).toBe('incorrect');
  });

  it('an answer line after `####` is read', () => {
    const result = checkSteps({ problem: 'How many marbles?', steps: ['12 + 5 = 17', '#### 17'], answer: '17' });
    expect(result.steps[1].verdict).toBe('correct');
    const wrong = checkSteps({ problem: 'How many marbles?', steps: ['12 + 5 = 17', '#### 19'], answer: '17' });
    expect(wrong.steps[1].verdict).toBe('incorrect');
  });

  it("the claim's span is the student's text after the marker", () => {
    const step = 'b) 12 + 5 = 18';
    const span = stepOf(step).span;
    expect(span && step.slice(span.start, span.end)).toBe('12 + 5 = 18');
  });
});
