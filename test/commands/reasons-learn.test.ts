import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temporary folder with a fresh copy of the default playbook. */
async function withPlaybook(): Promise<{ dir: string; playbook: string }> {
  const dir = tempDir();
  dirs.push(dir);
  const playbook = join(dir, 'mine.yaml');
  expect((await runCli(['playbook', 'init', playbook])).code).toBe(0);
  return { dir, playbook };
}

const classify = async (dir: string, text: string, playbook?: string) => {
  const data = join(dir, 'export.csv');
  writeFileSync(data, `customer_id,reason\n1,"${text}"\n`);
  const r = await runCli(['reasons', data, '--json', ...(playbook ? ['--playbook', playbook] : [])]);
  return (JSON.parse(r.stdout) as { codes: { code: string }[] }).codes[0]?.code;
};

describe('winback reasons --learn', () => {
  it('adds labelled texts to an examples file the playbook names, and they are read as taught', async () => {
    const { dir, playbook } = await withPlaybook();
    const text = 'Kd. hat den Rahmen an die Firma Zorbex vergeben';
    expect(await classify(dir, text, playbook)).not.toBe('competitor_offer');
    const labelled = join(dir, 'labelled.csv');
    writeFileSync(labelled, `text;Kategorie\n${text};competitor_offer\nzu teuer;Preis\nzu teuer;price\n`);
    const r = await runCli(['reasons', '--learn', labelled, '--playbook', playbook]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 labelled rows: 2 new examples, 1 already known');
    expect(r.stdout).toMatch(/examples already known whose reading changed: 0 of 0/);
    expect(readFileSync(playbook, 'utf8')).toMatch(/^examplesFile: mine\.examples\.csv$/m);
    // The playbook's comments survive the edit.
    expect(readFileSync(playbook, 'utf8')).toContain('# winback playbook');
    const sidecar = readFileSync(join(dir, 'mine.examples.csv'), 'utf8');
    expect(sidecar.split('\n')[0]).toBe('text,code');
    expect(sidecar).toContain('zu teuer,price');
    expect((await runCli(['playbook', 'validate', playbook])).code).toBe(0);
    expect(await classify(dir, text, playbook)).toBe('competitor_offer');
    // The same file again teaches nothing new and reports it.
    const again = await runCli(['reasons', '--learn', labelled, '--playbook', playbook]);
    expect(again.stdout).toContain('3 labelled rows: 0 new examples, 3 already known');
    expect(again.stdout).toContain('nothing to write');
  });

  it('refuses contradictory labels, within the file or against the examples already known, and writes nothing', async () => {
    const { dir, playbook } = await withPlaybook();
    const first = join(dir, 'first.csv');
    writeFileSync(first, 'text,code\nzu teuer,price\n');
    expect((await runCli(['reasons', '--learn', first, '--playbook', playbook])).code).toBe(0);
    const before = readFileSync(join(dir, 'mine.examples.csv'), 'utf8');
    const second = join(dir, 'second.csv');
    writeFileSync(second, 'text,code\nZu teuer!,service\nKunde zieht um,relocation\nneuer Job,life_change\nNeuer Job.,variety_seeking\n');
    const r = await runCli(['reasons', '--learn', second, '--playbook', playbook]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^winback reasons: .*second\.csv: 2 texts have contradictory labels; nothing was learned/);
    expect(r.stderr).toContain('"zu teuer" (playbook: price, line 2: service)');
    expect(r.stderr).toContain('(line 4: life_change, line 5: variety_seeking)');
    expect(r.stderr).toMatch(/hint: give each text one code/);
    expect(readFileSync(join(dir, 'mine.examples.csv'), 'utf8')).toBe(before);
  });

  it('refuses codes the playbook does not know, and needs a playbook of your own', async () => {
    const { dir, playbook } = await withPlaybook();
    const labelled = join(dir, 'labelled.csv');
    writeFileSync(labelled, 'text,code\nzu teuer,PX-99\n');
    const r = await runCli(['reasons', '--learn', labelled, '--playbook', playbook]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('line 2: "PX-99"');
    expect(existsSync(join(dir, 'mine.examples.csv'))).toBe(false);
    const noPlaybook = await runCli(['reasons', '--learn', labelled]);
    expect(noPlaybook.code).toBe(64);
    expect(noPlaybook.stderr).toMatch(/hint: create one with: winback playbook init/);
    const both = await runCli(['reasons', 'fixtures/lost-customers-en.csv', '--learn', labelled, '--playbook', playbook]);
    expect(both.code).toBe(64);
  });
});

describe('winback reasons with a CRM picklist (codes:)', () => {
  it('maps the company codes through the playbook and lists the codes it does not know', async () => {
    const { dir, playbook } = await withPlaybook();
    const data = join(dir, 'export.csv');
    writeFileSync(data, 'customer_id,reason_code\n1,17\n2,17\n3,KW-WETTB\n4,P99\n5,price\n');
    const before = await runCli(['reasons', data, '--json', '--playbook', playbook]);
    const summary = JSON.parse(before.stdout) as { unknown_codes: { code: string; count: number }[] };
    expect(summary.unknown_codes).toEqual([
      { code: '17', count: 2 },
      { code: 'KW-WETTB', count: 1 },
      { code: 'P99', count: 1 },
    ]);
    const table = await runCli(['reasons', data, '--playbook', playbook]);
    expect(table.stdout).toMatch(/reason_code values the playbook does not know/);
    writeFileSync(playbook, readFileSync(playbook, 'utf8').replace(/^codes: \{\}$/m, 'codes:\n  "17": price\n  kw wettb: competitor_offer'));
    const after = JSON.parse((await runCli(['reasons', data, '--json', '--playbook', playbook])).stdout) as {
      codes: { code: string; count: number }[];
      unknown_codes: { code: string }[];
    };
    expect(after.codes).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'price', count: 3 }), expect.objectContaining({ code: 'competitor_offer', count: 1 })]));
    expect(after.unknown_codes).toEqual([{ code: 'P99', count: 1 }]);
  });

  it('rejects a picklist entry that names no reason code, with its path', async () => {
    const { playbook } = await withPlaybook();
    writeFileSync(playbook, readFileSync(playbook, 'utf8').replace(/^codes: \{\}$/m, 'codes:\n  "17": pricey'));
    const r = await runCli(['playbook', 'validate', playbook]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/codes\.17/);
  });
});

