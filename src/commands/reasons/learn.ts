/**
 * `winback reasons --learn labelled.csv --playbook my.yaml`: adds a company's labelled reason
 * texts to the examples file its playbook names, and reports what the new examples change.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parseDocument } from 'yaml';
import type { Context } from '../../io/context.js';
import { describeConflicts, planLearning, type LabelledRow, type LearningPlan } from '../../domain/reasons/learning-plan.js';
import type { LabelledExample, Playbook } from '../../domain/playbook-types.js';
import { classifyReason, type ReasonClassification } from '../../domain/reasons/reasons.js';
import { compileVocabulary, preparedTokens, type ReasonVocabulary } from '../../domain/reasons/vocabulary.js';
import { DataError, ExitCode, UsageError } from '../../errors.js';
import { resolveLang } from '../../cli/lang.js';
import { keyedError, messages, noteOf, type Messages } from '../../domain/catalogue/index.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { loadConfig } from '../../io/config-file.js';
import { codeOfLabel, examplesPathOf, loadPlaybook, readPlaybookSource } from '../../io/playbook-file.js';
import { readExampleRows, readExamples } from '../../io/reason-examples.js';

const CHANGES_SHOWN = 10;

/** Learns the labelled file into the playbook's examples; refuses contradictions. */
export async function runReasonsLearn(ctx: Context, file: string, flags: { playbook?: string; config?: string; lang?: string }): Promise<number> {
  const cfg = await loadConfig(flags.config ?? ctx.env.WINBACK_CONFIG, ctx.cwd, resolveLang(flags.lang, ctx.env));
  const lang = resolveLang(flags.lang, ctx.env, cfg.config.lang);
  const t = messages(lang).reasons;
  const playbookPath = flags.playbook !== undefined ? resolve(ctx.cwd, flags.playbook) : cfg.config.playbook;
  if (playbookPath === undefined) {
    throw new UsageError(t.learnNeedsPlaybook, t.learnNeedsPlaybookHint);
  }
  const loaded = (await loadPlaybook(playbookPath, lang)).playbook;
  const sidecar = examplesPathOf(loaded, playbookPath) ?? resolve(playbookPath, '..', `${basename(playbookPath).replace(/\.(ya?ml|json)$/i, '')}.examples.csv`);
  // An examples file an earlier --learn wrote next to a playbook that no longer names it
  // (a fresh copy): its examples are known, and the playbook names it again.
  const adopted = loaded.examplesFile === undefined && existsSync(sidecar) ? await readExamples(sidecar, true, (label) => codeOfLabel(loaded, label)) : [];
  const playbook: Playbook = { ...loaded, examples: [...(loaded.examples ?? []), ...adopted] };
  const before = compileVocabulary(playbook);
  const rows: LabelledRow[] = (await readExampleRows(resolve(ctx.cwd, file))).map((r) => ({ ...r, code: codeOfLabel(playbook, r.label) }));
  const own = (playbook.examples ?? []).filter((e) => e.own);
  const plan = planLearning(own, rows, (text) => preparedTokens(before, text).join(' '));
  refuseUnusable(file, plan, t);
  if (plan.added.length > 0 || adopted.length > 0) await writeExamples(sidecar, plan.added, loaded, playbookPath);
  const after = compileVocabulary({ ...playbook, examples: [...(playbook.examples ?? []), ...plan.added] });
  ctx.stdout.write(report(plan, own, rows.length, before, after, relative(ctx.cwd, sidecar) || sidecar, t));
  return ExitCode.ok;
}

