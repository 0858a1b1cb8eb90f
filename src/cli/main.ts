// The `duban` command: one sub-command per file in ./commands, wired here. Only the module of the
// command being run is loaded (a `duban parse` does not load the server); help loads them all.
import { Command } from 'commander';
import { readConfigFile } from '../config/file.js';
import { exitWithError, runGuarded } from './io.js';
import { ALIASES, COMMANDS, type CommandModule } from './commands/index.js';

// DUBAN_CONFIG names a KEY=value file whose values stand in for unset environment variables, so
// every command (import, user, backup …) finds the same database as `duban serve`.
const configFile = process.env.DUBAN_CONFIG;
if (configFile) {
  const { values, problems } = readConfigFile(configFile);
  if (problems.length && !process.argv.slice(2, 4).join(' ').startsWith('config check')) exitWithError(problems[0]);
  for (const [key, value] of Object.entries(values)) if (process.env[key] === undefined) process.env[key] = value;
}

const program = new Command();
program
  .name('duban')
  .description('督办 — supervise the key tasks of a government work report')
  .version('0.1.0')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

const asked = process.argv[2];
const name = asked === undefined ? undefined : (ALIASES[asked] ?? asked);
const modules: (() => Promise<CommandModule>)[] =
  name !== undefined && Object.hasOwn(COMMANDS, name) ? [COMMANDS[name]] : Object.values(COMMANDS);
for (const module of await Promise.all(modules.map((load) => load()))) module.register(program);

// commander's own usage errors exit with code 1; the contract is 2 for bad input.
program.exitOverride((err) => {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
    process.exit(0);
  process.exit(2);
});

await runGuarded(() => program.parseAsync(process.argv));
