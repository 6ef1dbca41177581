// Protects the review workflow: a teacher override wins, makes a new result version (and a new
// submission.graded event), survives regrades and settles needs_review; PATCH of the key makes
// results stale and bumps the revision; regrades keep old versions; the CSV uses overrides.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

const assignmentBody = {
  title: 'Review workflow',
  grading: { inference: 'none', reviewUnverified: true },
  problems: [
    {
      key: 'rolls',
      statement: 'A bakery bakes 240 rolls a day and sells 3/4 of them in the morning. How many rolls are left?',
      answer: '60',
      points: 10,
    },
    { key: 'sum', statement: 'Compute 2 + 3.', answer: '5', points: 4 },
  ],
};
const rightRolls = ['In the morning it sells 240 * 3/4 = 180 rolls.', 'That leaves 240 - 180 = 60 rolls.', 'A: 60'];
const wrongRolls = ['In the morning it sells 240 * 3/4 = 160 rolls.', 'That leaves 240 - 160 = 80 rolls.', 'A: 80'];
const work = (studentId: string, rolls: string[], sum: string[]) => ({
  studentId,
  answers: [
    { problemKey: 'rolls', steps: rolls },
    { problemKey: 'sum', steps: sum },
  ],
});

let stack: RunningStack;
let teacher: ApiClient;
let integration: ApiClient;
let otherTeacher: ApiClient;
let db: pg.Pool;
let assignmentId: string;
let wrongId: string;
let reviewId: string;

const answerOf = (submission: { answers: { problemKey: string }[] }, key: string) =>
  submission.answers.find((answer) => answer.problemKey === key) as any;

async function settledAt(id: string, minVersion: number) {
  return waitFor(
    `submission ${id} settled at version ${minVersion}`,
    async () => {
      const response = await teacher.get(`/v1/submissions/${id}`);
      const body = response.body;
      return ['graded', 'needs_review', 'failed'].includes(body.status) &&
        body.resultVersion >= minVersion &&
        body.answers.length > 0
        ? body
        : undefined;
    },
    { hardTimeoutMs: 20_000 },
  );
}

const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);

