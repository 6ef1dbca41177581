import { type Database, DATABASE, WebhookOutboxNotifier } from '../db/index.js';
import { GradingInputRepository } from '../db/repositories/grading-input.repository.js';
import { ResultRowsRepository } from '../db/repositories/result-rows.repository.js';
import { ResultsService } from './results.service.js';

/** Providers for a Nest module that imports DbModule: the results service and the rows it writes. */
export const RESULTS_PROVIDERS = [
  {
    provide: ResultRowsRepository,
    useFactory: (db: Database) => new ResultRowsRepository(db.pool),
    inject: [DATABASE],
  },
  {
    provide: GradingInputRepository,
    useFactory: (db: Database) => new GradingInputRepository(db.pool),
    inject: [DATABASE],
  },
  {
    provide: ResultsService,
    useFactory: (rows: ResultRowsRepository, outbox: WebhookOutboxNotifier) => new ResultsService(rows, outbox),
    inject: [ResultRowsRepository, WebhookOutboxNotifier],
  },
];
