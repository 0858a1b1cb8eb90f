// Every setting of a duban installation, in one table: the environment variable (and config-file
// key) that sets it, its default, how its text is read, and what it is for. `duban config check`
// prints this table with the values in force; docs/operations.md lists the same names.
import * as v from './values.js';
import type { Parsed } from './values.js';

export interface SettingSpec<T> {
  /** Environment variable and config-file key. */
  key: string;
  help: string;
  /** Text of the default; null: unset unless given. */
  fallback: string | null;
  parse(raw: string): Parsed<T>;
  /** Shown masked by `duban config check`. */
  secret?: boolean;
  /** The `duban serve` option that sets it too, named in problems with a value it gave. */
  flag?: string;
}

const spec = <T>(s: SettingSpec<T>): SettingSpec<T> => s;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const SETTINGS = {
  databaseUrl: spec({
    key: 'DATABASE_URL',
    help: 'PostgreSQL (also openGauss, KingbaseES) postgres://user:password@host:5432/db; unset: SQLite',
    fallback: null,
    parse: v.postgresUrl,
    secret: true,
  }),
  dbFile: spec({
    key: 'DUBAN_DB',
    flag: '--db',
    help: 'SQLite database file',
    fallback: './duban.db',
    parse: v.nonEmpty,
  }),
  poolSize: spec({
    key: 'DUBAN_PG_POOL',
    help: 'PostgreSQL connections per server process',
    fallback: '10',
    parse: v.integer(1, 200),
  }),
  host: spec({
    key: 'DUBAN_HOST',
    flag: '--host',
    help: 'address to listen on (0.0.0.0: every interface)',
    fallback: '127.0.0.1',
    parse: v.nonEmpty,
  }),
  port: spec({ key: 'PORT', flag: '--port', help: 'port to listen on', fallback: '8080', parse: v.port }),
  workers: spec({
    key: 'DUBAN_WORKERS',
    flag: '--workers',
    help: 'server processes sharing the port: 1-64, or auto (one per core)',
    fallback: '1',
    parse: v.workers,
  }),
  trustProxy: spec({
    key: 'DUBAN_TRUST_PROXY',
    flag: '--trust-proxy',
    help: 'the reverse proxy in front: false, its address/subnet (10.0.0.5, 10.0.0.0/8) or a hop count',
    fallback: 'false',
    parse: v.trustProxy,
  }),
  maxBodyBytes: spec({
    key: 'DUBAN_MAX_BODY_MB',
    help: 'largest JSON request body, MB',
    fallback: '1',
    parse: v.megabytes(64),
  }),
  maxUploadBytes: spec({
    key: 'DUBAN_MAX_UPLOAD_MB',
    help: 'largest uploaded progress table or attachment, MB',
    fallback: '50',
    parse: v.megabytes(1024),
  }),
  chromium: spec({
    key: 'DUBAN_CHROMIUM',
    help: 'Chromium binary for PDF and PNG exports; unset: /usr/bin/chromium and the like',
    fallback: null,
    parse: v.nonEmpty,
  }),
  logLevel: spec({
    key: 'DUBAN_LOG_LEVEL',
    help: `JSON log level: ${LOG_LEVELS.join(', ')}`,
    fallback: 'info',
    parse: v.oneOf(LOG_LEVELS),
  }),
  readCache: spec({
    key: 'DUBAN_READ_CACHE',
    help: 'keep dashboard and task-list answers in memory while the data is unchanged',
    fallback: 'on',
    parse: v.boolean,
  }),
  metricsToken: spec({
    key: 'DUBAN_METRICS_TOKEN',
    help: 'bearer token a Prometheus scraper sends to /metrics; unset: /metrics needs an admin',
    fallback: null,
    parse: v.secret(16),
    secret: true,
  }),
  shutdownGraceSeconds: spec({
    key: 'DUBAN_SHUTDOWN_GRACE_S',
    help: 'on SIGTERM, seconds to let requests in flight finish before closing anyway',
    fallback: '30',
    parse: v.integer(1, 600),
  }),
  bodyTimeoutSeconds: spec({
    key: 'DUBAN_BODY_TIMEOUT_S',
    help: 'seconds a client has to send an API request body (then 408, connection closed)',
    fallback: '30',
    parse: v.integer(1, 3600),
  }),
  uploadTimeoutSeconds: spec({
    key: 'DUBAN_UPLOAD_TIMEOUT_S',
    help: 'seconds a client has to send an upload (progress table, evidence file)',
    fallback: '300',
    parse: v.integer(10, 7200),
  }),
  pdfConcurrency: spec({
    key: 'DUBAN_PDF_CONCURRENCY',
    help: 'PDF exports printed at once per server process (each a Chromium tab); the others wait in a queue',
    fallback: '1',
    parse: v.integer(1, 8),
  }),
  backupDir: spec({
    key: 'DUBAN_BACKUP_DIR',
    help: 'where `duban backup` without a file name writes dated backups',
    fallback: './backups',
    parse: v.nonEmpty,
  }),
  backupKeep: spec({
    key: 'DUBAN_BACKUP_KEEP',
    help: 'dated backups kept in DUBAN_BACKUP_DIR; older ones are deleted after a backup',
    fallback: '14',
    parse: v.integer(1, 10000),
  }),
  pgDump: spec({
    key: 'DUBAN_PG_DUMP',
    help: 'dump tool for PostgreSQL backups (gs_dump on openGauss, sys_dump on KingbaseES)',
    fallback: 'pg_dump',
    parse: v.nonEmpty,
  }),
  pgRestore: spec({
    key: 'DUBAN_PG_RESTORE',
    help: 'restore tool for PostgreSQL backups (gs_restore, sys_restore)',
    fallback: 'pg_restore',
    parse: v.nonEmpty,
  }),
  passwordLogin: spec({
    key: 'DUBAN_PASSWORD_LOGIN',
    help: 'local user names and passwords (off: single sign-on only)',
    fallback: 'on',
    parse: v.boolean,
  }),
  oidcIssuer: spec({
    key: 'DUBAN_OIDC_ISSUER',
    help: 'single sign-on: the identity platform (OpenID Connect issuer URL, https)',
    fallback: null,
    parse: v.httpsUrl,
  }),
  oidcClientId: spec({
    key: 'DUBAN_OIDC_CLIENT_ID',
    help: 'single sign-on: client id',
    fallback: null,
    parse: v.nonEmpty,
  }),
  oidcClientSecret: spec({
    key: 'DUBAN_OIDC_CLIENT_SECRET',
    help: 'single sign-on: client secret',
    fallback: null,
    parse: v.nonEmpty,
    secret: true,
  }),
  oidcRedirectUri: spec({
    key: 'DUBAN_OIDC_REDIRECT_URI',
    help: 'single sign-on: https://HOST/api/auth/oidc/callback as registered at the platform',
    fallback: null,
    parse: v.httpsUrl,
  }),
  oidcScope: spec({
    key: 'DUBAN_OIDC_SCOPE',
    help: 'single sign-on: scopes',
    fallback: 'openid profile',
    parse: v.nonEmpty,
  }),
  oidcUsernameClaim: spec({
    key: 'DUBAN_OIDC_USERNAME_CLAIM',
    help: 'single sign-on: the claim holding the duban user name',
    fallback: 'preferred_username',
    parse: v.nonEmpty,
  }),
  oidcCreateRole: spec({
    key: 'DUBAN_OIDC_CREATE_ROLE',
    help: 'single sign-on: unknown identities are refused (none) or made read-only viewers (viewer)',
    fallback: 'none',
    parse: v.oneOf(['none', 'viewer'] as const),
  }),
  oidcLabel: spec({
    key: 'DUBAN_OIDC_LABEL',
    help: 'single sign-on: the login button text',
    fallback: null,
    parse: v.nonEmpty,
  }),
} as const;

export type SettingName = keyof typeof SETTINGS;

type ValueOf<S> = S extends SettingSpec<infer T> ? T : never;
type Resolved<K extends SettingName> = (typeof SETTINGS)[K]['fallback'] extends null
  ? ValueOf<(typeof SETTINGS)[K]> | null
  : ValueOf<(typeof SETTINGS)[K]>;

/** Every setting's value; optional ones are null when not given. */
export type DubanConfig = { [K in SettingName]: Resolved<K> };

/** Variables duban reads that are not settings of an installation (tests, debugging, cluster). */
/** Prefixes of variables that tools around duban use (benchmarks, browser tests, test runs). */
export const OTHER_PREFIXES = ['DUBAN_BENCH_', 'DUBAN_E2E_', 'DUBAN_TEST_'];

export const OTHER_VARIABLES = new Set([
  'DUBAN_CONFIG',
  'DUBAN_DEBUG',
  'DUBAN_WORKER_SLOT',
  'DUBAN_TEST_PG',
  'DUBAN_DEMO_DB', // `duban demo`'s own database file, never the server's (src/cli/commands/demo.ts)
]);
