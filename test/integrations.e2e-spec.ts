// Protects the integration contract: secrets shown once and rotated with an overlap, SSRF-unsafe
// callback URLs refused, tenants and integration keys kept to their own integrations, and inbound
// LMS webhooks accepted only with a valid, fresh, unreplayed Standard Webhooks signature.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { signWebhook } from '../libs/webhooks/index.js';
import { bakeryAssignment, correctWork } from './fixtures.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

let stack: RunningStack;
let db: pg.Pool;
let teacher: ApiClient;
let integrationKey: ApiClient;
let otherTeacher: ApiClient;
let assignmentId: string;
let integration: { id: string; signingSecret: string; inboundSecret: string };

const now = () => Math.floor(Date.now() / 1000);

function sendEvent(
  event: unknown,
  options: {
    secrets?: string[];
    webhookId?: string;
    timestamp?: number;
    tamper?: (body: string) => string;
    integrationId?: string;
  } = {},
) {
  const body = JSON.stringify(event);
  const headers = signWebhook({
    webhookId: options.webhookId ?? `msg_${Math.random().toString(36).slice(2)}`,
    timestamp: options.timestamp ?? now(),
    body,
    secrets: options.secrets ?? [integration.inboundSecret],
  });
  return fetch(`${stack.baseUrl}/v1/integrations/${options.integrationId ?? integration.id}/events`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: options.tamper ? options.tamper(body) : body,
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));
}

const created = (studentId: string, externalId: string) => ({
  type: 'submission.created',
  data: {
    assignmentExternalId: bakeryAssignment.externalId,
    studentId,
    externalId,
    answers: [{ problemKey: 'bakery', steps: correctWork }],
  },
});

