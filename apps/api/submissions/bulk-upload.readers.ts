import { CsvError, parse } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import split2 from 'split2';
import { ApiError } from '../common/api-error.js';

/** One item of an upload: a submission to validate, or a row refused before validation. */
export type UploadEntry =
  { index: number; item: unknown } | { index: number; error: { code: string; message: string } };

export interface UploadLimits {
  maxBytes: number;
  maxItems: number;
  /** One CSV record or NDJSON line the parser will hold at all; past it the upload is refused (413). */
  maxItemBytes: number;
  /** One CSV row (one answer) or NDJSON line; a larger one is rejected at its index, the rest go on. */
  maxRowBytes: number;
  /** One student's merged CSV rows; a larger student is rejected at its first row's index. */
  maxStudentBytes: number;
}

const rowTooLarge = (index: number, bytes: number, limit: number) => ({
  index,
  error: {
    code: 'row_too_large',
    message: `this row is ${bytes} bytes; a row may have at most ${limit} bytes`,
  },
});

// The rest of the upload is never read, so the connection cannot carry another request.
export const tooLarge = (message: string) =>
  new ApiError(413, 'payload_too_large', message, undefined, { connection: 'close' });

/** Passes the body through, failing with 413 as soon as it passes the byte limit. */
async function* limitBytes(body: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Buffer> {
  let received = 0;
  for await (const chunk of body) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    received += bytes.length;
    if (received > maxBytes) throw tooLarge(`the upload exceeds ${maxBytes} bytes`);
    yield bytes;
  }
}

/** Runs the body through a parsing stream; an error anywhere (limit, syntax) ends the iteration. */
function through<T>(
  body: AsyncIterable<Buffer | string>,
  limits: UploadLimits,
  parser: NodeJS.ReadWriteStream,
): AsyncIterable<T> {
  // pipeline destroys every stage with the first error, so the consumer's for-await throws it.
  pipeline(Readable.from(limitBytes(body, limits.maxBytes)), parser, () => undefined);
  return parser as unknown as AsyncIterable<T>;
}

/** NDJSON: one submission per line; `index` is the 0-based line number (blank lines are skipped). */
export async function* readNdjson(
  body: AsyncIterable<Buffer | string>,
  limits: UploadLimits,
): AsyncGenerator<UploadEntry> {
  let index = -1;
  try {
    for await (const line of through<string>(body, limits, split2({ maxLength: limits.maxItemBytes }))) {
      index++;
      if (line.trim() === '') continue;
      if (index >= limits.maxItems) throw tooLarge(`more than ${limits.maxItems} items`);
      // An NDJSON line is a whole submission: the per-student bound applies.
      const bytes = Buffer.byteLength(line);
      if (bytes > limits.maxStudentBytes) {
        yield rowTooLarge(index, bytes, limits.maxStudentBytes);
        continue;
      }
      try {
        yield { index, item: JSON.parse(line) as unknown };
      } catch {
        yield { index, error: { code: 'malformed_json', message: 'this line is not valid JSON' } };
      }
    }
  } catch (error) {
    if (/maximum buffer reached/i.test((error as Error).message))
      throw tooLarge(`line ${index + 1} (0-based) is longer than ${limits.maxItemBytes} bytes`);
    throw error;
  }
}

