import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignFiles } from '../../src/io/campaign-output.js';
import { EXCEL_DE_CSV, PLAIN_CSV } from '../../src/io/csv/write.js';
import { tempDir } from '../support/temp.js';

describe('CampaignFiles', () => {
  it('writes every row, in order, when rows are gathered into batches and queued (more than one batch, the last one partial)', async () => {
    const dir = tempDir();
    const files = await CampaignFiles.open(dir, PLAIN_CSV);
    const n = 3000;
    for (let i = 1; i <= n; i++) {
      const full = files.excluded(`C${i}`, 'control', `detail of customer ${i}, long enough to fill a batch soon`, i);
      if (full) await full;
    }
    await files.commit();
    const lines = readFileSync(join(dir, 'excluded.csv'), 'utf8').split('\n');
    expect(lines).toHaveLength(n + 2);
    expect(lines[0]).toMatch(/^customer_id,/);
    expect(lines[1]).toBe('C1,control,"detail of customer 1, long enough to fill a batch soon",1');
    expect(lines[n]).toBe(`C${n},control,"detail of customer ${n}, long enough to fill a batch soon",${n}`);
    expect(lines[n + 1]).toBe('');
    // A list with no rows has its header alone.
    expect(readFileSync(join(dir, 'campaign-email.csv'), 'utf8').split('\n')).toHaveLength(2);
  });

  it('writes the byte-order mark once, before the header', async () => {
    const dir = tempDir();
    const files = await CampaignFiles.open(dir, EXCEL_DE_CSV);
    await files.commit();
    const text = readFileSync(join(dir, 'excluded.csv'), 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.indexOf('\ufeff', 1)).toBe(-1);
  });
});
