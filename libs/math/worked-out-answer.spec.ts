// An answer that writes an operation out and then its value (`\frac{d}{dx}(x^3) = 3x^2`) is
// compared by that value; an equation whose left side is no written-out operation (or lone name) is not.
import { describe, expect, it } from '@jest/globals';
import { checkAnswer } from './index.js';

describe('an operation written out, then its value', () => {
  it.each([
    ['3x^2', '\\frac{d}{dx}(x^3) = 3x^2'],
    ['3x^2', 'd/dx (x^3) = 3x^2'],
    ['15', '\\sum_{k=1}^{5} k = 15'],
  ])('%s ≡ %s', (expected, given) => {
    expect(checkAnswer(expected, given).equivalent).toBe(true);
  });

  it.each([
    // the value written is what is compared
    ['3x^2', '\\frac{d}{dx}(x^3) = 3x'],
    // a plain equation is no worked-out value (a lone name on the left only labels: `z = 3x^2` ≡ `3x^2`)
    ['3x^2', 'z + 1 = 3x^2'],
  ])('%s ≢ %s', (expected, given) => {
    expect(checkAnswer(expected, given).equivalent).toBe(false);
  });
});
