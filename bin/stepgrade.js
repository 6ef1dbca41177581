#!/usr/bin/env node
// Runs the compiled CLI. `npm install` builds dist/ (postinstall), so `npx stepgrade` needs no
// build step; a missing build says how to make one instead of failing with a stack trace.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'apps', 'cli', 'main.js');
if (!existsSync(entry)) {
  console.error(`stepgrade: ${entry} is missing; run "npm run build" in ${root}`);
  process.exit(2);
}
await import(entry);
