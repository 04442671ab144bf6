/**
 * The report's "change since the last run" (--previous): the headline figures, decisions and
 * customers per reason before and now, and in words whether the two runs had the same as-of
 * date and input. Rows are shared by the HTML page and the terminal.
 */
import type { FigureChange, ReportChanges } from '../../domain/report/changes.js';
import type { Report } from '../../domain/report/finish.js';
import { formatCurrency, formatDate, formatDecimal, type ReportLabels, type Lang } from '../../domain/catalogue/index.js';
import { esc } from './svg.js';

interface Ctx { r: Report; L: ReportLabels; lang: Lang; reason: (code: string) => string }

/** What the comparison is worth, in words: as-of dates and inputs. */
export function changesCaveats(c: ReportChanges, L: ReportLabels, lang: Lang): string[] {
  const out = [c.same_as_of ? L.changesSameAsOf : L.changesAsOf(formatDate(c.previous.as_of, lang), formatDate(c.current.as_of, lang))];
  if (c.same_input === null) out.push(L.changesInputUnknown);
  else if (c.same_input) out.push(L.changesInputSame);
  else out.push(L.changesInputOther(c.previous.input_file ?? c.previous.source, c.current.input_file ?? c.current.source));
  return out;
}

const MONEY = new Set(['expected_profit', 'cost', 'value_at_stake_all']);

/** name, previous, now, change as text; money with the currency, counts whole, changes signed. */
export function changeRows(lines: FigureChange<string>[], name: (k: string) => string, lang: Lang, currency: string): string[][] {
  return lines.map((x) => {
    const fmt = (v: number | null, signed = false) => {
      if (v === null) return '';
      const sign = signed && v > 0 ? '+' : '';
      if (MONEY.has(x.figure)) return sign + formatCurrency(v, lang, currency);
      if (x.figure === 'return_on_spend') return sign + formatDecimal(v, lang);
      return sign + String(v);
    };
    return [name(x.figure), fmt(x.previous), fmt(x.current), fmt(x.change, true)];
  });
}

export function changesSection({ r, L, lang, reason }: Ctx): string {
  const c = r.changes;
  if (c === undefined) return '';
  const cur = r.money.currency;
  const table = (id: string, title: string, head: string, rows: string[][]) => {
    const th = [head, L.previousHead, L.currentHead, L.changeHead].map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
    const body = rows.map((cells) => `<tr><th scope="row">${esc(cells[0] ?? '')}</th>${cells.slice(1).map((x) => `<td class="num">${esc(x)}</td>`).join('')}</tr>`).join('\n');
    return `<h3 id="${id}-title">${esc(title)}</h3><div class="scroll" role="region" aria-labelledby="${id}-title" tabindex="0"><table id="${id}"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
  };
  const headline = changeRows(c.headline.filter((x) => x.previous !== null || x.current !== null), (k) => L.figureNames[k] ?? k, lang, cur);
  const decisions = changeRows(c.decisions, (k) => L.decisions[k] ?? k, lang, cur);
  const reasons = changeRows(c.reasons, reason, lang, cur);
  const caveats = changesCaveats(c, L, lang).map((x) => `<li>${esc(x)}</li>`).join('');
  return `<section id="changes"><h2>${esc(L.changes)}</h2><p class="note">${esc(L.changesNote(c.previous.source, formatDate(c.previous.as_of, lang)))}</p><ul>${caveats}</ul>`
    + table('changes-headline', L.changes, L.figureHead, headline)
    + table('changes-decisions', L.changesDecisions, L.decision, decisions)
    + table('changes-reasons', L.changesReasons, L.reason, reasons)
    + '</section>';
}
