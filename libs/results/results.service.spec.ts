// The results service's decisions, on a real Postgres: what a result writes, which events follow,
// what a replay and a regrade race do, and when a batch completes (exactly once).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Database, newId, openDatabase, WebhookOutboxNotifier } from '../db/index.js';
import { OverrideRepository, ResultRowsRepository } from '../db/index.js';
import { createTestEnv } from '../../test/support/test-env.js';
import { type GradedResult, ResultsService } from './results.service.js';

let db: Database;
let service: ResultsService;
const notified: string[][] = [];
let orgId: string;
let assignmentId: string;

async function seedIntegration(events: string[], enabled = true): Promise<string> {
  const id = newId();
  await db.pool.query(
    `INSERT INTO integrations (id, org_id, name, callback_url, events, enabled, signing_secret, inbound_secret)
     VALUES ($1, $2, 'lms', 'http://127.0.0.1:9/hook', $3, $4, 's', 'i')`,
    [id, orgId, events, enabled],
  );
  return id;
}

async function seedBatch(size: number): Promise<{ batchId: string; submissionIds: string[] }> {
  const batchId = newId();
  await db.pool.query('INSERT INTO batches (id, org_id, assignment_id, total) VALUES ($1, $2, $3, $4)', [
    batchId,
    orgId,
    assignmentId,
    size,
  ]);
  const submissionIds = Array.from({ length: size }, () => newId());
  for (const id of submissionIds)
    await db.pool.query(
      `INSERT INTO submissions (id, org_id, assignment_id, batch_id, student_id, content_hash, answers, status)
       VALUES ($1, $2, $3, $4, $1, 'h', '[]', 'grading')`,
      [id, orgId, assignmentId, batchId],
    );
  return { batchId, submissionIds };
}

function result(submissionId: string, status: GradedResult['status'] = 'graded', version = 1): GradedResult {
  return {
    submissionId,
    version,
    status,
    statusReason: status === 'graded' ? null : 'a person must look',
    score: 7,
    maxScore: 10,
    answers: [
      {
        problemKey: 'p1',
        score: 7,
        maxScore: 10,
        finalAnswer: { given: '4', expected: '4', verdict: 'correct' },
        firstErrorStep: null,
        steps: [
          { index: 0, text: '2 + 2 = 4', verdict: 'correct', method: 'cas', reason: '', matchesReferenceStep: null },
        ],
        skippedReferenceSteps: [],
        feedback: 'The final answer is correct.',
      },
    ],
  };
}

