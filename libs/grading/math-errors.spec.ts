// Only math the grader cannot decide becomes `unverified`; any other error is a bug and surfaces.
import { describe, expect, it } from '@jest/globals';
import { MathLimitError, ParseError, UnknownNameError } from '../math/index.js';
import { checkSteps } from './index.js';
import { isMathLimit, rethrowUnlessMathLimit } from './math-errors.js';

describe('math-limit errors', () => {
  it.each([new MathLimitError('too deep'), new ParseError('unexpected ")"'), new UnknownNameError('unknown value q')])(
    '%s is a math limit',
    (error) => {
      expect(isMathLimit(error)).toBe(true);
      expect(() => rethrowUnlessMathLimit(error)).not.toThrow();
    },
  );

  it.each([new TypeError('x is undefined'), new RangeError('bad length'), new Error('a bug'), 'a string'])(
    '%s is not, and is rethrown',
    (error) => {
      expect(isMathLimit(error)).toBe(false);
      expect(() => rethrowUnlessMathLimit(error)).toThrow();
    },
  );
});

describe('checkSteps and errors', () => {
  it('turns input past the math limits into unverified with a reason', () => {
    const deep = `${'('.repeat(200)}1${')'.repeat(200)} = 1`;
    const result = checkSteps({ problem: 'Compute.', steps: [deep] });
    expect(result.steps[0].verdict).toBe('unverified');
    expect(result.steps[0].reason).not.toBe('');
  });

  it('lets a bug surface instead of hiding it as unverified', () => {
    const definitions = {
      get f(): string {
        throw new TypeError('a bug in the caller');
      },
    };
    expect(() => checkSteps({ problem: 'Compute.', steps: ['1 + 1 = 2'], definitions })).toThrow(TypeError);
  });
});
