/**
 * The state of a consultant's worksheet session (DOMAIN.md section 7): the four templates'
 * answers, keyed by customer id, and the step the session stands at. Pure data and
 * reducers; every reducer returns a new session, so the caller can save after each answer.
 */
import { z } from 'zod';
import { CHANNELS, REASON_CODES, type Channel, type ReasonCode } from '../playbook-types.js';

export const WORKSHEET_STEPS = ['selection', 'relationship', 'lessons', 'measures', 'done'] as const;
export type WorksheetStep = (typeof WORKSHEET_STEPS)[number];

/** What the consultant may decide; `never` (final reasons) is not theirs to change. */
export const CONSULTANT_DECISIONS = ['win_back', 'let_go', 'review'] as const;
export type ConsultantDecision = (typeof CONSULTANT_DECISIONS)[number];

/** How the departure unfolded (switching path analysis). */
export const SWITCHING_PATHS = ['abrupt', 'gradual', 'competitor'] as const;
export type SwitchingPath = (typeof SWITCHING_PATHS)[number];

/** Fields a consultant fills for a customer entered by hand (canonical field names). */
export const MANUAL_FIELDS = [
  'customer_id', 'name', 'segment', 'key_account', 'account_manager', 'customer_since', 'churn_date',
  'orders', 'revenue', 'margin', 'complaints', 'reason',
] as const;
export type ManualField = (typeof MANUAL_FIELDS)[number];

const text = z.string();
const decisionSchema = z.object({
  decision: z.enum(CONSULTANT_DECISIONS),
  why: text,
  /** true when the consultant chose differently from the model */
  overridden: z.boolean(),
  done: z.boolean(),
});
const relationshipSchema = z.object({
  since: text, bought: text, contact: text, reason_view: text,
  reason_code: z.enum(REASON_CODES),
  incident_what: text, incident_when: text, incident_handled: text,
  path: z.union([z.enum(SWITCHING_PATHS), z.literal('')]),
  competitor: text, contract_end: text,
  done: z.boolean(),
}).partial().required({ done: true });
const measureSchema = z.object({
  measure: text, offer: text, channel: z.enum(CHANNELS), date: text, responsible: text, done: z.boolean(),
}).partial().required({ done: true });

export const SESSION_SCHEMA = z.object({
  format: z.literal('winback-worksheet'),
  version: z.literal(1),
  lang: z.enum(['en', 'de']),
  as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** the export, relative to the session file's folder; null when customers were entered by hand */
  file: z.string().nullable(),
  /** SHA-256 of the export's bytes: a moved export is recognised by its content */
  file_sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  step: z.enum(WORKSHEET_STEPS),
  /** per step, the customer being worked on, or END once the step's customers are through */
  cursor: z.record(z.string(), z.string()),
  /** customers entered by hand: canonical field → text; MANUAL_DONE marks a complete one */
  manual: z.array(z.record(z.string(), z.string())),
  decisions: z.record(z.string(), decisionSchema),
  relationships: z.record(z.string(), relationshipSchema),
  lessons: z.record(z.string(), z.string()),
  measures: z.record(z.string(), measureSchema),
  group: z.object({ measures: z.string().optional(), offering: z.string().optional() }),
});

export type WorksheetSession = z.infer<typeof SESSION_SCHEMA>;
export type DecisionAnswer = z.infer<typeof decisionSchema>;
export type RelationshipAnswer = z.infer<typeof relationshipSchema>;
export type MeasureAnswer = z.infer<typeof measureSchema>;

/** A fresh session at step 1. */
export function newSession(init: { lang: 'en' | 'de'; asOf: string; file: string | null }): WorksheetSession {
  return {
    format: 'winback-worksheet', version: 1, lang: init.lang, as_of: init.asOf, file: init.file, step: 'selection', cursor: {},
    manual: [], decisions: {}, relationships: {}, lessons: {}, measures: {}, group: {},
  };
}

const ID_MAPS = ['decisions', 'relationships', 'measures', 'lessons'] as const;
// zod rebuilds records by assignment, which would turn a customer id "__proto__" into a
// prototype; the id-keyed maps are therefore checked as [id, answer] pairs and rebuilt.
const PAIRS_SCHEMA = SESSION_SCHEMA.extend({
  decisions: z.array(z.tuple([z.string(), decisionSchema])),
  relationships: z.array(z.tuple([z.string(), relationshipSchema])),
  measures: z.array(z.tuple([z.string(), measureSchema])),
  lessons: z.array(z.tuple([z.string(), z.string()])),
});

/** Validates a parsed session document; returns the session or every problem with its path. */
export function parseSession(data: unknown): { session?: WorksheetSession; errors: string[] } {
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const input = isMap(data) ? { ...data, ...Object.fromEntries(ID_MAPS.map((k) => [k, isMap(data[k]) ? Object.entries(data[k]) : data[k]])) } : data;
  const r = PAIRS_SCHEMA.safeParse(input);
  if (r.success) {
    const d = r.data;
    const session = { ...d, decisions: Object.fromEntries(d.decisions), relationships: Object.fromEntries(d.relationships), measures: Object.fromEntries(d.measures), lessons: Object.fromEntries(d.lessons) };
    return { session, errors: [] };
  }
  const pathOf = (path: PropertyKey[]) => {
    const [section, index, , ...rest] = path;
    const pairs = isMap(data) && isMap(data[section as string]) ? Object.keys(data[section as string] as object) : [];
    const named = (ID_MAPS as readonly PropertyKey[]).includes(section as PropertyKey) && typeof index === 'number' ? [section, pairs[index] ?? index, ...rest] : path;
    return named.map(String).join('.') || '(top)';
  };
  return { errors: r.error.issues.map((i) => `${pathOf(i.path)}: ${i.message}`) };
}

