import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { callApi } from '../http.js';

/** `stepgrade assignments create FILE` and `stepgrade assignments get ID`. */
export function registerAssignmentCommands(program: Command): void {
  const assignments = program.command('assignments').description('assignments');
  assignments
    .command('create <file>')
    .description('create an assignment from a JSON file (API.md shape); prints it with its id')
    .option('--org <id>', 'organization id (admin keys only)')
    .action(async (file: string, options: { org?: string }) => {
      const body = JSON.parse(await readFile(file, 'utf8'));
      const query = options.org ? `?orgId=${encodeURIComponent(options.org)}` : '';
      console.log(JSON.stringify(await callApi('POST', `/v1/assignments${query}`, { json: body }), null, 2));
    });
  assignments
    .command('get <id>')
    .description('print an assignment')
    .action(async (id: string) => {
      console.log(JSON.stringify(await callApi('GET', `/v1/assignments/${encodeURIComponent(id)}`), null, 2));
    });
}
