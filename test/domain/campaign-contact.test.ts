import { emptyContactIndex } from '../../src/domain/campaign/contact-history.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectForCampaign, type CampaignRules } from '../../src/domain/campaign/campaign.js';
import { DEFAULT_CONFIG } from '../../src/domain/config.js';
import { normaliseEmailAddress, normalisePhoneNumber, phoneCountryOf } from '../../src/domain/permission/contact-point.js';
import { parseIsoDay } from '../../src/domain/dates.js';
import { checkPermission } from '../../src/domain/permission/permission.js';
import { planCustomer, type PlanSetup } from '../../src/domain/plan/plan.js';
import { compileVocabulary } from '../../src/domain/reasons/reasons.js';
import type { CustomerRow } from '../../src/domain/types.js';
import { listColumns, listTexts, listValues } from '../../src/io/campaign-output.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';
import { propertyRuns } from '../support/property.js';

const AS_OF = parseIsoDay('2026-11-23') as number;
let setup: PlanSetup;
let rules: CampaignRules;

beforeAll(async () => {
  const { playbook } = await loadPlaybook();
  setup = { playbook, vocabulary: compileVocabulary(playbook), config: DEFAULT_CONFIG, asOf: AS_OF, lang: 'en' };
  rules = {
    asOf: AS_OF, periodEnd: AS_OF + 60, campaignId: '2026-W48', permission: DEFAULT_CONFIG.permission,
    ledger: emptyContactIndex(AS_OF, '2026-W48'), campaign: DEFAULT_CONFIG.campaign, holdout: 0,
  };
});

const EMAILS = ['anna@example.de', 'Max <Max@Firma.DE>', 'mailto:a@b.de', 'a@b', 'a@b.de; c@d.de', 'n/a', 'keine', '', ' ', 'x@y.z', 'MAX@FIRMA.DE'];
const PHONES = ['030 1234567', '+49 30 1234567', '0049 (0)30 1234567', '1234', '4,93023E+11', 'keine', '+49', '', 'n/a', '(212) 555-0100', '+43 1 5356', '0171 2345678'];
const TRI = fc.constantFrom(true, false, null, undefined);

const rowArb = fc.record({
  email: fc.oneof(fc.constantFrom(...EMAILS), fc.string({ maxLength: 12 })),
  phone: fc.oneof(fc.constantFrom(...PHONES), fc.stringMatching(/^[0-9 +()/E,-]{0,14}$/)),
  country: fc.constantFrom(undefined, 'DE', 'US', 'Österreich', 'Narnia'),
  segment: fc.constantFrom('B2B' as const, 'B2C' as const, undefined),
  key_account: TRI,
  account_manager: fc.constantFrom(undefined, 'M. Maier'),
  consent_email: TRI,
  consent_phone: TRI,
  consent_letter: TRI,
  street: fc.constantFrom(undefined, 'Hauptstr. 1'),
  revenue: fc.integer({ min: 1000, max: 200_000 }),
});

describe('campaign list rows', () => {
  it('never carry a contact value that is unusable, or one for a channel without permission (property)', () => {
    let listed = 0;
    fc.assert(
      fc.property(rowArb, (r) => {
        const row: CustomerRow = {
          line: 2, customer_id: 'C1', name: 'Anna', postal_code: '10115', city: 'Berlin', customer_since: AS_OF - 2000,
          churn_date: AS_OF - 35, orders: 40, margin: { kind: 'percent', value: 30 }, reason: 'too expensive',
          advertising_objection: false, do_not_contact: false, warnings: [], ...r,
        } as CustomerRow;
        const p = planCustomer(row, setup);
        const choice = selectForCampaign(p, rules);
        if (choice.kind !== 'list') return;
        listed++;
        const allowed = checkPermission(row, rules.permission).allowed;
        expect(allowed[choice.channel]).toBe(true);
        const names = listColumns(choice.channel).map((c) => c.name);
        const values = listValues(p, choice.channel, 1, choice.contact, listTexts(setup.playbook, 'en'), 'en');
        const email = values[names.indexOf('email')];
        const phone = values[names.indexOf('phone')];
        if (names.includes('email')) expect(email).toBeDefined();
        if (choice.channel === 'phone') expect(phone).toBeDefined();
        if (email !== undefined) {
          expect(allowed.email).toBe(true);
          expect(normaliseEmailAddress(email as string)).toEqual({ ok: true, value: email });
        }
        if (phone !== undefined) {
          expect(allowed.phone).toBe(true);
          expect(phone).toMatch(/^\+[1-9]\d{6,14}$/);
          expect(normalisePhoneNumber(row.phone, phoneCountryOf(row.country))).toEqual({ ok: true, value: phone });
        }
      }),
      { ...propertyRuns(100), seed: 19 },
    );
    expect(listed).toBeGreaterThan(10);
  });
});
