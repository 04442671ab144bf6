import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { readAll } from '../support/read-all.js';
import { propertyRuns } from '../support/property.js';

const HEADER = 'Kundennummer;Name;Kündigungsdatum;Umsatz;Anzahl Aufträge;Einwilligung E-Mail\n';

// Cells from a palette of valid, broken and nasty values.
const cell = fc.oneof(
  fc.constantFrom('', '1', '42', 'Müller', '31.03.2024', '31.02.2024', '1.234,56', 'zwölf', 'ja', 'nein', 'vielleicht', '=1+1', ' ', 'x'),
  fc.string({ maxLength: 6 }),
);
const row = fc.array(cell, { minLength: 1, maxLength: 8 });

function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[;"\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\n');
}

describe('row conservation', () => {
  it('rows read = accepted + rejected, and every row is reported exactly once, for any input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (rows) => {
        const text = HEADER + toCsv(rows) + '\n';
        const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== '')).length;
        try {
          const { opened, rows: ok, rejects } = await readAll(text, { delimiter: ';' });
          expect(opened.stats.read).toBe(opened.stats.accepted + opened.stats.rejected);
          expect(ok.length + rejects.length).toBe(opened.stats.read);
          expect(opened.stats.read).toBe(nonBlank);
          for (const j of rejects) {
            expect(j.line).toBeGreaterThan(1);
            expect(j.error.length).toBeGreaterThan(0);
          }
        } catch (err) {
          // Only a file without any data row may fail, and only as a data error.
          expect(err).toBeInstanceOf(DataError);
          expect(nonBlank).toBe(0);
        }
      }),
      propertyRuns(150),
    );
  });

  it('holds on randomly mangled bytes too (never a crash, only rows or a data error)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 400 }), async (bytes) => {
        const input = Buffer.concat([Buffer.from(HEADER), Buffer.from(bytes)]);
        try {
          const { opened, rows: ok, rejects } = await readAll(input, { delimiter: ';' });
          expect(ok.length + rejects.length).toBe(opened.stats.read);
          expect(opened.stats.read).toBe(opened.stats.accepted + opened.stats.rejected);
        } catch (err) {
          expect(err).toBeInstanceOf(DataError);
        }
      }),
      propertyRuns(150),
    );
  });
});

// Rows of the header's width without line breaks in cells, so that each is one physical line.
const flatCell = fc.oneof(
  fc.constantFrom('', '1', 'Müller', '31.03.2024', '1.234,56', 'zwölf', 'ja', ' ', 'a;b', 'say "hi"', '"', 'x'),
  fc.string({ unit: fc.constantFrom('a', 'ß', ' ', '"', ';', '1'), maxLength: 5 }),
);
const fullRow = fc.array(flatCell, { minLength: 6, maxLength: 6 });
const corruption = fc.oneof(
  fc.record({ kind: fc.constant('stray' as const), row: fc.nat(), col: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('unclose' as const), row: fc.nat() }),
);

