import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { ApiKeyRepository } from '../../../libs/db/index.js';
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
    private readonly apiKeys: ApiKeyRepository,
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

  /** The token alone: authentic, unexpired, for this resource. Use verifyLive() to serve a page. */
  verify(token: unknown, kind: ReviewKind, id: string): ReviewClaims | null {
    return this.signer.verify(token, { kind, id });
  }

  /**
   * The claims when the token is valid and the link still lives: it dies with the key that made it
   * (revoked) and with that key's organization (gone, or no longer owning the resource). A link
   * without an author is refused. Checked on every use, so a revocation takes effect at once.
   */
  async verifyLive(token: unknown, kind: ReviewKind, id: string): Promise<ReviewClaims | null> {
    const claims = this.verify(token, kind, id);
    if (!claims?.by) return null;
    return (await this.apiKeys.mayUseLinkFrom(claims.by, { kind, id })) ? claims : null;
  }
}
