/**
 * Builds the report model from any of its three inputs: an export (planned here through the
 * one planning pipeline), a plan directory, or a campaign directory. All three feed the same
 * pure accumulator (src/domain/report/report.ts) one customer at a time.
 */
import type { Context } from '../io/context.js';
import { formatIsoDay, parseIsoDay } from '../domain/dates.js';
import { reportItem } from '../domain/report/facts.js';
import { addToReport, createReport, type MoneySums, type ReportAccumulator } from '../domain/report/report.js';
import type { ReportItem } from '../domain/report/facts.js';
import { backSince, type BackIndex } from '../domain/results/attribution.js';
import { finishReport, type FunnelLine, type PlanMoneyTotals, type Report, type Unavailable } from '../domain/report/finish.js';
import type { CostPrices } from '../domain/plan/money.js';
import type { EpochDay } from '../domain/types.js';
import { parsePermissionConfig } from '../domain/config.js';
import type { PermissionConfig } from '../domain/permission/permission.js';
import { DataError } from '../errors.js';
import { readCampaignLists, readPlanCsv, readRunSummary } from '../io/report/input.js';
import { checkRunOutputs } from '../io/run-outputs.js';
import { planExport } from '../engine/index.js';
import { openLostCustomers, type LoadedPlanSetup } from './plan-setup.js';
import { formatIsoText, messages, noteOf, readSavedWarnings, sayNoted, type Lang } from '../domain/catalogue/index.js';
import { totalsNotes } from '../domain/plan/summary.js';
import { createProjection, itemContext, itemOf } from './report-project.js';

/**
 * Plans the export in memory-flat streaming and reports on it; nothing is written.
 * `planning.threads`: planning threads, the main thread included (default 1);
 * `planning.minParallelBytes`: the smallest export planned with workers (default 8 MiB).
 */
export async function reportFromExport(ctx: Context, file: string, loaded: LoadedPlanSetup, outlierShare?: number, planning: { threads?: number; minParallelBytes?: number } = {}, back?: BackIndex): Promise<Report> {
  const first = await openLostCustomers(ctx, file, loaded);
  // Customers the outcomes show as customers again (campaign --outcomes excludes them alike): counted apart, in no figure of the plan.
  // An objector stays `never` (campaign decides the objection first); a final reason does not hide a return.
  // Counted in what a reading makes: a second reading (a later duplicate wins) starts again.
  const final = new Set(loaded.setup.playbook.reasons.filter((r) => r.final).map((r) => r.code as string));
  const objector = (item: ReportItem) => item.decision === 'never' && !final.has(item.reason_code);
  const take = (made: { acc: ReportAccumulator; returned: number }, item: ReportItem) => {
    if (back !== undefined && !objector(item) && backSince(back, item.customer_id, item.churn_date ?? undefined) !== undefined) made.returned++;
    else addToReport(made.acc, item);
  };
  // The plan's own totals (the engine's) give the per-reason money exactly as summary.json would state it.
  const { opened, made: { acc, returned }, totals } = await planExport(ctx, file, loaded, first, {
    order: 'input',
    // A report shows the chosen actions only.
    readsActions: false,
    start: () => ({ acc: createReport(loaded.setup.asOf, reportOptions(loaded, outlierShare)), returned: 0 }),
    records: {
      module: new URL('./report-project.js', import.meta.url).href,
      options: null,
      create: createProjection,
      take: (acc, fields) => take(acc, itemOf(fields)),
    },
    threads: planning.threads ?? 1,
    ...(planning.minParallelBytes === undefined ? {} : { minParallelBytes: planning.minParallelBytes }),
  });
  const { read, accepted, rejected } = opened.stats;
  const report = finishReport(acc, {
    source: { kind: 'export', label: opened.label },
    rows: { read, accepted, rejected },
    // Without the customers who came back, the money is the report's own sums over the others.
    ...(returned === 0 ? {
      reasonTotals: totals.reasons,
      totals: {
        value_at_stake: totals.value_at_stake_total, expected_value: totals.expected_value_total, value_at_stake_win_back: totals.value_at_stake_win_back_total,
        contact_cost: totals.contact_cost_total, incentive_cost: totals.incentive_cost_total,
      },
    } : {}),
    currency: loaded.setup.config.model.currencySymbol,
    notes: [
      ...opened.warnings, ...loaded.warnings.map((w) => sayNoted(loaded.setup.lang, w) ?? ''), ...planNotes(totals, loaded),
      ...(returned > 0 ? [messages(loaded.setup.lang).report.words.cameBackLeftOut(returned)] : []),
    ],
  });
  if (returned > 0) report.returned = returned;
  return report;
}

