import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { generateLostCustomers } from '../../dev/generate-fixtures.js';
import { emptyTotals } from '../../src/domain/plan/summary.js';
import { EXCEL_DE_CSV, PLAIN_CSV, type CsvFormat } from '../../src/io/csv/write.js';
import { PlanFiles } from '../../src/io/plan/output.js';
import { countLineBreaks, defaultThreads, letStandbyGo, PARALLEL_MIN_BYTES, planAllRows, resolveParallelMinBytes, resolveThreads, standByWorkers, useWorkers, workersOnStandby } from '../../src/engine/parallel-plan.js';
import { createPiecePlanner, decodeParts, INTS_PER_ROW, type ResultBuffers } from '../../src/engine/plan-pieces.js';
import { planExport } from '../../src/engine/index.js';
import { withDuplicatesResolved } from '../../src/engine/row-loop.js';
import type { CampaignRules } from '../../src/domain/campaign/campaign.js';
import type { ContactLookup } from '../../src/domain/campaign/contact-history.js';
import { spoolChoices, type ChoiceSettings } from '../../src/commands/campaign/choices.js';
import { createProjection as createReportProjection, itemOf } from '../../src/pipeline/report-project.js';
import { loadPlanSetup, openLostCustomers, type LoadedPlanSetup } from '../../src/pipeline/plan-setup.js';
import { planOptions } from '../../src/cli/plan-options.js';
import { memoryContext } from '../support/memory-context.js';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { propertyRuns } from '../support/property.js';

const AS_OF = '2026-11-23';

interface Outcome {
  plan?: string;
  rejects?: string;
  stats?: unknown;
  totals?: unknown;
  error?: string;
}

let loadedOnce: Promise<LoadedPlanSetup> | undefined;

/**
 * The default playbook and config, loaded once for the file: loading them is most of the cost
 * of planning a few rows, and a plan never changes them (the classifier's caches aside, which
 * give what a fresh classifier gives: test/domain/reasons-cache.test.ts).
 */
function defaultSetup(): Promise<LoadedPlanSetup> {
  loadedOnce ??= loadPlanSetup(memoryContext({ cwd: ROOT }).ctx, planOptions(memoryContext({ cwd: ROOT }).ctx, { asOf: AS_OF }));
  return loadedOnce;
}

/**
 * Plans `file` on one thread, or on `threads` (this one and workers) cutting it into pieces of
 * `pieceBytes`; the planners write their runs in segments of as many bytes (so that small
 * pieces also exercise runs written in several segments and records larger than one) and
 * decode each piece in parts of a quarter of that (down to a line each).
 */
