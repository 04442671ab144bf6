/**
 * What `winback clv` does between reading and writing: fit BG/NBD and (when spend is known)
 * Gamma-Gamma on a table of customer summaries, then value each customer, with the forecast
 * for a holdout period when there is one. Pure: columns in, plain results out.
 */
import { DataError } from '../../errors.js';
import { fitBgNbd, type BgNbdFit } from './bgnbd.js';
import { customerLifetimeValue, lifecyclePhase, type ClvConfig, type LifecyclePhase } from './clv.js';
import { fitNotes, ModelFitError, type FitNote } from './fit-notes.js';
import { expectedSpend, fitGammaGamma, type GammaGammaFit } from './gamma-gamma.js';
import { fitParetoNbd, type ParetoNbdFit } from './pareto-nbd.js';
import { bgNbdModel, paretoNbdModel, type PurchaseModel, type PurchaseModelName } from './purchase-model.js';

/** One row per customer, column-wise; NaN marks a value the input does not give. */
export interface CustomerTable {
  readonly ids: readonly string[];
  readonly x: Float64Array;
  readonly tX: Float64Array;
  readonly T: Float64Array;
  /** Mean repeat spend; NaN when unknown. */
  readonly m: Float64Array;
  /** First and last purchase day (epoch days); NaN when unknown (summary input without a calibration end). */
  readonly firstDay: Float64Array;
  readonly lastDay: Float64Array;
  /** All calibration spend of the customer; NaN when unknown. */
  readonly total: Float64Array;
  /** Purchase days in the holdout period; NaN without a holdout. */
  readonly holdout: Float64Array;
  /** Whether spend is known at all (an amount or monetary column was read). */
  readonly hasSpend: boolean;
}

export interface FittedModels {
  /** The purchase model that values the customers. */
  readonly model: PurchaseModelName;
  /** Exactly one of bgNbd and paretoNbd is set, after `model`. */
  readonly bgNbd: BgNbdFit | undefined;
  readonly paretoNbd: ParetoNbdFit | undefined;
  readonly purchases: PurchaseModel;
  /** Undefined when spend is unknown or the spend model could not be fitted (see warnings). */
  readonly gammaGamma: GammaGammaFit | undefined;
  /** catalogue keys (messages.ts, clvFit), worded in the reader's language where shown */
  readonly warnings: readonly FitNote[];
  /** What the fits cannot estimate (boundary, flat likelihood); also among the warnings. */
  readonly notes: readonly FitNote[];
}

/** Fits the purchase model (errors propagate: degenerate data cannot be valued) and Gamma-Gamma (failures become warnings). */
export function fitModels(table: CustomerTable, model: PurchaseModelName = 'bg-nbd'): FittedModels {
  const warnings: FitNote[] = [];
  const rfm = { x: table.x, tX: table.tX, T: table.T };
  const bgNbd = model === 'bg-nbd' ? fitBgNbd(rfm) : undefined;
  const paretoNbd = model === 'pareto-nbd' ? fitParetoNbd(rfm) : undefined;
  const fit = (bgNbd ?? paretoNbd) as BgNbdFit | ParetoNbdFit;
  const label = bgNbd ? 'BG/NBD' : 'Pareto/NBD';
  if (!fit.converged) warnings.push({ key: 'notConverged', args: [label, fit.iterations, fit.evaluations] });
  const notes = bgNbd
    ? fitNotes('BG/NBD', { r: bgNbd.r, alpha: bgNbd.alpha, a: bgNbd.a, b: bgNbd.b }, bgNbd.diagnostics)
    : fitNotes('Pareto/NBD', { r: fit.r, alpha: fit.alpha, s: (paretoNbd as ParetoNbdFit).s, beta: (paretoNbd as ParetoNbdFit).beta }, fit.diagnostics);
  const purchases = bgNbd ? bgNbdModel(bgNbd) : paretoNbdModel(paretoNbd as ParetoNbdFit);
  const done = (gammaGamma: GammaGammaFit | undefined) => Object.freeze({ model, bgNbd, paretoNbd, purchases, gammaGamma, warnings: Object.freeze([...warnings, ...notes]), notes: Object.freeze(notes) });
  if (!table.hasSpend) {
    warnings.push({ key: 'noAmounts', args: [] });
    return done(undefined);
  }
  // Repeat buyers whose repeat days total nothing cannot enter a Gamma likelihood; they are weighted out.
  const weights = new Float64Array(table.x.length);
  let zeroSpend = 0;
  for (let i = 0; i < weights.length; i++) {
    const repeat = (table.x[i] as number) > 0;
    const usable = repeat && (table.m[i] as number) > 0;
    if (repeat && !usable) zeroSpend++;
    weights[i] = usable ? 1 : 0;
  }
  if (zeroSpend > 0) warnings.push({ key: 'zeroSpend', args: [zeroSpend] });
  let gammaGamma: GammaGammaFit | undefined;
  try {
    gammaGamma = fitGammaGamma({ x: table.x, m: table.m, weights });
    warnings.push(...gammaGamma.warnings);
    if (!gammaGamma.converged) warnings.push({ key: 'spendNotConverged', args: [gammaGamma.iterations, gammaGamma.evaluations] });
    notes.push(...fitNotes('Gamma-Gamma', { p: gammaGamma.p, q: gammaGamma.q, v: gammaGamma.v }, gammaGamma.diagnostics));
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    // The reason stays a key where gamma-gamma.ts names one; any other data error keeps its (English) message.
    const note = err instanceof ModelFitError ? err.note : undefined;
    if (note?.key === 'spendTooFew') warnings.push({ key: 'spendNotFittedTooFew', args: note.args });
    else if (note?.key === 'spendSame') warnings.push({ key: 'spendNotFittedSame', args: [] });
    else warnings.push({ key: 'spendNotFitted', args: [err.message] });
  }
  return done(gammaGamma);
}

