// Protects the `stepgrade check-answer` / `check-steps` contract (API.md): one JSON line out per
// input line, in order, an error object for a line that cannot be processed, and exit code 0
// unless the input itself cannot be read.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let workDir: string;

function stepgrade(...args: string[]) {
  const run = spawnSync('node', ['bin/stepgrade.js', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  const lines = run.stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line));
  return { status: run.status, lines, stderr: run.stderr };
}

function inputFile(name: string, content: string): string {
  const path = join(workDir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'pipe' });
  workDir = mkdtempSync(join(tmpdir(), 'stepgrade-check-'));
}, 60_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('stepgrade check-answer', () => {
  it('prints one verdict line for --expected/--given', () => {
    const run = stepgrade('check-answer', '--expected', '3x^2 - 6x', '--given', '3x(x-2)');
    expect(run.status).toBe(0);
    expect(run.lines).toEqual([{ equivalent: true, method: expect.any(String), reason: expect.any(String) }]);
  });

  it('passes --policy through to the check', () => {
    const strict = stepgrade('check-answer', '--expected', '1/3', '--given', '0.333');
    const rounded = stepgrade(
      'check-answer',
      '--expected',
      '1/3',
      '--given',
      '0.333',
      '--policy',
      '{"acceptRoundedTo": 3}',
    );
    expect([strict.lines[0].equivalent, rounded.lines[0].equivalent]).toEqual([false, true]);
  });

  it('refuses a --policy that is not JSON with exit code 2', () => {
    const run = stepgrade('check-answer', '--expected', '1', '--given', '1', '--policy', '{nope');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--policy/);
  });

  it('answers every --jsonl line in order, with error lines for bad ones, and exits 0', () => {
    const file = inputFile(
      'answers.jsonl',
      [
        JSON.stringify({ expected: '2', given: '4/2' }),
        '{"expected": "2", "given": ',
        JSON.stringify({ expected: 2, given: '2' }),
        '',
        JSON.stringify({ expected: '2', given: '3', label: 'extra fields are ignored' }),
      ].join('\n') + '\n',
    );
    const run = stepgrade('check-answer', '--jsonl', file);
    expect(run.status).toBe(0);
    expect(run.lines).toEqual([
      { equivalent: true, method: expect.any(String), reason: expect.any(String) },
      { error: { code: 'invalid_json', message: expect.any(String) } },
      { error: { code: 'invalid_input', message: expect.stringMatching(/expected/) } },
      { error: { code: 'invalid_json', message: 'empty line' } },
      { equivalent: false, method: expect.any(String), reason: expect.any(String) },
    ]);
  });

  it('streams a large --jsonl file without losing or reordering lines', () => {
    const rows = Array.from({ length: 3000 }, (_, index) => ({
      expected: String(index),
      given: String(index % 2 ? index : index + 1),
    }));
    const run = stepgrade(
      'check-answer',
      '--jsonl',
      inputFile('many.jsonl', rows.map((row) => JSON.stringify(row)).join('\n')),
    );
    expect(run.status).toBe(0);
    expect(run.lines.map((line) => line.equivalent)).toEqual(rows.map((_, index) => index % 2 === 1));
  });

  it('exits 2 with a message when the --jsonl file cannot be read', () => {
    const run = stepgrade('check-answer', '--jsonl', join(workDir, 'missing.jsonl'));
    expect(run.status).toBe(2);
    expect(run.lines).toEqual([]);
    expect(run.stderr).toMatch(/cannot read/);
  });
});

describe('stepgrade check-steps', () => {
  const work = {
    problem: 'A carton holds 12 eggs. How many eggs are in 35 cartons?',
    steps: ['12 x 35 = 420', 'A: 420'],
    answer: '420',
  };

  it('checks one object from FILE.json', () => {
    const run = stepgrade('check-steps', inputFile('work.json', JSON.stringify(work)));
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(Object.keys(run.lines[0]).sort()).toEqual(['finalAnswer', 'firstErrorStep', 'steps']);
    expect(run.lines[0].steps.map((step: { index: number }) => step.index)).toEqual([0, 1]);
  });

  it('answers every --jsonl line in order, ignoring extra fields, with an error line for bad JSON', () => {
    const wrong = { ...work, steps: ['12 x 35 = 410', 'A: 410'], label: { firstErrorStep: 0 } };
    const file = inputFile(
      'work.jsonl',
      [JSON.stringify(work), 'not json', JSON.stringify(wrong), JSON.stringify({ problem: 'p' })].join('\n'),
    );
    const run = stepgrade('check-steps', '--jsonl', file);
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(4);
    expect(run.lines[0]).toMatchObject({ firstErrorStep: null });
    expect(run.lines[1]).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
    expect(run.lines[2]).toMatchObject({ firstErrorStep: 0 });
    expect(run.lines[3]).toEqual({ error: { code: 'invalid_input', message: expect.stringMatching(/steps/) } });
  });

  it("compares with a reference when one is given (API.md's worked example)", () => {
    const extrema = {
      problem: 'Find the maximum and minimum of f(x) = x^3 - 3x^2 + 2 on [-1, 3].',
      definitions: { 'f(x)': 'x^3 - 3x^2 + 2' },
      answer: 'max = 2, min = -2',
      steps: ["f'(x) = 3x^2 - 6x", '3x(x - 2) = 0', 'x = 2', 'f(-1) = -2, f(2) = -2, f(3) = 2', 'max = 2, min = -2'],
      reference: {
        steps: [
          "f'(x) = 3x(x - 2), so x = 0 or x = 2",
          'f(0) = 2, f(2) = -2',
          { text: 'f(-1) = -2, f(3) = 2', required: true },
        ],
      },
    };
    const run = stepgrade('check-steps', inputFile('extrema.json', JSON.stringify(extrema)));
    expect(run.lines[0].skippedReferenceSteps).toEqual([1]);
    expect(
      run.lines[0].steps.map((step: { matchesReferenceStep: number | null }) => step.matchesReferenceStep),
    ).toEqual([0, 0, null, 2, null]);
    expect(run.lines[0].firstErrorStep).toBe(2);
  });

  it('exits 2 when FILE.json cannot be read', () => {
    const run = stepgrade('check-steps', join(workDir, 'missing.json'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read/);
  });
});
