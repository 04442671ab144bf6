import { dirname, resolve } from 'node:path';
import type { Context } from '../io/context.js';
import { formatIsoDay } from '../domain/dates.js';
import { addToTotals, emptyTotals } from '../domain/plan-summary.js';
import type { Reject } from '../domain/types.js';
import { MANUAL_HEADERS, type WorksheetCustomer } from '../domain/worksheet-apply.js';
import { renderWorksheetDocument } from '../domain/worksheet-document.js';
import { completeManualCustomers, newSession, type WorksheetSession } from '../domain/worksheet-session.js';
import { worksheetTexts } from '../domain/worksheet-texts.js';
import { ExitCode, InterruptedError, UsageError } from '../errors.js';
import { createAnswersPrompter, readAnswersFile } from '../io/answers-prompter.js';
import { createTerminalPrompter, PromptInterrupted, type Prompter } from '../io/prompts.js';
import { loadSession, saveSession } from '../io/session-file.js';
import type { RunOutputs } from '../io/run-outputs.js';
import { writeWorksheetOutputs } from '../io/worksheet-output.js';
import { checkRejectRate, loadPlanSetup, openLostCustomers, streamPlan, type LoadedPlanSetup, type PlanFlags } from '../pipeline/plan-setup.js';
import { planSummary } from './plan.js';
import { WorksheetFlow } from './worksheet-flow.js';
import { addManualCustomer } from './worksheet-manual.js';
import { runWorksheetFlow } from './worksheet-steps.js';
import { ensureOutputDir } from '../io/output-dir.js';

export interface WorksheetFlags extends PlanFlags {
  session?: string;
  answers?: string;
  out?: string;
}

/** `winback worksheet`: the consultant's four templates, interactively or from --answers; writes plan.csv, lists and worksheet.md. */
export async function runWorksheet(ctx: Context, file: string | undefined, flags: WorksheetFlags): Promise<number> {
  if (!flags.session) throw new UsageError('--session FILE is required', 'e.g. winback worksheet export.csv --session client.worksheet.json');
  if (file === '-') throw new UsageError('the worksheet needs the terminal for its questions, so the export cannot come from stdin', 'give the export as a file');
  const sessionPath = resolve(ctx.cwd, flags.session);
  const existing = await loadSession(sessionPath, flags.session);
  const answers = flags.answers !== undefined ? await readAnswersFile(resolve(ctx.cwd, flags.answers), flags.answers) : undefined;
  if (!answers && !ctx.stdinIsTTY) {
    throw new UsageError('the worksheet asks questions, but stdin is not a terminal', 'run it in a terminal, or give the answers with --answers FILE (see docs/worksheet.md)');
  }
  const source = sourceOf(file, existing, flags.session);
  const loaded = await loadPlanSetup(ctx, { ...flags, asOf: flags.asOf ?? existing?.as_of, lang: flags.lang ?? existing?.lang ?? langOf(answers) });
  const asOf = formatIsoDay(loaded.setup.asOf);
  if (existing && existing.as_of !== asOf) {
    throw new UsageError(`--session ${flags.session} was started with --as-of ${existing.as_of}, not ${asOf}`, 'leave out --as-of to continue it, or start a new session file');
  }
  const session = existing ? { ...existing, lang: loaded.setup.lang } : newSession({ lang: loaded.setup.lang, asOf, file: source });
  const input = source !== null ? await readCustomers(ctx, source, loaded) : { customers: [], rejects: [], opened: undefined };
  const prompter: Prompter = answers ? createAnswersPrompter(answers, flags.answers as string) : await createTerminalPrompter({ input: ctx.stdin, output: ctx.stdout });
  // A person's answers are saved one by one; an answers file can simply be read again.
  const save = (s: WorksheetSession) => (prompter.interactive ? saveSession(sessionPath, s) : Promise.resolve());
  const flow = new WorksheetFlow({ prompter, say: (s) => ctx.stdout.write(s), save, setup: loaded.setup, color: ctx.color }, session, input.customers);
  completeManualCustomers(session).forEach((_, i) => addManualCustomer(flow, i));
  await saveSession(sessionPath, flow.session);
  const t = worksheetTexts(session.lang);
  if (existing && prompter.interactive && existing.step !== 'done') ctx.stdout.write(`${t.notes.resumed(t.steps[existing.step as keyof typeof t.steps])}\n`);
  try {
    await runWorksheetFlow(flow);
  } catch (err) {
    if (!(err instanceof PromptInterrupted)) throw err;
    const resume = `winback worksheet ${source !== null ? `${source} ` : ''}--session ${flags.session}`;
    throw new InterruptedError(t.notes.interrupted(flags.session), t.notes.resume(resume));
  }
  await saveSession(sessionPath, flow.session);
  const outDir = resolve(ctx.cwd, flags.out ?? dirname(flags.session));
  await ensureOutputDir(outDir, flags.out ?? outDir);
  await writeOutputs(flow, outDir, input, loaded);
  ctx.stdout.write(`${t.notes.written(flags.out ?? outDir)}\n`);
  return ExitCode.ok;
}

/** The export of this session: the argument, or the one the session was started with. */
function sourceOf(file: string | undefined, existing: WorksheetSession | undefined, label: string): string | null {
  if (!existing) return file ?? null;
  if (file !== undefined && file !== existing.file) {
    const was = existing.file === null ? 'with customers entered by hand' : `on ${existing.file}`;
    throw new UsageError(`--session ${label} was started ${was}, not on ${file}`, 'leave out the file to continue the session, or start a new session file');
  }
  return existing.file;
}

function langOf(answers: Record<string, unknown> | undefined): string | undefined {
  return typeof answers?.lang === 'string' ? answers.lang : undefined;
}

type ReadCustomers = { customers: WorksheetCustomer[]; rejects: Reject[]; opened?: Awaited<ReturnType<typeof openLostCustomers>> };

/** Every accepted customer planned by the one pipeline, with its raw cells for plan.csv. */
async function readCustomers(ctx: Context, source: string, loaded: LoadedPlanSetup): Promise<ReadCustomers> {
  const opened = await openLostCustomers(ctx, source, loaded);
  const customers: WorksheetCustomer[] = [];
  const rejects: Reject[] = [];
  await streamPlan(opened, loaded.setup, (base, cells) => void customers.push({ base, cells: [...cells] }), (r) => void rejects.push(r));
  checkRejectRate(opened, loaded.rejectLimit);
  return { customers, rejects, opened };
}

async function writeOutputs(flow: WorksheetFlow, dir: string, input: ReadCustomers, loaded: LoadedPlanSetup): Promise<void> {
  const { setup } = loaded;
  const { opened } = input;
  const pairs = flow.customers.map((c) => ({ base: c.base, final: flow.current(c, true), cells: c.cells }));
  const totals = emptyTotals();
  for (const p of pairs) addToTotals(totals, p.final);
  const document = renderWorksheetDocument({
    session: flow.session, customers: pairs, playbook: setup.playbook, texts: flow.t, currencySymbol: setup.config.model.currencySymbol,
  });
  await writeWorksheetOutputs(dir, {
    headers: opened ? opened.headers : MANUAL_HEADERS,
    rows: pairs.map((p) => ({ plan: p.final, cells: p.cells })),
    rejects: input.rejects,
    setup,
    document,
    ...(opened ? { summary: (outputs: RunOutputs) => planSummary(opened, loaded, totals, outputs) } : {}),
  });
}
