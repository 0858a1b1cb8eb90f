// Which reverse proxy may tell us the client's address. Only a named proxy (its address or subnet)
// or a number of hops is accepted, never "trust everybody": with blanket trust any client could
// write its own X-Forwarded-For, and the login back-off per address would count nothing.
import { isIP } from 'node:net';

/** Fastify's `trustProxy`: false (no proxy), a hop count, or the proxies' addresses/subnets. */
export type TrustProxy = false | number | string;

/** Parses `--trust-proxy 10.0.0.5`, `--trust-proxy 10.0.0.0/8,127.0.0.1`, `--trust-proxy 1`. */
export function parseTrustProxy(value: string): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 10) return { ok: true, value: hops };
    return { ok: false, message: `invalid --trust-proxy "${value}" (a hop count from 1 to 10)` };
  }
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((entry) => !isAddressOrSubnet(entry));
  if (!text || bad.length)
    return {
      ok: false,
      message: `invalid --trust-proxy "${value}": give the proxy's address or subnet (10.0.0.5, 10.0.0.0/8) or a hop count (1); trusting every address is not allowed`,
    };
  return { ok: true, value: entries.join(',') };
}

function isAddressOrSubnet(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length || !address || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}

/** Fastify's option: a hop count becomes "the nearest N hops are proxies" (its typings take no number). */
export function fastifyTrustProxy(value: TrustProxy): string | boolean | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}
