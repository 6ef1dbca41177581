import { AsyncLocalStorage } from 'node:async_hooks';

/** Ids that tie a log line to its cause: the HTTP request or the queue job being processed. */
export interface LogContext {
  requestId?: string;
  jobId?: string;
  queue?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with these ids attached to every log line written inside it (async included). */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
