/**
 * An objector is counted in the report, never named (GDPR Art. 21(3)): not in the list of
 * customers to check first, and not among the customers "the data do not allow to value" —
 * an objector is left unvalued by design.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

describe('report and objectors', () => {
  it('does not name an objector among the customers to check, nor count them as unvaluable data', async () => {
    const dir = tempDir('winback-report-objectors-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Email,Country,Customer Since,Churn Date,Orders,Revenue,Margin %,Reason,Email Opt-In,Do Not Contact';
    const rows = [
      'A1,Alpha Objector GmbH,a1@example.com,DE,2018-01-01,2026-09-01,0,9999999,30,too expensive,yes,yes',
      'A2,Beta Plausible GmbH,a2@example.com,DE,2018-01-01,2026-09-01,0,8888888,30,too expensive,yes,',
      ...Array.from({ length: 12 }, (_, i) => `B${i},Gamma ${i},b${i}@example.com,DE,2018-01-01,2026-09-01,20,${20000 + i * 100},30,too expensive,yes,`),
    ];
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const r = await runCli(['report', file, '--as-of', '2026-11-23', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { outliers: { customers: { customer_id: string; name: string }[] }; quality: { not_valued: number }; decisions: Record<string, number> };
    const named = report.outliers.customers.map((c) => c.customer_id);
    expect(named).toContain('A2');
    expect(named).not.toContain('A1');
    expect(r.stdout).not.toContain('Alpha Objector');
    expect(report.decisions.never).toBe(1);
    expect(report.quality.not_valued).toBe(0);
    const html = join(dir, 'r.html');
    const page = await runCli(['report', file, '--as-of', '2026-11-23', '--html', html]);
    expect(page.code, page.stderr).toBe(0);
    expect(page.stdout + (await import('node:fs')).readFileSync(html, 'utf8')).not.toContain('Alpha Objector');
  });
});
