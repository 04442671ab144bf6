import type { Context } from './context.js';
import { LOST_CUSTOMER_FIELDS, type Schema } from '../domain/read/fields.js';
import { buildSuppression, type Suppression, type SuppressionEntry } from '../domain/permission/permission.js';
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

/**
 * Reads a suppression list (--suppress FILE); a row that cannot be read stops the run, fail-closed.
 * `phoneCountry`: the country national numbers are read in (permission.defaultPhoneCountry).
 */
export async function readSuppression(ctx: Context, path: string, phoneCountry?: string, lang: Lang = 'en'): Promise<Suppression> {
  const opened = await openExport(path, { ...SUPPRESSION_SCHEMA, fields: SUPPRESSION_SCHEMA.fields.map((f) => (f.name === 'customer_id' ? { ...f, type: 'text' as const } : f)) }, { lang }, ctx);
  const entries: SuppressionEntry[] = [];
  for await (const ev of opened.rows()) {
    if (!ev.ok) {
      const t = messages(lang).campaign;
      throw new DataError(t.suppressLine(path, ev.reject.line, ev.reject.error), t.suppressLineHint);
    }
    entries.push(ev.values as SuppressionEntry);
  }
  return buildSuppression(entries, phoneCountry);
}
