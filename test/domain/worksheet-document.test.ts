import { describe, expect, it } from 'vitest';
import { applyWorksheet } from '../../src/domain/worksheet/apply.js';
import { renderWorksheetDocument } from '../../src/domain/worksheet/document.js';
import { recordDecision, recordGroup, recordLesson, recordMeasure, recordRelationship } from '../../src/domain/worksheet/session.js';
import { messages } from '../../src/domain/catalogue/index.js';
import { fixtureFlow } from '../support/worksheet-flow.js';

describe('worksheet document', () => {
  it.each(['en', 'de'] as const)('renders the four templates with the answers (%s)', async (lang) => {
    const { flow, setup } = await fixtureFlow([], { lang });
    const [a, b] = flow.customers.filter((c) => c.base.value.decision === 'win_back') as [typeof flow.customers[0], typeof flow.customers[0]];
    const idA = a.base.row.customer_id;
    const idB = b.base.row.customer_id;
    let s = flow.session;
    s = recordDecision(s, idB, { decision: 'let_go', why: 'moved | abroad', overridden: true, done: true });
    s = recordRelationship(s, idA, { reason_code: 'quality', bought: 'copiers\nand toner', path: 'gradual', done: true });
    s = recordLesson(s, 'regained', 'A visit by the director.');
    s = recordMeasure(s, idA, { responsible: 'Anna Weber', done: true });
    s = recordGroup(s, { measures: 'Winter mailing', offering: 'Faster repairs' });
    const t = messages(lang).worksheet.texts;
    const doc = renderWorksheetDocument({
      session: s, playbook: setup.playbook, texts: t, currencySymbol: '€',
      customers: flow.customers.map((c) => ({ base: c.base, final: applyWorksheet(c.base, s, setup) })),
    });
    for (const step of Object.values(t.steps)) expect(doc).toContain(`## ${step}`);
    const quality = setup.playbook.reasons.find((r) => r.code === 'quality')!.label[lang];
    // codes are English words: the German document names the reason only
    expect(doc).toContain(lang === 'en' ? `${quality} \`quality\`` : `${quality} (`);
    if (lang === 'de') expect(doc).not.toContain('`quality`');
    // money with grouping and the currency where the language puts it; dates in the language's form
    expect(doc).toMatch(lang === 'de' ? /\| \d{1,3}(\.\d{3})* € \|/ : /\| €\d{1,3}(,\d{3})* \|/);
    expect(doc).toContain(lang === 'de' ? 'Stichtag: 23.11.2026' : 'As of: 2026-11-23');
    if (lang === 'de') expect(doc).not.toMatch(/expected value|threshold|€\d/);
    expect(doc).toContain('copiers and toner');
    expect(doc).toContain(t.paths.gradual);
    expect(doc).toContain('A visit by the director.');
    expect(doc).toContain('Winter mailing');
    expect(doc).toContain('Faster repairs');
    // the override shows in the selection table, its pipe escaped so the table holds
    const rowB = doc.split('\n').find((l) => l.includes(`| ${idB} |`)) as string;
    expect(rowB).toContain('moved \\| abroad');
    expect(rowB).toContain(`| ${t.decisions.let_go} |`);
    expect(rowB.split(/(?<!\\)\|/).length).toBe(doc.split('\n').find((l) => l.startsWith(`| ${t.doc.rank} |`))!.split('|').length);
    const measureRow = doc.split('\n').find((l) => l.startsWith(`| ${idA} |`)) as string;
    expect(measureRow).toContain('Anna Weber');
    expect(doc.split('\n').some((l) => l.startsWith(`| ${idB} |`))).toBe(false);
  });
});
