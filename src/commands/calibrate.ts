import { resolve } from 'node:path';
import type { Context } from '../io/context.js';
import { parseReadFlags, takeRenamedFlags } from '../cli/options.js';
import type { HistoryRow } from '../domain/calibrate/calibrate.js';
import { calibrateChecked, type HoldoutComparison } from '../domain/calibrate/check.js';
import { CALIBRATION_PARTS } from '../domain/calibrate/calibrate.js';
import type { HoldoutAttempt } from '../domain/calibrate/compare.js';
import { customerKey } from '../domain/campaign/customer-key.js';
import { historyAttemptOf, secondLifetimeByReason, type HistoryAttempt, type HistoryInputRow } from '../domain/calibrate/history.js';
import { HISTORY_SCHEMA } from '../domain/read/fields.js';
import type { Reject } from '../domain/types.js';
import { DataError, ExitCode, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { renderCalibration } from '../io/calibrate-render.js';
import { openExport } from '../io/open-export.js';
import { checkRejectRate, loadPlanSetup, rejectsHint } from '../pipeline/plan-setup.js';
import { planOptions, type PlanFlags } from '../cli/plan-options.js';
import { VERSION } from '../version.js';
import { resolveLang } from '../cli/lang.js';
import { formatFixed, messages, say as sayNote, sayNoted, type Lang, type Messages } from '../domain/catalogue/index.js';

export interface CalibrateFlags extends PlanFlags {
  modelOut?: string;
  /** the old spelling of --model-out (takeRenamedFlags moves it) */
  out?: string;
  json?: boolean;
  quiet?: boolean;
  /** write the defaults (and exit 0) when no learned part decides better than them */
  allowDefaults?: boolean;
}

/** `winback calibrate`: fits the reacquisition model on past attempts and writes model.json. */
export async function runCalibrate(ctx: Context, file: string, raw: CalibrateFlags): Promise<number> {
  // --out names a directory on every other command; the model file has a name of its own.
  const flags = takeRenamedFlags(raw, [{ from: 'out', to: 'modelOut', old: '--out', now: '--model-out' }], ctx.stderr, resolveLang(raw.lang, ctx.env));
  const modelOut = flags.modelOut;
  const say = messages(resolveLang(flags.lang, ctx.env)).calibrate;
  if (!modelOut) throw new UsageError(say.outRequired, say.outRequiredHint);
  if (modelOut === '-') throw new UsageError(say.outStdout, say.outStdoutHint);
  if (flags.model !== undefined) throw new UsageError(say.modelFlag, say.modelFlagHint);
  // --map may name the history's own fields (won_back, contact_date, …), which the plan flags do not know.
  const { read: ownRead } = parseReadFlags(flags, HISTORY_SCHEMA.fields.map((f) => f.name), resolveLang(flags.lang, ctx.env));
  const { map: _map, ...planFlags } = flags;
  const loaded = await loadPlanSetup(ctx, planOptions(ctx, planFlags));
  const explicitAsOf = flags.asOf !== undefined || Boolean(ctx.env.WINBACK_AS_OF);
  const { setup } = loaded;
  const lang = setup.lang;
  const t = messages(lang).calibrate;
  const opened = await openExport(file, HISTORY_SCHEMA, { ...loaded.read, map: { ...loaded.read.map, ...ownRead.map } }, ctx);
  const wonBackIndex = opened.mapping.fields.get('won_back') as number;
  const wonBackHeader = opened.headers[wonBackIndex] as string;
  const settings = {
    vocabulary: setup.vocabulary,
    offers: setup.playbook.offers,
    config: setup.config.model,
    reasons: setup.playbook.reasons,
    ...(setup.playbook.channelResponse ? { channelResponse: setup.playbook.channelResponse } : {}),
    lang,
    ...(explicitAsOf ? { fallbackContactDay: setup.asOf } : {}),
  };
  const attempts: HistoryAttempt[] = [];
  const rejects: Reject[] = [];
  // One attempt per customer and contact date, by the line that gave it: a second row would count the attempt twice (or contradict it).
  // (A customer lost again and approached again in a later season is a second attempt, on another day.)
  const seen = new Map<string, number>();
  const setAside: Reject[] = [];
  for await (const ev of opened.rows()) {
    if (!ev.ok) {
      rejects.push(ev.reject);
      continue;
    }
    const row = { ...ev.values, line: ev.line, warnings: ev.warnings } as unknown as HistoryInputRow;
    const cellOf = (field: string) => {
      const index = opened.mapping.fields.get(field);
      return { column: index === undefined ? field : (opened.headers[index] as string), value: index === undefined ? '' : (ev.cells[index] ?? '') };
    };
    const key = `${customerKey(row.customer_id)}\u0000${row.contact_date ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const id = cellOf('customer_id');
      rejects.push({ line: ev.line, customer_id: row.customer_id, column: id.column, value: id.value, error: t.duplicateAttempt(first) });
      continue;
    }
    seen.set(key, ev.line);
    const result = historyAttemptOf(row, settings, wonBackHeader, ev.cells[wonBackIndex] ?? '', cellOf);
    if (result.ok) attempts.push(result.attempt);
    else (result.retention ? setAside : rejects).push(result.reject);
  }
  // Retention contacts are set aside by design, not unreadable: they do not count against the reject limit.
  checkRejectRate({ ...opened, stats: { ...opened.stats, read: opened.stats.read - setAside.length, accepted: attempts.length, rejected: rejects.length } }, loaded.rejectLimit, rejects[0]);
  rejects.push(...setAside);
  rejects.sort((a, b) => a.line - b.line);
  const stats = { read: opened.stats.read, accepted: attempts.length, rejected: rejects.length };
  if (attempts.length === 0) throw new DataError(t.noAttempts(opened.label, stats.rejected), rejectsHint(opened.source, loaded.setup.lang, rejects[0]));
  const rows: HistoryRow[] = attempts.map((a) => a.row);
  const randomArms = attempts.flatMap((a): HoldoutAttempt[] => (a.randomArm ? [a.randomArm] : []));
  // Fitted on the training customers, compared with the defaults in money on the holdout; a
  // model that decides no better than the defaults there is not written (issue 18): the run
  // says so and exits 65, leaving an earlier model file as it was — unless --allow-defaults
  // asks for the defaults to be written as the model.
  const { model, learned, comparison, notes } = calibrateChecked(rows, randomArms, setup.playbook, setup.config.model);
  const refused = comparison.accepted.length === 0;
  const write = !refused || flags.allowDefaults === true;
  if (write) await writeFileAtomic(resolve(ctx.cwd, modelOut), `${JSON.stringify(model, null, 2)}\n`);
  const report = {
    tool: 'winback',
    version: VERSION,
    command: 'calibrate',
    input: { file: opened.label, sha256: opened.stats.sha256, rows: stats.read },
    accepted: stats.accepted,
    rejected: stats.rejected,
    out: modelOut,
    written: write,
    model,
    learned,
    comparison,
    default_coefficients: setup.config.model.coefficients,
    playbook_base_rates: Object.fromEntries(setup.playbook.reasons.map((r) => [r.code, r.baseRate])),
    second_lifetime: secondLifetimeByReason(attempts),
    warnings: [...opened.warnings, ...loaded.warnings.map((w) => sayNoted(lang, w) ?? ''), ...noteWarnings(attempts, explicitAsOf, t), ...notes.map((note) => sayNote(lang, 'calibrate', note))],
    rejects: rejects.slice(0, 20),
  };
  if (flags.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!flags.quiet) ctx.stdout.write(renderCalibration(report, ctx.color, lang, new Map(setup.playbook.reasons.map((r) => [r.code, r.label[lang]])), setup.config.model.currencySymbol, new Map(setup.playbook.offers.map((o) => [o.id, o.label[lang]]))));
  for (const r of rejects.slice(0, 5)) ctx.stderr.write(`${t.reject(r.line, r.customer_id ?? '', r.error)}\n`);
  if (rejects.length > 5) ctx.stderr.write(`${t.moreRejects(rejects.length - 5)}\n`);
  for (const w of report.warnings) ctx.stderr.write(`${messages(lang).common.warning}: ${w}\n`);
  if (!write) throw new DataError(t.noBetterModel(modelOut, bestCandidate(comparison, t, setup.config.model.currencySymbol, lang)), t.noBetterHint);
  return ExitCode.ok;
}

// The candidate that came closest, in the error's words: which parts, gain ± error, lower bound.
function bestCandidate(k: HoldoutComparison, t: Messages['calibrate'], currency: string, lang: Lang): string {
  // A candidate that decides as the defaults do (organic return with no customer differing) is no contender.
  const contenders = k.candidates.filter((c) => c.difference.differing > 0);
  const best = (contenders.length > 0 ? contenders : k.candidates).reduce<HoldoutComparison['candidates'][number] | undefined>((b, c) => (b === undefined || c.lowerBound > b.lowerBound ? c : b), undefined);
  if (best === undefined) return t.noBetterNone;
  // Per customer the amounts are small: cents count (as in the report's table).
  const money = (x: number) => (lang === 'de' ? `${formatFixed(x, 2, lang)}\u00a0${currency.trim()}` : `${x < 0 ? '-' : ''}${currency}${formatFixed(Math.abs(x), 2, lang)}`);
  const parts = best.parts.length === CALIBRATION_PARTS.length ? t.allParts : best.parts.map((p) => t.part(p)).join(', ');
  return t.noBetterBest(parts, money(best.difference.perCustomer), money(best.difference.standardError), money(best.lowerBound));
}

function noteWarnings(attempts: readonly HistoryAttempt[], explicitAsOf: boolean, t: Messages['calibrate']): string[] {
  const count = (note: string) => attempts.filter((a) => a.notes.includes(note)).length;
  const warnings: string[] = [];
  const noDate = count('no_contact_date');
  if (noDate > 0) {
    warnings.push(explicitAsOf ? t.noDateAtAsOf(noDate) : t.noDateLeftOut(noDate));
  }
  const unknownOffer = count('unknown_offer');
  if (unknownOffer > 0) warnings.push(t.unknownOffer(unknownOffer));
  return warnings;
}
