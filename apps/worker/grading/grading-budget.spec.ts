// Protects the budget's rules (GRADING.md, Budget): within it, the same answers as grading the
// whole submission at once; past the step or time budget, whole problems unchecked with the reason.
import { describe, expect, it } from '@jest/globals';
import { gradeSubmission, type ProblemForGrading } from '../../../libs/grading/grade-submission.js';
import {
  gradeWithinBudget,
  type ProblemGrade,
  sizeBudgetReason,
  stoppedGrade,
  stoppedReason,
  totals,
  uncheckedAnswer,
} from './grading-budget.js';

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
    const slowFirst = gradeWithinBudget(
      submission,
      { timeMs: 100, maxSteps: 100 },
      {
        now: () => {
          const reading = clock();
          now += 60; // each reading comes 60 ms after the last
          return reading;
        },
      },
    );
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

  it('tells each answered problem as it is graded, with the reason when the budget left it unchecked', () => {
    const told: [number, ProblemGrade][] = [];
    const partly = { problems, answers: [answers[0]!, answers[2]!] };
    const graded = gradeWithinBudget(
      partly,
      { timeMs: 60_000, maxSteps: 2 },
      { onProblem: (...entry) => told.push(entry) },
    );
    expect(told).toEqual([
      [0, { answer: graded.answers[0], reason: null }],
      [2, { answer: graded.answers[2], reason: sizeBudgetReason({ timeMs: 60_000, maxSteps: 2 }) }],
    ]);
  });

  it('a stopped submission keeps the grades it was given and marks only the other answered problems unchecked', () => {
    const budget = { timeMs: 100, maxSteps: 2 };
    const given = [answers[0]!, { problemKey: 'b', steps: ['2 + 3 = 6', 'A: 6'] }, answers[2]!];
    // a graded, b over the size budget: both told (so kept as they were); c's grade never arrived.
    const kept = new Map<number, ProblemGrade>();
    const within = gradeWithinBudget({ problems, answers: given }, budget, {
      onProblem: (problem, graded) => problem < 2 && kept.set(problem, graded),
    });
    const stopped = stoppedGrade({ problems, answers: given }, budget, kept);
    expect(stopped.answers.slice(0, 2)).toEqual(within.answers.slice(0, 2));
    expect(stopped.unchecked).toEqual([
      { problemKey: 'b', reason: sizeBudgetReason(budget) },
      { problemKey: 'c', reason: stoppedReason(budget) },
    ]);
    expect(stopped.answers[2]).toEqual(uncheckedAnswer(problems[2]!, answers[2]!.steps, stoppedReason(budget)));
    expect(totals(stopped.answers)).toEqual({ score: 10, maxScore: 30 });
  });
});
