// Protects the stop rule of the grading threads (docs/grading.md, Budget) with real worker threads
// (the built entry in dist/: run `npm run build` first): a submission stopped past its time budget
// keeps the problems its thread had graded before the stop, and only the rest are unchecked.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gradeSubmission, type ProblemForGrading } from '../../../libs/grading/grade-submission.js';
import { type GradingBudget, stoppedReason, type SubmissionToGrade, totals } from './grading-budget.js';
import { type GradeAttempt, GradingThreads } from './grading-threads.js';

// Far below the slow problem's CAS work (1,500 distinct matrix steps of a few to tens of ms each:
// seconds), far above the quick problems' (a few ms), so the watchdog always stops the thread
// inside the slow problem; the tests check that it did.
const budget: GradingBudget = { timeMs: 200, maxSteps: 10_000 };
const SLOW_STEPS = 1_500;

/** A 15x15 pmatrix: milliseconds of CAS work per step (as in test/grading-budget.e2e-spec.ts). */
function matrixStep(seed: number): string {
  const rows = Array.from({ length: 15 }, (_, r) => Array.from({ length: 15 }, (_, c) => r * c + seed).join(' & '));
  return `\\begin{pmatrix} ${rows.join(' \\\\ ')} \\end{pmatrix}`;
}

const problem = (key: string, statement: string, answer: string): ProblemForGrading => ({
  key,
  statement,
  answer,
  definitions: {},
  points: 10,
  policy: {},
});

const right = problem('right', 'What is 2 + 3?', '5');
const wrong = problem('wrong', 'What is 4 + 4?', '8');
const blank = problem('blank', 'What is 1 + 1?', '2');
const slow = problem('slow', 'Write the matrix.', '1');
const steps: Record<string, string[]> = {
  right: ['2 + 3 = 5', 'A: 5'],
  wrong: ['4 + 4 = 9', 'A: 9'],
  slow: Array.from({ length: SLOW_STEPS }, (_, step) => matrixStep(step)),
};

/** The submission answering every given problem but `blank`, in that order. */
function submissionOf(...problems: ProblemForGrading[]): SubmissionToGrade {
  const answered = problems.filter((entry) => entry !== blank);
  return { problems, answers: answered.map((entry) => ({ problemKey: entry.key, steps: steps[entry.key]! })) };
}

function graded(attempt: GradeAttempt | undefined) {
  if (!attempt?.ok) throw attempt?.error ?? new Error('no attempt');
  return attempt.grade;
}

let threads: GradingThreads;

beforeAll(async () => {
  threads = new GradingThreads({ threads: 1, budget });
  // Loads the thread (and the CAS) before any budget is measured.
  await threads.grade([submissionOf(right)]);
}, 60_000);
afterAll(() => threads.close());

describe('a submission stopped at its grading time budget', () => {
  it('keeps the problems graded before the slow one, as gradeSubmission grades them; only the slow one is unchecked', async () => {
    const stopped = submissionOf(right, wrong, blank, slow);
    const next = submissionOf(wrong, right);
    const [attempt, after] = await threads.grade([stopped, next]);
    const grade = graded(attempt);
    // The quick problems alone (grading the slow one here would take seconds).
    const expected = gradeSubmission(stopped.problems.slice(0, 3), stopped.answers).answers;
    expect(grade.answers.slice(0, 3)).toEqual(expected);
    expect(grade.answers[0]!.score).toBe(10);
    expect(grade.answers[1]!.firstErrorStep).toBe(0);
    expect(grade.answers[2]!.feedback).toBe('This problem was not answered.');
    expect(grade.unchecked).toEqual([{ problemKey: 'slow', reason: stoppedReason(budget) }]);
    expect(grade.answers[3]!.steps).toHaveLength(SLOW_STEPS);
    expect(grade.answers[3]!.steps.every((step) => step.reason === stoppedReason(budget))).toBe(true);
    expect(totals(grade.answers)).toEqual({ score: expected[0]!.score + expected[1]!.score, maxScore: 40 });
    // The rest of the chunk goes on in the next thread, graded whole.
    expect(graded(after)).toEqual({ answers: gradeSubmission(next.problems, next.answers).answers, unchecked: [] });
  }, 30_000);

  it('has every answered problem unchecked when the slow problem comes first', async () => {
    const grade = graded((await threads.grade([submissionOf(slow, right, blank, wrong)]))[0]);
    expect(grade.unchecked).toEqual(
      ['slow', 'right', 'wrong'].map((problemKey) => ({ problemKey, reason: stoppedReason(budget) })),
    );
    expect(grade.answers[2]!.feedback).toBe('This problem was not answered.');
    expect(totals(grade.answers)).toEqual({ score: 0, maxScore: 40 });
  }, 30_000);

  it('has its one answered problem unchecked, as before', async () => {
    const grade = graded((await threads.grade([submissionOf(slow)]))[0]);
    expect(grade.unchecked).toEqual([{ problemKey: 'slow', reason: stoppedReason(budget) }]);
    expect(grade.answers[0]!.score).toBe(0);
  }, 30_000);
});
