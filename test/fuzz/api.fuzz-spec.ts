// The API under generated hostile traffic (issue 14): at least 5,000 fast-check requests spread
// over every route the API registers, each with hostile path parameters, query, headers and body
// (control characters, unpaired surrogates, invalid UTF-8, deep nesting, oversized parts), sent to
// a running API process. None may answer 5xx, drop the connection or answer an error outside the
// contract's {"error": {code, message}} (pages for browsers and bull-board's API aside), and the
// process's memory stays bounded. Run with `npm run test:fuzz` (FUZZ_SEED=<n> replays a run, FUZZ_REQUESTS=<n>
// changes its size).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createApiApp, type RegisteredRoute, registeredRoutes } from '../../apps/api/create-api-app.js';
import { freePort } from '../chaos/support/free-port.js';
import { serviceProcess, type ServiceProcess } from '../chaos/support/service-process.js';
import { apiClient } from '../support/http-client.js';
import { ADMIN_KEY, createTestEnv } from '../support/test-env.js';
import { type FuzzRequest, type FuzzTargets, requestsFor } from './fuzz-requests.js';

const TOTAL_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 6_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const CONCURRENCY = 8;
const BODY_LIMIT_MB = 1;
const REQUEST_TIMEOUT_MS = 20_000;
const MAX_RSS_GROWTH_MB = 150;
// The queue dashboard is mounted at run time by bull-board, which Jest's loader cannot import.
const DASHBOARD_ROUTES: RegisteredRoute[] = [
  { method: 'GET', url: '/admin/queues' },
  { method: 'GET', url: '/admin/queues/api/queues' },
];

let api: ServiceProcess;
let baseUrl: string;
let routes: RegisteredRoute[];
let targets: FuzzTargets;
const rssMb: { warm?: number; end?: number } = {};

