import { type DynamicModule, Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/index.js';
import { type Database, openDatabase } from './database.js';
import { ApiKeyRepository } from './repositories/api-key.repository.js';
import { GradingInputRepository } from './repositories/grading-input.repository.js';
import { ResultRowsRepository } from './repositories/result-rows.repository.js';
import { AssignmentRepository } from './repositories/assignment.repository.js';
import { BatchUploadRepository } from './repositories/batch-upload.repository.js';
import { InboundEventRepository } from './repositories/inbound-event.repository.js';
import { IntegrationRepository } from './repositories/integration.repository.js';
import { WebhookOutboxNotifier } from './repositories/webhook-event-outbox.js';
import { WebhookEventRepository } from './repositories/webhook-event.repository.js';
import { OrgRepository } from './repositories/org.repository.js';
import { JudgementRepository } from './repositories/judgement.repository.js';
import { PoolSettingRepository } from './repositories/pool-setting.repository.js';
import { ReferenceRepository } from './repositories/reference.repository.js';
import { ReferenceWaitRepository } from './repositories/reference-wait.repository.js';
import { ResultReadRepository } from './repositories/result-read.repository.js';
import { ResultsTableRepository } from './repositories/results-table.repository.js';
import { SubmissionRepository } from './repositories/submission.repository.js';
import { AnalyticsRepository } from './repositories/analytics.repository.js';
import { OverrideRepository } from './repositories/override.repository.js';
import { AssignmentEditRepository } from './repositories/regrade-assignment-edit.repository.js';
import { RegradeRepository } from './repositories/regrade.repository.js';

export const DATABASE = Symbol('DATABASE');

const REPOSITORIES = [
  { provide: OrgRepository, useFactory: (db: Database) => new OrgRepository(db.prisma), inject: [DATABASE] },
  { provide: ApiKeyRepository, useFactory: (db: Database) => new ApiKeyRepository(db.prisma), inject: [DATABASE] },
  {
    provide: AssignmentRepository,
    useFactory: (db: Database) => new AssignmentRepository(db.prisma),
    inject: [DATABASE],
  },
  {
    provide: SubmissionRepository,
    useFactory: (db: Database) => new SubmissionRepository(db.prisma, db.pool),
    inject: [DATABASE],
  },
  { provide: WebhookOutboxNotifier, useValue: new WebhookOutboxNotifier() },
  {
    provide: GradingInputRepository,
    useFactory: (db: Database) => new GradingInputRepository(db.pool),
    inject: [DATABASE],
  },
  {
    provide: ResultRowsRepository,
    useFactory: (db: Database) => new ResultRowsRepository(db.pool),
    inject: [DATABASE],
  },
  {
    provide: IntegrationRepository,
    useFactory: (db: Database) => new IntegrationRepository(db.prisma),
    inject: [DATABASE],
  },
  {
    provide: WebhookEventRepository,
    useFactory: (db: Database) => new WebhookEventRepository(db.prisma),
    inject: [DATABASE],
  },
  {
    provide: InboundEventRepository,
    useFactory: (db: Database) => new InboundEventRepository(db.pool),
    inject: [DATABASE],
  },
  {
    provide: BatchUploadRepository,
    useFactory: (db: Database) => new BatchUploadRepository(db.pool),
    inject: [DATABASE],
  },
  {
    provide: JudgementRepository,
    useFactory: (db: Database) => new JudgementRepository(db.prisma),
    inject: [DATABASE],
  },
  {
    provide: PoolSettingRepository,
    useFactory: (db: Database) => new PoolSettingRepository(db.prisma),
    inject: [DATABASE],
  },
  {
    provide: ReferenceRepository,
    useFactory: (db: Database) => new ReferenceRepository(db.prisma),
    inject: [DATABASE],
  },
  {
    provide: ReferenceWaitRepository,
    useFactory: (db: Database) => new ReferenceWaitRepository(db.prisma),
    inject: [DATABASE],
  },
  {
    provide: ResultReadRepository,
    useFactory: (db: Database) => new ResultReadRepository(db.prisma),
    inject: [DATABASE],
  },
  {
    provide: ResultsTableRepository,
    useFactory: (db: Database) => new ResultsTableRepository(db.pool),
    inject: [DATABASE],
  },
  {
    provide: OverrideRepository,
    useFactory: (db: Database) => new OverrideRepository(db.prisma, db.pool),
    inject: [DATABASE],
  },
  { provide: RegradeRepository, useFactory: (db: Database) => new RegradeRepository(db.prisma), inject: [DATABASE] },
  {
    provide: AssignmentEditRepository,
    useFactory: (db: Database) => new AssignmentEditRepository(db.prisma),
    inject: [DATABASE],
  },
  { provide: AnalyticsRepository, useFactory: (db: Database) => new AnalyticsRepository(db.pool), inject: [DATABASE] },
];

class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}
  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

/** The one place that opens the database; everything else receives repositories. */
@Global()
@Module({})
export class DbModule {
  static forRoot(config: AppConfig): DynamicModule {
    const logger = new Logger('Database');
    return {
      module: DbModule,
      providers: [
        {
          provide: DATABASE,
          useFactory: () =>
            openDatabase(config.databaseUrl, {
              onIdleError: (error) => logger.warn(`idle Postgres connection lost: ${error.message}`),
            }),
        },
        DatabaseCloser,
        ...REPOSITORIES,
      ],
      exports: [DATABASE, ...REPOSITORIES.map((repository) => repository.provide)],
    };
  }
}
