/**
 * Runs the real CLI over the simulated market: a past season of campaigns with a control
 * group (the ledger), its outcomes drawn from the truth, `results --history-out`, `calibrate`,
 * then `plan` for a new season with and without the model, each plan scored under the truth.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import { CHANNELS, type Channel } from '../../src/domain/playbook-types.js';
import { mulberry32 } from '../../src/domain/random.js';
import type { EpochDay } from '../../src/domain/types.js';
import { readCsv, runCli } from './cli.js';
import { drawPopulation, exportCsv, type SimCustomer } from './market-population.js';
import { bestWithinBudget, bestWithinCapacity, offerChoice, type BudgetBest, type CapacityBest, scorePlan, weeklyDays, type MarketCustomer, type OfferChoice, type PlanDecision, type PlanScore } from './market-score.js';
import { SeasonOutcomes } from './market-outcomes.js';
import { actionSpend, actionValue, type Action, type MarketWorld } from './market-truth.js';

/** The simulation's size and calendar (docs/simulation.md). */
export const MARKET = {
  /** the past season's seed (the new season's is one more); WINBACK_MARKET_SEED reruns the market on another (docs/simulation.md) */
  seed: Number(process.env.WINBACK_MARKET_SEED ?? 2025),
  pastCustomers: 2400,
  newCustomers: 1600,
  firstRun: '2025-01-06',
  runs: 4,
  periodDays: 42,
  holdout: '20%',
  /** share of the listed customers whose offer is drawn at random (campaign --test-offers) */
  testOffers: '25%',
  /** days after the last run at which results are counted and the new season is planned */
  resultsAfterDays: 140,
  planningWeeks: 52,
};

export interface SeasonOne {
  runs: number;
  contacts: number;
  controls: number;
  regainedContacted: number;
  regainedControl: number;
  /** listed customers without permission on their channel, and objectors listed */
  listViolations: { noPermission: number; objector: number };
  results: { total?: unknown; warnings?: string[] };
  calibration: {
    /** calibrate wrote a model (exit 0); false: no learned part decided better, exit 65, no file */
    written: boolean;
    accepted: number; auc: number | null; brier: number | null; warnings: string[]; controlCases: number; randomisedCases: number; organicRates: unknown; offerEffects: unknown;
    /** calibrate's holdout comparison with the defaults, in money, and the parts it wrote */
    comparison: {
      cases: number; accepted: string[]; candidates: { parts: string[]; difference: { perCustomer: number; standardError: number; differing: number }; lowerBound: number }[];
      lifetime: { length: { accepted: boolean }; margin: { accepted: boolean } };
    };
    /** the second lifetime learned on the training customers (scales on the playbook's length and margin) */
    secondLifetime: { lengthScale: number; marginScale: number; returns: number; events: number } | null;
  };
}

export interface MarketRun {
  seasonOne: SeasonOne;
  asOf: string;
  customers: number;
  /** customers of the new season whose reason plan.csv read differently from the truth */
  misclassified: number;
  default: PlanScore;
  calibrated: PlanScore;
  /** each learned part alone: the share of the best permitted value its plan captures under the truth (opts.parts) */
  parts?: Record<string, number>;
  /** the plan with every part calibrate learned on its training customers, accepted or not (opts.learned) */
  learned?: PlanScore;
  /** the same plans as `campaign` lists them: the channel the campaign picks, the plan's contact date */
  executed?: { default: PlanScore; calibrated: PlanScore };
  /** everyone permitted contacted on their first permitted channel with the reason's first offer, at once */
  naive: PlanScore;
  /** how the default and calibrated plans chose the lower-rate renewal, against the truth's best offer at their channel and date */
  renewal: { default: OfferChoice; calibrated: OfferChoice };
  /** `plan --budget` (default model): its value under the truth against the best selection within the same amount */
  budgeted?: { amount: number; plan: PlanScore; best: BudgetBest };
  /** `plan --capacity` (default model): a quarter of the default plan's phone and visit contacts as places; its value under the truth against the exact best within them */
  capacity?: { caps: { phone: number; visit: number }; planned: { phone: number; visit: number }; plan: PlanScore; best: CapacityBest };
}

