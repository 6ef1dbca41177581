import type pg from 'pg';
import { newId } from '../ids.js';
import { type InsertOutcome, type NewSubmission, insertSubmissions } from './submission-insert.js';

type Target = { orgId: string; assignmentId: string };

/**
 * A streamed batch: the batch row and every chunk of submissions go into one transaction, so a
 * batch never counts work that isn't there, while the upload is never held in memory whole.
 */
export class BatchUploadSession {
  private finished = false;

  constructor(
    readonly batchId: string,
    private readonly client: pg.PoolClient,
    private readonly target: Target,
  ) {}

  insert(submissions: NewSubmission[]): Promise<InsertOutcome[]> {
    return insertSubmissions(this.client, { ...this.target, batchId: this.batchId }, submissions);
  }

  async commit(accepted: number): Promise<void> {
    await this.client.query(
      'UPDATE batches SET total = $2, completed_at = CASE WHEN $2 = 0 THEN now() ELSE NULL END WHERE id = $1',
      [this.batchId, accepted],
    );
    await this.client.query('COMMIT');
    this.release();
  }

  async rollback(): Promise<void> {
    if (this.finished) return;
    try {
      await this.client.query('ROLLBACK');
    } finally {
      this.release();
    }
  }

  private release(): void {
    this.finished = true;
    this.client.release();
  }
}

export class BatchUploadRepository {
  constructor(private readonly pool: pg.Pool) {}

  async begin(target: Target): Promise<BatchUploadSession> {
    const batchId = newId();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'INSERT INTO batches (id, org_id, assignment_id, total, created_at) VALUES ($1, $2, $3, 0, now())',
        [batchId, target.orgId, target.assignmentId],
      );
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw error;
    }
    return new BatchUploadSession(batchId, client, target);
  }

  /** The batch's submission ids, a page at a time (enqueued after commit without holding them all). */
  async *submissionIds(batchId: string, pageSize = 1_000): AsyncGenerator<string[]> {
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ id: string }>(
        'SELECT id FROM submissions WHERE batch_id = $1 AND id > $2 ORDER BY id LIMIT $3',
        [batchId, after, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map((row) => row.id);
      after = rows[rows.length - 1]!.id;
    }
  }
}
