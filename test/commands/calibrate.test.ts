import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCalibratedModel } from '../../src/domain/calibrate/calibrate.js';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { TRUE_RATES, TRUE_WEIGHTS, syntheticHistoryCsv } from '../support/synthetic-history.js';

// Same tolerances as the domain fit (docs/model.md, "Calibration"): 60,000 attempts, weights
// within 0.15, base rates within 0.03. The CSV route adds date rounding, which the generator
// accounts for, and the default playbook's priors, which 20 pseudo-cases cannot move noticeably.
const WEIGHT_TOLERANCE = 0.15;
const RATE_TOLERANCE = 0.03;

describe('winback calibrate end to end', () => {
  const dir = tempDir();
  const history = join(dir, 'history.csv');
  writeFileSync(history, syntheticHistoryCsv(2024, 60_000));
  const modelPath = join(dir, 'model.json');

  it('recovers the known coefficients from a history CSV; with --allow-defaults it writes a valid model of the defaults', async () => {
    const r = await runCli(['calibrate', history, '--model-out', modelPath, '--json', '--allow-defaults']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.accepted).toBe(60_000);
    expect(report.rejected).toBe(0);
    expect(report.written).toBe(true);
    expect(validateCalibratedModel(JSON.parse(readFileSync(modelPath, 'utf8'))).errors).toEqual([]);
    // what was learned on the training customers; the history has no control group and no
    // randomised offer to compare decisions on, so the model written is the defaults
    const model = report.learned;
    expect(report.comparison.cases).toBe(0);
    expect(report.model.parts).toEqual([]);
    expect(report.model.baseRates).toEqual({});
    for (const [feature, weight] of Object.entries(TRUE_WEIGHTS)) {
      expect(Math.abs(model.coefficients[feature].weight - weight), feature).toBeLessThan(WEIGHT_TOLERANCE);
    }
    for (const [code, rate] of Object.entries(TRUE_RATES)) {
      expect(Math.abs(model.baseRates[code].rate - rate), code).toBeLessThan(RATE_TOLERANCE);
    }
    expect(report.model.fit.auc).toBeGreaterThan(0.65);
    expect(report.model.fit.calibration).toHaveLength(10);
  });

  it('prints the fit quality as tables', async () => {
    const small = join(dir, 'small.csv');
    writeFileSync(small, syntheticHistoryCsv(7, 3_000));
    const r = await runCli(['calibrate', small, '--model-out', join(dir, 'small.json'), '--allow-defaults']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3,000 rows read = 3,000 attempts \+ 0 rejected/);
    expect(r.stdout).toMatch(/holdout AUC 0\.\d{3}/);
    expect(r.stdout).toMatch(/decile/);
    expect(r.stdout).toMatch(/Price/);
  });
});

describe('winback calibrate says no', () => {
  const dir = tempDir();
  const small = join(dir, 'small.csv');
  writeFileSync(small, syntheticHistoryCsv(7, 3_000));

  it('writes no model when no learned part decides better than the defaults: exit 65, an earlier model left as it was, the report still printed', async () => {
    const out = join(dir, 'model.json');
    writeFileSync(out, 'the earlier model\n');
    const r = await runCli(['calibrate', small, '--model-out', out, '--json']);
    expect(r.code).toBe(65);
    expect(readFileSync(out, 'utf8')).toBe('the earlier model\n');
    const report = JSON.parse(r.stdout);
    expect(report.written).toBe(false);
    expect(report.comparison.accepted).toEqual([]);
    expect(r.stderr).toMatch(/winback calibrate: no model written: the learned model decides no better than the defaults on held-out customers \(no control customer and no randomised offer to compare on\); .*model\.json left as it was\nhint: plan without --model decides with the defaults; .*--allow-defaults/);
    const table = await runCli(['calibrate', small, '--model-out', join(dir, 'none.json')]);
    expect(table.code).toBe(65);
    expect(table.stdout).toMatch(/not written: the history holds no control customer/);
    expect(table.stdout).not.toMatch(/^written:/m);
    expect(existsSync(join(dir, 'none.json'))).toBe(false);
  });

  it('says it in German', async () => {
    const r = await runCli(['calibrate', small, '--model-out', join(dir, 'de.json'), '--lang', 'de']);
    expect(r.code).toBe(65);
    expect(r.stdout).toMatch(/nicht geschrieben: der Verlauf enthält keine Kontrollgruppe/);
    expect(r.stderr).toMatch(/kein Modell geschrieben: das gelernte Modell entscheidet an zurückgehaltenen Kunden nicht besser als die Standardwerte \(keine Kontrollgruppe und kein Zufallsangebot zum Vergleich\)/);
    expect(r.stderr).toMatch(/--allow-defaults angeben/);
  });
});

