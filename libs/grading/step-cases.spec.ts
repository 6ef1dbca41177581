// Protects docs/grading.md's step verdicts: every table case and every worked case in
// test/fixtures/examples gets exactly its first error, final-answer verdict, incorrect steps and
// carried steps.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';
import { stepCases, type StepCase, type StepExpectation } from './step.cases.js';

const examplesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/examples');

interface ExampleSubmission {
  name: string;
  steps: string[];
  expect: StepExpectation & { note?: string };
}
interface ExampleProblem {
  key: string;
  statement: string;
  definitions?: Record<string, string>;
  answer?: string;
  submissions: ExampleSubmission[];
}

/** The worked example files hold either one `problem` with `submissions` or a list of `problems`. */
function loadWorkedExamples(): StepCase[] {
  const files = readdirSync(examplesDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return files.flatMap((file) => {
    const content = JSON.parse(readFileSync(join(examplesDir, file), 'utf8'));
    const problems: ExampleProblem[] = content.problems ?? [{ ...content.problem, submissions: content.submissions }];
    return problems.flatMap((problem) =>
      problem.submissions.map((submission) => ({
        name: `${file} ${problem.key}: ${submission.name}`,
        problem: problem.statement,
        definitions: problem.definitions,
        answer: problem.answer,
        steps: submission.steps,
        expect: { ...submission.expect, ...lostRootFromNote(submission.expect.note) },
      })),
    );
  });
}

/** Notes such as "the reason for step 2 must say the root x = 0 was lost" become assertions. */
function lostRootFromNote(note: string | undefined): Pick<StepExpectation, 'namesRoot'> {
  const match = note?.match(/reason for step (\d+) must say the root x = (-?[\d.]+) was lost/);
  return match ? { namesRoot: { step: Number(match[1]), root: match[2] } } : {};
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function expectVerdicts(testCase: StepCase): void {
  const result = checkSteps({
    problem: testCase.problem,
    steps: testCase.steps,
    answer: testCase.answer,
    definitions: testCase.definitions,
  });
  const indicesWith = (verdict: string) =>
    result.steps.filter((step) => step.verdict === verdict).map((step) => step.index);
  expect({
    firstErrorStep: result.firstErrorStep,
    finalAnswer: result.finalAnswer.verdict,
    incorrectSteps: indicesWith('incorrect'),
    carriedSteps: indicesWith('carried_error'),
  }).toEqual({
    firstErrorStep: testCase.expect.firstErrorStep,
    finalAnswer: testCase.expect.finalAnswer,
    incorrectSteps: testCase.expect.incorrectSteps,
    carriedSteps: testCase.expect.carriedSteps,
  });
  expect(result.steps.map((step) => step.index)).toEqual(testCase.steps.map((_, index) => index));
  for (const step of result.steps) expect(step.reason.trim().length).toBeGreaterThan(0);
  if (testCase.expect.namesRoot) {
    const { step, root } = testCase.expect.namesRoot;
    // The root as a number of its own: "0" must not match inside "10" or "0.5".
    const rootPattern = new RegExp(`(?<![\\d.])${escapeRegExp(root).replace(/^-/, '[-−]\\s*')}(?![\\d.])`);
    expect(result.steps[step].reason).toMatch(rootPattern);
  }
  // The same work always gets the same grade.
  expect(
    checkSteps({
      problem: testCase.problem,
      steps: testCase.steps,
      answer: testCase.answer,
      definitions: testCase.definitions,
    }),
  ).toEqual(result);
}

describe('the step-case table', () => {
  it('holds at least 100 cases, English and Chinese, with and without errors', () => {
    expect(stepCases.length).toBeGreaterThanOrEqual(100);
    expect(stepCases.some((c) => /[\u4e00-\u9fff]/.test(c.steps.join(' ')))).toBe(true);
    expect(stepCases.some((c) => c.expect.carriedSteps.length > 0)).toBe(true);
    expect(stepCases.some((c) => c.expect.finalAnswer === 'missing')).toBe(true);
    expect(new Set(stepCases.map((c) => c.name)).size).toBe(stepCases.length);
  });
});

describe('checkSteps on the step-case table', () => {
  it.each(stepCases)('$name', (testCase) => expectVerdicts(testCase));
});

describe('checkSteps on the worked examples (test/fixtures/examples)', () => {
  const workedCases = loadWorkedExamples();

  it('finds the worked examples, including the lost-root case', () => {
    expect(workedCases.length).toBeGreaterThan(0);
    expect(workedCases.some((c) => c.expect.namesRoot)).toBe(true);
  });

  it.each(workedCases)('$name', (testCase) => expectVerdicts(testCase));
});
