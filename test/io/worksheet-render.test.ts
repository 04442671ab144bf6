import { describe, expect, it } from 'vitest';
import { decisionWords, formatWorksheetMoney, normaliseTypedDate } from '../../src/domain/worksheet/format.js';
import { findEnglish } from '../support/english-words.js';
import type { DecisionNote } from '../../src/domain/value/types.js';
import { messages } from '../../src/domain/catalogue/index.js';
import { chooseColumns, renderMeasureCard, renderRankedTable, renderSelectionCard } from '../../src/io/worksheet/render.js';
import { fixtureFlow } from '../support/worksheet-flow.js';

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('worksheet screens', () => {
  it('fits the ranked table to 80 columns and shows more columns when the terminal is wider', async () => {
    const { flow } = await fixtureFlow([], { lang: 'de', file: 'fixtures/lost-customers-de.csv' });
    const t = messages('de').worksheet.texts;
    const plans = flow.customers.map((c) => c.base);
    const narrow = renderRankedTable(plans, t, 'de', '€', false, 80);
    const wide = renderRankedTable(plans, t, 'de', '€', false, 160);
    expect(widest(narrow)).toBeLessThanOrEqual(80);
    expect(widest(wide)).toBeLessThanOrEqual(160);
    const heads = (table: string) => (table.split('\n')[1] as string).split('|').map((h) => h.trim()).filter(Boolean);
    expect(heads(narrow)).toEqual(expect.arrayContaining([t.table.customer, t.table.expected, t.table.model, t.table.channels]));
    expect(heads(wide).length).toBeGreaterThan(heads(narrow).length);
    expect(heads(wide)).toEqual(expect.arrayContaining([t.table.sltv, t.table.atStake, t.table.name, t.table.reason]));
    // German money: grouped with dots, the currency after the figure
    expect(wide).toMatch(/\d{1,3}\.\d{3} €/);
    expect(wide).not.toMatch(/€\d/);
  });

  it('drops the least important columns first and never the essential ones', () => {
    const heads = ['a', 'b', 'c', 'd'];
    const cells = [['x'.repeat(30), 'y'.repeat(30), 'z'.repeat(30), 'w'.repeat(30)]];
    expect(chooseColumns(heads, cells, [0, 2, 1, 0], [undefined, undefined, undefined, undefined], 100)).toEqual([0, 2, 3]);
    expect(chooseColumns(heads, cells, [0, 2, 1, 0], [undefined, undefined, undefined, undefined], 40)).toEqual([0, 3]);
    expect(chooseColumns(heads, cells, [0, 2, 1, 0], [undefined, 8, 8, undefined], 100)).toEqual([0, 1, 2, 3]);
  });

  it('shows the contactable channels, and in words why a customer may not be contacted', async () => {
    const { flow } = await fixtureFlow([], { lang: 'de', file: 'fixtures/lost-customers-de.csv' });
    const t = messages('de').worksheet.texts;
    const blocked = flow.customers.find((c) => c.base.value.decision === 'no_channel' || c.base.permission.blockAll !== undefined)!;
    const open = flow.customers.find((c) => c.base.value.decision === 'win_back')!;
    const cardBlocked = renderSelectionCard(blocked.base, t, 'de', '€', 80);
    expect(cardBlocked).toContain('Nicht erreichbar: ');
    expect(cardBlocked).not.toMatch(/no_|objection|consent/);
    const cardOpen = renderMeasureCard(open.base, t, 'de', 80);
    expect(cardOpen).toContain('Erreichbar über: ');
    for (const card of [cardBlocked, cardOpen, renderSelectionCard(open.base, t, 'de', '€', 80)]) expect(widest(card)).toBeLessThanOrEqual(80);
  });

  it('writes money and dates in the language', () => {
    expect(formatWorksheetMoney(507851, '€', 'de')).toBe('507.851 €');
    expect(formatWorksheetMoney(507851, '€', 'en')).toBe('€507,851');
    expect(formatWorksheetMoney(-1234.4, '€', 'de')).toBe('-1.234 €');
    expect(normaliseTypedDate('15.01.2027')).toBe('2027-01-15');
    expect(normaliseTypedDate('5.1.27')).toBe('2027-01-05');
    expect(normaliseTypedDate('2027-01-15')).toBe('2027-01-15');
    expect(normaliseTypedDate('31.02.2027')).toBeUndefined();
    expect(normaliseTypedDate('')).toBe('');
  });

  it('words the model\'s decision from its note, with the worksheet\'s whole money, in either language', () => {
    const above = { key: 'aboveThreshold', args: [{ money: 111187.4 }, { money: 0 }] } as const;
    expect(decisionWords(above, 'en', '€')).toBe('expected value €111,187 > threshold €0');
    expect(decisionWords(above, 'de', '€')).toBe('erwarteter Wert 111.187 € > Schwelle 0 €');
    const unclear = { key: 'reasonUnclear', args: [{ fixed: 0.414 }, { fixed: 0.5 }] } as const;
    expect(decisionWords(unclear, 'de', '€')).toBe('Grund unklar (Sicherheit 0,41 < 0,50)');
    const model = { key: 'modelBelowThreshold', args: [{ money: -12.6 }, { money: 0 }, { fixed: 0.3 }] } as const;
    expect(decisionWords(model, 'en', '$')).toBe('expected value -$13 ≤ threshold $0 (purchase model, P(alive) 0.30)');
    const handover: DecisionNote = { key: 'missingHandover', args: [{ key: 'handoverThreshold', args: ['x'] }] };
    expect(decisionWords(handover, 'de', '€')).toMatch(/^fehlende Daten: lost_threshold 'x' ist kein Anteil/);
  });

  it('shows the plan\'s own German in the cards: the decision with whole money, the timing rule, no English word', async () => {
    const { flow } = await fixtureFlow([], { lang: 'de', file: 'fixtures/lost-customers-de.csv' });
    const t = messages('de').worksheet.texts;
    const win = flow.customers.map((c) => c.base).find((p) => p.value.decision === 'win_back' && p.window !== null)!;
    expect(win.value.decisionNote.key).toBe('aboveThreshold');
    const selection = renderSelectionCard(win, t, 'de', '€', 200);
    expect(selection).toContain(`erwarteter Wert ${formatWorksheetMoney(win.value.expected_value!, '€', 'de')} > Schwelle 0 €`);
    const measure = renderMeasureCard(win, t, 'de', 200);
    expect(measure).toContain(`(${win.window!.rule})`);
    const data = [win.row.name ?? '', win.row.reason ?? '', win.reason.evidence, win.measure].filter((x) => x.length > 0);
    for (const card of [selection, measure]) expect(findEnglish(card, data)).toEqual([]);
  });
});
