import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import type { Context } from '../io/context.js';
import { addReadFlags } from './options.js';
import { addOutputFlags } from './output-format.js';
import { messages, type Lang } from '../domain/messages.js';

type Handler = (...args: never[]) => Promise<number>;

/** Wires commands to lazily imported handlers; `recordExitCode` receives each handler's exit code. */
export function buildProgram(ctx: Context, recordExitCode: (code: number) => void, lang: Lang = 'en'): Command {
  const program = new Command('winback')
    .description('Win-back analysis of lost customers: who is worth winning back, why they left, how and when to approach them.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      // Usage errors read like every other error: "winback: <what>", then a hint.
      outputError: (s, write) => write(messages(lang).usage.commanderError(s.replace(/^error: /, 'winback: '))),
    })
    .showHelpAfterError(messages(lang).usage.helpHint)
    .addHelpText('after', [
      '',
      'Examples:',
      '  $ winback inspect fixtures/lost-customers-de.csv',
      '  $ winback plan fixtures/lost-customers-en.csv --out out/plan --as-of 2026-11-23',
      '',
      'Exit codes: 0 ok, 64 usage, 65 data error, 66 input missing, 73 cannot write, 74 I/O error, 75 locked.',
    ].join('\n'));

  // Each action imports its handler only when it runs, so `winback --help` starts fast.
  const run = (load: () => Promise<Handler>) =>
    async (...args: unknown[]) => {
      const handler = await load();
      // commander passes (args..., options, command); handlers take (ctx, args..., options).
      recordExitCode(await (handler as (...a: unknown[]) => Promise<number>)(ctx, ...args.slice(0, -1)));
    };
  const example = (text: string) => `\nExample:\n  $ ${text}\n`;

  addReadFlags(program.command('inspect').description('show how an export is read: encoding, delimiter, number and date formats, column mapping, rejects').argument('<file>', 'CSV export, or - for stdin'))
    .option('--json', 'print the result as one JSON object')
    .option('--as-of <date>', 'churn dates after this date (2026-11-23 or 23.11.2026) are rejected (default: today, or WINBACK_AS_OF)')
    .option('--config <file>', 'config file, for its column map, currency and reject limit (default: WINBACK_CONFIG or built-in defaults)')
    .addOption(langOption())
    .addHelpText('after', example('winback inspect fixtures/lost-customers-de.csv --json\n  $ winback inspect kunden.xlsx --sheet Kunden   (an Excel workbook: the first sheet, or the one named)'))
    .action(run(async () => (await import('../commands/inspect.js')).runInspect));

  const plan = addPlanFlags(addReadFlags(program.command('plan').description('decide whom to win back, with which measure, offer, channel and timing; writes plan.csv, rejects.csv, summary.json').argument('<file>', 'lost-customer export, or - for stdin')));
  addOutputFlags(plan, 'plan.csv and rejects.csv (plan.xlsx)')
    .option('--out <dir>', 'output directory')
    .option('--json', 'print summary.json to stdout instead of the table')
    .option('--explain <customer_id>', "print one customer's computation step by step (writes nothing)")
    .option('--threads <n>', 'threads planning exports of 8 MiB and more: this one and n−1 workers (default: CPUs, at most 4, or WINBACK_THREADS; 1: stream on this thread)')
    .option('--budget <amount>', 'approach only the contacts with the most incremental value per unit of cost until AMOUNT is spent (channel cost + expected incentive); the rest worth it are let go, over budget')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText('after', example('winback plan fixtures/lost-customers-de.csv --out out/plan --as-of 23.11.2026 --lang de --format xlsx\n  $ winback plan kunden.xlsx --sheet Kunden --out out/plan --as-of 23.11.2026 --excel\n  $ winback plan out/silent-churners.csv --out out/plan-silent   (clv --lost-out: the lost on the win_back track, core defectors on retention)'))
    .action(run(async () => (await import('../commands/plan.js')).runPlan));

  const campaign = addPlanFlags(addReadFlags(program.command('campaign').description("this period's contact lists per channel: permission-checked, paced by the contact ledger, safe for cron").argument('<file>', 'lost-customer export, or - for stdin')));
  addOutputFlags(campaign, 'the lists (campaign.xlsx, a sheet per list)')
    .option('--out <dir>', 'output directory (campaign-<channel>.csv, excluded.csv, rejects.csv, summary.json)')
    .option('--period <days>', 'length of this run, e.g. 7d or 2w (default: 7d)')
    .option('--ledger <file>', 'contact history: read for pacing, this run appended (append-only CSV)')
    .option('--suppress <file>', 'suppression list (customer_id, email and/or phone)')
    .option('--capacity <caps>', 'places per channel, e.g. phone=50,visit=10; the rest waits for the next period')
    .option('--budget <amount>', 'approach only the plan\'s contacts with the most incremental value per unit of cost until AMOUNT is spent (as plan --budget); this run lists those of its period')
    .option('--holdout <share>', 'keep a stable random share of eligible customers out as control group, e.g. 10%')
    .option('--test-offers [share]', 'give a stable random share of the listed customers an offer drawn at random among their measure\'s offers, marked in the lists and the ledger, so calibrate can learn what each offer adds (default share 20%; config campaign.testOffers)')
    .option('--outcomes <file>', 'customers who came back (as for winback results): serial defectors are flagged, capped or excluded per campaign.serialDefectors')
    .option('--previous <dir>', "last run's output: adds changes.csv (who entered or left the lists, and why)")
    .option('--columns <names>', 'the list columns to write, in this order, e.g. customer_id,name,phone,contact_person,reason_text,offer (must include customer_id; a contact column shows only on its channels\' lists)')
    .option('--dry-run', 'write the lists but do not append to the ledger')
    .option('--force', 'run even though the ledger looks changed in a way that would contact people again (emptied or cut short, dated in the future, or later than --as-of)')
    .option('--json', 'print summary.json to stdout instead of one line')
    .option('-q, --quiet', 'print nothing on success (and no progress display)')
    .addHelpText('after', example('winback campaign fixtures/lost-customers-en.csv --out out/week --as-of 2026-11-23 --ledger out/ledger.csv --capacity phone=20\n  $ winback campaign fixtures/lost-customers-en.csv --out out/week --as-of 2026-11-23 --ledger out/ledger.csv --holdout 10% --test-offers 20%\n  $ winback campaign kunden.xlsx --out out/woche --as-of 23.11.2026 --ledger out/kontakte.csv --format xlsx --excel\n  $ winback campaign kunden.csv --out out/anrufe --lang de --columns customer_id,name,phone,contact_person,reason_text,offer\n  $ winback campaign out/silent-churners.csv --out out/week --ledger out/ledger.csv   (a clv hand-over: core defectors go to retention-<channel>.csv)'))
    .action(run(async () => (await import('../commands/campaign.js')).runCampaign));

  addPlanFlags(addReadFlags(program.command('report').description('report for analysts: losses by reason (Pareto), value, decisions by segment, contact calendar, top candidates, data quality').argument('<input>', 'lost-customer export (- for stdin), or the output directory of winback plan or campaign')))
    .option('--html <file>', 'also write one self-contained HTML report with charts (works offline, prints well)')
    .option('--json', 'print the report model as JSON instead of the tables')
    .option('-q, --quiet', 'print nothing on success (with --html: only the file is written)')
    .option('--outlier-share <percent>', 'flag any customer carrying more than this share of the expected profit (default: 10)')
    .option('--ledger <file>', "the campaign's contact ledger (with --outcomes): adds contacted and returned to the funnel and the lift over the control group, as winback results (default: ledger.csv in the input directory)")
    .option('--outcomes <file>', 'customers who came back, as for winback results (default: outcomes.csv in the input directory)')
    .option('--window <days>', 'attribution window for the results, e.g. 90d or 12w (default: campaign.attributionWindowDays, 90)')
    .option('--previous <dir>', 'an earlier run to compare with: a plan or campaign output directory, or a file saved from report --json; adds the change of the headline figures, decisions and customers per reason')
    .addHelpText('after', example('winback report fixtures/lost-customers-en.csv --as-of 2026-11-23 --html out/report.html\n  $ winback report fixtures/lost-customers-en.csv --as-of 2027-06-01 --ledger out/ledger.csv --outcomes fixtures/outcomes-en.csv --html out/report.html\n  $ winback report out/plan-week-49 --previous out/plan-week-48 --html out/report.html'))
    .action(run(async () => (await import('../commands/report.js')).runReport));

  const worksheet = addPlanFlags(addReadFlags(program.command('worksheet').description("the consultant's four worksheets, interactively: selection, relationship and reasons, lessons from sales, measures plan; writes plan.csv, campaign lists and worksheet.md").argument('[file]', 'lost-customer export (leave out to enter customers by hand, or to resume a session)')));
  addOutputFlags(worksheet, 'plan.csv and the lists (plan.xlsx, campaign.xlsx)')
    .option('--session <file>', 'session file: every answer is saved here; an existing one is resumed')
    .option('--answers <file>', 'answers as JSON instead of questions (no terminal needed; see docs/worksheet.md)')
    .option('--out <dir>', 'output directory (default: the session file\'s directory)')
    .option('--export <file>', 'the export of a resumed session that has moved: accepted when its content is the one the session was started on')
    .option('--reopen [step]', 'reopen a session (also a finished one) at a step: 1-4 or selection, relationship, lessons, measures (without a value: ask)')
    .addHelpText('after', example('winback worksheet fixtures/lost-customers-en.csv --session out/acme.worksheet.json --as-of 2026-11-23\n  $ winback worksheet --session out/acme.worksheet.json --reopen 4'))
    .action(run(async () => (await import('../commands/worksheet.js')).runWorksheet));

  addReadFlags(program.command('reasons').description('classify departure reasons: counts, shares, examples and the texts and codes left unclassified; or learn labelled texts').argument('[file]', 'export with customer_id and reason and/or reason_code, or - for stdin'))
    .option('--reasons-out <file>', 'write one row per customer (customer_id, reason_text, reason_code, reason_secondary, reason_confidence, reason_evidence): a CSV file, - for stdout, or a name ending in .xlsx for a workbook')
    .addOption(new Option('--out <file>', 'old spelling of --reasons-out').hideHelp())
    .option('--excel', 'write the CSV for German Excel (UTF-8 with BOM, ";", decimal comma, ="01067" for leading zeros)')
    .option('--no-excel', 'write a plain CSV even where the config asks for --excel')
    .option('--learn <file>', "add labelled texts (CSV with text and code columns) to your playbook's examples file (needs --playbook)")
    .option('--json', 'print the result as JSON')
    .option('-q, --quiet', 'print nothing on success (the table still goes to --reasons-out)')
    .option('--playbook <file>', 'playbook with your own vocabulary (default: the built-in one)')
    .option('--config <file>', 'config file (YAML or JSON)')
    .addOption(langOption())
    .addHelpText('after', example('winback reasons fixtures/lost-customers-de.csv --reasons-out out/reasons.csv\n  $ winback reasons fixtures/lost-customers-de.csv --reasons-out out/gruende.xlsx   (- writes the table to stdout)\n  $ winback reasons --learn labelled.csv --playbook my-playbook.yaml'))
    .action(run(async () => (await import('../commands/reasons.js')).runReasons));

  addReadFlags(program.command('clv').description('customer value from transaction histories (BG/NBD or Pareto/NBD + Gamma-Gamma): P(alive), CLV, lifecycle phases, silent churners').argument('<file>', 'transactions (customer_id, date, amount), an RFM summary with --summary-input, or - for stdin'))
    .option('--out <dir>', 'output directory (customers.csv, model.json, rejects.csv)')
    .option('--html <file>', 'also write one self-contained HTML page: frequency–recency matrices of expected purchases and P(alive), calibration vs holdout purchases (with --holdout-end), lifecycle phases over time')
    .addOption(new Option('--time-unit <unit>', 'time unit of frequency, recency and T (default: week)').choices(['day', 'week', 'month']))
    .addOption(new Option('--period <unit>', 'old spelling of --time-unit').choices(['day', 'week', 'month']).hideHelp())
    .option('--as-of <date>', 'the run date; the calibration end when --calibration-end is not given (default: WINBACK_AS_OF, else the last transaction date)')
    .option('--calibration-end <date>', 'last day (2026-06-30 or 30.06.2026) of the calibration period')
    .option('--holdout-end <date>', 'last day of a holdout period after the calibration end, to compare forecast and actual purchases')
    .option('--holdout-periods <n>', 'holdout length in --time-unit units instead of --holdout-end')
    .option('--horizon-months <n>', 'months valued by CLV and counted in expected_purchases (default 12)')
    .option('--discount-rate <rate>', 'annual discount rate for CLV, e.g. 0.1 or 10% (default 12.7 %, i.e. 1 % a month)')
    .option('--summary-input', 'the file is already an RFM summary (frequency, recency, T, optional monetary)')
    .option('--customers <file>', 'customer list; listed customers without purchases become prospects')
    .option('--lost-threshold <p|auto>', "P(alive) below which a repeat buyer is lost; 'auto' (the default with a holdout) chooses it on the holdout, a number is checked there")
    .option('--max-organic-return <share>', 'with a holdout: largest share of "lost" customers allowed to buy again on their own, e.g. 10% (default 10 %)')
    .option('--intervals [replicates]', '90 % bootstrap intervals for the parameters and each customer\'s CLV (default 200 replicates)')
    .option('--lost-out <file>', 'write the lost customers (silent churners) and the core defectors for winback plan, valued by the purchase model (hand-over columns): win-back for the lost, retention for the drifting')
    .option('--retention-out <file>', 'write the core defectors (alive but drifting) as a retention list: value at risk and a retention measure')
    .option('--excel', 'write the CSVs for German Excel (UTF-8 with BOM, ";", decimal comma)')
    .option('--no-excel', 'write plain CSVs even where the config asks for --excel')
    .addOption(new Option('--format <format>', 'csv, or xlsx to write customers.csv and rejects.csv as clv.xlsx too (default: config output.format, else csv)').choices(['csv', 'xlsx']))
    .addOption(new Option('--order <order>', "row order of the transactions: 'sorted' (each customer's rows in date order; flat memory) or 'any'").choices(['sorted', 'any']).default('sorted'))
    .addOption(new Option('--model <name>', 'purchase model: bg-nbd (Fader, Hardie & Lee 2005) or pareto-nbd (Schmittlein, Morrison & Colombo 1987)').choices(['bg-nbd', 'pareto-nbd']).default('bg-nbd'))
    .option('--amount <expr>', "the amount: a column, or the product of two, e.g. 'Quantity*UnitPrice' (default: the mapped amount column)")
    .addOption(new Option('--returns <mode>', 'negative amounts and cancellations: net them against the customer\'s purchases, or reject the rows').choices(['net', 'reject']).default('net'))
    .option('--cancel-prefix <prefix>', 'invoices whose number starts with this are cancellations, e.g. C (needs an invoice column)')
    .option('--input-columns <names>', 'the file has no header line: name its columns, comma-separated (e.g. for CDNOW_sample.txt)')
    .addOption(new Option('--columns <names>', 'old spelling of --input-columns').hideHelp())
    .option('--config <file>', 'config file; its clv: section sets the lifecycle thresholds (docs/config.md)')
    .addOption(langOption())
    .option('--json', 'print model.json to stdout instead of the table')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText('after', `${example('winback clv fixtures/transactions-en.csv --out out/clv --lost-out out/silent-churners.csv')}  $ winback clv fixtures/transactions-de.csv --out out/clv-de --format xlsx --excel\n  $ winback clv fixtures/transactions-en.csv --out out/clv --holdout-end 2026-11-23 --calibration-end 2026-05-31 --html out/clv.html\n  $ winback clv online-retail.csv --amount 'Quantity*UnitPrice' --cancel-prefix C --out out/retail\n  $ winback clv CDNOW_master.txt --delimiter whitespace --out out/cdnow   (runs of spaces; dates YYYYMMDD)\n`)
    .action(run(async () => (await import('../commands/clv.js')).runClv));

  addReadFlags(program.command('calibrate').description('fit the reacquisition model on past win-back attempts; writes model.json for plan --model, with only the learned parts that decide better than the defaults in money on held-out control and randomised customers (else the defaults)').argument('<history>', 'past attempts: lost-customer columns plus won_back (yes/no), optional contact_date, channel, offer_type, attempt_group, offer_randomised, second_lifetime_months/revenue; or - for stdin'))
    .option('--model-out <file>', 'where to write the model (JSON), for plan --model')
    .addOption(new Option('--out <file>', 'old spelling of --model-out').hideHelp())
    .option('--as-of <date>', 'date to compute months since churn at for rows without contact_date (default: left out)')
    .option('--playbook <file>', 'playbook whose reasons and base rates are the priors (default: the built-in one)')
    .option('--config <file>', 'config file (YAML or JSON): model.calibration settings')
    .addOption(langOption())
    .option('--json', 'print the report (with the model) as JSON')
    .option('-q, --quiet', 'print nothing on success')
    .addHelpText('after', example('winback calibrate out/history.csv --model-out model.json && winback plan fixtures/lost-customers-en.csv --model model.json --out out/plan'))
    .action(run(async () => (await import('../commands/calibrate.js')).runCalibrate));

  addReadFlags(program.command('results').description('did the win-back programme pay? regain rate, lift over control (95 % CI), second-lifetime margin, cost and profit per reason × offer × channel'))
    .option('--ledger <file>', 'contact ledger written by winback campaign (contacted and control customers)')
    .option('--outcomes <file>', 'customers who came back: customer_id, return_date, optional revenue, margin, cancelled_again')
    .option('--as-of <date>', 'count contacts and returns up to this date (default: today, or WINBACK_AS_OF)')
    .option('--window <days>', 'attribution window after a contact, e.g. 90d or 12w (default: campaign.attributionWindowDays, 90)')
    .option('--playbook <file>', 'playbook with the channel and incentive costs (default: the built-in one)')
    .option('--config <file>', 'config file (YAML or JSON)')
    .addOption(langOption())
    .option('--json', 'print the results as JSON')
    .option('-q, --quiet', 'print nothing on success (the files --html and --history-out are still written)')
    .option('--html <file>', 'also write a self-contained HTML page with the KPI table and the lift per reason')
    .option('--history-out <file>', 'write the attempts with their outcomes in the format winback calibrate reads (needs --export): a CSV file, - for stdout, or a name ending in .xlsx')
    .option('--excel', 'write --history-out for German Excel (UTF-8 with BOM, ";", decimal comma)')
    .option('--no-excel', 'write a plain CSV even where the config asks for --excel')
    .option('--export <file>', 'the lost-customer export the campaign ran on (columns for --history-out)')
    .addHelpText('after', `\n--map outcomes:field=Header or export:field=Header maps a column in that file\nonly; without a prefix, in both files.\n${example('winback results --ledger out/ledger.csv --outcomes returns.csv --window 90d --history-out out/history.csv --export fixtures/lost-customers-en.csv')}  $ winback results --ledger out/ledger.csv --outcomes returns.csv --history-out out/history.xlsx --export kunden.xlsx\n`)
    .action(run(async () => (await import('../commands/results.js')).runResults));

  const playbook = program
    .command('playbook')
    .description('show, copy or check the recovery playbook (reasons → measures, offers, channels, timing)')
    .addHelpText('after', example('winback playbook show --lang de'));
  playbook
    .command('show')
    .description('print the playbook as a table')
    .option('--playbook <file>', 'a playbook file (default: the built-in one)')
    .addOption(new Option('--lang <lang>', 'language of texts (default: WINBACK_LANG, else LC_ALL/LC_MESSAGES/LANG, else en)').choices(['en', 'de']))
    .option('--json', 'print the playbook as JSON')
    .addHelpText('after', example('winback playbook show --lang de'))
    .action(run(async () => (await import('../commands/playbook.js')).runPlaybookShow));
  playbook
    .command('init')
    .description('write an editable copy of the built-in playbook')
    .argument('<file>', 'where to write it (YAML)')
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', example('winback playbook init my-playbook.yaml'))
    .action(run(async () => (await import('../commands/playbook.js')).runPlaybookInit));
  playbook
    .command('validate')
    .description('check a playbook file; errors name the path of the bad entry')
    .argument('<file>', 'playbook file (YAML or JSON)')
    .addHelpText('after', example('winback playbook validate my-playbook.yaml'))
    .action(run(async () => (await import('../commands/playbook.js')).runPlaybookValidate));

  return program;
}

/** --lang for the commands that add it on their own (inspect, reasons, clv, calibrate, results). */
function langOption(): Option {
  return new Option('--lang <lang>', 'language of texts (default: WINBACK_LANG, then config lang, then LC_ALL/LC_MESSAGES/LANG, else en)').choices(['en', 'de']);
}

/** Flags of every command that plans (plan, campaign, report, worksheet). */
export function addPlanFlags(cmd: Command): Command {
  return cmd
    .option('--as-of <date>', 'the run date (2026-11-23 or 23.11.2026) all timing is computed from (default: today, or WINBACK_AS_OF)')
    .option('--playbook <file>', 'playbook file (default: the built-in one)')
    .option('--config <file>', 'config file (YAML or JSON; default: WINBACK_CONFIG or built-in defaults)')
    .option('--model <file>', 'calibrated model from winback calibrate')
    .addOption(new Option('--lang <lang>', 'language of texts (default: WINBACK_LANG, then config lang, then LC_ALL/LC_MESSAGES/LANG, else en)').choices(['en', 'de']));
}
