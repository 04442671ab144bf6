/**
 * What `report` reads of each planned customer (a ReportItem), made where the customer is
 * planned — on a worker thread too, which loads this module — and sent as a compact record
 * (src/domain/record-codec.ts) in a fixed field order.
 */
import type { PlanSetup } from '../domain/plan/plan.js';
import type { Channel, ReasonEntry } from '../domain/playbook-types.js';
import { pack, unpack, type RecordField } from '../domain/record-codec.js';
import { factsOfPlanned, reportItem, type ItemContext, type LossPhase, type ReportItem, type SwitchingPath } from '../domain/report/facts.js';
import type { Decision } from '../domain/value/types.js';
import type { CostPrices } from '../domain/plan/money.js';
import type { BlockReason, PermissionConfig } from '../domain/permission/permission.js';
import type { EpochDay } from '../domain/types.js';
import type { Projection } from '../engine/index.js';

/** The item's fields in the order reportItem makes them (the build fails when ReportItem gains one this list lacks). */
const ITEM_FIELDS = Object.keys({
  reason_code: 0, decision: 0, channel: 0, p_winback: 0, p_organic: 0, expected_value: 0, value_at_stake: 0, contact_from: 0, default_margin: 0, offer_type: 0,
  customer_id: 0, name: 0, segment: 0, path: 0, phase: 0, complaints: 0, competitor_known: 0, blocked: 0, account_manager: 0, region: 0,
  contact_cost: 0, incentive_cost: 0, monthly_revenue: 0, implausible: 0, contact_until: 0, churn_date: 0,
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

/**
 * The report item of a record's fields (in ITEM_FIELDS order). One literal with every key: an
 * item filled key by key became a slow dictionary-mode object, read again for every sum.
 */
export function itemOf(f: readonly RecordField[]): ReportItem {
  return {
    reason_code: f[0] as string, decision: f[1] as Decision, channel: f[2] as Channel | '', p_winback: f[3] as number | null, p_organic: f[4] as number | null,
    expected_value: f[5] as number | null, value_at_stake: f[6] as number | null, contact_from: f[7] as EpochDay | null, contact_until: f[24] as EpochDay | null, default_margin: f[8] as boolean, offer_type: f[9] as string,
    customer_id: f[10] as string, name: f[11] as string, segment: f[12] as ReportItem['segment'], path: f[13] as SwitchingPath, phase: f[14] as LossPhase,
    complaints: f[15] as ReportItem['complaints'], competitor_known: f[16] as boolean, blocked: f[17] as BlockReason | null, account_manager: f[18] as string, region: f[19] as string,
    contact_cost: f[20] as number | null, incentive_cost: f[21] as number | null, monthly_revenue: f[22] as number | null, implausible: unpack(f[23] as string),
    churn_date: f[25] as EpochDay | null,
  };
}

/** What an item needs besides the row and the facts: the run's playbook entries, permission settings and prices. */
export function itemContext(setup: PlanSetup, asOf: EpochDay, permission: PermissionConfig = setup.config.permission, prices: CostPrices | undefined = setup.playbook): ItemContext {
  const entries = new Map<string, Pick<ReasonEntry, 'side' | 'final'>>(setup.playbook.reasons.map((r) => [r.code, r]));
  const none = { side: 'none', final: false } as const;
  return { entryOf: (code) => entries.get(code) ?? none, permission, model: setup.config.model, asOf, ...(prices ? { prices } : {}) };
}