async function count(sql: string, params: unknown[]): Promise<number> {
  return (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
}

const outboxRows = (type: string, about: string) =>
  count('webhook_events WHERE type = $1 AND (submission_id = $2 OR batch_id = $2)', [type, about]);

beforeAll(async () => {
  const env = await createTestEnv('results_service');
  db = openDatabase(env.databaseUrl, { onIdleError: () => undefined });
  const outbox = new WebhookOutboxNotifier();
  outbox.onCommitted(async (ids) => {
    notified.push(ids);
  });
  service = new ResultsService(new ResultRowsRepository(db.pool), outbox, new OverrideRepository(db.prisma, db.pool));
  orgId = newId();
  assignmentId = newId();
  await db.pool.query("INSERT INTO organizations (id, name) VALUES ($1, 'results org')", [orgId]);
  await db.pool.query(
    `INSERT INTO assignments (id, org_id, title, grading, updated_at) VALUES ($1, $2, 'a', '{}', now())`,
    [assignmentId, orgId],
  );
  await seedIntegration(['submission.graded', 'submission.needs_review', 'batch.completed']);
  await seedIntegration(['batch.completed']);
  await seedIntegration(['submission.graded'], false);
});

beforeEach(() => {
  notified.length = 0;
});

afterAll(async () => {
  await db?.close();
});

describe('ResultsService.saveResults', () => {
  it('writes every result of a chunk with its answers, one event per subscribed integration, and completes the batch once', async () => {
    const { batchId, submissionIds } = await seedBatch(3);
    const outcomes = await service.saveResults([
      result(submissionIds[0]!),
      result(submissionIds[1]!, 'needs_review'),
      result(submissionIds[2]!),
    ]);
    expect([...outcomes.values()].every((outcome) => outcome.written)).toBe(true);
    expect([...outcomes.values()].filter((outcome) => outcome.completedBatchId === batchId)).toHaveLength(1);
    const { rows } = await db.pool.query(
      'SELECT id, status::text, score, max_score FROM submissions WHERE batch_id = $1 ORDER BY id',
      [batchId],
    );
    expect(rows.map((row) => row.status).sort()).toEqual(['graded', 'graded', 'needs_review']);
    expect(rows.every((row) => row.score === 7 && row.max_score === 10)).toBe(true);
    expect(
      await count(
        'answer_results ar JOIN submission_results sr ON sr.id = ar.result_id WHERE sr.submission_id = ANY($1)',
        [submissionIds],
      ),
    ).toBe(3);
    // Only the enabled integration subscribed to submission events gets them.
    expect(await outboxRows('submission.graded', submissionIds[0]!)).toBe(1);
    expect(await outboxRows('submission.needs_review', submissionIds[1]!)).toBe(1);
    expect(await outboxRows('batch.completed', batchId)).toBe(2);
    expect(
      (await db.pool.query('SELECT completed_at FROM batches WHERE id = $1', [batchId])).rows[0].completed_at,
    ).not.toBeNull();
    // Deliveries are told of exactly the rows written: 3 submission events + 2 batch events.
    expect(notified.flat()).toHaveLength(5);
  });

  it('writes nothing twice when a chunk is replayed', async () => {
    const { batchId, submissionIds } = await seedBatch(2);
    await service.saveResults(submissionIds.map((id) => result(id)));
    notified.length = 0;
    const replay = await service.saveResults(submissionIds.map((id) => result(id)));
    expect([...replay.values()]).toEqual([
      { written: false, completedBatchId: null },
      { written: false, completedBatchId: null },
    ]);
    expect(await count('submission_results WHERE submission_id = ANY($1)', [submissionIds])).toBe(2);
    expect(await outboxRows('submission.graded', submissionIds[0]!)).toBe(1);
    expect(await outboxRows('batch.completed', batchId)).toBe(2);
    expect(notified.flat()).toEqual([]);
  });

  it('keeps a result a regrade has moved past as history, without touching the submission or sending events', async () => {
    const { submissionIds } = await seedBatch(1);
    const [id] = submissionIds as [string];
    await db.pool.query("UPDATE submissions SET result_version = 2, status = 'queued' WHERE id = $1", [id]);
    const outcomes = await service.saveResults([result(id, 'graded', 1)]);
    expect(outcomes.get(id)).toEqual({ written: true, completedBatchId: null });
    expect(await count('submission_results WHERE submission_id = $1 AND version = 1', [id])).toBe(1);
    const { rows } = await db.pool.query('SELECT status::text, score FROM submissions WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ status: 'queued', score: null });
    expect(await count('webhook_events WHERE submission_id = $1', [id])).toBe(0);
  });

  it('leaves a batch open while one of its submissions is still being graded', async () => {
    const { batchId, submissionIds } = await seedBatch(2);
    const first = await service.saveResults([result(submissionIds[0]!)]);
    expect(first.get(submissionIds[0]!)?.completedBatchId).toBeNull();
    expect(await outboxRows('batch.completed', batchId)).toBe(0);
    const last = await service.saveResults([result(submissionIds[1]!)]);
    expect(last.get(submissionIds[1]!)?.completedBatchId).toBe(batchId);
    expect(await outboxRows('batch.completed', batchId)).toBe(2);
  });
});

describe('ResultsService settling without a result', () => {
  it('sends submission.needs_review for needs_review, no event for failed, and completes the batch', async () => {
    const { batchId, submissionIds } = await seedBatch(2);
    expect(await service.markNeedsReview(submissionIds[0]!, 1, 'reference not trusted')).toBeNull();
    expect(await outboxRows('submission.needs_review', submissionIds[0]!)).toBe(1);
    expect(await service.markFailed(submissionIds[1]!, 1, 'grading failed: boom')).toBe(batchId);
    expect(await count('webhook_events WHERE submission_id = $1', [submissionIds[1]!])).toBe(0);
    expect(await outboxRows('batch.completed', batchId)).toBe(2);
  });

  it('leaves a settled submission as it is', async () => {
    const { submissionIds } = await seedBatch(1);
    await service.saveResults([result(submissionIds[0]!)]);
    expect(await service.markFailed(submissionIds[0]!, 1, 'late failure')).toBeNull();
    const { rows } = await db.pool.query('SELECT status::text FROM submissions WHERE id = $1', [submissionIds[0]]);
    expect(rows[0].status).toBe('graded');
  });

  it('refuses to write a result whose step JSON does not have its stored shape', async () => {
    const { submissionIds } = await seedBatch(1);
    const bad = result(submissionIds[0]!);
    bad.answers[0]!.steps = [{ index: 0, verdict: 'maybe' }];
    await expect(service.saveResults([bad])).rejects.toThrow(/steps does not have its stored shape/);
    expect(await count('submission_results WHERE submission_id = $1', [submissionIds[0]!])).toBe(0);
  });
});

describe('ResultsService.recordOverride', () => {
  it('writes a new version with the override applied and sends its event; on a submission being graded it only stores it', async () => {
    const { submissionIds } = await seedBatch(2);
    const [settledId, gradingId] = submissionIds as [string, string];
    await service.saveResults([result(settledId, 'needs_review')]);
    const override = { problemKey: 'p1', score: 9, comment: 'fine', by: 'teacher-key' };
    expect(await service.recordOverride({ submissionId: settledId, ...override })).toEqual({ resultVersion: 2 });
    const { rows } = await db.pool.query('SELECT status::text, score, result_version FROM submissions WHERE id = $1', [
      settledId,
    ]);
    // The only answer is overridden: nothing is left for a person, so the submission is graded.
    expect(rows[0]).toEqual({ status: 'graded', score: 9, result_version: 2 });
    expect(await count('webhook_events WHERE submission_id = $1 AND result_version = 2', [settledId])).toBe(1);

    expect(await service.recordOverride({ submissionId: gradingId, ...override })).toEqual({ resultVersion: null });
    expect(await count('overrides WHERE submission_id = $1', [gradingId])).toBe(1);
    expect(await count('submission_results WHERE submission_id = $1', [gradingId])).toBe(0);
  });
});
