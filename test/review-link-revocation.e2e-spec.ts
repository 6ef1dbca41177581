// Protects review links against outliving their author (issue 14): a link dies with the API key
// that made it. After the key is revoked its submission and assignment links, the submission links
// inside an assignment page, and the override form all answer the same 404 page as a bad token,
// and no override is stored "by" the revoked key; links made by a live key keep working.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bakeryAssignment, correctWork, submission, wrongWork } from './fixtures.js';
import { apiClient, type ApiClient } from './support/http-client.js';
import { type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

let stack: RunningStack;
let orgId: string;
let assignmentId: string;
let submissionId: string;

async function teacherKey(name: string): Promise<{ id: string; client: ApiClient }> {
  const created = await stack.admin.post('/v1/api-keys', { orgId, role: 'teacher', name });
  expect(created.status).toBe(201);
  return { id: created.body.id, client: apiClient(stack.baseUrl, created.body.key) };
}

/** The link's path and query on this server, and its page. */
async function open(url: string) {
  const link = new URL(url);
  const local = `${stack.baseUrl}${link.pathname}${link.search}`;
  const response = await fetch(local);
  return { local, link, status: response.status, html: await response.text() };
}

function postOverride(link: URL, csrf: string) {
  return fetch(`${stack.baseUrl}${link.pathname}/override${link.search}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ problemKey: 'bakery', score: '1', comment: 'revoked author', csrf }).toString(),
  });
}

beforeAll(async () => {
  stack = await startStack('review_link_revocation');
  orgId = (await stack.admin.post('/v1/orgs', { name: 'Links org' })).body.id;
  const setup = (await teacherKey('setup')).client;
  assignmentId = (await setup.post('/v1/assignments', bakeryAssignment)).body.id;
  const submit = async (studentId: string, steps: string[]) =>
    (await setup.post(`/v1/assignments/${assignmentId}/submissions`, submission(studentId, steps))).body.id as string;
  submissionId = await submit('s-1', correctWork);
  // A wrong one, so the assignment page links to it as an example of its first error.
  const wrongId = await submit('s-2', wrongWork);
  for (const id of [submissionId, wrongId])
    await waitFor(
      `submission ${id} graded`,
      async () => ((await setup.get(`/v1/submissions/${id}`)).body.status === 'graded' ? true : undefined),
      { hardTimeoutMs: 30_000 },
    );
});

afterAll(async () => {
  await stack?.stop();
});

describe('a revoked key takes its review links with it', () => {
  it('submission, assignment and child links and the override form all die with the key', async () => {
    const author = await teacherKey('author');
    const bystander = await teacherKey('bystander');
    const linkFrom = async (client: ApiClient, path: string, body: unknown) =>
      (await client.post(path, body)).body.url as string;
    const submissionLink = await linkFrom(author.client, `/v1/submissions/${submissionId}/review-link`, {
      canOverride: true,
    });
    const assignmentLink = await linkFrom(author.client, `/v1/assignments/${assignmentId}/review-link`, {});
    const liveLink = await linkFrom(bystander.client, `/v1/submissions/${submissionId}/review-link`, {
      canOverride: true,
    });

    const before = await open(submissionLink);
    expect(before.status).toBe(200);
    const csrf = /name="csrf" value="([^"]+)"/.exec(before.html)![1]!;
    const assignmentPage = await open(assignmentLink);
    expect(assignmentPage.status).toBe(200);
    const childHref = /href="(\.\.\/submissions\/[^"]+)"/.exec(assignmentPage.html)![1]!.replace(/&amp;/g, '&');
    const childUrl = new URL(childHref, assignmentPage.local).toString();
    expect((await fetch(childUrl)).status).toBe(200);

    expect((await stack.admin.delete(`/v1/api-keys/${author.id}`)).status).toBe(204);

    expect((await open(submissionLink)).status).toBe(404);
    expect((await open(assignmentLink)).status).toBe(404);
    expect((await fetch(childUrl)).status).toBe(404);
    expect((await postOverride(before.link, csrf)).status).toBe(404);
    const view = (await bystander.client.get(`/v1/submissions/${submissionId}`)).body;
    expect(view.answers[0].override ?? null).toBeNull();

    // A link made by a key that is still active is untouched.
    expect((await open(liveLink)).status).toBe(200);
  });
});
