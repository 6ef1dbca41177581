export { type AppConfig } from './app-config.js';
export { ALL_POOLS, type PoolName } from './config.schema.js';
export { ConfigError, loadConfig } from './load-config.js';
export { APP_CONFIG, ConfigModule } from './config.module.js';
export { resolveSecretKey } from './secret-key.js';
