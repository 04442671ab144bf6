/**
 * `clv --html`: one self-contained page (inline CSS and SVG, no script, no external request)
 * with the pictures lifetimes users expect — the frequency–recency matrices of expected
 * purchases and of P(alive), calibration vs holdout purchases, and the lifecycle phases by
 * month of first purchase. Every chart has a title and a text alternative; cell values are
 * written in the cells, so no figure depends on colour.
 */
import type { ClvPictures } from '../domain/clv/pictures.js';
import { COHORT_PHASES } from '../domain/clv/pictures.js';
import type { ClvReport } from './clv-render.js';
import { barChart, esc, htmlPage, open, type Pattern } from './report-svg.js';

const INK = '#111827';
const EMPTY = '#f3f4f6';
/** Cell colours from light to mid blue; dark text stays above 4.5:1 on the darkest (test/io/clv-html.test.ts). */
const SCALE_LOW = [0xf1, 0xf5, 0xfb] as const;
const SCALE_HIGH = [0x6f, 0x95, 0xc8] as const;
/** Phase colours (each at least 3:1 on white) and patterns, so phases differ without colour too. */
export const PHASE_STYLE: Record<(typeof COHORT_PHASES)[number], { color: string; pattern: Pattern; label: string }> = {
  first_time_buyer: { color: '#6a3fb8', pattern: 'dots', label: 'first-time buyer' },
  early_repeat: { color: '#2b5c9e', pattern: 'hatch', label: 'early repeat buyer' },
  core: { color: '#16794f', pattern: 'solid', label: 'core customer' },
  core_defector: { color: '#a15c00', pattern: 'cross', label: 'core defector' },
  lost: { color: '#7b8494', pattern: 'solid', label: 'lost' },
};

export function cellColor(share: number): string {
  const t = Math.min(1, Math.max(0, share));
  return `#${SCALE_LOW.map((lo, k) => Math.round(lo + ((SCALE_HIGH[k] as number) - lo) * t).toString(16).padStart(2, '0')).join('')}`;
}

const n1 = (x: number) => String(Math.round(x * 10) / 10);

interface MatrixSpec { id: string; title: string; values: (number | null)[][]; pictures: ClvPictures; digits: number; max: number; period: string }

/** A matrix: frequency rows (most purchases on top), recency columns, each cell's mean written in it. */
function matrix(spec: MatrixSpec): string {
  const { pictures: p } = spec;
  const cw = 66;
  const ch = 32;
  const ml = 58;
  const mt = 30;
  const rows = p.frequency.length;
  const cols = p.recency.length - 1;
  const w = ml + cols * cw + 8;
  const h = mt + rows * ch + 48;
  const colLabel = (j: number) => `${Math.round(p.recency[j] as number)}–${Math.round(p.recency[j + 1] as number)}`;
  const desc = p.frequency.map((f, i) => `frequency ${f}: ${Array.from({ length: cols }, (_, j) => {
    const v = spec.values[i]?.[j];
    return `recency ${colLabel(j)} ${v === null || v === undefined ? 'no customers' : `${v.toFixed(spec.digits)} (${p.customers[i]?.[j] ?? 0} customers)`}`;
  }).join(', ')}`).join('; ');
  let out = open(spec.id, spec.title, desc, w, h);
  out += `<text x="${ml}" y="16" fill="${INK}">${esc(`recency (${spec.period}s, age at the last purchase) →`)}</text>`;
  for (let i = 0; i < rows; i++) {
    // The highest frequency on top, as in lifetimes' matrix plots.
    const row = rows - 1 - i;
    const y = mt + i * ch;
    out += `<text x="${ml - 8}" y="${y + 21}" text-anchor="end" fill="${INK}">${esc(p.frequency[row] ?? '')}</text>`;
    for (let j = 0; j < cols; j++) {
      const v = spec.values[row]?.[j] ?? null;
      const x = ml + j * cw;
      const count = p.customers[row]?.[j] ?? 0;
      const title = v === null ? `frequency ${p.frequency[row]}, recency ${colLabel(j)}: no customers` : `frequency ${p.frequency[row]}, recency ${colLabel(j)}: ${v.toFixed(spec.digits)}, ${count} customers`;
      out += `<rect class="cell" x="${x}" y="${y}" width="${cw - 2}" height="${ch - 2}" fill="${v === null ? EMPTY : cellColor(spec.max > 0 ? v / spec.max : 0)}" stroke="#9ca3af" stroke-width="0.5"><title>${esc(title)}</title></rect>`;
      out += `<text x="${x + (cw - 2) / 2}" y="${y + 20}" text-anchor="middle" fill="${INK}">${v === null ? '–' : esc(v.toFixed(spec.digits))}</text>`;
    }
  }
  const bottom = mt + rows * ch;
  for (let j = 0; j < cols; j++) out += `<text x="${ml + j * cw + (cw - 2) / 2}" y="${bottom + 16}" text-anchor="middle" fill="${INK}">${esc(colLabel(j))}</text>`;
  out += `<text x="${ml}" y="${bottom + 38}" fill="${INK}">${esc('↑ frequency (repeat purchases in the calibration period)')}</text>`;
  return `${out}</svg>`;
}

