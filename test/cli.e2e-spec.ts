// Protects the CLI's workflow commands against a running server (issue 13): assignments
// list|show|update, review-link, needs-review, references show|approve|replace, regrade,
// --version and each subcommand's --help; refusals and an unreachable server name the URL and the
// status; batch rejections name each row (CSV data rows counted from 1).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/cli-process.js';
import { type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

let stack: RunningStack;
let env: Record<string, string>;
let directory: string;
let assignmentId: string;

const quiz = {
  title: 'CLI quiz',
  grading: { inference: 'none', reviewUnverified: true },
  problems: [
    { key: 'sum', statement: 'Compute 2 + 3.', answer: '5', points: 4 },
    { key: 'minimum', statement: 'Find the minimum value of f(x) = x^2 - 4x + 7.', points: 10 },
  ],
};

const cli = (...args: string[]) => runCli(args, env);
const file = async (name: string, content: string) => {
  const path = join(directory, name);
  await writeFile(path, content);
  return path;
};

beforeAll(async () => {
  stack = await startStack('cli_workflow');
  directory = await mkdtemp(join(tmpdir(), 'stepgrade-cli-'));
  env = { STEPGRADE_URL: stack.baseUrl, STEPGRADE_API_KEY: await teacherKey() };
  const created = await cli('assignments', 'create', await file('quiz.json', JSON.stringify(quiz)));
  expect(created.code).toBe(0);
  assignmentId = JSON.parse(created.stdout).id;
}, 60_000);

/** A fresh teacher key of a fresh organization (the CLI sends it like a user would). */
async function teacherKey(): Promise<string> {
  const org = await stack.admin.post('/v1/orgs', { name: 'CLI school' });
  const key = await stack.admin.post('/v1/api-keys', { orgId: org.body.id, role: 'teacher', name: 'cli' });
  return key.body.key as string;
}

/** A port nothing listens on: one the OS just handed out and that was closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterAll(async () => {
  await stack?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('stepgrade CLI', () => {
  it('prints its version and a --help for every subcommand', async () => {
    const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
    expect((await cli('--version')).stdout.trim()).toBe(version);
    const helps: [string[], RegExp][] = [
      [['assignments', 'list'], /Usage: stepgrade assignments list \[options\]/],
      [['assignments', 'show'], /Usage: stepgrade assignments show \[options\] <id>/],
      [['assignments', 'update'], /--key <problem=answer>/],
      [['review-link'], /Usage: stepgrade review-link \[options\] <id>/],
      [['needs-review'], /Usage: stepgrade needs-review \[options\] <assignmentId>/],
      [['references', 'show'], /Usage: stepgrade references show \[options\] <assignmentId> <problemKey>/],
      [['references', 'approve'], /Usage: stepgrade references approve \[options\] <assignmentId> <problemKey>/],
      [['references', 'replace'], /--final-answer <answer>/],
      [['regrade'], /Usage: stepgrade regrade \[options\] <id>/],
    ];
    for (const [args, usage] of helps) {
      const run = await cli(...args, '--help');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(usage);
    }
  });

  it('lists, shows and updates assignments', async () => {
    const list = await cli('assignments', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`${assignmentId}  CLI quiz  (2 problems`);
    const show = await cli('assignments', 'show', assignmentId);
    expect(JSON.parse(show.stdout).problems.map((problem: { key: string }) => problem.key)).toEqual(['sum', 'minimum']);
    const update = await cli('assignments', 'update', assignmentId, '--title', 'CLI quiz, renamed');
    expect(update.code).toBe(0);
    expect(JSON.parse(update.stdout).title).toBe('CLI quiz, renamed');
    const nothing = await cli('assignments', 'update', assignmentId);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/nothing to update/);
  });

  it('names every rejected row: CSV data rows from 1, JSON items by index', async () => {
    const csv = ['studentId,problemKey,text', 's1,sum,2 + 3 = 5', ',sum,2 + 3 = 5', 's3,nope,1 = 1'].join('\n');
    const run = await cli('submit', assignmentId, await file('batch.csv', csv), '--no-wait');
    expect(run.stderr).toMatch(/rejected CSV data row 2: /);
    expect(run.stderr).toMatch(/rejected CSV data row 3: /);
    const items = [{ studentId: 'j1', answers: [{ problemKey: 'sum', steps: ['2 + 3 = 5'] }] }, { answers: [] }];
    const json = await cli('submit', assignmentId, await file('batch.json', JSON.stringify(items)), '--no-wait');
    expect(json.stderr).toMatch(/rejected item 1: /);
    expect(json.stderr).not.toMatch(/ETA NFs|NaN/);
  });

  it('lists what needs review with the problem, cause and fix, and links to the review pages', async () => {
    const work = {
      studentId: 'r1',
      answers: [
        { problemKey: 'sum', steps: ['2 + 3 = 5'] },
        { problemKey: 'minimum', steps: ["f'(x) = 2x - 4", 'x = 2', 'The minimum value is 3'] },
      ],
    };
    const submitted = await cli('submit', assignmentId, await file('one.json', JSON.stringify([work])), '--quiet');
    expect(submitted.code).toBe(0);
    const review = await waitFor('needs-review lists r1', async () => {
      const run = await cli('needs-review', assignmentId);
      return run.stdout.includes('r1') ? run : undefined;
    });
    expect(review.stdout).toMatch(/r1 {2}needs review: problem \w+: /);
    const submissionId = review.stdout.trim().split(/\s+/)[0]!;
    const submissionLink = await cli('review-link', submissionId);
    expect(submissionLink.stdout.trim()).toMatch(new RegExp(`^http://.+/review/submissions/${submissionId}\\?token=`));
    const assignmentLink = await cli('review-link', assignmentId);
    expect(assignmentLink.stdout.trim()).toMatch(new RegExp(`^http://.+/review/assignments/${assignmentId}\\?token=`));
    const unknown = await cli('review-link', 'x'.repeat(26));
    expect(unknown.code).toBe(1);
  });

  it('shows, refuses to approve a missing reference, replaces it, and regrades', async () => {
    const show = await cli('references', 'show', assignmentId, 'minimum');
    expect(JSON.parse(show.stdout).status).toBe('ready');
    const approve = await cli('references', 'approve', assignmentId, 'minimum');
    expect(approve.code).toBe(1);
    expect(approve.stderr).toContain(
      `PUT ${stack.baseUrl}/v1/assignments/${assignmentId}/problems/minimum/reference was refused: 409 conflict`,
    );
    const replace = await cli('references', 'replace', assignmentId, 'minimum', '--final-answer', '3');
    expect(replace.code).toBe(0);
    expect(JSON.parse(replace.stdout).finalAnswer).toBe('3');
    const regrade = await cli('regrade', assignmentId);
    expect(regrade.code).toBe(0);
    expect(JSON.parse(regrade.stdout).queued).toBeGreaterThan(0);
  });

  it('names the URL and the status when the server refuses or cannot be reached', async () => {
    const refused = await runCli(['assignments', 'list'], { ...env, STEPGRADE_API_KEY: 'sg_wrong_key' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`GET ${stack.baseUrl}/v1/assignments\\?limit=100 was refused: 401 \\w+: .*check STEPGRADE_API_KEY`),
    );
    const closed = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = await runCli(['assignments', 'list'], { ...env, STEPGRADE_URL: closed });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(`cannot reach the StepGrade server at ${closed} (ECONNREFUSED)`);
  });
});
