/**
 * The plan for one lost customer: reason → playbook entry → channel → value and decision →
 * contact window. Pure; the plan command streams rows through `planCustomer`.
 */
import type { CalibratedModel } from './calibrate.js';
import type { WinbackConfig } from './config.js';
import { parseIsoDay } from './dates.js';
import type { Channel, Playbook, ReasonCode, ReasonEntry } from './playbook-types.js';
import { reasonEntry } from './playbook-types.js';
import { classifyReason, type ReasonClassification } from './reasons/index.js';
import type { ReasonVocabulary } from './reasons/vocabulary.js';
import { planContactWindow } from './timing.js';
import type { CustomerRow, EpochDay } from './types.js';
import { evaluateCustomer } from './value-decision.js';
import type { EvaluateInput, ValueResult } from './value-types.js';

export interface PlanSetup {
  playbook: Playbook;
  vocabulary: ReasonVocabulary;
  config: WinbackConfig;
  asOf: EpochDay;
  model?: CalibratedModel;
  lang: 'en' | 'de';
  /** compute the step-by-step explanation (for --explain only) */
  explain?: boolean;
}

export interface PlannedCustomer {
  row: CustomerRow;
  reason: ReasonClassification;
  entry: ReasonEntry;
  channel: Channel;
  value: ValueResult;
  measure: string;
  angle: string;
  window: { contactFrom: EpochDay; contactUntil: EpochDay; wave: string; rule: string } | null;
}

/** Decision order in plan.csv: who to work on first. */
export const DECISION_RANK = { win_back: 0, review: 1, let_go: 2, never: 3 } as const;

/** Plans one customer. */
export function planCustomer(row: CustomerRow, setup: PlanSetup): PlannedCustomer {
  const { playbook, config } = setup;
  const reason = classifyReason({ text: row.reason, code: row.reason_code }, setup.vocabulary);
  const entry = reasonEntry(playbook, reason.code);
  const chooseChannel = (stake: number) => planChannel(entry, row, stake, config.plan.highValueThreshold);
  const value = evaluateCustomer(valueInput(row, reason, entry, chooseChannel, setup));
  const channel = value.channel;
  const window =
    value.decision === 'win_back' || value.decision === 'review'
      ? planContactWindow({
          reason: entry.code,
          churnDate: row.churn_date,
          competitorContractEnd: row.competitor_contract_end,
          asOf: setup.asOf,
          entry,
          coolingOffDays: playbook.coolingOffDays,
          qualityFixedFrom: config.plan.qualityFixedFrom ? parseIsoDay(config.plan.qualityFixedFrom) : undefined,
        })
      : null;
  return { row, reason, entry, channel, value, measure: entry.measure[setup.lang], angle: entry.angle[setup.lang], window };
}

function valueInput(row: CustomerRow, reason: ReasonClassification, entry: ReasonEntry, channel: (stake: number) => Channel, setup: PlanSetup): EvaluateInput {
  const input: EvaluateInput = {
    row,
    reasonCode: reason.code as ReasonCode,
    reasonConfidence: reason.confidence,
    entry,
    offers: setup.playbook.offers,
    channel,
    channelCosts: setup.playbook.channelCosts,
    asOf: setup.asOf,
    config: setup.config.model,
    explain: setup.explain === true,
  };
  if (setup.model) input.model = setup.model;
  return input;
}

/**
 * Channel before permission checks: the account manager visits or calls key accounts and
 * high-value customers; otherwise the reason's preference order applies (email last).
 */
export function planChannel(entry: ReasonEntry, row: CustomerRow, valueAtStake: number, highValueThreshold: number): Channel {
  const personal = row.key_account === true || valueAtStake >= highValueThreshold;
  if (personal && row.account_manager) return 'visit';
  if (personal) return 'phone';
  const preferred = entry.channels.filter((c) => c !== 'visit');
  return preferred[0] ?? 'letter';
}
