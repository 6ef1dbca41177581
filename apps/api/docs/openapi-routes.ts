import type { z } from 'zod';
import { patchPoolBody } from '../admin/pools.controller.js';
import { updateAssignmentBody } from '../assignments/assignment-update.dto.js';
import { createAssignmentBody } from '../assignments/assignment.dto.js';
import { createQuery } from '../assignments/assignments.controller.js';
import { putReferenceBody } from '../assignments/references.controller.js';
import { pageQuery } from '../common/page-query.js';
import { createIntegrationBody, orgQuery, patchIntegrationBody } from '../integrations/integration.dto.js';
import { createKeyBody, createOrgBody } from '../orgs/orgs.controller.js';
import { overrideBody } from '../overrides/override.dto.js';
import { resultsQuery } from '../results/results.controller.js';
import { linkBody } from '../review/review-links.controller.js';
import { versionsQuery } from '../submissions/submission-regrade.controller.js';
import { batchBody, submissionSchema } from '../submissions/submission.dto.js';
import { listQuery } from '../submissions/submissions.controller.js';
import { checkStepsBody, equivalenceBody } from '../tools/tools.controller.js';

export type Access = 'public' | 'admin' | 'teacher' | 'any key' | 'signed webhook' | 'review token';

/** One route as the OpenAPI document shows it: the zod schemas are the ones the route validates with. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Other request bodies the route reads (streamed batches, signed webhooks). */
  rawBodies?: string[];
  success: number;
}

/**
 * Every route of the API (API.md is the prose contract). openapi.spec.ts checks this list against
 * the routes Nest maps, so a new route without a line here fails the build's tests.
 */
