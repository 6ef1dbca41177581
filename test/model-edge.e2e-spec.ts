// Protects model-written references on the edge pool: a real GGUF (the generated fixture) loaded by
// an in-process edge worker writes the reference for a problem without a key, it is stored with the
// model id and prompt version and students are graded against it; a missing or corrupt model file
// leaves the reference and the work in needs_review with the reason, in bounded time, and the
// worker keeps running.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROMPT_VERSION } from '../libs/inference/index.js';
import { FIXTURE_ANSWER, FIXTURE_STEPS, FIXTURE_THOUGHT, writeFixtureModel } from '../scripts/model/fixture-model.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

/** The edge provider names its model after the file, so this is the id stored with results. */
const MODEL_ID = 'stepgrade-fixture-tiny';

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'stepgrade-model-edge-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const edgeEnv = (modelPath: string): Record<string, string> => ({
  WORKER_POOL: 'cpu,edge',
  GGUF_MODEL_PATH: modelPath,
  LLAMA_THREADS: '1',
  LLAMA_CONTEXT_SIZE: '2048',
  LLAMA_MAX_TOKENS: '128',
  EDGE_CONCURRENCY: '1',
  STEPGRADE_MODEL_WAIT_S: '10',
  STEPGRADE_RECONCILE_EVERY_S: '1',
  STEPGRADE_MODEL_JOB_ATTEMPTS: '1',
});

function assignment(title: string) {
  return { title, grading: { inference: 'edge' }, problems: [{ key: 'sum', statement: 'What is 1 + 3?', points: 10 }] };
}

const rightWork = (studentId: string) => ({
  studentId,
  answers: [{ problemKey: 'sum', steps: ['1 + 3 = 4', 'A: 4'] }],
});
const wrongWork = (studentId: string) => ({
  studentId,
  answers: [{ problemKey: 'sum', steps: ['1 + 3 = 5', 'A: 5'] }],
});

async function settled(teacher: ApiClient, assignmentId: string, count: number, hardTimeoutMs: number) {
  return waitFor(
    `${count} settled submissions`,
    async () => {
      const list = await teacher.get(`/v1/assignments/${assignmentId}/submissions?limit=100`);
      const done = list.body.items.filter((item: { status: string }) => !['queued', 'grading'].includes(item.status));
      return done.length === count
        ? (list.body.items as Array<{ id: string; studentId: string; status: string; statusReason: string | null }>)
        : undefined;
    },
    { hardTimeoutMs },
  );
}

