import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '../../libs/config/index.js';
import { DbModule } from '../../libs/db/index.js';
import { QueueModule } from '../../libs/queue/index.js';
import { RESULTS_PROVIDERS } from '../../libs/results/index.js';
import { GradeProcessor } from './grading/grade.processor.js';
import { GradingService } from './grading/grading.service.js';
import { JudgementGate } from './grading/judgement-gate.js';
import { JudgementService } from './models/judgement.service.js';
import { ModelProviders } from './models/model-providers.js';
import { ReferenceService } from './models/reference.service.js';
import { PoolRunner } from './pools/pool-runner.service.js';
import { PoolSettingsWatcher } from './pools/pool-settings.watcher.js';
import { ReconcilerService } from './reconciler/reconciler.service.js';
import { ReferenceReconciler } from './reconciler/reference-reconciler.js';
import { WEBHOOK_PROVIDERS } from './webhooks/index.js';
import { WORKER_METRICS_PROVIDERS } from './metrics/index.js';

/** The worker process: no HTTP server, just the pools' consumers and the reconciler. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DbModule.forRoot(config), QueueModule.forRoot(config)],
      providers: [
        ...RESULTS_PROVIDERS,
        GradingService,
        GradeProcessor,
        JudgementGate,
        JudgementService,
        ModelProviders,
        ReferenceService,
        PoolRunner,
        PoolSettingsWatcher,
        ReconcilerService,
        ReferenceReconciler,
        ...WEBHOOK_PROVIDERS,
        ...WORKER_METRICS_PROVIDERS,
      ],
    };
  }
}
