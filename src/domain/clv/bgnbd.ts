/**
 * BG/NBD model of repeat buying: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy
 * Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2). While alive a customer
 * buys at Poisson rate λ ~ Gamma(r, alpha); after each purchase they drop out with probability
 * p ~ Beta(a, b). Inputs per customer: repeat frequency x, recency tX and age T in one time unit.
 */
import { ModelFitError } from './fit-notes.js';
import { aggregateRfm, validateRfm, type AggregatedRfm, type RfmColumns } from './columns.js';
import { curvatureGuess, diagnoseFit, NOT_DIAGNOSED, type FitDiagnostics } from './diagnostics.js';
import { minimize, minimizeNelderMead, fitProgress } from './optimize.js';
import { digamma, hyp2f1, lgamma, logBeta, logHyp2f1 } from './special.js';

export type { RfmColumns } from './columns.js';

export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

export interface BgNbdFit extends BgNbdParams {
  /** Total log-likelihood in the data's own time unit (FHL 2005 report −9582.4 for CDNOW). */
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  /** Customers fitted (sum of weights). */
  readonly n: number;
  /** Distinct (x, tX, T) rows after aggregation. */
  readonly rows: number;
  /** Standard errors, boundary and flat parameters (names r, alpha, a, b). */
  readonly diagnostics: FitDiagnostics;
}

export interface FitOptions {
  /** Fewer customers than this is a data error (default 20). */
  minCustomers?: number;
  maxIterations?: number;
  /** 'auto' (default): BFGS with the analytic gradient, Nelder–Mead rescue; 'nelder-mead': derivative-free only. */
  method?: 'auto' | 'nelder-mead';
  /** Start the search here instead of at 1 for every parameter (bootstrap refits). */
  start?: BgNbdParams;
  /** With `start`: the covariance of the log-parameters of that earlier fit (its diagnostics), as the first curvature. */
  startCovariance?: readonly (readonly number[])[];
  /** Compute standard errors and boundary checks (default true). */
  diagnose?: boolean;
  /** Likelihood evaluations the fit may spend (default: the optimiser's). */
  maxEvaluations?: number;
}

/** Total (weighted) BG/NBD log-likelihood, FHL 2005 eq. 6. */
export function bgNbdLogLikelihood(params: BgNbdParams, data: RfmColumns): number {
  return evaluateLikelihood(params, aggregateRfm(data), false).value;
}

/** Maximum-likelihood BG/NBD fit on log-parameters with time rescaled so that max T = 10. */
export function fitBgNbd(data: RfmColumns, options: FitOptions = {}): BgNbdFit {
  validateRfm(data);
  const scale = maxOf(data.T) / 10 || 1;
  const rows = aggregateRfm(data, scale);
  checkFittable(rows, options.minCustomers ?? 20);
  const unpack = (theta: readonly number[]): BgNbdParams => {
    const [r, alpha, a, b] = theta.map(Math.exp) as [number, number, number, number];
    return { r, alpha, a, b };
  };
  const objective = (theta: readonly number[]) => {
    if (theta.some((t) => Math.abs(t) > 30)) return { value: Infinity, gradient: theta.map(() => 0) };
    const p = unpack(theta);
    const { value, gradient } = evaluateLikelihood(p, rows, true);
    const pv = [p.r, p.alpha, p.a, p.b];
    // Mean negative log-likelihood and its gradient with respect to the log-parameters.
    return { value: -value / rows.customers, gradient: gradient.map((g, i) => (-g * (pv[i] as number)) / rows.customers) };
  };
  const value = (t: readonly number[]) => objective(t).value;
  const s = options.start;
  const x0 = s ? [s.r, s.alpha / scale, s.a, s.b].map(Math.log) : [0, 0, 0, 0];
  const result =
    options.method === 'nelder-mead'
      ? minimizeNelderMead(value, x0, { maxIterations: options.maxIterations, maxEvaluations: options.maxEvaluations })
      : minimize(value, x0, { gradient: objective, maxIterations: options.maxIterations ?? 1000, maxEvaluations: options.maxEvaluations, ...curvatureGuess(options.startCovariance, rows.customers) });
  const fitted = unpack(result.x);
  const params = { ...fitted, alpha: fitted.alpha * scale };
  const diagnostics = options.diagnose === false ? NOT_DIAGNOSED : diagnoseFit(BG_NBD_PARAMS, result.x, rows.customers, value, objective);
  // Rescaling time by s adds ln(s)·Σx to the log-likelihood; take it off for the data's own unit.
  let repeats = 0;
  for (let i = 0; i < rows.x.length; i++) repeats += (rows.x[i] as number) * (rows.weights[i] as number);
  const logLikelihood = evaluateLikelihood(fitted, rows, false).value - Math.log(scale) * repeats;
  return Object.freeze({
    ...params,
    logLikelihood,
    ...fitProgress(result),
    n: rows.customers,
    rows: rows.x.length,
    diagnostics,
  });
}

/** Parameter names in the order of the fit's vector. */
export const BG_NBD_PARAMS = ['r', 'alpha', 'a', 'b'] as const;

function maxOf(values: Float64Array): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, values[i] as number);
  return m;
}

function checkFittable(rows: AggregatedRfm, minCustomers: number): void {
  if (rows.customers < minCustomers) {
    throw new ModelFitError({ key: 'tooFewCustomers', args: ['BG/NBD', rows.customers, minCustomers] });
  }
  if (rows.xValues.every((v) => v === 0)) throw new ModelFitError({ key: 'onlyOnce', args: ['BG/NBD'] });
}

