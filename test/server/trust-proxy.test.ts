// `--trust-proxy` names the proxy (address, subnet or hop count), never "trust every address".
import { expect, it } from 'vitest';
import { parseTrustProxy } from '../../src/server/trust-proxy.js';

it('accepts a proxy address, subnets and a hop count', () => {
  expect(parseTrustProxy('10.0.0.5')).toEqual({ ok: true, value: '10.0.0.5' });
  expect(parseTrustProxy('10.0.0.0/8, ::1')).toEqual({ ok: true, value: '10.0.0.0/8,::1' });
  expect(parseTrustProxy('1')).toEqual({ ok: true, value: 1 });
});

it('refuses to trust every address or a malformed proxy', () => {
  for (const value of ['true', '*', 'all', '', '0', '10.0.0.300', '10.0.0.0/33', 'proxy.local'])
    expect(parseTrustProxy(value).ok, value).toBe(false);
});
