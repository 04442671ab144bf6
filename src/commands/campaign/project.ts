/**
 * What the first pass of a campaign run makes of each planned customer, where it is planned
 * (on a worker thread too, which loads this module): its campaign choice before the contact
 * history, the list row formatted, the spool record — as one compact record. The main thread
 * settles the contact history (the ledger lives there) and spools the record
 * (choices.ts).
 */
import { choiceBeforeHistory, objectedToContact, type CampaignChoice, type CampaignRules } from '../../domain/campaign/campaign.js';
import { DECISION_RANK, type PlannedCustomer, type PlanSetup } from '../../domain/plan/plan.js';
import { CHANNELS, type Channel } from '../../domain/playbook-types.js';
import { contactKeysOf } from '../../domain/permission/contact-point.js';
import type { RecordField } from '../../domain/record-codec.js';
import { formatMeasure, testChannel, testOffer } from '../../domain/campaign/test-offers.js';
import { ListRowFormatter, listTexts, listValues } from '../../io/campaign-output.js';
import type { CsvFormat } from '../../io/csv/write.js';
import type { Projection, SpoolProjection } from '../../engine/index.js';
import type { SerialGuard } from './serial.js';
import { putParts, spoolChoice, type SpoolParts } from './distribute.js';

/** What a projection is made with (sent to worker threads: plain data only). */
export interface CampaignProjectionOptions {
  /** the campaign rules without the ledger, the suppression list and the customers won back before */
  rules: Omit<CampaignRules, 'ledger' | 'suppression' | 'regained' | 'back' | 'unsureBack'>;
  fmt: CsvFormat;
  /** the list columns --columns chose; all without */
  columns?: readonly string[];
}

/** What only this thread has: with either, the export is planned here alone. */
export interface CampaignExtras {
  serial?: SerialGuard;
  regained?: CampaignRules['regained'];
  back?: CampaignRules['back'];
  unsureBack?: CampaignRules['unsureBack'];
}

/**
 * The fields of a customer's record: rank, key and tie of the priority order, whether the
 * choice carries warnings, the spool record (the choice once the history allows a contact:
 * SpoolParts' meta, head and tail), and whether the contact history decides first — then the
 * customer id, the planned channel and the measure the exclusion record names; for a customer
 * who objected (or said do not contact), the id and the contact points the row holds
 * (contactKeysOf, one per line), which no other customer of the run is reached at.
 */
export type CampaignRecord = [rank: number, key: number, tie: number, warned: boolean, meta: string, head: string, tail: string, history: boolean, id?: string, plannedChannel?: Channel | '', measure?: string, objectorKeys?: string, ...ifContactedBefore: [] | [meta: string, head: string, tail: string]];

/**
 * The first pass's projection as the engine's spool takes it: the customer's spool record
 * (SpoolParts) written into `out`, sorted by the plan's priority wherever it is planned; a
 * note for the main thread when the choice carries warnings (counted there) or the contact
 * history decides first — then with the customer id, the planned channel and the measure, for
 * the record the ledger's exclusion puts in its place (choices.ts) — or the customer objected:
 * then with the id and the row's contact points.
 */
export function createSpoolProjection(o: CampaignProjectionOptions, setup: PlanSetup, extras: CampaignExtras = {}): SpoolProjection {
  const project = createProjection(o, setup, extras);
  return (planned, out) => {
    const [, , , warned, meta, head, tail, history, id, plannedChannel, measure, objectorKeys, ...listed] = project(planned) as CampaignRecord;
    const headEnd = putParts(out, meta, head, tail);
    const note: CampaignNote | undefined = history ? [warned, id as string, plannedChannel as Channel | '', measure as string, undefined, undefined, ...listed]
      : objectorKeys !== undefined ? [warned, undefined, undefined, undefined, id as string, objectorKeys]
      : warned ? [true] : undefined;
    return { headEnd, note };
  };
}

/**
 * What the main thread reads of a customer (createSpoolProjection): whether the choice carries
 * warnings; when the contact history decides first, the customer id, the planned channel and
 * the measure; for an objector with a contact point, its id and its contact points (one per line);
 * for a customer the draw holds out, the list record the customer gets when an earlier run
 * contacted them (their group is their first entry's: CampaignChoice.ifContactedBefore).
 */
export type CampaignNote = [warned: boolean, id?: string, plannedChannel?: Channel | '', measure?: string, objector?: string, objectorKeys?: string, ...ifContactedBefore: [] | [meta: string, head: string, tail: string]];

