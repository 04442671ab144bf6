/**
 * Wiring: every command's arguments and flags reach its handler as the options the handler
 * reads (the field names of its <Name>Flags interface), with commander's defaults, and the
 * handler's exit code is the CLI's. The handlers are replaced, so nothing is read or written.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseReadFlags } from '../../src/cli/options.js';
import { planOptions, type PlanFlags } from '../../src/cli/plan-options.js';
import { buildProgram } from '../../src/cli/program.js';
import { parseIsoDay } from '../../src/domain/dates.js';
import { memoryContext } from '../support/memory-context.js';

const handlers = vi.hoisted(() => {
  const names = ['runInspect', 'runPlan', 'runCampaign', 'runReport', 'runWorksheet', 'runReasons', 'runClv', 'runCalibrate', 'runResults', 'runPlaybookShow', 'runPlaybookInit', 'runPlaybookValidate'] as const;
  return Object.fromEntries(names.map((n) => [n, vi.fn(async (..._args: unknown[]) => 0)])) as Record<(typeof names)[number], ReturnType<typeof vi.fn<(...args: unknown[]) => Promise<number>>>>;
});
vi.mock('../../src/commands/inspect.js', () => ({ runInspect: handlers.runInspect }));
vi.mock('../../src/commands/plan.js', () => ({ runPlan: handlers.runPlan }));
vi.mock('../../src/commands/campaign/campaign.js', () => ({ runCampaign: handlers.runCampaign }));
vi.mock('../../src/commands/report.js', () => ({ runReport: handlers.runReport }));
vi.mock('../../src/commands/worksheet/worksheet.js', () => ({ runWorksheet: handlers.runWorksheet }));
vi.mock('../../src/commands/reasons/reasons.js', () => ({ runReasons: handlers.runReasons }));
vi.mock('../../src/commands/clv/clv.js', () => ({ runClv: handlers.runClv }));
vi.mock('../../src/commands/calibrate.js', () => ({ runCalibrate: handlers.runCalibrate }));
vi.mock('../../src/commands/results.js', () => ({ runResults: handlers.runResults }));
vi.mock('../../src/commands/playbook.js', () => ({
  runPlaybookShow: handlers.runPlaybookShow,
  runPlaybookInit: handlers.runPlaybookInit,
  runPlaybookValidate: handlers.runPlaybookValidate,
}));

type HandlerName = keyof typeof handlers;

/** Reading flags every reading command takes, and the options they become. */
const READ_ARGS = ['--encoding', 'win1252', '--delimiter', ';', '--decimal', ',', '--date-format', 'dmy', '--map', 'customer_id=Kd-Nr', '--map', 'reason=Grund', '--churn-date', '2026-01-31', '--max-reject-rate', '5%'];
const READ = { encoding: 'win1252', delimiter: ';', decimal: ',', dateFormat: 'dmy', map: ['customer_id=Kd-Nr', 'reason=Grund'], churnDate: '2026-01-31', maxRejectRate: '5%' };
/** Flags every planning command takes. */
const PLAN_ARGS = ['--as-of', '2026-11-23', '--playbook', 'pb.yaml', '--config', 'winback.yaml', '--model', 'model.json', '--lang', 'de'];
const PLAN = { asOf: '2026-11-23', playbook: 'pb.yaml', config: 'winback.yaml', model: 'model.json', lang: 'de' };

