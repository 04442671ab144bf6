/**
 * Canonical fields of the exports winback reads, their value types and the header
 * spellings (English and German) that name them.
 */
import type { ReadTexts } from '../catalogue/index.js';
import type { EpochDay } from '../types.js';

/** `objection`: a yes/no cell where the words of a consent withdrawn ("opted out", "widerrufen") mean yes: the customer objected. */
export type FieldType = 'id' | 'text' | 'number' | 'integer' | 'date' | 'bool' | 'objection' | 'margin' | 'segment';

export interface FieldSpec {
  name: string;
  type: FieldType;
  aliases: readonly string[];
}

/** A set of fields read from one kind of file; `required` lists groups of which one must be present. */
export interface Schema {
  kind: string;
  fields: readonly FieldSpec[];
  required: readonly (readonly string[])[];
  /** reject a second row with the same customer_id */
  uniqueId: boolean;
  /**
   * Checks between fields of one converted row: a problem rejects the row (naming the field),
   * a warning keeps it. Values are as converted (dates as epoch days).
   */
  crossCheck?: (values: Readonly<Record<string, unknown>>, context: CrossCheckContext) => { field: string; problem?: string; warning?: string } | undefined;
}

/** What a cross check knows beyond the row: the as-of date (when given) and the texts to speak with. */
export interface CrossCheckContext {
  asOf: EpochDay | undefined;
  texts: ReadTexts;
}

const f = (name: string, type: FieldType, aliases: string[]): FieldSpec => ({ name, type, aliases: [name, ...aliases] });

