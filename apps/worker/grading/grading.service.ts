import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import {
  type AssignmentForGradingRow,
  type ClaimedSubmissionRow,
  GradingInputRepository,
  type OverrideRow,
  ReferenceRepository,
  ReferenceWaitRepository,
  WAITING_FOR_JUDGEMENT,
} from '../../../libs/db/index.js';
import type { GradedAnswer, ProblemForGrading } from '../../../libs/grading/grade-submission.js';
import { type InferenceSetting, ModelQueueProducer, modelsUsable } from '../../../libs/queue/index.js';
import { applyOverrides, type GradedResult, ResultsService, type SaveOutcome } from '../../../libs/results/index.js';
import type { ItemOutcome } from './chunk-collector.js';
import { type BudgetedGrade, totals } from './grading-budget.js';
import { referencePlan, toProblemForGrading } from './grading-input.js';
import { GradingThreads } from './grading-threads.js';
import { JudgementGate } from './judgement-gate.js';
import { applyProblemNotes, markForReview, submissionStatus } from './problem-notes.js';

export type GradeOutcome =
  { kind: 'skipped' } | { kind: 'parked' } | ({ kind: 'saved'; status: 'graded' | 'needs_review' } & SaveOutcome);

export interface GradeJob {
  submissionId: string;
  version: number;
}

/** A claimed submission with what grading it needs, loaded once for its chunk. */
interface Claimed {
  row: ClaimedSubmissionRow;
  assignment: AssignmentForGradingRow;
  problems: ProblemForGrading[];
  overrides: OverrideRow[];
  overriddenKeys: Set<string>;
  inference: InferenceSetting;
  notes: ReturnType<typeof referencePlan>['notes'];
}

type Finished = { kind: 'parked' } | { kind: 'result'; result: GradedResult };

const jobKey = (submissionId: string, version: number) => `${submissionId}:v${version}`;

/**
 * Grades a chunk of submissions: one claim, one read of their assignments and overrides, the CAS
 * in grading threads within each submission's budget, and one write of all results (the results
 * service decides what follows). Replays and stale jobs are skipped, each submission on its own.
 */