/**
 * The notes plan saves in its summary (summary.json's warnings), so that a report on the export
 * says what one on its plan says; the rows with warnings say where winback plan shows them.
 */
function planNotes(t: Awaited<ReturnType<typeof planExport>>['totals'], loaded: LoadedPlanSetup): string[] {
  return totalsNotes(t, loaded.setup.config.model.defaultMarginPercent)
    .map((n) => (n.key === 'plan.rowWarnings' ? noteOf('plan', { key: 'rowWarningsExport', args: [t.row_warnings] }) : n))
    .map((n) => sayNoted(loaded.setup.lang, n) ?? '');
}

/** Reports on a plan directory: rows from plan.csv, money per reason from summary.json (which plan.csv must match). */
export async function reportFromPlanDir(dir: string, label: string, loaded: LoadedPlanSetup, asOfGiven: boolean, outlierShare?: number): Promise<Report> {
  const summary = await readRunSummary(dir, label);
  const s = planSummaryFields(summary, label, loaded.setup.lang);
  await checkRunOutputs(dir, label, summary);
  const asOf = runAsOf(s.as_of, loaded, asOfGiven, label);
  const permission = runPermission(summary.permission, loaded, label);
  const prices = runPrices(summary, loaded, label);
  const acc = createReport(asOf.day, reportOptions(loaded, outlierShare));
  const itemCtx = itemContext(loaded.setup, asOf.day, permission.config, prices.prices);
  for await (const { row, facts } of readPlanCsv(dir, label, loaded.read)) addToReport(acc, reportItem(row, facts, itemCtx));
  const mismatch = Object.entries(s.reasons).find(([code, r]) => acc.reasons.get(code)?.count !== r.count);
  if (acc.totals.count !== s.accepted || mismatch) {
    const t = messages(loaded.setup.lang).report;
    throw new DataError(t.planMismatch(label, mismatch?.[0]), t.planAgainEmptyHint);
  }
  return finishReport(acc, {
    source: { kind: 'plan', label },
    rows: { read: s.input_rows, accepted: s.accepted, rejected: s.rejected },
    reasonTotals: s.reasons,
    totals: {
      value_at_stake: s.value_at_stake_total, expected_value: s.expected_value_total,
      ...optional({ value_at_stake_win_back: s.value_at_stake_win_back_total, contact_cost: s.contact_cost_total, incentive_cost: s.incentive_cost_total }),
    },
    ...(prices.prices ? {} : { unavailable: ['contact_cost', 'incentive_cost'] as Unavailable[] }),
    currency: typeof summary.currency === 'string' ? summary.currency : loaded.setup.config.model.currencySymbol,
    notes: [...s.warnings, ...asOf.notes, ...permission.notes, ...prices.notes],
  });
}

