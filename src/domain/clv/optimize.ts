/**
 * Small deterministic minimisers for maximum-likelihood fits in a handful of dimensions:
 * BFGS (analytic or central-difference gradient, backtracking line search) and Nelder–Mead
 * with adaptive coefficients and restarts. `minimize` combines them: BFGS first, Nelder–Mead
 * from BFGS's best point when BFGS does not reach its gradient tolerance, then a BFGS polish.
 */

/** A function to minimise; may return Infinity/NaN outside its domain (treated as +∞). */
export type Objective = (x: readonly number[]) => number;
/** Value and gradient together, so a model can share work between them. */
export type ValueAndGradient = (x: readonly number[]) => { value: number; gradient: number[] };

export interface MinimizeResult {
  readonly x: readonly number[];
  readonly fx: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

/** How a fit's optimiser run went, as fit results report it. */
export function fitProgress(r: MinimizeResult): { iterations: number; evaluations: number; converged: boolean } {
  return { iterations: r.iterations, evaluations: r.evaluations, converged: r.converged };
}

export interface BfgsOptions {
  gradient?: ValueAndGradient;
  maxIterations?: number;
  /**
   * Stop (not converged) once this many objective evaluations are spent — a bound on the
   * time a fit can take on data the model cannot settle on (default: DEFAULT_MAX_EVALUATIONS).
   */
  maxEvaluations?: number;
  /** Converged when every gradient component is at most this in absolute value (default 1e-6). */
  gtol?: number;
  /** A first guess of the inverse Hessian (e.g. from an earlier fit of similar data); default the identity. */
  inverseHessian?: readonly (readonly number[])[];
}

export interface NelderMeadOptions {
  maxIterations?: number;
  maxEvaluations?: number;
  ftol?: number;
  xtol?: number;
  initialStep?: number;
  restarts?: number;
}

export type MinimizeOptions = BfgsOptions & NelderMeadOptions;

/**
 * Evaluations a fit may spend in all (BFGS, Nelder–Mead rescue and polish together). Fits
 * with an analytic gradient converge in tens to hundreds; a Nelder–Mead rescue from a poor
 * start can take tens of thousands. Without this bound the iteration limits alone allowed
 * ~300,000 evaluations, each a pass over every distinct customer summary: an hour on a large
 * export that the model cannot settle on.
 */
export const DEFAULT_MAX_EVALUATIONS = 50_000;

const finiteOr = (v: number): number => (Number.isFinite(v) ? v : Infinity);

/** Central-difference gradient of f at x. */
export function numericGradient(f: Objective, x: readonly number[], step = 1e-5): number[] {
  return x.map((xi, i) => {
    const h = step * Math.max(1, Math.abs(xi));
    const up = [...x];
    const down = [...x];
    up[i] = xi + h;
    down[i] = xi - h;
    return (f(up) - f(down)) / (2 * h);
  });
}

const dot = (u: readonly number[], v: readonly number[]): number => u.reduce((s, ui, i) => s + ui * (v[i] as number), 0);
const maxAbs = (v: readonly number[]): number => v.reduce((m, vi) => Math.max(m, Math.abs(vi)), 0);
const identity = (n: number, scale = 1): number[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? scale : 0)));
const matVec = (m: number[][], v: readonly number[]): number[] => m.map((row) => dot(row, v));

