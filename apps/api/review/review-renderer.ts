import { availableParallelism } from 'node:os';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { compiledModule, createThreadPool, type ThreadPool } from '../../../libs/cas-sandbox/index.js';
import {
  type AssignmentPageData,
  type AssignmentReview,
  renderAssignment,
  type RenderedPage,
  renderSubmission,
  type SubmissionReview,
  TEXT_ONLY_LIMITS,
} from '../../../libs/review/index.js';

/** One page's render, past which its thread is stopped and the page is sent with its math as text. */
const RENDER_DEADLINE_MS = 5_000;
/** Pages one link author may have waiting for a thread; more is refused (429). */
const QUEUED_PER_AUTHOR = 4;

// Worker threads run JavaScript: the compiled handlers (dist/ when this runs from source, under Jest).
const handlersModule = () =>
  compiledModule(
    import.meta.url,
    '../../../libs/review/page-render.handlers.js',
    'libs/review/page-render.handlers.js',
  );

/**
 * Renders review pages on worker threads (KaTeX is synchronous and a page heavy with math takes
 * seconds): the event loop only waits for a message, so /health/live and every other tenant's
 * request stay fast. A render past its deadline is stopped; the page is then built here with no
 * math typeset (cheap: text only), every formula shown as its source with a note.
 */
@Injectable()
export class ReviewRenderer implements OnApplicationShutdown {
  private readonly pool: ThreadPool = createThreadPool({
    size: Math.max(1, Math.floor(availableParallelism() / 2)),
    timeoutMs: RENDER_DEADLINE_MS,
    handlersModule: handlersModule(),
    maxQueuedPerLane: QUEUED_PER_AUTHOR,
  });

  /** `lane`: who made the link (pages of one author queue behind each other, not behind others'). */
  async submission(review: SubmissionReview, lane: string): Promise<RenderedPage> {
    const page = await this.pool.run<RenderedPage | null>('renderSubmission', review, { lane, onStop: () => null });
    return page ?? renderSubmission(review, TEXT_ONLY_LIMITS);
  }

  async assignment(review: AssignmentReview, lane: string): Promise<RenderedPage> {
    const { submissionLink, ...data } = review;
    // Only the example submissions are linked: each link is a signed token.
    const ids = new Set(
      review.analytics.problems.flatMap((problem) =>
        problem.commonErrors.flatMap((error) => error.exampleSubmissionIds),
      ),
    );
    const payload: AssignmentPageData = {
      ...data,
      links: Object.fromEntries([...ids].map((id) => [id, submissionLink(id)])),
    };
    const page = await this.pool.run<RenderedPage | null>('renderAssignment', payload, { lane, onStop: () => null });
    return page ?? renderAssignment(payload, TEXT_ONLY_LIMITS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
