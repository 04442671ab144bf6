/**
 * The acceptance test of the worksheet in a real terminal (tmux, 80 columns): a German
 * session over three customers goes through all four steps, back with Esc (from the why of
 * an override, and from step 4 to step 3), saves and quits, is resumed from another folder,
 * finished, and reopened at step 4. Everything the terminal showed must be German and fit
 * its 80 columns. In CI tmux is installed by .ci/install-tools.sh and the test must run;
 * elsewhere it is skipped, with a message, when tmux is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/catalogue/index.js';
import { tempDir } from '../support/temp.js';
import { hasTmux, Terminal } from '../support/tmux.js';

const ROOT = resolve(import.meta.dirname, '../..');
const inCi = Boolean(process.env.CI);
if (!hasTmux && !inCi) console.warn('worksheet-tty-de: tmux is not installed, so the pseudo-terminal test is skipped (apt-get install -y tmux)');

const t = messages('de').worksheet.texts;
const WIDTH = 80;
const IDS = ['100147', '100135', '100102'];
// Words of the English texts that must never reach a German screen (whole words, any case).
const ENGLISH = /\b(the|and|of|to|is|not|with|by|customers?|value|expected|threshold|channels?|offers?|decision|skip|back|search|finish|navigate|select|step|yes|resume|saved|interrupted|hint|error|days|after|before|churn|contact|phone|letter|visit|review|never|reason|measure|window|planned|model|quit|consultant|soon|missed|unknown|let go|win back)\b/i;

let term: Terminal | undefined;
afterAll(() => term?.close());

/** Three win-back customers of the German fixture, in its own encoding and layout. */
function threeCustomers(path: string): void {
  const lines = readFileSync(join(ROOT, 'fixtures/lost-customers-de.csv'), 'latin1').split(/\r?\n/);
  const rows = lines.filter((l) => IDS.some((id) => l.startsWith(`${id};`)));
  expect(rows).toHaveLength(3);
  writeFileSync(path, `${[lines[0], ...rows].join('\r\n')}\r\n`, 'latin1');
}

