// Protects model-written references on the gpu pool (OpenAI protocol, as vLLM speaks it): one
// generation per problem revision however many students submit, CAS verification of the model's
// work, needs_review when it cannot be trusted or no worker is there, and grading after approval.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './support/fake-openai-server.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

let stack: RunningStack;
let teacher: ApiClient;
let model: FakeOpenAiServer;

const goodReference = { steps: ['240 * 3/4 = 180', '240 - 180 = 60'], final_answer: '60' };
const wrongReference = { steps: ['240 * 3/4 = 170', '240 - 170 = 70'], final_answer: '70' };
const referenceCalls = () =>
  model.calls.filter((call) => JSON.stringify(call.body.response_format ?? {}).includes('final_answer')).length;

function assignment(title: string, inference: string) {
  return {
    title,
    grading: { inference },
    problems: [
      {
        key: 'rolls',
        statement: 'A bakery bakes 240 rolls and sells 3/4 of them. How many rolls are left?',
        points: 10,
      },
    ],
  };
}

async function settle(assignmentId: string, count: number) {
  return waitFor(
    `${count} settled submissions`,
    async () => {
      const list = await teacher.get(`/v1/assignments/${assignmentId}/submissions?limit=500`);
      const settled = list.body.items.filter(
        (item: { status: string }) => !['queued', 'grading'].includes(item.status),
      );
      return settled.length === count ? list.body.items : undefined;
    },
    { hardTimeoutMs: 45_000 },
  );
}

beforeAll(async () => {
  model = await startFakeOpenAiServer({ model: 'fake-r1' });
  stack = await startStack('model_references', {
    env: {
      WORKER_POOL: 'cpu,gpu',
      OPENAI_BASE_URL: model.url,
      OPENAI_MODEL: 'fake-r1',
      STEPGRADE_MODEL_WAIT_S: '2',
      STEPGRADE_RECONCILE_EVERY_S: '1',
      STEPGRADE_MODEL_JOB_ATTEMPTS: '1',
    },
  });
  teacher = (await createOrgWithKeys(stack, 'Model org')).teacher;
});

afterAll(async () => {
  await stack?.stop();
  await model?.close();
});

