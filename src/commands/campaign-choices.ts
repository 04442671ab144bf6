/**
 * The first pass of a campaign run: every row planned and its campaign choice spooled for
 * the priority-ordered second pass (campaign-distribute.ts). A pass is made again, from
 * scratch, when the export is read a second time for duplicate ids (withDuplicatesResolved).
 */
import { selectForCampaign, type CampaignRules } from '../domain/campaign.js';
import { CHANNELS, type Channel } from '../domain/playbook-types.js';
import { DECISION_RANK, type PlannedCustomer } from '../domain/plan.js';
import { CampaignFiles, listTexts, listValues } from '../io/campaign-output.js';
import type { OpenedExport } from '../io/csv-read.js';
import type { CsvFormat } from '../io/csv-write.js';
import { SortedSpool } from '../io/sorted-spool.js';
import { streamPlan, type LoadedPlanSetup } from '../pipeline/plan-setup.js';
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

/** Plans every row of `opened` into a new pass; `onStart` sees the pass first (to discard it on an error). */
export async function spoolChoices(opened: OpenedExport, s: ChoiceSettings, onStart: (pass: ChoicePass) => void, onChunk: () => void): Promise<ChoicePass> {
  // Retention lists only for a hand-over that can carry drifting customers (clv's phase column).
  const withRetention = s.loaded.setup.playbook.retention !== undefined && opened.mapping.fields.has('phase');
  const pass: ChoicePass = { files: await CampaignFiles.open(s.outDir, s.fmt, true, s.columns, withRetention), spool: new SortedSpool(), counts: emptyCounts() };
  onStart(pass);
  const { files, spool, counts } = pass;
  s.serial?.reset();
  const { lang } = s.loaded.setup;
  const texts = listTexts(s.loaded.setup.playbook, lang);
  await streamPlan(opened, s.loaded.setup, (planned) => {
    // The serial-defector guard may change the plan (capped offer): the list shows what was chosen.
    const p: PlannedCustomer = s.serial ? s.serial.apply(planned) : planned;
    const choice = selectForCampaign(p, s.rules);
    if (choice.warnings.length > 0) counts.warnings++;
    const row = choice.kind === 'list' ? files.listRowAround(choice.channel, listValues(p, choice.channel, 0, choice.contact, texts, lang)) : undefined;
    const retention = p.track === 'retention';
    // The ledger's measure says the track: a retention contact is never taken for a win-back one.
    const measure = retention ? `retention:${p.value.offer_type ?? 'none'}` : `${p.reason.code}:${p.value.offer_type ?? 'none'}`;
    const record = spoolChoice(choice, p.row.customer_id, p.channel ?? '', measure, row, retention);
    spool.push(DECISION_RANK[p.value.decision], p.value.expected_value ?? -Number.MAX_VALUE, p.row.line, record, '');
  }, (rej) => files.reject(rej), onChunk);
  return pass;
}

/** Removes what a pass wrote. */
export async function discardPass(pass: ChoicePass): Promise<void> {
  await pass.files.abort();
  await pass.spool.dispose();
}

function emptyCounts(): CampaignCounts {
  const zero = () => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  return { lists: zero(), retention: zero(), excluded: {}, warnings: 0 };
}
