/**
 * Customers who never cancel, drawn from a BG/NBD process with known parameters (docs/clv.md
 * section 9): their transactions go through `winback clv` → `--lost-out` → `winback plan`, and
 * each plan is scored against the truth the simulation kept — who is still alive, at which rate
 * they buy, how much they spend. The response to a contact is the decision model's own (the
 * playbook's `unknown` reason on a letter): the test measures the purchase-model hand-over,
 * not the response model.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAYS_PER_MONTH, formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import { DEFAULT_MODEL_CONFIG } from '../../src/domain/defaults.js';
import { betaDraw, gammaDraw } from '../../src/domain/clv/simulate.js';
import { mulberry32 } from '../../src/domain/random.js';
import type { Channel } from '../../src/domain/playbook-types.js';
import { firstLifetime, reacquisitionProbability } from '../../src/domain/value/value.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';
import { readCsv, runCli } from './cli.js';

/** The simulation's parameters: chosen, in weeks (the clv default period). */
export const SILENT_CHURN = {
  seed: 21,
  customers: 4000,
  /** BG/NBD: λ ~ Gamma(r, alpha) per week, drop-out after each repeat purchase p ~ Beta(a, b) */
  bgNbd: { r: 0.6, alpha: 4, a: 0.8, b: 2.5 },
  /** Gamma-Gamma: each purchase ~ Gamma(p, ν), ν ~ Gamma(q, v); mean spend p·v/(q − 1) = 200 */
  gammaGamma: { p: 6, q: 4, v: 100 },
  /** calibration end = as-of date of clv and plan */
  asOf: '2026-06-30',
  /** first purchases uniform over this many weeks before the as-of date, at least minAgeWeeks */
  maxAgeWeeks: 104,
  minAgeWeeks: 26,
  /** "buying at a high rate": true λ of at least one purchase a month */
  highRatePerMonth: 1,
  /** the playbook's unknown reason (base rate 0.1) with its best offer (personal, odds 1.3) on a letter (€3) */
  baseRate: 0.1,
  offerOdds: 1.3,
  letterCost: 3,
  marginRate: DEFAULT_MODEL_CONFIG.defaultMarginPercent / 100,
} as const;

/** What the simulation knows of one customer and the plans do not. */
export interface TrueCustomer {
  id: string;
  alive: boolean;
  lambdaPerMonth: number;
  /** chance of dropping out after each purchase */
  dropout: number;
  /** expected margin over the value model's horizon if regained now, discounted as the value model does */
  regainedValue: number;
  /** the decision model's chance that a contact wins back this customer if gone */
  response: number;
  /** true expected profit of one letter: gone → response × regainedValue − cost; alive → −cost */
  contactValue: number;
}

/** Draws the customers, writes their transactions to `dir/transactions.csv` and returns the truth. */
export function simulateSilentChurners(dir: string): { file: string; truth: Map<string, TrueCustomer> } {
  const s = SILENT_CHURN;
  const random = mulberry32(s.seed);
  const end = parseIsoDay(s.asOf) as number;
  const rows: [number, string, number][] = [];
  const truth = new Map<string, TrueCustomer>();
  for (let i = 0; i < s.customers; i++) {
    const id = `S${String(i + 1).padStart(5, '0')}`;
    const ageWeeks = s.minAgeWeeks + random() * (s.maxAgeWeeks - s.minAgeWeeks);
    const lambda = gammaDraw(s.bgNbd.r, s.bgNbd.alpha, random);
    const dropout = betaDraw(s.bgNbd.a, s.bgNbd.b, random);
    const nu = gammaDraw(s.gammaGamma.q, s.gammaGamma.v, random);
    const firstDay = end - Math.floor(ageWeeks * 7);
    const days = [firstDay];
    let t = 0;
    let alive = true;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > ageWeeks) break;
      days.push(firstDay + Math.floor(t * 7));
      if (random() < dropout) {
        alive = false;
        break;
      }
    }
    for (const d of days) rows.push([d, id, gammaDraw(s.gammaGamma.p, nu, random)]);
    const lambdaPerMonth = lambda * (DAYS_PER_MONTH / 7);
    const regainedValue = s.marginRate * (s.gammaGamma.p / nu) * discountedPurchasesIfAlive(lambdaPerMonth, dropout);
    const distinct = new Set(days);
    const life = firstLifetime({ line: 0, customer_id: id, customer_since: firstDay, churn_date: days[days.length - 1] as number, orders: distinct.size, warnings: [] }, end, DEFAULT_MODEL_CONFIG);
    const response = reacquisitionProbability(s.baseRate, life, DEFAULT_MODEL_CONFIG.coefficients, s.offerOdds);
    const contactValue = (alive ? 0 : response * regainedValue) - s.letterCost;
    truth.set(id, { id, alive, lambdaPerMonth, dropout, regainedValue, response, contactValue });
  }
  rows.sort((p, q) => p[0] - q[0] || (p[1] < q[1] ? -1 : 1));
  const file = join(dir, 'transactions.csv');
  writeFileSync(file, `customer_id,date,amount\n${rows.map(([d, id, amount]) => `${id},${formatIsoDay(d)},${amount.toFixed(2)}`).join('\n')}\n`);
  return { file, truth };
}