/** Fields of a lost-customer export (issue 2). */
export const LOST_CUSTOMER_FIELDS: readonly FieldSpec[] = [
  f('customer_id', 'id', ['customer id', 'customerid', 'customer number', 'customer no', 'customer nr', 'cust id', 'client id', 'client number', 'account id', 'account number', 'id', 'kundennummer', 'kundennr', 'kunden nr', 'kd nr', 'kdnr', 'kd.-nr.', 'kunden-id', 'kundenid', 'kunde nr', 'debitor', 'debitorennummer', 'debitor nr']),
  f('name', 'text', ['customer name', 'full name', 'company', 'company name', 'account name', 'kundenname', 'firma', 'firmenname', 'name 1', 'name1']),
  f('email', 'text', ['e-mail', 'mail', 'email address', 'e-mail address', 'e-mail-adresse', 'emailadresse']),
  f('phone', 'text', ['telephone', 'tel', 'phone number', 'mobile', 'telefon', 'telefonnummer', 'tel.-nr.', 'tel nr', 'handy', 'mobil']),
  f('street', 'text', ['address', 'address line 1', 'street address', 'straße', 'strasse', 'anschrift', 'adresse', 'straße und hausnummer']),
  f('postal_code', 'text', ['zip', 'zip code', 'zipcode', 'postal code', 'postcode', 'plz', 'postleitzahl']),
  f('city', 'text', ['town', 'ort', 'stadt', 'wohnort']),
  f('country', 'text', ['country code', 'land', 'länderkennzeichen']),
  f('segment', 'segment', ['customer type', 'customer segment', 'b2b/b2c', 'b2b b2c', 'kundentyp', 'kundenart', 'kundengruppe', 'kundensegment']),
  f('key_account', 'bool', ['key account', 'key-account', 'is key account', 'ka', 'schlüsselkunde', 'großkunde', 'top kunde']),
  f('region', 'text', ['sales region', 'sales territory', 'territory', 'gebiet', 'verkaufsgebiet', 'vertriebsgebiet', 'bundesland', 'plz-bereich', 'plz bereich', 'plz-gebiet']),
  f('account_manager', 'text', ['account owner', 'owner', 'sales rep', 'sales representative', 'betreuer', 'kundenbetreuer', 'außendienst', 'aussendienstmitarbeiter', 'vertriebsmitarbeiter', 'key account manager', 'kam']),
  // The person at the customer a caller asks for (the decision maker or someone close to them).
  f('contact_person', 'text', ['contact person', 'contact name', 'contact person name', 'primary contact', 'decision maker', 'ansprechpartner', 'ansprechpartnerin', 'ansprechperson', 'kontaktperson', 'ansprechpartner kunde', 'zu händen', 'z. hd.', 'entscheider']),
  f('customer_since', 'date', ['customer since', 'client since', 'start date', 'first order', 'first order date', 'first purchase', 'first purchase date', 'signup date', 'contract start', 'kunde seit', 'kunden seit', 'erstkauf', 'vertragsbeginn', 'eintritt', 'eintrittsdatum', 'beginn']),
  f('churn_date', 'date', ['churn date', 'churned on', 'cancellation date', 'cancelled on', 'lost date', 'date lost', 'termination date', 'end date', 'left on', 'kündigungsdatum', 'kündigung', 'kündigung am', 'austritt', 'austrittsdatum', 'abgang', 'abgangsdatum', 'verloren am', 'vertragsende']),
  f('tenure_months', 'number', ['tenure', 'tenure months', 'tenure in months', 'months as customer', 'laufzeit', 'laufzeit monate', 'vertragsdauer', 'vertragsdauer monate', 'kundendauer monate']),
  f('orders', 'integer', ['number of orders', 'order count', 'orders count', 'no of orders', '# orders', 'purchases', 'number of purchases', 'transactions', 'anzahl aufträge', 'aufträge', 'auftragsanzahl', 'bestellungen', 'anzahl bestellungen', 'käufe']),
  f('revenue', 'number', ['total revenue', 'revenue total', 'lifetime revenue', 'sales', 'total sales', 'turnover', 'total charges', 'total spend', 'umsatz', 'gesamtumsatz', 'umsatz gesamt', 'umsatz netto', 'nettoumsatz']),
  f('monthly_revenue', 'number', ['monthly revenue', 'monthly charges', 'monthly charge', 'mrr', 'monatsumsatz', 'monatlicher umsatz', 'umsatz pro monat', 'monatsbeitrag']),
  f('margin', 'margin', ['margin %', 'margin pct', 'margin percent', 'gross margin', 'contribution margin', 'profit', 'deckungsbeitrag', 'deckungsbeitrag %', 'deckungsbeitrag in %', 'deckungsbeitrag in prozent', 'db', 'db %', 'db in %', 'db in prozent', 'db-quote', 'marge', 'marge %', 'marge in %', 'marge prozent', 'db prozent', 'rohertrag', 'rohertrag %']),
  f('complaints', 'integer', ['number of complaints', 'complaint count', 'tickets', 'support tickets', 'reklamationen', 'anzahl reklamationen', 'beschwerden', 'anzahl beschwerden']),
  f('reason', 'text', ['churn reason', 'cancellation reason', 'reason for leaving', 'reason text', 'comment', 'kündigungsgrund', 'grund', 'abwanderungsgrund', 'kündigungsgrund text', 'verlustgrund', 'churn reason text']),
  // Notes are read for objections: a column not found here is passed through unread (docs/objections-accuracy.md).
  f('notes', 'text', ['note', 'notes', 'remarks', 'remark', 'bemerkung', 'bemerkungen', 'notiz', 'notizen', 'anmerkung', 'anmerkungen', 'memo', 'hinweis', 'hinweise', 'vermerk', 'comments', 'kommentar', 'kommentare', 'internal notes', 'internal note', 'notes internal', 'interne notiz', 'interne notizen', 'freitext', 'info', 'infos', 'bemerkung vertrieb', 'vertriebsnotiz', 'crm notiz', 'crm notes']),
  f('reason_code', 'text', ['reason code', 'churn reason code', 'cancellation code', 'grund code', 'grundcode', 'kündigungsgrund code', 'kündigungscode', 'verlustgrund code']),
  f('competitor', 'text', ['new provider', 'new supplier', 'competitor name', 'wettbewerber', 'konkurrent', 'neuer anbieter', 'neuer lieferant']),
  f('competitor_contract_end', 'date', ['competitor contract end', 'contract end competitor', 'competitor contract until', 'competitor contract end date', 'vertragsende wettbewerber', 'wettbewerber vertragsende', 'vertrag wettbewerber bis', 'bindung bis']),
  f('consent_email', 'bool', ['email consent', 'email opt-in', 'email optin', 'e-mail opt-in', 'consent email', 'newsletter', 'email permission', 'einwilligung e-mail', 'einwilligung email', 'e-mail einwilligung', 'opt-in e-mail']),
  f('consent_phone', 'bool', ['phone consent', 'phone opt-in', 'consent phone', 'call permission', 'telephone consent', 'einwilligung telefon', 'telefon einwilligung', 'opt-in telefon']),
  f('consent_letter', 'bool', ['letter consent', 'mail opt-in', 'postal consent', 'post consent', 'consent letter', 'consent post', 'einwilligung post', 'post einwilligung', 'briefwerbung']),
  f('consent_visit', 'bool', ['visit consent', 'visits allowed', 'visit allowed', 'visit opt-in', 'field visits allowed', 'besuch erwünscht', 'besuch erwuenscht', 'besuche erwünscht', 'besuch erlaubt', 'besuche erlaubt', 'einwilligung besuch', 'außendienst besuch', 'aussendienst besuch', 'vertreterbesuch erwünscht', 'vertreterbesuch']),
  f('deceased', 'objection', ['deceased', 'verstorben', 'verstorben am', 'deceased on', 'date of death', 'death date', 'todesdatum', 'sterbedatum', 'todestag', 'tod', 'died', 'died on', 'gestorben', 'gestorben am', 'todesfall']),
  f('advertising_objection', 'objection', ['advertising objection', 'marketing objection', 'objection', 'opt-out', 'optout', 'werbewiderspruch', 'widerspruch werbung', 'werbesperre', 'widerspruch']),
  // When the customer last declined a win-back offer: not approached again before campaign.declinedPauseMonths have passed (DOMAIN.md §6).
  f('declined_date', 'date', ['declined on', 'offer declined', 'offer declined on', 'declined offer on', 'win-back declined', 'win-back declined on', 'winback declined on', 'angebot abgelehnt', 'angebot abgelehnt am', 'abgelehnt am', 'rückgewinnung abgelehnt', 'rückgewinnung abgelehnt am', 'rueckgewinnung abgelehnt am', 'absage am']),
  f('last_modified', 'date', ['last modified', 'modified', 'modified at', 'modified on', 'last modified date', 'updated at', 'updated', 'updated on', 'last updated', 'last update', 'last change', 'changed at', 'änderungsdatum', 'geändert am', 'geändert', 'letzte änderung', 'aktualisiert am', 'zuletzt geändert', 'datenstand']),
  // A block flag (Sperrkennzeichen, gesperrt, Aufbewahrungspflicht): data blocked for use or kept only for retention duties (DOMAIN.md §1.2), or a blocklist.
  f('do_not_contact', 'objection', ['do not contact', 'dnc', 'no contact', 'nicht kontaktieren', 'kontaktsperre', 'sperrvermerk', 'keine werbung', 'sperrkennzeichen', 'sperrkz', 'sperrflag', 'sperre', 'gesperrt', 'sperrung', 'datensperre', 'sperrliste', 'blacklist', 'blocklist', 'blocked', 'suppressed', 'suppression', 'suppression list', 'unsubscribed', 'aufbewahrungspflicht', 'nur aufbewahrung', 'aufbewahrung', 'retention only', 'legal retention', 'einschränkung der verarbeitung', 'verarbeitung eingeschränkt', 'restricted processing', 'processing restricted']),
  // The purchase-model hand-over of `winback clv --lost-out` (clv/handover.ts), under clv's own
  // column names only: a customer who never cancelled is valued with the model that found them.
  f('value_basis', 'text', []),
  // clv's lifecycle phase: a core_defector still alive goes to the retention track.
  f('phase', 'text', []),
  ...['p_alive', 'expected_purchases_horizon', 'discounted_purchases_horizon', 'discounted_purchases_year', 'expected_spend', 'horizon_months', 'annual_discount_rate', 'lost_threshold'].map((name) => f(name, 'number', [])),
];

