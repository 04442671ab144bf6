/**
 * Gamma-Gamma model of monetary value: Fader & Hardie (2013), "The Gamma-Gamma Model of
 * Monetary Value". A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, v) across
 * customers; only customers with repeat purchases (x > 0) and their mean repeat spend m enter.
 * The model assumes spend is independent of frequency, hence the correlation warning.
 */
import { DataError } from '../../errors.js';
import { keyedError, noteOf } from '../catalogue/index.js';
import { ModelFitError, type FitNote } from './fit-notes.js';
import { indexDistinct, pearson } from './columns.js';
import { curvatureGuess, diagnoseFit, NOT_DIAGNOSED, type FitDiagnostics } from './diagnostics.js';
import { minimize, fitProgress } from './optimize.js';
import { digamma, lgamma } from './special.js';

export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  /** Customers with x > 0 that entered the fit (sum of weights). */
  readonly n: number;
  /** Pearson correlation of x and m over those customers. */
  readonly correlation: number;
  /** catalogue keys (messages.ts, clvFit) */
  readonly warnings: readonly FitNote[];
  /** Standard errors, boundary and flat parameters (names p, q, v). */
  readonly diagnostics: FitDiagnostics;
}

/** Repeat frequency x and mean repeat spend m per customer; rows with x = 0 are ignored. */
export interface SpendColumns {
  readonly x: Float64Array;
  readonly m: Float64Array;
  readonly weights?: Float64Array;
}

export interface GammaGammaFitOptions {
  /** Fewer repeat customers than this is a data error (default 10). */
  minCustomers?: number;
  /** Warn when |corr(x, m)| exceeds this (default 0.3). */
  correlationThreshold?: number;
  maxIterations?: number;
  /** Start the search here (bootstrap refits). */
  start?: GammaGammaParams;
  /** With `start`: the covariance of the log-parameters of that earlier fit, as the first curvature. */
  startCovariance?: readonly (readonly number[])[];
  /** Compute standard errors and boundary checks (default true). */
  diagnose?: boolean;
  /** Likelihood evaluations the fit may spend (default: the optimiser's). */
  maxEvaluations?: number;
}

interface Prepared {
  x: Float64Array;
  mx: Float64Array;
  lnM: Float64Array;
  w: Float64Array;
  xValues: Float64Array;
  xIndex: Int32Array;
  xWeights: Float64Array;
  customers: number;
  /** Spend unit the rows are expressed in (m / scale). */
  scale: number;
}

/** Total (weighted) Gamma-Gamma log-likelihood over customers with x > 0 (Fader & Hardie 2013, eq. 4). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendColumns): number {
  return evaluateLikelihood(params, prepare(data, 1), false).value;
}

/** Maximum-likelihood Gamma-Gamma fit on log-parameters, spend rescaled to mean 1 while fitting. */
export function fitGammaGamma(data: SpendColumns, options: GammaGammaFitOptions = {}): GammaGammaFit {
  const rows = prepare(data, meanRepeatSpend(data));
  const minCustomers = options.minCustomers ?? 10;
  if (rows.customers < minCustomers) {
    throw new ModelFitError({ key: 'spendTooFew', args: [rows.customers, minCustomers] });
  }
  // Without differences in spend between customers the likelihood has no optimum (v and q run
  // off to infinity); the optimiser would spend minutes finding that out.
  if (spendVariation(data) < 1e-6) {
    throw new ModelFitError({ key: 'spendSame', args: [] });
  }
  const objective = (theta: readonly number[]) => {
    if (theta.some((t) => Math.abs(t) > 30)) return { value: Infinity, gradient: theta.map(() => 0) };
    const pv = theta.map(Math.exp) as [number, number, number];
    const { value, gradient } = evaluateLikelihood({ p: pv[0], q: pv[1], v: pv[2] }, rows, true);
    return { value: -value / rows.customers, gradient: gradient.map((g, i) => (-g * (pv[i] as number)) / rows.customers) };
  };
  const value = (t: readonly number[]) => objective(t).value;
  const s = options.start;
  const x0 = s ? [s.p, s.q, s.v / rows.scale].map(Math.log) : [0, 0, 0];
  const result = minimize(value, x0, { gradient: objective, maxIterations: options.maxIterations ?? 1000, maxEvaluations: options.maxEvaluations, ...curvatureGuess(options.startCovariance, rows.customers) });
  const diagnostics = options.diagnose === false ? NOT_DIAGNOSED : diagnoseFit(['p', 'q', 'v'], result.x, rows.customers, value, objective);
  const [p, q, vScaled] = result.x.map(Math.exp) as [number, number, number];
  const params = { p, q, v: vScaled * rows.scale };
  const correlation = weightlessCorrelation(rows);
  // Rescaling spend by s adds ln(s) per customer to the log-likelihood; take it off for the data's own unit.
  const logLikelihood = evaluateLikelihood({ p, q, v: vScaled }, rows, false).value - rows.customers * Math.log(rows.scale);
  return Object.freeze({
    ...params,
    logLikelihood,
    ...fitProgress(result),
    n: rows.customers,
    correlation,
    warnings: Object.freeze(fitWarnings(params, correlation, options.correlationThreshold ?? 0.3)),
    diagnostics,
  });
}

