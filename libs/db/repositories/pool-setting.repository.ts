import type { Db } from '../database.js';

export interface PoolSettingRow {
  name: string;
  concurrency: number;
  paused: boolean;
}

/** Admin-set pool concurrency and pause state; workers apply them live. */
export class PoolSettingRepository {
  constructor(private readonly prisma: Db) {}

  async all(): Promise<PoolSettingRow[]> {
    return this.prisma.poolSetting.findMany({ select: { name: true, concurrency: true, paused: true } });
  }

  async upsert(name: string, values: { concurrency: number; paused: boolean }): Promise<PoolSettingRow> {
    return this.prisma.poolSetting.upsert({
      where: { name },
      create: { name, ...values },
      update: values,
      select: { name: true, concurrency: true, paused: true },
    });
  }
}
