// Protects the README's walkthroughs (issue 13): the command lines of "Checking answers locally"
// and "A first batch, with the CLI" are run as written (bash, from the repository root, against
// `npm start` on a fresh database) and each `# -> …` comment is checked against what the command
// printed. `<placeholders>` in a comment capture a value that later lines use; `...` skips text.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { npmStart, type StartedServer } from './support/npm-start.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const README_URL = 'http://localhost:3000';

/** The command lines of the first ```bash block under a heading. */
function walkthrough(heading: string): string[] {
  const section = README.slice(README.indexOf(`## ${heading}`));
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error(`README has no bash block under "## ${heading}"`);
  return block.split('\n').filter((line) => line.trim());
}

/** JSON spacing and column padding are not what a reader checks: compare them loosely. */
const normalize = (text: string) =>
  text
    .replace(/"\s*:\s*/g, '":')
    .replace(/\s+/g, ' ')
    .replace(/([{[,]) /g, '$1')
    .replace(/ ([}\]])/g, '$1');

/** `# -> text` as a regex: `<name>` captures a value, `...` skips anything. */
function expectation(comment: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = normalize(comment)
    .split(/(<[^>]+>|\.\.\.)/)
    .map((piece) => {
      if (piece === '...') return '.*?';
      if (/^<[^>]+>$/.test(piece)) {
        names.push(piece);
        return '([^\\s",]+)';
      }
      return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { pattern: new RegExp(source), names };
}

function bash(command: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', command],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

/** Runs the lines in order: `export` sets a variable, anything else runs and is checked. */
async function replay(lines: string[], values: Map<string, string>, env: Record<string, string>) {
  const fill = (text: string) => [...values].reduce((filled, [name, value]) => filled.split(name).join(value), text);
  for (const line of lines) {
    const [command, comment] = line.split(/\s+# -> /) as [string, string | undefined];
    const exported = /^export (\w+)=(.*)$/.exec(command.trim());
    if (exported) {
      env[exported[1]!] = fill(exported[2]!.replace(/\s+#.*$/, '')).replace(README_URL, env.README_SERVER_URL!);
      continue;
    }
    const run = await bash(fill(command), env);
    expect({ line, code: run.code }).toEqual({ line, code: 0 });
    if (!comment) continue;
    const { pattern, names } = expectation(fill(comment));
    const match = pattern.exec(normalize(run.output));
    if (!match) throw new Error(`"${line}" printed:\n${run.output.slice(0, 2_000)}\nwhich does not match ${pattern}`);
    names.forEach((name, index) => values.set(name, match[index + 1]!));
  }
}

let server: StartedServer;

beforeAll(async () => {
  server = await npmStart('readme_walkthrough');
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

describe('the README walkthroughs', () => {
  it('checks answers locally as the README says (false at the default tolerance, true rounded to 3)', async () => {
    const lines = walkthrough('Checking answers locally (no server)');
    expect(lines).toHaveLength(2);
    await replay(lines, new Map(), {});
  }, 60_000);

  it('runs the first batch against npm start, each printed result as the README shows it', async () => {
    const lines = walkthrough('A first batch, with the CLI');
    expect(lines.some((line) => line.includes('npx stepgrade submit'))).toBe(true);
    const values = new Map([['<the admin key printed at first start>', server.adminKey]]);
    await replay(lines, values, { README_SERVER_URL: server.baseUrl });
    expect(values.get('<assignment id>')).toMatch(/\S{8,}/);
  }, 300_000);
});
