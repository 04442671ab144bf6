/**
 * Everything a planning command loads before it reads rows: config, playbook, model and
 * the as-of date, and the export opened with them. The rows are planned by the engine
 * (src/engine/index.ts).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Context } from '../io/context.js';
import { parseRate, parseReadFlags, resolveAsOf, type RawReadFlags } from '../cli/options.js';
import type { CalibratedModel } from '../domain/calibrate.js';
import { validateCalibratedModel } from '../domain/calibrate.js';
import { DEFAULT_CONFIG, DEFAULT_MAX_REJECT_RATE, type WinbackConfig } from '../domain/config.js';
import { LOST_CUSTOMER_SCHEMA } from '../domain/fields.js';
import { currencyCode } from '../domain/parse/number.js';
import { readTexts, type ReadLang, type RejectLimitSource } from '../domain/read-texts.js';
import { offerDepthWarnings } from '../domain/offer-depth.js';
import type { PlanSetup } from '../domain/plan.js';
import { compileVocabulary } from '../domain/reasons/vocabulary.js';
import type { DuplicateResolution } from '../domain/duplicate-ids.js';
import { DataError, InputMissingError } from '../errors.js';
import { loadConfig } from '../io/config-file.js';
import { resolveLang, type Lang } from '../cli/lang.js';
import { formatFixed, messages } from '../domain/messages.js';
import type { OpenedExport, ReadOptions } from '../io/csv-read.js';
import { openExport } from '../io/open-export.js';
import { loadPlaybook } from '../io/playbook-file.js';

export interface PlanFlags extends RawReadFlags {
  asOf?: string;
  playbook?: string;
  config?: string;
  model?: string;
  lang?: string;
}

export interface LoadedPlanSetup {
  setup: PlanSetup;
  read: ReadOptions;
  /** share of rejected rows above which the run stops, and where that limit came from */
  rejectLimit: RejectLimit;
  /** for run manifests */
  sources: { configSha256: string; playbookSha256: string; playbookSource: string; modelSha256: string };
  warnings: string[];
}

/** Loads config, playbook and model and resolves the as-of date. */
export async function loadPlanSetup(ctx: Context, flags: PlanFlags): Promise<LoadedPlanSetup> {
  // Before the config is read, the flag and the environment tell the language of errors.
  const early = resolveLang(flags.lang, ctx.env);
  const { read, maxRejectRate } = parseReadFlags(flags, undefined, early);
  const asOf = resolveAsOf(flags.asOf, ctx.env, ctx.now, early);
  const cfg = await loadConfig(flags.config ?? ctx.env.WINBACK_CONFIG, ctx.cwd, early);
  const rejectLimit = resolveRejectLimit(maxRejectRate, ctx.env, cfg.config);
  const lang = resolveLang(flags.lang, ctx.env, cfg.config.lang);
  const playbookPath = flags.playbook !== undefined ? resolve(ctx.cwd, flags.playbook) : cfg.config.playbook;
  const pb = await loadPlaybook(playbookPath);
  const model = flags.model !== undefined ? await loadModel(resolve(ctx.cwd, flags.model), flags.model, lang) : undefined;
  const setup: PlanSetup = {
    playbook: pb.playbook,
    vocabulary: compileVocabulary(pb.playbook),
    config: cfg.config,
    asOf,
    lang,
    ...(model ? { model: model.model } : {}),
  };
  return {
    setup,
    // Dates after the as-of date and amounts in another currency are rejected; messages in the run's language.
    read: { ...read, map: { ...cfg.config.map, ...read.map }, asOf, currency: currencyCode(cfg.config.model.currencySymbol), lang, objectionPhrases: cfg.config.permission.extraObjectionPhrases },
    rejectLimit,
    sources: { configSha256: cfg.sha256, playbookSha256: pb.sha256, playbookSource: pb.source, modelSha256: model?.sha256 ?? '' },
    warnings: [...cfg.warnings, ...offerDepthWarnings(pb.playbook, cfg.config.plan.maxDiscount)],
  };
}

async function loadModel(path: string, label: string, lang: Lang): Promise<{ model: CalibratedModel; sha256: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputMissingError(messages(lang).flags.modelMissing(label), messages(lang).flags.modelMissingHint);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DataError(`model ${label} is not valid JSON: ${(err as Error).message}`);
  }
  const { model, errors } = validateCalibratedModel(data);
  if (!model) throw new DataError(`model ${label} is invalid:\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  const { createHash } = await import('node:crypto');
  return { model, sha256: createHash('sha256').update(text).digest('hex') };
}

/**
 * Opens the export with the setup's read options, for a first reading that may have to be
 * repeated (stdin is copied as it is read; the engine removes the copy), or with
 * `duplicates`, for the second reading, which is final.
 */
export function openLostCustomers(ctx: Context, file: string, loaded: LoadedPlanSetup, duplicates?: DuplicateResolution, labelAs?: string): Promise<OpenedExport> {
  return openExport(file, LOST_CUSTOMER_SCHEMA, { ...loaded.read, ...(duplicates ? { duplicates } : { reread: true }) }, ctx, labelAs);
}

/** The limit of rejected rows: --max-reject-rate, else WINBACK_MAX_REJECT_RATE, else the config's input.maxRejectRate (default 20 %). */
export interface RejectLimit {
  rate: number;
  source: RejectLimitSource;
}

/** Resolves the limit of rejected rows; `flag` is the parsed --max-reject-rate. */
export function resolveRejectLimit(flag: number | undefined, env: Record<string, string | undefined>, config: Pick<WinbackConfig, 'input'> = DEFAULT_CONFIG): RejectLimit {
  if (flag !== undefined) return { rate: flag, source: 'flag' };
  const fromEnv = env.WINBACK_MAX_REJECT_RATE;
  if (fromEnv !== undefined && fromEnv !== '') return { rate: parseRate('WINBACK_MAX_REJECT_RATE', fromEnv), source: 'env' };
  const rate = config.input.maxRejectRate;
  return { rate, source: rate === DEFAULT_MAX_REJECT_RATE ? 'default' : 'config' };
}

/**
 * Why the rows read cannot be used, or undefined: none accepted (always), or more than the
 * limit rejected. `inspect` reports it; the other commands stop on it (rejectRateError).
 */
export function rejectProblem(label: string, stats: Pick<OpenedExport['stats'], 'read' | 'accepted' | 'rejected'>, limit: RejectLimit, lang: ReadLang = 'en'): string | undefined {
  const { read, accepted, rejected } = stats;
  const t = readTexts(lang);
  if (read > 0 && accepted === 0) return t.allRejected(label, read);
  if (read === 0 || rejected / read <= limit.rate) return undefined;
  return t.rejectRate(label, rejected, read, formatFixed((rejected / read) * 100, 1, lang), formatFixed(limit.rate * 100, 1, lang), limit.source);
}

/**
 * Throws a data error (65) when no row was accepted, or more than the limit rejected: a
 * broken export (wrong encoding, shifted columns, cut off) must not replace earlier outputs.
 */
export function checkRejectRate(opened: Pick<OpenedExport, 'label' | 'source' | 'stats' | 'lang'>, limit: RejectLimit): void {
  const problem = rejectProblem(opened.label, opened.stats, limit, opened.lang);
  if (problem === undefined) return;
  const t = readTexts(opened.lang);
  throw new DataError(problem + t.nothingWritten, t.rejectsHint(opened.source));
}
