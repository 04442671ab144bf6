/**
 * Rows that share a customer id: which one is used, decided safely. With a modification date
 * (last_modified) the newest row wins, with the objection of any row (an objection is never
 * undone by a newer row that does not repeat it); otherwise, or when dates tie or are missing,
 * the consent and objection values of the rows are merged, the most restrictive per field (any
 * "no" to a channel, any objection wins). Never simply the first row: a later row that
 * withdraws consent must not be rejected as a mere duplicate while the old consent is used.
 *
 * Rows arrive in file order and the earlier row of a pair may already be planned. When the
 * first row of every id stays the one used, unchanged, the decision is made as rows arrive
 * (the later rows are rejected). When a later row wins or the merge changes the first row's
 * values, the run is repeated with the resolution found (see DuplicateTracker.rerun): each
 * line is then used, merged or dropped as decided, the same on one thread and on many.
 *
 * An objection written into the reason or notes counts as advertising_objection here, as it
 * does for permission: a later row that says "DNC" in its notes wins over an earlier consent.
 *
 * Ids are compared as the contact ledger compares them (campaign/customer-key.ts): "00123" and
 * "123", "'C9" and "C9", '="D1"' and "D1" are one customer, whose rows a spreadsheet changed.
 * Kept apart, one row's objection did not reach the other, which was listed.
 */
import { customerKey } from '../campaign/customer-key.js';
import { isMissingIdMarker } from './missing-id.js';
import { IdIndex, idFingerprint } from '../id-index.js';
import { objectionInWords } from '../objections/in-words.js';
import { type ReadTexts, messages } from '../catalogue/index.js';
import type { EpochDay } from '../types.js';
import { DEFAULT_PHONE_COUNTRY } from '../permission/contact-point.js';
import { objectorPrints } from '../permission/objector-keys.js';

/** The consent and objection fields, two bits each in a row's facts. */
export const FACT_FIELDS = ['consent_email', 'consent_phone', 'consent_letter', 'advertising_objection', 'do_not_contact', 'consent_visit', 'deceased'] as const;
/** Fields where `true` is the restrictive value (the others are consents: `false` restricts). */
const OBJECTIONS = new Set<string>(['advertising_objection', 'do_not_contact', 'deceased']);
/** Set in a row's facts when it has a modification date. */
export const HAS_DATE = 1 << (2 * FACT_FIELDS.length);
const FACT_MASK = HAS_DATE - 1;

// Codes per field: 0 blank, 1 true, 2 false, 3 unclear (null).
const CODE_OF = (v: unknown): number => (v === true ? 1 : v === false ? 2 : v === null ? 3 : 0);
const VALUE_OF: readonly (boolean | null | undefined)[] = [undefined, true, false, null];
// How restrictive each code is: a consent restricts when false, an objection when true; unclear
// is read as "no" by the permission check, so it ranks just below the explicit value.
const CONSENT_RANK = [1, 0, 3, 2];
const OBJECTION_RANK = [1, 3, 0, 2];

const OBJECTION_AT = FACT_FIELDS.indexOf('advertising_objection');
const DECEASED_AT = FACT_FIELDS.indexOf('deceased');
/** A death as a reason or a note says it (the reason reader reads the row itself; this carries it to the other rows of its id). */
const DEATH_IN_WORDS = /\b(?:verstorben|gestorben|verschieden|todesfall|deceased|passed away|has died|died)\b/i;

export function deathInWords(text: unknown): boolean {
  return typeof text === 'string' && text.length > 5 && DEATH_IN_WORDS.test(text);
}
/** The bits of the objection fields (advertising_objection, do_not_contact) in a row's facts. */
const OBJECTION_BITS = FACT_FIELDS.reduce((bits, field, i) => (OBJECTIONS.has(field) ? bits | (3 << (2 * i)) : bits), 0);
const NO_PHRASES: readonly string[] = [];

/**
 * The facts of a converted row: its consent codes, and HAS_DATE when `last_modified` is set.
 * An objection in the row's words (objections/in-words.ts, with the config's `extraPhrases`) makes
 * advertising_objection true, as permission reads it.
 */
