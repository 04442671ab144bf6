/**
 * What the budget's first pass reads of each planned customer (`plan --budget`/`--capacity`,
 * `campaign --budget`): a customer the plan would approach, with every action worth making and
 * what it spends (domain/budget/budget.ts budgetCandidate), made where the customer is planned — on a
 * worker thread too, which loads this module — and sent as a compact record
 * (src/domain/record-codec.ts): the id, then offer, channel, value and spend per action. A
 * customer the plan would not approach sends an empty record; actions no selection picks are
 * left out.
 */
import { awaitsFix, type PlanSetup } from '../domain/plan/plan.js';
import { backSince, type BackIndex } from '../domain/results/attribution.js';
import type { EpochDay } from '../domain/types.js';
import type { Channel } from '../domain/playbook-types.js';
import type { RecordField } from '../domain/record-codec.js';
import { budgetCandidate, withoutDominated } from '../domain/budget/budget.js';
import type { BudgetCandidates } from '../domain/budget/columns.js';
import type { BudgetCandidate } from '../domain/budget/types.js';
import type { Projection } from '../engine/index.js';

const NONE: RecordField[] = [];

/** The budget pass's projection: each win-back customer's candidate as a record's fields. */
export function createProjection(options: { back: [string, EpochDay][] } | null, setup: PlanSetup): Projection {
  const threshold = setup.config.model.decisionThreshold;
  const back: BackIndex | undefined = options === null ? undefined : new Map(options.back);
  // Without the actions no selection picks, the main thread keeps fewer (domain/budget/budget.ts withoutDominated).
  // A customer waiting for a fix nobody has confirmed has no contact to buy (domain/plan/plan.ts awaitsFix), nor one who came back (campaign --outcomes).
  return (p) => (p.value.decision === 'win_back' && p.value.expected_value !== null && !awaitsFix(p) && (back === undefined || backSince(back, p.row.customer_id, p.row.churn_date) === undefined)
    ? candidateFields(withoutDominated(budgetCandidate(p.value, setup.playbook, threshold)))
    : NONE);
}

/** A candidate as the fields of its record. */
export function candidateFields(c: BudgetCandidate): RecordField[] {
  const fields: RecordField[] = [c.id];
  for (const o of c.options) fields.push(o.offer, o.channel, o.value, o.spend);
  return fields;
}

/** Adds the candidate of a record's fields to `table` (an empty record: a customer not approached). */
export function addCandidate(table: BudgetCandidates, f: readonly RecordField[]): void {
  if (f.length === 0) return;
  table.startCustomer(f[0] as string);
  for (let i = 1; i + 3 < f.length; i += 4) table.addOption(f[i] as string, f[i + 1] as Channel, f[i + 2] as number, f[i + 3] as number);
}
