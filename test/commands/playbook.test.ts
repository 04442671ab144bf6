import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { runPlaybookInit, runPlaybookShow, runPlaybookValidate } from '../../src/commands/playbook.js';
import { DataError, InputMissingError, UsageError } from '../../src/errors.js';
import { DEFAULT_PLAYBOOK_PATH, loadPlaybook } from '../../src/io/playbook-file.js';
import { setTableWidth } from '../../src/io/render.js';
import { memoryContext } from '../support/memory-context.js';
import { readCsv, runCli } from '../support/cli.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winback-playbook-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('winback playbook show', () => {
  it('prints every reason with its measure, offers, channels and timing', async () => {
    const { ctx, stdout } = memoryContext({ cwd: dir });
    // A wide terminal: the timing texts are not wrapped (at 80 columns they are).
    setTableWidth(200);
    expect(await runPlaybookShow(ctx, { lang: 'en' }).finally(() => setTableWidth(undefined))).toBe(0);
    for (const code of ['relocation', 'poached', 'terminated_by_us', 'unknown']) expect(stdout()).toContain(`(${code})`);
    expect(stdout()).toMatch(/before competitor/);
    expect(stdout()).toContain('source: default');
  });

  it('speaks German with --lang de and prints JSON with --json', async () => {
    const de = memoryContext({ cwd: dir });
    await runPlaybookShow(de.ctx, { lang: 'de' });
    expect(de.stdout()).toContain('Umzug');
    expect(de.stdout()).toContain('Maßnahme');
    const json = memoryContext({ cwd: dir });
    await runPlaybookShow(json.ctx, { json: true });
    const parsed = JSON.parse(json.stdout()) as { playbook: { reasons: unknown[] }; sha256: string };
    expect(parsed.playbook.reasons).toHaveLength(16);
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects an unknown language', async () => {
    await expect(runPlaybookShow(memoryContext().ctx, { lang: 'fr' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('winback playbook init', () => {
  it('writes a commented, valid copy and refuses to overwrite it without --force', async () => {
    const { ctx } = memoryContext({ cwd: dir });
    expect(await runPlaybookInit(ctx, 'mine.yaml', {})).toBe(0);
    const text = await readFile(join(dir, 'mine.yaml'), 'utf8');
    expect(text).toBe(await readFile(DEFAULT_PLAYBOOK_PATH, 'utf8'));
    expect(text).toMatch(/^# /m);
    await writeFile(join(dir, 'mine.yaml'), '# mine\n');
    await expect(runPlaybookInit(ctx, 'mine.yaml', {})).rejects.toBeInstanceOf(UsageError);
    expect(await readFile(join(dir, 'mine.yaml'), 'utf8')).toBe('# mine\n');
    expect(await runPlaybookInit(ctx, 'mine.yaml', { force: true })).toBe(0);
    expect(await readFile(join(dir, 'mine.yaml'), 'utf8')).toBe(text);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('winback playbook validate', () => {
  it('accepts the default and a JSON copy', async () => {
    const { ctx, stdout } = memoryContext({ cwd: dir });
    expect(await runPlaybookValidate(ctx, DEFAULT_PLAYBOOK_PATH)).toBe(0);
    expect(stdout()).toContain('valid playbook (16 reasons, 7 offers)');
    const data = parseYaml(await readFile(DEFAULT_PLAYBOOK_PATH, 'utf8')) as unknown;
    await writeFile(join(dir, 'p.json'), JSON.stringify(data));
    expect(await runPlaybookValidate(ctx, 'p.json')).toBe(0);
  });

  it('exits 65 and names the path of each bad entry', async () => {
    const data = parseYaml(await readFile(DEFAULT_PLAYBOOK_PATH, 'utf8')) as { reasons: { timing: { kind: string }; baseRate: number }[] };
    (data.reasons[3] as { timing: { kind: string } }).timing.kind = 'later';
    (data.reasons[4] as { baseRate: number }).baseRate = 2;
    await writeFile(join(dir, 'bad.yaml'), stringifyYaml(data));
    const { ctx, stderr } = memoryContext({ cwd: dir });
    expect(await runPlaybookValidate(ctx, 'bad.yaml')).toBe(65);
    expect(stderr()).toContain('reasons[3].timing.kind');
    expect(stderr()).toContain('reasons[4].baseRate');
  });

  it('exits 65 on broken YAML and throws InputMissingError for a missing file', async () => {
    await writeFile(join(dir, 'broken.yaml'), 'reasons: [\n  - a: b\n');
    const { ctx, stderr } = memoryContext({ cwd: dir });
    expect(await runPlaybookValidate(ctx, 'broken.yaml')).toBe(65);
    expect(stderr()).toMatch(/not valid YAML/);
    await expect(runPlaybookValidate(ctx, 'nope.yaml')).rejects.toBeInstanceOf(InputMissingError);
  });
});

describe('loadPlaybook', () => {
  it('loads the default with its checksum', async () => {
    const loaded = await loadPlaybook();
    expect(loaded.source).toBe('default');
    expect(loaded.playbook.reasons).toHaveLength(16);
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('loads the same content as the same frozen playbook, and an edited playbook or examples file anew', async () => {
    const file = join(dir, 'mine.yaml');
    const data = parseYaml(await readFile(DEFAULT_PLAYBOOK_PATH, 'utf8')) as { reasons: { code: string; label: { en: string } }[]; examplesFile?: string };
    await writeFile(file, stringifyYaml(data));
    const first = await loadPlaybook(file);
    const again = await loadPlaybook(file);
    // Not parsed again: the same object, which nothing may change.
    expect(again.playbook).toBe(first.playbook);
    expect(again.sha256).toBe(first.sha256);
    expect(Object.isFrozen(first.playbook.reasons[0]?.label)).toBe(true);
    expect(() => ((first.playbook.reasons[0] as { code: string }).code = 'price')).toThrow(TypeError);

    (data.reasons.find((r) => r.code === 'price') as { label: { en: string } }).label.en = 'Cost';
    await writeFile(file, stringifyYaml(data));
    const edited = await loadPlaybook(file);
    expect(edited.playbook).not.toBe(first.playbook);
    expect(edited.sha256).not.toBe(first.sha256);
    expect(edited.playbook.reasons.find((r) => r.code === 'price')?.label.en).toBe('Cost');

    // Its own examples are part of what it was read from: a changed examples file is read again.
    data.examplesFile = 'mine.examples.csv';
    await writeFile(file, stringifyYaml(data));
    await writeFile(join(dir, 'mine.examples.csv'), 'text,code\nzorglub,relocation\n');
    const taught = await loadPlaybook(file);
    await writeFile(join(dir, 'mine.examples.csv'), 'text,code\nzorglub,price\n');
    const retaught = await loadPlaybook(file);
    expect(retaught.playbook).not.toBe(taught.playbook);
    expect(retaught.sha256).not.toBe(taught.sha256);
    expect(taught.playbook.examples?.filter((e) => e.own).map((e) => e.code)).toEqual(['relocation']);
    expect(retaught.playbook.examples?.filter((e) => e.own).map((e) => e.code)).toEqual(['price']);
  });

  it('plans with the playbook as it is now: an edit between two runs in one process changes the plan', async () => {
    const file = join(dir, 'mine.yaml');
    const data = parseYaml(await readFile(DEFAULT_PLAYBOOK_PATH, 'utf8')) as { reasons: { code: string; phrases: { en: string[] } }[] };
    await writeFile(file, stringifyYaml(data));
    const input = join(dir, 'export.csv');
    await writeFile(input, 'customer_id,churn_date,revenue,margin_pct,reason,consent_email\nK1,2026-10-15,20000,30,zorglub,true\n');
    const reasonOf = async (out: string) => {
      const r = await runCli(['plan', input, '--out', join(dir, out), '--as-of', '2026-11-23', '--playbook', file, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      return readCsv(join(dir, out, 'plan.csv'))[0]?.reason_code;
    };
    const before = await reasonOf('before');
    expect(before).not.toBe('relocation');
    data.reasons.find((r) => r.code === 'relocation')?.phrases.en.push('zorglub');
    await writeFile(file, stringifyYaml(data));
    expect(await reasonOf('after')).toBe('relocation');
  });

  it('throws a DataError listing paths for an invalid file', async () => {
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ version: 1 }));
    const err = await loadPlaybook(join(dir, 'bad.json')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(/coolingOffDays/);
  });
});