function readRssMb(): number {
  const status = readFileSync(`/proc/${api.pid()}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

type Outcome = { status: number; text?: string } | Error;

// Pages and files for browsers (review pages and their assets) and bull-board's own API behind the
// queue dashboard (its UI reads that shape) answer errors in their own forms.
const OWN_ERROR_FORMS = /^\/(review|admin\/queues)(\/|\?|$)/;

/** An error answer to the JSON API that is not the contract's {"error": {code, message}}. */
function offContract(path: string, status: number, type: string, text: string): boolean {
  if (status < 400 || OWN_ERROR_FORMS.test(path)) return false;
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    return typeof error?.code !== 'string' || typeof error.message !== 'string';
  } catch {
    return true;
  }
}

/** The status, and for a 5xx or an error off the contract the start of the answer. */
async function send(request: FuzzRequest): Promise<Outcome> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const failed = response.status >= 500 || offContract(request.path, response.status, type, text);
  return failed ? { status: response.status, text: `${type} ${text.slice(0, 300)}` } : { status: response.status };
}

/** A failed request, replayable: method, path, headers and the start of the body. */
function describeFailure(request: FuzzRequest, outcome: Outcome): string {
  const answer = outcome instanceof Error ? `no answer (${outcome.message})` : `${outcome.status} ${outcome.text}`;
  const body = request.body === undefined ? '' : JSON.stringify(String(request.body).slice(0, 300));
  return `${request.method} ${request.path.slice(0, 1_000)} headers=${JSON.stringify(request.headers)} body=${body} → ${answer}`;
}

/** Every route's requests, interleaved, sent CONCURRENCY at a time. */
async function sendAll(requests: FuzzRequest[], onResult: (request: FuzzRequest, outcome: Outcome) => void) {
  let next = 0;
  const lanes = Array.from({ length: CONCURRENCY }, async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      onResult(request, await send(request).catch((error: Error) => error));
    }
  });
  await Promise.all(lanes);
}

async function setUpTargets(): Promise<FuzzTargets> {
  const admin = apiClient(baseUrl, ADMIN_KEY);
  const orgId = (await admin.post('/v1/orgs', { name: 'Fuzz org' })).body.id as string;
  const keyOf = async (role: string) =>
    (await admin.post('/v1/api-keys', { orgId, role, name: `fuzz ${role}` })).body.key as string;
  const keys = { teacher: await keyOf('teacher'), admin: ADMIN_KEY, integration: await keyOf('integration') };
  const teacher = apiClient(baseUrl, keys.teacher);
  const assignment = await teacher.post('/v1/assignments', {
    title: 'Fuzz',
    problems: [{ key: 'p1', statement: 'Compute 12 * 7 + 5.', answer: '89' }],
  });
  const submission = (
    await teacher.post(`/v1/assignments/${assignment.body.id}/submissions`, {
      studentId: 's-1',
      answers: [{ problemKey: 'p1', steps: ['12 * 7 = 84', '84 + 5 = 89'] }],
    })
  ).body.id as string;
  const batch = await teacher.post(`/v1/assignments/${assignment.body.id}/submissions/batch`, {
    submissions: [{ studentId: 's-2', answers: [{ problemKey: 'p1', text: '89' }] }],
  });
  const integration = await teacher.post('/v1/integrations', {
    name: 'fuzz',
    callbackUrl: 'https://lms.example.org/hook',
    events: ['submission.graded'],
  });
  const link = await teacher.post(`/v1/submissions/${submission}/review-link`, { canOverride: true });
  const ids = [assignment.body.id, submission, batch.body.batchId, integration.body.id];
  if (ids.some((id) => typeof id !== 'string')) throw new Error(`fuzz setup failed: ${JSON.stringify(ids)}`);
  return {
    keys,
    ids: {
      id: ids,
      problemKey: ['p1'],
      key: ['p1'],
      name: ['cpu', 'gpu', 'edge'],
      file: ['KaTeX_Main-Regular.woff2'],
      token: [new URL(link.body.url).searchParams.get('token')!],
    },
    inboundSecret: integration.body.inboundSecret,
    bodyLimitBytes: BODY_LIMIT_MB * 1024 * 1024,
  };
}

beforeAll(async () => {
  const testEnv = await createTestEnv('fuzz_api', {
    STEPGRADE_JSON_BODY_LIMIT_MB: String(BODY_LIMIT_MB),
    STEPGRADE_STREAM_BODY_LIMIT_MB: String(2 * BODY_LIMIT_MB),
    LOG_LEVEL: 'error',
  });
  // The route table comes from the app itself, so a new route is fuzzed without editing this file.
  const inProcess = await createApiApp(testEnv.config, { logger: false });
  routes = [...registeredRoutes(inProcess), ...DASHBOARD_ROUTES];
  await inProcess.close();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  api = serviceProcess(
    'fuzz-api',
    'api',
    { ...testEnv.env, PORT: String(port) },
    mkdtempSync(join(tmpdir(), 'sg-fuzz-')),
  );
  api.start();
  for (
    let tries = 0;
    !(await fetch(`${baseUrl}/health/live`).then(
      (r) => r.ok,
      () => false,
    ));
    tries += 1
  ) {
    if (tries > 150) throw new Error(`API did not start: ${api.crashes.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  targets = await setUpTargets();
  // Warm-up with ordinary traffic: JIT, pools and caches settle before the memory baseline.
  const teacher = apiClient(baseUrl, targets.keys.teacher);
  for (let index = 0; index < 100; index += 1) await teacher.get('/v1/assignments');
  rssMb.warm = readRssMb();
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('generated hostile requests against a running API', () => {
  it(`answers ${TOTAL_REQUESTS} requests over every route with no 5xx, every error in the contract's shape and bounded memory`, async () => {
    const perRoute = Math.ceil(TOTAL_REQUESTS / routes.length);
    const byRoute = routes.map((route, index) =>
      fc.sample(requestsFor(route, targets), { numRuns: perRoute, seed: SEED + index }),
    );
    // Interleaved, so no one route's requests run back to back.
    const requests = Array.from({ length: perRoute }, (_, run) => byRoute.map((samples) => samples[run]!)).flat();
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    const startedAt = Date.now();
    await sendAll(requests, (request, outcome) => {
      const label = outcome instanceof Error ? 'no answer' : String(outcome.status);
      statuses.set(label, (statuses.get(label) ?? 0) + 1);
      if (outcome instanceof Error || outcome.text !== undefined) failures.push(describeFailure(request, outcome));
    });
    const seconds = (Date.now() - startedAt) / 1000;
    rssMb.end = readRssMb();
    const histogram = Object.fromEntries([...statuses].sort(([left], [right]) => left.localeCompare(right)));
    console.log(
      `fuzz: ${requests.length} requests over ${routes.length} routes in ${seconds.toFixed(1)} s (seed ${SEED}); ` +
        `statuses ${JSON.stringify(histogram)}; API RSS ${rssMb.warm} MB after warm-up, ${rssMb.end} MB at the end`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(Math.min(5_000, TOTAL_REQUESTS));
    expect(api.crashes).toEqual([]);
    expect((await fetch(`${baseUrl}/health/live`)).status).toBe(200);
    expect(rssMb.end - rssMb.warm!).toBeLessThan(MAX_RSS_GROWTH_MB);
  }, 600_000);
});