export interface ValuedCustomer {
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: number | undefined;
  clv: number | undefined;
  phase: LifecyclePhase;
  /** E[Y(holdout length)]: the forecast to compare with the holdout purchase days; undefined without a holdout. */
  predictedHoldout: number | undefined;
}

/** P(alive), expected purchases over the horizon, expected spend, CLV, phase (and the holdout forecast) of customer i. */
export function valueCustomerAt(models: FittedModels, table: CustomerTable, i: number, config: ClvConfig, unitsInMonth: number, holdoutPeriods = 0): ValuedCustomer {
  const x = table.x[i] as number;
  const tX = table.tX[i] as number;
  const T = table.T[i] as number;
  const model = models.purchases;
  const alive = model.pAlive(x, tX, T);
  const phase = lifecyclePhase({ x, tX, T, pAlive: alive }, config, unitsInMonth);
  const purchases = model.expectedPurchases(config.horizonMonths * unitsInMonth, x, tX, T);
  const predictedHoldout = holdoutPeriods > 0 ? model.expectedPurchases(holdoutPeriods, x, tX, T) : undefined;
  const gg = models.gammaGamma;
  const m = table.m[i] as number;
  if (!gg || Number.isNaN(m)) return { pAlive: alive, expectedPurchases: purchases, expectedSpend: undefined, clv: undefined, phase, predictedHoldout };
  const customer = { x, tX, T, mbar: m };
  return {
    pAlive: alive,
    expectedPurchases: purchases,
    expectedSpend: expectedSpend(gg, x, m),
    clv: customerLifetimeValue({ purchases: model, gammaGamma: gg }, customer, config, unitsInMonth),
    phase,
    predictedHoldout,
  };
}

/** Turns an annual discount rate into the equivalent monthly one: (1 + R)^(1/12) − 1. */
export function monthlyFromAnnualRate(annual: number): number {
  return Math.pow(1 + annual, 1 / 12) - 1;
}

export interface PhaseTotal {
  customers: number;
  /** Customers with a purchase day in the holdout (0 without a holdout). */
  holdoutBuyers: number;
  pAliveSum: number;
  expectedPurchases: number;
  clv: number;
}

/** Running totals per lifecycle phase and, with a holdout, actual vs forecast holdout purchases. */
export interface PhaseTotals {
  phases: Record<LifecyclePhase, PhaseTotal>;
  holdoutActual: number;
  holdoutPredicted: number;
  /** Customers whose CLV is not finite or unknown (no spend model). */
  clvMissing: number;
}

const PHASES: readonly LifecyclePhase[] = ['prospect', 'first_time_buyer', 'early_repeat', 'core', 'core_defector', 'lost'];

/** Zeroed totals, phases in lifecycle order. */
export function emptyPhaseTotals(): PhaseTotals {
  const phases = Object.fromEntries(PHASES.map((p) => [p, { customers: 0, holdoutBuyers: 0, pAliveSum: 0, expectedPurchases: 0, clv: 0 }])) as Record<LifecyclePhase, PhaseTotal>;
  return { phases, holdoutActual: 0, holdoutPredicted: 0, clvMissing: 0 };
}

/** Adds one valued customer; `holdoutDays` is NaN without a holdout. */
export function addToTotals(totals: PhaseTotals, v: ValuedCustomer, holdoutDays: number): void {
  const t = totals.phases[v.phase];
  t.customers++;
  t.pAliveSum += v.pAlive;
  t.expectedPurchases += v.expectedPurchases;
  if (v.clv !== undefined && Number.isFinite(v.clv)) t.clv += v.clv;
  else totals.clvMissing++;
  if (v.predictedHoldout !== undefined) {
    if (holdoutDays > 0) t.holdoutBuyers++;
    totals.holdoutActual += holdoutDays;
    totals.holdoutPredicted += v.predictedHoldout;
  }
}
