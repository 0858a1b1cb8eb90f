// Every error leaves the server as `{error:{code,message}}` with its HTTP status, never a stack trace.
// DubanError codes map to statuses here; Fastify's own errors (validation, body limits, bad JSON)
// and database connection failures are translated to the same shape.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DubanError } from '../domain/index.js';

export type HttpErrorCode =
  | 'bad_request'
  | 'validation'
  | 'unauthorized'
  | 'invalid_credentials'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_format'
  | 'no_header'
  | 'bad_input'
  | 'encrypted'
  | 'closed_period'
  | 'rate_limited'
  | 'request_timeout'
  | 'db_unavailable'
  | 'db_incompatible'
  | 'internal';

const STATUS_OF: Record<HttpErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_format: 415,
  no_header: 422,
  bad_input: 422,
  encrypted: 422,
  closed_period: 423,
  rate_limited: 429,
  request_timeout: 408,
  internal: 500,
  db_unavailable: 503,
  db_incompatible: 503,
};

/** An error meant for the client: its code decides the status, its message is shown. */
export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
  get statusCode(): number {
    return STATUS_OF[this.code];
  }
}

export const notFound = (what = '资源'): HttpError => new HttpError('not_found', `${what}不存在`);
export const forbidden = (message = '无权执行此操作'): HttpError => new HttpError('forbidden', message);

// Errors from pg / Kysely / better-sqlite3 that mean "the database is not there right now".
const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
]);

function isDbUnavailable(err: { code?: unknown; message?: unknown }): boolean {
  if (typeof err.code === 'string' && DB_DOWN_CODES.has(err.code)) return true;
  const message = typeof err.message === 'string' ? err.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|driver has already been destroyed|Cannot use a pool after calling end|database connection is not open/i.test(
    message,
  );
}

const FRAMEWORK_MESSAGES: Record<string, string> = {
  json: '请求体不是有效的 JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空，但内容类型是 application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求体长度与 Content-Length 不符',
  FST_ERR_BAD_URL: '网址格式不正确（无效的百分号编码）',
  FST_ERR_MAX_PARAM_LENGTH: '网址中的参数过长',
  FST_ERR_ASYNC_CONSTRAINT: '请求格式不正确',
};

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Translates anything thrown in a route into a status and a JSON body. */
export function toHttpError(err: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const make = (code: HttpErrorCode, message: string, headers: Record<string, string> = {}) => ({
    status: STATUS_OF[code],
    body: { error: { code, message } },
    headers,
  });
  if (err instanceof HttpError) return make(err.code, err.message, err.headers);
  if (err instanceof DubanError) {
    const code = (err.code in STATUS_OF ? err.code : 'internal') as HttpErrorCode;
    return make(code, code === 'internal' ? '服务器内部错误' : err.message);
  }
  const e = (err ?? {}) as FastifyError & { code?: string };
  // The client hung up mid-body (Node's 'aborted', code ECONNRESET): its fault, not the database's.
  if (e.message === 'aborted' && e.code === 'ECONNRESET') return make('bad_request', '请求未传完，连接已中断');
  if (isDbUnavailable(e)) return make('db_unavailable', '数据库暂时不可用，请稍后再试');
  // PostgreSQL's numeric_value_out_of_range: an id or number from the request beyond its 32-bit column.
  if (e.code === '22003') return make('validation', '请求参数不正确：数值超出范围');
  // busboy's errors for a malformed multipart body (no boundary, cut short) are plain Errors.
  if (
    /^Multipart: |Unexpected end of (multipart|form) data|Part terminated early|Malformed part header/i.test(
      typeof e.message === 'string' ? e.message : '',
    )
  ) {
    return make('bad_request', '上传内容格式不正确（multipart/form-data）');
  }
  if (e.validation) {
    return make('validation', `请求参数不正确：${e.message}`);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return make('too_large', '上传内容超过大小限制');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return make('unsupported_format', '不支持的内容类型');
    default:
      break;
  }
  // Fastify's own client errors, in Chinese rather than its English text.
  const badJson = e instanceof SyntaxError && e.statusCode === 400;
  const framework = FRAMEWORK_MESSAGES[e.code ?? ''] ?? (badJson ? FRAMEWORK_MESSAGES.json : undefined);
  if (framework) return make('bad_request', framework);
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 413) return make('too_large', '请求体超过大小限制');
  if (status === 415) return make('unsupported_format', '不支持的内容类型');
  if (status >= 400 && status < 500) {
    // Fastify's client errors (bad JSON, empty body with a JSON content type …): readable, no internals.
    return {
      status,
      body: { error: { code: 'bad_request', message: `请求格式不正确：${e.message ?? ''}`.trim() } },
      headers: {},
    };
  }
  return make('internal', '服务器内部错误');
}

export function errorHandler(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body, headers } = toHttpError(err);
  if (status >= 500) request.log.error({ err }, 'request failed');
  reply.code(status).headers(headers).send(body);
}
