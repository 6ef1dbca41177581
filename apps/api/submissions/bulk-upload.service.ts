import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { type AssignmentRow, BatchUploadRepository, type NewSubmission } from '../../../libs/db/index.js';
import { GradeQueueProducer } from '../../../libs/queue/index.js';
import { ApiError } from '../common/api-error.js';
import { readCsv, readNdjson, type UploadEntry, type UploadLimits } from './bulk-upload.readers.js';
import type { BatchOutcome } from './submission-intake.service.js';
import { normalizeSubmission } from './submission.dto.js';

export const STREAMED_BATCH_MAX_ITEMS = 100_000;
// A chunk is inserted at 500 submissions or 8 MiB of step text, whichever comes first, so memory
// holds one bounded chunk whatever the size of the submissions.
const INSERT_CHUNK = 500;
const INSERT_CHUNK_BYTES = 8 * 1024 * 1024;
const MiB = 1024 * 1024;
/** One CSV row (one answer) or NDJSON line: above it the row is rejected by index (API.md). */
export const MAX_ROW_BYTES = MiB / 2;
/** One student's rows merged (CSV) or one NDJSON submission. */
export const MAX_STUDENT_BYTES = 4 * MiB;
/** What the parser holds of one record at all: above it the upload is refused (413). */
const MAX_RECORD_BYTES = 8 * MiB;

export type UploadFormat = 'csv' | 'ndjson';

/**
 * A streamed NDJSON or CSV batch (API.md): parsed while it arrives, validated item by item, and
 * inserted in chunks inside one transaction with the batch row; grade jobs are enqueued after
 * commit, read back a page at a time. Memory holds one chunk, not the upload.
 */
@Injectable()
export class BulkUploadService {
  private readonly logger = new Logger('BulkUpload');

  constructor(
    private readonly uploads: BatchUploadRepository,
    private readonly producer: GradeQueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async accept(
    assignment: AssignmentRow,
    body: AsyncIterable<Buffer | string>,
    format: UploadFormat,
    maxItems = STREAMED_BATCH_MAX_ITEMS,
  ): Promise<BatchOutcome> {
    const limits: UploadLimits = {
      maxBytes: this.config.http.streamBodyLimitBytes,
      maxItems,
      maxItemBytes: MAX_RECORD_BYTES,
      maxRowBytes: MAX_ROW_BYTES,
      maxStudentBytes: MAX_STUDENT_BYTES,
    };
    const entries = format === 'csv' ? readCsv(body, limits) : readNdjson(body, limits);
    const problemKeys = new Set(assignment.problems.map((problem) => problem.key));
    const session = await this.uploads.begin({ orgId: assignment.orgId, assignmentId: assignment.id });
    const outcome: BatchOutcome = { batchId: session.batchId, accepted: 0, duplicates: 0, rejected: [] };
    const seenExternalIds = new Set<string>();
    let chunk: { index: number; submission: NewSubmission }[] = [];
    let chunkBytes = 0;
    const flush = async () => {
      const inserted = await session.insert(chunk.map((entry) => entry.submission));
      inserted.forEach((result, position) => {
        if (result.kind === 'accepted') outcome.accepted++;
        else if (result.kind === 'duplicate') outcome.duplicates++;
        else
          outcome.rejected.push({
            index: chunk[position]!.index,
            error: { code: 'conflict', message: 'a submission with this externalId and different content exists' },
          });
      });
      chunk = [];
      chunkBytes = 0;
    };
    try {
      for await (const entry of entries) {
        const valid = this.validate(entry, problemKeys, seenExternalIds, outcome);
        if (!valid) continue;
        chunk.push({ index: entry.index, submission: valid });
        chunkBytes += valid.answers.reduce((sum, answer) => sum + answer.steps.join('').length, 0);
        if (chunk.length >= INSERT_CHUNK || chunkBytes >= INSERT_CHUNK_BYTES) await flush();
      }
      if (chunk.length > 0) await flush();
      outcome.rejected.sort((left, right) => left.index - right.index);
      if (outcome.accepted === 0 && outcome.duplicates === 0) {
        const counts = { ...outcome, batchId: null };
        throw new ApiError(422, 'invalid_content', 'every submission in the batch is invalid', counts, {}, counts);
      }
      await session.commit(outcome.accepted);
    } catch (error) {
      await session.rollback();
      throw error;
    }
    await this.enqueue(session.batchId);
    return outcome;
  }

  /** The normalized submission, or null when the entry was rejected or is a repeat inside the batch. */
  private validate(
    entry: UploadEntry,
    problemKeys: Set<string>,
    seenExternalIds: Set<string>,
    outcome: BatchOutcome,
  ): NewSubmission | null {
    if ('error' in entry) {
      outcome.rejected.push({ index: entry.index, error: entry.error });
      return null;
    }
    const normalized = normalizeSubmission(entry.item, problemKeys);
    if (!normalized.ok) {
      outcome.rejected.push({ index: entry.index, error: { code: normalized.code, message: normalized.message } });
      return null;
    }
    const externalId = normalized.submission.externalId;
    // An externalId repeated inside one batch counts once; later ones are duplicates.
    if (externalId !== null && seenExternalIds.has(externalId)) {
      outcome.duplicates++;
      return null;
    }
    if (externalId !== null) seenExternalIds.add(externalId);
    return normalized.submission;
  }

  private async enqueue(batchId: string): Promise<void> {
    try {
      for await (const ids of this.uploads.submissionIds(batchId)) {
        await this.producer.enqueue(ids.map((submissionId) => ({ submissionId, version: 1 })));
      }
    } catch (error) {
      // Not lost: the rows are committed as queued and the reconciler re-enqueues them.
      this.logger.warn(`enqueue of batch ${batchId} deferred to the reconciler: ${(error as Error).message}`);
    }
  }
}
