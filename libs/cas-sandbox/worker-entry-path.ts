// Where a worker thread's JavaScript is. A worker thread cannot load TypeScript, so when the calling
// module itself runs from source (under Jest) the file is taken from the compiled build in dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The compiled form of `relative` (a `.js` path next to the module at `here`): the sibling when
 * `here` is itself compiled, else the same path under dist/ (`distPath`, relative to the repository).
 */
export function compiledModule(here: string | URL, relative: string, distPath: string): URL {
  const from = new URL(here);
  if (from.pathname.endsWith('.js')) return new URL(relative, from);
  const root = new URL('../../', new URL('.', import.meta.url));
  const compiled = new URL(`dist/${distPath}`, root);
  if (!existsSync(fileURLToPath(compiled))) {
    throw new Error(`${fileURLToPath(compiled)} is missing; run "npm run build" first`);
  }
  return compiled;
}

export function resolveWorkerEntry(override?: string | URL): URL {
  if (override) return toFileUrl(override);
  return compiledModule(import.meta.url, './cas-worker.entry.js', 'libs/cas-sandbox/cas-worker.entry.js');
}

export function toFileUrl(location: string | URL): URL {
  if (location instanceof URL) return location;
  return location.startsWith('file:') ? new URL(location) : pathToFileURL(location);
}
