/**
 * Acceptance: with --lang de (or a German locale) no English word reaches the user. Every
 * command runs on the German fixture through the CLI; stdout, stderr and the text columns of
 * the files it writes are searched for English words (test/support/english-words.ts).
 * Column names, codes, ISO dates and plain numbers are the machine contract and stay.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findEnglish, type Leak } from '../support/english-words.js';
import { csvRecords } from '../support/xlsx.js';
import { readCsv, runCli, tempDir } from '../support/cli.js';
import { withLock } from '../../src/io/lock.js';

const DE = 'fixtures/lost-customers-de.csv';
const AS_OF = ['--as-of', '2026-11-23'];
// One customer per kind of plan: win back (letter, competitor contract), review, no channel,
// let go (negative margin), never (final reason, objection, objection in the text).
const EXPLAIN_IDS = ['100147', '100135', '100189', '100026', '100111', '100196', '100075', '100025', '100001', '100077'];

// The export's own cell values are data, whatever their language (the fixture mixes in a few
// English reason texts); the column names of plan.csv are its machine contract.
// Decoded as the reader decodes Windows-1252 (iconv-lite): byte 0x80 is €, not U+0080.
const CELLS = csvRecords(DE, ';', 'win1252');
const DATA = [...new Set(CELLS.flat().filter((v) => v.length >= 4))].sort((x, y) => y.length - x.length);
const PLAN_COLUMNS = Object.keys(readCsv('test/golden/cases/plan/de/expected-files/plan.csv')[0] ?? {});
const IGNORE = [...DATA, ...PLAN_COLUMNS.filter((c) => c.length >= 4)];

/** One entry per line that holds English words: `label: [words] line`. */
function leaksIn(label: string, text: string): string[] {
  const byLine = new Map<string, string[]>();
  // The hint of --map lists the canonical field names: machine words.
  const lines = text.split('\n').filter((line) => !line.startsWith('Hinweis: Felder: '));
  for (const l of findEnglish(lines.join('\n'), IGNORE) as Leak[]) byLine.set(l.context, [...(byLine.get(l.context) ?? []), l.word]);
  return [...byLine].map(([line, words]) => `${label}: [${words.join(' ')}] ${line}`);
}

/** English words in the given columns of a CSV the run wrote. */
function columnLeaks(path: string, columns: string[], delimiter = ','): string[] {
  const rows = readCsv(path, delimiter);
  const all = rows.flatMap((r) => columns.flatMap((c) => leaksIn(`${path.split('/').pop()} ${c}`, r[c] ?? '')));
  return [...new Set(all)];
}

async function run(args: string[], env: Record<string, string> = {}) {
  const r = await runCli(args, { env });
  return { ...r, leaks: [...leaksIn(`${args[0]} stdout`, r.stdout), ...leaksIn(`${args[0]} stderr`, r.stderr)] };
}

const PLAN_TEXT = ['decision_reason', 'offer_reason', 'timing_rule', 'warnings', 'measure', 'message_angle'];

