// Protects the budget's rules (GRADING.md, Budget): within it, the same answers as grading the
// whole submission at once; past the step or time budget, whole problems unchecked with the reason.
import { describe, expect, it } from '@jest/globals';
import { gradeSubmission, type ProblemForGrading } from '../../../libs/grading/grade-submission.js';
import { gradeWithinBudget, stoppedGrade } from './grading-budget.js';

const problems: ProblemForGrading[] = ['a', 'b', 'c'].map((key) => ({
  key,
  statement: 'What is 2 + 3?',
  answer: '5',
  definitions: {},
  points: 10,
  policy: {},
}));
const answers = problems.map((problem) => ({ problemKey: problem.key, steps: ['2 + 3 = 5', 'A: 5'] }));
const submission = { problems, answers };

describe('gradeWithinBudget', () => {
  it('gives exactly what grading the whole submission gives when within the budget', () => {
    const graded = gradeWithinBudget(submission, { timeMs: 60_000, maxSteps: 100 });
    expect(graded.unchecked).toEqual([]);
    expect(graded.answers).toEqual(gradeSubmission(problems, answers).answers);
  });

  it('leaves the problems past the step budget unchecked, with the reason and no points', () => {
    const graded = gradeWithinBudget(submission, { timeMs: 60_000, maxSteps: 3 });
    expect(graded.unchecked.map((cut) => cut.problemKey)).toEqual(['b', 'c']);
    const [first, second] = graded.answers;
    expect(first!.score).toBe(10);
    expect(second).toMatchObject({ score: 0, maxScore: 10, firstErrorStep: null });
    expect(second!.finalAnswer.verdict).toBe('unverified');
    for (const step of second!.steps) {
      expect(step.verdict).toBe('unverified');
      expect(step.reason).toBe('not checked: this submission is over the grading size budget (3 steps)');
    }
  });

  it('stops checking once the time is spent (checked by the clock between problems)', () => {
    let now = 0;
    const clock = () => now;
    const slowFirst = gradeWithinBudget(submission, { timeMs: 100, maxSteps: 100 }, () => {
      const reading = clock();
      now += 60; // each reading comes 60 ms after the last
      return reading;
    });
    // Read at 0 (start), 60 (a: within), 120 (b: spent), 180 (c: spent).
    expect(slowFirst.answers[0]!.score).toBe(10);
    expect(slowFirst.unchecked.map((cut) => cut.problemKey)).toEqual(['b', 'c']);
    expect(slowFirst.unchecked[0]!.reason).toBe(
      "not checked: this submission's grading time budget (100 ms) was spent",
    );
  });

  it('a stopped submission has every answered problem unchecked; an unanswered one still reads as not answered', () => {
    const stopped = stoppedGrade({ problems, answers: answers.slice(0, 2) }, { timeMs: 100, maxSteps: 100 });
    expect(stopped.unchecked.map((cut) => cut.problemKey)).toEqual(['a', 'b']);
    expect(stopped.answers[2]!.feedback).toBe('This problem was not answered.');
    expect(stopped.answers[0]!.steps[0]!.reason).toMatch(/ran past this submission's grading time budget \(100 ms\)/);
  });
});
