import { Injectable, Logger } from '@nestjs/common';
import { JudgementRepository } from '../../../libs/db/index.js';
import type { GradedAnswer } from '../../../libs/grading/grade-submission.js';
import { applyJudgements, judgeableSteps, judgementKey, type ModelJudgement } from '../../../libs/grading/index.js';
import { PROMPT_VERSION } from '../../../libs/inference/index.js';
import { type InferenceSetting, ModelQueueProducer } from '../../../libs/queue/index.js';

/** `failed`: per problem key, why a judgement it needed failed (that problem goes to review). */
export type GateOutcome = { kind: 'ready'; answers: GradedAnswer[]; failed: Map<string, string> } | { kind: 'wait' };

interface ProblemIdentity {
  key: string;
  id: string;
  revision: number;
}

/**
 * Between the CAS and the result: prose steps the CAS left unverified get a model judgement when
 * the assignment allows models. Missing judgements are requested (once per distinct step and
 * context) and the submission waits; finished ones are laid over the steps.
 */
@Injectable()
export class JudgementGate {
  private readonly logger = new Logger('JudgementGate');

  constructor(
    private readonly judgements: JudgementRepository,
    private readonly modelProducer: ModelQueueProducer,
  ) {}

  async apply(
    assignmentId: string,
    inference: InferenceSetting,
    problems: ProblemIdentity[],
    answers: GradedAnswer[],
    modelsUsable: () => Promise<boolean>,
  ): Promise<GateOutcome> {
    if (inference === 'none') return { kind: 'ready', answers, failed: new Map() };
    const problemByKey = new Map(problems.map((problem) => [problem.key, problem]));
    const wanted = judgeableSteps(answers).flatMap((step) => {
      const problem = problemByKey.get(step.problemKey);
      if (!problem) return [];
      const key = judgementKey({
        problemId: problem.id,
        revision: problem.revision,
        stepText: step.stepText,
        precedingSteps: step.precedingSteps,
        promptVersion: PROMPT_VERSION,
      });
      return [{ step, problem, key }];
    });
    if (wanted.length === 0) return { kind: 'ready', answers, failed: new Map() };
    const found = new Map(
      (await this.judgements.findByKeys(wanted.map((entry) => entry.key))).map((row) => [row.key, row]),
    );
    const usable = await modelsUsable();
    const missing = wanted.filter((entry) => !found.has(entry.key));
    if (usable && missing.length > 0) {
      const created = await this.judgements.createMissing(
        missing.map(({ step, problem, key }) => ({
          key,
          assignmentId,
          problemId: problem.id,
          revision: problem.revision,
          promptVersion: PROMPT_VERSION,
          stepText: step.stepText,
          precedingSteps: step.precedingSteps,
        })),
      );
      for (const judgementId of created) await this.modelProducer.enqueueJudgement(judgementId, inference);
      return { kind: 'wait' };
    }
    if (usable && wanted.some((entry) => found.get(entry.key)!.status === 'pending')) return { kind: 'wait' };
    const failed = new Map<string, string>();
    const byAnswer = new Map<string, Map<number, ModelJudgement>>();
    for (const { step, key } of wanted) {
      const row = found.get(key);
      if (usable && row?.status === 'failed' && !failed.has(step.problemKey))
        failed.set(step.problemKey, row.reason ?? 'no reason given');
      if (!row || row.status !== 'done' || !row.verdict) continue;
      const forAnswer = byAnswer.get(step.problemKey) ?? new Map<number, ModelJudgement>();
      forAnswer.set(step.stepIndex, { verdict: row.verdict, reason: row.reason ?? '' });
      byAnswer.set(step.problemKey, forAnswer);
    }
    const judged = answers.map((answer) => applyJudgements(answer, byAnswer.get(answer.problemKey) ?? new Map()));
    for (const [problemKey, reason] of failed)
      this.logger.warn(`a judgement needed by problem ${problemKey} of assignment ${assignmentId} failed: ${reason}`);
    return { kind: 'ready', answers: judged, failed };
  }
}