async function planOnce(file: string, threads: number, pieceBytes: number, fmt: CsvFormat = PLAIN_CSV): Promise<Outcome> {
  const { ctx } = memoryContext({ cwd: ROOT });
  const out = tempDir();
  try {
    const loaded = await defaultSetup();
    const first = await openLostCustomers(ctx, file, loaded);
    // As the plan command does: a second reading when a later row of a duplicated id wins.
    const { opened, made: totals } = await withDuplicatesResolved(ctx, file, loaded, first, async (o) => {
      const files = await PlanFiles.open(out, o.headers, fmt, o.dialect.delimiter);
      const t = emptyTotals();
      try {
        await planAllRows(o, loaded.setup, files, t, { threads, fmt, pieceBytes, segmentBytes: pieceBytes, partBytes: Math.max(1, pieceBytes >> 2), minParallelBytes: 0 });
        if (o.duplicates?.rerun && o.rereads) await files.abort();
        else await files.commit();
      } catch (err) {
        await files.abort();
        throw err;
      }
      return t;
    }, () => undefined);
    return {
      plan: readFileSync(join(out, 'plan.csv'), 'utf8'),
      rejects: readFileSync(join(out, 'rejects.csv'), 'utf8'),
      stats: opened.stats,
      totals,
    };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Plans `content` both ways and expects the same outputs, byte for byte. */
async function expectSameBothWays(content: string | Buffer, pieceBytes: number, fmt: CsvFormat = PLAIN_CSV, threads = 2): Promise<Outcome> {
  const dir = tempDir();
  const file = join(dir, 'export.csv');
  writeFileSync(file, content);
  const one = await planOnce(file, 1, pieceBytes, fmt);
  const parallel = await planOnce(file, threads, pieceBytes, fmt);
  expect(parallel).toEqual(one);
  return one;
}

const HEADER = 'customer_id,churn_date,revenue,margin_pct,reason,consent_email\n';
const reasonCell = fc.constantFrom(
  'zu teuer',
  '"Preis, Service und Lieferzeit bemängelt"',
  '"Kunde: ""nie wieder"""',
  '"Umzug\nins Ausland"',
  '"a\r\nb\r\nc, d"',
  '=HYPERLINK("x")',
  '"ein ""Zitat"", dann\nzwei\nZeilen"',
  '',
  'moved abroad',
  '"unclosed, then closed\n"',
  // A stray quote: the reader finds the next record boundary again, the same way on every thread.
  '"stray, never closed',
);
const idCell = fc.constantFrom('K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10', 'K11', 'K12');
const rowText = fc
  .tuple(idCell, fc.constantFrom('2024-03-31', '31.03.2024', '2024-02-30', ''), fc.constantFrom('1234.56', '99', '', 'zwölf'), fc.constantFrom('30', '', '140'), reasonCell, fc.constantFrom('true', 'false', ''))
  .map((cells) => cells.join(','));
const lineEnd = fc.constantFrom('\n', '\r\n', '\n', '\r\n', '\r');

describe('winback plan with worker threads', () => {
  it.each([
    ['en', 97],
    ['en', 1000],
    ['de', 333],
    ['de', 4096],
  ] as const)('writes the same plan.csv, rejects.csv, counts and totals as one thread (%s, pieces of %i bytes)', async (style, pieceBytes) => {
    const text = generateLostCustomers({ rows: 250, seed: 7, style, badRows: true });
    const r = await expectSameBothWays(text, pieceBytes);
    expect(r.error).toBeUndefined();
    expect(r.plan?.split('\n').length).toBeGreaterThan(200);
  });

  it('holds for any mix of quoted line breaks, CR LF, lone CR, duplicates and bad values, cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(rowText, lineEnd), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 400 }), fc.boolean(), fc.integer({ min: 2, max: 3 }), async (rows, pieceBytes, finalBreak, threads) => {
        const body = rows.map(([r, end], i) => (i === rows.length - 1 && !finalBreak ? r : r + end)).join('');
        await expectSameBothWays(HEADER + body, pieceBytes, PLAIN_CSV, threads);
      }),
      // Each case starts worker threads (a fifth of a second each, seconds on a busy machine):
      // a few cases in every run, more with WINBACK_PROPERTY_RUNS (npm run test:long).
      propertyRuns(10),
    );
    // 25 runs, each starting worker threads twice: ~30 s on 2 busy CPUs, so more than the default.
  }, 180_000);

  it('passes over title lines above the header as one thread does, whatever the pieces cut', async () => {
    const rows = generateLostCustomers({ rows: 40, seed: 9, style: 'en', badRows: true });
    const width = (rows.split('\n')[0] as string).split(',').length;
    const title = `Lost customers Q3,${','.repeat(width - 2)}\n\n${','.repeat(width - 1)}\n`;
    for (const pieceBytes of [7, 61]) {
      const r = await expectSameBothWays(title + rows, pieceBytes);
      expect(r.error).toBeUndefined();
      expect(r.plan?.split('\n').length).toBeGreaterThan(30);
      expect(r.stats).toMatchObject({ blankLines: 3 });
    }
  });

  it('keeps a byte-order mark, a sep= line and Windows-1252 exactly as one thread reads them', async () => {
    const de = generateLostCustomers({ rows: 120, seed: 3, style: 'de', badRows: true });
    await expectSameBothWays(`\ufeffsep=;\n${de}`, 500);
    // Characters where Windows-1252 differs from Latin-1 (0x80–0x9F), and one it leaves undefined.
    const special = de.replace(/teuer/g, 'teuer – 5 € „zu viel“ …').replace(/Umzug/g, 'Umzug \u0081');
    expect(special).not.toBe(de);
    const r = await expectSameBothWays(iconv.encode(special, 'win1252'), 700);
    expect(r.plan).toContain('ü');
    expect(r.plan).toContain('– 5 € „zu viel“ …');
  });

  it('writes the same CSV for German Excel (BOM, ";", decimal comma, ="0…" for leading zeros)', async () => {
    const de = generateLostCustomers({ rows: 150, seed: 5, style: 'de', badRows: true });
    const lines = de.split('\n');
    // Not the first row: its id repeats later in the generated export, and the later row is used.
    lines[3] = (lines[3] as string).replace(/;\d{5};/, ';01067;');
    const r = await expectSameBothWays(lines.join('\n'), 900, EXCEL_DE_CSV);
    expect(r.plan?.startsWith('\ufeff')).toBe(true);
    expect(r.plan).toContain(';"=""01067""";');
  });

  it('rejects a duplicate id in a later piece with the line of the first', async () => {
    const rows = ['A1,2024-03-31,100,30,zu teuer,true', 'A2,2024-03-31,100,30,zu teuer,true', ...Array.from({ length: 40 }, (_, i) => `B${i},2024-03-31,100,30,zu teuer,true`), 'A1,2024-04-30,200,30,Umzug,true'];
    const r = await expectSameBothWays(HEADER + rows.join('\n') + '\n', 64);
    expect(r.rejects).toContain('44,A1,customer_id,A1,"duplicate customer_id, first seen on line 2"');
  });

  it('decides conflicting duplicate ids the same way: the newest row by date, else the most restrictive consent and objection', async () => {
    const filler = Array.from({ length: 40 }, (_, i) => `B${i},2024-03-31,100,30,zu teuer,true,yes,`);
    const undated = [
      'D1,2024-03-31,100,30,zu teuer,true,no,', ...filler, 'D1,2024-04-30,200,30,Umzug,false,no,',
      'D2,2024-03-31,100,30,zu teuer,false,no,', 'D2,2024-03-31,100,30,zu teuer,true,yes,',
      'D3,2024-03-31,100,30,zu teuer,false,yes,', 'D3,2024-05-31,100,30,Umzug,true,no,',
      'D4,2024-03-31,100,30,zu teuer,true,yes,', 'D4,2024-03-31,100,30,zu teuer,true,yes,Kunde wünscht keine Werbung mehr',
    ];
    const header = 'customer_id,churn_date,revenue,margin_pct,reason,consent_email,consent_letter,notes\n';
    const r = await expectSameBothWays(header + undated.join('\n') + '\n', 64);
    // D1: the later row is more restrictive (no e-mail) and is used; D2: the first row is already the more restrictive.
    expect(r.rejects).toContain('2,D1,customer_id,D1,"duplicate customer_id: line 43 is used, with the most restrictive consent and objection of lines 2, 43"');
    expect(r.rejects).toContain('45,D2,customer_id,D2,"duplicate customer_id: line 44 is used, with the most restrictive consent and objection of lines 44, 45"');
    expect(r.plan).toMatch(/\nD1,2024-04-30,200,30,Umzug,false,no,,/);
    // D3: neither row is the more restrictive; the later row is used with both refusals, and its cells say so.
    expect(r.plan).toMatch(/\nD3,2024-05-31,100,30,Umzug,no,no,,D3,.*consent and objection merged/);
    // D4: the later row objects in its notes: it is used, and never contacted.
    expect(r.rejects).toContain('48,D4,customer_id,D4,"duplicate customer_id: line 49 is used, with the most restrictive consent and objection of lines 48, 49"');
    expect(r.plan).toMatch(/\nD4,[^\n]*keine Werbung mehr,D4,price,[0-9.]+,never,/);
    const dated = ['E1,2024-03-31,100,30,zu teuer,false,no,,2025-01-10', ...filler.map((f) => `${f},2025-01-01`), 'E1,2024-03-31,100,30,zu teuer,true,yes,,2025-06-01', 'E2,2024-03-31,100,30,zu teuer,false,no,,2025-06-01', 'E2,2024-03-31,100,30,zu teuer,true,yes,,2025-02-01'];
    const d = await expectSameBothWays(`${header.trimEnd()},last_modified\n${dated.join('\n')}\n`, 64);
    expect(d.rejects).toContain('2,E1,customer_id,E1,"duplicate customer_id: line 43 is used, its last_modified is newer (2025-06-01, this row 2025-01-10)"');
    expect(d.rejects).toContain('45,E2,customer_id,E2,"duplicate customer_id: line 44 is used, its last_modified is newer (2025-06-01, this row 2025-02-01)"');
    expect(d.plan).toMatch(/\nE1,2024-03-31,100,30,zu teuer,true,yes,,2025-06-01,/);
  });

  it('reads on the same way after a stray quote, and fails the same way on a cut-off file, NUL bytes, a header without rows, and a header longer than a piece', async () => {
    const stray = await expectSameBothWays(`${HEADER}K1,2024-03-31,1,30,fine,true\nK2,2024-03-31,1,30,"never closed,true\nK3,2024-03-31,1,30,x,true\n`, 40);
    expect(stray.rejects).toMatch(/^3,K2,reason,"never closed,true",.*line 4 reads as a row of its own/m);
    expect(stray.stats).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    // A quoted field over some 40 pieces: planned piece after piece behind it, not on guesses.
    const spanning = await expectSameBothWays(`${HEADER}K1,2024-03-31,1,30,"${'Kunde schreibt: zu teuer\n'.repeat(100)}",true\nK2,2024-03-31,1,30,x,true\n`, 64);
    expect(spanning.stats).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    const cut = await expectSameBothWays(`${HEADER}K1,2024-03-31,1,30,fine,true\nK2,2024-03-31,1,30,"never\nclo`, 40);
    expect(cut.error).toMatch(/line 3: a quoted field opened here is never closed: the file ends inside it/);
    const padded = await expectSameBothWays(`${HEADER}K1,2024-03-31,1,30,fine,true\nK2,2024-0${'\0'.repeat(300)}`, 64);
    expect(padded.error).toMatch(/line 3: the last record is cut off and followed by NUL bytes/);
    const empty = await expectSameBothWays(HEADER, 16);
    expect(empty.error).toMatch(/has a header but no data rows/);
    const long = await expectSameBothWays(`${HEADER}K1,2024-03-31,1,30,x,true\n`, 8);
    expect(long.error).toBeUndefined();
  });

  it('hands back a run file that cannot be written as an I/O error naming the file', async () => {
    const { ctx } = memoryContext({ cwd: ROOT });
    const file = join(tempDir(), 'export.csv');
    writeFileSync(file, generateLostCustomers({ rows: 50, style: 'en', seed: 3 }));
    const loaded = await loadPlanSetup(ctx, planOptions(ctx, { asOf: AS_OF }));
    const opened = await openLostCustomers(ctx, file, loaded);
    const { vocabulary: _compiled, ...setup } = loaded.setup;
    const runPath = join(tempDir(), 'no-such-dir', 'worker-0.runs');
    const plan = createPiecePlanner({ reader: opened.pieceSpec, setup, fmt: PLAIN_CSV, runPath });
    const bytes = readFileSync(file);
    const input = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    const result = plan({ seq: 0, input, length: bytes.length, line: 1, options: { first: true, header: 1, final: true } });
    opened.release();
    expect(result.count).toBe(50);
    expect(result.error).toMatchObject({ io: true });
    expect(result.error?.message).toContain(runPath);
    expect(result.runEnd).toBe(result.runStart);
  });

  it('writes a piece\'s results into spent result arrays handed back with the job, when they are big enough', async () => {
    const { ctx } = memoryContext({ cwd: ROOT });
    const file = join(tempDir(), 'export.csv');
    writeFileSync(file, generateLostCustomers({ rows: 200, style: 'en', seed: 5 }));
    const loaded = await loadPlanSetup(ctx, planOptions(ctx, { asOf: AS_OF }));
    const opened = await openLostCustomers(ctx, file, loaded);
    opened.release();
    const { vocabulary: _compiled, ...setup } = loaded.setup;
    const plan = createPiecePlanner({ reader: opened.pieceSpec, setup, fmt: PLAIN_CSV, runPath: join(tempDir(), 'worker-0.runs') });
    const bytes = readFileSync(file);
    const job = (seq: number, reuse?: ResultBuffers) => ({
      seq, input: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), length: bytes.length, line: 1,
      options: { first: true, header: 1, final: true }, ...(reuse ? { reuse } : {}),
    });
    const fresh = plan(job(0));
    const spent = { ints: fresh.ints.buffer as ArrayBuffer, nums: fresh.nums.buffer as ArrayBuffer, ids: fresh.ids.buffer as ArrayBuffer };
    const reused = plan(job(1, spent));
    expect(reused.ints.buffer).toBe(spent.ints);
    expect(reused.nums.buffer).toBe(spent.nums);
    expect(reused.ids.buffer).toBe(spent.ids);
    const tooSmall = { ints: new ArrayBuffer(8), nums: new ArrayBuffer(8), ids: new ArrayBuffer(8) };
    const grown = plan(job(2, tooSmall));
    expect(grown.ints.buffer).not.toBe(tooSmall.ints);
    // The same rows give the same numbers, wherever they were written (run offsets aside: each plan appends a run).
    for (const r of [reused, grown]) {
      expect(r.count).toBe(fresh.count);
      expect([...r.nums]).toEqual([...fresh.nums]);
      expect([...r.ids]).toEqual([...fresh.ids]);
      expect([...r.ints].filter((_, i) => i % INTS_PER_ROW !== 5)).toEqual([...fresh.ints].filter((_, i) => i % INTS_PER_ROW !== 5));
    }
  });

  it('counts line breaks as the record parser does: LF, CR LF and a lone CR one each', () => {
    expect(countLineBreaks(Buffer.from('a\nb\r\nc\rd\r\n\n'))).toBe(5);
    expect(countLineBreaks(Buffer.from('no break'))).toBe(0);
  });

  it('decodes a piece in parts that end after a line feed and together are the whole text', () => {
    const line = fc.stringMatching(/^[a-zäöüß€ ;,"\r]{0,12}$/u);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.boolean(), fc.integer({ min: 1, max: 40 }), fc.constantFrom('utf8', 'win1252'), fc.boolean(), (lines, bom, partBytes, encoding, first) => {
        const text = lines.join('\n');
        const body = iconv.encode(text, encoding);
        const bytes = Buffer.concat([encoding === 'utf8' && bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), body]);
        const parts = [...decodeParts(bytes, encoding, first, partBytes)];
        const expected = (encoding === 'utf8' && bom && !first ? '\ufeff' : '') + text;
        expect(parts.join('')).toBe(expected);
        parts.slice(0, -1).forEach((p) => expect(p.endsWith('\n')).toBe(true));
        // A part longer than partBytes is one line that is longer on its own.
        for (const p of parts) {
          if (iconv.encode(p.replace(/^\ufeff/, ''), encoding).length > partBytes) expect(p.slice(0, -1)).not.toContain('\n');
        }
      }),
    );
  });

  it('uses workers only for large files in an encoding whose line feeds are bytes of their own', async () => {
    const { ctx } = memoryContext({ cwd: ROOT });
    const loaded = await loadPlanSetup(ctx, planOptions(ctx, { asOf: AS_OF }));
    const opened = await openLostCustomers(ctx, 'fixtures/lost-customers-en.csv', loaded);
    opened.release();
    expect(useWorkers(opened, 2)).toBe(false);
    expect(useWorkers(opened, 2, 1)).toBe(true);
    expect(useWorkers(opened, 1, 1)).toBe(false);
    expect(useWorkers({ ...opened, dialect: { ...opened.dialect, encoding: 'utf16le' } }, 2, 1)).toBe(false);
    expect(useWorkers({ ...opened, path: undefined }, 2, 1)).toBe(false);
  });

  it('starts workers on standby for a large enough file and more than one thread; the next run takes them or lets them go', async () => {
    const fixture = join(ROOT, 'fixtures/lost-customers-en.csv');
    await standByWorkers(fixture, 1, 1);
    expect(workersOnStandby()).toBe(0);
    await standByWorkers(fixture, 3, statSync(fixture).size + 1);
    expect(workersOnStandby()).toBe(0);
    await standByWorkers(join(ROOT, 'fixtures/no-such-export.csv'), 3, 1);
    expect(workersOnStandby()).toBe(0);
    await standByWorkers(fixture, 3, 1);
    expect(workersOnStandby()).toBe(2);
    // Another count of threads: the first ones go, as many as asked stand by.
    await standByWorkers(fixture, 2, 1);
    expect(workersOnStandby()).toBe(1);
    const { ctx } = memoryContext({ cwd: ROOT });
    const loaded = await loadPlanSetup(ctx, planOptions(ctx, { asOf: AS_OF }));
    const plans = [];
    for (const threads of [1, 2]) {
      const opened = await openLostCustomers(ctx, 'fixtures/lost-customers-en.csv', loaded);
      const out = tempDir();
      const run = await planExport(ctx, 'fixtures/lost-customers-en.csv', loaded, opened, {
        order: 'priority', threads, minParallelBytes: 1, fmt: PLAIN_CSV,
        start: (o) => PlanFiles.open(out, o.headers, PLAIN_CSV, o.dialect.delimiter),
        discard: (files) => files.abort(),
      });
      await run.made.commit();
      // None stands by after a run: one thread let the worker go, two took it (or, reading twice, started their own).
      expect(workersOnStandby()).toBe(0);
      plans.push(readFileSync(join(out, 'plan.csv')));
      await standByWorkers(fixture, 2, 1);
    }
    expect((plans[1] as Buffer).equals(plans[0] as Buffer)).toBe(true);
    letStandbyGo();
    expect(workersOnStandby()).toBe(0);
    // An export no worker can read (UTF-16): they go once it is open, before its rows are planned here.
    const utf16 = join(tempDir(), 'utf16.csv');
    writeFileSync(utf16, iconv.encode(readFileSync(fixture, 'utf8'), 'utf16le', { addBOM: true }));
    await standByWorkers(utf16, 2, 1);
    expect(workersOnStandby()).toBe(1);
    const opened = await openLostCustomers(ctx, utf16, loaded);
    let standingAtStart = -1;
    const out = tempDir();
    const run = await planExport(ctx, utf16, loaded, opened, {
      order: 'priority', threads: 2, minParallelBytes: 1, fmt: PLAIN_CSV,
      start: (o) => {
        standingAtStart = workersOnStandby();
        return PlanFiles.open(out, o.headers, PLAIN_CSV, o.dialect.delimiter);
      },
      discard: (files) => files.abort(),
    });
    await run.made.commit();
    expect(standingAtStart).toBe(0);
    expect(readFileSync(join(out, 'plan.csv')).equals(plans[0] as Buffer)).toBe(true);
  }, 60_000);

  it('exits with the error of a command that fails while its workers stand by (they keep no process alive)', () => {
    // A process of its own: the CLI as users start it, where a worker kept alive would hang it.
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/winback.js'), 'plan', 'fixtures/lost-customers-en.csv', '--out', tempDir(), '--as-of', AS_OF, '--threads', '3', '--config', 'no-such-config.yml'], {
      cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, WINBACK_PARALLEL_MIN_BYTES: '0' },
    });
    expect(r.stderr).toMatch(/config no-such-config\.yml: no such file/);
    expect(r.status).toBe(66);
  }, 90_000);

  it('reads --threads and WINBACK_THREADS; anything but a whole number from 1 to 64 is a usage error', () => {
    expect(resolveThreads('3', {})).toBe(3);
    expect(resolveThreads(undefined, { WINBACK_THREADS: '1' })).toBe(1);
    expect(resolveThreads(undefined, {})).toBeGreaterThanOrEqual(1);
    // one worker per CPU beside the reader, at most four threads; one CPU streams alone
    expect([1, 2, 3, 4, 16].map(defaultThreads)).toEqual([1, 3, 4, 4, 4]);
    expect(() => resolveThreads('0', {})).toThrow(/--threads '0'/);
    expect(() => resolveThreads('two', {})).toThrow(/whole number/);
  });

  it('plans with workers from 8 MiB, or from the size WINBACK_PARALLEL_MIN_BYTES gives; anything but a whole number of bytes is a usage error', () => {
    expect(PARALLEL_MIN_BYTES).toBe(8 * 1024 * 1024);
    expect(resolveParallelMinBytes({})).toBe(PARALLEL_MIN_BYTES);
    expect(resolveParallelMinBytes({ WINBACK_PARALLEL_MIN_BYTES: '' })).toBe(PARALLEL_MIN_BYTES);
    expect(resolveParallelMinBytes({ WINBACK_PARALLEL_MIN_BYTES: '0' })).toBe(0);
    expect(resolveParallelMinBytes({ WINBACK_PARALLEL_MIN_BYTES: '1048576' })).toBe(1 << 20);
    for (const bad of ['-1', '1.5', '8MiB', ' 1', '1e6']) expect(() => resolveParallelMinBytes({ WINBACK_PARALLEL_MIN_BYTES: bad }), bad).toThrow(/is not a whole number of bytes/);
    expect(() => resolveParallelMinBytes({ WINBACK_PARALLEL_MIN_BYTES: 'x' }, 'de')).toThrow(/WINBACK_PARALLEL_MIN_BYTES 'x' ist keine ganze Zahl/);
  });

  it('gives byte-identical outputs through the CLI with --threads 1 and --threads 2 on an export planned with workers', async () => {
    const dir = tempDir();
    const file = join(dir, 'large.csv');
    // Workers from the first byte (the default is 8 MiB): the export is planned by a worker, as a
    // large one is, in a fraction of the time (the tests above cut exports into many pieces).
    const env = { WINBACK_PARALLEL_MIN_BYTES: '0' };
    const rows = 2_000;
    const text = generateLostCustomers({ rows, seed: 11, style: 'en', badRows: true });
    // The first customer again on line 3, now with do-not-contact: that row wins, so the export
    // is read twice (on one thread the rest of the first reading only counts rows).
    const lines = text.split('\n');
    const objecting = (lines[1] as string).replace(/,[^,]*,([^,]*)$/, ',yes,$1');
    lines.splice(2, 0, objecting);
    writeFileSync(file, lines.join('\n'));
    const outs = [join(dir, 'one'), join(dir, 'two')];
    for (const o of outs) mkdirSync(o);
    const one = await runCli(['plan', file, '--out', outs[0] as string, '--as-of', AS_OF, '--threads', '1', '--quiet'], { env });
    const two = await runCli(['plan', file, '--out', outs[1] as string, '--as-of', AS_OF, '--threads', '2', '--quiet'], { env });
    expect([one.code, two.code]).toEqual([0, 0]);
    for (const name of ['plan.csv', 'rejects.csv', 'summary.json']) {
      expect(readFileSync(join(outs[1] as string, name)).equals(readFileSync(join(outs[0] as string, name)))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(outs[1] as string, 'summary.json'), 'utf8')).input_rows).toBeGreaterThan(rows - 10);
    const id = objecting.split(',')[0] as string;
    expect(readFileSync(join(outs[1] as string, 'rejects.csv'), 'utf8')).toContain(`2,${id},Customer ID,${id},"duplicate customer_id: line 3 is used, with the most restrictive consent and objection of lines 2,`);
  }, 240_000);

  it('refuses a WINBACK_PARALLEL_MIN_BYTES that is no whole number of bytes as a usage error (64)', async () => {
    const r = await runCli(['plan', 'fixtures/lost-customers-en.csv', '--out', tempDir(), '--as-of', AS_OF], { env: { WINBACK_PARALLEL_MIN_BYTES: '8MiB' } });
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/WINBACK_PARALLEL_MIN_BYTES '8MiB' is not a whole number of bytes from 0\nhint: unset it/);
  });

  it('refuses --threads 0 as a usage error (64)', async () => {
    const r = await runCli(['plan', 'fixtures/lost-customers-en.csv', '--out', tempDir(), '--as-of', AS_OF, '--threads', '0']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--threads '0' is not a whole number from 1 to 64/);
  });
});

