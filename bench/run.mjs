#!/usr/bin/env node
// `npm run bench`: generates the benchmark exports, then runs the baselines and winback's
// commands alternately, each as its own process, and prints rows/s, median wall time, peak
// RSS and the ratio to the baselines.
//
// Usage: node bench/run.mjs [--rows 100000,1000000] [--rounds 3] [--only plan,pandas] [--keep] [--no-peers]
// Data goes to bench/data/ (git-ignored); outputs to a temp folder removed at the end.
// Peers: DuckDB and polars doing comparable work (../shared/bench/peers), installed once into
// bench/peers/ (git-ignored, benchmark only — never a dependency of the product).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createReadStream, createWriteStream } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'bench', 'data');
const SHARED = resolve(ROOT, '..', 'shared', 'bench');
const args = parseArgs(process.argv.slice(2));
const ROWS = String(args.rows ?? '100000,1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
const ROUNDS = Number(args.rounds ?? 3);
const ONLY = args.only ? new Set(String(args.only).split(',')) : undefined;
const AS_OF = '2025-01-01';
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const OUT = mkdtempSync(join(tmpdir(), 'winback-bench-'));

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=');
    out[k] = v ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true);
  }
  return out;
}

/** Generates `rows` rows in `style` (en | de | de1252) unless the file exists already. */
async function dataFile(rows, style) {
  mkdirSync(DATA, { recursive: true });
  const file = join(DATA, `${style}-${rows}.csv`);
  if (existsSync(file)) return file;
  if (style === 'de1252') {
    // The German export again, as Excel writes it without a BOM: Windows-1252.
    const { default: iconv } = await import('iconv-lite');
    const src = await dataFile(rows, 'de');
    let first = true;
    const recode = new Transform({
      transform(chunk, _e, cb) {
        let text = this.decoder.write(chunk);
        if (first && text) (first = false), (text = text.replace(/^\ufeff/, ''));
        cb(null, iconv.encode(text, 'win1252'));
      },
      flush(cb) { cb(null, iconv.encode(this.decoder.end() ?? '', 'win1252')); },
    });
    recode.decoder = iconv.getDecoder('utf8');
    await pipeline(createReadStream(src), recode, createWriteStream(`${file}.tmp`));
  } else if (existsSync(join(SHARED, 'gen.mjs'))) {
    execFileSync(process.execPath, [join(SHARED, 'gen.mjs'), String(rows), style, `${file}.tmp`], { stdio: 'inherit' });
  } else {
    execFileSync(process.execPath, [join(ROOT, 'build/dev/generate-fixtures.js'), '--rows', String(rows), '--style', style, '--out', `${file}.tmp`], { stdio: 'inherit' });
  }
  execFileSync('mv', [`${file}.tmp`, file]);
  return file;
}

