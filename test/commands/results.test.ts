import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const EXPORT = 'fixtures/lost-customers-en.csv';
const AS_OF = '2026-11-23';
const LATER = '2027-06-01';

async function campaign(dir: string, name: string, extra: string[] = [], asOf = AS_OF) {
  const out = join(dir, name);
  const r = await runCli(['campaign', EXPORT, '--out', out, '--as-of', asOf, '--ledger', join(dir, 'ledger.csv'), '--holdout', '20%', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

/** Every customer on the four win-back lists of a campaign's output folder (a list not written: none). */
function listedIn(dir: string): string[] {
  return ['visit', 'phone', 'letter', 'email'].flatMap((c) => {
    const f = join(dir, `campaign-${c}.csv`);
    return existsSync(f) ? readCsv(f).map((r) => r.customer_id as string) : [];
  });
}

/** A week's campaign, its outcomes (writeOutcomes) and the history results writes of them, in a new folder. */
async function historyOfAWeek(extra: string[] = []) {
  const dir = tempDir();
  await campaign(dir, 'week');
  const o = writeOutcomes(dir, readCsv(join(dir, 'ledger.csv')));
  const history = join(dir, 'history.csv');
  const r = await runCli(['results', '--ledger', join(dir, 'ledger.csv'), '--outcomes', o.file, '--as-of', LATER, '--history-out', history, '--export', EXPORT, ...extra, '-q']);
  expect(r.code, r.stderr).toBe(0);
  return { dir, history };
}

/** Outcomes with every attribution case, built from the ledger's customers. */
function writeOutcomes(dir: string, ledger: Record<string, string>[]) {
  const contacted = ledger.filter((e) => e.outcome === 'contacted').map((e) => e.customer_id as string);
  const control = ledger.filter((e) => e.outcome === 'control').map((e) => e.customer_id as string);
  const contact = parseIsoDay(AS_OF) as number;
  const at = (days: number) => formatIsoDay(contact + days);
  const lines = ['Customer ID,Return Date,Revenue since return,Margin since return,Cancelled again'];
  const regained = contacted.slice(0, 12);
  regained.forEach((id, i) => lines.push(`${id},${at(5 + i)},${1000 + i * 100},${300 + i * 10},${i === 0 ? at(60) : ''}`));
  lines.push(`${contacted[12]},${at(90)},500,150,`); // on the boundary: credited
  lines.push(`${contacted[13]},${at(91)},500,150,`); // a day after the window: not credited
  lines.push(`${contacted[14]},${at(-3)},500,150,`); // before the contact: not credited
  control.slice(0, 2).forEach((id, i) => lines.push(`${id},${at(20 + i)},800,200,`));
  const file = join(dir, 'returns.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, contacted, control, regained: [...regained, contacted[12] as string] };
}

describe('control group in winback campaign', () => {
  it('holds out a stable share: the same customers on a rerun, recorded once in the ledger as control', async () => {
    const dir = tempDir();
    const first = await campaign(dir, 'run1');
    const ledgerAfterFirst = readFileSync(join(dir, 'ledger.csv'), 'utf8');
    const second = await campaign(dir, 'run2');
    const controls = (out: string) => readCsv(join(out, 'excluded.csv')).filter((r) => r.reason === 'control').map((r) => r.customer_id).sort();
    expect(controls(first).length).toBeGreaterThan(0);
    expect(controls(second)).toEqual(controls(first));
    expect(readFileSync(join(dir, 'ledger.csv'), 'utf8')).toBe(ledgerAfterFirst);
    const ledger = readCsv(join(dir, 'ledger.csv'));
    expect(ledger.filter((e) => e.outcome === 'control').map((e) => e.customer_id).sort()).toEqual(controls(first));
    // The held-out share of eligible customers is near the requested 20 % (binomial, n ≈ 60).
    const share = controls(first).length / ledger.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.35);
  });
});

describe('winback results → calibrate → plan on the fixtures', () => {
  const dir = tempDir();

  it('attributes returns within the window, reports KPIs, writes history, HTML, and a model plan can use', async () => {
    await campaign(dir, 'week');
    const ledger = readCsv(join(dir, 'ledger.csv'));
    const o = writeOutcomes(dir, ledger);
    const history = join(dir, 'history.csv');
    const html = join(dir, 'results.html');
    const r = await runCli(['results', '--ledger', join(dir, 'ledger.csv'), '--outcomes', o.file, '--as-of', LATER, '--window', '90d', '--json',
      '--history-out', history, '--export', EXPORT, '--html', html]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.total.contacted.customers).toBe(o.contacted.length);
    expect(doc.total.control.customers).toBe(o.control.length);
    expect(doc.total.contacted.regained).toBe(13);
    expect(doc.total.control.regained).toBe(2);
    expect(doc.counts.returnedAfterWindow).toBe(1);
    expect(doc.counts.returnedBeforeContact).toBe(1);
    // The warning names whom to look up, not only how many.
    expect(doc.warnings).toContain(`1 customers returned before their first contact: not credited (${o.contacted[14]})`);
    expect(doc.warnings).toContain('1 customers returned after their attribution window (counted from their first contact or hold-out): not counted as regained');
    expect(doc.total.contacted.repeat_churn).toBe(1);
    expect(doc.serial_defectors.map((s: { customer_id: string }) => s.customer_id)).toEqual([o.regained[0]]);
    expect(doc.total.contacted.margin).toBe(12 * 300 + 10 * 66 + 150);
    expect(doc.total.contacted.profit).toBeCloseTo(doc.total.contacted.margin - doc.total.contacted.cost, 2);
    expect(doc.total.lift.low).toBeLessThanOrEqual(doc.total.lift.difference);
    expect(doc.segments.length).toBeGreaterThan(1);
    for (const s of doc.segments) expect(s.contacted.customers + s.control.customers).toBeGreaterThan(0);

    const all = readCsv(history);
    // the control group comes along (attempt_group control), for calibrate's organic return
    expect(all.filter((h) => h.attempt_group === 'control').map((h) => h.customer_id).sort()).toEqual([...o.control].sort());
    expect(all.filter((h) => h.attempt_group === 'control' && h.won_back === 'yes').length).toBe(2);
    const rows = all.filter((h) => h.attempt_group === 'contacted');
    expect(rows.length).toBe(o.contacted.length);
    expect(rows.every((h) => h.offer_randomised === 'no')).toBe(true);
    expect(rows.filter((h) => h.won_back === 'yes').map((h) => h.customer_id).sort()).toEqual([...o.regained].sort());
    expect(Number(rows.find((h) => h.customer_id === o.regained[0])!.second_lifetime_months)).toBeCloseTo(55 / (365.2425 / 12), 3);
    // the serial defector left again: the day is there for calibrate's second lifetime (the others are censored at as-of)
    expect(rows.filter((h) => h.cancelled_again !== '').map((h) => h.customer_id)).toEqual([o.regained[0]]);

    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<svg[^>]+id="chart-lift"/);
    // Customers, not ledger entries, and the returns after the window named.
    expect(page).toContain(`${o.contacted.length + o.control.length} customers in the ledger`);
    expect(page).toContain('1 customers returned after their attribution window: not counted as regained.');
    expect(page).toMatch(/<table id="segments-table">/);
    expect(page).not.toMatch(/<script/);

    const model = join(dir, 'model.json');
    const cal = await runCli(['calibrate', history, '--model-out', model, '--json', '--allow-defaults']);
    expect(cal.code, cal.stderr).toBe(0);
    const calibrated = JSON.parse(cal.stdout);
    expect(calibrated.accepted).toBe(o.contacted.length + o.control.length);
    expect(calibrated.model.fit.trainCases + calibrated.model.fit.holdoutCases).toBe(o.contacted.length);
    expect(calibrated.model.fit.controlCases).toBe(o.control.length);
    // the organic return is learned from the control group, per reason it holds (on the training customers)
    expect(Object.values(calibrated.learned.organicRates as Record<string, { cases: number }>).reduce((s, r) => s + r.cases, 0)).toBeGreaterThan(0);
    // the second lifetime from the returners (one left again), checked on the held-out ones
    expect(calibrated.learned.secondLifetime.returns).toBeGreaterThan(0);
    expect(calibrated.learned.secondLifetime.events).toBeLessThanOrEqual(1);
    expect(calibrated.comparison.lifetime.length.cases).toBeGreaterThan(5);
    expect(calibrated.comparison.lifetime.length.cases).toBeLessThanOrEqual(15);
    const plan = await runCli(['plan', EXPORT, '--out', join(dir, 'plan'), '--as-of', AS_OF, '--model', model, '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).model_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints terminal tables by default and refuses missing inputs', async () => {
    const ledger = join(dir, 'ledger.csv');
    const r = await runCli(['results', '--ledger', ledger, '--outcomes', join(dir, 'returns.csv'), '--as-of', LATER]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/regain rate and lift over control, per reason/);
    expect(r.stdout).toMatch(/total/);
    expect(r.stdout).toMatch(/serial defectors \(won back, then left again\): 1/);
    expect((await runCli(['results', '--ledger', ledger])).code).toBe(64);
    expect((await runCli(['results', '--ledger', ledger, '--outcomes', join(dir, 'returns.csv'), '--history-out', join(dir, 'x.csv')])).code).toBe(64);
    expect((await runCli(['results', '--ledger', join(dir, 'nope.csv'), '--outcomes', join(dir, 'returns.csv')])).code).toBe(66);
    expect((await runCli(['results', '--ledger', ledger, '--outcomes', join(dir, 'returns.csv'), '--window', 'soon'])).code).toBe(64);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });
});

describe('serial defectors in winback campaign', () => {
  it('excludes, caps or flags customers won back before who left again, as the config says', async () => {
    const dir = tempDir();
    await campaign(dir, 'week1');
    const contacted = readCsv(join(dir, 'ledger.csv')).filter((e) => e.outcome === 'contacted').map((e) => e.customer_id as string);
    // Who is still worth winning back three months later: listed or held back only by pacing.
    const probe = await campaign(dir, 'probe', ['--dry-run'], '2027-03-01');
    const listed = listedIn(probe);
    const paced = readCsv(join(probe, 'excluded.csv')).filter((r) => ['too_soon', 'not_due', 'no_permission', 'control', 'max_attempts'].includes(r.reason as string)).map((r) => r.customer_id as string);
    const candidates = contacted.filter((id) => listed.includes(id) || paced.includes(id)).slice(0, 3);
    expect(candidates.length).toBeGreaterThan(0);
    const returns = join(dir, 'returns.csv');
    writeFileSync(returns, `customer_id,return_date,cancelled_again\n${candidates.map((id) => `${id},2026-12-10,2027-02-01`).join('\n')}\n`);
    const config = (mode: string) => {
      const f = join(dir, `${mode}.yaml`);
      writeFileSync(f, `campaign:\n  serialDefectors: ${mode}\n`);
      return f;
    };
    const excl = await runCli(['campaign', EXPORT, '--out', join(dir, 'excl'), '--as-of', '2027-03-01', '--ledger', join(dir, 'ledger.csv'), '--dry-run', '--outcomes', returns, '--config', config('exclude'), '--json']);
    expect(excl.code, excl.stderr).toBe(0);
    const excluded = readCsv(join(dir, 'excl', 'excluded.csv')).filter((r) => r.reason === 'serial_defector').map((r) => r.customer_id).sort();
    expect(excluded).toEqual([...candidates].sort());
    expect(JSON.parse(excl.stdout).counts.excluded.serial_defector).toBe(candidates.length);

    const cap = await runCli(['campaign', EXPORT, '--out', join(dir, 'cap'), '--as-of', '2027-03-01', '--ledger', join(dir, 'ledger.csv'), '--dry-run', '--outcomes', returns, '--config', config('cap'), '--json']);
    expect(cap.code, cap.stderr).toBe(0);
    const capped = ['visit', 'phone', 'letter', 'email'].flatMap((c) => {
      const f = join(dir, 'cap', `campaign-${c}.csv`);
      return existsSync(f) ? readCsv(f).filter((r) => candidates.includes(r.customer_id as string)) : [];
    });
    expect(capped.length).toBeGreaterThan(0);
    for (const row of capped) expect(['personal', 'information', 'none']).toContain(row.offer_type);
    expect(JSON.parse(cap.stdout).warnings.join('\n')).toMatch(new RegExp(`${candidates.length} serial defectors .*without discounts`));

    const flag = await runCli(['campaign', EXPORT, '--out', join(dir, 'flag'), '--as-of', '2027-03-01', '--ledger', join(dir, 'ledger.csv'), '--dry-run', '--outcomes', returns, '--json']);
    expect(JSON.parse(flag.stdout).warnings.join('\n')).toMatch(/serial defectors .*flagged only/);
    expect(JSON.parse(flag.stdout).counts.excluded.serial_defector).toBeUndefined();
  });
});

describe('offer depth in plan and campaign summaries', () => {
  it('warns when a planned discount gives away more margin than plan.maxDiscount', async () => {
    const dir = tempDir();
    const config = join(dir, 'shallow.yaml');
    writeFileSync(config, 'plan:\n  maxDiscount: 0.1\n');
    const plan = await runCli(['plan', EXPORT, '--out', join(dir, 'plan'), '--as-of', AS_OF, '--config', config, '--json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).warnings.join('\n')).toMatch(/offer 'discount' gives away 15 % of margin, more than plan.maxDiscount 10 %/);
    const week = await runCli(['campaign', EXPORT, '--out', join(dir, 'week'), '--as-of', AS_OF, '--config', config, '--json']);
    expect(JSON.parse(week.stdout).warnings.join('\n')).toMatch(/offer 'bundle' gives away 20 % of margin/);
    const plain = await runCli(['plan', EXPORT, '--out', join(dir, 'plain'), '--as-of', AS_OF, '--json']);
    expect(JSON.parse(plain.stdout).warnings.join('\n')).not.toMatch(/maxDiscount/);
  });
});

describe('wiring', () => {
  it.each(['results', 'calibrate'])('winback %s --help shows an example', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Example:\\n  \\$ winback ${cmd} `));
  });
});

describe('results --history-out with ids spelled another way in the export', () => {
  it('finds each ledger customer by the key campaign paces by: case and dashes aside', async () => {
    const dir = tempDir();
    await campaign(dir, 'week');
    const { file } = writeOutcomes(dir, readCsv(join(dir, 'ledger.csv')));
    const base = ['results', '--ledger', join(dir, 'ledger.csv'), '--outcomes', file, '--as-of', LATER, '-q'];
    expect((await runCli([...base, '--history-out', join(dir, 'h1.csv'), '--export', EXPORT])).code).toBe(0);
    // The CRM wrote its ids in lower case with another dash since ("c‐00176").
    const respelled = join(dir, 'export-lower.csv');
    writeFileSync(respelled, readFileSync(EXPORT, 'utf8').replace(/^C-(\d+),/gm, (_, n: string) => `c\u2010${n},`));
    const r = await runCli([...base, '--history-out', join(dir, 'h2.csv'), '--export', respelled]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/not in export-lower/);
    const h1 = readCsv(join(dir, 'h1.csv'));
    const facts = (h: Record<string, string>) => [h.won_back, h.return_date, h.second_lifetime_margin, h.attempt_group, h.reason_code];
    expect(readCsv(join(dir, 'h2.csv')).map(facts)).toEqual(h1.map(facts));
    expect(h1.length).toBeGreaterThan(20);
  });
});

describe('results --map for one of its two files', () => {
  it('maps a field in the outcomes file only with outcomes:, in the export only with export:, in both without a prefix', async () => {
    const dir = tempDir();
    await campaign(dir, 'week');
    const { file } = writeOutcomes(dir, readCsv(join(dir, 'ledger.csv')));
    // an id column no header alias knows, in the outcomes file only
    const renamed = join(dir, 'returns-kd.csv');
    writeFileSync(renamed, readFileSync(file, 'utf8').replace('Customer ID', 'Kd'));
    const base = ['results', '--ledger', join(dir, 'ledger.csv'), '--as-of', LATER, '--json', '--export', EXPORT];
    const reference = await runCli([...base, '--outcomes', file, '--history-out', join(dir, 'h1.csv')]);
    expect(reference.code, reference.stderr).toBe(0);
    const mapped = await runCli([...base, '--outcomes', renamed, '--history-out', join(dir, 'h2.csv'), '--map', 'outcomes:customer_id=Kd']);
    expect(mapped.code, mapped.stderr).toBe(0);
    const figures = (out: string) => {
      const { outcomes: _file, ...rest } = JSON.parse(out) as Record<string, unknown>;
      return rest;
    };
    expect(figures(mapped.stdout)).toEqual(figures(reference.stdout));
    expect(readFileSync(join(dir, 'h2.csv'), 'utf8')).toBe(readFileSync(join(dir, 'h1.csv'), 'utf8'));
    // and the other way round: an export whose id column no alias knows
    const exportKd = join(dir, 'export-kd.csv');
    writeFileSync(exportKd, readFileSync(EXPORT, 'utf8').replace(/^Customer ID,/, 'KdX,'));
    const exportMapped = await runCli([...base.filter((a) => a !== EXPORT), exportKd, '--outcomes', file, '--history-out', join(dir, 'h4.csv'), '--map', 'export:customer_id=KdX']);
    expect(exportMapped.code, exportMapped.stderr).toBe(0);
    expect(figures(exportMapped.stdout)).toEqual(figures(reference.stdout));
    expect(readCsv(join(dir, 'h4.csv')).length).toBe(readCsv(join(dir, 'h1.csv')).length);
    // without the prefix the export is read with it too, and it has no such column
    const both = await runCli([...base, '--outcomes', renamed, '--history-out', join(dir, 'h3.csv'), '--map', 'customer_id=Kd']);
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('Kd');
    // a prefixed field must be one of that file's fields
    const wrong = await runCli([...base, '--outcomes', renamed, '--map', 'outcomes:churn_date=Kd']);
    expect(wrong.code).toBe(64);
    expect(wrong.stderr).toContain("'churn_date' is not a field");
  });
});

describe('an outcomes file results cannot take as it is', () => {
  it('rejects a duplicated return and a second cancellation before the return, names customers outside the ledger, and stops (65, nothing written) when nothing or too much is accepted', async () => {
    const dir = tempDir();
    await campaign(dir, 'week');
    const ledger = join(dir, 'ledger.csv');
    const contacted = readCsv(ledger).filter((e) => e.outcome === 'contacted').map((e) => e.customer_id as string);
    const [a, b, c] = contacted as [string, string, string];
    const file = join(dir, 'returns.csv');
    writeFileSync(file, ['Customer ID,Return Date,Revenue since return,Margin since return,Cancelled again', `${a},2026-12-01,900,300,`, `${a},2026-12-01,900,300,`, `${b},2026-12-05,800,200,2026-11-01`, `${c},2026-12-07,700,100,`, 'ZZ-999,2026-12-09,600,100,'].join('\n') + '\n');
    const history = join(dir, 'history.csv');
    const r = await runCli(['results', '--ledger', ledger, '--outcomes', file, '--as-of', LATER, '--json', '--max-reject-rate', '50%', '--history-out', history, '--export', EXPORT]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { outcomes: { rows: number; accepted: number; rejected: number }; rejects: { line: number; column: string; error: string }[] };
    expect(doc.outcomes).toMatchObject({ rows: 5, accepted: 3, rejected: 2 });
    expect(doc.rejects.map((x) => [x.line, x.column])).toEqual([[3, 'Return Date'], [4, 'Cancelled again']]);
    expect(doc.rejects[0]?.error).toContain('as line 2');
    expect(doc.rejects[1]?.error).toContain('before the return on 2026-12-05');
    expect(r.stderr).toContain('1 customers of the outcomes (1 rows) are not in the ledger');
    // The terminal lists them too, with line, column, value and problem, in the run's language.
    const shown = await runCli(['results', '--ledger', ledger, '--outcomes', file, '--as-of', LATER, '--max-reject-rate', '50%', '--lang', 'de']);
    expect(shown.code, shown.stderr).toBe(0);
    const table = shown.stdout.slice(shown.stdout.indexOf('Erste abgelehnte Zeilen (2 von 2)'));
    expect(table).toMatch(/\| 3 +\| Return Date +\| 01.12.2026 +\| dieselbe Rückkehr/);
    expect(table).toMatch(/\| 4 +\| Cancelled again +\| 01.11.2026 +\| erneut gekündigt/);
    expect(shown.stderr).toContain('2 Ergebniszeilen abgelehnt (unter den Tabellen aufgeführt');
    // Over the default limit (2 of 5 rejected, 20 %): exit 65, the earlier history kept as it was.
    const before = readFileSync(history, 'utf8');
    const strict = await runCli(['results', '--ledger', ledger, '--outcomes', file, '--as-of', LATER, '--history-out', history, '--export', EXPORT]);
    expect(strict.code, strict.stderr).toBe(65);
    expect(readFileSync(history, 'utf8')).toBe(before);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'customer_id,return_date\nA1,notadate\nA2,\n');
    const none = await runCli(['results', '--ledger', ledger, '--outcomes', bad, '--as-of', LATER, '--history-out', join(dir, 'h2.csv'), '--export', EXPORT]);
    expect(none.code).toBe(65);
    expect(none.stderr).toContain('all 2 rows were rejected');
    // Another programme's file (or ids in another column): not one customer in the ledger — 65, the history as it was.
    const strangers = join(dir, 'strangers.csv');
    writeFileSync(strangers, ['Customer ID,Return Date', ...contacted.slice(0, 5).map((id, i) => `CRM-${id},2026-12-0${i + 1}`)].join('\n') + '\n');
    const foreign = await runCli(['results', '--ledger', ledger, '--outcomes', strangers, '--as-of', LATER, '--history-out', history, '--export', EXPORT]);
    expect(foreign.code, foreign.stderr).toBe(65);
    expect(foreign.stderr).toContain('none of its 5 customers is in the ledger');
    expect(readFileSync(history, 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'h2.csv'))).toBe(false);
  });
});

describe('customers who came back, in winback campaign --outcomes', () => {
  it('lists nobody who is a customer again (any return after the churn date, contacted or not, not cancelled again), in every serialDefectors mode', async () => {
    const dir = tempDir();
    await campaign(dir, 'week1');
    const probe = await campaign(dir, 'probe', ['--dry-run'], '2027-03-01');
    const listed = listedIn(probe);
    expect(listed.length).toBeGreaterThanOrEqual(4);
    const [back, backLower, leftAgain, before] = listed as [string, string, string, string];
    const returns = join(dir, 'returns.csv');
    writeFileSync(returns, [
      'customer_id,return_date,cancelled_again',
      `${back},2026-12-10,`,
      // An id in other case is the same customer; a return they cancelled again by as-of does not make them a customer.
      `${backLower.toLowerCase()},2027-01-15,`,
      `${leftAgain},2026-12-10,2027-02-01`,
      // A return before the churn date the export shows was an earlier spell: they left since.
      `${before},2000-01-01,`,
    ].join('\n') + '\n');
    for (const mode of ['flag', 'cap', 'exclude']) {
      const config = join(dir, `${mode}.yaml`);
      writeFileSync(config, `campaign:\n  serialDefectors: ${mode}\n`);
      const out = join(dir, `back-${mode}`);
      const r = await runCli(['campaign', EXPORT, '--out', out, '--as-of', '2027-03-01', '--ledger', join(dir, 'ledger.csv'), '--dry-run', '--outcomes', returns, '--config', config, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const now = listedIn(out);
      expect(now, mode).not.toContain(back);
      expect(now, mode).not.toContain(backLower);
      expect(now, mode).toContain(before);
      const returned = readCsv(join(out, 'excluded.csv')).filter((row) => row.reason === 'returned');
      expect(returned.map((row) => row.customer_id).sort(), mode).toEqual([back, backLower].sort());
      expect(returned.find((row) => row.customer_id === back)?.detail, mode).toMatch(/came back on 2026-12-10/);
      expect(JSON.parse(r.stdout).counts.excluded.returned, mode).toBe(2);
      if (mode !== 'exclude') expect(now, mode).toContain(leftAgain);
    }
    // The report on such a run counts them as come back, not as customers to win back.
    const out = join(dir, 'back-flag');
    const report = JSON.parse((await runCli(['report', out, '--json'])).stdout) as { rows: { accepted: number }; decisions: Record<string, number>; returned?: number };
    expect(report.returned).toBe(2);
    expect(Object.values(report.decisions).reduce((a, b) => a + b, 0) + 2).toBe(report.rows.accepted);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { counts: { listed: number; excluded: Record<string, number> } };
    expect(report.decisions.win_back).toBe(summary.counts.listed + (summary.counts.excluded.not_due ?? 0) + (summary.counts.excluded.control ?? 0));
    expect((await runCli(['report', out])).stdout).toMatch(/ ·\s+came back 2\n/);
    expect((await runCli(['report', out, '--lang', 'de'])).stdout).toMatch(/ ·\s+zurückgekommen 2\n/);
  });

  it('names a rejected outcome row on stderr and sends its customer to a person: whether they came back is not known', async () => {
    const dir = tempDir();
    await campaign(dir, 'week1');
    const probe = await campaign(dir, 'probe', ['--dry-run'], '2027-03-01');
    const listed = listedIn(probe);
    const [back, badDay, noDay, other] = listed as [string, string, string, string];
    const returns = join(dir, 'returns.csv');
    writeFileSync(returns, ['customer_id,return_date', `${back},2026-12-10`, `${badDay},31.02.2027`, `${noDay},`, ...listed.slice(4, 14).map((id) => `${id},2026-12-11`)].join('\n') + '\n');
    const out = join(dir, 'unsure');
    const r = await runCli(['campaign', EXPORT, '--out', out, '--as-of', '2027-03-01', '--ledger', join(dir, 'ledger.csv'), '--dry-run', '--outcomes', returns]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`returns\\.csv, line 3, return_date '31\\.02\\.2027': `));
    expect(r.stderr).toMatch(/returns\.csv, line 4, return_date '': /);
    const now = listedIn(out);
    expect(now).not.toContain(badDay);
    expect(now).not.toContain(noDay);
    expect(now).toContain(other);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((row) => [row.customer_id, row]));
    expect(excluded[badDay]).toMatchObject({ reason: 'review', detail: expect.stringContaining('line 3 of the outcomes file') });
    const report = await runCli(['report', EXPORT, '--as-of', '2027-03-01', '--ledger', join(dir, 'ledger.csv'), '--outcomes', returns]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toMatch(/returns\.csv, line 3, return_date '31\.02\.2027': /);
  });
});

describe('a German outcomes file', () => {
  it('is read as the English one: "Deckungsbeitrag seit Rückkehr" is the margin, "erneut gekündigt" the second departure', async () => {
    const dir = tempDir();
    await campaign(dir, 'week1');
    const contacted = readCsv(join(dir, 'ledger.csv')).filter((e) => e.outcome === 'contacted').map((e) => e.customer_id as string).slice(0, 6);
    const rows = contacted.map((id, i) => [id, `2026-12-${String(10 + i).padStart(2, '0')}`, `${1000 + i}.50`, `${200 + i}.25`, i === 0 ? '2027-01-20' : '']);
    const write = (name: string, header: string, format: (r: string[]) => string) => {
      const path = join(dir, name);
      writeFileSync(path, `${header}\n${rows.map(format).join('\n')}\n`);
      return path;
    };
    const en = write('outcomes-en.csv', 'Customer ID,Return Date,Revenue Since Return,Margin Since Return,Cancelled Again', (r) => r.join(','));
    const de = write('rueckkehrer.csv', 'Kundennummer;Rückkehrdatum;Umsatz seit Rückkehr;Deckungsbeitrag seit Rückkehr;erneut gekündigt',
      ([id, day, revenue, margin, again]) => [id, day!.split('-').reverse().join('.'), revenue!.replace('.', ','), margin!.replace('.', ','), again ? again.split('-').reverse().join('.') : ''].join(';'));
    const run = async (outcomes: string) => {
      const r = await runCli(['results', '--ledger', join(dir, 'ledger.csv'), '--outcomes', outcomes, '--as-of', '2027-03-01', '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const [fromEn, fromDe] = [await run(en), await run(de)];
    expect(fromDe.total).toEqual(fromEn.total);
    expect(fromDe.total.contacted.repeat_churn).toBe(1);
    expect(fromDe.warnings.join('\n')).not.toMatch(/margin|Marge/i);
  });
});

describe('a history with the German words for channel, group and offer', () => {
  it('is read by calibrate as the history with the codes (Brief, Telefon, E-Mail, Besuch; kontaktiert, Kontrollgruppe; the lists\' offer names)', async () => {
    const { dir, history } = await historyOfAWeek();
    const rows = readCsv(history);
    const words: Record<string, Record<string, string>> = {
      channel: { letter: 'Brief', phone: 'Telefon', email: 'E-Mail', visit: 'Besuch' },
      attempt_group: { contacted: 'kontaktiert', control: 'Kontrollgruppe' },
      offer_type: { discount: 'Rabatt', upgrade: 'Upgrade', bundle: 'Rabatt plus Upgrade', personal: 'persönliche Ansprache', information: 'Information', renewal: 'Verlängerung zu günstigerem Tarif', none: 'kein Angebot' },
    };
    const header = Object.keys(rows[0]!);
    for (const column of Object.keys(words)) expect(header).toContain(column);
    const german = rows.map((row) => Object.fromEntries(header.map((h) => [h, words[h]?.[row[h] as string] ?? row[h]])));
    expect(german.some((row) => row.channel === 'Brief') && german.some((row) => row.attempt_group === 'Kontrollgruppe')).toBe(true);
    const quote = (v: unknown) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    const germanPath = join(dir, 'historie.csv');
    writeFileSync(germanPath, `${header.join(',')}\n${german.map((row) => header.map((h) => quote(row[h])).join(',')).join('\n')}\n`);
    const fit = async (file: string) => {
      const c = await runCli(['calibrate', file, '--model-out', join(dir, 'model.json'), '--as-of', LATER, '--json', '--allow-defaults']);
      expect(c.code, c.stderr).toBe(0);
      const doc = JSON.parse(c.stdout);
      return { accepted: doc.accepted, learned: doc.learned, warnings: doc.warnings };
    };
    const [fromCodes, fromWords] = [await fit(history), await fit(germanPath)];
    expect(fromWords.accepted).toBe(rows.length);
    expect(fromWords).toEqual(fromCodes);
  });

  it('names the first rejected row when too many are rejected, not winback inspect (which reads exports only)', async () => {
    const dir = tempDir();
    const file = join(dir, 'historie.csv');
    writeFileSync(file, 'customer_id,churn_date,contact_date,revenue,customer_since,channel,won_back\nA1,2026-01-01,2026-02-01,1000,2020-01-01,Fax,ja\nA2,2026-01-01,2026-02-01,1000,2020-01-01,Fax,nein\n');
    const c = await runCli(['calibrate', file, '--model-out', join(dir, 'model.json'), '--allow-defaults', '--lang', 'de']);
    expect(c.code).toBe(65);
    expect(c.stderr).toContain('die erste abgelehnte Zeile: Zeile 2, Spalte channel „Fax“: channel \'Fax\' ist kein Kanal (Besuch, Telefon, Brief, E-Mail)');
    expect(c.stderr).not.toContain('winback inspect');
  });
});

describe('results --history-out --excel', () => {
  it('writes every number of the history with the decimal comma, the margin share too, so that calibrate reads one convention', async () => {
    const { dir, history } = await historyOfAWeek(['--excel']);
    const rows = readCsv(history, ';');
    const margins = rows.map((row) => row.margin as string).filter((m) => m !== '');
    expect(margins.length).toBeGreaterThan(10);
    expect(margins.filter((m) => m.includes('.'))).toEqual([]);
    expect(margins.some((m) => /^\d+,\d+%$/.test(m))).toBe(true);
    const c = await runCli(['calibrate', history, '--model-out', join(dir, 'model.json'), '--as-of', LATER, '--json', '--allow-defaults']);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout).warnings.join('\n')).not.toMatch(/decimal comma .* and decimal point/);
  });
});

describe('a broken outcomes file', () => {
  it('stops campaign --outcomes and report --outcomes (65, the first rejected row named), as it stops results: the lists would go to customers who came back', async () => {
    const dir = tempDir();
    await campaign(dir, 'week');
    const contacted = readCsv(join(dir, 'ledger.csv')).filter((e) => e.outcome === 'contacted').map((e) => e.customer_id as string).slice(0, 5);
    const file = join(dir, 'returns.csv');
    writeFileSync(file, `customer_id,return_date\n${contacted.map((id) => `${id},"January 29, 2027"`).join('\n')}\n`);
    const out = join(dir, 'next');
    const c = await runCli(['campaign', EXPORT, '--out', out, '--as-of', '2027-03-01', '--ledger', join(dir, 'ledger.csv'), '--outcomes', file, '--dry-run']);
    expect(c.code).toBe(65);
    expect(c.stderr).toContain(`the first rejected row: line 2, column return_date 'January 29, 2027'`);
    expect(existsSync(out)).toBe(false);
    const r = await runCli(['report', EXPORT, '--as-of', '2027-03-01', '--ledger', join(dir, 'ledger.csv'), '--outcomes', file]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('the first rejected row: line 2');
  });
});

describe('campaign --budget --outcomes', () => {
  it('spends nothing on customers who came back: the money goes to the next customers', async () => {
    const dir = tempDir();
    const run = async (name: string, extra: string[]) => {
      const out = join(dir, name);
      const r = await runCli(['campaign', EXPORT, '--out', out, '--as-of', AS_OF, '--budget', '300', '--dry-run', '--json', ...extra]);
      expect(r.code, r.stderr).toBe(0);
      const listed = ['visit', 'phone', 'letter', 'email'].flatMap((c) => (existsSync(join(out, `campaign-${c}.csv`)) ? readCsv(join(out, `campaign-${c}.csv`)).map((x) => x.customer_id as string) : []));
      const excluded = readCsv(join(out, 'excluded.csv'));
      return { listed, overBudget: excluded.filter((x) => /over budget/.test(x.detail as string)).map((x) => x.customer_id), summary: JSON.parse(r.stdout) };
    };
    const without = await run('without', []);
    const back = without.listed.slice(0, 3);
    expect(back.length).toBe(3);
    const returns = join(dir, 'returns.csv');
    writeFileSync(returns, `customer_id,return_date\n${back.map((id) => `${id},${AS_OF}`).join('\n')}\n`);
    const withReturns = await run('with', ['--outcomes', returns]);
    for (const id of back) expect(withReturns.listed).not.toContain(id);
    expect(withReturns.summary.counts.excluded.returned).toBe(3);
    // The money they would have taken buys contacts for customers the budget left out before.
    expect(withReturns.overBudget.length).toBeLessThan(without.overBudget.length);
    expect(withReturns.listed.filter((id) => without.overBudget.includes(id)).length).toBeGreaterThan(0);
    expect(back).not.toContain(withReturns.summary.budget.next?.customer_id);
  });
});

describe('a customer won back, gone again and back again', () => {
  it('is excluded as returned and not counted as a serial defector in the run\'s warnings', async () => {
    const dir = tempDir();
    await campaign(dir, 'week1');
    const x = readCsv(join(dir, 'ledger.csv')).find((e) => e.outcome === 'contacted')!.customer_id as string;
    const returns = join(dir, 'returns.csv');
    writeFileSync(returns, `customer_id,return_date,cancelled_again\n${x},2026-12-01,2026-12-20\n${x},2027-01-10,\n`);
    const config = join(dir, 'exclude.yaml');
    writeFileSync(config, 'campaign:\n  serialDefectors: exclude\n');
    const r = await runCli(['campaign', EXPORT, '--out', join(dir, 'next'), '--as-of', '2027-03-01', '--ledger', join(dir, 'ledger.csv'), '--dry-run', '--outcomes', returns, '--config', config, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(readCsv(join(dir, 'next', 'excluded.csv')).find((e) => e.customer_id === x)?.reason).toBe('returned');
    expect(doc.counts.excluded.serial_defector).toBeUndefined();
    expect(doc.warnings.join('\n')).not.toMatch(/serial defector/);
  });
});

describe('changes.csv for a customer who came back and left again', () => {
  it('says so, not "now due (was returned)"', async () => {
    const dir = tempDir();
    const first = await campaign(dir, 'probe', ['--dry-run']);
    const x = ['letter', 'email', 'phone', 'visit'].flatMap((c) => (existsSync(join(first, `campaign-${c}.csv`)) ? readCsv(join(first, `campaign-${c}.csv`)) : []))[0]!.customer_id as string;
    const back = join(dir, 'back.csv');
    writeFileSync(back, `customer_id,return_date\n${x},${AS_OF}\n`);
    const week1 = await campaign(dir, 'week1', ['--dry-run', '--outcomes', back]);
    expect(readCsv(join(week1, 'excluded.csv')).find((e) => e.customer_id === x)?.reason).toBe('returned');
    const gone = join(dir, 'gone.csv');
    writeFileSync(gone, `customer_id,return_date,cancelled_again\n${x},${AS_OF},${AS_OF}\n`);
    const week2 = await campaign(dir, 'week2', ['--dry-run', '--outcomes', gone, '--previous', week1]);
    const change = readCsv(join(week2, 'changes.csv')).find((e) => e.customer_id === x);
    expect(change?.why).toBe('left again after coming back');
  });
});