/** BFGS with inverse-Hessian updates and an Armijo backtracking line search. */
export function minimizeBfgs(f: Objective, x0: readonly number[], options: BfgsOptions = {}): MinimizeResult {
  const gtol = options.gtol ?? 1e-6;
  const maxIterations = options.maxIterations ?? 500;
  const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  let evaluations = 0;
  const spent = () => evaluations >= maxEvaluations;
  const evaluate = (x: readonly number[]): { value: number; gradient: number[] } => {
    evaluations += options.gradient ? 1 : 1 + 2 * x.length;
    if (options.gradient) {
      const r = options.gradient(x);
      return { value: finiteOr(r.value), gradient: r.gradient };
    }
    return { value: finiteOr(f(x)), gradient: numericGradient(f, x) };
  };
  let x = [...x0];
  let { value: fx, gradient: g } = evaluate(x);
  if (!Number.isFinite(fx)) return { x, fx, iterations: 0, evaluations, converged: false };
  const guess = options.inverseHessian;
  let h = guess ? guess.map((row) => [...row]) : identity(x.length);
  let iterations = 0;
  while (iterations < maxIterations && !(maxAbs(g) <= gtol) && !spent()) {
    iterations++;
    let d = matVec(h, g).map((v) => -v);
    if (!(dot(g, d) < 0)) {
      h = identity(x.length); // lost descent: restart from steepest descent
      d = g.map((v) => -v);
    }
    const step = searchLine(evaluate, spent, x, fx, g, d, iterations === 1 && !guess ? Math.min(1, 1 / maxAbs(g)) : 1);
    if (!step) break;
    const s = step.x.map((v, i) => v - (x[i] as number));
    const y = step.gradient.map((v, i) => v - (g[i] as number));
    h = updateInverseHessian(h, s, y, iterations === 1 && !guess);
    x = step.x;
    fx = step.value;
    g = step.gradient;
  }
  return { x, fx, iterations, evaluations, converged: maxAbs(g) <= gtol };
}

type Evaluate = (x: readonly number[]) => { value: number; gradient: number[] };

function searchLine(evaluate: Evaluate, spent: () => boolean, x: number[], fx: number, g: number[], d: number[], first: number) {
  const slope = dot(g, d);
  let t = first;
  for (let k = 0; k < 60 && !spent(); k++) {
    const candidate = x.map((v, i) => v + t * (d[i] as number));
    const r = evaluate(candidate);
    if (r.value <= fx + 1e-4 * t * slope && r.gradient.every(Number.isFinite)) return { x: candidate, ...r };
    t *= 0.5;
  }
  return undefined;
}

function updateInverseHessian(h: number[][], s: number[], y: number[], firstStep: boolean): number[][] {
  const sy = dot(s, y);
  if (!(sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y)))) return h; // curvature condition failed: keep H
  const base = firstStep ? identity(s.length, sy / dot(y, y)) : h;
  const hy = matVec(base, y);
  const yhy = dot(y, hy);
  const rho = 1 / sy;
  // H+ = H − ρ(H y sᵀ + s yᵀ H) + (ρ² yᵀHy + ρ) s sᵀ
  return base.map((row, i) =>
    row.map((hij, j) => {
      const si = s[i] as number;
      const sj = s[j] as number;
      return hij - rho * ((hy[i] as number) * sj + si * (hy[j] as number)) + (rho * rho * yhy + rho) * si * sj;
    }),
  );
}

/** Nelder–Mead (Gao–Han adaptive coefficients), restarted around the best point until it stops improving. */
export function minimizeNelderMead(f: Objective, x0: readonly number[], options: NelderMeadOptions = {}): MinimizeResult {
  const restarts = options.restarts ?? 3;
  const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  let best = runSimplex(f, x0, options, maxEvaluations);
  let { iterations, evaluations } = best;
  for (let k = 0; k < restarts && evaluations < maxEvaluations; k++) {
    const next = runSimplex(f, best.x, options, maxEvaluations - evaluations);
    iterations += next.iterations;
    evaluations += next.evaluations;
    const gain = best.fx - next.fx;
    if (next.fx <= best.fx) best = next;
    if (gain <= (options.ftol ?? 1e-12) * Math.max(1, Math.abs(best.fx))) break;
  }
  return { ...best, iterations, evaluations };
}

type Vertex = { x: number[]; f: number };

