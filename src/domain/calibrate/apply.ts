/**
 * A calibrated model's channel factors and second-lifetime scales folded into the playbook
 * (docs/model.md, section 7): the plan, its --explain and the holdout comparison then value
 * with them through the playbook's own fields — `channelResponse`, and each reason's
 * `lifetimeFactor` and `marginFactor` — computed once per run, not per customer. Pure.
 */
import type { CalibratedModel } from './calibrate.js';
import type { Channel, ReasonEntry } from '../playbook-types.js';

type Learned = Pick<CalibratedModel, 'channelEffects' | 'secondLifetime'>;

/** The playbook with the model's channel factors in place of its own, and its reasons' second lifetime scaled; the same object when the model learned neither. */
export function withLearnedFactors<P extends { reasons: readonly ReasonEntry[]; channelResponse?: Partial<Record<Channel, number>> }>(playbook: P, model: Learned | undefined): P {
  const channels = model?.channelEffects;
  const life = model?.secondLifetime;
  if (channels === undefined && life === undefined) return playbook;
  const reasons = life === undefined
    ? playbook.reasons
    : playbook.reasons.map((r) => ({ ...r, lifetimeFactor: r.lifetimeFactor * life.lengthScale, marginFactor: r.marginFactor * life.marginScale }));
  const learned = Object.entries(channels ?? {}).map(([c, e]) => [c, (e as { factor: number }).factor] as const);
  const channelResponse = learned.length > 0 ? { ...playbook.channelResponse, ...Object.fromEntries(learned) } : playbook.channelResponse;
  return { ...playbook, reasons, ...(channelResponse ? { channelResponse } : {}) };
}
