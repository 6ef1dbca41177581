// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), used instead of the
// native binary the CLI would download from an unreachable host. Node 20 cannot import a .wasm
// file as an ES module, so the glue is imported and the module instantiated by hand, once per
// process.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { createAdapterFactory } from './adapter-factory.js';

export type { SchemaEngine };
type EngineGlue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

// The project's TypeScript lib (ES2023, no DOM) does not declare WebAssembly; Node 20 has it.
type ModuleImports = Record<string, unknown>;
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, ModuleImports>): Promise<{ exports: Record<string, unknown> }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

const GLUE_SPECIFIER = '@prisma/schema-engine-wasm/schema_engine_bg';
let gluePromise: Promise<EngineGlue> | undefined;

// The engine arms timers it never clears (its 10 s advisory-lock timeout, on every command), which
// would keep a finished process alive for 10 s. Its timers only bound its own waits, so they need
// not hold the process open: hand it unref'd ones.
function withUnrefTimers(glue: EngineGlue): ModuleImports {
  const imports: ModuleImports = { ...(glue as unknown as ModuleImports) };
  for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, delayMs: number) => {
      const timer = setTimeout(callback, delayMs >>> 0);
      timer.unref?.();
      return timer;
    };
  }
  return imports;
}

async function instantiateGlue(): Promise<EngineGlue> {
  const glue: EngineGlue = await import(GLUE_SPECIFIER);
  const wasmPath = join(dirname(createRequire(import.meta.url).resolve(GLUE_SPECIFIER)), 'schema_engine_bg.wasm');
  const module = await WebAssembly.compile(await readFile(wasmPath));
  const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': withUnrefTimers(glue) });
  const setWasm = glue.__wbg_set_wasm as (exports: Record<string, unknown>) => void;
  setWasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

function loadGlue(): Promise<EngineGlue> {
  gluePromise ??= instantiateGlue().catch((error: unknown) => {
    gluePromise = undefined;
    throw error;
  });
  return gluePromise;
}

export interface SchemaFile {
  path: string;
  content: string;
}

export interface EngineSession {
  engine: SchemaEngine;
  /** Frees the engine, closes every pool it opened and drops its shadow databases. */
  close(): Promise<void>;
}

// The engine logs JSON lines; they matter only when debugging the engine itself.
function engineLog(line: string): void {
  if (process.env.STEPGRADE_DB_DEBUG) process.stderr.write(`[schema-engine] ${line}\n`);
}

/** Opens an engine connected to `databaseUrl` (which must exist) with the given schema files. */
export async function openEngine(databaseUrl: string, schemaFiles: SchemaFile[]): Promise<EngineSession> {
  const glue = await loadGlue();
  const adapters = createAdapterFactory(databaseUrl);
  const datamodels = schemaFiles.map((file): [string, string] => [file.path, file.content]);
  const engine = await glue.SchemaEngine.new(
    { datamodels },
    engineLog,
    bindMigrationAwareSqlAdapterFactory(adapters),
  ).catch(async (error: unknown) => {
    await adapters.closeAll();
    throw error;
  });
  return {
    engine,
    close: async () => {
      engine.free();
      await adapters.closeAll();
    },
  };
}

/** Runs `work` with an engine session and always closes it. */
export async function withEngine<T>(
  databaseUrl: string,
  schemaFiles: SchemaFile[],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const session = await openEngine(databaseUrl, schemaFiles);
  try {
    return await work(session.engine);
  } finally {
    await session.close();
  }
}
