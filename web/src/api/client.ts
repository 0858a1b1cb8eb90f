// A small typed fetch client for the duban API: sends the session cookie, adds the CSRF
// token on unsafe methods, and turns `{error:{code,message}}` into an ApiError with a
// readable Chinese message (the server's message when it has one, else one per code).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const MESSAGE_BY_CODE: Record<string, string> = {
  bad_request: '请求有误，请检查填写的内容。',
  validation: '填写的内容不符合要求，请检查后重试。',
  unauthorized: '登录已失效，请重新登录。',
  invalid_credentials: '用户名或密码不正确。',
  forbidden: '没有权限进行此操作或查看此内容。',
  not_found: '要找的内容不存在或已被删除。',
  conflict: '内容已被他人修改，请刷新后再试。',
  too_large: '文件太大，无法上传。',
  unsupported_format: '不支持该文件格式，请上传 .xlsx、.docx、.txt 或 .csv 文件。',
  no_header: '没有找到表头，请确认文件是重点工作任务进展表。',
  bad_input: '文件或内容无法读取。',
  closed_period: '该填报周期已关闭，不能再修改。',
  rate_limited: '操作过于频繁，请稍后再试。',
  db_unavailable: '数据库暂时不可用，请稍后再试。',
  internal: '服务器出错了，请稍后再试或联系管理员。',
};

/** The readable message for an error of any kind (ApiError, network failure, bug). */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return '无法连接服务器，请检查网络后重试。';
  if (error instanceof Error && error.message) return error.message;
  return '发生未知错误。';
}

let csrfToken: string | null = null;
/** Set by the auth layer from `login`/`me`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401, so the app can go back to the login page. */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=2` from an object, leaving out empty values. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** The ApiError an unsuccessful response stands for (its `{error:{code,message}}` body, read here). */
export async function errorFrom(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = '';
  try {
    const data = (await response.json()) as { error?: { code?: string; message?: string } };
    if (data?.error?.code) code = data.error.code;
    if (data?.error?.message) message = data.error.message;
  } catch {
    /* not JSON: fall back to the code's message */
  }
  // Prefer the server's text when it is already Chinese; otherwise our own wording.
  const hasChinese = /[\u4e00-\u9fff]/.test(message);
  const fallback =
    MESSAGE_BY_CODE[code] ?? (response.status >= 500 ? MESSAGE_BY_CODE.internal : `请求失败（${response.status}）`);
  return new ApiError(response.status, code, hasChinese ? message : fallback);
}

// GET requests started at boot, before React has rendered (see lib/boot.ts), so that the first
// screen's data loads in parallel with its code. Each is used once, within a few seconds.
const prefetched = new Map<string, { at: number; response: Promise<Response> }>();
const PREFETCH_TTL_MS = 10_000;

export function prefetchGet(path: string, query?: Query): void {
  const url = `/api${path}${queryString(query)}`;
  if (prefetched.has(url)) return;
  const response = fetch(url, { headers: { accept: 'application/json' }, credentials: 'include' });
  response.catch(() => {});
  prefetched.set(url, { at: Date.now(), response });
}

export function dropPrefetched(): void {
  prefetched.clear();
}

function takePrefetched(url: string): Promise<Response> | null {
  const entry = prefetched.get(url);
  if (!entry) return null;
  prefetched.delete(url);
  return Date.now() - entry.at < PREFETCH_TTL_MS ? entry.response : null;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const unsafe = method !== 'GET' && method !== 'HEAD';
  if (unsafe && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const url = `/api${path}${queryString(options.query)}`;
  const early = method === 'GET' ? takePrefetched(url) : null;
  const response = await (early ??
    fetch(url, {
      method,
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    }));
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && error.code !== 'invalid_credentials' && onUnauthorized) onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<T>('POST', path, { body: form });
  },
};

/** A same-origin download URL (export, briefings): the cookie authorises it. */
export function downloadUrl(path: string, query?: Query): string {
  return `/api${path}${queryString(query)}`;
}