describe.runIf(hasTmux || inCi)('winback worksheet in a German terminal', () => {
  it('walks three customers through every step, goes back, quits, resumes elsewhere and reopens; all German, nothing wider than the terminal', async () => {
    expect(hasTmux, 'tmux must be installed in CI (.ci/install-tools.sh)').toBe(true);
    expect(existsSync(join(ROOT, 'dist/commands/worksheet/worksheet.js')), 'run npm run build first').toBe(true);
    const a = tempDir('winback-tty-de-a-');
    const b = tempDir('winback-tty-de-b-');
    threeCustomers(join(a, 'export.csv'));
    await mkdir(join(a, 'sitzung'), { recursive: true });
    const winback = `node ${join(ROOT, 'bin/winback.js')} worksheet`;
    const T = new Terminal('tty-de', WIDTH, 40);
    term = T;
    const progress = (step: string, n: number) => `${step} · ${t.progress(n, 3)}`;
    // A question as it starts on screen (inquirer breaks long ones at the terminal's width).
    const ask = (text: string) => `? ${text}`.slice(0, 40);

    // 1. Selection: confirm, override and go back from the mandatory why with Esc, confirm.
    T.start(`${winback} export.csv --session sitzung/s.json --lang de --as-of 2026-11-23`, a);
    await T.waitFor(progress(t.steps.selection, 1));
    await T.waitFor(ask(t.ask.decision));
    await T.press(['Enter'], progress(t.steps.selection, 2));
    await T.waitFor(ask(t.ask.decision));
    await T.press(['Down', 'Down', 'Enter'], ask(t.ask.whyOverride));
    await T.press(['Escape'], ask(t.ask.decision));
    await T.press(['Up', 'Up', 'Enter'], progress(t.steps.selection, 3));
    await T.waitFor(ask(t.ask.decision));
    await T.press(['Enter'], progress(t.steps.relationship, 1));

    // 2. Relationship and reasons: one Enter for the reason, one to go on.
    for (let n = 1; n <= 3; n++) {
      await T.waitFor(ask(t.ask.reason));
      await T.press(['Enter'], ask(t.ask.more));
      await T.press(['Enter'], n < 3 ? progress(t.steps.relationship, n + 1) : ask(t.lessons.lost_before));
    }

    // 3. Lessons from sales.
    T.type('Nach der Preiserhöhung 2025');
    await T.press(['Enter'], ask(t.lessons.regained));
    await T.press(['Enter'], ask(t.lessons.warning_signs));
    await T.press(['Enter'], ask(t.lessons.what_worked));
    await T.press(['Enter'], progress(t.steps.measures, 1));

    // 4. Measures plan: Esc goes back a step (to the last question of step 3), Enter returns.
    await T.waitFor(ask(t.notes.planLine));
    await T.press(['Escape'], ask(t.lessons.what_worked));
    await T.press(['Enter'], progress(t.steps.measures, 1));
    await T.waitFor(ask(t.notes.planLine));
    await T.press(['Down', 'Enter'], ask(t.ask.channel));
    await T.press(['Enter'], ask(t.ask.offer));
    await T.press(['Enter'], ask(t.ask.measure));
    await T.press(['Enter'], ask(t.ask.date));
    T.keys('C-u');
    T.type('15.01.2027');
    await T.press(['Enter'], ask(t.ask.responsible));
    await T.press(['Enter'], progress(t.steps.measures, 2));
    // … and save and quit (the last choice).
    await T.waitFor(ask(t.notes.planLine));
    const quit = await T.press([...Array(12).fill('Down'), 'Enter'], 'EXIT=');
    expect(quit).toContain('EXIT=0');
    expect(quit).toContain('Fortsetzen mit: winback worksheet --session sitzung/s.json');
    const saved = JSON.parse(await readFile(join(a, 'sitzung', 's.json'), 'utf8'));
    expect(saved).toMatchObject({ step: 'measures', file: '../export.csv', lessons: { lost_before: 'Nach der Preiserhöhung 2025' } });
    expect(saved.measures[IDS[0] as string]).toMatchObject({ date: '2027-01-15', done: true });
    expect(saved.decisions[IDS[1] as string]).toMatchObject({ decision: 'win_back', overridden: false, done: true });

    // Resumed from another folder, finished.
    const session = relative(b, join(a, 'sitzung', 's.json'));
    T.start(`${winback} --session ${session}`, b);
    await T.waitFor(t.notes.resumed(t.steps.measures));
    await T.waitFor(progress(t.steps.measures, 2));
    await T.waitFor(ask(t.notes.planLine));
    await T.press(['Enter'], progress(t.steps.measures, 3));
    await T.waitFor(ask(t.notes.planLine));
    await T.press(['Enter'], ask(t.ask.groupMeasures));
    T.type('Quartalsanruf bei allen Preiswechslern');
    await T.press(['Enter'], ask(t.ask.offering));
    const done = await T.press(['Enter'], 'EXIT=');
    expect(done).toContain('EXIT=0');
    const doc = await readFile(join(a, 'sitzung', 'worksheet.md'), 'utf8');
    expect(doc).toContain('Quartalsanruf bei allen Preiswechslern');
    expect(doc).toContain('15.01.2027');
    expect(existsSync(join(a, 'sitzung', 'plan.csv'))).toBe(true);

    // The finished session reopened at step 4, chosen from the list.
    T.start(`${winback} --session ${session} --reopen`, b);
    await T.waitFor(ask(t.ask.reopen));
    await T.press(['Down', 'Down', 'Down', 'Enter'], progress(t.steps.measures, 1));
    for (let n = 1; n <= 3; n++) {
      await T.waitFor(ask(t.notes.planLine));
      await T.press(['Enter'], n < 3 ? progress(t.steps.measures, n + 1) : ask(t.ask.groupMeasures));
    }
    await T.press(['Enter'], ask(t.ask.offering));
    expect(await T.press(['Enter'], 'EXIT=')).toContain('EXIT=0');
    expect(JSON.parse(await readFile(join(a, 'sitzung', 's.json'), 'utf8')).step).toBe('done');
    T.close();
    term = undefined;

    const lines = T.transcripts.flatMap((s) => s.split('\n')).filter((l) => !l.startsWith('EXIT='));
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.filter((l) => [...l].length > WIDTH)).toEqual([]);
    expect(lines.filter((l) => ENGLISH.test(l))).toEqual([]);
    // sanity: the check reads what was on screen
    expect(lines.some((l) => l.includes('Erreichbar über: '))).toBe(true);
    expect(lines.some((l) => /\d{1,3}\.\d{3} €/.test(l))).toBe(true);
    expect(execFileSync('cat', [join(a, 'sitzung', 's.json')], { encoding: 'utf8' })).toContain('"file": "../export.csv"');
  }, 300_000);
});
