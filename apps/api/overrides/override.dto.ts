import { z } from 'zod';

export const overrideBody = z.object({
  score: z.number().finite().min(0),
  comment: z.string().trim().min(1).max(2_000),
});

export type OverrideBody = z.infer<typeof overrideBody>;
