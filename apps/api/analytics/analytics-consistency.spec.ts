// Protects "one set of figures": the same stored results, on a real Postgres, give the analytics
// endpoint's response and the assignment review page's figures (read back from the rendered page)
// identically, over a superseded submission, a regrade, an override, a blank and a whitespace-only
// answer, a settled submission with no result and a student whose latest submission is queued.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AnalyticsRepository,
  AssignmentRepository,
  type Database,
  newId,
  openDatabase,
  OverrideRepository,
  RegradeRepository,
  ResultRowsRepository,
  SubmissionRepository,
  WebhookOutboxNotifier,
} from '../../../libs/db/index.js';
import type { AssignmentAnalytics } from '../../../libs/grading/analytics-summary.js';
import { type GradedResult, ResultsService } from '../../../libs/results/index.js';
import { renderAssignmentPage } from '../../../libs/review/index.js';
import { createTestEnv } from '../../../test/support/test-env.js';
import { AssignmentReviewLoader } from '../review/assignment-review.loader.js';
import { AnalyticsController } from './analytics.controller.js';

let db: Database;
let results: ResultsService;
let orgId: string;
let assignmentId: string;
const ids: Record<string, string> = {};
let clock = Date.parse('2026-01-01T00:00:00Z');

type Work = Record<string, string[]>;

async function submit(name: string, studentId: string, work: Work, status = 'grading'): Promise<string> {
  const id = newId();
  ids[name] = id;
  const answers = Object.entries(work).map(([problemKey, steps]) => ({ problemKey, steps }));
  clock += 60_000;
  await db.pool.query(
    `INSERT INTO submissions (id, org_id, assignment_id, student_id, content_hash, answers, status, created_at)
     VALUES ($1, $2, $3, $4, 'h', $5, $6::"SubmissionStatus", $7)`,
    [id, orgId, assignmentId, studentId, JSON.stringify(answers), status, new Date(clock)],
  );
  return id;
}

/** A stored answer: the first error (if any) is step 0, with the checker's reason. */
function answer(problemKey: string, score: number, maxScore: number, verdict: string, reason?: string) {
  const step = (text: string) => ({ index: 0, text, verdict: reason ? 'incorrect' : 'correct', method: 'cas', reason });
  return {
    problemKey,
    score,
    maxScore,
    finalAnswer: { given: null, expected: null, verdict },
    firstErrorStep: reason ? 0 : null,
    steps: verdict === 'missing' ? [] : [step('work')],
    skippedReferenceSteps: [],
    feedback: '',
  };
}

async function grade(submissionId: string, version: number, answers: GradedResult['answers']) {
  const score = answers.reduce((sum, row) => sum + row.score, 0);
  const result = { submissionId, version, status: 'graded' as const, statusReason: null, score, maxScore: 15, answers };
  const outcome = await results.saveResults([result]);
  expect(outcome.get(submissionId)?.written).toBe(true);
}

const correct = () => [answer('p1', 10, 10, 'correct'), answer('p2', 5, 5, 'correct')];
const lostRoot = (score: number) => answer('p1', score, 10, 'incorrect', 'x = 0 was lost (dividing by x loses x = 0)');
const both = { p1: ['x(x - 2) = 0'], p2: ['y = 3'] };

async function seed(): Promise<void> {
  const regrades = new RegradeRepository(db.prisma);
  await grade(await submit('a', 's-a', both), 1, correct());
  // s-b's first try is superseded; the latest leaves p2 blank.
  await grade(await submit('b-old', 's-b', both), 1, correct());
  await grade(await submit('b', 's-b', { p1: ['x = 2'] }), 1, [lostRoot(3), answer('p2', 0, 5, 'missing')]);
  // s-c is regraded: version 1 (an arithmetic slip) no longer counts.
  await grade(await submit('c', 's-c', both), 1, [answer('p1', 2, 10, 'incorrect', '2 + 2 = 5, not 4'), correct()[1]!]);
  expect(await regrades.regradeSubmission(ids.c!)).toMatchObject({ version: 2 });
  await grade(ids.c!, 2, [lostRoot(6), answer('p2', 5, 5, 'correct', "g'(t) should be 2t - 6, not 2t - 3")]);
  // s-d has a teacher's override: a new result version with the override's score.
  await grade(await submit('d', 's-d', { p1: ['x = 2'], p2: ['   '] }), 1, [
    lostRoot(2),
    answer('p2', 0, 5, 'missing'),
  ]);
  await results.recordOverride({ submissionId: ids.d!, problemKey: 'p1', score: 8, comment: 'close', by: 'k' });
  // s-e is settled without any result; s-f's latest submission is still queued.
  await results.markNeedsReview(await submit('e', 's-e', both), 1, 'a person must look');
  await grade(await submit('f-old', 's-f', both), 1, correct());
  await submit('f', 's-f', both, 'queued');
}

