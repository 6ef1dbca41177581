import { Body, Controller, Get, Headers, Inject, Optional, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PoolBusyError } from '../../../libs/cas-sandbox/index.js';
import { isId } from '../../../libs/db/index.js';
import { type RenderedPage, renderMessagePage, renderNotFoundPage } from '../../../libs/review/index.js';
import { Public } from '../auth/auth.decorators.js';
import { AssignmentReviewLoader } from './assignment-review.loader.js';
import { sendHtml } from './html-reply.js';
import { ReviewLinkService } from './review-link.service.js';
import { REVIEW_OVERRIDE_HANDLER, type ReviewOverrideHandler } from './review-override.handler.js';
import { ReviewRenderer } from './review-renderer.js';
import { ReviewThrottle } from './review-throttle.js';
import { SubmissionReviewLoader } from './submission-review.loader.js';

const overrideForm = z.object({
  problemKey: z.string().min(1).max(200),
  score: z.coerce.number().finite().min(0),
  comment: z.string().trim().min(1).max(2_000),
});

function sendTooMany(reply: FastifyReply, retryAfterS: number): FastifyReply {
  return sendHtml(
    reply.header('retry-after', String(retryAfterS)),
    429,
    renderMessagePage('Too many requests', `This review page was asked for too often; try again in ${retryAfterS} s.`),
  );
}

/** Renders a page on the review renderer; a full queue is a 429 page, not a wait. */
async function sendRendered(reply: FastifyReply, render: () => Promise<RenderedPage>): Promise<FastifyReply> {
  try {
    const { page, headers } = await render();
    return reply.status(200).headers(headers).send(page);
  } catch (error) {
    if (error instanceof PoolBusyError) return sendTooMany(reply, error.retryAfterS);
    throw error;
  }
}

/**
 * The HTML review pages. The signed token in the query is the credential (no API key), so the
 * routes are public; a wrong, expired or foreign token gets the same 404 page as an unknown id.
 */
@Controller('review')
@Public()
export class ReviewPagesController {
  constructor(
    private readonly links: ReviewLinkService,
    private readonly submissionLoader: SubmissionReviewLoader,
    private readonly assignmentLoader: AssignmentReviewLoader,
    private readonly renderer: ReviewRenderer,
    private readonly throttle: ReviewThrottle,
    @Optional() @Inject(REVIEW_OVERRIDE_HANDLER) private readonly overrides?: ReviewOverrideHandler,
  ) {}

  @Get('submissions/:id')
  async submission(
    @Param('id') id: string,
    @Query('token') token: unknown,
    @Query('saved') saved: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const retryAfter = await this.throttle.retryAfter(request.ip);
    if (retryAfter !== null) return sendTooMany(reply, retryAfter);
    const claims = isId(id) ? await this.links.verifyLive(token, 'submission', id) : null;
    const view = claims ? await this.submissionLoader.load(id) : null;
    if (!claims || !view) return sendHtml(reply, 404, renderNotFoundPage());
    const overrideForm = claims.canOverride
      ? {
          actionUrl: `${encodeURIComponent(id)}/override?token=${token as string}`,
          csrfToken: this.links.signer.csrfFor(token as string),
        }
      : null;
    const review = { ...view, overrideForm, notice: saved === '1' ? 'Override saved.' : null };
    return sendRendered(reply, () => this.renderer.submission(review, claims.by ?? id));
  }

  @Get('assignments/:id')
  async assignment(
    @Param('id') id: string,
    @Query('token') token: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const retryAfter = await this.throttle.retryAfter(request.ip);
    if (retryAfter !== null) return sendTooMany(reply, retryAfter);
    const claims = isId(id) ? await this.links.verifyLive(token, 'assignment', id) : null;
    const submissionLink = (submissionId: string) =>
      `../submissions/${encodeURIComponent(submissionId)}?token=${this.links.childSubmissionToken(claims!, submissionId)}`;
    const view = claims ? await this.assignmentLoader.load(id, submissionLink) : null;
    if (!claims || !view) return sendHtml(reply, 404, renderNotFoundPage());
    return sendRendered(reply, () => this.renderer.assignment(view, claims.by ?? id));
  }

  @Post('submissions/:id/override')
  async override(
    @Param('id') id: string,
    @Query('token') token: unknown,
    @Body() body: unknown,
    @Headers('sec-fetch-site') fetchSite: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const retryAfter = await this.throttle.retryAfter(request.ip);
    if (retryAfter !== null) return sendTooMany(reply, retryAfter);
    const claims = isId(id) ? await this.links.verifyLive(token, 'submission', id) : null;
    if (!claims || !claims.canOverride) return sendHtml(reply, 404, renderNotFoundPage());
    // Defence in depth beside the CSRF value: browsers say where a request came from.
    const crossSite = fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
    const presentedCsrf = body && typeof body === 'object' ? (body as Record<string, unknown>).csrf : undefined;
    if (crossSite || !this.links.signer.checkCsrf(token as string, presentedCsrf)) {
      return sendHtml(
        reply,
        403,
        renderMessagePage(
          'Override refused',
          'The form did not come from this review page. Reload the page and try again.',
        ),
      );
    }
    const form = overrideForm.safeParse(body ?? {});
    if (!form.success)
      return sendHtml(
        reply,
        422,
        renderMessagePage('Override not saved', 'Give a problem, a score of 0 or more, and a comment.'),
      );
    const view = await this.submissionLoader.load(id);
    const answer = view?.answers.find((candidate) => candidate.problemKey === form.data.problemKey);
    if (!view || !answer)
      return sendHtml(reply, 422, renderMessagePage('Override not saved', 'This submission has no such problem.'));
    if (form.data.score > answer.points)
      return sendHtml(
        reply,
        422,
        renderMessagePage('Override not saved', `The score must be between 0 and ${answer.points}.`),
      );
    if (!this.overrides)
      return sendHtml(
        reply,
        503,
        renderMessagePage(
          'Overrides are not available',
          'This server cannot store overrides yet; use the API when it can.',
        ),
      );
    await this.overrides.apply({
      submissionId: id,
      problemKey: form.data.problemKey,
      score: form.data.score,
      comment: form.data.comment,
      by: claims.by ?? 'review-link',
    });
    return reply
      .status(303)
      .header('location', `../${encodeURIComponent(id)}?token=${token as string}&saved=1`)
      .header('cache-control', 'no-store')
      .send();
  }
}
