// Protects the API against hostile input: thousands of random and malicious bodies, headers and
// math strings at every public endpoint get a 4xx or a 2xx, never a 5xx, a crash or a hang, and the
// API process's memory stays flat; /metrics honours its token and records no 5xx.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { signWebhook } from '../../libs/webhooks/index.js';
import { freePort } from '../chaos/support/free-port.js';
import { serviceProcess, type ServiceProcess } from '../chaos/support/service-process.js';
import { apiClient, type ApiClient } from '../support/http-client.js';
import { ADMIN_KEY, createTestEnv } from '../support/test-env.js';
import {
  assignmentBody,
  checkStepsBody,
  csvBody,
  equivalenceBody,
  jsonValue,
  junkAuthorization,
  ndjsonBody,
  rawBody,
  submissionBody,
} from './hostile-inputs.js';

const METRICS_TOKEN = 'fuzz-metrics-token-0123456789';
const REQUEST_TIMEOUT_MS = 10_000;

let api: ServiceProcess;
let baseUrl: string;
let teacher: ApiClient;
let assignmentId: string;
let integration: { id: string; inboundSecret: string };
let requestsSent = 0;
const rss: { warm?: number; end?: number } = {};

function rssMb(): number {
  const status = readFileSync(`/proc/${api.pid()}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** One request with a hard timeout: a hang fails the property like a 5xx does. */
async function send(
  method: string,
  path: string,
  options: { body?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<number> {
  requestsSent += 1;
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.contentType !== undefined && options.contentType !== '') headers['content-type'] = options.contentType;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  return response.status;
}

const teacherKey = () => (teacher as unknown as { key: string }).key;
const asTeacher = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${teacherKey()}`, ...extra });

async function expectNo5xx(run: () => Promise<number>): Promise<void> {
  const status = await run();
  if (status >= 500) throw new Error(`answered ${status}`);
}