/** Runs one process; resolves to {wall seconds, peak RSS MiB, code}. */
function measure(cmd, argv) {
  return new Promise((done) => {
    const timeFile = join(OUT, 'time.txt');
    const start = performance.now();
    const child = GNU_TIME
      ? spawn(GNU_TIME, ['-f', '%e %M', '-o', timeFile, cmd, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn(process.execPath, [join(ROOT, 'bench', 'rss-wrapper.mjs'), timeFile, cmd, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const wall = (performance.now() - start) / 1000;
      const [, kb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      done({ wall, rss: kb / 1024, code, stderr });
    });
  });
}

function hasPandas() {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import pandas'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const node = process.execPath;
const winback = join(ROOT, 'bin', 'winback.js');
const pandasScript = existsSync(join(SHARED, 'compute_pandas.py')) ? join(SHARED, 'compute_pandas.py') : join(ROOT, 'bench', 'pandas-baseline.py');
const pandas = hasPandas();
const PEERS = args['no-peers'] ? undefined : preparePeers();

/**
 * Copies ../shared/bench/peers into bench/peers/ (shared/ may be read-only) and installs its
 * npm packages there once. Undefined with a reason when that cannot be done (no shared/ or
 * no registry): the table then says the peers were skipped.
 */
function preparePeers() {
  const src = join(SHARED, 'peers');
  if (!existsSync(join(src, 'duckdb-run.mjs'))) return { skipped: 'skipped: ../shared/bench/peers not found' };
  const dir = join(ROOT, 'bench', 'peers');
  mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'duckdb-run.mjs', 'polars-run.mjs', 'plan-sql.mjs', 'patterns.json', 'playbook.json']) {
    if (existsSync(join(src, f))) writeFileSync(join(dir, f), readFileSync(join(src, f)));
  }
  if (!existsSync(join(dir, 'node_modules', '@duckdb')) || !existsSync(join(dir, 'node_modules', 'nodejs-polars'))) {
    try {
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      return { skipped: 'skipped: npm install of the peers failed' };
    }
  }
  return { dir };
}

/** The measured commands for one row count. */
async function commandsFor(rows) {
  const en = await dataFile(rows, 'en');
  const de = await dataFile(rows, 'de');
  const de1252 = await dataFile(rows, 'de1252');
  const o = (name) => join(OUT, `${name}-${rows}`);
  const list = [
    { name: 'csv-parse→csv-stringify', kind: 'baseline', cmd: node, argv: [join(ROOT, 'bench', 'passthrough.mjs'), en, `${o('pass')}.csv`] },
    pandas
      ? { name: 'pandas', kind: 'baseline', cmd: '/usr/bin/python3', argv: [pandasScript, en, `${o('pandas')}.csv`] }
      : { name: 'pandas', skipped: 'skipped: pandas not installed' },
    { name: 'plan en', cmd: node, argv: [winback, 'plan', en, '--out', o('plan-en'), '--as-of', AS_OF, '--quiet'] },
    // The same on one thread: the memory floor, and what a one-CPU machine gets.
    { name: 'plan en --threads 1', cmd: node, argv: [winback, 'plan', en, '--out', o('plan-en-1'), '--as-of', AS_OF, '--quiet', '--threads', '1'] },
    { name: 'plan de (UTF-8 BOM)', cmd: node, argv: [winback, 'plan', de, '--out', o('plan-de'), '--as-of', AS_OF, '--quiet'] },
    { name: 'plan de (Win-1252)', cmd: node, argv: [winback, 'plan', de1252, '--out', o('plan-de1252'), '--as-of', AS_OF, '--quiet'] },
    // Two passes (the choice needs every row first): a fifth of a currency unit per row buys ~30 % of the win-back contacts.
    { name: 'plan en --budget', cmd: node, argv: [winback, 'plan', en, '--out', o('plan-en-budget'), '--as-of', AS_OF, '--quiet', '--budget', String(rows / 5)] },
    { name: 'campaign en', cmd: node, argv: [winback, 'campaign', en, '--out', o('campaign-en'), '--as-of', AS_OF, '--quiet'] },
    { name: 'report en', cmd: node, argv: [winback, 'report', en, '--html', `${o('report-en')}.html`, '--as-of', AS_OF] },
    ...peerCommands(en, o),
    { name: 'reasons en', cmd: node, argv: [winback, 'reasons', en, '--reasons-out', `${o('reasons-en')}.csv`] },
  ];
  if (existsSync(join(ROOT, 'bench', 'clv-fit.mjs'))) list.push({ name: 'clv fit (summaries)', cmd: node, argv: [join(ROOT, 'bench', 'clv-fit.mjs'), String(rows)] });
  return list.filter((c) => !ONLY || [...ONLY].some((w) => c.name.includes(w)));
}

/** DuckDB and polars: the plan's comparable work and the read-write floor (no work). */
function peerCommands(file, o) {
  if (!PEERS) return [];
  const names = ['duckdb plan', 'duckdb floor', 'polars plan', 'polars floor'];
  if (PEERS.skipped) return names.map((name) => ({ name, skipped: PEERS.skipped }));
  const run = (tool, mode) => ({
    name: `${tool} ${mode}`, kind: 'baseline', cmd: node,
    argv: [join(PEERS.dir, `${tool}-run.mjs`), mode, file, o(`${tool}-${mode}`)],
  });
  return [run('duckdb', 'plan'), run('duckdb', 'floor'), run('polars', 'plan'), run('polars', 'floor')];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

async function main() {
  const cpu = cpus()[0]?.model ?? 'unknown';
  console.log(`machine: ${cpus().length} CPUs (${cpu}), node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`rounds: ${ROUNDS}; rows: ${ROWS.join(', ')}; timing: ${GNU_TIME ? 'GNU time' : 'resourceUsage wrapper'}\n`);
  const lines = [];
  for (const rows of ROWS) {
    const cmds = await commandsFor(rows);
    const results = new Map(cmds.map((c) => [c.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the commands so that machine load falls on all of them alike.
      for (const c of cmds) {
        if (c.skipped) continue;
        const r = await measure(c.cmd, c.argv);
        if (r.code !== 0) throw new Error(`${c.name} failed (exit ${r.code}):\n${r.stderr}`);
        results.get(c.name).push(r);
        process.stderr.write(`  ${rows} ${c.name} round ${round + 1}: ${r.wall.toFixed(2)} s, ${r.rss.toFixed(0)} MiB\n`);
      }
    }
    const wallOf = (name) => (results.get(name)?.length ? median(results.get(name).map((r) => r.wall)) : undefined);
    const pandasWall = wallOf('pandas');
    const passWall = wallOf('csv-parse→csv-stringify');
    const duckWall = wallOf('duckdb plan');
    const floorWall = wallOf('duckdb floor');
    for (const c of cmds) {
      if (c.skipped) {
        lines.push([c.name, rows, '', '', '', c.skipped, '', '', '']);
        continue;
      }
      const rs = results.get(c.name);
      const wall = median(rs.map((r) => r.wall));
      const rss = Math.max(...rs.map((r) => r.rss));
      const ratio = (base) => (base ? (wall / base).toFixed(2) : '—');
      lines.push([c.name, rows, Math.round(rows / wall).toLocaleString('en'), wall.toFixed(2), rss.toFixed(0), ratio(pandasWall), ratio(duckWall), ratio(floorWall), ratio(passWall)]);
    }
  }
  const head = ['command', 'rows', 'rows/s', 'median s', 'peak MiB', '/ pandas', '/ duckdb', '/ floor', '/ csv-parse'];
  const widths = [24, 9, 11, 9, 9, 9, 9, 9, 11];
  console.log(head.map((h, i) => (i === 0 ? pad(h, widths[i]) : lpad(h, widths[i]))).join(' '));
  for (const l of lines) console.log(l.map((v, i) => (i === 0 ? pad(v, widths[i]) : lpad(v, widths[i]))).join(' '));
  if (!args.keep) rmSync(OUT, { recursive: true, force: true });
  else console.log(`\noutputs kept in ${OUT}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
