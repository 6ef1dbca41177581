// Protects the OpenAPI document at /docs/openapi.json: every route Nest maps is described (and
// nothing else), request bodies come from the routes' own zod schemas, and the document is valid
// OpenAPI 3.1 in shape (paths with {params}, JSON schemas without a $schema dialect per body).
import { describe, expect, it } from '@jest/globals';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { z } from 'zod';
import { API_CONTROLLERS } from '../api.module.js';
import { createAssignmentBody } from '../assignments/assignment.dto.js';
import { buildOpenApiDocument } from './openapi.js';
import { ROUTES } from './openapi-routes.js';

type Controller = { prototype: Record<string, unknown> };

/** "METHOD /path/{param}" for every handler of every controller of the API module. */
function mappedRoutes(): string[] {
  const controllers = API_CONTROLLERS as unknown as Controller[];
  const routes: string[] = [];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (method === undefined || path === undefined) continue;
      const full = `/${[base, path]
        .map((part) => part.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/')}`;
      routes.push(`${RequestMethod[method]} ${full.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes.sort();
}

describe('the OpenAPI document', () => {
  it('describes exactly the routes Nest maps', () => {
    const documented = ROUTES.map((route) => `${route.method.toUpperCase()} ${route.path}`).sort();
    expect(documented).toEqual(mappedRoutes());
  });

  it("shows a route's request body from the schema it validates with", () => {
    const document = buildOpenApiDocument('1.2.3') as {
      openapi: string;
      info: { version: string };
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe('1.2.3');
    const body = document.paths['/v1/assignments']!.post!.requestBody!.content['application/json']!.schema;
    const { $schema: _dialect, ...expected } = z4(createAssignmentBody);
    expect(body).toEqual(expected);
    expect(body).toMatchObject({ type: 'object', required: expect.arrayContaining(['title', 'problems']) });
    const batch = document.paths['/v1/assignments/{id}/submissions/batch']!.post!.requestBody!.content;
    expect(Object.keys(batch)).toEqual(['application/json', 'application/x-ndjson', 'text/csv']);
  });
});

function z4(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
