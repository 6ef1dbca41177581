import { MathLimitError } from './limits.js';

// mathjs's own messages for input it has no rule for (arguments of the wrong kind or shape, a
// function derivative() does not know): limits of the CAS, reported as such. Anything else it
// throws is a bug and passes through.
const UNSUPPORTED =
  /Unexpected type of argument|Dimension mismatch|must be square|Too (?:few|many) arguments|Cannot calculate|singular|not defined for|Wrong number of arguments|^Cannot process (?:function|operator|symbol|constant)/i;

/** Runs one mathjs call; its "unsupported input" errors become MathLimitErrors naming the action. */
export function withinCas<T>(action: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && UNSUPPORTED.test(error.message))
      throw new MathLimitError(`the CAS cannot ${action} this: ${error.message.slice(0, 80)}`);
    throw error;
  }
}
