/** A small JSON client for driving the API like a user would. */
export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export function apiClient(baseUrl: string, key?: string) {
  async function request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: { key?: string | null; contentType?: string; raw?: string | Buffer } = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = {};
    const authKey = options.key === undefined ? key : options.key;
    if (authKey) headers.authorization = `Bearer ${authKey}`;
    let payload: string | Buffer | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  return {
    request,
    get: <T = any>(path: string, options?: { key?: string | null }) => request<T>('GET', path, undefined, options),
    post: <T = any>(
      path: string,
      body?: unknown,
      options?: { key?: string | null; contentType?: string; raw?: string | Buffer },
    ) => request<T>('POST', path, body, options),
    delete: <T = any>(path: string, options?: { key?: string | null }) =>
      request<T>('DELETE', path, undefined, options),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
