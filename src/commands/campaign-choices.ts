/**
 * The first pass of a campaign run: every row planned and its campaign choice spooled for
 * the priority-ordered second pass (campaign-distribute.ts). A pass is made again, from
 * scratch, when the export is read a second time for duplicate ids (the engine does that).
 */
import { selectForCampaign, type CampaignRules } from '../domain/campaign.js';
import { formatMeasure, testOffer } from '../domain/test-offers.js';
import { CHANNELS, type Channel } from '../domain/playbook-types.js';
import { DECISION_RANK, type PlannedCustomer } from '../domain/plan.js';
import { CampaignFiles, listTexts, listValues } from '../io/campaign-output.js';
import type { OpenedExport } from '../io/csv-read.js';
import type { CsvFormat } from '../io/csv-write.js';
import { SortedSpool } from '../io/sorted-spool.js';
import type { InInputOrder } from '../engine/index.js';
import type { LoadedPlanSetup } from '../pipeline/plan-setup.js';
import type { SerialGuard } from './campaign-serial.js';
import { spoolChoice } from './campaign-distribute.js';
import type { CampaignCounts } from './campaign-summary.js';

/** What one pass over the export makes: open list files, the sort spool of choices, counts. */
export interface ChoicePass {
  files: CampaignFiles;
  spool: SortedSpool;
  counts: CampaignCounts;
}

export interface ChoiceSettings {
  loaded: LoadedPlanSetup;
  outDir: string;
  fmt: CsvFormat;
  rules: CampaignRules;
  serial: SerialGuard | undefined;
  /** the list columns --columns chose; all without */
  columns?: readonly string[];
}

/** The engine run of the first pass: each planned customer's choice spooled into a new pass per reading of the export. */
export function spoolChoices(s: ChoiceSettings, onChunk: (opened: OpenedExport) => void): InInputOrder<ChoicePass> {
  const { lang } = s.loaded.setup;
  const texts = listTexts(s.loaded.setup.playbook, lang);
  return {
    order: 'input',
    start: async (opened) => {
      s.serial?.reset();
      // Retention lists only for a hand-over that can carry drifting customers (clv's phase column).
      const withRetention = s.loaded.setup.playbook.retention !== undefined && opened.mapping.fields.has('phase');
      return { files: await CampaignFiles.open(s.outDir, s.fmt, true, s.columns, withRetention), spool: new SortedSpool(), counts: emptyCounts() };
    },
    customer: (pass, planned) => spoolOne(pass, planned, s, texts),
    reject: (pass, rej) => pass.files.reject(rej),
    discard: discardPass,
    onChunk,
  };
}

function spoolOne({ files, spool, counts }: ChoicePass, planned: PlannedCustomer, s: ChoiceSettings, texts: ReturnType<typeof listTexts>): void {
  const { lang } = s.loaded.setup;
  // The serial-defector guard may change the plan (capped offer): the list shows what was chosen.
  const p: PlannedCustomer = s.serial ? s.serial.apply(planned) : planned;
  const choice = selectForCampaign(p, s.rules);
  if (choice.warnings.length > 0) counts.warnings++;
  const retention = p.track === 'retention';
  // A listed win-back customer in the test share gets an offer drawn at random; the priority stays the plan's.
  const listed = choice.kind === 'list' && !retention ? randomisedOffer(p, choice.channel, s.rules) : undefined;
  const shown = listed ?? p;
  const row = choice.kind === 'list' ? files.listRowAround(choice.channel, listValues(shown, choice.channel, 0, choice.contact, texts, lang, listed !== undefined)) : undefined;
  // The ledger's measure says the track: a retention contact is never taken for a win-back one.
  const measure = retention ? `retention:${p.value.offer_type ?? 'none'}` : formatMeasure(p.reason.code, shown.value.offer_type ?? 'none', listed !== undefined);
  const record = spoolChoice(choice, p.row.customer_id, p.channel ?? '', measure, row, retention);
  spool.push(DECISION_RANK[p.value.decision], p.value.expected_value ?? -Number.MAX_VALUE, p.row.line, record, '');
}

/** Removes what a pass wrote. */
export async function discardPass(pass: ChoicePass): Promise<void> {
  await pass.files.abort();
  await pass.spool.dispose();
}

function emptyCounts(): CampaignCounts {
  const zero = () => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  return { lists: zero(), retention: zero(), excluded: {}, warnings: 0, randomised: 0 };
}

/**
 * The customer with the offer `campaign --test-offers` draws for them, valued as the plan valued
 * that offer on the listed channel; undefined when they are not in the test share. The draw is
 * among the offers the plan compared (the measure's permitted offers, after any serial-defector cap).
 */
function randomisedOffer(p: PlannedCustomer, channel: Channel, rules: CampaignRules): PlannedCustomer | undefined {
  const share = rules.testOffers ?? 0;
  if (share === 0 || p.value.decision !== 'win_back') return undefined;
  const onChannel = p.value.offersConsidered.filter((o) => o.channel === channel);
  const offer = testOffer(p.row.customer_id, rules.campaign.programmeSalt, share, [...new Set(onChannel.map((o) => o.offer_type))]);
  const valued = onChannel.find((o) => o.offer_type === offer);
  if (offer === undefined || valued === undefined) return undefined;
  return { ...p, value: { ...p.value, offer_type: offer, p_winback: valued.p_winback, sltv: valued.sltv, expected_value: valued.expected_value } };
}