/** [command path, argv, handler, the arguments after the context] */
const CASES: [string, string[], HandlerName, unknown[]][] = [
  ['inspect', ['inspect', 'x.csv'], 'runInspect', ['x.csv', { map: [] }]],
  ['inspect', ['inspect', '-', '--json', ...READ_ARGS], 'runInspect', ['-', { json: true, ...READ }]],
  ['plan', ['plan', 'x.csv'], 'runPlan', ['x.csv', { map: [] }]],
  ['plan', ['plan', 'x.csv', '--out', 'o', '--json', '--excel', '--explain', 'C-1', '--threads', '2', '-q', ...PLAN_ARGS, ...READ_ARGS], 'runPlan',
    ['x.csv', { out: 'o', json: true, excel: true, explain: 'C-1', threads: '2', quiet: true, ...PLAN, ...READ }]],
  ['plan', ['plan', 'x.csv', '--out', 'o', '--capacity', 'phone=200,visit=20', '--budget', '500'], 'runPlan', ['x.csv', { out: 'o', capacity: 'phone=200,visit=20', budget: '500', map: [] }]],
  ['campaign', ['campaign', 'x.csv', '--out', 'o'], 'runCampaign', ['x.csv', { out: 'o', map: [] }]],
  ['campaign', ['campaign', 'x.csv', '--out', 'o', '--test-channels', '--test-offers', '30%'], 'runCampaign', ['x.csv', { out: 'o', testChannels: true, testOffers: '30%', map: [] }]],
  ['campaign', ['campaign', 'x.csv', '--out', 'o', '--test-channels', '10%'], 'runCampaign', ['x.csv', { out: 'o', testChannels: '10%', map: [] }]],
  ['campaign', ['campaign', 'x.csv', '--out', 'o', '--period', '2w', '--ledger', 'l.csv', '--suppress', 's.csv', '--capacity', 'phone=5', '--holdout', '10%',
    '--outcomes', 'back.csv', '--previous', 'last', '--columns', 'customer_id,offer', '--threads', '2', '--excel', '--dry-run', '--json', '--quiet', ...PLAN_ARGS, ...READ_ARGS], 'runCampaign',
  ['x.csv', { out: 'o', period: '2w', ledger: 'l.csv', suppress: 's.csv', capacity: 'phone=5', holdout: '10%', outcomes: 'back.csv', previous: 'last', columns: 'customer_id,offer', threads: '2', excel: true, dryRun: true, json: true, quiet: true, ...PLAN, ...READ }]],
  ['report', ['report', 'out/plan'], 'runReport', ['out/plan', { map: [] }]],
  ['report', ['report', 'x.csv', '--outlier-share', '15', '--quiet'], 'runReport', ['x.csv', { outlierShare: '15', quiet: true, map: [] }]],
  ['report', ['report', 'x.csv', '--html', 'r.html', '--json', '--threads', '1', ...PLAN_ARGS, ...READ_ARGS], 'runReport', ['x.csv', { html: 'r.html', json: true, threads: '1', ...PLAN, ...READ }]],
  ['worksheet', ['worksheet', '--session', 's.json'], 'runWorksheet', [undefined, { session: 's.json', map: [] }]],
  ['worksheet', ['worksheet', '--session', 's.json', '--export', '/abs/x.csv', '--reopen', '2'], 'runWorksheet', [undefined, { session: 's.json', export: '/abs/x.csv', reopen: '2', map: [] }]],
  ['worksheet', ['worksheet', '--session', 's.json', '--reopen'], 'runWorksheet', [undefined, { session: 's.json', reopen: true, map: [] }]],
  ['worksheet', ['worksheet', 'x.csv', '--session', 's.json', '--answers', 'a.json', '--out', 'o', ...PLAN_ARGS, ...READ_ARGS], 'runWorksheet',
    ['x.csv', { session: 's.json', answers: 'a.json', out: 'o', ...PLAN, ...READ }]],
  ['reasons', ['reasons', 'x.csv'], 'runReasons', ['x.csv', { map: [] }]],
  ['reasons', ['reasons', 'x.csv', '--reasons-out', 'r.csv', '--json', '-q', '--playbook', 'pb.yaml', '--config', 'c.yaml', ...READ_ARGS], 'runReasons',
    ['x.csv', { reasonsOut: 'r.csv', json: true, quiet: true, playbook: 'pb.yaml', config: 'c.yaml', ...READ }]],
  ['reasons', ['reasons', 'x.csv', '--out', 'r.csv'], 'runReasons', ['x.csv', { out: 'r.csv', map: [] }]],
  ['clv', ['clv', 't.csv'], 'runClv', ['t.csv', { map: [], order: 'sorted', model: 'bg-nbd', returns: 'net' }]],
  ['clv', ['clv', 't.csv', '--period', 'day', '--columns', 'a,b'], 'runClv', ['t.csv', { map: [], period: 'day', columns: 'a,b', order: 'sorted', model: 'bg-nbd', returns: 'net' }]],
  ['clv', ['clv', 't.csv', '--out', 'o', '--time-unit', 'month', '--input-columns', 'a,b', '--as-of', '2026-11-23', '--calibration-end', '2026-06-30', '--holdout-end', '2026-11-23', '--holdout-periods', '20',
    '--horizon-months', '24', '--discount-rate', '10%', '--summary-input', '--customers', 'c.csv', '--lost-out', 'lost.csv', '--order', 'any', '--config', 'c.yaml', '--json', '-q', ...READ_ARGS], 'runClv',
  ['t.csv', { out: 'o', timeUnit: 'month', inputColumns: 'a,b', asOf: '2026-11-23', calibrationEnd: '2026-06-30', holdoutEnd: '2026-11-23', holdoutPeriods: '20', horizonMonths: '24', discountRate: '10%',
    summaryInput: true, customers: 'c.csv', lostOut: 'lost.csv', order: 'any', config: 'c.yaml', json: true, quiet: true, model: 'bg-nbd', returns: 'net', ...READ }]],
  ['calibrate', ['calibrate', 'h.csv'], 'runCalibrate', ['h.csv', { map: [] }]],
  ['calibrate', ['calibrate', 'h.csv', '--model-out', 'm.json', '--as-of', '2027-03-01', '--playbook', 'pb.yaml', '--config', 'c.yaml', '--json', '--quiet', ...READ_ARGS], 'runCalibrate',
    ['h.csv', { modelOut: 'm.json', asOf: '2027-03-01', playbook: 'pb.yaml', config: 'c.yaml', json: true, quiet: true, ...READ }]],
  ['results', ['results'], 'runResults', [{ map: [] }]],
  ['results', ['results', '--ledger', 'l.csv', '--outcomes', 'back.csv', '--as-of', '2027-03-01', '--window', '12w', '--playbook', 'pb.yaml', '--config', 'c.yaml', '--json',
    '--html', 'r.html', '--history-out', 'h.csv', '--export', 'x.csv', '-q', ...READ_ARGS], 'runResults',
  [{ ledger: 'l.csv', outcomes: 'back.csv', asOf: '2027-03-01', window: '12w', playbook: 'pb.yaml', config: 'c.yaml', json: true, quiet: true, html: 'r.html', historyOut: 'h.csv', export: 'x.csv', ...READ }]],
  ['playbook show', ['playbook', 'show'], 'runPlaybookShow', [{}]],
  ['playbook show', ['playbook', 'show', '--lang', 'de', '--json', '--playbook', 'pb.yaml'], 'runPlaybookShow', [{ lang: 'de', json: true, playbook: 'pb.yaml' }]],
  ['playbook init', ['playbook', 'init', 'my.yaml'], 'runPlaybookInit', ['my.yaml', {}]],
  ['playbook init', ['playbook', 'init', 'my.yaml', '--force'], 'runPlaybookInit', ['my.yaml', { force: true }]],
  ['playbook validate', ['playbook', 'validate', 'my.yaml'], 'runPlaybookValidate', ['my.yaml', {}]],
  // The global --debug is the program's, not the command's.
  ['plan', ['--debug', 'plan', 'x.csv'], 'runPlan', ['x.csv', { map: [] }]],
];

