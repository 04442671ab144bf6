/**
 * One face for the two purchase models (BG/NBD, Pareto/NBD): what the CLV, the phases and the
 * hand-over to plan need from a fitted model, per customer history (x, tX, T).
 */
import { expectedPurchases, expectedPurchasesIfAlive, pAlive, type BgNbdParams } from './bgnbd.js';
import { paretoNbdExpectedIfAlive, paretoNbdPAlive, type ParetoNbdParams } from './pareto-nbd.js';

export type PurchaseModelName = 'bg-nbd' | 'pareto-nbd';

export interface PurchaseModel {
  readonly name: PurchaseModelName;
  /** P(alive | x, tX, T). */
  pAlive(x: number, tX: number, T: number): number;
  /** E[Y(t) | x, tX, T]: expected purchases in (T, T+t], alive or not. */
  expectedPurchases(t: number, x: number, tX: number, T: number): number;
  /** E[Y(t) | x, tX, T, alive at T]: what the customer buys if alive (or regained) now. */
  expectedIfAlive(t: number, x: number, tX: number, T: number): number;
}

/** BG/NBD: E[Y | alive] is FHL 2005 eq. 10 without its P(alive) factor. */
export function bgNbdModel(params: BgNbdParams): PurchaseModel {
  return {
    name: 'bg-nbd',
    pAlive: (x, tX, T) => pAlive(params, x, tX, T),
    expectedPurchases: (t, x, tX, T) => expectedPurchases(params, t, x, tX, T),
    expectedIfAlive: (t, x, _tX, T) => expectedPurchasesIfAlive(params, t, x, T),
  };
}

/** Pareto/NBD (Schmittlein, Morrison & Colombo 1987, eq. 22). */
export function paretoNbdModel(params: ParetoNbdParams): PurchaseModel {
  return {
    name: 'pareto-nbd',
    pAlive: (x, tX, T) => paretoNbdPAlive(params, x, tX, T),
    expectedPurchases: (t, x, tX, T) => paretoNbdPAlive(params, x, tX, T) * paretoNbdExpectedIfAlive(params, t, x, T),
    expectedIfAlive: (t, x, _tX, T) => paretoNbdExpectedIfAlive(params, t, x, T),
  };
}