/**
 * Plans `file` in input order through the engine's entry, as `report` and `campaign` get it:
 * on one thread, or on `threads` (workers forced on a small file, pieces of `pieceBytes`).
 * Gives every report item, or every campaign spool record in priority order with the pass's
 * counts, and every reject, the counts and totals.
 */
async function planInputOrder(file: string, command: 'report' | 'campaign', threads: number, pieceBytes: number, chunks = { n: 0 }): Promise<Outcome & { records?: string[] }> {
  const { ctx } = memoryContext({ cwd: ROOT });
  const forced = { threads, minParallelBytes: 0, pieceBytes, onChunk: () => void chunks.n++ };
  try {
    const loaded = await defaultSetup();
    const first = await openLostCustomers(ctx, file, loaded);
    if (command === 'report') {
      const { opened, made, totals } = await planExport(ctx, file, loaded, first, {
        order: 'input',
        start: () => ({ records: [] as string[], rejects: [] as string[] }),
        records: { module: new URL('../../src/pipeline/report-project.ts', import.meta.url).href, options: null, create: createReportProjection, take: (got, f) => void got.records.push(JSON.stringify(itemOf(f))) },
        reject: (got, r) => void got.rejects.push(JSON.stringify(r)),
        ...forced,
      });
      return { records: made.records, rejects: made.rejects.join('\n'), totals, stats: opened.stats };
    }
    const settings: ChoiceSettings = { loaded, outDir: tempDir(), fmt: PLAIN_CSV, rules: campaignRules(loaded), serial: undefined, threads };
    const { opened, made, totals } = await planExport(ctx, file, loaded, first, { ...spoolChoices(settings, () => undefined), ...forced });
    const records: string[] = [];
    for await (const r of made.spool.sorted()) records.push(JSON.stringify(r));
    await made.files.abort();
    return { records: [...records, JSON.stringify(made.counts)], totals, stats: opened.stats };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Campaign rules that reach every exclusion: a ledger that holds back some ids, a control group, randomised offers. */
function campaignRules(loaded: LoadedPlanSetup): CampaignRules {
  const { setup } = loaded;
  const ledger: ContactLookup = {
    check: (id) => (id.endsWith('3') ? 'too_soon' : id.endsWith('7') ? 'max_attempts' : 'ok'),
    heldOutBefore: () => false,
    contactedBefore: () => false,
    recordedNow: () => false,
  };
  return { asOf: setup.asOf, periodEnd: setup.asOf + 28, campaignId: 'test', permission: setup.config.permission, ledger, campaign: setup.config.campaign, holdout: 0.1, testOffers: 0.3, lang: setup.lang };
}

describe('the engine in input order with worker threads', () => {
  it.each([
    ['report', 'en', 500],
    ['report', 'de', 2048],
    ['campaign', 'en', 700],
    ['campaign', 'de', 2048],
  ] as const)('hands %s the same records, rejects, counts and totals in the same order as one thread (%s, pieces of %i bytes)', async (command, style, pieceBytes) => {
    // Bad rows, and the first rows again at the end: duplicated ids, which must never be handed on.
    const text = generateLostCustomers({ rows: 250, seed: 11, style, badRows: true });
    const lines = text.split('\n');
    const file = join(tempDir(), 'export.csv');
    writeFileSync(file, `${text.endsWith('\n') ? text : `${text}\n`}${lines.slice(1, 8).join('\n')}\n`);
    const one = await planInputOrder(file, command, 1, pieceBytes);
    const pieces = { n: 0 };
    const two = await planInputOrder(file, command, 2, pieceBytes, pieces);
    // Planned in pieces on workers, not in the one chunk a single thread reads this file in.
    expect(pieces.n).toBeGreaterThan(20);
    expect(one.error).toBeUndefined();
    expect(one.records?.length).toBeGreaterThan(200);
    const all = (one.records ?? []).join('\n');
    if (command === 'report') {
      // Objectors, several channels; and the copies are rejected as duplicates: none of their lines is handed on.
      expect(all).toContain('"decision":"never"');
      expect(new Set((one.records ?? []).map((r) => (JSON.parse(r) as { channel: string }).channel)).size).toBeGreaterThan(2);
      const copiesFrom = lines.length + (text.endsWith('\n') ? 0 : 1);
      expect(one.rejects?.split('\n').filter((r) => /"line":(\d+)/.exec(r) && Number(/"line":(\d+)/.exec(r)?.[1]) >= copiesFrom)).toHaveLength(7);
    } else {
      // Every kind of record: lists on several channels, the contact history's exclusions (settled on this thread), objectors.
      for (const part of ['1:L5:email', '1:L6:letter', '1:E8:too_soon', '1:E12:max_attempts', '1:E5:never', '1:E7:control']) expect(all).toContain(part);
    }
    expect(two).toEqual(one);
  }, 120_000);

  it('plans a campaign with a serial-defector guard on this thread alone', () => {
    const loaded = { setup: { lang: 'en', playbook: { retention: undefined } } } as unknown as LoadedPlanSetup;
    const serial = { reset: () => undefined, apply: (p: unknown) => p } as unknown as ChoiceSettings['serial'];
    const settings = { loaded, outDir: '', fmt: PLAIN_CSV, rules: { ledger: {} } as CampaignRules, threads: 2 };
    expect((spoolChoices({ ...settings, serial }, () => undefined) as { threads?: number }).threads).toBe(1);
    expect((spoolChoices({ ...settings, serial: undefined }, () => undefined) as { threads?: number }).threads).toBe(2);
  });
});

describe('an export that changes while it is read', () => {
  it.each([1, 2])('is refused (65) with nothing written, on %i thread(s): its rows may come from two versions', async (threads) => {
    const { ctx } = memoryContext({ cwd: ROOT });
    const loaded = await loadPlanSetup(ctx, planOptions(ctx, { asOf: AS_OF }));
    const file = join(tempDir(), 'export.csv');
    // Without repeated ids, so that the file is read once (a second reading has a check of its own).
    const text = generateLostCustomers({ rows: 400, style: 'en', seed: 5 });
    writeFileSync(file, text);
    const opened = await openLostCustomers(ctx, file, loaded);
    const out = tempDir();
    let discarded = false;
    const planning = planExport(ctx, file, loaded, opened, {
      order: 'priority', threads, minParallelBytes: 1, fmt: PLAIN_CSV,
      // The CRM writes more rows once the reading has begun.
      start: (o) => {
        writeFileSync(file, `${text}${text.split('\n')[1]}\n`);
        return PlanFiles.open(out, o.headers, PLAIN_CSV, o.dialect.delimiter);
      },
      discard: (files) => {
        discarded = true;
        return files.abort();
      },
    });
    await expect(planning).rejects.toMatchObject({ exitCode: 65, message: expect.stringMatching(/export\.csv changed while it was read/) });
    expect(discarded).toBe(true);
  });
});
