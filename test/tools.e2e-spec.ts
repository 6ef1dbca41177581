// Protects the synchronous CAS tools: answers for readable and unreadable math alike (never a 500),
// hostile math stopped within its time box, and malformed requests refused with 4xx.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';

let stack: RunningStack;
let integration: ApiClient;
let otherOrg: ApiClient;

beforeAll(async () => {
  stack = await startStack('tools', { worker: false });
  integration = (await createOrgWithKeys(stack, 'Tools org')).integration;
  otherOrg = (await createOrgWithKeys(stack, 'Quiet org')).integration;
});

afterAll(async () => {
  await stack?.stop();
});

describe('POST /v1/tools/equivalence', () => {
  it('decides equivalence with a method and a reason', async () => {
    const same = await integration.post('/v1/tools/equivalence', { expected: '3x^2 - 6x', given: '3x(x-2)' });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ equivalent: true, reason: expect.any(String) });
    const different = await integration.post('/v1/tools/equivalence', { expected: 'x', given: 'sqrt(x^2)' });
    expect(different.body.equivalent).toBe(false);
  });

  it.each(['9^9^9^9', 'factorial(10^9)', '((((((((((((((((((((((((((((((x', 'import({}, {})', '\\frac{'])(
    'answers %s with a verdict within the time box',
    async (hostile) => {
      const started = Date.now();
      const response = await integration.post('/v1/tools/equivalence', { expected: '2', given: hostile });
      expect(response.status).toBe(200);
      expect(response.body.equivalent).toBe(false);
      expect(response.body.reason).toEqual(expect.any(String));
      expect(Date.now() - started).toBeLessThan(3_000);
    },
  );

  it('refuses a malformed request with 4xx', async () => {
    expect((await integration.post('/v1/tools/equivalence', { expected: 2 })).status).toBe(422);
    expect((await integration.post('/v1/tools/equivalence', { expected: '1', given: 'x'.repeat(2_001) })).status).toBe(
      422,
    );
  });
});

describe('POST /v1/tools/check-steps', () => {
  it('returns per-step verdicts and the first error', async () => {
    const response = await integration.post('/v1/tools/check-steps', {
      problem: "Find f'(x) for f(x) = x^3 - 3x^2 + 2.",
      definitions: { 'f(x)': 'x^3 - 3x^2 + 2' },
      steps: ["f'(x) = 3x^2 - 6x", '3x^2 - 6x = 0', '3x(x - 2) = 0', 'x = 2'],
    });
    expect(response.status).toBe(200);
    expect(response.body.steps).toHaveLength(4);
    expect(response.body.firstErrorStep).toBe(3);
    expect(response.body.steps[3].reason).toMatch(/x = 0/);
  });

  it('answers unreadable steps with unverified verdicts, not an error', async () => {
    const response = await integration.post('/v1/tools/check-steps', {
      problem: 'p',
      steps: ['}}}{{{', '9^9^9^9 = 1'],
    });
    expect(response.status).toBe(200);
    expect(response.body.steps.map((step: { verdict: string }) => step.verdict)).not.toContain('correct');
  });
});

// Steps whose check runs past the 2 s deadline: each call holds a sandbox thread for the whole of it.
const heavy = (index: number) => `sqrt(sqrt(sqrt(sqrt(x^${index}+1)+1)+1)+1)*(x+${index})^9`;
const slowSteps = Array.from({ length: 200 }, (_, index) => `${heavy(index)} = ${heavy(index + 1)} - ${index}`);

describe('one organization flooding the tools', () => {
  it("refuses the flood over its bound with 429 + Retry-After and keeps another org's call fast", async () => {
    const flood = Array.from({ length: 30 }, () =>
      integration.post('/v1/tools/check-steps', { problem: 'p', steps: slowSteps }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // the flood is in the API by now
    const started = Date.now();
    const quiet = await otherOrg.post('/v1/tools/equivalence', { expected: '1/2', given: '0.5' });
    const quietMs = Date.now() - started;
    const answers = await Promise.all(flood);
    const refusedCount = answers.filter((answer) => answer.status === 429).length;
    process.stdout.write(
      `tools flood: 30 check-steps from one org → ${30 - refusedCount} × 200, ${refusedCount} × 429; ` +
        `the other org's equivalence call answered in ${quietMs} ms\n`,
    );
    expect(quiet.status).toBe(200);
    expect(quiet.body.equivalent).toBe(true);
    expect(quietMs).toBeLessThan(1_500); // generous: the runaways take 2 s each, on a shared machine
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.status !== 429).every((answer) => answer.status === 200)).toBe(true);
    for (const answer of refused) {
      expect(answer.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/retry after/) } });
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  }, 60_000);
});
