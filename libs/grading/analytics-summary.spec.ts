// Protects the one analytics engine behind the API and the assignment page: histogram bins, mean,
// per-problem rates over the students who answered, common first errors (ties, limits, examples),
// and which results count (a submission without a result: none; a regraded one: its latest).
import { describe, expect, it } from '@jest/globals';
import {
  type AnalyticsAnswer,
  ANALYTICS_LIMITS,
  currentResults,
  type StoredResult,
  scoreHistogram,
  summarizeAnalytics,
} from './analytics-summary.js';

const problems = [
  { key: 'a', points: 4 },
  { key: 'b', points: 6 },
];

function answer(problemKey: string, score: number, overrides: Partial<AnalyticsAnswer> = {}): AnalyticsAnswer {
  return { problemKey, score, answered: true, finalVerdict: 'correct', firstError: null, ...overrides };
}

const wrong = (problemKey: string, reason: string, score = 0) =>
  answer(problemKey, score, { finalVerdict: 'incorrect', firstError: { reason } });

function result(submissionId: string, answers: AnalyticsAnswer[], resultVersion: number | null = 1): StoredResult {
  return { submissionId, resultVersion, answers };
}

describe('scoreHistogram', () => {
  it('bins scores over 0..max with the top score in the last bin', () => {
    const bins = scoreHistogram([0, 9.99, 10, 50, 100], 100);
    expect(bins).toHaveLength(ANALYTICS_LIMITS.bins);
    expect(bins.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 1 });
  });

  it('keeps a score on a bin edge in the bin that starts there, and puts everything in the first when max is 0', () => {
    // 5.6 / (8 / 10) is 6.999999999999999 in floating point.
    expect(scoreHistogram([5.6], 8)[7]).toEqual({ from: 5.6, to: 6.4, count: 1 });
    expect(scoreHistogram([0, 0], 0).map((bin) => bin.count)).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('summarizeAnalytics', () => {
  const results = [
    result('s1', [answer('a', 4), answer('b', 6)]),
    result('s2', [wrong('a', 'a = 3, not 4', 1), answer('b', 6, { firstError: { reason: 'x = 0 was lost' } })]),
  ];

  it('computes mean, max, correct and flawless rates from the answers', () => {
    const summary = summarizeAnalytics(problems, results);
    expect(summary).toMatchObject({ submissions: 2, meanScore: 8.5, maxScore: 10 });
    expect(summary.problems).toMatchObject([
      { problemKey: 'a', answered: 2, correctRate: 0.5, flawlessRate: 0.5 },
      // A correct final answer reached through an incorrect step is correct but not flawless.
      { problemKey: 'b', answered: 2, correctRate: 1, flawlessRate: 0.5 },
    ]);
    expect(summary.problems[0]!.commonErrors).toEqual([
      { label: 'arithmetic slip', count: 1, exampleSubmissionIds: ['s2'] },
    ]);
  });

  it('counts a blank answer in the scores but not in the problem rates', () => {
    const blank = result('s3', [answer('a', 0, { answered: false, finalVerdict: 'missing' }), answer('b', 6)]);
    const summary = summarizeAnalytics(problems, [...results, blank]);
    expect(summary.submissions).toBe(3);
    expect(summary.meanScore).toBe(round2((10 + 7 + 6) / 3));
    expect(summary.problems[0]).toMatchObject({ answered: 2, correctRate: 0.5 });
    expect(summary.problems[1]).toMatchObject({ answered: 3, correctRate: 1 });
  });

  it('reports no mean and no rates when nothing counts', () => {
    const summary = summarizeAnalytics(problems, []);
    expect(summary).toMatchObject({ submissions: 0, meanScore: null });
    expect(summary.histogram.every((bin) => bin.count === 0)).toBe(true);
    expect(summary.problems[0]).toEqual({
      problemKey: 'a',
      answered: 0,
      correctRate: null,
      flawlessRate: null,
      commonErrors: [],
    });
  });

  it('leaves out a submission with no result', () => {
    const unresulted = result('s0', [], null);
    expect(summarizeAnalytics(problems, [unresulted, ...results])).toEqual(summarizeAnalytics(problems, results));
    expect(summarizeAnalytics(problems, [unresulted]).submissions).toBe(0);
  });

  it('counts a regraded submission once, by its latest result, whatever order the versions come in', () => {
    const first = result('s2', [wrong('a', 'a = 3, not 4', 1), wrong('b', 'x = 0 was lost', 2)], 1);
    const regraded = result('s2', [answer('a', 4), answer('b', 6)], 2);
    for (const versions of [
      [first, regraded],
      [regraded, first],
    ]) {
      const summary = summarizeAnalytics(problems, [results[0]!, ...versions]);
      expect(summary).toMatchObject({ submissions: 2, meanScore: 10 });
      expect(summary.problems.map((problem) => problem.commonErrors)).toEqual([[], []]);
    }
    expect(currentResults([first, regraded])).toEqual([regraded]);
  });
});

describe('common first errors', () => {
  const many = (label: string, count: number, from = 0) =>
    Array.from({ length: count }, (_, index) =>
      result(`${label}-${String(from + index).padStart(2, '0')}`, [wrong('a', label)]),
    );

  it('orders ties by label in code-unit order, the same in every locale', () => {
    const tied = [
      ...many('x = 1 was lost', 2),
      ...many('alpha kind', 2),
      ...many('Zeta kind', 2),
      ...many('one-off', 1),
    ];
    const summary = summarizeAnalytics(problems, tied);
    // localeCompare would put "alpha kind" before "Zeta kind".
    expect(summary.problems[0]!.commonErrors.map((error) => [error.label, error.count])).toEqual([
      ['Zeta kind', 2],
      ['alpha kind', 2],
      ['lost root x = 1', 2],
      ['one-off', 1],
    ]);
  });

  it('ranks by count, keeps the most common and cuts ties at the limit by label', () => {
    const labels = Array.from(
      { length: ANALYTICS_LIMITS.commonErrors + 2 },
      (_, index) => `kind ${String.fromCharCode(97 + index)}`,
    );
    const summary = summarizeAnalytics(problems, [...labels.flatMap((label) => many(label, 1)), ...many('kind z', 3)]);
    const errors = summary.problems[0]!.commonErrors;
    expect(errors).toHaveLength(ANALYTICS_LIMITS.commonErrors);
    expect(errors[0]).toMatchObject({ label: 'kind z', count: 3 });
    expect(errors.slice(1).map((error) => error.label)).toEqual(labels.slice(0, ANALYTICS_LIMITS.commonErrors - 1));
  });

  it('keeps the lowest submission ids as examples, however the results were ordered', () => {
    const results = many('x = 0 was lost', ANALYTICS_LIMITS.examples + 2);
    const [error] = summarizeAnalytics(problems, [...results].reverse()).problems[0]!.commonErrors;
    expect(error!.count).toBe(ANALYTICS_LIMITS.examples + 2);
    expect(error!.exampleSubmissionIds).toEqual(results.slice(0, ANALYTICS_LIMITS.examples).map((r) => r.submissionId));
  });

  it('ignores answers of problems the assignment no longer has', () => {
    const summary = summarizeAnalytics(
      [problems[0]!],
      [result('s1', [wrong('gone', 'x = 0 was lost'), answer('a', 4)])],
    );
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0]!.commonErrors).toEqual([]);
  });
});

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
