// A small typed fetch client for the duban API: sends the session cookie, adds the CSRF
// token on unsafe methods, and turns `{error:{code,message}}` into an ApiError with a
// readable Chinese message (the server's message when it has one, else one per code).
// The messages per code: one catalogue with the server (src/domain/error-messages.ts).
import { errorMessageOf } from '@duban/domain/error-messages';

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

export type Query = Record<string, string | number | boolean | null | undefined>;

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
  const fallback = errorMessageOf(code, response.status);
  return new ApiError(response.status, code, hasChinese ? message : fallback);
}

/** A response read to the end: its JSON (or text) when it succeeded, else the ApiError it stands for. */
type Answer = { ok: true; data: unknown } | { ok: false; status: number; error: ApiError };

async function readAnswer(response: Response): Promise<Answer> {
  if (!response.ok) return { ok: false, status: response.status, error: await errorFrom(response) };
  if (response.status === 204) return { ok: true, data: undefined };
  const type = response.headers.get('content-type') ?? '';
  return { ok: true, data: type.includes('application/json') ? await response.json() : await response.text() };
}

// GET requests started at boot, before React has rendered (see lib/boot.ts), so that the first
// screen's data loads in parallel with its code. Each is used once, within a few seconds: taken by
// the first request for the same URL, or read synchronously by `peekPrefetched` so that the first
// render already shows the data instead of a spinner followed by a second render.
interface Prefetch {
  at: number;
  answer: Promise<Answer>;
  /** The answer, once it has arrived. */
  settled?: Answer;
}
const prefetched = new Map<string, Prefetch>();
const PREFETCH_TTL_MS = 10_000;

export function prefetchGet(path: string, query?: Query): void {
  const url = `/api${path}${queryString(query)}`;
  if (prefetched.has(url)) return;
  const entry: Prefetch = {
    at: Date.now(),
    answer: fetch(url, { headers: { accept: 'application/json' }, credentials: 'include' }).then(readAnswer),
  };
  entry.answer.then(
    (answer) => (entry.settled = answer),
    () => {},
  );
  prefetched.set(url, entry);
}

export function dropPrefetched(): void {
  prefetched.clear();
}

/** Resolves when every prefetch started so far has answered (or failed). */
export function prefetchesSettled(): Promise<void> {
  return Promise.allSettled([...prefetched.values()].map((e) => e.answer)).then(() => undefined);
}

function takePrefetched(url: string): Promise<Answer> | null {
  const entry = prefetched.get(url);
  if (!entry) return null;
  prefetched.delete(url);
  return Date.now() - entry.at < PREFETCH_TTL_MS ? entry.answer : null;
}

/**
 * The data of a prefetched GET that has already succeeded, taken (a later request for the same
 * URL asks the server again); undefined when there is none, it is still on its way, or it failed
 * (the failure is left for the request that follows, which reports it the usual way).
 */
export function peekPrefetched<T>(path: string, query?: Query): T | undefined {
  const url = `/api${path}${queryString(query)}`;
  const entry = prefetched.get(url);
  if (!entry?.settled?.ok || Date.now() - entry.at >= PREFETCH_TTL_MS) return undefined;
  prefetched.delete(url);
  return entry.settled.data as T;
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
  const answer = await (early ??
    fetch(url, {
      method,
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    }).then(readAnswer));
  if (!answer.ok) {
    if (answer.status === 401 && answer.error.code !== 'invalid_credentials' && onUnauthorized) onUnauthorized();
    throw answer.error;
  }
  return answer.data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, file: File, fields: Record<string, string> = {}) => {
    const form = new FormData();
    // Fields go before the file: the server reads the ones sent ahead of it.
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file);
    return request<T>('POST', path, { body: form });
  },
};

/** A same-origin download URL (export, briefings): the cookie authorises it. */
export function downloadUrl(path: string, query?: Query): string {
  return `/api${path}${queryString(query)}`;
}
