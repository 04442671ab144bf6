/**
 * Bootstrap intervals (Efron & Tibshirani 1993, ch. 13, percentile method) for the fitted
 * parameters and each customer's CLV. Customers are resampled with Poisson(1) weights (the
 * "Poisson bootstrap": the same as drawing n customers with replacement, up to the total);
 * both models are refitted on the same weights, starting from the full-data estimates. A CLV
 * interval shows the uncertainty of the parameters only — not the customer's own chance of
 * buying more or less, which is far larger.
 */
import { fitBgNbd, type BgNbdFit } from './bgnbd.js';
import { discountedPurchases, type ClvConfig } from './clv.js';
import type { CustomerTable, FittedModels } from './fit-models.js';
import { expectedSpend, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.js';
import { fitParetoNbd, type ParetoNbdFit } from './pareto-nbd.js';
import { bgNbdModel, paretoNbdModel, type PurchaseModel } from './purchase-model.js';
import { normalDraw, type Random } from '../random.js';

export interface ParameterInterval {
  readonly name: string;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export interface BootstrapResult {
  readonly level: number;
  /** Replicates whose refits succeeded (the others are left out and counted). */
  readonly replicates: number;
  readonly failed: number;
  /** Replicates whose refit stopped at its budget, usually running off to a boundary (kept). */
  readonly unsettled: number;
  readonly purchase: readonly ParameterInterval[];
  readonly spend: readonly ParameterInterval[];
  /** The refitted models of each successful replicate, for CLV intervals. */
  readonly draws: readonly { purchases: PurchaseModel; gammaGamma: GammaGammaParams | undefined }[];
}

/** Evaluations one bootstrap refit may spend: warm refits settle in tens (judgement). */
const REFIT_EVALUATIONS = 1000;

/** Poisson(λ) draw: Knuth's product method below 30, a rounded normal above (judgement: exact enough for weights). */
export function poissonDraw(lambda: number, random: Random): number {
  if (lambda <= 0) return 0;
  if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normalDraw(random)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}

/** The q-quantile of sorted values (linear interpolation between order statistics). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (at - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/** Refits the models of `models` on `replicates` Poisson-weighted resamples of the customers. */
export function bootstrapModels(models: FittedModels, table: CustomerTable, replicates: number, level: number, random: Random): BootstrapResult {
  const n = table.x.length;
  const draws: { purchases: PurchaseModel; gammaGamma: GammaGammaParams | undefined; params: Record<string, number>; spend: Record<string, number> | undefined }[] = [];
  let failed = 0;
  let unsettled = 0;
  const weights = new Float64Array(n);
  const spendWeights = new Float64Array(n);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < n; i++) {
      weights[i] = poissonDraw(1, random);
      spendWeights[i] = (table.x[i] as number) > 0 && (table.m[i] as number) > 0 ? (weights[i] as number) : 0;
    }
    try {
      const rfm = { x: table.x, tX: table.tX, T: table.T, weights };
      const fitted = models.bgNbd
        ? refitBgNbd(rfm, models.bgNbd)
        : refitParetoNbd(rfm, models.paretoNbd as ParetoNbdFit);
      const gg = models.gammaGamma ? fitGammaGamma({ x: table.x, m: table.m, weights: spendWeights }, { start: models.gammaGamma, startCovariance: models.gammaGamma.diagnostics.covariance, diagnose: false, maxEvaluations: REFIT_EVALUATIONS }) : undefined;
      // A refit that runs off to a boundary stops at its budget: its values still count (they say
      // the data allow a parameter to be that large), unless they are not numbers at all.
      const values = [...Object.values(fitted.params), ...(gg ? [gg.p, gg.q, gg.v] : [])];
      if (!values.every(Number.isFinite)) {
        failed++;
        continue;
      }
      if (!fitted.converged || (gg && !gg.converged)) unsettled++;
      draws.push({ purchases: fitted.model, gammaGamma: gg, params: fitted.params, spend: gg ? { p: gg.p, q: gg.q, v: gg.v } : undefined });
    } catch {
      failed++; // a resample the model cannot be fitted on (e.g. no repeat buyer left)
    }
  }
  const interval = (name: string, estimate: number, values: number[]): ParameterInterval => {
    const sorted = values.sort((p, q) => p - q);
    return { name, estimate, low: quantileSorted(sorted, (1 - level) / 2), high: quantileSorted(sorted, (1 + level) / 2) };
  };
  const estimates = (models.bgNbd ?? models.paretoNbd) as unknown as Record<string, number>;
  const names = models.bgNbd ? ['r', 'alpha', 'a', 'b'] : ['r', 'alpha', 's', 'beta'];
  const gg = models.gammaGamma;
  return Object.freeze({
    level,
    replicates: draws.length,
    failed,
    unsettled,
    purchase: names.map((name) => interval(name, estimates[name] as number, draws.map((d) => d.params[name] as number))),
    spend: gg ? (['p', 'q', 'v'] as const).map((name) => interval(name, gg[name], draws.map((d) => (d.spend as Record<string, number>)[name] as number))) : [],
    draws: draws.map(({ purchases, gammaGamma }) => ({ purchases, gammaGamma })),
  });
}