const CSV_COLUMNS = ['studentId', 'problemKey', 'text', 'externalId'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

interface StudentRows {
  index: number;
  studentId: string;
  externalId: string | null;
  answers: { problemKey: string; text: string }[];
  bytes: number;
  /** Set once the student's rows pass maxStudentBytes: its answers are dropped, not kept. */
  tooLarge: boolean;
}

/**
 * CSV `studentId,problemKey,text[,externalId]`, one row per student and problem. A student's
 * rows are contiguous, so each student is merged into one submission as soon as the next student
 * starts (memory holds one student, plus the ids of students already seen). A later row of a
 * finished student is rejected as `non_contiguous`; the first row's externalId applies.
 * `index` is the 0-based data row; a merged submission is reported at its first row.
 */
export async function* readCsv(
  body: AsyncIterable<Buffer | string>,
  limits: UploadLimits,
): AsyncGenerator<UploadEntry> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: limits.maxItemBytes,
  });
  let columns: Map<CsvColumn, number> | null = null;
  let current: StudentRows | null = null;
  const finishedStudents = new Set<string>();
  let index = -1;
  try {
    for await (const record of through<string[]>(body, limits, parser)) {
      if (!columns) {
        columns = readHeader(record);
        continue;
      }
      index++;
      if (index >= limits.maxItems) throw tooLarge(`more than ${limits.maxItems} items`);
      if (record.length !== columns.size) {
        yield {
          index,
          error: { code: 'invalid_content', message: `expected ${columns.size} columns, found ${record.length}` },
        };
        continue;
      }
      const rowBytes = record.reduce((sum, value) => sum + Buffer.byteLength(value), 0);
      if (rowBytes > limits.maxRowBytes) {
        yield rowTooLarge(index, rowBytes, limits.maxRowBytes);
        continue;
      }
      const field = (name: CsvColumn) => (columns!.has(name) ? record[columns!.get(name)!]! : '');
      const studentId = field('studentId').trim();
      const answer = { problemKey: field('problemKey').trim(), text: field('text') };
      if (current && current.studentId === studentId) {
        addRow(current, answer, rowBytes, limits);
        continue;
      }
      if (finishedStudents.has(studentId)) {
        yield {
          index,
          error: { code: 'non_contiguous', message: `the rows of student ${studentId} must be contiguous` },
        };
        continue;
      }
      if (current) {
        finishedStudents.add(current.studentId);
        yield toEntry(current, limits);
      }
      current = {
        index,
        studentId,
        externalId: field('externalId').trim() || null,
        answers: [],
        bytes: 0,
        tooLarge: false,
      };
      addRow(current, answer, rowBytes, limits);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CSV_MAX_RECORD_SIZE' || code === 'MAX_RECORD_SIZE')
      throw tooLarge(`data row ${index + 1} (0-based) is longer than ${limits.maxItemBytes} bytes`);
    // csv-parse names its errors CsvError; their codes (INVALID_OPENING_QUOTE, …) vary by version.
    if (error instanceof CsvError || (error as Error).name === 'CsvError') {
      throw new ApiError(400, 'malformed_request', `the CSV cannot be read: ${(error as Error).message}`, undefined, {
        connection: 'close',
      });
    }
    throw error;
  }
  if (!columns)
    throw new ApiError(
      400,
      'malformed_request',
      'the CSV is empty: expected a header studentId,problemKey,text[,externalId]',
    );
  if (current) yield toEntry(current, limits);
}

/** Adds a row to its student, unless the student is over its bound (then nothing more is kept). */
function addRow(
  student: StudentRows,
  answer: { problemKey: string; text: string },
  bytes: number,
  limits: UploadLimits,
) {
  student.bytes += bytes;
  if (student.tooLarge) return;
  if (student.bytes > limits.maxStudentBytes) {
    student.tooLarge = true;
    student.answers = [];
    return;
  }
  student.answers.push(answer);
}

function toEntry(rows: StudentRows, limits: UploadLimits): UploadEntry {
  if (rows.tooLarge)
    return {
      index: rows.index,
      error: {
        code: 'student_too_large',
        message: `the rows of student ${rows.studentId} total ${rows.bytes} bytes; one student may have at most ${limits.maxStudentBytes} bytes`,
      },
    };
  return { index: rows.index, item: { studentId: rows.studentId, externalId: rows.externalId, answers: rows.answers } };
}

function readHeader(record: string[]): Map<CsvColumn, number> {
  const names = record.map((name) => name.trim());
  const unknown = names.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  const missing = CSV_COLUMNS.slice(0, 3).filter((name) => !names.includes(name));
  if (unknown.length > 0 || missing.length > 0 || new Set(names).size !== names.length) {
    throw new ApiError(
      400,
      'malformed_request',
      `the CSV header must be studentId,problemKey,text[,externalId] (got ${names.join(',')})`,
    );
  }
  return new Map(names.map((name, position) => [name as CsvColumn, position]));
}
