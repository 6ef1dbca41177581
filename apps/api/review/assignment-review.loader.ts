import { Injectable } from '@nestjs/common';
import {
  AnalyticsRepository,
  AssignmentRepository,
  type SubmissionRow,
  SubmissionRepository,
} from '../../../libs/db/index.js';
import type { AssignmentReview } from '../../../libs/review/index.js';
import { assignmentAnalytics } from '../analytics/assignment-analytics.js';

// Bounds for one page view's progress counts: the page is for a class or a course section, not a
// data export. Its statistics are the analytics endpoint's, over every student (one query).
const PAGE_SIZE = 500;
const MAX_SUBMISSIONS = 5_000;

/** Reads an assignment's submissions and its analytics into the assignment page's model. */
@Injectable()
export class AssignmentReviewLoader {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly submissions: SubmissionRepository,
    private readonly analytics: AnalyticsRepository,
  ) {}

  async load(assignmentId: string, submissionLink: (submissionId: string) => string): Promise<AssignmentReview | null> {
    const assignment = await this.assignments.findById(assignmentId, null);
    if (!assignment) return null;
    const rows = await this.allSubmissions(assignment.id);
    const statusCounts: Record<string, number> = { queued: 0, grading: 0, graded: 0, needs_review: 0, failed: 0 };
    for (const row of rows) statusCounts[row.status] = (statusCounts[row.status] ?? 0) + 1;
    return {
      assignmentId: assignment.id,
      title: assignment.title,
      problemKeys: assignment.problems.map((problem) => problem.key),
      statusCounts,
      analytics: await assignmentAnalytics(this.analytics, assignment),
      submissionLink,
    };
  }

  private async allSubmissions(assignmentId: string): Promise<SubmissionRow[]> {
    const rows: SubmissionRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.submissions.list({ orgId: null, assignmentId }, { cursor, limit: PAGE_SIZE });
      rows.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && rows.length < MAX_SUBMISSIONS);
    return rows;
  }
}
