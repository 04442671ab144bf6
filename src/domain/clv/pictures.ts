/**
 * The figures of `clv --html` (issue 23), gathered while the customers are valued: the
 * frequency–recency matrices of expected purchases and of P(alive) (each cell the mean over
 * the customers in it, so every cell can be checked against customers.csv), calibration vs
 * holdout purchases by calibration frequency, and the lifecycle phases by month of the first
 * purchase. Memory stays flat: fixed bins and one counter per cohort. Pure.
 */
import { calendarOf } from '../dates.js';
import type { LifecyclePhase } from './clv.js';
import type { CustomerTable, ValuedCustomer } from './fit-models.js';

/** Lower edges of the frequency rows (repeat purchases): 0, 1, 2, 3, 4–5, 6–9, 10+ (judgement: dense where most customers are). */
export const FREQUENCY_EDGES = [0, 1, 2, 3, 4, 6, 10] as const;
/** Recency columns: equal widths from 0 to the longest customer age T. */
export const RECENCY_COLUMNS = 6;
/** Calibration frequencies shown one by one; the last group holds this many and more. */
export const CALIBRATION_GROUPS = 7;
/** Cohorts shown at most: months, else quarters, else years (judgement: a readable chart). */
export const MAX_COHORTS = 24;
export const COHORT_PHASES = ['first_time_buyer', 'early_repeat', 'core', 'core_defector', 'lost'] as const satisfies readonly LifecyclePhase[];

interface Cell { customers: number; purchases: number; pAlive: number }
interface Group { customers: number; actual: number; predicted: number }

export interface PicturesAccumulator {
  maxT: number;
  cells: Cell[][];
  calibration: Group[] | null;
  /** first purchase month (year × 12 + month − 1) → customers per phase */
  cohorts: Map<number, Record<(typeof COHORT_PHASES)[number], number>>;
  withoutFirstDay: number;
}

export function createPictures(table: CustomerTable, holdout: boolean): PicturesAccumulator {
  let maxT = 0;
  for (const t of table.T) if (t > maxT) maxT = t;
  return {
    maxT,
    cells: FREQUENCY_EDGES.map(() => Array.from({ length: RECENCY_COLUMNS }, () => ({ customers: 0, purchases: 0, pAlive: 0 }))),
    calibration: holdout ? Array.from({ length: CALIBRATION_GROUPS + 1 }, () => ({ customers: 0, actual: 0, predicted: 0 })) : null,
    cohorts: new Map(),
    withoutFirstDay: 0,
  };
}

/** The row of a frequency (repeat purchases). */
export function frequencyRow(x: number): number {
  let row = 0;
  FREQUENCY_EDGES.forEach((edge, i) => {
    if (x >= edge) row = i;
  });
  return row;
}

/** The column of a recency (age at the last purchase) when the oldest customer is maxT. */
export function recencyColumn(tX: number, maxT: number): number {
  if (!(maxT > 0)) return 0;
  return Math.min(RECENCY_COLUMNS - 1, Math.max(0, Math.floor((tX / maxT) * RECENCY_COLUMNS)));
}

export function addToPictures(acc: PicturesAccumulator, table: CustomerTable, i: number, v: ValuedCustomer): void {
  const x = table.x[i] as number;
  const cell = (acc.cells[frequencyRow(x)] as Cell[])[recencyColumn(table.tX[i] as number, acc.maxT)] as Cell;
  cell.customers++;
  cell.purchases += v.expectedPurchases;
  cell.pAlive += v.pAlive;
  if (acc.calibration && v.predictedHoldout !== undefined) {
    const g = acc.calibration[Math.min(CALIBRATION_GROUPS, Math.round(x))] as Group;
    g.customers++;
    g.actual += table.holdout[i] as number;
    g.predicted += v.predictedHoldout;
  }
  const first = table.firstDay[i] as number;
  if (!Number.isFinite(first) || v.phase === 'prospect') {
    acc.withoutFirstDay++;
    return;
  }
  const { year, month } = calendarOf(first);
  const key = year * 12 + month - 1;
  let c = acc.cohorts.get(key);
  if (c === undefined) acc.cohorts.set(key, (c = { first_time_buyer: 0, early_repeat: 0, core: 0, core_defector: 0, lost: 0 }));
  c[v.phase]++;
}

