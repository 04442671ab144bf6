import { dirname, relative, resolve } from 'node:path';
import type { Context } from '../../io/context.js';
import { formatIsoDay } from '../../domain/dates.js';
import { addToTotals, emptyTotals } from '../../domain/plan/summary.js';
import type { Reject } from '../../domain/types.js';
import { MANUAL_HEADERS, type WorksheetCustomer } from '../../domain/worksheet/apply.js';
import { renderWorksheetDocument } from '../../domain/worksheet/document.js';
import { completeManualCustomers, newSession, type WorksheetSession, type WorksheetStep } from '../../domain/worksheet/session.js';
import { type WorksheetTexts, messages } from '../../domain/catalogue/index.js';
import { ExitCode, InterruptedError, UsageError } from '../../errors.js';
import { createAnswersPrompter, readAnswersFile } from '../../io/answers-prompter.js';
import { createTerminalPrompter, PromptBack, PromptInterrupted, type Prompter } from '../../io/prompts.js';
import { locateExport } from '../../io/worksheet/export.js';
import { loadSession, saveSession } from '../../io/worksheet/session-file.js';
import type { RunOutputs } from '../../io/run-outputs.js';
import { writeWorksheetOutputs } from '../../io/worksheet/output.js';
import { renderNote } from '../../io/worksheet/render.js';
import { planExport } from '../../engine/index.js';
import { loadPlanSetup, openLostCustomers, type LoadedPlanSetup } from '../../pipeline/plan-setup.js';
import { readSuppression } from '../../io/suppression-file.js';
import { planOptions, type PlanFlags } from '../../cli/plan-options.js';
import { resolveLang } from '../../cli/lang.js';
import { planSummary } from '../plan.js';
import { QuitRequested, WorksheetFlow } from './flow.js';
import { addManualCustomer } from './manual.js';
import { reopenAt, runWorksheetFlow } from './steps.js';
import { ensureOutputDir } from '../../io/output-dir.js';
import { refuseStdout } from '../../io/table-output.js';
import { resolveOutputFormat, type OutputFormat, type RawOutputFlags } from '../../cli/output-format.js';

export interface WorksheetFlags extends PlanFlags, RawOutputFlags {
  session?: string;
  answers?: string;
  out?: string;
  /** the export of a resumed session that moved: accepted by its content */
  export?: string;
  /** reopen the session at a step (true: ask which, or step 1 with --answers) */
  reopen?: string | boolean;
  /** a suppression list, as campaign reads it */
  suppress?: string;
}

