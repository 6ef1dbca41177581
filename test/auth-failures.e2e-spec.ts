// Protects authentication against key guessing (issue 14): failed authentications are limited per
// client address (429 with Retry-After, in the contract's shape) while keys already known good from
// that address keep working, and an invalid key is remembered as invalid for a while, so repeating
// it costs no database lookup.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { resolveSecretKey } from '../libs/config/index.js';
import { ApiKeyHasher } from '../apps/api/auth/api-key-hasher.js';
import { apiClient, type ApiClient } from './support/http-client.js';
import { type RunningStack, startStack } from './support/running-stack.js';

const FAILURES_PER_SECOND = 2; // burst 4

let stack: RunningStack;
let teacher: ApiClient;
let orgId: string;

const randomKey = () => `sg_guessing_${randomBytes(32).toString('base64url')}`;
const withKey = (key: string | null, address: string) =>
  fetch(`${stack.baseUrl}/v1/assignments`, {
    headers: { 'x-forwarded-for': address, ...(key ? { authorization: `Bearer ${key}` } : {}) },
  }).then(async (response) => ({
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { error?: { code: string } },
  }));

beforeAll(async () => {
  stack = await startStack('auth_failures', {
    worker: false,
    env: { STEPGRADE_AUTH_FAILURE_LIMIT: String(FAILURES_PER_SECOND) },
  });
  orgId = (await stack.admin.post('/v1/orgs', { name: 'Guessing org' })).body.id;
  teacher = apiClient(
    stack.baseUrl,
    (await stack.admin.post('/v1/api-keys', { orgId, role: 'teacher', name: 't' })).body.key,
  );
});

afterAll(async () => {
  await stack?.stop();
});

describe('failed authentication per client address', () => {
  it('answers 401 up to the burst, then 429 with Retry-After; other addresses and known keys are unaffected', async () => {
    const goodKey = (await stack.admin.post('/v1/api-keys', { orgId, role: 'teacher', name: 'from the same school' }))
      .body.key as string;
    expect((await withKey(goodKey, '203.0.113.7')).status).toBe(200);
    const burst = 2 * FAILURES_PER_SECOND;
    const startedAt = Date.now();
    const responses: Awaited<ReturnType<typeof withKey>>[] = [];
    // Missing and invalid keys alike are failures.
    while (responses.length < burst + 4 && responses.at(-1)?.status !== 429)
      responses.push(await withKey(responses.length % 2 ? null : randomKey(), '203.0.113.7'));
    const elapsedS = (Date.now() - startedAt) / 1000;
    const statuses = responses.map((response) => response.status);
    expect(statuses.slice(0, burst)).toEqual(Array(burst).fill(401));
    // Only a refill (FAILURES_PER_SECOND a second) lets a failure past the burst through as a 401.
    expect(statuses.length - 1).toBeLessThanOrEqual(burst + Math.ceil(elapsedS * FAILURES_PER_SECOND));
    expect(responses.at(-1)).toEqual({
      status: 429,
      retryAfter: expect.stringMatching(/^[1-9]\d*$/),
      body: { error: { code: 'rate_limited', message: expect.stringMatching(/failed authentications/) } },
    });
    // While blocked, a key this process already knows to be good still works from that address,
    // and any other key is refused without a lookup.
    expect((await withKey(goodKey, '203.0.113.7')).status).toBe(200);
    expect((await withKey(randomKey(), '203.0.113.7')).status).toBe(429);
    // Another address has its own budget.
    expect((await withKey(randomKey(), '198.51.100.9')).status).toBe(401);
  });
});

describe('invalid keys are cached as invalid', () => {
  it('a repeated invalid key is answered from the cache, not looked up again', async () => {
    const key = randomKey();
    expect((await withKey(key, '192.0.2.50')).status).toBe(401);
    // Make the key valid behind the API's back: only a fresh lookup could notice.
    const hasher = new ApiKeyHasher(resolveSecretKey(stack.testEnv.config, () => undefined));
    const db = new pg.Pool({ connectionString: stack.testEnv.databaseUrl, max: 1 });
    try {
      await db.query(
        `INSERT INTO api_keys (id, org_id, role, name, prefix, key_hash) VALUES ($1, $2, 'teacher', 'late', 'guessing', $3)`,
        ['01900000-0000-7000-8000-00000000abcd', orgId, hasher.hash(key)],
      );
    } finally {
      await db.end();
    }
    expect((await withKey(key, '192.0.2.51')).status).toBe(401);
    // The valid key cache is separate: a known teacher is unaffected.
    expect((await teacher.get('/v1/assignments')).status).toBe(200);
  });
});
