/**
 * `winback playbook show | init FILE | validate FILE`: look at, copy and check the playbook
 * that maps departure reasons to measures, offers, channels and timing.
 */
import { isAbsolute, resolve } from 'node:path';
import Table from 'cli-table3';
import { currentTableWidth } from '../io/render.js';
import { resolveLang } from '../cli/lang.js';
import { loadConfig } from '../io/config-file.js';
import { messages } from '../domain/catalogue/index.js';
import type { Context } from '../io/context.js';
import { validatePlaybook } from '../domain/playbook.js';
import { translateComments } from '../domain/playbook-comments.js';
import { PLAYBOOK_COMMENTS_DE } from '../domain/playbook-comments-de.js';
import type { Playbook, TimingRule } from '../domain/playbook-types.js';
import { DataError, ExitCode, UsageError } from '../errors.js';
import { DEFAULT_PLAYBOOK_PATH, describeInvalid, loadPlaybook, readPlaybookSource, writePlaybookFile } from '../io/playbook-file.js';

export type Lang = 'en' | 'de';

export interface PlaybookShowOptions {
  lang: Lang;
  json: boolean;
  /** a user playbook instead of the default */
  playbook?: string;
}

export interface PlaybookInitOptions {
  force?: boolean;
  lang?: string;
  config?: string;
}

/** Raw validate flags as commander gives them. */
export interface PlaybookValidateFlags {
  lang?: string;
  config?: string;
}

/** Raw show flags as commander gives them. */
export interface PlaybookShowFlags {
  lang?: string;
  json?: boolean;
  playbook?: string;
}

/** Turns commander's raw values into typed show options; a bad --lang is a usage error. */
export function parsePlaybookShowOptions(raw: PlaybookShowFlags, env: Record<string, string | undefined> = {}): PlaybookShowOptions {
  const lang = resolveLang(raw.lang, env);
  return { lang, json: raw.json === true, ...(raw.playbook !== undefined ? { playbook: raw.playbook } : {}) };
}

/** Prints the playbook as a table (or JSON): reason → measure, offers, channels, timing. */
export async function runPlaybookShow(ctx: Context, flags: PlaybookShowFlags): Promise<number> {
  const opts = parsePlaybookShowOptions(flags, ctx.env);
  const path = opts.playbook === undefined ? undefined : resolve(ctx.cwd, opts.playbook);
  const loaded = await loadPlaybook(path, opts.lang);
  for (const w of loaded.warnings) ctx.stderr.write(`winback playbook show: ${messages(opts.lang).common.warning}: ${w}\n`);
  if (opts.json) {
    // The shipped examples belong to winback, not to this playbook: only its own are shown.
    const playbook = { ...loaded.playbook, examples: (loaded.playbook.examples ?? []).filter((e) => e.own) };
    ctx.stdout.write(`${JSON.stringify({ source: loaded.source, sha256: loaded.sha256, playbook }, null, 2)}\n`);
    return ExitCode.ok;
  }
  ctx.stdout.write(`${renderPlaybookTable(loaded.playbook, opts.lang, ctx.color)}\n`);
  ctx.stdout.write(`${messages(opts.lang).playbook.source(loaded.source)} (sha256 ${loaded.sha256.slice(0, 12)})\n`);
  return ExitCode.ok;
}

/** The language of init and validate: --lang, else WINBACK_LANG, else the config's, else LC_ALL/LC_MESSAGES/LANG. */
async function langOf(ctx: Context, flags: { lang?: string; config?: string }): Promise<Lang> {
  const early = resolveLang(flags.lang, ctx.env);
  const cfg = await loadConfig(flags.config ?? ctx.env.WINBACK_CONFIG, ctx.cwd, early);
  return resolveLang(flags.lang, ctx.env, cfg.config.lang);
}

/** Writes an editable, commented copy of the default playbook; refuses to overwrite without --force. */
export async function runPlaybookInit(ctx: Context, file: string, opts: PlaybookInitOptions): Promise<number> {
  const lang = await langOf(ctx, opts);
  const say = messages(lang).playbook;
  if (file.trim() === '' || file === '-') throw new UsageError(say.initNoFile);
  const target = isAbsolute(file) ? file : resolve(ctx.cwd, file);
  const { text } = await readPlaybookSource(DEFAULT_PLAYBOOK_PATH);
  // The playbook is the same in every language; its comments are written in the user's.
  const commented = lang === 'de' ? translateComments(text, PLAYBOOK_COMMENTS_DE).text : text;
  await writePlaybookFile(target, commented, opts.force === true, lang);
  ctx.stdout.write(`${say.initWrote(file)}\n`);
  return ExitCode.ok;
}

