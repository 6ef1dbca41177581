// Hard bounds on what the reader and the evaluator accept: every hostile input (huge lines, deep
// nesting, towers of exponents, giant factorials) is refused by one of these before any work is done.
export const MATH_LIMITS = {
  /** Longest text (characters) a single expression, answer or step may have. */
  maxTextChars: 8_000,
  /** Most tokens one expression may hold. */
  maxTokens: 1_500,
  /** Deepest nesting of brackets/operators the parser follows. */
  maxDepth: 64,
  /** Largest factorial argument (171! overflows a double). */
  maxFactorialArg: 170,
  /** Largest magnitude a value may reach before it is treated as "too large to check". */
  maxMagnitude: 1e300,
  /** Most arguments a function call may have. */
  maxCallArgs: 64,
} as const;

/** Raised when an input breaks one of MATH_LIMITS; callers turn it into a verdict with its reason. */
export class MathLimitError extends Error {
  override readonly name = 'MathLimitError';
  constructor(message: string) {
    // thrown inside sampling loops: skip the stack capture, which costs more than the check itself
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}
