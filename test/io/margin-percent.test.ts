import { describe, expect, it } from 'vitest';
import { readAll } from '../support/read-all.js';

describe('a margin column headed as a percentage', () => {
  it.each(['DB in %', 'DB %', 'Deckungsbeitrag %', 'Deckungsbeitrag in %'])('%s is read as margin percent', async (header) => {
    const { rows, opened } = await readAll(`Kundennummer;Kündigungsdatum;${header}\r\n1;31.03.2024;27,1\r\n2;01.02.2024;12\r\n`);
    expect(opened.headers[opened.mapping.fields.get('margin') as number]).toBe(header);
    expect(rows.map((r) => r.values.margin)).toEqual([{ kind: 'percent', value: 27.1 }, { kind: 'percent', value: 12 }]);
  });
});