export function rowFacts(values: Readonly<Record<string, unknown>>, extraPhrases: readonly string[] = NO_PHRASES): number {
  let facts = 0;
  for (let i = 0; i < FACT_FIELDS.length; i++) facts |= CODE_OF(values[FACT_FIELDS[i] as string]) << (2 * i);
  if (objectionInWords(values, extraPhrases) !== undefined) facts = (facts & ~(3 << (2 * OBJECTION_AT))) | (1 << (2 * OBJECTION_AT));
  // A death in the row's words merges as an objection does: a newer row that does not repeat it does not bring the customer back.
  if ((facts & (3 << (2 * DECEASED_AT))) === 0 && (deathInWords(values.reason) || deathInWords(values.notes))) facts |= 1 << (2 * DECEASED_AT);
  return typeof values.last_modified === 'number' ? facts | HAS_DATE : facts;
}

const ADVERTISING_AT = 2 * FACT_FIELDS.indexOf('advertising_objection');
const DO_NOT_CONTACT_AT = 2 * FACT_FIELDS.indexOf('do_not_contact');

/**
 * Whether a row's facts make its customer an objector as the permission verdict reads them: an
 * objection or do-not-contact that is true or unclear (an objection in the words included).
 */
export function factsObject(facts: number): boolean {
  const objection = (facts >>> ADVERTISING_AT) & 3;
  const dnc = (facts >>> DO_NOT_CONTACT_AT) & 3;
  return objection === 1 || objection === 3 || dnc === 1 || dnc === 3;
}

/**
 * What a rejected row may hold of a person who objected (objector-keys.ts): whether one of its
 * readings (row-convert.ts, ConvertedRow) objects, and the fingerprints of every contact point
 * any of them holds. Undefined when they hold none.
 */
export interface RejectedPoints {
  objects: boolean;
  prints: number[];
}

/** A rejected row's RejectedPoints, from its readings (on the thread that read it). */
export function rejectedPoints(readings: readonly Readonly<Record<string, unknown>>[] | undefined, extraPhrases: readonly string[], phoneCountry: string): RejectedPoints | undefined {
  if (readings === undefined || readings.length === 0) return undefined;
  let objects = false;
  const prints: number[] = [];
  const seen = new Set<string>();
  for (const values of readings) {
    if (!objects && factsObject(rowFacts(values, extraPhrases))) objects = true;
    const own = objectorPrints(values, phoneCountry);
    for (let i = 0; i + 1 < own.length; i += 2) {
      const key = `${own[i] as number}:${own[i + 1] as number}`;
      if (seen.has(key)) continue;
      seen.add(key);
      prints.push(own[i] as number, own[i + 1] as number);
    }
  }
  return prints.length > 0 ? { objects, prints } : undefined;
}

/** `facts` with an objection: what a rejected row of the id that objects makes of the row used. */
function withObjection(facts: number): number {
  return (facts & ~(3 << ADVERTISING_AT)) | (1 << ADVERTISING_AT);
}

/** Writes the consent codes of `facts` into a row's values (what a merge decided). */
export function applyFacts(values: Record<string, unknown>, facts: number): void {
  for (let i = 0; i < FACT_FIELDS.length; i++) {
    const v = VALUE_OF[(facts >>> (2 * i)) & 3];
    if (v === undefined) delete values[FACT_FIELDS[i] as string];
    else values[FACT_FIELDS[i] as string] = v;
  }
}

// What a merged value is written as in the row's own cells (read back by parseBoolean as the same value).
const CELL_TEXT = ['', 'yes', 'no', 'unclear'];

/**
 * Rewrites the consent and objection cells of a merged row where the merge changed them, so
 * that plan.csv's input columns show the values used; `columns` holds each FACT_FIELDS
 * field's column. Returns whether a cell changed.
 */
export function rewriteFactCells(cells: string[], columns: readonly (number | undefined)[], own: number, merged: number): boolean {
  let changed = false;
  for (let i = 0; i < FACT_FIELDS.length; i++) {
    const at = columns[i];
    const code = (merged >>> (2 * i)) & 3;
    if (at === undefined || ((own >>> (2 * i)) & 3) === code) continue;
    cells[at] = CELL_TEXT[code] as string;
    changed = true;
  }
  return changed;
}

/** Per field the more restrictive code of `a` and `b` (dates are not part of the result). */
export function mostRestrictive(a: number, b: number): number {
  let out = 0;
  for (let i = 0; i < FACT_FIELDS.length; i++) {
    const ca = (a >>> (2 * i)) & 3;
    const cb = (b >>> (2 * i)) & 3;
    const rank = OBJECTIONS.has(FACT_FIELDS[i] as string) ? OBJECTION_RANK : CONSENT_RANK;
    out |= ((rank[cb] as number) > (rank[ca] as number) ? cb : ca) << (2 * i);
  }
  return out;
}

