// Protects the progress bar's ETA: never `NFs`, `NaN` or `Infinity` (before anything settled there
// is no rate to extrapolate), and a plain seconds/minutes figure once there is one.
import { describe, expect, it } from '@jest/globals';
import { etaText } from './submit.js';

describe('etaText', () => {
  const start = 1_000_000;
  it.each([
    ['nothing settled yet', 0, 100, start + 5_000, 'estimating…'],
    ['no time elapsed', 5, 100, start, 'estimating…'],
    ['all settled', 10, 0, start + 5_000, '0s'],
    ['10 per second, 50 left', 50, 50, start + 5_000, '5s'],
    ['1 per second, 90 left', 5, 90, start + 5_000, '1m30s'],
  ])('%s', (_name, settled, remaining, now, expected) => {
    expect(etaText(settled, remaining, start, now)).toBe(expected);
  });

  it('never prints a non-number', () => {
    for (const settled of [0, 1, 1e-9, 3])
      for (const remaining of [0, 1, 1e12])
        expect(etaText(settled, remaining, start, start + 1)).not.toMatch(/NF|NaN|Infinity/);
  });
});
