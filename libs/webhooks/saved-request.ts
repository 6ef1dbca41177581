// Reads a saved webhook request for `stepgrade webhooks verify`: a JSON file {headers, body}, or
// a headers file (JSON object or `Name: value` lines) plus a file holding the exact body bytes.
import type { IncomingHeaders } from './webhook-signature.js';

export interface SavedRequest {
  headers: IncomingHeaders;
  body: string | Buffer;
}

export function parseSavedRequestJson(text: string): SavedRequest {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('saved request must be a JSON object {headers, body}');
  const { headers, body } = parsed as { headers?: unknown; body?: unknown };
  if (typeof body !== 'string') {
    throw new Error(
      'saved request "body" must be the raw body as a string (re-serialized JSON would not match the signature)',
    );
  }
  return { headers: toHeaderRecord(headers), body };
}

/** A headers file: a JSON object, or raw HTTP lines (`Name: value`; a request line is skipped). */
export function parseHeadersFile(text: string): IncomingHeaders {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return toHeaderRecord(JSON.parse(trimmed));
  const headers: Record<string, string> = {};
  for (const line of trimmed.split(/\r?\n/)) {
    const separator = line.indexOf(':');
    if (separator <= 0 || /\s/.test(line.slice(0, separator))) continue;
    headers[line.slice(0, separator).trim().toLowerCase()] = line.slice(separator + 1).trim();
  }
  return headers;
}

function toHeaderRecord(value: unknown): IncomingHeaders {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('saved request "headers" must be an object of header names to values');
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, headerValue] of Object.entries(value)) {
    if (typeof headerValue === 'string') headers[name] = headerValue;
    else if (Array.isArray(headerValue) && headerValue.every((item) => typeof item === 'string'))
      headers[name] = headerValue;
    else if (typeof headerValue === 'number') headers[name] = String(headerValue);
  }
  return headers;
}
