/**
 * Playbook validation: turns parsed YAML/JSON into a typed Playbook, or into every error
 * with the path to the bad entry ("reasons[3].timing.kind") plus warnings.
 */
import { z } from 'zod';
import { GERMAN_ISSUES } from './zod-german.js';
import { parseIsoDay } from './dates.js';
import { CHANNELS, REASON_CODES, type Playbook, type ReasonCode, type ReasonEntry } from './playbook-types.js';

export { reasonEntry } from './playbook-types.js';
import { parseClassMember, parsePhrase } from './reasons/phrase.js';
import { messages, say, type Lang, type Messages } from './catalogue/index.js';

type Check = Messages['playbookCheck'];

export interface PlaybookIssue {
  path: string;
  message: string;
}

export interface PlaybookValidation {
  playbook?: Playbook;
  errors: PlaybookIssue[];
  warnings: string[];
}

/** The schema with the catalogue's texts for its own checks (ids, the retention lists) in one language. */
function schemaOf(t: Check) {
  const rate = z.number().min(0).max(1);
  const factor = z.number().min(0);
  const days = z.number().int().min(0);
  const text = z.string().trim().min(1);
  const localText = z.object({ en: text, de: text });
  const wordLists = z.object({ en: z.array(z.string()), de: z.array(z.string()) });
  const offerKind = z.enum(['material', 'emotional', 'informational', 'personal', 'none']);

  const timingSchema = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('soon'), afterDays: days, windowDays: days.min(1) }),
    z.object({ kind: z.literal('after_some_time'), afterDays: days, windowDays: days.min(1) }),
    z.object({
      kind: z.literal('before_contract_end'),
      leadDays: days,
      windowDays: days.min(1),
      assumedTermMonths: z.number().int().min(1).max(120),
    }),
    z.object({
      kind: z.literal('after_fix'),
      fixedFrom: z.string().nullable(),
      windowDays: days.min(1),
      fallbackAfterDays: days.optional(),
    }),
    z.object({ kind: z.literal('never') }),
  ]);

  const reasonSchema = z.object({
    code: z.enum(REASON_CODES),
    label: localText,
    side: z.enum(['customer', 'company', 'competition', 'final', 'none']),
    final: z.boolean(),
    measure: localText,
    angle: localText,
    offerKind,
    offers: z.array(z.string()),
    channels: z.array(z.enum(CHANNELS)),
    timing: timingSchema,
    baseRate: rate,
    organicRate: rate.optional(),
    lifetimeFactor: factor,
    marginFactor: factor,
    phrases: wordLists,
    codeLabels: z.array(z.union([z.string(), z.number().transform(String)])),
  });

  const offerSchema = z.object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, t.lowerId),
    kind: offerKind,
    label: localText,
    reacquisitionOddsFactor: z.number().positive(),
    lifetimeFactor: z.number().positive(),
    marginReduction: rate,
    marginReductionMonths: z.number().int().min(1).optional(),
    incentiveCost: z.number().min(0),
  });

  const retentionMeasureSchema = z.object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, t.lowerId),
    label: localText,
    measure: localText,
    angle: localText,
    channels: z.array(z.enum(CHANNELS)).min(1, t.measureNeedsChannel),
    keepRate: rate,
    incentiveCost: z.number().min(0),
    marginReduction: rate,
    marginReductionMonths: z.number().int().min(1).optional(),
    timing: z.object({ afterDays: days, windowDays: days.min(1) }),
  });

  const retentionSchema = z.object({ measures: z.array(retentionMeasureSchema).min(1, t.retentionNeedsMeasure) });

  const playbookSchema = z.object({
    version: z.number().int().min(1),
    coolingOffDays: days,
    channelCosts: z.object({ visit: z.number().min(0), phone: z.number().min(0), letter: z.number().min(0), email: z.number().min(0) }),
    channelResponse: z.object({ visit: z.number().positive(), phone: z.number().positive(), letter: z.number().positive(), email: z.number().positive() }).partial().optional(),
    offers: z.array(offerSchema).min(1),
    reasons: z.array(reasonSchema),
    negations: wordLists,
    neutralizers: wordLists.optional(),
    wordClasses: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, t.lowerId), z.array(z.string())).optional(),
    exactWords: z.array(z.string()).optional(),
    competitors: z.object({ names: z.array(text).default([]), portals: z.array(text).default([]) }).optional(),
    codes: z.record(z.string(), z.enum(REASON_CODES)).optional(),
    examplesFile: text.optional(),
    retention: retentionSchema.optional(),
  });
  return { playbookSchema, reasonSchema, retentionMeasureSchema };
}

