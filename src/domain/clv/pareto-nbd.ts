/**
 * Pareto/NBD model of repeat buying: Schmittlein, Morrison & Colombo (1987); likelihood as in
 * Fader, Hardie & Lee (2005), "A Note on Implementing the Pareto/NBD Model in MATLAB". While
 * alive a customer buys at Poisson rate λ ~ Gamma(r, alpha); the lifetime is exponential with
 * rate μ ~ Gamma(s, beta), so a customer can drop out at any time, not only after a purchase.
 * Inputs per customer: repeat frequency x, recency tX and age T in one time unit.
 */
import { ModelFitError } from './fit-notes.js';
import { aggregateRfm, validateRfm, type AggregatedRfm, type RfmColumns } from './columns.js';
import { curvatureGuess, diagnoseFit, NOT_DIAGNOSED, type FitDiagnostics } from './diagnostics.js';
import { fitProgress, minimize } from './optimize.js';
import { gaussLegendre, lgamma, logHyp2f1, logSumExp, logSumExp2 } from './special.js';

export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

export interface ParetoNbdFit extends ParetoNbdParams {
  /** Total log-likelihood in the data's own time unit (FHL 2005 note: −9595.0 on CDNOW). */
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly n: number;
  readonly rows: number;
  readonly diagnostics: FitDiagnostics;
}

/** Parameter names in the order of the fit's vector. */
export const PARETO_NBD_PARAMS = ['r', 'alpha', 's', 'beta'] as const;

/**
 * ln A0 of the FHL (2005) note, eqs. 2–3: the integral over the unobserved drop-out time between
 * tX and T, through ₂F₁ on whichever of alpha, beta is larger so that its argument lies in [0, 1).
 */
function logA0(p: ParetoNbdParams, x: number, tX: number, T: number): number {
  const big = Math.max(p.alpha, p.beta);
  // Near z = 1 (one of alpha, beta thousands of times the other, as an optimiser's step may
  // try) the series needs millions of terms per customer: the integral is taken directly.
  if (Math.abs(p.alpha - p.beta) / (big + tX) > SERIES_UP_TO) return logA0ByQuadrature(p, x, tX, T);
  return paretoNbdLogA0Series(p, x, tX, T);
}

/** Largest 2F1 argument for which logA0 sums the series (judgement: about 500 terms at most for 1e-17). */
const SERIES_UP_TO = 0.9;
const QUADRATURE = gaussLegendre(20);
const QUADRATURE_PANELS = 4;

/**
 * ln A0 from its integral: (s/(r+s+x))·A0 = ∫ from tX to T of s·(β+τ)^−(s+1)·(α+τ)^−(r+x) dτ
 * (FHL 2005 note; the density of dying at τ times not buying after tX), by Gauss–Legendre on
 * v = ln(m+τ), m = min(α, β), where the integrand is smooth; summed in logs.
 */
function logA0ByQuadrature(p: ParetoNbdParams, x: number, tX: number, T: number): number {
  const { r, alpha, s, beta } = p;
  if (!(T > tX)) return -Infinity;
  const m = Math.min(alpha, beta);
  const lo = Math.log(m + tX);
  const width = (Math.log(m + T) - lo) / QUADRATURE_PANELS;
  const terms: number[] = [];
  for (let panel = 0; panel < QUADRATURE_PANELS; panel++) {
    const mid = lo + (panel + 0.5) * width;
    for (let i = 0; i < QUADRATURE.nodes.length; i++) {
      const v = mid + 0.5 * width * (QUADRATURE.nodes[i] as number);
      const tau = Math.exp(v) - m;
      terms.push(Math.log(0.5 * width * (QUADRATURE.weights[i] as number)) + v - (s + 1) * Math.log(beta + tau) - (r + x) * Math.log(alpha + tau));
    }
  }
  return Math.log(r + s + x) + logSumExp(terms);
}

/** ln A0 by the 2F1 series, whatever its argument (tests compare both ways). */
export function paretoNbdLogA0Series(p: ParetoNbdParams, x: number, tX: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const k = r + s + x;
  const [big, b2] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const diff = Math.abs(alpha - beta);
  const lnF = (t: number) => logHyp2f1(k, b2, k + 1, diff / (big + t)) - k * Math.log(big + t);
  const atTx = lnF(tX);
  const atT = lnF(T);
  // F(tX) ≥ F(T): the difference in logs (expm1 keeps it exact for a short tX..T), 0 when T = tX.
  return atT >= atTx ? -Infinity : atTx + Math.log(-Math.expm1(atT - atTx));
}

