/**
 * Response per channel from contacts whose channel was drawn at random (docs/model.md, section
 * 7, "Randomised channels"): each channel's odds factor is the playbook's `channelResponse` times
 * e^δ_c, where δ_c is what the randomised outcomes say beyond the model, shrunk towards 0 (the
 * playbook) by parametric empirical Bayes (Morris 1983, JASA 78(381)): the spread of the true
 * shifts is estimated from the channels themselves. Pure.
 *
 * Only randomised channels count. A channel a past plan chose is chosen for the customer — a
 * visit for key accounts with an account manager, a phone call where consent was given — so
 * its customers differ from the letter's in ways the behaviour terms do not capture (size, the
 * manager, consent itself), and a factor fitted on them would credit the channel with its
 * customers.
 */
import type { Channel } from '../playbook-types.js';
import { logOddsShift, type Observation } from './effects.js';
import { sigmoid } from '../value/value.js';

/** A channel's response as the randomised contacts show it. */
export interface ChannelEffect {
  /** odds factor of the channel (the playbook's × e^shift) */
  factor: number;
  /** the playbook's factor it was shrunk towards */
  prior: number;
  /** randomised contacts on the channel, and how many came back */
  cases: number;
  wins: number;
  /** the shrinkage weight τ² / (τ² + v): 0 keeps the playbook's factor, 1 follows the data */
  weight: number;
}

/** One contact whose channel was drawn at random: its channel, the model's log-odds with the playbook's channel factor, the outcome. */
export interface RandomChannelRow {
  channel: Channel;
  offset: number;
  wonBack: boolean;
}

/**
 * A weak prior that only keeps a channel without a single win (or loss) finite: sd 3 in
 * log-odds, odds × 20 (judgement). The shrinkage itself is the empirical-Bayes step below.
 */
const MLE_PRIOR_SD = 3;

/**
 * The channels' effects. Per channel c: the shift δ̂_c that makes the model predict its
 * randomised contacts (nearly the maximum-likelihood estimate) and its variance v_c = 1 / Σ p(1−p)
 * (the inverse Fisher information), taken relative to the precision-weighted mean shift of all
 * channels (randomisation identifies the contrast between channels, not the model's level).
 * With the contrasts d_c ~ N(0, τ²) and d̂_c | d_c ~ N(d_c, v_c), τ̂² = max(0, Σ_c(d̂_c² − v_c) /
 * (k − 1)) (Morris 1983, the moment estimator, one degree of freedom spent on the mean), and the
 * posterior mean is d_c = d̂_c · τ̂² / (τ̂² + v_c). Channels whose differences agree with the
 * playbook's within their noise give τ̂² = 0: every factor stays the playbook's.
 */
export function channelEffectsOf(rows: readonly RandomChannelRow[], priorFactor: (channel: Channel) => number): Partial<Record<Channel, ChannelEffect>> {
  const cells = new Map<Channel, RandomChannelRow[]>();
  for (const r of rows) {
    const list = cells.get(r.channel);
    if (list) list.push(r);
    else cells.set(r.channel, [r]);
  }
  const raw = [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([channel, list]) => {
    const obs: Observation[] = list.map((r) => ({ offset: r.offset, y: r.wonBack ? 1 : 0 }));
    const shift = logOddsShift(obs, MLE_PRIOR_SD);
    const information = obs.reduce((s, o) => {
      const p = sigmoid(o.offset + shift);
      return s + p * (1 - p);
    }, 0);
    return { channel, list, shift, variance: information > 0 ? 1 / information : Infinity };
  });
  // Randomising the channel tells the channels apart, not the level of the model under them: a
  // shift all channels share is the base rates' error (which the response part learns, or which
  // stays the playbook's), and as a channel factor it would move every reason alike. Only each
  // channel's difference from the precision-weighted mean shift counts; with one channel, none.
  const finite = raw.filter((c) => Number.isFinite(c.variance));
  const precision = finite.reduce((s, c) => s + 1 / c.variance, 0);
  const level = precision > 0 ? finite.reduce((s, c) => s + c.shift / c.variance, 0) / precision : 0;
  // Var(δ̂_c − level) = v_c − 1/Σ(1/v): the contrast's own noise.
  const contrasts = raw.map((c) => ({ ...c, shift: c.shift - level, variance: Number.isFinite(c.variance) ? Math.max(c.variance - 1 / precision, 1e-12) : Infinity }));
  const tau2 = finite.length < 2 ? 0 : Math.max(0, contrasts.reduce((s, c) => (Number.isFinite(c.variance) ? s + c.shift ** 2 - c.variance : s), 0) / (finite.length - 1));
  const out: Partial<Record<Channel, ChannelEffect>> = {};
  for (const c of contrasts) {
    const weight = Number.isFinite(c.variance) && tau2 > 0 ? tau2 / (tau2 + c.variance) : 0;
    const prior = priorFactor(c.channel);
    out[c.channel] = { factor: prior * Math.exp(weight * c.shift), prior, cases: c.list.length, wins: c.list.filter((r) => r.wonBack).length, weight };
  }
  return out;
}
