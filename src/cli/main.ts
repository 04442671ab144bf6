// First: V8 reads this setting while the other modules load (see the module).
import { withRunInputs } from '../io/run-inputs.js';
import './young-generation.js';
import { CommanderError } from 'commander';
import { ExitCode, WinbackError } from '../errors.js';
import { removeRegisteredTemps } from '../io/temp-cleanup.js';
import { processContext, type Context } from '../io/context.js';
import { buildProgram } from './program.js';
import { setTableWidth } from '../io/render.js';
import { messages, sayNoted, type SavedNote } from '../domain/catalogue/index.js';
import { asksForHelp, commandOfArgv, flagOfArgv, langOfArgv, refusedLang, type Lang } from './lang.js';
import { setStopLanguage } from '../io/temp-cleanup.js';
import { useShippedFactors } from '../io/startup-data.js';

/** Runs the CLI; the only place where errors become exit codes. */
export async function main(argv: string[], ctx: Context = processContext()): Promise<number> {
  const debug = argv.includes('--debug') || ctx.env.WINBACK_DEBUG === '1';
  const command = commandOfArgv(argv) ?? '';
  let code: number = ExitCode.ok;
  // The objection rules' literal sets were derived at build time: read at the first text, if any.
  useShippedFactors();
  // Tables fit the terminal; without one, COLUMNS (as a shell sets it) or 80.
  setTableWidth(ctx.columns ?? (ctx.env.COLUMNS ? Number(ctx.env.COLUMNS) : undefined));
  // A language winback does not speak is refused before anything else, in words its asker can read.
  const refused = refusedLang(argv, ctx.env);
  if (refused) return reportError(refused.error, ctx, command, debug, refused.langs);
  setStopLanguage(langOfArgv(argv, ctx.env));
  const program = buildProgram(ctx, (c) => {
    code = c;
  }, await helpLang(argv, ctx));
  try {
    // `winback --lang de` alone is `winback` in that language: the root help.
    // One run, one list of the files it reads: none of them is written over (io/run-inputs.ts).
    await withRunInputs(() => program.parseAsync(onlyLanguage(argv) ? [] : langAfterCommand(argv), { from: 'user' }));
    return code;
  } catch (err) {
    return reportError(err, ctx, command, debug, [langOfArgv(argv, ctx.env)]);
  }
}

/**
 * argv with a --lang given before the command moved behind it ("winback --lang de plan FILE"):
 * each command takes --lang, the program itself takes none, and the language was already
 * read from anywhere in argv (lang.ts).
 */
function langAfterCommand(argv: readonly string[]): string[] {
  const command = argv.findIndex((a, i) => !a.startsWith('-') && argv[i - 1] !== '--lang');
  if (command < 0 || argv.includes('--')) return [...argv];
  const before = argv.slice(0, command);
  const at = before.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at < 0) return [...argv];
  const width = before[at] === '--lang' ? 2 : 1;
  const moved = before.slice(at, at + width);
  return [...before.slice(0, at), ...before.slice(at + width), ...argv.slice(command), ...moved];
}

/** True when argv holds nothing but --lang en|de (and --config FILE): no command, no other flag. */
function onlyLanguage(argv: readonly string[]): boolean {
  let lang = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = a.startsWith('--lang=') ? a.slice('--lang='.length) : a === '--lang' ? argv[++i] : undefined;
    if (value !== undefined) {
      if (value !== 'en' && value !== 'de') return false;
      lang = true;
    } else if (a === '--config' && i + 1 < argv.length) i++;
    else if (!a.startsWith('--config=')) return false;
  }
  return lang;
}

/**
 * The language of the help and commander's errors. Where the help is shown, a config's `lang`
 * (--config or WINBACK_CONFIG) counts too, as in the commands; a config that cannot be read
 * leaves it to the locale (the command reports the config's error itself).
 */
async function helpLang(argv: string[], ctx: Context): Promise<'en' | 'de'> {
  if (!asksForHelp(argv) || flagOfArgv(argv, '--lang') !== undefined || ctx.env.WINBACK_LANG) return langOfArgv(argv, ctx.env);
  const path = flagOfArgv(argv, '--config') ?? ctx.env.WINBACK_CONFIG;
  if (path === undefined) return langOfArgv(argv, ctx.env);
  // Loaded only here: the config's reader brings the validation, the phone and the objection modules, which --help and --version need not load.
  const { loadConfig } = await import('../io/config-file.js');
  const config = await loadConfig(path, ctx.cwd).catch(() => undefined);
  return langOfArgv(argv, ctx.env, config?.config.lang);
}

/** Writes the error in each of `langs` (one, but for a language refused: see refusedLang); returns the exit code. */
function reportError(err: unknown, ctx: Context, command: string, debug: boolean, langs: readonly Lang[]): number {
  const lang = langs[0] ?? 'en';
  const say = messages(lang).common;
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return ExitCode.ok;
    // Help shown because no command was given is a usage error, not a success.
    if (err.code === 'commander.help') return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    // commander has already printed its message to stderr.
    return ExitCode.usage;
  }
  if (isBrokenPipe(err)) return ExitCode.ok;
  const prefix = command ? `winback ${command}` : 'winback';
  if (err instanceof WinbackError) {
    for (const l of langs) {
      // A text raised as a catalogue key is worded in the reader's language, unless a caller has replaced it since.
      const worded = (text: string | undefined, note: SavedNote | undefined) => (note !== undefined && text === sayNoted('en', note) ? sayNoted(l, note) : text);
      const hint = worded(err.hint, err.keyed?.hint);
      ctx.stderr.write(`${prefix}: ${worded(err.message, err.keyed?.message) ?? err.message}\n`);
      if (hint) ctx.stderr.write(`${messages(l).common.hint}: ${hint}\n`);
    }
    if (debug && err.stack) ctx.stderr.write(`${err.stack}\n`);
    // What a library threw, in its own words (a damaged workbook's): for --debug only.
    if (debug && err.cause instanceof Error) ctx.stderr.write(`${err.cause.stack ?? err.cause.message}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  ctx.stderr.write(`${prefix}: ${say.internalError}: ${message}\n`);
  ctx.stderr.write(debug && err instanceof Error && err.stack ? `${err.stack}\n` : `${say.hint}: ${say.internalHint}\n`);
  return ExitCode.internal;
}

function isBrokenPipe(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'EPIPE';
}

/**
 * A reader that went away (`winback playbook show --json | head -1`, `| true`) makes the next
 * write fail with EPIPE, reported on the stream instead of thrown where the command writes:
 * end the run quietly with 0, as a Unix filter does. Installed once by bin/winback.js.
 */
export function exitQuietlyOnBrokenPipe(streams: readonly NodeJS.EventEmitter[] = [process.stdout, process.stderr], exit: (code: number) => void = (code) => process.exit(code)): void {
  streams.forEach((stream, i) => {
    stream.on('error', (err: unknown) => {
      removeRegisteredTemps();
      if (isBrokenPipe(err)) return exit(ExitCode.ok);
      // Any other failure (a full disk under a cron log): one line on stderr, when that is not the stream that failed, and exit 74.
      if (i === 0) {
        const say = messages(langOfArgv(process.argv.slice(2), process.env)).common;
        const code = typeof err === 'object' && err !== null ? ((err as { code?: string }).code ?? (err as Error).message) : String(err);
        try {
          process.stderr.write(`winback: ${say.outputStreamFailed('standard output', String(code))}\n`);
        } catch {
          // stderr fails too: the exit code says it.
        }
      }
      return exit(ExitCode.io);
    });
  });
}
