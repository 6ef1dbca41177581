// Protects the API's memory from big bulk uploads (issue 14 row 7): one student's 95 CSV rows of
// 1 MB, sent four times at once, are rejected row by row (by index, with the reason) without the
// API holding them: its resident memory stays flat. The API runs as its own process so its
// memory is what is measured; the figures are printed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiProcess, startApiProcess } from './support/api-process.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys } from './support/running-stack.js';

const ROWS = 95;
const ROW_TEXT_BYTES = 1_000_000;
const UPLOADS = 4;

let api: ApiProcess;
let teacher: ApiClient;
let key: string;
let assignmentId: string;

beforeAll(async () => {
  api = await startApiProcess('bulk_upload_memory');
  const org = await createOrgWithKeys(api.stack, 'Big uploads');
  teacher = org.teacher;
  key = (await api.admin.post('/v1/api-keys', { orgId: org.orgId, role: 'teacher', name: 'uploader' })).body.key;
  const problems = Array.from({ length: 100 }, (_, index) => ({
    key: `p${index + 1}`,
    statement: `What is ${index} + 1?`,
    answer: String(index + 1),
    points: 1,
  }));
  const created = await teacher.post('/v1/assignments', {
    title: 'Many problems',
    grading: { inference: 'none' },
    problems,
  });
  expect(created.status).toBe(201);
  assignmentId = created.body.id;
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

/** The CSV, generated while it is sent (the test holds one 1 MB row, not the upload). */
function bigUpload(student: string): ReadableStream<Uint8Array> {
  const text = Buffer.alloc(ROW_TEXT_BYTES, 'x');
  let row = -1;
  return new ReadableStream({
    pull(controller) {
      if (row === -1) controller.enqueue(Buffer.from('studentId,problemKey,text\nok,p1,"1 + 1 = 2"\n'));
      else if (row < ROWS)
        controller.enqueue(Buffer.concat([Buffer.from(`${student},p${row + 1},`), text, Buffer.from('\n')]));
      else controller.close();
      row += 1;
    },
  });
}

async function upload(student: string) {
  const response = await fetch(`${api.baseUrl}/v1/assignments/${assignmentId}/submissions/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
    body: bigUpload(student),
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('bulk uploads of oversize rows', () => {
  it('rejects each 1 MB row by index with its reason, and the API memory stays flat', async () => {
    await upload('warm-up'); // code paths and buffers in place before the baseline
    const before = api.memory();
    let peak = before.rssMiB;
    const sampler = setInterval(() => {
      peak = Math.max(peak, api.memory().rssMiB);
    }, 25);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: UPLOADS }, (_, index) => upload(`big-${index}`)));
    clearInterval(sampler);
    const after = api.memory();
    peak = Math.max(peak, after.rssMiB);
    process.stdout.write(
      `bulk upload memory: ${UPLOADS} concurrent uploads of ${ROWS} rows × ${ROW_TEXT_BYTES} bytes in ` +
        `${Date.now() - started} ms; API RSS before ${before.rssMiB.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB ` +
        `(+${(peak - before.rssMiB).toFixed(0)}), after ${after.rssMiB.toFixed(0)} MiB; process peak (VmHWM) ${after.peakMiB.toFixed(0)} MiB\n`,
    );
    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(answer.body.accepted + answer.body.duplicates).toBe(1);
      expect(answer.body.rejected).toHaveLength(ROWS);
      answer.body.rejected.forEach(
        (rejection: { index: number; error: { code: string; message: string } }, row: number) => {
          expect(rejection.index).toBe(row + 1);
          expect(rejection.error).toEqual({
            code: 'row_too_large',
            message: expect.stringMatching(/^this row is \d+ bytes; a row may have at most 524288 bytes$/),
          });
        },
      );
    }
    // Four uploads of 95 MB each: held in memory they would add hundreds of MiB.
    expect(peak - before.rssMiB).toBeLessThan(120);
  }, 180_000);
});
