/**
 * What a maximum-likelihood fit can and cannot say: standard errors of the log-parameters from
 * the observed information (the Hessian of the negative log-likelihood at the optimum), and the
 * parameters that ran to the edge of their space or that the likelihood hardly constrains. A
 * fit that "converged" on a boundary (BG/NBD with a → 0: nobody ever drops out) reports numbers
 * the data do not support; these checks say so.
 */
import { numericGradient, type Objective, type ValueAndGradient } from './optimize.js';

export interface FitDiagnostics {
  /** The log-parameters at the optimum, in the fit's scale (time and spend rescaled). */
  readonly logValues: Readonly<Record<string, number>>;
  /** Standard error of each log-parameter (NaN where the information is singular). */
  readonly logStandardErrors: Readonly<Record<string, number>>;
  /** Parameters whose estimate ran off towards 0 or ∞. */
  readonly onBoundary: readonly string[];
  /** Parameters the likelihood hardly constrains (flat): they cannot be estimated from this data. */
  readonly notEstimable: readonly string[];
  /** Correlation matrix of the log-parameter estimates (rows in parameter order); empty when singular. */
  readonly correlation: readonly (readonly number[])[];
  /** Covariance of the log-parameters in the fit's own scale; empty when singular. */
  readonly covariance: readonly (readonly number[])[];
}

/** Diagnostics of a fit that skipped them (bootstrap refits). */
export const NOT_DIAGNOSED: FitDiagnostics = Object.freeze({ logValues: {}, logStandardErrors: {}, onBoundary: [], notEstimable: [], correlation: [], covariance: [] });

/**
 * |ln θ| beyond this in the fit's scale (time rescaled so that the largest T is 10, spend to mean
 * 1) means a factor of more than e^7 ≈ 1,100 from the data's own scale: the optimiser is walking
 * off towards a limit, not sitting at an interior maximum. Judgement.
 */
export const BOUNDARY_LOG = 7;

/**
 * A standard error of ln θ above this means the one-σ band spans more than a factor of 10 each
 * way (ln 10 = 2.3): the data hardly constrain θ. Judgement.
 */
export const FLAT_LOG_SE = 2.3;

/**
 * Diagnoses a fit at `theta` (log-parameters in the fit's scale). `meanObjective` is the mean
 * negative log-likelihood over `customers`; with a gradient the Hessian is differenced from it.
 */
export function diagnoseFit(names: readonly string[], theta: readonly number[], customers: number, meanObjective: Objective, gradient?: ValueAndGradient): FitDiagnostics {
  const grad = gradient ? (t: readonly number[]) => gradient(t).gradient : (t: readonly number[]) => numericGradient(meanObjective, t, 1e-4);
  const hessian = symmetricHessian(grad, theta).map((row) => row.map((v) => v * customers));
  const onBoundary = names.filter((_, i) => Math.abs(theta[i] as number) > BOUNDARY_LOG);
  // Parameters on a boundary carry no information; the others are judged on their own block.
  const inner = names.flatMap((n, i) => (onBoundary.includes(n) ? [] : [i]));
  const block = inner.map((i) => inner.map((j) => (hessian[i] as number[])[j] as number));
  const blockCovariance = invertPositiveDefinite(block);
  // Singular information: a small ridge shows which directions carry none (their errors explode).
  const ridge = 1e-9 * Math.max(1e-12, ...block.map((row, k) => Math.abs(row[k] as number)));
  const usable = blockCovariance ?? invertPositiveDefinite(block.map((row, k) => row.map((v, l) => (k === l ? Math.max(v, 0) + ridge : v))));
  const se = theta.map(() => Infinity);
  inner.forEach((i, k) => {
    const variance = usable ? ((usable[k] as number[])[k] as number) : Infinity;
    se[i] = variance > 0 && variance < 1e6 ? Math.sqrt(variance) : Infinity;
  });
  const notEstimable = names.filter((_, i) => !((se[i] as number) <= FLAT_LOG_SE));
  const covariance = onBoundary.length === 0 ? blockCovariance : undefined;
  const correlation = covariance ? covariance.map((row, i) => row.map((v, j) => v / ((se[i] as number) * (se[j] as number)))) : [];
  return Object.freeze({
    logValues: Object.fromEntries(names.map((n, i) => [n, theta[i] as number])),
    logStandardErrors: Object.fromEntries(names.map((n, i) => [n, Number.isFinite(se[i]) ? (se[i] as number) : NaN])),
    onBoundary,
    notEstimable,
    correlation,
    covariance: covariance ?? [],
  });
}

// Central differences of the gradient, symmetrised; steps of 1e-4 in ln θ.
function symmetricHessian(grad: (t: readonly number[]) => number[], theta: readonly number[]): number[][] {
  const n = theta.length;
  const rows = theta.map((ti, i) => {
    const h = 1e-4 * Math.max(1, Math.abs(ti));
    const up = [...theta];
    const down = [...theta];
    up[i] = ti + h;
    down[i] = ti - h;
    const gu = grad(up);
    const gd = grad(down);
    return gu.map((v, j) => (v - (gd[j] as number)) / (2 * h));
  });
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => ((rows[i] as number[])[j] as number + ((rows[j] as number[])[i] as number)) / 2));
}

/** The inverse of a symmetric matrix by Cholesky; undefined unless it is (numerically) positive definite. */
export function invertPositiveDefinite(m: readonly (readonly number[])[]): number[][] | undefined {
  const n = m.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (m[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= ((l[i] as number[])[k] as number) * ((l[j] as number[])[k] as number);
      if (i === j) {
        if (!(sum > 1e-12 * Math.max(1, Math.abs((m[i] as number[])[i] as number)))) return undefined;
        (l[i] as number[])[i] = Math.sqrt(sum);
      } else (l[i] as number[])[j] = sum / ((l[j] as number[])[j] as number);
    }
  }
  // inverse = L⁻ᵀ L⁻¹, column by column.
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let sum = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= ((l[i] as number[])[k] as number) * (y[k] as number);
      y[i] = sum / ((l[i] as number[])[i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i] as number;
      for (let k = i + 1; k < n; k++) sum -= ((l[k] as number[])[i] as number) * ((inverse[k] as number[])[c] as number);
      (inverse[i] as number[])[c] = sum / ((l[i] as number[])[i] as number);
    }
  }
  return inverse;
}

/** The inverse Hessian of the mean objective from a covariance of the total: n · Σ. */
export function curvatureGuess(covariance: readonly (readonly number[])[] | undefined, customers: number): { inverseHessian?: number[][] } {
  return covariance && covariance.length > 0 ? { inverseHessian: covariance.map((row) => row.map((v) => v * customers)) } : {};
}
