/**
 * The first pass of a campaign run: every row planned and its campaign choice spooled for
 * the priority-ordered second pass (distribute.ts). A pass is made again, from
 * scratch, when the export is read a second time for duplicate ids (the engine does that).
 */
import { historyExclusion, type CampaignRules } from '../../domain/campaign/campaign.js';
import type { ContactLookup } from '../../domain/campaign/contact-history.js';
import { CHANNELS, type Channel } from '../../domain/playbook-types.js';
import { ObjectorContacts } from '../../domain/permission/contact-point.js';
import { CampaignFiles, ListRowFormatter } from '../../io/campaign-output.js';
import type { OpenedExport } from '../../io/csv/read.js';
import type { CsvFormat } from '../../io/csv/write.js';
import { SortedSpool } from '../../io/sorted-spool.js';
import type { IntoSpool, RecordWriter } from '../../engine/index.js';
import type { LoadedPlanSetup } from '../../pipeline/plan-setup.js';
import type { SerialGuard } from './serial.js';
import { putParts, spoolChoice } from './distribute.js';
import { createSpoolProjection, type CampaignNote, type CampaignProjectionOptions } from './project.js';
import type { CampaignCounts } from './summary.js';

/** What one pass over the export makes: open list files, the sort spool of choices, counts, the objectors' contact points. */
export interface ChoicePass {
  files: CampaignFiles;
  spool: SortedSpool;
  counts: CampaignCounts;
  objectors: ObjectorContacts;
}

export interface ChoiceSettings {
  loaded: LoadedPlanSetup;
  outDir: string;
  fmt: CsvFormat;
  rules: CampaignRules;
  serial: SerialGuard | undefined;
  /** the list columns --columns chose; all without */
  columns?: readonly string[];
  /** planning threads, the main thread included (default 1) */
  threads?: number;
  /** the smallest export planned with workers (resolveParallelMinBytes; default 8 MiB) */
  minParallelBytes?: number;
}

/** The engine run of the first pass: each planned customer's choice spooled into a new pass per reading of the export. */
export function spoolChoices(s: ChoiceSettings, onChunk: (opened: OpenedExport) => void): IntoSpool<ChoicePass, CampaignProjectionOptions> {
  const { ledger, suppression: _suppression, regained, back, unsureBack, ...plain } = s.rules;
  const options: CampaignProjectionOptions = { rules: plain, fmt: s.fmt, ...(s.columns ? { columns: s.columns } : {}) };
  // The serial-defector guard and the customers won back before live on this thread alone.
  const extras = { ...(s.serial ? { serial: s.serial } : {}), ...(regained ? { regained } : {}), ...(back ? { back } : {}), ...(unsureBack ? { unsureBack } : {}) };
  const alone = s.serial !== undefined || regained !== undefined || back !== undefined;
  // The excluded.csv rows of customers the contact history holds back are formatted here.
  const rows = new ListRowFormatter(s.fmt, s.columns);
  return {
    order: 'spool',
    spool: (pass) => pass.spool,
    // Only a test share draws among the actions the plan valued (project.ts, randomisedAction).
    readsActions: (plain.testOffers ?? 0) > 0 || (plain.testChannels ?? 0) > 0,
    start: async (opened) => {
      s.serial?.reset();
      // Retention lists only for a hand-over that can carry drifting customers (clv's phase column).
      const withRetention = s.loaded.setup.playbook.retention !== undefined && opened.mapping.fields.has('phase');
      return { files: await CampaignFiles.open(s.outDir, s.fmt, true, s.columns, withRetention), spool: new SortedSpool(SPOOL_BYTES), counts: emptyCounts(), objectors: new ObjectorContacts() };
    },
    records: {
      module: new URL('./project.js', import.meta.url).href,
      options,
      create: (o, setup) => createSpoolProjection(o, setup, extras),
      take: (pass, note, replace) => takeNote(pass, note as CampaignNote, replace, ledger, s.rules, rows),
    },
    threads: alone ? 1 : (s.threads ?? 1),
    ...(s.minParallelBytes === undefined ? {} : { minParallelBytes: s.minParallelBytes }),
    reject: (pass, rej) => pass.files.reject(rej),
    discard: discardPass,
    onChunk,
  };
}

/**
 * The sort spool's arena: half of SortedSpool's default. With workers it holds only the records
 * the contact history replaced (the workers sort their own runs, as plan's do); on one thread
 * it sorts every record (judgement: ~140 runs instead of ~70 at a million rows; a merge step
 * more per record is cheap, and the run's memory stays the lower).
 */
const SPOOL_BYTES = 4 * 1024 * 1024;

/**
 * Reads a customer's note (createSpoolProjection): its warnings counted, an objector's contact
 * points kept for the second pass, and once the contact history has had its say, the exclusion
 * it decides in place of the customer's record.
 */
function takeNote({ counts, objectors }: ChoicePass, note: CampaignNote, replace: (write: RecordWriter) => void, ledger: ContactLookup, rules: CampaignRules, rows: ListRowFormatter): void {
  const [warned, id, plannedChannel, measure, objector, objectorKeys, ...listed] = note;
  if (warned) counts.warnings++;
  if (objector !== undefined && objectorKeys !== undefined) objectors.add(objectorKeys.split('\n'), objector);
  // Only a customer whose contact history decides first has the rest.
  if (id === undefined) return;
  const excluded = historyExclusion(ledger.check(id, rules.campaign), rules, [], ledger.heldOutBefore(id));
  if (!excluded) {
    // Held out by the draw, but contacted by an earlier run: listed, as their first entry's group.
    if (listed.length === 3 && ledger.contactedBefore(id)) replace((out) => putParts(out, listed[0], listed[1], listed[2]));
    return;
  }
  const parts = spoolChoice(excluded, id, plannedChannel as Channel | '', measure as string, rows);
  replace((out) => putParts(out, parts.meta, parts.head, parts.tail));
}

/** Removes what a pass wrote. */
export async function discardPass(pass: ChoicePass): Promise<void> {
  await pass.files.abort();
  await pass.spool.dispose();
}

function emptyCounts(): CampaignCounts {
  const zero = () => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  return { lists: zero(), retention: zero(), excluded: {}, warnings: 0, randomised: 0, randomisedChannels: 0 };
}
