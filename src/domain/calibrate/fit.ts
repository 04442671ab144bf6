/**
 * Penalised logistic regression by Newton's method (IRLS) for the reacquisition model:
 * one intercept per reason with a beta prior (as pseudo-cases) plus shared behaviour weights
 * with an L2 penalty. Small dense systems only: reasons + features is at most a few dozen.
 */
import { sigmoid } from '../value/value.js';

/** Design of a fit: per case its group (reason index), features, offset and outcome. */
export interface FitData {
  group: Int32Array;
  /** features[j][i]: feature j of case i */
  features: Float64Array[];
  offset: Float64Array;
  y: Uint8Array;
  /** per group: prior mean (probability) and prior strength in pseudo-cases */
  priorMean: number[];
  priorStrength: number;
  l2: number;
}

export interface FitResult {
  alpha: number[];
  beta: number[];
  iterations: number;
  converged: boolean;
  logPosterior: number;
}

/** Maximises the log-posterior; features listed in `active` are fitted, the others stay 0. */
export function fitPenalisedLogistic(data: FitData, active: boolean[], maxIterations: number): FitResult {
  const R = data.priorMean.length;
  const alpha = data.priorMean.map((p) => Math.log(p / (1 - p)));
  const beta = data.features.map(() => 0);
  let current = logPosterior(data, alpha, beta);
  for (let iter = 1; iter <= maxIterations; iter++) {
    const { gradient, hessian } = derivatives(data, alpha, beta, active);
    const step = solveLinear(hessian, gradient);
    // Step halving keeps every iteration an ascent step, so the fit cannot diverge.
    let scale = 1;
    for (; scale > 1e-6; scale /= 2) {
      const a = alpha.map((v, r) => v + scale * (step[r] as number));
      const b = beta.map((v, j) => v + scale * (step[R + j] as number));
      const next = logPosterior(data, a, b);
      if (next >= current - 1e-12) {
        alpha.splice(0, R, ...a);
        beta.splice(0, beta.length, ...b);
        current = next;
        break;
      }
    }
    if (Math.max(...step.map(Math.abs)) * scale < 1e-9) {
      return { alpha, beta, iterations: iter, converged: true, logPosterior: current };
    }
  }
  return { alpha, beta, iterations: maxIterations, converged: false, logPosterior: current };
}

/** Linear predictor of case i. */
export function linearPredictor(data: FitData, alpha: number[], beta: number[], i: number): number {
  let eta = (alpha[data.group[i] as number] as number) + (data.offset[i] as number);
  for (let j = 0; j < beta.length; j++) eta += (beta[j] as number) * ((data.features[j] as Float64Array)[i] as number);
  return eta;
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Log-likelihood + beta prior on σ(alpha) (k·π pseudo-wins, k·(1−π) pseudo-losses) − L2 penalty. */
export function logPosterior(data: FitData, alpha: number[], beta: number[]): number {
  let total = 0;
  for (let i = 0; i < data.y.length; i++) {
    const eta = linearPredictor(data, alpha, beta, i);
    total += (data.y[i] as number) * eta - softplus(eta);
  }
  const k = data.priorStrength;
  alpha.forEach((a, r) => (total += k * ((data.priorMean[r] as number) * a - softplus(a))));
  beta.forEach((b) => (total -= (data.l2 / 2) * b * b));
  return total;
}

function derivatives(data: FitData, alpha: number[], beta: number[], active: boolean[]) {
  const R = alpha.length;
  const P = R + beta.length;
  const gradient = new Array<number>(P).fill(0);
  const hessian = Array.from({ length: P }, () => new Array<number>(P).fill(0));
  const x = new Array<number>(P).fill(0);
  for (let i = 0; i < data.y.length; i++) {
    const mu = sigmoid(linearPredictor(data, alpha, beta, i));
    const w = mu * (1 - mu);
    const resid = (data.y[i] as number) - mu;
    x.fill(0);
    x[data.group[i] as number] = 1;
    for (let j = 0; j < beta.length; j++) x[R + j] = active[j] ? ((data.features[j] as Float64Array)[i] as number) : 0;
    for (let a = 0; a < P; a++) {
      const xa = x[a] as number;
      if (xa === 0) continue;
      gradient[a] = (gradient[a] as number) + resid * xa;
      const row = hessian[a] as number[];
      for (let b = 0; b < P; b++) row[b] = (row[b] as number) + w * xa * (x[b] as number);
    }
  }
  addPenalties(data, alpha, beta, active, gradient, hessian);
  return { gradient, hessian };
}

function addPenalties(data: FitData, alpha: number[], beta: number[], active: boolean[], g: number[], h: number[][]): void {
  const R = alpha.length;
  const k = data.priorStrength;
  alpha.forEach((a, r) => {
    const s = sigmoid(a);
    g[r] = (g[r] as number) + k * ((data.priorMean[r] as number) - s);
    (h[r] as number[])[r] = ((h[r] as number[])[r] as number) + k * s * (1 - s);
  });
  beta.forEach((b, j) => {
    const d = R + j;
    // An inactive feature gets a unit diagonal and zero gradient: its step is exactly 0.
    g[d] = active[j] ? (g[d] as number) - data.l2 * b : 0;
    (h[d] as number[])[d] = active[j] ? ((h[d] as number[])[d] as number) + data.l2 : 1;
  });
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and dense). */
export function solveLinear(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-14) continue; // singular direction: leave it unchanged
    for (let r = col + 1; r < n; r++) {
      const f = a[r]![col]! / p;
      if (f !== 0) for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const p = a[r]![r]!;
    if (Math.abs(p) < 1e-14) continue;
    let s = a[r]![n]!;
    for (let c = r + 1; c < n; c++) s -= a[r]![c]! * x[c]!;
    x[r] = s / p;
  }
  return x;
}