function quoted(c: string): string {
  return /[;"\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
}

/**
 * The lines of the rows with the corruptions applied; the lines a stray quote was put into.
 * Between two damaged rows there is always a row that is not blank: two quotes left open on
 * neighbouring lines can pair up into one well-formed quoted field, which no reader can tell
 * from a real one.
 */
function corrupt(rows: string[][], damage: { kind: 'stray' | 'unclose'; row: number; col?: number }[]): { lines: string[]; hit: Set<number> } {
  const lines = rows.map((r) => r.map(quoted).join(';'));
  const hit = new Set<number>();
  const blank = rows.map((r) => r.every((c) => c.trim() === ''));
  const apart = (a: number, b: number) => blank.slice(Math.min(a, b) + 1, Math.max(a, b)).some((isBlank) => !isBlank);
  for (const d of damage) {
    const i = d.row % rows.length;
    if ([...hit].some((j) => !apart(i, j))) continue;
    const cells = (rows[i] as string[]).map(quoted);
    if (d.kind === 'stray') {
      const col = d.col ?? 0;
      // A quote opened at the start of a field and never closed, as a typo leaves it.
      cells[col] = `"${(rows[i] as string[])[col]?.replace(/[";]/g, '') ?? ''}`;
    } else {
      // The closing quote of a quoted field dropped.
      const col = cells.findIndex((c) => c.startsWith('"') && c.endsWith('"') && c.length > 1);
      if (col < 0) continue;
      cells[col] = (cells[col] as string).slice(0, -1);
    }
    lines[i] = cells.join(';');
    hit.add(i);
  }
  return { lines, hit };
}

describe('row conservation on corrupted exports', () => {
  it('two quotes left open around a row stay apart when the second closes after doubled quotes at a field start', async () => {
    // Found by the property below (seed 2028829304): the stray quote of line 2 closed on line 4
    // after `""` (read on its own line, a quote there opens a field), swallowing line 3.
    const lines = [';";;;;', ';;;;;ja', ';""";;;;"a"""'];
    const { opened, rows: ok, rejects } = await readAll(`${HEADER}${lines.join('\n')}\n`, { delimiter: ';' });
    expect(opened.stats.read).toBe(3);
    expect(ok.length + rejects.length).toBe(3);
    expect(rejects.map((j) => j.line)).toContain(2);
  });

  it('a stray quote or a dropped closing quote swallows no row: read = the physical records, the damaged lines are rejected', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fullRow, { minLength: 1, maxLength: 25 }), fc.array(corruption, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 80 }), async (rows, damage, chunk) => {
        const { lines, hit } = corrupt(rows, damage);
        const text = `${HEADER}${lines.join('\n')}\n`;
        const physical = lines.filter((l) => !/^[\s;]*$/.test(l)).length;
        if (physical === 0) return;
        const { opened, rows: ok, rejects } = await readAll(text, { delimiter: ';' }, undefined, chunk);
        expect(opened.stats.read).toBe(physical);
        expect(ok.length + rejects.length).toBe(physical);
        // A line whose quote is still open at its end is rejected on its own line.
        for (const i of hit) {
          const line = lines[i] as string;
          if (quoteOpenAtEnd(line)) expect(rejects.map((j) => j.line)).toContain(i + 2);
        }
      }),
      propertyRuns(100),
    );
  });

  it('a file cut off inside its last record stops with a data error when NUL bytes follow, and otherwise never loses a row silently', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fullRow, { minLength: 1, maxLength: 15 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.boolean(), async (rows, at, nul) => {
        const lines = rows.map((r) => r.map(quoted).join(';'));
        const last = lines[lines.length - 1] as string;
        if (last.length < 2) return;
        const keep = 1 + Math.floor(at * (last.length - 1));
        const text = `${HEADER}${lines.slice(0, -1).map((l) => `${l}\n`).join('')}${last.slice(0, keep)}${nul ? '\0'.repeat(64) : ''}`;
        const physical = lines.filter((l) => !/^[\s;]*$/.test(l)).length;
        const result = await readAll(text, { delimiter: ';' }).catch((err: unknown) => err);
        if (result instanceof DataError) {
          expect(result.message).toMatch(/cut off|never closed|NUL|no data rows/);
          return;
        }
        expect(nul).toBe(false);
        const { opened } = result as Awaited<ReturnType<typeof readAll>>;
        expect(opened.stats.read).toBe(opened.stats.accepted + opened.stats.rejected);
        // Read as a row only when the cut left the row's every field (the last one shortened) or nothing but blanks.
        expect(opened.stats.read).toBeGreaterThanOrEqual(physical - 1);
      }),
      propertyRuns(100),
    );
  });
});

/** Whether a quote opened at the start of a field is still open at the end of the line. */
function quoteOpenAtEnd(line: string): boolean {
  let quoting = false;
  let fieldStart = true;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoting) {
      if (c === '"' && line[i + 1] === '"') i++;
      else if (c === '"') quoting = false;
    } else if (c === '"' && fieldStart) quoting = true;
    fieldStart = !quoting && c === ';';
  }
  return quoting;
}
