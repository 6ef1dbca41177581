import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { UploadFormat } from './bulk-upload.service.js';

export const UPLOAD_CONTENT_TYPES: Record<string, UploadFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
};

/** The upload format of a request's content type, or null for anything else (JSON). */
export function uploadFormatOf(contentType: string | undefined): UploadFormat | null {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return UPLOAD_CONTENT_TYPES[mediaType] ?? null;
}

/**
 * CSV and NDJSON bodies reach the controller as the unread request stream: Fastify neither
 * buffers them nor applies the JSON body limit; the upload service streams and limits them.
 */
@Injectable()
export class BulkUploadParsers implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(Object.keys(UPLOAD_CONTENT_TYPES), (_request, payload, done) => done(null, payload));
  }
}
