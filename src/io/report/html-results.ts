/**
 * The report's results section: the campaign's contacted and control groups, what returned,
 * and the lift over the control group per reason, with its 95 % interval — the figures of
 * `winback results` on the same ledger and returns.
 */
import { basename } from 'node:path';
import type { KpiJson } from '../../domain/results/json.js';
import type { ReportResults } from '../../domain/report/results.js';
import { formatCurrency, formatDate, formatPercent, type ReportLabels, type Lang } from '../../domain/catalogue/index.js';
import { esc } from './svg.js';

/** What the section reads of the report; `winback results --html` builds the same from its own figures. */
interface Ctx { r: { results?: ReportResults; money: { currency: string } }; L: ReportLabels; lang: Lang; reason: (code: string) => string }

/** Lift in percentage points with its interval, in the report's language: "+5.2 pp [1.1; 9.3]". */
export function formatLift(lift: KpiJson['lift'], L: ReportLabels, lang: Lang): string {
  if (lift === null) return '';
  const pp = (x: number) => {
    const text = (x * 100).toFixed(1);
    return lang === 'de' ? text.replace('.', ',') : text;
  };
  return `${lift.difference >= 0 ? '+' : ''}${pp(lift.difference)} ${L.pp} [${pp(lift.low)}; ${pp(lift.high)}]`;
}

const share = (x: number | null, lang: Lang) => (x === null ? '' : formatPercent(x, lang));

/** The results section: tiles (contacted, returned, lift) and the table per reason; '' without results. */
export function resultsSection({ r, L, lang, reason }: Ctx): string {
  const res = r.results;
  if (res === undefined) return '';
  const t = res.total;
  const cur = (v: number) => formatCurrency(v, lang, r.money.currency);
  const tiles: [string, string, string][] = [
    [L.funnelSteps.contacted ?? 'contacted', String(t.contacted.customers), `${L.funnelCost} ${cur(t.contacted.cost)}`],
    [L.funnelSteps.returned ?? 'returned', String(t.contacted.regained), `${L.returnedShare} ${share(t.contacted.regain_rate, lang)} · ${L.funnelMargin} ${cur(t.contacted.margin)}`],
  ];
  if (t.lift !== null) tiles.push([L.liftTile, formatLift(t.lift, L, lang), L.liftTileDef(share(t.contacted.regain_rate, lang), share(t.control.regain_rate, lang))]);
  const tileHtml = tiles.map(([k, v, def]) => `<div class="tile"><span class="k">${esc(k)}</span><span class="v">${esc(v)}</span><span class="def">${esc(def)}</span></div>`).join('');
  const head = [L.reason, L.contactedGroup, L.returnedShort, L.returnedShare, L.controlGroup, L.returnedShort, L.returnedShare, `${L.lift} (${L.liftInterval})`, L.incremental];
  const row = (name: string, k: KpiJson) => [
    name, String(k.contacted.customers), String(k.contacted.regained), share(k.contacted.regain_rate, lang),
    String(k.control.customers), String(k.control.regained), share(k.control.regain_rate, lang), formatLift(k.lift, L, lang),
    k.incremental_regained === null ? '' : k.incremental_regained.toFixed(1).replace('.', lang === 'de' ? ',' : '.'),
  ];
  const rows = [...res.by_reason.map((k) => row(reason(k.reason), k)), row(L.resultsTotal, t)];
  const th = head.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr><th scope="row">${esc(cells[0] ?? '')}</th>${cells.slice(1).map((c) => `<td class="num">${esc(c)}</td>`).join('')}</tr>`).join('\n');
  const table = `<div class="scroll" role="region" aria-label="${esc(L.results)}" tabindex="0"><table id="results-table"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
  const noControl = t.control.customers === 0 ? `<p class="note">${esc(L.noControl)}</p>` : '';
  // The files by their names: the folder they were read from (often a temporary or home folder) says
  // nothing to the reader and should not travel with a page that is passed on. --json keeps the paths.
  const note = L.resultsNote(formatDate(res.as_of, lang), res.window_days, basename(res.ledger.file), basename(res.outcomes.file));
  return `<section id="results"><h2>${esc(L.results)}</h2><p class="note">${esc(note)}</p><div class="tiles">${tileHtml}</div>${noControl}${table}</section>`;
}
