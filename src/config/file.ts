// The configuration file: `KEY=value` lines with the same names as the environment variables, so
// that one file serves `DUBAN_CONFIG`, systemd's EnvironmentFile= and Docker's env_file. `#` starts
// a comment line; a value may be wrapped in single or double quotes.
import { readFileSync } from 'node:fs';

export interface ConfigFile {
  values: Record<string, string>;
  /** One line per line that is not `KEY=value` (with its line number). */
  problems: string[];
}

export function parseConfigText(text: string, name: string): ConfigFile {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
    if (!m) {
      problems.push(`${name} line ${i + 1}: not KEY=value: ${trimmed.slice(0, 60)}`);
      return;
    }
    let value = m[2];
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    values[m[1]] = value;
  });
  return { values, problems };
}

export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { values: {}, problems: [`DUBAN_CONFIG: cannot read ${path} (${code ?? (err as Error).message})`] };
  }
  return parseConfigText(text, path);
}
