// Protects the review pages' HTTP contract: only teachers and admins of the owning organization get
// links, a link opens exactly one resource until it expires, pages carry strict security headers,
// and the override form refuses posts that did not come from the page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningStack, startStack } from '../support/running-stack.js';
import { onStack, reviewLink, type ReviewScenario, setUpReviewScenario } from './review-fixture.js';

let stack: RunningStack;
let scenario: ReviewScenario;

beforeAll(async () => {
  stack = await startStack('review_links');
  scenario = await setUpReviewScenario(stack);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

const get = (url: string, init?: RequestInit) => fetch(url, { redirect: 'manual', ...init });

describe('POST …/review-link', () => {
  it('gives teachers a signed, expiring URL under the public URL', async () => {
    const response = await scenario.teacher.post(`/v1/submissions/${scenario.ids.correctEn}/review-link`, {});
    expect(response.status).toBe(201);
    expect(response.body.url).toMatch(
      new RegExp(
        `^${stack.testEnv.config.http.publicUrl}/review/submissions/${scenario.ids.correctEn}\\?token=[\\w-]+\\.[\\w-]+$`,
      ),
    );
    const ttlMs = Date.parse(response.body.expiresAt) - Date.now();
    expect(ttlMs).toBeGreaterThan(stack.testEnv.config.reviewLinkTtlS * 1000 - 60_000);
    expect(ttlMs).toBeLessThanOrEqual(stack.testEnv.config.reviewLinkTtlS * 1000);
  });

  it('refuses integrations (403), other organizations (404) and a non-boolean canOverride (422)', async () => {
    expect((await scenario.integration.post(`/v1/submissions/${scenario.ids.correctEn}/review-link`, {})).status).toBe(
      403,
    );
    expect((await scenario.otherTeacher.post(`/v1/submissions/${scenario.ids.correctEn}/review-link`, {})).status).toBe(
      404,
    );
    expect((await scenario.otherTeacher.post(`/v1/assignments/${scenario.assignmentId}/review-link`, {})).status).toBe(
      404,
    );
    expect(
      (await scenario.teacher.post(`/v1/assignments/${scenario.assignmentId}/review-link`, { canOverride: 'yes' }))
        .status,
    ).toBe(422);
  });
});

describe('GET /review/…', () => {
  it('serves the page with strict security headers and no script', async () => {
    const response = await get(
      onStack(stack, await reviewLink(scenario.teacher, 'submissions', scenario.ids.wrongDerivative)),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'none'");
    expect(policy).not.toContain("'unsafe-inline'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await response.text();
    expect(page).not.toMatch(/<script/i);
    expect(page).toMatch(/data-step-index="0" data-verdict="incorrect" data-first-error/);
  });

  it('answers a 404 page for a token of another resource, a tampered token, or none', async () => {
    const link = new URL(await reviewLink(scenario.teacher, 'submissions', scenario.ids.correctEn));
    const token = link.searchParams.get('token')!;
    const attempts = [
      `/review/submissions/${scenario.ids.correctZh}?token=${token}`,
      `/review/assignments/${scenario.ids.correctEn}?token=${token}`,
      `/review/submissions/${scenario.ids.correctEn}?token=${token.slice(0, -3)}abc`,
      `/review/submissions/${scenario.ids.correctEn}`,
    ];
    for (const path of attempts) {
      const response = await get(`${stack.baseUrl}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('not valid');
    }
  });

  it('serves KaTeX styles and fonts from the package and nothing outside it', async () => {
    const css = await get(`${stack.baseUrl}/review/assets/katex/katex.min.css`);
    expect(css.status).toBe(200);
    const font = /url\(fonts\/(KaTeX_[\w-]+\.woff2)\)/.exec(await css.text())![1];
    const fontResponse = await get(`${stack.baseUrl}/review/assets/katex/fonts/${font}`);
    expect(fontResponse.status).toBe(200);
    expect(fontResponse.headers.get('content-type')).toBe('font/woff2');
    expect((await get(`${stack.baseUrl}/review/assets/katex/fonts/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await get(`${stack.baseUrl}/review/assets/review.css`)).status).toBe(200);
  });
});

describe('POST /review/submissions/:id/override', () => {
  it('refuses a read-only link, a missing or foreign CSRF value, and a cross-site post', async () => {
    const readOnly = new URL(await reviewLink(scenario.teacher, 'submissions', scenario.ids.wrongDerivative, false));
    const writable = new URL(await reviewLink(scenario.teacher, 'submissions', scenario.ids.wrongDerivative, true));
    const otherWritable = new URL(await reviewLink(scenario.teacher, 'submissions', scenario.ids.correctEn, true));
    const page = await (await get(onStack(stack, writable.href))).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const otherCsrf = /name="csrf" value="([^"]+)"/.exec(
      await (await get(onStack(stack, otherWritable.href))).text(),
    )![1]!;
    const post = (link: URL, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      get(`${stack.baseUrl}${link.pathname}/override${link.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
      });
    const fields = { problemKey: 'extrema', score: '6', comment: 'derivative wrong, method otherwise sound' };
    expect((await post(readOnly, { ...fields, csrf })).status).toBe(404);
    expect((await post(writable, fields)).status).toBe(403);
    expect((await post(writable, { ...fields, csrf: otherCsrf })).status).toBe(403);
    expect((await post(writable, { ...fields, csrf }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(writable, { ...fields, score: '11', csrf })).status).toBe(422);
    expect((await post(writable, { ...fields, problemKey: 'nope', csrf })).status).toBe(422);
  });
});
