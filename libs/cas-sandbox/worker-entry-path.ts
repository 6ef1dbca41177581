// Where the worker thread's entry file is. A worker thread cannot load TypeScript, so when this
// module itself runs from source (under Jest) the entry is taken from the compiled build in dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ENTRY_FILE = 'cas-worker.entry.js';

export function resolveWorkerEntry(override?: string | URL): URL {
  if (override) return toFileUrl(override);
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.js')) return new URL(`./${ENTRY_FILE}`, here);
  const compiled = new URL(`../../dist/libs/cas-sandbox/${ENTRY_FILE}`, here);
  if (!existsSync(fileURLToPath(compiled))) {
    throw new Error(`cas-sandbox: ${fileURLToPath(compiled)} is missing; run "npm run build" first`);
  }
  return compiled;
}

export function toFileUrl(location: string | URL): URL {
  if (location instanceof URL) return location;
  return location.startsWith('file:') ? new URL(location) : pathToFileURL(location);
}
