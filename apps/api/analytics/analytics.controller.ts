import { Controller, Get, Param } from '@nestjs/common';
import { AnalyticsRepository, AssignmentRepository, isId } from '../../../libs/db/index.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { notFound } from '../common/api-error.js';
import { assignmentAnalytics } from './assignment-analytics.js';

/**
 * GET /v1/assignments/:id/analytics over each student's latest settled submission (overrides
 * applied): score histogram, mean, per-problem rates and most common first errors. The assignment
 * review page shows the same figures, from the same assignmentAnalytics.
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
    return assignmentAnalytics(this.analytics, assignment);
  }
}
