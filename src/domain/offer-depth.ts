/**
 * Offer depth guard (issue 10): a discount that gives away more margin than the configured
 * floor erodes the value of every customer it wins back, so plans and campaigns warn about it.
 */
import type { Playbook } from './playbook-types.js';
import { noteOf, type SavedNote } from './catalogue/index.js';

/** One warning (a catalogue key) per offer that a non-final reason may plan and whose margin reduction exceeds `maxDiscount`. */
export function offerDepthWarnings(playbook: Pick<Playbook, 'offers' | 'reasons'>, maxDiscount: number): SavedNote[] {
  const warnings: SavedNote[] = [];
  for (const offer of playbook.offers) {
    if (offer.marginReduction <= maxDiscount) continue;
    const reasons = playbook.reasons.filter((r) => !r.final && r.offers.includes(offer.id)).map((r) => r.code);
    if (reasons.length === 0) continue;
    const pct = (x: number) => String(Math.round(x * 1000) / 10);
    warnings.push(noteOf('plan', { key: 'offerDepth', args: [offer.id, pct(offer.marginReduction), pct(maxDiscount), reasons.join(', ')] }));
  }
  return warnings;
}

/**
 * The playbook with every reason limited to offers that give nothing away (no margin reduction,
 * no incentive): what a serial defector gets when campaign.serialDefectors is 'cap'.
 */
export function withoutIncentives<P extends Pick<Playbook, 'offers' | 'reasons'>>(playbook: P): P {
  const free = new Set(playbook.offers.filter((o) => o.marginReduction === 0 && o.incentiveCost === 0).map((o) => o.id));
  return { ...playbook, reasons: playbook.reasons.map((r) => ({ ...r, offers: r.offers.filter((id) => free.has(id)) })) };
}
