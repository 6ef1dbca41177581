import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  AssignmentRepository,
  InboundEventRepository,
  IntegrationRepository,
  type IntegrationRow,
  isId,
} from '../../../libs/db/index.js';
import { type IncomingHeaders, verifyWebhook, WebhookVerificationError } from '../../../libs/webhooks/index.js';
import { ApiError } from '../common/api-error.js';
import { SubmissionIntakeService } from '../submissions/submission-intake.service.js';
import { IntegrationsService } from './integrations.service.js';

const eventEnvelope = z.object({ type: z.string().min(1).max(200), data: z.unknown().optional() });
const submissionCreatedData = z
  .object({
    assignmentId: z.string().max(64).optional(),
    assignmentExternalId: z.string().max(200).optional(),
  })
  .passthrough()
  .refine(
    (data) => (data.assignmentId === undefined) !== (data.assignmentExternalId === undefined),
    'give exactly one of assignmentId, assignmentExternalId',
  );

export type InboundOutcome = { status: 200 | 202; body: Record<string, unknown> };

// Unknown integration ids get the same 401 as a bad signature: existence is not revealed.
const refused = (message: string) => new ApiError(401, 'invalid_signature', message);

/**
 * An LMS's signed event: verified by its signature alone (Standard Webhooks, ±5 min), processed
 * once per webhook-id, `submission.created` handed to the normal intake, other types recorded and
 * ignored.
 */
@Injectable()
export class InboundEventService {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly inbound: InboundEventRepository,
    private readonly assignments: AssignmentRepository,
    private readonly intake: SubmissionIntakeService,
    private readonly integrationsService: IntegrationsService,
  ) {}

  async receive(
    integrationId: string,
    rawBody: Buffer | undefined,
    headers: IncomingHeaders,
    parsedBody: unknown,
  ): Promise<InboundOutcome> {
    const integration = isId(integrationId) ? await this.integrations.findById(integrationId, null) : null;
    if (!integration) throw refused('unknown integration or bad signature');
    const webhookId = this.verify(integration, rawBody ?? Buffer.alloc(0), headers);
    if (await this.inbound.seen(integration.id, webhookId))
      return { status: 200, body: { status: 'duplicate', webhookId } };
    const envelope = eventEnvelope.safeParse(parsedBody);
    if (!envelope.success) throw new ApiError(422, 'invalid_content', 'an event is {"type": string, "data": object}');
    if (envelope.data.type !== 'submission.created') {
      await this.inbound.record({
        integrationId: integration.id,
        webhookId,
        type: envelope.data.type,
        outcome: 'ignored',
        submissionId: null,
      });
      return { status: 202, body: { status: 'ignored', webhookId } };
    }
    const submission = await this.createSubmission(integration, envelope.data.data);
    await this.inbound.record({
      integrationId: integration.id,
      webhookId,
      type: envelope.data.type,
      outcome: 'accepted',
      submissionId: submission.id,
    });
    return { status: 202, body: { status: 'accepted', webhookId, submission } };
  }

  private verify(integration: IntegrationRow, rawBody: Buffer, headers: IncomingHeaders): string {
    try {
      return verifyWebhook(rawBody, headers, { secrets: this.integrationsService.secrets.inbound(integration) })
        .webhookId;
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw refused(`${error.reason}: ${error.message}`);
      throw error;
    }
  }

  /** The same intake as POST /v1/assignments/:id/submissions, idempotent on externalId. */
  private async createSubmission(integration: IntegrationRow, data: unknown) {
    const parsed = submissionCreatedData.safeParse(data);
    if (!parsed.success) throw new ApiError(422, 'invalid_content', `data: ${parsed.error.issues[0]?.message}`);
    const { assignmentId, assignmentExternalId, ...submission } = parsed.data;
    const assignment = assignmentId
      ? isId(assignmentId)
        ? await this.assignments.findById(assignmentId, integration.orgId)
        : null
      : await this.assignments.findByExternalId(assignmentExternalId!, integration.orgId);
    if (!assignment)
      throw new ApiError(422, 'unknown_assignment', 'no assignment with that id or externalId in this organization');
    const target = {
      id: assignment.id,
      orgId: assignment.orgId,
      problemKeys: new Set(assignment.problems.map((problem) => problem.key)),
    };
    const outcome = await this.intake.acceptOne(target, submission);
    return { id: outcome.id, status: outcome.status, created: outcome.created };
  }
}