/** Checks a playbook file: 0 when valid, 65 with every error and its path when not. */
export async function runPlaybookValidate(ctx: Context, file: string, flags: PlaybookValidateFlags = {}): Promise<number> {
  const lang = await langOf(ctx, flags);
  const say = messages(lang);
  const path = resolve(ctx.cwd, file);
  let data: unknown;
  try {
    data = (await readPlaybookSource(path, lang)).data;
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    ctx.stderr.write(`winback playbook validate: ${err.message}\n`);
    return ExitCode.data;
  }
  const result = validatePlaybook(data, lang);
  for (const w of result.warnings) ctx.stderr.write(`winback playbook validate: ${say.common.warning}: ${w}\n`);
  if (result.playbook === undefined) {
    ctx.stderr.write(`winback playbook validate: ${describeInvalid(file, result, lang)}\n`);
    return ExitCode.data;
  }
  const pb = result.playbook;
  ctx.stdout.write(`${say.playbook.valid(file, pb.reasons.length, pb.offers.length)}\n`);
  return ExitCode.ok;
}

const HEADINGS: Record<Lang, string[]> = {
  en: ['reason', 'measure', 'offers', 'channels', 'timing', 'base rate'],
  de: ['Grund', 'Maßnahme', 'Angebote', 'Kanäle', 'Zeitpunkt', 'Basisquote'],
};

/** The playbook as a text table in one language. */
export function renderPlaybookTable(playbook: Playbook, lang: Lang, color: boolean): string {
  const names = messages(lang).names;
  const table = new Table({
    head: HEADINGS[lang],
    colWidths: scaledWidths([22, 44, 18, 16, 30, 7], [20, 10, 8, 8, 10, 7], currentTableWidth()),
    wordWrap: true,
    style: color ? { head: ['cyan'] } : { head: [], border: [] },
  });
  for (const r of playbook.reasons) {
    table.push([
      `${r.label[lang]}\n(${r.code})`,
      r.measure[lang],
      r.offers.map(names.offer).join(', ') || '—',
      r.channels.map(names.channel).join(', ') || '—',
      describeTiming(r.timing, lang, playbook.coolingOffDays),
      r.final ? '—' : `${Math.round(r.baseRate * 100)} %`,
    ]);
  }
  // The retention measures for customers alive but drifting, after the reasons; the rate is the keep rate.
  const say = messages(lang).playbook;
  for (const m of playbook.retention?.measures ?? []) {
    table.push([
      `${say.retentionLabel(m.label[lang])}
(${m.id})`,
      m.measure[lang],
      m.incentiveCost > 0 || m.marginReduction > 0 ? say.retentionCost(m.incentiveCost, Math.round(m.marginReduction * 100)) : '—',
      m.channels.map(names.channel).join(', '),
      say.retentionTiming(m.timing.afterDays, m.timing.windowDays),
      `${Math.round(m.keepRate * 100)} %`,
    ]);
  }
  return table.toString();
}

/**
 * Column widths (padding included) scaled down to fit `width` with the borders, each at least
 * its `floor` (the reason column holds its code whole); cells wrap within them.
 */
function scaledWidths(widths: number[], floors: number[], width: number): number[] {
  const room = width - widths.length - 1;
  if (widths.reduce((a, b) => a + b, 0) <= room) return widths;
  const fixed = widths.map((w, i) => Math.min(w, floors[i] ?? 6));
  const extra = widths.map((w, i) => w - (fixed[i] as number));
  const spare = Math.max(0, room - fixed.reduce((a, b) => a + b, 0));
  const extraSum = extra.reduce((a, b) => a + b, 0);
  return fixed.map((f, i) => f + Math.floor(((extra[i] as number) * spare) / extraSum));
}

/** A timing rule in a few words. */
export function describeTiming(t: TimingRule, lang: Lang, coolingOffDays: number): string {
  const say = messages(lang).playbook;
  switch (t.kind) {
    case 'soon':
    case 'after_some_time': {
      const wait = Math.max(t.afterDays, coolingOffDays);
      return t.kind === 'soon' ? say.timingSoon(wait, t.windowDays) : say.timingAfterSomeTime(wait, t.windowDays);
    }
    case 'before_contract_end':
      return say.timingBeforeContractEnd(t.leadDays, t.assumedTermMonths);
    case 'after_fix':
      return say.timingAfterFix(t.fixedFrom ?? (t.fallbackAfterDays === undefined ? say.timingFixAwaited : say.timingFixUnknown(t.fallbackAfterDays)));
    case 'never':
      return say.timingNever;
  }
}
