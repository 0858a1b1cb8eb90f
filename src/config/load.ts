// Reads every setting from, in order of precedence, command-line flags, environment variables, the
// config file (DUBAN_CONFIG or --config) and the defaults, and checks each one. Nothing stops at the
// first bad value: every problem is one line naming the variable, the value and what was expected,
// so a `duban config check` or a failed start shows them all at once.
import { accessSync, constants } from 'node:fs';
import { readConfigFile } from './file.js';
import { OTHER_PREFIXES, OTHER_VARIABLES, SETTINGS, type DubanConfig, type SettingName } from './settings.js';

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  /** The config file; default DUBAN_CONFIG from `env`. */
  file?: string;
  /** Values from command-line flags, by variable name (they win over everything). */
  flags?: Record<string, string | undefined>;
}

export type Source = 'flag' | 'env' | 'file' | 'default';

export interface LoadedConfig {
  config: DubanConfig;
  /** One line per bad value; empty when the configuration can be used. */
  problems: string[];
  /** Lines worth reading that do not stop a start (a DUBAN_ variable that is no setting). */
  warnings: string[];
  /** Where each setting's value came from. */
  sources: Record<SettingName, Source>;
  file: string | null;
}

const KNOWN_KEYS = new Set(Object.values(SETTINGS).map((s) => s.key));

export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const fileName = options.file ?? (env.DUBAN_CONFIG || null);
  const file = fileName ? readConfigFile(fileName) : { values: {}, problems: [] };
  const problems = [...file.problems];
  for (const key of Object.keys(file.values))
    if (!KNOWN_KEYS.has(key)) problems.push(`${fileName}: ${key} is not a duban setting${suggestion(key)}`);
  // A misspelt variable would otherwise be ignored without a word. Only a warning: the environment
  // is shared with other programs and tools (benchmarks, tests) that have DUBAN_ variables of their own.
  const warnings: string[] = [];
  for (const key of Object.keys(env))
    if (key.startsWith('DUBAN_') && !KNOWN_KEYS.has(key) && !OTHER_VARIABLES.has(key))
      if (!OTHER_PREFIXES.some((prefix) => key.startsWith(prefix)))
        warnings.push(`${key} is not a duban setting${suggestion(key)}`);

  const config = {} as Record<SettingName, unknown>;
  const sources = {} as Record<SettingName, Source>;
  for (const [name, s] of Object.entries(SETTINGS) as [SettingName, (typeof SETTINGS)[SettingName]][]) {
    const given: [string | undefined, Source][] = [
      [options.flags?.[s.key], 'flag'],
      [env[s.key], 'env'],
      [file.values[s.key], 'file'],
    ];
    // An empty variable counts as unset (a blank line in an env file, `FOO= cmd`).
    const [raw, source] = given.find(([value]) => value !== undefined && value !== '') ?? [s.fallback, 'default'];
    sources[name] = source;
    if (raw === null || raw === undefined) {
      config[name] = null;
      continue;
    }
    const parsed = s.parse(raw);
    if (parsed.ok) config[name] = parsed.value;
    else {
      const shown = s.secret ? '(hidden)' : JSON.stringify(raw);
      problems.push(
        source === 'flag' && s.flag
          ? `${s.flag} ${shown}: ${parsed.reason}`
          : `${s.key}=${shown}: ${parsed.reason}${from(source, fileName)}`,
      );
      config[name] = s.fallback === null ? null : (s.parse(s.fallback) as { value: unknown }).value;
    }
  }
  const result = config as DubanConfig;
  if (result.chromium !== null && !isExecutable(result.chromium))
    problems.push(
      `DUBAN_CHROMIUM=${JSON.stringify(result.chromium)}: no executable file there${from(sources.chromium, fileName)}`,
    );
  problems.push(...signInProblems(result));
  return { config: result, problems, warnings, sources, file: fileName };
}

const OIDC_REQUIRED = [
  ['oidcIssuer', 'DUBAN_OIDC_ISSUER'],
  ['oidcClientId', 'DUBAN_OIDC_CLIENT_ID'],
  ['oidcClientSecret', 'DUBAN_OIDC_CLIENT_SECRET'],
  ['oidcRedirectUri', 'DUBAN_OIDC_REDIRECT_URI'],
] as const;

/** Single sign-on is all or nothing, and someone must be able to log in. */
function signInProblems(config: DubanConfig): string[] {
  const given = OIDC_REQUIRED.filter(([name]) => config[name] !== null);
  const problems =
    given.length > 0 && given.length < OIDC_REQUIRED.length
      ? OIDC_REQUIRED.filter(([name]) => config[name] === null).map(
          ([, key]) => `${key} is missing: single sign-on needs ${OIDC_REQUIRED.map(([, k]) => k).join(', ')}`,
        )
      : [];
  if (!config.passwordLogin && given.length === 0)
    problems.push('DUBAN_PASSWORD_LOGIN=off: nobody could log in without single sign-on (set DUBAN_OIDC_*)');
  return problems;
}

/** The sign-in options of the app: password login, and OIDC when configured. */
export function signInOf(config: DubanConfig) {
  const oidc =
    config.oidcIssuer && config.oidcClientId && config.oidcClientSecret && config.oidcRedirectUri
      ? {
          issuer: config.oidcIssuer,
          clientId: config.oidcClientId,
          clientSecret: config.oidcClientSecret,
          redirectUri: config.oidcRedirectUri,
          scope: config.oidcScope,
          usernameClaim: config.oidcUsernameClaim,
          createRole: config.oidcCreateRole === 'viewer' ? ('viewer' as const) : null,
          ...(config.oidcLabel ? { label: config.oidcLabel } : {}),
        }
      : null;
  return { passwordLogin: config.passwordLogin, oidc };
}

function from(source: Source, fileName: string | null): string {
  if (source === 'file') return ` (in ${fileName})`;
  return '';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** ", did you mean X?" for a key one or two edits away from a known one. */
function suggestion(key: string): string {
  let best: string | null = null;
  let bestDistance = 3;
  for (const known of KNOWN_KEYS) {
    const d = editDistance(key, known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best ? `; did you mean ${best}?` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** A value as `duban config check` shows it: secrets masked, a URL's password hidden. */
export function displayValue(name: SettingName, value: unknown): string {
  if (value === null) return '(unset)';
  if (name === 'databaseUrl') return String(value).replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  if (SETTINGS[name].secret) return '***';
  if (name === 'maxBodyBytes' || name === 'maxUploadBytes') return `${Number(value) / 1024 / 1024} MB`;
  return String(value);
}
