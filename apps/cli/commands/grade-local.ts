// `stepgrade grade --local ASSIGNMENT.json SUBMISSIONS.jsonl [--model PATH.gguf]`: the worker's
// grading (libs/grading gradeSubmission) in-process, no services. One JSON line out per input line,
// in order; a line that cannot be graded yields {"error": {...}} and the run goes on.
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import type { ProblemForGrading } from '../../../libs/grading/grade-submission.js';

const EXIT_UNREADABLE_INPUT = 2;
const REFERENCE_ATTEMPTS = 3;

const referenceStep = z.union([z.string(), z.object({ text: z.string(), required: z.boolean().default(false) })]);
const assignmentSchema = z.object({
  title: z.string().optional(),
  problems: z
    .array(
      z.object({
        key: z.string().min(1),
        statement: z.string().min(1),
        answer: z.string().nullable().optional(),
        referenceSteps: z.array(referenceStep).default([]),
        definitions: z.record(z.string(), z.string()).default({}),
        points: z.number().positive().default(10),
        policy: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .min(1),
});

const submissionSchema = z.object({
  studentId: z.string().min(1),
  externalId: z.string().optional(),
  answers: z.array(
    z.object({ problemKey: z.string(), steps: z.array(z.string()).optional(), text: z.string().optional() }),
  ),
});

function toProblems(assignment: z.infer<typeof assignmentSchema>): ProblemForGrading[] {
  return assignment.problems.map((problem) => ({
    key: problem.key,
    statement: problem.statement,
    answer: problem.answer ?? null,
    definitions: problem.definitions,
    points: problem.points,
    policy: problem.policy,
    referenceSteps: problem.referenceSteps,
  }));
}

/** With --model: a checked model-written reference for each problem that has no key or steps. */
async function addModelReferences(problems: ProblemForGrading[], modelPath: string): Promise<void> {
  const needing = problems.filter((problem) => !problem.answer && (problem.referenceSteps ?? []).length === 0);
  if (needing.length === 0) return;
  const { createLlamaProvider } = await import('../../../libs/inference/index.js');
  const { verifyReference } = await import('../../../libs/grading/index.js');
  const provider = createLlamaProvider({ modelPath });
  try {
    for (const problem of needing) {
      let reason = 'no attempt was made';
      for (let attempt = 1; attempt <= REFERENCE_ATTEMPTS; attempt++) {
        const candidate = await provider.generateReference({
          problem: problem.statement,
          definitions: problem.definitions,
          answer: null,
        });
        const verdict = verifyReference({ statement: problem.statement, definitions: problem.definitions }, candidate);
        if (verdict.trusted) {
          problem.referenceSteps = candidate.steps;
          problem.answer = candidate.finalAnswer;
          reason = '';
          break;
        }
        reason = verdict.reason ?? 'not trusted';
      }
      // Never grade against an untrusted reference: the problem is graded on its steps alone.
      if (reason) console.error(`stepgrade: no trusted reference for ${problem.key} (${reason}); graded without one`);
    }
  } finally {
    await provider.close();
  }
}

async function gradeLine(text: string, problems: ProblemForGrading[]): Promise<object> {
  let parsed: z.infer<typeof submissionSchema>;
  try {
    const result = submissionSchema.safeParse(JSON.parse(text));
    if (!result.success)
      return { error: { code: 'invalid_input', message: result.error.issues[0]?.message ?? 'invalid submission' } };
    parsed = result.data;
  } catch (error) {
    return { error: { code: 'invalid_json', message: (error as Error).message } };
  }
  const { gradeSubmission } = await import('../../../libs/grading/grade-submission.js');
  const answers = parsed.answers.map((answer) => ({
    problemKey: answer.problemKey,
    steps:
      answer.steps ??
      (answer.text ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
  }));
  const graded = gradeSubmission(problems, answers);
  return {
    studentId: parsed.studentId,
    ...(parsed.externalId ? { externalId: parsed.externalId } : {}),
    score: graded.score,
    maxScore: graded.maxScore,
    // Already the API's per-answer shape (libs/grading builds the same object the worker stores).
    answers: graded.answers,
  };
}

async function gradeLocal(
  assignmentFile: string,
  submissionsFile: string,
  modelPath: string | undefined,
): Promise<void> {
  let problems: ProblemForGrading[];
  try {
    problems = toProblems(assignmentSchema.parse(JSON.parse(await readFile(assignmentFile, 'utf8'))));
  } catch (error) {
    console.error(`stepgrade: cannot read ${assignmentFile}: ${(error as Error).message}`);
    process.exitCode = EXIT_UNREADABLE_INPUT;
    return;
  }
  if (modelPath) await addModelReferences(problems, modelPath);
  const input = createReadStream(submissionsFile);
  try {
    await once(input, 'open');
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      const output = JSON.stringify(await gradeLine(line, problems));
      if (!process.stdout.write(`${output}\n`)) await once(process.stdout, 'drain');
    }
  } catch (error) {
    input.destroy();
    console.error(`stepgrade: cannot read ${submissionsFile}: ${(error as Error).message}`);
    process.exitCode = EXIT_UNREADABLE_INPUT;
  }
}

export function registerGradeLocalCommand(program: Command): void {
  program
    .command('grade <assignment> <submissions>')
    .description('grade SUBMISSIONS.jsonl against ASSIGNMENT.json in-process (--local), one result line per submission')
    .requiredOption('--local', 'grade here, without the API or workers')
    .option('--model <path>', 'GGUF model that writes references for problems without a key')
    .action((assignment: string, submissions: string, options: { local: boolean; model?: string }) =>
      gradeLocal(assignment, submissions, options.model),
    );
}
