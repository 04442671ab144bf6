/**
 * What the first pass of a campaign run makes of each planned customer, where it is planned
 * (on a worker thread too, which loads this module): its campaign choice before the contact
 * history, the list row formatted, the spool record — as one compact record. The main thread
 * settles the contact history (the ledger lives there) and spools the record
 * (choices.ts).
 */
import { choiceBeforeHistory, type CampaignChoice, type CampaignRules } from '../../domain/campaign/campaign.js';
import { DECISION_RANK, type PlannedCustomer, type PlanSetup } from '../../domain/plan/plan.js';
import type { Channel } from '../../domain/playbook-types.js';
import type { RecordField } from '../../domain/record-codec.js';
import { formatMeasure, testOffer } from '../../domain/campaign/test-offers.js';
import { ListRowFormatter, listTexts, listValues } from '../../io/campaign-output.js';
import type { CsvFormat } from '../../io/csv/write.js';
import type { Projection } from '../../engine/index.js';
import type { SerialGuard } from './serial.js';
import { spoolChoice } from './distribute.js';

/** What a projection is made with (sent to worker threads: plain data only). */
export interface CampaignProjectionOptions {
  /** the campaign rules without the ledger, the suppression list and the customers won back before */
  rules: Omit<CampaignRules, 'ledger' | 'suppression' | 'regained'>;
  fmt: CsvFormat;
  /** the list columns --columns chose; all without */
  columns?: readonly string[];
}

/** What only this thread has: with either, the export is planned here alone. */
export interface CampaignExtras {
  serial?: SerialGuard;
  regained?: CampaignRules['regained'];
}

/**
 * The fields of a customer's record: rank, key and tie of the priority order, whether the
 * choice carries warnings, the spool record (the choice once the history allows a contact),
 * and whether the contact history decides first — then the customer id, the planned channel
 * and the measure the exclusion record names.
 */
export type CampaignRecord = [rank: number, key: number, tie: number, warned: boolean, record: string, history: boolean, id?: string, plannedChannel?: Channel | '', measure?: string];

/** The projection of campaign's first pass (see the module's comment). */
export function createProjection(o: CampaignProjectionOptions, setup: PlanSetup, extras: CampaignExtras = {}): Projection {
  const { lang } = setup;
  const texts = listTexts(setup.playbook, lang);
  const rows = new ListRowFormatter(o.fmt, o.columns);
  const rules = { ...o.rules, ...(extras.regained ? { regained: extras.regained } : {}) };
  return (planned) => {
    // The serial-defector guard may change the plan (capped offer): the list shows what was chosen.
    const p: PlannedCustomer = extras.serial ? extras.serial.apply(planned) : planned;
    const before = choiceBeforeHistory(p, rules);
    const choice = before.kind === 'history' ? before.next : before;
    const retention = p.track === 'retention';
    const record = spoolRecord(p, choice, retention, rules, rows, texts, lang);
    const out: CampaignRecord = [DECISION_RANK[p.value.decision], p.value.expected_value ?? -Number.MAX_VALUE, p.row.line, choice.warnings.length > 0, record, before.kind === 'history'];
    if (before.kind === 'history') out.push(p.row.customer_id, p.channel ?? '', measureOf(p, retention, undefined));
    return out satisfies RecordField[];
  };
}

function spoolRecord(p: PlannedCustomer, choice: CampaignChoice, retention: boolean, rules: CampaignProjectionOptions['rules'], rows: ListRowFormatter, texts: ReturnType<typeof listTexts>, lang: PlanSetup['lang']): string {
  // A listed win-back customer in the test share gets an offer drawn at random; the priority stays the plan's.
  const listed = choice.kind === 'list' && !retention ? randomisedOffer(p, choice.channel, rules) : undefined;
  const shown = listed ?? p;
  const row = choice.kind === 'list' ? rows.around(choice.channel, listValues(shown, choice.channel, 0, choice.contact, texts, lang, listed !== undefined)) : undefined;
  return spoolChoice(choice, p.row.customer_id, p.channel ?? '', measureOf(p, retention, listed), row, retention);
}

/** The ledger's measure says the track: a retention contact is never taken for a win-back one. */
export function measureOf(p: PlannedCustomer, retention: boolean, listed: PlannedCustomer | undefined): string {
  const shown = listed ?? p;
  return retention ? `retention:${p.value.offer_type ?? 'none'}` : formatMeasure(p.reason.code, shown.value.offer_type ?? 'none', listed !== undefined);
}

/**
 * The customer with the offer `campaign --test-offers` draws for them, valued as the plan valued
 * that offer on the listed channel; undefined when they are not in the test share. The draw is
 * among the offers the plan compared (the measure's permitted offers, after any serial-defector cap).
 */
function randomisedOffer(p: PlannedCustomer, channel: Channel, rules: Pick<CampaignRules, 'testOffers' | 'campaign'>): PlannedCustomer | undefined {
  const share = rules.testOffers ?? 0;
  if (share === 0 || p.value.decision !== 'win_back') return undefined;
  const onChannel = p.value.offersConsidered.filter((o) => o.channel === channel);
  const offer = testOffer(p.row.customer_id, rules.campaign.programmeSalt, share, [...new Set(onChannel.map((o) => o.offer_type))]);
  const valued = onChannel.find((o) => o.offer_type === offer);
  if (offer === undefined || valued === undefined) return undefined;
  return { ...p, value: { ...p.value, offer_type: offer, p_winback: valued.p_winback, sltv: valued.sltv, expected_value: valued.expected_value } };
}
