// Protects the admin queue dashboard (bull-board) on a real API process: admin keys only
// (Bearer, or Basic with the key as password so a browser can log in), every queue listed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BENCH_ADMIN_KEY, type BenchStack, post, startBenchApi } from '../bench/bench-stack.js';

let stack: BenchStack;

beforeAll(async () => {
  stack = await startBenchApi('queue_dashboard', 3941);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

const page = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.baseUrl}${path}`, { headers });

describe('/admin/queues', () => {
  it('refuses requests without an admin key', async () => {
    expect((await page('/admin/queues')).status).toBe(401);
    const org = await post(stack.baseUrl, '/v1/orgs', BENCH_ADMIN_KEY, { name: 'dash' });
    const teacher = await post(stack.baseUrl, '/v1/api-keys', BENCH_ADMIN_KEY, {
      orgId: org.id,
      role: 'teacher',
      name: 't',
    });
    expect((await page('/admin/queues', { authorization: `Bearer ${teacher.key}` })).status).toBe(403);
  });

  it('shows every queue to an admin', async () => {
    const html = await page('/admin/queues', {
      authorization: `Basic ${Buffer.from(`admin:${BENCH_ADMIN_KEY}`).toString('base64')}`,
    });
    expect(html.status).toBe(200);
    const api = await page('/admin/queues/api/queues', { authorization: `Bearer ${BENCH_ADMIN_KEY}` });
    expect(api.status).toBe(200);
    const names = JSON.stringify(await api.json());
    for (const queue of ['{grade}', '{gpu}', '{edge}', '{webhooks}']) expect(names).toContain(queue);
  });
});
