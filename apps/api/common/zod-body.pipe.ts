import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ApiError } from './api-error.js';

/**
 * Validates a body or query against a zod schema. Unknown fields are stripped (whitelist).
 * A body that isn't an object at all is malformed (400); one that is but breaks the rules is 422.
 */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ApiError(400, 'malformed_request', 'the request body must be a JSON object');
    }
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      const details = parsed.error.issues
        .slice(0, 20)
        .map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      throw new ApiError(
        422,
        'invalid_content',
        `invalid request: ${details[0]?.path || 'body'}: ${details[0]?.message}`,
        details,
      );
    }
    return parsed.data;
  }
}

export class ZodQueryPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(
        400,
        'malformed_request',
        `invalid query parameter ${issue?.path.join('.')}: ${issue?.message}`,
      );
    }
    return parsed.data;
  }
}
