import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { callApi, CliHttpError } from '../http.js';

const json = (value: unknown) => console.log(JSON.stringify(value, null, 2));
const segment = encodeURIComponent;

/** POSTs to the submission's path, and to the assignment's when no submission has that id. */
async function submissionOrAssignment<T>(id: string, suffix: string, body?: unknown): Promise<T> {
  try {
    return await callApi<T>('POST', `/v1/submissions/${segment(id)}/${suffix}`, { json: body ?? {} });
  } catch (error) {
    if (!(error instanceof CliHttpError) || error.status !== 404) throw error;
  }
  try {
    return await callApi<T>('POST', `/v1/assignments/${segment(id)}/${suffix}`, { json: body ?? {} });
  } catch (error) {
    if (error instanceof CliHttpError && error.status === 404)
      throw new Error(`no submission or assignment ${id} in this organization`, { cause: error });
    throw error;
  }
}

interface ReviewItem {
  id: string;
  studentId: string;
  statusReason: string | null;
}

/** `review-link`, `needs-review`, `regrade`. */
export function registerReviewCommands(program: Command): void {
  program
    .command('review-link <id>')
    .description('print a signed review-page URL for a submission or an assignment (ID of either)')
    .option('--can-override', 'the page may change scores')
    .action(async (id: string, options: { canOverride?: boolean }) => {
      const link = await submissionOrAssignment<{ url: string; expiresAt: string }>(id, 'review-link', {
        canOverride: options.canOverride === true,
      });
      console.log(link.url);
      console.error(`expires ${link.expiresAt}`);
    });
  program
    .command('needs-review <assignmentId>')
    .description('list the submissions that need a person, each with the problems and what to do')
    .option('--json', 'print the JSON items')
    .action(async (assignmentId: string, options: { json?: boolean }) => {
      const items: ReviewItem[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: ReviewItem[]; nextCursor: string | null } = await callApi(
          'GET',
          `/v1/assignments/${segment(assignmentId)}/needs-review?limit=100${cursor ? `&cursor=${segment(cursor)}` : ''}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      if (options.json) return console.log(JSON.stringify(items));
      if (items.length === 0) return console.log('nothing needs review');
      for (const item of items) console.log(`${item.id}  ${item.studentId}  ${item.statusReason ?? ''}`);
    });
  program
    .command('regrade <id>')
    .description(
      'regrade a submission, or every latest submission of an assignment (after a key or grading.inference change)',
    )
    .action(async (id: string) => {
      const result = await submissionOrAssignment<{ queued?: number }>(id, 'regrade');
      console.log(JSON.stringify(result));
    });
  registerReferenceCommands(program);
}

/** `references show|approve|replace ASSIGNMENT PROBLEM`. */
function registerReferenceCommands(program: Command): void {
  const references = program
    .command('references')
    .description("a problem's reference: the teacher's key or a model-written solution");
  const path = (assignmentId: string, key: string) =>
    `/v1/assignments/${segment(assignmentId)}/problems/${segment(key)}/reference`;
  references
    .command('show <assignmentId> <problemKey>')
    .description('print the reference, its status and, when not trusted, why')
    .action(async (assignmentId: string, key: string) => json(await callApi('GET', path(assignmentId, key))));
  references
    .command('approve <assignmentId> <problemKey>')
    .description('trust the model-written reference as it is; waiting submissions are graded')
    .action(async (assignmentId: string, key: string) =>
      json(await callApi('PUT', path(assignmentId, key), { json: { approve: true } })),
    );
  references
    .command('replace <assignmentId> <problemKey>')
    .description('replace the reference with your steps and/or final answer; waiting submissions are graded')
    .option('--steps <file>', 'a JSON array of step strings, or a text file with one step per line')
    .option('--final-answer <answer>', 'the final answer')
    .action(async (assignmentId: string, key: string, options: { steps?: string; finalAnswer?: string }) => {
      if (!options.steps && options.finalAnswer === undefined)
        throw new Error('give --steps FILE and/or --final-answer ANSWER');
      const body: { steps?: string[]; finalAnswer?: string } = {};
      if (options.steps) body.steps = await readSteps(options.steps);
      if (options.finalAnswer !== undefined) body.finalAnswer = options.finalAnswer;
      json(await callApi('PUT', path(assignmentId, key), { json: body }));
    });
}

async function readSteps(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  if (text.trim().startsWith('[')) return JSON.parse(text) as string[];
  return text.split(/\r?\n/).filter((line) => line.trim());
}
