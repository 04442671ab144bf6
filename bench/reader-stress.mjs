#!/usr/bin/env node
// The reader on broken quoting: a big export with one stray quote near the top (and no other
// quote after it: nothing closes it), and an export holding one quoted field of many MiB, next
// to the clean exports. Each measurement runs in its own process (peak RSS per measurement):
//   read   stream the file and decode it as the reader does (64 KiB pieces): the floor
//   parse  the same, through the record parser with the header's width (io/csv/records.ts)
//   inspect  `winback inspect FILE --json`: the whole reader (conversion, checks, rejects)
// Medians over the rounds; ratios to `read` of the same file. Not a test: it times things.
//
// Usage: npm run build && node bench/reader-stress.mjs [--rows 200000] [--field-mib 100] [--rounds 3]
//        [--files clean,plain,stray,field,stray-big] [--modes read,parse,inspect] [--stray-mib 500]
//        [--parser path/to/csv-records.js]   (another build's parser, e.g. an older one, for comparison)
// Data goes to bench/data/ (git-ignored).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'bench', 'data');
const DIST = join(ROOT, 'dist');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};

if (argv[0] === '--child') await child(argv[1], argv[2], argv[3]);
else await main();

async function main() {
  if (!existsSync(join(DIST, 'io', 'csv', 'records.js'))) throw new Error('run npm run build first');
  const rows = Number(arg('rows', '200000'));
  const fieldMib = Number(arg('field-mib', '100'));
  const rounds = Number(arg('rounds', '3'));
  const parser = resolve(arg('parser', join(DIST, 'io', 'csv', 'records.js')));
  mkdirSync(DATA, { recursive: true });
  const clean = cleanFile(rows);
  const only = new Set(arg('files', 'clean,plain,stray,field').split(','));
  const strayMib = Number(arg('stray-mib', '500'));
  const plain = await plainFile(clean, rows);
  const files = [
    ...(only.has('clean') ? [['clean export', clean]] : []),
    ...(only.has('plain') ? [['clean, no quotes', plain]] : []),
    ...(only.has('stray') ? [['no quotes but one in row 10', await strayFile(plain, rows)]] : []),
    ...(only.has('field') ? [[`one ${fieldMib} MiB quoted field`, await fieldFile(clean, fieldMib)]] : []),
    ...(only.has('stray-big') ? [[`${strayMib} MiB, one quote in row 10`, await strayBigFile(plain, strayMib)]] : []),
  ];
  const modes = arg('modes', 'read,parse,inspect').split(',');
  const results = new Map();
  for (let round = 0; round < rounds; round++) {
    for (const [, file] of files) {
      for (const mode of modes) {
        const r = measure(mode, file, parser);
        const key = `${file}|${mode}`;
        results.set(key, [...(results.get(key) ?? []), r]);
      }
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\n${rounds} rounds, medians; parser ${parser === join(DIST, 'io', 'csv', 'records.js') ? 'of this build' : parser}\n`);
  console.log(`${'file'.padEnd(30)} ${'MiB'.padStart(6)}  ${'mode'.padEnd(8)} ${'s'.padStart(7)} ${'/ read'.padStart(7)} ${'peak MiB'.padStart(9)}  records`);
  for (const [label, file] of files) {
    const size = statSync(file).size / 2 ** 20;
    const read = median(results.get(`${file}|read`).map((r) => r.s));
    for (const mode of modes) {
      const rs = results.get(`${file}|${mode}`);
      const s = median(rs.map((r) => r.s));
      const peak = Math.max(...rs.map((r) => r.peakMib));
      console.log(`${label.padEnd(30)} ${size.toFixed(1).padStart(6)}  ${mode.padEnd(8)} ${s.toFixed(2).padStart(7)} ${(s / read).toFixed(2).padStart(7)} ${peak.toFixed(0).padStart(9)}  ${rs[0].note}`);
    }
  }
}

/** Runs one measurement in its own process; wall time from inside (read, parse) or of the process (inspect), peak RSS of the process. */
function measure(mode, file, parser) {
  const gnuTime = existsSync('/usr/bin/time');
  const cmd = mode === 'inspect' ? [process.execPath, join(ROOT, 'bin', 'winback.js'), 'inspect', file, '--json', '--as-of', '2026-11-23'] : [process.execPath, fileURLToPath(import.meta.url), '--child', mode, file, parser];
  const timeFile = join(DATA, '.time');
  const started = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, ...cmd], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, [join(ROOT, 'bench', 'rss-wrapper.mjs'), timeFile, ...cmd], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - started) / 1000;
  // GNU time writes "Command exited with non-zero status N" first when the run fails (inspect exits 65
  // on a mostly-rejected file): the figures are on the last line.
  const [, kib] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(/\s+/).map(Number);
  if (mode === 'inspect') {
    const report = JSON.parse(r.stdout);
    return { s: wall, peakMib: kib / 1024, note: `${report.rows.read} read = ${report.rows.accepted} + ${report.rows.rejected} rejected` };
  }
  if (r.status !== 0) throw new Error(`${mode} ${file}: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  return { s: out.ms / 1000, peakMib: kib / 1024, note: mode === 'parse' ? `${out.records} records, ${out.broken} broken` : `${out.chars} characters` };
}

/** In the child process: read (and parse) the file, print the time and counts. */
async function child(mode, file, parserPath) {
  const { createDecoder } = await import(pathToFileURL(join(DIST, 'io', 'csv', 'decode.js')).href);
  const { CsvRecordParser } = await import(pathToFileURL(parserPath).href);
  // The first 4 KiB only: a file of 500 MB does not fit in one string.
  const head = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  const got = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const header = head.subarray(0, got).toString('utf8').split('\n')[0];
  const width = header.split(',').length;
  const counts = { records: 0, broken: 0, chars: 0 };
  const sink = { record: () => void counts.records++, broken: () => void counts.broken++ };
  let parser;
  if (mode === 'parse') {
    // This build's parser, or an older one (constructor(delimiter, firstLine, atStart), a function as sink).
    const probe = new CsvRecordParser(',', { width });
    parser = typeof probe.snapshot === 'function' ? probe : new CsvRecordParser(',', 1, true);
  }
  const push = parser && (typeof parser.snapshot === 'function' ? (t) => parser.push(t, sink) : (t) => parser.push(t, () => void counts.records++));
  const started = performance.now();
  const decoder = createDecoder('utf8');
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  for await (const buf of stream) {
    for (let at = 0; at < buf.length; at += 1 << 16) {
      const text = decoder.write(buf.subarray(at, at + (1 << 16)));
      counts.chars += text.length;
      if (push && text) push(text);
    }
  }
  const tail = decoder.end();
  if (push && tail) push(tail);
  if (parser) {
    try {
      if (typeof parser.snapshot === 'function') parser.end(sink);
      else parser.end(() => void counts.records++);
    } catch (err) {
      counts.error = err.message;
    }
  }
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, ...counts }));
}