describe('a label against what the playbook read with confidence', () => {
  it('is taught, and named with the line, the label and the playbook\'s reading, so that a mislabel is seen', async () => {
    const { dir, playbook } = await withPlaybook();
    const labels = join(dir, 'labels.csv');
    writeFileSync(labels, 'text,code\nPreis zu hoch,quality\nDas war uns einfach zu teuer geworden,price\n');
    const r = await runCli(['reasons', '--learn', labels, '--playbook', playbook]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 labels say otherwise than the playbook read with confidence');
    expect(r.stdout).toContain('line 2: Preis zu hoch (labelled quality; the playbook read price: preis zu hoch)');
    expect(r.stdout).not.toContain('line 3:');
  });
});

describe('the playbook --learn names the examples file in', () => {
  it('gains one line and keeps its layout, so the user\'s diff is that line', async () => {
    const { dir, playbook } = await withPlaybook();
    const before = readFileSync(playbook, 'utf8');
    const labels = join(dir, 'labels.csv');
    writeFileSync(labels, 'text,code\nDas war uns einfach zu teuer geworden,price\n');
    const r = await runCli(['reasons', '--learn', labels, '--playbook', playbook]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(playbook, 'utf8')).toBe(`${before}${before.endsWith('\n') ? '' : '\n'}examplesFile: mine.examples.csv\n`);
    expect((await runCli(['playbook', 'validate', playbook])).code).toBe(0);
  });
});
