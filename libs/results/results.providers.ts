import { OverrideRepository, ResultRowsRepository, WebhookOutboxNotifier } from '../db/index.js';
import { ResultsService } from './results.service.js';

/** Providers for a Nest module that imports DbModule: the results service over its rows. */
export const RESULTS_PROVIDERS = [
  {
    provide: ResultsService,
    useFactory: (rows: ResultRowsRepository, outbox: WebhookOutboxNotifier, overrides: OverrideRepository) =>
      new ResultsService(rows, outbox, overrides),
    inject: [ResultRowsRepository, WebhookOutboxNotifier, OverrideRepository],
  },
];
