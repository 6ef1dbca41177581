// Protects `stepgrade webhooks verify`: valid saved requests exit 0, tampered or stale ones exit 1 with the reason, unreadable input exits 2.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { generateWebhookSecret, signWebhook } from '../../../libs/webhooks/index.js';
import { registerWebhookCommands } from './webhooks.js';

const secret = generateWebhookSecret();
const body = '{"type":"submission.graded","data":{"id":"sub_1"}}';
let directory = '';

async function run(args: string[]): Promise<{ exitCode: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const program = new Command().exitOverride();
  registerWebhookCommands(program, { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  process.exitCode = undefined;
  await program.parseAsync(['webhooks', 'verify', ...args], { from: 'user' });
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { exitCode, stdout, stderr };
}

async function saveRequest(
  name: string,
  requestBody: string,
  timestamp = Math.floor(Date.now() / 1000),
): Promise<string> {
  const headers = signWebhook({ webhookId: 'msg_1', timestamp, body, secrets: [secret] });
  const path = join(directory, name);
  await writeFile(path, JSON.stringify({ headers, body: requestBody }));
  return path;
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'stepgrade-webhooks-cli-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('stepgrade webhooks verify', () => {
  it('prints valid and exits 0 for a correctly signed request', async () => {
    const result = await run(['--secret', secret, '--file', await saveRequest('ok.json', body)]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout[0]).toMatch(/^valid: webhook-id msg_1, signed with secret 1 of 1/);
  });

  it('prints invalid with the reason and exits 1 for a tampered body or the wrong secret', async () => {
    const tampered = await run([
      '--secret',
      secret,
      '--file',
      await saveRequest('tampered.json', body.replace('sub_1', 'sub_2')),
    ]);
    expect(tampered).toMatchObject({ exitCode: 1 });
    expect(tampered.stdout[0]).toMatch(/^invalid: bad_signature/);
    const wrongSecret = await run(['--secret', generateWebhookSecret(), '--file', await saveRequest('ok2.json', body)]);
    expect(wrongSecret.exitCode).toBe(1);
  });

  it('accepts any of several secrets', async () => {
    const result = await run([
      '--secret',
      generateWebhookSecret(),
      '--secret',
      secret,
      '--file',
      await saveRequest('ok3.json', body),
    ]);
    expect(result.stdout[0]).toMatch(/signed with secret 2 of 2/);
  });

  it('reports a stale timestamp, and checks the signature alone with --ignore-timestamp', async () => {
    const old = await saveRequest('old.json', body, Math.floor(Date.now() / 1000) - 3600);
    const stale = await run(['--secret', secret, '--file', old]);
    expect(stale.exitCode).toBe(1);
    expect(stale.stdout[0]).toMatch(/^invalid: stale_timestamp.*--ignore-timestamp/);
    expect((await run(['--secret', secret, '--file', old, '--ignore-timestamp'])).exitCode).toBe(0);
  });

  it('reads --headers (raw HTTP lines) and --body (exact bytes) files', async () => {
    const headers = signWebhook({
      webhookId: 'msg_9',
      timestamp: Math.floor(Date.now() / 1000),
      body,
      secrets: [secret],
    });
    const headersPath = join(directory, 'headers.txt');
    const bodyPath = join(directory, 'body.json');
    await writeFile(
      headersPath,
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n'),
    );
    await writeFile(bodyPath, body);
    const result = await run(['--secret', secret, '--headers', headersPath, '--body', bodyPath]);
    expect(result.stdout[0]).toMatch(/^valid: webhook-id msg_9/);
  });

  it('exits 2 when input is missing or unreadable', async () => {
    expect((await run(['--secret', secret])).exitCode).toBe(2);
    expect((await run(['--secret', 'whsec_not base64', '--file', join(directory, 'ok.json')])).stderr[0]).toMatch(
      /not base64/,
    );
    expect((await run(['--file', join(directory, 'ok.json')])).stderr[0]).toMatch(/--secret is required/);
    expect((await run(['--secret', secret, '--file', join(directory, 'missing.json')])).exitCode).toBe(2);
  });
});
