// Protects the role table and tenancy of API.md on every route: no key is 401, a wrong role is
// 403, another organization's resource is 404 (never 403), and the table below must list every
// route the app registers, so a new route cannot ship without these checks.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registeredRoutes } from '../apps/api/create-api-app.js';
import { apiClient, type ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';

type Role = 'admin' | 'teacher' | 'integration';
interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  allowed: Role[];
  /** True when the path names one organization's resource (cross-tenant calls must be 404). */
  tenant: boolean;
  body?: unknown;
  /** Integration keys read only their own integration: others are simply not found. */
  integrationSees404?: boolean;
}

const ALL: Role[] = ['admin', 'teacher', 'integration'];
const STAFF: Role[] = ['admin', 'teacher'];
const submissionBody = { studentId: 'authz', answers: [{ problemKey: 'p1', steps: ['1 + 1 = 2'] }] };

const CASES: RouteCase[] = [
  { method: 'POST', route: '/v1/orgs', allowed: ['admin'], tenant: false, body: { name: 'x' } },
  { method: 'POST', route: '/v1/api-keys', allowed: ['admin'], tenant: false, body: { role: 'admin', name: 'x' } },
  { method: 'GET', route: '/v1/api-keys', allowed: ['admin'], tenant: false },
  { method: 'DELETE', route: '/v1/api-keys/:id', allowed: ['admin'], tenant: false },
  { method: 'GET', route: '/v1/admin/pools', allowed: ['admin'], tenant: false },
  { method: 'PATCH', route: '/v1/admin/pools/:name', allowed: ['admin'], tenant: false, body: { concurrency: 2 } },
  {
    method: 'POST',
    route: '/v1/assignments',
    allowed: STAFF,
    tenant: false,
    body: { title: 't', problems: [{ key: 'p', statement: 's' }] },
  },
  { method: 'GET', route: '/v1/assignments', allowed: ALL, tenant: false },
  { method: 'GET', route: '/v1/assignments/:id', allowed: ALL, tenant: true },
  {
    method: 'PATCH',
    route: '/v1/assignments/:id',
    allowed: STAFF,
    tenant: true,
    body: { title: 'renamed by someone else' },
  },
  { method: 'POST', route: '/v1/assignments/:id/regrade', allowed: STAFF, tenant: true },
  { method: 'GET', route: '/v1/assignments/:id/needs-review', allowed: ALL, tenant: true },
  { method: 'GET', route: '/v1/assignments/:id/results', allowed: ALL, tenant: true },
  { method: 'GET', route: '/v1/assignments/:id/analytics', allowed: ALL, tenant: true },
  { method: 'GET', route: '/v1/assignments/:id/problems/:key/reference', allowed: ALL, tenant: true },
  {
    method: 'PUT',
    route: '/v1/assignments/:id/problems/:key/reference',
    allowed: STAFF,
    tenant: true,
    body: { finalAnswer: '3' },
  },
  { method: 'POST', route: '/v1/assignments/:id/review-link', allowed: STAFF, tenant: true, body: {} },
  { method: 'POST', route: '/v1/assignments/:id/submissions', allowed: ALL, tenant: true, body: submissionBody },
  {
    method: 'POST',
    route: '/v1/assignments/:id/submissions/batch',
    allowed: ALL,
    tenant: true,
    body: { submissions: [submissionBody] },
  },
  { method: 'GET', route: '/v1/assignments/:id/submissions', allowed: ALL, tenant: true },
  { method: 'GET', route: '/v1/submissions/:id', allowed: ALL, tenant: true },
  { method: 'POST', route: '/v1/submissions/:id/regrade', allowed: STAFF, tenant: true },
  { method: 'GET', route: '/v1/submissions/:id/versions', allowed: ALL, tenant: true },
  {
    method: 'PUT',
    route: '/v1/submissions/:id/answers/:problemKey/override',
    allowed: STAFF,
    tenant: true,
    body: { score: 1, comment: 'x' },
  },
  { method: 'POST', route: '/v1/submissions/:id/review-link', allowed: STAFF, tenant: true, body: {} },
  { method: 'GET', route: '/v1/batches/:id', allowed: ALL, tenant: true },
  { method: 'GET', route: '/v1/batches/:id/submissions', allowed: ALL, tenant: true },
  {
    method: 'POST',
    route: '/v1/integrations',
    allowed: STAFF,
    tenant: false,
    body: { name: 'x', callbackUrl: 'http://127.0.0.1:9/x', events: ['submission.graded'] },
  },
  { method: 'GET', route: '/v1/integrations', allowed: ALL, tenant: false },
  { method: 'GET', route: '/v1/integrations/:id', allowed: ALL, tenant: true, integrationSees404: true },
  { method: 'PATCH', route: '/v1/integrations/:id', allowed: STAFF, tenant: true, body: { enabled: false } },
  { method: 'POST', route: '/v1/integrations/:id/rotate-secrets', allowed: STAFF, tenant: true },
  { method: 'GET', route: '/v1/integrations/:id/deliveries', allowed: ALL, tenant: true, integrationSees404: true },
  { method: 'POST', route: '/v1/deliveries/:id/redeliver', allowed: STAFF, tenant: true },
  { method: 'POST', route: '/v1/tools/equivalence', allowed: ALL, tenant: false, body: { expected: '1', given: '1' } },
  {
    method: 'POST',
    route: '/v1/tools/check-steps',
    allowed: ALL,
    tenant: false,
    body: { problem: 'p', steps: ['1 = 1'] },
  },
];

