// The configuration module: defaults, environment, KEY=value file, flags, and one line per bad value.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayValue, loadConfig, parseConfigText, signInOf } from '../../src/config/index.js';

const dir = mkdtempSync(join(tmpdir(), 'duban-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const { config, problems } = loadConfig({ env: {} });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      databaseUrl: null,
      dbFile: './duban.db',
      host: '127.0.0.1',
      port: 8080,
      workers: 1,
      trustProxy: false,
      maxUploadBytes: 50 * 1024 * 1024,
      logLevel: 'info',
      readCache: true,
      metricsToken: null,
      backupKeep: 14,
    });
  });

  it('reads every kind of value from the environment', () => {
    const { config, problems, sources } = loadConfig({
      env: {
        DATABASE_URL: 'postgres://duban:s3cret@db.gov.local:5432/duban',
        PORT: '9090',
        DUBAN_WORKERS: 'auto',
        DUBAN_TRUST_PROXY: '10.0.0.0/8,127.0.0.1',
        DUBAN_MAX_UPLOAD_MB: '20',
        DUBAN_LOG_LEVEL: 'WARN',
        DUBAN_READ_CACHE: 'off',
        DUBAN_BACKUP_KEEP: '30',
      },
    });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      databaseUrl: 'postgres://duban:s3cret@db.gov.local:5432/duban',
      port: 9090,
      workers: 'auto',
      trustProxy: '10.0.0.0/8,127.0.0.1',
      maxUploadBytes: 20 * 1024 * 1024,
      logLevel: 'warn',
      readCache: false,
      backupKeep: 30,
    });
    expect(sources.port).toBe('env');
    expect(sources.host).toBe('default');
  });

  it('reports every bad value at once, one line each, naming the variable and what it expects', () => {
    const { problems } = loadConfig({
      env: {
        PORT: '80a',
        DUBAN_WORKERS: '0',
        DUBAN_TRUST_PROXY: 'true',
        DUBAN_LOG_LEVEL: 'verbose',
        DUBAN_MAX_UPLOAD_MB: '-5',
        DATABASE_URL: 'mysql://root@localhost/duban',
        DUBAN_METRICS_TOKEN: 'short',
      },
    });
    expect(problems).toHaveLength(7);
    expect(problems).toContain('PORT="80a": not a port number (0-65535)');
    expect(problems).toContain('DUBAN_WORKERS="0": must be a number from 1 to 64, or auto');
    expect(problems.find((p) => p.startsWith('DUBAN_TRUST_PROXY="true"'))).toMatch(
      /trusting every address is not allowed/,
    );
    expect(problems).toContain(
      'DUBAN_LOG_LEVEL="verbose": must be one of fatal, error, warn, info, debug, trace, silent',
    );
    expect(problems).toContain('DUBAN_MAX_UPLOAD_MB="-5": must be a positive number of megabytes');
    // Secrets are not repeated back, even when wrong.
    expect(problems).toContain('DATABASE_URL=(hidden): must start with postgres:// or postgresql://');
    expect(problems).toContain('DUBAN_METRICS_TOKEN=(hidden): must be at least 16 characters');
    for (const line of problems) expect(line).not.toContain('\n');
  });

  it('warns of a misspelt DUBAN_ variable and suggests the right one, without refusing to start', () => {
    const { problems, warnings } = loadConfig({
      env: { DUBAN_LOG_LEVL: 'debug', DUBAN_DEBUG: '1', DUBAN_BENCH_PLANS: '10' },
    });
    expect(problems).toEqual([]);
    expect(warnings).toEqual(['DUBAN_LOG_LEVL is not a duban setting; did you mean DUBAN_LOG_LEVEL?']);
  });

  it('takes the config file under the environment and the flags over both', () => {
    const path = file(
      'duban.env',
      [
        '# 区政府督查室 duban 配置',
        'PORT=7000',
        'DUBAN_HOST="0.0.0.0"',
        "DUBAN_BACKUP_DIR='/var/backups/duban'",
        'export DUBAN_LOG_LEVEL=debug',
        '',
      ].join('\n'),
    );
    const { config, problems, sources } = loadConfig({
      env: { DUBAN_CONFIG: path, DUBAN_LOG_LEVEL: 'error' },
      flags: { DUBAN_HOST: '127.0.0.1' },
    });
    expect(problems).toEqual([]);
    expect(config.port).toBe(7000);
    expect(sources.port).toBe('file');
    expect(config.backupDir).toBe('/var/backups/duban');
    expect(config.logLevel).toBe('error');
    expect(config.host).toBe('127.0.0.1');
    expect(sources.host).toBe('flag');
  });

  it('says which file and line are wrong', () => {
    const path = file('bad.env', 'PORT=70000\nDUBAN_WORKER=2\nthis is not a setting\n');
    const { problems } = loadConfig({ env: {}, file: path });
    expect(problems).toEqual([
      `${path} line 3: not KEY=value: this is not a setting`,
      `${path}: DUBAN_WORKER is not a duban setting; did you mean DUBAN_WORKERS?`,
      `PORT="70000": not a port number (0-65535) (in ${path})`,
    ]);
    expect(loadConfig({ env: {}, file: join(dir, 'missing.env') }).problems[0]).toMatch(
      /cannot read .*missing\.env \(ENOENT\)/,
    );
  });

  it('refuses a Chromium path that is not an executable file', () => {
    const { problems } = loadConfig({ env: { DUBAN_CHROMIUM: join(dir, 'no-chromium') } });
    expect(problems).toEqual([`DUBAN_CHROMIUM="${join(dir, 'no-chromium')}": no executable file there`]);
  });

  it('takes single sign-on all or nothing, and refuses a server nobody could log in to', () => {
    const partial = loadConfig({
      env: { DUBAN_OIDC_ISSUER: 'https://id.zj.gov.cn/oidc', DUBAN_OIDC_CLIENT_ID: 'duban' },
    });
    expect(partial.problems).toEqual([
      'DUBAN_OIDC_CLIENT_SECRET is missing: single sign-on needs DUBAN_OIDC_ISSUER, DUBAN_OIDC_CLIENT_ID, DUBAN_OIDC_CLIENT_SECRET, DUBAN_OIDC_REDIRECT_URI',
      'DUBAN_OIDC_REDIRECT_URI is missing: single sign-on needs DUBAN_OIDC_ISSUER, DUBAN_OIDC_CLIENT_ID, DUBAN_OIDC_CLIENT_SECRET, DUBAN_OIDC_REDIRECT_URI',
    ]);
    expect(loadConfig({ env: { DUBAN_PASSWORD_LOGIN: 'off' } }).problems).toEqual([
      'DUBAN_PASSWORD_LOGIN=off: nobody could log in without single sign-on (set DUBAN_OIDC_*)',
    ]);
    const full = loadConfig({
      env: {
        DUBAN_OIDC_ISSUER: 'https://id.zj.gov.cn/oidc',
        DUBAN_OIDC_CLIENT_ID: 'duban',
        DUBAN_OIDC_CLIENT_SECRET: 'platform-secret',
        DUBAN_OIDC_REDIRECT_URI: 'https://duban.qiantang.gov.cn/api/auth/oidc/callback',
        DUBAN_OIDC_CREATE_ROLE: 'viewer',
        DUBAN_PASSWORD_LOGIN: 'off',
      },
    });
    expect(full.problems).toEqual([]);
    expect(signInOf(full.config)).toEqual({
      passwordLogin: false,
      oidc: {
        issuer: 'https://id.zj.gov.cn/oidc',
        clientId: 'duban',
        clientSecret: 'platform-secret',
        redirectUri: 'https://duban.qiantang.gov.cn/api/auth/oidc/callback',
        scope: 'openid profile',
        usernameClaim: 'preferred_username',
        createRole: 'viewer',
      },
    });
    expect(loadConfig({ env: { DUBAN_OIDC_ISSUER: 'http://id.local' } }).problems[0]).toBe(
      'DUBAN_OIDC_ISSUER="http://id.local": must be an https:// URL',
    );
  });

  it('shows a database password and the metrics token masked', () => {
    expect(displayValue('databaseUrl', 'postgres://duban:s3cret@db:5432/duban')).toBe(
      'postgres://duban:***@db:5432/duban',
    );
    expect(displayValue('metricsToken', 'abcdefghijklmnopqrstuvwxyz')).toBe('***');
    expect(displayValue('maxUploadBytes', 50 * 1024 * 1024)).toBe('50 MB');
  });

  it('parses quotes and comments in the file format', () => {
    expect(parseConfigText('A=1\n  # note\nB=\'x y\'\nC="q"\n', 'f')).toEqual({
      values: { A: '1', B: 'x y', C: 'q' },
      problems: [],
    });
  });
});

describe('duban config check', () => {
  const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'config', 'check'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env },
    });

  it('prints the values in force and exits 0 when all are good', { timeout: 60_000 }, () => {
    const result = run({ PORT: '9000', DATABASE_URL: 'postgres://duban:s3cret@db/duban' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/PORT\s+9000\s+env/);
    expect(result.stdout).toContain('postgres://duban:***@db/duban');
    expect(result.stdout).not.toContain('s3cret');
    expect(result.stdout).toMatch(/config ok\n$/);
  });

  it('prints one line per bad value and exits 2', { timeout: 60_000 }, () => {
    const result = run({ PORT: 'http', DUBAN_WORKERS: 'many' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'duban: PORT="http": not a port number (0-65535)',
      'duban: DUBAN_WORKERS="many": must be a number from 1 to 64, or auto',
      'duban: 2 settings to correct',
    ]);
  });
});
