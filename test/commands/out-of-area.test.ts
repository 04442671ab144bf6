/**
 * A customer who moved where the company cannot follow (emigrated, abroad, outside the service
 * area) is let go gracefully, not offered a discount (DOMAIN.md §3 relocation: "if the new
 * location is served: welcome offer; else let go"; §6). A move to a named place is not enough:
 * the company may serve it. src/domain/reasons/out-of-area.ts, docs/model.md §5 rule 1a.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outOfAreaInText } from '../../src/domain/reasons/index.js';
import { readCsv, runCli, tempDir } from '../support/cli.js';

describe('a move the company cannot follow', () => {
  it.each([
    ['nach Österreich ausgewandert', 'ausgewandert'],
    ['Kunde ins Ausland verzogen (USA)', 'ins ausland'],
    ["moved overseas, we don't ship there", 'moved overseas'],
    ['relocating to Germany, outside our service area', 'outside our service area'],
    ['Kunde ist nach Kanada ausgewandert, wir liefern dort nicht', 'ausgewandert'],
    ['Umzug, neue Adresse liegt außerhalb unseres Liefergebiets', 'ausserhalb unseres liefergebiets'],
    ['emigrated to Australia', 'emigrated'],
    ['Moving abroad', 'moving abroad'],
  ])('reads %s as out of the service area', (text, evidence) => {
    expect(outOfAreaInText(text)).toBe(evidence);
  });

  it.each([['umgezogen nach Hamburg'], ['moved to Denver'], ['zieht für immer nach Mallorca'], ['nicht ins Ausland, nur nach Köln umgezogen'], ['Moved'], ['']])('leaves %s to the plan: the new place may be served', (text) => {
    expect(outOfAreaInText(text)).toBeUndefined();
  });

  it('lets the customer go with the loss counted, plans a move within reach as before, and lets a consultant decide otherwise', async () => {
    const dir = tempDir('winback-out-of-area-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Name;E-Mail;Einwilligung E-Mail;Kunde seit;Kündigungsdatum;Anzahl Aufträge;Umsatz;DB %;Kündigungsgrund';
    const row = (id: string, text: string) => `${id};Firma ${id};${id.toLowerCase()}@example.de;ja;01.01.2018;01.09.2026;50;20.000,00;30;${text}`;
    writeFileSync(file, [head, row('R1', 'nach Kanada ausgewandert'), row('R2', 'umgezogen nach Hamburg')].join('\n') + '\n');
    const out = join(dir, 'plan');
    const run = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--lang', 'de', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const plans = new Map(readCsv(join(out, 'plan.csv')).map((r) => [r.customer_id as string, r]));
    const r1 = plans.get('R1') as Record<string, string>;
    expect([r1.reason_code, r1.decision, r1.channel, r1.offer_type, r1.expected_value]).toEqual(['relocation', 'let_go', '', '', '0.00']);
    expect(r1.decision_reason).toBe('dorthin umgezogen, wo wir nicht liefern können („ausgewandert“): im Guten gehen lassen; wird der neue Ort doch beliefert, entscheidet eine Person');
    expect(Number(r1.value_at_stake)).toBeGreaterThan(0);
    expect(plans.get('R2')?.decision).toBe('win_back');
    // The consultant knows the new place is served: valued, planned on a channel and listed.
    const answers = join(dir, 'answers.json');
    writeFileSync(answers, JSON.stringify({ lang: 'en', decisions: { R1: { decision: 'win_back', why: 'we deliver to Canada since May' } } }));
    const ws = await runCli(['worksheet', file, '--answers', answers, '--session', join(dir, 's.worksheet.json'), '--out', join(dir, 'ws'), '--as-of', '2026-11-23']);
    expect(ws.code, ws.stderr).toBe(0);
    const planned = readCsv(join(dir, 'ws', 'plan.csv')).find((r) => r.customer_id === 'R1') as Record<string, string>;
    expect([planned.decision, planned.channel]).toEqual(['win_back', 'email']);
    expect(Number(planned.expected_value)).toBeGreaterThan(0);
  });
});

describe('a customer who churned longer ago than plan.maxYearsSinceChurn', () => {
  it('is let go unasked (10 years by default); a config without the limit values them as before', async () => {
    const dir = tempDir('winback-long-ago-');
    const file = join(dir, 'export.csv');
    const head = 'customer_id,name,email,consent_email,first_purchase_date,churn_date,orders,revenue_total,margin_pct,reason';
    const row = (id: string, churn: string) => `${id},Ann ${id},${id.toLowerCase()}@example.com,yes,2001-01-10,${churn},40,60000,35,too expensive`;
    writeFileSync(file, [head, row('OLD', '2004-01-01'), row('NEW', '2020-01-01')].join('\n') + '\n');
    const out = join(dir, 'plan');
    const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const plans = new Map(readCsv(join(out, 'plan.csv')).map((x) => [x.customer_id as string, x]));
    expect([plans.get('OLD')?.decision, plans.get('OLD')?.decision_reason]).toEqual(['let_go', 'churned on 2004-01-01, more than 10 years ago (plan.maxYearsSinceChurn): data that old are not used for marketing; let go']);
    expect(plans.get('NEW')?.decision).toBe('win_back');
    const config = join(dir, 'config.yaml');
    writeFileSync(config, 'plan:\n  maxYearsSinceChurn: null\n');
    const open = await runCli(['plan', file, '--out', join(dir, 'open'), '--as-of', '2026-11-23', '-q', '--config', config]);
    expect(open.code, open.stderr).toBe(0);
    expect(readCsv(join(dir, 'open', 'plan.csv')).find((x) => x.customer_id === 'OLD')?.decision).toBe('win_back');
  });
});
