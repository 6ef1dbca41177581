/** The CLI's API client: server and key from STEPGRADE_URL / STEPGRADE_API_KEY. */
export class CliHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    super(error ? `${status} ${error.code}: ${error.message}` : `HTTP ${status}`);
  }
}

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
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const parsed = isJson && text ? JSON.parse(text) : text;
  if (!response.ok) throw new CliHttpError(response.status, parsed);
  return parsed as T;
}
