/**
 * Customers entered by hand, for a worksheet without an export: one field at a time, each
 * answer saved, converted by the export's own value parser and planned by `planCustomer`.
 */
import { normaliseTypedDate } from '../../domain/worksheet/format.js';
import { planCustomer } from '../../domain/plan/plan.js';
import { compareByPriority, manualCustomerRow, toCustomerRow } from '../../domain/worksheet/apply.js';
import { completeManualCustomers, MANUAL_DONE, MANUAL_FIELDS, recordManualField } from '../../domain/worksheet/session.js';
import { PromptBack } from '../../io/prompts.js';
import { customerKey } from '../../domain/campaign/customer-key.js';
import { askQuestions, type WorksheetFlow } from './flow.js';

/** Customers entered by hand: one field at a time, each saved; planned through the same planCustomer. */
export async function enterCustomers(flow: WorksheetFlow): Promise<void> {
  const { prompter } = flow.deps;
  const { t } = flow;
  for (;;) {
    const n = completeManualCustomers(flow.session).length;
    const draft = flow.session.manual[flow.session.manual.length - 1];
    const open = draft && draft[MANUAL_DONE] === undefined ? draft : undefined;
    if (!open) {
      let add: boolean;
      try {
        add = await prompter.confirm({ key: ['customers', String(n)], message: t.ask.addCustomer, default: false, yes: t.ask.yes, no: t.ask.no });
      } catch (err) {
        // Esc at the first question of the session: nowhere further back, on to the table.
        if (err instanceof PromptBack) return;
        throw err;
      }
      if (!add) return;
    }
    // Esc goes back field by field.
    const nav = await askQuestions(MANUAL_FIELDS.map((field) => ({ ask: () => askField(flow, n, field) })));
    // From the first field back to "enter a customer?" (a customer begun stays open and is asked again).
    if (nav === '@back') continue;
    await flow.commit(recordManualField(flow.session, MANUAL_DONE, 'yes'));
    addManualCustomer(flow, completeManualCustomers(flow.session).length - 1);
  }
}

async function askField(flow: WorksheetFlow, n: number, field: string): Promise<void> {
  const { t } = flow;
  const last = flow.session.manual[flow.session.manual.length - 1];
  const earlier = last && last[MANUAL_DONE] === undefined ? last[field] : undefined;
  const value = await flow.deps.prompter.input({
    key: ['customers', String(n), field], message: t.ask.manualField(field), ...(earlier ? { default: earlier } : {}),
    validate: (v) => validateManual(flow, field, v.trim()),
  });
  // Dates are kept as YYYY-MM-DD, whichever form was typed.
  const isDate = field === 'customer_since' || field === 'churn_date';
  const stored = isDate ? (normaliseTypedDate(value) as string) : NUMBER_FIELDS.includes(field) ? decimalPoint(value, flow.lang) : value.trim();
  await flow.commit(recordManualField(flow.session, field, stored));
}

const NUMBER_FIELDS: readonly string[] = ['orders', 'revenue', 'margin', 'complaints'];

/**
 * A typed number in the session's language, stored with a decimal point: German "24.000,50" or
 * "24000,5", English "24,000.50" or "24000.5". A form of the other language ("24.000,50" in an
 * English session) is kept as typed and refused: read as the language says, it would be a
 * thousand times off.
 */
function decimalPoint(v: string, lang: 'en' | 'de'): string {
  const text = v.trim();
  const form = lang === 'de' ? /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/ : /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
  if (!form.test(text)) return text;
  return lang === 'de' ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
}

function validateManual(flow: WorksheetFlow, field: string, v: string): true | string {
  const { t } = flow;
  if (field === 'customer_id') {
    if (v === '') return t.ask.required;
    const same = flow.customers.find((c) => customerKey(c.base.row.customer_id) === customerKey(v));
    return same === undefined ? true : t.ask.exists(v, same.base.row.customer_id);
  }
  if (v === '') return true;
  if (field === 'customer_since' || field === 'churn_date') return normaliseTypedDate(v) === undefined ? t.ask.badDate : true;
  if (NUMBER_FIELDS.includes(field)) return Number.isFinite(Number(decimalPoint(v, flow.lang))) ? true : t.ask.badNumber(v);
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
  // One customer once, as the reader has it: ids match in any case and with any dash, and an objection in either entry wins.
  const key = customerKey(base.row.customer_id);
  const same = flow.customers.findIndex((c) => customerKey(c.base.row.customer_id) === key);
  if (same >= 0) {
    const kept = flow.customers[same] as (typeof flow.customers)[number];
    const objects = base.permission.blockAll !== undefined && kept.base.permission.blockAll === undefined;
    flow.say(`${flow.t.notes.sameCustomer(base.row.customer_id, kept.base.row.customer_id, objects || kept.base.permission.blockAll !== undefined)}\n`);
    if (objects) {
      flow.customers[same] = { base: { ...base, row: { ...base.row, customer_id: kept.base.row.customer_id } }, cells: converted.cells };
      flow.customers.sort((a, b) => compareByPriority(a.base, b.base));
    }
    return;
  }
  flow.customers.push({ base, cells: converted.cells });
  flow.customers.sort((a, b) => compareByPriority(a.base, b.base));
}
