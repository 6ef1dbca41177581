import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AssignmentRepository, isId, ResultsTableRepository } from '../../../libs/db/index.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { notFound } from '../common/api-error.js';
import { ZodQueryPipe } from '../common/zod-body.pipe.js';
import { csvHeader, csvRow } from './results-csv.js';

export const resultsQuery = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const CSV_PAGE = 1_000;

/** One row per student (latest submission): per-problem scores, total, status. */
@Controller('v1/assignments/:id/results')
export class ResultsController {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly table: ResultsTableRepository,
  ) {}

  @Get()
  async results(
    @Param('id') id: string,
    @Query(new ZodQueryPipe(resultsQuery)) query: z.infer<typeof resultsQuery>,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const assignment = isId(id) ? await this.assignments.findById(id, orgScope(principal)) : null;
    if (!assignment) throw notFound('assignment');
    const problemKeys = assignment.problems.map((problem) => problem.key);
    if (query.format === 'json') {
      const rows = await this.table.page(assignment.id, query.cursor ?? null, query.limit + 1);
      const items = rows.slice(0, query.limit);
      return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.studentId : null };
    }
    // CSV: every row in one response, built page by page so memory stays bounded per page.
    const chunks: string[] = [csvHeader(problemKeys)];
    let after: string | null = null;
    for (;;) {
      const rows = await this.table.page(assignment.id, after, CSV_PAGE);
      for (const row of rows) chunks.push(csvRow(row, problemKeys));
      if (rows.length < CSV_PAGE) break;
      after = rows[rows.length - 1]!.studentId;
    }
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="results-${assignment.id}.csv"`);
    return chunks.join('');
  }
}
