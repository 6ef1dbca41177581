import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { type AppConfig, ConfigModule, resolveSecretKey } from '../../libs/config/index.js';
import { DbModule } from '../../libs/db/index.js';
import { QueueModule } from '../../libs/queue/index.js';
import { AssignmentsController } from './assignments/assignments.controller.js';
import { ApiKeyService } from './auth/api-key.service.js';
import { AuthGuard } from './auth/auth.guard.js';
import { SERVER_SECRET } from './auth/server-secret.js';
import { ErrorFilter } from './common/error.filter.js';
import { HealthController } from './health/health.controller.js';
import { OrgsController } from './orgs/orgs.controller.js';
import { ResultsController } from './results/results.controller.js';
import { REVIEW_CONTROLLERS, REVIEW_PROVIDERS } from './review/index.js';
import { SubmissionIntakeService } from './submissions/submission-intake.service.js';
import { SubmissionsController } from './submissions/submissions.controller.js';

/** The HTTP API: validation, authorization, Postgres writes and enqueues. No grading here. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, serverSecret: string): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), DbModule.forRoot(config), QueueModule.forRoot(config)],
      controllers: [HealthController, OrgsController, AssignmentsController, SubmissionsController, ResultsController, ...REVIEW_CONTROLLERS],
      providers: [
        { provide: SERVER_SECRET, useValue: serverSecret },
        ApiKeyService,
        SubmissionIntakeService,
        ...REVIEW_PROVIDERS,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}

export { resolveSecretKey };
