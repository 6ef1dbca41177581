// Public surface of the CAS: final-answer equivalence plus the reading and checking primitives
// the step checker builds on.
export { checkAnswer } from './check-answer.js';
export type { AnswerCheck, AnswerPolicy } from './check-answer.js';
export { readAnswer, unwrapBoxed } from './answer-value.js';
export type { AnswerValue } from './answer-value.js';
export type { Expr } from './expr.js';
export { exprToString, freeSymbols, literals, mapNumbers, calledFunctions, num } from './expr.js';
export { parseTokens, ParseError, isFunctionName, DERIVATIVE_OPERATOR, SUM_OPERATOR } from './expr-parser.js';
export { expandDerivatives, hasDerivative } from './calculus.js';
export { tokenize, LATEX_CLOSE, LATEX_OPEN } from './math-tokens.js';
export type { Token } from './math-tokens.js';
export { normalizeText, normalizeTextWithMap, normalizeUnicode } from './normalize-text.js';
export type { NormalizedLine } from './normalize-text.js';
export type { SourceSpan } from './mapped-text.js';
export { evaluate, EMPTY_SCOPE, UnknownNameError } from './evaluate.js';
export type { Scope, FunctionDefinition } from './evaluate.js';
export { compareExpressions, unboundSymbols } from './equivalence.js';
export type { Equivalence } from './equivalence.js';
export { nearlyEqual, roundsTo, withinTolerance } from './numeric-compare.js';
export { solveEquation, sameRoots, formatNumber } from './solve-equation.js';
export { toPolynomial } from './polynomial.js';
export type { SolutionSet } from './solve-equation.js';
export { derivativeOf, restrictedMath } from './safe-mathjs.js';
export { MATH_LIMITS, MathLimitError } from './limits.js';
export { KNOWN_NAMES, FUNCTION_ARITY } from './known-names.js';
export { casClockReading, resetCasClock } from './cas-clock.js';
export { isMathLimit, rethrowUnlessMathLimit } from './math-errors.js';
