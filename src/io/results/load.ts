/**
 * The one way `results` and `report` read a campaign's results: the ledger and the outcomes
 * file, attributed and summarised by the same pure functions, so that both commands show the
 * same figures for the same inputs.
 */
import type { ChannelCosts, OfferSpec } from '../../domain/playbook-types.js';
import { attributeAttempts, summariseResults, type Attempt, type ResultsReport } from '../../domain/results/results.js';
import type { EpochDay } from '../../domain/types.js';
import { InputMissingError } from '../../errors.js';
import type { ReadOptions } from '../csv/read.js';
import { readLedger } from '../ledger/ledger.js';
import type { openExport } from '../open-export.js';
import { messages } from '../../domain/catalogue/index.js';
import { readOutcomes, type OutcomesRead } from '../outcomes-file.js';

export interface ResultsSettings {
  asOf: EpochDay;
  windowDays: number;
  channelCosts: ChannelCosts;
  offers: readonly Pick<OfferSpec, 'id' | 'incentiveCost'>[];
  defaultMarginPercent: number;
}

export interface ResultsLoaded {
  /** one window from the first entry: the comparison with the control group */
  attempts: Attempt[];
  /** each contact's own window: calibrate's history */
  historyAttempts: Attempt[];
  report: ResultsReport;
  ledger: Awaited<ReturnType<typeof readLedger>>;
  outcomesRead: OutcomesRead;
}

/** Reads the ledger (absolute path; `label` names it in errors) and the outcomes, then attributes and summarises. */
export async function loadResults(
  ledgerPath: string, ledgerLabel: string, outcomes: string, read: ReadOptions, io: Parameters<typeof openExport>[3], settings: ResultsSettings,
): Promise<ResultsLoaded> {
  const ledger = await readLedger(ledgerPath);
  const say = messages(read.lang ?? 'en').results;
  if (!ledger.exists) throw new InputMissingError(say.noLedger(ledgerLabel), say.noLedgerHint);
  const outcomesRead = await readOutcomes(outcomes, read, io);
  const attempts = attributeAttempts(ledger.entries, outcomesRead.outcomes, settings);
  // What each contact did (its own window), for calibrate's history: the lift's single window would
  // count a customer a second contact won back as lost.
  const historyAttempts = attributeAttempts(ledger.entries, outcomesRead.outcomes, { ...settings, window: 'each' });
  return { attempts, historyAttempts, report: summariseResults(attempts, read.lang ?? 'en'), ledger, outcomesRead };
}