/** ln A0 by the integral (tests compare both ways). */
export const paretoNbdLogA0Quadrature = logA0ByQuadrature;

/** ln L of one customer (FHL 2005 note, eq. 1). */
export function paretoNbdCustomerLogLikelihood(p: ParetoNbdParams, x: number, tX: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const head = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const died = Math.log(s / (r + s + x)) + logA0(p, x, tX, T);
  return head + logSumExp2(alive, died);
}

function logLikelihoodOf(p: ParetoNbdParams, d: AggregatedRfm): number {
  let value = 0;
  for (let i = 0; i < d.x.length; i++) {
    value += (d.weights[i] as number) * paretoNbdCustomerLogLikelihood(p, d.x[i] as number, d.tX[i] as number, d.T[i] as number);
  }
  return value;
}

/** Total (weighted) Pareto/NBD log-likelihood. */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, data: RfmColumns): number {
  return logLikelihoodOf(params, aggregateRfm(data));
}

/** Maximum-likelihood Pareto/NBD fit on log-parameters, time rescaled so that max T = 10. */
export function fitParetoNbd(data: RfmColumns, options: { minCustomers?: number; maxIterations?: number; start?: ParetoNbdParams; startCovariance?: readonly (readonly number[])[]; diagnose?: boolean; maxEvaluations?: number } = {}): ParetoNbdFit {
  validateRfm(data);
  let maxT = 0;
  for (let i = 0; i < data.T.length; i++) maxT = Math.max(maxT, data.T[i] as number);
  const scale = maxT / 10 || 1;
  const rows = aggregateRfm(data, scale);
  const minCustomers = options.minCustomers ?? 20;
  if (rows.customers < minCustomers) throw new ModelFitError({ key: 'tooFewCustomers', args: ['Pareto/NBD', rows.customers, minCustomers] });
  if (rows.xValues.every((v) => v === 0)) throw new ModelFitError({ key: 'onlyOnce', args: ['Pareto/NBD'] });
  const unpack = (theta: readonly number[]): ParetoNbdParams => {
    const [r, alpha, s, beta] = theta.map(Math.exp) as [number, number, number, number];
    return { r, alpha, s, beta };
  };
  // The objective on log-parameters (ln r, ln alpha, ln s, ln beta), as the diagnostics read it.
  const value = (theta: readonly number[]) => {
    if (theta.some((t) => Math.abs(t) > 30)) return Infinity;
    const v = -logLikelihoodOf(unpack(theta), rows) / rows.customers;
    return Number.isFinite(v) ? v : Infinity;
  };
  const s0 = options.start;
  const start = s0 ? [s0.r, s0.alpha / scale, s0.s, s0.beta / scale].map(Math.log) : [0, 0, 0, 0];
  const guess = curvatureGuess(options.startCovariance, rows.customers).inverseHessian;
  const result = minimize((w) => value(fromSearch(w)), toSearch(start), {
    maxIterations: options.maxIterations ?? 1000,
    maxEvaluations: options.maxEvaluations,
    ...(guess ? { inverseHessian: searchCovariance(guess) } : {}),
  });
  const theta = fromSearch(result.x);
  const fitted = unpack(theta);
  // Rescaling time by c changes alpha and beta by c and the likelihood by ln(c)·Σx.
  let repeats = 0;
  for (let i = 0; i < rows.x.length; i++) repeats += (rows.x[i] as number) * (rows.weights[i] as number);
  return Object.freeze({
    r: fitted.r,
    alpha: fitted.alpha * scale,
    s: fitted.s,
    beta: fitted.beta * scale,
    logLikelihood: logLikelihoodOf(fitted, rows) - Math.log(scale) * repeats,
    ...fitProgress(result),
    n: rows.customers,
    rows: rows.x.length,
    diagnostics: options.diagnose === false ? NOT_DIAGNOSED : diagnoseFit(PARETO_NBD_PARAMS, theta, rows.customers, value),
  });
}