/** Reports what a campaign directory allows: listed customers, exclusions, decisions; names what is missing. */
export async function reportFromCampaignDir(dir: string, label: string, loaded: LoadedPlanSetup, asOfGiven: boolean, outlierShare?: number): Promise<Report> {
  const summary = await readRunSummary(dir, label);
  if (summary.command !== 'campaign') throw new DataError(messages(loaded.setup.lang).report.notCampaignManifest(label));
  await checkRunOutputs(dir, label, summary);
  const counts = (summary.counts ?? {}) as { listed?: number; lists?: Record<string, number>; excluded?: Record<string, number> };
  const asOf = runAsOf(String(summary.as_of ?? ''), loaded, asOfGiven, label);
  const prices = runPrices(summary, loaded, label);
  const periodDays = Number((summary.period as { days?: unknown } | undefined)?.days);
  const acc = createReport(asOf.day, { ...reportOptions(loaded, outlierShare), ...(Number.isInteger(periodDays) && periodDays > 0 ? { periodDays } : {}) });
  const itemCtx = itemContext(loaded.setup, asOf.day, loaded.setup.config.permission, prices.prices);
  // Listed customers passed the permission check of that run; the lists lack the consent columns to re-check it.
  for await (const { row, facts } of readCampaignLists(dir, label)) addToReport(acc, { ...reportItem(row, facts, itemCtx), blocked: null });
  const excluded = counts.excluded ?? {};
  const accepted = Number(summary.accepted ?? 0);
  const report = finishReport(acc, {
    source: { kind: 'campaign', label },
    rows: { read: Number((summary.input as { rows?: number } | undefined)?.rows ?? 0), accepted, rejected: Number(summary.rejected ?? 0) },
    notes: [
      ...readSavedWarnings(loaded.setup.lang, summary.warnings, summary.warning_keys),
      ...asOf.notes,
      campaignNote(loaded, String(summary.campaign_id ?? ''), counts.listed ?? acc.totals.count, excluded),
      ...prices.notes,
    ],
    // The lists carry neither the value at stake nor the chance of return (which the expected incentive needs).
    unavailable: prices.prices ? ['value_at_stake', 'incentive_cost'] : ['value_at_stake', 'contact_cost', 'incentive_cost'],
    currency: loaded.setup.config.model.currencySymbol,
    missing: CAMPAIGN_GAPS,
  });
  // Suppressed customers are `never` in the plan the campaign ran (permission is decided before value).
  const never = (excluded.never ?? 0) + (excluded.suppressed ?? 0);
  // Customers who came back (--outcomes) were excluded before any decision: they are customers again, not to be won back.
  const returned = excluded.returned ?? 0;
  // A customer left without a channel by an objector's contact point is excluded as objector_contact: no channel, as the plan has it.
  const noChannel = (excluded.no_channel ?? 0) + (excluded.objector_contact ?? 0);
  const notWinBack = (excluded.let_go ?? 0) + (excluded.review ?? 0) + never + noChannel + returned;
  // Every accepted customer is either listed or excluded once; non-win-back decisions are exclusion reasons of their own.
  report.decisions = {
    win_back: accepted - notWinBack, review: excluded.review ?? 0, no_channel: noChannel, let_go: excluded.let_go ?? 0, never,
  };
  if (returned > 0) report.returned = returned;
  report.funnel = campaignFunnel(report, accepted, excluded);
  return report;
}

/** The campaign's line among the notes: listed customers and exclusions by reason, in the run's language. */
function campaignNote(loaded: LoadedPlanSetup, id: string, listed: number, excluded: Record<string, number>): string {
  const { lang } = loaded.setup;
  const L = messages(lang).report.words;
  const name = messages(lang).names.exclusion;
  const parts = Object.entries(excluded).map(([k, v]) => `${name(k)} ${v}`).join(', ');
  return L.campaignNote(id, String(listed), parts || L.noneExcluded);
}

/**
 * The funnel from a campaign's counts: every accepted customer is listed or excluded once,
 * in the order selectForCampaign decides. Money only where the lists hold it: the expected
 * value of the listed customers.
 */
function campaignFunnel(report: Report, accepted: number, excluded: Record<string, number>): Report['funnel'] {
  const n = (k: string) => excluded[k] ?? 0;
  const worth = accepted - n('let_go') - n('never') - n('suppressed') - n('review') - n('returned');
  // objector_contact: no channel left but ones at another customer's objector point (the permission verdict closed them).
  const contactable = worth - n('no_channel') - n('no_permission') - n('objector_contact');
  // Past the not_due check: listed, held out as control, over capacity, or a shared address.
  const listed = report.totals.customers;
  const due = listed + n('control') + n('over_capacity') + n('shared_contact');
  const step = (s: FunnelLine['step'], count: number): FunnelLine => ({ step: s, count, value_at_stake: null, expected_value: null });
  const held = ['no_channel', 'objector_contact', 'no_permission', 'max_attempts', 'too_soon', 'serial_defector'].filter((k) => n(k) > 0);
  return {
    period: report.funnel.period,
    steps: [step('lost', accepted), step('worth', worth), step('contactable', contactable), step('due', due), { ...step('listed', listed), expected_value: report.money.expected_profit }],
    unreachable: Object.fromEntries(held.map((k) => [k, n(k)])),
  };
}