@Injectable()
export class GradingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly threads: GradingThreads;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly input: GradingInputRepository,
    private readonly results: ResultsService,
    private readonly referenceWait: ReferenceWaitRepository,
    private readonly judgementGate: JudgementGate,
    private readonly references: ReferenceRepository,
    private readonly modelProducer: ModelQueueProducer,
  ) {
    const { threads, budgetMs, maxSteps } = config.grading;
    this.threads = new GradingThreads({ threads, budget: { timeMs: budgetMs, maxSteps } });
  }

  onApplicationBootstrap(): void {
    if (this.config.pools.enabled.includes('cpu')) this.threads.warm();
  }

  /** After the last hooks of module destruction: chunks in the threads get up to one budget to finish. */
  async onApplicationShutdown(): Promise<void> {
    await this.threads.close(this.config.grading.budgetMs + 1_000);
  }

  async gradeChunk(jobs: GradeJob[]): Promise<ItemOutcome<GradeOutcome>[]> {
    const claimed = await this.claim(jobs);
    const outcomes = new Map<string, ItemOutcome<GradeOutcome>>();
    const planned = await Promise.all(claimed.map((entry) => settle(() => this.plan(entry))));
    const toGrade: Claimed[] = [];
    planned.forEach((outcome, index) => {
      const entry = claimed[index]!;
      if (!outcome.ok || outcome.value === 'parked')
        outcomes.set(keyOf(entry), outcome.ok ? { ok: true, value: { kind: 'parked' } } : outcome);
      else toGrade.push(entry);
    });
    const attempts = await this.threads.grade(
      toGrade.map((entry) => ({ problems: entry.problems, answers: entry.row.answers })),
    );
    const finished = await Promise.all(
      toGrade.map((entry, index) => {
        const attempt = attempts[index]!;
        return attempt.ok
          ? settle(() => this.finish(entry, attempt.grade))
          : { ok: false as const, error: attempt.error };
      }),
    );
    const results: GradedResult[] = [];
    finished.forEach((outcome, index) => {
      const key = keyOf(toGrade[index]!);
      if (!outcome.ok) outcomes.set(key, outcome);
      else if (outcome.value.kind === 'parked') outcomes.set(key, { ok: true, value: { kind: 'parked' } });
      else results.push(outcome.value.result);
    });
    const saved = await this.results.saveResults(results);
    for (const result of results) {
      const outcome = saved.get(result.submissionId)!;
      outcomes.set(jobKey(result.submissionId, result.version), {
        ok: true,
        value: { kind: 'saved', status: result.status, ...outcome },
      });
    }
    return jobs.map(
      (job) => outcomes.get(jobKey(job.submissionId, job.version)) ?? { ok: true, value: { kind: 'skipped' } },
    );
  }

  markFailed(submissionId: string, version: number, reason: string): Promise<string | null> {
    return this.results.markFailed(submissionId, version, reason);
  }

  /** Claims the chunk's jobs that are still current, with their assignments and overrides. */
  private async claim(jobs: GradeJob[]): Promise<Claimed[]> {
    const rows = await this.input.claim(jobs);
    const [assignments, overrides] = await Promise.all([
      this.input.assignments(rows.map((row) => row.assignmentId)),
      this.input.overrides(rows.map((row) => row.id)),
    ]);
    // One problem list per assignment: the grading threads receive it once per chunk.
    const problemsOf = new Map([...assignments.values()].map((a) => [a.id, a.problems.map(toProblemForGrading)]));
    return rows.map((row) => {
      const assignment = assignments.get(row.assignmentId)!;
      const own = overrides.filter((override) => override.submissionId === row.id);
      return {
        row,
        assignment,
        problems: problemsOf.get(row.assignmentId)!,
        overrides: own,
        overriddenKeys: new Set(own.map((override) => override.problemKey)),
        inference: (assignment.grading.inference ?? 'auto') as InferenceSetting,
        notes: new Map(),
      };
    });
  }

  /** Whether the submission can be graded now, or waits (parked) for a model-written reference. */
  private async plan(entry: Claimed): Promise<'grade' | 'parked'> {
    // Teacher overrides win over grading and survive regrades; an overridden answer needs no reference.
    const answeredKeys = new Set(
      entry.row.answers.map((answer) => answer.problemKey).filter((key) => !entry.overriddenKeys.has(key)),
    );
    const answered = entry.assignment.problems.filter((problem) => answeredKeys.has(problem.key));
    const plan = referencePlan(answered, {
      modelsUsable:
        answered.some((problem) => problem.referenceStatus === 'pending') && (await this.modelsUsable(entry.inference)),
      inference: entry.inference,
      untrustedReasons: await this.untrustedReasons(answered),
    });
    if (plan.wait) {
      // Parked, not polled: the reference job releases it with a new version when it is done.
      await this.referenceWait.park(entry.row.id, entry.row.version);
      return 'parked';
    }
    entry.notes = plan.notes;
    return 'grade';
  }

  /** From the CAS's answers to the result: model judgements, overrides, notes and the status. */
  private async finish(entry: Claimed, graded: BudgetedGrade): Promise<Finished> {
    const { row, inference } = entry;
    const gate = await this.judgementGate.apply(
      row.assignmentId,
      inference,
      entry.assignment.problems,
      graded.answers,
      () => this.modelsUsable(inference),
    );
    if (gate.kind === 'wait') {
      await this.referenceWait.park(row.id, row.version, WAITING_FOR_JUDGEMENT);
      return { kind: 'parked' };
    }
    const overridden = applyOverrides(gate.answers, entry.overrides);
    const reviewUnverified = entry.assignment.grading.reviewUnverified === true;
    const answers = markForReview(
      applyProblemNotes(overridden.answers, entry.notes),
      reviewReasons(gate.failed, reviewUnverified ? overridden.answers : [], graded.unchecked),
    );
    const { status, reason } = submissionStatus(answers, entry.overriddenKeys);
    const { score, maxScore } = totals(graded.answers);
    return {
      kind: 'result',
      result: {
        submissionId: row.id,
        version: row.version,
        status,
        statusReason: reason,
        score: entry.overrides.length > 0 ? overridden.score : score,
        maxScore,
        answers,
      },
    };
  }

  /** Under `auto`, whether some model pool is alive (read at most every 2 s, not per submission). */
  private async modelsUsable(inference: InferenceSetting): Promise<boolean> {
    if (inference !== 'auto') return inference !== 'none';
    return modelsUsable(inference, await this.modelProducer.recentPoolState());
  }

  /** Why each answered problem in needs_review has no trusted reference (rare: one read per problem). */
  private async untrustedReasons(problems: { id: string; key: string; revision: number; referenceStatus: string }[]) {
    const reasons = new Map<string, string>();
    for (const problem of problems.filter((candidate) => candidate.referenceStatus === 'needs_review')) {
      const reference = await this.references.current(problem.id, problem.revision);
      if (reference?.reason) reasons.set(problem.key, reference.reason);
    }
    return reasons;
  }
}

const keyOf = (entry: Claimed) => jobKey(entry.row.id, entry.row.version);

/** One submission's step as an outcome: its error fails its job alone, not the chunk. */
async function settle<T>(work: () => Promise<T>): Promise<ItemOutcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * Per problem, why it needs a person: a failed model judgement, unverified steps under
 * reviewUnverified, or the grading budget left it unchecked.
 */
function reviewReasons(
  failed: Map<string, string>,
  unverifiedCandidates: GradedAnswer[],
  unchecked: BudgetedGrade['unchecked'],
): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const { problemKey, reason } of unchecked)
    reasons.set(
      problemKey,
      `problem ${problemKey}: ${reason}: check it on the review page and override the score, or regrade with a larger budget (GRADING_BUDGET_MS, GRADING_MAX_STEPS)`,
    );
  for (const [problemKey, cause] of failed)
    if (!reasons.has(problemKey))
      reasons.set(
        problemKey,
        `problem ${problemKey}: a model judgement of a step failed (${cause}): start a gpu/edge worker and regrade, or override the score`,
      );
  for (const answer of unverifiedCandidates) {
    const count = answer.steps.filter((step) => step.verdict === 'unverified').length;
    if (count > 0 && !reasons.has(answer.problemKey))
      reasons.set(
        answer.problemKey,
        `problem ${answer.problemKey}: ${count} step(s) could not be verified (grading.reviewUnverified is on): check them on the review page and override the score if needed`,
      );
  }
  return reasons;
}
