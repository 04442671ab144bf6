/**
 * Customers entered by hand, for a worksheet without an export: one field at a time, each
 * answer saved, converted by the export's own value parser and planned by `planCustomer`.
 */
import { parseIsoDay } from '../domain/dates.js';
import { planCustomer } from '../domain/plan.js';
import { compareByPriority, manualCustomerRow, toCustomerRow } from '../domain/worksheet-apply.js';
import { completeManualCustomers, MANUAL_DONE, MANUAL_FIELDS, recordManualField } from '../domain/worksheet-session.js';
import type { WorksheetFlow } from './worksheet-flow.js';

/** Customers entered by hand: one field at a time, each saved; planned through the same planCustomer. */
export async function enterCustomers(flow: WorksheetFlow): Promise<void> {
  const { prompter } = flow.deps;
  for (;;) {
    const n = completeManualCustomers(flow.session).length;
    const draft = flow.session.manual[flow.session.manual.length - 1];
    const open = draft && draft[MANUAL_DONE] === undefined ? draft : undefined;
    if (!open && !(await prompter.confirm({ key: ['customers', String(n)], message: flow.t.ask.addCustomer, default: false }))) return;
    for (const field of MANUAL_FIELDS) {
      const value = await prompter.input({
        key: ['customers', String(n), field], message: flow.t.ask.manualField(field), ...(open?.[field] ? { default: open[field] } : {}),
        validate: (v) => validateManual(flow, field, v.trim()),
      });
      await flow.commit(recordManualField(flow.session, field, value.trim()));
    }
    await flow.commit(recordManualField(flow.session, MANUAL_DONE, 'yes'));
    addManualCustomer(flow, completeManualCustomers(flow.session).length - 1);
  }
}

function validateManual(flow: WorksheetFlow, field: string, v: string): true | string {
  const { t } = flow;
  if (field === 'customer_id') {
    if (v === '') return t.ask.required;
    return flow.customers.some((c) => c.base.row.customer_id === v) ? `'${v}' exists` : true;
  }
  if (v === '') return true;
  if (field === 'customer_since' || field === 'churn_date') return parseIsoDay(v) === undefined ? t.ask.badDate : true;
  if (['orders', 'revenue', 'margin', 'complaints'].includes(field)) return Number.isFinite(Number(v)) ? true : `'${v}': 1234.5`;
  return true;
}

/** Plans the i-th complete manual customer and adds it to the flow's customers. */
export function addManualCustomer(flow: WorksheetFlow, i: number): void {
  const fields = completeManualCustomers(flow.session)[i] as Record<string, string>;
  const { asOf, lang } = flow.deps.setup;
  const converted = manualCustomerRow(fields, i + 2, { asOf, lang });
  if (!converted.ok) {
    flow.say(`  ${converted.reject.error}\n`);
    return;
  }
  const base = planCustomer(toCustomerRow(converted.values, converted.warnings, i + 2), flow.deps.setup);
  flow.customers.push({ base, cells: converted.cells });
  flow.customers.sort((a, b) => compareByPriority(a.base, b.base));
}
