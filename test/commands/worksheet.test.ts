import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PLAN_COLUMNS } from '../../src/io/plan/output.js';
import { memoryContext } from '../support/memory-context.js';
import { tempDir } from '../support/temp.js';
import { AS_OF, FIXTURE } from '../support/worksheet-flow.js';

let dir: string;
let planCsv: string;

beforeAll(async () => {
  dir = tempDir('winback-worksheet-');
  const { ctx } = memoryContext();
  expect(await main(['plan', FIXTURE, '--out', join(dir, 'plan'), '--as-of', AS_OF, '-q'], ctx)).toBe(0);
  planCsv = await readFile(join(dir, 'plan', 'plan.csv'), 'utf8');
});

async function runWithAnswers(name: string, answers: unknown, args: string[] = [FIXTURE]) {
  const answersPath = join(dir, `${name}.answers.json`);
  await writeFile(answersPath, JSON.stringify(answers));
  const m = memoryContext();
  const out = join(dir, name);
  const code = await main(['worksheet', ...args, '--session', join(dir, `${name}.session.json`), '--answers', answersPath, '--out', out, '--as-of', AS_OF], m.ctx);
  return { code, out, stderr: m.stderr(), stdout: m.stdout() };
}

/** customer_id → the computed columns of plan.csv except priority (which shifts when one row moves). */
function computed(csv: string): Map<string, Record<string, string>> {
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  const names = PLAN_COLUMNS.map((c) => c.name).filter((n) => n !== 'priority');
  return new Map(rows.map((r) => [r.customer_id as string, Object.fromEntries(names.map((n) => [n, r[n] as string]))]));
}

