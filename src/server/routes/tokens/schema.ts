// Schemas of /api/tokens (admin only).
import { object, roleSchema } from '../common.js';

export const token = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    role: { type: 'string' },
    unitId: { type: ['integer', 'null'] },
    leaderId: { type: ['integer', 'null'] },
    createdAt: { type: 'string' },
    lastUsedAt: { type: ['string', 'null'] },
    revokedAt: { type: ['string', 'null'] },
    token: { type: 'string' },
  },
} as const;

export const createBody = object(
  {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    role: roleSchema,
    unitId: { type: ['integer', 'null'], minimum: 1 },
    leaderId: { type: ['integer', 'null'], minimum: 1 },
  },
  ['name', 'role'],
);