const CAMPAIGN_GAPS = [
  { section: 'money', why: 'the lists carry neither the value at stake nor the chance of return, which the expected incentive cost and the return on spend need' },
  { section: 'reasons', why: 'only listed customers are counted: excluded.csv carries no reason code, the lists no value at stake' },
  { section: 'segments', why: 'the campaign lists do not carry the segment' },
  { section: 'calendar', why: 'the lists hold only customers due in this period; report on the export or the plan directory for 12 weeks' },
  { section: 'switching', why: 'the lists carry neither complaints, competitor nor tenure' },
  { section: 'quality', why: 'the lists carry no margins, warnings or consent columns to check' },
];

function reportOptions(loaded: LoadedPlanSetup, outlierShare: number | undefined): { periodDays: number; outlierShare?: number } {
  return { periodDays: loaded.setup.config.campaign.periodDays, ...(outlierShare !== undefined ? { outlierShare } : {}) };
}

// Costs per customer come from the playbook's prices: only the run's own playbook gives the run's costs.
function runPrices(summary: Record<string, unknown>, loaded: LoadedPlanSetup, label: string): { prices?: CostPrices; notes: string[] } {
  const recorded = (summary.playbook as { sha256?: unknown } | undefined)?.sha256;
  if (recorded === loaded.sources.playbookSha256) return { prices: loaded.setup.playbook, notes: [] };
  return { notes: [messages(loaded.setup.lang).report.words.otherPlaybook(label)] };
}

// Keeps only the figures an older summary.json has.
function optional<T extends Record<string, number | undefined>>(figures: T): Partial<Record<keyof T, number>> {
  return Object.fromEntries(Object.entries(figures).filter(([, v]) => typeof v === 'number')) as Partial<Record<keyof T, number>>;
}

// Channels were chosen under the plan run's permission settings: re-check with those, not today's config.
function runPermission(recorded: unknown, loaded: LoadedPlanSetup, label: string): { config: PermissionConfig; notes: string[] } {
  if (recorded === undefined) {
    return { config: loaded.setup.config.permission, notes: [messages(loaded.setup.lang).report.words.noPermissionRecord(label)] };
  }
  const config = parsePermissionConfig(recorded);
  const t = messages(loaded.setup.lang).report;
  if (config === undefined) throw new DataError(t.notPermissionSettings(label), t.planAgainHint);
  return { config, notes: [] };
}

// Contact windows were computed from the run's as-of date: use it unless --as-of says otherwise.
function runAsOf(runDate: string, loaded: LoadedPlanSetup, asOfGiven: boolean, label: string): { day: EpochDay; notes: string[] } {
  const run = parseIsoDay(runDate);
  if (asOfGiven || run === undefined) {
    const notes = run !== undefined && run !== loaded.setup.asOf ? [messages(loaded.setup.lang).report.words.otherAsOf(label, formatIsoText(runDate, loaded.setup.lang), formatIsoText(formatIsoDay(loaded.setup.asOf), loaded.setup.lang))] : [];
    return { day: loaded.setup.asOf, notes };
  }
  return { day: run, notes: [] };
}

interface PlanSummaryFields {
  as_of: string; input_rows: number; accepted: number; rejected: number;
  reasons: Record<string, MoneySums & Partial<PlanMoneyTotals>>; value_at_stake_total: number; expected_value_total: number; warnings: string[];
  /** written by winback versions that state the plan's cost */
  value_at_stake_win_back_total?: number; contact_cost_total?: number; incentive_cost_total?: number;
}

function planSummaryFields(s: Record<string, unknown>, label: string, lang: Lang): PlanSummaryFields {
  const numbers = ['input_rows', 'accepted', 'rejected', 'value_at_stake_total', 'expected_value_total'];
  const bad = numbers.filter((k) => typeof s[k] !== 'number');
  if (bad.length > 0 || typeof s.reasons !== 'object' || s.reasons === null || typeof s.as_of !== 'string') {
    const t = messages(lang).report;
    throw new DataError(t.notPlanSummary(label, bad.length > 0 ? bad.join(', ') : undefined), t.planAgainHint);
  }
  return { ...(s as unknown as PlanSummaryFields), warnings: readSavedWarnings(lang, s.warnings, s.warning_keys) };
}
