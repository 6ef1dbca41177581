// Where the schema and migrations live. Found from this file's location (src or dist) rather than
// the working directory, so the tool and its programmatic API work from anywhere.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaFile } from './wasm-engine.js';

export interface PrismaPaths {
  schemaPath: string;
  migrationsDir: string;
}

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'prisma', 'schema.prisma'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No prisma/schema.prisma above ${start}`);
  }
}

export function defaultPrismaPaths(): PrismaPaths {
  const root = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
  return { schemaPath: join(root, 'prisma', 'schema.prisma'), migrationsDir: join(root, 'prisma', 'migrations') };
}

/** Paths for another schema file, with its migrations beside it as Prisma lays them out. */
export function prismaPathsFor(schemaPath: string): PrismaPaths {
  const absolute = resolve(schemaPath);
  return { schemaPath: absolute, migrationsDir: join(dirname(absolute), 'migrations') };
}

/** The schema as the engine takes it; the path only labels its error messages. */
export async function readSchemaFiles(schemaPath: string): Promise<SchemaFile[]> {
  return [{ path: relative(process.cwd(), schemaPath) || schemaPath, content: await readFile(schemaPath, 'utf8') }];
}
