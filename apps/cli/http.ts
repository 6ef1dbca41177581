/**
 * The CLI's API client: server and key from STEPGRADE_URL / STEPGRADE_API_KEY. A refusal names the
 * server, the request and the status, so a wrong URL or key is obvious from the one line printed.
 */
export class CliHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    where = '',
  ) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    const detail = error ? `${status} ${error.code}: ${error.message}` : `HTTP ${status}`;
    super(where ? `${where} was refused: ${detail}${hintFor(status)}` : detail);
  }
}

function hintFor(status: number): string {
  if (status === 401) return ' (check STEPGRADE_API_KEY)';
  if (status === 403) return " (this key's role may not do that)";
  return '';
}

/** The server could not be reached at all (not running, wrong URL, network). */
export class CliUnreachableError extends Error {}

export function serverFromEnv(): { baseUrl: string; apiKey: string | undefined } {
  return {
    baseUrl: (process.env.STEPGRADE_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
    apiKey: process.env.STEPGRADE_API_KEY,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers name the JSON shape they read
export async function callApi<T = any>(
  method: string,
  path: string,
  options: { json?: unknown; raw?: string; contentType?: string; accept?: string } = {},
): Promise<T> {
  const { baseUrl, apiKey } = serverFromEnv();
  if (!apiKey) throw new Error('STEPGRADE_API_KEY is not set');
  const headers: Record<string, string> = { authorization: `Bearer ${apiKey}` };
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  } else if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] = options.contentType ?? 'text/plain';
  }
  if (options.accept) headers.accept = options.accept;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliUnreachableError(
      `cannot reach the StepGrade server at ${baseUrl} (${cause?.code ?? cause?.message ?? (error as Error).message}): start it with "npm start" or set STEPGRADE_URL`,
    );
  }
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const parsed = isJson && text ? JSON.parse(text) : text;
  if (!response.ok) throw new CliHttpError(response.status, parsed, `${method} ${baseUrl}${path}`);
  return parsed as T;
}
