/**
 * Shared plain-data types of the domain. Dates are whole days since 1970-01-01 (UTC),
 * "epoch days": integers, cheap to compare and free of time zones.
 */

/** A calendar date as whole days since 1970-01-01. */
export type EpochDay = number;

/** A margin as given in the export: a percentage of revenue or an absolute amount. */
export interface Margin {
  kind: 'percent' | 'amount';
  /** percent: 25 means 25 %; amount: currency units over the first lifetime. */
  value: number;
}

export type Segment = 'B2B' | 'B2C';

/**
 * One accepted row of a lost-customer export, with canonical fields parsed.
 * `undefined` means the column is absent or the cell is blank; `null` on a boolean means
 * the cell held something that is neither a clear yes nor a clear no.
 */
export interface CustomerRow {
  /** 1-based physical line in the input file where the record starts. */
  line: number;
  customer_id: string;
  name?: string;
  email?: string;
  phone?: string;
  street?: string;
  postal_code?: string;
  city?: string;
  country?: string;
  segment?: Segment;
  key_account?: boolean | null;
  account_manager?: string;
  /** the person at the customer to ask for (Ansprechpartner) */
  contact_person?: string;
  /** sales region or territory (report: money per region) */
  region?: string;
  customer_since?: EpochDay;
  churn_date?: EpochDay;
  tenure_months?: number;
  orders?: number;
  revenue?: number;
  monthly_revenue?: number;
  margin?: Margin;
  complaints?: number;
  reason?: string;
  /** free-text notes (searched for objections, like the reason) */
  notes?: string;
  /** text found in a consent or objection column that is neither yes nor no (searched for objections, like the notes) */
  consent_text?: string;
  /**
   * Another row with this id that was rejected (a bad cell), when this one is used: its line and
   * the column it was rejected for. What it said (a withdrawal, a death) is not known, so a
   * person decides before this customer is contacted (domain/plan/person-decides.ts).
   */
  other_row_rejected?: { line: number; column: string };
  /**
   * the file's last record, without a line break after it and with its last field empty: it may
   * have been cut off there (io/csv/read.ts); a person decides before this customer is contacted
   */
  cut_off?: true;
  /** the text of the columns winback does not map to a field, " | " between cells (searched for objections, like the notes) */
  other_text?: string;
  reason_code?: string;
  competitor?: string;
  competitor_contract_end?: EpochDay;
  consent_email?: boolean | null;
  consent_phone?: boolean | null;
  consent_letter?: boolean | null;
  /** visits allowed ("Besuch erwünscht"): visits need no consent, but a no refuses them */
  consent_visit?: boolean | null;
  /** a column that says the customer died ("Verstorben: ja", "Deceased", a status "verstorben"), or another row of the id that does: a person decides */
  deceased?: boolean | null;
  advertising_objection?: boolean | null;
  do_not_contact?: boolean | null;
  /** When the customer last declined a win-back offer (left alone for campaign.declinedPauseMonths after it). */
  declined_date?: EpochDay;
  /** a second declined column (beside the one read as declined_date) that records a decline: its header and cell */
  declined_column?: string;
  /** When the record was last changed in the source system: decides between rows with one id. */
  last_modified?: EpochDay;
  /** `purchase_model`: the row carries clv's hand-over (clv/handover.ts) and is valued with it */
  value_basis?: string;
  /** clv's lifecycle phase (lost, core_defector) in a purchase-model hand-over */
  phase?: string;
  p_alive?: number;
  expected_purchases_horizon?: number;
  discounted_purchases_horizon?: number;
  discounted_purchases_year?: number;
  expected_spend?: number;
  horizon_months?: number;
  annual_discount_rate?: number;
  lost_threshold?: number;
  /** Non-fatal notes about this row (e.g. an unclear consent value). */
  warnings: string[];
}

/** A row that could not be accepted: where, which column, what value, why. */
export interface Reject {
  line: number;
  customer_id: string;
  column: string;
  value: string;
  error: string;
}

/**
 * win_back: worth an approach on a permitted channel; review: data or reason unclear;
 * no_channel: would be worth an approach, but no channel may be used; let_go: no permitted
 * approach is worth it; never: a final reason, or the customer objected (not valued at all).
 */
export type Decision = 'win_back' | 'review' | 'no_channel' | 'let_go' | 'never';
