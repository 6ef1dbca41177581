import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gradeSubmission, type ProblemForGrading } from '../libs/grading/grade-submission.js';
import { startFakeOpenAiServer } from '../libs/inference/testing/fake-openai-server.js';
import { BENCH_ADMIN_KEY, type BenchStack, post, startBenchApi } from './bench-stack.js';
import { readCpuTimes, startCpuWindow } from './machine-cpu.js';
import { cpuSeconds, sampleRss } from './process-memory.js';

// Grading throughput on one data set (examples/: 2 problems, 10 steps per submission):
// - the in-process rate: gradeSubmission (checkSteps per problem) in a loop, no I/O;
// - end to end with one cpu worker process and with two: from the first accept to
//   batch.completed, CAS only; and their ratios; with the cores busy machine-wide during each run
//   (API, workers, Postgres, Redis and the bench together) and the bench process's own cores, which
//   say whether a second worker had a free core to use;
// - a large batch (20,000; 100,000 with --full or STEPGRADE_BENCH_FULL=1): wall time and the peak
//   RSS of the worker and of the API, sampled every 250 ms;
// - the model calls a 1,000-submission batch costs when problems have no key and prose steps are judged.

const WORKER_ENTRY = fileURLToPath(new URL('../apps/worker/main.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const PER_REQUEST = 10_000;
const END_TO_END = 5_000;
const FULL = process.argv.includes('--full') || process.env.STEPGRADE_BENCH_FULL === '1';
const LARGE = FULL ? 100_000 : 20_000;

type Submission = { studentId: string; externalId?: string; answers: { problemKey: string; steps: string[] }[] };

function startWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [WORKER_ENTRY], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function exampleSubmissions(): Submission[] {
  return readFileSync(`${EXAMPLES}submissions-1000.ndjson`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Submission);
}

/** `count` submissions cycling through the examples, each its own student (no externalId). */
function submissionsOf(count: number, tag: string): Submission[] {
  const examples = exampleSubmissions();
  return Array.from({ length: count }, (_, index) => ({
    studentId: `${tag}-${index}`,
    answers: examples[index % examples.length]!.answers,
  }));
}

async function batchDone(baseUrl: string, key: string, batchId: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/v1/batches/${batchId}`, { headers: { authorization: `Bearer ${key}` } });
  return ((await response.json()) as { status: string }).status === 'completed';
}

async function waitForBatches(baseUrl: string, key: string, batchIds: string[]): Promise<void> {
  const open = new Set(batchIds);
  while (open.size > 0) {
    for (const batchId of [...open]) if (await batchDone(baseUrl, key, batchId)) open.delete(batchId);
    if (open.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function teacherKey(baseUrl: string): Promise<string> {
  const org = await post(baseUrl, '/v1/orgs', BENCH_ADMIN_KEY, { name: 'bench' });
  return (await post(baseUrl, '/v1/api-keys', BENCH_ADMIN_KEY, { orgId: org.id, role: 'teacher', name: 'bench' })).key;
}

/** Posts the submissions (10,000 per request) and waits for every batch; seconds from the first accept. */
async function gradeAll(stack: BenchStack, key: string, assignmentId: string, submissions: Submission[]) {
  const started = performance.now();
  const batchIds: string[] = [];
  for (let from = 0; from < submissions.length; from += PER_REQUEST) {
    const body = { submissions: submissions.slice(from, from + PER_REQUEST) };
    batchIds.push((await post(stack.baseUrl, `/v1/assignments/${assignmentId}/submissions/batch`, key, body)).batchId);
  }
  await waitForBatches(stack.baseUrl, key, batchIds);
  return (performance.now() - started) / 1000;
}

interface GradingStack {
  stack: BenchStack;
  workers: ChildProcess[];
  key: string;
  assignment: { id: string; problems: ProblemForGrading[] };
}

/** An API, `workers` cpu worker processes and the example assignment, warmed up on a small batch. */
async function startGradingStack(name: string, port: number, workers: number): Promise<GradingStack> {
  const stack = await startBenchApi(name, port);
  const children = Array.from({ length: workers }, () => startWorker({ ...stack.env, WORKER_POOL: 'cpu' }));
  const key = await teacherKey(stack.baseUrl);
  const body = JSON.parse(readFileSync(`${EXAMPLES}assignment.json`, 'utf8')) as object;
  const assignment = await post(stack.baseUrl, '/v1/assignments', key, { ...body, externalId: undefined });
  await gradeAll(stack, key, assignment.id, submissionsOf(200 * workers, 'warmup'));
  return { stack, workers: children, key, assignment };
}

async function stopGradingStack({ stack, workers }: GradingStack): Promise<void> {
  for (const worker of workers) worker.kill('SIGTERM');
  await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve))));
  await stack.stop();
}

/** The checker alone on the same problems (as stored by the API) and submissions, in this process. */
function inProcessRate(problems: ProblemForGrading[]): { rate: number; cpuSPerThousand: number } {
  const submissions = exampleSubmissions();
  for (const submission of submissions.slice(0, 100)) gradeSubmission(problems, submission.answers);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const rounds = 3;
  for (let round = 0; round < rounds; round++)
    for (const submission of submissions) gradeSubmission(problems, submission.answers);
  const cpu = process.cpuUsage(cpuBefore);
  const graded = rounds * submissions.length;
  return {
    rate: graded / ((performance.now() - started) / 1000),
    cpuSPerThousand: Number((((cpu.user + cpu.system) / 1e6) * (1000 / graded)).toFixed(2)),
  };
}

/**
 * One end-to-end run; besides the rate, the CPU the worker processes (grading threads included) and
 * the API used per 1,000 submissions: a figure a busy machine skews much less than a rate; and the
 * cores busy machine-wide and in this process over the run.
 */
async function endToEndRate(workers: number, port: number) {
  const grading = await startGradingStack(`grading_w${workers}`, port, workers);
  const pids = { api: grading.stack.pid, workers: grading.workers.map((worker) => worker.pid!) };
  const cpu = () => ({
    api: cpuSeconds(pids.api),
    workers: pids.workers.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
  });
  try {
    // The checker alone, on the same problems, just before this run (on a shared machine the load moves).
    const inProcess = inProcessRate(grading.assignment.problems);
    const before = cpu();
    const window = startCpuWindow();
    const seconds = await gradeAll(grading.stack, grading.key, grading.assignment.id, submissionsOf(END_TO_END, 'e2e'));
    const cores = window.stop();
    const after = cpu();
    const perThousand = (used: number) => Number(((used * 1000) / END_TO_END).toFixed(2));
    return {
      rate: END_TO_END / seconds,
      inProcess,
      workerCpuSPerThousand: perThousand(after.workers - before.workers),
      apiCpuSPerThousand: perThousand(after.api - before.api),
      cores,
    };
  } finally {
    await stopGradingStack(grading);
  }
}

async function largeBatch(port: number): Promise<Record<string, number>> {
  const grading = await startGradingStack('grading_large', port, 1);
  const memory = sampleRss({ api: grading.stack.pid, worker: grading.workers[0]!.pid! });
  try {
    const seconds = await gradeAll(grading.stack, grading.key, grading.assignment.id, submissionsOf(LARGE, 'large'));
    const { peaks, samples } = memory.stop();
    // Flat memory: the peak of the last third of the run against the peak of the first third.
    const third = (name: string, part: number) => {
      const all = samples[name]!;
      const size = Math.max(1, Math.floor(all.length / 3));
      return Math.max(...all.slice(part * size, (part + 1) * size));
    };
    return {
      [`grading.large.submissions`]: LARGE,
      [`grading.large.wall_seconds`]: Number(seconds.toFixed(1)),
      [`grading.large.submissions_per_s`]: Math.round(LARGE / seconds),
      [`grading.large.peak_worker_rss_mb`]: peaks.worker!,
      [`grading.large.peak_api_rss_mb`]: peaks.api!,
      [`grading.large.worker_rss_first_third_peak_mb`]: third('worker', 0),
      [`grading.large.worker_rss_last_third_peak_mb`]: third('worker', 2),
      [`grading.large.api_rss_first_third_peak_mb`]: third('api', 0),
      [`grading.large.api_rss_last_third_peak_mb`]: third('api', 2),
    };
  } finally {
    memory.stop();
    await stopGradingStack(grading);
  }
}

/** Cores to two places; NaN where the machine cannot tell (no /proc/stat), printed as n/a. */
const coresFigure = (cores: number | null) => (cores === null ? NaN : Number(cores.toFixed(2)));

async function casOnlyThroughput(): Promise<Record<string, number>> {
  const one = await endToEndRate(1, 3918);
  const two = await endToEndRate(2, 3920);
  // The ratios use the mean of the checker's rate measured just before each run.
  const inProcess = (one.inProcess.rate + two.inProcess.rate) / 2;
  return {
    'grading.in_process.submissions_per_s': Math.round(inProcess),
    'grading.in_process.before_one_worker_run': Math.round(one.inProcess.rate),
    'grading.in_process.before_two_worker_run': Math.round(two.inProcess.rate),
    'grading.in_process.cpu_s_per_1000': one.inProcess.cpuSPerThousand,
    'grading.end_to_end.one_worker.submissions_per_s': Math.round(one.rate),
    'grading.end_to_end.two_workers.submissions_per_s': Math.round(two.rate),
    'grading.ratio.one_worker_to_in_process': Number((one.rate / inProcess).toFixed(3)),
    'grading.ratio.two_workers_to_one': Number((two.rate / one.rate).toFixed(3)),
    'grading.end_to_end.one_worker.worker_cpu_s_per_1000': one.workerCpuSPerThousand,
    'grading.end_to_end.one_worker.api_cpu_s_per_1000': one.apiCpuSPerThousand,
    'grading.end_to_end.two_workers.worker_cpu_s_per_1000': two.workerCpuSPerThousand,
    'grading.machine.cpus': readCpuTimes()?.cpus ?? NaN,
    'grading.end_to_end.one_worker.machine_busy_cores': coresFigure(one.cores.machineBusyCores),
    'grading.end_to_end.one_worker.bench_process_cores': coresFigure(one.cores.processCores),
    'grading.end_to_end.two_workers.machine_busy_cores': coresFigure(two.cores.machineBusyCores),
    'grading.end_to_end.two_workers.bench_process_cores': coresFigure(two.cores.processCores),
    'grading.steps_per_submission': 10,
    'grading.end_to_end.batch_size': END_TO_END,
  };
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
    await waitForBatches(stack.baseUrl, key, [batch.batchId]);
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

/**
 * Each part's figures are printed as soon as it is done (the whole run takes minutes). A figure
 * the machine cannot give (NaN) is printed n/a and left out of what is returned, so the summary
 * table holds numbers only.
 */
async function part(name: string, run: () => Promise<Record<string, number>>): Promise<Record<string, number>> {
  const figures = await run();
  console.error(
    `-- grading: ${name} done\n${Object.entries(figures)
      .map(([key, value]) => `   ${key} ${Number.isNaN(value) ? 'n/a' : value}`)
      .join('\n')}`,
  );
  return Object.fromEntries(Object.entries(figures).filter(([, value]) => !Number.isNaN(value)));
}

export async function benchGrading(): Promise<Record<string, number>> {
  return {
    ...(await part('throughput', casOnlyThroughput)),
    ...(await part('large batch', () => largeBatch(3921))),
    ...(await part('model calls', modelCallsPerThousand)),
  };
}
