/**
 * A reason text read as one reason with a final one as the runner-up (a death, a closure, our
 * own termination) is not acted on: the customer goes to review, and a person decides before
 * anyone is contacted (src/domain/plan/plan.ts; docs/reasons-accuracy.md, sets FB1–FB5).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';

const HEADER = 'customer_id,name,email,consent_email,first_purchase_date,churn_date,orders,revenue_total,margin_pct,reason';
const ROW = 'ann@example.com,yes,2018-01-10,2026-06-01,40,12000,35';
const TEXTS = {
  // Read as a life change (a care home), with the death as the runner-up.
  aside: '"Hearing aid battery subscription: customer\'s carer phoned, she died in the care home last week."',
  plain: 'Kids left home and she needs a smaller plan now',
};

describe('a final reason read second', () => {
  const dir = tempDir('winback-final-aside-');
  const plans: Record<'en' | 'de', Map<string, Record<string, string>>> = { en: new Map(), de: new Map() };

  beforeAll(async () => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, [HEADER, `A1,Ann Lee,${ROW},${TEXTS.aside}`, `A2,Bo Kim,${ROW},${TEXTS.plain}`].join('\n') + '\n');
    for (const lang of ['en', 'de'] as const) {
      const out = join(dir, lang);
      const run = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--lang', lang, '-q']);
      expect(run.code, run.stderr).toBe(0);
      plans[lang] = new Map(readCsv(join(out, 'plan.csv')).map((r) => [r.customer_id as string, r]));
    }
  });

  it('sends the customer to review, naming both readings, and plans no channel or window', () => {
    const a1 = plans.en.get('A1') as Record<string, string>;
    expect(a1.reason_code).toBe('life_change');
    expect(a1.reason_secondary).toBe('deceased');
    expect(a1.decision).toBe('review');
    expect(a1.decision_reason).toBe('read as "Life change / changed needs", but the text also names a final reason ("Deceased"): a person decides before anyone is contacted');
    expect(a1.channel).toBe('');
    expect(a1.contact_from).toBe('');
  });

  it('says so in German with --lang de', () => {
    const row = plans.de.get('A1') as Record<string, string>;
    expect(row.decision).toBe('review');
    expect(row.decision_reason).toBe('als „Neuer Lebensabschnitt / veränderte Bedürfnisse“ gelesen, der Text nennt aber auch einen endgültigen Grund („Verstorben“): eine Person entscheidet, bevor jemand kontaktiert wird');
  });

  it('leaves a text without a final runner-up to its value', () => {
    const a2 = plans.en.get('A2') as Record<string, string>;
    expect(a2.reason_code).toBe('life_change');
    expect(a2.decision).toBe('win_back');
  });
});

describe('a consultant who looked at a final reason read second', () => {
  it('decides the contact in the worksheet: the customer is valued, planned on a channel and listed', async () => {
    const dir = tempDir('winback-final-aside-ws-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [HEADER, `A1,Ann Lee,${ROW},${TEXTS.aside}`].join('\n') + '\n');
    const answers = join(dir, 'answers.json');
    writeFileSync(answers, JSON.stringify({ lang: 'en', decisions: { A1: { decision: 'win_back', why: "the carer meant the customer's mother" } } }));
    const run = await runCli(['worksheet', file, '--answers', answers, '--session', join(dir, 's.worksheet.json'), '--out', dir, '--as-of', '2026-11-23']);
    expect(run.code, run.stderr).toBe(0);
    const a1 = readCsv(join(dir, 'plan.csv')).find((r) => r.customer_id === 'A1') as Record<string, string>;
    expect(a1.decision).toBe('win_back');
    expect(a1.decision_reason).toBe("consultant: the carer meant the customer's mother");
    expect(a1.channel).toBe('email');
    expect(Number(a1.expected_value)).toBeGreaterThan(0);
    expect(readCsv(join(dir, 'campaign-email.csv')).map((r) => r.customer_id)).toEqual(['A1']);
  });
});

describe('a reason code beside a text that reads as a final reason', () => {
  it('sends the customer to review (the code alone would have listed them), in campaign too; a text that agrees with the code changes nothing', async () => {
    const dir = tempDir('winback-final-in-text-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Name;E-Mail;Einwilligung E-Mail;Kunde seit;Kündigungsdatum;Anzahl Aufträge;Umsatz;DB %;Grundcode;Kündigungsgrund';
    const row = (id: string, code: string, text: string) => `${id};Firma ${id};${id.toLowerCase()}@example.de;ja;01.01.2018;01.09.2026;50;20.000,00;30;${code};${text}`;
    writeFileSync(file, [head, row('F1', 'price', 'Firma insolvent, geschlossen'), row('F2', 'price', 'Kunde verstorben'), row('F3', 'price', 'zu teuer'), row('F4', 'price', '')].join('\n') + '\n');
    const out = join(dir, 'plan');
    const run = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--lang', 'de', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const plans = new Map(readCsv(join(out, 'plan.csv')).map((r) => [r.customer_id as string, r]));
    expect(['F1', 'F2', 'F3', 'F4'].map((id) => plans.get(id)?.decision)).toEqual(['review', 'review', 'win_back', 'win_back']);
    expect(plans.get('F2')?.reason_code).toBe('price');
    expect(plans.get('F2')?.decision_reason).toBe('der Grundcode sagt „price“, der Text liest sich aber als endgültiger Grund („Verstorben“: verstorben): eine Person entscheidet, bevor jemand kontaktiert wird');
    expect(plans.get('F1')?.channel).toBe('');
    const campaign = await runCli(['campaign', file, '--out', join(dir, 'campaign'), '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(campaign.code, campaign.stderr).toBe(0);
    const listed = ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(join(dir, 'campaign', `campaign-${c}.csv`)).map((x) => x.customer_id as string));
    expect(listed.sort()).toEqual(['F3', 'F4']);
  });
});

describe('a final reason written in the notes', () => {
  it('sends the customer to review whatever the reason column says; notes without one change nothing', async () => {
    const dir = tempDir('winback-final-notes-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Name;E-Mail;Einwilligung E-Mail;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund;Bemerkung';
    const row = (id: string, notes: string) => `${id};Kunde ${id};${id.toLowerCase()}@web.de;ja;01.01.2018;01.06.2026;12.000,00;35;zu teuer;${notes}`;
    const notes = { N1: 'Kunde verstorben', N2: 'Kundin ist im Juni verstorben, Tochter hat angerufen', N3: 'Firma insolvent', N4: 'von uns gekündigt wegen Zahlungsausfall', N5: 'Rückruf erbeten, freundlich', N6: '' };
    writeFileSync(file, [head, ...Object.entries(notes).map(([id, n]) => row(id, n))].join('\n') + '\n');
    const out = join(dir, 'out');
    const run = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--lang', 'de', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const listed = readCsv(join(out, 'campaign-email.csv')).map((r) => r.customer_id);
    expect(listed.sort()).toEqual(['N5', 'N6']);
    const excluded = new Map(readCsv(join(out, 'excluded.csv')).map((r) => [r.customer_id as string, r]));
    for (const id of ['N1', 'N2', 'N3', 'N4']) {
      expect(excluded.get(id)?.reason, id).toBe('review');
      expect(excluded.get(id)?.detail, id).toMatch(/^die Notizen lesen sich als endgültiger Grund \(„(Verstorben|Geschäftsaufgabe \/ Insolvenz|Von uns gekündigt)“: /);
    }
  });
});

describe('a reason column under a name no alias knows', () => {
  it('is read by its name ("Grund der Kündigung"), with a note: a death written there is never contacted', async () => {
    const dir = tempDir('winback-reason-by-name-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Name;E-Mail;Einwilligung E-Mail;Kunde seit;Kündigungsdatum;Umsatz;DB %;Grund-Code;Grund der Kündigung';
    const row = (id: string, reason: string) => `${id};Kunde ${id};${id.toLowerCase()}@web.de;ja;01.01.2018;01.06.2026;12.000,00;35;7;${reason}`;
    writeFileSync(file, [head, row('G1', 'Kunde verstorben'), row('G2', 'Firma insolvent'), row('G3', 'zu teuer')].join('\n') + '\n');
    const out = join(dir, 'out');
    const run = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--lang', 'de']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("die Spalte 'Grund der Kündigung' wird nach ihrem Namen als solcher gelesen");
    const plan = new Map(readCsv(join(out, 'plan.csv')).map((r) => [r.customer_id as string, r]));
    expect(['G1', 'G2', 'G3'].map((id) => [plan.get(id)?.reason_code, plan.get(id)?.decision])).toEqual([['deceased', 'never'], ['business_closed', 'never'], ['price', 'win_back']]);
  });
});

describe('a second declined column', () => {
  it('beside the one read as the declined date: a decline recorded there without a day sends the customer to review', async () => {
    const dir = tempDir('winback-declined-twin-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Name;E-Mail;Einwilligung E-Mail;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund;Angebot abgelehnt am;Rückgewinnung abgelehnt';
    const row = (id: string, day: string, flag: string) => `${id};Kunde ${id};${id.toLowerCase()}@web.de;ja;01.01.2018;01.06.2026;12.000,00;35;zu teuer;${day};${flag}`;
    writeFileSync(file, [head, row('D1', '', 'ja'), row('D2', '', 'nein'), row('D3', '', ''), row('D4', '20.10.2026', 'ja')].join('\n') + '\n');
    const out = join(dir, 'out');
    const run = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--lang', 'de']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("'Rückgewinnung abgelehnt' sieht ebenfalls danach aus");
    expect(readCsv(join(out, 'campaign-email.csv')).map((r) => r.customer_id).sort()).toEqual(['D2', 'D3']);
    const excluded = new Map(readCsv(join(out, 'excluded.csv')).map((r) => [r.customer_id as string, r]));
    expect(excluded.get('D1')?.reason).toBe('review');
    expect(excluded.get('D1')?.detail).toContain('„Rückgewinnung abgelehnt: ja“');
    // With a day in the column read, the pause counts from it.
    expect(excluded.get('D4')?.reason).toBe('not_due');
  });
});

describe('a business customer that says it cannot pay', () => {
  it('goes to review (for a firm the grounds for insolvency); a private customer, a cash squeeze and a negation are valued as before', async () => {
    const dir = tempDir('winback-unable-to-pay-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Kundentyp;Name;E-Mail;Einwilligung E-Mail;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund;Bemerkung';
    const row = (id: string, segment: string, reason: string, notes = '') => `${id};${segment};Kunde ${id};${id.toLowerCase()}@web.de;ja;01.01.2015;15.10.2026;50.000,00;30;${reason};${notes}`;
    const rows = [
      row('Z1', 'B2B', 'zahlungsunfähig'),
      row('Z2', 'B2B', 'Kosten', 'laut Anwalt überschuldet'),
      row('Z3', 'B2B', 'Company unable to pay its debts'),
      row('Z4', 'B2C', 'zahlungsunfähig'),
      row('Z5', 'B2B', 'Liquiditätsengpass'),
      row('Z6', 'B2B', 'Liquiditätsengpass, aber nicht zahlungsunfähig'),
    ];
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const run = await runCli(['plan', file, '--out', out, '--as-of', '23.11.2026', '--lang', 'de', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const plans = new Map(readCsv(join(out, 'plan.csv')).map((r) => [r.Kundennummer as string, r]));
    for (const [id, words] of [['Z1', 'zahlungsunfähig'], ['Z2', 'überschuldet'], ['Z3', 'unable to pay its debts']] as const) {
      expect(plans.get(id)?.decision, id).toBe('review');
      expect(plans.get(id)?.decision_reason, id).toBe(`ein Geschäftskunde, der nach eigenen Worten nicht zahlen kann („${words}“), ist womöglich insolvent: eine Person entscheidet, bevor jemand kontaktiert wird`);
      expect(plans.get(id)?.channel, id).toBe('');
    }
    for (const id of ['Z4', 'Z5', 'Z6']) expect(plans.get(id)?.decision, id).toBe('win_back');
  });
});

describe('a death written into the name or the contact person', () => {
  it('sends the customer to review, in German and English; a surname or a word that only starts so changes nothing', async () => {
    const dir = tempDir('winback-death-in-name-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Name;Ansprechpartner;E-Mail;Einwilligung E-Mail;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund';
    const row = (id: string, name: string, person = '') => `${id};${name};${person};${id.toLowerCase()}@web.de;ja;01.01.2018;01.06.2026;12.000,00;35;zu teuer`;
    const rows = [
      row('D1', 'Hans Meier (verstorben)'),
      row('D2', 'Nachlass Gisela Schulz'),
      row('D3', 'Erbengemeinschaft Krause'),
      row('D4', 'Estate of Tee 15'),
      row('D5', 'Smith Ltd', 'Mr Smith (deceased)'),
      row('D6', 'Klaus Erben'),
      row('D7', 'Nachlassverwaltung Nord GmbH'),
    ];
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const run = await runCli(['plan', file, '--out', out, '--as-of', '23.11.2026', '--lang', 'de', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const plans = new Map(readCsv(join(out, 'plan.csv')).map((r) => [r.Kundennummer as string, r]));
    for (const [id, words] of [['D1', 'verstorben'], ['D2', 'Nachlass'], ['D3', 'Erbengemeinschaft'], ['D4', 'Estate of'], ['D5', 'deceased']] as const) {
      expect(plans.get(id)?.decision, id).toBe('review');
      expect(plans.get(id)?.decision_reason, id).toBe(`der Name liest sich, als sei der Kunde verstorben („${words}“): eine Person entscheidet, bevor jemand kontaktiert wird`);
    }
    for (const id of ['D6', 'D7']) expect(plans.get(id)?.decision, id).toBe('win_back');
  });
});

describe("an objection the consultant writes down in the worksheet", () => {
  it('makes the customer never, off every list the worksheet writes, whatever decision the consultant gives', async () => {
    const dir = tempDir('winback-worksheet-objection-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Name;Telefon;Einwilligung Telefon;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund';
    const row = (id: string) => `${id};Kunde ${id};030 12345${id.slice(1)};ja;B2B;01.01.2018;01.06.2026;12.000,00;35;zu teuer`;
    writeFileSync(file, [head, row('W1'), row('W2'), row('W3')].join('\n') + '\n');
    const answers = join(dir, 'answers.json');
    writeFileSync(answers, JSON.stringify({
      relationships: {
        W1: { reason_view: 'Hat am Telefon gesagt: keine Werbung mehr, er widerspricht jeder weiteren Kontaktaufnahme' },
        W2: { incident_what: 'He told me he objects to any advertising and wants no further contact from us' },
        W3: { reason_view: 'Preis war zu hoch, Service war gut' },
      },
      decisions: { W1: { decision: 'win_back', why: 'guter Kunde' } },
    }));
    const out = join(dir, 'out');
    const r = await runCli(['worksheet', file, '--session', join(dir, 'session.json'), '--answers', answers, '--out', out, '--as-of', '23.11.2026', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    const plans = new Map(readCsv(join(out, 'plan.csv')).map((p) => [p.Kundennummer as string, p]));
    expect(plans.get('W1')?.decision).toBe('never');
    expect(plans.get('W2')?.decision).toBe('never');
    expect(plans.get('W3')?.decision).toBe('win_back');
    const listed = ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(join(out, `campaign-${c}.csv`)).map((x) => x.customer_id));
    expect(listed).toEqual(['W3']);
    // The document unscores them too, as an objector known from the export (no value, no chance).
    const doc = readFileSync(join(out, 'worksheet.md'), 'utf8');
    const line = (id: string) => doc.split('\n').find((l) => l.includes(`| ${id} |`)) ?? '';
    expect(line('W2')).not.toMatch(/\d+ %/);
    expect(line('W3')).toMatch(/\d+ %/);
  });
});
