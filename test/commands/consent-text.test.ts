import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';

const AS_OF = ['--as-of', '2026-11-23'];
const HEAD = 'Kundennummer;Kündigungsdatum;Umsatz;Kunde seit;E-Mail;Einwilligung E-Mail;Telefon;Einwilligung Telefon;Kündigungsgrund';

describe('an objection written into a consent column', () => {
  it.each([
    ['Einwilligung Telefon', 'K1;01.03.2026;12000;01.01.2020;k1@example.de;ja;+49 30 1234567;Widerspruch gegen Werbung (Art. 21 DSGVO);Preis zu hoch'],
    ['Einwilligung E-Mail', 'K1;01.03.2026;12000;01.01.2020;k1@example.de;Einwilligung widerrufen;+49 30 1234567;ja;Preis zu hoch'],
  ])('in %s blocks every channel: never in plan.csv, on no campaign list', async (_column, line) => {
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    writeFileSync(file, `${HEAD}\n${line}\nK2;02.03.2026;8000;01.01.2020;k2@example.de;ja;+49 30 1234568;ja;Preis zu hoch\n`);
    const plan = await runCli(['plan', file, '--out', join(dir, 'plan'), ...AS_OF, '--quiet']);
    expect(plan.code, plan.stderr).toBe(0);
    const rows = readCsv(join(dir, 'plan', 'plan.csv'));
    expect(rows.find((r) => r.customer_id === 'K1')).toMatchObject({ decision: 'never', channel: '' });
    // The other customer, with plain yes/no cells, is still approached.
    expect(rows.find((r) => r.customer_id === 'K2')?.decision).toBe('win_back');
    const campaign = await runCli(['campaign', file, '--out', join(dir, 'campaign'), ...AS_OF, '--quiet', '--period', '366d']);
    expect(campaign.code, campaign.stderr).toBe(0);
    for (const channel of ['email', 'phone', 'letter', 'visit']) {
      expect(readFileSync(join(dir, 'campaign', `campaign-${channel}.csv`), 'utf8')).not.toContain('K1');
    }
  });
});