describe('model-written references', () => {
  it('writes one reference for many submissions and grades against it', async () => {
    model.setHandler(() => ({ kind: 'ok', content: goodReference, reasoning: 'think' }));
    const created = await teacher.post('/v1/assignments', assignment('no key', 'auto'));
    expect(created.body.problems[0].referenceStatus).toBe('pending');
    const submissions = Array.from({ length: 40 }, (_, index) => ({
      studentId: `s-${index}`,
      answers: [{ problemKey: 'rolls', steps: index % 2 ? ['240 - 180 = 60', 'A: 60'] : ['240 - 170 = 70', 'A: 70'] }],
    }));
    const batch = await teacher.post(`/v1/assignments/${created.body.id}/submissions/batch`, { submissions });
    expect(batch.body.accepted).toBe(40);
    const items = await settle(created.body.id, 40);
    expect(items.every((item: { status: string }) => item.status === 'graded')).toBe(true);
    expect(referenceCalls()).toBe(1);

    const reference = await teacher.get(`/v1/assignments/${created.body.id}/problems/rolls/reference`);
    expect(reference.body).toMatchObject({
      source: 'llm',
      model: 'fake-r1',
      status: 'ready',
      finalAnswer: '60',
      promptVersion: expect.any(String),
    });
    const right = await teacher.get(
      `/v1/submissions/${items.find((item: { studentId: string }) => item.studentId === 's-1').id}`,
    );
    const wrong = await teacher.get(
      `/v1/submissions/${items.find((item: { studentId: string }) => item.studentId === 's-0').id}`,
    );
    expect(right.body.answers[0].finalAnswer.verdict).toBe('correct');
    expect(wrong.body.answers[0].finalAnswer.verdict).toBe('incorrect');
  });

  it('catches a wrong model reference, retries, sends work to review, and grades after the teacher fixes it', async () => {
    const before = referenceCalls();
    model.setHandler(() => ({ kind: 'ok', content: wrongReference }));
    const created = await teacher.post('/v1/assignments', assignment('planted wrong', 'gpu'));
    const submitted = await teacher.post(`/v1/assignments/${created.body.id}/submissions`, {
      studentId: 'w-1',
      answers: [{ problemKey: 'rolls', steps: ['240 - 180 = 60', 'A: 60'] }],
    });
    const reviewed = await waitFor(
      'needs_review',
      async () => {
        const response = await teacher.get(`/v1/submissions/${submitted.body.id}`);
        return response.body.status === 'needs_review' ? response.body : undefined;
      },
      { hardTimeoutMs: 30_000 },
    );
    // The problem itself says what is wrong and what to do; its steps were still checked.
    expect(reviewed.statusReason).toMatch(
      /problem rolls: the model-written reference is not trusted .*approve or replace it/,
    );
    expect(reviewed.answers).toHaveLength(1);
    expect(reviewed.answers[0].status).toBe('needs_review');
    expect(reviewed.answers[0].statusReason).toMatch(/^problem rolls: /);
    expect(referenceCalls() - before).toBe(3);
    const reference = await teacher.get(`/v1/assignments/${created.body.id}/problems/rolls/reference`);
    expect(reference.body.status).toBe('needs_review');
    expect(reference.body.reason).toMatch(/step 1/);

    const fixed = await teacher.request('PUT', `/v1/assignments/${created.body.id}/problems/rolls/reference`, {
      steps: ['240 * 3/4 = 180', '240 - 180 = 60'],
      finalAnswer: '60',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.requeuedSubmissions).toBe(1);
    const graded = await waitFor('graded after the fix', async () => {
      const response = await teacher.get(`/v1/submissions/${submitted.body.id}`);
      return response.body.status === 'graded' ? response.body : undefined;
    });
    expect(graded.answers[0].finalAnswer.verdict).toBe('correct');
  });

  it('never calls a model when the assignment says none', async () => {
    const before = model.calls.length;
    const created = await teacher.post('/v1/assignments', assignment('cas only', 'none'));
    expect(created.body.problems[0].referenceStatus).toBe('ready');
    const submitted = await teacher.post(`/v1/assignments/${created.body.id}/submissions`, {
      studentId: 'n-1',
      answers: [{ problemKey: 'rolls', steps: ['240 - 180 = 60', 'A: 60'] }],
    });
    const graded = await waitFor('graded', async () => {
      const response = await teacher.get(`/v1/submissions/${submitted.body.id}`);
      return response.body.status === 'graded' ? response.body : undefined;
    });
    expect(graded.answers[0].finalAnswer.verdict).toBe('unverified');
    expect(model.calls.length).toBe(before);
  });

  it('sends work to review when no worker of the pinned pool is alive within the wait', async () => {
    const created = await teacher.post('/v1/assignments', assignment('edge only', 'edge'));
    const submitted = await teacher.post(`/v1/assignments/${created.body.id}/submissions`, {
      studentId: 'e-1',
      answers: [{ problemKey: 'rolls', steps: ['A: 60'] }],
    });
    const reviewed = await waitFor(
      'needs_review for lack of workers',
      async () => {
        const response = await teacher.get(`/v1/submissions/${submitted.body.id}`);
        return response.body.status === 'needs_review' ? response.body : undefined;
      },
      { hardTimeoutMs: 20_000 },
    );
    expect(reviewed.statusReason).toMatch(
      /problem rolls: no reference was written \(no edge worker was available within 2 s\): start a gpu\/edge worker or add an answer key/,
    );
    const reference = await teacher.get(`/v1/assignments/${created.body.id}/problems/rolls/reference`);
    expect(reference.body.reason).toMatch(/no edge worker was available within 2 s/);
  });

  it('ends in needs_review, not a stuck job, when the model server keeps failing', async () => {
    model.setHandler(() => ({ kind: 'error', status: 500 }));
    const created = await teacher.post('/v1/assignments', assignment('server down', 'gpu'));
    const submitted = await teacher.post(`/v1/assignments/${created.body.id}/submissions`, {
      studentId: 'd-1',
      answers: [{ problemKey: 'rolls', steps: ['A: 60'] }],
    });
    const reviewed = await waitFor(
      'needs_review after model failures',
      async () => {
        const response = await teacher.get(`/v1/submissions/${submitted.body.id}`);
        return response.body.status === 'needs_review' ? response.body : undefined;
      },
      { hardTimeoutMs: 40_000 },
    );
    expect(reviewed.status).toBe('needs_review');
    const reference = await teacher.get(`/v1/assignments/${created.body.id}/problems/rolls/reference`);
    expect(reference.body.reason).toMatch(/gpu model failed/);
  });
});