beforeAll(async () => {
  stack = await startStack('integrations', { env: { STEPGRADE_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' } });
  db = new pg.Pool({ connectionString: stack.testEnv.databaseUrl, max: 2 });
  const orgA = await createOrgWithKeys(stack, 'Org A');
  const orgB = await createOrgWithKeys(stack, 'Org B');
  teacher = orgA.teacher;
  integrationKey = orgA.integration;
  otherTeacher = orgB.teacher;
  assignmentId = (await teacher.post('/v1/assignments', bakeryAssignment)).body.id;
  const response = await teacher.post('/v1/integrations', {
    name: 'Canvas',
    callbackUrl: 'http://127.0.0.1:9/hook',
    events: ['submission.graded'],
  });
  expect(response.status).toBe(201);
  integration = response.body;
});

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('integration management', () => {
  it('shows secrets once, in the Standard Webhooks form, and stores them encrypted', async () => {
    expect(integration.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(integration.inboundSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(integration.signingSecret).not.toBe(integration.inboundSecret);
    const shown = await teacher.get(`/v1/integrations/${integration.id}`);
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body)).not.toContain('whsec_');
    const stored = await db.query('SELECT signing_secret, inbound_secret FROM integrations WHERE id = $1', [
      integration.id,
    ]);
    const dump = JSON.stringify(stored.rows[0]);
    expect(dump).not.toContain(integration.signingSecret.slice(6));
    expect(dump).not.toContain(integration.inboundSecret.slice(6));
  });

  it.each([
    'http://169.254.169.254/latest',
    'http://[::1]/hook',
    'http://10.0.0.5/hook',
    'http://localhost/hook',
    'ftp://lms.example.com/hook',
  ])('refuses the callback URL %s', async (callbackUrl) => {
    const response = await teacher.post('/v1/integrations', { name: 'bad', callbackUrl });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('unsafe_callback_url');
  });

  it('refuses an unsafe callback URL on PATCH too, and applies a safe change', async () => {
    const refused = await teacher.request('PATCH', `/v1/integrations/${integration.id}`, {
      callbackUrl: 'http://192.168.1.1/x',
    });
    expect(refused.status).toBe(422);
    const changed = await teacher.request('PATCH', `/v1/integrations/${integration.id}`, {
      events: ['submission.graded', 'batch.completed'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.events).toEqual(['submission.graded', 'batch.completed']);
  });

  it('answers 404 to other tenants on every integration route and 403 to integration keys on writes', async () => {
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/v1/integrations/${integration.id}`],
      ['PATCH', `/v1/integrations/${integration.id}`, { enabled: false }],
      ['POST', `/v1/integrations/${integration.id}/rotate-secrets`],
      ['GET', `/v1/integrations/${integration.id}/deliveries`],
    ];
    for (const [method, path, body] of routes) {
      const response = await otherTeacher.request(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, 404]);
    }
    expect((await otherTeacher.get('/v1/integrations')).body.items).toEqual([]);
    const write = await integrationKey.request('PATCH', `/v1/integrations/${integration.id}`, { enabled: false });
    expect(write.status).toBe(403);
    // An integration key bound to no integration sees none (it may read only its own).
    expect((await integrationKey.get(`/v1/integrations/${integration.id}`)).status).toBe(404);
    expect((await integrationKey.get('/v1/integrations')).body.items).toEqual([]);
    expect((await otherTeacher.post(`/v1/deliveries/${integration.id}/redeliver`)).status).toBe(404);
  });

  it('lets an integration key bound to the integration read it and its deliveries', async () => {
    const keyId = (await stack.admin.get('/v1/api-keys?limit=500')).body.items.find(
      (key: { name: string }) => key.name === 'Org A lms',
    ).id;
    await db.query('UPDATE api_keys SET integration_id = $1 WHERE id = $2', [integration.id, keyId]);
    // A fresh process-level cache entry is not needed: the binding is read per request.
    expect((await integrationKey.get(`/v1/integrations/${integration.id}`)).status).toBe(200);
    expect((await integrationKey.get(`/v1/integrations/${integration.id}/deliveries`)).status).toBe(200);
    expect((await integrationKey.get('/v1/integrations')).body.items.map((item: { id: string }) => item.id)).toEqual([
      integration.id,
    ]);
  });
});

describe('inbound events', () => {
  it('turns a signed submission.created into a graded submission, once per webhook-id', async () => {
    const event = created('lms-student-1', 'lms-sub-in-1');
    const first = await sendEvent(event, { webhookId: 'msg_inbound_1' });
    expect(first.status).toBe(202);
    expect(first.body.submission).toMatchObject({ id: expect.any(String), status: 'queued' });
    const replay = await sendEvent(event, { webhookId: 'msg_inbound_1' });
    expect(replay.status).toBe(200);
    expect(replay.body.status).toBe('duplicate');
    const rows = await db.query('SELECT count(*)::int AS n FROM submissions WHERE external_id = $1', ['lms-sub-in-1']);
    expect(rows.rows[0].n).toBe(1);
    const graded = await waitFor(
      'inbound submission graded',
      async () => {
        const response = await teacher.get(`/v1/submissions/${first.body.submission.id}`);
        return response.body.status === 'graded' ? response.body : undefined;
      },
      { hardTimeoutMs: 30_000 },
    );
    expect(graded).toMatchObject({ assignmentId, studentId: 'lms-student-1', externalId: 'lms-sub-in-1', score: 10 });
  });

  it('is idempotent on the submission externalId across different webhook-ids', async () => {
    const event = created('lms-student-2', 'lms-sub-in-2');
    const first = await sendEvent(event);
    const second = await sendEvent(event);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.submission.id).toBe(first.body.submission.id);
    expect(second.body.submission.created).toBe(false);
  });

  it('refuses a tampered body, a wrong secret, a stale timestamp and an unknown integration with 401', async () => {
    const event = created('lms-student-3', 'lms-sub-in-3');
    const tampered = await sendEvent(event, { tamper: (body) => body.replace('lms-student-3', 'lms-student-X') });
    const wrongSecret = await sendEvent(event, { secrets: [integration.signingSecret] });
    const stale = await sendEvent(event, { timestamp: now() - 6 * 60 });
    const future = await sendEvent(event, { timestamp: now() + 6 * 60 });
    const unknown = await sendEvent(event, { integrationId: '00000000-0000-7000-8000-000000000000' });
    for (const response of [tampered, wrongSecret, stale, future, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('invalid_signature');
    }
    const rows = await db.query('SELECT count(*)::int AS n FROM submissions WHERE external_id = $1', ['lms-sub-in-3']);
    expect(rows.rows[0].n).toBe(0);
  });

  it('records and ignores unknown event types with 202', async () => {
    const response = await sendEvent(
      { type: 'course.archived', data: { courseId: 'c1' } },
      { webhookId: 'msg_unknown_type' },
    );
    expect(response.status).toBe(202);
    expect(response.body.status).toBe('ignored');
    const rows = await db.query('SELECT outcome FROM inbound_events WHERE webhook_id = $1', ['msg_unknown_type']);
    expect(rows.rows).toEqual([{ outcome: 'ignored' }]);
  });

  it('answers 422, not 500, for a submission.created it cannot map', async () => {
    const response = await sendEvent({
      type: 'submission.created',
      data: { assignmentExternalId: 'no-such-assignment', studentId: 's', answers: [] },
    });
    expect(response.status).toBe(422);
  });
});

describe('secret rotation', () => {
  it('accepts inbound events signed with the old or the new secret during the overlap', async () => {
    const rotated = await teacher.post(`/v1/integrations/${integration.id}/rotate-secrets`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.inboundSecret).toMatch(/^whsec_/);
    expect(rotated.body.inboundSecret).not.toBe(integration.inboundSecret);
    expect(new Date(rotated.body.previousSecretsExpireAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
    const withOld = await sendEvent(created('lms-student-4', 'lms-sub-in-4'), { secrets: [integration.inboundSecret] });
    const withNew = await sendEvent(created('lms-student-5', 'lms-sub-in-5'), {
      secrets: [rotated.body.inboundSecret],
    });
    expect(withOld.status).toBe(202);
    expect(withNew.status).toBe(202);
    // Once the overlap is over, only the new secret is accepted.
    await db.query("UPDATE integrations SET previous_expires_at = now() - interval '1 second' WHERE id = $1", [
      integration.id,
    ]);
    const expired = await sendEvent(created('lms-student-6', 'lms-sub-in-6'), { secrets: [integration.inboundSecret] });
    expect(expired.status).toBe(401);
  });
});
