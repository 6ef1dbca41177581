// Protects a teacher's first day on a CPU-only install (issue 13): `npm start` on a fresh database,
// default settings, no model pool. A quiz with an English word problem and a Chinese equation (both
// with keys) and a calculus minimum without a key, 10 students: every submission is graded within
// 30 s, the keyed problems have scores, the keyless one says what to do, and a key added later plus
// a regrade fills it in. Start-up is quiet: no route mapping, one line saying where the API is.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiClient, type ApiClient } from './support/http-client.js';
import { npmStart, type StartedServer } from './support/npm-start.js';
import { waitFor } from './support/wait-for.js';

let server: StartedServer;
let teacher: ApiClient;

const quiz = {
  title: 'First quiz',
  problems: [
    {
      key: 'rolls',
      statement: 'A bakery bakes 240 rolls and sells 3/4 of them. How many rolls are left?',
      answer: '60',
      points: 10,
    },
    { key: 'fangcheng', statement: '解方程：2x + 3 = 11', answer: 'x = 4', points: 10 },
    { key: 'minimum', statement: 'Find the minimum value of f(x) = x^2 - 4x + 7.', points: 10 },
  ],
};

const rightRolls = ['240 * 3/4 = 180', '240 - 180 = 60', 'A: 60'];
const rightEquation = ['2x + 3 = 11', '2x = 8', 'x = 4'];
const minimumWork = ["f'(x) = 2x - 4", '2x - 4 = 0', 'x = 2', 'f(2) = 4 - 8 + 7 = 3', 'The minimum value is 3'];

/** Ten students: most right, some with a wrong bare number (which must not wait for a model). */
function student(index: number) {
  const wrong = index % 4 === 3;
  return {
    studentId: `s${String(index + 1).padStart(2, '0')}`,
    answers: [
      { problemKey: 'rolls', steps: wrong ? ['50'] : rightRolls },
      { problemKey: 'fangcheng', steps: wrong ? ['x = 5'] : rightEquation },
      { problemKey: 'minimum', steps: minimumWork },
    ],
  };
}

type Answer = {
  problemKey: string;
  status: string;
  score: number;
  finalAnswer: { verdict: string; reason?: string };
  feedback: string;
};
type Submission = { id: string; studentId: string; status: string; statusReason: string | null; answers: Answer[] };

async function allSettled(assignmentId: string, timeoutMs: number, minVersion = 1): Promise<Submission[]> {
  return waitFor(
    'every submission settled',
    async () => {
      const list = await teacher.get(`/v1/assignments/${assignmentId}/submissions?limit=50`);
      const items = list.body.items as (Submission & { resultVersion: number })[];
      const done = items.filter(
        (item) => !['queued', 'grading'].includes(item.status) && item.resultVersion >= minVersion,
      );
      if (done.length < 10) return undefined;
      return Promise.all(
        done.map(async (item) => (await teacher.get(`/v1/submissions/${item.id}`)).body as Submission),
      );
    },
    { hardTimeoutMs: timeoutMs, stallMs: timeoutMs },
  );
}

