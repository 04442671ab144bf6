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
