/**
 * The first pass of a campaign run: every row planned and its campaign choice spooled for
 * the priority-ordered second pass (distribute.ts). A pass is made again, from
 * scratch, when the export is read a second time for duplicate ids (the engine does that).
 */
import { historyExclusion, type CampaignRules } from '../../domain/campaign/campaign.js';
import type { ContactLookup } from '../../domain/campaign/contact-history.js';
import { CHANNELS, type Channel } from '../../domain/playbook-types.js';
import { CampaignFiles, ListRowFormatter } from '../../io/campaign-output.js';
import type { OpenedExport } from '../../io/csv/read.js';
import type { CsvFormat } from '../../io/csv/write.js';
import { SortedSpool } from '../../io/sorted-spool.js';
import type { EachRecord } from '../../engine/index.js';
import type { LoadedPlanSetup } from '../../pipeline/plan-setup.js';
import type { SerialGuard } from './serial.js';
import { spoolChoice, spoolParts } from './distribute.js';
import { createProjection, type CampaignProjectionOptions, type CampaignRecord } from './project.js';
import type { CampaignCounts } from './summary.js';

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
  /** planning threads, the main thread included (default 1) */
  threads?: number;
  /** the smallest export planned with workers (resolveParallelMinBytes; default 8 MiB) */
  minParallelBytes?: number;
}

/** The engine run of the first pass: each planned customer's choice spooled into a new pass per reading of the export. */
export function spoolChoices(s: ChoiceSettings, onChunk: (opened: OpenedExport) => void): EachRecord<ChoicePass, CampaignProjectionOptions> {
  const { ledger, suppression: _suppression, regained, ...plain } = s.rules;
  const options: CampaignProjectionOptions = { rules: plain, fmt: s.fmt, ...(s.columns ? { columns: s.columns } : {}) };
  // The serial-defector guard and the customers won back before live on this thread alone.
  const extras = { ...(s.serial ? { serial: s.serial } : {}), ...(regained ? { regained } : {}) };
  const alone = s.serial !== undefined || regained !== undefined;
  // The excluded.csv rows of customers the contact history holds back are formatted here.
  const rows = new ListRowFormatter(s.fmt, s.columns);
  return {
    order: 'input',
    // Only a test share draws among the actions the plan valued (project.ts, randomisedAction).
    readsActions: (plain.testOffers ?? 0) > 0 || (plain.testChannels ?? 0) > 0,
    start: async (opened) => {
      s.serial?.reset();
      // Retention lists only for a hand-over that can carry drifting customers (clv's phase column).
      const withRetention = s.loaded.setup.playbook.retention !== undefined && opened.mapping.fields.has('phase');
      return { files: await CampaignFiles.open(s.outDir, s.fmt, true, s.columns, withRetention), spool: new SortedSpool(SPOOL_BYTES), counts: emptyCounts() };
    },
    records: {
      module: new URL('./project.js', import.meta.url).href,
      options,
      create: (o, setup) => createProjection(o, setup, extras),
      take: (pass, fields) => spoolOne(pass, fields as CampaignRecord, ledger, s.rules, rows),
    },
    threads: alone ? 1 : (s.threads ?? 1),
    ...(s.minParallelBytes === undefined ? {} : { minParallelBytes: s.minParallelBytes }),
    reject: (pass, rej) => pass.files.reject(rej),
    discard: discardPass,
    onChunk,
  };
}

/**
 * The sort spool's arena: half of SortedSpool's default. Unlike plan's workers, which sort
 * their own runs, campaign's main thread sorts every record while the workers plan, at the
 * run's peak of memory; the arena is resident there beside the pieces in flight. At a million
 * rows: ~140 runs instead of ~70 (judgement: a merge step more per record is cheap; the
 * merge's read buffers, 64 KiB per run, are needed after the workers are gone).
 */
const SPOOL_BYTES = 4 * 1024 * 1024;

/** Spools a customer's record, once the contact history has had its say. */
function spoolOne({ spool, counts }: ChoicePass, f: CampaignRecord, ledger: ContactLookup, rules: CampaignRules, rows: ListRowFormatter): void {
  const [rank, key, tie, warned, meta, head, tail, history, id, plannedChannel, measure] = f;
  if (warned) counts.warnings++;
  if (history) {
    const excluded = historyExclusion(ledger.check(id as string, rules.campaign), rules, []);
    if (excluded) {
      const parts = spoolChoice(excluded, id as string, plannedChannel as Channel | '', measure as string, rows);
      spoolParts(spool, rank, key, tie, parts.meta, parts.head, parts.tail);
      return;
    }
  }
  spoolParts(spool, rank, key, tie, meta, head, tail);
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
