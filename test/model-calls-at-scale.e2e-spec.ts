// Protects "grade a whole class once": 500 students submitting at the same time to a 3-problem
// assignment without answer keys cause exactly one reference generation per problem, and at most
// one model judgement per distinct (problem, step text, preceding steps).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './support/fake-openai-server.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

const STUDENTS = 500;
const PROBLEMS = [3, 5, 8];
const OPENINGS = ['We add the two numbers.', 'First, put the numbers together.'];
let stack: RunningStack;
let teacher: ApiClient;
let model: FakeOpenAiServer;

const isJudgeCall = (call: FakeOpenAiServer['calls'][number]) =>
  JSON.stringify(call.body.response_format ?? {}).includes('verdict');

beforeAll(async () => {
  model = await startFakeOpenAiServer({ model: 'fake-r1' });
  model.setHandler((call) => {
    if (isJudgeCall(call))
      return { kind: 'delay', ms: 50, then: { kind: 'ok', content: { verdict: 'correct', reason: 'a fair plan' } } };
    const prompt = call.body.messages?.map((message) => message.content).join('\n') ?? '';
    const n = Number(/What is (\d+) \+ 1\?/.exec(prompt)?.[1] ?? 0);
    return {
      kind: 'delay',
      ms: 300,
      then: { kind: 'ok', content: { steps: [`${n} + 1 = ${n + 1}`], final_answer: String(n + 1) } },
    };
  });
  stack = await startStack('model_calls_at_scale', {
    env: {
      WORKER_POOL: 'cpu,gpu',
      GPU_CONCURRENCY: '4',
      CPU_CONCURRENCY: '4',
      OPENAI_BASE_URL: model.url,
      OPENAI_MODEL: 'fake-r1',
    },
  });
  teacher = (await createOrgWithKeys(stack, 'Class org')).teacher;
});

afterAll(async () => {
  await stack?.stop();
  await model?.close();
});

describe('a class of 500 on an assignment without keys', () => {
  it('writes one reference per problem and judges each distinct step once', async () => {
    const created = await teacher.post('/v1/assignments', {
      title: 'no keys',
      grading: { inference: 'gpu' },
      problems: PROBLEMS.map((n) => ({ key: `p${n}`, statement: `What is ${n} + 1?` })),
    });
    const submissions = Array.from({ length: STUDENTS }, (_, index) => ({
      studentId: `student-${index}`,
      answers: PROBLEMS.map((n) => ({
        problemKey: `p${n}`,
        steps: [OPENINGS[index % 2]!, `${n} + 1 = ${n + 1 + (index % 5 === 0 ? 1 : 0)}`, `A: ${n + 1}`],
      })),
    }));
    const batch = await teacher.post(`/v1/assignments/${created.body.id}/submissions/batch`, { submissions });
    expect(batch.body.accepted).toBe(STUDENTS);
    const progress = await waitFor(
      'batch completed',
      async () => {
        const response = await teacher.get(`/v1/batches/${batch.body.batchId}`);
        return response.body.status === 'completed' ? response.body : undefined;
      },
      {
        hardTimeoutMs: 150_000,
        stallMs: 40_000,
        progress: async () => (await teacher.get(`/v1/batches/${batch.body.batchId}`)).body.graded,
      },
    );
    expect(progress.graded).toBe(STUDENTS);

    const referenceCalls = model.calls.filter((call) => !isJudgeCall(call));
    expect(referenceCalls).toHaveLength(PROBLEMS.length);
    // Distinct (problem, step, context): each problem's opening line, in its two wordings.
    expect(model.calls.filter(isJudgeCall).length).toBeLessThanOrEqual(PROBLEMS.length * OPENINGS.length);

    const analytics = await teacher.get(`/v1/assignments/${created.body.id}/analytics`);
    expect(analytics.body.submissions).toBe(STUDENTS);
    const p3 = analytics.body.problems.find((problem: { problemKey: string }) => problem.problemKey === 'p3');
    expect(p3.correctRate).toBeGreaterThan(0.7);
  }, 200_000);
});
