/**
 * What `report` reads of each planned customer (a ReportItem), made where the customer is
 * planned — on a worker thread too, which loads this module — and sent as a compact record
 * (src/domain/record-codec.ts) in a fixed field order.
 */
import type { PlanSetup } from '../domain/plan/plan.js';
import type { ReasonEntry } from '../domain/playbook-types.js';
import { pack, unpack, type RecordField } from '../domain/record-codec.js';
import { factsOfPlanned, reportItem, type ItemContext, type ReportItem } from '../domain/report/facts.js';
import type { CostPrices } from '../domain/plan/money.js';
import type { PermissionConfig } from '../domain/permission/permission.js';
import type { EpochDay } from '../domain/types.js';
import type { Projection } from '../engine/index.js';

/** The item's fields in the order reportItem makes them (the build fails when ReportItem gains one this list lacks). */
const ITEM_FIELDS = Object.keys({
  reason_code: 0, decision: 0, channel: 0, p_winback: 0, p_organic: 0, expected_value: 0, value_at_stake: 0, contact_from: 0, default_margin: 0, offer_type: 0,
  customer_id: 0, name: 0, segment: 0, path: 0, phase: 0, complaints: 0, competitor_known: 0, blocked: 0, account_manager: 0, region: 0,
  contact_cost: 0, incentive_cost: 0, monthly_revenue: 0, implausible: 0,
} satisfies Record<keyof ReportItem, 0>) as (keyof ReportItem)[];

/** The report's projection: each planned customer's item as of the plan's as-of date, with the run's permission settings and prices. */
export function createProjection(_options: null, setup: PlanSetup): Projection {
  const ctx = itemContext(setup, setup.asOf);
  // The plan checked permission with the same settings (ctx.permission is the setup's): its verdict is reused.
  return (p) => itemFields(reportItem(p.row, factsOfPlanned(p), ctx, p.permission));
}

/** A report item as the fields of its record. */
export function itemFields(item: ReportItem): RecordField[] {
  return ITEM_FIELDS.map((k) => (k === 'implausible' ? pack(item.implausible) : (item[k] as RecordField)));
}

/** The report item of a record's fields. */
export function itemOf(fields: readonly RecordField[]): ReportItem {
  const item: Record<string, unknown> = {};
  for (let i = 0; i < ITEM_FIELDS.length; i++) {
    const k = ITEM_FIELDS[i] as keyof ReportItem;
    item[k] = k === 'implausible' ? unpack(fields[i] as string) : fields[i];
  }
  return item as unknown as ReportItem;
}

/** What an item needs besides the row and the facts: the run's playbook entries, permission settings and prices. */
export function itemContext(setup: PlanSetup, asOf: EpochDay, permission: PermissionConfig = setup.config.permission, prices: CostPrices | undefined = setup.playbook): ItemContext {
  const entries = new Map<string, Pick<ReasonEntry, 'side' | 'final'>>(setup.playbook.reasons.map((r) => [r.code, r]));
  const none = { side: 'none', final: false } as const;
  return { entryOf: (code) => entries.get(code) ?? none, permission, model: setup.config.model, asOf, ...(prices ? { prices } : {}) };
}