function runSimplex(f: Objective, x0: readonly number[], options: NelderMeadOptions, maxEvaluations: number): MinimizeResult {
  const n = x0.length;
  const ftol = options.ftol ?? 1e-12;
  const xtol = options.xtol ?? 1e-7;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const step = options.initialStep ?? 0.5;
  let evaluations = 0;
  const value = (x: number[]) => (evaluations++, finiteOr(f(x)));
  let simplex: Vertex[] = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))].map((x) => ({ x: [...x], f: value([...x]) }));
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && evaluations < maxEvaluations) {
    simplex.sort((p, q) => p.f - q.f);
    const lo = simplex[0] as Vertex;
    const fSpread = (simplex[n] as Vertex).f - lo.f;
    const xSpread = Math.max(...simplex.map((p) => maxAbs(p.x.map((v, i) => v - (lo.x[i] as number)))));
    const fScale = Math.max(Math.abs(lo.f), 1e-300);
    // Also stop at the rounding floor: vertices that differ only in the last bits cannot be ordered.
    if ((fSpread <= ftol * fScale && xSpread <= xtol) || fSpread <= 4 * Number.EPSILON * fScale) {
      converged = true;
      break;
    }
    iterations++;
    simplex = stepSimplex(simplex, value);
  }
  simplex.sort((p, q) => p.f - q.f);
  const best = simplex[0] as Vertex;
  return { x: best.x, fx: best.f, iterations, evaluations, converged };
}

// One reflect / expand / contract / shrink move on a sorted simplex (Gao & Han 2012 coefficients).
function stepSimplex(simplex: Vertex[], value: (x: number[]) => number): Vertex[] {
  const n = simplex.length - 1;
  const [alpha, beta, gamma, delta] = [1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n];
  const lo = simplex[0] as Vertex;
  const hi = simplex[n] as Vertex;
  const centroid = lo.x.map((_, i) => simplex.slice(0, n).reduce((s, p) => s + (p.x[i] as number), 0) / n);
  const toward = (t: number): Vertex => {
    const x = centroid.map((c, i) => c + t * (c - (hi.x[i] as number)));
    return { x, f: value(x) };
  };
  const next = [...simplex];
  const reflected = toward(alpha);
  if (reflected.f < lo.f) {
    const expanded = toward(alpha * beta);
    next[n] = expanded.f < reflected.f ? expanded : reflected;
  } else if (reflected.f < (simplex[n - 1] as Vertex).f) {
    next[n] = reflected;
  } else {
    const outside = reflected.f < hi.f;
    const contracted = toward(outside ? alpha * gamma : -gamma);
    if (contracted.f < (outside ? reflected.f : hi.f)) next[n] = contracted;
    else return simplex.map((p, k) => (k === 0 ? p : shrinkPoint(p.x, lo.x, delta, value)));
  }
  return next;
}

function shrinkPoint(x: number[], toward: number[], delta: number, value: (x: number[]) => number) {
  const moved = x.map((v, i) => (toward[i] as number) + delta * (v - (toward[i] as number)));
  return { x: moved, f: value(moved) };
}

/** BFGS, with a Nelder–Mead rescue and a BFGS polish when BFGS alone does not converge. */
export function minimize(f: Objective, x0: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  const budget = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const first = minimizeBfgs(f, x0, { ...options, maxEvaluations: budget });
  if (first.converged || first.evaluations >= budget) return first;
  const rescue = minimizeNelderMead(f, first.fx < finiteOr(f(x0)) ? first.x : x0, { ...options, maxEvaluations: budget - first.evaluations - 1 });
  const polish = minimizeBfgs(f, rescue.x, { ...options, maxEvaluations: Math.max(1, budget - first.evaluations - 1 - rescue.evaluations) });
  const best = [first, rescue, polish].reduce((p, q) => (q.fx < p.fx ? q : p));
  return {
    x: best.x,
    fx: best.fx,
    iterations: first.iterations + rescue.iterations + polish.iterations,
    evaluations: first.evaluations + rescue.evaluations + polish.evaluations + 1,
    converged: polish.converged || (rescue.converged && best === rescue) || best.converged,
  };
}