beforeAll(async () => {
  const testEnv = await createTestEnv('fuzz', { STEPGRADE_METRICS_TOKEN: METRICS_TOKEN });
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  api = serviceProcess(
    'fuzz-api',
    'api',
    { ...testEnv.env, PORT: String(port), LOG_LEVEL: 'error' },
    mkdtempSync(join(tmpdir(), 'stepgrade-fuzz-')),
  );
  api.start();
  for (let tries = 0; ; tries += 1) {
    try {
      if ((await fetch(`${baseUrl}/health/live`)).ok) break;
    } catch {
      // still starting
    }
    if (tries > 150) throw new Error(`API did not start: ${api.crashes.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const admin = apiClient(baseUrl, ADMIN_KEY);
  const org = await admin.post('/v1/orgs', { name: 'Fuzz' });
  const key = (await admin.post('/v1/api-keys', { orgId: org.body.id, role: 'teacher', name: 'fuzz' })).body
    .key as string;
  teacher = Object.assign(apiClient(baseUrl, key), { key });
  assignmentId = (
    await teacher.post('/v1/assignments', {
      title: 'Fuzz',
      problems: [{ key: 'p1', statement: 'Compute 12 * 7 + 5.', answer: '89' }],
    })
  ).body.id;
  integration = (
    await teacher.post('/v1/integrations', {
      name: 'fuzz',
      callbackUrl: 'https://lms.example.org/hook',
      events: ['submission.graded'],
    })
  ).body;
  // Warm-up: JIT, pools and caches settle before the memory baseline is taken.
  for (let index = 0; index < 150; index += 1)
    await send('POST', '/v1/tools/equivalence', {
      body: JSON.stringify({ expected: `${index}`, given: `${index} + 0` }),
      contentType: 'application/json',
      headers: asTeacher(),
    });
  rss.warm = rssMb();
}, 60_000);

afterAll(async () => {
  console.log(`fuzz: ${requestsSent} HTTP requests; API RSS after warm-up ${rss.warm} MB, at the end ${rss.end} MB`);
  await api?.stop();
});

describe('hostile input at every public endpoint', () => {
  it('assignments and submissions: random bodies never get a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(assignmentBody, (body) =>
        expectNo5xx(() =>
          send('POST', '/v1/assignments', {
            body: JSON.stringify(body),
            contentType: 'application/json',
            headers: asTeacher(),
          }),
        ),
      ),
      { numRuns: 250 },
    );
    await fc.assert(
      fc.asyncProperty(submissionBody, (body) =>
        expectNo5xx(() =>
          send('POST', `/v1/assignments/${assignmentId}/submissions`, {
            body: JSON.stringify(body),
            contentType: 'application/json',
            headers: asTeacher(),
          }),
        ),
      ),
      { numRuns: 300 },
    );
  });

  it('JSON batches: random and broken items never get a 5xx', async () => {
    const path = `/v1/assignments/${assignmentId}/submissions/batch`;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(submissionBody, { maxLength: 5 }).map((submissions) => ({ submissions })),
          jsonValue,
        ),
        (body) =>
          expectNo5xx(() =>
            send('POST', path, { body: JSON.stringify(body), contentType: 'application/json', headers: asTeacher() }),
          ),
      ),
      { numRuns: 150 },
    );
  });

  it('CSV batches: malformed CSV (stray quotes, missing columns) never gets a 5xx', async () => {
    const path = `/v1/assignments/${assignmentId}/submissions/batch`;
    await fc.assert(
      fc.asyncProperty(csvBody, (body) =>
        expectNo5xx(() => send('POST', path, { body, contentType: 'text/csv', headers: asTeacher() })),
      ),
      { numRuns: 150 },
    );
  });

  it('NDJSON batches: broken lines never get a 5xx', async () => {
    const path = `/v1/assignments/${assignmentId}/submissions/batch`;
    await fc.assert(
      fc.asyncProperty(ndjsonBody, (body) =>
        expectNo5xx(() => send('POST', path, { body, contentType: 'application/x-ndjson', headers: asTeacher() })),
      ),
      { numRuns: 150 },
    );
  });

  it('tools: hostile math strings get an answer (200) or a 4xx, in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(equivalenceBody, (body) =>
        expectNo5xx(() =>
          send('POST', '/v1/tools/equivalence', {
            body: JSON.stringify(body),
            contentType: 'application/json',
            headers: asTeacher(),
          }),
        ),
      ),
      { numRuns: 250 },
    );
    await fc.assert(
      fc.asyncProperty(checkStepsBody, (body) =>
        expectNo5xx(() =>
          send('POST', '/v1/tools/check-steps', {
            body: JSON.stringify(body),
            contentType: 'application/json',
            headers: asTeacher(),
          }),
        ),
      ),
      { numRuns: 150 },
    );
  });

  it('inbound integration events: junk signatures and, once signed, junk events never get a 5xx', async () => {
    const path = `/v1/integrations/${integration.id}/events`;
    const junkHeaders = fc.record(
      {
        'webhook-id': fc.string({ maxLength: 40 }),
        'webhook-timestamp': fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String)),
        'webhook-signature': fc.string({ maxLength: 120 }),
      },
      { requiredKeys: [] },
    );
    const printable = (headers: Record<string, string>) =>
      Object.fromEntries(Object.entries(headers).filter(([, value]) => /^[\t\x20-\x7e]*$/.test(value)));
    await fc.assert(
      fc.asyncProperty(junkHeaders, jsonValue, (headers, body) =>
        expectNo5xx(() =>
          send('POST', path, {
            body: JSON.stringify(body),
            contentType: 'application/json',
            headers: printable(headers),
          }),
        ),
      ),
      { numRuns: 200 },
    );
    const event = fc.record(
      {
        type: fc.oneof(fc.constant('submission.created'), fc.string({ maxLength: 20 })),
        data: fc.oneof(
          submissionBody.map((data) => ({ ...data, assignmentId })),
          jsonValue,
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(event, fc.uuid(), (body, id) => {
        const raw = JSON.stringify(body);
        const signed = signWebhook({
          webhookId: `msg_${id}`,
          timestamp: Math.floor(Date.now() / 1000),
          body: raw,
          secrets: [integration.inboundSecret],
        });
        return expectNo5xx(() =>
          send('POST', path, { body: raw, contentType: 'application/json', headers: { ...signed } }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('review pages and every route with junk ids, tokens, keys and bodies never get a 5xx', async () => {
    const token = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.base64String({ maxLength: 200 }),
      fc.constant('a.b.c'),
      fc.constant(''),
    );
    const id = fc.oneof(
      fc.uuid(),
      fc.string({ maxLength: 40 }),
      fc.constant(assignmentId),
      fc.constant('..%2f..%2fetc%2fpasswd'),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('submissions', 'assignments'), id, token, (kind, resource, value) =>
        expectNo5xx(() =>
          send('GET', `/review/${kind}/${encodeURIComponent(resource)}?token=${encodeURIComponent(value)}`),
        ),
      ),
      { numRuns: 200 },
    );
    const routes = [
      '/v1/assignments',
      '/v1/assignments/:id',
      '/v1/assignments/:id/submissions',
      '/v1/submissions/:id',
      '/v1/batches/:id',
      '/v1/assignments/:id/results',
      '/v1/assignments/:id/analytics',
      '/v1/integrations',
      '/v1/integrations/:id/deliveries',
      '/v1/orgs',
      '/v1/api-keys',
      '/v1/admin/pools',
      '/v1/admin/pools/:id',
      '/v1/tools/equivalence',
      `/review/submissions/:id/override`,
      '/v1/submissions/:id/regrade',
      '/v1/submissions/:id/answers/p1/override',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.constantFrom(...routes),
        id,
        fc.oneof(junkAuthorization, fc.constant(`Bearer ${teacherKey()}`)),
        rawBody,
        fc.string({ maxLength: 30 }),
        (method, route, resource, authorization, [contentType, body], query) => {
          const path =
            route.replace(':id', encodeURIComponent(resource)) +
            `?cursor=${encodeURIComponent(query)}&limit=${encodeURIComponent(query)}`;
          const withBody = method !== 'GET' && method !== 'DELETE';
          return expectNo5xx(() =>
            send(method, path, {
              body: withBody ? body : undefined,
              contentType: withBody ? contentType : undefined,
              headers: authorization ? { authorization } : {},
            }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('/metrics needs its token when one is set, and shows the fuzzing answered no 5xx', async () => {
    expect(await send('GET', '/metrics')).toBe(401);
    expect(await send('GET', '/metrics', { headers: { authorization: 'Bearer wrong-token' } })).toBe(401);
    const response = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const counts = text.split('\n').filter((line) => line.startsWith('stepgrade_http_request_duration_seconds_count'));
    expect(counts.some((line) => line.includes('route="/v1/tools/equivalence"') && line.includes('status="200"'))).toBe(
      true,
    );
    expect(counts.filter((line) => /status="5\d\d"/.test(line))).toEqual([]);
    expect(text).toMatch(/stepgrade_queue_waiting\{queue="\{grade\}",pool="cpu"\} \d+/);
  });

  it('the API process is alive and its memory stayed flat', async () => {
    expect(api.crashes).toEqual([]);
    rss.end = rssMb();
    expect(rss.end - rss.warm!).toBeLessThan(100);
  });
});
