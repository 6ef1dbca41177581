import { envSchema } from './config.schema.js';
import { type AppConfig, toAppConfig } from './app-config.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parses the environment once. Overrides let tests and the CLI build a config without touching
 * process.env. Invalid settings fail start-up with every problem listed.
 */
export function loadConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  // An empty value means unset (compose and k8s templates often pass VAR= for optional settings).
  const merged = Object.fromEntries(
    Object.entries({ ...process.env, ...overrides }).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return deepFreeze(toAppConfig(parsed.data));
}
