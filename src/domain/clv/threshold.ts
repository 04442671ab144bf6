/**
 * A lost threshold checked against what customers did next. Some customers the model calls
 * lost buy again without any campaign (organic returners); a win-back offer to them is money
 * spent on someone who was coming back anyway. With a holdout period the share of "lost"
 * customers who bought again in it is measured for each candidate threshold, and the largest
 * threshold whose share stays at or below the limit is chosen.
 */
import type { FitNote } from './fit-notes.js';
import { lifecyclePhase, type ClvConfig } from './clv.js';
import type { PurchaseModel } from './purchase-model.js';

/** Candidate P(alive) thresholds, coarse enough to read in a report (judgement). */
export const THRESHOLD_GRID: readonly number[] = [0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

/** Default limit on the organic-return share of the lost phase (judgement: one in ten). */
export const DEFAULT_MAX_ORGANIC_RETURN = 0.1;

export interface ThresholdCandidate {
  readonly threshold: number;
  /** Customers in the lost phase at this threshold. */
  readonly lost: number;
  /** Of those, customers with at least one purchase day in the holdout. */
  readonly boughtAgain: number;
  /** boughtAgain / lost; 0 when nobody is lost. */
  readonly share: number;
}

/** Columns the check needs: each customer's history, P(alive) and holdout purchase days. */
export interface HoldoutColumns {
  readonly x: Float64Array;
  readonly tX: Float64Array;
  readonly T: Float64Array;
  readonly pAlive: Float64Array;
  readonly holdout: Float64Array;
}

/** The lost phase and its organic returners at each threshold of the grid (up to the defector threshold). */
export function organicReturnByThreshold(c: HoldoutColumns, config: ClvConfig, unitsInMonth: number, grid: readonly number[] = THRESHOLD_GRID): ThresholdCandidate[] {
  const thresholds = [...new Set([...grid.filter((t) => t <= config.defectorThreshold), config.lostThreshold])].sort((p, q) => p - q);
  const lost = new Float64Array(thresholds.length);
  const back = new Float64Array(thresholds.length);
  for (let i = 0; i < c.x.length; i++) {
    const input = { x: c.x[i] as number, tX: c.tX[i] as number, T: c.T[i] as number, pAlive: c.pAlive[i] as number };
    const returned = (c.holdout[i] as number) > 0 ? 1 : 0;
    thresholds.forEach((t, k) => {
      if (lifecyclePhase(input, { ...config, lostThreshold: t }, unitsInMonth) !== 'lost') return;
      lost[k] = (lost[k] as number) + 1;
      back[k] = (back[k] as number) + returned;
    });
  }
  return thresholds.map((threshold, k) => ({ threshold, lost: lost[k] as number, boughtAgain: back[k] as number, share: (lost[k] as number) > 0 ? (back[k] as number) / (lost[k] as number) : 0 }));
}

export interface ThresholdChoice {
  readonly threshold: number;
  readonly candidate: ThresholdCandidate;
  /** False when no candidate keeps the share at or below the limit (the smallest is taken). */
  readonly withinLimit: boolean;
  /** The next larger candidate, which would break the limit (for the report). */
  readonly next: ThresholdCandidate | undefined;
}

/** The largest candidate threshold whose organic-return share is at most `maxShare`. */
export function chooseLostThreshold(candidates: readonly ThresholdCandidate[], maxShare: number): ThresholdChoice {
  let k = -1;
  candidates.forEach((c, i) => {
    if (c.share <= maxShare) k = i;
  });
  if (k < 0) return { threshold: (candidates[0] as ThresholdCandidate).threshold, candidate: candidates[0] as ThresholdCandidate, withinLimit: false, next: undefined };
  const candidate = candidates[k] as ThresholdCandidate;
  return { threshold: candidate.threshold, candidate, withinLimit: true, next: candidates[k + 1] };
}

/** How the lost threshold of a run was set, and what the holdout says about it. */
export interface ThresholdReport {
  readonly value: number;
  readonly source: 'chosen on the holdout' | '--lost-threshold' | 'config';
  readonly maxOrganicReturn: number;
  /** Whether a holdout measured the organic returners at this threshold. */
  readonly validated: boolean;
  /** At the threshold used (undefined without a holdout). */
  readonly measured: ThresholdCandidate | undefined;
  readonly candidates: readonly ThresholdCandidate[];
  /** One sentence for the terminal. */
  readonly summary: string;
  /** a catalogue key (messages.ts, clvFit), worded where shown */
  readonly warning: FitNote | undefined;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/**
 * Chooses (mode 'auto') or checks (a threshold from the flag or config) the lost threshold on
 * the holdout; without a holdout it only says that the threshold is not validated.
 */
export function settleLostThreshold(
  purchases: PurchaseModel, table: Omit<HoldoutColumns, 'pAlive'>, config: ClvConfig, mode: 'auto' | 'flag' | 'config', maxShare: number, unitsInMonth: number, hasHoldout: boolean,
): { config: ClvConfig; report: ThresholdReport } {
  const source = mode === 'auto' ? 'chosen on the holdout' : mode === 'flag' ? '--lost-threshold' : 'config';
  if (!hasHoldout) {
    const summary = `lost threshold P(alive) < ${config.lostThreshold} (${source}), not validated: give --holdout-end to measure how many "lost" customers buy again on their own`;
    return { config, report: { value: config.lostThreshold, source, maxOrganicReturn: maxShare, validated: false, measured: undefined, candidates: [], summary, warning: undefined } };
  }
  const pAlive = Float64Array.from(table.x, (x, i) => purchases.pAlive(x, table.tX[i] as number, table.T[i] as number));
  const candidates = organicReturnByThreshold({ ...table, pAlive }, config, unitsInMonth);
  let value = config.lostThreshold;
  let warning: FitNote | undefined;
  let tail = '';
  if (mode === 'auto') {
    const choice = chooseLostThreshold(candidates, maxShare);
    value = choice.threshold;
    if (!choice.withinLimit) warning = { key: 'noThresholdWithin', args: [pct(maxShare), config.firstTimeLostAfterMonths, value] };
    else if (choice.next) tail = `; ${choice.next.threshold} would give ${pct(choice.next.share)} of ${choice.next.lost}`;
  }
  const measured = candidates.find((c) => c.threshold === value) as ThresholdCandidate;
  if (mode !== 'auto' && measured.share > maxShare) warning = { key: 'thresholdOrganic', args: [value, source, pct(measured.share), measured.lost, pct(maxShare)] };
  const summary = `lost threshold P(alive) < ${value} (${source}): ${measured.boughtAgain} of ${measured.lost} "lost" customers (${pct(measured.share)}) bought again in the holdout, limit ${pct(maxShare)}${tail}`;
  return { config: { ...config, lostThreshold: value }, report: { value, source, maxOrganicReturn: maxShare, validated: true, measured, candidates, summary, warning } };
}
