/**
 * The rarer paths in German: the files a campaign keeps beside the ledger and its outputs when
 * they are damaged, a plan or campaign directory edited by hand, labelled reason texts that
 * cannot be used, an unsorted transaction file, stdin that cannot be copied, an answers file
 * with a wrong answer, a language winback does not speak, and the warnings a model file, the
 * reader and the config hand on to later runs. Each is triggered through the CLI with --lang de
 * and fails on English words (test/support/english-words.ts); English stays English.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { findEnglish } from '../support/english-words.js';
import { ROOT, readCsv, runCli, tempDir } from '../support/cli.js';
import { PLAN_COLUMNS } from '../../src/io/plan/output.js';

const DE = 'fixtures/lost-customers-de.csv';
const AS_OF = ['--as-of', '2026-11-23'];
const MODEL = 'test/golden/cases/calibrate/en/expected-files/model.json';
// The export's own cell values are data, whatever their language (as in test/cli/german.test.ts).
const CELLS = parse(new TextDecoder('windows-1252').decode(readFileSync(DE)), { delimiter: ';', relax_column_count: true }) as string[][];
const DATA = [...new Set(CELLS.flat().filter((v) => v.length >= 4))].sort((x, y) => y.length - x.length);
// plan.csv's column names are its machine contract.
const IGNORE = [...DATA, ...PLAN_COLUMNS.map((c) => c.name).filter((c) => c.length >= 4)];

/** English words in the output, each with its line; a parser's own words in „…“ are quoted as they are. */
function leaks(text: string): string[] {
  return findEnglish(text.replace(/„[^“]*“/g, ''), IGNORE).map((l) => `[${l.word}] ${l.context}`);
}

/** The notes of a report written with --json. */
function notesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { notes: string[] }).notes;
}

async function run(args: string[], env: Record<string, string> = {}) {
  const r = await runCli(args, { env });
  return { ...r, leaks: [...leaks(r.stdout), ...leaks(r.stderr)] };
}

/** Rewrites a file of a run's output directory and the size summary.json records for it. */
function rewriteOutput(dir: string, name: string, text: string): void {
  writeFileSync(join(dir, name), text);
  const path = join(dir, 'summary.json');
  const summary = JSON.parse(readFileSync(path, 'utf8')) as { outputs: Record<string, { bytes: number }> };
  summary.outputs[name] = { bytes: Buffer.byteLength(text) };
  writeFileSync(path, JSON.stringify(summary, null, 2));
}

/** A CSV the run wrote, with one cell of its first data row replaced. */
function withCell(text: string, column: string, value: string): string {
  const rows = parse(text) as string[][];
  const at = (rows[0] as string[]).lastIndexOf(column);
  expect(at).toBeGreaterThanOrEqual(0);
  (rows[1] as string[])[at] = value;
  return stringify(rows);
}