describe('winback calibrate reading', () => {
  it('rejects rows whose outcome is empty or not a clear yes/no, and reads German headers', async () => {
    const dir = tempDir();
    const file = join(dir, 'verlauf.csv');
    writeFileSync(file, [
      'Kundennummer;Kunde seit;Kündigungsdatum;Kontaktdatum;Anzahl Aufträge;Reklamationen;Kündigungsgrund;Zurückgewonnen;Angebot',
      '1;01.01.2020;01.01.2024;01.03.2024;10;0;zu teuer;ja;discount',
      '2;01.01.2021;01.02.2024;01.04.2024;3;2;Service war schlecht;nein;',
      '3;01.01.2021;01.02.2024;01.04.2024;3;2;Service war schlecht;vielleicht;',
      '4;01.01.2021;01.02.2024;01.04.2024;3;2;Service war schlecht;;',
      '5;01.01.2019;01.02.2024;01.05.2024;30;0;Preis zu hoch;x;mystery',
    ].join('\n'));
    const out = join(dir, 'model.json');
    // 2 of 5 rows rejected: more than the default limit of 20 %.
    expect((await runCli(['calibrate', file, '--model-out', out, '--json'])).code).toBe(65);
    const r = await runCli(['calibrate', file, '--model-out', out, '--json', '--max-reject-rate', '50%', '--allow-defaults']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.input.rows).toBe(5);
    expect(report.accepted).toBe(3);
    expect(report.rejected).toBe(2);
    expect(report.rejects.map((x: { line: number }) => x.line)).toEqual([4, 5]);
    expect(report.rejects[0].error).toMatch(/Zurückgewonnen 'vielleicht' is neither yes nor no/);
    expect(report.rejects[1].error).toMatch(/is empty/);
    expect(report.model.fit.trainCases + report.model.fit.holdoutCases).toBe(3);
    expect(report.second_lifetime).toEqual(expect.objectContaining({ price: expect.objectContaining({ attempts: 2, wins: 2 }), service: expect.objectContaining({ attempts: 1, wins: 0 }) }));
    expect(report.warnings.join('\n')).toMatch(/1 attempts with an offer_type the playbook does not know/);
    expect(r.stderr).toMatch(/reject: line 4 \(3\)/);
  });

  it('fails with exit 65 when the won_back column is missing, and 64 without --model-out', async () => {
    const dir = tempDir();
    const file = join(dir, 'h.csv');
    writeFileSync(file, 'customer_id,churn_date\nA,2024-01-01\n');
    expect((await runCli(['calibrate', file, '--model-out', join(dir, 'm.json')])).code).toBe(65);
    expect((await runCli(['calibrate', file])).code).toBe(64);
  });

  it('--max-reject-rate counts the outcome rejects', async () => {
    const dir = tempDir();
    const file = join(dir, 'h.csv');
    writeFileSync(file, 'customer_id,churn_date,reason,won_back\nA,2024-01-01,price,maybe\nB,2024-01-01,price,yes\n');
    const r = await runCli(['calibrate', file, '--model-out', join(dir, 'm.json'), '--max-reject-rate', '10%']);
    expect(r.code).toBe(65);
  });
});

describe('plan --model uses the calibrated model', () => {
  it('changes p_winback in plan.csv', async () => {
    const dir = tempDir();
    const history = join(dir, 'history.csv');
    // A world where price quitters almost always come back and weights are strong.
    writeFileSync(history, syntheticHistoryCsv(11, 6_000, { price: 0.8, service: 0.05, quality: 0.05, competitor_offer: 0.6 }));
    const model = join(dir, 'model.json');
    // the model as learned (this history cannot show that it decides better: calibrate writes the defaults)
    const cal = await runCli(['calibrate', history, '--model-out', join(dir, 'written.json'), '--json']);
    expect(cal.code).toBe(65);
    writeFileSync(model, JSON.stringify(JSON.parse(cal.stdout).learned));
    const plain = join(dir, 'plain');
    const fitted = join(dir, 'fitted');
    const args = ['fixtures/lost-customers-en.csv', '--as-of', '2026-11-23', '-q'];
    expect((await runCli(['plan', ...args, '--out', plain])).code).toBe(0);
    expect((await runCli(['plan', ...args, '--out', fitted, '--model', model])).code).toBe(0);
    const byId = (rows: Record<string, string>[]) => new Map(rows.map((r) => [r.customer_id, r]));
    const before = byId(readCsv(join(plain, 'plan.csv')));
    const after = byId(readCsv(join(fitted, 'plan.csv')));
    const priceIds = [...before.values()].filter((r) => r.reason_code === 'price' && r.p_winback !== '').map((r) => r.customer_id as string);
    expect(priceIds.length).toBeGreaterThan(3);
    const raised = priceIds.filter((id) => Number(after.get(id)!.p_winback) > Number(before.get(id)!.p_winback));
    expect(raised.length).toBe(priceIds.length);
    const summary = JSON.parse(readFileSync(join(fitted, 'summary.json'), 'utf8'));
    expect(summary.model_sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
