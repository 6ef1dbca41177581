import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { callApi } from '../http.js';

const json = (value: unknown) => console.log(JSON.stringify(value, null, 2));
const assignmentPath = (id: string) => `/v1/assignments/${encodeURIComponent(id)}`;

interface AssignmentSummary {
  id: string;
  title: string;
  createdAt: string;
  problems?: { key: string }[];
}

/** `KEY=ANSWER` pairs (repeatable --key) as PATCH problems. */
function keyPatches(pairs: string[]): { key: string; answer: string }[] {
  return pairs.map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--key wants PROBLEM=ANSWER (got "${pair}")`);
    return { key: pair.slice(0, at), answer: pair.slice(at + 1) };
  });
}

/** The PATCH body: a file's JSON, then the flags on top of it. */
async function updateBody(
  file: string | undefined,
  options: { title?: string; inference?: string; key: string[] },
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = file ? JSON.parse(await readFile(file, 'utf8')) : {};
  if (options.title !== undefined) body.title = options.title;
  if (options.inference !== undefined)
    body.grading = { ...(body.grading as object | undefined), inference: options.inference };
  if (options.key.length > 0) body.problems = [...((body.problems as unknown[]) ?? []), ...keyPatches(options.key)];
  if (Object.keys(body).length === 0) throw new Error('nothing to update: give a FILE or --title/--inference/--key');
  return body;
}

/** `stepgrade assignments create|list|show|get|update`. */
export function registerAssignmentCommands(program: Command): void {
  const assignments = program.command('assignments').description('create, list, show and update assignments');
  assignments
    .command('create <file>')
    .description('create an assignment from a JSON file (API.md shape); prints it with its id')
    .option('--org <id>', 'organization id (admin keys only)')
    .action(async (file: string, options: { org?: string }) => {
      const body = JSON.parse(await readFile(file, 'utf8'));
      const query = options.org ? `?orgId=${encodeURIComponent(options.org)}` : '';
      json(await callApi('POST', `/v1/assignments${query}`, { json: body }));
    });
  assignments
    .command('list')
    .description("list the organization's assignments, newest first: id, title, problems, created")
    .option('--json', 'print the JSON items instead of a table')
    .action(async (options: { json?: boolean }) => {
      const items: AssignmentSummary[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: AssignmentSummary[]; nextCursor: string | null } = await callApi(
          'GET',
          `/v1/assignments?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      if (options.json) return console.log(JSON.stringify(items));
      if (items.length === 0) return console.log('no assignments yet (stepgrade assignments create FILE)');
      for (const item of items)
        console.log(`${item.id}  ${item.title}  (${item.problems?.length ?? 0} problems, created ${item.createdAt})`);
    });
  for (const name of ['show', 'get']) {
    assignments
      .command(`${name} <id>`)
      .description('print an assignment with its problems and their reference status')
      .action(async (id: string) => json(await callApi('GET', assignmentPath(id))));
  }
  assignments
    .command('update <id> [file]')
    .description(
      'change an assignment (PATCH): a JSON file with the fields to change and/or the flags; then `stepgrade regrade ID`',
    )
    .option('--title <title>', 'new title')
    .option('--inference <mode>', 'grading.inference: none | auto | gpu | edge')
    .option(
      '--key <problem=answer>',
      "set a problem's answer key (repeatable)",
      (value, all: string[]) => [...all, value],
      [],
    )
    .action(
      async (id: string, file: string | undefined, options: { title?: string; inference?: string; key: string[] }) => {
        json(await callApi('PATCH', assignmentPath(id), { json: await updateBody(file, options) }));
      },
    );
}
