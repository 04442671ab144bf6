#!/usr/bin/env node
// What the contact ledger costs a campaign run: the same 1,000-row export, run against ledgers
// of different lengths (a year of weekly runs at 20,000 contacts is 1.04 million entries).
// Each run is its own process on a fresh copy of the ledger; wall time and peak RSS come from
// GNU time (or bench/rss-wrapper.mjs, without CPU time). Prints the median wall and CPU time, the
// highest peak RSS and the ratios to the smallest ledger. Not a test: figures go to bench/README.md by hand.
//
// Usage: npm run build && node bench/ledger.mjs [--entries 1000,1040000] [--rounds 3] [--bin bin/winback.js]
import { execFileSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'bench', 'data');
const args = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])));
const SIZES = String(args.entries ?? '1000,1040000').split(',').map((s) => Number(s.replace(/_/g, '')));
const ROUNDS = Number(args.rounds ?? 3);
const BIN = resolve(ROOT, args.bin ?? 'bin/winback.js');
const AS_OF = '2026-11-23';
const WEEKLY = 20_000;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

if (!existsSync(join(ROOT, 'build', 'dev', 'generate-fixtures.js'))) throw new Error('run npm run build first');
mkdirSync(DATA, { recursive: true });
const OUT = mkdtempSync(join(tmpdir(), 'winback-ledger-bench-'));

/** The 1,000-row English export of the fixtures' generator. */
async function exportFile() {
  const file = join(DATA, 'ledger-export-1000.csv');
  if (!existsSync(file)) {
    const { generateLostCustomers } = await import(join(ROOT, 'build', 'dev', 'generate-fixtures.js'));
    writeFileSync(file, generateLostCustomers({ rows: 1000, seed: 11, style: 'en' }));
  }
  return file;
}

const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
/** ISO week label of a date (Thursday rule). */
function isoWeek(ms) {
  const d = new Date(ms);
  const thursday = new Date(ms + (3 - ((d.getUTCDay() + 6) % 7)) * DAY);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return `${thursday.getUTCFullYear()}-W${String(Math.floor((thursday - jan1) / DAY / 7) + 1).padStart(2, '0')}`;
}

/**
 * A ledger of `entries` lines: weekly campaigns up to a week before as-of, 20,000 contacts a
 * week (fewer weeks for a short ledger), customers coming back every 13 weeks; one in fifty
 * entries is a customer of the export, so the run finds some of them too soon to contact.
 */
async function ledgerFile(entries) {
  const file = join(DATA, `ledger-${entries}.csv`);
  if (existsSync(file)) return file;
  const weeks = Math.max(1, Math.min(52, Math.ceil(entries / WEEKLY)));
  const perWeek = Math.ceil(entries / weeks);
  const channels = ['letter', 'email', 'phone', 'visit'];
  const measures = ['price:discount', 'service:upgrade', 'competitor_offer:bundle', 'unknown:none'];
  const out = createWriteStream(`${file}.tmp`);
  out.write('customer_id,channel,campaign_date,campaign_id,measure,outcome\n');
  let written = 0;
  for (let w = weeks; w >= 1 && written < entries; w--) {
    const day = Date.parse(AS_OF) - w * 7 * DAY;
    const date = isoDay(day);
    const campaign = isoWeek(day);
    let chunk = '';
    for (let i = 0; i < perWeek && written < entries; i++, written++) {
      const id = i % 50 === 0 ? `C-${String(((w * 7 + i) % 1000) + 1).padStart(5, '0')}` : `K${String((w % 13) * perWeek + i).padStart(8, '0')}`;
      chunk += `${id},${channels[i % 4]},${date},${campaign},${measures[i % 4]},${i % 10 === 0 ? 'control' : 'contacted'}\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  execFileSync('mv', [`${file}.tmp`, file]);
  return file;
}

function runOnce(exportPath, ledger, tag) {
  const copy = join(OUT, `ledger-${tag}.csv`);
  copyFileSync(ledger, copy);
  const out = join(OUT, `out-${tag}`);
  const timeFile = join(OUT, `time-${tag}`);
  const cmd = [process.execPath, BIN, 'campaign', exportPath, '--out', out, '--as-of', AS_OF, '--ledger', copy, '--quiet'];
  if (GNU_TIME) execFileSync(GNU_TIME, ['-f', '%e %M %U %S', '-o', timeFile, ...cmd], { stdio: 'inherit' });
  else execFileSync(process.execPath, [join(ROOT, 'bench', 'rss-wrapper.mjs'), timeFile, ...cmd], { stdio: 'inherit' });
  const [wall, rssKib, user, sys] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
  rmSync(out, { recursive: true, force: true });
  rmSync(copy, { force: true });
  rmSync(`${copy}.state.json`, { force: true });
  return { wall, rssMib: rssKib / 1024, cpu: user === undefined ? NaN : user + sys };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const exportPath = await exportFile();
  const ledgers = [];
  for (const n of SIZES) ledgers.push({ n, file: await ledgerFile(n), walls: [], cpus: [], rss: 0 });
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the sizes round by round, so that load on the machine falls on all alike.
    for (const l of round % 2 === 0 ? ledgers : [...ledgers].reverse()) {
      const r = runOnce(exportPath, l.file, `${l.n}-${round}`);
      l.walls.push(r.wall);
      l.cpus.push(r.cpu);
      l.rss = Math.max(l.rss, r.rssMib);
    }
  }
  const base = median(ledgers[0].walls);
  const baseCpu = median(ledgers[0].cpus);
  console.log(`campaign of a 1,000-row export, ${ROUNDS} rounds (${BIN})`);
  console.log('| ledger entries | median wall s | all rounds s | median CPU s (user+sys) | peak RSS MiB | wall vs smallest | CPU vs smallest |');
  console.log('|---|---|---|---|---|---|---|');
  for (const l of ledgers) {
    const cpu = median(l.cpus);
    console.log(`| ${l.n} | ${median(l.walls).toFixed(2)} | ${l.walls.map((w) => w.toFixed(2)).join(' ')} | ${cpu.toFixed(2)} | ${l.rss.toFixed(0)} | ${(median(l.walls) / base).toFixed(2)} | ${(cpu / baseCpu).toFixed(2)} |`);
  }
} finally {
  rmSync(OUT, { recursive: true, force: true });
}
