import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '../../libs/config/index.js';
import { DbModule } from '../../libs/db/index.js';
import { QueueModule } from '../../libs/queue/index.js';
import { GradeProcessor } from './grading/grade.processor.js';
import { GradingService } from './grading/grading.service.js';
import { PoolRunner } from './pools/pool-runner.service.js';
import { ReconcilerService } from './reconciler/reconciler.service.js';

/** The worker process: no HTTP server, just the pools' consumers and the reconciler. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DbModule.forRoot(config), QueueModule.forRoot(config)],
      providers: [GradingService, GradeProcessor, PoolRunner, ReconcilerService],
    };
  }
}
