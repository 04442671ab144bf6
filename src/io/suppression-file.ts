import type { Context } from './context.js';
import { LOST_CUSTOMER_FIELDS, type Schema } from '../domain/read/fields.js';
import { buildSuppression, type Suppression, type SuppressionEntry } from '../domain/permission/permission.js';
import { contactPointsIn } from '../domain/permission/contact-point.js';
import { DataError } from '../errors.js';
import { messages, type Lang } from '../domain/catalogue/index.js';
import { openExport } from './open-export.js';

/** A suppression list needs at least one of customer id, email or phone (a country column is read too); read like any export. */
const SUPPRESSION_SCHEMA: Schema = {
  kind: 'suppression list',
  fields: LOST_CUSTOMER_FIELDS.filter((f) => ['customer_id', 'email', 'phone', 'country'].includes(f.name)),
  required: [['customer_id', 'email', 'phone']],
  uniqueId: false,
};

/** A column name that says it holds numbers to call ("Mobile Number", "Tel. Nr."): read for numbers, not ids. */
const PHONE_NAME = /phone|mobile|tel|handy|cell|fax|whatsapp|sms|rufnummer/i;
/** A column name that says it holds an identifier ("Account No", "Customer Ref", "Kundennr."). */
const ID_NAME = /(?:^|[\s_.-])(?:id|no|nr|number|nummer|num|ref|reference|referenz|key|kennung)\.?$|^(?:kd|kunden|customer|account|konto)[\s_.-]*(?:nr|no|id)\.?$/i;

/**
 * Reads a suppression list (--suppress FILE); a row that cannot be read stops the run, fail-closed.
 * `phoneCountry`: the country national numbers are read in (permission.defaultPhoneCountry).
 * Nothing in it is passed over in silence: a cell of the e-mail or phone column holding several
 * addresses or numbers, or one beside a remark ("a@b.de (unsubscribed 12/10)", "07911 123075
 * (mobile)"), suppresses each of them; a column under another name is read for addresses and
 * numbers too, and one whose name says it holds ids ("Account No") stops the run, asking for
 * its name as customer_id (its values cannot be told from other text).
 */
export async function readSuppression(ctx: Context, path: string, phoneCountry?: string, lang: Lang = 'en'): Promise<Suppression> {
  const t = messages(lang).campaign;
  const opened = await openExport(path, { ...SUPPRESSION_SCHEMA, fields: SUPPRESSION_SCHEMA.fields.map((f) => (f.name === 'customer_id' ? { ...f, type: 'text' as const } : f)) }, { lang }, ctx).catch((err: unknown) => {
    // No column of a known name: --map (the export's) cannot name one here, the list's headers must.
    if (err instanceof DataError && err.hint !== undefined && /--map customer_id=/.test(err.hint)) throw new DataError(err.message, t.suppressColumnsHint);
    throw err;
  });
  const unmapped = opened.mapping.unmapped.filter((i) => (opened.headers[i] ?? '').trim() !== '');
  const idColumn = unmapped.find((i) => ID_NAME.test((opened.headers[i] as string).trim()) && !PHONE_NAME.test(opened.headers[i] as string));
  if (idColumn !== undefined) {
    throw new DataError(t.suppressIdColumn(path, opened.headers[idColumn] as string), t.suppressIdColumnHint(opened.headers[idColumn] as string));
  }
  const contactColumns = (['email', 'phone'] as const).flatMap((field) => opened.mapping.fields.get(field) ?? []);
  const entries: SuppressionEntry[] = [];
  for await (const ev of opened.rows()) {
    if (!ev.ok) throw new DataError(t.suppressLine(path, ev.reject.line, ev.reject.error), t.suppressLineHint);
    const values = ev.values as SuppressionEntry;
    entries.push(values);
    // Every address and number in the contact cells and in the columns no field claims, each an entry of its own.
    for (const column of [...contactColumns, ...unmapped]) {
      const found = contactPointsIn(ev.cells[column]);
      for (const email of found.emails) entries.push({ email, ...(values.country ? { country: values.country } : {}) });
      for (const phone of found.phones) entries.push({ phone, ...(values.country ? { country: values.country } : {}) });
    }
  }
  return buildSuppression(entries, phoneCountry);
}
