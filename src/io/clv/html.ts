/**
 * `clv --html`: one self-contained page (inline CSS and SVG, no script, no external request)
 * with the pictures lifetimes users expect — the frequency–recency matrices of expected
 * purchases and of P(alive), calibration vs holdout purchases, and the lifecycle phases by
 * month of first purchase. Every chart has a title and a text alternative; cell values are
 * written in the cells, so no figure depends on colour.
 */
import type { ClvPictures } from '../../domain/clv/pictures.js';
import { COHORT_PHASES } from '../../domain/clv/pictures.js';
import type { ClvReport } from './render.js';
import { formatFixed, formatDate, formatMoney, type ReportLabels, type Lang, messages } from '../../domain/catalogue/index.js';
import { barChart, esc, htmlPage, open, type Pattern } from '../report/svg.js';

const INK = '#111827';
const EMPTY = '#f3f4f6';
/** Cell colours from light to mid blue; dark text stays above 4.5:1 on the darkest (test/io/clv-html.test.ts). */
const SCALE_LOW = [0xf1, 0xf5, 0xfb] as const;
const SCALE_HIGH = [0x6f, 0x95, 0xc8] as const;
/** Phase colours (each at least 3:1 on white) and patterns, so phases differ without colour too; their words are in the catalogue (catalogue/report.ts). */
export const PHASE_STYLE: Record<(typeof COHORT_PHASES)[number], { color: string; pattern: Pattern }> = {
  first_time_buyer: { color: '#6a3fb8', pattern: 'dots' },
  early_repeat: { color: '#2b5c9e', pattern: 'hatch' },
  core: { color: '#16794f', pattern: 'solid' },
  core_defector: { color: '#a15c00', pattern: 'cross' },
  lost: { color: '#7b8494', pattern: 'solid' },
};

export function cellColor(share: number): string {
  const t = Math.min(1, Math.max(0, share));
  return `#${SCALE_LOW.map((lo, k) => Math.round(lo + ((SCALE_HIGH[k] as number) - lo) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** Numbers and labels in the page's language: English as lifetimes users read them, German with decimal commas and German dates. */
interface Words { L: ReportLabels['clv']; lang: Lang; fixed: (v: number, digits: number) => string; count: (n: number) => string }

function wordsFor(lang: Lang): Words {
  return {
    L: messages(lang).report.words.clv, lang,
    fixed: (v, digits) => formatFixed(v, digits, lang),
    count: (n) => (lang === 'de' ? formatMoney(n, lang) : String(n)),
  };
}

/** A cohort label (2026-03, 2026-Q1, 2026) as the language writes it: 03.2026 and Q1 2026 in German. */
export function cohortLabel(label: string, lang: Lang): string {
  if (lang === 'en') return label;
  const m = /^(\d{4})-(\d{2}|Q\d)$/.exec(label);
  if (!m) return label;
  return (m[2] as string).startsWith('Q') ? `${m[2]} ${m[1]}` : `${m[2]}.${m[1]}`;
}

interface MatrixSpec { id: string; title: string; values: (number | null)[][]; pictures: ClvPictures; digits: number; max: number; period: string; w: Words }

/** A matrix: frequency rows (most purchases on top), recency columns, each cell's mean written in it. */
function matrix(spec: MatrixSpec): string {
  const { pictures: p, w: { L, fixed, count } } = spec;
  const cw = 66;
  const ch = 32;
  const ml = 58;
  const mt = 30;
  const rows = p.frequency.length;
  const cols = p.recency.length - 1;
  const w = ml + cols * cw + 8;
  const h = mt + rows * ch + 48;
  const colLabel = (j: number) => `${Math.round(p.recency[j] as number)}–${Math.round(p.recency[j + 1] as number)}`;
  const desc = p.frequency.map((f, i) => `${L.frequency} ${f}: ${Array.from({ length: cols }, (_, j) => {
    const v = spec.values[i]?.[j];
    return `${L.recency} ${colLabel(j)} ${v === null || v === undefined ? L.noCustomers : L.cellDesc(fixed(v, spec.digits), count(p.customers[i]?.[j] ?? 0))}`;
  }).join(', ')}`).join('; ');
  let out = open(spec.id, spec.title, desc, w, h);
  out += `<text x="${ml}" y="16" fill="${INK}">${esc(L.recencyAxis(L.unitsPlural[spec.period] ?? spec.period))}</text>`;
  for (let i = 0; i < rows; i++) {
    // The highest frequency on top, as in lifetimes' matrix plots.
    const row = rows - 1 - i;
    const y = mt + i * ch;
    out += `<text x="${ml - 8}" y="${y + 21}" text-anchor="end" fill="${INK}">${esc(p.frequency[row] ?? '')}</text>`;
    for (let j = 0; j < cols; j++) {
      const v = spec.values[row]?.[j] ?? null;
      const x = ml + j * cw;
      const n = p.customers[row]?.[j] ?? 0;
      const where = `${L.frequency} ${p.frequency[row]}, ${L.recency} ${colLabel(j)}`;
      const title = v === null ? `${where}: ${L.noCustomers}` : `${where}: ${L.cellTitle(fixed(v, spec.digits), count(n))}`;
      out += `<rect class="cell" x="${x}" y="${y}" width="${cw - 2}" height="${ch - 2}" fill="${v === null ? EMPTY : cellColor(spec.max > 0 ? v / spec.max : 0)}" stroke="#9ca3af" stroke-width="0.5"><title>${esc(title)}</title></rect>`;
      out += `<text x="${x + (cw - 2) / 2}" y="${y + 20}" text-anchor="middle" fill="${INK}">${v === null ? '–' : esc(fixed(v, spec.digits))}</text>`;
    }
  }
  const bottom = mt + rows * ch;
  for (let j = 0; j < cols; j++) out += `<text x="${ml + j * cw + (cw - 2) / 2}" y="${bottom + 16}" text-anchor="middle" fill="${INK}">${esc(colLabel(j))}</text>`;
  out += `<text x="${ml}" y="${bottom + 38}" fill="${INK}">${esc(L.frequencyAxis)}</text>`;
  return `${out}</svg>`;
}

function section(id: string, title: string, note: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2><p class="note">${esc(note)}</p><div class="figure" role="region" aria-label="${esc(title)}" tabindex="0">${body}</div></section>`;
}

