// Schemas of /api/users (admin only).
import { object, roleSchema } from '../common.js';

const ref = {
  anyOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } }],
};

export const user = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string' },
    unit: ref,
    leader: ref,
    disabled: { type: 'boolean' },
    /** Too many wrong passwords in the current window (only in the list). */
    locked: { type: 'boolean' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

const nullableId = { type: ['integer', 'null'], minimum: 1 } as const;

export const createBody = object(
  {
    username: { type: 'string', minLength: 2, maxLength: 64 },
    displayName: { type: 'string', maxLength: 100 },
    role: roleSchema,
    unitId: nullableId,
    leaderId: nullableId,
    password: { type: 'string', minLength: 8, maxLength: 200 },
  },
  ['username', 'role', 'password'],
);

export const patchBody = object({
  displayName: { type: 'string', maxLength: 100 },
  role: roleSchema,
  unitId: nullableId,
  leaderId: nullableId,
  password: { type: 'string', minLength: 8, maxLength: 200 },
  disabled: { type: 'boolean' },
});