/** Lost-customer export: the plan needs an id and a churn date (or --churn-date). */
export const LOST_CUSTOMER_SCHEMA: Schema = {
  kind: 'lost-customer export',
  fields: LOST_CUSTOMER_FIELDS,
  required: [['customer_id']],
  uniqueId: true,
  crossCheck: checkLostCustomer,
};

/**
 * Contradictions within one lost-customer row that no single column shows, and values no
 * lost customer can have: a churn date or start after the as-of date, a margin above 100 %, a
 * declined offer after the as-of date (a warning).
 */
export function checkLostCustomer(v: Readonly<Record<string, unknown>>, { asOf, texts: t }: CrossCheckContext): { field: string; problem?: string; warning?: string } | undefined {
  const since = v.customer_since as number | undefined;
  const churn = v.churn_date as number | undefined;
  if (asOf !== undefined && churn !== undefined && churn > asOf) return { field: 'churn_date', problem: t.churnAfterAsOf(asOf) };
  if (asOf !== undefined && since !== undefined && since > asOf) return { field: 'customer_since', problem: t.sinceAfterAsOf(asOf) };
  if (since !== undefined && churn !== undefined && since > churn) return { field: 'customer_since', problem: t.sinceAfterChurn };
  const margin = v.margin as { kind: string; value: number } | undefined;
  if (margin?.kind === 'percent' && margin.value > 100) return { field: 'margin', problem: t.marginOver100(margin.value) };
  // A decline in the future is a typo more likely than not: the row stays, paused from that date (contacted later, not sooner).
  const declined = v.declined_date as number | undefined;
  if (asOf !== undefined && declined !== undefined && declined > asOf) return { field: 'declined_date', warning: t.declinedAfterAsOf(asOf) };
  const revenue = v.revenue as number | undefined;
  if (revenue !== undefined && revenue < 0) return { field: 'revenue', warning: t.negativeRevenue };
  return undefined;
}

