/**
 * Column-oriented customer summaries for the models: one Float64Array per variable, so a
 * million customers cost a few tens of megabytes and likelihood loops stay monomorphic.
 */
import { DataError } from '../../errors.js';
import { keyedError, noteOf, type Said } from '../catalogue/index.js';

/** A model input that breaks a rule, worded in the reader's language where it is shown. */
function inputError(said: Said<'clvData'>): DataError {
  return keyedError((m) => new DataError(m), noteOf('clvData', said));
}

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

/** Checks one plain sentence per rule (catalogue: clvData) and throws a DataError naming the first bad row. */
export function validateRfm(data: RfmColumns): void {
  const { x, tX, T, weights } = data;
  if (tX.length !== x.length || T.length !== x.length || (weights && weights.length !== x.length)) {
    throw inputError({ key: 'rowCounts', args: [] });
  }
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const ti = tX[i] as number;
    const Ti = T[i] as number;
    if (!(Number.isInteger(xi) && xi >= 0)) throw inputError({ key: 'frequency', args: [i + 1, xi] });
    // T = 0 (first purchase on the last day) is allowed: such a customer adds nothing to the likelihood.
    if (!(Ti >= 0 && Number.isFinite(Ti))) throw inputError({ key: 'age', args: [i + 1, Ti] });
    if (!(ti >= 0 && ti <= Ti)) throw inputError({ key: 'recency', args: [i + 1, ti, Ti] });
    const wi = weights ? (weights[i] as number) : 1;
    if (!(wi >= 0 && Number.isFinite(wi))) throw inputError({ key: 'weight', args: [i + 1, wi] });
  }
}

/**
 * Merges identical (x, tX, T) rows into weights (summaries from day-stamped data repeat a lot)
 * and divides the times by timeScale. An open-addressing table over typed arrays keeps this at a
 * few bytes per row, where a Map of string keys would cost hundreds.
 */
export function aggregateRfm(data: RfmColumns, timeScale = 1): AggregatedRfm {
  const n = data.x.length;
  const table = new Int32Array(tableSize(n)).fill(-1);
  const mask = table.length - 1;
  const source = new Int32Array(n);
  const w = new Float64Array(n);
  let rows = 0;
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const wi = data.weights ? (data.weights[i] as number) : 1;
    if (wi === 0) continue;
    customers += wi;
    const xi = data.x[i] as number;
    const ti = data.tX[i] as number;
    const Ti = data.T[i] as number;
    let h = hashTriple(xi, ti, Ti) & mask;
    for (;;) {
      const k = table[h] as number;
      if (k === -1) {
        table[h] = rows;
        source[rows] = i;
        w[rows++] = wi;
        break;
      }
      const j = source[k] as number;
      if (data.x[j] === xi && data.tX[j] === ti && data.T[j] === Ti) {
        w[k] = (w[k] as number) + wi;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  const pick = (column: Float64Array, scale: number) => Float64Array.from(source.subarray(0, rows), (j) => (column[j] as number) / scale);
  const x = pick(data.x, 1);
  const { xValues, xIndex } = indexDistinct(x);
  const xWeights = new Float64Array(xValues.length);
  for (let i = 0; i < rows; i++) {
    const k = xIndex[i] as number;
    xWeights[k] = (xWeights[k] as number) + (w[i] as number);
  }
  const weights = w.slice(0, rows);
  return { x, tX: pick(data.tX, timeScale), T: pick(data.T, timeScale), weights, xValues, xIndex, xWeights, customers };
}

function tableSize(rows: number): number {
  let size = 16;
  while (size < 2 * rows) size *= 2;
  return size;
}

const hashBits = new Float64Array(1);
const hashWords = new Uint32Array(hashBits.buffer);

// FNV-1a over the bit patterns of the three numbers, then an avalanche mix; +0 folds −0 into 0.
function hashTriple(a: number, b: number, c: number): number {
  let h = mixBits(mixBits(mixBits(0x811c9dc5, a + 0), b + 0), c + 0);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

function mixBits(h: number, v: number): number {
  hashBits[0] = v;
  h = Math.imul(h ^ (hashWords[0] as number), 0x01000193);
  return Math.imul(h ^ (hashWords[1] as number), 0x01000193);
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
