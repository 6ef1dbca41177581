// One outbound delivery attempt: SSRF check, signed POST to the checked address, hard timeout.
// Never throws for receiver or network trouble; the outcome says whether to retry or disable.
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { pinnedLookup } from './pinned-lookup.js';
import {
  assertSafeCallbackUrl,
  resolveAndCheck,
  type HostLookup,
  type ResolvedAddress,
  UnsafeCallbackUrlError,
} from './ssrf-guard.js';
import { signWebhook } from './webhook-signature.js';

export interface DeliverWebhookInput {
  url: string;
  /** Every active signing secret (two during rotation). */
  secrets: readonly string[];
  /** Stable for the event across all its retries, so receivers can deduplicate. */
  webhookId: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  body: string;
  /** Hard limit for the whole attempt: DNS, connect, request and response headers. */
  timeoutMs: number;
  allowHosts?: readonly string[];
  lookup?: HostLookup;
}

export type DeliveryErrorCode = 'timeout' | 'network' | 'dns' | 'blocked' | 'invalid_url';

export interface DeliveryOutcome {
  ok: boolean;
  statusCode: number | null;
  error?: string;
  errorCode?: DeliveryErrorCode;
  durationMs: number;
  /** 410 Gone: the receiver asks us to stop; the integration is disabled. */
  disable: boolean;
  retryable: boolean;
}

const USER_AGENT = 'StepGrade-Webhooks/1';

export async function deliverWebhook(input: DeliverWebhookInput): Promise<DeliveryOutcome> {
  if (!Number.isFinite(input.timeoutMs) || input.timeoutMs <= 0) throw new Error('timeoutMs must be a positive number');
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  const deadline = new AttemptDeadline(input.timeoutMs);
  try {
    const target = assertSafeCallbackUrl(input.url, { allowHosts: input.allowHosts });
    const addresses = await deadline.race(
      resolveAndCheck(target.hostname, { allowHosts: input.allowHosts, lookup: input.lookup }),
    );
    const statusCode = await postSigned(target, addresses, input, deadline);
    const ok = statusCode >= 200 && statusCode < 300;
    return { ok, statusCode, durationMs: elapsed(), disable: statusCode === 410, retryable: !ok && statusCode !== 410 };
  } catch (error) {
    const { errorCode, retryable } = classifyFailure(error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, statusCode: null, error: message, errorCode, durationMs: elapsed(), disable: false, retryable };
  } finally {
    deadline.clear();
  }
}

function postSigned(
  target: URL,
  addresses: ResolvedAddress[],
  input: DeliverWebhookInput,
  deadline: AttemptDeadline,
): Promise<number> {
  const transport = target.protocol === 'https:' ? https : http;
  const headers = {
    ...signWebhook({
      webhookId: input.webhookId,
      timestamp: input.timestamp,
      body: input.body,
      secrets: input.secrets,
    }),
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(input.body),
    'user-agent': USER_AGENT,
  };
  return new Promise((resolve, reject) => {
    // agent: false → a fresh connection per attempt; redirects are not followed (they would skip the guard).
    const request = transport.request(
      target,
      { method: 'POST', headers, agent: false, lookup: pinnedLookup(addresses) },
      (response) => {
        resolve(response.statusCode ?? 0);
        // The status decides the outcome; the body is not needed, so the connection is closed now.
        response.destroy();
      },
    );
    deadline.onExpire(() => request.destroy(new DeliveryTimeoutError(input.timeoutMs)));
    request.on('error', reject);
    request.end(input.body);
  });
}

class DeliveryTimeoutError extends Error {
  override readonly name = 'DeliveryTimeoutError';
  constructor(timeoutMs: number) {
    super(`no response within ${timeoutMs} ms`);
  }
}

/** One timer per attempt; everything awaited in the attempt is cut off when it fires. */
class AttemptDeadline {
  private readonly timer: NodeJS.Timeout;
  private readonly listeners: Array<() => void> = [];
  private expired = false;

  constructor(private readonly timeoutMs: number) {
    this.timer = setTimeout(() => {
      this.expired = true;
      for (const listener of this.listeners) listener();
    }, timeoutMs);
  }

  onExpire(listener: () => void): void {
    if (this.expired) listener();
    else this.listeners.push(listener);
  }

  race<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.onExpire(() => reject(new DeliveryTimeoutError(this.timeoutMs)));
      work.then(resolve, reject);
    });
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

function classifyFailure(error: unknown): { errorCode: DeliveryErrorCode; retryable: boolean } {
  if (error instanceof DeliveryTimeoutError) return { errorCode: 'timeout', retryable: true };
  if (error instanceof UnsafeCallbackUrlError) {
    if (error.code === 'unresolvable') return { errorCode: 'dns', retryable: true };
    // A refused address or a malformed URL will not fix itself; a person must change the integration.
    const errorCode = error.code === 'blocked_address' || error.code === 'blocked_hostname' ? 'blocked' : 'invalid_url';
    return { errorCode, retryable: false };
  }
  return { errorCode: 'network', retryable: true };
}
