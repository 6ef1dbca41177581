import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../../libs/db/index.js';

const eventList = z
  .array(z.enum(WEBHOOK_EVENT_TYPES as [string, ...string[]]))
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((events) => [...new Set(events)]);

export const createIntegrationBody = z.object({
  name: z.string().trim().min(1).max(200),
  callbackUrl: z.string().trim().min(1).max(2_000),
  events: eventList.default([...WEBHOOK_EVENT_TYPES]),
  orgId: z.string().max(64).optional(),
});
export type CreateIntegrationBody = z.infer<typeof createIntegrationBody>;

export const patchIntegrationBody = z
  .object({
    enabled: z.boolean().optional(),
    callbackUrl: z.string().trim().min(1).max(2_000).optional(),
    events: eventList.optional(),
  })
  .refine(
    (patch) => Object.values(patch).some((value) => value !== undefined),
    'give at least one of enabled, callbackUrl, events',
  );
export type PatchIntegrationBody = z.infer<typeof patchIntegrationBody>;

export const orgQuery = z.object({ orgId: z.string().max(64).optional() });
