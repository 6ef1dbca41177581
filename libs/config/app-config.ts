import type { PoolName, RawEnv } from './config.schema.js';

/** The validated, typed, frozen configuration every process receives. */
export interface AppConfig {
  env: string;
  http: { port: number; host: string; publicUrl: string; jsonBodyLimitBytes: number; streamBodyLimitBytes: number };
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  dataDir: string;
  bootstrapAdminKey: string | undefined;
  /** Set explicitly in production; otherwise a development key from the data directory. */
  secretKey: string | undefined;
  pools: { enabled: PoolName[]; concurrency: Record<PoolName, number> };
  /** Grading in worker threads, in chunks, within a per-submission budget (GRADING.md, Budget). */
  grading: { threads: number; chunkSize: number; budgetMs: number; maxSteps: number };
  models: {
    openai: { baseUrl: string | undefined; apiKey: string; model: string; timeoutS: number; maxTokens: number };
    gguf: { modelPath: string | undefined; threads: number; contextSize: number; maxTokens: number };
    referenceAttempts: number;
    jobAttempts: number;
    waitS: number;
    gpuBacklogS: number;
  };
  webhooks: { allowHosts: string; timeoutS: number };
  rateLimitPerSecond: number;
  /** Failed authentications per second per client address (burst 2×); 0 = unlimited. */
  authFailuresPerSecond: number;
  shutdownGraceS: number;
  reviewLinkTtlS: number;
  metricsToken: string | undefined;
  /** Port of a worker's metrics and liveness server; 0 = none. */
  workerMetricsPort: number;
  reconciler: { afterS: number; everyS: number };
  jobLockS: number;
  logLevel: RawEnv['LOG_LEVEL'];
}

export function toAppConfig(raw: RawEnv): AppConfig {
  const mb = 1024 * 1024;
  return {
    env: raw.NODE_ENV,
    http: {
      port: raw.PORT,
      host: raw.HOST,
      publicUrl: raw.STEPGRADE_PUBLIC_URL ?? `http://localhost:${raw.PORT}`,
      jsonBodyLimitBytes: Math.round(raw.STEPGRADE_JSON_BODY_LIMIT_MB * mb),
      streamBodyLimitBytes: Math.round(raw.STEPGRADE_STREAM_BODY_LIMIT_MB * mb),
    },
    databaseUrl: raw.DATABASE_URL,
    redisUrl: raw.REDIS_URL,
    queuePrefix: raw.STEPGRADE_QUEUE_PREFIX,
    dataDir: raw.STEPGRADE_DATA_DIR,
    bootstrapAdminKey: raw.STEPGRADE_BOOTSTRAP_ADMIN_KEY,
    secretKey: raw.STEPGRADE_SECRET_KEY,
    pools: {
      enabled: raw.WORKER_POOL,
      concurrency: { cpu: raw.CPU_CONCURRENCY, gpu: raw.GPU_CONCURRENCY, edge: raw.EDGE_CONCURRENCY },
    },
    grading: {
      threads: raw.GRADING_THREADS,
      chunkSize: raw.GRADE_CHUNK_SIZE,
      budgetMs: raw.GRADING_BUDGET_MS,
      maxSteps: raw.GRADING_MAX_STEPS,
    },
    models: {
      openai: {
        baseUrl: raw.OPENAI_BASE_URL,
        apiKey: raw.OPENAI_API_KEY,
        model: raw.OPENAI_MODEL,
        timeoutS: raw.OPENAI_TIMEOUT_S,
        maxTokens: raw.OPENAI_MAX_TOKENS,
      },
      gguf: {
        modelPath: raw.GGUF_MODEL_PATH,
        threads: raw.LLAMA_THREADS,
        contextSize: raw.LLAMA_CONTEXT_SIZE,
        maxTokens: raw.LLAMA_MAX_TOKENS,
      },
      referenceAttempts: raw.STEPGRADE_REFERENCE_ATTEMPTS,
      jobAttempts: raw.STEPGRADE_MODEL_JOB_ATTEMPTS,
      waitS: raw.STEPGRADE_MODEL_WAIT_S,
      gpuBacklogS: raw.STEPGRADE_GPU_BACKLOG_S,
    },
    webhooks: { allowHosts: raw.STEPGRADE_WEBHOOK_ALLOW_HOSTS, timeoutS: raw.STEPGRADE_WEBHOOK_TIMEOUT_S },
    rateLimitPerSecond: raw.STEPGRADE_RATE_LIMIT,
    authFailuresPerSecond: raw.STEPGRADE_AUTH_FAILURE_LIMIT,
    shutdownGraceS: raw.STEPGRADE_SHUTDOWN_GRACE_S,
    reviewLinkTtlS: raw.STEPGRADE_REVIEW_LINK_TTL_S,
    metricsToken: raw.STEPGRADE_METRICS_TOKEN,
    workerMetricsPort: raw.WORKER_METRICS_PORT,
    reconciler: { afterS: raw.STEPGRADE_RECONCILE_AFTER_S, everyS: raw.STEPGRADE_RECONCILE_EVERY_S },
    jobLockS: raw.STEPGRADE_JOB_LOCK_S,
    logLevel: raw.LOG_LEVEL,
  };
}
