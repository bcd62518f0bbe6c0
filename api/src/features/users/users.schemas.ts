import { z } from 'zod';
import { roles } from '../../auth/roles.js';
import { uuid } from '../../contract/primitives.js';

export const me = z
  .object({ id: uuid, tenantId: z.string(), oid: z.string(), name: z.string(), email: z.string().nullable(), roles: z.array(z.enum(roles)) })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

export const userSummary = z.object({ id: uuid, name: z.string(), email: z.string().nullable(), roles: z.array(z.enum(roles)) }).meta({ id: 'User' });
export type UserSummary = z.infer<typeof userSummary>;
