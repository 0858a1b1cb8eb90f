// `duban config check`: reads every setting the way `duban serve` does (flags aside), prints the
// values in force and where each came from, and one line per bad value (exit code 2).
// `--connect` also opens the database and says whether its schema is current.
import type { Command } from 'commander';
import { SETTINGS, displayValue, loadConfig, storeConfigOf, type SettingName } from '../../config/index.js';
import { exitWithError } from '../io.js';

export function register(program: Command): void {
  const config = program.command('config').description('the settings of this installation (environment, config file)');
  config
    .command('check')
    .description('check every setting (DUBAN_CONFIG file and environment) and print the values in force')
    .option('--config <file>', 'KEY=value config file (default: DUBAN_CONFIG)')
    .option('--connect', 'also connect to the database and check that its schema is current')
    .action(async (opts: { config?: string; connect?: boolean }) => {
      const loaded = loadConfig({ file: opts.config });
      const width = Math.max(...Object.values(SETTINGS).map((s) => s.key.length));
      const lines = [loaded.file ? `config file: ${loaded.file}` : 'config file: none (DUBAN_CONFIG unset)'];
      for (const name of Object.keys(SETTINGS) as SettingName[]) {
        const shown = displayValue(name, loaded.config[name]);
        lines.push(`  ${SETTINGS[name].key.padEnd(width)}  ${shown.padEnd(24)}  ${loaded.sources[name]}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      for (const line of loaded.warnings) process.stderr.write(`duban: warning: ${line}\n`);
      if (loaded.problems.length) {
        for (const line of loaded.problems) process.stderr.write(`duban: ${line}\n`);
        exitWithError(`${loaded.problems.length} setting${loaded.problems.length > 1 ? 's' : ''} to correct`);
      }
      if (opts.connect) {
        const { openStore } = await import('../../store/db.js');
        const { schemaState } = await import('../../server/health/schema-state.js');
        const store = await openStore({ ...storeConfigOf(loaded.config), migrate: false });
        try {
          const { pending, unknown } = await schemaState(store);
          if (unknown.length)
            exitWithError(
              `the database was migrated by a newer duban (${unknown.join(', ')}); upgrade this installation`,
            );
          process.stdout.write(
            `database: ${store.dialect.name}, reachable; ` +
              (pending.length ? `migrations pending: ${pending.join(', ')} (run duban migrate)\n` : 'schema current\n'),
          );
        } finally {
          await store.close();
        }
      }
      process.stdout.write('config ok\n');
    });
}
