import { Command } from 'commander';
import { VERSION } from '../version.js';
import type { Context } from './context.js';
import { addReadFlags } from './options.js';

/** Wires commands to lazily imported handlers; `setExit` receives each handler's exit code. */
export function buildProgram(ctx: Context, setExit: (code: number) => void): Command {
  const program = new Command('winback')
    .description('Win-back analysis of lost customers: who is worth winning back, why they left, how and when to approach them.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nExamples:\n  $ winback inspect fixtures/lost-customers-de.csv\n  $ winback plan fixtures/lost-customers-en.csv --out out/plan --as-of 2026-11-23\n');

  addReadFlags(
    program
      .command('inspect')
      .description('show how an export is read: encoding, delimiter, number and date formats, column mapping, rejects')
      .argument('<file>', 'CSV export, or - for stdin'),
  )
    .option('--json', 'print the result as one JSON object')
    .addHelpText('after', '\nExample:\n  $ winback inspect fixtures/lost-customers-de.csv --json\n')
    .action(async (file: string, flags) => {
      const { runInspect } = await import('../commands/inspect.js');
      setExit(await runInspect(ctx, file, flags));
    });

  return program;
}
