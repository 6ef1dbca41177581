// Protects issue 14 row 2: one hard submission (long, slow LaTeX steps) gets a grading budget:
// steps over it are unverified with the reason and the submission still completes, within its
// budget; it keeps its BullMQ job lock (no stall, one result) and a normal submission sent right
// after is graded promptly, because the CAS runs off the worker's event loop.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import pg from 'pg';
import { createRedisConnection, gradeJobId, QUEUES } from '../libs/queue/index.js';
import { bakeryAssignment, correctWork, submission } from './fixtures.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

// Well under the hard submission's CAS work (1,000 matrix steps: seconds idle, and still over a
// quarter second with every cache warm), so the budget always cuts it.
const BUDGET_MS = 250;
// The size-budget case gets its own stack with a time budget it cannot reach, so only size cuts it.
const ROOMY_BUDGET_MS = 60_000;
const MAX_STEPS = 1_000;
const PROBLEMS = 8;
const STEPS = 200;
// 5 x 200 slow steps: within the size budget, so only time cuts the hard submission (seconds of CAS work).
const HARD_PROBLEMS = 5;

let stack: RunningStack;
let teacher: ApiClient;
let db: pg.Pool;

/** A 15x15 pmatrix: tens of milliseconds of CAS work per step, so 200 of them take seconds. */
function matrixStep(seed: number): string {
  const rows = Array.from({ length: 15 }, (_, r) => Array.from({ length: 15 }, (_, c) => r * c + seed).join(' & '));
  return `\\begin{pmatrix} ${rows.join(' \\\\ ')} \\end{pmatrix}`;
}

const assignment = {
  title: 'Budget',
  grading: { inference: 'none' },
  problems: [
    ...Array.from({ length: PROBLEMS }, (_, index) => ({
      key: `m${index}`,
      statement: 'Write the matrix.',
      answer: '1',
    })),
    ...bakeryAssignment.problems,
  ],
};

async function settled(id: string): Promise<{ status: string; statusReason: string | null; answers: any[] }> {
  return waitFor(
    `submission ${id} settled`,
    async () => {
      const { body } = await teacher.get(`/v1/submissions/${id}`);
      return ['graded', 'needs_review', 'failed'].includes(body.status) ? body : undefined;
    },
    { hardTimeoutMs: 60_000, intervalMs: 50 },
  );
}

async function submit(studentId: string, problems: number, steps: (problem: number) => string[]): Promise<string> {
  const answers = Array.from({ length: problems }, (_, index) => ({ problemKey: `m${index}`, steps: steps(index) }));
  const response = await teacher.post(`/v1/assignments/${assignmentId}/submissions`, { studentId, answers });
  expect(response.status).toBe(202);
  return response.body.id;
}

let assignmentId: string;

async function start(name: string, budgetMs: number): Promise<void> {
  stack = await startStack(name, {
    env: {
      GRADING_BUDGET_MS: String(budgetMs),
      GRADING_MAX_STEPS: String(MAX_STEPS),
      GRADING_THREADS: '1',
      // A lock shorter than the hard submission's grading: lost if the event loop were blocked.
      STEPGRADE_JOB_LOCK_S: '1',
    },
  });
  teacher = (await createOrgWithKeys(stack, 'Budget org')).teacher;
  db = new pg.Pool({ connectionString: stack.testEnv.databaseUrl, max: 2 });
  assignmentId = (await teacher.post('/v1/assignments', assignment)).body.id;
  // Grading threads load the CAS once at start (seconds on a busy machine); measure after that.
  const warmup = await teacher.post(`/v1/assignments/${assignmentId}/submissions`, submission('warmup', correctWork));
  await settled(warmup.body.id);
}

async function stop(): Promise<void> {
  await db?.end();
  await stack?.stop();
}

