import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { z } from 'zod';
import { LIMITS } from '../assignments/assignment.dto.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { refuseWhenBusy, ToolsSandbox } from './cas-sandbox.provider.js';

const policy = z
  .object({
    relativeTolerance: z.number().min(0).max(1).optional(),
    acceptRoundedTo: z.number().int().min(0).max(15).nullable().optional(),
    answerWeight: z.number().min(0).max(1).optional(),
    errorCarriedForward: z.boolean().optional(),
    missingRequiredStepPenalty: z.number().min(0).max(1).optional(),
  })
  .optional();

export const equivalenceBody = z.object({
  expected: z.string().max(LIMITS.charsPerStep),
  given: z.string().max(LIMITS.charsPerStep),
  policy,
});

export const checkStepsBody = z.object({
  problem: z.string().max(20_000),
  steps: z.array(z.string().max(LIMITS.charsPerStep)).max(LIMITS.stepsPerAnswer),
  answer: z.string().max(LIMITS.charsPerStep).nullable().optional(),
  definitions: z.record(z.string().max(200), z.string().max(LIMITS.charsPerStep)).optional(),
  policy,
});

/** Each organization is its own lane of the pool (admins, who have none, share one per key). */
const laneOf = (principal: Principal) => principal.orgId ?? `key:${principal.keyId}`;

/** Synchronous CAS checks (no queue, no model), time-boxed; unreadable math is an answer, not an error. */
@Controller('v1/tools')
export class ToolsController {
  constructor(private readonly tools: ToolsSandbox) {}

  @Post('equivalence')
  @HttpCode(200)
  equivalence(
    @Body(new ZodPipe(equivalenceBody)) body: z.infer<typeof equivalenceBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return refuseWhenBusy(
      this.tools.sandbox.checkAnswer(
        { expected: body.expected, given: body.given, policy: body.policy ?? undefined },
        laneOf(principal),
      ),
    );
  }

  @Post('check-steps')
  @HttpCode(200)
  async checkSteps(
    @Body(new ZodPipe(checkStepsBody)) body: z.infer<typeof checkStepsBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const result = await refuseWhenBusy(
      this.tools.sandbox.checkSteps(
        {
          problem: body.problem,
          steps: body.steps,
          answer: body.answer ?? null,
          definitions: body.definitions ?? {},
          policy: body.policy ?? {},
        },
        laneOf(principal),
      ),
    );
    return { firstErrorStep: result.firstErrorStep, finalAnswer: result.finalAnswer, steps: result.steps };
  }
}
