/**
 * Column-oriented customer summaries for the models: one Float64Array per variable, so a
 * million customers cost a few tens of megabytes and likelihood loops stay monomorphic.
 */
import { DataError } from '../../errors.js';

/** Per-customer repeat frequency x, recency tX and age T (same time unit), with optional weights. */
export interface RfmColumns {
  readonly x: Float64Array;
  readonly tX: Float64Array;
  readonly T: Float64Array;
  /** How many customers each row stands for (default 1 each). */
  readonly weights?: Float64Array;
}

/** Rows after merging identical (x, tX, T) triples, plus an index into the distinct x values. */
export interface AggregatedRfm {
  readonly x: Float64Array;
  readonly tX: Float64Array;
  readonly T: Float64Array;
  readonly weights: Float64Array;
  readonly xValues: Float64Array;
  readonly xIndex: Int32Array;
  /** Total weight of the rows with each distinct x. */
  readonly xWeights: Float64Array;
  readonly customers: number;
}

/** Checks one plain sentence per rule and throws a DataError naming the first bad row. */
export function validateRfm(data: RfmColumns): void {
  const { x, tX, T, weights } = data;
  if (tX.length !== x.length || T.length !== x.length || (weights && weights.length !== x.length)) {
    throw new DataError('frequency, recency, T (and weights) must have the same number of rows');
  }
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const ti = tX[i] as number;
    const Ti = T[i] as number;
    const where = `row ${i + 1}`;
    if (!(Number.isInteger(xi) && xi >= 0)) throw new DataError(`${where}: frequency must be a whole number ≥ 0, got ${xi}`);
    if (!(Ti > 0 && Number.isFinite(Ti))) throw new DataError(`${where}: T (customer age) must be positive, got ${Ti}`);
    if (!(ti >= 0 && ti <= Ti)) throw new DataError(`${where}: recency must lie between 0 and T, got ${ti} with T ${Ti}`);
    const wi = weights ? (weights[i] as number) : 1;
    if (!(wi >= 0 && Number.isFinite(wi))) throw new DataError(`${where}: weight must be a finite number ≥ 0, got ${wi}`);
  }
}

/** Merges identical (x, tX, T) rows into weights; summaries from day-stamped data repeat a lot. */
export function aggregateRfm(data: RfmColumns, timeScale = 1): AggregatedRfm {
  const slot = new Map<string, number>();
  const n = data.x.length;
  const x = new Float64Array(n);
  const tX = new Float64Array(n);
  const T = new Float64Array(n);
  const w = new Float64Array(n);
  let rows = 0;
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const wi = data.weights ? (data.weights[i] as number) : 1;
    if (wi === 0) continue;
    customers += wi;
    const key = `${data.x[i]},${data.tX[i]},${data.T[i]}`;
    const k = slot.get(key);
    if (k !== undefined) {
      w[k] = (w[k] as number) + wi;
      continue;
    }
    slot.set(key, rows);
    x[rows] = data.x[i] as number;
    tX[rows] = (data.tX[i] as number) / timeScale;
    T[rows] = (data.T[i] as number) / timeScale;
    w[rows] = wi;
    rows++;
  }
  const { xValues, xIndex } = indexDistinct(x.subarray(0, rows));
  const xWeights = new Float64Array(xValues.length);
  for (let i = 0; i < rows; i++) {
    const k = xIndex[i] as number;
    xWeights[k] = (xWeights[k] as number) + (w[i] as number);
  }
  const weights = w.slice(0, rows);
  return { x: x.slice(0, rows), tX: tX.slice(0, rows), T: T.slice(0, rows), weights, xValues, xIndex, xWeights, customers };
}

/** Distinct values of a column and each row's position among them, so per-x terms are computed once. */
export function indexDistinct(values: Float64Array): { xValues: Float64Array; xIndex: Int32Array } {
  const positions = new Map<number, number>();
  const xIndex = new Int32Array(values.length);
  const distinct: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let k = positions.get(v);
    if (k === undefined) {
      k = distinct.length;
      positions.set(v, k);
      distinct.push(v);
    }
    xIndex[i] = k;
  }
  return { xValues: Float64Array.from(distinct), xIndex };
}

/** Pearson correlation of two equally long columns; NaN when either is constant. */
export function pearson(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const n = u.length;
  let mu = 0;
  let mv = 0;
  for (let i = 0; i < n; i++) {
    mu += u[i] as number;
    mv += v[i] as number;
  }
  mu /= n;
  mv /= n;
  let suv = 0;
  let suu = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    const du = (u[i] as number) - mu;
    const dv = (v[i] as number) - mv;
    suv += du * dv;
    suu += du * du;
    svv += dv * dv;
  }
  return suv / Math.sqrt(suu * svv);
}
