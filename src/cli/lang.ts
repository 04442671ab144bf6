/** The language of texts: --lang, else WINBACK_LANG, else the config's `lang`, else the locale, else English. */
import { UsageError } from '../errors.js';
import { keyedError, noteOf } from '../domain/catalogue/index.js';

export type Lang = 'en' | 'de';

/**
 * Resolves the language. The locale is read as POSIX programs read it for messages: the
 * first of LC_ALL, LC_MESSAGES and LANG that is set (de_DE.UTF-8 → de; anything else → en).
 */
export function resolveLang(flag: string | undefined, env: Record<string, string | undefined>, configLang?: Lang): Lang {
  if (flag !== undefined) return checkLang(flag, '--lang');
  if (env.WINBACK_LANG) return checkLang(env.WINBACK_LANG, 'WINBACK_LANG');
  if (configLang !== undefined) return configLang;
  return langOfLocale(env);
}

/** de for a German locale (de, de_DE.UTF-8, de_AT@euro), en for any other or none. */
export function langOfLocale(env: Record<string, string | undefined>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale !== undefined && /^de(?:[_.@-]|$)/i.test(locale) ? 'de' : 'en';
}

function checkLang(text: string, source: string): Lang {
  const t = text.trim().toLowerCase();
  if (t === 'en' || t === 'de') return t;
  throw langError(text, source);
}

function langError(text: string, source: string): UsageError {
  return keyedError((m, h) => new UsageError(m, h), noteOf('common', { key: 'langUnsupported', args: [source, text] }), noteOf('common', { key: 'langHint', args: [] }));
}

/**
 * A --lang (or WINBACK_LANG) winback does not speak, refused before anything runs, with the
 * languages to refuse it in: the locale's when it is German, else English and German both, so
 * that whoever asked for a language other than English can read the answer. Undefined when
 * the language given is one winback speaks (or none is given). WINBACK_LANG is not checked
 * where the help is shown: the help falls back to the locale.
 */
export function refusedLang(argv: readonly string[], env: Record<string, string | undefined>): { error: UsageError; langs: Lang[] } | undefined {
  const command = commandOfArgv(argv);
  if (command !== undefined && !LANG_COMMANDS.has(command)) return undefined;
  const flag = flagOfArgv(argv, '--lang');
  const given = flag !== undefined ? { text: flag, source: '--lang' } : env.WINBACK_LANG && !asksForHelp(argv) ? { text: env.WINBACK_LANG, source: 'WINBACK_LANG' } : undefined;
  if (given === undefined || isLang(given.text)) return undefined;
  const fallback = flag !== undefined && env.WINBACK_LANG && isLang(env.WINBACK_LANG) ? checkLang(env.WINBACK_LANG, 'WINBACK_LANG') : langOfLocale(env);
  return { error: langError(given.text, given.source), langs: fallback === 'de' ? ['de'] : ['en', 'de'] };
}

function isLang(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === 'en' || t === 'de';
}

/** Commands whose texts follow --lang (and so the language of their errors and hints); `help` and none: the help. */
const LANG_COMMANDS = new Set(['plan', 'campaign', 'report', 'worksheet', 'playbook', 'inspect', 'reasons', 'clv', 'calibrate', 'results', 'help']);

/**
 * The language of an error's frame (`hint:`) and of the help, from the command line and the
 * environment alone: the config may be what failed. English for an unknown command.
 */
export function langOfArgv(argv: readonly string[], env: Record<string, string | undefined>, configLang?: Lang): Lang {
  // An unknown command ("winback bogus") is told in the language of the --lang or the locale given, as any other usage error.
  try {
    return resolveLang(flagOfArgv(argv, '--lang'), env, configLang);
  } catch {
    return 'en';
  }
}

/** The value of `flag` anywhere on the command line (`--lang de` or `--lang=de`). */
export function flagOfArgv(argv: readonly string[], flag: string): string | undefined {
  const at = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (at < 0) return undefined;
  return argv[at]?.startsWith(`${flag}=`) ? argv[at]?.slice(flag.length + 1) : argv[at + 1];
}

/** True when the run shows the help: --help or -h, `winback help …`, or no command at all. */
export function asksForHelp(argv: readonly string[]): boolean {
  const command = commandOfArgv(argv);
  return command === undefined || command === 'help' || argv.includes('--help') || argv.includes('-h');
}

/** The first word that is neither a flag nor the value of --lang: the command. */
export function commandOfArgv(argv: readonly string[]): string | undefined {
  return argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--lang');
}
