import { cliMessages } from './cliMessages';
import { EXIT, toolVersion, type CliIo } from './commandBasics';
import { parseArgs } from './parseArgs';

export type { CliIo } from './commandBasics';

/**
 * The `tricolor` command, callable in-process: returns the exit code instead of exiting, and
 * touches the outside world only through `io` (and the files named on the command line).
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case 'help':
      io.stdout.write(`${cliMessages(parsed.lang).help}\n`);
      return EXIT.ok;
    case 'version':
      io.stdout.write(`tricolor ${toolVersion()}\n`);
      return EXIT.ok;
    case 'error': {
      const t = cliMessages(parsed.lang);
      const message = parsed.message(t);
      io.stderr.write(message === t.usage ? `${message}\n` : `${message}\n\n${t.usage}\n`);
      return EXIT.usage;
    }
    // The commands are loaded when one runs: --version and --help need none of the engine.
    case 'command':
      return (await import('./runCommand')).runCommand(parsed.args, io);
    case 'split':
      return (await import('./splitCommand')).splitCommand(parsed.args, io);
    case 'collect':
      return (await import('./collectCommand')).collectCommand(parsed.args, io);
  }
}

/** Runs the command for this process: its arguments, streams, folder and clock. */
export function runFromProcess(): void {
  void main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    now: () => new Date(),
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();