/** The simulated company's config (marketConfig), set by runMarket: every command of a market runs with it. */
let config: string | undefined;

async function cli(args: string[]): Promise<string> {
  const r = await runCli(args, config === undefined ? {} : { env: { WINBACK_CONFIG: config } });
  if (r.code !== 0) throw new Error(`winback ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

export interface PlaybookFacts {
  coolingOffDays: number;
  offers: Record<string, string[]>;
}

async function readPlaybook(): Promise<PlaybookFacts> {
  const { playbook } = JSON.parse(await cli(['playbook', 'show', '--json']));
  const offers = Object.fromEntries((playbook.reasons as { code: string; offers: string[] }[]).map((r) => [r.code, r.offers]));
  return { coolingOffDays: playbook.coolingOffDays, offers };
}

/**
 * The simulated company contacts quality and availability leavers 90 and 60 days after they
 * left without waiting for a confirmed fix (the market's truth answers them as any other reason;
 * the built-in playbook gives such a customer no window until a fix date is set, DOMAIN.md §3):
 * its playbook says so with fallbackAfterDays, as the built-in one did when these markets were
 * first measured.
 */
async function marketConfig(dir: string): Promise<string> {
  const playbook = join(dir, 'playbook.yaml');
  config = undefined;
  await cli(['playbook', 'init', playbook, '--force']);
  const text = readFileSync(playbook, 'utf8');
  const waits = [90, 60];
  const fixed = text.replace(/timing: \{ kind: after_fix, fixedFrom: null, windowDays: 42 \}/g, () => `timing: { kind: after_fix, fixedFrom: null, windowDays: 42, fallbackAfterDays: ${waits.shift()} }`);
  if (waits.length !== 0) throw new Error('the playbook has not the two after_fix timings of quality and availability');
  writeFileSync(playbook, fixed);
  const path = join(dir, 'winback.yaml');
  writeFileSync(path, 'playbook: playbook.yaml\n');
  return path;
}

/**
 * The simulated company in `dir` (its config and playbook), for a market run of its own: the
 * playbook's facts the scorer needs, and the config's path (test/decisions/market-edges.test.ts).
 */
export async function marketCompany(dir: string): Promise<{ playbook: PlaybookFacts; config: string }> {
  config = await marketConfig(dir);
  return { playbook: await readPlaybook(), config };
}

/** Runs both seasons in `dir` and scores the new season's plans. */
export async function runMarket(dir: string, m = MARKET, opts: { executed?: boolean; budget?: number; capacity?: boolean; world?: MarketWorld; learned?: boolean; parts?: boolean } = {}): Promise<MarketRun> {
  config = await marketConfig(dir);
  const playbook = await readPlaybook();
  const firstRun = parseIsoDay(m.firstRun) as EpochDay;
  const lastRun = firstRun + (m.runs - 1) * m.periodDays;
  const past = drawPopulation(m.seed, m.pastCustomers, 'A', firstRun - 365, lastRun - 1, opts.world);
  const seasonOne = await runSeasonOne(dir, past, firstRun, m);
  const asOf = lastRun + m.resultsAfterDays;
  const fresh = drawPopulation(m.seed + 1, m.newCustomers, 'B', asOf - 365, asOf - 1, opts.world);
  const exportPath = join(dir, 'new-season.csv');
  writeFileSync(exportPath, exportCsv(fresh));
  const iso = formatIsoDay(asOf);
  await cli(['plan', exportPath, '--out', join(dir, 'plan-default'), '--as-of', iso, '--quiet']);
  // calibrate writes no model when nothing it learned decides better (exit 65): the calibrated plan is then the default plan.
  const calibratedModel = seasonOne.calibration.written ? ['--model', join(dir, 'model.json')] : [];
  await cli(['plan', exportPath, '--out', join(dir, 'plan-calibrated'), '--as-of', iso, ...calibratedModel, '--quiet']);
  const market = fresh.map((c) => marketCustomer(c, asOf, playbook, m.planningWeeks));
  const read = (name: string) => readCsv(join(dir, name, 'plan.csv')) as unknown as PlanDecision[];
  const reasons = new Map(readCsv(join(dir, 'plan-default', 'plan.csv')).map((r) => [r.customer_id, r.reason_code]));
  const run: MarketRun = {
    seasonOne, asOf: iso, customers: fresh.length, misclassified: fresh.filter((c) => !c.objector && reasons.get(c.id) !== c.reason).length,
    default: scorePlan(market, read('plan-default'), asOf),
    calibrated: scorePlan(market, read('plan-calibrated'), asOf),
    naive: scorePlan(market, naivePlan(market, asOf), asOf),
    renewal: { default: offerChoice(market, read('plan-default'), asOf, 'renewal'), calibrated: offerChoice(market, read('plan-calibrated'), asOf, 'renewal') },
  };
  if (opts.learned) {
    await cli(['plan', exportPath, '--out', join(dir, 'plan-learned'), '--as-of', iso, '--model', join(dir, 'learned.json'), '--quiet']);
    run.learned = scorePlan(market, read('plan-learned'), asOf);
  }
  if (opts.parts) {
    // Each learned part alone (fitted on the training customers), planned and scored under the truth: which parts the truth says gain.
    const learned = JSON.parse(readFileSync(join(dir, 'learned.json'), 'utf8'));
    const defaults = JSON.parse(readFileSync(join(dir, 'default-coefficients.json'), 'utf8'));
    run.parts = {};
    for (const part of ['response', 'organic', 'offers', 'channels', 'lifetime'] as const) {
      const keys = { organic: 'organicRates', offers: 'offerEffects', channels: 'channelEffects', lifetime: 'secondLifetime' } as const;
      if (part !== 'response' && learned[keys[part]] === undefined) continue;
      const model = {
        ...learned, parts: [part], baseRates: part === 'response' ? learned.baseRates : {}, coefficients: part === 'response' ? learned.coefficients : defaults,
        organicRates: undefined, offerEffects: undefined, channelEffects: undefined, secondLifetime: undefined,
        ...(part === 'response' ? {} : { [keys[part]]: learned[keys[part]] }),
      };
      writeFileSync(join(dir, `part-${part}.json`), JSON.stringify(model));
      await cli(['plan', exportPath, '--out', join(dir, `plan-part-${part}`), '--as-of', iso, '--model', join(dir, `part-${part}.json`), '--quiet']);
      run.parts[part] = scorePlan(market, read(`plan-part-${part}`), asOf).share;
    }
  }
  if (opts.budget !== undefined) {
    await cli(['plan', exportPath, '--out', join(dir, 'plan-budget'), '--as-of', iso, '--budget', String(opts.budget), '--quiet']);
    run.budgeted = { amount: opts.budget, plan: scorePlan(market, read('plan-budget'), asOf), best: bestWithinBudget(market, opts.budget) };
  }
  if (opts.capacity) {
    const planned = read('plan-default').filter((r) => r.decision === 'win_back');
    const quarter = (channel: string) => Math.floor(planned.filter((r) => r.channel === channel).length / 4);
    const caps = { phone: quarter('phone'), visit: quarter('visit') };
    await cli(['plan', exportPath, '--out', join(dir, 'plan-capacity'), '--as-of', iso, '--capacity', `phone=${caps.phone},visit=${caps.visit}`, '--quiet']);
    const capped = read('plan-capacity').filter((r) => r.decision === 'win_back');
    const on = (channel: string) => capped.filter((r) => r.channel === channel).length;
    run.capacity = { caps, planned: { phone: on('phone'), visit: on('visit') }, plan: scorePlan(market, read('plan-capacity'), asOf), best: bestWithinCapacity(market, caps) };
  }
  if (opts.executed) {
    const listed = async (name: string, model: string[]) => {
      const out = join(dir, `lists-${name}`);
      await cli(['campaign', exportPath, '--out', out, '--as-of', iso, '--period', '366d', ...model, '--quiet']);
      return scorePlan(market, asListed(read(`plan-${name}`), out), asOf);
    };
    run.executed = { default: await listed('default', []), calibrated: await listed('calibrated', calibratedModel) };
  }
  return run;
}

/** The plan's rows as the campaign lists send them: listed customers on the list's channel and offer, the rest not contacted. */
function asListed(plan: readonly PlanDecision[], listsDir: string): PlanDecision[] {
  const lists = new Map<string, { channel: Channel; offer: string }>();
  for (const channel of CHANNELS) {
    for (const row of readCsv(join(listsDir, `campaign-${channel}.csv`))) lists.set(row.customer_id as string, { channel, offer: row.offer_type as string });
  }
  return plan.map((p) => {
    const l = lists.get(p.customer_id);
    return l ? { ...p, decision: 'win_back', channel: l.channel, offer_type: l.offer } : { ...p, decision: 'not_listed' };
  });
}

/** The scorer's view of a simulated customer: the playbook's offers, weekly days over the planning year. */
export function marketCustomer(c: SimCustomer, asOf: EpochDay, playbook: PlaybookFacts, weeks: number): MarketCustomer {
  const first = Math.max(asOf, c.churnDay + playbook.coolingOffDays);
  const days = weeklyDays(first, weeks).filter((d) => d < asOf + weeks * 7);
  return {
    id: c.id, group: c.reason, objector: c.objector, permitted: c.permitted, offers: playbook.offers[c.reason] ?? [], days,
    value: (a: Action) => actionValue(c, a, asOf), spend: (a: Action) => actionSpend(c, a),
  };
}

function naivePlan(market: readonly MarketCustomer[], asOf: EpochDay): PlanDecision[] {
  const order: Channel[] = ['letter', 'email', 'phone', 'visit'];
  return market.map((c) => {
    const channel = order.find((ch) => c.permitted[ch]);
    const offer = c.offers[0];
    const day = c.days[0] ?? asOf;
    const contact = channel !== undefined && offer !== undefined && !c.objector;
    return { customer_id: c.id, decision: contact ? 'win_back' : 'let_go', offer_type: offer ?? '', channel: channel ?? '', contact_from: formatIsoDay(day) };
  });
}

async function runSeasonOne(dir: string, past: readonly SimCustomer[], firstRun: EpochDay, m: typeof MARKET): Promise<SeasonOne> {
  const outcomes = new SeasonOutcomes(mulberry32(m.seed + 17));
  const ledger = join(dir, 'ledger.csv');
  const byId = new Map(past.map((c) => [c.id, c]));
  const tally = { contacts: 0, controls: 0, listViolations: { noPermission: 0, objector: 0 } };
  for (let k = 0; k < m.runs; k++) {
    const day = firstRun + k * m.periodDays;
    const lost = past.filter((c) => c.churnDay < day && !outcomes.returnedBefore(c.id, day));
    const exportPath = join(dir, `export-${k}.csv`);
    writeFileSync(exportPath, exportCsv(lost));
    const out = join(dir, `campaign-${k}`);
    await cli(['campaign', exportPath, '--out', out, '--as-of', formatIsoDay(day), '--ledger', ledger, '--holdout', m.holdout, '--test-offers', m.testOffers, '--period', `${m.periodDays}d`, '--quiet']);
    countListViolations(out, byId, tally.listViolations);
    for (const entry of readCsv(ledger).filter((e) => e.campaign_date === formatIsoDay(day))) {
      const c = byId.get(entry.customer_id as string) as SimCustomer;
      const control = entry.outcome === 'control';
      if (control) tally.controls++;
      else tally.contacts++;
      const offer = (entry.measure as string).split(':')[1] ?? 'none';
      outcomes.record(c, day, control ? undefined : { offer, channel: entry.channel as Channel, day });
    }
  }
  const resultsAsOf = firstRun + (m.runs - 1) * m.periodDays + m.resultsAfterDays;
  const outcomesPath = join(dir, 'outcomes.csv');
  writeFileSync(outcomesPath, outcomes.outcomesCsv(past, resultsAsOf));
  const fullExport = join(dir, 'past-season.csv');
  writeFileSync(fullExport, exportCsv(past));
  const history = join(dir, 'history.csv');
  const iso = formatIsoDay(resultsAsOf);
  const results = JSON.parse(await cli(['results', '--ledger', ledger, '--outcomes', outcomesPath, '--as-of', iso, '--history-out', history, '--export', fullExport, '--json']));
  const calibrated = await runCli(['calibrate', history, '--model-out', join(dir, 'model.json'), '--as-of', iso, '--json']);
  // 65: nothing learned decides better than the defaults, and no model is written (the report is printed all the same).
  if (calibrated.code !== 0 && calibrated.code !== 65) throw new Error(`winback calibrate exited ${calibrated.code}: ${calibrated.stderr}`);
  const report = JSON.parse(calibrated.stdout);
  if (report.written !== (calibrated.code === 0)) throw new Error(`winback calibrate exited ${calibrated.code} but says written: ${report.written}`);
  writeFileSync(join(dir, 'learned.json'), JSON.stringify(report.learned));
  writeFileSync(join(dir, 'default-coefficients.json'), JSON.stringify(report.default_coefficients));
  return {
    runs: m.runs, ...tally, ...outcomes.regainCounts(readCsv(ledger)),
    results: { total: results.total, warnings: results.warnings },
    calibration: {
      written: report.written, accepted: report.accepted, auc: report.model.fit.auc ?? null, brier: report.model.fit.brier ?? null, warnings: report.warnings,
      controlCases: report.model.fit.controlCases ?? 0, randomisedCases: report.model.fit.randomisedCases ?? 0,
      organicRates: report.model.organicRates ?? null, offerEffects: report.model.offerEffects ?? null, comparison: report.comparison,
      secondLifetime: report.learned.secondLifetime ?? null,
    },
  };
}

/** Listed customers who objected, or who have not permitted the list's channel. */
function countListViolations(out: string, byId: ReadonlyMap<string, SimCustomer>, counts: { noPermission: number; objector: number }): void {
  for (const channel of CHANNELS) {
    for (const row of readCsv(join(out, `campaign-${channel}.csv`))) {
      const c = byId.get(row.customer_id as string) as SimCustomer;
      if (c.objector) counts.objector++;
      else if (!c.permitted[channel]) counts.noPermission++;
    }
  }
}

/** The scores of a run as one JSON-able summary, for docs/simulation.md. */
export function summarise(run: MarketRun): Record<string, unknown> {
  const brief = (s: PlanScore) => ({
    share: Number(s.share.toFixed(4)), chosen: Math.round(s.chosen), best: Math.round(s.best), contacted: s.contacted,
    worthContacting: s.worthContacting, missedValue: Math.round(s.missedValue), lossMaking: s.lossMaking,
    lossValue: Math.round(s.lossValue), violations: s.violations, undated: s.undated, unplanned: s.unplanned,
  });
  const executed = run.executed ? { executed: { default: brief(run.executed.default), calibrated: brief(run.executed.calibrated) } } : {};
  return {
    seasonOne: run.seasonOne, asOf: run.asOf, customers: run.customers, misclassified: run.misclassified,
    default: brief(run.default), calibrated: brief(run.calibrated), ...executed, naive: brief(run.naive), renewal: run.renewal,
    ...(run.learned ? { learned: brief(run.learned) } : {}), ...(run.parts ? { parts: run.parts } : {}),
    ...(run.budgeted ? { budgeted: { amount: run.budgeted.amount, plan: brief(run.budgeted.plan), best: run.budgeted.best } } : {}),
    ...(run.capacity ? { capacity: { caps: run.capacity.caps, planned: run.capacity.planned, plan: brief(run.capacity.plan), best: run.capacity.best } } : {}),
  };
}

