import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTable } from '../../src/io/render.js';
import { runCli, tempDir } from '../support/cli.js';
import { propertyRuns } from '../support/property.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function scratch(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

// eslint-disable-next-line no-control-regex
const width = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;
const TABLE_LINE = /^[+|┌│├└]/;

function tableLines(text: string): string[] {
  return text.split('\n').filter((l) => TABLE_LINE.test(l));
}

describe('tables fit the terminal', () => {
  it('renders any table within the width, one line per row, cutting with an ellipsis', () => {
    const cell = fc.oneof(fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n\t\u0000-\u001f\u007f-\u009f]/g, ' ')), fc.integer({ min: -1e9, max: 1e9 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 60, max: 160 }), fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { maxLength: 6 }), (n, cols, rows) => {
        const head = Array.from({ length: n }, (_, i) => `column ${i} heading`);
        const align = head.map((_, i) => (i % 2 === 0 ? 'left' : 'right') as 'left' | 'right');
        const out = renderTable(head, rows.map((r) => r.slice(0, n)), { color: false, align, width: cols });
        const lines = out.split('\n');
        expect(lines.length).toBe(rows.length === 0 ? 3 : rows.length + 4);
        for (const l of lines) expect(width(l)).toBeLessThanOrEqual(cols);
      }),
      propertyRuns(100),
    );
  });

  it('leaves a table that fits as it is', () => {
    const out = renderTable(['reason', 'rows'], [['price', 3]], { color: false, align: ['left', 'right'], width: 80 });
    expect(out).toBe(['+--------+------+', '| reason | rows |', '|--------+------|', '| price  |    3 |', '+--------+------+'].join('\n'));
  });

  it('every command that prints tables fits them into 80 columns', async () => {
    const dir = scratch();
    const ledger = join(dir, 'ledger.csv');
    const runs: string[][] = [
      ['plan', 'fixtures/lost-customers-de.csv', '--out', join(dir, 'plan'), '--as-of', '2026-11-23', '--lang', 'de'],
      ['plan', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'plan-en'), '--as-of', '2026-11-23'],
      ['reasons', 'fixtures/lost-customers-en.csv'],
      ['reasons', 'fixtures/lost-customers-de.csv'],
      ['inspect', 'fixtures/lost-customers-de.csv'],
      ['inspect', 'fixtures/lost-customers-en.csv'],
      ['report', 'fixtures/lost-customers-en.csv', '--as-of', '2026-11-23'],
      ['report', 'fixtures/lost-customers-de.csv', '--as-of', '2026-11-23', '--lang', 'de'],
      ['clv', 'fixtures/transactions-en.csv', '--out', join(dir, 'clv'), '--as-of', '2026-11-23'],
      ['playbook', 'show'],
      ['playbook', 'show', '--lang', 'de'],
      ['campaign', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'week'), '--as-of', '2026-11-23', '--ledger', ledger, '--holdout', '10%'],
      ['results', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01', '--history-out', join(dir, 'history.csv'), '--export', 'fixtures/lost-customers-en.csv'],
      ['calibrate', join(dir, 'history.csv'), '--model-out', join(dir, 'model.json'), '--as-of', '2027-03-01', '--allow-defaults'],
      ['worksheet', 'fixtures/lost-customers-en.csv', '--session', join(dir, 'ws', 'session.json'), '--answers', 'docs/worksheet-answers.example.json', '--as-of', '2026-11-23'],
    ];
    // The German words are longer: every command again in German, on the German exports.
    const de = join(dir, 'de');
    runs.push(
      ['reasons', 'fixtures/lost-customers-de.csv', '--lang', 'de'],
      ['inspect', 'fixtures/lost-customers-de.csv', '--lang', 'de'],
      ['clv', 'fixtures/transactions-de.csv', '--out', join(de, 'clv'), '--as-of', '2026-11-23', '--lang', 'de'],
      ['campaign', 'fixtures/lost-customers-de.csv', '--out', join(de, 'week'), '--as-of', '2026-11-23', '--ledger', join(de, 'ledger.csv'), '--holdout', '10%', '--lang', 'de'],
      ['report', join(de, 'week'), '--lang', 'de'],
      ['results', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01', '--lang', 'de'],
      ['calibrate', join(dir, 'history.csv'), '--model-out', join(de, 'model.json'), '--as-of', '2027-03-01', '--lang', 'de', '--allow-defaults'],
      ['worksheet', 'fixtures/lost-customers-de.csv', '--session', join(de, 'ws', 'session.json'), '--answers', 'docs/worksheet-answers.example.json', '--as-of', '2026-11-23', '--lang', 'de'],
    );
    let tables = 0;
    for (const args of runs) {
      // A terminal of 80 columns, said as a shell says it.
      const r = await runCli(args, { env: { COLUMNS: '80' } });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      const lines = tableLines(r.stdout);
      tables += lines.length > 0 ? 1 : 0;
      const wide = lines.filter((l) => width(l) > 80);
      expect(wide, args.join(' ')).toEqual([]);
    }
    expect(tables).toBeGreaterThanOrEqual(19);
  });

  it('shows more on a wider terminal', async () => {
    const narrow = await runCli(['reasons', 'fixtures/lost-customers-en.csv']);
    const wide = await runCli(['reasons', 'fixtures/lost-customers-en.csv'], { env: { COLUMNS: '140' } });
    const longest = (t: string) => Math.max(...tableLines(t).map(width));
    expect(longest(narrow.stdout)).toBeLessThanOrEqual(80);
    expect(longest(wide.stdout)).toBeGreaterThan(90);
    expect(longest(wide.stdout)).toBeLessThanOrEqual(140);
  });
});