/** `winback worksheet`: the consultant's four templates, interactively or from --answers; writes plan.csv, lists and worksheet.md. */
export async function runWorksheet(ctx: Context, file: string | undefined, flags: WorksheetFlags): Promise<number> {
  // Before the session and the config are read: --lang, else WINBACK_LANG or the locale (as the error's frame is).
  const envLang = flags.lang !== undefined ? langIn(flags.lang) : resolveLang(undefined, ctx.env);
  const early = messages(envLang).worksheet.texts;
  if (!flags.session) throw new UsageError(early.errors.sessionRequired, early.errors.sessionExample);
  refuseStdout('--out', flags.out, 'worksheet');
  const sessionPath = resolve(ctx.cwd, flags.session);
  const existing = await loadSession(sessionPath, flags.session, envLang);
  const answers = flags.answers !== undefined ? await readAnswersFile(resolve(ctx.cwd, flags.answers), flags.answers, envLang) : undefined;
  const t0 = messages(langIn(flags.lang ?? existing?.lang ?? langOf(answers) ?? envLang)).worksheet.texts;
  if (file === '-' || flags.export === '-') throw new UsageError(t0.errors.stdin, t0.errors.stdinHint);
  // A finished session not reopened asks nothing: it writes its files again, from a script too.
  const finished = existing?.step === 'done' && (flags.reopen === undefined || flags.reopen === false);
  if (!answers && !ctx.stdinIsTTY && !finished) throw new UsageError(t0.errors.noTerminal, t0.errors.noTerminalHint);
  if (flags.reopen !== undefined && flags.reopen !== false && !existing) throw new UsageError(t0.errors.reopenNothing(flags.session), t0.errors.reopenHint);
  const reopen = reopenStep(flags.reopen, t0);
  const given = flags.export ?? file;
  const source = await locateExport({ cwd: ctx.cwd, sessionPath, label: flags.session, ...(given !== undefined ? { given } : {}), ...(existing ? { existing } : {}), t: t0 });
  const loaded = await loadPlanSetup(ctx, planOptions(ctx, { ...flags, asOf: flags.asOf ?? existing?.as_of, lang: flags.lang ?? existing?.lang ?? langOf(answers) }));
  // The lists the worksheet writes are the ones used: a suppression list reaches them as it does campaign's.
  if (flags.suppress !== undefined) loaded.setup.suppression = await readSuppression(ctx, flags.suppress, loaded.setup.config.permission.defaultPhoneCountry, loaded.setup.lang);
  const asOf = formatIsoDay(loaded.setup.asOf);
  if (existing && existing.as_of !== asOf) throw new UsageError(t0.errors.otherAsOf(flags.session, existing.as_of, asOf), t0.errors.otherAsOfHint);
  const located = { file: source.stored, ...(source.sha256 !== undefined ? { file_sha256: source.sha256 } : {}) };
  const session = existing ? { ...existing, ...located, lang: loaded.setup.lang } : { ...newSession({ lang: loaded.setup.lang, asOf, file: source.stored }), ...located };
  // The export named as the user knows it: as given, else relative to the working folder.
  const label = source.path === null ? null : (given ?? relative(ctx.cwd, source.path));
  const input = label !== null ? await readCustomers(ctx, label, loaded) : { customers: [], rejects: [], opened: undefined };
  const t = messages(session.lang).worksheet.texts;
  const words = { selectKeys: t.keys.select, noMatch: t.ask.noMatch };
  const fromFile = answers ? createAnswersPrompter(answers, flags.answers as string, session.lang) : !ctx.stdinIsTTY ? createAnswersPrompter({}, flags.session, session.lang) : undefined;
  const prompter: Prompter = fromFile ?? (await createTerminalPrompter({ input: ctx.stdin, output: ctx.stdout, words }));
  // A person's answers are saved one by one; an answers file can simply be read again.
  const save = (s: WorksheetSession) => (prompter.interactive ? saveSession(sessionPath, s) : Promise.resolve());
  const flow = new WorksheetFlow({ prompter, say: (s) => ctx.stdout.write(s), save, setup: loaded.setup, color: ctx.color }, session, input.customers);
  completeManualCustomers(session).forEach((_, i) => addManualCustomer(flow, i));
  await saveSession(sessionPath, flow.session);
  const resume = `winback worksheet --session ${flags.session}`;
  try {
    if (reopen !== undefined) {
      const step = reopen === 'ask' ? await askReopenStep(flow) : reopen;
      await reopenAt(flow, step);
      flow.say(renderNote(t.notes.reopened(t.steps[step])));
    } else if (existing && existing.step === 'done') flow.say(renderNote(t.notes.finished));
    else if (existing) flow.say(renderNote(t.notes.resumed(t.steps[existing.step as keyof typeof t.steps])));
    await runWorksheetFlow(flow);
  } catch (err) {
    if (err instanceof QuitRequested) {
      await saveSession(sessionPath, flow.session);
      ctx.stdout.write(`\n${renderNote(t.notes.quit(flags.session, resume))}`);
      return ExitCode.ok;
    }
    if (!(err instanceof PromptInterrupted)) throw err;
    throw new InterruptedError(t.notes.interrupted(flags.session), t.notes.resume(resume));
  }
  await saveSession(sessionPath, flow.session);
  // Answers no question asked for are named, not dropped without a word.
  const unused = fromFile?.unusedAnswers() ?? [];
  if (unused.length > 0) {
    const shown = unused.slice(0, UNUSED_SHOWN).join(', ');
    const more = unused.length - Math.min(unused.length, UNUSED_SHOWN);
    const say = messages(session.lang).worksheetErrors;
    // A finished session asks nothing again: its answers stand until it is reopened.
    // The step whose answers came first: decisions and customers 1, relationships 2, lessons 3, measures and the group 4.
    const section = (unused[0] as string).split('.')[0] as string;
    const step = ({ decisions: 1, customers: 1, relationships: 2, lessons: 3 } as Record<string, number>)[section] ?? 4;
    const why = existing?.step === 'done' && reopen === undefined ? say.answersSessionDone(flags.answers as string, shown, more, flags.session, step) : say.answersUnused(flags.answers as string, shown, more);
    ctx.stderr.write(`${messages(session.lang).common.warning}: ${why}\n`);
  }
  const outDir = resolve(ctx.cwd, flags.out ?? dirname(flags.session));
  await ensureOutputDir(outDir, flags.out ?? outDir);
  await writeOutputs(flow, outDir, input, loaded, resolveOutputFormat(flags, loaded.setup.config.output));
  // Fitted to the terminal when a person reads it; one line for a script.
  const written = t.notes.written(flags.out ?? dirname(flags.session));
  ctx.stdout.write(prompter.interactive ? renderNote(written) : `${written}\n`);
  return ExitCode.ok;
}