/** What a second reading does with one line of a duplicated id. */
export type LineAction =
  | { drop: true; kept: number; message: string }
  /** `review`: another row of the id was rejected (its line and column): a person decides about this one (CustomerRow.other_row_rejected) */
  | { drop: false; facts: number; note: string; review?: { line: number; column: string } };
/** Line → action, for every line of an id that needs more than "first row wins" (structured-clonable). */
export type DuplicateResolution = Map<number, LineAction>;

/** A row's verdict: undefined to use it, or the message of its reject (it lost to line `kept`). */
export type Verdict = { kept: number; message: string } | undefined;

interface Group {
  kept: number;
  facts: number;
  date: number;
  lines: number[];
}

/** Decides duplicate ids row by row in file order (see the module comment). */
export class DuplicateTracker {
  private readonly ids: IdIndex;
  private readonly facts = new LineStore();
  private readonly dates = new LineStore();
  private readonly groups = new Map<number, Group>();
  /** a later row won or a merge changed the first row: the run must be repeated with resolution() */
  rerun = false;
  /** ids of rejected rows (a bad cell), each at its first rejected line; made at the first such row */
  private rejectedIds: IdIndex | undefined;
  /** per rejected line kept in rejectedIds: the column it was rejected for */
  private readonly rejectedColumns = new Map<number, string>();
  /** per id (its first accepted line) the first rejected row that shares it */
  private readonly rejectedTwins = new Map<number, { line: number; column: string; objects: boolean }>();
  /** the objectors' contact points (fingerprint → first objector line): permission/objector-keys.ts */
  private objectors: IdIndex | undefined;
  /** per customer planned on a channel, the points it is reached at there: (line, fingerprint) */
  private readonly reached = new TripleStore();
  /** a customer planned on a channel was found at an objector's point already noted (reachesObjector) */
  private objectorReached = false;
  /** rejected rows of an id with contact points: an objector's once every row is read, if the id objects (settleRejected) */
  private readonly rejectedHolders: { a: number; b: number; line: number; objects: boolean; prints: number[] }[] = [];
  /** ids with a rejected row that objects (RejectedPoints.objects) */
  private rejectedObjectors: IdIndex | undefined;

  /** `dateLabel`: the header of the modification date, for messages; `texts`: their language; `phoneCountry`: where national numbers are read (objector points) */
  constructor(
    expected?: number,
    private readonly dateLabel = 'last_modified',
    private readonly texts: ReadTexts = messages().read.texts,
    /** where national numbers are read (objector points) */
    readonly phoneCountry = DEFAULT_PHONE_COUNTRY,
  ) {
    this.ids = new IdIndex(expected);
  }

  /** The verdict on a row with `id` at `line` (≥ 1) and its rowFacts; `date` counts when facts has HAS_DATE. */
  see(id: string, line: number, facts: number, date: EpochDay | undefined): Verdict {
    const [a, b] = idFingerprint(customerKey(id));
    return this.seeFingerprint(a, b, line, facts, date ?? 0);
  }

