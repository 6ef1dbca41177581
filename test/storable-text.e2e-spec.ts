// Protects every text input against what Postgres cannot store (issue 14): a NUL or an unpaired
// surrogate in any body field, object key, query or path parameter is a 422 naming the field, on
// every route (one rule, storable-text.ts), and in a batch only that row is rejected, by index.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bakeryAssignment, correctWork, submission } from './fixtures.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';

let stack: RunningStack;
let teacher: ApiClient;
let orgId: string;
let assignmentId: string;
let submissionId: string;
let integrationId: string;

const NUL = '\u0000';
const LONE_HIGH = '\uD83D';
const LONE_LOW = '\uDE00';

function expectFieldRefused(response: { status: number; body: any }, field: string) {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({
    status: 422,
    code: 'invalid_content',
  });
  expect(response.body.error.message).toContain(field);
  expect(response.body.error.message).toContain('must not contain NUL characters or unpaired surrogates');
}

beforeAll(async () => {
  stack = await startStack('storable_text', { worker: false });
  const org = await createOrgWithKeys(stack, 'Text org');
  teacher = org.teacher;
  orgId = org.orgId;
  assignmentId = (await teacher.post('/v1/assignments', bakeryAssignment)).body.id;
  submissionId = (await teacher.post(`/v1/assignments/${assignmentId}/submissions`, submission('s-text', correctWork)))
    .body.id;
  integrationId = (
    await teacher.post('/v1/integrations', {
      name: 'LMS',
      callbackUrl: 'https://lms.example.org/hook',
      events: ['submission.graded'],
    })
  ).body.id;
  expect([assignmentId, submissionId, integrationId].every(Boolean)).toBe(true);
});

afterAll(async () => {
  await stack?.stop();
});

describe('bodies', () => {
  const problem = bakeryAssignment.problems[0]!;
  it.each([
    [
      'assignment title',
      () => ['POST', '/v1/assignments', { ...bakeryAssignment, externalId: null, title: `T${NUL}` }],
      'title',
    ],
    [
      'problem statement',
      () => [
        'POST',
        '/v1/assignments',
        { ...bakeryAssignment, externalId: null, problems: [{ ...problem, statement: `x${LONE_HIGH}` }] },
      ],
      'problems.0.statement',
    ],
    [
      'a definitions key',
      () => [
        'POST',
        '/v1/assignments',
        { ...bakeryAssignment, externalId: null, problems: [{ ...problem, definitions: { [`k${NUL}`]: '1' } }] },
      ],
      `problems.0.definitions.k${NUL}`,
    ],
    ['assignment PATCH title', () => ['PATCH', `/v1/assignments/${assignmentId}`, { title: `a${LONE_LOW}` }], 'title'],
    [
      'integration name',
      () => ['POST', '/v1/integrations', { name: `n${NUL}`, callbackUrl: 'https://lms.example.org/h', events: [] }],
      'name',
    ],
    [
      'integration PATCH callbackUrl',
      () => ['PATCH', `/v1/integrations/${integrationId}`, { callbackUrl: `https://x${NUL}` }],
      'callbackUrl',
    ],
    [
      'override comment',
      () => ['PUT', `/v1/submissions/${submissionId}/answers/bakery/override`, { score: 1, comment: `c${NUL}` }],
      'comment',
    ],
    ['tool input', () => ['POST', '/v1/tools/equivalence', { expected: '1', given: `1${NUL}` }], 'given'],
    [
      'a submission step',
      () => ['POST', `/v1/assignments/${assignmentId}/submissions`, submission(`s${NUL}`, correctWork)],
      'studentId',
    ],
  ] as const)('%s', async (_label, build, field) => {
    const [method, path, body] = build() as [string, string, unknown];
    expectFieldRefused(await teacher.request(method, path, body), field);
  });

  it('org and key names (admin)', async () => {
    expectFieldRefused(await stack.admin.post('/v1/orgs', { name: `o${LONE_HIGH}` }), 'name');
    expectFieldRefused(await stack.admin.post('/v1/api-keys', { orgId, role: 'teacher', name: `k${NUL}` }), 'name');
  });
});

describe('query and path parameters', () => {
  it.each([
    [
      '?studentId=',
      () => `/v1/assignments/${assignmentId}/submissions?studentId=${encodeURIComponent(`s${NUL}`)}`,
      'query parameter studentId',
    ],
    [
      '?cursor= (submissions)',
      () => `/v1/assignments/${assignmentId}/submissions?cursor=%00`,
      'query parameter cursor',
    ],
    ['?cursor= (assignments)', () => '/v1/assignments?cursor=a%00', 'query parameter cursor'],
    ['?cursor= (results)', () => `/v1/assignments/${assignmentId}/results?cursor=%00`, 'query parameter cursor'],
    ['a path id', () => '/v1/submissions/x%00y', 'path parameter id'],
  ])('%s', async (_label, path, field) => {
    expectFieldRefused(await teacher.get(path()), field);
  });

  it('a query parameter that is not UTF-8 (an encoded lone surrogate) is never a 5xx', async () => {
    const response = await teacher.get(`/v1/assignments/${assignmentId}/submissions?studentId=%ED%A0%BD`);
    expect(response.status).toBeLessThan(500);
  });
});

describe('batches reject only the bad row, by index', () => {
  it('JSON', async () => {
    const response = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, {
      submissions: [
        submission('b-1', correctWork),
        submission(`b${NUL}2`, correctWork),
        { ...submission('b-3', correctWork), answers: [{ problemKey: 'bakery', steps: [`x${LONE_HIGH}`] }] },
        submission('b-4', correctWork),
      ],
    });
    expect(response.status).toBe(202);
    expect(response.body.accepted).toBe(2);
    expect(response.body.rejected.map((entry: { index: number }) => entry.index)).toEqual([1, 2]);
    expect(response.body.rejected[0].error.message).toMatch(/^studentId: must not contain NUL/);
    expect(response.body.rejected[1].error.message).toMatch(/^answers\.0\.steps\.0: must not contain NUL/);
  });

  it('CSV and NDJSON', async () => {
    const csv = [
      'studentId,problemKey,text',
      `c-1,bakery,${correctWork.join(' ')}`,
      `c${NUL}2,bakery,1`,
      `c-3,bakery,${NUL}`,
    ].join('\n');
    const fromCsv = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, undefined, {
      raw: csv,
      contentType: 'text/csv',
    });
    expect(fromCsv.status).toBe(202);
    expect(fromCsv.body.accepted).toBe(1);
    expect(fromCsv.body.rejected.map((entry: { index: number }) => entry.index)).toEqual([1, 2]);
    const ndjson = [submission('n-1', correctWork), submission(`n${LONE_LOW}`, correctWork)]
      .map((item) => JSON.stringify(item))
      .join('\n');
    const fromNdjson = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, undefined, {
      raw: ndjson,
      contentType: 'application/x-ndjson',
    });
    expect(fromNdjson.status).toBe(202);
    expect(fromNdjson.body.rejected.map((entry: { index: number }) => entry.index)).toEqual([1]);
  });
});

describe('what stays allowed', () => {
  it('emoji (paired surrogates) and other control characters are stored as sent', async () => {
    const created = await teacher.post('/v1/assignments', {
      ...bakeryAssignment,
      externalId: null,
      title: 'Ünïcødé 😀 \t tab',
    });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe('Ünïcødé 😀 \t tab');
  });

  it('a caller without a key still gets 401 first', async () => {
    expect((await teacher.post('/v1/assignments', { title: NUL }, { key: null })).status).toBe(401);
  });
});
