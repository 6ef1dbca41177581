import { readFile } from 'node:fs/promises';

export type SubmissionUpload =
  { kind: 'json'; submissions: unknown[] } | { kind: 'raw'; contentType: string; body: string };

/**
 * Reads a submissions file: a JSON array or {submissions: [...]}, NDJSON (one per line), or CSV
 * (sent as is; the server parses it).
 */
export async function readSubmissionFile(path: string): Promise<SubmissionUpload> {
  const text = await readFile(path, 'utf8');
  if (/\.csv$/i.test(path)) return { kind: 'raw', contentType: 'text/csv', body: text };
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !/\n\s*\{/.test(trimmed))) {
    const parsed = JSON.parse(trimmed);
    return { kind: 'json', submissions: Array.isArray(parsed) ? parsed : (parsed.submissions ?? [parsed]) };
  }
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim());
  return {
    kind: 'json',
    submissions: lines.map((line, index) => {
      try {
        return JSON.parse(line);
      } catch {
        throw new Error(`${path}:${index + 1}: not valid JSON`);
      }
    }),
  };
}
