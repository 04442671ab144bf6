/** The run manifest of a campaign run (summary.json): what went in, what came out, ledger state. */
import type { Channel } from '../../domain/playbook-types.js';
import { formatIsoDay } from '../../domain/dates.js';
import { CHANNELS } from '../../domain/playbook-types.js';
import type { OpenedExport } from '../../io/csv/read.js';
import type { LedgerAfter } from './commit.js';
import type { RunOutputs } from '../../io/run-outputs.js';
import type { LoadedPlanSetup } from '../../pipeline/plan-setup.js';
import { VERSION } from '../../version.js';
import { formatIsoText, formatWhole, messages, noteOf, savedWarnings, type Lang, type Noted } from '../../domain/catalogue/index.js';

export interface CampaignCounts {
  /** win-back contacts per channel list */
  lists: Record<Channel, number>;
  /** retention contacts per channel list (retention-<channel>.csv) */
  retention: Record<Channel, number>;
  excluded: Record<string, number>;
  /** rows with permission warnings (unclear consent values) */
  warnings: number;
  /** listed customers whose offer was drawn at random (--test-offers) */
  randomised: number;
  /** listed customers whose channel was drawn at random (--test-channels) */
  randomisedChannels: number;
}

export interface ManifestInput {
  opened: OpenedExport;
  loaded: LoadedPlanSetup;
  periodDays: number;
  id: string;
  counts: CampaignCounts;
  ledgerPath: string | undefined;
  before: { entries: number; sha256: string };
  /** undefined without a ledger or with --dry-run: the ledger stays as it was */
  after: LedgerAfter | undefined;
  dryRun: boolean;
  holdout: number;
  /** share of listed customers with a randomised offer */
  testOffers: number;
  /** share of listed customers with a randomised channel */
  testChannels: number;
  /** the files renamed into place before summary.json, with their sizes */
  outputs: RunOutputs;
  /** warnings of the run itself (ledger, pacing, serial defectors) */
  warnings: Noted[];
}

/** Builds summary.json; same input and as-of give the same document (no clock, no paths of temp files). */
export function campaignManifest(m: ManifestInput) {
  const { stats } = m.opened;
  const asOf = m.loaded.setup.asOf;
  const retained = Object.values(m.counts.retention).reduce((a, b) => a + b, 0);
  const listed = Object.values(m.counts.lists).reduce((a, b) => a + b, 0) + retained;
  const excluded = Object.values(m.counts.excluded).reduce((a, b) => a + b, 0);
  // Saved as catalogue keys beside their English text: a report in another language words them again.
  const warnings: Noted[] = [...m.opened.warningKeys, ...m.loaded.warnings];
  if (m.counts.warnings > 0) warnings.push(noteOf('campaign', { key: 'unclearConsent', args: [m.counts.warnings] }));
  warnings.push(...m.warnings);
  return {
    tool: 'winback',
    version: VERSION,
    command: 'campaign',
    campaign_id: m.id,
    as_of: formatIsoDay(asOf),
    period: { days: m.periodDays, from: formatIsoDay(asOf), until: formatIsoDay(asOf + m.periodDays - 1) },
    input: { file: m.opened.label, sha256: stats.sha256, rows: stats.read },
    accepted: stats.accepted,
    rejected: stats.rejected,
    config_sha256: m.loaded.sources.configSha256,
    playbook: { source: m.loaded.sources.playbookSource, sha256: m.loaded.sources.playbookSha256 },
    model_sha256: m.loaded.sources.modelSha256,
    holdout_share: m.holdout,
    test_offers_share: m.testOffers,
    // Only when channels are drawn: older summaries keep their shape.
    ...(m.testChannels > 0 ? { test_channels_share: m.testChannels } : {}),
    dry_run: m.dryRun,
    ledger: {
      file: m.ledgerPath ?? null,
      run_id: m.after?.runId ?? null,
      before: m.before,
      after: m.after ? { entries: m.after.entries, sha256: m.after.sha256 } : m.before,
      appended: m.after?.appended ?? 0,
    },
    // listed counts both tracks; lists are the win-back lists, retention_lists the retention ones.
    counts: { listed, excluded_total: excluded, lists: m.counts.lists, ...(retained > 0 ? { retention_lists: m.counts.retention } : {}), excluded: sortKeys(m.counts.excluded), randomised_offers: m.counts.randomised, ...(m.testChannels > 0 ? { randomised_channels: m.counts.randomisedChannels } : {}) },
    outputs: m.outputs,
    ...savedWarnings(warnings),
  };
}

/** The one line a campaign run prints on success. */
export function summaryLine(m: ReturnType<typeof campaignManifest>, lang: Lang = 'en'): string {
  const say = messages(lang);
  const n = (v: number) => (lang === 'en' ? String(v) : formatWhole(v, lang));
  const retention = m.counts.retention_lists;
  const lists = CHANNELS.map((c) => `${say.names.channel(c)} ${n(m.counts.lists[c])}`).join(', ') +
    (retention ? say.campaign.retentionLists(CHANNELS.map((c) => `${say.names.channel(c)} ${n(retention[c])}`).join(', ')) : '');
  const excluded = Object.entries(m.counts.excluded).map(([k, v]) => `${say.names.exclusion(k)} ${n(v)}`).join(', ');
  const line = say.campaign.line;
  return line(m.campaign_id, formatIsoText(m.as_of, lang), n(m.input.rows), n(m.accepted), n(m.rejected), lists, excluded || say.campaign.none, n(m.ledger.appended));
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
