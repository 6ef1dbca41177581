// Protects start-up validation: defaults from API.md, pool lists, and unknown pools failing fast.
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './index.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ PORT: '3000', WORKER_POOL: undefined, DATABASE_URL: undefined });
    expect(config.http.port).toBe(3000);
    expect(config.pools.enabled).toEqual(['cpu']);
    expect(config.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/stepgrade');
    expect(config.models.waitS).toBe(60);
    expect(Object.isFrozen(config.pools)).toBe(true);
  });

  it('reads a comma list of pools', () => {
    expect(loadConfig({ WORKER_POOL: 'cpu, gpu,edge' }).pools.enabled).toEqual(['cpu', 'gpu', 'edge']);
  });

  it('refuses unknown pool names with a clear message', () => {
    expect(() => loadConfig({ WORKER_POOL: 'cpu,tpu' })).toThrow(ConfigError);
    expect(() => loadConfig({ WORKER_POOL: 'cpu,tpu' })).toThrow(/tpu/);
  });

  it('refuses a non-numeric port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
