// Protects the assignment page's presentation of the analytics engine's figures (it computes none):
// scores as percentages of the maximum, rates as whole percents, common errors with signed example
// links, the unrounded figures in data attributes; and that the page escapes what it shows.
import { describe, expect, it } from '@jest/globals';
import { type AnalyticsAnswer, summarizeAnalytics } from '../grading/analytics-summary.js';
import { renderAssignmentPage } from './assignment-page.js';
import { escapeHtml } from './escape-html.js';
import type { AssignmentReview } from './review.types.js';

const wrongDerivative = { text: "f'(x) = 3x^2 - 3x", reason: "f'(x) should be 3x^2 - 6x, not 3x^2 - 3x" };

function stored(id: string, score: number, overrides: Partial<AnalyticsAnswer> = {}) {
  const answer = { problemKey: 'p1', score, answered: true, finalVerdict: 'correct', firstError: null, ...overrides };
  return { submissionId: id, resultVersion: 1, answers: [answer] };
}

const results = [
  stored('a', 10),
  stored('b', 9, { firstError: wrongDerivative }),
  stored('c', 4, { finalVerdict: 'incorrect', firstError: wrongDerivative }),
  stored('d', 0, { finalVerdict: 'incorrect', firstError: { text: 'x = 2', reason: 'x = 0 was lost' } }),
];

function review(extra: typeof results = [], statusCounts: Record<string, number> = { graded: 4 }): AssignmentReview {
  return {
    assignmentId: 'a1',
    title: 'HW <b>3</b>',
    problemKeys: ['p1'],
    statusCounts,
    analytics: summarizeAnalytics([{ key: 'p1', points: 10 }], [...results, ...extra]),
    submissionLink: (id: string) => `../submissions/${id}?token=t`,
  };
}

describe('renderAssignmentPage', () => {
  it('shows the mean and the bins as percentages of the maximum score', () => {
    const page = renderAssignmentPage(review());
    expect(page).toContain('4 scored · mean 58%');
    expect(page).toContain('data-mean-score="5.75" data-max-score="10"');
    expect(page).toMatch(
      /data-bin-from="9" data-bin-to="10" data-count="2">\s*<span class="count">2<\/span>.*90%–100%/,
    );
  });

  it('shows rates as whole percents and the most common first errors with example links', () => {
    const page = renderAssignmentPage(review());
    expect(page).toContain('data-answered="4" data-correct-rate="0.5" data-flawless-rate="0.25"');
    expect(page).toMatch(/<td>50%<div class="meter">.*<\/td>\s*<td>25%<div class="meter">/s);
    const errors = [...page.matchAll(/data-common-error="([^"]*)" data-count="(\d+)"/g)].map((m) => [m[1], m[2]]);
    expect(errors).toEqual([
      [escapeHtml("wrong derivative f'(x)"), '2'],
      ['lost root x = 0', '1'],
    ]);
    expect(page).toContain('data-example="b" href="../submissions/b?token=t"');
    expect(page).toContain('data-example="c" href="../submissions/c?token=t"');
  });

  it('shows a dash, not 0%, for a problem nobody answered', () => {
    const page = renderAssignmentPage({ ...review(), analytics: summarizeAnalytics([{ key: 'p1', points: 10 }], []) });
    expect(page).toContain('0 scored · mean —');
    expect(page).toContain('data-answered="0" data-correct-rate="" data-flawless-rate=""');
    expect(page).toContain('<span class="meta">none</span>');
  });

  it('escapes labels and titles and refreshes only while work is pending', () => {
    const hostile = [
      stored('e', 1, { finalVerdict: 'incorrect', firstError: { reason: '<script>alert(1)</script>' } }),
    ];
    const idle = renderAssignmentPage(review(hostile, { graded: 5 }));
    expect(idle).toContain('href="../submissions/b?token=t"');
    expect(idle).not.toMatch(/<script|<b>3/);
    expect(idle).not.toContain('http-equiv="refresh"');
    expect(renderAssignmentPage(review(hostile, { graded: 4, queued: 1 }))).toContain('http-equiv="refresh"');
  });
});
