/** The language of texts: --lang, else WINBACK_LANG, else the config's `lang`, else the locale, else English. */
import { UsageError } from '../errors.js';

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
  throw new UsageError(`${source} '${text}' is not supported`, 'use --lang en or --lang de');
}

/** Commands whose texts follow --lang (and so the language of their errors and hints). */
const LANG_COMMANDS = new Set(['plan', 'campaign', 'report', 'worksheet', 'playbook', 'inspect', 'reasons', 'clv', 'calibrate', 'results']);

/**
 * The language of an error's frame (`hint:`), from the command line and the environment
 * alone: the config may be what failed. English for commands that speak English only.
 */
export function langOfArgv(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  const command = argv.find((a) => !a.startsWith('-'));
  if (command === undefined || !LANG_COMMANDS.has(command)) return 'en';
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = at < 0 ? undefined : argv[at]?.startsWith('--lang=') ? argv[at]?.slice(7) : argv[at + 1];
  try {
    return resolveLang(flag, env);
  } catch {
    return 'en';
  }
}
