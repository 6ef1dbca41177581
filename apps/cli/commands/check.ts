// `stepgrade check-answer` and `stepgrade check-steps`: the CAS checks, in-process, one JSON line
// out per input (API.md, "The stepgrade command"). In --jsonl mode a line that cannot be processed
// gets an {"error": {code, message}} line and the run goes on; only unreadable input exits non-zero.
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';

const EXIT_UNREADABLE_INPUT = 2;

const answerPolicySchema = z.object({
  relativeTolerance: z.number().positive().optional(),
  acceptRoundedTo: z.number().int().min(0).nullable().optional(),
});
const answerInputSchema = z.object({ expected: z.string(), given: z.string(), policy: answerPolicySchema.optional() });
const stepsInputSchema = z.object({
  problem: z.string(),
  steps: z.array(z.string()),
  answer: z.string().nullable().optional(),
  definitions: z.record(z.string(), z.string()).optional(),
  policy: answerPolicySchema
    .extend({
      answerWeight: z.number().min(0).max(1).optional(),
      errorCarriedForward: z.boolean().optional(),
      missingRequiredStepPenalty: z.number().min(0).optional(),
    })
    .optional(),
  /** The teacher's worked solution, to report which of its steps the student matched or skipped. */
  reference: z
    .object({
      steps: z.array(z.union([z.string(), z.object({ text: z.string(), required: z.boolean().optional() })])),
      answer: z.string().nullable().optional(),
    })
    .optional(),
});
type AnswerInput = z.infer<typeof answerInputSchema>;
type StepsInput = z.infer<typeof stepsInputSchema>;

/** A check over one parsed input object; the CAS libraries load only when a check runs. */
type Check = (input: unknown) => Promise<object>;

class LineError extends Error {
  constructor(
    readonly code: 'invalid_json' | 'invalid_input' | 'check_failed',
    message: string,
  ) {
    super(message);
  }
}

function validated<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new LineError('invalid_input', `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
}

const checkAnswerLine: Check = async (input) => {
  const { expected, given, policy } = validated<AnswerInput>(answerInputSchema, input);
  const { checkAnswer } = await import('../../../libs/math/index.js');
  const verdict = checkAnswer(expected, given, policy);
  return { equivalent: verdict.equivalent, method: verdict.method, reason: verdict.reason };
};

const checkStepsLine: Check = async (input) => {
  const args = validated<StepsInput>(stepsInputSchema, input);
  const { checkSteps } = await import('../../../libs/grading/index.js');
  const result = checkSteps(args);
  const comparison = args.reference ? { skippedReferenceSteps: result.skippedReferenceSteps ?? [] } : {};
  return { firstErrorStep: result.firstErrorStep, finalAnswer: result.finalAnswer, steps: result.steps, ...comparison };
};

/** One output object for one input text: the check's answer, or the reason it could not run. */
async function processText(text: string, check: Check): Promise<object> {
  try {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new LineError('invalid_json', (error as Error).message);
    }
    return await check(input);
  } catch (error) {
    if (error instanceof LineError) return { error: { code: error.code, message: error.message } };
    return { error: { code: 'check_failed', message: error instanceof Error ? error.message : String(error) } };
  }
}

async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
}

function failUnreadable(source: string, error: unknown): void {
  console.error(`stepgrade: cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = EXIT_UNREADABLE_INPUT;
}

/** Streams FILE line by line: every line (blank ones too) gets exactly one output line, in order. */
async function runJsonl(file: string, check: Check): Promise<void> {
  const input = createReadStream(file);
  try {
    await once(input, 'open');
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const line of lines) {
      await writeLine(
        JSON.stringify(
          line.trim()
            ? await processText(line, check)
            : {
                error: { code: 'invalid_json', message: 'empty line' },
              },
        ),
      );
    }
  } catch (error) {
    input.destroy();
    failUnreadable(file, error);
  }
}

async function runSingle(text: string, check: Check): Promise<void> {
  const output = await processText(text, check);
  await writeLine(JSON.stringify(output));
  if ('error' in output) process.exitCode = EXIT_UNREADABLE_INPUT;
}

export function registerCheckCommands(program: Command): void {
  program
    .command('check-answer')
    .description('is GIVEN equivalent to EXPECTED? one JSON line {equivalent, method, reason} per check')
    .option('--expected <expected>', 'the answer key')
    .option('--given <given>', "the student's answer")
    .option('--policy <json>', 'answer policy, e.g. {"acceptRoundedTo": 2}')
    .option('--jsonl <file>', 'check every line {expected, given, policy?} of FILE')
    .action(async (options: { expected?: string; given?: string; policy?: string; jsonl?: string }) => {
      if (options.jsonl !== undefined) return runJsonl(options.jsonl, checkAnswerLine);
      if (options.expected === undefined || options.given === undefined) {
        program.error('check-answer needs --expected and --given, or --jsonl FILE', {
          exitCode: EXIT_UNREADABLE_INPUT,
        });
      }
      let policy: unknown;
      try {
        policy = options.policy === undefined ? undefined : JSON.parse(options.policy);
      } catch (error) {
        return failUnreadable('--policy', error);
      }
      return runSingle(JSON.stringify({ expected: options.expected, given: options.given, policy }), checkAnswerLine);
    });

  program
    .command('check-steps [file]')
    .description("check a student's steps: FILE.json (one object) or --jsonl FILE, one JSON line out per object")
    .option('--jsonl <file>', 'check every line {problem, steps, answer?, definitions?, policy?} of FILE')
    .action(async (file: string | undefined, options: { jsonl?: string }) => {
      if (options.jsonl !== undefined) return runJsonl(options.jsonl, checkStepsLine);
      if (file === undefined) {
        program.error('check-steps needs FILE.json or --jsonl FILE', { exitCode: EXIT_UNREADABLE_INPUT });
      }
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        return failUnreadable(file, error);
      }
      return runSingle(text, checkStepsLine);
    });
}