  /** Like see(), with the id's fingerprint computed elsewhere (a worker thread). */
  seeFingerprint(a: number, b: number, line: number, facts: number, date: number): Verdict {
    this.facts.set(line, facts);
    if (facts & HAS_DATE) this.dates.set(line, date);
    const first = this.ids.addFingerprint(a, b, line);
    if (this.rejectedIds !== undefined) {
      const rejected = this.rejectedIds.lineOfFingerprint(a, b);
      if (rejected !== 0) this.twin(first === 0 ? line : first, rejected, this.rejectedColumns.get(rejected) ?? '');
      const objecting = this.rejectedObjectors?.lineOfFingerprint(a, b) ?? 0;
      if (objecting !== 0) this.twin(first === 0 ? line : first, objecting, this.rejectedColumns.get(objecting) ?? '', true);
    }
    if (first === 0) return undefined;
    let group = this.groups.get(first);
    if (group === undefined) {
      const f = this.facts.get(first);
      group = { kept: first, facts: f, date: f & HAS_DATE ? this.dates.get(first) : NaN, lines: [first] };
      this.groups.set(first, group);
    }
    group.lines.push(line);
    const ownDate = facts & HAS_DATE ? date : NaN;
    const newer = !Number.isNaN(group.date) && !Number.isNaN(ownDate) && group.date !== ownDate;
    // An objection is never undone by a newer row's silence (DOMAIN.md §6: never again): the
    // objection fields merge, the most restrictive, whichever row's dates win the consents.
    const objections = mostRestrictive(group.facts, facts) & OBJECTION_BITS;
    if (newer ? ownDate < group.date : mostRestrictive(group.facts, facts) === (group.facts & FACT_MASK)) {
      if (newer && objections !== (group.facts & OBJECTION_BITS)) {
        // An older row's objection reaches the row used: its outputs are wrong.
        group.facts = (group.facts & ~OBJECTION_BITS) | objections;
        this.rerun = true;
      }
      return { kept: group.kept, message: this.lossMessage(line, group) };
    }
    // This row wins, alone (newer, with every row's objection) or with the merged values: the first row's outputs are wrong.
    const merged = newer ? (facts & FACT_MASK & ~OBJECTION_BITS) | objections : mostRestrictive(group.facts, facts);
    group.kept = line;
    group.date = newer || Number.isNaN(group.date) ? ownDate : Number.isNaN(ownDate) ? group.date : Math.max(group.date, ownDate);
    group.facts = merged | (Number.isNaN(group.date) ? 0 : HAS_DATE);
    this.rerun = true;
    return { kept: line, message: this.texts.duplicateSecondReading };
  }

  /**
   * A row with `id` at `line` rejected for a bad cell in `column`: what it says (a consent
   * withdrawn, a death in its notes) cannot be read, so the row of the id that is used goes to
   * a person (LineAction.review) — rejected, it was simply passed over, and the older row's
   * consent was used (DOMAIN.md §6). Only on a reading that can be repeated.
   *
   * `points`, what the row holds of an objector (rejectedPoints): the points of a row without
   * an id that objects are an objector's at once; a row of an id holds that person's points when
   * it or another row of the id objects (settled once every row is read: settleRejected).
   */
  seeRejected(id: string, line: number, column: string, points?: RejectedPoints): void {
    // A missing-value marker ("NA") is no id: rows under it are not one customer.
    const key = isMissingIdMarker(id.trim()) ? '' : customerKey(id);
    if (key === '') {
      if (points?.objects === true) this.seePlanned(line, true, points.prints);
      return;
    }
    const [a, b] = idFingerprint(key);
    const objects = points?.objects === true;
    if (points !== undefined) this.rejectedHolders.push({ a, b, line, objects, prints: points.prints });
    if (objects && (this.rejectedObjectors ??= new IdIndex()).addFingerprint(a, b, line) === 0) this.rejectedColumns.set(line, column);
    const used = this.ids.lineOfFingerprint(a, b);
    if (used !== 0) this.twin(used, line, column, objects);
    this.rejectedIds ??= new IdIndex();
    if (this.rejectedIds.addFingerprint(a, b, line) === 0) this.rejectedColumns.set(line, column);
  }

  /**
   * Notes the contact points of the row at `line` when its own facts (rowFacts) say its customer
   * objected or must not be contacted: every row so read, whether it is used, loses to another
   * row of its id or is only counted once a second reading is due (objector-keys.ts).
   */
  seeObjectorRow(line: number, facts: number, values: Readonly<Record<string, unknown>>): void {
    if (factsObject(facts)) this.seeObjectorLine(line, values);
  }

  /**
   * Notes every contact point of the row at `line` as an objector's, whatever its own facts say:
   * a row of an id that objects by another of its rows (unnotedObjectorLines), on the reading
   * after the one that found it — used, merged or dropped.
   */
  seeObjectorLine(line: number, values: Readonly<Record<string, unknown>>): void {
    const prints = objectorPrints(values, this.phoneCountry);
    if (prints.length > 0) this.seePlanned(line, true, prints);
  }

  /**
   * The lines, in file order, of ids that object by another of their rows (their merged facts
   * object) whose own facts do not: seeObjectorRow did not note their points, though they are
   * the objector's — a number in the id's other row reaches the person who objected.
   */
  unnotedObjectorLines(): number[] {
    const out = new Set<number>();
    for (const g of this.groups.values()) {
      if (!factsObject(g.facts)) continue;
      for (const line of g.lines) if (!factsObject(this.facts.get(line))) out.add(line);
    }
    // An id whose objection is in a rejected row: every row of it read holds the objector's points.
    for (const [first, twin] of this.rejectedTwins) {
      if (!twin.objects) continue;
      for (const line of this.groups.get(first)?.lines ?? [first]) if (!factsObject(this.facts.get(line))) out.add(line);
    }
    return [...out].sort((a, b) => a - b);
  }

