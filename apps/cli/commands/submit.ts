import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { callApi } from '../http.js';
import { readSubmissionFile } from '../submission-file.js';

const CHUNK = 10_000;

interface BatchProgress {
  status: string;
  total: number;
  queued: number;
  grading: number;
  graded: number;
  needsReview: number;
  failed: number;
}

/**
 * Our own ETA: cli-progress's shows `NFs`/`NaN` before the first item settles. Until something
 * settled there is no rate, so it says so instead of inventing a number.
 */
export function etaText(settledSoFar: number, remaining: number, startedAt: number, now = Date.now()): string {
  if (remaining <= 0) return '0s';
  const elapsedS = (now - startedAt) / 1000;
  if (settledSoFar <= 0 || elapsedS <= 0) return 'estimating…';
  const seconds = Math.ceil((remaining * elapsedS) / settledSoFar);
  if (!Number.isFinite(seconds)) return 'estimating…';
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

async function followBatches(batchIds: string[], quiet: boolean): Promise<BatchProgress> {
  const bar = quiet
    ? null
    : new cliProgress.SingleBar(
        {
          format:
            'grading [{bar}] {value}/{total} | queued {queued} graded {graded} needs_review {needsReview} failed {failed} | ETA {etaText}',
        },
        cliProgress.Presets.shades_classic,
      );
  let started = false;
  let firstSettled: number | null = null;
  const startedAt = Date.now();
  for (;;) {
    const batches = await Promise.all(batchIds.map((id) => callApi<BatchProgress>('GET', `/v1/batches/${id}`)));
    const sum = (field: keyof BatchProgress) => batches.reduce((total, batch) => total + (batch[field] as number), 0);
    const totals = {
      total: sum('total'),
      queued: sum('queued') + sum('grading'),
      graded: sum('graded'),
      needsReview: sum('needsReview'),
      failed: sum('failed'),
    };
    const settled = totals.graded + totals.needsReview + totals.failed;
    const payload = {
      ...totals,
      etaText: etaText(settled - (firstSettled ?? settled), totals.total - settled, startedAt),
    };
    firstSettled ??= settled;
    if (bar && !started) {
      bar.start(totals.total, settled, payload);
      started = true;
    }
    bar?.update(settled, payload);
    if (batches.every((batch) => batch.status === 'completed')) {
      bar?.stop();
      return { status: 'completed', grading: 0, ...totals } as BatchProgress;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** `stepgrade submit ASSIGNMENT_ID FILE`: uploads a batch and shows progress until it completes. */
export function registerSubmitCommand(program: Command): void {
  program
    .command('submit <assignmentId> <file>')
    .description('submit a batch (JSON, NDJSON or CSV) and wait until it is graded')
    .option('--no-wait', 'return after the upload')
    .option('--quiet', 'no progress bar')
    .action(async (assignmentId: string, file: string, options: { wait: boolean; quiet?: boolean }) => {
      const upload = await readSubmissionFile(file);
      const path = `/v1/assignments/${encodeURIComponent(assignmentId)}/submissions/batch`;
      const responses = [];
      if (upload.kind === 'raw') {
        responses.push(await callApi('POST', path, { raw: upload.body, contentType: upload.contentType }));
      } else {
        for (let start = 0; start < upload.submissions.length; start += CHUNK) {
          const response = await callApi('POST', path, {
            json: { submissions: upload.submissions.slice(start, start + CHUNK) },
          });
          response.rejected = response.rejected.map((entry: { index: number }) => ({
            ...entry,
            index: entry.index + start,
          }));
          responses.push(response);
        }
      }
      const summary = {
        batchIds: responses.map((response) => response.batchId),
        accepted: responses.reduce((sum, response) => sum + response.accepted, 0),
        duplicates: responses.reduce((sum, response) => sum + response.duplicates, 0),
        rejected: responses.flatMap((response) => response.rejected),
      };
      console.error(
        `accepted ${summary.accepted}, duplicates ${summary.duplicates}, rejected ${summary.rejected.length}`,
      );
      for (const rejected of summary.rejected)
        console.error(
          `  rejected ${upload.rowLabel(rejected.index)}: ${rejected.error.code}: ${rejected.error.message}`,
        );
      const progress =
        options.wait && summary.accepted > 0
          ? await followBatches(summary.batchIds, options.quiet === true || !process.stderr.isTTY)
          : null;
      console.log(JSON.stringify({ ...summary, progress }));
    });
}
