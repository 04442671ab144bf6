/**
 * Special functions needed by the customer-value models: log-gamma, digamma, log-beta,
 * log-sum-exp and the Gauss hypergeometric function 2F1. Written for the argument ranges
 * the BG/NBD and Gamma-Gamma models produce (positive shape parameters, 0 ≤ z < 1).
 */

// Lanczos approximation with g = 7 and 9 coefficients: about 15 significant digits for x > 0.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Natural log of |Γ(x)| (Lanczos; reflection formula below 0.5). */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0.5) {
    // Γ(x)Γ(1−x) = π / sin(πx) keeps the approximation in its accurate range.
    const s = Math.sin(Math.PI * x);
    if (s === 0) return Infinity;
    return Math.log(Math.PI / Math.abs(s)) - lgamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0] as number;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
    sum += (LANCZOS_COEFFICIENTS[i] as number) / (z + i);
  }
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Digamma ψ(x) = d/dx ln Γ(x) for x > 0 (recurrence up to 6, then the asymptotic series). */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < 6) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // Bernoulli-number series of ψ(x) − ln x + 1/(2x).
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/** ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a+b). */
export function logBeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** ln(e^u + e^v) without overflow or underflow. */
export function logSumExp2(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** ln Σ e^(values[i]) without overflow or underflow; −∞ for an empty list. */
export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
  if (max === -Infinity || !Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp((values[i] as number) - max);
  return max + Math.log(sum);
}

const MAX_SERIES_TERMS = 10_000_000;
const SERIES_EPS = 1e-17;
const RESCALE_AT = 1e250;
const LN_RESCALE = Math.log(RESCALE_AT);

/**
 * ln 2F1(a, b; c; z) by its power series, for a, b, c > 0 and 0 ≤ z < 1, where every term is
 * positive. The running sum is rescaled so that large values (heavy buyers over long horizons,
 * 2F1 ≈ (1−z)^(c−a−b)) cannot overflow. NaN if the series does not settle.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) return NaN;
  let sum = 1;
  let term = 1;
  let logScale = 0;
  for (let k = 0; k < MAX_SERIES_TERMS; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    sum += term;
    if (sum > RESCALE_AT) {
      sum /= RESCALE_AT;
      term /= RESCALE_AT;
      logScale += LN_RESCALE;
    }
    // The tail after term k is at most term·ratio/(1−ratio) once ratios fall below 1.
    if (ratio < 1 && term * ratio <= SERIES_EPS * sum * (1 - ratio)) return logScale + Math.log(sum);
  }
  return NaN;
}

/**
 * 2F1(a, b; c; z) by its power series for |z| < 1 and any c that is not a non-positive integer;
 * terms may change sign (BG/NBD with x = 0 and a + b < 1 gives c < 0). NaN if it does not settle.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1) || (c <= 0 && Number.isInteger(c))) return NaN;
  if (a > 0 && b > 0 && c > 0 && z >= 0) return Math.exp(logHyp2f1(a, b, c, z));
  let sum = 1;
  let term = 1;
  for (let k = 0; k < MAX_SERIES_TERMS; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    if (Math.abs(ratio) < 1 && k > Math.max(Math.abs(a), Math.abs(b), Math.abs(c)) && Math.abs(term) <= SERIES_EPS * Math.abs(sum) * (1 - Math.abs(ratio))) {
      return sum;
    }
  }
  return NaN;
}

/** Nodes and weights of n-point Gauss–Legendre quadrature on [−1, 1] (Newton on Legendre polynomials). */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-15) break;
    }
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  return { nodes, weights };
}