beforeEach(() => {
  for (const h of Object.values(handlers)) {
    h.mockReset();
    h.mockResolvedValue(0);
  }
});

describe('argv reaches the handler', () => {
  it.each(CASES.map(([path, argv, name, expected]) => [`winback ${argv.join(' ')}`, path, argv, name, expected] as const))('%s', async (_title, _path, argv, name, expected) => {
    const { ctx, stderr } = memoryContext();
    expect(await main(argv, ctx)).toBe(0);
    expect(stderr()).toBe('');
    const handler = handlers[name];
    expect(handler).toHaveBeenCalledTimes(1);
    const [gotCtx, ...args] = handler.mock.calls[0] as unknown[];
    expect(gotCtx).toBe(ctx);
    // Exactly these fields: a flag named differently from the handler's field would show here.
    expect(args).toStrictEqual(expected);
    for (const [other, h] of Object.entries(handlers)) if (other !== name) expect(h, other).not.toHaveBeenCalled();
  });

  it('covers every command', () => {
    const paths = (cmd: ReturnType<typeof buildProgram>, prefix = ''): string[] =>
      cmd.commands.flatMap((c) => {
        const path = `${prefix}${c.name()}`;
        return c.commands.length > 0 ? paths(c, `${path} `) : [path];
      });
    const all = paths(buildProgram(memoryContext().ctx, () => undefined)).filter((p) => p !== 'help');
    expect(new Set(CASES.map(([path]) => path))).toEqual(new Set(all));
  });

  it.each([65, 66, 73, 75])("returns the handler's exit code %i", async (code) => {
    handlers.runPlan.mockResolvedValue(code);
    expect(await main(['plan', 'x.csv'], memoryContext().ctx)).toBe(code);
  });

  it.each([
    [['plan'], "missing required argument 'file'"],
    [['clv', 't.csv', '--period', 'year'], "'year' is invalid"],
    [['clv', 't.csv', '--time-unit', 'year'], "'year' is invalid"],
    [['plan', 'x.csv', '--lang', 'fr'], "--lang 'fr' is not supported"],
    [['plan', 'x.csv', '--decimal', ';'], "';' is invalid"],
    [['playbook', 'init'], "missing required argument 'file'"],
    [['results', 'x.csv'], 'too many arguments'],
  ])('refuses %j before any handler runs (64)', async (argv, message) => {
    const { ctx, stderr } = memoryContext();
    expect(await main(argv, ctx)).toBe(64);
    expect(stderr()).toContain(message);
    for (const h of Object.values(handlers)) expect(h).not.toHaveBeenCalled();
  });
});

