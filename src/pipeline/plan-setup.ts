/**
 * Everything a planning command loads before it reads rows: config, playbook, model and
 * the as-of date; and the one loop that turns an export's rows into planned customers.
 * `plan`, `campaign`, `report` and `worksheet` all go through here.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import { parseReadFlags, resolveAsOf, type RawReadFlags } from '../cli/options.js';
import type { CalibratedModel } from '../domain/calibrate.js';
import { validateCalibratedModel } from '../domain/calibrate.js';
import { LOST_CUSTOMER_SCHEMA } from '../domain/fields.js';
import { offerDepthWarnings } from '../domain/offer-depth.js';
import { planCustomer, type PlannedCustomer, type PlanSetup } from '../domain/plan.js';
import { compileVocabulary } from '../domain/reasons/vocabulary.js';
import type { CustomerRow, Reject } from '../domain/types.js';
import { DataError, InputMissingError, UsageError } from '../errors.js';
import { loadConfig } from '../io/config-file.js';
import { openExport, type OpenedExport, type ReadOptions, type RowEvent } from '../io/csv-read.js';
import { tuneForStreaming } from './gc-tuning.js';
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
  maxRejectRate?: number;
  /** for run manifests */
  sources: { configSha256: string; playbookSha256: string; playbookSource: string; modelSha256: string };
  warnings: string[];
}

/** Loads config, playbook and model and resolves the as-of date. */
export async function loadPlanSetup(ctx: Context, flags: PlanFlags): Promise<LoadedPlanSetup> {
  const { read, maxRejectRate } = parseReadFlags(flags);
  const lang = parseLang(flags.lang ?? ctx.env.WINBACK_LANG);
  const asOf = resolveAsOf(flags.asOf, ctx.env, ctx.now);
  const cfg = await loadConfig(flags.config ?? ctx.env.WINBACK_CONFIG, ctx.cwd);
  const playbookPath = flags.playbook !== undefined ? resolve(ctx.cwd, flags.playbook) : cfg.config.playbook;
  const pb = await loadPlaybook(playbookPath);
  const model = flags.model !== undefined ? await loadModel(resolve(ctx.cwd, flags.model), flags.model) : undefined;
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
    read: { ...read, map: { ...cfg.config.map, ...read.map } },
    ...(maxRejectRate !== undefined ? { maxRejectRate } : {}),
    sources: { configSha256: cfg.sha256, playbookSha256: pb.sha256, playbookSource: pb.source, modelSha256: model?.sha256 ?? '' },
    warnings: [...cfg.warnings, ...offerDepthWarnings(pb.playbook, cfg.config.plan.maxDiscount)],
  };
}

function parseLang(text: string | undefined): 'en' | 'de' {
  if (text === undefined || text === 'en') return 'en';
  if (text === 'de') return 'de';
  throw new UsageError(`--lang '${text}' is not supported`, 'use --lang en or --lang de');
}

async function loadModel(path: string, label: string): Promise<{ model: CalibratedModel; sha256: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputMissingError(`model ${label}: no such file or not readable`, 'create one with winback calibrate HISTORY.csv --out model.json');
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

/** Opens the export with the setup's read options. */
export function openLostCustomers(ctx: Context, file: string, loaded: LoadedPlanSetup): Promise<OpenedExport> {
  return openExport(file, LOST_CUSTOMER_SCHEMA, loaded.read, ctx);
}

/**
 * Streams every row: planned customers to `onPlanned`, rejects to `onReject`, each right as
 * its row is read (no await per row; a returned promise is awaited after the chunk).
 * `onChunk` runs after each chunk of input, e.g. for a progress display.
 */
export async function streamPlan(
  opened: OpenedExport,
  setup: PlanSetup,
  /** `raw` is the input record's text when it has no quotes (see RowEvent) */
  onPlanned: (p: PlannedCustomer, cells: string[], raw?: string) => Promise<void> | void,
  onReject: (r: Reject) => Promise<void> | void,
  onChunk?: () => void,
): Promise<void> {
  tuneForStreaming();
  await opened.eachRow((ev) => (ev.ok ? onPlanned(planRow(ev, setup), ev.cells, ev.raw) : onReject(ev.reject)), onChunk);
}

/** Plans one accepted row; its converted values become the customer row in place (no copy per row). */
export function planRow(ev: Extract<RowEvent, { ok: true }>, setup: PlanSetup): PlannedCustomer {
  const row = ev.values as unknown as CustomerRow & { line: number; warnings: string[] };
  row.line = ev.line;
  row.warnings = ev.warnings;
  return planCustomer(row, setup);
}

/** Throws a data error (65) when more than `maxRate` of the rows were rejected. */
export function checkRejectRate(opened: OpenedExport, maxRate: number | undefined): void {
  const { read, rejected } = opened.stats;
  if (maxRate === undefined || read === 0 || rejected / read <= maxRate) return;
  const share = ((rejected / read) * 100).toFixed(1);
  throw new DataError(
    `${opened.label}: ${rejected} of ${read} rows rejected (${share} %), more than --max-reject-rate ${(maxRate * 100).toFixed(1)} %; nothing was written`,
    `run winback inspect ${opened.source} to see the rejects`,
  );
}
