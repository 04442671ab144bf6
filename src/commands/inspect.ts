import type { Context } from '../io/context.js';
import { parseReadFlags, resolveAsOf, type RawReadFlags } from '../cli/options.js';
import { formatIsoDay } from '../domain/dates.js';
import { LOST_CUSTOMER_SCHEMA } from '../domain/read/fields.js';
import { currencyCode } from '../domain/parse/number.js';
import type { Reject } from '../domain/types.js';
import { ExitCode } from '../errors.js';
import { loadConfig } from '../io/config-file.js';
import type { OpenedExport } from '../io/csv/read.js';
import { openExport } from '../io/open-export.js';
import { currentTableWidth, renderTable, styler, truncate } from '../io/render.js';
import { rejectProblem } from '../pipeline/plan-setup.js';
import { resolveRejectLimit } from '../cli/plan-options.js';
import { resolveLang } from '../cli/lang.js';
import { formatWhole, messages, say, type Lang } from '../domain/catalogue/index.js';
import type { Decided } from '../io/csv/sniff.js';

export interface InspectFlags extends RawReadFlags {
  json?: boolean;
  asOf?: string;
  config?: string;
  lang?: string;
}

interface InspectReport {
  file: string;
  /** the worksheet read, for an Excel workbook */
  sheet?: string;
  encoding: string;
  bom: boolean;
  delimiter: string;
  decimal: string;
  date_order: string;
  decided: Record<string, string>;
  mapping: { field: string; header: string }[];
  unmapped: string[];
  rows: { read: number; accepted: number; rejected: number; blank_lines: number };
  rejects: Reject[];
  samples: Record<string, unknown>[];
  warnings: string[];
  /** why the file cannot be planned on: damage (NUL bytes, cut off), no row accepted, too many rejects */
  problems: string[];
  usable: boolean;
}

const SHOWN_REJECTS = 10;
const SHOWN_SAMPLES = 3;

/**
 * `winback inspect`: shows what the tool understood of an export. The diagnostic command: a
 * damaged file (NUL bytes, cut off) is read to its end and reported, where the planning
 * commands stop; the exit code is 65 whenever they would refuse the file.
 */
export async function runInspect(ctx: Context, file: string, flags: InspectFlags): Promise<number> {
  const early = resolveLang(flags.lang, ctx.env);
  const { read, maxRejectRate } = parseReadFlags(flags, undefined, early);
  const asOf = resolveAsOf(flags.asOf, ctx.env, ctx.now, early);
  const cfg = await loadConfig(flags.config ?? ctx.env.WINBACK_CONFIG, ctx.cwd, early);
  const lang = resolveLang(flags.lang, ctx.env, cfg.config.lang);
  const currency = currencyCode(cfg.config.model.currencySymbol);
  const readOpts = { ...read, map: { ...cfg.config.map, ...read.map }, asOf, currency, lang, diagnose: true, objectionPhrases: cfg.config.permission.extraObjectionPhrases };
  const first = await openExport(file, LOST_CUSTOMER_SCHEMA, { ...readOpts, reread: true }, ctx);
  let opened = first;
  let report: InspectReport;
  try {
    report = await collectReport(first);
    // Rows with one id where a later row decides: read again with the resolution, as plan does.
    if (first.duplicates?.rerun) {
      opened = await openExport(first.stdinCopy?.path ?? file, LOST_CUSTOMER_SCHEMA, { ...readOpts, duplicates: first.duplicates.resolution() }, ctx, first.label);
      report = await collectReport(opened);
    }
  } finally {
    await first.stdinCopy?.remove();
  }
  const limit = resolveRejectLimit(maxRejectRate, ctx.env, cfg.config);
  const refused = rejectProblem(opened.label, opened.stats, limit, lang);
  report.problems = [...opened.damage, ...(refused !== undefined ? [refused] : [])];
  report.usable = report.problems.length === 0;
  ctx.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report, ctx.color, lang, opened.dialect.decided));
  return report.usable ? ExitCode.ok : ExitCode.data;
}

