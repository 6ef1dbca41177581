import type { FastifyReply } from 'fastify';
import { reviewPageHeaders } from '../../../libs/review/index.js';

/** Sends a review page with its security headers (CSP computed from the page itself). */
export function sendHtml(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.status(status).headers(reviewPageHeaders(page)).send(page);
}