/**
 * Σ_{m=1..H} E[purchases in month m | alive now] / (1 + d)^m for known λ (per month) and drop-out p:
 * purchases come at rate λ while alive, and alive at t has probability e^(−λ·p·t).
 */
export function discountedPurchasesIfAlive(lambdaPerMonth: number, dropout: number, months = DEFAULT_MODEL_CONFIG.horizonMonths): number {
  const { horizonMonths, annualDiscountRate } = DEFAULT_MODEL_CONFIG;
  const d = Math.pow(1 + annualDiscountRate, 1 / 12) - 1;
  const k = lambdaPerMonth * dropout;
  let value = 0;
  for (let m = 1; m <= Math.min(months, horizonMonths); m++) {
    const inMonth = k < 1e-12 ? lambdaPerMonth : (Math.exp(-k * (m - 1)) - Math.exp(-k * m)) / dropout;
    value += inMonth / Math.pow(1 + d, m);
  }
  return value;
}

/** How one plan's contacts fare under the truth. */
export interface ChurnScore {
  contacted: number;
  /** Σ true contact value of the customers contacted */
  value: number;
  /** value / the oracle's over all customers */
  share: number;
  /** value / the oracle's over the customers clv called lost (all that plan sees) */
  shareOfLost: number;
  aliveContacted: number;
  highRateAliveContacted: number;
}

/** Scores a set of contacted ids against the truth. */
export function scoreContacts(ids: Iterable<string>, truth: Map<string, TrueCustomer>, oracle: { all: number; lost: number }): ChurnScore {
  let contacted = 0;
  let value = 0;
  let aliveContacted = 0;
  let highRateAliveContacted = 0;
  for (const id of ids) {
    const c = truth.get(id);
    if (!c) throw new Error(`plan contacts '${id}', who is not in the simulation`);
    contacted++;
    value += c.contactValue;
    if (c.alive) aliveContacted++;
    if (c.alive && c.lambdaPerMonth >= SILENT_CHURN.highRatePerMonth) highRateAliveContacted++;
  }
  return { contacted, value, share: value / oracle.all, shareOfLost: value / oracle.lost, aliveContacted, highRateAliveContacted };
}

