// A trigonometric function of an angle written in degrees (`\tan 45^\circ`) takes it in radians:
// `\sin 30^\circ = \frac{1}{2}` holds and `\cos 60^\circ = 1` does not. Without the degree sign the
// angle is in radians, as mathematics reads it.
import { describe, expect, it } from '@jest/globals';
import { checkAnswer } from '../../libs/math/index.js';
import { checkSteps } from './index.js';

const verdictOf = (step: string) => checkSteps({ problem: 'Evaluate.', steps: [step] }).steps[0].verdict;

describe('an angle in degrees inside a trigonometric function', () => {
  it.each([
    ['$\\tan 45^\\circ = 1$'],
    ['$\\cos(60^{\\circ}) = \\frac{1}{2}$'],
    ['$\\sin\\left(90^\\circ\\right) = 1$'],
    ['$2\\sin 30^\\circ = 1$'],
  ])('%s holds', (step) => {
    expect(verdictOf(step)).toBe('correct');
  });

  it.each([['$\\tan 45^\\circ = 0$'], ['$\\cos 60^\\circ = 1$'], ['$\\sin 90^\\circ = 0$']])('%s is false', (step) => {
    expect(verdictOf(step)).toBe('incorrect');
  });

  it('an angle on its own still compares as the number of degrees written', () => {
    expect(checkAnswer('45', '45^\\circ').equivalent).toBe(true);
    expect(checkAnswer('\\frac{\\sqrt{3}}{2}', '\\cos 30^\\circ').equivalent).toBe(true);
    expect(checkAnswer('\\frac{1}{2}', '\\cos 30^\\circ').equivalent).toBe(false);
  });

  it.each([['sin 30° = 0.5'], ['tan(45°) = 1'], ['The angles give 180° - 65° = 115°']])(
    '%s holds in plain text',
    (step) => {
      expect(verdictOf(step)).toBe('correct');
    },
  );

  it.each([['cos 60° = 1'], ['The angles give 180° - 65° = 125°']])('%s is false in plain text', (step) => {
    expect(verdictOf(step)).toBe('incorrect');
  });
});