/** Contradictory labels, unknown codes and empty texts stop the run before anything is written. */
function refuseUnusable(file: string, plan: LearningPlan, t: Messages['reasons']): void {
  if (plan.conflicts.length > 0) throw new DataError(t.learnConflicts(file, plan.conflicts.length, describeConflicts(plan.conflicts).join('\n  ')), t.learnConflictsHint);
  if (plan.unknownCodes.length > 0) {
    const list = plan.unknownCodes.slice(0, CHANGES_SHOWN).map((u) => t.learnUnknownCode(u.line, u.label));
    throw new DataError(t.learnUnknownCodes(file, plan.unknownCodes.length, list.join(', ')), t.learnUnknownCodesHint);
  }
  if (plan.empty.length > 0) throw new DataError(t.learnEmpty(file, plan.empty.slice(0, CHANGES_SHOWN).join(', ')), t.learnEmptyHint);
}

/** Appends the new examples to the examples file (created with a header if new), as they were labelled. */
async function writeExamples(sidecar: string, added: LabelledExample[], playbook: Playbook, playbookPath: string): Promise<void> {
  const existing = await readFile(sidecar, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw keyedError((m) => new DataError(m), noteOf('reasons', { key: 'examplesUnreadable', args: [sidecar, err.code ?? err.message] }));
  });
  const rows = stringify(added.map((e) => [e.text, e.code]));
  const text = existing === undefined ? `text,code\n${rows}` : `${existing}${existing === '' || existing.endsWith('\n') ? '' : '\n'}${rows}`;
  await writeFileAtomic(sidecar, text);
  if (playbook.examplesFile !== undefined) return;
  // Name the new examples file in the playbook, keeping its comments and its layout: one line is
  // appended (the playbook is a top-level mapping), so the user's diff is that line. Written out
  // by the YAML library only when the appended line would not read back as the key.
  const src = await readPlaybookSource(playbookPath);
  const name = basename(sidecar);
  const value = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name) ? name : JSON.stringify(name);
  const appended = `${src.text}${src.text === '' || src.text.endsWith('\n') ? '' : '\n'}examplesFile: ${value}\n`;
  const check = parseDocument(appended);
  if (check.errors.length === 0 && check.get('examplesFile') === name) {
    await writeFileAtomic(playbookPath, appended);
    return;
  }
  const doc = parseDocument(src.text);
  doc.set('examplesFile', name);
  await writeFileAtomic(playbookPath, doc.toString());
}

/** The confidence from which the playbook's own reading counts as sure (judgement: the classifier's "clear" band). */
const CONFIDENT = 0.8;

function report(plan: LearningPlan, own: LabelledExample[], rows: number, before: ReasonVocabulary, after: ReasonVocabulary, shownPath: string, t: Messages['reasons']): string {
  // Known examples are read without recalling them, to show what the new ones teach.
  const read = (v: ReasonVocabulary, text: string): ReasonClassification => classifyReason({ text }, { ...v, taught: new Map(), textCache: new Map() });
  const changed = own
    .map((e) => ({ e, was: read(before, e.text).code, now: read(after, e.text).code }))
    .filter((c) => c.was !== c.now);
  const newlyRight = plan.added.filter((a) => read(before, a.text).code !== a.code && read(after, a.text).code === a.code).length;
  // A label against what the playbook read with confidence ("Preis zu hoch" labelled quality): taught, but named, as a mislabel would be.
  const against = plan.added
    .map((a) => ({ a, was: read(before, a.text) }))
    .filter(({ a, was }) => was.code !== a.code && was.code !== 'unknown' && was.confidence >= CONFIDENT);
  const lines = [
    t.learnRows(rows, plan.added.length, plan.known),
    plan.added.length > 0 ? t.learnWritten(shownPath) : t.learnNothing,
    t.learnNew(plan.added.filter((a) => read(before, a.text).code !== a.code).length, newlyRight),
    t.learnChanged(changed.length, own.length),
    ...changed.slice(0, CHANGES_SHOWN).map((c) => t.learnChange(c.was, c.now, c.e.text, c.e.code)),
    ...(against.length > 0 ? [t.learnAgainst(against.length)] : []),
    ...against.slice(0, CHANGES_SHOWN).map(({ a, was }) => t.learnAgainstLine(a.line, a.text, a.code, was.code, was.evidence)),
  ];
  return `${lines.join('\n')}\n`;
}
