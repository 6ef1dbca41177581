// Protects GET /v1/assignments/:id/analytics: over each student's latest submission, the mean and
// histogram match the graded scores, the correct rate counts correct final answers, and common
// first errors are grouped by what went wrong with example submission ids.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

const cubic = {
  key: 'extrema',
  statement: 'Find the maximum and minimum of f(x) = x^3 - 3x^2 + 2 on [-1, 3].',
  definitions: { 'f(x)': 'x^3 - 3x^2 + 2' },
  answer: 'max = 2, min = -2',
  points: 10,
};
const correct = [
  "f'(x) = 3x^2 - 6x",
  '3x^2 - 6x = 0',
  'x = 0 or x = 2',
  'f(-1) = -2, f(0) = 2, f(2) = -2, f(3) = 2',
  'max = 2, min = -2',
];
const lostRoot = [
  "f'(x) = 3x^2 - 6x",
  '3x^2 - 6x = 0',
  '3x - 6 = 0, so x = 2',
  'f(-1) = -2, f(2) = -2, f(3) = 2',
  'max = 2, min = -2',
];
const wrongDerivative = [
  "f'(x) = 3x^2 - 3x",
  '3x^2 - 3x = 0',
  'x = 0 or x = 1',
  'f(0) = 2, f(1) = 0',
  'max = 2, min = 0',
];

let stack: RunningStack;
let teacher: ApiClient;
let assignmentId: string;
const latestIds: Record<string, string> = {};

async function submit(studentId: string, steps: string[]) {
  const response = await teacher.post(`/v1/assignments/${assignmentId}/submissions`, {
    studentId,
    answers: [{ problemKey: 'extrema', steps }],
  });
  expect(response.status).toBe(202);
  return response.body.id as string;
}

const settled = (id: string) =>
  waitFor(
    `submission ${id} graded`,
    async () => {
      const body = (await teacher.get(`/v1/submissions/${id}`)).body;
      return body.status === 'graded' ? body : undefined;
    },
    { hardTimeoutMs: 20_000 },
  );

beforeAll(async () => {
  stack = await startStack('analytics');
  teacher = (await createOrgWithKeys(stack, 'Analytics')).teacher;
  assignmentId = (
    await teacher.post('/v1/assignments', { title: 'Extrema', grading: { inference: 'none' }, problems: [cubic] })
  ).body.id;
  // s-d's first try (a lost root) is superseded by a correct one: only the latest counts.
  const superseded = await submit('s-d', lostRoot);
  await settled(superseded);
  for (const [studentId, steps] of [
    ['s-a', correct],
    ['s-b', lostRoot],
    ['s-c', lostRoot],
    ['s-d', correct],
    ['s-e', wrongDerivative],
  ] as const) {
    latestIds[studentId] = await submit(studentId, [...steps]);
  }
  await Promise.all(Object.values(latestIds).map(settled));
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe('analytics', () => {
  it('summarises the latest submission of each student', async () => {
    const views = await Promise.all(
      Object.values(latestIds).map(async (id) => (await teacher.get(`/v1/submissions/${id}`)).body),
    );
    const scores = views.map((view) => view.score as number);
    const response = await teacher.get(`/v1/assignments/${assignmentId}/analytics`);
    expect(response.status).toBe(200);
    const analytics = response.body;
    expect(analytics.submissions).toBe(5);
    expect(analytics.meanScore).toBeCloseTo(scores.reduce((sum, score) => sum + score, 0) / scores.length, 2);
    expect(analytics.histogram).toHaveLength(10);
    expect(analytics.histogram[0]).toEqual({ from: 0, to: 1, count: expect.any(Number) });
    for (const [bin, range] of analytics.histogram.entries()) {
      const inBin = scores.filter((score) =>
        bin === 9 ? score >= range.from : score >= range.from && score < range.to,
      ).length;
      expect(range.count).toBe(inBin);
    }
    const [problem] = analytics.problems;
    expect(problem.problemKey).toBe('extrema');
    // A lost root still reaches the right extrema; only the wrong derivative's answer is wrong.
    expect(problem.correctRate).toBe(0.8);
    expect(problem.commonErrors).toEqual([
      {
        label: 'lost root x = 0',
        count: 2,
        exampleSubmissionIds: expect.arrayContaining([latestIds['s-b'], latestIds['s-c']]),
      },
      { label: "wrong derivative f'(x)", count: 1, exampleSubmissionIds: [latestIds['s-e']] },
    ]);
  });

  it('uses an override score in the mean', async () => {
    const before = (await teacher.get(`/v1/assignments/${assignmentId}/analytics`)).body.meanScore as number;
    const eView = (await teacher.get(`/v1/submissions/${latestIds['s-e']}`)).body;
    const put = await teacher.request('PUT', `/v1/submissions/${latestIds['s-e']}/answers/extrema/override`, {
      score: 10,
      comment: 'regraded by hand',
    });
    expect(put.status).toBe(200);
    const after = (await teacher.get(`/v1/assignments/${assignmentId}/analytics`)).body.meanScore as number;
    expect(after).toBeCloseTo(before + (10 - eView.score) / 5, 2);
  });

  it('is 404 for another organization', async () => {
    const other = (await createOrgWithKeys(stack, 'Elsewhere')).teacher;
    expect((await other.get(`/v1/assignments/${assignmentId}/analytics`)).status).toBe(404);
  });
});