beforeAll(async () => {
  server = await npmStart('first_day');
  const admin = apiClient(server.baseUrl, server.adminKey);
  const org = await admin.post('/v1/orgs', { name: 'First school' });
  const key = await admin.post('/v1/api-keys', { orgId: org.body.id, role: 'teacher', name: 'teacher' });
  teacher = apiClient(server.baseUrl, key.body.key);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

describe("a teacher's first day, CPU only", () => {
  let assignmentId: string;

  it('starts quietly: no route mapping, one line with the API address', () => {
    const output = server.output();
    expect(output).not.toMatch(/Mapped \{/);
    expect(output).not.toMatch(/InstanceLoader|RoutesResolver/);
    // no framework warnings on a normal start (Fastify's FSTWRN…, Node's deprecations)
    expect(output).not.toMatch(/FSTWRN|DeprecationWarning|FastifyWarning/);
    const upLines = output.split('\n').filter((line) => /StepGrade is up/.test(line));
    expect(upLines).toHaveLength(1);
    expect(upLines[0]).toContain(server.baseUrl);
    expect(upLines[0]).toMatch(
      /^StepGrade is up: database stepgrade_test_first_day \(created, \d+ migration\(s\) applied\); admin API key created \(printed above, shown once\); API on /,
    );
    // Before that line only warnings and the admin key: no info-level JSON lines.
    const beforeUp = output.slice(0, output.indexOf('StepGrade is up'));
    expect(beforeUp.split('\n').filter((line) => line.includes('"level":30'))).toEqual([]);
    expect(beforeUp).toContain('StepGrade created an admin API key');
  });

  it('describes itself at /docs and /docs/openapi.json', async () => {
    const page = await fetch(`${server.baseUrl}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/v1/assignments/{id}/regrade');
    const document = (await (await fetch(`${server.baseUrl}/docs/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/v1/assignments/{id}/problems/{key}/reference');
  });

  it('grades every submission within 30 s; the keyed problems have scores', async () => {
    const created = await teacher.post('/v1/assignments', quiz);
    expect(created.status).toBe(201);
    assignmentId = created.body.id;
    const started = Date.now();
    const batch = await teacher.post(`/v1/assignments/${assignmentId}/submissions/batch`, {
      submissions: Array.from({ length: 10 }, (_, index) => student(index)),
    });
    expect(batch.body.accepted).toBe(10);
    const submissions = await allSettled(assignmentId, 30_000);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(submissions.map((submission) => submission.status)).toEqual(Array(10).fill('graded'));
    for (const submission of submissions) {
      const byKey = new Map(submission.answers.map((answer) => [answer.problemKey, answer]));
      const wrong = ['s04', 's08'].includes(submission.studentId);
      expect(byKey.get('rolls')!.finalAnswer.verdict).toBe(wrong ? 'incorrect' : 'correct');
      expect(byKey.get('fangcheng')!.finalAnswer.verdict).toBe(wrong ? 'incorrect' : 'correct');
      expect(byKey.get('rolls')!.score).toBe(wrong ? 0 : 10);
      expect(byKey.get('fangcheng')!.score).toBe(wrong ? 0 : 10);
    }
  });

  it('says what to do about the problem without a key', async () => {
    const submission = (await allSettled(assignmentId, 5_000))[0]!;
    const minimum = submission.answers.find((answer) => answer.problemKey === 'minimum')!;
    expect(minimum.status).toBe('graded');
    expect(minimum.finalAnswer.verdict).toBe('unverified');
    expect(minimum.finalAnswer.reason).toBe('no answer key and no model pool: add a key or start a gpu/edge worker');
    expect(minimum.feedback).toContain('add a key or start a gpu/edge worker');
    const results = await teacher.get(`/v1/assignments/${assignmentId}/results`);
    const row = results.body.items.find((item: { studentId: string }) => item.studentId === 's01');
    expect(row.scores.rolls).toBe(10);
    expect(row.scores.fangcheng).toBe(10);
    expect(row.status).toBe('graded');
  });

  it('fills the keyless problem in after a key and a regrade', async () => {
    const patched = await teacher.request('PATCH', `/v1/assignments/${assignmentId}`, {
      problems: [{ key: 'minimum', answer: '3' }],
    });
    expect(patched.status).toBe(200);
    const regrade = await teacher.post(`/v1/assignments/${assignmentId}/regrade`);
    expect(regrade.status).toBe(202);
    const submissions = await allSettled(assignmentId, 30_000, 2);
    for (const submission of submissions) {
      const minimum = submission.answers.find((answer) => answer.problemKey === 'minimum')!;
      expect(minimum.finalAnswer.verdict).toBe('correct');
      expect(minimum.finalAnswer.reason).toBeUndefined();
      expect(submission.status).toBe('graded');
    }
  });
});
