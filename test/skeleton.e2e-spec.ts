// Protects the walking skeleton's contract: submissions go in over HTTP, come out graded, exactly
// once, and bad requests get the contract's 4xx answers instead of 500s.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { bakeryAssignment, correctWork, submission, wrongWork } from './fixtures.js';
import { apiClient, type ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

let stack: RunningStack;
let teacher: ApiClient;
let otherTeacher: ApiClient;
let integration: ApiClient;
let assignmentId: string;
let db: pg.Pool;

async function waitUntilSettled(client: ApiClient, submissionId: string) {
  return waitFor(
    `submission ${submissionId} to settle`,
    async () => {
      const response = await client.get(`/v1/submissions/${submissionId}`);
      return ['graded', 'needs_review', 'failed'].includes(response.body.status) ? response.body : undefined;
    },
    { hardTimeoutMs: 30_000 },
  );
}

beforeAll(async () => {
  stack = await startStack('skeleton', { env: { STEPGRADE_RECONCILE_EVERY_S: '1' } });
  db = new pg.Pool({ connectionString: stack.testEnv.databaseUrl, max: 2 });
  const orgA = await createOrgWithKeys(stack, 'Org A');
  const orgB = await createOrgWithKeys(stack, 'Org B');
  teacher = orgA.teacher;
  integration = orgA.integration;
  otherTeacher = orgB.teacher;
  const created = await teacher.post('/v1/assignments', bakeryAssignment);
  expect(created.status).toBe(201);
  assignmentId = created.body.id;
});

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('happy path', () => {
  it('grades a correct and a wrong submission with per-step verdicts', async () => {
    const good = await teacher.post(`/v1/assignments/${assignmentId}/submissions`, submission('s-good', correctWork));
    const bad = await teacher.post(`/v1/assignments/${assignmentId}/submissions`, submission('s-bad', wrongWork));
    expect(good.status).toBe(202);
    expect(good.body).toEqual({ id: expect.any(String), status: 'queued' });
    const goodResult = await waitUntilSettled(teacher, good.body.id);
    const badResult = await waitUntilSettled(teacher, bad.body.id);

    expect(goodResult.status).toBe('graded');
    expect(goodResult.score).toBe(10);
    expect(goodResult.answers[0].finalAnswer.verdict).toBe('correct');
    expect(goodResult.answers[0].firstErrorStep).toBeNull();
    expect(goodResult.answers[0].steps).toHaveLength(3);

    expect(badResult.status).toBe('graded');
    expect(badResult.answers[0].finalAnswer.verdict).toBe('incorrect');
    expect(badResult.answers[0].firstErrorStep).toBe(0);
    expect(badResult.score).toBeLessThan(10);
  });

  it('lists the assignment and its submissions with cursor paging', async () => {
    const first = await teacher.get(`/v1/assignments/${assignmentId}/submissions?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await teacher.get(
      `/v1/assignments/${assignmentId}/submissions?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const list = await teacher.get('/v1/assignments');
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(assignmentId);
  });
});

describe('idempotency by externalId', () => {
  it('returns the first submission for a replay, grades it once, and refuses different content', async () => {
    const body = submission('s-idem', correctWork, 'lms-sub-1');
    const first = await teacher.post(`/v1/assignments/${assignmentId}/submissions`, body);
    expect(first.status).toBe(202);
    await waitUntilSettled(teacher, first.body.id);
    const replay = await integration.post(`/v1/assignments/${assignmentId}/submissions`, body);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ id: first.body.id, status: 'graded' });
    const changed = await teacher.post(
      `/v1/assignments/${assignmentId}/submissions`,
      submission('s-idem', wrongWork, 'lms-sub-1'),
    );
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('conflict');
    const rows = await db.query('SELECT count(*)::int AS n FROM submission_results WHERE submission_id = $1', [
      first.body.id,
    ]);
    expect(rows.rows[0].n).toBe(1);
  });
});

