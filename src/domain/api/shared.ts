// Pieces every route contract shares: ids, names, paging, enums, the error body. TypeBox schemas
// are plain JSON Schema at run time (what Fastify validates, serialises and documents at /api/docs)
// and carry their TypeScript type (`Static<typeof X>`), so a shape is written once, here.
// Pure: no server or store imports; the web app imports the *types* only (`import type`).
import { Type, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import { LIGHTS } from '../light.js';
import { REPORT_STATES } from '../report.js';
import { ROLES } from '../roles.js';
import { STATUSES } from '../status.js';

/** `{type:'string', enum:[…]}` typed as the union of its values (plainer in OpenAPI than anyOf of consts). */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** `T | null`. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A request object (body, query string, params): unknown fields are refused. */
export const Strict = <T extends TProperties>(properties: T, options: { description?: string } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

/** A value passed through as it is (a domain object documented elsewhere, e.g. an assessment). */
export const Opaque = <T>(description: string) =>
  Type.Unsafe<T>({ type: 'object', additionalProperties: true, description });

/**
 * An object whose keys are free and whose values follow `value` (`additionalProperties`, which OpenAPI
 * 3.0 knows; TypeBox's Record writes `patternProperties`, which it does not).
 */
export const Dictionary = <T extends TSchema>(value: T) =>
  Type.Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: value });

/** A database id. PostgreSQL ids are 32-bit: a larger one must be a 400, not a 500 from the database. */
export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
export const IdParams = Strict({ id: Id });

/** `YYYY-MM-DD`. Timestamps are ISO-8601 strings (plain `Type.String()`). */
export const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const Role = StringEnum(ROLES);
export type Role = Static<typeof Role>;
export const Status = StringEnum(STATUSES);
export type Status = Static<typeof Status>;
export const Light = StringEnum(LIGHTS);
export type Light = Static<typeof Light>;
export const ReportState = StringEnum(REPORT_STATES);
export type ReportState = Static<typeof ReportState>;

export const Named = Type.Object({ id: Type.Integer(), name: Type.String() });
export type Named = Static<typeof Named>;

/** `?page=1&pageSize=20` (at most 200). */
export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

/** `{items, total, page, pageSize}`. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const Ok = Type.Object({ ok: Type.Boolean() });
export type Ok = Static<typeof Ok>;

/** Every error: `{error:{code,message}}` with its HTTP status (src/server/errors.ts), never a stack trace. */
export const ApiError = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { description: '错误：code 为机器可读的错误码，message 为中文说明' },
);
export type ApiError = Static<typeof ApiError>;

/**
 * A route's responses: its answer under 200 and the shared error body under 4xx/5xx. Every route
 * declares its answer, so /api/docs describes it and Fastify serialises exactly these fields.
 */
export const Answers = <T extends TSchema>(ok: T) => ({ 200: ok, '4xx': ApiError, '5xx': ApiError }) as const;

/** A route that answers with a redirect (302, `Location`, no body), or an error. */
export const Redirect = {
  302: Type.Null({ description: '跳转（Location 头）' }),
  '4xx': ApiError,
  '5xx': ApiError,
} as const;

/**
 * A route that answers with a file: its bytes under 200 (`format: binary`, in `mediaType`), or an
 * error. Fastify sends the bytes as they are (a Buffer is never serialised).
 */
export const FileAnswer = (mediaType: string, description: string) =>
  ({
    200: { description, content: { [mediaType]: { schema: Type.String({ format: 'binary' }) } } },
    '4xx': ApiError,
    '5xx': ApiError,
  }) as const;

export type { Static, TObject };

/** The types a route's contract gives its caller: the 200 answer, the body, the query string. */
export type ReplyOf<R extends { response: { 200: TSchema } }> = Static<R['response'][200]>;
export type BodyOf<R extends { body: TSchema }> = Static<R['body']>;
export type QueryOf<R extends { querystring: TSchema }> = Static<R['querystring']>;