export const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/health/live', summary: 'the process runs', access: 'public', success: 200 },
  { method: 'get', path: '/health/ready', summary: 'Postgres and Redis answer', access: 'public', success: 200 },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics', access: 'admin', success: 200 },
  {
    method: 'post',
    path: '/v1/orgs',
    summary: 'create an organization',
    access: 'admin',
    body: createOrgBody,
    success: 201,
  },
  {
    method: 'post',
    path: '/v1/api-keys',
    summary: 'create an API key (shown once)',
    access: 'admin',
    body: createKeyBody,
    success: 201,
  },
  { method: 'get', path: '/v1/api-keys', summary: 'list API keys', access: 'admin', query: pageQuery, success: 200 },
  { method: 'delete', path: '/v1/api-keys/{id}', summary: 'revoke an API key', access: 'admin', success: 200 },
  {
    method: 'post',
    path: '/v1/assignments',
    summary: 'create an assignment',
    access: 'teacher',
    body: createAssignmentBody,
    query: createQuery,
    success: 201,
  },
  {
    method: 'get',
    path: '/v1/assignments',
    summary: 'list assignments, newest first',
    access: 'any key',
    query: pageQuery,
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/assignments/{id}',
    summary: 'an assignment with its problems',
    access: 'any key',
    success: 200,
  },
  {
    method: 'patch',
    path: '/v1/assignments/{id}',
    summary: 'change title, grading, keys or policies',
    access: 'teacher',
    body: updateAssignmentBody,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/assignments/{id}/regrade',
    summary: "recompute reference status, release parked work, regrade every student's latest submission",
    access: 'teacher',
    success: 202,
  },
  {
    method: 'get',
    path: '/v1/assignments/{id}/needs-review',
    summary: 'submissions that need a person, with per-problem reasons',
    access: 'any key',
    query: pageQuery,
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/assignments/{id}/analytics',
    summary: 'per-problem statistics',
    access: 'any key',
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/assignments/{id}/problems/{key}/reference',
    summary: "a problem's reference and its status",
    access: 'any key',
    success: 200,
  },
  {
    method: 'put',
    path: '/v1/assignments/{id}/problems/{key}/reference',
    summary: 'approve or replace a reference',
    access: 'teacher',
    body: putReferenceBody,
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/assignments/{id}/results',
    summary: 'one row per student: per-problem scores, status, needsReview',
    access: 'any key',
    query: resultsQuery,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/assignments/{id}/review-link',
    summary: 'a signed review-page URL for the assignment',
    access: 'teacher',
    body: linkBody,
    success: 201,
  },
  {
    method: 'post',
    path: '/v1/assignments/{id}/submissions',
    summary: "submit one student's work",
    access: 'any key',
    body: submissionSchema,
    success: 202,
  },
  {
    method: 'get',
    path: '/v1/assignments/{id}/submissions',
    summary: 'list submissions',
    access: 'any key',
    query: listQuery,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/assignments/{id}/submissions/batch',
    summary: 'submit a batch',
    access: 'any key',
    body: batchBody,
    rawBodies: ['application/x-ndjson', 'text/csv'],
    success: 202,
  },
  { method: 'get', path: '/v1/batches/{id}', summary: 'batch progress', access: 'any key', success: 200 },
  {
    method: 'get',
    path: '/v1/batches/{id}/submissions',
    summary: "a batch's submissions",
    access: 'any key',
    query: pageQuery,
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/submissions/{id}',
    summary: 'a submission with per-problem results',
    access: 'any key',
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/submissions/{id}/regrade',
    summary: 'regrade one submission',
    access: 'teacher',
    success: 202,
  },
  {
    method: 'get',
    path: '/v1/submissions/{id}/versions',
    summary: 'earlier result versions',
    access: 'any key',
    query: versionsQuery,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/submissions/{id}/review-link',
    summary: 'a signed review-page URL for the submission',
    access: 'teacher',
    body: linkBody,
    success: 201,
  },
  {
    method: 'put',
    path: '/v1/submissions/{id}/answers/{problemKey}/override',
    summary: "override one answer's score",
    access: 'teacher',
    body: overrideBody,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/tools/equivalence',
    summary: 'are two answers equivalent',
    access: 'any key',
    body: equivalenceBody,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/tools/check-steps',
    summary: 'check steps without storing anything',
    access: 'any key',
    body: checkStepsBody,
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/admin/pools',
    summary: 'worker pools: live numbers and settings',
    access: 'admin',
    success: 200,
  },
  {
    method: 'patch',
    path: '/v1/admin/pools/{name}',
    summary: 'pause or resize a pool',
    access: 'admin',
    body: patchPoolBody,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/integrations',
    summary: 'create an LMS integration',
    access: 'admin',
    body: createIntegrationBody,
    query: orgQuery,
    success: 201,
  },
  {
    method: 'get',
    path: '/v1/integrations',
    summary: 'list integrations',
    access: 'admin',
    query: pageQuery,
    success: 200,
  },
  { method: 'get', path: '/v1/integrations/{id}', summary: 'an integration', access: 'admin', success: 200 },
  {
    method: 'patch',
    path: '/v1/integrations/{id}',
    summary: 'change an integration',
    access: 'admin',
    body: patchIntegrationBody,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/integrations/{id}/rotate-secrets',
    summary: 'rotate signing secrets',
    access: 'admin',
    success: 200,
  },
  {
    method: 'get',
    path: '/v1/integrations/{id}/deliveries',
    summary: 'outbound webhook deliveries',
    access: 'admin',
    query: pageQuery,
    success: 200,
  },
  {
    method: 'post',
    path: '/v1/deliveries/{id}/redeliver',
    summary: 'send a delivery again',
    access: 'admin',
    success: 202,
  },
  {
    method: 'post',
    path: '/v1/integrations/{id}/events',
    summary: 'inbound LMS event (Standard Webhooks signature)',
    access: 'signed webhook',
    rawBodies: ['application/json'],
    success: 202,
  },
  {
    method: 'get',
    path: '/review/assignments/{id}',
    summary: 'assignment review page (HTML)',
    access: 'review token',
    success: 200,
  },
  {
    method: 'get',
    path: '/review/submissions/{id}',
    summary: 'submission review page (HTML)',
    access: 'review token',
    success: 200,
  },
  {
    method: 'post',
    path: '/review/submissions/{id}/override',
    summary: 'override from a review page (form post)',
    access: 'review token',
    success: 303,
  },
  { method: 'get', path: '/review/assets/review.css', summary: 'review page styles', access: 'public', success: 200 },
  {
    method: 'get',
    path: '/review/assets/katex/katex.min.css',
    summary: 'KaTeX styles',
    access: 'public',
    success: 200,
  },
  { method: 'get', path: '/review/assets/katex/fonts/{file}', summary: 'KaTeX fonts', access: 'public', success: 200 },
  { method: 'get', path: '/docs', summary: 'this API description (HTML)', access: 'public', success: 200 },
  {
    method: 'get',
    path: '/docs/openapi.json',
    summary: 'this API description (OpenAPI 3.1)',
    access: 'public',
    success: 200,
  },
];
