/**
 * results --html through the CLI: the page follows --lang de (or LANG) in every word, number,
 * percentage and date, and comes through the report's page frame (viewport, scroll boxes,
 * text alternatives). The German page holds no word of the English word list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import { findEnglish } from '../support/english-words.js';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const AS_OF = '2026-11-23';
const LATER = '2027-06-01';

/** Returns for some contacted and control customers: in the window, after it, and a serial defector. */
function writeReturns(dir: string, ledgerFile: string): string {
  const ledger = readCsv(ledgerFile);
  const contacted = ledger.filter((e) => e.outcome === 'contacted').map((e) => e.customer_id as string);
  const control = ledger.filter((e) => e.outcome === 'control').map((e) => e.customer_id as string);
  const at = (days: number) => formatIsoDay((parseIsoDay(AS_OF) as number) + days);
  const lines = ['Customer ID,Return Date,Revenue since return,Margin since return,Cancelled again'];
  contacted.slice(0, 10).forEach((id, i) => lines.push(`${id},${at(5 + i)},${1000 + i * 100},${300 + i * 10},${i === 0 ? at(60) : ''}`));
  lines.push(`${contacted[10]},${at(-3)},500,150,`); // before the contact: a note on the page
  control.slice(0, 1).forEach((id) => lines.push(`${id},${at(20)},800,200,`));
  const file = join(dir, 'returns.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The page's visible text: tags removed, entities decoded enough for the word check. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body.replace(/<[^>]+>/g, '\n').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
}

describe('results --html in the user language', () => {
  const dir = tempDir();
  let ledger: string;
  let returns: string;
  beforeAll(async () => {
    ledger = join(dir, 'ledger.csv');
    const r = await runCli(['campaign', 'fixtures/lost-customers-de.csv', '--out', join(dir, 'woche'), '--as-of', AS_OF, '--ledger', ledger, '--holdout', '20%', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    returns = writeReturns(dir, ledger);
  });

  it('writes the German page with --lang de: German words, numbers and dates, no English word', async () => {
    const html = join(dir, 'ergebnisse.html');
    const r = await runCli(['results', '--ledger', ledger, '--outcomes', returns, '--as-of', LATER, '--lang', 'de', '--html', html, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('<title>Rückgewinnungsergebnisse — 01.06.2027</title>');
    expect(page).toMatch(/<svg[^>]+id="chart-lift"[^>]+role="img"[^>]+aria-labelledby="chart-lift-title chart-lift-desc"/);
    expect(page).toMatch(/<desc id="chart-lift-desc">[^<]*Pp\. \[/);
    // Every table in a keyboard-reachable box that scrolls on a narrow screen.
    expect(page.match(/<table/g)?.length).toBe(page.match(/<div class="scroll" role="region" aria-label="[^"]+" tabindex="0"><table/g)?.length);
    expect(page).not.toMatch(/<script/);
    const text = visibleText(page);
    expect(text).toMatch(/\d,\d %/); // decimal comma in shares
    expect(text).toMatch(/\d,\d\d €/); // money as German writes it
    expect(text).toContain('Mehrfachabwanderer');
    expect(text).toContain('vor ihrem ersten Kontakt zurückgekehrt');
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/); // no ISO date on a German page
    // The ledger and the returns by their file names: no folder of the machine that made the page.
    expect(text).toContain('(Kontaktbuch ledger.csv, Rückkehrer returns.csv)');
    expect(page).not.toContain(dir);
    // File names are machine words; the reasons are the playbook's German labels.
    expect(findEnglish(text, [basename(ledger), basename(returns)])).toEqual([]);
  });

  it('takes the language from LANG as the other commands do, and stays English without it', async () => {
    const de = join(dir, 'lang.html');
    const r = await runCli(['results', '--ledger', ledger, '--outcomes', returns, '--as-of', LATER, '--html', de, '--quiet'], { env: { LANG: 'de_DE.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(de, 'utf8')).toContain('<html lang="de">');
    const en = join(dir, 'en.html');
    const e = await runCli(['results', '--ledger', ledger, '--outcomes', returns, '--as-of', LATER, '--html', en, '--quiet'], { env: { LANG: 'C' } });
    expect(e.code, e.stderr).toBe(0);
    const page = readFileSync(en, 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<title>Win-back results — 2027-06-01</title>');
    expect(visibleText(page)).toContain('Serial defectors: won back, then left again');
    expect(visibleText(page)).toContain('(ledger ledger.csv, returns returns.csv)');
    expect(page).not.toContain(dir);
  });
});
