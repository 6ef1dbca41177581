// `stepgrade webhooks verify`: lets an LMS developer check a saved StepGrade webhook request
// against their signing secret, offline. Exit 0 valid, 1 invalid, 2 unreadable input.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  parseHeadersFile,
  parseSavedRequestJson,
  type SavedRequest,
  verifyWebhook,
  WebhookVerificationError,
  webhookSecretKeyBytes,
} from '../../../libs/webhooks/index.js';

export interface VerifyCommandOptions {
  secret: string[];
  file?: string;
  headers?: string;
  body?: string;
  ignoreTimestamp?: boolean;
}

export interface CommandOutput {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

const processOutput: CommandOutput = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

export function registerWebhookCommands(program: Command, output: CommandOutput = processOutput): void {
  const webhooks = program.command('webhooks').description('tools for receivers of StepGrade webhooks');
  webhooks
    .command('verify')
    .description('check the signature of a saved webhook request ({headers, body} JSON, or --headers and --body files)')
    .option('--secret <whsec>', 'signing secret whsec_…; repeat to try several (rotation)', collectSecrets, [])
    .option('--file <path>', 'saved request: JSON {"headers": {...}, "body": "<raw body>"}')
    .option('--headers <path>', 'headers as a JSON object or raw "Name: value" lines')
    .option('--body <path>', 'file holding the exact request body bytes')
    .option('--ignore-timestamp', 'skip the ±5 minute freshness check (requests saved earlier)')
    .action(async (options: VerifyCommandOptions) => {
      process.exitCode = await runVerifyCommand(options, output);
    });
}

/** Returns the exit code; prints one line saying valid or invalid and why. */
export async function runVerifyCommand(options: VerifyCommandOptions, output: CommandOutput): Promise<number> {
  let request: SavedRequest;
  try {
    if (options.secret.length === 0) throw new Error('--secret is required');
    // A malformed secret is bad input (exit 2), not an invalid request.
    for (const secret of options.secret) webhookSecretKeyBytes(secret);
    request = await loadRequest(options);
  } catch (error) {
    output.stderr(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  try {
    const verified = verifyWebhook(request.body, request.headers, {
      secrets: options.secret,
      ignoreTimestamp: options.ignoreTimestamp,
    });
    const ageSeconds = Math.floor(Date.now() / 1000) - verified.timestamp;
    output.stdout(
      `valid: webhook-id ${verified.webhookId}, signed with secret ${verified.secretIndex + 1} of ${options.secret.length}, sent ${ageSeconds}s ago`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    const hint = error.reason === 'stale_timestamp' ? ' (add --ignore-timestamp to check an older saved request)' : '';
    output.stdout(`invalid: ${error.reason}: ${error.message}${hint}`);
    return 1;
  }
}

async function loadRequest(options: VerifyCommandOptions): Promise<SavedRequest> {
  if (options.file && (options.headers || options.body)) throw new Error('use either --file or --headers with --body');
  if (options.file) return parseSavedRequestJson(await readFile(options.file, 'utf8'));
  if (options.headers && options.body) {
    // The body is kept as bytes: the signature covers them exactly.
    return { headers: parseHeadersFile(await readFile(options.headers, 'utf8')), body: await readFile(options.body) };
  }
  throw new Error('give --file, or both --headers and --body');
}

function collectSecrets(value: string, previous: string[]): string[] {
  return [...previous, value];
}