const SCHEMAS = { en: schemaOf(messages('en').playbookCheck), de: schemaOf(messages('de').playbookCheck) };


/**
 * Validates parsed playbook data; returns the typed playbook only when there are no errors.
 * Every text is in `lang`: zod's own checks (types, ranges) through its locale, the rest from the catalogue.
 */
export function validatePlaybook(data: unknown, lang: Lang = 'en'): PlaybookValidation {
  const t = messages(lang).playbookCheck;
  const warnings = unknownKeyWarnings(data, t);
  const { playbookSchema } = SCHEMAS[lang];
  const parsed = lang === 'de' ? playbookSchema.safeParse(data, { error: GERMAN_ISSUES }) : playbookSchema.safeParse(data);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: withEntryName(formatPath(i.path, lang), i.path, data), message: i.message }));
    return { errors, warnings };
  }
  const playbook = parsed.data as Playbook;
  const errors = checkConsistency(playbook, warnings, lang);
  return errors.length > 0 ? { errors, warnings } : { playbook, errors, warnings };
}

/** Adds the code or id of the list entry a path points into: "reasons[3].baseRate (price)". */
function withEntryName(text: string, path: readonly PropertyKey[], data: unknown): string {
  const [list, index] = path;
  if (typeof list !== 'string' || typeof index !== 'number' || typeof data !== 'object' || data === null) return text;
  const entry = (data as Record<string, unknown>)[list];
  const item = Array.isArray(entry) ? (entry[index] as Record<string, unknown> | undefined) : undefined;
  const name = item?.code ?? item?.id;
  return typeof name === 'string' ? `${text} (${name})` : text;
}

/** Formats a zod path as reasons[3].timing.kind. */
export function formatPath(path: readonly PropertyKey[], lang: Lang = 'en'): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? messages(lang).playbookCheck.topLevel : out;
}

function checkConsistency(playbook: Playbook, warnings: string[], lang: Lang): PlaybookIssue[] {
  const t = messages(lang).playbookCheck;
  const errors: PlaybookIssue[] = [];
  const offerIds = new Set<string>();
  playbook.offers.forEach((o, i) => {
    if (offerIds.has(o.id)) errors.push({ path: `offers[${i}].id`, message: t.offerTwice(o.id) });
    offerIds.add(o.id);
  });
  const seen = new Map<ReasonCode, number>();
  // Names of competitors and portals join these two classes even where no class lists them.
  const classes = new Set([...Object.keys(playbook.wordClasses ?? {}), 'competitor', 'portal']);
  playbook.reasons.forEach((r, i) => {
    const at = `reasons[${i}]`;
    const first = seen.get(r.code);
    if (first !== undefined) errors.push({ path: `${at}.code`, message: t.reasonTwice(r.code, `reasons[${first}]`) });
    else seen.set(r.code, i);
    r.offers.forEach((id, j) => {
      if (!offerIds.has(id)) errors.push({ path: `${at}.offers[${j}]`, message: t.unknownOffer(id, [...offerIds].join(', ')) });
    });
    errors.push(...checkReason(r, at, warnings, classes, lang));
  });
  for (const [name, members] of Object.entries(playbook.wordClasses ?? {})) {
    members.forEach((m, j) => {
      const parsed = parseClassMember(m);
      if ('key' in parsed) errors.push({ path: `wordClasses.${name}[${j}]`, message: say(lang, 'playbookCheck', parsed) });
    });
  }
  errors.push(...checkRetention(playbook, t));
  const missing = REASON_CODES.filter((c) => !seen.has(c));
  if (missing.length > 0) errors.push({ path: 'reasons', message: t.missingCodes(missing.join(', ')) });
  return errors;
}

