import { Controller, Get, Logger, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { isId, RegradeRepository, type RegradeTicket, SubmissionRepository } from '../../../libs/db/index.js';
import { GradeQueueProducer } from '../../../libs/queue/index.js';
import { presentSubmission } from '../../../libs/results/index.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { notFound } from '../common/api-error.js';
import { ZodQueryPipe } from '../common/zod-body.pipe.js';

export const versionsQuery = z.object({
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Enqueues regrade jobs after commit; Redis down leaves them queued for the reconciler. */
export async function enqueueRegrades(
  producer: GradeQueueProducer,
  tickets: RegradeTicket[],
  logger: Logger,
): Promise<void> {
  try {
    await producer.enqueue(tickets.map((ticket) => ({ submissionId: ticket.submissionId, version: ticket.version })));
  } catch (error) {
    logger.warn(`enqueue of ${tickets.length} regrade job(s) deferred to the reconciler: ${(error as Error).message}`);
  }
}

/** Regrade of one submission (a new result version) and the list of its result versions. */
@Controller('v1/submissions/:id')
export class SubmissionRegradeController {
  private readonly logger = new Logger('Regrade');

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly regrades: RegradeRepository,
    private readonly producer: GradeQueueProducer,
  ) {}

  /** 202; a submission already queued or being graded is left to that job (same version). */
  @Post('regrade')
  @Roles('admin', 'teacher')
  async regrade(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const submission = isId(id) ? await this.submissions.findById(id, orgScope(principal)) : null;
    if (!submission) throw notFound('submission');
    const ticket = await this.regrades.regradeSubmission(submission.id);
    if (ticket) await enqueueRegrades(this.producer, [ticket], this.logger);
    void reply.status(202);
    return { id: submission.id, status: 'queued', resultVersion: ticket?.version ?? submission.resultVersion };
  }

  /** Every stored result, newest first; `current` marks the one GET /v1/submissions/:id shows. */
  @Get('versions')
  async versions(
    @Param('id') id: string,
    @Query(new ZodQueryPipe(versionsQuery)) query: z.infer<typeof versionsQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const submission = isId(id) ? await this.submissions.findById(id, orgScope(principal)) : null;
    if (!submission) throw notFound('submission');
    const rows = await this.regrades.versions(submission.id, query.cursor ?? null, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((result) => ({
        version: result.version,
        current: result.version === submission.resultVersion,
        status: result.status,
        statusReason: result.statusReason,
        score: result.score,
        maxScore: result.maxScore,
        gradedAt: result.gradedAt,
        answers: presentSubmission(submission, result).answers,
      })),
      nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.version) : null,
    };
  }
}
