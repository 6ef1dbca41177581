import type pg from 'pg';
import { newId } from '../ids.js';
import { type InsertOutcome, type NewSubmission, insertSubmissions } from './submission-insert.js';

export interface InboundEventClaim {
  integrationId: string;
  webhookId: string;
  type: string;
}

/** What the event creates once claimed: a submission for submission.created, nothing for other types. */
export interface InboundSubmission {
  target: { orgId: string; assignmentId: string };
  submission: NewSubmission;
}

export type InboundClaimOutcome =
  { kind: 'duplicate'; submissionId: string | null } | { kind: 'claimed'; submission: InsertOutcome | null };

const CLAIM_SQL = `
INSERT INTO inbound_events (id, integration_id, webhook_id, type, outcome, submission_id)
VALUES ($1, $2, $3, $4, $5, NULL)
ON CONFLICT (integration_id, webhook_id) DO NOTHING
RETURNING id`;

/**
 * Inbound webhook ids, each acted on once. The id is claimed by inserting its row (unique on
 * integration + webhook-id) in the same transaction as the submission it creates: a concurrent
 * delivery of the same id waits on the index and then finds it taken, and a failure rolls both
 * back so the sender's retry processes it again. A check-then-act in two steps let 20 concurrent
 * deliveries create 13 submissions.
 */
export class InboundEventRepository {
  constructor(private readonly pool: pg.Pool) {}

  async processOnce(claim: InboundEventClaim, create: InboundSubmission | null): Promise<InboundClaimOutcome> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const outcome = create ? 'accepted' : 'ignored';
      const id = newId();
      const claimed = await client.query(CLAIM_SQL, [id, claim.integrationId, claim.webhookId, claim.type, outcome]);
      if (claimed.rowCount === 0) {
        await client.query('ROLLBACK');
        // on the same connection: asking the pool for a second one while holding this one deadlocks
        // under a burst of duplicates (every connection held, each waiting for another)
        return { kind: 'duplicate', submissionId: await submissionOf(client, claim) };
      }
      const submission = create ? await this.insertSubmission(client, id, create) : null;
      // A conflicting externalId is refused (409) and the id left unclaimed, as before the claim.
      await client.query(submission?.kind === 'conflict' ? 'ROLLBACK' : 'COMMIT');
      return { kind: 'claimed', submission };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async insertSubmission(client: pg.PoolClient, eventId: string, create: InboundSubmission) {
    const [inserted] = await insertSubmissions(client, { ...create.target, batchId: null }, [create.submission]);
    if (inserted!.kind !== 'conflict')
      await client.query('UPDATE inbound_events SET submission_id = $2 WHERE id = $1', [eventId, inserted!.id]);
    return inserted!;
  }
}

async function submissionOf(client: pg.PoolClient, claim: InboundEventClaim): Promise<string | null> {
  const found = await client.query<{ submission_id: string | null }>(
    'SELECT submission_id FROM inbound_events WHERE integration_id = $1 AND webhook_id = $2',
    [claim.integrationId, claim.webhookId],
  );
  return found.rows[0]?.submission_id ?? null;
}
