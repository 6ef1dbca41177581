import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiClient } from '../support/http-client.js';
import { createOrgWithKeys, type RunningStack } from '../support/running-stack.js';
import { waitFor } from '../support/wait-for.js';

// The worked example (test/fixtures/examples/extrema-cubic.json) as an assignment with three of its
// submissions plus a hostile one, graded by the real stack, for the review-page tests.

const here = dirname(fileURLToPath(import.meta.url));
const examplePath = join(here, '..', 'fixtures', 'examples', 'extrema-cubic.json');

interface ExampleSubmission {
  name: string;
  steps: string[];
  expect: { firstErrorStep: number | null; finalAnswer: string };
}

export const example = JSON.parse(readFileSync(examplePath, 'utf8')) as {
  problem: { key: string; statement: string; definitions: Record<string, string>; answer: string; points: number };
  submissions: ExampleSubmission[];
};

export const byName = (prefix: string) => example.submissions.find((submission) => submission.name.startsWith(prefix))!;

/** A step list that tries every way in: script tags, javascript: links, event handlers, KaTeX tricks. */
export const xssSteps = [
  "f'(x) = 3x^2 - 6x <script>window.__xss = 1; alert('xss')</script>",
  '$\\href{javascript:alert(1)}{click me}$ and \\href{javascript:alert(2)}{me too}',
  '<img src=x onerror="window.__xss = 2; alert(3)"> $x" onmouseover="alert(4)$',
  'max = 2, min = -2',
];

export interface ReviewScenario {
  teacher: ApiClient;
  otherTeacher: ApiClient;
  integration: ApiClient;
  assignmentId: string;
  ids: { correctZh: string; correctEn: string; wrongDerivative: string; xss: string };
}

export async function setUpReviewScenario(stack: RunningStack): Promise<ReviewScenario> {
  const org = await createOrgWithKeys(stack, 'Review school');
  const other = await createOrgWithKeys(stack, 'Other school');
  const englishSolution = byName('correct, English').steps;
  const created = await org.teacher.post('/v1/assignments', {
    title: 'Extrema of a cubic · 三次函数的最值',
    grading: { inference: 'none' },
    problems: [
      {
        ...example.problem,
        referenceSteps: [...englishSolution.slice(0, -1), { text: englishSolution.at(-1)!, required: true }],
      },
    ],
  });
  if (created.status !== 201)
    throw new Error(`assignment not created: ${created.status} ${JSON.stringify(created.body)}`);
  const assignmentId = created.body.id as string;
  const submit = async (studentId: string, steps: string[]) => {
    const response = await org.teacher.post(`/v1/assignments/${assignmentId}/submissions`, {
      studentId,
      answers: [{ problemKey: example.problem.key, steps }],
    });
    if (response.status !== 202) throw new Error(`submission not accepted: ${response.status}`);
    return response.body.id as string;
  };
  const ids = {
    correctZh: await submit('s-zh-01', byName('correct, Chinese').steps),
    correctEn: await submit('s-en-02', byName('correct, English').steps),
    wrongDerivative: await submit('s-wd-03', byName('wrong derivative').steps),
    xss: await submit('s-xss-04', xssSteps),
  };
  for (const id of Object.values(ids)) {
    await waitFor(
      `submission ${id} to settle`,
      async () => {
        const response = await org.teacher.get(`/v1/submissions/${id}`);
        if (response.body.status === 'failed')
          throw new Error(`submission ${id} failed to grade: ${response.body.statusReason}`);
        return ['graded', 'needs_review'].includes(response.body.status) ? true : undefined;
      },
      { hardTimeoutMs: 60_000 },
    );
  }
  return { teacher: org.teacher, otherTeacher: other.teacher, integration: org.integration, assignmentId, ids };
}

/** Review links carry the configured public URL; tests reach the API on its ephemeral port instead. */
export function onStack(stack: RunningStack, url: string): string {
  const parsed = new URL(url);
  return `${stack.baseUrl}${parsed.pathname}${parsed.search}`;
}

export async function reviewLink(
  client: ApiClient,
  kind: 'submissions' | 'assignments',
  id: string,
  canOverride = false,
): Promise<string> {
  const response = await client.post(`/v1/${kind}/${id}/review-link`, { canOverride });
  if (response.status !== 201)
    throw new Error(`review link refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.url as string;
}