  /**
   * Starts this reading's objector points with an earlier reading's (copied: the index the
   * permission verdict reads stays as it is), so that objectorPoints() holds both.
   */
  seedObjectors(points: IdIndex): void {
    const into = (this.objectors ??= new IdIndex(points.size));
    points.forEach((a, b, line) => void into.addFingerprint(a, b, line));
  }

  /**
   * Notes what a first reading planned for the row used at `line` (objector-keys.ts,
   * plannedContactPrints): an objector's contact points, or the points a customer's planned
   * channel reaches them at — `prints[from, to)`, two numbers a point.
   */
  seePlanned(line: number, objector: boolean, prints: ArrayLike<number>, from = 0, to = prints.length): void {
    if (objector) {
      this.objectors ??= new IdIndex();
      for (let i = from; i + 1 < to; i += 2) this.objectors.addFingerprint(prints[i] as number, prints[i + 1] as number, line);
      return;
    }
    const { objectors } = this;
    for (let i = from; i + 1 < to; i += 2) {
      const a = prints[i] as number;
      const b = prints[i + 1] as number;
      this.reached.push(line, a, b);
      // Found as it happens when the objector's row came first: the rest of this reading only counts (readAgain).
      if (!this.objectorReached && objectors !== undefined) {
        const at = objectors.lineOfFingerprint(a, b);
        this.objectorReached = at !== 0 && at !== line;
      }
    }
  }

  /**
   * Whether this reading's outputs will be made again from another reading: a later row of an
   * id decides it (rerun), or a customer planned on a channel was found at an objector's point
   * noted before it. From then on a reading that can be repeated only counts its rows — it
   * still notes every id, fact and objector's point the next reading needs.
   */
  get readAgain(): boolean {
    return this.rerun || this.objectorReached;
  }

  /**
   * Whether a customer planned on a channel is reached there at another customer's objector
   * point: the export is read again, with objectorPoints() known from the start.
   */
  reachesObjector(): boolean {
    this.settleRejected();
    const { objectors } = this;
    if (objectors === undefined) return false;
    if (this.objectorReached) return true;
    return this.reached.some((line, a, b) => {
      const at = objectors.lineOfFingerprint(a, b);
      return at !== 0 && at !== line;
    });
  }

  /** The objectors' contact points (fingerprint → line), for a second reading; undefined when there are none. */
  objectorPoints(): IdIndex | undefined {
    this.settleRejected();
    return this.objectors;
  }

  /**
   * Notes as an objector's the points of each rejected row whose id objects, by that row or by
   * another, used or rejected: known only once every row is read. (An id whose objection is in a
   * rejected row is not contacted either: resolution.)
   */
  private settleRejected(): void {
    for (const r of this.rejectedHolders) {
      const first = this.ids.lineOfFingerprint(r.a, r.b);
      const usedObjects = first !== 0 && factsObject(this.groups.get(first)?.facts ?? this.facts.get(first));
      if (usedObjects || r.objects || (this.rejectedObjectors?.lineOfFingerprint(r.a, r.b) ?? 0) !== 0) this.seePlanned(r.line, true, r.prints);
    }
    this.rejectedHolders.length = 0;
  }

  /**
   * Notes the first rejected row of the id first accepted at `first` (the first that objects, if
   * one does): the run is repeated with it.
   */
  private twin(first: number, line: number, column: string, objects = false): void {
    const known = this.rejectedTwins.get(first);
    if (known !== undefined && (known.objects || !objects)) return;
    this.rejectedTwins.set(first, { line, column, objects });
    this.rerun = true;
  }

