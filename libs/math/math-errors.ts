// The only errors turned into a verdict or a "could not decide": the math could not be decided (an
// input past MATH_LIMITS, a name with no value here, text that is not an expression). Anything
// else is a bug and surfaces, so it fails a test instead of hiding as a silent `unverified`.
import { UnknownNameError } from './evaluate.js';
import { ParseError } from './expr-parser.js';
import { MathLimitError } from './limits.js';

export function isMathLimit(error: unknown): error is MathLimitError | ParseError | UnknownNameError {
  return error instanceof MathLimitError || error instanceof ParseError || error instanceof UnknownNameError;
}

/** In a catch block: returns for a math limit, rethrows anything else. */
export function rethrowUnlessMathLimit(error: unknown): void {
  if (!isMathLimit(error)) throw error;
}
