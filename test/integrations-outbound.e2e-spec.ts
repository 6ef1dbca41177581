// Protects outbound webhooks against a real local receiver: every result and batch completion is
// recorded in the outbox and delivered signed, one webhook-id per event across retries (500 →
// retry, slow → timeout, 410 → integration disabled), redelivered on demand, and recovered by the
// reconciler when its job was lost after commit.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import pg from 'pg';
import { ReconcilerService } from '../apps/worker/reconciler/reconciler.service.js';
import { QUEUES } from '../libs/queue/index.js';
import { verifyWebhook } from '../libs/webhooks/index.js';
import { bakeryAssignment, correctWork, submission, wrongWork } from './fixtures.js';
import { startReceiver, type Receiver } from './integrations.receiver.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

let stack: RunningStack;
let db: pg.Pool;
let receiver: Receiver;
let webhookQueue: Queue;

interface Tenant {
  teacher: ApiClient;
  assignmentId: string;
  integration: { id: string; signingSecret: string };
  path: string;
}

/** A fresh organization with its own assignment and integration, so events never mix. */
async function tenant(
  name: string,
  events: string[] = ['submission.graded', 'submission.needs_review', 'batch.completed'],
): Promise<Tenant> {
  const org = await createOrgWithKeys(stack, name);
  const assignmentId = (await org.teacher.post('/v1/assignments', bakeryAssignment)).body.id;
  const path = `/hook/${name.replace(/\W/g, '-')}`;
  const created = await org.teacher.post('/v1/integrations', { name, callbackUrl: receiver.url(path), events });
  expect(created.status).toBe(201);
  return { teacher: org.teacher, assignmentId, integration: created.body, path };
}

const received = (path: string, count: number, what = `${count} webhook(s) on ${path}`) =>
  waitFor(what, async () => (receiver.on(path).length >= count ? receiver.on(path) : undefined), {
    hardTimeoutMs: 20_000,
  });

async function deliveries(owner: Tenant) {
  return (await owner.teacher.get(`/v1/integrations/${owner.integration.id}/deliveries`)).body.items;
}

beforeAll(async () => {
  receiver = await startReceiver();
  stack = await startStack('webhooks_out', {
    env: { STEPGRADE_WEBHOOK_ALLOW_HOSTS: '127.0.0.1', STEPGRADE_WEBHOOK_TIMEOUT_S: '1' },
  });
  db = new pg.Pool({ connectionString: stack.testEnv.databaseUrl, max: 2 });
  webhookQueue = new Queue(QUEUES.webhooks, {
    connection: { url: stack.testEnv.config.redisUrl },
    prefix: stack.testEnv.config.queuePrefix,
  });
});

afterAll(async () => {
  await webhookQueue?.close();
  await db?.end();
  await stack?.stop();
  await receiver?.close();
});

