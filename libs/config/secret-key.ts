import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './app-config.js';

/**
 * The server secret (key pepper, secret encryption, review-link signing). Production sets
 * STEPGRADE_SECRET_KEY; development gets a generated key kept under the data directory so that
 * restarts keep existing API keys valid.
 */
export function resolveSecretKey(config: AppConfig, warn: (message: string) => void): string {
  if (config.secretKey) return config.secretKey;
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const generated = randomBytes(32).toString('base64url');
  writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: 'wx' });
  warn(`STEPGRADE_SECRET_KEY is not set: generated a development key in ${file}; production must set it`);
  return generated;
}
