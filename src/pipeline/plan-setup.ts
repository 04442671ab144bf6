/**
 * Everything a planning command loads before it reads rows: config, playbook, model and
 * the as-of date, and the export opened with them. The rows are planned by the engine
 * (src/engine/index.ts).
 */
import { jsonErrorAt } from '../io/json-error.js';
import type { OutcomesRead } from '../io/outcomes-file.js';
import { readFile } from 'node:fs/promises';
import type { Context } from '../io/context.js';
import type { CalibratedModel } from '../domain/calibrate/calibrate.js';
import { validateCalibratedModel } from '../domain/calibrate/calibrate.js';
import { withLearnedFactors } from '../domain/calibrate/apply.js';
import { DEFAULT_CONFIG, DEFAULT_MAX_REJECT_RATE, type WinbackConfig } from '../domain/config.js';
import { LOST_CUSTOMER_SCHEMA } from '../domain/read/fields.js';
import { currencyCode } from '../domain/parse/number.js';
import { type Lang, type Noted, type RejectLimitSource, type SavedNote, formatFixed, messages, savedNotes } from '../domain/catalogue/index.js';
import { offerDepthWarnings } from '../domain/offer-depth.js';
import type { PlanSetup } from '../domain/plan/plan.js';
import { vocabularyFor } from '../domain/reasons/vocabulary.js';
import type { DuplicateResolution } from '../domain/read/duplicate-ids.js';
import { DataError, InputMissingError } from '../errors.js';
import { loadConfig } from '../io/config-file.js';
import type { EpochDay, Reject } from '../domain/types.js';
import type { OpenedExport, ReadOptions } from '../io/csv/read.js';
import { openExport } from '../io/open-export.js';
import { loadPlaybook } from '../io/playbook-file.js';

/** What a planning command asks for, parsed from its flags and environment (src/cli/plan-options.ts). */
export interface PlanOptions {
  /** the language --lang or WINBACK_LANG gave; without one the config's, else the locale's */
  lang: { given?: Lang; locale: Lang };
  /** the reading flags' options (the config's column map is added to `read.map`) */
  read: ReadOptions;
  /** --max-reject-rate, else WINBACK_MAX_REJECT_RATE; without either the config's input.maxRejectRate */
  maxRejectRate?: { rate: number; source: 'flag' | 'env' };
  asOf: EpochDay;
  /** --config, else WINBACK_CONFIG; without either, winback.yaml where it is found */
  configPath?: string;
  /** --playbook, resolved; without it the config's */
  playbookPath?: string;
  /** --model: the path resolved, and as given (for messages) */
  model?: { path: string; label: string };
}

export interface LoadedPlanSetup {
  setup: PlanSetup;
  read: ReadOptions;
  /** share of rejected rows above which the run stops, and where that limit came from */
  rejectLimit: RejectLimit;
  /** for run manifests */
  sources: { configSha256: string; playbookSha256: string; playbookSource: string; modelSha256: string };
  /** the config's warnings, the playbook's offer-depth warnings and the model file's (catalogue keys) */
  warnings: Noted[];
}

/** Loads config, playbook and model as the options ask. */
export async function loadPlanSetup(ctx: Context, options: PlanOptions): Promise<LoadedPlanSetup> {
  const { read, asOf } = options;
  // Before the config is read, the flag and the environment tell the language of errors.
  const cfg = await loadConfig(options.configPath, ctx.cwd, options.lang.given ?? options.lang.locale);
  const rejectLimit = rejectLimitOf(options.maxRejectRate, cfg.config);
  const lang = options.lang.given ?? cfg.config.lang ?? options.lang.locale;
  const pb = await loadPlaybook(options.playbookPath ?? cfg.config.playbook, lang);
  const model = options.model !== undefined ? await loadModel(options.model.path, options.model.label, lang) : undefined;
  const setup: PlanSetup = {
    // A model's channel factors and second-lifetime scales act through the playbook's own fields (domain/calibrate/apply.ts).
    playbook: model ? withLearnedFactors(pb.playbook, model.model) : pb.playbook,
    vocabulary: vocabularyFor(pb.playbook),
    config: cfg.config,
    asOf,
    lang,
    ...(model ? { model: model.model } : {}),
  };
  return {
    setup,
    // Dates after the as-of date and amounts in another currency are rejected; messages in the run's language.
    read: { ...read, map: { ...cfg.config.map, ...read.map }, asOf, currency: currencyCode(cfg.config.model.currencySymbol), lang, objectionPhrases: cfg.config.permission.extraObjectionPhrases, phoneCountry: cfg.config.permission.defaultPhoneCountry },
    rejectLimit,
    sources: { configSha256: cfg.sha256, playbookSha256: pb.sha256, playbookSource: pb.source, modelSha256: model?.sha256 ?? '' },
    warnings: [...cfg.warnings, ...offerDepthWarnings(pb.playbook, cfg.config.plan.maxDiscount), ...(model?.warnings ?? [])],
  };
}