describe('edge worker on the generated GGUF', () => {
  let stack: RunningStack;
  let teacher: ApiClient;

  beforeAll(async () => {
    const modelPath = join(directory, `${MODEL_ID}.gguf`);
    writeFixtureModel(modelPath);
    stack = await startStack('model_edge', { env: edgeEnv(modelPath) });
    teacher = (await createOrgWithKeys(stack, 'Edge org')).teacher;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('writes the reference with the local model and grades every submission against it', async () => {
    const created = await teacher.post('/v1/assignments', assignment('no key, edge'));
    expect(created.status).toBe(201);
    expect(created.body.problems[0].referenceStatus).toBe('pending');
    const submissions = ['r-1', 'w-1', 'r-2', 'w-2', 'r-3', 'w-3'].map((id) =>
      id.startsWith('r') ? rightWork(id) : wrongWork(id),
    );
    const batch = await teacher.post(`/v1/assignments/${created.body.id}/submissions/batch`, { submissions });
    expect(batch.body.accepted).toBe(submissions.length);

    const items = await settled(teacher, created.body.id, submissions.length, 30_000);
    expect(items.map((item) => item.status)).toEqual(items.map(() => 'graded'));

    const reference = await teacher.get(`/v1/assignments/${created.body.id}/problems/sum/reference`);
    expect(reference.body).toMatchObject({
      source: 'llm',
      model: MODEL_ID,
      promptVersion: PROMPT_VERSION,
      status: 'ready',
      steps: FIXTURE_STEPS,
      finalAnswer: FIXTURE_ANSWER,
    });
    expect(JSON.stringify(reference.body)).toContain(FIXTURE_THOUGHT);

    for (const item of items) {
      const submission = await teacher.get(`/v1/submissions/${item.id}`);
      const expected = item.studentId.startsWith('r') ? 'correct' : 'incorrect';
      expect({ student: item.studentId, verdict: submission.body.answers[0].finalAnswer.verdict }).toEqual({
        student: item.studentId,
        verdict: expected,
      });
    }
  });

  it("never trusts the tiny model's reference for a quadratic: its answer fails substitution", async () => {
    // the fixture model answers every problem with 1 + 3 = 4; 4 is not a root of x^2 - 5x + 6 = 0
    const created = await teacher.post('/v1/assignments', {
      title: 'quadratic, edge',
      grading: { inference: 'edge' },
      problems: [{ key: 'roots', statement: 'Solve $x^2 - 5x + 6 = 0$.', points: 10 }],
    });
    expect(created.status).toBe(201);
    await teacher.post(`/v1/assignments/${created.body.id}/submissions`, {
      studentId: 'q-1',
      answers: [{ problemKey: 'roots', steps: ['(x - 2)(x - 3) = 0', 'x = 2 or x = 3'] }],
    });
    const [item] = await settled(teacher, created.body.id, 1, 30_000);
    expect(item!.status).toBe('needs_review');
    const reference = await teacher.get(`/v1/assignments/${created.body.id}/problems/roots/reference`);
    expect(reference.body.status).not.toBe('ready');
    expect(reference.body.reason).toMatch(/substituting x = 4/);
  });
});

describe.each([
  { name: 'missing', prepare: () => '/nonexistent.gguf', reason: /edge model failed: .*not found/ },
  {
    name: 'corrupt',
    prepare: () => {
      const path = join(directory, 'corrupt.gguf');
      writeFileSync(path, randomBytes(64 * 1024));
      return path;
    },
    reason: /edge model failed: .*cannot load GGUF model/,
  },
])('edge worker given a $name model file', ({ name, prepare, reason }) => {
  let stack: RunningStack;
  let teacher: ApiClient;

  beforeAll(async () => {
    stack = await startStack(`model_edge_${name}`, { env: edgeEnv(prepare()) });
    teacher = (await createOrgWithKeys(stack, `Edge ${name} org`)).teacher;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('sends the reference and the work to review with the reason, and keeps working', async () => {
    const created = await teacher.post('/v1/assignments', assignment(`${name} model`));
    const batch = await teacher.post(`/v1/assignments/${created.body.id}/submissions/batch`, {
      submissions: [rightWork('r-1'), wrongWork('w-1')],
    });
    expect(batch.body.accepted).toBe(2);

    const items = await settled(teacher, created.body.id, 2, 20_000);
    expect(items.map((item) => item.status)).toEqual(['needs_review', 'needs_review']);
    expect(items.every((item) => /^needs review: problem sum: /.test(item.statusReason ?? ''))).toBe(true);
    const reference = await teacher.get(`/v1/assignments/${created.body.id}/problems/sum/reference`);
    expect(reference.body.status).toBe('needs_review');
    expect(reference.body.reason).toMatch(reason);

    // The worker survived: a later assignment on the same pool reaches the same clear end.
    const again = await teacher.post('/v1/assignments', assignment(`${name} model, again`));
    await teacher.post(`/v1/assignments/${again.body.id}/submissions`, rightWork('r-2'));
    const [later] = await settled(teacher, again.body.id, 1, 20_000);
    expect(later!.status).toBe('needs_review');
    const laterReference = await teacher.get(`/v1/assignments/${again.body.id}/problems/sum/reference`);
    expect(laterReference.body.reason).toMatch(reason);
  });
});