// Mean of m over the repeat customers: fitting in units of it keeps v near 1.
function meanRepeatSpend(data: SpendColumns): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < data.x.length; i++) {
    if ((data.x[i] as number) > 0 && (data.m[i] as number) > 0) {
      sum += data.m[i] as number;
      count++;
    }
  }
  return count > 0 ? sum / count : 1;
}

function fitWarnings(params: GammaGammaParams, correlation: number, threshold: number): FitNote[] {
  const warnings: FitNote[] = [];
  const correlationWarning = spendCorrelationWarning(correlation, threshold);
  if (correlationWarning) warnings.push(correlationWarning);
  if (params.q <= 1) warnings.push({ key: 'unboundedSpend', args: [params.q.toFixed(3)] });
  return warnings;
}

/** A warning when frequency and spend correlate beyond the threshold (Gamma-Gamma assumes independence). */
export function spendCorrelationWarning(correlation: number, threshold = 0.3): FitNote | undefined {
  if (!(Math.abs(correlation) > threshold)) return undefined;
  return { key: 'spendCorrelated', args: [correlation.toFixed(3), threshold] };
}


/** Pearson correlation of x and m over the customers with x > 0. */
export function frequencySpendCorrelation(data: SpendColumns): number {
  return weightlessCorrelation(prepare(data, 1));
}

function weightlessCorrelation(rows: Prepared): number {
  const m = rows.mx.map((mx, i) => mx / (rows.x[i] as number));
  return pearson(rows.x, m);
}

/** E[M | x, m]: expected mean transaction value (Fader & Hardie 2013, eq. 5); Infinity when px + q ≤ 1. */
export function expectedSpend(params: GammaGammaParams, x: number, mbar: number): number {
  const { p, q, v } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return Infinity;
  return (p * (v + x * (x > 0 ? mbar : 0))) / denominator;
}

function prepare(data: SpendColumns, scale: number): Prepared {
  const keep: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i] as number;
    const m = data.m[i] as number;
    const w = data.weights ? (data.weights[i] as number) : 1;
    if (!(Number.isFinite(x) && x >= 0)) throw keyedError((t) => new DataError(t), noteOf('clvData', { key: 'spendFrequency', args: [i + 1, x] }));
    if (x === 0 || w === 0) continue;
    if (!(m > 0 && Number.isFinite(m))) throw keyedError((t) => new DataError(t), noteOf('clvData', { key: 'meanSpend', args: [i + 1, m] }));
    keep.push(i);
  }
  const x = Float64Array.from(keep, (i) => data.x[i] as number);
  const w = Float64Array.from(keep, (i) => (data.weights ? (data.weights[i] as number) : 1));
  const mx = Float64Array.from(keep, (i) => ((data.m[i] as number) / scale) * (data.x[i] as number));
  const lnM = Float64Array.from(keep, (i) => Math.log((data.m[i] as number) / scale));
  const { xValues, xIndex } = indexDistinct(x);
  const xWeights = new Float64Array(xValues.length);
  let customers = 0;
  for (let i = 0; i < x.length; i++) {
    const k = xIndex[i] as number;
    xWeights[k] = (xWeights[k] as number) + (w[i] as number);
    customers += w[i] as number;
  }
  return { x, mx, lnM, w, xValues, xIndex, xWeights, customers, scale };
}

// ln L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(v + m x).
function evaluateLikelihood(params: GammaGammaParams, d: Prepared, withGradient: boolean) {
  const { p, q, v } = params;
  let value = d.customers * (q * Math.log(v) - lgamma(q));
  let gp = 0;
  let gq = d.customers * (Math.log(v) - (withGradient ? digamma(q) : 0));
  let gv = (d.customers * q) / v;
  for (let j = 0; j < d.xValues.length; j++) {
    const x = d.xValues[j] as number;
    const w = d.xWeights[j] as number;
    value += w * (lgamma(p * x + q) - lgamma(p * x));
    if (withGradient) {
      const psiSum = digamma(p * x + q);
      gp += w * x * (psiSum - digamma(p * x));
      gq += w * psiSum;
    }
  }
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i] as number;
    const w = d.w[i] as number;
    const mx = d.mx[i] as number;
    const lnM = d.lnM[i] as number;
    const vmx = v + mx;
    const lnVmx = Math.log(vmx);
    const lnMx = Math.log(mx);
    value += w * (p * x * lnMx - lnM - (p * x + q) * lnVmx);
    if (withGradient) {
      gp += w * x * (lnMx - lnVmx);
      gq -= w * lnVmx;
      gv -= (w * (p * x + q)) / vmx;
    }
  }
  return { value, gradient: [gp, gq, gv] };
}

/** Coefficient of variation of the mean repeat spend over the customers that enter the fit. */
function spendVariation(data: SpendColumns): number {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < data.x.length; i++) {
    const w = data.weights === undefined ? 1 : (data.weights[i] as number);
    const m = data.m[i] as number;
    if (w <= 0 || (data.x[i] as number) <= 0 || !(m > 0)) continue;
    n += w;
    sum += w * m;
    sumSq += w * m * m;
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return Math.sqrt(Math.max(0, sumSq / n - mean * mean)) / mean;
}