async function loadModel(path: string, label: string, lang: Lang): Promise<{ model: CalibratedModel; sha256: string; warnings: SavedNote[] }> {
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
    throw new DataError(messages(lang).flags.modelSyntax(label, (err as Error).message, jsonErrorAt(text, err)));
  }
  const { model, errors } = validateCalibratedModel(data, lang);
  if (!model) throw new DataError(messages(lang).flags.modelInvalid(label, errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')));
  const { createHash } = await import('node:crypto');
  // The calibration's warnings hold for every run that plans with the model: each says it is the model's.
  const warnings = savedNotes(model.warnings, model.warning_keys).map((note): SavedNote => ({ key: 'flags.modelWarning', args: [label, note] }));
  return { model, sha256: createHash('sha256').update(text).digest('hex'), warnings };
}

/**
 * Opens the export with the setup's read options, for a first reading that may have to be
 * repeated (stdin is copied as it is read; the engine removes the copy), or with
 * `duplicates`, for a later reading, with the contact points of `objectorLines` noted
 * (ReadOptions.objectorLines).
 */
export function openLostCustomers(
  ctx: Context,
  file: string,
  loaded: LoadedPlanSetup,
  duplicates?: DuplicateResolution,
  labelAs?: string,
  objectorLines?: readonly number[],
): Promise<OpenedExport> {
  const again = duplicates ? { duplicates, ...(objectorLines && objectorLines.length > 0 ? { objectorLines } : {}) } : { reread: true };
  return openExport(file, LOST_CUSTOMER_SCHEMA, { ...loaded.read, ...again }, ctx, labelAs);
}

/** The limit of rejected rows: --max-reject-rate, else WINBACK_MAX_REJECT_RATE, else the config's input.maxRejectRate (default 20 %). */
export interface RejectLimit {
  rate: number;
  source: RejectLimitSource;
}

/** The limit of rejected rows: the one given (flag or environment: PlanOptions.maxRejectRate), else the config's. */
export function rejectLimitOf(given: PlanOptions['maxRejectRate'], config: Pick<WinbackConfig, 'input'> = DEFAULT_CONFIG): RejectLimit {
  if (given !== undefined) return given;
  const rate = config.input.maxRejectRate;
  return { rate, source: rate === DEFAULT_MAX_REJECT_RATE ? 'default' : 'config' };
}

/**
 * Why the rows read cannot be used, or undefined: none accepted (always), or more than the
 * limit rejected. `inspect` reports it; the other commands stop on it (rejectRateError).
 */
export function rejectProblem(label: string, stats: Pick<OpenedExport['stats'], 'read' | 'accepted' | 'rejected'>, limit: RejectLimit, lang: Lang = 'en'): string | undefined {
  const { read, accepted, rejected } = stats;
  const t = messages(lang).read.texts;
  if (read > 0 && accepted === 0) return t.allRejected(label, read);
  if (read === 0 || rejected / read <= limit.rate) return undefined;
  return t.rejectRate(label, rejected, read, formatFixed((rejected / read) * 100, 1, lang), formatFixed(limit.rate * 100, 1, lang), limit.source);
}

/**
 * Throws a data error (65) when no row was accepted, or more than the limit rejected: a
 * broken export (wrong encoding, shifted columns, cut off) must not replace earlier outputs.
 */
export function checkRejectRate(opened: Pick<OpenedExport, 'label' | 'source' | 'stats' | 'lang'>, limit: RejectLimit, first?: Reject, inspect = false): void {
  const problem = rejectProblem(opened.label, opened.stats, limit, opened.lang);
  if (problem === undefined) return;
  const t = messages(opened.lang).read.texts;
  // An export's first reject, and how to see them all (`inspect`); another file's first reject alone.
  const hint = inspect && first !== undefined ? `${rejectsHint(opened.source, opened.lang, first)}\n${rejectsHint(opened.source, opened.lang)}` : rejectsHint(opened.source, opened.lang, first);
  throw new DataError(problem + t.nothingWritten, hint);
}

/**
 * A broken outcomes file (nothing accepted, more rejected than the limit) changes nothing: the
 * run stops (65) naming the first rejected row — in results, in report, and in campaign, whose
 * lists would otherwise go to customers who came back (one reader, one limit for all three).
 */
export function checkOutcomesRejects(read: Pick<OutcomesRead, 'opened' | 'rejects'>, limit: RejectLimit, lang: Lang | undefined): void {
  const { stats, label, source } = read.opened;
  const rejected = read.rejects.length;
  const problem = rejectProblem(label, { read: stats.read, accepted: stats.read - rejected, rejected }, limit, lang);
  if (problem === undefined) return;
  throw new DataError(problem + messages(lang).read.texts.nothingWritten, rejectsHint(source, lang, read.rejects[0]));
}

/**
 * How to see why rows were rejected: winback inspect for a lost-customer export; for a file it
 * reads otherwise (a history, an outcomes file: `first` given), the first reject itself.
 */
export function rejectsHint(source: string, lang: Lang | undefined, first?: Reject): string {
  const t = messages(lang).read.texts;
  return first === undefined ? t.rejectsHint(source) : t.firstRejectHint(first.line, first.column, first.value, first.error);
}
