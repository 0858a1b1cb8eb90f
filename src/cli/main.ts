// The `duban` command: one sub-command per file in ./commands, wired here.
import { Command } from 'commander';
import { runGuarded } from './io.js';
import * as commands from './commands/index.js';

const program = new Command();
program
  .name('duban')
  .description('督办 — supervise the key tasks of a government work report')
  .version('0.1.0')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

for (const command of Object.values(commands)) command.register(program);

// commander's own usage errors exit with code 1; the contract is 2 for bad input.
program.exitOverride((err) => {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
    process.exit(0);
  process.exit(2);
});

await runGuarded(() => program.parseAsync(process.argv));
