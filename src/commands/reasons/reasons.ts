import { resolve } from 'node:path';
import type { Context } from '../../io/context.js';
import { parseReadFlags, takeRenamedFlags, type RawReadFlags } from '../../cli/options.js';
import { LOST_CUSTOMER_FIELDS, type Schema } from '../../domain/read/fields.js';
import { addReason, emptyReasonStats, summarizeReasons, type ReasonSummary } from '../../domain/reasons/stats.js';
import { classifyReason } from '../../domain/reasons/index.js';
import { vocabularyFor } from '../../domain/reasons/vocabulary.js';
import { ExitCode, UsageError } from '../../errors.js';
import { loadConfig } from '../../io/config-file.js';
import { openExport } from '../../io/open-export.js';
import type { ColumnSpec } from '../../io/csv/write.js';
import { openTableOutput } from '../../io/table-output.js';
import { resolveOutputFormat, type RawOutputFlags } from '../../cli/output-format.js';
import { loadPlaybook } from '../../io/playbook-file.js';
import { renderTable, styler, truncate } from '../../io/render.js';
import { checkRejectRate } from '../../pipeline/plan-setup.js';
import { resolveRejectLimit } from '../../cli/plan-options.js';
import { resolveLang } from '../../cli/lang.js';
import { formatFixed, formatWhole, messages, type Lang } from '../../domain/catalogue/index.js';
import type { Playbook } from '../../domain/playbook-types.js';

export interface ReasonsFlags extends RawReadFlags, RawOutputFlags {
  reasonsOut?: string;
  /** the old spelling of --reasons-out (takeRenamedFlags moves it) */
  out?: string;
  quiet?: boolean;
  learn?: string;
  json?: boolean;
  playbook?: string;
  config?: string;
  lang?: string;
}

/** Only an id and a reason (text or code) are needed to classify departures. */
const REASONS_SCHEMA: Schema = {
  kind: 'reason file',
  fields: LOST_CUSTOMER_FIELDS.filter((f) => f.name === 'customer_id' || f.name === 'reason' || f.name === 'reason_code'),
  required: [['customer_id'], ['reason', 'reason_code']],
  uniqueId: false,
};

const OUT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'reason_text', kind: 'text' },
  { name: 'reason_code', kind: 'text' },
  { name: 'reason_secondary', kind: 'text' },
  { name: 'reason_confidence', kind: 'ratio' },
  { name: 'reason_evidence', kind: 'text' },
  { name: 'note', kind: 'text' },
];

/** `winback reasons`: reason codes with counts and examples, and the texts left unclassified. */
export async function runReasons(ctx: Context, file: string | undefined, raw: ReasonsFlags): Promise<number> {
  // --out names a directory on every other command; the one table here has a name of its own.
  const flags = takeRenamedFlags(raw, [{ from: 'out', to: 'reasonsOut', old: '--out', now: '--reasons-out' }], ctx.stderr, resolveLang(raw.lang, ctx.env));
  const early = resolveLang(flags.lang, ctx.env);
  const say = messages(early).reasons;
  if (flags.learn !== undefined) {
    if (file !== undefined) throw new UsageError(say.learnWithFile, `winback reasons --learn ${flags.learn} --playbook my-playbook.yaml`);
    return (await import('./learn.js')).runReasonsLearn(ctx, flags.learn, flags);
  }
  if (file === undefined) throw new UsageError(say.needsFile, 'winback reasons lost-customers.csv');
  const { read, maxRejectRate } = parseReadFlags(flags, undefined, early);
  const cfg = await loadConfig(flags.config ?? ctx.env.WINBACK_CONFIG, ctx.cwd, early);
  const lang = resolveLang(flags.lang, ctx.env, cfg.config.lang);
  const t = messages(lang).reasons;
  const rejectLimit = resolveRejectLimit(maxRejectRate, ctx.env, cfg.config);
  const pb = await loadPlaybook(flags.playbook !== undefined ? resolve(ctx.cwd, flags.playbook) : cfg.config.playbook, lang);
  const vocabulary = vocabularyFor(pb.playbook);
  const opened = await openExport(file, REASONS_SCHEMA, { ...read, map: { ...cfg.config.map, ...read.map }, lang }, ctx);
  const fmt = resolveOutputFormat(flags, cfg.config.output).csv;
  const out = flags.reasonsOut ? await openTableOutput(ctx, flags.reasonsOut, OUT_COLUMNS, fmt, messages(lang).names.sheet('reasons')) : undefined;
  const stats = emptyReasonStats();
  try {
    await opened.eachRow((ev) => {
      if (!ev.ok) {
        // One output row per input row: a row that cannot be read says why.
        const j = ev.reject;
        return out?.row([j.customer_id, '', '', '', undefined, '', t.rejectedNote(j.line, j.error)]);
      }
      const text = ev.values.reason as string | undefined;
      const code = ev.values.reason_code as string | undefined;
      const r = classifyReason({ text, code }, vocabulary);
      addReason(stats, r, text ?? code ?? '', code);
      return out?.row([ev.values.customer_id, text ?? code ?? '', r.code, r.secondary, r.confidence, r.evidence, '']);
    });
    // A broken export (no row accepted, too many rejects) does not replace an earlier --reasons-out file.
    checkRejectRate(opened, rejectLimit, opened.stats.firstReject, true);
    await out?.commit();
  } catch (err) {
    await out?.abort();
    throw err;
  }
  const summary = summarizeReasons(stats, opened.stats);
  // With --reasons-out - the table is stdout; the summary would only spoil it.
  if (!out?.toStdout && !flags.quiet) ctx.stdout.write(flags.json ? `${JSON.stringify(summary, null, 2)}\n` : renderReasons(summary, ctx.color, lang, labelsOf(pb.playbook, lang)));
  if (summary.rejected > 0) ctx.stderr.write(`${messages(lang).common.warning}: ${t.rejectedWarning(summary.rejected, file)}\n`);
  return ExitCode.ok;
}

/** The playbook's label of every reason code in the language: the words a reader reads (--out and --json keep the codes). */
function labelsOf(playbook: Playbook, lang: Lang): Map<string, string> {
  return new Map(playbook.reasons.map((r) => [r.code, r.label[lang]]));
}

function renderReasons(s: ReasonSummary, color: boolean, lang: Lang, labels: Map<string, string>): string {
  const c = styler(color);
  const t = messages(lang).reasons;
  const pct = (share: number) => `${formatFixed(share * 100, 1, lang)} %`;
  const table = renderTable(
    t.columns,
    s.codes.map((r) => [labels.get(r.code) ?? r.code, r.count, pct(r.share), truncate(r.examples.join(' | '), 200)]),
    { color, align: ['left', 'right', 'right', 'left'] },
  );
  const lines = [t.head(formatWhole(s.classified + s.unclassified, lang), formatWhole(s.classified, lang), formatWhole(s.unclassified, lang)), table];
  if (s.unclassified_texts.length > 0) {
    lines.push('', c.bold(t.unclassifiedHead));
    lines.push(renderTable(t.countText, s.unclassified_texts.map((u) => [u.count, truncate(u.text, 200)]), { color, align: ['right', 'left'] }));
  }
  if (s.unknown_codes.length > 0) {
    lines.push('', c.bold(t.unknownCodesHead));
    lines.push(renderTable(t.countCode, s.unknown_codes.map((u) => [u.count, truncate(u.code, 66)]), { color, align: ['right', 'left'] }));
  }
  return `${lines.join('\n')}\n`;
}