export interface ClvPictures {
  frequency: string[];
  /** column edges in period units: column j spans recency[j] to recency[j + 1] */
  recency: number[];
  customers: number[][];
  /** mean expected purchases over the horizon; null for an empty cell */
  expectedPurchases: (number | null)[][];
  pAlive: (number | null)[][];
  calibration: { frequency: string; customers: number; actual: number; predicted: number }[] | null;
  cohorts: { label: string; phases: Record<(typeof COHORT_PHASES)[number], number> }[];
  cohortUnit: 'month' | 'quarter' | 'year';
  withoutFirstDay: number;
}

const mean = (sum: number, n: number) => (n > 0 ? sum / n : null);

export function finishPictures(acc: PicturesAccumulator): ClvPictures {
  const frequency = FREQUENCY_EDGES.map((edge, i) => {
    const next = FREQUENCY_EDGES[i + 1];
    if (next === undefined) return `${edge}+`;
    return next - edge === 1 ? String(edge) : `${edge}–${next - 1}`;
  });
  const recency = Array.from({ length: RECENCY_COLUMNS + 1 }, (_, j) => (acc.maxT * j) / RECENCY_COLUMNS);
  return {
    frequency, recency,
    customers: acc.cells.map((row) => row.map((c) => c.customers)),
    expectedPurchases: acc.cells.map((row) => row.map((c) => mean(c.purchases, c.customers))),
    pAlive: acc.cells.map((row) => row.map((c) => mean(c.pAlive, c.customers))),
    calibration: acc.calibration?.map((g, i) => ({
      frequency: i === CALIBRATION_GROUPS ? `${i}+` : String(i), customers: g.customers,
      actual: mean(g.actual, g.customers) ?? 0, predicted: mean(g.predicted, g.customers) ?? 0,
    })).filter((g) => g.customers > 0) ?? null,
    ...cohortsOf(acc),
    withoutFirstDay: acc.withoutFirstDay,
  };
}

function cohortsOf(acc: PicturesAccumulator): Pick<ClvPictures, 'cohorts' | 'cohortUnit'> {
  const keys = [...acc.cohorts.keys()].sort((a, b) => a - b);
  if (keys.length === 0) return { cohorts: [], cohortUnit: 'month' };
  const span = (keys[keys.length - 1] as number) - (keys[0] as number) + 1;
  const unit = span <= MAX_COHORTS ? 'month' : span <= 3 * MAX_COHORTS ? 'quarter' : 'year';
  const size = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const label = (k: number) => {
    const year = Math.floor(k / 12);
    const month = (k % 12) + 1;
    return unit === 'month' ? `${year}-${String(month).padStart(2, '0')}` : unit === 'quarter' ? `${year}-Q${Math.floor((month - 1) / 3) + 1}` : String(year);
  };
  const out = new Map<number, ClvPictures['cohorts'][number]>();
  // Every bucket from the first to the last, so gaps show as empty bars, not as missing time.
  for (let k = Math.floor((keys[0] as number) / size) * size; k <= (keys[keys.length - 1] as number); k += size) {
    out.set(k, { label: label(k), phases: { first_time_buyer: 0, early_repeat: 0, core: 0, core_defector: 0, lost: 0 } });
  }
  for (const [k, counts] of acc.cohorts) {
    const bucket = out.get(Math.floor(k / size) * size) as ClvPictures['cohorts'][number];
    for (const p of COHORT_PHASES) bucket.phases[p] += counts[p];
  }
  return { cohorts: [...out.values()], cohortUnit: unit };
}
