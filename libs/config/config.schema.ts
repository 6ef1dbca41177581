import { z } from 'zod';

// Every setting StepGrade reads from the environment, with the defaults API.md documents.
// Raw process.env is read in load-config.ts only.

const POOL_NAMES = ['cpu', 'gpu', 'edge'] as const;
export type PoolName = (typeof POOL_NAMES)[number];
export const ALL_POOLS: readonly PoolName[] = POOL_NAMES;

const intFrom = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const secondsFrom = (fallback: number) => z.coerce.number().min(0).default(fallback);

const poolList = z
  .string()
  .default('cpu')
  .transform((raw, ctx) => {
    const names = raw
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const unknown = names.filter((name) => !(POOL_NAMES as readonly string[]).includes(name));
    if (unknown.length > 0 || names.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown pool name(s): ${unknown.join(', ') || '(empty)'}; use cpu, gpu, edge`,
      });
      return z.NEVER;
    }
    return [...new Set(names)] as PoolName[];
  });

export const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: intFrom(3000, 0),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/stepgrade'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  STEPGRADE_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default('stepgrade'),
  STEPGRADE_PUBLIC_URL: z.string().url().optional(),
  STEPGRADE_BOOTSTRAP_ADMIN_KEY: z.string().min(32).optional(),
  STEPGRADE_SECRET_KEY: z.string().min(32).optional(),
  STEPGRADE_DATA_DIR: z.string().default('./.stepgrade'),
  WORKER_POOL: poolList,
  CPU_CONCURRENCY: intFrom(2, 1),
  GPU_CONCURRENCY: intFrom(16, 1),
  EDGE_CONCURRENCY: intFrom(1, 1),
  // Grading threads per worker process (the CAS runs off the event loop), submissions written per
  // chunk, and each submission's grading budget: time (ms) and steps checked.
  GRADING_THREADS: intFrom(1, 1),
  GRADE_CHUNK_SIZE: intFrom(50, 1),
  GRADING_BUDGET_MS: intFrom(5_000, 50),
  GRADING_MAX_STEPS: intFrom(2_000, 1),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_API_KEY: z.string().default('not-needed'),
  OPENAI_MODEL: z.string().default('deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B'),
  GGUF_MODEL_PATH: z.string().optional(),
  LLAMA_THREADS: intFrom(1, 1),
  LLAMA_CONTEXT_SIZE: intFrom(4096, 256),
  LLAMA_MAX_TOKENS: intFrom(1024, 16),
  OPENAI_TIMEOUT_S: secondsFrom(120),
  OPENAI_MAX_TOKENS: intFrom(4096, 16),
  // How many fresh generations a reference gets before it goes to a teacher for review.
  STEPGRADE_REFERENCE_ATTEMPTS: intFrom(3, 1),
  // BullMQ attempts of a model job whose model is unreachable (the provider also retries inside).
  STEPGRADE_MODEL_JOB_ATTEMPTS: intFrom(3, 1),
  STEPGRADE_MODEL_WAIT_S: secondsFrom(60),
  STEPGRADE_GPU_BACKLOG_S: secondsFrom(120),
  STEPGRADE_WEBHOOK_ALLOW_HOSTS: z.string().default(''),
  STEPGRADE_RATE_LIMIT: intFrom(1000, 0),
  // Failed authentications per second per client address (burst 2×) before 429; 0 = off.
  STEPGRADE_AUTH_FAILURE_LIMIT: intFrom(10, 0),
  STEPGRADE_SHUTDOWN_GRACE_S: secondsFrom(30),
  STEPGRADE_WEBHOOK_TIMEOUT_S: secondsFrom(15),
  STEPGRADE_REVIEW_LINK_TTL_S: intFrom(7 * 24 * 3600, 1),
  STEPGRADE_METRICS_TOKEN: z.string().optional(),
  // A worker's own /metrics and /health/live (node:http); 0 = off.
  WORKER_METRICS_PORT: intFrom(0, 0),
  // How long a submission may sit in queued/grading with no live job before the reconciler re-enqueues it.
  STEPGRADE_RECONCILE_AFTER_S: secondsFrom(30),
  STEPGRADE_RECONCILE_EVERY_S: secondsFrom(10),
  // BullMQ lock: a job whose worker stops renewing it for this long is handed to another worker.
  STEPGRADE_JOB_LOCK_S: secondsFrom(30),
  STEPGRADE_JSON_BODY_LIMIT_MB: z.coerce.number().positive().default(10),
  STEPGRADE_STREAM_BODY_LIMIT_MB: z.coerce.number().positive().default(100),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type RawEnv = z.infer<typeof envSchema>;