function refitBgNbd(rfm: { x: Float64Array; tX: Float64Array; T: Float64Array; weights: Float64Array }, start: BgNbdFit) {
  const f = fitBgNbd(rfm, { start, startCovariance: start.diagnostics.covariance, diagnose: false, maxEvaluations: REFIT_EVALUATIONS });
  return { converged: f.converged, model: bgNbdModel(f), params: { r: f.r, alpha: f.alpha, a: f.a, b: f.b } as Record<string, number> };
}

function refitParetoNbd(rfm: { x: Float64Array; tX: Float64Array; T: Float64Array; weights: Float64Array }, start: ParetoNbdFit) {
  const f = fitParetoNbd(rfm, { start, startCovariance: start.diagnostics.covariance, diagnose: false, maxEvaluations: REFIT_EVALUATIONS });
  return { converged: f.converged, model: paretoNbdModel(f), params: { r: f.r, alpha: f.alpha, s: f.s, beta: f.beta } as Record<string, number> };
}

/**
 * Each customer's CLV interval from the bootstrap draws: CLV_b = E[M]_b · discounted E[Y]_b,
 * the purchase part computed once per distinct (x, tX, T). NaN where spend is unknown.
 */
export function clvIntervals(result: BootstrapResult, table: CustomerTable, config: ClvConfig, unitsInMonth: number): { low: Float64Array; high: Float64Array } {
  const n = table.x.length;
  const B = result.draws.length;
  const low = new Float64Array(n).fill(NaN);
  const high = new Float64Array(n).fill(NaN);
  const cache = new Map<string, Float64Array>();
  const values = new Float64Array(B);
  for (let i = 0; i < n; i++) {
    const x = table.x[i] as number;
    const tX = table.tX[i] as number;
    const T = table.T[i] as number;
    const m = table.m[i] as number;
    if (B === 0 || Number.isNaN(m)) continue;
    const key = `${x},${tX},${T}`;
    let purchases = cache.get(key);
    if (!purchases) {
      purchases = Float64Array.from(result.draws, (d) => discountedPurchases((t) => d.purchases.expectedPurchases(t, x, tX, T), config.horizonMonths, config.monthlyDiscountRate, unitsInMonth));
      cache.set(key, purchases);
    }
    let usable = true;
    for (let b = 0; b < B; b++) {
      const gg = result.draws[b]?.gammaGamma;
      if (!gg) {
        usable = false;
        break;
      }
      values[b] = expectedSpend(gg, x, m) * (purchases[b] as number);
    }
    if (!usable) continue;
    values.sort();
    low[i] = quantileSorted(values, (1 - result.level) / 2);
    high[i] = quantileSorted(values, (1 + result.level) / 2);
  }
  return { low, high };
}
