/**
 * Tables whose headers stay whole at the terminal's width (io/render.ts renderWholeHeaders):
 * the least important columns give way, text cells are cut; `results` and the report's results
 * section use them in both languages, and say which columns were left out.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/catalogue/index.js';
import { renderWholeHeaders, type WholeColumn } from '../../src/io/render.js';
import { runCli, tempDir } from '../support/cli.js';
import { propertyRuns } from '../support/property.js';

// eslint-disable-next-line no-control-regex
const width = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;

/** The header cells of every table in a text: the line after each top border. */
function headerRows(text: string): string[][] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => (/^\+-/.test(line) && lines[i + 1]?.startsWith('|') && (lines[i + 2]?.startsWith('|-') || lines[i + 2]?.startsWith('+-')) ? [(lines[i + 1] as string).split('|').slice(1, -1).map((x) => x.trim())] : []));
}

describe('renderWholeHeaders', () => {
  it('keeps every shown header whole and the table within the width, dropping the least important columns', () => {
    const word = fc.stringMatching(/^[a-zäöü]{1,10}$/);
    const column = fc.record({ head: word, align: fc.constantFrom('left' as const, 'right' as const), priority: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 8 }), fc.integer({ min: 40, max: 120 }), fc.array(fc.array(fc.oneof(word, fc.integer({ min: -1e6, max: 1e6 })), { minLength: 8, maxLength: 8 }), { maxLength: 5 }), (cols, limit, rows) => {
        // The first column always stays, as the reason does.
        const columns: WholeColumn[] = cols.map((c, i) => (i === 0 ? { ...c, head: `key${i}`, priority: 0, align: 'left' } : { ...c, head: `${c.head}${i}` }));
        const { table, dropped } = renderWholeHeaders(columns, rows.map((r) => r.slice(0, columns.length)), { color: false, width: limit });
        for (const line of table.split('\n')) expect(width(line)).toBeLessThanOrEqual(limit);
        const [heads] = headerRows(table);
        expect([...(heads ?? []), ...dropped].sort()).toEqual(columns.map((c) => c.head).sort());
        // Nothing more important than a dropped column was dropped before it.
        const keptPriority = Math.max(...columns.filter((c) => heads?.includes(c.head)).map((c) => c.priority));
        for (const d of dropped) expect(columns.find((c) => c.head === d)?.priority).toBeGreaterThanOrEqual(keptPriority);
      }),
      propertyRuns(100),
    );
  });

  it('leaves a table that fits as it is', () => {
    const { table, dropped } = renderWholeHeaders([{ head: 'reason', align: 'left', priority: 0 }, { head: 'rows', align: 'right', priority: 1 }], [['price', 3]], { color: false, width: 80 });
    expect(dropped).toEqual([]);
    expect(table.split('\n')[1]).toBe('| reason | rows |');
  });
});

describe('results and the report with results at 80 columns: every header whole', () => {
  const dir = tempDir();

  it.each(['en', 'de'] as const)('winback results (%s)', async (lang) => {
    const ledger = join(dir, `ledger-${lang}.csv`);
    // The outcomes fixture is the English export's customers (results stops on a file that matches nobody in the ledger).
    const week = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', join(dir, `week-${lang}`), '--as-of', '2026-11-23', '--ledger', ledger, '--holdout', '10%', '--quiet', '--lang', lang]);
    expect(week.code, week.stderr).toBe(0);
    const args = ['results', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01', '--lang', lang];
    const t = messages(lang).results;
    const narrow = await runCli(args);
    expect(narrow.code, narrow.stderr).toBe(0);
    for (const line of narrow.stdout.split('\n')) expect(width(line), line).toBeLessThanOrEqual(80);
    const tables = headerRows(narrow.stdout);
    expect(tables.length).toBe(3);
    [t.rateColumns, t.moneyColumns, t.segmentColumns].forEach((all, k) => {
      const shown = tables[k] as string[];
      // Whole words of the catalogue, in their order, the first (the reason) always there.
      expect(shown.every((h) => all.includes(h)), shown.join(' | ')).toBe(true);
      expect(shown[0]).toBe(all[0]);
      expect(shown).toEqual(all.filter((h) => shown.includes(h)));
      const missing = all.filter((h) => !shown.includes(h));
      if (missing.length > 0) expect(narrow.stdout.replace(/\n {2}/g, ' ')).toContain(`${lang === 'de' ? 'bei 80 Spalten nicht gezeigt' : 'not shown at 80 columns'}: ${missing.join(', ')}`);
    });
    // The lift and its interval stay at 80 columns in the table per reason.
    expect(tables[0]).toContain(t.rateColumns[6]);
    const wide = await runCli(args, { env: { COLUMNS: '160' } });
    expect(headerRows(wide.stdout)).toEqual([t.rateColumns, t.moneyColumns, t.segmentColumns]);
    expect(wide.stdout).not.toMatch(/not shown at|nicht gezeigt/);
  });

  it.each(['en', 'de'] as const)('the results section of the report (%s)', async (lang) => {
    const ledger = join(dir, `ledger-report-${lang}.csv`);
    const week = await runCli(['campaign', `fixtures/lost-customers-${lang}.csv`, '--out', join(dir, `rw-${lang}`), '--as-of', '2026-11-23', '--ledger', ledger, '--holdout', '20%', '--quiet']);
    expect(week.code, week.stderr).toBe(0);
    const r = await runCli(['report', `fixtures/lost-customers-${lang}.csv`, '--as-of', '2027-03-01', '--lang', lang, '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv']);
    expect(r.code, r.stderr).toBe(0);
    for (const line of r.stdout.split('\n')) expect(width(line), line).toBeLessThanOrEqual(80);
    for (const heads of headerRows(r.stdout)) expect(heads.filter((h) => h.includes('…')), heads.join(' | ')).toEqual([]);
    // The funnel's table first (from lost to contacted), then the results'.
    const [funnel, results] = headerRows(r.stdout) as [string[], string[]];
    expect(funnel[0]).toBe(lang === 'de' ? 'Schritt' : 'step');
    // the results' steps with what was spent and the margin since the return, as in the HTML
    expect(r.stdout).toMatch(lang === 'de' ? /\nkontaktiert: ausgegeben [\d.]+\nzurückgekehrt: Deckungsbeitrag seit Rückkehr [\d.]+\n/ : /\ncontacted: spent [\d,]+\nreturned: margin since return [\d,]+\n/);
    expect(results[0]).toBe(lang === 'de' ? 'Grund' : 'reason');
    expect(results.at(-1)).toBe(lang === 'de' ? 'Mehrwert [95 %]' : 'lift [95 %]');
  });
});