/** Retention measures: unique ids, no channel twice. */
function checkRetention(playbook: Playbook, t: Check): PlaybookIssue[] {
  const errors: PlaybookIssue[] = [];
  const ids = new Set<string>();
  (playbook.retention?.measures ?? []).forEach((m, i) => {
    const at = `retention.measures[${i}]`;
    if (ids.has(m.id)) errors.push({ path: `${at}.id`, message: t.measureTwice(m.id) });
    ids.add(m.id);
    if (new Set(m.channels).size !== m.channels.length) errors.push({ path: `${at}.channels`, message: t.channelTwice });
  });
  return errors;
}

function checkReason(r: ReasonEntry, at: string, warnings: string[], classes: ReadonlySet<string>, lang: Lang): PlaybookIssue[] {
  const t = messages(lang).playbookCheck;
  const errors: PlaybookIssue[] = [];
  if (r.final !== (r.timing.kind === 'never')) {
    errors.push({ path: `${at}.timing.kind`, message: r.final ? t.finalNeedsNever : t.neverOnlyFinal });
  }
  if (r.timing.kind === 'after_fix' && r.timing.fixedFrom !== null && parseIsoDay(r.timing.fixedFrom) === undefined) {
    errors.push({ path: `${at}.timing.fixedFrom`, message: t.notDate(r.timing.fixedFrom) });
  }
  if (new Set(r.channels).size !== r.channels.length) errors.push({ path: `${at}.channels`, message: t.channelTwice });
  if (!r.final && r.channels.length === 0) errors.push({ path: `${at}.channels`, message: t.needsChannel });
  if (!r.final && r.offers.length === 0) errors.push({ path: `${at}.offers`, message: t.needsOffer });
  if (!r.final && r.organicRate !== undefined && r.organicRate > r.baseRate) {
    errors.push({ path: `${at}.organicRate`, message: t.organicAboveBase(r.baseRate) });
  }
  if (r.final && (r.baseRate > 0 || r.offers.length > 0)) warnings.push(t.finalIgnored(at, r.code));
  for (const language of ['en', 'de'] as const) {
    r.phrases[language].forEach((p, j) => {
      const parsed = parsePhrase(p, classes);
      if ('key' in parsed) errors.push({ path: `${at}.phrases.${language}[${j}]`, message: say(lang, 'playbookCheck', parsed) });
    });
  }
  if (r.code !== 'unknown' && r.phrases.en.length + r.phrases.de.length === 0) {
    warnings.push(t.noPhrases(at, r.code));
  }
  return errors;
}

const TOP_KEYS = new Set(Object.keys(SCHEMAS.en.playbookSchema.shape));
const REASON_KEYS = new Set(Object.keys(SCHEMAS.en.reasonSchema.shape));
const RETENTION_MEASURE_KEYS = new Set(Object.keys(SCHEMAS.en.retentionMeasureSchema.shape));

/** Unknown keys are ignored, but a misspelt key ("phrase:") deserves a warning. */
function unknownKeyWarnings(data: unknown, t: Check): string[] {
  const warnings: string[] = [];
  if (!isRecord(data)) return warnings;
  for (const key of Object.keys(data)) if (!TOP_KEYS.has(key)) warnings.push(t.unknownKey(key));
  if (Array.isArray(data.reasons)) {
    data.reasons.forEach((r: unknown, i: number) => {
      if (!isRecord(r)) return;
      for (const key of Object.keys(r)) if (!REASON_KEYS.has(key)) warnings.push(t.unknownKey(`reasons[${i}].${key}`));
    });
  }
  const measures = isRecord(data.retention) ? data.retention.measures : undefined;
  if (Array.isArray(measures)) {
    measures.forEach((m: unknown, i: number) => {
      if (!isRecord(m)) return;
      for (const key of Object.keys(m)) if (!RETENTION_MEASURE_KEYS.has(key)) warnings.push(t.unknownKey(`retention.measures[${i}].${key}`));
    });
  }
  return warnings;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