/** Unused answers named in the warning; the rest are counted. */
const UNUSED_SHOWN = 5;

type OpenStep = Exclude<WorksheetStep, 'done'>;
const STEP_NAMES: readonly OpenStep[] = ['selection', 'relationship', 'lessons', 'measures'];

/** The step --reopen names (1–4 or its name), 'ask' without one, undefined without the flag. */
function reopenStep(value: string | boolean | undefined, t: WorksheetTexts): OpenStep | 'ask' | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return 'ask';
  const byNumber = STEP_NAMES[Number(value) - 1];
  const step = /^[1-4]$/.test(value) ? byNumber : STEP_NAMES.find((s) => s === value);
  if (step === undefined) throw new UsageError(t.errors.badStep(value));
  return step;
}

async function askReopenStep(flow: WorksheetFlow): Promise<OpenStep> {
  const { t } = flow;
  try {
    return await flow.deps.prompter.select<OpenStep>({ key: ['reopen'], message: t.ask.reopen, default: 'selection', choices: STEP_NAMES.map((s) => ({ value: s, name: t.steps[s] })) });
  } catch (err) {
    if (err instanceof PromptBack) return 'selection';
    throw err;
  }
}

function langIn(lang: string | undefined): 'en' | 'de' {
  return lang === 'de' ? 'de' : 'en';
}

function langOf(answers: Record<string, unknown> | undefined): string | undefined {
  return typeof answers?.lang === 'string' ? answers.lang : undefined;
}

type ReadCustomers = { customers: WorksheetCustomer[]; rejects: Reject[]; opened?: Awaited<ReturnType<typeof openLostCustomers>> };

/** Every accepted customer planned by the one pipeline, with its raw cells for plan.csv. */
async function readCustomers(ctx: Context, source: string, loaded: LoadedPlanSetup): Promise<ReadCustomers> {
  const first = await openLostCustomers(ctx, source, loaded);
  const { opened, made, objectorKeys } = await planExport(ctx, source, loaded, first, {
    order: 'input',
    start: () => ({ customers: [] as WorksheetCustomer[], rejects: [] as Reject[] }),
    customer: (read, base, cells) => void read.customers.push({ base, cells: [...cells] }),
    reject: (read, r) => void read.rejects.push(r),
  });
  // A customer planned again (an answer changed) is planned as the export was: with its objectors' contact points.
  if (objectorKeys) loaded.setup.objectorKeys = objectorKeys;
  return { ...made, opened };
}

async function writeOutputs(flow: WorksheetFlow, dir: string, input: ReadCustomers, loaded: LoadedPlanSetup, format: OutputFormat): Promise<void> {
  const { setup } = loaded;
  const { opened } = input;
  const pairs = flow.customers.map((c) => ({ base: c.base, final: flow.current(c, true), cells: c.cells }));
  const totals = emptyTotals();
  // Priced as plan prices its customers, so that summary.json holds the same money (and a report on this folder the same cents).
  for (const p of pairs) addToTotals(totals, p.final, setup.playbook);
  const document = renderWorksheetDocument({
    session: flow.session, customers: pairs, playbook: setup.playbook, texts: flow.t, currencySymbol: setup.config.model.currencySymbol,
  });
  await writeWorksheetOutputs(dir, {
    format,
    headers: opened ? opened.headers : MANUAL_HEADERS,
    rows: pairs.map((p) => ({ plan: p.final, cells: p.cells })),
    rejects: input.rejects,
    setup,
    document,
    ...(opened ? { summary: (outputs: RunOutputs) => planSummary(opened, loaded, totals, outputs) } : {}),
  });
}
