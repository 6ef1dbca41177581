import type { StudentResultRow } from '../../../libs/db/index.js';

/** RFC 4180 quoting; a leading =,+,-,@ is prefixed so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(problemKeys: string[]): string {
  return `${['studentId', 'submissionId', ...problemKeys, 'total', 'maxTotal', 'status', 'statusReason'].map(csvCell).join(',')}\r\n`;
}

export function csvRow(row: StudentResultRow, problemKeys: string[]): string {
  const cells = [
    row.studentId,
    row.submissionId,
    ...problemKeys.map((key) => row.scores[key] ?? null),
    row.total,
    row.maxTotal,
    row.status,
    row.statusReason,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}
