/**
 * The serial-defector guard of `winback campaign --outcomes FILE`: customers a contact won back
 * before who left again are flagged, offered no incentives ('cap') or excluded, as
 * campaign.serialDefectors says (docs/results.md, "Serial defectors").
 */
import { customerKey } from '../../domain/campaign/customer-key.js';
import type { Context } from '../../io/context.js';
import type { LedgerEntry } from '../../domain/campaign/contact-history.js';
import { OUTCOMES_SCHEMA } from '../../domain/read/fields.js';
import { withoutIncentives } from '../../domain/offer-depth.js';
import { planCustomer, type PlannedCustomer, type PlanSetup } from '../../domain/plan/plan.js';
import { attributeAttempts, backIndex, backSince, isSerialDefector, regainIndex, type BackIndex, type RegainIndex } from '../../domain/results/results.js';
import { readOutcomes } from '../../io/outcomes-file.js';
import type { LoadedPlanSetup } from '../../pipeline/plan-setup.js';
import { noteOf, type SavedNote } from '../../domain/catalogue/index.js';

export interface SerialGuard {
  regained: RegainIndex;
  /** customers who are customers again on as-of (any return, contacted or not) */
  back: BackIndex;
  /** customers (customerKey) an outcomes row of whom was rejected: a person decides (CampaignRules.unsureBack) */
  unsure: ReadonlyMap<string, { line: number; column: string }>;
  /** re-plans a serial defector without incentives in 'cap' mode (with the reading's objector points: PlanSetup.objectorKeys) and counts them */
  apply(p: PlannedCustomer, objectorKeys?: PlanSetup['objectorKeys']): PlannedCustomer;
  /** serial defectors among the planned customers */
  count(): number;
  /** forgets the count (the export is read again: DuplicateTracker.rerun) */
  reset(): void;
  warnings(): SavedNote[];
}

export type SerialOutcomes = Awaited<ReturnType<typeof readOutcomes>>;

/** Reads the outcomes file (before the ledger, whose entries of these customers the guard needs). */
export async function readSerialOutcomes(ctx: Context, outcomesFile: string, loaded: LoadedPlanSetup): Promise<SerialOutcomes> {
  const names = OUTCOMES_SCHEMA.fields.map((f) => f.name);
  const map = Object.fromEntries(Object.entries(loaded.read.map ?? {}).filter(([field]) => names.includes(field)));
  return readOutcomes(outcomesFile, { ...loaded.read, map }, ctx);
}

/** Attributes the outcomes to the ledger's contacts of those customers and builds the guard. */
export function buildSerialGuard(read: SerialOutcomes, ledger: readonly LedgerEntry[], loaded: LoadedPlanSetup): SerialGuard {
  const { setup } = loaded;
  const attempts = attributeAttempts(ledger, read.outcomes, {
    asOf: setup.asOf,
    windowDays: setup.config.campaign.attributionWindowDays,
    channelCosts: setup.playbook.channelCosts,
    offers: setup.playbook.offers,
    defaultMarginPercent: setup.config.model.defaultMarginPercent,
    // A customer a second contact won back is one won back: each contact's own window.
    window: 'each',
  });
  const regained = regainIndex(attempts);
  const mode = setup.config.campaign.serialDefectors;
  const capped = { ...setup, playbook: withoutIncentives(setup.playbook) };
  let serial = 0;
  const back = backIndex(read.outcomes.values(), setup.asOf);
  const unsure = new Map<string, { line: number; column: string }>();
  for (const r of read.rejects) {
    const key = customerKey(r.customer_id ?? '');
    if (key !== '' && !unsure.has(key)) unsure.set(key, { line: r.line, column: r.column });
  }
  return {
    regained,
    back,
    unsure,
    apply(p, objectorKeys) {
      // A customer again is excluded as returned, whatever an earlier spell says (not counted here).
      if (!isSerialDefector(regained, p.row.customer_id, p.row.churn_date) || backSince(back, p.row.customer_id, p.row.churn_date) !== undefined) return p;
      serial++;
      return mode === 'cap' ? planCustomer(p.row, objectorKeys ? { ...capped, objectorKeys } : capped) : p;
    },
    count: () => serial,
    reset: () => void (serial = 0),
    warnings() {
      const w = read.rejects.length > 0 ? [noteOf('campaign', { key: 'outcomesRejected', args: [read.rejects.length] })] : [];
      if (serial === 0) return w;
      return [...w, noteOf('campaign', { key: 'serialDefectors', args: [serial, mode] })];
    },
  };
}
