import { readFile } from 'node:fs/promises';

/** `rowLabel(index)` names a rejected item the way the file counts it (CSV data row, NDJSON line). */
export type SubmissionUpload = (
  { kind: 'json'; submissions: unknown[] } | { kind: 'raw'; contentType: string; body: string }
) & { rowLabel: (index: number) => string };

/**
 * Reads a submissions file: a JSON array or {submissions: [...]}, NDJSON (one per line), or CSV
 * (sent as is; the server parses it).
 */
export async function readSubmissionFile(path: string): Promise<SubmissionUpload> {
  const text = await readFile(path, 'utf8');
  if (/\.csv$/i.test(path))
    // The server counts CSV data rows from 0; people count them from 1 under the header.
    return { kind: 'raw', contentType: 'text/csv', body: text, rowLabel: (index) => `CSV data row ${index + 1}` };
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !/\n\s*\{/.test(trimmed))) {
    const parsed = JSON.parse(trimmed);
    return {
      kind: 'json',
      submissions: Array.isArray(parsed) ? parsed : (parsed.submissions ?? [parsed]),
      rowLabel: (index) => `item ${index}`,
    };
  }
  const numbered = text.split(/\r?\n/).map((line, at) => ({ line, number: at + 1 }));
  const lines = numbered.filter((entry) => entry.line.trim());
  return {
    kind: 'json',
    rowLabel: (index) => `item ${index} (line ${lines[index]?.number ?? '?'})`,
    submissions: lines.map(({ line }, index) => {
      try {
        return JSON.parse(line);
      } catch {
        throw new Error(`${path}:${index + 1}: not valid JSON`);
      }
    }),
  };
}
