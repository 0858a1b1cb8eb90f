// CLI plumbing shared by the commands: one-line errors with exit code 2, never a stack trace.
import { DubanError } from '../domain/index.js';

/** Prints `duban: message` on stderr and exits with code 2 (bad input, unknown plan …). */
export function exitWithError(message: string, code = 2): never {
  process.stderr.write(`duban: ${message}\n`);
  process.exit(code);
}

/** Runs the program; any error reaching here is shown as one line. `DUBAN_DEBUG=1` shows the stack. */
export async function runGuarded(main: () => Promise<unknown>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (process.env.DUBAN_DEBUG) console.error(err);
    if (err instanceof DubanError) exitWithError(err.message);
    const message = err instanceof Error ? err.message : String(err);
    exitWithError(`unexpected error: ${message.split('\n')[0]}`, 1);
  }
}

/** True when colour may be used on stdout. */
export const useColour = (): boolean => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
