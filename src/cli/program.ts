import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import type { Context } from '../io/context.js';
import { addReadFlags } from './options.js';
import { addOutputFlags } from './output-format.js';
import { messages, type Lang } from '../domain/catalogue/index.js';
import { applyHelpTexts } from './help.js';

type Handler = (...args: never[]) => Promise<number>;

/** Wires commands to lazily imported handlers; `recordExitCode` receives each handler's exit code; `lang` is the language of the help and of commander's errors. */
export function buildProgram(ctx: Context, recordExitCode: (code: number) => void, lang: Lang = 'en'): Command {
  const program = new Command('winback')
    .version(VERSION, '-V, --version')
    .option('--debug')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      // Usage errors read like every other error: "winback: <what>", then a hint.
      outputError: (s, write) => write(messages(lang).usage.commanderError(s.replace(/^error: /, 'winback: '))),
    })
    .showHelpAfterError(messages(lang).usage.helpHint);

  // Each action imports its handler only when it runs, so `winback --help` starts fast.
  const run = (load: () => Promise<Handler>) =>
    async (...args: unknown[]) => {
      const handler = await load();
      // commander passes (args..., options, command); handlers take (ctx, args..., options).
      recordExitCode(await (handler as (...a: unknown[]) => Promise<number>)(ctx, ...args.slice(0, -1)));
    };

  addReadFlags(program.command('inspect').argument('<file>'))
    .option('--json')
    .option('--as-of <date>')
    .option('--config <file>')
    .addOption(langOption())
    .action(run(async () => (await import('../commands/inspect.js')).runInspect));

  const plan = addPlanFlags(addReadFlags(program.command('plan').argument('<file>')));
  addOutputFlags(plan)
    .option('--out <dir>')
    .option('--json')
    .option('--explain <customer_id>')
    .option('--threads <n>')
    .option('--budget <amount>')
    .option('--capacity <caps>')
    .option('-q, --quiet')
    .action(run(async () => (await import('../commands/plan.js')).runPlan));

  const campaign = addPlanFlags(addReadFlags(program.command('campaign').argument('<file>')));
  addOutputFlags(campaign)
    .option('--out <dir>')
    .option('--period <days>')
    .option('--ledger <file>')
    .option('--suppress <file>')
    .option('--capacity <caps>')
    .option('--budget <amount>')
    .option('--holdout <share>')
    .option('--test-offers [share]')
    .option('--test-channels [share]')
    .option('--outcomes <file>')
    .option('--previous <dir>')
    .option('--columns <names>')
    .option('--threads <n>')
    .option('--dry-run')
    .option('--force')
    .option('--json')
    .option('-q, --quiet')
    .action(run(async () => (await import('../commands/campaign/campaign.js')).runCampaign));

  addPlanFlags(addReadFlags(program.command('report').argument('<input>')))
    .option('--html <file>')
    .option('--json')
    .option('-q, --quiet')
    .option('--outlier-share <percent>')
    .option('--ledger <file>')
    .option('--outcomes <file>')
    .option('--window <days>')
    .option('--previous <dir>')
    .option('--threads <n>')
    .action(run(async () => (await import('../commands/report.js')).runReport));

  const worksheet = addPlanFlags(addReadFlags(program.command('worksheet').argument('[file]')));
  addOutputFlags(worksheet)
    .option('--session <file>')
    .option('--answers <file>')
    .option('--out <dir>')
    .option('--export <file>')
    .option('--reopen [step]')
    .option('--suppress <file>')
    .action(run(async () => (await import('../commands/worksheet/worksheet.js')).runWorksheet));

  addReadFlags(program.command('reasons').argument('[file]'))
    .option('--reasons-out <file>')
    .addOption(new Option('--out <file>').hideHelp())
    .option('--excel')
    .option('--no-excel')
    .option('--learn <file>')
    .option('--json')
    .option('-q, --quiet')
    .option('--playbook <file>')
    .option('--config <file>')
    .addOption(langOption())
    .action(run(async () => (await import('../commands/reasons/reasons.js')).runReasons));

  addReadFlags(program.command('clv').argument('<file>'))
    .option('--out <dir>')
    .option('--html <file>')
    .addOption(new Option('--time-unit <unit>').choices(['day', 'week', 'month']))
    .addOption(new Option('--period <unit>').choices(['day', 'week', 'month']).hideHelp())
    .option('--as-of <date>')
    .option('--calibration-end <date>')
    .option('--holdout-end <date>')
    .option('--holdout-periods <n>')
    .option('--horizon-months <n>')
    .option('--discount-rate <rate>')
    .option('--summary-input')
    .option('--customers <file>')
    .option('--lost-threshold <p|auto>')
    .option('--max-organic-return <share>')
    .option('--intervals [replicates]')
    .option('--lost-out <file>')
    .option('--retention-out <file>')
    .option('--excel')
    .option('--no-excel')
    .addOption(new Option('--format <format>').choices(['csv', 'xlsx']))
    .addOption(new Option('--order <order>').choices(['sorted', 'any']).default('sorted'))
    .addOption(new Option('--model <name>').choices(['bg-nbd', 'pareto-nbd']).default('bg-nbd'))
    .option('--amount <expr>')
    .addOption(new Option('--returns <mode>').choices(['net', 'reject']).default('net'))
    .option('--cancel-prefix <prefix>')
    .option('--input-columns <names>')
    .addOption(new Option('--columns <names>').hideHelp())
    .option('--config <file>')
    .addOption(langOption())
    .option('--json')
    .option('-q, --quiet')
    .action(run(async () => (await import('../commands/clv/clv.js')).runClv));

  addReadFlags(program.command('calibrate').argument('<history>'))
    .option('--model-out <file>')
    .addOption(new Option('--out <file>').hideHelp())
    .option('--as-of <date>')
    .option('--playbook <file>')
    .option('--config <file>')
    .option('--allow-defaults')
    .addOption(langOption())
    .option('--json')
    .option('-q, --quiet')
    .action(run(async () => (await import('../commands/calibrate.js')).runCalibrate));

  addReadFlags(program.command('results'))
    .option('--ledger <file>')
    .option('--outcomes <file>')
    .option('--as-of <date>')
    .option('--window <days>')
    .option('--playbook <file>')
    .option('--config <file>')
    .addOption(langOption())
    .option('--json')
    .option('-q, --quiet')
    .option('--html <file>')
    .option('--history-out <file>')
    .option('--excel')
    .option('--no-excel')
    .option('--export <file>')
    .action(run(async () => (await import('../commands/results.js')).runResults));

  const playbook = program.command('playbook');
  playbook
    .command('show')
    .option('--playbook <file>')
    .addOption(new Option('--lang <lang>').choices(['en', 'de']))
    .option('--json')
    .action(run(async () => (await import('../commands/playbook.js')).runPlaybookShow));
  playbook
    .command('init')
    .argument('<file>')
    .option('--force')
    .option('--config <file>')
    .addOption(langOption())
    .action(run(async () => (await import('../commands/playbook.js')).runPlaybookInit));
  playbook
    .command('validate')
    .argument('<file>')
    .option('--config <file>')
    .addOption(langOption())
    .action(run(async () => (await import('../commands/playbook.js')).runPlaybookValidate));

  // Descriptions, examples and commander's own words come from the catalogue, in the run's language.
  applyHelpTexts(program, lang);
  return program;
}

/** --lang for the commands that add it on their own (inspect, reasons, clv, calibrate, results). */
function langOption(): Option {
  return new Option('--lang <lang>').choices(['en', 'de']);
}

/** Flags of every command that plans (plan, campaign, report, worksheet). */
export function addPlanFlags(cmd: Command): Command {
  return cmd
    .option('--as-of <date>')
    .option('--playbook <file>')
    .option('--config <file>')
    .option('--model <file>')
    .addOption(new Option('--lang <lang>').choices(['en', 'de']));
}
