import { Injectable } from '@nestjs/common';
import { AssignmentRepository, isId } from '../../../libs/db/index.js';

/** What accepting a submission needs to know about its assignment. */
export interface IntakeTarget {
  id: string;
  orgId: string;
  problemKeys: Set<string>;
}

const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * Single submissions arrive by the thousand for the same few assignments; their organization and
 * problem keys never change (PATCH cannot add or remove problems), so a short in-process cache
 * saves a database round trip per request.
 */
@Injectable()
export class IntakeTargetCache {
  private readonly entries = new Map<string, { target: IntakeTarget; expiresAt: number }>();

  constructor(private readonly assignments: AssignmentRepository) {}

  /** Null when the assignment does not exist or belongs to another organization. */
  async find(assignmentId: string, orgScope: string | null): Promise<IntakeTarget | null> {
    if (!isId(assignmentId)) return null;
    const target = await this.load(assignmentId);
    if (!target || (orgScope !== null && target.orgId !== orgScope)) return null;
    return target;
  }

  private async load(assignmentId: string): Promise<IntakeTarget | null> {
    const cached = this.entries.get(assignmentId);
    if (cached && cached.expiresAt > Date.now()) return cached.target;
    const assignment = await this.assignments.findById(assignmentId, null);
    if (!assignment) return null;
    const target = {
      id: assignment.id,
      orgId: assignment.orgId,
      problemKeys: new Set(assignment.problems.map((problem) => problem.key)),
    };
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(assignmentId, { target, expiresAt: Date.now() + TTL_MS });
    return target;
  }
}
