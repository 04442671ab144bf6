/**
 * The artefacts of a finished worksheet, through the same writers as the batch commands:
 * plan.csv and rejects.csv (PlanFiles, as `winback plan`), this period's campaign lists and
 * excluded.csv (CampaignFiles, as `winback campaign` with an empty contact history), and the
 * Markdown worksheet document.
 */
import { join } from 'node:path';
import { objectedToContact, selectForCampaign, type CampaignRules } from '../../domain/campaign/campaign.js';
import { campaignId, emptyContactIndex } from '../../domain/campaign/contact-history.js';
import { contactKeysOf, ObjectorContacts, objectorContactDetail, personAtAddressKey, SharedContacts, sharedContactDetail, sharedContactKey } from '../../domain/permission/contact-point.js';
import type { PlannedCustomer, PlanSetup } from '../../domain/plan/plan.js';
import type { Reject } from '../../domain/types.js';
import { compareByPriority } from '../../domain/worksheet/apply.js';
import { writeFileAtomic } from '../atomic-write.js';
import { CampaignFiles, listTexts, listValues } from '../campaign-output.js';
import { PLAIN_CSV, type CsvFormat } from '../csv/write.js';
import { writeCampaignWorkbook, writePlanWorkbook, type OutputFormat } from '../xlsx/outputs.js';
import { PlanFiles } from '../plan/output.js';
import type { RunOutputs } from '../run-outputs.js';

export interface WorksheetOutput {
  /** input headers of plan.csv (the export's, or the manual fields) */
  headers: readonly string[];
  /** the agreed plans with their raw input cells */
  rows: ReadonlyArray<{ plan: PlannedCustomer; cells: readonly string[] }>;
  rejects: readonly Reject[];
  setup: PlanSetup;
  document: string;
  /** summary.json, when an export was read, given the files written before it */
  summary?: (outputs: RunOutputs) => unknown;
  /** CSV layout and whether workbooks are written too (--excel, --format xlsx); default plain CSV */
  format?: OutputFormat;
}

/** Writes plan.csv, rejects.csv, campaign-<channel>.csv, excluded.csv, worksheet.md (and summary.json) into dir. */
export async function writeWorksheetOutputs(dir: string, out: WorksheetOutput): Promise<void> {
  const fmt = out.format?.csv ?? PLAIN_CSV;
  const plan = await PlanFiles.open(dir, out.headers, fmt);
  let outputs: RunOutputs;
  try {
    for (const r of out.rows) await plan.add(r.plan, r.cells);
    for (const r of out.rejects) await plan.reject(r);
    outputs = await plan.commit();
  } catch (err) {
    await plan.abort();
    throw err;
  }
  Object.assign(outputs, await writeLists(dir, out, fmt));
  if (out.format?.xlsx) {
    Object.assign(outputs, await writePlanWorkbook(dir, out.headers, fmt, out.setup.lang));
    Object.assign(outputs, await writeCampaignWorkbook(dir, fmt, outputs, out.setup.lang));
  }
  await writeFileAtomic(join(dir, 'worksheet.md'), out.document);
  outputs['worksheet.md'] = { bytes: Buffer.byteLength(out.document) };
  if (out.summary !== undefined) await writeFileAtomic(join(dir, 'summary.json'), `${JSON.stringify(out.summary(outputs), null, 2)}\n`);
}

/** This period's lists: the campaign rules (permission, due date) applied to the agreed plans. */
async function writeLists(dir: string, out: WorksheetOutput, fmt: CsvFormat): Promise<RunOutputs> {
  const { asOf, config } = out.setup;
  const periodDays = config.campaign.periodDays;
  const id = campaignId(asOf, periodDays);
  const rules: CampaignRules = {
    asOf, periodEnd: asOf + periodDays - 1, campaignId: id, permission: config.permission,
    ledger: emptyContactIndex(asOf, id), campaign: config.campaign, holdout: 0, lang: out.setup.lang,
  };
  const plans = out.rows.map((r) => r.plan).sort(compareByPriority);
  // Retention contacts go to their own lists, as campaign writes them.
  const files = await CampaignFiles.open(dir, fmt, false, undefined, plans.some((p) => p.track === 'retention'));
  const texts = listTexts(out.setup.playbook, out.setup.lang);
  try {
    const shared = new SharedContacts();
    // Nobody is listed at the contact point of a customer who objected, whatever id they have.
    const objectors = new ObjectorContacts();
    for (const p of plans) if (objectedToContact(p)) objectors.add(contactKeysOf(p.row, config.permission.defaultPhoneCountry), p.row.customer_id);
    plans.forEach((p, i) => {
      const choice = selectForCampaign(p, rules);
      const key = choice.kind === 'list' ? sharedContactKey(choice.channel, choice.contact) : undefined;
      // A visit list shows the number too: an objector's number there is theirs.
      const visitNumber = choice.kind === 'list' && choice.channel === 'visit' ? objectors.holder(sharedContactKey('phone', choice.contact)) : undefined;
      const atAddress = choice.kind === 'list' && (choice.channel === 'visit' || choice.channel === 'letter') ? objectors.holder(personAtAddressKey(p.row)) : undefined;
      const objector = objectors.holder(key) ?? visitNumber ?? atAddress;
      const kind = objectors.holder(key) !== undefined ? (choice.kind === 'list' ? choice.channel : '') : visitNumber !== undefined ? 'phone' : 'post';
      const holder = shared.holder(key);
      if (choice.kind === 'list' && objector !== undefined) files.excluded(p.row.customer_id, 'objector_contact', objectorContactDetail(kind, objector, out.setup.lang), i + 1);
      else if (choice.kind === 'list' && holder > 0) files.excluded(p.row.customer_id, 'shared_contact', sharedContactDetail(choice.channel, holder, out.setup.lang), i + 1);
      else if (choice.kind === 'list') {
        shared.claim(key, i + 1);
        files.listed(choice.channel, listValues(p, choice.channel, i + 1, choice.contact, texts, out.setup.lang), p.track === 'retention');
      } else files.excluded(p.row.customer_id, choice.reason, choice.detail, i + 1);
    });
    return await files.commit();
  } catch (err) {
    await files.abort();
    throw err;
  }
}
