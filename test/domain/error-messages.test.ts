// Every error code the server can answer has a Chinese message in the one catalogue the web app
// shows (a code without one reached users as "请求失败（422）"): the HttpError codes (the record
// below fails to typecheck when a code is added to errors.ts and not here) and every code the
// server's source sends by hand.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ERROR_MESSAGES, errorMessageOf } from '../../src/domain/error-messages.js';
import type { HttpErrorCode } from '../../src/server/errors.js';

const HTTP_CODES: Record<HttpErrorCode, true> = {
  bad_request: true,
  validation: true,
  unauthorized: true,
  invalid_credentials: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  too_large: true,
  unsupported_format: true,
  no_header: true,
  bad_input: true,
  encrypted: true,
  closed_period: true,
  rate_limited: true,
  request_timeout: true,
  db_unavailable: true,
  db_incompatible: true,
  internal: true,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

it('has a Chinese message for every error code the server answers', () => {
  const sent = new Set<string>(Object.keys(HTTP_CODES));
  for (const file of sources(new URL('../../src/server', import.meta.url).pathname)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/error: \{ code: '([a-z_]+)'/g)) sent.add(m[1]);
    for (const m of text.matchAll(/new HttpError\(\s*'([a-z_]+)'/g)) sent.add(m[1]);
  }
  expect(sent.size).toBeGreaterThan(18);
  const missing = [...sent].filter((code) => !/[\u4e00-\u9fff]/.test(ERROR_MESSAGES[code] ?? ''));
  expect(missing).toEqual([]);
});

it('says what went wrong for a password-protected file instead of a bare status', () => {
  expect(errorMessageOf('encrypted', 422)).toMatch(/密码保护/);
  expect(errorMessageOf('something_new', 422)).toBe('请求失败（422）');
  expect(errorMessageOf('something_new', 502)).toBe(ERROR_MESSAGES.internal);
});