/** What a handler received from `argv`, parsed by the command's own parse function. */
async function received(argv: string[], name: HandlerName): Promise<unknown[]> {
  expect(await main(argv, memoryContext().ctx)).toBe(0);
  return (handlers[name].mock.calls[0] as unknown[]).slice(1);
}

describe('the options a handler receives parse into typed options', () => {
  it('reading flags: encoding, delimiter, decimal mark, date order, column map, filled churn date, reject rate', async () => {
    const [, flags] = await received(['plan', 'x.csv', ...READ_ARGS], 'runPlan');
    expect(parseReadFlags(flags as Parameters<typeof parseReadFlags>[0])).toStrictEqual({
      read: { encoding: 'win1252', delimiter: ';', decimal: ',', dateOrder: 'dmy', map: { customer_id: 'Kd-Nr', reason: 'Grund' }, fill: { churn_date: parseIsoDay('2026-01-31') } },
      maxRejectRate: 0.05,
    });
  });

  it.each([
    ['plan', 'runPlan'],
    ['campaign', 'runCampaign'],
    ['report', 'runReport'],
  ] as const)('planning flags of %s: language, as-of date, config, playbook, model, reading flags and reject rate, paths resolved', async (command, handler) => {
    const out = command === 'report' ? [] : ['--out', 'o'];
    const [, flags] = await received([command, 'x.csv', ...out, ...PLAN_ARGS, ...READ_ARGS], handler);
    const ctx = { cwd: '/work', env: { WINBACK_MAX_REJECT_RATE: '50%', LANG: 'en_GB.UTF-8' }, now: () => new Date(Date.UTC(2020, 0, 1)) };
    expect(planOptions(ctx, flags as PlanFlags)).toStrictEqual({
      lang: { given: 'de', locale: 'en' },
      read: { encoding: 'win1252', delimiter: ';', decimal: ',', dateOrder: 'dmy', map: { customer_id: 'Kd-Nr', reason: 'Grund' }, fill: { churn_date: parseIsoDay('2026-01-31') } },
      maxRejectRate: { rate: 0.05, source: 'flag' },
      asOf: parseIsoDay('2026-11-23'),
      configPath: 'winback.yaml',
      playbookPath: '/work/pb.yaml',
      model: { path: '/work/model.json', label: 'model.json' },
    });
  });

  it('planning flags left out: the environment\'s language, as-of date, config and reject rate; else the locale and today', async () => {
    const [, flags] = await received(['plan', 'x.csv'], 'runPlan');
    const env = { WINBACK_LANG: 'en', WINBACK_AS_OF: '2026-02-03', WINBACK_CONFIG: 'env.yaml', WINBACK_MAX_REJECT_RATE: '50%', LANG: 'de_DE.UTF-8' };
    const now = () => new Date(2026, 4, 6, 12);
    expect(planOptions({ cwd: '/work', env, now }, flags as PlanFlags)).toStrictEqual({
      lang: { given: 'en', locale: 'de' }, read: {}, maxRejectRate: { rate: 0.5, source: 'env' }, asOf: parseIsoDay('2026-02-03'), configPath: 'env.yaml',
    });
    expect(planOptions({ cwd: '/work', env: { LANG: 'de_DE.UTF-8' }, now }, flags as PlanFlags)).toStrictEqual({ lang: { locale: 'de' }, read: {}, asOf: parseIsoDay('2026-05-06') });
  });

  it('clv: period, dates, holdout, horizon, discount rate, order', async () => {
    const { parseClvOptions } = await vi.importActual<typeof import('../../src/commands/clv/clv.js')>('../../src/commands/clv/clv.js');
    const [, flags] = await received(['clv', 't.csv', '--out', 'o', '--time-unit', 'month', '--calibration-end', '2026-06-30', '--holdout-end', '2026-11-23', '--horizon-months', '24', '--discount-rate', '10%', '--order', 'any'], 'runClv');
    const options = parseClvOptions(flags as Parameters<typeof parseClvOptions>[0], {});
    expect(options).toMatchObject({ out: 'o', period: 'month', calibrationEnd: parseIsoDay('2026-06-30'), holdoutEnd: parseIsoDay('2026-11-23'), order: 'any', summaryInput: false });
    expect(options.config.horizonMonths).toBe(24);
    expect((1 + options.config.monthlyDiscountRate) ** 12).toBeCloseTo(1.1, 10);
    // Without the flags: commander's defaults are the parser's.
    handlers.runClv.mockClear();
    const [, defaults] = await received(['clv', 't.csv', '--out', 'o'], 'runClv');
    expect(parseClvOptions(defaults as Parameters<typeof parseClvOptions>[0], {})).toMatchObject({ period: 'week', order: 'per-customer', holdoutPeriods: 0 });
  });

  it('playbook show: language and JSON', async () => {
    const { parsePlaybookShowOptions } = await vi.importActual<typeof import('../../src/commands/playbook.js')>('../../src/commands/playbook.js');
    const [flags] = await received(['playbook', 'show', '--lang', 'de', '--json'], 'runPlaybookShow');
    expect(parsePlaybookShowOptions(flags as Parameters<typeof parsePlaybookShowOptions>[0])).toStrictEqual({ lang: 'de', json: true });
  });
});
