import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { ApiError } from './api-error.js';
import { findUnstorable, NOT_STORABLE_MESSAGE } from './storable-text.js';

const BODY_CHECKED_PER_ITEM = 'stepgrade:body-checked-per-item';

/**
 * The route validates its body item by item (a batch rejects only the bad row, by index) or only
 * after its signature is verified; the interceptor then leaves the body to it.
 */
export const BodyCheckedPerItem = () => SetMetadata(BODY_CHECKED_PER_ITEM, true);

type Source = 'body' | 'query' | 'path';

/**
 * Every route's path parameters, query and body are checked for text Postgres cannot store before
 * the handler runs (after authentication, so a caller without a key still gets 401): 422 naming the
 * field, never a 500 from the database.
 */
@Injectable()
export class StorableTextInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{ params?: unknown; query?: unknown; body?: unknown }>();
    const perItem = this.reflector.getAllAndOverride<boolean>(BODY_CHECKED_PER_ITEM, [
      context.getHandler(),
      context.getClass(),
    ]);
    const sources: [Source, unknown][] = [
      ['path', request.params],
      ['query', request.query],
      ...(perItem ? [] : ([['body', request.body]] as [Source, unknown][])),
    ];
    for (const [source, value] of sources) {
      const path = findUnstorable(value);
      if (path !== null) throw unstorable(source, path);
    }
    return next.handle();
  }
}

function unstorable(source: Source, path: string): ApiError {
  const field = source === 'body' ? path || 'body' : `${source} parameter ${path}`;
  return new ApiError(422, 'invalid_content', `invalid request: ${field}: ${NOT_STORABLE_MESSAGE}`, [
    { in: source, path, message: NOT_STORABLE_MESSAGE },
  ]);
}