describe('a per-submission grading time budget', () => {
  beforeAll(() => start('grading_budget', BUDGET_MS), 90_000);
  afterAll(stop);

  it('completes a hard submission within its budget with unverified reasons, and a normal one sent right after is graded promptly', async () => {
    const sentAt = Date.now();
    const hard = await submit('hard', HARD_PROBLEMS, (problem) =>
      Array.from({ length: STEPS }, (_, step) => matrixStep(problem * STEPS + step)),
    );
    const postMs = Date.now() - sentAt;
    const normalSentAt = Date.now();
    const normal = (
      await teacher.post(`/v1/assignments/${assignmentId}/submissions`, submission('normal', correctWork))
    ).body.id as string;

    const normalResult = await settled(normal);
    const normalWaitMs = Date.now() - normalSentAt;
    expect(normalResult.status).toBe('graded');
    expect(normalResult.answers.find((answer) => answer.problemKey === 'bakery').score).toBe(10);

    const hardResult = await settled(hard);
    const hardMs = Date.now() - sentAt;
    expect(hardResult.status).toBe('needs_review');
    expect(hardResult.statusReason).toMatch(new RegExp(`grading time budget \\(${BUDGET_MS} ms\\)`));
    const matrixAnswers = hardResult.answers.filter(
      (answer) => answer.problemKey.startsWith('m') && answer.steps.length > 0,
    );
    expect(matrixAnswers).toHaveLength(HARD_PROBLEMS);
    // Problems checked before the budget ran out keep their verdicts (a matrix alone is no checkable
    // claim, so those steps may be unverified too); the rest are unchecked, every step with the reason.
    const timeReason = new RegExp(`grading time budget \\(${BUDGET_MS} ms\\)`);
    const unchecked = matrixAnswers.filter((answer) => answer.steps.some((step: any) => timeReason.test(step.reason)));
    expect(unchecked.length).toBeGreaterThan(0);
    for (const answer of unchecked) {
      expect(answer.steps).toHaveLength(STEPS);
      expect(answer.score).toBe(0);
      for (const step of answer.steps) {
        expect(step.verdict).toBe('unverified');
        expect(step.reason).toMatch(timeReason);
      }
    }
    // Generous bounds (a shared 2-core machine): without the budget this takes tens of seconds,
    // and the normal submission waits behind it.
    console.log(
      `hard submission: POST ${postMs} ms, settled after ${hardMs} ms; normal one graded ${normalWaitMs} ms after it was sent`,
    );
    expect(hardMs).toBeLessThan(BUDGET_MS + 8_000);
    expect(normalWaitMs).toBeLessThan(BUDGET_MS + 6_000);

    // The hard job kept its lock: it never stalled, and wrote exactly one result.
    const connection = createRedisConnection(stack.testEnv.config.redisUrl, 'producer');
    const queue = new Queue(QUEUES.grade, { connection, prefix: stack.testEnv.config.queuePrefix });
    try {
      const job = await queue.getJob(gradeJobId(hard, 1));
      expect(await job?.getState()).toBe('completed');
      expect(job?.stalledCounter ?? 0).toBe(0);
    } finally {
      await queue.close();
      connection.disconnect();
    }
    const { rows } = await db.query('SELECT count(*)::int AS n FROM submission_results WHERE submission_id = $1', [
      hard,
    ]);
    expect(rows[0].n).toBe(1);
  }, 90_000);
});

describe('a per-submission grading size budget', () => {
  beforeAll(() => start('grading_budget_size', ROOMY_BUDGET_MS), 90_000);
  afterAll(stop);

  it('checks steps up to the size budget; the problems past it are unverified with the reason', async () => {
    const id = await submit('long', PROBLEMS, (problem) =>
      Array.from({ length: STEPS }, (_, step) => `${problem + step} + 1 = ${problem + step + 1}`),
    );
    const result = await settled(id);
    expect(result.status).toBe('needs_review');
    expect(result.statusReason).toMatch(/over the grading size budget \(1000 steps\)/);
    const matrixAnswers = result.answers.filter((answer) => answer.problemKey.startsWith('m'));
    const checked = matrixAnswers.slice(0, MAX_STEPS / STEPS);
    const rest = matrixAnswers.slice(MAX_STEPS / STEPS);
    // Every step up to the budget was checked (each answer's last step is its final answer, judged by the key).
    for (const answer of checked)
      expect(answer.steps.every((step: { verdict: string }) => step.verdict !== 'unverified')).toBe(true);
    expect(rest).toHaveLength(PROBLEMS - MAX_STEPS / STEPS);
    for (const answer of rest) {
      expect(
        answer.steps.every(
          (step: { verdict: string; reason: string }) =>
            step.verdict === 'unverified' && /size budget \(1000 steps\)/.test(step.reason),
        ),
      ).toBe(true);
      expect(answer.feedback).toMatch(/not checked because this submission is over the grading size budget/);
    }
  }, 60_000);
});
