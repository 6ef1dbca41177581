import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { z } from 'zod';
import { ALL_POOLS, type PoolName } from '../../../libs/config/index.js';
import { Roles } from '../auth/auth.decorators.js';
import { notFound } from '../common/api-error.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { PoolAdminService } from './pool-admin.service.js';

export const patchPoolBody = z
  .object({ concurrency: z.number().int().min(1).max(1_000).optional(), paused: z.boolean().optional() })
  .refine((body) => body.concurrency !== undefined || body.paused !== undefined, 'give concurrency and/or paused');

/** Worker pools: live counts, throughput and latency; concurrency and pause applied without restarts. */
@Controller('v1/admin/pools')
@Roles('admin')
export class PoolsController {
  constructor(private readonly pools: PoolAdminService) {}

  @Get()
  async list() {
    return { items: await this.pools.list(), nextCursor: null };
  }

  @Patch(':name')
  async update(@Param('name') name: string, @Body(new ZodPipe(patchPoolBody)) body: z.infer<typeof patchPoolBody>) {
    if (!(ALL_POOLS as readonly string[]).includes(name)) throw notFound('pool');
    return this.pools.update(name as PoolName, body);
  }
}
