import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { type AppConfig, ConfigModule, resolveSecretKey } from '../../libs/config/index.js';
import { DbModule } from '../../libs/db/index.js';
import { QueueModule } from '../../libs/queue/index.js';
import { PoolAdminService } from './admin/pool-admin.service.js';
import { PoolsController } from './admin/pools.controller.js';
import { QueueDashboard } from './admin/queue-dashboard.js';
import { AssignmentService } from './assignments/assignment.service.js';
import { AssignmentsController } from './assignments/assignments.controller.js';
import { ReferencesController } from './assignments/references.controller.js';
import { ApiKeyService } from './auth/api-key.service.js';
import { AuthGuard } from './auth/auth.guard.js';
import { SERVER_SECRET } from './auth/server-secret.js';
import { ErrorFilter } from './common/error.filter.js';
import { DocsController } from './docs/docs.controller.js';
import { StorableTextInterceptor } from './common/storable-text.interceptor.js';
import { HealthController } from './health/health.controller.js';
import { METRICS_CONTROLLERS, METRICS_PROVIDERS } from './metrics/index.js';
import { INTEGRATION_CONTROLLERS, INTEGRATION_PROVIDERS } from './integrations/index.js';
import { OrgsController } from './orgs/orgs.controller.js';
import { AuthFailureLimiter } from './rate-limit/auth-failure-limiter.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { ResultsController } from './results/results.controller.js';
import { ToolsSandbox } from './tools/cas-sandbox.provider.js';
import { ToolsController } from './tools/tools.controller.js';
import { REVIEW_CONTROLLERS, REVIEW_PROVIDERS } from './review/index.js';
import { BulkUploadParsers } from './submissions/bulk-upload.parsers.js';
import { BulkUploadService } from './submissions/bulk-upload.service.js';
import { IntakeTargetCache } from './submissions/intake-target.cache.js';
import { SubmissionIntakeService } from './submissions/submission-intake.service.js';
import { SubmissionsController } from './submissions/submissions.controller.js';
import { AnalyticsController } from './analytics/analytics.controller.js';
import { AssignmentUpdateController } from './assignments/assignment-update.controller.js';
import { AssignmentUpdateService } from './assignments/assignment-update.service.js';
import { OVERRIDE_CONTROLLERS, OVERRIDE_PROVIDERS } from './overrides/index.js';
import { SubmissionRegradeController } from './submissions/submission-regrade.controller.js';

/** Every controller of the API (the OpenAPI document is checked against their routes). */
export const API_CONTROLLERS = [
  HealthController,
  OrgsController,
  AssignmentsController,
  ReferencesController,
  SubmissionsController,
  ResultsController,
  ToolsController,
  PoolsController,
  ...REVIEW_CONTROLLERS,
  ...INTEGRATION_CONTROLLERS,
  AssignmentUpdateController,
  SubmissionRegradeController,
  AnalyticsController,
  ...OVERRIDE_CONTROLLERS,
  ...METRICS_CONTROLLERS,
  DocsController,
];

/** The HTTP API: validation, authorization, Postgres writes and enqueues. No grading here. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, serverSecret: string): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), DbModule.forRoot(config), QueueModule.forRoot(config)],
      controllers: API_CONTROLLERS,
      providers: [
        { provide: SERVER_SECRET, useValue: serverSecret },
        ApiKeyService,
        AuthFailureLimiter,
        AssignmentService,
        ToolsSandbox,
        PoolAdminService,
        QueueDashboard,
        SubmissionIntakeService,
        IntakeTargetCache,
        BulkUploadService,
        BulkUploadParsers,
        ...INTEGRATION_PROVIDERS,
        ...REVIEW_PROVIDERS,
        ...OVERRIDE_PROVIDERS,
        AssignmentUpdateService,
        ...METRICS_PROVIDERS,
        { provide: APP_GUARD, useClass: AuthGuard },
        // After authentication: the bucket is per API key.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        // After the guards: text Postgres cannot store is a 422 naming the field (storable-text.ts).
        { provide: APP_INTERCEPTOR, useClass: StorableTextInterceptor },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}

export { resolveSecretKey };
