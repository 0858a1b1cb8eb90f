// Every sub-command module, loaded on demand: main.ts imports only the module of the command being
// run (`duban parse` never loads the server, the exporters or the charts), and all of them only to
// print the full help. Keys are the command names; a module may register several (backup: restore).
import type { Command } from 'commander';

export interface CommandModule {
  register(program: Command): void;
}

/** In help order. */
export const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  parse: () => import('./parse.js'),
  assess: () => import('./assess.js'),
  import: () => import('./import.js'),
  migrate: () => import('./migrate.js'),
  search: () => import('./search.js'),
  backup: () => import('./backup.js'),
  serve: () => import('./serve.js'),
  config: () => import('./config.js'),
  user: () => import('./user.js'),
  export: () => import('./export.js'),
  diff: () => import('./diff.js'),
  demo: () => import('./demo.js'),
};

/** Command names registered by a module under another name. */
export const ALIASES: Record<string, string> = { restore: 'backup', briefing: 'export', notice: 'export' };
