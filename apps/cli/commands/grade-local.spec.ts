// Protects `stepgrade grade --local`: the worked word-problem examples, graded in-process with no
// services, give one result line per submission with the verdicts the examples expect, and a bad
// line gets an error line without stopping the run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const examplesFile = join(repoRoot, 'test', 'fixtures', 'examples', 'word-problems.json');

interface Example {
  key: string;
  statement: string;
  answer: string;
  submissions: { name: string; steps: string[]; expect: { firstErrorStep: number | null; finalAnswer: string } }[];
}

let workDir: string;
let examples: Example[];
let expected: { studentId: string; problemKey: string; firstErrorStep: number | null; finalAnswer: string }[];

beforeAll(() => {
  execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'pipe' });
  workDir = mkdtempSync(join(tmpdir(), 'stepgrade-grade-local-'));
  examples = (JSON.parse(readFileSync(examplesFile, 'utf8')) as { problems: Example[] }).problems;
  const assignment = {
    title: 'Word problems',
    problems: examples.map((problem) => ({
      key: problem.key,
      statement: problem.statement,
      answer: problem.answer,
      points: 10,
    })),
  };
  writeFileSync(join(workDir, 'assignment.json'), JSON.stringify(assignment));
  expected = examples.flatMap((problem) =>
    problem.submissions.map((submission, index) => ({
      studentId: `${problem.key}-${index}`,
      problemKey: problem.key,
      ...submission.expect,
    })),
  );
  const lines = examples.flatMap((problem) =>
    problem.submissions.map((submission, index) =>
      JSON.stringify({
        studentId: `${problem.key}-${index}`,
        answers: [{ problemKey: problem.key, steps: submission.steps }],
      }),
    ),
  );
  writeFileSync(join(workDir, 'submissions.jsonl'), `${lines.join('\n')}\n{not json\n`);
}, 60_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('stepgrade grade --local', () => {
  it('grades every submission like the worker would, one line each, in order', () => {
    const run = spawnSync(
      'node',
      ['bin/stepgrade.js', 'grade', '--local', join(workDir, 'assignment.json'), join(workDir, 'submissions.jsonl')],
      { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(0);
    const lines = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(expected.length + 1);
    expected.forEach((want, index) => {
      const line = lines[index];
      expect(line.studentId).toBe(want.studentId);
      expect(line.maxScore).toBe(10 * examples.length);
      const answer = line.answers.find((candidate: { problemKey: string }) => candidate.problemKey === want.problemKey);
      expect({ firstErrorStep: answer.firstErrorStep, finalAnswer: answer.finalAnswer.verdict }).toEqual({
        firstErrorStep: want.firstErrorStep,
        finalAnswer: want.finalAnswer,
      });
      // Problems the student did not answer score nothing; the total is the answered one's score.
      expect(line.score).toBe(answer.score);
    });
    expect(lines[expected.length]).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
  });

  it('exits 2 when the assignment cannot be read', () => {
    const run = spawnSync(
      'node',
      ['bin/stepgrade.js', 'grade', '--local', join(workDir, 'missing.json'), join(workDir, 'submissions.jsonl')],
      { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read/);
  });
});
