// Protects streamed batch uploads (CSV and NDJSON): rows merged per contiguous student, bad and
// stray rows rejected by index with reasons, the rest accepted and graded, oversized uploads
// refused with 413; and the per-key rate limit answering 429 with Retry-After.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bakeryAssignment, correctWork, submission, wrongWork } from './fixtures.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

let stack: RunningStack;
let teacher: ApiClient;
let otherTeacher: ApiClient;
let assignmentId: string;

const twoProblemAssignment = {
  ...bakeryAssignment,
  externalId: 'lms-two-problems',
  problems: [...bakeryAssignment.problems, { key: 'sum', statement: 'What is 2 + 3?', answer: '5', points: 2 }],
};

const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;

async function waitForBatch(batchId: string) {
  return waitFor(
    `batch ${batchId}`,
    async () => {
      const progress = await teacher.get(`/v1/batches/${batchId}`);
      return progress.body.status === 'completed' ? progress.body : undefined;
    },
    { hardTimeoutMs: 30_000 },
  );
}

beforeAll(async () => {
  stack = await startStack('bulk_upload', { env: { STEPGRADE_STREAM_BODY_LIMIT_MB: '1' } });
  const org = await createOrgWithKeys(stack, 'Uploads');
  teacher = org.teacher;
  otherTeacher = (await createOrgWithKeys(stack, 'Other')).teacher;
  assignmentId = (await teacher.post('/v1/assignments', twoProblemAssignment)).body.id;
});

afterAll(async () => {
  await stack?.stop();
});

describe('CSV uploads', () => {
  it('merges a student’s contiguous rows, rejects stray and bad rows by index, and grades the rest', async () => {
    const csv = [
      'studentId,problemKey,text,externalId',
      `s-1,bakery,${csvCell(correctWork.join('\n'))},csv-ext-1`,
      's-1,sum,"2 + 3 = 5",ignored-ext',
      `s-2,bakery,${csvCell(wrongWork.join('\n'))},`,
      's-3,nope,"1 = 1",',
      's-1,sum,"2 + 3 = 5",',
      's-4,bakery,"too",many,columns',
      `s-5,bakery,${csvCell(correctWork.join('\n'))},csv-ext-1`,
    ].join('\n');
    const response = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, undefined, {
      raw: csv,
      contentType: 'text/csv',
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ accepted: 2, duplicates: 1 });
    expect(response.body.rejected).toEqual([
      { index: 3, error: { code: 'unknown_problem', message: expect.any(String) } },
      { index: 4, error: { code: 'non_contiguous', message: expect.any(String) } },
      { index: 5, error: { code: 'invalid_content', message: expect.any(String) } },
    ]);
    const batch = await waitForBatch(response.body.batchId);
    expect(batch).toMatchObject({ total: 2, graded: 2 });
    const listed = (await teacher.get(`/v1/batches/${response.body.batchId}/submissions`)).body.items;
    const merged = listed.find((item: { studentId: string }) => item.studentId === 's-1');
    expect(merged).toMatchObject({ externalId: 'csv-ext-1', score: 12, maxScore: 12 });
  });

  it('answers 400 for a header it does not know and 422 when every row is invalid', async () => {
    const badHeader = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, undefined, {
      raw: 'student,problem\ns,p\n',
      contentType: 'text/csv',
    });
    expect(badHeader.status).toBe(400);
    const allBad = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, undefined, {
      raw: 'studentId,problemKey,text\ns-1,nope,x\n',
      contentType: 'text/csv; charset=utf-8',
    });
    expect(allBad.status).toBe(422);
    expect(allBad.body.rejected).toEqual([{ index: 0, error: expect.objectContaining({ code: 'unknown_problem' }) }]);
  });

  it('refuses an upload over the streamed body limit with 413 and stores nothing', async () => {
    const row = `s-big,bakery,${csvCell('x'.repeat(1_000))}\n`;
    const csv =
      'studentId,problemKey,text\n' +
      Array.from({ length: 1_500 }, (_, index) => row.replace('s-big', `s-big-${index}`)).join('');
    const response = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, undefined, {
      raw: csv,
      contentType: 'text/csv',
    });
    expect(response.status).toBe(413);
    const listed = await teacher.get(`/v1/assignments/${assignmentId}/submissions?studentId=s-big-0`);
    expect(listed.body.items).toEqual([]);
  });
});

describe('NDJSON uploads', () => {
  it('takes one submission per line and rejects unreadable lines by index', async () => {
    const lines = [
      JSON.stringify(submission('n-1', correctWork, 'nd-ext-1')),
      '{not json',
      '',
      JSON.stringify({ studentId: 'n-3', answers: [] }),
      JSON.stringify(submission('n-4', wrongWork)),
    ].join('\n');
    const response = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, undefined, {
      raw: lines,
      contentType: 'application/x-ndjson',
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(
      response.body.rejected.map((entry: { index: number; error: { code: string } }) => [
        entry.index,
        entry.error.code,
      ]),
    ).toEqual([
      [1, 'malformed_json'],
      [3, 'invalid_content'],
    ]);
    expect(await waitForBatch(response.body.batchId)).toMatchObject({ total: 2, graded: 2 });
  });

  it('answers 404 for another organization’s assignment', async () => {
    const response = await otherTeacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, undefined, {
      raw: JSON.stringify(submission('x', correctWork)),
      contentType: 'application/x-ndjson',
    });
    expect(response.status).toBe(404);
  });
});

describe('rate limiting', () => {
  let limited: RunningStack;

  beforeAll(async () => {
    limited = await startStack('rate_limit', { worker: false, env: { STEPGRADE_RATE_LIMIT: '2' } });
  });

  afterAll(async () => {
    await limited?.stop();
  });

  it('answers 429 with Retry-After past the burst, per key', async () => {
    const org = await createOrgWithKeys(limited, 'Limited');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let request = 0; request < 8; request++) {
      const response = await org.teacher.get('/v1/assignments');
      statuses.push(response.status);
      if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
    }
    // Burst 2× the rate: 4 pass at once, then the bucket is empty.
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another key has its own bucket.
    expect((await org.integration.get('/v1/assignments')).status).toBe(200);
  });
});
