/**
 * Preparing raw transaction rows for the purchase models: which customer ids are really
 * missing-value markers, how an amount is computed from mapped columns (a column, or the
 * product of two, e.g. Quantity × UnitPrice), and which rows are returns or cancellations.
 */

import type { Said } from '../catalogue/index.js';

export { isMissingIdMarker, MISSING_ID_MARKERS } from '../read/missing-id.js';

/** Where a row's amount comes from: one column, or the product of two. */
export type AmountSpec = { kind: 'column'; header: string } | { kind: 'product'; left: string; right: string };

/** Why `--amount` cannot be read, as a catalogue key (catalogue/messages.ts, clvFlags). */
export type AmountProblem = Extract<Said<'clvFlags'>, { key: 'amountEmpty' | 'amountTooMany' }>;

/** Parses `--amount`: a header, or `Left*Right` (also `×`); the problem when it cannot. */
export function parseAmountSpec(text: string): { spec: AmountSpec } | { problem: AmountProblem } {
  const parts = text.split(/[*×]/).map((p) => p.trim());
  if (parts.some((p) => p === '')) return { problem: { key: 'amountEmpty', args: [text] } };
  if (parts.length === 1) return { spec: { kind: 'column', header: parts[0] as string } };
  if (parts.length === 2) return { spec: { kind: 'product', left: parts[0] as string, right: parts[1] as string } };
  return { problem: { key: 'amountTooMany', args: [text] } };
}

/** How returns are handled: netted against the customer's purchases, or rejected as rows. */
export type ReturnsMode = 'net' | 'reject';

/**
 * The signed amount of a row: a cancellation (invoice with the cancel prefix) always counts
 * as a return, whatever sign its amount was written with.
 */
export function signedAmount(amount: number, invoice: string | undefined, cancelPrefix: string | undefined): { amount: number; cancellation: boolean } {
  const cancellation = cancelPrefix !== undefined && invoice !== undefined && invoice.trim().startsWith(cancelPrefix);
  return { amount: cancellation ? -Math.abs(amount) : amount, cancellation };
}
