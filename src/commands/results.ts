import { resolve } from 'node:path';
import type { Context } from '../io/context.js';
import { parseMap, parseReadFlags, type RawReadFlags } from '../cli/options.js';
import { formatIsoDay } from '../domain/dates.js';
import { LOST_CUSTOMER_FIELDS, LOST_CUSTOMER_SCHEMA, OUTCOMES_SCHEMA } from '../domain/read/fields.js';
import type { Attempt } from '../domain/results/results.js';
import type { CustomerRow } from '../domain/types.js';
import { DataError, ExitCode, UsageError } from '../errors.js';
import { checkOutcomesRejects } from '../pipeline/plan-setup.js';
import { customerKey } from '../domain/campaign/customer-key.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { ReadOptions } from '../io/csv/read.js';
import { openExport } from '../io/open-export.js';
import type { CsvFormat } from '../io/csv/write.js';
import { openTableOutput } from '../io/table-output.js';
import { resolveOutputFormat, type RawOutputFlags } from '../cli/output-format.js';
import { loadResults } from '../io/results/load.js';
import { HISTORY_OUT_COLUMNS, historyValues, renderResults, reportJson } from '../io/results/output.js';
import { loadPlanSetup } from '../pipeline/plan-setup.js';
import { planOptions, type PlanFlags } from '../cli/plan-options.js';
import { VERSION } from '../version.js';
import { renderTable, styler, truncate } from '../io/render.js';
import { resolveLang } from '../cli/lang.js';
import { keyedError, formatIsoText, formatWhole, messages, noteOf } from '../domain/catalogue/index.js';

export interface ResultsFlags extends PlanFlags, RawReadFlags, RawOutputFlags {
  ledger?: string;
  outcomes?: string;
  window?: string;
  json?: boolean;
  html?: string;
  historyOut?: string;
  export?: string;
  quiet?: boolean;
}

