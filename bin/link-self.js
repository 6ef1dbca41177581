#!/usr/bin/env node
// npm links the bins of dependencies, not the package's own, so `npx stepgrade` from a checkout
// would look for the command on the registry. Linking our own bin after install makes it local.
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, 'node_modules', '.bin');
const target = join(root, 'bin', 'stepgrade.js');
mkdirSync(binDir, { recursive: true });
rmSync(join(binDir, 'stepgrade'), { force: true });
symlinkSync(relative(binDir, target), join(binDir, 'stepgrade'));
chmodSync(target, 0o755);
