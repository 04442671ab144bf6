/**
 * The README's examples are copy-pasted into a shell by users: each one must run. They run
 * in a temporary folder that sees the repository's fixtures/ and docs/, so that what they
 * write to out/ never lands in the user's own out/.
 */
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';
import { tempDir } from './support/temp.js';
import ExcelJS from 'exceljs';
import { findEnglish } from './support/english-words.js';
import { csvRecords } from './support/xlsx.js';
import { PLAN_COLUMNS } from '../src/io/plan/output.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const commands = blocks.flatMap((b) => b.split('\n')).filter((l) => l.startsWith('node bin/winback.js '));

function splitArgs(text: string): string[] {
  return [...text.trim().matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** The user's out/ folder: its files and their modification times, or null when there is none. */
function userOut(): Record<string, number> | null {
  const out = join(ROOT, 'out');
  if (!existsSync(out)) return null;
  const files = readdirSync(out, { recursive: true }) as string[];
  return Object.fromEntries(files.map((f) => [f, statSync(join(out, f)).mtimeMs]));
}

const cwd = tempDir('winback-readme-');
for (const dir of ['fixtures', 'docs']) symlinkSync(join(ROOT, dir), join(cwd, dir), 'dir');
const before = userOut();

describe('README', () => {
  it('opens with exactly the two set-up-and-run commands', () => {
    expect(blocks[0]).toBe('npm install && npm start\nnpm test\n');
  });

  it('has examples', () => expect(commands.length).toBeGreaterThan(5));

  it.each(commands)('%s', async (line) => {
    const r = await runCli(splitArgs(line).slice(2), { cwd });
    expect(r.stderr.replace(/^(warning|Warnung): .*\n/gm, '')).toBe('');
    expect(r.code).toBe(0);
  });

  afterAll(() => {
    // The examples wrote into the temporary folder's out/, and not into the user's.
    expect(existsSync(join(cwd, 'out'))).toBe(true);
    expect(userOut()).toEqual(before);
  });
});

// The German/Excel path the README promises: five commands, each in German, writing workbooks
// that reopen. (The block after "**German and Excel.**".)
describe('README: the German/Excel path in five commands', () => {
  const start = readme.indexOf('**German and Excel.**');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(start))?.[1] ?? '';
  const path = block.split('\n').filter((l) => l.startsWith('node bin/winback.js '));

  it('is five commands, all in German, and they write .xlsx workbooks', () => {
    expect(start).toBeGreaterThan(0);
    expect(path).toHaveLength(5);
    for (const line of path) expect(line, line).toMatch(/ --lang de\b/);
    expect(path.join('\n')).toMatch(/--format xlsx/);
    expect(path.join('\n')).toMatch(/\.xlsx\b/);
  });

  it('runs in order, says nothing in English, and its workbooks reopen', async () => {
    const dir = tempDir('winback-readme-de-');
    for (const d of ['fixtures', 'docs']) symlinkSync(join(ROOT, d), join(dir, d), 'dir');
    // The export's own cells are data whatever their language (the fixture mixes in English reason texts).
    // So are plan.csv's column names, which a warning may point to ("Spalte warnings in plan.csv").
    const cells = [...new Set([...csvRecords(join(ROOT, 'fixtures/lost-customers-de.csv'), ';', 'win1252').flat(), ...PLAN_COLUMNS.map((c) => c.name)].filter((c) => c.length >= 4))]
      .sort((a, b) => b.length - a.length);
    const leaks: string[] = [];
    for (const line of path) {
      const r = await runCli(splitArgs(line).slice(2), { cwd: dir });
      expect(r.code, `${line}: ${r.stderr}`).toBe(0);
      // inspect's mapping table and sample rows name the canonical fields: machine words.
      const text = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => !/^\| [a-z_]+ +\||^ +\{"line":/.test(l)).join('\n');
      leaks.push(...findEnglish(text, cells).map((l) => `${line.split(' ')[2]}: [${l.word}] ${l.context}`));
    }
    expect(leaks).toEqual([]);
    for (const book of ['out/plan-de/plan.xlsx', 'out/woche-48/campaign.xlsx', 'out/gruende.xlsx']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, book));
      expect(wb.worksheets.length, book).toBeGreaterThan(0);
      expect(wb.worksheets[0]!.rowCount, book).toBeGreaterThan(1);
    }
  });
});