describe('German on the rare paths', () => {
  it('a damaged ledger state or pending marker: file, problem and hint in German', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.csv');
    const campaign = (out: string, lang: string[] = ['--lang', 'de']) => run(['campaign', DE, '--out', join(dir, out), ...AS_OF, '--ledger', ledger, ...lang]);
    writeFileSync(`${ledger}.state.json`, '{ kaputt');
    const json = await campaign('a');
    expect(json.code).toBe(65);
    expect(json.stderr).toMatch(/ledger\.csv\.state\.json ist kein gültiges JSON\nHinweis: winback campaign schreibt diese Datei; ist sie beschädigt, sie löschen \(das Kontaktbuch selbst ist unversehrt\)/);
    writeFileSync(`${ledger}.state.json`, '{"kind":"etwas anderes"}');
    const kind = await campaign('a');
    expect(kind.code).toBe(65);
    expect(kind.stderr).toMatch(/ledger\.csv\.state\.json ist keine Zustandsdatei eines Kontaktbuchs von winback\nHinweis: /);
    expect((await campaign('a', [])).stderr).toMatch(/ledger\.csv\.state\.json is not a winback ledger state\nhint: it is written by winback campaign/);
    rmSync(`${ledger}.state.json`);
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', '.winback-pending.json'), '[]');
    const pending = await campaign('b');
    expect(pending.code).toBe(65);
    expect(pending.stderr).toMatch(/\.winback-pending\.json ist kein Protokoll eines Laufs von winback\nHinweis: die Datei löschen und erneut ausführen\n$/);
    expect([...json.leaks, ...kind.leaks, ...pending.leaks]).toEqual([]);
  });

  it('report on a plan directory edited by hand: file, line and column in German', async () => {
    const dir = tempDir();
    const out = join(dir, 'p');
    expect((await runCli(['plan', DE, '--out', out, ...AS_OF, '--quiet'])).code).toBe(0);
    const original = readFileSync(join(out, 'plan.csv'), 'utf8');
    const report = async (text: string, lang: string[] = ['--lang', 'de']) => {
      rewriteOutput(out, 'plan.csv', text);
      return run(['report', out, ...lang]);
    };
    const decision = await report(withCell(original, 'decision', 'vielleicht'));
    expect(decision.code).toBe(65);
    expect(decision.stderr).toMatch(/plan\.csv Zeile 2, Spalte decision: unbekannte Entscheidung 'vielleicht'\nHinweis: winback plan erneut ausführen; die Datei wurde vielleicht bearbeitet\n$/);
    expect((await report(withCell(original, 'decision', 'vielleicht'), [])).stderr).toMatch(/plan\.csv line 2, column decision: unknown decision 'vielleicht'\nhint: run winback plan again/);
    const number = await report(withCell(original, 'p_winback', 'hoch'));
    expect(number.stderr).toMatch(/plan\.csv Zeile 2, Spalte p_winback: 'hoch' ist keine Zahl\n/);
    const header = original.split('\n');
    header[0] = (header[0] as string).replace(/track(\r?)$/, 'spur$1');
    const columns = await report(header.join('\n'));
    expect(columns.stderr).toMatch(/plan\.csv endet nicht mit den Spalten eines Plans \(customer_id, /);
    const broken = await report(`${original}nur eine Zelle\n`);
    expect(broken.code).toBe(65);
    expect(broken.stderr).toMatch(/plan\.csv Zeile \d+ lässt sich nicht als CSV lesen; Meldung des Parsers: „[^“]+“\nHinweis: winback plan erneut ausführen/);
    const empty = await report('');
    expect(empty.stderr).toMatch(/plan\.csv ist leer\nHinweis: winback plan erneut ausführen\n$/);
    expect([decision, number, columns, broken, empty].flatMap((r) => r.leaks)).toEqual([]);
  });

  it('report on a campaign list edited by hand: German', async () => {
    const dir = tempDir();
    const out = join(dir, 'c');
    expect((await runCli(['campaign', DE, '--out', out, ...AS_OF, '--quiet'])).code).toBe(0);
    const list = ['campaign-letter.csv', 'campaign-phone.csv', 'campaign-email.csv', 'campaign-visit.csv'].find((f) => readCsv(join(out, f)).length > 0) as string;
    rewriteOutput(out, list, withCell(readFileSync(join(out, list), 'utf8'), 'expected_value', 'viel'));
    const r = await run(['report', out, '--lang', 'de']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`${list} Zeile 2, Spalte expected_value: 'viel' ist keine Zahl\nHinweis: winback campaign erneut ausführen`);
    expect(r.leaks).toEqual([]);
  });

  it('labelled reason texts that cannot be read or used: --learn and a playbook\'s examples file', async () => {
    const dir = tempDir();
    const playbook = join(dir, 'pb.yaml');
    expect((await runCli(['playbook', 'init', playbook])).code).toBe(0);
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const learn = (file: string, lang = ['--lang', 'de']) => run(['reasons', '--learn', file, '--playbook', playbook, ...lang]);
    const columns = await learn(write('spalten.csv', 'Satz;Sorte\nzu teuer;price\n'));
    expect(columns.code).toBe(65);
    expect(columns.stderr).toMatch(/spalten\.csv: braucht eine Spalte text und eine Spalte code \(gefunden: Satz, Sorte\)\nHinweis: die Spalten in der ersten Zeile text,code nennen\n$/);
    const quote = await learn(write('quote.csv', 'text,code\n"zu teuer,price\n'));
    expect(quote.code).toBe(65);
    expect(quote.stderr).toMatch(/quote\.csv, Zeile 2: ein Feld in Anführungszeichen wird nie geschlossen\nHinweis: /);
    const missing = await learn(join(dir, 'nirgends.csv'));
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/Datei nicht gefunden: .*nirgends\.csv\n$/);
    expect((await learn(join(dir, 'spalten.csv'), [])).stderr).toMatch(/needs a text column and a code column \(found: Satz, Sorte\)\nhint: name the columns text,code/);
    // The examples file a playbook names: every row must carry a known code.
    write('ex.csv', 'text,code\nzu teuer,gibtsnicht\n,price\n');
    writeFileSync(playbook, `${readFileSync(playbook, 'utf8')}\nexamplesFile: ex.csv\n`);
    const plan = await run(['plan', DE, '--out', join(dir, 'out'), ...AS_OF, '--playbook', playbook, '--lang', 'de']);
    expect(plan.code).toBe(65);
    expect(plan.stderr).toMatch(/ex\.csv: 2 Beispiele sind nicht verwendbar \(Zeile 2: unbekannter Code „gibtsnicht“; Zeile 3: leerer Text\)\nHinweis: gültige Codes: relocation, /);
    const en = await runCli(['plan', DE, '--out', join(dir, 'out'), ...AS_OF, '--playbook', playbook]);
    expect(en.stderr).toMatch(/ex\.csv: 2 examples cannot be used \(line 2: unknown code "gibtsnicht"; line 3: empty text\)\nhint: codes are relocation, /);
    expect([...columns.leaks, ...quote.leaks, ...missing.leaks, ...plan.leaks]).toEqual([]);
  });

  it('clv on transactions out of date order: German', async () => {
    const dir = tempDir();
    const [header, ...rows] = readFileSync('fixtures/transactions-de.csv', 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, 'rueckwaerts.csv'), [header, ...rows.reverse()].join('\n'));
    const r = await run(['clv', join(dir, 'rueckwaerts.csv'), '--out', join(dir, 'out'), ...AS_OF, '--lang', 'de']);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/rueckwaerts\.csv, Zeile \d+: die Transaktionen des Kunden \d+ sind nicht nach Datum geordnet \(\d\d\.\d\d\.\d{4} nach \d\d\.\d\d\.\d{4}\)\nHinweis: die Datei nach Datum .*--order any/);
    expect(r.leaks).toEqual([]);
    const en = await runCli(['clv', join(dir, 'rueckwaerts.csv'), '--out', join(dir, 'out'), ...AS_OF]);
    expect(en.stderr).toMatch(/line \d+: transactions of customer \d+ are not in date order \(\d{4}-\d\d-\d\d after \d{4}-\d\d-\d\d\)\nhint: sort the file by date/);
  });

  it('clv: the rows the models cannot use, in rejects.csv\'s error column in German', async () => {
    const dir = tempDir();
    const lines = readFileSync('fixtures/transactions-de.csv', 'utf8').trimEnd().split('\n');
    // A missing id, and a return refused by --returns reject (after the customer's last purchase).
    writeFileSync(join(dir, 'tx.csv'), [...lines, 'NA;01.08.2026;10,00', '190300;29.07.2026;-5,00'].join('\n'));
    const r = await run(['clv', join(dir, 'tx.csv'), '--out', join(dir, 'out'), ...AS_OF, '--returns', 'reject', '--lang', 'de', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const errors = readCsv(join(dir, 'out', 'rejects.csv')).map((row) => String(row.error));
    expect(errors).toEqual([
      expect.stringMatching(/^customer_id /),
      'negativer Betrag -5 (eine Rücksendung?): abgelehnt wegen --returns reject; der Standard --returns net verrechnet ihn mit den Käufen des Kunden',
    ]);
    expect([...r.leaks, ...errors.flatMap(leaks)]).toEqual([]);
  });

  it('stdin that cannot be copied for a second reading: German', async () => {
    const dir = tempDir();
    // A temporary folder that is a file: the copy of stdin cannot be made.
    writeFileSync(join(dir, 'datei'), '');
    const child = spawn(process.execPath, ['bin/winback.js', 'plan', '-', '--out', join(dir, 'out'), ...AS_OF, '--lang', 'de'], {
      cwd: ROOT, stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, TMPDIR: join(dir, 'datei') },
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(readFileSync(DE));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(74);
    expect(stderr).toMatch(/^winback plan: stdin: die Kopie für ein zweites Lesen lässt sich in .*datei nicht anlegen \(ein Teil des Pfads ist kein Verzeichnis\)\nHinweis: im temporären Ordner \(TMPDIR\) Platz schaffen/);
    expect(leaks(stderr)).toEqual([]);
  });

  it('an answers file with an answer the question cannot take, and a session\'s export that is gone: German', async () => {
    const dir = tempDir();
    const answers = join(dir, 'antworten.json');
    writeFileSync(answers, JSON.stringify({ lang: 'de', decisions: { 100147: { decision: 'vielleicht' } } }));
    const r = await run(['worksheet', DE, '--session', join(dir, 's.json'), '--answers', answers, ...AS_OF, '--lang', 'de']);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/decisions\.100147\.decision: 'vielleicht' ist keine der Möglichkeiten win_back, let_go, review\nHinweis: das Format beschreibt docs\/worksheet\.md\n$/);
    writeFileSync(answers, JSON.stringify({ lang: 'de', lessons: { lost_before: 'nach Preiserhöhungen', regained: 'ein Besuch' } }));
    expect((await runCli(['worksheet', DE, '--session', join(dir, 's.json'), '--answers', answers, ...AS_OF, '--lang', 'de'])).code).toBe(0);
    const gone = await run(['worksheet', join(dir, 'nirgends.csv'), '--session', join(dir, 's.json'), '--answers', answers, ...AS_OF, '--lang', 'de']);
    expect(gone.code).toBe(66);
    expect(gone.stderr).toMatch(/nirgends\.csv: Datei nicht gefunden\nHinweis: den neuen Ort mit --export DATEI angeben\n$/);
    expect([...r.leaks, ...gone.leaks]).toEqual([]);
  });

  it('the config schema\'s own rules and calibrate\'s rejected history rows: German', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'land.yaml'), 'permission:\n  defaultPhoneCountry: Deutschland\ncurrency: Euro\n');
    const config = await run(['plan', DE, '--out', join(dir, 'p'), ...AS_OF, '--config', join(dir, 'land.yaml'), '--lang', 'de']);
    expect(config.code).toBe(65);
    expect(config.stderr).toContain('permission.defaultPhoneCountry: erwartet wird ein Ländercode nach ISO 3166-1 Alpha-2');
    expect(config.stderr).toContain('currency: erwartet wird ein Währungscode aus drei Buchstaben wie EUR, USD oder CHF');
    expect((await runCli(['plan', DE, '--out', join(dir, 'p'), ...AS_OF, '--config', join(dir, 'land.yaml')])).stderr).toContain('expected a country code such as DE');
    const [header, first, ...rest] = readFileSync('test/golden/cases/calibrate/en/history.csv', 'utf8').trimEnd().split('\n');
    // won_back of the first attempt left empty, of the second written 'vielleicht'.
    const cells = (first as string).split(',');
    cells[16] = '';
    const second = (rest[0] as string).split(',');
    second[16] = 'vielleicht';
    writeFileSync(join(dir, 'history.csv'), [header, cells.join(','), second.join(','), ...rest.slice(1)].join('\n'));
    const calibrate = await run(['calibrate', join(dir, 'history.csv'), '--model-out', join(dir, 'model.json'), '--as-of', '2027-03-01', '--lang', 'de', '--quiet', '--allow-defaults']);
    expect(calibrate.code, calibrate.stderr).toBe(0);
    expect(calibrate.stderr).toContain("won_back '' ist leer: jeder Versuch braucht sein Ergebnis");
    expect(calibrate.stderr).toContain("won_back 'vielleicht' ist weder ja noch nein");
    expect([...config.leaks, ...calibrate.leaks]).toEqual([]);
  });

  it('--lang with a language winback does not speak: in English and German, or in the locale\'s German', async () => {
    const args = ['plan', DE, '--out', tempDir(), ...AS_OF, '--lang', 'fr'];
    const both = await runCli(args, { env: { LANG: 'en_US.UTF-8' } });
    expect(both.code).toBe(64);
    expect(both.stderr).toBe(
      "winback plan: --lang 'fr' is not supported\nhint: use --lang en or --lang de\n" +
      "winback plan: --lang 'fr' wird nicht unterstützt\nHinweis: --lang en oder --lang de angeben\n",
    );
    const german = await run(args, { LANG: 'de_DE.UTF-8' });
    expect(german.code).toBe(64);
    expect(german.stderr).toBe("winback plan: --lang 'fr' wird nicht unterstützt\nHinweis: --lang en oder --lang de angeben\n");
    const env = await run(['plan', DE, '--out', tempDir(), ...AS_OF], { WINBACK_LANG: 'fr', LC_ALL: 'de_DE.UTF-8' });
    expect(env.code).toBe(64);
    expect(env.stderr).toBe("winback plan: WINBACK_LANG 'fr' wird nicht unterstützt\nHinweis: --lang en oder --lang de angeben\n");
    const alone = await runCli(['--lang', 'deutsch']);
    expect(alone.code).toBe(64);
    expect(alone.stderr).toContain("winback: --lang 'deutsch' wird nicht unterstützt\n");
    expect([...german.leaks, ...env.leaks]).toEqual([]);
  });

  it('a model file\'s warnings: shown once per run in the reader\'s language, kept with their keys, and in the report', async () => {
    const dir = tempDir();
    const modelWarning = /^Warnung: Modell .*model\.json: nur 8 Fälle in der Prüfstichprobe/gm;
    const once = (text: string) => expect(text.match(modelWarning) ?? []).toHaveLength(1);
    const plan = await run(['plan', DE, '--out', join(dir, 'p'), ...AS_OF, '--model', MODEL, '--lang', 'de']);
    expect(plan.code, plan.stderr).toBe(0);
    once(plan.stderr);
    const summary = JSON.parse(readFileSync(join(dir, 'p', 'summary.json'), 'utf8')) as { warning_keys: unknown[] };
    expect(summary.warning_keys).toContainEqual({ key: 'flags.modelWarning', args: [MODEL, { key: 'calibrate.fewHoldout', args: [8, 100] }] });
    // Read back by an English report: English.
    const en = await runCli(['report', join(dir, 'p'), '--json']);
    expect(notesOf(en.stdout).join('\n')).toContain(`model ${MODEL}: only 8 holdout cases`);
    const campaign = await run(['campaign', DE, '--out', join(dir, 'c'), ...AS_OF, '--model', MODEL, '--lang', 'de', '--quiet']);
    expect(campaign.code, campaign.stderr).toBe(0);
    once(campaign.stderr);
    const explain = await run(['plan', DE, '--explain', '100147', ...AS_OF, '--model', MODEL, '--lang', 'de']);
    expect(explain.code, explain.stderr).toBe(0);
    once(explain.stderr);
    const report = await run(['report', DE, ...AS_OF, '--model', MODEL, '--lang', 'de', '--json']);
    expect(report.code, report.stderr).toBe(0);
    expect(notesOf(report.stdout).join('\n')).toMatch(/Modell .*model\.json: nur 8 Fälle in der Prüfstichprobe/);
    expect([...plan.leaks, ...campaign.leaks, ...explain.leaks, ...notesOf(report.stdout).flatMap(leaks)]).toEqual([]);
  });

  it('the reader\'s and the config\'s warnings are kept with their keys: a report words them in its own language', async () => {
    const dir = tempDir();
    // A header repeated (the street's column renamed as the last one), and a setting this version does not know.
    const bytes = readFileSync(DE);
    const street = bytes.indexOf(Buffer.from(';Straße;', 'latin1'));
    expect(street).toBeGreaterThan(0);
    writeFileSync(join(dir, 'export.csv'), Buffer.concat([bytes.subarray(0, street), Buffer.from(';Filiale;', 'latin1'), bytes.subarray(street + ';Straße;'.length)]));
    writeFileSync(join(dir, 'winback.yaml'), 'model:\n  gibtsnicht: 1\n');
    const config = ['--config', join(dir, 'winback.yaml')];
    const plan = await run(['plan', join(dir, 'export.csv'), '--out', join(dir, 'p'), ...AS_OF, ...config, '--lang', 'de', '--quiet']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stderr).toContain("Warnung: die Spaltenüberschrift 'Filiale' kommt mehrfach vor");
    expect(plan.stderr).toContain('Warnung: Konfiguration model.gibtsnicht: unbekannte Einstellung, übergangen');
    const summary = JSON.parse(readFileSync(join(dir, 'p', 'summary.json'), 'utf8')) as { warnings: string[]; warning_keys: unknown[] };
    expect(summary.warning_keys).toContainEqual({ key: 'read.texts.repeatedHeader', args: ['Filiale'] });
    expect(summary.warning_keys).toContainEqual({ key: 'flags.configWarning', args: ['model.gibtsnicht', { key: 'config.unknownSetting', args: [] }] });
    // summary.json keeps the English text beside each key.
    expect(summary.warnings).toContain("the header 'Filiale' appears more than once; each column is kept separately");
    const en = notesOf((await runCli(['report', join(dir, 'p'), '--json'])).stdout);
    expect(en).toContain("the header 'Filiale' appears more than once; each column is kept separately");
    expect(en).toContain('config model.gibtsnicht: unknown setting, ignored');
    const campaign = await run(['campaign', join(dir, 'export.csv'), '--out', join(dir, 'c'), ...AS_OF, ...config, '--lang', 'de', '--quiet']);
    expect(campaign.code, campaign.stderr).toBe(0);
    expect(campaign.stderr).toContain('Warnung: Konfiguration model.gibtsnicht: unbekannte Einstellung, übergangen');
    const de = notesOf((await runCli(['report', join(dir, 'c'), '--lang', 'de', '--json'])).stdout);
    expect(de).toContain("die Spaltenüberschrift 'Filiale' kommt mehrfach vor; jede Spalte bleibt für sich");
    expect([...plan.leaks, ...campaign.leaks, ...de.flatMap(leaks)]).toEqual([]);
  });
});