/**
 * ln of the largest shape r or s the search reaches, in the fit's scale (s = e^10 ≈ 22,000: the
 * gamma of the drop-out rates then has a coefficient of variation of 0.7 %, i.e. one rate for
 * everyone). Judgement; above diagnostics' BOUNDARY_LOG, so a fit that stops here is reported
 * on its boundary.
 */
export const PARETO_NBD_SHAPE_CAP = 10;

/**
 * The search runs on w = (u_r, ln(r/alpha), u_s, ln(s/beta)) with ln r = cap − softplus(cap − u_r)
 * (and so for s). When the data show no heterogeneity in the purchase or the drop-out rate, the
 * likelihood rises towards its supremum only as r and alpha (or s and beta) run off together,
 * ever more slowly (like 1/s); on log-parameters the search crept along that ridge until its
 * evaluation budget was spent. Here the mean rate r/alpha (s/beta) is a coordinate of its own
 * and stays put, while the shape saturates at e^cap, where the gradient vanishes: the search
 * converges, on the boundary, and the diagnostics say what that means. Below the cap the map is
 * one to one (ln r = u_r − ln(1 + e^(u_r − cap)) ≈ u_r), so an interior optimum is unchanged.
 */
function fromSearch(w: readonly number[]): number[] {
  const [ur, lnRateR, us, lnRateS] = w as [number, number, number, number];
  const lnR = saturate(ur);
  const lnS = saturate(us);
  return [lnR, lnR - lnRateR, lnS, lnS - lnRateS];
}

/** Inverse of fromSearch for a start inside the cap. */
function toSearch(theta: readonly number[]): number[] {
  const [lnR, lnAlpha, lnS, lnBeta] = theta as [number, number, number, number];
  return [unsaturate(lnR), lnR - lnAlpha, unsaturate(lnS), lnS - lnBeta];
}

// cap − softplus(cap − u), computed without overflow on either side.
function saturate(u: number): number {
  const d = PARETO_NBD_SHAPE_CAP - u;
  return d > 0 ? u - Math.log1p(Math.exp(-d)) : PARETO_NBD_SHAPE_CAP - Math.log1p(Math.exp(d));
}

function unsaturate(lnShape: number): number {
  const d = Math.min(PARETO_NBD_SHAPE_CAP - lnShape, 700);
  // cap − ln(e^d − 1), d > 0; a start at or above the cap starts just below it.
  return d <= 1e-9 ? PARETO_NBD_SHAPE_CAP + 20 : PARETO_NBD_SHAPE_CAP - (d + Math.log(-Math.expm1(-d)));
}

/** A covariance of (ln r, ln alpha, ln s, ln beta) carried to the search coordinates (their linear part). */
function searchCovariance(c: readonly (readonly number[])[]): number[][] {
  const J = [[1, 0, 0, 0], [1, -1, 0, 0], [0, 0, 1, 0], [0, 0, 1, -1]];
  const JC = J.map((row) => [0, 1, 2, 3].map((j) => row.reduce((sum, v, k) => sum + v * ((c[k] as number[])[j] as number), 0)));
  return JC.map((row) => J.map((other) => row.reduce((sum, v, k) => sum + v * (other[k] as number), 0)));
}

/** P(alive | x, tX, T) (FHL 2005 note, eq. 4). */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tX: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const lnOdds = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(p, x, tX, T);
  return lnOdds === -Infinity ? 1 : 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[Y(t) | x, tX, T, alive]: expected purchases in (T, T+t] of a customer alive at T,
 * (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] (Schmittlein et al. 1987, eq. 22,
 * without its P(alive) factor); the limit (r+x)/(α+T)·(β+T)·ln((β+T+t)/(β+T)) at s = 1.
 */
export function paretoNbdExpectedIfAlive(p: ParetoNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  const u = Math.log1p(t / (beta + T));
  const c = s - 1;
  const lifetimeFactor = Math.abs(c * u) < 1e-12 ? u : -Math.expm1(-c * u) / c;
  return ((r + x) / (alpha + T)) * (beta + T) * lifetimeFactor;
}

/** E[Y(t) | x, tX, T] = P(alive) · E[Y(t) | alive] (Schmittlein et al. 1987, eq. 22). */
export function paretoNbdExpectedPurchases(p: ParetoNbdParams, t: number, x: number, tX: number, T: number): number {
  return paretoNbdPAlive(p, x, tX, T) * paretoNbdExpectedIfAlive(p, t, x, T);
}
