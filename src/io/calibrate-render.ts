/** Terminal text of a calibration: fit quality, per-reason rates, behaviour weights, deciles. */
import type { SecondLifetimeStats } from '../domain/calibrate/history.js';
import { CALIBRATION_PARTS, partsLearned, type CalibratedModel, type CalibrationPart } from '../domain/calibrate/calibrate.js';
import type { HoldoutComparison } from '../domain/calibrate/check.js';
import type { BehaviourCoefficients } from '../domain/defaults.js';
import { formatFixed, formatWhole, messages, type Lang } from '../domain/catalogue/index.js';
import { renderTable, styler } from './render.js';

export interface CalibrationReport {
  input: { file: string; rows: number };
  accepted: number;
  rejected: number;
  out: string;
  /** false: no learned part passed and --allow-defaults was not given, so nothing was written */
  written?: boolean;
  /** the model written (the accepted parts only) */
  model: CalibratedModel;
  /** every learned part, fitted on the training customers: what the tables show */
  learned?: CalibratedModel;
  comparison?: HoldoutComparison;
  default_coefficients: BehaviourCoefficients;
  playbook_base_rates: Record<string, number>;
  second_lifetime: Record<string, SecondLifetimeStats>;
}

const pct = (x: number | null | undefined, lang: Lang) => (x === null || x === undefined ? '-' : `${formatFixed(x * 100, 1, lang)} %`);
const num = (x: number | null | undefined, lang: Lang, d = 3) => (x === null || x === undefined ? '-' : formatFixed(x, d, lang));

/** The calibration report as tables that fit an 80-column terminal; reasons by the playbook's label. */
export function renderCalibration(r: CalibrationReport, color: boolean, lang: Lang = 'en', labels: ReadonlyMap<string, string> = new Map(), currency = '€', offerLabels: ReadonlyMap<string, string> = new Map()): string {
  const c = styler(color);
  const t = messages(lang).calibrate;
  const shown = r.learned ?? r.model;
  const { fit } = shown;
  const fitLine = t.fit(fit.converged, fit.iterations, num(fit.auc, lang), num(fit.brier, lang));
  const head = [
    t.head(formatWhole(r.input.rows, lang), formatWhole(r.accepted, lang), formatWhole(r.rejected, lang), formatWhole(fit.trainCases, lang), formatWhole(fit.holdoutCases, lang)),
    fit.converged ? fitLine : c.red(fitLine),
  ];
  const right = (n: number): ('left' | 'right')[] => ['left', ...Array.from({ length: n }, () => 'right' as const)];
  const reasons = Object.entries(shown.baseRates).map(([code, b]) => {
    const life = r.second_lifetime[code];
    return [labels.get(code) ?? code, b.cases, b.wins, pct(b.prior, lang), pct(b.rate, lang), num(life?.meanMonths, lang, 1)];
  });
  const reasonTable = renderTable(t.reasonColumns, reasons, { color, align: right(5) });
  const weights = Object.entries(shown.coefficients).map(([f, w]) => [t.behaviourTerm(f), num(r.default_coefficients[f as keyof BehaviourCoefficients].weight, lang), num(w.weight, lang)]);
  const weightTable = renderTable(t.weightColumns, weights, { color, align: right(2) });
  const deciles = fit.calibration.map((b) => [b.bin, b.cases, pct(b.meanPredicted, lang), pct(b.observedRate, lang)]);
  const decileTable = deciles.length > 0
    ? renderTable(t.decileColumns, deciles, { color, align: ['right', 'right', 'right', 'right'] })
    : t.holdoutEmpty;
  return [
    ...head,
    c.bold(t.baseRates),
    reasonTable,
    c.bold(t.weights),
    weightTable,
    c.bold(t.deciles),
    decileTable,
    ...learnedLines(r.learned ?? r.model, r.comparison, lang, r.written === false ? undefined : r.model, labels, offerLabels),
    ...(r.comparison ? comparisonLines(r.comparison, color, lang, currency, r.written !== false, partsLearned(r.learned ?? r.model)) : []),
    ...(r.written === false ? [] : [t.written(r.out)]),
    '',
  ].join('\n');
}

