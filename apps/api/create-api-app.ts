import { createRequire } from 'node:module';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig, resolveSecretKey } from '../../libs/config/index.js';
import { ApiModule } from './api.module.js';
import { contractErrorHandler } from './common/error.filter.js';
import { clientErrorHandler, frameworkErrors } from './common/framework-errors.js';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const routesOf = new WeakMap<NestFastifyApplication, RegisteredRoute[]>();

/** Every route the app registered (the authorization test checks its table covers them all). */
export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  return routesOf.get(app) ?? [];
}

const requireFromHere = createRequire(import.meta.url);

function allowNestErrorHandler(instance: object): void {
  const symbols = requireFromHere('fastify/lib/symbols.js') as { kErrorHandlerAlreadySet?: symbol };
  const flag = symbols.kErrorHandlerAlreadySet;
  if (!flag || !(flag in instance))
    throw new Error('fastify changed its error-handler bookkeeping: review create-api-app.ts');
  (instance as Record<symbol, unknown>)[flag] = false;
}

/** Builds the API application (used by main.ts, the all-in-one starter and the e2e tests). */
export async function createApiApp(
  config: AppConfig,
  options: { logger?: false } = {},
): Promise<NestFastifyApplication> {
  const logger = new Logger('Api');
  const serverSecret = resolveSecretKey(config, (message) => logger.warn(message));
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.jsonBodyLimitBytes,
    trustProxy: true,
    // Refusals before any route runs answer in the contract's shape too.
    frameworkErrors,
    clientErrorHandler,
  });
  // Before any route: routes built before Nest installs its own handler keep this one. Nest sets
  // its handler afterwards on purpose; Fastify would warn about that override (FSTWRN004) on every
  // start, so ours is recorded as not yet claiming the scope.
  adapter.getInstance().setErrorHandler(contractErrorHandler);
  allowNestErrorHandler(adapter.getInstance());
  const routes: RegisteredRoute[] = [];
  adapter.getInstance().addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, serverSecret), adapter, {
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
    abortOnError: false,
  });
  routesOf.set(app, routes);
  app.enableShutdownHooks();
  await app.init();
  return app;
}
