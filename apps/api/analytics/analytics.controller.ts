import { Controller, Get, Param } from '@nestjs/common';
import { AnalyticsRepository, AssignmentRepository, isId } from '../../../libs/db/index.js';
import { summarizeAnalytics } from '../../../libs/grading/analytics-summary.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { notFound } from '../common/api-error.js';

/**
 * GET /v1/assignments/:id/analytics over each student's latest graded submission (overrides
 * applied): score histogram, mean, per-problem correct rate and most common first errors.
 */
@Controller('v1/assignments/:id/analytics')
export class AnalyticsController {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly analytics: AnalyticsRepository,
  ) {}

  @Get()
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const assignment = isId(id) ? await this.assignments.findById(id, orgScope(principal)) : null;
    if (!assignment) throw notFound('assignment');
    const answers = await this.analytics.latestAnswers(assignment.id);
    return summarizeAnalytics(assignment.problems, answers);
  }
}
