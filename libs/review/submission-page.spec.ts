// Protects the submission page's markup: the hooks API.md promises (data-step-index, data-verdict,
// data-first-error, data-final-verdict), escaping of every stored string, and a CSP that allows
// exactly the page's own KaTeX style attributes and no inline script.
import { describe, expect, it } from '@jest/globals';
import { contentSecurityPolicy, styleAttributeHashes } from './content-security.js';
import type { ReviewAnswer, SubmissionReview } from './review.types.js';
import { renderSubmissionPage } from './submission-page.js';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

function answer(overrides: Partial<ReviewAnswer> = {}): ReviewAnswer {
  return {
    problemKey: 'p1',
    statement: 'Find the extrema of $f(x) = x^3 - 3x^2 + 2$ on [-1, 3].',
    points: 10,
    referenceSteps: [
      { text: "f'(x) = 3x^2 - 6x", required: false },
      { text: 'f(-1) = -2, f(3) = 2', required: true },
    ],
    referenceAnswer: 'max = 2, min = -2',
    graded: {
      score: 9,
      maxScore: 10,
      finalAnswer: {
        given: 'max = 2, min = -2',
        expected: 'max = 2, min = -2',
        verdict: 'correct',
        parts: [
          { name: 'max', verdict: 'correct' },
          { name: 'min', verdict: 'correct' },
        ],
      },
      firstErrorStep: 1,
      steps: [
        {
          index: 0,
          text: "$f'(x) = 3x^2 - 6x$",
          verdict: 'correct',
          method: 'numeric',
          reason: 'matches the derivative',
          matchesReferenceStep: 0,
        },
        {
          index: 1,
          text: 'x = 2',
          verdict: 'incorrect',
          method: 'cas',
          reason: `x = 0 was lost ${XSS}`,
          matchesReferenceStep: null,
        },
        {
          index: 2,
          text: XSS,
          verdict: 'carried_error',
          method: 'cas',
          reason: 'built on step 2',
          matchesReferenceStep: null,
        },
      ],
      skippedReferenceSteps: [1],
      feedback: 'First error in step 2.',
      breakdown: { answerPoints: 5, stepPoints: 4, penalty: 0 },
    },
    submittedSteps: [],
    trace: `The model thought ${XSS}`,
    override: null,
    ...overrides,
  };
}

function review(overrides: Partial<SubmissionReview> = {}): SubmissionReview {
  return {
    assignmentTitle: `Calculus ${XSS}`,
    submissionId: 'sub1',
    studentId: `s-1${XSS}`,
    status: 'graded',
    statusReason: null,
    score: 9,
    maxScore: 10,
    gradedAt: '2025-01-01 10:00 UTC',
    answers: [answer()],
    overrideForm: null,
    notice: null,
    ...overrides,
  };
}

describe('renderSubmissionPage', () => {
  it('marks every step with its index and verdict, and only the first error with data-first-error', () => {
    const page = renderSubmissionPage(review());
    expect(page).toMatch(/data-step-index="0" data-verdict="correct">/);
    expect(page).toMatch(/data-step-index="1" data-verdict="incorrect" data-first-error>/);
    expect(page).toMatch(/data-step-index="2" data-verdict="carried_error">/);
    expect(page.match(/data-first-error/g)).toHaveLength(1);
    expect(page).toContain('data-final-verdict="correct"');
  });

  it('typesets the statement, the steps and the reference with KaTeX', () => {
    const page = renderSubmissionPage(review());
    expect(page.match(/class="katex"/g)!.length).toBeGreaterThanOrEqual(5);
    expect(page).not.toMatch(/\$f'\(x\)/);
    expect(page).toContain('data-reference-index="1"');
  });

  it('escapes every stored string: title, student id, step text, reason, trace', () => {
    const page = renderSubmissionPage(review());
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)!.length).toBeGreaterThanOrEqual(5);
    expect(page).toContain('<details class="trace">');
  });

  it('shows the override form only with a form view, carrying the CSRF value', () => {
    expect(renderSubmissionPage(review())).not.toContain('<form');
    const page = renderSubmissionPage(
      review({ overrideForm: { actionUrl: 'sub1/override?token=a.b', csrfToken: 'c"srf' } }),
    );
    expect(page).toContain('<form method="post" action="sub1/override?token=a.b">');
    expect(page).toContain('name="csrf" value="c&quot;srf"');
  });

  it('lists submitted steps and refreshes itself while grading', () => {
    const page = renderSubmissionPage(
      review({ status: 'grading', score: null, answers: [answer({ graded: null, submittedSteps: ['x = 1', XSS] })] }),
    );
    expect(page).toContain('<meta http-equiv="refresh" content="5">');
    expect(page).toContain('data-verdict="pending"');
    expect(page).not.toMatch(/<script/i);
    expect(renderSubmissionPage(review())).not.toContain('http-equiv="refresh"');
  });
});

describe('contentSecurityPolicy', () => {
  it('hashes each distinct style attribute and allows no inline script or style element', () => {
    const page = renderSubmissionPage(review());
    const hashes = styleAttributeHashes(page);
    expect(hashes.length).toBeGreaterThan(0);
    expect(new Set(hashes).size).toBe(hashes.length);
    const policy = contentSecurityPolicy(page);
    expect(policy).toContain("script-src 'none'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain("'unsafe-inline'");
    expect(contentSecurityPolicy('<p style="color:red">x</p>')).toContain("'sha256-");
    expect(contentSecurityPolicy('<p>x</p>')).toContain("style-src-attr 'none'");
  });
});