interface AnswerSections {
  decisions: DecisionAnswer;
  relationships: RelationshipAnswer;
  measures: MeasureAnswer;
}

/** A customer's answer in one section; own keys only, so ids such as "constructor" stay plain ids. */
export function answerOf<K extends keyof AnswerSections>(s: WorksheetSession, section: K, id: string): AnswerSections[K] | undefined {
  const map = s[section] as Record<string, AnswerSections[K]>;
  return Object.prototype.hasOwnProperty.call(map, id) ? map[id] : undefined;
}

/** Records (part of) a selection decision. */
export function recordDecision(s: WorksheetSession, id: string, answer: DecisionAnswer): WorksheetSession {
  return { ...s, decisions: { ...s.decisions, [id]: answer } };
}

/** Records one or more relationship fields of a customer; `done` marks the customer complete. */
export function recordRelationship(s: WorksheetSession, id: string, patch: Partial<RelationshipAnswer>): WorksheetSession {
  const before = answerOf(s, 'relationships', id) ?? { done: false };
  return { ...s, relationships: { ...s.relationships, [id]: { ...before, ...patch } } };
}

/** Records one or more measure-plan fields of a customer. */
export function recordMeasure(s: WorksheetSession, id: string, patch: Partial<MeasureAnswer>): WorksheetSession {
  const before = answerOf(s, 'measures', id) ?? { done: false };
  return { ...s, measures: { ...s.measures, [id]: { ...before, ...patch } } };
}

/** Records the answer to one lessons-from-sales question. */
export function recordLesson(s: WorksheetSession, questionId: string, answer: string): WorksheetSession {
  return { ...s, lessons: { ...s.lessons, [questionId]: answer } };
}

/** Records the group measures or the changes needed in the offering. */
export function recordGroup(s: WorksheetSession, patch: WorksheetSession['group']): WorksheetSession {
  return { ...s, group: { ...s.group, ...patch } };
}

/** Marks a customer entered by hand as complete. */
export const MANUAL_DONE = '@done';
/** Cursor value of a step whose customers are all through. */
export const CURSOR_END = '@end';

/** Records one field of the customer being entered by hand (the last entry, or a new one after a complete entry). */
export function recordManualField(s: WorksheetSession, field: string, value: string): WorksheetSession {
  const last = s.manual[s.manual.length - 1];
  if (last && last[MANUAL_DONE] === undefined) return { ...s, manual: [...s.manual.slice(0, -1), { ...last, [field]: value }] };
  return { ...s, manual: [...s.manual, { [field]: value }] };
}

/** The customers entered by hand that are complete. */
export function completeManualCustomers(s: WorksheetSession): Record<string, string>[] {
  return s.manual.filter((m) => m[MANUAL_DONE] !== undefined);
}

/** Remembers which customer a step is at, so a resumed session continues there. */
export function moveCursor(s: WorksheetSession, step: WorksheetStep, at: string): WorksheetSession {
  return s.cursor[step] === at ? s : { ...s, cursor: { ...s.cursor, [step]: at } };
}

/**
 * Returns to an earlier (or the same) step at page `at`, keeping every answer: they become
 * the defaults of the questions asked again.
 */
export function returnToStep(s: WorksheetSession, step: WorksheetStep, at: string | undefined): WorksheetSession {
  const cursor = { ...s.cursor };
  if (at === undefined) delete cursor[step];
  else cursor[step] = at;
  return { ...s, step, cursor };
}

/** Enters the next step after one is through; a step already through before starts again at its first open page. */
export function enterStep(s: WorksheetSession, step: WorksheetStep): WorksheetSession {
  const next = moveToStep(s, step);
  if (next.cursor[step] !== CURSOR_END) return next;
  const cursor = { ...next.cursor };
  delete cursor[step];
  return { ...next, cursor };
}

/** Moves the session to another step; steps only move forward, so a resumed session never repeats one. */
export function moveToStep(s: WorksheetSession, step: WorksheetStep): WorksheetSession {
  const at = WORKSHEET_STEPS.indexOf(s.step);
  return WORKSHEET_STEPS.indexOf(step) > at ? { ...s, step } : s;
}

/** Index of the first id in `ids` whose entry is not done (ids.length when all are). */
export function firstOpen(ids: readonly string[], entries: Readonly<Record<string, { done: boolean }>>): number {
  const i = ids.findIndex((id) => !Object.prototype.hasOwnProperty.call(entries, id) || entries[id]?.done !== true);
  return i < 0 ? ids.length : i;
}

/** The consultant's decision, or undefined when the customer was not (yet) decided. */
export function decisionOf(s: WorksheetSession, id: string): DecisionAnswer | undefined {
  const d = answerOf(s, 'decisions', id);
  return d?.done ? d : undefined;
}

export type { Channel, ReasonCode };
