import { z } from 'zod';
import { type RouteDoc, ROUTES } from './openapi-routes.js';

// The OpenAPI 3.1 document served at /docs/openapi.json, generated from the zod schemas the routes
// validate with (zod 4's z.toJSONSchema), so the description cannot drift from the validation.

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  // `input`: what a client sends (defaults optional); transforms and refinements cannot be shown.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function queryParameters(schema: z.ZodType | undefined): object[] {
  if (!schema) return [];
  const shape = jsonSchema(schema) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(shape.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: (shape.required ?? []).includes(name),
    schema: property,
  }));
}

function operation(route: RouteDoc): object {
  const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const content: Record<string, object> = {};
  if (route.body) content['application/json'] = { schema: jsonSchema(route.body) };
  for (const type of route.rawBodies ?? []) content[type] ??= { schema: { type: 'string' } };
  return {
    summary: route.summary,
    'x-access': route.access,
    ...(route.access === 'public' || route.access === 'review token' || route.access === 'signed webhook'
      ? { security: [] }
      : {}),
    parameters: [...pathParameters, ...queryParameters(route.query)],
    ...(Object.keys(content).length > 0 ? { requestBody: { required: true, content } } : {}),
    responses: {
      [String(route.success)]: { description: 'success (shapes in docs/api.md)' },
      default: { description: 'an error', content: { 'application/json': { schema: errorSchema } } },
    },
  };
}

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'StepGrade API',
      version,
      description:
        'Grades step-by-step math work in batches. Contract in prose: docs/api.md. Authenticate with `Authorization: Bearer <API key>`.',
    },
    components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
    security: [{ apiKey: [] }],
    paths,
  };
}