/**
 * The English benchmark export: 15 columns, RFC 4180 quoting, some quoted line breaks — from
 * ../shared/bench/gen.mjs when present (as npm run bench), else the project's generator.
 */
function cleanFile(rows) {
  const file = join(DATA, `stress-clean-${rows}.csv`);
  if (!existsSync(file)) {
    const shared = resolve(ROOT, '..', 'shared', 'bench', 'gen.mjs');
    if (existsSync(shared)) execFileSync(process.execPath, [shared, String(rows), 'en', `${file}.tmp`], { stdio: 'inherit' });
    else execFileSync(process.execPath, [join(ROOT, 'build', 'dev', 'generate-fixtures.js'), '--rows', String(rows), '--style', 'en', '--out', `${file}.tmp`], { stdio: 'inherit' });
    renameSync(`${file}.tmp`, file);
  }
  return file;
}

/** The clean export without a quote: each quoted field's text written plainly (',' → ' -', '"' → "'", line break → space). */
async function plainFile(clean, rows) {
  const file = join(DATA, `stress-plain-${rows}.csv`);
  if (existsSync(file)) return file;
  const text = readFileSync(clean, 'utf8').replace(/"((?:[^"]|"")*)"/g, (_, inner) => inner.replace(/""/g, "'").replace(/,/g, ' -').replace(/\r?\n/g, ' '));
  await writeAll(file, text);
  return file;
}

/** The export without quotes, but for one opened before the name of its 10th row: nothing closes it. */
async function strayFile(plain, rows) {
  const file = join(DATA, `stress-stray-${rows}.csv`);
  if (existsSync(file)) return file;
  const text = readFileSync(plain, 'utf8');
  let at = 0;
  for (let line = 0; line < 10; line++) at = text.indexOf('\n', at) + 1;
  const name = text.indexOf(',', at) + 1;
  await writeAll(file, `${text.slice(0, name)}"${text.slice(name)}`);
  return file;
}

/**
 * The stray-quote file grown to `mib` MiB: its rows, then the plain export's rows again and
 * again (the ids repeat: the parser does not mind, inspect reports them), written in pieces
 * so that building it takes no more memory than the plain export.
 */
async function strayBigFile(plain, mib) {
  const file = join(DATA, `stress-stray-${mib}mib.csv`);
  if (existsSync(file)) return file;
  const text = readFileSync(plain, 'utf8');
  const body = text.slice(text.indexOf('\n') + 1);
  let at = 0;
  for (let line = 0; line < 10; line++) at = text.indexOf('\n', at) + 1;
  const name = text.indexOf(',', at) + 1;
  const out = createWriteStream(`${file}.tmp`);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${text.slice(0, name)}"${text.slice(name)}`);
  for (let written = Buffer.byteLength(text); written < mib * 2 ** 20; written += Buffer.byteLength(body)) await write(body);
  out.end();
  await once(out, 'finish');
  renameSync(`${file}.tmp`, file);
  return file;
}

async function writeAll(file, text) {
  const out = createWriteStream(`${file}.tmp`);
  out.end(text);
  await once(out, 'finish');
  renameSync(`${file}.tmp`, file);
}

/** The clean export's first rows, one row whose reason is a quoted field of `mib` MiB of text lines, then more rows. */
async function fieldFile(clean, mib) {
  const file = join(DATA, `stress-field-${mib}mib.csv`);
  if (existsSync(file)) return file;
  const lines = readFileSync(clean, 'utf8').slice(0, 1 << 16).split('\n');
  const header = lines[0];
  const width = header.split(',').length;
  const out = createWriteStream(`${file}.tmp`);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${header}\n${lines.slice(1, 6).join('\n')}\n`);
  // A row of empty cells but the id and a quoted last field: the customer's long complaint.
  await write(`X-1${','.repeat(width - 2)},"`);
  const sentence = 'Kunde schreibt: die Lieferung kam wieder zu spät und niemand hat zurückgerufen.\n';
  const block = sentence.repeat(Math.ceil((1 << 16) / sentence.length));
  for (let written = 0; written < mib * 2 ** 20; written += Buffer.byteLength(block)) await write(block);
  await write(`"\n${lines.slice(6, 11).join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  renameSync(`${file}.tmp`, file);
  return file;
}
