import { z } from '@hono/zod-openapi';
import { roles } from '../../platform/auth/principal.js';
import { userStatuses } from './schema.js';

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    status: z.enum(userStatuses),
    timeZone: z.string().openapi({ example: 'Asia/Tokyo' }),
    locale: z.enum(['ja', 'en']),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('User');

export type User = z.infer<typeof userSchema>;

export function toUser(row: {
  id: string;
  email: string;
  displayName: string;
  role: User['role'];
  status: User['status'];
  timeZone: string;
  locale: User['locale'];
  createdAt: Date;
  updatedAt: Date;
}): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    status: row.status,
    timeZone: row.timeZone,
    locale: row.locale,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