function section(id: string, title: string, note: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2><p class="note">${esc(note)}</p><div class="figure" role="region" aria-label="${esc(title)}" tabindex="0">${body}</div></section>`;
}

/** The page. */
export function renderClvHtml(report: ClvReport, p: ClvPictures): string {
  const period = report.period;
  const horizon = report.clv.horizon_months;
  const maxOf = (m: (number | null)[][]) => Math.max(0, ...m.flat().filter((v): v is number => v !== null));
  const sections = [
    section('matrix-purchases', 'Expected purchases by frequency and recency',
      `Mean expected purchases in the next ${horizon} months of the customers in each cell (customers.csv, expected_purchases); darker = more. Customers with many purchases and a recent last one buy most.`,
      matrix({ id: 'chart-purchases', title: 'Expected purchases by frequency and recency', values: p.expectedPurchases, pictures: p, digits: 2, max: maxOf(p.expectedPurchases), period })),
    section('matrix-alive', 'P(alive) by frequency and recency',
      'Mean probability that the customers in each cell still buy (customers.csv, p_alive); darker = more likely alive. A long silence after many purchases means a customer is probably gone.',
      matrix({ id: 'chart-alive', title: 'P(alive) by frequency and recency', values: p.pAlive, pictures: p, digits: 2, max: 1, period })),
    p.calibration === null
      ? `<section id="holdout"><h2>Calibration vs holdout purchases</h2><p class="note">${esc('Not available: no holdout period was given. Run winback clv with --holdout-end DATE (a period after --calibration-end) to compare forecast and actual purchases.')}</p></section>`
      : section('holdout', 'Calibration vs holdout purchases',
        `Mean purchase days in the holdout period (${n1(report.holdout?.periods ?? 0)} ${period}s after ${report.calibration_end ?? ''}) by repeat purchases in the calibration period: actual (customers.csv, holdout_purchases) and the model's forecast (predicted_holdout_purchases). Close bars mean the model forecasts well.`,
        barChart({
          id: 'chart-holdout', title: 'Calibration vs holdout purchases',
          desc: p.calibration.map((g) => `frequency ${g.frequency} (${g.customers} customers): actual ${g.actual.toFixed(2)}, predicted ${g.predicted.toFixed(2)}`).join('; '),
          categories: p.calibration.map((g) => g.frequency),
          series: [
            { name: 'actual', color: '#2b5c9e', values: p.calibration.map((g) => g.actual) },
            { name: 'predicted', color: '#16794f', values: p.calibration.map((g) => g.predicted), pattern: 'hatch' },
          ],
          format: (v) => v.toFixed(2), height: 320,
        })),
    p.cohorts.length === 0
      ? `<section id="phases"><h2>Lifecycle phases over time</h2><p class="note">${esc('Not available: the input has no purchase dates (an RFM summary).')}</p></section>`
      : section('phases', 'Lifecycle phases over time',
        `Customers by ${p.cohortUnit} of their first purchase, split by their lifecycle phase today (customers.csv, phase): how many of each cohort are still core customers, drifting or lost.${p.withoutFirstDay > 0 ? ` ${p.withoutFirstDay} customers without a first purchase date are not shown.` : ''}`,
        barChart({
          id: 'chart-phases', title: 'Lifecycle phases over time',
          desc: p.cohorts.map((c) => `${c.label}: ${COHORT_PHASES.map((ph) => `${PHASE_STYLE[ph].label} ${c.phases[ph]}`).join(', ')}`).join('; '),
          categories: p.cohorts.map((c) => c.label),
          series: COHORT_PHASES.map((ph) => ({ name: PHASE_STYLE[ph].label, color: PHASE_STYLE[ph].color, pattern: PHASE_STYLE[ph].pattern, values: p.cohorts.map((c) => c.phases[ph]) })),
          stacked: true, format: (v) => String(Math.round(v)), rotateLabels: true, height: 380, width: 760,
        })),
  ];
  const model = report.purchase_model === 'pareto-nbd' ? 'Pareto/NBD' : 'BG/NBD';
  const meta = `${report.input.file} · ${report.data.customers} customers · ${model} · calibration end ${report.calibration_end ?? ''}${report.holdout_end ? ` · holdout end ${report.holdout_end}` : ''} · period: ${period}`;
  return htmlPage({
    lang: 'en', title: `Customer value — ${report.calibration_end ?? ''}`, css: CSS,
    h1: 'Customer value: purchases, P(alive) and lifecycle', meta, main: sections.join('\n'), footer: 'Generated by winback clv',
  });
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