/** The projection of campaign's first pass (see the module's comment). */
export function createProjection(o: CampaignProjectionOptions, setup: PlanSetup, extras: CampaignExtras = {}): Projection {
  const { lang } = setup;
  const texts = listTexts(setup.playbook, lang);
  const rows = new ListRowFormatter(o.fmt, o.columns);
  const rules = { ...o.rules, ...(extras.regained ? { regained: extras.regained } : {}), ...(extras.back ? { back: extras.back } : {}), ...(extras.unsureBack ? { unsureBack: extras.unsureBack } : {}) };
  return (planned) => {
    // The serial-defector guard may change the plan (capped offer): the list shows what was chosen.
    const p: PlannedCustomer = extras.serial ? extras.serial.apply(planned, setup.objectorKeys) : planned;
    const before = choiceBeforeHistory(p, rules);
    const choice = before.kind === 'history' ? before.next : before;
    const retention = p.track === 'retention';
    const record = spoolRecord(p, choice, retention, rules, rows, texts, lang);
    const out: CampaignRecord = [DECISION_RANK[p.value.decision], p.value.expected_value ?? -Number.MAX_VALUE, p.row.line, choice.warnings.length > 0, record.meta, record.head, record.tail, before.kind === 'history'];
    if (before.kind === 'history') {
      out.push(p.row.customer_id, p.channel ?? '', measureOf(p, retention, undefined));
      if (choice.kind === 'excluded' && choice.ifContactedBefore) {
        const listed = spoolRecord(p, choice.ifContactedBefore, retention, rules, rows, texts, lang);
        out.push(undefined, listed.meta, listed.head, listed.tail);
      }
    }
    else if (objectedToContact(p)) {
      const keys = contactKeysOf(p.row, rules.permission.defaultPhoneCountry);
      if (keys.length > 0) out.push(p.row.customer_id, undefined, undefined, keys.join('\n'));
    }
    return out satisfies RecordField[];
  };
}

function spoolRecord(p: PlannedCustomer, planned: CampaignChoice, retention: boolean, rules: CampaignProjectionOptions['rules'], rows: ListRowFormatter, texts: ReturnType<typeof listTexts>, lang: PlanSetup['lang']): SpoolParts {
  // A listed win-back customer in a test share gets a channel and/or an offer drawn at random; the priority stays the plan's.
  const drawn = planned.kind === 'list' && !retention ? randomisedAction(p, planned.channel, rules) : undefined;
  const choice: CampaignChoice = drawn && planned.kind === 'list' ? { ...planned, channel: drawn.channel } : planned;
  const listed = drawn?.listed;
  const shown = listed ?? p;
  const row = choice.kind === 'list' ? rows.around(choice.channel, listValues(shown, choice.channel, 0, choice.contact, texts, lang, drawn?.offerRandomised === true)) : undefined;
  return spoolChoice(choice, p.row.customer_id, p.channel ?? '', measureOf(p, retention, listed, drawn), rows, row, retention, p.row);
}

/** The ledger's measure says the track: a retention contact is never taken for a win-back one. */
export function measureOf(p: PlannedCustomer, retention: boolean, listed: PlannedCustomer | undefined, drawn?: Pick<DrawnAction, 'offerRandomised' | 'channelRandomised'>): string {
  const shown = listed ?? p;
  return retention ? `retention:${p.value.offer_type ?? 'none'}` : formatMeasure(p.reason.code, shown.value.offer_type ?? 'none', drawn?.offerRandomised === true, drawn?.channelRandomised === true);
}

/** What the test shares drew for a listed customer: the channel, and the customer as listed on it. */
interface DrawnAction {
  channel: Channel;
  /** the customer valued on the drawn channel and offer (undefined: the plan's own action) */
  listed: PlannedCustomer | undefined;
  offerRandomised: boolean;
  channelRandomised: boolean;
}

/**
 * The action `campaign --test-channels` and `--test-offers` draw for a listed win-back
 * customer, valued as the plan valued it; undefined when the customer is in neither test share.
 * The channel is drawn among the permitted channels the plan valued for the customer (never one
 * the permission verdict refused); with a drawn channel and no drawn offer, the offer is the
 * plan's best on that channel. The offer is drawn among the offers the plan compared on the
 * listed channel (the measure's permitted offers, after any serial-defector cap).
 */
function randomisedAction(p: PlannedCustomer, planned: Channel, rules: Pick<CampaignRules, 'testOffers' | 'testChannels' | 'campaign'>): DrawnAction | undefined {
  const share = rules.testOffers ?? 0;
  const channelShare = rules.testChannels ?? 0;
  // Nothing per row without a test share (the common run).
  if ((share === 0 && channelShare === 0) || p.value.decision !== 'win_back') return undefined;
  const salt = rules.campaign.programmeSalt;
  const valued = p.value.offersConsidered;
  const channels = channelShare > 0 ? CHANNELS.filter((c) => p.permission.allowed[c] && valued.some((o) => o.channel === c)) : [];
  const drawnChannel = channelShare > 0 ? testChannel(p.row.customer_id, salt, channelShare, channels) : undefined;
  const channel = drawnChannel ?? planned;
  const onChannel = valued.filter((o) => o.channel === channel);
  const drawnOffer = share > 0 ? testOffer(p.row.customer_id, salt, share, [...new Set(onChannel.map((o) => o.offer_type))]) : undefined;
  if (drawnChannel === undefined && drawnOffer === undefined) return undefined;
  // On the plan's channel its own offer; on another drawn channel the offer the plan values most there; a drawn offer wins.
  const best = onChannel.reduce<(typeof onChannel)[number] | undefined>((b, o) => (b === undefined || o.expected_value > b.expected_value ? o : b), undefined);
  const action = drawnOffer !== undefined ? onChannel.find((o) => o.offer_type === drawnOffer) : channel === planned ? onChannel.find((o) => o.offer_type === p.value.offer_type) : best;
  const unchanged = channel === planned && (action === undefined || action.offer_type === p.value.offer_type);
  const listed = action === undefined || unchanged ? undefined
    : { ...p, channel, value: { ...p.value, channel, offer_type: action.offer_type, p_winback: action.p_winback, sltv: action.sltv, expected_value: action.expected_value } };
  return { channel, listed, offerRandomised: drawnOffer !== undefined && action !== undefined, channelRandomised: drawnChannel !== undefined };
}
