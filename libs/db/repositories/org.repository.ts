import type { Db } from '../database.js';
import { newId } from '../ids.js';

export interface OrgRow {
  id: string;
  name: string;
  createdAt: Date;
}

export class OrgRepository {
  constructor(private readonly prisma: Db) {}

  create(name: string): Promise<OrgRow> {
    return this.prisma.organization.create({ data: { id: newId(), name } });
  }

  findById(id: string): Promise<OrgRow | null> {
    return this.prisma.organization.findUnique({ where: { id } });
  }
}