beforeAll(async () => {
  stack = await startStack('review_workflow', { env: { STEPGRADE_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' } });
  db = new pg.Pool({ connectionString: stack.testEnv.databaseUrl, max: 2 });
  const org = await createOrgWithKeys(stack, 'Review A');
  teacher = org.teacher;
  integration = org.integration;
  otherTeacher = (await createOrgWithKeys(stack, 'Review B')).teacher;
  // Outbox rows are written for subscribed integrations; nothing needs to listen at the URL.
  expect(
    (
      await teacher.post('/v1/integrations', {
        name: 'lms',
        callbackUrl: 'http://127.0.0.1:9/hook',
        events: ['submission.graded'],
      })
    ).status,
  ).toBe(201);
  const created = await teacher.post('/v1/assignments', assignmentBody);
  expect(created.status).toBe(201);
  assignmentId = created.body.id;
  wrongId = (
    await teacher.post(`/v1/assignments/${assignmentId}/submissions`, work('s-wrong', wrongRolls, ['2 + 3 = 5']))
  ).body.id;
  reviewId = (
    await teacher.post(
      `/v1/assignments/${assignmentId}/submissions`,
      work('s-review', rightRolls, ['Adding gives the sum.']),
    )
  ).body.id;
  await settledAt(wrongId, 1);
  await settledAt(reviewId, 1);
}, 60_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('override', () => {
  it('wins over the computed score in a new result version and sends submission.graded again', async () => {
    const before = await settledAt(wrongId, 1);
    expect(before.status).toBe('graded');
    const computed = answerOf(before, 'rolls').score;
    expect(computed).toBeLessThan(9);

    const response = await put(teacher, `/v1/submissions/${wrongId}/answers/rolls/override`, {
      score: 9,
      comment: 'method is right',
    });
    expect(response.status).toBe(200);
    expect(response.body.resultVersion).toBe(before.resultVersion + 1);
    const rolls = answerOf(response.body, 'rolls');
    expect(rolls.score).toBe(9);
    expect(rolls.override).toEqual({
      score: 9,
      comment: 'method is right',
      by: expect.any(String),
      at: expect.any(String),
    });
    expect(response.body.score).toBe(9 + answerOf(before, 'sum').score);
    expect(response.body.status).toBe('graded');

    const events = await db.query(
      `SELECT result_version FROM webhook_events WHERE submission_id = $1 AND type = 'submission.graded' ORDER BY result_version`,
      [wrongId],
    );
    expect(events.rows.map((row) => row.result_version)).toEqual([before.resultVersion, before.resultVersion + 1]);
  });

  it('refuses integrations (403), other organizations (404) and scores above the points (422)', async () => {
    expect(
      (await put(integration, `/v1/submissions/${wrongId}/answers/rolls/override`, { score: 1, comment: 'x' })).status,
    ).toBe(403);
    expect(
      (await put(otherTeacher, `/v1/submissions/${wrongId}/answers/rolls/override`, { score: 1, comment: 'x' })).status,
    ).toBe(404);
    const tooHigh = await put(teacher, `/v1/submissions/${wrongId}/answers/rolls/override`, {
      score: 11,
      comment: 'x',
    });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.error.code).toBe('invalid_content');
    expect(
      (await put(teacher, `/v1/submissions/${wrongId}/answers/nope/override`, { score: 1, comment: 'x' })).status,
    ).toBe(404);
  });

  it('settles a needs_review submission once its unverified answer is overridden', async () => {
    const before = await settledAt(reviewId, 1);
    expect(before.status).toBe('needs_review');
    const queue = await teacher.get(`/v1/assignments/${assignmentId}/needs-review`);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toEqual([reviewId]);
    expect(queue.body.items[0].statusReason).toMatch(/could not be verified/);

    const response = await put(teacher, `/v1/submissions/${reviewId}/answers/sum/override`, {
      score: 3,
      comment: 'reasoning is fine',
    });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('graded');
    expect(response.body.statusReason).toBeNull();
    expect((await teacher.get(`/v1/assignments/${assignmentId}/needs-review`)).body.items).toEqual([]);
  });
});

describe('override from a review page', () => {
  it('stores the form post like the API endpoint does', async () => {
    const link = new URL(
      (await teacher.post(`/v1/submissions/${wrongId}/review-link`, { canOverride: true })).body.url,
    );
    const pageUrl = `${stack.baseUrl}${link.pathname}${link.search}`;
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await fetch(pageUrl)).text())![1]!;
    const posted = await fetch(`${stack.baseUrl}${link.pathname}/override${link.search}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ problemKey: 'sum', score: '2', comment: 'from the page', csrf }).toString(),
    });
    expect(posted.status).toBe(303);
    const view = (await teacher.get(`/v1/submissions/${wrongId}`)).body;
    expect(answerOf(view, 'sum').override).toMatchObject({ score: 2, comment: 'from the page' });
    expect(answerOf(view, 'sum').score).toBe(2);
    // The earlier API override of the other answer is kept beside it.
    expect(answerOf(view, 'rolls').override.score).toBe(9);
    expect(view.score).toBe(11);
  });
});

describe('regrade and versions', () => {
  it('regrades one submission into a new version that keeps the override, and lists every version', async () => {
    const before = (await teacher.get(`/v1/submissions/${wrongId}`)).body;
    const regrade = await teacher.post(`/v1/submissions/${wrongId}/regrade`);
    expect(regrade.status).toBe(202);
    const after = await settledAt(wrongId, before.resultVersion + 1);
    expect(answerOf(after, 'rolls').score).toBe(9);
    expect(answerOf(after, 'rolls').override.comment).toBe('method is right');

    const versions = await teacher.get(`/v1/submissions/${wrongId}/versions?limit=2`);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((item: { version: number }) => item.version)).toEqual([
      after.resultVersion,
      after.resultVersion - 1,
    ]);
    expect(versions.body.items[0].current).toBe(true);
    const rest = await teacher.get(`/v1/submissions/${wrongId}/versions?cursor=${versions.body.nextCursor}`);
    expect(rest.body.items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
    expect(rest.body.nextCursor).toBeNull();
    expect((await integration.post(`/v1/submissions/${wrongId}/regrade`)).status).toBe(403);
    expect((await otherTeacher.get(`/v1/submissions/${wrongId}/versions`)).status).toBe(404);
  });
});

describe('PATCH of the key', () => {
  it('bumps the revision, marks results stale, and an assignment regrade refreshes them', async () => {
    const patched = await teacher.request('PATCH', `/v1/assignments/${assignmentId}`, {
      title: 'Renamed',
      problems: [
        { key: 'rolls', answer: '80' },
        { key: 'sum', points: 5 },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.title).toBe('Renamed');
    const revisions = Object.fromEntries(
      patched.body.problems.map((problem: { key: string; revision: number }) => [problem.key, problem.revision]),
    );
    expect(revisions).toEqual({ rolls: 2, sum: 1 });
    expect(patched.body.problems[1].points).toBe(5);
    expect((await teacher.get(`/v1/submissions/${reviewId}`)).body.stale).toBe(true);
    const list = await teacher.get(`/v1/assignments/${assignmentId}/submissions`);
    expect(list.body.items.every((item: { stale: boolean }) => item.stale)).toBe(true);

    const regrade = await teacher.post(`/v1/assignments/${assignmentId}/regrade`);
    expect(regrade.status).toBe(202);
    expect(regrade.body).toEqual({ queued: 2 });
    const review = await settledAt(reviewId, 3);
    expect(review.stale).toBe(false);
    expect(review.status).toBe('graded');
    expect(answerOf(review, 'rolls').finalAnswer.verdict).toBe('incorrect');
    expect(answerOf(review, 'sum').override.score).toBe(3);
    expect(answerOf(review, 'sum').maxScore).toBe(5);
  });

  it('refuses an unknown problem key and integrations', async () => {
    expect(
      (await teacher.request('PATCH', `/v1/assignments/${assignmentId}`, { problems: [{ key: 'new', answer: '1' }] }))
        .status,
    ).toBe(422);
    expect((await integration.request('PATCH', `/v1/assignments/${assignmentId}`, { title: 'x' })).status).toBe(403);
    expect((await otherTeacher.request('PATCH', `/v1/assignments/${assignmentId}`, { title: 'x' })).status).toBe(404);
  });
});

describe('results with overrides', () => {
  it('exports one CSV row per student with override scores and a recomputed total', async () => {
    await settledAt(wrongId, 5);
    const latest = await teacher.post(
      `/v1/assignments/${assignmentId}/submissions`,
      work('s-wrong', rightRolls, ['2 + 3 = 5']),
    );
    const latestView = await settledAt(latest.body.id, 1);
    const response = await teacher.request('GET', `/v1/assignments/${assignmentId}/results?format=csv`);
    expect(response.status).toBe(200);
    const rows = parse(response.body as string, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'studentId',
      'submissionId',
      'rolls',
      'sum',
      'total',
      'maxTotal',
      'status',
      'statusReason',
    ]);
    expect(rows.map((row) => row.studentId)).toEqual(['s-review', 's-wrong']);
    const review = (await teacher.get(`/v1/submissions/${reviewId}`)).body;
    expect(rows[0]).toMatchObject({
      submissionId: reviewId,
      sum: '3',
      rolls: String(answerOf(review, 'rolls').score),
      total: String(answerOf(review, 'rolls').score + 3),
    });
    expect(rows[1]).toMatchObject({ submissionId: latest.body.id, total: String(latestView.score) });
    const json = await teacher.get(`/v1/assignments/${assignmentId}/results`);
    expect(json.body.items[0].scores.sum).toBe(3);
  });
});
