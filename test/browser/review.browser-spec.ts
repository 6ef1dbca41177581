// Protects what a teacher sees in a real browser: math typeset by KaTeX (no raw LaTeX), the first
// error highlighted, hostile student text inert, and pages that print and screenshot cleanly.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type RunningStack, startStack } from '../support/running-stack.js';
import { waitFor } from '../support/wait-for.js';
import { inkShare } from './png-ink.js';
import { byName, onStack, reviewLink, type ReviewScenario, setUpReviewScenario } from './review-fixture.js';

const SCREENSHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let stack: RunningStack;
let scenario: ReviewScenario;
let browser: BrowserContext;
let profileDir: string;
const dialogs: string[] = [];

async function openReview(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(path, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await page.evaluate('document.fonts.ready.then(() => true)');
  return page;
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  await waitFor('the chromium package to be installed', async () => (existsSync(CHROMIUM) ? true : undefined), {
    hardTimeoutMs: 120_000,
    intervalMs: 1_000,
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startStack('review_browser');
  scenario = await setUpReviewScenario(stack);
  profileDir = mkdtempSync(join(tmpdir(), 'stepgrade-chromium-'));
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  await stack?.stop();
});

describe('submission review page', () => {
  it('typesets the Chinese LaTeX solution with KaTeX and marks every step correct', async () => {
    const page = await openReview(
      onStack(stack, await reviewLink(scenario.teacher, 'submissions', scenario.ids.correctZh)),
    );
    const steps = page.locator('[data-step-index]');
    await expect(steps.count()).resolves.toBe(byName('correct, Chinese').steps.length);
    expect(await page.locator('.step-text .katex').count()).toBeGreaterThan(10);
    const visibleStepText = await page
      .locator('.step-text .katex-html, .step-text')
      .evaluateAll((elements) =>
        elements.map((element) => (element as unknown as { innerText: string }).innerText).join('\n'),
      );
    expect(visibleStepText).not.toContain('$');
    expect(visibleStepText).toContain('求导');
    expect(await page.locator('[data-first-error]').count()).toBe(0);
    expect(await page.getAttribute('[data-final-verdict]', 'data-final-verdict')).toBe('correct');
    const fontLoaded = await page.evaluate("document.fonts.check('16px KaTeX_Main')");
    expect(fontLoaded).toBe(true);
    await screenshot(page, 'submission-correct-zh');
    await page.close();
  });

  it('renders the plain-text English solution with typeset math', async () => {
    const page = await openReview(
      onStack(stack, await reviewLink(scenario.teacher, 'submissions', scenario.ids.correctEn)),
    );
    expect(await page.locator('[data-step-index="0"] .katex').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-first-error]').count()).toBe(0);
    await screenshot(page, 'submission-correct-en');
    await page.close();
  });

  it('highlights the wrong derivative as the first error and carries it forward', async () => {
    const expected = byName('wrong derivative').expect;
    const page = await openReview(
      onStack(stack, await reviewLink(scenario.teacher, 'submissions', scenario.ids.wrongDerivative, true)),
    );
    const firstError = page.locator('[data-first-error]');
    expect(await firstError.count()).toBe(1);
    expect(await firstError.getAttribute('data-step-index')).toBe(String(expected.firstErrorStep));
    expect(await firstError.getAttribute('data-verdict')).toBe('incorrect');
    expect(await page.locator('[data-verdict="carried_error"]').count()).toBeGreaterThan(0);
    expect(await page.getAttribute('[data-final-verdict]', 'data-final-verdict')).toBe(expected.finalAnswer);
    await expect(page.locator('form[method="post"] input[name="csrf"]').count()).resolves.toBe(1);
    await screenshot(page, 'submission-wrong-derivative');
    await page.close();
  });

  it('keeps the XSS attempt inert: no dialog, no script, no javascript: link', async () => {
    const page = await openReview(onStack(stack, await reviewLink(scenario.teacher, 'submissions', scenario.ids.xss)));
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(await page.evaluate('document.scripts.length')).toBe(0);
    expect(await page.locator('a[href^="javascript:"], [onerror], [onmouseover], img').count()).toBe(0);
    const text = await page.locator('[data-step-index="0"] .step-text').innerText();
    expect(text).toContain('<script>window.__xss');
    expect(text).toContain("alert('xss')</script>");
    await screenshot(page, 'submission-xss-attempt');
    await page.close();
  });
});

describe('assignment review page', () => {
  it('shows progress, the histogram, rates and the common first error linked to an example', async () => {
    const page = await openReview(
      onStack(stack, await reviewLink(scenario.teacher, 'assignments', scenario.assignmentId)),
    );
    const settled = await page.locator('[data-status="graded"] .v').innerText();
    expect(Number(settled) + Number(await page.locator('[data-status="needs_review"] .v').innerText())).toBe(4);
    expect(await page.locator('.histogram .bar').count()).toBe(10);
    expect(await page.locator('[data-common-error]').count()).toBeGreaterThan(0);
    await screenshot(page, 'assignment-overview');
    const example = page.locator('[data-common-error] a').first();
    await Promise.all([page.waitForURL(/\/review\/submissions\//), example.click()]);
    expect(await page.locator('[data-first-error]').count()).toBe(1);
    await page.close();
  });
});

describe('pages that read right (issue 13)', () => {
  const statement = 'A ticket costs $20. If $x$ tickets cost $100, how many tickets are there?';
  let submissionUrl: string;

  beforeAll(async () => {
    const created = await scenario.teacher.post('/v1/assignments', {
      title: 'Tickets',
      grading: { inference: 'none' },
      problems: [{ key: 'tickets', statement, answer: '5', points: 10 }],
    });
    expect(created.status).toBe(201);
    const submitted = await scenario.teacher.post(`/v1/assignments/${created.body.id}/submissions`, {
      studentId: 's-tickets',
      answers: [{ problemKey: 'tickets', steps: ['20x = 100', 'x = 100 / 20 = 5', 'So \\boxed{x = 5}'] }],
    });
    expect(submitted.status).toBe(202);
    await waitFor('the tickets submission to settle', async () => {
      const status = (await scenario.teacher.get(`/v1/submissions/${submitted.body.id}`)).body.status as string;
      return ['graded', 'needs_review'].includes(status) ? true : undefined;
    });
    submissionUrl = onStack(stack, await reviewLink(scenario.teacher, 'submissions', submitted.body.id));
  }, 90_000);

  it('shows $20 and $100 as money and \\boxed{…} as a box', async () => {
    const page = await openReview(submissionUrl);
    const shown = await page.locator('.statement').innerText();
    expect(shown).toContain('A ticket costs $20.');
    expect(shown).toContain('cost $100, how many');
    const boxedStep = page.locator('[data-step-index="2"] .step-text');
    expect(await boxedStep.locator('.katex .fbox').count()).toBe(1);
    expect(await boxedStep.locator('.katex-html').innerText()).not.toContain('\\boxed');
    const border = await boxedStep
      .locator('.katex .fbox')
      .evaluate((element) => (globalThis as any).getComputedStyle(element).borderTopStyle as string);
    expect(border).toBe('solid');
    await screenshot(page, 'money-and-boxed-answer');
    await page.close();
  });

  it('shows readable math while the KaTeX fonts cannot load', async () => {
    const page = await browser.newPage();
    const held: Array<() => Promise<void>> = [];
    // The fonts never arrive while the page is looked at (a slow or blocking network).
    await page.route('**/review/assets/katex/fonts/**', (route) => {
      held.push(() => route.abort());
    });
    await page.goto(submissionUrl, { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(800); // well inside the 3 s a font-display: block face stays invisible
    expect(await page.evaluate("document.fonts.check('16px KaTeX_Main')")).toBe(false);
    const math = page.locator('[data-step-index="0"] .step-text .katex-html');
    expect((await math.innerText()).replace(/\s+/g, '')).toContain('20x=100');
    // Through the DevTools protocol: Playwright's own screenshots wait for the fonts to load.
    const cdp = await page.context().newCDPSession(page);
    const capture = async (clip?: { x: number; y: number; width: number; height: number }) =>
      Buffer.from(
        (
          await cdp.send('Page.captureScreenshot', {
            format: 'png',
            ...(clip ? { clip: { ...clip, scale: 1 } } : { captureBeyondViewport: true }),
          })
        ).data,
        'base64',
      );
    const box = (await math.boundingBox())!;
    const ink = inkShare(await capture(box));
    writeFileSync(join(SCREENSHOTS, 'fonts-blocked.png'), await capture());
    expect(ink).toBeGreaterThan(0.02);
    for (const release of held) await release();
    await page.close();
  });
});
