/**
 * The flags every planning command takes (--as-of, --playbook, --config, --model, --lang and
 * the reading flags), with their environment variables, parsed into the typed options
 * src/pipeline/plan-setup.ts loads a setup from. Usage errors name the flag.
 */
import { resolve } from 'node:path';
import type { Context } from '../io/context.js';
import type { WinbackConfig } from '../domain/config.js';
import { rejectLimitOf, type PlanOptions, type RejectLimit } from '../pipeline/plan-setup.js';
import { langOfLocale, resolveLang } from './lang.js';
import { parseRate, parseReadFlags, resolveAsOf, type RawReadFlags } from './options.js';

/** Raw strings commander hands over for the planning flags. */
export interface PlanFlags extends RawReadFlags {
  asOf?: string;
  playbook?: string;
  config?: string;
  model?: string;
  lang?: string;
}

/** The planning flags and their environment (WINBACK_LANG, WINBACK_AS_OF, WINBACK_CONFIG, WINBACK_MAX_REJECT_RATE) as typed options. */
export function planOptions(ctx: Pick<Context, 'env' | 'cwd' | 'now'>, flags: PlanFlags): PlanOptions {
  const { env } = ctx;
  // Before the config is read, the flag and the environment tell the language of errors.
  const given = flags.lang !== undefined || env.WINBACK_LANG ? resolveLang(flags.lang, env) : undefined;
  const early = given ?? langOfLocale(env);
  const { read, maxRejectRate } = parseReadFlags(flags, undefined, early);
  const rejectRate = givenRejectRate(maxRejectRate, env);
  const config = flags.config ?? env.WINBACK_CONFIG;
  return {
    lang: { ...(given ? { given } : {}), locale: langOfLocale(env) },
    read,
    ...(rejectRate ? { maxRejectRate: rejectRate } : {}),
    asOf: resolveAsOf(flags.asOf, env, ctx.now, early),
    ...(config !== undefined ? { configPath: config } : {}),
    ...(flags.playbook !== undefined ? { playbookPath: resolve(ctx.cwd, flags.playbook) } : {}),
    ...(flags.model !== undefined ? { model: { path: resolve(ctx.cwd, flags.model), label: flags.model } } : {}),
  };
}

/** The share of rejected rows given: `flag` (the parsed --max-reject-rate), else WINBACK_MAX_REJECT_RATE. */
export function givenRejectRate(flag: number | undefined, env: Record<string, string | undefined>): PlanOptions['maxRejectRate'] {
  if (flag !== undefined) return { rate: flag, source: 'flag' };
  const fromEnv = env.WINBACK_MAX_REJECT_RATE;
  if (fromEnv !== undefined && fromEnv !== '') return { rate: parseRate('WINBACK_MAX_REJECT_RATE', fromEnv), source: 'env' };
  return undefined;
}

/** The limit of rejected rows for a command that loads no plan setup: `flag` (the parsed --max-reject-rate), else the environment's, else the config's. */
export function resolveRejectLimit(flag: number | undefined, env: Record<string, string | undefined>, config?: Pick<WinbackConfig, 'input'>): RejectLimit {
  return rejectLimitOf(givenRejectRate(flag, env), config);
}