beforeAll(async () => {
  const env = await createTestEnv('analytics_consistency');
  db = openDatabase(env.databaseUrl, { onIdleError: () => undefined });
  results = new ResultsService(
    new ResultRowsRepository(db.pool),
    new WebhookOutboxNotifier(),
    new OverrideRepository(db.prisma, db.pool),
  );
  orgId = newId();
  await db.pool.query("INSERT INTO organizations (id, name) VALUES ($1, 'analytics org')", [orgId]);
  const problem = (key: string, points: number) => ({
    key,
    statement: `problem ${key}`,
    answer: '2',
    referenceSteps: [],
    definitions: {},
    points,
    policy: {},
    referenceStatus: 'ready',
  });
  const assignments = new AssignmentRepository(db.prisma);
  const created = await assignments.create({
    orgId,
    title: 'Consistency',
    externalId: null,
    grading: { inference: 'none' },
    problems: [problem('p1', 10), problem('p2', 5)],
  });
  assignmentId = created.id;
  await seed();
}, 60_000);

afterAll(async () => {
  await db?.close();
});

const unescape = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39|#96);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[name]!,
  );
const numberOrNull = (text: string) => (text === '' ? null : Number(text));

/** The figures the rendered page shows, read back from its data attributes. */
function pageFigures(page: string): AssignmentAnalytics {
  const head = /data-submissions="(\d+)" data-mean-score="([^"]*)" data-max-score="([^"]*)"/.exec(page)!;
  const histogram = [...page.matchAll(/data-bin-from="([^"]*)" data-bin-to="([^"]*)" data-count="(\d+)"/g)].map(
    ([, from, to, count]) => ({ from: Number(from), to: Number(to), count: Number(count) }),
  );
  const rows = page.matchAll(
    /<tr data-problem-key="([^"]*)" data-answered="(\d+)" data-correct-rate="([^"]*)" data-flawless-rate="([^"]*)">([\s\S]*?)<\/tr>/g,
  );
  const problems = [...rows].map(([, problemKey, answered, correctRate, flawlessRate, cells]) => ({
    problemKey: unescape(problemKey!),
    answered: Number(answered),
    correctRate: numberOrNull(correctRate!),
    flawlessRate: numberOrNull(flawlessRate!),
    commonErrors: [...cells!.matchAll(/<li data-common-error="([^"]*)" data-count="(\d+)">([\s\S]*?)<\/li>/g)].map(
      ([, label, count, item]) => ({
        label: unescape(label!),
        count: Number(count),
        exampleSubmissionIds: [...item!.matchAll(/data-example="([^"]*)"/g)].map((match) => match[1]!),
      }),
    ),
  }));
  return {
    submissions: Number(head[1]),
    meanScore: numberOrNull(head[2]!),
    maxScore: Number(head[3]),
    histogram,
    problems,
  };
}

describe('assignment analytics, API and page', () => {
  it('give identical figures from the same stored results', async () => {
    const controller = new AnalyticsController(new AssignmentRepository(db.prisma), new AnalyticsRepository(db.pool));
    const api = await controller.get(assignmentId, { keyId: 'k', role: 'teacher', orgId });
    const loader = new AssignmentReviewLoader(
      new AssignmentRepository(db.prisma),
      new SubmissionRepository(db.prisma, db.pool),
      new AnalyticsRepository(db.pool),
    );
    const review = await loader.load(assignmentId, (id) => `../submissions/${id}?token=t`);
    expect(pageFigures(renderAssignmentPage(review!))).toEqual(api);

    // And they are the right ones: a, b, c at version 2 and d overridden (15 + 3 + 11 + 8) / 4.
    expect(api).toMatchObject({ submissions: 4, meanScore: 9.25, maxScore: 15 });
    expect(api.histogram.map((bin) => bin.count)).toEqual([0, 0, 1, 0, 0, 1, 0, 1, 0, 1]);
    const [p1, p2] = api.problems;
    expect(p1).toEqual({
      problemKey: 'p1',
      answered: 4,
      correctRate: 0.25,
      flawlessRate: 0.25,
      commonErrors: [{ label: 'lost root x = 0', count: 3, exampleSubmissionIds: [ids.b, ids.c, ids.d].sort() }],
    });
    // s-b left p2 blank and s-d wrote only whitespace: neither answered it.
    expect(p2).toMatchObject({ problemKey: 'p2', answered: 2, correctRate: 1, flawlessRate: 0.5 });
    expect(p2!.commonErrors).toEqual([{ label: "wrong derivative g'(t)", count: 1, exampleSubmissionIds: [ids.c] }]);
    expect(review!.statusCounts).toMatchObject({ graded: 6, needs_review: 1, queued: 1 });
  });
});
