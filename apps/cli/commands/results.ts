import type { Command } from 'commander';
import { callApi } from '../http.js';

interface ResultRow {
  studentId: string;
  submissionId: string;
  scores: Record<string, number | null>;
  total: number | null;
  maxTotal: number | null;
  status: string;
}

/** Columns in the assignment's problem order (a row's scores object has no reliable order). */
function printTable(rows: ResultRow[], problemKeys: string[]): void {
  const seen = new Set(rows.flatMap((row) => Object.keys(row.scores)));
  const keys = [
    ...problemKeys.filter((key) => seen.has(key)),
    ...[...seen].filter((key) => !problemKeys.includes(key)),
  ];
  const header = ['studentId', ...keys, 'total', 'status'];
  const body = rows.map((row) => [
    row.studentId,
    ...keys.map((key) => String(row.scores[key] ?? '')),
    `${row.total ?? ''}/${row.maxTotal ?? ''}`,
    row.status,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of body) console.log(line(cells));
}

/** `stepgrade results ASSIGNMENT_ID [--format table|json|csv]`. */
export function registerResultsCommand(program: Command): void {
  program
    .command('results <assignmentId>')
    .description("print each student's latest result (table, json or csv)")
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (assignmentId: string, options: { format: string }) => {
      const base = `/v1/assignments/${encodeURIComponent(assignmentId)}/results`;
      if (options.format === 'csv') {
        process.stdout.write(await callApi<string>('GET', `${base}?format=csv`, { accept: 'text/csv' }));
        return;
      }
      const rows: ResultRow[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: ResultRow[]; nextCursor: string | null } = await callApi(
          'GET',
          `${base}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        rows.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      if (options.format === 'json') console.log(JSON.stringify(rows));
      else {
        const assignment: { problems: { key: string }[] } = await callApi(
          'GET',
          `/v1/assignments/${encodeURIComponent(assignmentId)}`,
        );
        printTable(
          rows,
          assignment.problems.map((problem) => problem.key),
        );
      }
    });
}
