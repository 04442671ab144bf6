import type { Context } from '../io/context.js';
import { parseReadFlags, resolveAsOf, type RawReadFlags } from '../cli/options.js';
import { formatIsoDay } from '../domain/dates.js';
import { LOST_CUSTOMER_SCHEMA } from '../domain/fields.js';
import { currencyCode } from '../domain/parse/number.js';
import type { Reject } from '../domain/types.js';
import { ExitCode } from '../errors.js';
import { loadConfig } from '../io/config-file.js';
import type { OpenedExport } from '../io/csv-read.js';
import { openExport } from '../io/open-export.js';
import { currentTableWidth, renderTable, styler, truncate } from '../io/render.js';
import { rejectProblem, resolveRejectLimit } from '../pipeline/plan-setup.js';

export interface InspectFlags extends RawReadFlags {
  json?: boolean;
  asOf?: string;
  config?: string;
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
  const { read, maxRejectRate } = parseReadFlags(flags);
  const asOf = resolveAsOf(flags.asOf, ctx.env, ctx.now);
  const cfg = await loadConfig(flags.config ?? ctx.env.WINBACK_CONFIG, ctx.cwd);
  const currency = currencyCode(cfg.config.model.currencySymbol);
  const opened = await openExport(file, LOST_CUSTOMER_SCHEMA, { ...read, map: { ...cfg.config.map, ...read.map }, asOf, currency, diagnose: true }, ctx);
  const report = await collectReport(opened);
  const limit = resolveRejectLimit(maxRejectRate, ctx.env, cfg.config);
  const refused = rejectProblem(opened.label, opened.stats, limit);
  report.problems = [...opened.damage, ...(refused !== undefined ? [refused] : [])];
  report.usable = report.problems.length === 0;
  ctx.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report, ctx.color));
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
    decided: dialect.decided,
    mapping: [...mapping.fields].map(([field, i]) => ({ field, header: headers[i] as string })),
    unmapped: mapping.unmapped.map((i) => headers[i] as string),
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
  for (const [k, v] of Object.entries(values)) out[k] = DATE_FIELDS.has(k) && typeof v === 'number' ? formatIsoDay(v) : v;
  return out;
}

const ENCODING_NAMES: Record<string, string> = { utf8: 'UTF-8', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE', win1252: 'Windows-1252', latin1: 'Latin-1' };
const ORDER_NAMES: Record<string, string> = { dmy: 'day first (31.03.2024)', mdy: 'month first (3/31/2024)', ymd: 'year first (2024-03-31)' };

function renderReport(r: InspectReport, color: boolean): string {
  const c = styler(color);
  const delim = r.delimiter === '\t' ? 'tab' : `'${r.delimiter}'`;
  const format = r.sheet !== undefined
    ? [`${c.bold('Workbook')}   Excel (.xlsx), sheet '${r.sheet}'`]
    : [
      `${c.bold('Encoding')}   ${ENCODING_NAMES[r.encoding] ?? r.encoding}${r.bom ? ' with BOM' : ''} (${r.decided.encoding})`,
      `${c.bold('Delimiter')}  ${delim} (${r.decided.delimiter})`,
    ];
  const lines = [
    `${c.bold('File')}       ${r.file}`,
    ...format,
    `${c.bold('Decimal')}    '${r.decimal}' (${r.decided.decimal})`,
    `${c.bold('Dates')}      ${ORDER_NAMES[r.date_order]} (${r.decided.dateOrder})`,
    `${c.bold('Rows')}       ${r.rows.read} read = ${r.rows.accepted} accepted + ${r.rows.rejected} rejected${r.rows.blank_lines ? ` (${r.rows.blank_lines} blank lines skipped)` : ''}`,
    '',
    c.bold('Column mapping (field ← header)'),
    renderTable(['field', 'header'], r.mapping.map((m) => [m.field, m.header]), { color }),
    `Passed through unchanged: ${r.unmapped.length > 0 ? r.unmapped.join(', ') : '(none)'}`,
  ];
  if (r.rejects.length > 0) {
    lines.push('', c.bold(`First rejects (${r.rejects.length} of ${r.rows.rejected})`));
    lines.push(renderTable(['line', 'column', 'value', 'problem'], r.rejects.map((j) => [j.line, j.column, truncate(j.value, 40), truncate(j.error, 200)]), { color }));
  }
  if (r.samples.length > 0) {
    lines.push('', c.bold('Sample rows as read'));
    for (const s of r.samples) lines.push(`  ${truncate(JSON.stringify(s), currentTableWidth() - 2)}`);
  }
  for (const w of r.warnings) lines.push(c.yellow(`warning: ${w}`));
  for (const p of r.problems) lines.push(c.red(`not usable: ${p}`));
  return `${lines.join('\n')}\n`;
}
