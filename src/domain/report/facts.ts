/**
 * What the report knows about one planned customer (a ReportItem), whether it comes from a
 * fresh plan run or from a plan.csv row, plus the inferences the report draws from the data:
 * switching path, lifecycle phase at the loss, value bins. Pure.
 */
import type { ModelConfig } from '../defaults.js';
import { cents } from '../plan/summary.js';
import { checkPermission, type BlockReason, type PermissionConfig, type PermissionResult } from '../permission/permission.js';
import type { Channel, ReasonEntry } from '../playbook-types.js';
import type { PlannedCustomer } from '../plan/plan.js';
import type { CustomerRow, EpochDay, Segment } from '../types.js';
import { approachCostOf, type CostPrices } from '../plan/money.js';
import { discountToAsOf, firstLifetime, type FirstLifetime } from '../value/value.js';
import type { Decision } from '../value/types.js';

/**
 * How a departure unfolded (switching path analysis), inferred from the data:
 * - final: the reason rules out any return (deceased, business closed, ended by us);
 * - competitor: a competitor is named, a competitor contract end is known, or the reason is on the competition side;
 * - incident: complaints were recorded, or the reason is quality or service (a critical incident);
 * - drift: any other known reason (price, image, life phase, relocation …): no incident, no named competitor;
 * - unclear: unknown reason and no signal in the data.
 */
export type SwitchingPath = 'competitor' | 'incident' | 'drift' | 'final' | 'unclear';
export const SWITCHING_PATHS: readonly SwitchingPath[] = ['competitor', 'incident', 'drift', 'final', 'unclear'];

/**
 * Lifecycle phase the customer was in when lost: one order → first-time buyer; shorter than
 * EARLY_REPEAT_MONTHS → early repeat buyer; longer → core defector; no orders or tenure → unknown.
 */
export type LossPhase = 'first_time_buyer' | 'early_repeat' | 'core_defector' | 'unknown';
export const LOSS_PHASES: readonly LossPhase[] = ['first_time_buyer', 'early_repeat', 'core_defector', 'unknown'];
/** Tenure (months) below which a repeat buyer still counts as "early". */
export const EARLY_REPEAT_MONTHS = 12;

/** Expected-value bin edges (currency units); fixed so memory stays flat and charts are comparable between runs. */
export const VALUE_BIN_EDGES: readonly number[] = [0, 100, 500, 1000, 5000, 10000, 50000, 100000];

/** The computed plan columns the report reads (plan.csv or a PlannedCustomer). */
export interface PlanFacts {
  reason_code: string;
  decision: Decision;
  channel: Channel | '';
  p_winback: number | null;
  /** the organic return probability the expected value subtracts; null where the source has none */
  p_organic: number | null;
  expected_value: number | null;
  value_at_stake: number | null;
  contact_from: EpochDay | null;
  /** the last day of the contact window (null where the source has none) */
  contact_until: EpochDay | null;
  default_margin: boolean;
  /** the chosen offer ('' when the source does not say) */
  offer_type: string;
}

/** One customer as the report sees it: compact, no contact data. */
export interface ReportItem extends PlanFacts {
  customer_id: string;
  name: string;
  segment: Segment | 'unknown';
  path: SwitchingPath;
  phase: LossPhase;
  complaints: 'yes' | 'no' | 'unknown';
  competitor_known: boolean;
  /**
   * win_back customers: why their planned channel may not be used; no_channel customers: why
   * a letter may not be sent (the channel that needs no consent); null otherwise
   */
  blocked: BlockReason | null;
  account_manager: string;
  /** '' when the export has no region */
  region: string;
  /** win_back customers: the expected cost of the approach (null when the source cannot tell) */
  contact_cost: number | null;
  incentive_cost: number | null;
  /** the value model's monthly revenue of the first lifetime; null when unknown */
  monthly_revenue: number | null;
  /** codes of inputs that cannot both be right (see implausibleInputs) */
  implausible: string[];
  /** the churn date the row gives (null when it has none): a return after it makes the customer one again */
  churn_date: EpochDay | null;
}

/** What an item needs besides the row and the facts. */
export interface ItemContext {
  entryOf: (code: string) => Pick<ReasonEntry, 'side' | 'final'>;
  permission: PermissionConfig;
  model: ModelConfig;
  asOf: EpochDay;
  /** the prices of the run's playbook; undefined when the run's playbook is not the one loaded */
  prices?: CostPrices;
}

/** The facts of a freshly planned customer, equal to what plan.csv holds for it. */
export function factsOfPlanned(p: PlannedCustomer): PlanFacts {
  const v = p.value;
  return {
    // A retention-track customer is counted apart from every departure reason, as plan's summary does.
    reason_code: p.track === 'retention' ? 'retention' : p.reason.code,
    decision: v.decision,
    channel: p.channel ?? '',
    // rounded as plan.csv writes them, so both sources give the same report
    p_winback: v.p_winback === null ? null : Math.round(v.p_winback * 1e4) / 1e4,
    p_organic: v.p_organic === null ? null : Math.round(v.p_organic * 1e4) / 1e4,
    expected_value: v.expected_value === null ? null : cents(v.expected_value),
    value_at_stake: v.value_at_stake === null ? null : cents(v.value_at_stake),
    contact_from: p.window?.contactFrom ?? null,
    contact_until: p.window?.contactUntil ?? null,
    default_margin: v.firstLifetime.marginSource === 'default',
    offer_type: v.offer_type ?? '',
  };
}

