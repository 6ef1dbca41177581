// Why an incoming webhook was refused; the API answers 401 for each, the CLI prints the reason.
export type WebhookVerificationReason = 'missing_headers' | 'invalid_timestamp' | 'stale_timestamp' | 'bad_signature';

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';

  constructor(
    readonly reason: WebhookVerificationReason,
    message: string,
  ) {
    super(message);
  }
}