describe('outbound delivery', () => {
  it('delivers submission.graded signed with the signing secret, with the submission as the API shows it', async () => {
    const owner = await tenant('Graded');
    const accepted = await owner.teacher.post(
      `/v1/assignments/${owner.assignmentId}/submissions`,
      submission('s-1', correctWork, 'ext-graded-1'),
    );
    const [webhook] = await received(owner.path, 1);
    const verified = verifyWebhook(webhook!.body, webhook!.headers as Record<string, string>, {
      secrets: [owner.integration.signingSecret],
    });
    expect(verified.webhookId).toMatch(/^msg_/);
    expect(webhook!.json.type).toBe('submission.graded');
    const shown = (await owner.teacher.get(`/v1/submissions/${accepted.body.id}`)).body;
    expect(webhook!.json.data).toEqual(JSON.parse(JSON.stringify(shown)));
    expect(webhook!.json.data).toMatchObject({ id: accepted.body.id, status: 'graded', score: 10, resultVersion: 1 });
    const [delivery] = await waitFor('delivery recorded', async () => {
      const items = await deliveries(owner);
      return items[0]?.status === 'delivered' ? items : undefined;
    });
    expect(delivery).toMatchObject({
      eventType: 'submission.graded',
      webhookId: verified.webhookId,
      attempts: 1,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
  });

  it('retries a 500 later with backoff and the same webhook-id, then succeeds', async () => {
    const owner = await tenant('Retry', ['submission.graded']);
    receiver.script(owner.path, [{ status: 500 }]);
    await owner.teacher.post(`/v1/assignments/${owner.assignmentId}/submissions`, submission('s-1', correctWork));
    await received(owner.path, 1);
    const pending = await waitFor('attempt recorded', async () => {
      const items = await deliveries(owner);
      return items[0]?.attempts === 1 ? items[0] : undefined;
    });
    expect(pending).toMatchObject({ status: 'pending', lastStatusCode: 500 });
    // Backoff: the first retry waits 15-30 s (nextAttemptDelayMs), as a delayed job.
    const delayMs = new Date(pending.nextAttemptAt).getTime() - Date.now();
    expect(delayMs).toBeGreaterThan(10_000);
    expect(delayMs).toBeLessThan(31_000);
    const delayed = await webhookQueue.getDelayed();
    const retryJob = delayed.find((job) => job.data.eventId === pending.id);
    expect(retryJob).toBeDefined();
    await retryJob!.promote();
    const [first, second] = await received(owner.path, 2);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.body).toBe(first!.body);
    await waitFor('delivered after retry', async () =>
      (await deliveries(owner))[0]?.status === 'delivered' ? true : undefined,
    );
  });

  it('times out a slow receiver and schedules a retry', async () => {
    const owner = await tenant('Slow', ['submission.graded']);
    receiver.script(owner.path, [{ status: 200, delayMs: 3_000 }]);
    await owner.teacher.post(`/v1/assignments/${owner.assignmentId}/submissions`, submission('s-1', correctWork));
    const delivery = await waitFor('timed-out attempt', async () => {
      const items = await deliveries(owner);
      return items[0]?.attempts === 1 ? items[0] : undefined;
    });
    expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: null });
    expect(delivery.lastError).toMatch(/1000 ms/);
  });

  it('disables the integration when the receiver answers 410, and redelivers on demand once re-enabled', async () => {
    const owner = await tenant('Gone', ['submission.graded']);
    receiver.script(owner.path, [{ status: 410 }]);
    await owner.teacher.post(`/v1/assignments/${owner.assignmentId}/submissions`, submission('s-1', correctWork));
    const failed = await waitFor('410 recorded', async () => {
      const items = await deliveries(owner);
      return items[0]?.attempts === 1 ? items[0] : undefined;
    });
    expect(failed).toMatchObject({ status: 'failed', lastStatusCode: 410, nextAttemptAt: null });
    const integration = (await owner.teacher.get(`/v1/integrations/${owner.integration.id}`)).body;
    expect(integration).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
    expect((await webhookQueue.getDelayed()).some((job) => job.data.eventId === failed.id)).toBe(false);

    await owner.teacher.request('PATCH', `/v1/integrations/${owner.integration.id}`, { enabled: true });
    const redeliver = await owner.teacher.post(`/v1/deliveries/${failed.id}/redeliver`);
    expect(redeliver.status).toBe(202);
    const [gone, again] = await received(owner.path, 2);
    expect(again!.headers['webhook-id']).toBe(gone!.headers['webhook-id']);
    await waitFor('redelivered', async () => ((await deliveries(owner))[0]?.status === 'delivered' ? true : undefined));
  });

  it('sends batch.completed exactly once per batch, after the submissions’ own events', async () => {
    const owner = await tenant('Batch');
    const items = [submission('b-1', correctWork), submission('b-2', wrongWork), submission('b-3', correctWork)];
    const batch = await owner.teacher.post(`/v1/assignments/${owner.assignmentId}/submissions/batch`, {
      submissions: items,
    });
    expect(batch.status).toBe(202);
    await received(owner.path, 4);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const completed = receiver.on(owner.path).filter((webhook) => webhook.json.type === 'batch.completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]!.json.data).toMatchObject({ id: batch.body.batchId, status: 'completed', total: 3, graded: 3 });
    const rows = await db.query(
      "SELECT count(*)::int AS n FROM webhook_events WHERE batch_id = $1 AND type = 'batch.completed'",
      [batch.body.batchId],
    );
    expect(rows.rows[0].n).toBe(1);
  });

  it('signs with both the old and the new secret during a rotation overlap', async () => {
    const owner = await tenant('Rotation', ['submission.graded']);
    const rotated = (await owner.teacher.post(`/v1/integrations/${owner.integration.id}/rotate-secrets`)).body;
    await owner.teacher.post(`/v1/assignments/${owner.assignmentId}/submissions`, submission('s-1', correctWork));
    const [webhook] = await received(owner.path, 1);
    const headers = webhook!.headers as Record<string, string>;
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verifyWebhook(webhook!.body, headers, { secrets: [owner.integration.signingSecret] }).secretIndex).toBe(0);
    expect(verifyWebhook(webhook!.body, headers, { secrets: [rotated.signingSecret] }).secretIndex).toBe(0);
  });

  it('delivers an event whose job was lost after commit exactly once, via the reconciler', async () => {
    const owner = await tenant('Lost job', ['submission.graded']);
    await webhookQueue.pause();
    try {
      await owner.teacher.post(`/v1/assignments/${owner.assignmentId}/submissions`, submission('s-1', correctWork));
      const row = await waitFor(
        'outbox row',
        async () =>
          (await db.query('SELECT id FROM webhook_events WHERE integration_id = $1', [owner.integration.id])).rows[0],
      );
      // The crash: the committed event's job never reaches Redis.
      await webhookQueue.remove(`${row.id}-a0`);
      await db.query(
        "UPDATE webhook_events SET next_attempt_at = now() - interval '1 hour', updated_at = now() - interval '1 hour' WHERE id = $1",
        [row.id],
      );
    } finally {
      await webhookQueue.resume();
    }
    expect(await stack.worker!.get(ReconcilerService).reconcileOnce()).toBeGreaterThanOrEqual(1);
    const [webhook] = await received(owner.path, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.on(owner.path)).toHaveLength(1);
    expect(webhook!.json.type).toBe('submission.graded');
  });
});