/** Normalised key of a header or alias: case, spaces, punctuation and umlaut spellings ignored. */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss')
    .replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u')
    .replace(/%/g, 'pct')
    .replace(/[^a-z0-9#]/g, '');
}

/** True when a header announces percentages (e.g. "Margin %", "DB in Prozent", "margin_pct"). */
export function headerSaysPercent(header: string): boolean {
  // An underscore is a word character to \b: "margin_pct" would not count without the spaces.
  return /%|\bpct\b|percent|prozent|quote/i.test(header.replace(/[_\-.]/g, ' '));
}

const CUSTOMER_ID_ALIASES = (LOST_CUSTOMER_FIELDS[0] as FieldSpec).aliases.slice(1);

/** Transaction history (issue 8): one row per purchase; ids repeat, so no duplicate check. */
export const TRANSACTION_SCHEMA: Schema = {
  kind: 'transaction file',
  fields: [
    f('customer_id', 'id', CUSTOMER_ID_ALIASES),
    f('date', 'date', ['order date', 'purchase date', 'transaction date', 'invoice date', 'datum', 'bestelldatum', 'kaufdatum', 'rechnungsdatum', 'belegdatum', 'auftragsdatum']),
    f('amount', 'number', ['revenue', 'value', 'sales', 'dollar_value', 'order value', 'total', 'betrag', 'umsatz', 'rechnungsbetrag', 'nettobetrag', 'bruttobetrag', 'wert']),
    // Read only to spot cancellations by an invoice-number prefix (winback clv --cancel-prefix).
    f('invoice', 'text', ['invoice', 'invoiceno', 'invoice no', 'invoice number', 'invoice id', 'order id', 'order number', 'order no', 'rechnungsnummer', 'rechnungsnr', 'belegnummer', 'belegnr', 'bestellnummer', 'auftragsnummer']),
  ],
  required: [['customer_id'], ['date']],
  uniqueId: false,
};

/** An already summarised file for `winback clv --summary-input`: frequency, recency and T per customer. */
export const RFM_SUMMARY_SCHEMA: Schema = {
  kind: 'RFM summary',
  fields: [
    f('customer_id', 'id', CUSTOMER_ID_ALIASES),
    f('frequency', 'integer', ['repeat purchases', 'repeat transactions']),
    f('recency', 'number', []),
    f('T', 'number', ['age', 'customer age']),
    f('monetary', 'number', ['monetary_value', 'mean spend', 'average spend', 'avg spend']),
  ],
  required: [['frequency'], ['recency'], ['T']],
  uniqueId: true,
};

/** A plain customer list (e.g. `winback clv --customers`): only the id is read. */
export const CUSTOMER_LIST_SCHEMA: Schema = {
  kind: 'customer list',
  fields: [f('customer_id', 'id', CUSTOMER_ID_ALIASES)],
  required: [['customer_id']],
  uniqueId: true,
};

/** Past win-back attempts for `winback calibrate`: the lost-customer columns plus the outcome. */
export const HISTORY_SCHEMA: Schema = {
  kind: 'win-back history',
  fields: [
    ...LOST_CUSTOMER_FIELDS,
    f('won_back', 'bool', ['won back', 'wonback', 'regained', 'returned', 'came back', 'reacquired', 'zurückgewonnen', 'rückgewonnen', 'zurueckgewonnen', 'rueckgewonnen', 'zurückgekehrt']),
    f('second_lifetime_months', 'number', ['second lifetime months', 'second lifetime', 'months since return', 'zweite laufzeit', 'zweite laufzeit monate']),
    f('second_lifetime_revenue', 'number', ['second lifetime revenue', 'revenue since return', 'umsatz seit rückkehr', 'umsatz seit rueckkehr', 'umsatz zweite laufzeit']),
    f('contact_date', 'date', ['contact date', 'contacted on', 'attempt date', 'campaign date', 'kontaktdatum', 'kontaktiert am', 'ansprache am', 'datum ansprache']),
    f('offer_type', 'text', ['offer type', 'offer', 'angebot', 'angebotsart']),
    f('channel', 'text', ['contact channel', 'kanal', 'kontaktkanal']),
    f('attempt_group', 'text', ['attempt group', 'test group', 'versuchsgruppe']),
    f('offer_randomised', 'bool', ['offer randomised', 'offer randomized', 'randomised offer', 'randomized offer', 'zufallsangebot', 'angebot zufällig']),
    f('channel_randomised', 'bool', ['channel randomised', 'channel randomized', 'randomised channel', 'randomized channel', 'zufallskanal', 'kanal zufällig']),
    f('second_lifetime_margin', 'number', ['second lifetime margin', 'margin since return', 'deckungsbeitrag seit rückkehr', 'deckungsbeitrag zweite laufzeit']),
    f('cancelled_again', 'date', ['cancelled again', 'canceled again', 'churned again', 'second churn date', 'erneut gekündigt', 'erneute kündigung', 'wieder gekündigt']),
  ],
  required: [['customer_id'], ['won_back']],
  uniqueId: false,
};

/** Customers who came back, from the CRM, for `winback results`; a customer may return more than once. */
export const OUTCOMES_SCHEMA: Schema = {
  kind: 'outcomes file',
  fields: [
    f('customer_id', 'id', CUSTOMER_ID_ALIASES),
    f('return_date', 'date', ['return date', 'returned on', 'reactivation date', 'reactivated on', 'won back on', 'regained on', 'rückkehr', 'rückkehrdatum', 'rueckkehrdatum', 'reaktiviert am', 'zurückgewonnen am', 'wiedereintritt']),
    f('revenue', 'number', ['revenue since return', 'revenue so far', 'sales since return', 'umsatz', 'umsatz seit rückkehr', 'umsatz seit rueckkehr']),
    f('margin', 'number', ['margin since return', 'margin so far', 'contribution', 'deckungsbeitrag', 'marge', 'rohertrag',
      'deckungsbeitrag seit rückkehr', 'deckungsbeitrag seit rueckkehr', 'marge seit rückkehr', 'marge seit rueckkehr', 'db seit rückkehr', 'rohertrag seit rückkehr']),
    f('cancelled_again', 'date', ['cancelled again', 'canceled again', 'churned again', 'second churn date', 'erneut gekündigt', 'erneute kündigung', 'wieder gekündigt',
      'erneut gekuendigt', 'wieder gekuendigt', 'erneut abgewandert', 'erneute kuendigung']),
  ],
  required: [['customer_id'], ['return_date']],
  uniqueId: false,
};