/** Routes whose credential is not an API key (signature, signed token, or none), or that guard themselves (the queue dashboard: tested below). */
const PUBLIC_ROUTES = [
  /^\/health\//,
  /^\/review\//,
  /^\/v1\/integrations\/:id\/events$/,
  /^\/metrics$/,
  /^\/admin\/queues/,
  // The API's own description holds no data: public, like /health (checked below).
  /^\/docs(\/openapi\.json)?$/,
];

let stack: RunningStack;
let orgA: Awaited<ReturnType<typeof createOrgWithKeys>>;
let orgB: Awaited<ReturnType<typeof createOrgWithKeys>>;
const ids: Record<string, string> = {};

function pathOf(route: string): string {
  return route
    .replace(':name', 'cpu')
    .replace(':problemKey', 'p1')
    .replace(':key', 'p1')
    .replace(/^\/v1\/api-keys\/:id/, `/v1/api-keys/${ids.apiKey}`)
    .replace(/^\/v1\/assignments\/:id/, `/v1/assignments/${ids.assignment}`)
    .replace(/^\/v1\/submissions\/:id/, `/v1/submissions/${ids.submission}`)
    .replace(/^\/v1\/batches\/:id/, `/v1/batches/${ids.batch}`)
    .replace(/^\/v1\/integrations\/:id/, `/v1/integrations/${ids.integration}`)
    .replace(/^\/v1\/deliveries\/:id/, `/v1/deliveries/${ids.delivery}`);
}

function call(client: ApiClient, routeCase: RouteCase, key?: string | null) {
  return client.request(routeCase.method, pathOf(routeCase.route), routeCase.body, key === undefined ? {} : { key });
}