function unavailable(id: string, title: string, note: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2><p class="note">${esc(note)}</p></section>`;
}

/** The page, in English or German (clv --lang, config, LANG). */
export function renderClvHtml(report: ClvReport, p: ClvPictures, lang: Lang = 'en'): string {
  const w = wordsFor(lang);
  const { L, fixed, count } = w;
  const period = report.period;
  const units = L.unitsPlural[period] ?? period;
  const horizon = report.clv.horizon_months;
  const date = (iso: string | null | undefined) => formatDate(iso ?? '', lang);
  const maxOf = (m: (number | null)[][]) => Math.max(0, ...m.flat().filter((v): v is number => v !== null));
  const phaseName = (ph: string) => L.phaseNames[ph] ?? ph;
  const sections = [
    section('matrix-purchases', L.purchases, L.purchasesNote(horizon),
      matrix({ id: 'chart-purchases', title: L.purchases, values: p.expectedPurchases, pictures: p, digits: 2, max: maxOf(p.expectedPurchases), period, w })),
    section('matrix-alive', L.alive, L.aliveNote,
      matrix({ id: 'chart-alive', title: L.alive, values: p.pAlive, pictures: p, digits: 2, max: 1, period, w })),
    p.calibration === null
      ? unavailable('holdout', L.holdout, L.holdoutMissing)
      : section('holdout', L.holdout, L.holdoutNote(n1(report.holdout?.periods ?? 0, lang), units, date(report.calibration_end)),
        barChart({
          id: 'chart-holdout', title: L.holdout,
          desc: p.calibration.map((g) => L.holdoutDesc(g.frequency, count(g.customers), fixed(g.actual, 2), fixed(g.predicted, 2))).join('; '),
          categories: p.calibration.map((g) => g.frequency),
          series: [
            { name: L.actual, color: '#2b5c9e', values: p.calibration.map((g) => g.actual) },
            { name: L.predicted, color: '#16794f', values: p.calibration.map((g) => g.predicted), pattern: 'hatch' },
          ],
          format: (v) => fixed(v, 2), height: 320,
        })),
    p.cohorts.length === 0
      ? unavailable('phases', L.phases, L.phasesMissing)
      : section('phases', L.phases, L.phasesNote(L.cohortUnits[p.cohortUnit] ?? p.cohortUnit, p.withoutFirstDay > 0 ? count(p.withoutFirstDay) : null),
        barChart({
          id: 'chart-phases', title: L.phases,
          desc: p.cohorts.map((c) => `${cohortLabel(c.label, lang)}: ${COHORT_PHASES.map((ph) => `${phaseName(ph)} ${count(c.phases[ph])}`).join(', ')}`).join('; '),
          categories: p.cohorts.map((c) => cohortLabel(c.label, lang)),
          series: COHORT_PHASES.map((ph) => ({ name: phaseName(ph), color: PHASE_STYLE[ph].color, pattern: PHASE_STYLE[ph].pattern, values: p.cohorts.map((c) => c.phases[ph]) })),
          stacked: true, format: (v) => count(Math.round(v)), rotateLabels: true, height: 380, width: 760,
        })),
  ];
  const model = report.purchase_model === 'pareto-nbd' ? 'Pareto/NBD' : 'BG/NBD';
  const meta = L.meta(report.input.file, count(report.data.customers), model, date(report.calibration_end), report.holdout_end ? date(report.holdout_end) : null, L.units[period] ?? period);
  return htmlPage({
    lang, title: L.title(date(report.calibration_end)), css: CSS,
    h1: L.h1, meta, main: sections.join('\n'), footer: L.footer,
  });
}

/** Periods with at most one decimal (4.3, 26). */
function n1(x: number, lang: Lang): string {
  const text = String(Math.round(x * 10) / 10);
  return lang === 'de' ? text.replace('.', ',') : text;
}

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1040px;padding:24px 28px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#fff}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:17px;margin:0 0 6px;color:#111827}
.meta,.note,footer{color:#5b6270;font-size:12.5px;margin:0 0 10px;overflow-wrap:anywhere}
@media (max-width:600px){body{padding:14px 12px}h1{font-size:21px}}
section{margin:26px 0;break-inside:avoid;page-break-inside:avoid}
.figure{overflow-x:auto}
.figure svg{display:block;max-width:100%;height:auto}
footer{margin-top:32px;border-top:1px solid #e5e7eb;padding-top:8px}
@page{size:A4;margin:14mm}
@media print{body{max-width:none;padding:0;font-size:11.5px}.figure{overflow:visible}section{margin:14px 0}}
`;
