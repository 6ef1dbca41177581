// Protects the streamed upload readers: CSV rows merged per contiguous student, stray rows refused
// as non_contiguous at their own index, and the item and byte limits answered with 413.
import { describe, expect, it } from '@jest/globals';
import { readCsv, readNdjson, type UploadEntry, type UploadLimits } from './bulk-upload.readers.js';

const limits: UploadLimits = {
  maxBytes: 10_000,
  maxItems: 5,
  maxItemBytes: 1_000,
  maxRowBytes: 600,
  maxStudentBytes: 900,
};

async function collect(entries: AsyncGenerator<UploadEntry>): Promise<UploadEntry[]> {
  const collected: UploadEntry[] = [];
  for await (const entry of entries) collected.push(entry);
  return collected;
}

async function* chunksOf(text: string, size = 7) {
  for (let offset = 0; offset < text.length; offset += size) yield Buffer.from(text.slice(offset, offset + size));
}

describe('readCsv', () => {
  it('answers 400, not a server error, for CSV that cannot be parsed (a stray quote)', async () => {
    const csv = 'studentId,problemKey,text\ns-1,p1,x\n,p1,>y"iJ\n';
    await expect(collect(readCsv(chunksOf(csv), limits))).rejects.toMatchObject({
      status: 400,
      code: 'malformed_request',
    });
  });

  it('merges contiguous rows, keeps the first externalId and rejects a stray row at its index', async () => {
    const csv = 'studentId,problemKey,text,externalId\na,p1,x,e-a\na,p2,y,other\nb,p1,z,\na,p3,w,\n';
    expect(await collect(readCsv(chunksOf(csv), limits))).toEqual([
      {
        index: 0,
        item: {
          studentId: 'a',
          externalId: 'e-a',
          answers: [
            { problemKey: 'p1', text: 'x' },
            { problemKey: 'p2', text: 'y' },
          ],
        },
      },
      { index: 3, error: { code: 'non_contiguous', message: expect.any(String) } },
      { index: 2, item: { studentId: 'b', externalId: null, answers: [{ problemKey: 'p1', text: 'z' }] } },
    ]);
  });

  it('refuses more items than the limit with 413', async () => {
    const csv = 'studentId,problemKey,text\n' + Array.from({ length: 6 }, (_, index) => `s${index},p1,x\n`).join('');
    await expect(collect(readCsv(chunksOf(csv), limits))).rejects.toMatchObject({ status: 413 });
  });

  it('refuses a body over the byte limit with 413', async () => {
    const csv =
      'studentId,problemKey,text\n' + 's,p1,' + 'x'.repeat(900) + '\n'.repeat(1) + 't,p1,' + 'y'.repeat(900) + '\n';
    await expect(collect(readCsv(chunksOf(csv, 500), { ...limits, maxBytes: 1_000 }))).rejects.toMatchObject({
      status: 413,
    });
  });
});

describe('per-row and per-student limits', () => {
  it('rejects an oversize row at its index with a clear reason and keeps reading', async () => {
    const csv = `studentId,problemKey,text\na,p1,x\nb,p1,${'y'.repeat(700)}\nb,p2,z\nc,p1,w\n`;
    const entries = await collect(readCsv(chunksOf(csv, 97), limits));
    // a row is refused as soon as it is read; the student before it is finished when the next starts
    expect(entries).toEqual([
      {
        index: 1,
        error: { code: 'row_too_large', message: 'this row is 703 bytes; a row may have at most 600 bytes' },
      },
      { index: 0, item: { studentId: 'a', externalId: null, answers: [{ problemKey: 'p1', text: 'x' }] } },
      { index: 2, item: { studentId: 'b', externalId: null, answers: [{ problemKey: 'p2', text: 'z' }] } },
      { index: 3, item: { studentId: 'c', externalId: null, answers: [{ problemKey: 'p1', text: 'w' }] } },
    ]);
  });

  it('rejects a student whose rows together pass the per-student bound, at its first row', async () => {
    const rows = ['p1', 'p2', 'p3'].map((key) => `a,${key},${'x'.repeat(400)}`).join('\n');
    const entries = await collect(readCsv(chunksOf(`studentId,problemKey,text\n${rows}\nb,p1,y\n`, 50), limits));
    expect(entries[0]).toEqual({
      index: 0,
      error: {
        code: 'student_too_large',
        message: 'the rows of student a total 1209 bytes; one student may have at most 900 bytes',
      },
    });
    expect(entries[1]).toMatchObject({ index: 3, item: { studentId: 'b' } });
  });

  it('rejects an oversize NDJSON line at its index', async () => {
    const big = JSON.stringify({ studentId: 'a', answers: [{ problemKey: 'p1', text: 'x'.repeat(850) }] });
    const entries = await collect(readNdjson(chunksOf(`{"a":1}\n${big}\n{"b":2}\n`), limits));
    expect(entries.map((entry) => ('error' in entry ? entry.error.code : 'ok'))).toEqual(['ok', 'row_too_large', 'ok']);
    expect(entries[1]).toMatchObject({ index: 1 });
  });
});

describe('readNdjson', () => {
  it('numbers items by line and marks unreadable lines', async () => {
    const entries = await collect(readNdjson(chunksOf('{"a":1}\n\nnope\n{"b":2}\n'), limits));
    expect(entries).toEqual([
      { index: 0, item: { a: 1 } },
      { index: 2, error: { code: 'malformed_json', message: expect.any(String) } },
      { index: 3, item: { b: 2 } },
    ]);
  });
});
