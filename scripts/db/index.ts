// Public surface of the migration tool, for test setup and start-up code that migrate in-process.
export { DEFAULT_DATABASE_URL, databaseUrlFromEnv } from './database-url.js';
export { dropDatabase, ensureDatabase } from './ensure-database.js';
export { migrateDeploy, type DeployResult } from './migrate-deploy.js';
export { defaultPrismaPaths, type PrismaPaths } from './project-paths.js';