/**
 * Builds the report's view of one customer from its input row and its plan facts. `verdict`:
 * the permission check the plan made of this row with `ctx.permission` (a customer planned
 * in this run), so that it is not made a second time.
 */
export function reportItem(row: CustomerRow, facts: PlanFacts, ctx: ItemContext, verdict?: Pick<PermissionResult, 'blockedBy'>): ReportItem {
  const entry = ctx.entryOf(facts.reason_code);
  const competitorKnown = Boolean(row.competitor?.trim()) || row.competitor_contract_end !== undefined;
  const complaints = row.complaints === undefined ? 'unknown' : row.complaints > 0 ? 'yes' : 'no';
  const life = firstLifetime(row, ctx.asOf, ctx.model);
  const cost = costOf(facts, ctx.prices, ctx.asOf, ctx.model, facts.reason_code === 'retention' ? row.p_alive : undefined);
  // One literal with every key (no spread of the facts): a spread followed by a dozen more
  // keys turned each item into a slow dictionary-mode object (measured: a fifth of report's CPU).
  return {
    reason_code: facts.reason_code,
    decision: facts.decision,
    channel: facts.channel,
    p_winback: facts.p_winback,
    p_organic: facts.p_organic,
    expected_value: facts.expected_value,
    value_at_stake: facts.value_at_stake,
    contact_from: facts.contact_from,
    contact_until: facts.contact_until,
    default_margin: facts.default_margin,
    offer_type: facts.offer_type,
    customer_id: row.customer_id,
    name: row.name ?? '',
    segment: row.segment ?? 'unknown',
    path: switchingPath(facts.reason_code, entry, competitorKnown, complaints === 'yes'),
    phase: lossPhase(row, life),
    complaints,
    competitor_known: competitorKnown,
    blocked: blockedChannel(row, facts, ctx, verdict),
    account_manager: row.account_manager?.trim() ?? '',
    region: row.region?.trim() ?? '',
    contact_cost: cost.contact,
    incentive_cost: cost.incentive,
    monthly_revenue: life.monthlyRevenue ?? null,
    implausible: implausibleInputs(row, ctx.asOf),
    churn_date: row.churn_date ?? null,
  };
}

function blockedChannel(row: CustomerRow, facts: PlanFacts, ctx: ItemContext, verdict: Pick<PermissionResult, 'blockedBy'> | undefined): BlockReason | null {
  if (facts.decision === 'win_back' && facts.channel !== '') return (verdict ?? checkPermission(row, ctx.permission)).blockedBy[facts.channel] ?? null;
  if (facts.decision === 'no_channel') return (verdict ?? checkPermission(row, ctx.permission)).blockedBy.letter ?? null;
  return null;
}

// Rounded to cents per customer, from the figures plan.csv holds, so every source gives the same sums.
// The discount is the value model's own (discountToAsOf from the contact date plan.csv names).
function costOf(facts: PlanFacts, prices: CostPrices | undefined, asOf: EpochDay, model: ModelConfig, pAlive: number | undefined): { contact: number | null; incentive: number | null } {
  if (facts.decision !== 'win_back' || facts.channel === '' || prices === undefined) return { contact: null, incentive: null };
  // A retention contact is valued at as-of, undiscounted (domain/value/retention.ts).
  const discount = pAlive !== undefined ? 1 : discountToAsOf(asOf, facts.contact_from ?? asOf, model);
  const both = approachCostOf(facts.decision, facts.channel, facts.offer_type, facts.p_winback, discount, pAlive, prices);
  return { contact: cents(discount * prices.channelCosts[facts.channel]), incentive: both === null ? null : cents(both.incentive) };
}

/**
 * Inputs that cannot both be right: a margin above the revenue, a churn date after the as-of
 * date or before the customer's start, revenue without a single order.
 */
export function implausibleInputs(row: CustomerRow, asOf: EpochDay): string[] {
  const out: string[] = [];
  const m = row.margin;
  if ((m?.kind === 'percent' && m.value > 100) || (m?.kind === 'amount' && row.revenue !== undefined && m.value > row.revenue && m.value > 0)) out.push('margin_above_revenue');
  if (row.churn_date !== undefined && row.churn_date > asOf) out.push('churn_after_as_of');
  if (row.churn_date !== undefined && row.customer_since !== undefined && row.customer_since > row.churn_date) out.push('start_after_churn');
  if (row.orders === 0 && (row.revenue ?? 0) > 0) out.push('revenue_without_orders');
  return out;
}

/** Infers the switching path; final reasons win over every signal, a named competitor over complaints. */
export function switchingPath(code: string, entry: Pick<ReasonEntry, 'side' | 'final'>, competitorKnown: boolean, complained: boolean): SwitchingPath {
  if (entry.final) return 'final';
  if (competitorKnown || entry.side === 'competition') return 'competitor';
  if (complained || code === 'quality' || code === 'service') return 'incident';
  return code === 'unknown' ? 'unclear' : 'drift';
}

function lossPhase(row: CustomerRow, life: FirstLifetime): LossPhase {
  if (row.orders === 1) return 'first_time_buyer';
  const tenure = life.tenureMonths;
  if (tenure === undefined) return 'unknown';
  return tenure < EARLY_REPEAT_MONTHS ? 'early_repeat' : 'core_defector';
}

/** Index of the expected-value bin: 0 is "below 0", the last is "at or above the last edge". */
export function valueBin(value: number): number {
  let i = 0;
  while (i < VALUE_BIN_EDGES.length && value >= (VALUE_BIN_EDGES[i] as number)) i++;
  return i;
}