  /**
   * What a second reading does with each line of the ids whose first row did not stay the one
   * used, unchanged (the other ids are decided on the second reading as on the first), and
   * with the row used of each id that also has a rejected row.
   */
  resolution(): DuplicateResolution {
    const out = this.mergeResolution();
    for (const [first, twin] of this.rejectedTwins) {
      const kept = this.groups.get(first)?.kept ?? first;
      const action = out.get(kept);
      const review = { line: twin.line, column: twin.column };
      if (twin.objects) {
        // A rejected row that says the customer objected: the row used must not be contacted (DOMAIN.md §6), and says why.
        const note = this.texts.otherRowObjected(twin.line, twin.column);
        if (action === undefined) out.set(kept, { drop: false, facts: withObjection(this.facts.get(kept) & FACT_MASK), note });
        else if (!action.drop) {
          action.facts = withObjection(action.facts);
          action.note = action.note === '' ? note : `${action.note}; ${note}`;
        }
      } else if (action === undefined) out.set(kept, { drop: false, facts: this.facts.get(kept) & FACT_MASK, note: '', review });
      else if (!action.drop) action.review = review;
    }
    return out;
  }

  private mergeResolution(): DuplicateResolution {
    const out: DuplicateResolution = new Map();
    for (const [first, g] of this.groups) {
      if (g.kept === first && (g.facts & FACT_MASK) === (this.facts.get(first) & FACT_MASK)) continue;
      for (const line of g.lines) if (line !== g.kept) out.set(line, { drop: true, kept: g.kept, message: this.lossMessage(line, g) });
      const own = this.facts.get(g.kept) & FACT_MASK;
      const facts = g.facts & FACT_MASK;
      if (own !== facts) {
        const others = g.lines.filter((l) => l !== g.kept);
        // Decided by date (a newer row's consents, every row's objection), or merged field by field.
        const byDate = !Number.isNaN(g.date) && others.some((l) => (this.facts.get(l) & HAS_DATE) !== 0 && this.dates.get(l) !== g.date);
        out.set(g.kept, { drop: false, facts, note: byDate ? this.texts.duplicateObjectionKeptNote(others, this.dateLabel) : this.texts.duplicateMergedNote(others) });
      }
    }
    return out;
  }

  /** Why `line` is not used: `g` holds the row that is. */
  private lossMessage(line: number, g: Group): string {
    const own = this.facts.get(line);
    const ownDate = own & HAS_DATE ? this.dates.get(line) : NaN;
    if (!Number.isNaN(g.date) && !Number.isNaN(ownDate) && g.date > ownDate) {
      // This row's objection, stricter than the used row's own, reaches it.
      const keptOwn = this.facts.get(g.kept) & OBJECTION_BITS;
      const objectionKept = (mostRestrictive(keptOwn, own) & OBJECTION_BITS) !== keptOwn;
      return this.texts.duplicateNewer(g.kept, this.dateLabel, g.date, ownDate, objectionKept);
    }
    if ((own & FACT_MASK) === (g.facts & FACT_MASK) && g.kept < line) return this.texts.duplicateId(g.kept);
    return this.texts.duplicateMerged(g.kept, g.lines);
  }
}

const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;

/** A number per input line, in pages of 64 Ki lines made as lines are reached (4 bytes a line). */
class LineStore {
  private readonly pages: Int32Array[] = [];

  get(line: number): number {
    return this.pages[line >>> PAGE_BITS]?.[line & (PAGE - 1)] ?? 0;
  }

  set(line: number, value: number): void {
    const p = line >>> PAGE_BITS;
    while (this.pages.length <= p) this.pages.push(new Int32Array(PAGE));
    (this.pages[p] as Int32Array)[line & (PAGE - 1)] = value;
  }
}

const TRIPLE_PAGE = 3 * (1 << 14);

/** Triples of 32-bit numbers in pages made as they fill (12 bytes a triple). */
class TripleStore {
  private readonly pages: Uint32Array[] = [];
  private at = TRIPLE_PAGE;

  push(x: number, y: number, z: number): void {
    if (this.at === TRIPLE_PAGE) {
      this.pages.push(new Uint32Array(TRIPLE_PAGE));
      this.at = 0;
    }
    const page = this.pages[this.pages.length - 1] as Uint32Array;
    page[this.at] = x;
    page[this.at + 1] = y;
    page[this.at + 2] = z;
    this.at += 3;
  }

  /** Whether `test` holds for a triple, in the order they were pushed. */
  some(test: (x: number, y: number, z: number) => boolean): boolean {
    for (let p = 0; p < this.pages.length; p++) {
      const page = this.pages[p] as Uint32Array;
      const end = p === this.pages.length - 1 ? this.at : TRIPLE_PAGE;
      for (let i = 0; i < end; i += 3) if (test(page[i] as number, page[i + 1] as number, page[i + 2] as number)) return true;
    }
    return false;
  }
}
