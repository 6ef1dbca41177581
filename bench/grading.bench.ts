import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAiServer } from '../libs/inference/testing/fake-openai-server.js';
import { BENCH_ADMIN_KEY, post, startBenchApi } from './bench-stack.js';

// End-to-end grading throughput: a 1,000-submission batch from the first accept to
// batch.completed, with one cpu worker process (CAS only); and the model calls a 1,000-submission
// batch costs when problems have no key and prose steps are judged.

const WORKER_ENTRY = fileURLToPath(new URL('../apps/worker/main.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

function startWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [WORKER_ENTRY], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForBatch(baseUrl: string, key: string, batchId: string): Promise<void> {
  for (;;) {
    const progress = (await (
      await fetch(`${baseUrl}/v1/batches/${batchId}`, { headers: { authorization: `Bearer ${key}` } })
    ).json()) as { status: string };
    if (progress.status === 'completed') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function teacherKey(baseUrl: string): Promise<string> {
  const org = await post(baseUrl, '/v1/orgs', BENCH_ADMIN_KEY, { name: 'bench' });
  return (await post(baseUrl, '/v1/api-keys', BENCH_ADMIN_KEY, { orgId: org.id, role: 'teacher', name: 'bench' })).key;
}

async function casOnlyThroughput(): Promise<Record<string, number>> {
  const stack = await startBenchApi('grading', 3918);
  const worker = startWorker({ ...stack.env, WORKER_POOL: 'cpu', CPU_CONCURRENCY: '4' });
  try {
    const key = await teacherKey(stack.baseUrl);
    const assignment = await post(
      stack.baseUrl,
      '/v1/assignments',
      key,
      JSON.parse(readFileSync(`${EXAMPLES}assignment.json`, 'utf8')),
    );
    const submissions = readFileSync(`${EXAMPLES}submissions-1000.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const started = performance.now();
    const batch = await post(stack.baseUrl, `/v1/assignments/${assignment.id}/submissions/batch`, key, { submissions });
    await waitForBatch(stack.baseUrl, key, batch.batchId);
    const seconds = (performance.now() - started) / 1000;
    return {
      'grading.cas_only.submissions_per_s': Math.round(submissions.length / seconds),
      'grading.cas_only.batch_seconds': Number(seconds.toFixed(2)),
      'grading.cas_only.steps_per_submission': 10,
    };
  } finally {
    worker.kill('SIGTERM');
    await stack.stop();
  }
}

async function modelCallsPerThousand(): Promise<Record<string, number>> {
  const model = await startFakeOpenAiServer({ model: 'bench-model' });
  model.setHandler((call) => {
    const judge = JSON.stringify(call.body.response_format ?? {}).includes('verdict');
    if (judge) return { kind: 'ok', content: { verdict: 'correct', reason: 'fine' } };
    const n = Number(
      /What is (\d+) \+ 1\?/.exec(call.body.messages?.map((message) => message.content).join('\n') ?? '')?.[1] ?? 0,
    );
    return { kind: 'ok', content: { steps: [`${n} + 1 = ${n + 1}`], final_answer: String(n + 1) } };
  });
  const stack = await startBenchApi('model_calls', 3919);
  const worker = startWorker({
    ...stack.env,
    WORKER_POOL: 'cpu,gpu',
    CPU_CONCURRENCY: '4',
    GPU_CONCURRENCY: '8',
    OPENAI_BASE_URL: model.url,
    OPENAI_MODEL: 'bench-model',
  });
  try {
    const key = await teacherKey(stack.baseUrl);
    const problems = [3, 5, 8];
    const assignment = await post(stack.baseUrl, '/v1/assignments', key, {
      title: 'no keys',
      grading: { inference: 'gpu' },
      problems: problems.map((n) => ({ key: `p${n}`, statement: `What is ${n} + 1?` })),
    });
    const openings = ['We add one.', 'Add one to the number.', 'Count on by one.', 'The next number is the answer.'];
    const submissions = Array.from({ length: 1000 }, (_, index) => ({
      studentId: `s-${index}`,
      answers: problems.map((n) => ({
        problemKey: `p${n}`,
        steps: [openings[index % openings.length]!, `${n} + 1 = ${n + 1}`, `A: ${n + 1}`],
      })),
    }));
    const started = performance.now();
    const batch = await post(stack.baseUrl, `/v1/assignments/${assignment.id}/submissions/batch`, key, { submissions });
    await waitForBatch(stack.baseUrl, key, batch.batchId);
    const calls = model.calls;
    const judgeCalls = calls.filter((call) =>
      JSON.stringify(call.body.response_format ?? {}).includes('verdict'),
    ).length;
    return {
      'grading.model_mode.reference_calls_per_1000': calls.length - judgeCalls,
      'grading.model_mode.judge_calls_per_1000': judgeCalls,
      'grading.model_mode.distinct_prose_steps': problems.length * openings.length,
      'grading.model_mode.batch_seconds': Number(((performance.now() - started) / 1000).toFixed(2)),
    };
  } finally {
    worker.kill('SIGTERM');
    await stack.stop();
    await model.close();
  }
}

export async function benchGrading(): Promise<Record<string, number>> {
  return { ...(await casOnlyThroughput()), ...(await modelCallsPerThousand()) };
}
