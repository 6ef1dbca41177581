import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { SERVER_SECRET } from '../auth/server-secret.js';
import { type ReviewClaims, type ReviewKind, ReviewTokenSigner } from './review-token.js';

const PATHS: Record<ReviewKind, string> = { submission: 'submissions', assignment: 'assignments' };

/** Makes and checks review links; the one place that knows the token key and the public URL. */
@Injectable()
export class ReviewLinkService {
  readonly signer: ReviewTokenSigner;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SERVER_SECRET) serverSecret: string,
  ) {
    this.signer = new ReviewTokenSigner(serverSecret);
  }

  create(
    kind: ReviewKind,
    id: string,
    options: { canOverride: boolean; by: string | null },
  ): { url: string; expiresAt: string } {
    const exp = Math.floor(Date.now() / 1000) + this.config.reviewLinkTtlS;
    const token = this.signer.sign({ kind, id, canOverride: options.canOverride, exp, by: options.by });
    const base = this.config.http.publicUrl.replace(/\/+$/, '');
    return {
      url: `${base}/review/${PATHS[kind]}/${encodeURIComponent(id)}?token=${token}`,
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }

  /** A link to a submission from an assignment page: same rights as the parent, and it expires with it. */
  childSubmissionToken(parent: ReviewClaims, submissionId: string): string {
    return this.signer.sign({
      kind: 'submission',
      id: submissionId,
      canOverride: parent.canOverride,
      exp: parent.exp,
      by: parent.by,
    });
  }

  verify(token: unknown, kind: ReviewKind, id: string): ReviewClaims | null {
    return this.signer.verify(token, { kind, id });
  }
}