describe('batches', () => {
  it('accepts the valid items, rejects the invalid ones by index, and completes', async () => {
    const items = [
      submission('b-1', correctWork, 'batch-ext-1'),
      { studentId: 'b-2', answers: [{ problemKey: 'nope', steps: ['1 = 1'] }] },
      submission('b-3', wrongWork),
      { answers: [] },
      submission('b-1', correctWork, 'batch-ext-1'),
      submission('s-idem', wrongWork, 'lms-sub-1'),
    ];
    const response = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, { submissions: items });
    expect(response.status).toBe(202);
    expect(response.body.accepted).toBe(2);
    expect(response.body.duplicates).toBe(1);
    expect(response.body.rejected.map((entry: { index: number }) => entry.index)).toEqual([1, 3, 5]);
    expect(response.body.rejected[0].error.code).toBe('unknown_problem');
    expect(response.body.rejected[2].error.code).toBe('conflict');
    const batch = await waitFor('batch completion', async () => {
      const progress = await teacher.get(`/v1/batches/${response.body.batchId}`);
      return progress.body.status === 'completed' ? progress.body : undefined;
    });
    expect(batch).toMatchObject({ total: 2, graded: 2, queued: 0, grading: 0, completedAt: expect.any(String) });
    const listed = await teacher.get(`/v1/batches/${response.body.batchId}/submissions`);
    expect(listed.body.items).toHaveLength(2);
  });

  it('completes a batch whose completion record was lost after its last result (reconciler)', async () => {
    const response = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, {
      submissions: [submission('lost-1', correctWork)],
    });
    const completed = async () => {
      const progress = await teacher.get(`/v1/batches/${response.body.batchId}`);
      return progress.body.status === 'completed' ? progress.body : undefined;
    };
    await waitFor('batch completion', completed);
    // As if the process died between the last result and the completion update.
    await db.query('UPDATE batches SET completed_at = NULL WHERE id = $1', [response.body.batchId]);
    expect((await teacher.get(`/v1/batches/${response.body.batchId}`)).body.status).toBe('running');
    const again = await waitFor('batch completed by the reconciler', completed, { hardTimeoutMs: 15_000 });
    expect(again.completedAt).toEqual(expect.any(String));
  });

  it('answers 422 with the same body shape when every item is invalid', async () => {
    const response = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, {
      submissions: [{}, { studentId: 'x' }],
    });
    expect(response.status).toBe(422);
    expect(response.body.rejected.map((entry: { index: number }) => entry.index)).toEqual([0, 1]);
  });
});

describe('tenancy and roles', () => {
  it("answers 404 for another organization's resources", async () => {
    const mine = await teacher.post(`/v1/assignments/${assignmentId}/submissions`, submission('s-tenant', correctWork));
    expect((await otherTeacher.get(`/v1/assignments/${assignmentId}`)).status).toBe(404);
    expect((await otherTeacher.get(`/v1/submissions/${mine.body.id}`)).status).toBe(404);
    expect(
      (await otherTeacher.post(`/v1/assignments/${assignmentId}/submissions`, submission('x', correctWork))).status,
    ).toBe(404);
    expect((await otherTeacher.get(`/v1/assignments/${assignmentId}/submissions`)).status).toBe(404);
    const list = await otherTeacher.get('/v1/assignments');
    expect(list.body.items).toEqual([]);
  });

  it('answers 403 for a wrong role and 404 for a junk id', async () => {
    expect((await teacher.post('/v1/orgs', { name: 'sneaky' })).status).toBe(403);
    expect((await integration.post('/v1/assignments', bakeryAssignment)).status).toBe(403);
    expect((await teacher.get('/v1/submissions/not-an-id')).status).toBe(404);
  });

  it('answers 401 without a key or with a wrong one', async () => {
    const anonymous = apiClient(stack.baseUrl);
    const missing = await anonymous.get('/v1/assignments');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthorized');
    const wrong = await apiClient(stack.baseUrl, 'sg_wrongkey_' + 'b'.repeat(43)).get('/v1/assignments');
    expect(wrong.status).toBe(401);
  });

  it('stops accepting a revoked key', async () => {
    const org = await stack.admin.post('/v1/orgs', { name: 'Revoked' });
    const key = await stack.admin.post('/v1/api-keys', { orgId: org.body.id, role: 'teacher', name: 'temp' });
    const client = apiClient(stack.baseUrl, key.body.key);
    expect((await client.get('/v1/assignments')).status).toBe(200);
    expect((await stack.admin.delete(`/v1/api-keys/${key.body.id}`)).status).toBe(204);
    expect((await client.get('/v1/assignments')).status).toBe(401);
  });
});

describe('malformed and oversized requests', () => {
  it('answers 400 for malformed JSON and for a body that is not an object', async () => {
    const malformed = await teacher.post(`/v1/assignments/${assignmentId}/submissions`, undefined, {
      raw: '{"studentId": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_request');
    const array = await teacher.post(`/v1/assignments/${assignmentId}/submissions`, [1, 2]);
    expect(array.status).toBe(400);
  });

  it('answers 422 for well-formed but invalid content', async () => {
    const tooLong = await teacher.post(
      `/v1/assignments/${assignmentId}/submissions`,
      submission('s', ['x'.repeat(2_001)]),
    );
    expect(tooLong.status).toBe(422);
    const noProblems = await teacher.post('/v1/assignments', { title: 'empty', problems: [] });
    expect(noProblems.status).toBe(422);
    expect(noProblems.body.error.details[0].path).toBe('problems');
  });

  it('answers 413 for a body over the limit', async () => {
    const huge = JSON.stringify({ submissions: [{ studentId: 'x'.repeat(11 * 1024 * 1024) }] });
    const response = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, undefined, { raw: huge });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  it('answers 409 for a second assignment with the same externalId', async () => {
    const again = await teacher.post('/v1/assignments', bakeryAssignment);
    expect(again.status).toBe(409);
  });
});
