// Protects inbound LMS events against a red-team pass (issue 14): one submission per webhook-id
// under any concurrency, a disabled integration refuses signed events and records nothing, and an
// unknown integration id cannot be told from a bad signature.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { signWebhook } from '../libs/webhooks/index.js';
import { bakeryAssignment, correctWork } from './fixtures.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';

let stack: RunningStack;
let db: pg.Pool;
let teacher: ApiClient;
let integration: { id: string; inboundSecret: string };

function signedEvent(event: unknown, webhookId: string, options: { integrationId?: string; secret?: string } = {}) {
  const body = JSON.stringify(event);
  const headers = signWebhook({
    webhookId,
    timestamp: Math.floor(Date.now() / 1000),
    body,
    secrets: [options.secret ?? integration.inboundSecret],
  });
  return fetch(`${stack.baseUrl}/v1/integrations/${options.integrationId ?? integration.id}/events`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  }).then(async (response) => ({ status: response.status, text: await response.text() }));
}

// No externalId: only the webhook-id can make a redelivery a duplicate.
const created = (studentId: string) => ({
  type: 'submission.created',
  data: {
    assignmentExternalId: bakeryAssignment.externalId,
    studentId,
    answers: [{ problemKey: 'bakery', steps: correctWork }],
  },
});

async function countRows(sql: string, value: string): Promise<number> {
  return (await db.query<{ n: number }>(sql, [value])).rows[0]!.n;
}
const submissionsOf = (studentId: string) =>
  countRows('SELECT count(*)::int AS n FROM submissions WHERE student_id = $1', studentId);
const inboundRows = (webhookId: string) =>
  countRows('SELECT count(*)::int AS n FROM inbound_events WHERE webhook_id = $1', webhookId);

beforeAll(async () => {
  stack = await startStack('inbound_hardening', { worker: false });
  db = new pg.Pool({ connectionString: stack.testEnv.databaseUrl, max: 2 });
  teacher = (await createOrgWithKeys(stack, 'Inbound org')).teacher;
  expect((await teacher.post('/v1/assignments', bakeryAssignment)).status).toBe(201);
  const response = await teacher.post('/v1/integrations', {
    name: 'LMS',
    callbackUrl: 'https://lms.example.org/hook',
    events: ['submission.graded'],
  });
  expect(response.status).toBe(201);
  integration = response.body;
});

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('one submission per webhook-id', () => {
  it('20 concurrent identical signed events create exactly one submission', async () => {
    const event = created('concurrent-student');
    const responses = await Promise.all(Array.from({ length: 20 }, () => signedEvent(event, 'msg_concurrent')));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(19).fill(200), 202]);
    expect(await submissionsOf('concurrent-student')).toBe(1);
    expect(await inboundRows('msg_concurrent')).toBe(1);
    const accepted = JSON.parse(responses.find((response) => response.status === 202)!.text);
    for (const response of responses.filter((candidate) => candidate.status === 200))
      expect(JSON.parse(response.text)).toEqual({
        status: 'duplicate',
        webhookId: 'msg_concurrent',
        submissionId: accepted.submission.id,
      });
  });

  it('concurrent deliveries of an ignored event type are recorded once', async () => {
    const event = { type: 'course.archived', data: {} };
    const responses = await Promise.all(Array.from({ length: 10 }, () => signedEvent(event, 'msg_ignored_many')));
    expect(responses.map((response) => response.status).sort()).toEqual([...Array(9).fill(200), 202]);
    expect(await inboundRows('msg_ignored_many')).toBe(1);
  });
});

describe('a disabled integration', () => {
  it('refuses signed events with 403 and records nothing, then accepts them once enabled again', async () => {
    expect((await teacher.request('PATCH', `/v1/integrations/${integration.id}`, { enabled: false })).status).toBe(200);
    const refused = await signedEvent(created('disabled-student'), 'msg_while_disabled');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error.code).toBe('integration_disabled');
    const ignoredType = await signedEvent({ type: 'course.archived', data: {} }, 'msg_disabled_other');
    expect(ignoredType.status).toBe(403);
    expect(await submissionsOf('disabled-student')).toBe(0);
    expect(await inboundRows('msg_while_disabled')).toBe(0);
    expect(await inboundRows('msg_disabled_other')).toBe(0);
    expect((await teacher.request('PATCH', `/v1/integrations/${integration.id}`, { enabled: true })).status).toBe(200);
    expect((await signedEvent(created('disabled-student'), 'msg_while_disabled')).status).toBe(202);
  });
});

describe('refusals reveal nothing', () => {
  it('an unknown integration id and a bad signature get the identical 401', async () => {
    const event = created('probe-student');
    const unknown = await signedEvent(event, 'msg_probe', { integrationId: '00000000-0000-7000-8000-000000000000' });
    const badSignature = await signedEvent(event, 'msg_probe', {
      secret: `whsec_${Buffer.alloc(32, 9).toString('base64')}`,
    });
    const notAnId = await signedEvent(event, 'msg_probe', { integrationId: 'not-an-id' });
    const unsigned = await fetch(`${stack.baseUrl}/v1/integrations/${integration.id}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    }).then(async (response) => ({ status: response.status, text: await response.text() }));
    expect(unknown.status).toBe(401);
    for (const response of [badSignature, notAnId, unsigned]) expect(response).toEqual(unknown);
    expect(JSON.parse(unknown.text)).toEqual({
      error: { code: 'invalid_signature', message: 'unknown integration or bad signature' },
    });
  });
});
