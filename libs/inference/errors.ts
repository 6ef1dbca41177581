// Errors a model provider throws. `permanent` tells a worker whether retrying the job can help:
// bad output after bounded retries, an unloadable model file or a rejected request will not get
// better by themselves; an unreachable, overloaded or slow server might.

export abstract class InferenceError extends Error {
  abstract readonly permanent: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The model answered, but not with JSON matching the schema, on every allowed attempt. */
export class ModelOutputError extends InferenceError {
  readonly permanent = true;
  constructor(
    message: string,
    /** the last raw answer, kept for the review page and logs at debug level */
    readonly rawOutput: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The model could not be reached in time (connection, timeout, 5xx, 429 after retries). */
export class ModelUnavailableError extends InferenceError {
  readonly permanent = false;
  constructor(
    message: string,
    /** HTTP status of the last failed attempt, when there was one */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The server refused the request itself (400/401/403/404...): a configuration problem. */
export class ModelRequestError extends InferenceError {
  readonly permanent = true;
  constructor(
    message: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The GGUF file is missing, unreadable or not a model llama.cpp can load. */
export class ModelLoadError extends InferenceError {
  readonly permanent = true;
  constructor(
    message: string,
    readonly modelPath: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
