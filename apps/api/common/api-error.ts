/** An error with the contract's shape: {"error": {"code", "message", "details"?}} and its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
    /** Fields placed beside `error` in the body (e.g. a batch's counts when every item failed). */
    readonly extraBody: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const invalid = (message: string, details?: unknown) => new ApiError(422, 'invalid_content', message, details);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);
