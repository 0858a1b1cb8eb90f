// Request and response schemas of /api/auth.
import { object } from '../common.js';

const ref = {
  anyOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } }],
};

export const me = {
  type: 'object',
  properties: {
    id: { type: ['integer', 'null'] },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string' },
    unit: ref,
    leader: ref,
  },
} as const;

export const session = { type: 'object', properties: { user: me, csrfToken: { type: ['string', 'null'] } } } as const;

export const loginBody = object(
  {
    username: { type: 'string', minLength: 1, maxLength: 100 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
  ['username', 'password'],
);

export const passwordBody = object(
  {
    currentPassword: { type: 'string', minLength: 1, maxLength: 200 },
    newPassword: { type: 'string', minLength: 8, maxLength: 200 },
  },
  ['currentPassword', 'newPassword'],
);