describe('German: no English word reaches the user', () => {
  it('plan: summary, warnings and the text columns of plan.csv and rejects.csv', async () => {
    const out = tempDir();
    const r = await run(['plan', DE, '--out', out, ...AS_OF, '--lang', 'de']);
    expect(r.code).toBe(0);
    const leaks = [...r.leaks, ...columnLeaks(join(out, 'plan.csv'), PLAN_TEXT), ...columnLeaks(join(out, 'rejects.csv'), ['error'])];
    expect(leaks).toEqual([]);
  });

  it('plan: the permission warnings in plan.csv are German under --lang de and English without', async () => {
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    writeFileSync(file, [
      'Kundennummer;Kündigungsdatum;Umsatz;Kunde seit;E-Mail;Einwilligung E-Mail;Telefon;Einwilligung Telefon;Kündigungsgrund;Notizen',
      'K1;01.03.2026;12000;01.01.2020;k1@example.de;ja;+49 30 1234567;ja;Preis zu hoch;bitte keine Werbung mehr',
      'K2;02.03.2026;8000;01.01.2020;k2@example;ja;12;ja;Preis zu hoch;',
      'K3;02.03.2026;8000;01.01.2020;k3@example.de;vielleicht;+49 30 1234568;ja;Preis zu hoch;',
    ].join('\n'));
    const warningsOf = async (lang: string) => {
      const out = join(dir, lang);
      const r = await runCli(['plan', file, '--out', out, ...AS_OF, '--lang', lang, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      return Object.fromEntries(readCsv(join(out, 'plan.csv')).map((row): [string, string] => [String(row.customer_id), String(row.warnings)]));
    };
    const de = await warningsOf('de');
    expect(de.K1).toContain('Die Notizen enthalten einen Widerspruch („bitte keine werbung mehr“): als Werbewiderspruch behandelt');
    expect(de.K2).toContain("E-Mail-Adresse 'k2@example' ist nicht verwendbar (die Domain ist ungültig): kein E-Mail-Kanal");
    expect(de.K2).toContain("Telefonnummer '12' ist nicht verwendbar (keine gültige Nummer in DE): kein Telefonkanal");
    expect(de.K3).toContain('die E-Mail-Einwilligung ist unklar: als fehlende Einwilligung behandelt');
    expect(de.K3).not.toContain('consent_email');
    expect(Object.values(de).flatMap((w) => leaksIn('plan.csv warnings', w))).toEqual([]);
    const en = await warningsOf('en');
    expect(en.K1).toContain('notes contains an objection ("bitte keine werbung mehr"): treated as an objection');
    expect(en.K3).toContain('consent_email is unclear: treated as no consent');
  });

  it('plan under LANG=de_DE.UTF-8, without --lang', async () => {
    const out = tempDir();
    const r = await run(['plan', DE, '--out', out, ...AS_OF], { LANG: 'de_DE.UTF-8' });
    expect(r.code).toBe(0);
    expect([...r.leaks, ...columnLeaks(join(out, 'plan.csv'), PLAN_TEXT)]).toEqual([]);
    // German thousands: the total at stake, six figures with a point.
    expect(r.stdout).toMatch(/gesamt .*\| \d{3}\.\d{3} \|/);
  });

  it('plan --explain for every kind of decision', async () => {
    const leaks: string[] = [];
    for (const id of EXPLAIN_IDS) {
      const r = await run(['plan', DE, '--explain', id, ...AS_OF, '--lang', 'de']);
      expect(r.code, r.stderr).toBe(0);
      leaks.push(...r.leaks);
      // The formulas give days as the German reader writes them and name the export's figures in words.
      expect(r.stdout, id).not.toMatch(/\d{4}-\d{2}-\d{2}|max\(tenure|\b(?:orders|complaints|tenure_months|monthly_revenue) =|Playbook: [a-z_]+ =/);
    }
    expect(leaks).toEqual([]);
  });

  it('plan --explain for rows valued by clv\'s purchase model: win back, let go and retention', async () => {
    const dir = tempDir();
    const lost = join(dir, 'lost.csv');
    const clv = await runCli(['clv', 'fixtures/transactions-de.csv', '--out', join(dir, 'clv'), '--as-of', '2026-11-23', '--lost-out', lost, '--quiet']);
    expect(clv.code, clv.stderr).toBe(0);
    const planned = await run(['plan', lost, '--out', join(dir, 'plan'), ...AS_OF, '--lang', 'de', '--quiet']);
    expect(planned.code, planned.stderr).toBe(0);
    const rows = readCsv(join(dir, 'plan', 'plan.csv'));
    // One customer per track and decision.
    const ids = [...new Map(rows.map((row) => [`${row.track}/${row.decision}`, row.customer_id])).values()];
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const leaks = [...planned.leaks, ...columnLeaks(join(dir, 'plan', 'plan.csv'), ['decision_reason', 'offer_reason', 'warnings'])];
    const texts: string[] = [];
    for (const id of ids) {
      const r = await run(['plan', lost, '--explain', String(id), ...AS_OF, '--lang', 'de']);
      expect(r.code, r.stderr).toBe(0);
      texts.push(r.stdout);
      leaks.push(...r.leaks);
    }
    expect(texts.join('\n')).toContain('P(aktiv) (Kaufmodell)');
    expect(texts.join('\n')).toContain('Haltewahrscheinlichkeit q');
    expect(leaks).toEqual([]);
  });

  it('plan and campaign --budget: the budget line and the over-budget decision_reason', async () => {
    const out = tempDir();
    const r = await run(['plan', DE, '--out', out, ...AS_OF, '--budget', '500', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Budget 500\u00a0€: \d+ Kontakte/m);
    const over = readCsv(join(out, 'plan.csv')).filter((row) => String(row.decision_reason).startsWith('über dem Budget'));
    expect(over.length).toBeGreaterThan(0);
    const c = await run(['campaign', DE, '--out', tempDir(), ...AS_OF, '--budget', '500', '--lang', 'de']);
    expect(c.code, c.stderr).toBe(0);
    expect([...r.leaks, ...columnLeaks(join(out, 'plan.csv'), PLAN_TEXT), ...c.leaks]).toEqual([]);
  });

  it('campaign: the summary line, the lists and excluded.csv', async () => {
    const out = tempDir();
    const r = await run(['campaign', DE, '--out', out, ...AS_OF, '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    // reason_label and offer are the playbook's words; reason_text is the export's own (not checked).
    const lists = ['visit', 'phone', 'letter', 'email'].flatMap((c) => columnLeaks(join(out, `campaign-${c}.csv`), [...PLAN_TEXT, 'reason_label', 'offer']));
    expect([...r.leaks, ...lists, ...columnLeaks(join(out, 'excluded.csv'), ['detail'])]).toEqual([]);
    // Two weeks later, against the first run's lists: changes.csv says why in German.
    const next = tempDir();
    const later = await run(['campaign', DE, '--out', next, '--as-of', '2026-12-07', '--previous', out, '--lang', 'de']);
    expect(later.code, later.stderr).toBe(0);
    expect(readCsv(join(next, 'changes.csv')).length).toBeGreaterThan(0);
    expect([...later.leaks, ...columnLeaks(join(next, 'changes.csv'), ['why'])]).toEqual([]);
  });

  it('report on the export and on a plan directory', async () => {
    const out = tempDir();
    await runCli(['plan', DE, '--out', out, ...AS_OF, '--lang', 'de', '--quiet']);
    const a = await run(['report', DE, ...AS_OF, '--lang', 'de']);
    const b = await run(['report', out, '--lang', 'de']);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect([...a.leaks, ...b.leaks]).toEqual([]);
  });

  it('report on a campaign directory: the campaign line and the warnings of its results', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.csv');
    const outcomes = join(dir, 'outcomes.csv');
    writeFileSync(outcomes, 'customer_id,return_date,revenue\n100147,2026-12-20,500\n');
    // The run's own warnings are recorded in its language (summary.json).
    expect((await runCli(['campaign', DE, '--out', join(dir, 'c'), ...AS_OF, '--ledger', ledger, '--lang', 'de', '--quiet'])).code).toBe(0);
    const r = await run(['report', join(dir, 'c'), '--ledger', ledger, '--outcomes', outcomes, '--as-of', '2027-01-10', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Kampagne 2026-W48: \d+ auf den Listen; ausgeschlossen: ziehen lassen \d+/);
    expect(r.stderr).toMatch(/^Warnung: keine Kontrollgruppe im Kontaktbuch/m);
    expect(r.leaks).toEqual([]);
  });

  it('worksheet with answers', async () => {
    const out = tempDir();
    const answers = join(out, 'answers.json');
    writeFileSync(answers, JSON.stringify({
      lang: 'de',
      decisions: { 100147: { decision: 'let_go', why: 'Inhaber im Ruhestand' } },
      lessons: { lost_before: 'nach Preiserhöhungen', regained: 'ein Besuch' },
    }));
    const r = await run(['worksheet', DE, '--session', join(out, 'session.json'), '--answers', answers, ...AS_OF, '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    const files = [...columnLeaks(join(out, 'plan.csv'), PLAN_TEXT), ...columnLeaks(join(out, 'excluded.csv'), ['detail'])];
    expect([...r.leaks, ...files, ...leaksIn('worksheet.md', readFileSync(join(out, 'worksheet.md'), 'utf8'))]).toEqual([]);
    expect(readFileSync(join(out, 'plan.csv'), 'utf8')).toContain('Berater: Inhaber im Ruhestand');
  });

  it('reader and config errors: German under --lang de, English without', async () => {
    const dir = tempDir();
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const cases: [string[], RegExp, RegExp][] = [
      [[write('empty.csv', '')], /ist leer \(0 Bytes\)/, /is empty \(0 bytes\)/],
      [[write('blank.csv', '\n\n')], /keine Kopfzeile gefunden/, /no header row found/],
      [[write('header.csv', 'Kundennummer;Kündigungsdatum\n')], /hat eine Kopfzeile, aber keine Datenzeilen/, /has a header but no data rows/],
      [[write('columns.csv', 'a;b\n1;2\n')], /Pflichtspalte fehlt \(Export verlorener Kunden\): customer_id/, /required column missing for a lost-customer export/],
      [[DE, '--map', 'churn_date=Nix'], /--map lässt sich nicht anwenden: keine Spalte 'Nix' für churn_date/, /--map cannot be applied: no column 'Nix' for churn_date/],
      [[DE, '--config', write('bad.yaml', 'campaign:\n  maxAttempts: drei\n')], /Konfiguration .* ist ungültig:\n {2}campaign\.maxAttempts: Ungültige Eingabe/, /config .* is invalid:\n {2}campaign\.maxAttempts: Invalid input/],
      [[DE, '--config', write('currency.yaml', 'currency: XYZ\n')], /'XYZ' ist kein Währungscode/, /'XYZ' is not an ISO 4217 currency code/],
      [[DE, '--config', write('sign.yaml', 'model:\n  coefficients:\n    complaints:\n      weight: 1\n')], /model\.coefficients\.complaints\.weight: muss null oder negativ sein/, /model\.coefficients\.complaints\.weight: must be zero or negative/],
      [[DE, '--config', write('clv.yaml', 'clv:\n  lostThreshold: 2\n')], /clv\.lostThreshold: lostThreshold muss zwischen 0 und 1 liegen/, /clv\.lostThreshold: lostThreshold must lie between 0 and 1/],
    ];
    const leaks: string[] = [];
    for (const [args, de, en] of cases) {
      const r = await run(['plan', ...args, '--out', join(dir, 'out'), ...AS_OF, '--lang', 'de']);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(de);
      leaks.push(...r.leaks);
      const e = await runCli(['plan', ...args, '--out', join(dir, 'out'), ...AS_OF]);
      expect(e.stderr).toMatch(en);
    }
    expect(leaks).toEqual([]);
  });

  it('inspect and reasons: every table, header and summary', async () => {
    const inspect = await run(['inspect', DE, ...AS_OF, '--lang', 'de']);
    expect(inspect.code, inspect.stderr).toBe(0);
    expect(inspect.stdout).toMatch(/^Zeilen +200 gelesen = 196 angenommen \+ 4 abgelehnt$/m);
    const reasons = await run(['reasons', DE, '--lang', 'de']);
    expect(reasons.code, reasons.stderr).toBe(0);
    // Reason codes are shown as the playbook's words.
    expect(reasons.stdout).toMatch(/\| Preis +\| +31 \| 15,7 % \|/);
    expect(reasons.stderr).toContain('Warnung: 2 Zeilen abgelehnt');
    const locale = await run(['reasons', DE], { LANG: 'de_DE.UTF-8' });
    expect(locale.stdout).toContain('Zeilen: 167 zugeordnet');
    // The mapping table's first column and the sample rows (JSON) name the canonical fields: machine words.
    const fields = /^\| [a-z_]+ +\||^ +\{"line":/;
    const inspectText = inspect.stdout.split('\n').filter((line) => !fields.test(line)).join('\n');
    expect([...leaksIn('inspect stdout', inspectText), ...reasons.leaks, ...locale.leaks]).toEqual([]);
  });

  it('reasons: the note column of --reasons-out and --learn\'s summary and refusals', async () => {
    const dir = tempDir();
    const out = join(dir, 'gruende.csv');
    const r = await run(['reasons', DE, '--reasons-out', out, '--lang', 'de', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const notes = readCsv(out).map((row) => String(row.note)).filter((n) => n !== '');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.startsWith('abgelehnt (Zeile '))).toBe(true);
    const playbook = join(dir, 'mein-playbook.yaml');
    expect((await runCli(['playbook', 'init', playbook])).code).toBe(0);
    writeFileSync(join(dir, 'gelernt.csv'), 'text,code\nzu teuer geworden,price\n');
    const learn = await run(['reasons', '--learn', join(dir, 'gelernt.csv'), '--playbook', playbook, '--lang', 'de']);
    expect(learn.code, learn.stderr).toBe(0);
    expect(learn.stdout).toMatch(/^1 zugeordnete Zeilen: 1 neues Beispiel, 0 schon bekannt$/m);
    writeFileSync(join(dir, 'falsch.csv'), 'text,code\nirgendwas,gibtsnicht\n');
    const refused = await run(['reasons', '--learn', join(dir, 'falsch.csv'), '--playbook', playbook, '--lang', 'de']);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain('mit einem Code, den das Playbook nicht kennt; nichts wurde gelernt: Zeile 2: „gibtsnicht“');
    expect([...r.leaks, ...columnLeaks(out, ['note']), ...learn.leaks, ...refused.leaks]).toEqual([]);
  });

  it('calibrate: the report, its warnings and errors', async () => {
    const out = tempDir();
    const history = 'test/golden/cases/calibrate/en/history.csv';
    const r = await run(['calibrate', history, '--model-out', join(out, 'model.json'), '--as-of', '2027-03-01', '--lang', 'de', '--allow-defaults']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^47 Zeilen gelesen = 47 Versuche \+ 0 abgelehnt/);
    expect(r.stdout).toMatch(/\| Preis +\| +5 \|/);
    expect(r.stderr).toContain('Warnung: nur 8 Fälle in der Prüfstichprobe');
    const e = await run(['calibrate', history, '--lang', 'de']);
    expect(e.code).toBe(64);
    expect([...r.leaks, ...e.leaks]).toEqual([]);
  });

  it('results: the head line, the three tables and the warnings', async () => {
    const ledger = 'test/golden/cases/results/en/ledger.csv';
    const r = await run(['results', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Stichtag 01\.03\.2027, Zuordnungsfenster 90 Tage: 53 Kunden im Kontaktbuch/);
    // the money table at 80 columns: cost, gross profit, incremental profit with its interval (German separators)
    expect(r.stdout).toMatch(/\| gesamt +\| +1\.003 \| +4\.556 \| 3\.205 \[-1\.321; 7\.730\] \|/);
    const e = await run(['results', '--ledger', ledger, '--lang', 'de']);
    expect(e.code).toBe(64);
    expect([...r.leaks, ...e.leaks]).toEqual([]);
  });

  it('results: the warnings of a campaign without control group', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.csv');
    const outcomes = join(dir, 'outcomes.csv');
    writeFileSync(outcomes, 'customer_id,return_date,revenue\n100147,2026-12-20,500\n');
    expect((await runCli(['campaign', DE, '--out', join(dir, 'c'), ...AS_OF, '--ledger', ledger, '--quiet'])).code).toBe(0);
    const r = await run(['results', '--ledger', ledger, '--outcomes', outcomes, '--as-of', '2027-01-10', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Warnung: keine Kontrollgruppe im Kontaktbuch: der Mehrwert lässt sich nicht messen');
    expect(r.stderr).toMatch(/^Warnung: \d+ Kunden noch nicht zurückgewonnen, deren Zuordnungsfenster noch offen ist/m);
    expect(r.leaks).toEqual([]);
  });

  it('clv: the parameters, row counts, the phase table, the lost threshold and the warnings', async () => {
    const out = tempDir();
    const r = await run(['clv', 'fixtures/transactions-de.csv', '--out', out, '--as-of', '2026-11-23', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Zeilen +2\.116 gelesen = 2\.116 angenommen \+ 0 abgelehnt$/m);
    expect(r.stdout).toMatch(/\| abwandernder Stammkunde \|/);
    expect(r.stdout).toContain('Verlustschwelle: P(aktiv) < 0,3 (Konfiguration), nicht geprüft');
    const holdout = await run(['clv', 'fixtures/transactions-de.csv', '--out', out, '--calibration-end', '2026-06-30', '--holdout-end', '2026-11-23', '--lang', 'de']);
    expect(holdout.code, holdout.stderr).toBe(0);
    expect(holdout.stdout).toMatch(/^Verlustschwelle: P\(aktiv\) < 0,\d+ \(auf dem Prüfzeitraum gewählt\): \d+ von \d+/m);
    expect(holdout.stderr).toContain('Warnung: 1 Kunden kauften zum ersten Mal im Prüfzeitraum');
    expect([...r.leaks, ...holdout.leaks]).toEqual([]);
  });

  it('clv: the fit warnings of the models and the errors when they cannot be fitted', async () => {
    const dir = tempDir();
    const lines = readFileSync('fixtures/transactions-de.csv', 'utf8').split('\n');
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    // 200 lines: a short history whose spend model runs onto its boundary; no amounts at all; too few customers.
    const short = await run(['clv', write('short.csv', lines.slice(0, 200).join('\n')), '--out', join(dir, 'a'), '--as-of', '2026-11-23', '--lang', 'de']);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stderr).toMatch(/^Warnung: Kaufhäufigkeit und mittlerer Umsatz hängen zusammen \(Pearson 0,\d+, über 0,3\)/m);
    expect(short.stderr).toMatch(/^Warnung: Gamma-Gamma: p liegt am Rand \(p → ∞, p = \d,\d+e\+\d\)/m);
    const noAmount = await run(['clv', write('dates.csv', lines.map((l) => l.split(';').slice(0, 2).join(';')).join('\n')), '--out', join(dir, 'b'), '--as-of', '2026-11-23', '--lang', 'de']);
    expect(noAmount.stderr).toContain('Warnung: keine Beträge in der Eingabe: expected_spend und clv bleiben leer (nur Kaufmodell)');
    const threshold = await run(['clv', 'fixtures/transactions-de.csv', '--out', join(dir, 'c'), '--lost-threshold', '0.5', '--max-organic-return', '1%', '--calibration-end', '2026-06-30', '--holdout-end', '2026-11-23', '--lang', 'de']);
    expect(threshold.stderr).toMatch(/^Warnung: Verlustschwelle 0,5 \(--lost-threshold\): 1,6 % der \d+ Kunden/m);
    const few = await run(['clv', write('few.csv', lines.slice(0, 60).join('\n')), '--out', join(dir, 'd'), '--as-of', '2026-11-23', '--lang', 'de']);
    expect(few.code).toBe(65);
    expect(few.stderr).toMatch(/zu wenige Kunden für eine BG\/NBD-Anpassung: 4, nötig sind mindestens 20\nHinweis: die Modelle brauchen/);
    const english = await runCli(['clv', join(dir, 'few.csv'), '--out', join(dir, 'e'), '--as-of', '2026-11-23']);
    expect(english.stderr).toMatch(/too few customers to fit BG\/NBD: 4, need at least 20\nhint: the models need/);
    expect([...short.leaks, ...noAmount.leaks, ...threshold.leaks, ...few.leaks]).toEqual([]);
  });

  it('playbook show', async () => {
    const r = await run(['playbook', 'show', '--lang', 'de']);
    expect(r.code).toBe(0);
    expect(r.leaks).toEqual([]);
  });

  it('playbook init and validate: what they write, the refusal to overwrite and the validation errors', async () => {
    const dir = tempDir();
    const file = join(dir, 'mein-playbook.yaml');
    const init = await run(['playbook', 'init', file, '--lang', 'de']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`${file} geschrieben`);
    // The comments that explain how to edit it are German; the playbook's keys, codes, quoted
    // examples of reason texts, commands and the titles of the sources cited stay as they are.
    const comments = readFileSync(file, 'utf8').split('\n').filter((l) => /^\s*#/.test(l)).join('\n');
    const prose = comments
      .replace(/"[^"\n]*"|`[^`\n]*`|„[^“]*“/g, '')
      .replace(/\b[a-z]+(?:[A-Z][a-z]*)+\b|\b[a-z]+_[a-z_]+\b|^#\s+(?:soon|never)\b/gm, '')
      .replace(/\((?:[^()]|\([^()]*\))*\d{4}(?:[^()]|\([^()]*\))*\)/g, '');
    expect(leaksIn('playbook comments', prose)).toEqual([]);
    const again = await run(['playbook', 'init', file, '--lang', 'de']);
    expect(again.code).toBe(64);
    expect(again.stderr).toContain('gibt es schon');
    const valid = await run(['playbook', 'validate', file], { LANG: 'de_DE.UTF-8' });
    expect(valid.stdout).toMatch(/gültiges Playbook \(\d+ Gründe, \d+ Angebote\)/);
    writeFileSync(join(dir, 'kaputt.yaml'), 'version: eins\nreasons: []\n');
    const invalid = await run(['playbook', 'validate', join(dir, 'kaputt.yaml'), '--lang', 'de']);
    expect(invalid.code).toBe(65);
    expect(invalid.stderr).toMatch(/ungültiges Playbook .*kaputt\.yaml \(\d+ Fehler\):\n {2}version: Ungültige Eingabe/);
    // Each error starts with the path of the entry in the file: the playbook's own keys.
    const messagesOnly = invalid.stderr.replace(/^ {2}[\w.[\]]+: /gm, '  ');
    expect([...init.leaks, ...again.leaks, ...valid.leaks, ...leaksIn('validate stderr', messagesOnly)]).toEqual([]);
  });

  it('playbook validate: the cross-checks, the phrase language, unknown keys and YAML syntax in German; English as before', async () => {
    const dir = tempDir();
    const pb = parseYaml(readFileSync('src/playbook/default.yaml', 'utf8')) as Record<string, any>;
    pb.offers.push({ ...pb.offers[0] });
    pb.reasons[0].offers = ['gibtsnicht'];
    pb.reasons[0].phrase = ['zu teuer'];
    pb.reasons[1].phrases.de = [...pb.reasons[1].phrases.de, 'teuer ^9', 'ab*', '@nirgends & preis'];
    pb.reasons[2].channels = ['letter', 'letter'];
    pb.extra = 1;
    const file = join(dir, 'kaputt.yaml');
    writeFileSync(file, stringifyYaml(pb));
    const de = await run(['playbook', 'validate', file, '--lang', 'de']);
    expect(de.code).toBe(65);
    expect(de.stderr).toContain('Warnung: unbekannter Schlüssel „extra“ übergangen');
    expect(de.stderr).toMatch(/die Angebots-ID „\w+“ kommt zweimal vor/);
    expect(de.stderr).toContain('unbekanntes Angebot „gibtsnicht“; festgelegte Angebote:');
    expect(de.stderr).toContain('das Gewicht ^9 muss über 0 und höchstens 5 sein');
    expect(de.stderr).toContain('der Wortstamm „ab*“ ist zu kurz (mindestens 3 Buchstaben)');
    expect(de.stderr).toContain('die Wortklasse „@nirgends“ ist unter wordClasses nicht festgelegt');
    expect(de.stderr).toContain('ein Kanal steht zweimal in der Liste');
    // Each error starts with the path of the entry in the file, and names its keys and offer ids in quotes or a list: the playbook's own words.
    const own = (text: string) => text.replace(/^ {2}[\w.[\]]+(?: \(\w+\))?: /gm, '  ').replace(/„[^“]*“/g, '').replace(/festgelegte Angebote: .*$/gm, '');
    expect(leaksIn('validate stderr', own(de.stderr))).toEqual([]);
    const en = await runCli(['playbook', 'validate', file]);
    expect(en.stderr).toContain('warning: unknown key "extra" ignored');
    expect(en.stderr).toContain('unknown offer "gibtsnicht"; defined offers:');
    expect(en.stderr).toContain('weight ^9 must be above 0 and at most 5');
    // A command that loads the playbook names it, and the German hint says how to check it.
    const plan = await run(['plan', DE, '--out', join(dir, 'out'), ...AS_OF, '--playbook', file, '--lang', 'de']);
    expect(plan.code).toBe(65);
    expect(plan.stderr).toMatch(/Hinweis: prüfen mit: winback playbook validate .*kaputt\.yaml --lang de/);
    expect(leaksIn('plan stderr', own(plan.stderr))).toEqual([]);
    expect((await runCli(['plan', DE, '--out', join(dir, 'out'), ...AS_OF, '--playbook', file])).stderr).toMatch(/hint: check it with: winback playbook validate /);
    // The schema's own checks: zod's German, and the catalogue's where the schema names its rule.
    pb.offers[0].id = 'Rabatt';
    writeFileSync(join(dir, 'schema.yaml'), stringifyYaml(pb));
    const schema = await run(['playbook', 'validate', join(dir, 'schema.yaml'), '--lang', 'de']);
    expect(schema.code).toBe(65);
    expect(schema.stderr).toContain('offers[0].id (Rabatt): nur Kleinbuchstaben, Ziffern und _ verwenden');
    expect(leaksIn('schema stderr', own(schema.stderr))).toEqual([]);
    // YAML syntax: file, line and column in German; the parser's own words are quoted as they are.
    const broken = join(dir, 'syntax.yaml');
    writeFileSync(broken, 'version: 1\ncoolingOffDays: 14\nchannelCosts:\n  visit: 120\n   phone: 15\n');
    const syntax = await run(['playbook', 'validate', broken, '--lang', 'de']);
    expect(syntax.code).toBe(65);
    expect(syntax.stderr).toMatch(/Playbook .*syntax\.yaml ist kein gültiges YAML \(Zeile 4, Spalte 10\); Meldung des Parsers: „[^“]+“/);
    expect(leaksIn('syntax stderr', syntax.stderr.replace(/„[^“]*“/g, ''))).toEqual([]);
    // WINBACK_LANG=de speaks German as --lang de does.
    const fromEnv = await runCli(['playbook', 'validate', broken], { env: { WINBACK_LANG: 'de' } });
    expect(fromEnv.stderr).toContain('ist kein gültiges YAML (Zeile 4, Spalte 10)');
    const missing = await run(['plan', DE, '--out', join(dir, 'out'), ...AS_OF, '--playbook', join(dir, 'nirgends.yaml'), '--lang', 'de']);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/Playbook-Datei nicht gefunden: .*\nHinweis: den Pfad der Playbook-Datei prüfen/);
    expect(missing.leaks).toEqual([]);
    // A value of the wrong type names both types in German ("erhalten string" was English).
    const typed = join(dir, 'typ.yaml');
    const init = await run(['playbook', 'init', typed, '--lang', 'de']);
    expect(init.code).toBe(0);
    writeFileSync(typed, readFileSync(typed, 'utf8').replace(/(channelCosts:[^\n]*\n(?:[^\n]*\n)*?\s+letter:)\s*[\d.]+/, '$1 zwei'));
    const wrongType = await run(['playbook', 'validate', typed, '--lang', 'de']);
    expect(wrongType.code).toBe(65);
    expect(wrongType.stderr).toContain('channelCosts.letter: Ungültige Eingabe: erwartet Zahl, erhalten Text');
    // A timing kind no option has names the options, as the English does.
    const kind = join(dir, 'art.yaml');
    writeFileSync(kind, readFileSync(typed, 'utf8').replace(/ zwei/, ' 2.2').replace(/kind: soon/, 'kind: bald'));
    const wrongKind = await run(['playbook', 'validate', kind, '--lang', 'de']);
    expect(wrongKind.code).toBe(65);
    expect(wrongKind.stderr).toMatch(/timing\.kind \(\w+\): Ungültiger Wert: erwartet einer von 'soon' \| 'after_some_time'/);
  });

  it('clv --lost-out and --retention-out: the reason column in German', async () => {
    const dir = tempDir();
    const r = await run(['clv', 'fixtures/transactions-de.csv', '--out', join(dir, 'clv'), ...AS_OF, '--lost-out', join(dir, 'lost.csv'), '--retention-out', join(dir, 'retention.csv'), '--lang', 'de', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const lost = readCsv(join(dir, 'lost.csv'));
    expect(lost.map((row) => row.reason)).toContain('stille Abwanderung: kauft nicht mehr (ohne Kündigung)');
    const retention = readCsv(join(dir, 'retention.csv'));
    expect(retention.length).toBeGreaterThan(0);
    expect([...columnLeaks(join(dir, 'lost.csv'), ['reason']), ...columnLeaks(join(dir, 'retention.csv'), ['reason'])]).toEqual([]);
    // The hand-over planned and listed in German: the retention measures by their labels, the model's words German.
    const [head, ...rows] = readFileSync(join(dir, 'lost.csv'), 'utf8').trimEnd().split('\n');
    const withPost = join(dir, 'lost-post.csv');
    writeFileSync(withPost, `${head},street,postal_code,city,country,email,consent_email\n${rows.map((row, i) => `${row},Hauptstr. ${i + 1},10115,Berlin,DE,k${i}@web.de,ja`).join('\n')}\n`);
    const out = join(dir, 'camp');
    const camp = await run(['campaign', withPost, '--out', out, ...AS_OF, '--dry-run', '--lang', 'de']);
    expect(camp.code, camp.stderr).toBe(0);
    const lists = ['letter', 'email'].map((c) => join(out, `retention-${c}.csv`)).filter((f) => existsSync(f));
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.flatMap((f) => columnLeaks(f, ['offer', 'measure', 'message_angle']))).toEqual([]);
    const retained = readCsv(lists[0] as string)[0]?.customer_id as string;
    const explain = await run(['plan', withPost, ...AS_OF, '--explain', retained, '--lang', 'de']);
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).toContain('E[Y(i) | aktiv]');
    expect(explain.leaks).toEqual([]);
  });

  it('report on a run of another language: the run\'s saved warnings are worded in the reader\'s', async () => {
    const dir = tempDir();
    const out = join(dir, 'c');
    expect((await runCli(['campaign', DE, '--out', out, ...AS_OF, '--quiet'])).code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { warnings: string[]; warning_keys: unknown[] };
    expect(summary.warning_keys).toContainEqual({ key: 'campaign.noLedger', args: [] });
    const r = await run(['report', out, '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain('kein --ledger: keine Taktung');
    expect(r.leaks).toEqual([]);
    // A German run read by an English report: English.
    const german = join(dir, 'g');
    expect((await runCli(['plan', DE, '--out', german, ...AS_OF, '--quiet', '--lang', 'de'])).code).toBe(0);
    const en = await runCli(['report', german]);
    expect(`${en.stdout}${en.stderr}`).toMatch(/rows with an unknown reason: see winback reasons/);
  });

  it('report on a directory whose summary.json is not a campaign\'s', async () => {
    const dir = tempDir();
    const out = join(dir, 'c');
    expect((await runCli(['campaign', DE, '--out', out, ...AS_OF, '--quiet'])).code).toBe(0);
    const path = join(out, 'summary.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"command": "campaign"', '"command": "plan"'));
    const de = await run(['report', out, '--lang', 'de']);
    expect(de.code).toBe(65);
    expect(de.stderr).toContain('summary.json ist nicht das Protokoll eines Kampagnenlaufs');
    expect(de.leaks).toEqual([]);
    expect((await runCli(['report', out])).stderr).toContain('summary.json is not the manifest of a campaign run');
  });

  it('a locked ledger and a ledger dated in the future: German', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.csv');
    await withLock(ledger, async () => {
      const r = await run(['campaign', DE, '--out', join(dir, 'c'), ...AS_OF, '--ledger', ledger, '--lang', 'de']);
      expect(r.code).toBe(75);
      expect(r.stderr).toMatch(/ledger\.csv ist gesperrt: ein anderer Lauf von winback ist im Gang \(Sperre .*\)\nHinweis: warten, bis dieser Lauf fertig ist/);
      expect(r.leaks).toEqual([]);
      const en = await runCli(['campaign', DE, '--out', join(dir, 'c'), ...AS_OF, '--ledger', ledger]);
      expect(en.stderr).toMatch(/ledger\.csv is locked: another winback run is in progress/);
    });
    writeFileSync(ledger, 'customer_id,channel,campaign_date,campaign_id,measure,outcome\n100147,letter,2062-01-05,2062-W01,x,\n');
    const future = await run(['campaign', DE, '--out', join(dir, 'c'), ...AS_OF, '--ledger', ledger, '--lang', 'de']);
    expect(future.code).toBe(65);
    expect(future.stderr).toMatch(/Zeile 2, Spalte campaign_date: 05\.01\.2062 liegt in der Zukunft/);
    expect(future.leaks).toEqual([]);
    const forced = await run(['campaign', DE, '--out', join(dir, 'c'), ...AS_OF, '--ledger', ledger, '--force', '--lang', 'de', '--quiet']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/^Warnung: Kontaktbuch .* liegt in der Zukunft .*\(weiter wegen --force\)$/m);
    expect(forced.leaks).toEqual([]);
    // A corrupt line names line and column in German.
    writeFileSync(ledger, 'customer_id,channel,campaign_date,campaign_id,measure,outcome\n100147,fax,2026-11-02,2026-W45,x,\n');
    const corrupt = await run(['campaign', DE, '--out', join(dir, 'c2'), ...AS_OF, '--ledger', ledger, '--lang', 'de']);
    expect(corrupt.code).toBe(65);
    expect(corrupt.stderr).toMatch(/das Kontaktbuch .* ist beschädigt in Zeile 2, Spalte channel: unbekannter Kanal „fax“/);
    expect(corrupt.leaks).toEqual([]);
    expect((await runCli(['campaign', DE, '--out', join(dir, 'c2'), ...AS_OF, '--ledger', ledger])).stderr).toMatch(/is corrupt at line 2, column channel: unknown channel "fax"/);
    // Saved with its key: an English report words it in English.
    const saved = JSON.parse(readFileSync(join(dir, 'c', 'summary.json'), 'utf8')) as { warnings: string[] };
    expect(saved.warnings.join('\n')).toMatch(/is in the future .*\(going on because of --force\)/);
  });

  it('Excel workbooks it cannot read, and a --sheet the workbook lacks: German', async () => {
    const dir = tempDir();
    const xls = join(dir, 'alt.xls');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const old = await run(['inspect', xls, '--lang', 'de']);
    expect(old.code).toBe(65);
    expect(old.stderr).toMatch(/ist eine Excel-97–2003-Arbeitsmappe \(\.xls\), die winback nicht liest\nHinweis: in Excel öffnen/);
    expect(old.leaks).toEqual([]);
    expect((await runCli(['inspect', xls])).stderr).toContain('is an Excel 97–2003 workbook (.xls), which winback does not read');
    expect((await runCli(['plan', DE, '--out', join(dir, 'p'), ...AS_OF, '--format', 'xlsx', '--quiet'])).code).toBe(0);
    const sheet = await run(['inspect', join(dir, 'p', 'plan.xlsx'), '--sheet', 'Nirgends', '--lang', 'de']);
    expect(sheet.code).toBe(64);
    expect(sheet.stderr).toMatch(/--sheet 'Nirgends': .*plan\.xlsx hat kein solches Tabellenblatt\nHinweis: seine Tabellenblätter: /);
    expect(sheet.leaks).toEqual([]);
  });

  it('errors and hints', async () => {
    const leaks: string[] = [];
    for (const args of [
      ['plan', DE, ...AS_OF, '--lang', 'de'],
      ['plan', 'fixtures/missing.csv', '--out', tempDir(), ...AS_OF, '--lang', 'de'],
      ['plan', DE, '--explain', 'X-1', ...AS_OF, '--lang', 'de'],
      ['campaign', 'fixtures/missing.csv', '--out', tempDir(), ...AS_OF, '--lang', 'de'],
      ['report', 'fixtures/missing.csv', ...AS_OF, '--lang', 'de'],
      ['report', 'fixtures', ...AS_OF, '--lang', 'de'],
      ['report', DE, ...AS_OF, '--outlier-share', '0', '--lang', 'de'],
      ['campaign', DE, ...AS_OF, '--lang', 'de'],
      ['campaign', DE, '--out', tempDir(), ...AS_OF, '--period', '9x', '--lang', 'de'],
      ['campaign', DE, '--out', tempDir(), ...AS_OF, '--capacity', 'fax=3', '--lang', 'de'],
      ['plan', DE, '--out', tempDir(), '--as-of', '2026-13-45', '--lang', 'de'],
      ['plan', DE, '--out', tempDir(), ...AS_OF, '--threads', 'abc', '--lang', 'de'],
      ['plan', DE, '--out', tempDir(), ...AS_OF, '--budget', 'viel', '--lang', 'de'],
      ['plan', DE, '--out', tempDir(), ...AS_OF, '--capacity', 'fax=3', '--lang', 'de'],
      ['plan', '-', '--out', tempDir(), ...AS_OF, '--capacity', 'phone=3', '--lang', 'de'],
      ['campaign', DE, '--out', tempDir(), ...AS_OF, '--test-channels', '150%', '--lang', 'de'],
      ['plan', '-', '--out', tempDir(), ...AS_OF, '--budget', '100', '--lang', 'de'],
      ['plan', DE, '--out', tempDir(), ...AS_OF, '--max-reject-rate', '0.001', '--lang', 'de'],
      ['plan', DE, '--out', tempDir(), ...AS_OF, '--config', 'fixtures/missing.yaml', '--lang', 'de'],
      ['plan', DE, '--out', tempDir(), ...AS_OF, '--map', 'foo=Bar', '--lang', 'de'],
      ['plan', DE, '--out', tempDir(), ...AS_OF, '--delimiter', ';;', '--lang', 'de'],
      ['worksheet', DE, ...AS_OF, '--lang', 'de'],
      ['worksheet', DE, '--session', join(tempDir(), 's.json'), ...AS_OF, '--lang', 'de'],
      ['inspect', 'fixtures/missing.csv', '--lang', 'de'],
      ['reasons', '--lang', 'de'],
      ['calibrate', 'fixtures/missing.csv', '--lang', 'de'],
      ['results', '--ledger', 'fixtures/missing.csv', '--outcomes', 'fixtures/outcomes-en.csv', '--lang', 'de'],
      ['clv', 'fixtures/missing.csv', '--out', tempDir(), '--lang', 'de'],
      ['plan', DE, '--out', '-', ...AS_OF, '--lang', 'de'],
      ['campaign', DE, '--out', '-', ...AS_OF, '--lang', 'de'],
      ['clv', 'fixtures/transactions-de.csv', '--out', '-', '--lang', 'de'],
      ['clv', 'fixtures/transactions-de.csv', '--out', tempDir(), '--intervals', '5', '--lang', 'de'],
      ['clv', 'fixtures/transactions-de.csv', '--out', tempDir(), '--holdout-end', '2026-11-23', '--lang', 'de'],
      ['clv', 'fixtures/transactions-de.csv', '--out', tempDir(), '--lost-threshold', 'auto', '--lang', 'de'],
      ['clv', 'fixtures/transactions-de.csv', '--out', tempDir(), '--horizon-months', '-3', '--lang', 'de'],
      ['clv', 'fixtures/transactions-de.csv', '--out', tempDir(), '--cancel-prefix', ' ', '--lang', 'de'],
      ['results', '--ledger', 'test/golden/cases/results/en/ledger.csv', '--outcomes', 'fixtures/outcomes-en.csv', '--window', 'lang', '--lang', 'de'],
      ['plan', DE, '--out', tempDir(), ...AS_OF, '--model', 'fixtures/missing.json', '--lang', 'de'],
      ['plan', DE, '--out', 'fixtures/README.md/x', ...AS_OF, '--lang', 'de'],
      ['campaign', DE, '--out', tempDir(), ...AS_OF, '--holdout', '200%', '--lang', 'de'],
      ['campaign', DE, '--out', tempDir(), ...AS_OF, '--suppress', 'fixtures/missing.csv', '--lang', 'de'],
      ['campaign', DE, '--out', tempDir(), ...AS_OF, '--previous', 'test/support', '--lang', 'de'],
      ['worksheet', DE, '--session', join(tempDir(), 's.json'), '--answers', 'fixtures/missing.json', ...AS_OF, '--lang', 'de'],
      ['clv', 'fixtures/transactions-de.csv', '--out', tempDir(), '--amount', 'a*b*c', '--lang', 'de'],
      ['clv', 'fixtures/transactions-de.csv', '--out', tempDir(), '--customers', 'fixtures/missing.csv', '--lang', 'de'],
      ['clv', 'fixtures/transactions-de.csv', '--out', tempDir(), '--amount', 'Nirgends', '--lang', 'de'],
      // commander's own usage errors and the hint after them
      ['clv', 'fixtures/transactions-de.csv', '--out', tempDir(), '--period', 'year', '--lang', 'de'],
      ['plan', DE, '--bogus', '--lang', 'de'],
      ['plan', DE, 'extra', '--lang', 'de'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      leaks.push(...r.leaks);
    }
    expect(leaks).toEqual([]);
  });
});

// The same sweep with a German locale instead of --lang: every command, its --help, the files it
// writes and its error paths, as a user whose shell says LANG=de_DE.UTF-8 runs them.
describe('German from the locale alone (LANG=de_DE.UTF-8, no --lang)', () => {
  const LOCALE = { LANG: 'de_DE.UTF-8' };
  const html = (path: string) => readFileSync(path, 'utf8').replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, '\n').replace(/&[a-z#0-9]+;/g, ' ');

  it('every command, the files it writes, and each command\'s --help', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.csv');
    const answers = join(dir, 'answers.json');
    writeFileSync(answers, JSON.stringify({ decisions: { 100147: { decision: 'let_go', why: 'Inhaber im Ruhestand' } }, lessons: { regained: 'ein Besuch' } }));
    const leaks: string[] = [];
    const runs: string[][] = [
      ['plan', DE, '--out', join(dir, 'plan'), ...AS_OF],
      ...EXPLAIN_IDS.map((id) => ['plan', DE, ...AS_OF, '--explain', id]),
      ['campaign', DE, '--out', join(dir, 'week'), ...AS_OF, '--ledger', ledger, '--holdout', '10%'],
      ['report', DE, ...AS_OF, '--html', join(dir, 'bericht.html')],
      ['report', join(dir, 'week')],
      ['worksheet', DE, '--session', join(dir, 'ws', 'session.json'), '--answers', answers, ...AS_OF],
      ['reasons', DE, '--reasons-out', join(dir, 'gruende.csv')],
      ['inspect', DE],
      ['clv', 'fixtures/transactions-de.csv', '--out', join(dir, 'clv'), '--as-of', '2026-11-23'],
      ['results', '--ledger', 'test/golden/cases/results/en/ledger.csv', '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01', '--history-out', join(dir, 'history.csv'), '--export', 'fixtures/lost-customers-en.csv'],
      ['calibrate', join(dir, 'history.csv'), '--model-out', join(dir, 'model.json'), '--as-of', '2027-03-01', '--allow-defaults'],
      ['playbook', 'show'],
    ];
    // inspect's mapping table and sample rows name the canonical fields: machine words (as above).
    const fields = /^\| [a-z_]+ +\||^ +\{"line":/;
    for (const args of runs) {
      const r = await run(args, LOCALE);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      const stdout = args[0] === 'inspect' ? r.stdout.split('\n').filter((line) => !fields.test(line)).join('\n') : r.stdout;
      leaks.push(...leaksIn(`${args[0]} stdout`, stdout), ...leaksIn(`${args[0]} stderr`, r.stderr));
    }
    leaks.push(
      ...columnLeaks(join(dir, 'plan', 'plan.csv'), PLAN_TEXT),
      ...columnLeaks(join(dir, 'week', 'excluded.csv'), ['detail']),
      ...columnLeaks(join(dir, 'ws', 'plan.csv'), PLAN_TEXT),
      ...columnLeaks(join(dir, 'gruende.csv'), ['note']),
      ...leaksIn('worksheet.md', readFileSync(join(dir, 'ws', 'worksheet.md'), 'utf8')),
      ...leaksIn('bericht.html', html(join(dir, 'bericht.html'))),
    );
    for (const command of [[], ['plan'], ['campaign'], ['report'], ['worksheet'], ['reasons'], ['inspect'], ['clv'], ['results'], ['calibrate'], ['playbook', 'show'], ['playbook', 'init'], ['playbook', 'validate']]) {
      const r = await run([...command, '--help'], LOCALE);
      expect(r.code, command.join(' ')).toBe(0);
      expect(r.stdout, command.join(' ')).toMatch(/Aufruf|Optionen/);
      // Flags, command names (winback reasons) and the column names of --columns are machine words (as in test/cli/help.test.ts).
      const text = r.stdout.replace(/customer_id,[a-z_,]+/g, ' ').replace(/\breasons\b/g, ' ');
      leaks.push(...leaksIn(`${command.join(' ') || 'winback'} --help`, text));
    }
    expect(leaks).toEqual([]);
  });

  it('error paths with their hints', async () => {
    const leaks: string[] = [];
    for (const args of [
      ['plan', 'fixtures/missing.csv', '--out', tempDir(), ...AS_OF],
      ['plan', DE, '--out', tempDir(), '--as-of', '2026-13-45'],
      ['plan', DE, '--explain', 'X-1', ...AS_OF],
      ['campaign', DE, '--out', tempDir(), ...AS_OF, '--capacity', 'fax=3'],
      ['report', 'fixtures', ...AS_OF],
      ['worksheet', DE, ...AS_OF],
      ['inspect', 'fixtures/missing.csv'],
      ['reasons', '--learn', 'fixtures/missing.csv'],
      ['clv', 'fixtures/transactions-de.csv', '--out', tempDir(), '--intervals', '5'],
      ['results', '--ledger', 'fixtures/missing.csv', '--outcomes', 'fixtures/outcomes-en.csv'],
      ['calibrate', 'fixtures/missing.csv'],
      ['playbook', 'validate', 'fixtures/missing.yaml'],
      ['plan', DE, '--bogus'],
    ]) {
      const r = await run(args, LOCALE);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(/^winback(?: [a-z ]+)?: /);
      leaks.push(...r.leaks);
    }
    expect(leaks).toEqual([]);
  });
});

describe('the English-word finder', () => {
  it('finds English words and skips codes, flags, paths and file names', () => {
    expect(findEnglish('expected value €12 > threshold €0').map((l) => l.word)).toEqual(['expected', 'value', 'threshold']);
    expect(findEnglish('Entscheidung: let_go, contact_change; --as-of 2026-11-23; out/plan.csv, rejects.csv')).toEqual([]);
    expect(findEnglish('Die Kunden sind nicht erreichbar')).toEqual([]);
  });
});
