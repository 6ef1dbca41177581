#!/usr/bin/env node
// The `stepgrade` command: teacher workflows against the API and local CAS tools.
// Each command group lives in its own module under ./commands and registers itself here.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { registerAdminCommands } from './commands/admin.js';
import { registerAssignmentCommands } from './commands/assignments.js';
import { registerCheckCommands } from './commands/check.js';
import { registerGradeLocalCommand } from './commands/grade-local.js';
import { registerResultsCommand } from './commands/results.js';
import { registerReviewCommands } from './commands/review.js';
import { registerSubmitCommand } from './commands/submit.js';
import { registerWebhookCommands } from './commands/webhooks.js';

// `stepgrade results … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

/** The version in package.json (dist/apps/cli/main.js → ../../../package.json). */
async function packageVersion(): Promise<string> {
  const text = await readFile(new URL('../../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

const program = new Command();
program
  .name('stepgrade')
  .description('StepGrade: grade step-by-step math work')
  .version(await packageVersion(), '-V, --version', 'print the StepGrade version')
  .showHelpAfterError();

// Command modules are added below as they land (one import + one register call each).

registerAdminCommands(program);
registerAssignmentCommands(program);
registerSubmitCommand(program);
registerResultsCommand(program);
registerReviewCommands(program);
registerWebhookCommands(program);
registerCheckCommands(program);
registerGradeLocalCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A user-facing command: one clear line, not a stack trace.
  console.error(`stepgrade: ${(error as Error).message}`);
  process.exitCode = 1;
}
