// Protects the sandbox's promise to the HTTP tools: a CAS call answers within its deadline, a
// runaway becomes a "took too long" verdict (never a rejection), and the pool keeps working after.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createCasSandbox, type CasSandbox, PoolBusyError } from './index.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const standInCas = new URL('./fixtures/stand-in-cas.handlers.mjs', import.meta.url);
const stepsArgs = (steps: string[]) => ({ problem: 'p', steps, answer: '1' });

let sandbox: CasSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

// Worker threads run the compiled entry in dist/ (they cannot load TypeScript).
beforeAll(() => {
  execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'pipe' });
}, 60_000);

describe('createCasSandbox with a stand-in CAS', () => {
  it('answers a normal call from a worker thread', async () => {
    sandbox = createCasSandbox({ size: 1, timeoutMs: 2000, handlersModule: standInCas });
    await expect(sandbox.checkAnswer({ expected: '2', given: '2' })).resolves.toEqual({
      equivalent: true,
      method: 'cas',
      reason: 'stand-in compared 2 with 2',
    });
  });

  it('resolves a runaway checkAnswer with a verdict at its deadline, then keeps working', async () => {
    sandbox = createCasSandbox({ size: 1, timeoutMs: 300, handlersModule: standInCas });
    await sandbox.checkAnswer({ expected: '1', given: '1' }); // worker started before timing
    const started = Date.now();
    const runaway = sandbox.checkAnswer({ expected: '1', given: 'spin' });
    const queuedBehind = sandbox.checkAnswer({ expected: '3', given: '3' });
    const verdict = await runaway;
    const elapsed = Date.now() - started;
    expect(verdict).toEqual({ equivalent: false, method: 'none', reason: expect.stringMatching(/took too long/) });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5000); // generous: the machine is shared; a runaway never ends on its own
    await expect(queuedBehind).resolves.toMatchObject({ equivalent: true });
    await expect(sandbox.checkAnswer({ expected: '4', given: '5' })).resolves.toMatchObject({
      equivalent: false,
      method: 'cas',
    });
  });

  it('answers a runaway checkSteps with every step unverified and no first error', async () => {
    sandbox = createCasSandbox({ size: 2, timeoutMs: 300, handlersModule: standInCas });
    const result = await sandbox.checkSteps(stepsArgs(['1 + 1 = 2', 'spin']));
    expect(result.firstErrorStep).toBeNull();
    expect(result.finalAnswer.verdict).toBe('unverified');
    expect(result.steps.map((step) => [step.index, step.verdict])).toEqual([
      [0, 'unverified'],
      [1, 'unverified'],
    ]);
    expect(result.steps[1].reason).toMatch(/took too long/);
    await expect(sandbox.checkSteps(stepsArgs(['x']))).resolves.toMatchObject({ finalAnswer: { verdict: 'correct' } });
  });

  it('runs calls in parallel up to its size', async () => {
    sandbox = createCasSandbox({ size: 2, timeoutMs: 400, handlersModule: standInCas });
    const both = await Promise.all([
      sandbox.checkAnswer({ expected: '1', given: 'spin' }),
      sandbox.checkAnswer({ expected: '1', given: '1' }),
    ]);
    expect(both.map((verdict) => verdict.equivalent)).toEqual([false, true]);
  });

  it('turns a worker that runs out of memory into a verdict', async () => {
    sandbox = createCasSandbox({ size: 1, timeoutMs: 10_000, maxMemoryMb: 32, handlersModule: standInCas });
    await expect(sandbox.checkAnswer({ expected: '1', given: 'hog' })).resolves.toMatchObject({
      equivalent: false,
      method: 'none',
      reason: expect.stringMatching(/memory/),
    });
    await expect(sandbox.checkAnswer({ expected: '1', given: '1' })).resolves.toMatchObject({ equivalent: true });
  });

  it('rejects, and does not hide, an exception thrown by the CAS', async () => {
    sandbox = createCasSandbox({ size: 1, timeoutMs: 2000, handlersModule: standInCas });
    await expect(sandbox.checkAnswer({ expected: '1', given: 'throw' })).rejects.toThrow('failed on purpose');
    await expect(sandbox.checkAnswer({ expected: '1', given: '1' })).resolves.toMatchObject({ equivalent: true });
  });

  it('rejects calls after close', async () => {
    const closing = createCasSandbox({ size: 1, timeoutMs: 2000, handlersModule: standInCas });
    await closing.close();
    await expect(closing.checkAnswer({ expected: '1', given: '1' })).rejects.toThrow('closed');
  });

  it('fails calls, not hangs, when the worker entry cannot start', async () => {
    sandbox = createCasSandbox({
      size: 1,
      timeoutMs: 2000,
      workerFile: new URL('./fixtures/missing-entry.mjs', import.meta.url),
    });
    await expect(sandbox.checkAnswer({ expected: '1', given: '1' })).rejects.toThrow();
  });
});

/** Two threads; a lane may run on one of them and have `maxQueuedPerLane` calls waiting. */
const laneSandbox = (timeoutMs: number, maxQueuedPerLane: number) =>
  createCasSandbox({ size: 2, timeoutMs, handlersModule: standInCas, maxRunningPerLane: 1, maxQueuedPerLane });

describe('lanes (one organization flooding the tools)', () => {
  it('refuses a lane over its queue bound at once, with a retry hint', async () => {
    sandbox = laneSandbox(1_000, 2);
    const flood = Array.from({ length: 6 }, () => sandbox!.checkAnswer({ expected: '1', given: 'spin' }, 'org-a'));
    const settled = await Promise.allSettled(flood);
    const refused = settled.filter((outcome) => outcome.status === 'rejected');
    // one running + two waiting are accepted; the other three are refused without waiting
    expect(refused).toHaveLength(3);
    for (const outcome of refused) {
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(PoolBusyError);
      expect(((outcome as PromiseRejectedResult).reason as PoolBusyError).retryAfterS).toBeGreaterThanOrEqual(1);
    }
  });

  it("keeps another lane's trivial call fast while one lane floods with runaways", async () => {
    sandbox = laneSandbox(3_000, 8);
    await Promise.all([
      sandbox.checkAnswer({ expected: '1', given: '1' }, 'warm-a'),
      sandbox.checkAnswer({ expected: '1', given: '1' }, 'warm-b'),
    ]);
    const flood = Array.from({ length: 8 }, () => sandbox!.checkAnswer({ expected: '1', given: 'spin' }, 'org-a'));
    const started = Date.now();
    await expect(sandbox.checkAnswer({ expected: '2', given: '2' }, 'org-b')).resolves.toMatchObject({
      equivalent: true,
    });
    // the runaways take 3 s each; org-b never waits behind one
    expect(Date.now() - started).toBeLessThan(1_500);
    const floodSettled = Promise.allSettled(flood);
    await sandbox.close();
    await floodSettled;
  }, 20_000);
});

describe('createCasSandbox with the real CAS', () => {
  it('checks an answer with libs/math by default', async () => {
    sandbox = createCasSandbox({ size: 1, timeoutMs: 10_000 });
    const verdict = await sandbox.checkAnswer({ expected: '3x^2 - 6x', given: '3x(x-2)' });
    expect(verdict.equivalent).toBe(true);
  });
});
