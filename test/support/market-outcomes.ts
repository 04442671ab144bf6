/**
 * What happens after the past season's contacts, drawn from the truth: who comes back and
 * when, and the CRM's outcomes file (`winback results --outcomes`) with the second lifetimes.
 */
import { stringify } from 'csv-stringify/sync';
import { formatIsoDay } from '../../src/domain/dates.js';
import type { Random } from '../../src/domain/random.js';
import type { EpochDay } from '../../src/domain/types.js';
import type { SimCustomer } from './market-population.js';
import { organicProbability, responseProbability, secondLifetimeMargin, secondLifetimeMonths, TRUTH, type Action } from './market-truth.js';

interface Fate {
  returned?: EpochDay;
  /** the offer of the latest contact: the terms the customer returns on */
  offer: string;
  organicDrawn: boolean;
}

/** The fates of the past season's customers, drawn entry by entry in ledger order. */
export class SeasonOutcomes {
  private readonly fates = new Map<string, Fate>();

  constructor(private readonly random: Random) {}

  /** Whether the customer came back before `day` (and so is missing from that day's export). */
  returnedBefore(id: string, day: EpochDay): boolean {
    return (this.fates.get(id)?.returned ?? Infinity) < day;
  }

  /**
   * One ledger entry: a contact, or a control entry (no contact). A customer's own return
   * (organic) is drawn once, at their first entry, over the 90 days after it; each contact
   * adds its own chance of a response.
   */
  record(c: SimCustomer, day: EpochDay, contact?: Action): void {
    let fate = this.fates.get(c.id);
    if (fate === undefined) this.fates.set(c.id, (fate = { offer: 'none', organicDrawn: false }));
    if (fate.returned !== undefined && fate.returned < day) return;
    const dates: EpochDay[] = fate.returned === undefined ? [] : [fate.returned];
    if (!fate.organicDrawn) {
      fate.organicDrawn = true;
      const organic = this.random() < organicProbability(c, day);
      const when = day + Math.floor(this.random() * 90);
      if (organic) dates.push(when);
    }
    if (contact) {
      fate.offer = contact.offer;
      const responds = this.random() < responseProbability(c, contact.offer, contact.channel, day);
      const when = day + Math.floor(this.random() * TRUTH.responseDelayDays);
      if (responds) dates.push(when);
    }
    if (dates.length > 0) fate.returned = Math.min(...dates);
  }

  /** The CRM's list of customers who came back by `asOf`, with second-lifetime revenue and margin so far. */
  outcomesCsv(past: readonly SimCustomer[], asOf: EpochDay): string {
    const rows: unknown[][] = [];
    for (const c of past) {
      const fate = this.fates.get(c.id);
      if (fate?.returned === undefined || fate.returned > asOf) continue;
      const churnMonthly = 1 / secondLifetimeMonths(c, fate.offer);
      let months = 0;
      let cancelled: EpochDay | undefined;
      for (let day = fate.returned; day <= asOf; day += 30) {
        months++;
        if (this.random() < churnMonthly) {
          cancelled = Math.min(asOf, day + 30);
          break;
        }
      }
      const margin = secondLifetimeMargin(c, fate.offer) * months;
      const revenue = margin / (c.marginPercent / 100);
      rows.push([c.id, formatIsoDay(fate.returned), revenue.toFixed(2), margin.toFixed(2), cancelled === undefined ? '' : formatIsoDay(cancelled)]);
    }
    return stringify([['Customer ID', 'Return Date', 'Revenue Since Return', 'Margin Since Return', 'Cancelled Again'], ...rows]);
  }

  /** Customers of the ledger who came back, contacted ones and control ones. */
  regainCounts(ledger: readonly Record<string, string>[]): { regainedContacted: number; regainedControl: number } {
    const contacted = new Set(ledger.filter((e) => e.outcome !== 'control').map((e) => e.customer_id));
    const counts = { regainedContacted: 0, regainedControl: 0 };
    for (const id of new Set(ledger.map((e) => e.customer_id as string))) {
      if (this.fates.get(id)?.returned === undefined) continue;
      if (contacted.has(id)) counts.regainedContacted++;
      else counts.regainedControl++;
    }
    return counts;
  }
}