/** `winback results`: regain KPIs of the contacted and control groups from the ledger and the returns. */
export async function runResults(ctx: Context, flags: ResultsFlags): Promise<number> {
  const early = resolveLang(flags.lang, ctx.env);
  const say = messages(early).results;
  if (!flags.ledger || !flags.outcomes) throw new UsageError(say.required, say.requiredHint);
  if (flags.historyOut && !flags.export) throw new UsageError(say.historyNeedsExport, say.historyNeedsExportHint);
  const names = [...new Set([...LOST_CUSTOMER_FIELDS, ...OUTCOMES_SCHEMA.fields].map((f) => f.name))];
  // --map outcomes:field=Header or export:field=Header maps in that file only; without a prefix, in both.
  const byFile = splitMapByFile(flags.map ?? []);
  const { read } = parseReadFlags({ ...flags, map: byFile.both }, names, early);
  const outcomesOnly = parseMap(byFile.outcomes, OUTCOMES_SCHEMA.fields.map((f) => f.name), early);
  const exportOnly = parseMap(byFile.export, LOST_CUSTOMER_FIELDS.map((f) => f.name), early);
  const { map: _map, ...planFlags } = flags;
  const loaded = await loadPlanSetup(ctx, planOptions(ctx, planFlags));
  const { asOf, playbook, config, lang } = loaded.setup;
  const t = messages(lang).results;
  const windowDays = parseWindow(flags.window, config.campaign.attributionWindowDays);
  const mapFor = (fields: readonly { name: string }[], only: Record<string, string>) => pick({ ...loaded.read.map, ...read.map, ...only }, fields.map((f) => f.name));
  const { attempts, historyAttempts, report, ledger, outcomesRead } = await loadResults(resolve(ctx.cwd, flags.ledger), flags.ledger, flags.outcomes, { ...loaded.read, map: mapFor(OUTCOMES_SCHEMA.fields, outcomesOnly) }, ctx, {
    asOf, windowDays, channelCosts: playbook.channelCosts, offers: playbook.offers, defaultMarginPercent: config.model.defaultMarginPercent,
  });
  // A broken outcomes file (nothing accepted, more rejected than the limit) changes nothing: no history, no page.
  checkOutcomesRejects(outcomesRead, loaded.rejectLimit, lang);
  const warnings = [...outcomesRead.opened.warnings, ...report.warnings];
  if (outcomesRead.rejects.length > 0) warnings.push(t.rejectedOutcomes(outcomesRead.rejects.length));
  const inLedger = new Set(ledger.entries.map((e) => customerKey(e.customer_id)));
  const strangers = [...outcomesRead.outcomes].filter(([id]) => !inLedger.has(customerKey(id)));
  // Not one customer of the outcomes in the ledger: another programme's file, or the ids in another column.
  // Written as it is, every attempt would read as not regained, and calibrate would learn that contacts never work.
  if (strangers.length > 0 && strangers.length === outcomesRead.outcomes.size && ledger.entries.length > 0) {
    throw new DataError(t.noneInLedger(outcomesRead.opened.label, strangers.length), t.noneInLedgerHint);
  }
  if (strangers.length > 0) warnings.push(t.notInLedger(strangers.length, strangers.reduce((n, [, list]) => n + list.length, 0)));
  if (flags.historyOut) {
    const exportRead = { ...loaded.read, map: mapFor(LOST_CUSTOMER_FIELDS, exportOnly) };
    const fmt = resolveOutputFormat(flags, config.output).csv;
    const written = await writeHistory(ctx, flags.export as string, exportRead, historyAttempts, flags.historyOut, asOf, fmt);
    if (written.missing > 0) warnings.push(t.missingInExport(written.missing, flags.export as string, flags.historyOut));
  }
  const meta = { asOf: formatIsoDay(asOf), windowDays };
  const { stats } = outcomesRead.opened;
  if (flags.html) {
    const { renderResultsHtml } = await import('../io/results/html.js');
    const reasonLabels = { ...Object.fromEntries(playbook.reasons.map((r) => [r.code, r.label[lang]])), retention: messages(lang).report.retentionRow };
    const page = renderResultsHtml(report, {
      asOf, windowDays, ledger: { file: flags.ledger, entries: ledger.entries.length },
      outcomes: { file: outcomesRead.opened.label, rows: stats.read, rejected: outcomesRead.rejects.length },
    }, { lang, currency: config.model.currencySymbol, reasonLabels });
    await writeFileAtomic(resolve(ctx.cwd, flags.html), page);
  }
  const contacted = attempts.filter((a) => a.group === 'contacted').length;
  if (flags.historyOut === '-' || (flags.quiet && !flags.json)) {
    // The history is stdout, or nothing is to be printed: the tables would only spoil it.
  } else if (flags.json) {
    const doc = {
      tool: 'winback', version: VERSION, command: 'results', as_of: meta.asOf, window_days: windowDays,
      ci: { method: 'newcombe-wilson-hybrid', level: 0.95 },
      ledger: { file: flags.ledger, entries: ledger.entries.length, sha256: ledger.sha256 },
      outcomes: { file: outcomesRead.opened.label, sha256: stats.sha256, rows: stats.read, accepted: stats.read - outcomesRead.rejects.length, rejected: outcomesRead.rejects.length },
      ...reportJson(report), warnings, rejects: outcomesRead.rejects.slice(0, 20),
    };
    ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    const n = (v: number) => (lang === 'en' ? String(v) : formatWhole(v, lang));
    const head = t.head(formatIsoText(meta.asOf, lang), windowDays, n(attempts.length), n(contacted), n(attempts.length - contacted), n(stats.read), n(outcomesRead.rejects.length));
    // The retention track's contacts under its own word, as the report names them.
    const labels = new Map([...playbook.reasons.map((r) => [r.code, r.label[lang]] as const), ['retention', messages(lang).report.retentionRow] as const]);
    ctx.stdout.write(renderResults(report, head, ctx.color, lang, labels));
    // The rejected outcome rows with their line, column, value and problem, as inspect lists them.
    const shown = outcomesRead.rejects.slice(0, SHOWN_REJECTS);
    if (shown.length > 0) {
      const it = messages(lang).inspect;
      ctx.stdout.write(`\n${styler(ctx.color).bold(it.firstRejects(shown.length, outcomesRead.rejects.length))}\n`);
      ctx.stdout.write(`${renderTable(it.rejectColumns, shown.map((j) => [j.line, j.column, truncate(j.value, 40), truncate(j.error, 200)]), { color: ctx.color })}\n`);
    }
  }
  for (const w of warnings) ctx.stderr.write(`${messages(lang).common.warning}: ${w}\n`);
  return ExitCode.ok;
}