async function collectReport(opened: OpenedExport): Promise<InspectReport> {
  const rejects: Reject[] = [];
  const samples: Record<string, unknown>[] = [];
  const warnings = [...opened.warnings];
  for await (const row of opened.rows()) {
    if (!row.ok) {
      if (rejects.length < SHOWN_REJECTS) rejects.push(row.reject);
    } else if (samples.length < SHOWN_SAMPLES) {
      samples.push({ line: row.line, ...readable(row.values) });
    }
  }
  const { dialect, stats, headers, mapping } = opened;
  return {
    file: opened.label,
    ...('sheet' in dialect ? { sheet: String(dialect.sheet) } : {}),
    encoding: dialect.encoding,
    bom: dialect.bom,
    delimiter: dialect.delimiter,
    decimal: dialect.decimal,
    date_order: dialect.dateOrder,
    decided: Object.fromEntries(Object.entries(dialect.decided).map(([k, how]) => [k, say('en', 'decided', how)])),
    mapping: [...mapping.fields].map(([field, i]) => ({ field, header: headers[i] as string })),
    // A blank header by its number, as --map names it (notes=#13).
    unmapped: mapping.unmapped.map((i) => ((headers[i] as string).trim() === '' ? `#${i + 1}` : (headers[i] as string))),
    rows: { read: stats.read, accepted: stats.accepted, rejected: stats.rejected, blank_lines: stats.blankLines },
    rejects,
    samples,
    warnings,
    problems: [],
    usable: true,
  };
}

const DATE_FIELDS = new Set(LOST_CUSTOMER_SCHEMA.fields.filter((f) => f.type === 'date').map((f) => f.name));

/** Values as a person reads them: dates as YYYY-MM-DD rather than day numbers. */
function readable(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A row holds every mapped field; those its cells left empty are undefined and not shown.
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = DATE_FIELDS.has(k) && typeof v === 'number' ? formatIsoDay(v) : v;
  return out;
}

const ENCODING_NAMES: Record<string, string> = { utf8: 'UTF-8', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE', win1252: 'Windows-1252', latin1: 'Latin-1' };

function renderReport(r: InspectReport, color: boolean, lang: Lang, decided: Record<string, Decided>): string {
  const c = styler(color);
  const t = messages(lang).inspect;
  const how = (setting: string) => (decided[setting] === undefined ? '' : say(lang, 'decided', decided[setting]));
  const delim = r.delimiter === '\t' ? t.tab : `'${r.delimiter}'`;
  const label = (text: string) => c.bold(text.padEnd(LABEL_WIDTH[lang]));
  const format = r.sheet !== undefined
    ? [`${label(t.workbook)}${t.workbookValue(r.sheet)}`]
    : [
      `${label(t.encoding)}${ENCODING_NAMES[r.encoding] ?? r.encoding}${r.bom ? t.withBom : ''} (${how('encoding')})`,
      `${label(t.delimiter)}${delim} (${how('delimiter')})`,
    ];
  const lines = [
    `${label(t.file)}${r.file}`,
    ...format,
    `${label(t.decimal)}'${r.decimal}' (${how('decimal')})`,
    `${label(t.dates)}${t.order(r.date_order)} (${how('dateOrder')})`,
    `${label(t.rowsLabel)}${t.rows(formatWhole(r.rows.read, lang), formatWhole(r.rows.accepted, lang), formatWhole(r.rows.rejected, lang), r.rows.blank_lines)}`,
    '',
    c.bold(t.mapping),
    renderTable(t.mappingColumns, r.mapping.map((m) => [m.field, m.header]), { color }),
    t.passedThrough(r.unmapped.length > 0 ? r.unmapped.join(', ') : t.none),
  ];
  if (r.rejects.length > 0) {
    lines.push('', c.bold(t.firstRejects(r.rejects.length, r.rows.rejected)));
    lines.push(renderTable(t.rejectColumns, r.rejects.map((j) => [j.line, j.column, truncate(j.value, 40), truncate(j.error, 200)]), { color }));
  }
  if (r.samples.length > 0) {
    lines.push('', c.bold(t.samples));
    for (const s of r.samples) lines.push(`  ${truncate(JSON.stringify(s), currentTableWidth() - 2)}`);
  }
  for (const w of r.warnings) lines.push(c.yellow(`${messages(lang).common.warning}: ${w}`));
  for (const p of r.problems) lines.push(c.red(t.notUsable(p)));
  return `${lines.join('\n')}\n`;
}

// The labels' column: 11 characters as before in English, wider for the German words.
const LABEL_WIDTH: Record<Lang, number> = { en: 11, de: 16 };
