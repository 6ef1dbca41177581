import type { ApiClient } from '../../support/http-client.js';
import { apiClient } from '../../support/http-client.js';
import type { ChaosStack } from './chaos-stack.js';

export const BATCH_SIZE = 2_000;

/** CAS-only arithmetic: grading needs no model, so every submission can reach `graded`. */
const arithmeticAssignment = (name: string) => ({
  title: `Chaos ${name}`,
  grading: { inference: 'none' },
  problems: [{ key: 'p1', statement: 'Compute 12 * 7 + 5.', answer: '89', points: 4 }],
});

function work(index: number): string[] {
  // A quarter of the students slip in the first step, so results are not all identical.
  return index % 4 === 0 ? ['12 * 7 = 74', '74 + 5 = 79', 'A: 79'] : ['12 * 7 = 84', '84 + 5 = 89', 'A: 89'];
}

export interface ChaosBatch {
  name: string;
  teacher: ApiClient;
  batchId: string;
  accepted: number;
  hookPath: string;
}

/**
 * A fresh organization with an integration subscribed to submission.graded (pointing at the local
 * receiver) and a 2,000-submission batch accepted through the API.
 */
export async function submitBatch(stack: ChaosStack, name: string): Promise<ChaosBatch> {
  const org = await stack.admin.post('/v1/orgs', { name: `chaos-${name}` });
  const key = await stack.admin.post('/v1/api-keys', { orgId: org.body.id, role: 'teacher', name: `${name} teacher` });
  const teacher = apiClient(stack.baseUrl, key.body.key);
  const hookPath = `/hook/${name}`;
  const integration = await teacher.post('/v1/integrations', {
    name,
    callbackUrl: stack.receiver.url(hookPath),
    events: ['submission.graded'],
  });
  if (integration.status !== 201)
    throw new Error(`integration: ${integration.status} ${JSON.stringify(integration.body)}`);
  const assignment = await teacher.post('/v1/assignments', arithmeticAssignment(name));
  if (assignment.status !== 201) throw new Error(`assignment: ${assignment.status} ${JSON.stringify(assignment.body)}`);
  const submissions = Array.from({ length: BATCH_SIZE }, (_, index) => ({
    studentId: `s-${index}`,
    externalId: `${name}-${index}`,
    answers: [{ problemKey: 'p1', steps: work(index) }],
  }));
  const batch = await teacher.post(`/v1/assignments/${assignment.body.id}/submissions/batch`, { submissions });
  if (batch.status !== 202) throw new Error(`batch: ${batch.status} ${JSON.stringify(batch.body)}`);
  return { name, teacher, batchId: batch.body.batchId, accepted: batch.body.accepted, hookPath };
}

/** Graded submissions of the batch, read from the record (Postgres), not through the API. */
export async function gradedCount(stack: ChaosStack, batchId: string): Promise<number> {
  const { rows } = await stack.db.query<{ count: string }>(
    `SELECT count(*) FROM submissions WHERE batch_id = $1 AND status = 'graded'`,
    [batchId],
  );
  return Number(rows[0]!.count);
}