export interface SilentChurnRun {
  customers: number;
  alive: number;
  lostOut: number;
  /** letters only to the gone customers worth one, knowing the truth: over all customers, and over those clv called lost */
  oracle: { contacted: number; value: number; lostContacted: number; lostValue: number };
  /** plan on the hand-over */
  purchaseModel: ChurnScore;
  /** plan on the same rows valued as contract customers: first-life revenue spread as a run rate */
  runRate: ChurnScore;
  /** a letter to every customer clv calls lost */
  everyLost: ChurnScore;
  /** review rows of the purchase-model plan (should be none) */
  review: number;
  /** the core defectors clv hands over beside the lost, and the tracks plan puts rows on */
  retention: {
    coreDefectors: number;
    /** rows on the retention track, and those approached */
    track: number;
    approached: number;
    /** share of the approached retention customers the truth has alive, and their mean P(alive) per the model */
    approachedAlive: number;
    meanPAlive: number;
    /** rows whose track does not match clv's phase (lost → win_back, core_defector → retention) */
    mismatched: number;
    /** ids planned more than once */
    duplicated: number;
    /**
     * What the retention contacts earn under the truth: each approached customer with the planned
     * measure on the planned channel, kept with the measure's own chance if the truth has them
     * gone (the response is the playbook's, as for the win-back letters), given the give-away and
     * incentive anyway if they are alive; minus the channel cost. Beside it the plan's own
     * expected value of the same contacts and an oracle that knows who is gone and approaches
     * every core defector whose best measure earns something.
     */
    earned: number;
    predicted: number;
    oracle: { contacted: number; value: number };
    /** measure:channel pairs plan chose (the oracle uses the letter, the one channel the customers allow) */
    channels: string[];
  };
}

/** The playbook's retention measures, channel responses and costs: what a retention contact is worth to one simulated customer. */
type RetentionPlaybook = Awaited<ReturnType<typeof loadPlaybook>>['playbook'];

/** True value of one retention contact with `measureId` on `channel` (docs/model.md section 10, with the truth's alive and value). */
export function trueRetentionValue(c: TrueCustomer, playbook: RetentionPlaybook, measureId: string, channel: Channel): number {
  const m = (playbook.retention?.measures ?? []).find((x) => x.id === measureId);
  if (!m) throw new Error(`plan names retention measure '${measureId}', which the playbook does not have`);
  const odds = m.keepRate * (playbook.channelResponse?.[channel] ?? 1);
  const q = m.keepRate >= 1 ? 1 : odds / (1 - m.keepRate + odds);
  // The give-away on the purchases of the measure's term (all of them without one), as plan values it.
  const all = discountedPurchasesIfAlive(c.lambdaPerMonth, c.dropout);
  const within = m.marginReductionMonths === undefined || all <= 0 ? 1 : discountedPurchasesIfAlive(c.lambdaPerMonth, c.dropout, m.marginReductionMonths) / all;
  const keptValue = c.regainedValue * (1 - m.marginReduction * within) - m.incentiveCost;
  const kept = c.alive ? keptValue - c.regainedValue : q * keptValue;
  return kept - playbook.channelCosts[channel];
}

