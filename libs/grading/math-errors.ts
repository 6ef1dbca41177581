// The grader uses the math library's own rule for which errors are math limits (libs/math/math-errors.ts).
export { isMathLimit, rethrowUnlessMathLimit } from '../../libs/math/index.js';
