// Benchmark: `winback clv` on large transaction files — summarising streams, so peak memory
// should depend on the number of customers, not on the number of lines.
// Usage: npx tsc -p tsconfig.json && node bench/clv-summarize.mjs [--lines 1000000,10000000]
//        [--customers 200000] [--order sorted|any|both]
// Files are generated (streaming, seeded) into bench/data/, which git ignores, and reused.
// Each run is a separate process measured by /usr/bin/time -v when present, else by the
// child's own process.resourceUsage().
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { betaDraw, gammaDraw } from '../dist/domain/clv/simulate.js';
import { mulberry32 } from '../dist/domain/random.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'bench', 'data');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

if (process.argv[2] === '--child') await child(process.argv.slice(3));
else await parent();

async function parent() {
  const lineCounts = arg('lines', '1000000,10000000').split(',').map(Number);
  const customers = Number(arg('customers', '200000'));
  const orderArg = arg('order', 'sorted');
  const orders = orderArg === 'both' ? ['sorted', 'any'] : [orderArg];
  mkdirSync(dataDir, { recursive: true });
  const results = [];
  for (const lines of lineCounts) {
    const file = path.join(dataDir, `clv-transactions-${lines}-${customers}.csv`);
    if (!existsSync(file)) {
      const start = performance.now();
      await generate(file, lines, customers);
      console.log(`generated ${path.relative(root, file)} (${mb(statSync(file).size)} MB) in ${secs(start)} s`);
    }
    for (const order of orders) {
      const r = measure(['clv', file, '--out', path.join(dataDir, 'clv-out'), '--as-of', '2026-12-31', '--order', order, '--json']);
      const report = JSON.parse(r.stdout);
      results.push({ lines, customers: report.data.customers, size: mb(statSync(file).size), order, wall: r.wall, rss: r.rssMb, rate: Math.round(lines / r.wall) });
      console.log(`${lines.toLocaleString('en')} lines, --order ${order}: ${r.wall.toFixed(1)} s, peak RSS ${r.rssMb} MB (${r.how})`);
    }
  }
  console.log(`\n| lines | customers | file MB | order | wall s | lines/s | peak RSS MB |\n|---|---|---|---|---|---|---|`);
  for (const r of results) console.log(`| ${r.lines.toLocaleString('en')} | ${r.customers.toLocaleString('en')} | ${r.size} | ${r.order} | ${r.wall.toFixed(1)} | ${r.rate.toLocaleString('en')} | ${r.rss} |`);
  console.log(`\nNode ${process.version}, ${process.arch}, ${(await import('node:os')).cpus().length} CPUs`);
}

/** One whole-process run; wall time and peak RSS. */
function measure(args) {
  const bin = path.join(root, 'bin', 'winback.js');
  if (existsSync('/usr/bin/time')) {
    const start = performance.now();
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = (performance.now() - start) / 1000;
    if (r.status !== 0) throw new Error(`winback clv failed (${r.status}): ${r.stderr}`);
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
    return { stdout: r.stdout, wall, rssMb: Math.round(kb / 1024), how: '/usr/bin/time -v' };
  }
  const start = performance.now();
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - start) / 1000;
  const cut = out.lastIndexOf('\nRSS ');
  return { stdout: out.slice(0, cut), wall, rssMb: Math.round(Number(out.slice(cut + 5)) / 1024), how: 'process.resourceUsage' };
}

async function child(args) {
  const { main } = await import('../dist/cli/main.js');
  const code = await main(args);
  process.stdout.write(`\nRSS ${process.resourceUsage().maxRSS}\n`);
  process.exitCode = code;
}

/**
 * Writes `lines` transactions over 2025–2026 drawn from BG/NBD-like customers (Poisson purchase
 * rates and drop-out probabilities that differ between customers, Gamma-Gamma spend), so the fits
 * behave as on real data; about `customers` customers. Customers come in blocks of 1,000 whose
 * rows are sorted by date, so they interleave as in an order export while each customer's rows
 * stay in date order. Seeded; never holds more than one block.
 */
async function generate(file, lines, customers) {
  const temp = `${file}.partial`;
  const out = createWriteStream(temp);
  const random = mulberry32(20261123);
  const perCustomer = lines / customers;
  const start = Date.UTC(2025, 0, 1) / 86_400_000;
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('customer_id,order_date,amount\n');
  let written = 0;
  let id = 0;
  while (written < lines) {
    const block = [];
    for (let c = 0; c < 1000 && written + block.length < lines; c++, id++) {
      // Rate per day with mean 2·perCustomer/730 (drop-out takes about half), drop-out mean 1/perCustomer.
      const rate = (gammaDraw(1.5, 1.5, random) * 2 * perCustomer) / 730;
      const drop = Math.min(1, (betaDraw(2, 6, random) * 4) / perCustomer);
      const nu = gammaDraw(4, 60, random);
      let day = Math.floor(random() * 540);
      while (day < 730 && written + block.length < lines) {
        block.push([day, id, gammaDraw(6, nu, random)]);
        if (random() < drop) break;
        day += Math.max(1, Math.round(-Math.log(1 - random()) / rate));
      }
    }
    block.sort((u, v) => u[0] - v[0]);
    let text = '';
    for (const [day, cid, amount] of block) {
      text += `C${String(cid).padStart(7, '0')},${new Date((start + day) * 86_400_000).toISOString().slice(0, 10)},${amount.toFixed(2)}\n`;
      if (text.length > 1 << 16) {
        await write(text);
        text = '';
      }
    }
    await write(text);
    written += block.length;
  }
  out.end();
  await once(out, 'finish');
  renameSync(temp, file);
}

function mb(bytes) {
  return Math.round(bytes / 1e6);
}

function secs(start) {
  return ((performance.now() - start) / 1000).toFixed(1);
}
