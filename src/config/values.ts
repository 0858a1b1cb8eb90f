// Parsers for the text of one setting: each returns the value, or a short reason it is not one.
// Pure: no environment, no files (the file check of a path is the caller's).
import { parseTrustProxy } from '../server/trust-proxy.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

export function integer(min: number, max: number): (raw: string) => Parsed<number> {
  return (raw) => {
    const n = Number(raw.trim());
    if (raw.trim() === '' || !Number.isInteger(n)) return bad(`not a whole number`);
    if (n < min || n > max) return bad(`must be from ${min} to ${max}`);
    return ok(n);
  };
}

export const port = (raw: string): Parsed<number> => {
  const n = integer(0, 65535)(raw);
  return n.ok ? n : bad('not a port number (0-65535)');
};

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

export function boolean(raw: string): Parsed<boolean> {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return bad('must be true or false (also on/off, yes/no, 1/0)');
}

/** A positive number of megabytes (fractions allowed), returned in bytes. */
export function megabytes(max: number): (raw: string) => Parsed<number> {
  return (raw) => {
    const n = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) return bad('must be a positive number of megabytes');
    if (n > max) return bad(`at most ${max} MB`);
    return ok(Math.round(n * 1024 * 1024));
  };
}

export function oneOf<T extends string>(choices: readonly T[]): (raw: string) => Parsed<T> {
  return (raw) => {
    const v = raw.trim().toLowerCase() as T;
    return choices.includes(v) ? ok(v) : bad(`must be one of ${choices.join(', ')}`);
  };
}

/** `1`…`64`, or `auto` for one per core (resolved by the caller, who knows the machine). */
export function workers(raw: string): Parsed<number | 'auto'> {
  if (raw.trim().toLowerCase() === 'auto') return ok('auto');
  const n = integer(1, 64)(raw);
  return n.ok ? n : bad('must be a number from 1 to 64, or auto');
}

export function postgresUrl(raw: string): Parsed<string> {
  const v = raw.trim();
  if (!/^postgres(ql)?:\/\//.test(v)) return bad('must start with postgres:// or postgresql://');
  try {
    new URL(v);
  } catch {
    return bad('is not a valid URL');
  }
  return ok(v);
}

/**
 * Which reverse proxy may tell us the client's address (X-Forwarded-*): false, a hop count, or the
 * proxies' addresses/subnets separated by commas. Never "every address": any client could then
 * write its own X-Forwarded-For (the same rule as src/server/trust-proxy.ts).
 */
export function trustProxy(raw: string): Parsed<false | number | string> {
  const v = raw.trim();
  if (FALSE.has(v.toLowerCase())) return ok(false);
  const parsed = parseTrustProxy(v);
  return parsed.ok ? ok(parsed.value) : bad(parsed.message);
}

export function httpsUrl(raw: string): Parsed<string> {
  const v = raw.trim();
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return bad('is not a valid URL');
  }
  return url.protocol === 'https:' ? ok(v) : bad('must be an https:// URL');
}

export function nonEmpty(raw: string): Parsed<string> {
  return raw.trim() ? ok(raw.trim()) : bad('must not be empty');
}

/** A shared secret: long enough that it cannot be guessed. */
export function secret(minLength: number): (raw: string) => Parsed<string> {
  return (raw) => {
    const v = raw.trim();
    if (v.length < minLength) return bad(`must be at least ${minLength} characters`);
    if (/\s/.test(v)) return bad('must not contain spaces');
    return ok(v);
  };
}
