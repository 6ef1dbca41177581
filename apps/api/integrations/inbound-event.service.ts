import { Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import {
  AssignmentRepository,
  InboundEventRepository,
  type InboundSubmission,
  IntegrationRepository,
  type IntegrationRow,
  isId,
} from '../../../libs/db/index.js';
import { type IncomingHeaders, verifyWebhook, WebhookVerificationError } from '../../../libs/webhooks/index.js';
import { ApiError } from '../common/api-error.js';
import { storableText } from '../common/storable-text.js';
import { SubmissionIntakeService } from '../submissions/submission-intake.service.js';
import { IntegrationsService } from './integrations.service.js';

const eventEnvelope = z.object({ type: storableText().min(1).max(200), data: z.unknown().optional() });
const submissionCreatedData = z
  .object({
    assignmentId: storableText().max(64).optional(),
    assignmentExternalId: storableText().max(200).optional(),
  })
  .passthrough()
  .refine(
    (data) => (data.assignmentId === undefined) !== (data.assignmentExternalId === undefined),
    'give exactly one of assignmentId, assignmentExternalId',
  );

export type InboundOutcome = { status: 200 | 202; body: Record<string, unknown> };

// One body for every refusal before the signature is known good (unknown id, missing headers,
// stale timestamp, bad signature): different messages let a caller probe which ids exist.
const REFUSED_MESSAGE = 'unknown integration or bad signature';
const refused = () => new ApiError(401, 'invalid_signature', REFUSED_MESSAGE);

/**
 * An LMS's signed event: verified by its signature alone (Standard Webhooks, ±5 min), refused
 * while its integration is disabled, processed once per webhook-id (claimed in the transaction
 * that acts on it), `submission.created` handed to the normal intake, other types recorded and
 * ignored.
 */
@Injectable()
export class InboundEventService {
  private readonly logger = new Logger('InboundEvents');

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
    if (!integration) throw refused();
    const webhookId = this.verify(integration, rawBody ?? Buffer.alloc(0), headers);
    // Only a correctly signed sender learns that the integration exists but is disabled.
    if (!integration.enabled)
      throw new ApiError(403, 'integration_disabled', 'this integration is disabled; enable it to receive events');
    const envelope = eventEnvelope.safeParse(parsedBody);
    if (!envelope.success) throw new ApiError(422, 'invalid_content', 'an event is {"type": string, "data": object}');
    const claim = { integrationId: integration.id, webhookId, type: envelope.data.type };
    if (envelope.data.type !== 'submission.created') {
      const outcome = await this.inbound.processOnce(claim, null);
      if (outcome.kind === 'duplicate') return duplicate(webhookId, outcome.submissionId);
      return { status: 202, body: { status: 'ignored', webhookId } };
    }
    const create = await this.submissionFor(integration, envelope.data.data);
    const outcome = await this.inbound.processOnce(claim, create);
    if (outcome.kind === 'duplicate') return duplicate(webhookId, outcome.submissionId);
    const accepted = await this.intake.settle(outcome.submission!);
    const submission = { id: accepted.id, status: accepted.status, created: accepted.created };
    return { status: 202, body: { status: 'accepted', webhookId, submission } };
  }

  private verify(integration: IntegrationRow, rawBody: Buffer, headers: IncomingHeaders): string {
    try {
      return verifyWebhook(rawBody, headers, { secrets: this.integrationsService.secrets.inbound(integration) })
        .webhookId;
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      // The reason stays in the log for the integration's owner; the caller gets the one 401.
      this.logger.debug(`inbound event for ${integration.id} refused: ${error.reason}: ${error.message}`);
      throw refused();
    }
  }

  /** The same intake as POST /v1/assignments/:id/submissions, idempotent on externalId. */
  private async submissionFor(integration: IntegrationRow, data: unknown): Promise<InboundSubmission> {
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
    return {
      target: { orgId: assignment.orgId, assignmentId: assignment.id },
      submission: this.intake.validate(target, submission),
    };
  }
}

function duplicate(webhookId: string, submissionId: string | null): InboundOutcome {
  return { status: 200, body: { status: 'duplicate', webhookId, ...(submissionId ? { submissionId } : {}) } };
}