/** Simulates, runs clv → plan through the CLI (and the run-rate plan for comparison), scores both. */
export async function runSilentChurn(dir: string): Promise<SilentChurnRun> {
  const { file, truth } = simulateSilentChurners(dir);
  const s = SILENT_CHURN;
  const lost = join(dir, 'lost.csv');
  const clv = await runCli(['clv', file, '--out', join(dir, 'clv'), '--as-of', s.asOf, '--lost-out', lost, '-q']);
  if (clv.code !== 0) throw new Error(`clv failed: ${clv.stderr}`);
  const handedOver = readCsv(lost);
  // The win-back scores are over the lost; core defectors are handed over for retention.
  const lostRows = handedOver.filter((r) => r.phase === 'lost');
  // The CRM's postal addresses joined on: a letter may be sent (no consent for e-mail or phone).
  const withAddress = (rows: Record<string, string>[], rename: (h: string) => string, blank: Set<string>) => {
    const heads = Object.keys(rows[0] as Record<string, string>);
    const lines = rows.map((r, i) => [...heads.map((h) => (blank.has(h) ? '' : r[h])), `Street ${i + 1}`, '10115', 'Berlin', 'DE'].join(','));
    return `${[...heads.map(rename), 'street', 'postal_code', 'city', 'country'].join(',')}\n${lines.join('\n')}\n`;
  };
  const handover = join(dir, 'lost-address.csv');
  writeFileSync(handover, withAddress(handedOver, (h) => h, new Set()));
  // The same customers as a contract export: first-life revenue as revenue, no hand-over.
  const runRate = join(dir, 'lost-run-rate.csv');
  writeFileSync(runRate, withAddress(lostRows, (h) => (h === 'first_life_revenue' ? 'revenue' : h), new Set(['value_basis'])));
  const plans: Record<string, Record<string, string>[]> = {};
  for (const [name, input] of [['purchaseModel', handover], ['runRate', runRate]] as const) {
    const r = await runCli(['plan', input, '--out', join(dir, name), '--as-of', s.asOf, '-q']);
    if (r.code !== 0) throw new Error(`plan failed: ${r.stderr}`);
    plans[name] = readCsv(join(dir, name, 'plan.csv'));
  }
  const contacts = (rows: Record<string, string>[]) => rows.filter((r) => r.decision === 'win_back' && r.track !== 'retention').map((r) => r.customer_id as string);
  const pm = plans.purchaseModel ?? [];
  const phaseOf = new Map(handedOver.map((r) => [r.customer_id, r.phase]));
  const retained = pm.filter((r) => r.track === 'retention' && r.decision === 'win_back');
  const { playbook } = await loadPlaybook();
  const earned = retained.reduce((t, r) => t + trueRetentionValue(truth.get(r.customer_id as string) as TrueCustomer, playbook, r.offer_type as string, r.channel as Channel), 0);
  // The oracle may use the letter only, as the plan may (the simulated customers gave no other consent).
  const defectorIds = handedOver.filter((r) => r.phase === 'core_defector').map((r) => r.customer_id as string);
  const letterMeasures = (playbook.retention?.measures ?? []).filter((m) => m.channels.includes('letter'));
  const oracleValues = defectorIds
    .map((id) => Math.max(...letterMeasures.map((m) => trueRetentionValue(truth.get(id) as TrueCustomer, playbook, m.id, 'letter'))))
    .filter((v) => v > 0);
  const best = [...truth.values()].filter((c) => c.contactValue > 0);
  const lostIds = new Set(lostRows.map((r) => r.customer_id));
  const bestLost = best.filter((c) => lostIds.has(c.id));
  const sum = (cs: TrueCustomer[]) => cs.reduce((total, c) => total + c.contactValue, 0);
  const oracle = { all: sum(best), lost: sum(bestLost) };
  return {
    customers: truth.size,
    alive: [...truth.values()].filter((c) => c.alive).length,
    lostOut: lostRows.length,
    oracle: { contacted: best.length, value: oracle.all, lostContacted: bestLost.length, lostValue: oracle.lost },
    purchaseModel: scoreContacts(contacts(plans.purchaseModel ?? []), truth, oracle),
    runRate: scoreContacts(contacts(plans.runRate ?? []), truth, oracle),
    everyLost: scoreContacts(lostRows.map((r) => r.customer_id as string), truth, oracle),
    review: (plans.purchaseModel ?? []).filter((r) => r.decision === 'review').length,
    retention: {
      coreDefectors: handedOver.length - lostRows.length,
      track: pm.filter((r) => r.track === 'retention').length,
      approached: retained.length,
      approachedAlive: retained.filter((r) => truth.get(r.customer_id as string)?.alive).length / Math.max(1, retained.length),
      meanPAlive: retained.reduce((t, r) => t + Number(r.p_alive), 0) / Math.max(1, retained.length),
      mismatched: pm.filter((r) => (phaseOf.get(r.customer_id) === 'core_defector' ? 'retention' : 'win_back') !== r.track).length,
      duplicated: pm.length - new Set(pm.map((r) => r.customer_id)).size,
      earned,
      predicted: retained.reduce((t, r) => t + Number(r.expected_value), 0),
      oracle: { contacted: oracleValues.length, value: oracleValues.reduce((t, v) => t + v, 0) },
      channels: [...new Set(retained.map((r) => `${r.offer_type}:${r.channel}`))].sort(),
    },
  };
}
