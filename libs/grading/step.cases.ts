// Every step-checking case for checkSteps, gathered from the tables by topic.
import { flatten, type StepCase } from './step-case.helpers.js';
import { calculus } from './step-calculus.cases.js';
import { algebra, chineseWordProblems, equations } from './step-equations.cases.js';
import { wordProblems } from './step-word-problems.cases.js';

export type { FinalVerdict, StepCase, StepExpectation } from './step-case.helpers.js';

export const stepCases: StepCase[] = flatten([
  ...wordProblems,
  ...chineseWordProblems,
  ...equations,
  ...algebra,
  ...calculus,
]);