/** Weighted log-likelihood (FHL 2005 eq. 6) and, when asked, its gradient in (r, alpha, a, b). */
function evaluateLikelihood(p: BgNbdParams, d: AggregatedRfm, withGradient: boolean) {
  const perX = evaluatePerX(p, d, withGradient);
  const { r, alpha, a, b } = p;
  let value = perX.value + d.customers * r * Math.log(alpha);
  let gr = perX.gr + d.customers * Math.log(alpha);
  let gAlpha = (d.customers * r) / alpha;
  let ga = perX.ga;
  let gb = perX.gb;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i] as number;
    const w = d.weights[i] as number;
    const rx = r + x;
    const aT = alpha + (d.T[i] as number);
    const lT = Math.log(aT);
    if (x === 0) {
      value -= w * rx * lT;
      gr -= w * lT;
      gAlpha -= (w * rx) / aT;
      continue;
    }
    // ln[(α+T)^−(r+x) + a/(b+x−1)·(α+tX)^−(r+x)] by log-sum-exp of the two branches.
    const aTx = alpha + (d.tX[i] as number);
    const lt = Math.log(aTx);
    const u1 = -rx * lT;
    const u2 = (perX.lnA[d.xIndex[i] as number] as number) - rx * lt;
    const e = Math.exp(-Math.abs(u1 - u2));
    const p2 = u2 >= u1 ? 1 / (1 + e) : e / (1 + e);
    value += w * (Math.max(u1, u2) + Math.log1p(e));
    if (withGradient) {
      gr -= w * ((1 - p2) * lT + p2 * lt);
      gAlpha -= w * rx * ((1 - p2) / aT + p2 / aTx);
      ga += (w * p2) / a;
      gb -= (w * p2) / (b + x - 1);
    }
  }
  return { value, gradient: [gr, gAlpha, ga, gb] };
}

// Terms that depend on x only (lnΓ, ln B, digammas), computed once per distinct x.
function evaluatePerX(p: BgNbdParams, d: AggregatedRfm, withGradient: boolean) {
  const { r, a, b } = p;
  const lnA = new Float64Array(d.xValues.length);
  const base = lgamma(r) + logBeta(a, b);
  const [psiR, psiAB, psiB] = withGradient ? [digamma(r), digamma(a + b), digamma(b)] : [0, 0, 0];
  let value = 0;
  let gr = 0;
  let ga = 0;
  let gb = 0;
  for (let j = 0; j < d.xValues.length; j++) {
    const x = d.xValues[j] as number;
    const w = d.xWeights[j] as number;
    lnA[j] = x > 0 ? Math.log(a / (b + x - 1)) : -Infinity;
    value += w * (lgamma(r + x) + logBeta(a, b + x) - base);
    if (withGradient) {
      const psiABX = digamma(a + b + x);
      gr += w * (digamma(r + x) - psiR);
      ga += w * (psiAB - psiABX);
      gb += w * (digamma(b + x) - psiABX - psiB + psiAB);
    }
  }
  return { value, gr, ga, gb, lnA };
}

/** P(alive | x, tX, T), FHL 2005 eq. 13 (1 for x = 0 by the model's construction). */
export function pAlive(params: BgNbdParams, x: number, tX: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const lnOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tX));
  return 1 / (1 + Math.exp(lnOdds));
}

/** E[Y(t) | x, tX, T]: expected purchases in (T, T+t], FHL 2005 eq. 10. */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tX: number, T: number): number {
  if (t <= 0) return 0;
  return growthTerm(params, t, x, T) * pAlive(params, x, tX, T);
}

/** E[Y(t) | x, T, alive at T]: FHL 2005 eq. 10 without its P(alive) factor. */
export function expectedPurchasesIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  return t <= 0 ? 0 : growthTerm(params, t, x, T);
}

/** E[X(t)]: expected purchases of a new customer in (0, t], FHL 2005 eq. 7. */
export function expectedPurchasesNew(params: BgNbdParams, t: number): number {
  return t <= 0 ? 0 : growthTerm(params, t, 0, 0);
}

// (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x)·2F1(r+x, b+x; a+b+x−1; t/(α+T+t))], shared by eqs. 7 and 10.
function growthTerm(params: BgNbdParams, t: number, x: number, T: number): number {
  const { a } = params;
  if (Math.abs(a - 1) < 1e-6) {
    // The factor 1/(a−1) and the bracket both vanish at a = 1; average the two sides of the limit.
    const h = 1e-5;
    return (growthTerm({ ...params, a: 1 - h }, t, x, T) + growthTerm({ ...params, a: 1 + h }, t, x, T)) / 2;
  }
  const { r, alpha, b } = params;
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  const lnPower = (r + x) * Math.log1p(-z);
  const bracket =
    c > 0
      ? -Math.expm1(lnPower + logHyp2f1(r + x, b + x, c, z))
      : 1 - Math.exp(lnPower) * hyp2f1(r + x, b + x, c, z);
  return (c / (a - 1)) * bracket;
}

/** P(X(t) = n) for a new customer, FHL 2005 eq. 8. */
export function probabilityOfPurchases(params: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = params;
  const lnQ = Math.log(alpha / (alpha + t));
  const lnP = Math.log(t / (alpha + t));
  const lnB0 = logBeta(a, b);
  const first = Math.exp(logBeta(a, b + n) - lnB0 + lgamma(r + n) - lgamma(r) - lgamma(n + 1) + r * lnQ + n * lnP);
  if (n === 0) return first;
  let partial = 0;
  let term = Math.exp(r * lnQ);
  for (let j = 0; j < n; j++) {
    partial += term;
    term *= ((r + j) / (j + 1)) * Math.exp(lnP);
  }
  return first + Math.exp(logBeta(a + 1, b + n - 1) - lnB0) * (1 - partial);
}
