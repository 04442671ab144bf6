// Benchmark: fit BG/NBD and Gamma-Gamma on 1,000,000 synthetic customers' summaries.
// Usage: npx tsc -p tsconfig.json && node bench/clv-fit.mjs [customers] [--continuous]
// By default times are rounded to whole days, as summaries of real transaction files are
// (identical rows then merge into weights); --continuous keeps every row distinct (worst case).
import { fitBgNbd } from '../dist/domain/clv/bgnbd.js';
import { fitGammaGamma } from '../dist/domain/clv/gamma-gamma.js';
import { simulateBgNbd, simulateSpend } from '../dist/domain/clv/simulate.js';
import { mulberry32 } from '../dist/domain/random.js';

const customers = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const continuous = process.argv.includes('--continuous');
const truthBg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const truthGg = { p: 6.25, q: 3.74, v: 15.44 };

const seconds = (start) => ((performance.now() - start) / 1000).toFixed(2);
const random = mulberry32(20240601);

let start = performance.now();
// Ages between one week and a year, in weeks; day-stamped unless --continuous.
const T = Float64Array.from({ length: customers }, () => {
  const days = 7 + 358 * random();
  return (continuous ? days : Math.floor(days)) / 7;
});
const rfm = simulateBgNbd(truthBg, T, random);
if (!continuous) for (let i = 0; i < customers; i++) rfm.tX[i] = Math.min(Math.round(rfm.tX[i] * 7) / 7, T[i]);
const m = simulateSpend(truthGg, rfm.x, random);
console.log(`simulated ${customers.toLocaleString('en')} customers (${continuous ? 'continuous times' : 'day resolution'}) in ${seconds(start)} s`);

start = performance.now();
const bg = fitBgNbd(rfm);
console.log(`BG/NBD fit: ${seconds(start)} s, ${bg.rows.toLocaleString('en')} distinct rows, ${bg.iterations} iterations, ${bg.evaluations} evaluations, converged ${bg.converged}`);
console.log(`  r ${bg.r.toFixed(4)} alpha ${bg.alpha.toFixed(4)} a ${bg.a.toFixed(4)} b ${bg.b.toFixed(4)} (truth ${Object.values(truthBg).join(', ')}), LL ${bg.logLikelihood.toFixed(2)}`);

start = performance.now();
const gg = fitGammaGamma({ x: rfm.x, m });
console.log(`Gamma-Gamma fit: ${seconds(start)} s, ${gg.n.toLocaleString('en')} repeat customers, ${gg.iterations} iterations, converged ${gg.converged}`);
console.log(`  p ${gg.p.toFixed(4)} q ${gg.q.toFixed(4)} v ${gg.v.toFixed(4)} (truth ${Object.values(truthGg).join(', ')})`);

const { maxRSS } = process.resourceUsage();
console.log(`peak RSS ${(maxRSS / 1024).toFixed(0)} MB (Node ${process.version}, ${process.arch})`);
