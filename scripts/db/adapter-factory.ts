// The driver-adapter factory the WebAssembly schema engine talks to Postgres through: adapter-pg
// with the "char" and shadow-database workarounds, and whole-script execution. It remembers every
// connection it opened so the caller can close them all (the engine's free() does not).
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { CharAsTextClient } from './char-as-text-client.js';
import { createShadowDatabase } from './shadow-db.js';

export interface TrackedAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Closes every pool this factory opened and drops any shadow database; safe to call twice. */
  closeAll(): Promise<void>;
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

// adapter-pg's executeScript splits the script on every ";" (breaking comments and string literals
// that contain one) and runs the pieces on whichever pooled connection is free. Like the native
// engine, send the whole migration as one simple query instead.
function runScriptsWhole(adapter: PgAdapter): void {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
}

async function connect(databaseUrl: string): Promise<PgAdapter> {
  const factory = new PrismaPg({ connectionString: databaseUrl, Client: CharAsTextClient });
  const adapter = await factory.connect();
  runScriptsWhole(adapter);
  return adapter;
}

function disposeOnce(adapter: SqlDriverAdapter, afterClose?: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  const dispose = adapter.dispose.bind(adapter);
  const close = () => (closing ??= dispose().then(() => afterClose?.()));
  adapter.dispose = close;
  return close;
}

export function createAdapterFactory(databaseUrl: string): TrackedAdapterFactory {
  const closers: Array<() => Promise<void>> = [];
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async connect() {
      const adapter = await connect(databaseUrl);
      closers.push(disposeOnce(adapter));
      return adapter;
    },
    async connectToShadowDb() {
      const shadow = await createShadowDatabase(databaseUrl);
      try {
        const adapter = await connect(shadow.url);
        closers.push(disposeOnce(adapter, shadow.drop));
        return adapter;
      } catch (error) {
        await shadow.drop();
        throw error;
      }
    },
    async closeAll() {
      const results = await Promise.allSettled(closers.map((close) => close()));
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw (failure as PromiseRejectedResult).reason;
    },
  };
}
