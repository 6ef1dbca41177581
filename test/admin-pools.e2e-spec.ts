// Protects the admin pool controls: live numbers per pool, and concurrency and pause changes that
// reach running workers without a restart.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './support/fake-openai-server.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

const MODEL_DELAY_MS = 700;
let stack: RunningStack;
let teacher: ApiClient;
let model: FakeOpenAiServer;

function assignmentWithProblems(title: string, count: number) {
  return {
    title,
    grading: { inference: 'gpu' },
    problems: Array.from({ length: count }, (_, index) => ({ key: `p${index}`, statement: `What is ${index} + 1?` })),
  };
}

/** The most model requests that were in flight together (each takes MODEL_DELAY_MS). */
function peakInFlight(receivedAt: number[]): number {
  return Math.max(
    ...receivedAt.map(
      (start) => receivedAt.filter((other) => other >= start && other < start + MODEL_DELAY_MS * 0.8).length,
    ),
  );
}

beforeAll(async () => {
  model = await startFakeOpenAiServer({ model: 'fake-r1' });
  model.setHandler((call) => {
    const prompt = call.body.messages?.map((message) => message.content).join('\n') ?? '';
    const match = /What is (\d+) \+ 1\?/.exec(prompt);
    const answer = String(Number(match?.[1] ?? 0) + 1);
    return {
      kind: 'delay',
      ms: MODEL_DELAY_MS,
      then: { kind: 'ok', content: { steps: [`${match?.[1] ?? 0} + 1 = ${answer}`], final_answer: answer } },
    };
  });
  stack = await startStack('admin_pools', {
    env: { WORKER_POOL: 'cpu,gpu', GPU_CONCURRENCY: '1', OPENAI_BASE_URL: model.url, OPENAI_MODEL: 'fake-r1' },
  });
  teacher = (await createOrgWithKeys(stack, 'Pools org')).teacher;
});

afterAll(async () => {
  await stack?.stop();
  await model?.close();
});

describe('GET /v1/admin/pools', () => {
  it('shows every pool with live numbers, to admins only', async () => {
    const response = await stack.admin.get('/v1/admin/pools');
    expect(response.status).toBe(200);
    expect(response.body.items.map((pool: { name: string }) => pool.name)).toEqual(['cpu', 'gpu', 'edge']);
    const gpu = response.body.items.find((pool: { name: string }) => pool.name === 'gpu');
    expect(gpu).toMatchObject({
      workers: 1,
      concurrency: 1,
      paused: false,
      waiting: expect.any(Number),
      active: expect.any(Number),
      completedLastMinute: expect.any(Number),
    });
    expect(response.body.items.find((pool: { name: string }) => pool.name === 'edge').workers).toBe(0);
    expect((await teacher.get('/v1/admin/pools')).status).toBe(403);
    expect((await stack.admin.request('PATCH', '/v1/admin/pools/tpu', { concurrency: 2 })).status).toBe(404);
  });
});

describe('PATCH /v1/admin/pools/:name', () => {
  it('changes how many jobs a live worker runs at once', async () => {
    const serial = await teacher.post('/v1/assignments', assignmentWithProblems('serial', 4));
    const serialTimes = await waitForTimes(serial.body.id, 4);
    expect(peakInFlight(serialTimes)).toBe(1);

    const patched = await stack.admin.request('PATCH', '/v1/admin/pools/gpu', { concurrency: 4 });
    expect(patched.status).toBe(200);
    expect(patched.body.concurrency).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = model.calls.length;
    const parallel = await teacher.post('/v1/assignments', assignmentWithProblems('parallel', 4));
    await waitForTimes(parallel.body.id, 4, before);
    expect(peakInFlight(model.calls.slice(before).map((call) => call.receivedAt))).toBeGreaterThanOrEqual(3);
  });

  it('pauses and resumes a pool', async () => {
    const created = await teacher.post('/v1/assignments', {
      title: 'pause',
      grading: { inference: 'none' },
      problems: [{ key: 'p', statement: 'What is 1 + 1?', answer: '2' }],
    });
    expect((await stack.admin.request('PATCH', '/v1/admin/pools/cpu', { paused: true })).body.paused).toBe(true);
    const submitted = await teacher.post(`/v1/assignments/${created.body.id}/submissions`, {
      studentId: 'p-1',
      answers: [{ problemKey: 'p', steps: ['1 + 1 = 2'] }],
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await teacher.get(`/v1/submissions/${submitted.body.id}`)).body.status).toBe('queued');
    expect((await stack.admin.request('PATCH', '/v1/admin/pools/cpu', { paused: false })).body.paused).toBe(false);
    await waitFor('graded after resume', async () =>
      (await teacher.get(`/v1/submissions/${submitted.body.id}`)).body.status === 'graded' ? true : undefined,
    );
  });
});

async function waitForTimes(assignmentId: string, count: number, fromCall = 0): Promise<number[]> {
  await waitFor(
    'references written',
    async () => {
      const assignment = await teacher.get(`/v1/assignments/${assignmentId}`);
      return assignment.body.problems.every(
        (problem: { referenceStatus: string }) => problem.referenceStatus === 'ready',
      )
        ? true
        : undefined;
    },
    { hardTimeoutMs: 30_000 },
  );
  const times = model.calls.slice(fromCall).map((call) => call.receivedAt);
  expect(times.length).toBeGreaterThanOrEqual(count);
  return times;
}