/** What was learned besides the response: the second lifetime with its own check, and the channels' factors. */
function learnedLines(learned: CalibratedModel, k: HoldoutComparison | undefined, lang: Lang, written?: CalibratedModel, labels: ReadonlyMap<string, string> = new Map(), offerLabels: ReadonlyMap<string, string> = new Map()): string[] {
  const t = messages(lang).calibrate;
  const lines: string[] = [];
  const life = learned.secondLifetime;
  if (life !== undefined) {
    const scale = (x: number, check: { accepted: boolean } | undefined) => (check === undefined ? formatFixed(x, 2, lang) : check.accepted ? t.scaleKept(formatFixed(x, 2, lang)) : t.scaleRefused(formatFixed(x, 2, lang)));
    lines.push(t.lifetimeCheck(formatWhole(life.returns, lang), formatWhole(life.events, lang), scale(life.lengthScale, k?.lifetime.length), scale(life.marginScale, k?.lifetime.margin)));
  }
  // The offers' factors written when they are (refitted on every row), else those learned: what the next plan uses.
  const offers = Object.entries(written?.offerEffects ?? learned.offerEffects ?? {});
  for (const [reason, effects] of offers) {
    const list = Object.entries(effects).map(([offer, e]) => `${offerLabels.get(offer) ?? offer} ${formatFixed(e.prior, 2, lang)} → ${formatFixed(e.factor, 2, lang)} (${formatWhole(e.cases, lang)})`).join(', ');
    if (list !== '') lines.push(t.offerEffects(labels.get(reason) ?? reason, list));
  }
  // The factors written when they are (refitted on every row), else those learned.
  const channels = Object.entries(written?.channelEffects ?? learned.channelEffects ?? {});
  if (channels.length > 0) {
    const named = messages(lang).report.words.channels;
    lines.push(t.channelEffects(channels.map(([c, e]) => `${named[c] ?? c} ${formatFixed(e.prior, 2, lang)} → ${formatFixed(e.factor, 2, lang)} (${formatWhole(e.cases, lang)})`).join(', ')));
  }
  return lines;
}

/** The holdout comparison: each candidate's gain over the defaults in money, and what was written. */
function comparisonLines(k: HoldoutComparison, color: boolean, lang: Lang, currency: string, written: boolean, learnedParts: readonly CalibrationPart[]): string[] {
  const c = styler(color);
  const t = messages(lang).calibrate;
  // Per customer the amounts are small: cents count.
  const money = (x: number) => (lang === 'de' ? `${formatFixed(x, 2, lang)}\u00a0${currency.trim()}` : `${x < 0 ? '-' : ''}${currency}${formatFixed(Math.abs(x), 2, lang)}`);
  const z = formatFixed(k.z, 2, lang);
  const partsOf = (parts: readonly CalibrationPart[]) => (parts.length === CALIBRATION_PARTS.length ? t.allParts : parts.map((p) => t.part(p)).join(', '));
  if (k.cases === 0) return [c.bold(written ? t.noComparison : t.refusedNoComparison)];
  // What was learned and not written: named, so nobody reads the model as carrying it.
  const refused = k.accepted.length > 0 ? learnedParts.filter((p) => !k.accepted.includes(p)) : [];
  const rows = k.candidates.map((x) => [partsOf(x.parts), x.difference.differing, money(x.difference.perCustomer), money(x.difference.standardError), money(x.lowerBound)]);
  return [
    c.bold(t.comparison(formatWhole(k.cases, lang), formatWhole(k.control, lang), formatWhole(k.randomised, lang), money(k.defaults.perCustomer))),
    renderTable(t.comparisonColumns, rows, { color, align: ['left', 'right', 'right', 'right', 'right'] }),
    k.accepted.length === 0 ? (written ? t.keptDefaults(z) : t.refusedDefaults(z)) : keptLine(k, t, partsOf(k.accepted), z),
    ...(refused.length > 0 ? [t.refusedParts(refused.map((p) => t.part(p)).join(', '))] : []),
  ];
}

/**
 * Why the learned parts were written: their lower bound cleared 0, or — for a set with the
 * second lifetime — that part passed its own check on the returners and the decisions are not
 * worse (domain/calibrate/check.ts), which the money comparison's bound need not show.
 */
export function keptLine(k: HoldoutComparison, t: ReturnType<typeof messages>['calibrate'], parts: string, z: string): string {
  const chosen = k.candidates.find((c) => c.parts.join() === k.accepted.join());
  return chosen !== undefined && chosen.lowerBound <= 0 && k.accepted.includes('lifetime') ? t.keptByOwnCheck(parts) : t.keptParts(parts, z);
}
