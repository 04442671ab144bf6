/**
 * Core defectors — core customers still alive but drifting (DOMAIN.md section 5) — need
 * retention, not a win-back letter: they are listed apart from the silent churners, with the
 * value their drift puts at risk and a measure that fits how the drift shows.
 */
import { purchaseRateRatio, type ClvConfig } from './clv.js';
import type { Said } from '../catalogue/index.js';

/** Why the measure fits, as a catalogue key (catalogue/messages.ts, clv) worded in the run's language. */
export type RetentionReason = Extract<Said<'clv'>, { key: 'retentionDoubt' | 'retentionRhythm' }>;

export type RetentionMeasure = 'personal_check_in' | 'reactivation_reminder';

export interface RetentionCase {
  readonly measure: RetentionMeasure;
  readonly reason: RetentionReason;
  /** Purchase-rate ratio (clv.ts): 0.5 means twice the usual gap has passed. */
  readonly rateRatio: number;
  /** CLV if the customer is alive now (spend × discounted E[Y | alive]). */
  readonly clvIfAlive: number;
  /** (1 − P(alive)) × clvIfAlive: the expected value the drift has already put in doubt. */
  readonly valueAtRisk: number;
}

/**
 * The retention case of a core defector. The measure is judgement: a P(alive) below the
 * defector threshold says the relationship itself is in doubt (a defect, a competitor): someone
 * who knows the customer asks what changed. Otherwise only the rhythm broke (boredom, a changed
 * need): a reminder with what is new, or a reorder offer.
 */
export function retentionCase(customer: { x: number; tX: number; T: number; pAlive: number }, clvIfAlive: number, config: ClvConfig): RetentionCase {
  const rateRatio = purchaseRateRatio(customer.x, customer.tX, customer.T);
  const doubt = customer.pAlive < config.defectorThreshold;
  return {
    measure: doubt ? 'personal_check_in' : 'reactivation_reminder',
    reason: doubt ? { key: 'retentionDoubt', args: [customer.pAlive, config.defectorThreshold] } : { key: 'retentionRhythm', args: [customer.pAlive, rateRatio] },
    rateRatio,
    clvIfAlive,
    valueAtRisk: Number.isFinite(clvIfAlive) ? (1 - customer.pAlive) * clvIfAlive : NaN,
  };
}