/** How many rejected outcome rows the terminal lists (--json gives 20). */
const SHOWN_REJECTS = 10;

/** Writes the attempts (contacted and control) with their outcomes and the customers' export columns, for calibrate. */
async function writeHistory(ctx: Context, exportFile: string, read: ReadOptions, attempts: readonly Attempt[], target: string, asOf: number, fmt: CsvFormat) {
  // The same customer key as campaign's ledger: case, dashes and leading zeros aside ("00123" is "123").
  const wanted = new Map(attempts.map((a) => [customerKey(a.customer_id), a]));
  const first = await openExport(exportFile, LOST_CUSTOMER_SCHEMA, { ...read, reread: true }, ctx);
  try {
    let made = await historyRows(first, wanted, asOf, fmt.decimal);
    // A duplicated id that a later row decides: read again with the resolution, as plan does.
    if (first.duplicates?.rerun) {
      const again = await openExport(first.stdinCopy?.path ?? exportFile, LOST_CUSTOMER_SCHEMA, { ...read, duplicates: first.duplicates.resolution() }, ctx, first.label);
      made = await historyRows(again, wanted, asOf, fmt.decimal);
    }
    const out = await openTableOutput(ctx, target, HISTORY_OUT_COLUMNS, fmt, messages(first.lang).names.sheet('history'));
    try {
      for (const r of made.rows) await out.row(r);
      await out.commit();
    } catch (err) {
      await out.abort();
      throw err;
    }
    return { written: made.rows.length, missing: wanted.size - made.found };
  } finally {
    await first.stdinCopy?.remove();
  }
}

/** The history rows of the contacted customers found in the export. */
async function historyRows(opened: Awaited<ReturnType<typeof openExport>>, wanted: Map<string, Attempt>, asOf: number, decimal: CsvFormat['decimal']) {
  const rows: unknown[][] = [];
  const found = new Set<string>();
  for await (const ev of opened.rows()) {
    if (!ev.ok) continue;
    const row = { ...ev.values, line: ev.line, warnings: ev.warnings } as unknown as CustomerRow;
    const key = customerKey(row.customer_id);
    const attempt = wanted.get(key);
    if (!attempt || found.has(key)) continue;
    found.add(key);
    rows.push(historyValues(attempt, row, asOf, decimal));
  }
  return { rows, found: found.size };
}

function splitMapByFile(pairs: readonly string[]): { both: string[]; outcomes: string[]; export: string[] } {
  const out = { both: [] as string[], outcomes: [] as string[], export: [] as string[] };
  for (const pair of pairs) {
    const m = /^(outcomes|export):(.*)$/.exec(pair);
    if (m) out[m[1] as 'outcomes' | 'export'].push(m[2] as string);
    else out.both.push(pair);
  }
  return out;
}

function pick(map: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(map).filter(([field]) => names.includes(field)));
}

/** Parses --window as days or weeks (90d, 12w, 90). */
export function parseWindow(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const m = /^(\d+)\s*([dw]?)$/i.exec(text.trim());
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : NaN;
  if (!Number.isInteger(days) || days > 3660) throw keyedError((m) => new UsageError(m), noteOf('results', { key: 'window', args: [text] }));
  return days;
}