describe('winback worksheet (command)', () => {
  it('refuses without a terminal unless --answers is given (exit 64)', async () => {
    const m = memoryContext();
    expect(await main(['worksheet', FIXTURE, '--session', join(dir, 'x.json'), '--as-of', AS_OF], m.ctx)).toBe(64);
    expect(m.stderr()).toMatch(/stdin is not a terminal[\s\S]*--answers FILE/);
    const n = memoryContext();
    expect(await main(['worksheet', FIXTURE, '--as-of', AS_OF], n.ctx)).toBe(64);
    expect(n.stderr()).toContain('--session FILE is required');
  });

  it('writes the same plan.csv as winback plan when no decision is overridden', async () => {
    const ids = [...computed(planCsv).keys()].slice(0, 3);
    const answers = {
      relationships: Object.fromEntries(ids.map((id) => [id, { bought: 'office supplies', contact: 'Ms Keller', incident_what: 'late delivery | twice' }])),
      lessons: { lost_before: 'After the 2025 price rise.', regained: 'A personal visit by the sales director.' },
      measures: Object.fromEntries(ids.map((id) => [id, { responsible: 'Anna Weber' }])),
      group: { measures: 'Quarterly check-in call', offering: 'Faster complaint handling' },
    };
    const r = await runWithAnswers('same', answers);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await readFile(join(r.out, 'plan.csv'), 'utf8')).toBe(planCsv);
    const doc = await readFile(join(r.out, 'worksheet.md'), 'utf8');
    for (const h of ['## 1. Selection', '## 2. Relationship and reasons', '## 3. Lessons from sales', '## 4. Measures plan']) expect(doc).toContain(h);
    expect(doc).toContain('late delivery \\| twice');
    expect(doc).toContain('A personal visit by the sales director.');
    expect(doc).toContain('Anna Weber');
    const session = JSON.parse(await readFile(join(dir, 'same.session.json'), 'utf8'));
    expect(session.step).toBe('done');
    expect(session.lessons.lost_before).toBe('After the 2025 price rise.');
    // rejects.csv is the plan's, as winback plan writes it (the lists must not replace it)
    expect(await readFile(join(r.out, 'rejects.csv'), 'utf8')).toBe(await readFile(join(dir, 'plan', 'rejects.csv'), 'utf8'));
    expect((await readFile(join(r.out, 'rejects.csv'), 'utf8')).split('\n').length).toBeGreaterThan(2);
    const lists = await Promise.all(['campaign-phone.csv', 'campaign-letter.csv', 'excluded.csv'].map((f) => readFile(join(r.out, f), 'utf8')));
    expect(lists.join('').split('\n').filter((l) => /^C-\d+/.test(l)).length).toBeGreaterThan(0);
  });

  it('applies an overridden decision and leaves every other row as winback plan has it', async () => {
    const before = computed(planCsv);
    const target = [...before.entries()].find(([, r]) => r.decision === 'win_back')?.[0] as string;
    const r = await runWithAnswers('override', { decisions: { [target]: { decision: 'let_go', why: 'owner retired' } } });
    expect(r.code).toBe(0);
    const after = computed(await readFile(join(r.out, 'plan.csv'), 'utf8'));
    expect(after.get(target)).toMatchObject({ decision: 'let_go', decision_reason: 'consultant: owner retired', contact_from: '', wave: '' });
    for (const [id, row] of before) if (id !== target) expect(after.get(id)).toEqual(row);
  });

  it('takes an answer keyed by the id in another case or with another dash, as every other input does', async () => {
    const before = computed(planCsv);
    const target = [...before.entries()].find(([, r]) => r.decision === 'win_back')?.[0] as string;
    const written = target.toLowerCase().replace('-', '\u2010');
    const r = await runWithAnswers('override-case', { decisions: { [written]: { decision: 'let_go', why: 'owner retired' } } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('no question asked');
    expect(computed(await readFile(join(r.out, 'plan.csv'), 'utf8')).get(target)).toMatchObject({ decision: 'let_go', decision_reason: 'consultant: owner retired' });
  });

  it('names the key of an invalid answer (exit 65)', async () => {
    const id = [...computed(planCsv).keys()][0] as string;
    const r = await runWithAnswers('invalid', { decisions: { [id]: { decision: 'maybe' } } });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`decisions.${id}.decision: 'maybe' is not one of win_back, let_go, review`);
    const noWhy = await runWithAnswers('nowhy', { decisions: { [id]: { decision: 'review' } } });
    expect(noWhy.code).toBe(65);
    expect(noWhy.stderr).toContain(`decisions.${id}.why`);
  });

  it('plans customers entered by hand, in German', async () => {
    const customers = [
      { customer_id: 'K-1', name: 'Bäckerei Lang', segment: 'B2B', customer_since: '2019-03-01', churn_date: '2026-08-15', orders: '40', revenue: '24.000,50', margin: '30,5', complaints: '0', reason: 'zu teuer' },
      { customer_id: 'K-2', name: 'Hans Meier', churn_date: '2026-09-01', revenue: '900', margin: '20', customer_since: '2024-01-01', reason: 'verstorben' },
    ];
    const r = await runWithAnswers('manual', { lang: 'de', customers, lessons: { regained: 'Persönlicher Besuch' } }, []);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // German thousands and decimals, as the export's number reader reads them
    const saved = JSON.parse(await readFile(join(dir, 'manual.session.json'), 'utf8'));
    expect([saved.manual[0].revenue, saved.manual[0].margin]).toEqual(['24000.50', '30.5']);
    // In an English session the German forms are refused, not read a thousand times off.
    for (const revenue of ['24.000,50', '24000,50']) {
      const en = await runWithAnswers('manual-en', { lang: 'en', customers: [{ ...customers[0], revenue }] }, []);
      expect(en.code, revenue).toBe(65);
      expect(en.stderr, revenue).toContain(`customers.0.revenue: '${revenue}'`);
    }
    const english = await runWithAnswers('manual-en-ok', { lang: 'en', customers: [{ ...customers[0], revenue: '24,000.50', margin: '30.5' }] }, []);
    expect(english.code, english.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'manual-en-ok.session.json'), 'utf8')).manual[0].revenue).toBe('24000.50');
    const plan = parse(await readFile(join(r.out, 'plan.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(plan.map((p) => [p.customer_id, p.reason_code])).toEqual([['K-1', 'price'], ['K-2', 'deceased']]);
    expect(plan[1]?.decision).toBe('never');
    const doc = await readFile(join(r.out, 'worksheet.md'), 'utf8');
    expect(doc).toContain('# Arbeitsblatt Kundenrückgewinnung');
    expect(doc).toContain('## 4. Maßnahmenplan');
    expect(doc).toContain('Persönlicher Besuch');
  });

  it('takes a hand-entered id in another case or with another dash as the same customer: refused, naming the first', async () => {
    const customers = [
      { customer_id: 'K-1', name: 'Bäckerei Lang', segment: 'B2B', customer_since: '2019-03-01', churn_date: '2026-08-15', orders: '40', revenue: '24000', margin: '30', reason: 'zu teuer' },
      { customer_id: 'k‐1', name: 'Bäckerei Lang Filiale', churn_date: '2026-08-15', revenue: '2400', margin: '30', customer_since: '2019-03-01', reason: 'keine Werbung mehr bitte' },
    ];
    const r = await runWithAnswers('manual-dup', { lang: 'de', customers }, []);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('customers.1.customer_id: \'k‐1\': „k‐1“ gibt es schon als „K-1“');
    expect(existsSync(join(r.out, 'plan.csv'))).toBe(false);
  });

  it('lets an objection in a second hand-entered entry of the same customer win (a session saved with both)', async () => {
    const first = { customer_id: 'K-1', name: 'Bäckerei Lang', segment: 'B2B', customer_since: '2019-03-01', churn_date: '2026-08-15', orders: '40', revenue: '24000', margin: '30', reason: 'zu teuer' };
    expect((await runWithAnswers('manual-obj', { lang: 'de', customers: [first] }, [])).code).toBe(0);
    const sessionPath = join(dir, 'manual-obj.session.json');
    const session = JSON.parse(await readFile(sessionPath, 'utf8'));
    session.manual.push({ ...session.manual[0], customer_id: 'k-1', reason: 'keine Werbung mehr bitte' });
    await writeFile(sessionPath, JSON.stringify(session));
    const m = memoryContext();
    const out = join(dir, 'manual-obj-2');
    expect(await main(['worksheet', '--session', sessionPath, '--answers', join(dir, 'manual-obj.answers.json'), '--out', out], m.ctx)).toBe(0);
    const plan = parse(await readFile(join(out, 'plan.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(plan.map((p) => [p.customer_id, p.decision])).toEqual([['K-1', 'never']]);
    expect(plan[0]?.decision_reason).toMatch(/keine werbung mehr bitte/);
  });

  it('refuses to continue a session on another file or as-of date', async () => {
    await runWithAnswers('resume', {});
    const m = memoryContext();
    const session = join(dir, 'resume.session.json');
    expect(await main(['worksheet', 'fixtures/lost-customers-de.csv', '--session', session, '--answers', join(dir, 'resume.answers.json')], m.ctx)).toBe(64);
    expect(m.stderr()).toMatch(/was started on \S*lost-customers-en\.csv, not on fixtures\/lost-customers-de\.csv/);
    const n = memoryContext();
    expect(await main(['worksheet', '--session', session, '--answers', join(dir, 'resume.answers.json'), '--as-of', '2026-12-01', '--out', join(dir, 'resume2')], n.ctx)).toBe(64);
    expect(n.stderr()).toContain('--as-of 2026-11-23');
    // in German, the days as Germans write them
    const de = memoryContext();
    expect(await main(['worksheet', '--session', session, '--answers', join(dir, 'resume.answers.json'), '--as-of', '2026-12-01', '--out', join(dir, 'resume2'), '--lang', 'de'], de.ctx)).toBe(64);
    expect(de.stderr()).toContain('wurde mit Stichtag 23.11.2026 begonnen, nicht 01.12.2026');
    const o = memoryContext();
    expect(await main(['worksheet', '--session', session, '--answers', join(dir, 'resume.answers.json'), '--out', join(dir, 'resume3')], o.ctx)).toBe(0);
    expect(await readFile(join(dir, 'resume3', 'plan.csv'), 'utf8')).toBe(planCsv);
  });

  it('resumes from another folder, and takes the export moved or named by an absolute path when its content is the same', async () => {
    const home = join(dir, 'moving');
    await mkdir(join(home, 'data'), { recursive: true });
    await copyFile(FIXTURE, join(home, 'data', 'export.csv'));
    await writeFile(join(home, 'a.json'), '{}');
    const at = (cwd: string, args: string[]) => {
      const m = memoryContext({ cwd });
      return main(['worksheet', ...args, '--answers', join(home, 'a.json')], m.ctx).then((code) => ({ code, stderr: m.stderr() }));
    };
    expect((await at(home, ['data/export.csv', '--session', 'work/s.json', '--as-of', AS_OF])).code).toBe(0);
    const stored = JSON.parse(await readFile(join(home, 'work', 's.json'), 'utf8'));
    expect(stored.file).toBe('../data/export.csv');
    expect(stored.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    // from another folder: the path is found relative to the session file
    expect(await at(join(home, 'work'), ['--session', 's.json'])).toEqual({ code: 0, stderr: '' });
    // the same file by its absolute path is the same export
    expect(await at(dir, [join(home, 'data', 'export.csv'), '--session', join(home, 'work', 's.json')])).toEqual({ code: 0, stderr: '' });
    // moved: found by its content with --export, and remembered at its new place
    await rename(join(home, 'data', 'export.csv'), join(home, 'moved.csv'));
    const missing = await at(home, ['--session', 'work/s.json']);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain('--export FILE');
    expect((await at(home, ['--session', 'work/s.json', '--export', join(home, 'moved.csv')])).code).toBe(0);
    expect(JSON.parse(await readFile(join(home, 'work', 's.json'), 'utf8')).file).toBe('../moved.csv');
    // another file's content is refused, whatever its name
    await writeFile(join(home, 'other.csv'), (await readFile(FIXTURE, 'utf8')).replace('C-00001', 'C-99999'));
    const other = await at(home, ['--session', 'work/s.json', '--export', 'other.csv']);
    expect(other.code).toBe(64);
    expect(other.stderr).toContain("the file's content differs");
  });

  it('reopens a finished session at a step and writes the files again', async () => {
    await runWithAnswers('reopen', {});
    const session = join(dir, 'reopen.session.json');
    expect(JSON.parse(await readFile(session, 'utf8')).step).toBe('done');
    const answers = join(dir, 'reopen2.answers.json');
    await writeFile(answers, JSON.stringify({ group: { offering: 'A smaller package' } }));
    const m = memoryContext();
    expect(await main(['worksheet', '--session', session, '--answers', answers, '--reopen', '4', '--out', join(dir, 'reopen2')], m.ctx)).toBe(0);
    expect(await readFile(join(dir, 'reopen2', 'worksheet.md'), 'utf8')).toContain('A smaller package');
    const n = memoryContext();
    expect(await main(['worksheet', '--session', join(dir, 'none.json'), '--answers', answers, '--reopen'], n.ctx)).toBe(64);
    expect(n.stderr()).toContain('nothing to reopen');
    const o = memoryContext();
    expect(await main(['worksheet', '--session', session, '--answers', answers, '--reopen', '7'], o.ctx)).toBe(64);
    expect(o.stderr()).toContain('--reopen 7: not a step');
  });
});

describe('a contact date the consultant enters', () => {
  it('is moved to the earliest day allowed (the run\'s day, the cooling-off after the cancellation) and says so; an allowed day stays', async () => {
    // C-00108 cancelled on 2026-11-21 (14 days' cooling-off: 2026-12-05); C-00098 on 2026-10-03.
    const r = await runWithAnswers('dates', { measures: { 'C-00108': { date: '2026-11-22' }, 'C-00098': { date: '2025-01-01' }, 'C-00002': { date: '2027-01-04' } } });
    expect(r.code, r.stderr).toBe(0);
    const rows = new Map((parse(await readFile(join(r.out, 'plan.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).map((x) => [x.customer_id as string, x]));
    const c108 = rows.get('C-00108') as Record<string, string>;
    expect(c108.decision).toBe('win_back');
    expect(c108.contact_from).toBe('2026-12-05');
    expect(c108.warnings).toContain('planned by the consultant for 2026-11-22, moved to 2026-12-05');
    expect((rows.get('C-00098') as Record<string, string>).contact_from).toBe(AS_OF);
    const c2 = rows.get('C-00002') as Record<string, string>;
    if (c2.decision === 'win_back') {
      expect(c2.contact_from).toBe('2027-01-04');
      expect(c2.timing_rule).toBe('planned by the consultant');
    }
    // Not on this week's lists before the cooling-off ends; C-00098 is due now.
    const listed = (await Promise.all(['visit', 'phone', 'letter', 'email'].map(async (channel) => parse(await readFile(join(r.out, `campaign-${channel}.csv`), 'utf8'), { columns: true }) as Record<string, string>[]))).flat().map((x) => x.customer_id);
    expect(listed).not.toContain('C-00108');
    expect(listed).toContain('C-00098');
  });
});

describe('a consultant\'s decision the plan cannot take', () => {
  it('leaves an objector never contacted and names the answer no question asked for; the shipped example has none', async () => {
    const r = await runWithAnswers('objector', { decisions: { 'C-00023': { decision: 'win_back', why: 'boss says so' } }, measures: { 'C-00128': { responsibel: 'typo' } } });
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(await readFile(join(r.out, 'plan.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const c23 = rows.find((x) => x.customer_id === 'C-00023') as Record<string, string>;
    expect(c23.decision).toBe('never');
    expect(c23.channel).toBe('');
    expect(r.stderr).toContain('no question asked for decisions.C-00023.decision, decisions.C-00023.why, measures.C-00128.responsibel: not used');
    const example = await runWithAnswers('example', JSON.parse(await readFile('docs/worksheet-answers.example.json', 'utf8')));
    expect(example.code, example.stderr).toBe(0);
    expect(example.stderr).not.toContain('no question asked');
  });

  it('names line and column of broken answers JSON, in German without the parser\'s English; a session under a file is 73', async () => {
    const answers = join(dir, 'broken.answers.json');
    await writeFile(answers, '{"decisions":\n  {"a": 1,,}\n}');
    const de = memoryContext();
    expect(await main(['worksheet', FIXTURE, '--session', join(dir, 'broken.session.json'), '--answers', answers, '--as-of', AS_OF, '--lang', 'de'], de.ctx)).toBe(65);
    expect(de.stderr()).toContain(`--answers ${answers} ist kein gültiges JSON (Zeile 2, Spalte 11)`);
    expect(de.stderr()).not.toMatch(/Expected|position/);
    const en = memoryContext();
    expect(await main(['worksheet', FIXTURE, '--session', join(dir, 'broken.session.json'), '--answers', answers, '--as-of', AS_OF], en.ctx)).toBe(65);
    expect(en.stderr()).toContain('is not valid JSON at line 2, column 11:');
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    await writeFile(join(dir, 'empty.answers.json'), '{}');
    const under = memoryContext();
    expect(await main(['worksheet', FIXTURE, '--session', join(file, 's.json'), '--answers', join(dir, 'empty.answers.json'), '--as-of', AS_OF], under.ctx)).toBe(73);
  });

  it('says that a finished session asks nothing again, and how to reopen it, when new answers come for it', async () => {
    const first = await runWithAnswers('finished', {});
    expect(first.code, first.stderr).toBe(0);
    const id = (parse(await readFile(join(first.out, 'plan.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).find((x) => x.decision === 'win_back')!.customer_id!;
    const again = await runWithAnswers('finished', { measures: { [id]: { responsible: 'Anna Weber' } } });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`the session ${join(dir, 'finished.session.json')} is finished, so no question asked for measures.${id}.responsible: not used; reopen it at the step`);
    expect(again.stderr).not.toContain('misspelt');
    expect(again.stderr).toContain('(--reopen 4, or --reopen to choose)');
    // an answer of step 1 names step 1
    const decision = await runWithAnswers('finished', { decisions: { [id]: { decision: 'let_go', why: 'retired' } } });
    expect(decision.stderr).toContain('(--reopen 1, or --reopen to choose)');
    // without answers and without a terminal, a finished session writes its files again (it asks nothing)
    const script = memoryContext();
    const out = join(dir, 'finished-again');
    expect(await main(['worksheet', '--session', join(dir, 'finished.session.json'), '--out', out], script.ctx), script.stderr()).toBe(0);
    expect(await readFile(join(out, 'plan.csv'), 'utf8')).toBe(await readFile(join(first.out, 'plan.csv'), 'utf8'));
    // one that is not finished still needs a person or answers
    const open = memoryContext();
    expect(await main(['worksheet', FIXTURE, '--session', join(dir, 'not-begun.session.json'), '--as-of', AS_OF], open.ctx)).toBe(64);
  });
});

describe('the worksheet folder as a report reads it', () => {
  it('gives the same report as the plan folder of the same export, to the cent (empty answers)', async () => {
    const r = await runWithAnswers('as-plan', {});
    expect(r.code, r.stderr).toBe(0);
    const reportOf = async (folder: string) => {
      const m = memoryContext();
      expect(await main(['report', folder, '--json'], m.ctx)).toBe(0);
      const { source: _source, ...rest } = JSON.parse(m.stdout()) as Record<string, unknown>;
      return rest;
    };
    expect(await reportOf(r.out)).toEqual(await reportOf(join(dir, 'plan')));
  });
});
