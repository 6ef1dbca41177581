// Protects per-problem review (issue 13): with a pinned pool that never comes, only the keyless
// problem goes to needs_review, with a reason naming the problem, the cause and the fix; the keyed
// problem's score stays visible in the submission, the results JSON/CSV and the webhook. Switching
// grading.inference to none and regrading recomputes the reference status and unblocks the work;
// a parked submission (pinned pool, still waiting) is released by the same regrade.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { startReceiver, type Receiver } from './integrations.receiver.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

let stack: RunningStack;
let teacher: ApiClient;
let receiver: Receiver;

const quiz = (title: string) => ({
  title,
  grading: { inference: 'gpu' },
  problems: [
    { key: 'sum', statement: 'Compute 2 + 3.', answer: '5', points: 4 },
    { key: 'minimum', statement: 'Find the minimum value of f(x) = x^2 - 4x + 7.', points: 10 },
  ],
});
const work = (studentId: string) => ({
  studentId,
  answers: [
    { problemKey: 'sum', steps: ['2 + 3 = 5'] },
    { problemKey: 'minimum', steps: ["f'(x) = 2x - 4", 'x = 2', 'f(2) = 4 - 8 + 7 = 3', 'The minimum value is 3'] },
  ],
});

type Answer = { problemKey: string; status: string; statusReason: string | null; score: number };
const answerOf = (body: { answers: Answer[] }, key: string) =>
  body.answers.find((answer) => answer.problemKey === key)!;

async function settled(id: string, minVersion = 1) {
  return waitFor(
    `submission ${id} settled`,
    async () => {
      const response = await teacher.get(`/v1/submissions/${id}`);
      const body = response.body;
      return !['queued', 'grading'].includes(body.status) && body.resultVersion >= minVersion ? body : undefined;
    },
    // The reconciler gives the pinned pool up after the 1 s wait on its next round (several s here).
    { hardTimeoutMs: 60_000, stallMs: 60_000 },
  );
}

beforeAll(async () => {
  receiver = await startReceiver();
  stack = await startStack('per_problem_review', {
    env: {
      STEPGRADE_MODEL_WAIT_S: '1',
      STEPGRADE_RECONCILE_EVERY_S: '1',
      STEPGRADE_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    },
  });
  teacher = (await createOrgWithKeys(stack, 'Per-problem org')).teacher;
  const hook = await teacher.post('/v1/integrations', {
    name: 'lms',
    callbackUrl: receiver.url('/hook/review'),
    events: ['submission.needs_review'],
  });
  expect(hook.status).toBe(201);
});

afterAll(async () => {
  await stack?.stop();
  await receiver?.close();
});

describe('one problem never holds the others back', () => {
  it('puts only the keyless problem in review, with problem, cause and fix; the keyed score stays', async () => {
    const created = await teacher.post('/v1/assignments', quiz('Pinned gpu, no worker'));
    const submitted = await teacher.post(`/v1/assignments/${created.body.id}/submissions`, work('s1'));
    const body = await settled(submitted.body.id);
    expect(body.status).toBe('needs_review');
    const reason =
      'problem minimum: no reference was written (no gpu worker was available within 1 s): start a gpu/edge worker or add an answer key, then regrade';
    expect(body.statusReason).toBe(`needs review: ${reason}`);
    expect(answerOf(body, 'sum')).toMatchObject({ status: 'graded', statusReason: null, score: 4 });
    expect(answerOf(body, 'minimum')).toMatchObject({ status: 'needs_review', statusReason: reason });

    const results = await teacher.get(`/v1/assignments/${created.body.id}/results`);
    expect(results.body.items[0]).toMatchObject({
      status: 'needs_review',
      needsReview: ['minimum'],
      statusReason: `needs review: ${reason}`,
    });
    expect(results.body.items[0].scores.sum).toBe(4);
    const csv = await teacher.request('GET', `/v1/assignments/${created.body.id}/results?format=csv`);
    const [row] = parse(csv.body as string, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ sum: '4', status: 'needs_review', statusReason: `needs review: ${reason}` });

    const [webhook] = await waitFor('the needs_review webhook', async () => {
      const hooks = receiver.on('/hook/review');
      return hooks.length > 0 ? hooks : undefined;
    });
    const event = JSON.parse(webhook!.body) as { data: { answers: Answer[] } };
    expect(answerOf(event.data, 'sum')).toMatchObject({ status: 'graded', score: 4 });
    expect(answerOf(event.data, 'minimum')).toMatchObject({ status: 'needs_review', statusReason: reason });

    // inference none + regrade: the reference status is recomputed and the work is graded.
    await teacher.request('PATCH', `/v1/assignments/${created.body.id}`, { grading: { inference: 'none' } });
    expect((await teacher.post(`/v1/assignments/${created.body.id}/regrade`)).status).toBe(202);
    const regraded = await settled(submitted.body.id, 2);
    expect(regraded.status).toBe('graded');
    expect(answerOf(regraded, 'minimum').status).toBe('graded');
    const assignment = await teacher.get(`/v1/assignments/${created.body.id}`);
    expect(assignment.body.problems[1].referenceStatus).toBe('ready');
  });

  it('releases a submission parked on a pinned pool when the assignment switches to none and regrades', async () => {
    // Sent and switched at once: the submission is parked on the pending reference (or, if the
    // 1 s wait already ran out, in review); either way the regrade must grade it.
    const created = await teacher.post('/v1/assignments', quiz('Parked'));
    const submitted = await teacher.post(`/v1/assignments/${created.body.id}/submissions`, work('s2'));
    await teacher.request('PATCH', `/v1/assignments/${created.body.id}`, { grading: { inference: 'none' } });
    const regrade = await teacher.post(`/v1/assignments/${created.body.id}/regrade`);
    expect(regrade.status).toBe(202);
    const body = await settled(submitted.body.id);
    expect(body.status).toBe('graded');
    expect(answerOf(body, 'sum').score).toBe(4);
  });
});