beforeAll(async () => {
  stack = await startStack('authorization', { env: { STEPGRADE_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' } });
  orgA = await createOrgWithKeys(stack, 'Org A');
  orgB = await createOrgWithKeys(stack, 'Org B');
  ids.apiKey = (await stack.admin.post('/v1/api-keys', { orgId: orgA.orgId, role: 'teacher', name: 'spare' })).body.id;
  ids.integration = (
    await orgA.teacher.post('/v1/integrations', {
      name: 'lms',
      callbackUrl: 'http://127.0.0.1:9/hook',
      events: ['submission.graded'],
    })
  ).body.id;
  const assignment = await orgA.teacher.post('/v1/assignments', {
    title: 'A',
    grading: { inference: 'none' },
    problems: [{ key: 'p1', statement: 'What is 1 + 1?', answer: '2' }],
  });
  ids.assignment = assignment.body.id;
  const batch = await orgA.teacher.post(`/v1/assignments/${ids.assignment}/submissions/batch`, {
    submissions: [submissionBody],
  });
  ids.batch = batch.body.batchId;
  ids.submission = (await orgA.teacher.get(`/v1/batches/${ids.batch}/submissions`)).body.items[0].id;
  ids.delivery = await waitFor(
    'a delivery for the graded submission',
    async () => (await orgA.teacher.get(`/v1/integrations/${ids.integration}/deliveries`)).body.items?.[0]?.id,
  );
});

afterAll(async () => {
  await stack?.stop();
});

describe('the route table', () => {
  it('lists every route the API registers', () => {
    const listed = new Set(CASES.map((routeCase) => `${routeCase.method} ${routeCase.route}`));
    const unlisted = registeredRoutes(stack.api)
      .filter((route) => !PUBLIC_ROUTES.some((pattern) => pattern.test(route.url)))
      .map((route) => `${route.method} ${route.url}`)
      .filter((route) => !listed.has(route));
    expect(unlisted).toEqual([]);
  });

  it('serves the API description without a key', async () => {
    const anonymous = apiClient(stack.baseUrl);
    expect((await anonymous.get('/docs/openapi.json')).status).toBe(200);
    expect((await anonymous.get('/docs')).status).toBe(200);
  });
});

describe.each(CASES)('$method $route without a key', (routeCase) => {
  it('answers 401', async () => {
    expect((await call(apiClient(stack.baseUrl), routeCase, null)).status).toBe(401);
  });
});

describe.each(CASES.filter((routeCase) => routeCase.allowed.length < ALL.length))(
  '$method $route with a wrong role',
  (routeCase) => {
    it('answers 403 to every role the table does not allow', async () => {
      const clients: Record<Exclude<Role, 'admin'>, ApiClient> = {
        teacher: orgA.teacher,
        integration: orgA.integration,
      };
      const refused = (['teacher', 'integration'] as const).filter((role) => !routeCase.allowed.includes(role));
      const statuses = await Promise.all(
        refused.map(async (role) => ({ role, status: (await call(clients[role], routeCase)).status })),
      );
      expect(statuses).toEqual(refused.map((role) => ({ role, status: 403 })));
    });
  },
);

describe.each(CASES.filter((routeCase) => routeCase.tenant))(
  "$method $route on another organization's resource",
  (routeCase) => {
    it('answers 404 to every allowed role of that organization', async () => {
      const allowed = (['teacher', 'integration'] as const).filter((role) => routeCase.allowed.includes(role));
      const statuses = await Promise.all(
        allowed.map(async (role) => ({
          role,
          status: (await call(role === 'teacher' ? orgB.teacher : orgB.integration, routeCase)).status,
        })),
      );
      expect(statuses).toEqual(allowed.map((role) => ({ role, status: 404 })));
      if (routeCase.integrationSees404) expect((await call(orgA.integration, routeCase)).status).toBe(404);
    });
  },
);

describe('refused calls change nothing', () => {
  it("leaves org A's assignment and integration as they were", async () => {
    expect((await orgA.teacher.get(`/v1/assignments/${ids.assignment}`)).body.title).toBe('A');
    expect((await orgA.teacher.get(`/v1/integrations/${ids.integration}`)).body.enabled).toBe(true);
    expect((await orgA.teacher.get(`/v1/submissions/${ids.submission}`)).body.answers[0].override).toBeNull();
  });
});

describe('an integration key bound to its integration', () => {
  it('reads that integration and its deliveries, and no other', async () => {
    const other = await orgA.teacher.post('/v1/integrations', {
      name: 'other lms',
      callbackUrl: 'http://127.0.0.1:9/other',
      events: ['batch.completed'],
    });
    const bound = await stack.admin.post('/v1/api-keys', {
      orgId: orgA.orgId,
      role: 'integration',
      name: 'lms key',
      integrationId: ids.integration,
    });
    expect(bound.status).toBe(201);
    const lms = apiClient(stack.baseUrl, bound.body.key);
    expect((await lms.get(`/v1/integrations/${ids.integration}`)).status).toBe(200);
    expect((await lms.get(`/v1/integrations/${ids.integration}/deliveries`)).status).toBe(200);
    expect((await lms.get(`/v1/integrations/${other.body.id}`)).status).toBe(404);
    expect((await lms.get('/v1/integrations')).body.items.map((item: { id: string }) => item.id)).toEqual([
      ids.integration,
    ]);
    const crossOrg = await stack.admin.post('/v1/api-keys', {
      orgId: orgB.orgId,
      role: 'integration',
      name: 'x',
      integrationId: ids.integration,
    });
    expect(crossOrg.status).toBe(404);
  });
});
