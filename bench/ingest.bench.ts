import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import pg from 'pg';
import { newId } from '../libs/db/index.js';
import { createRedisConnection, gradeJobId, JOB_NAMES, QUEUES } from '../libs/queue/index.js';
import { BENCH_ADMIN_KEY, post, startBenchApi } from './bench-stack.js';

// Ingest: submissions accepted until durable in Postgres and enqueued, against raw baselines of
// the same rows (a multi-row pg insert) and the same jobs (BullMQ addBulk) on the same servers.

const BATCH_SIZE = 1_000;
const BATCHES = 5;

function studentSubmission(index: number) {
  return {
    studentId: `student-${index}`,
    externalId: `bench-${index}`,
    answers: [{ problemKey: 'p1', steps: ['240 * 3/4 = 180', '240 - 180 = 60', 'A: 60'] }],
  };
}

async function rawBaseline(
  databaseUrl: string,
  redisPrefix: string,
  assignment: { id: string; orgId: string },
  count: number,
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const rows = Array.from({ length: count }, (_, index) => {
    const submission = studentSubmission(1_000_000 + index);
    return [
      newId(),
      assignment.orgId,
      assignment.id,
      submission.studentId,
      submission.externalId,
      createHash('sha256').update(JSON.stringify(submission)).digest('hex'),
      JSON.stringify(submission.answers),
    ];
  });
  const batchId = newId();
  const started = performance.now();
  await pool.query(
    'INSERT INTO batches (id, org_id, assignment_id, total, created_at) VALUES ($1, $2, $3, $4, now())',
    [batchId, assignment.orgId, assignment.id, count],
  );
  const values = rows.map(
    (_, row) =>
      `(${Array.from({ length: 7 }, (_, column) => `$${row * 7 + column + 1}`).join(', ')}, '${batchId}', 'queued', 1, now(), now())`,
  );
  for (let start = 0; start < rows.length; start += 1_000) {
    const chunk = rows.slice(start, start + 1_000);
    await pool.query(
      `INSERT INTO submissions (id, org_id, assignment_id, student_id, external_id, content_hash, answers, batch_id, status, result_version, created_at, updated_at) VALUES ${values.slice(0, chunk.length).join(', ')}`,
      chunk.flat(),
    );
  }
  const pgMs = performance.now() - started;
  const connection = createRedisConnection('redis://127.0.0.1:6379', 'producer');
  const queue = new Queue(QUEUES.grade, { connection, prefix: `${redisPrefix}-raw` });
  const bullStarted = performance.now();
  for (let start = 0; start < rows.length; start += 1_000) {
    await queue.addBulk(
      rows.slice(start, start + 1_000).map((row) => ({
        name: JOB_NAMES.gradeSubmission,
        data: { submissionId: row[0], version: 1 },
        opts: { jobId: gradeJobId(row[0]!, 1) },
      })),
    );
  }
  const bullMs = performance.now() - bullStarted;
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  await pool.end();
  return { pgMs, bullMs };
}

export async function benchIngest(): Promise<Record<string, number>> {
  const stack = await startBenchApi('ingest', 3917);
  try {
    const org = await post(stack.baseUrl, '/v1/orgs', BENCH_ADMIN_KEY, { name: 'bench' });
    const key = (
      await post(stack.baseUrl, '/v1/api-keys', BENCH_ADMIN_KEY, { orgId: org.id, role: 'teacher', name: 'bench' })
    ).key as string;
    const assignment = await post(stack.baseUrl, '/v1/assignments', key, {
      title: 'bench',
      grading: { inference: 'none' },
      problems: [{ key: 'p1', statement: 'How many rolls are left?', answer: '60' }],
    });

    // Warm-up, then timed batches.
    await post(stack.baseUrl, `/v1/assignments/${assignment.id}/submissions/batch`, key, {
      submissions: Array.from({ length: 200 }, (_, index) => studentSubmission(-1 - index)),
    });
    const batchStarted = performance.now();
    for (let batch = 0; batch < BATCHES; batch++) {
      const submissions = Array.from({ length: BATCH_SIZE }, (_, index) =>
        studentSubmission(batch * BATCH_SIZE + index),
      );
      const outcome = await post(stack.baseUrl, `/v1/assignments/${assignment.id}/submissions/batch`, key, {
        submissions,
      });
      if (outcome.accepted !== BATCH_SIZE) throw new Error(`batch accepted ${outcome.accepted}`);
    }
    const batchMs = performance.now() - batchStarted;
    const batchRate = (BATCH_SIZE * BATCHES) / (batchMs / 1000);

    const raw = await rawBaseline(
      stack.databaseUrl,
      stack.env.STEPGRADE_QUEUE_PREFIX!,
      { id: assignment.id, orgId: org.id },
      BATCH_SIZE * BATCHES,
    );
    const rawRate = (BATCH_SIZE * BATCHES) / ((raw.pgMs + raw.bullMs) / 1000);

    let counter = 0;
    const single = await autocannon({
      url: `${stack.baseUrl}/v1/assignments/${assignment.id}/submissions`,
      connections: 32,
      duration: 10,
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (request: any) => ({
            ...request,
            body: JSON.stringify(studentSubmission(2_000_000 + counter++)),
          }),
        },
      ],
    });
    const non2xx = single.non2xx + single.errors;
    return {
      'ingest.batch.submissions_per_s': Math.round(batchRate),
      'ingest.raw_baseline.submissions_per_s': Math.round(rawRate),
      'ingest.raw_baseline.pg_ms_per_1000': Math.round((raw.pgMs / (BATCH_SIZE * BATCHES)) * 1000),
      'ingest.raw_baseline.addbulk_ms_per_1000': Math.round((raw.bullMs / (BATCH_SIZE * BATCHES)) * 1000),
      'ingest.batch_vs_raw_percent': Math.round((batchRate / rawRate) * 100),
      'ingest.single.c32.submissions_per_s': Math.round(single.requests.average),
      'ingest.single.c32.p50_ms': single.latency.p50,
      'ingest.single.c32.p99_ms': single.latency.p99,
      'ingest.single.c32.non_2xx': non2xx,
    };
  } finally {
    await stack.stop();
  }
}
