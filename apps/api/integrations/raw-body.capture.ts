import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { ApiError } from '../common/api-error.js';

/** The inbound webhook route: its signature covers the body bytes exactly as sent. */
export const INBOUND_EVENTS_ROUTE = '/v1/integrations/:id/events';

export type RequestWithRawBody = FastifyRequest & { rawBody?: Buffer };

/**
 * Keeps the raw request body for the inbound webhook route only (every other route is parsed
 * without a copy): the body is read once here, kept as bytes, and handed on to the JSON parser.
 */
@Injectable()
export class RawBodyCapture implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const limit = this.config.http.jsonBodyLimitBytes;
    fastify.addHook('preParsing', async (request: RequestWithRawBody, _reply, payload) => {
      if (request.routeOptions.url !== INBOUND_EVENTS_ROUTE) return payload;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload) {
        size += (chunk as Buffer).length;
        if (size > limit) throw new ApiError(413, 'payload_too_large', `the body exceeds ${limit} bytes`);
        chunks.push(chunk as Buffer);
      }
      request.rawBody = Buffer.concat(chunks);
      const replay = Readable.from([request.rawBody]) as Readable & { receivedEncodedLength?: number };
      replay.receivedEncodedLength = size;
      return replay;
    });
  }
}
