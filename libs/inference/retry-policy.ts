// How the OpenAI-compatible provider classifies failures and how long it waits between tries.
// We run our own loop (the SDK's maxRetries is set to 0) so that the bound on attempts, the
// backoff and Retry-After handling are explicit and testable, and bad model output gets its own,
// smaller budget.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { ModelRequestError, ModelUnavailableError, type InferenceError } from './errors.js';

export interface RetryPolicy {
  /** attempts for transient failures (connection, timeout, 408/409/429/5xx), first try included */
  maxAttempts: number;
  /** attempts when the answer is not schema-valid JSON, first try included */
  maxOutputAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** longest Retry-After we honour; a server asking for more is treated as unavailable */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxOutputAttempts: 2,
  backoffBaseMs: 500,
  backoffMaxMs: 10_000,
  maxRetryAfterMs: 30_000,
};

/** Exponential backoff with ±20% jitter so many workers do not retry in lockstep. */
export function backoffDelayMs(policy: RetryPolicy, failedAttempts: number): number {
  const exponential = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** (failedAttempts - 1));
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

/** Retry-After as milliseconds: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const milliseconds = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(milliseconds) && milliseconds > 0) return milliseconds;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const TRANSIENT_STATUSES = new Set([408, 409, 429]);

/**
 * Maps an SDK error to our error types; anything else is rethrown untouched by the caller.
 * A timeout is also recognised by the attempt's duration: the SDK only reports
 * APIConnectionTimeoutError when the abort error comes from its own realm (not under Jest's VM).
 */
export function classifyRequestError(error: unknown, timeoutMs: number, attemptMs: number): InferenceError | undefined {
  if (error instanceof APIConnectionError) {
    const timedOut = error instanceof APIConnectionTimeoutError || attemptMs >= timeoutMs;
    const message = timedOut
      ? `model server did not answer within ${timeoutMs} ms`
      : `model server unreachable: ${error.message}`;
    return new ModelUnavailableError(message, undefined, { cause: error });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    if (status >= 500 || TRANSIENT_STATUSES.has(status)) {
      return new ModelUnavailableError(`model server answered ${status}: ${error.message}`, status, { cause: error });
    }
    return new ModelRequestError(`model server rejected the request (${status}): ${error.message}`, status, {
      cause: error,
    });
  }
  return undefined;
}
