// JSON-schema pieces shared by the routes: ids, paging, the error body, and small helpers.
// Routes converted to the API contract (src/domain/api) take their schemas from there instead, and
// their handler types from the schemas through `typed(app)`.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { LIGHTS } from '../../domain/light.js';
import { ROLES } from '../../domain/roles.js';
import { STATUSES } from '../../domain/status.js';

/** The app with the TypeBox type provider: params, query, body and answer typed from the route's schema. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<TypeBoxTypeProvider>();

export const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  // PostgreSQL ids are 32-bit: a larger one must be a 400 here, not a 500 from the database.
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

export const paging = {
  page: { type: 'integer', minimum: 1, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
} as const;

export const errorBody = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
} as const;

export const okBody = { type: 'object', properties: { ok: { type: 'boolean' } } } as const;

export const roleSchema = { type: 'string', enum: [...ROLES] } as const;
export const dateSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const statusSchema = { type: 'string', enum: [...STATUSES] } as const;
export const lightSchema = { type: 'string', enum: [...LIGHTS] } as const;

/** An object schema whose properties are all optional unless listed, and nothing else allowed. */
export function object(properties: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', additionalProperties: false, properties, required } as const;
}
