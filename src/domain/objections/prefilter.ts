/**
 * An exact prefilter for the objection detector's regular expressions (issue #17). Most texts are
 * ordinary reasons ("Wettbewerber günstiger (Hotline)") on which none of the ~280 rules matches,
 * yet each rule ran on each distinct text. From each expression's syntax tree we derive literal
 * strings that every match must contain (necessary factors, as RE2's and Hyperscan's prefilters
 * do); one scan of a text finds which of all the literals occur, and a rule whose factors are
 * missing is not run: it could not have matched. The rules that do run run in the same order on
 * the same text, so the first match, and every phrase returned, are the same as without it.
 *
 * A rule's requirement is a conjunction of sets (every set must have a literal in the text; a set
 * is hit when any of its literals occurs). Parts that consume nothing (\b, ^, $, lookahead and
 * lookbehind) and parts that may be skipped or that match too many strings ([a-z]*, a class of
 * many letters, a backreference) require nothing; an alternation requires the union of a set
 * from each branch (nothing if a branch requires nothing); a concatenation requires each part's. An expression with the i flag or inline
 * modifiers, or one from which no literal can be derived, always runs.
 *
 * The text is scanned once by an Aho–Corasick automaton over all the literals of all registered
 * expressions (measured against one alternation regex: docs/performance.md, "The objection rules' prefilter").
 */
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';
import { takeFactorSource, type FactorList } from './factor-source.js';

/** How many strings an exact set of a part may hold before we stop enumerating it (judgement: products of short alternations stay below it). */
const EXACT_LIMIT = 64;
/** How many letters a character class may hold and still be enumerated ("[n]", "[sz]"; not "[a-z]") (judgement). */
const CLASS_LIMIT = 6;
/** How many of a concatenation's required sets are kept, the most selective first (judgement: more cost a check each and rarely filter more). */
const SETS_KEPT = 3;
/**
 * Literals are cut to this many characters: a literal's beginning occurs wherever the literal
 * does, so the cut one is still required; longer ones filter hardly better and cost the
 * scanner's table states (judgement: 10 keeps "keine werb", "unsubscrib").
 */
const LITERAL_MAX = 10;

/** What a part of an expression can match: its strings when few (exact), and the sets of literals a match must contain (all). */
interface Info {
  readonly exact: ReadonlySet<string> | null;
  readonly all: readonly (readonly string[])[];
}

const NOTHING: Info = { exact: null, all: [] };
const EMPTY: Info = { exact: new Set(['']), all: [] };

/**
 * The literal sets that every match of an expression must contain: each inner list is a set of
 * which at least one literal occurs in any match. Empty: nothing can be derived, the expression
 * must always run.
 */
export function necessaryFactors(regex: RegExp): string[][] {
  if (regex.flags.includes('i')) return [];
  const ast = parseRegExpLiteral(regex, { ecmaVersion: 2025 });
  mode = regex.flags.includes('v') ? 'v' : regex.unicode ? 'u' : '';
  // Sets equal but for literals that contain others are one set: those are dropped, then duplicates.
  const sets = kept(alternation(ast.pattern.alternatives).all).map((set) => minimal(minimal(set).map((s) => s.slice(0, LITERAL_MAX))));
  return sets.filter((set, k) => sets.findIndex((other) => other.join('\u0000') === set.join('\u0000')) === k);
}

/**
 * Parts already derived, by their source text and the flags that change how it is read (u, v):
 * the detector's expressions repeat the same vocabularies (marketing nouns, negations) dozens
 * of times. A part's strings do not depend on where it stands (a backreference inside requires
 * nothing wherever it points).
 */
const derived = new Map<string, Info>();
let mode = '';

function infoOf(node: AST.Element): Info {
  if (node.type !== 'Group' && node.type !== 'Quantifier' && node.type !== 'CharacterClass') return infoOfNode(node);
  const key = mode + node.raw;
  let info = derived.get(key);
  if (info === undefined) {
    info = infoOfNode(node);
    derived.set(key, info);
  }
  return info;
}

function infoOfNode(node: AST.Element): Info {
  switch (node.type) {
    case 'Character':
      return exactInfo(new Set([String.fromCodePoint(node.value)]));
    case 'CharacterClass':
      return classInfo(node);
    case 'Assertion':
      // \b, ^, $ and lookarounds consume nothing: they require nothing of the match's text.
      return EMPTY;
    case 'Group':
      return node.modifiers === null ? alternation(node.alternatives) : NOTHING;
    case 'CapturingGroup':
      return alternation(node.alternatives);
    case 'Quantifier':
      return quantified(node);
    default:
      // CharacterSet (., \d, \w, \p{…}), Backreference, ExpressionCharacterClass: any string.
      return NOTHING;
  }
}

function classInfo(node: AST.CharacterClass): Info {
  if (node.negate || node.unicodeSets) return NOTHING;
  const chars = new Set<string>();
  for (const element of node.elements) {
    if (element.type === 'Character') chars.add(String.fromCodePoint(element.value));
    else if (element.type === 'CharacterClassRange' && element.max.value - element.min.value < CLASS_LIMIT) {
      for (let c = element.min.value; c <= element.max.value; c++) chars.add(String.fromCodePoint(c));
    } else return NOTHING;
    if (chars.size > CLASS_LIMIT) return NOTHING;
  }
  return exactInfo(chars);
}

function quantified(node: AST.Quantifier): Info {
  const inner = infoOf(node.element);
  if (node.min === 0) {
    // Optional: it may match nothing, so it requires nothing; "x?" is still exact.
    return node.max === 1 && inner.exact !== null ? { exact: new Set(['', ...inner.exact]), all: [] } : NOTHING;
  }
  let exact: ReadonlySet<string> | null = null;
  if (node.min === node.max && inner.exact !== null) {
    exact = new Set(['']);
    for (let k = 0; k < node.min && exact !== null; k++) exact = product(exact, inner.exact);
  }
  // At least once: what the element requires, the quantifier requires.
  return exact === null ? { exact: null, all: inner.all } : exactInfo(exact);
}

function alternation(branches: readonly AST.Alternative[]): Info {
  const infos = branches.map(concatenation);
  if (infos.length === 1) return infos[0] as Info;
  let exact: Set<string> | null = new Set();
  for (const info of infos) {
    if (info.exact === null || exact === null) exact = null;
    else for (const s of info.exact) exact.add(s);
    if (exact !== null && exact.size > EXACT_LIMIT) exact = null;
  }
  if (exact !== null) return exactInfo(exact);
  // A match takes one branch: it contains a literal of that branch's best set. A branch that
  // requires nothing makes the whole alternation require nothing.
  const union = new Set<string>();
  for (const info of infos) {
    const best = kept(info.all)[0];
    if (best === undefined) return NOTHING;
    for (const s of best) union.add(s);
  }
  return { exact: null, all: [[...union]] };
}

function concatenation(alternative: AST.Alternative): Info {
  // Runs of parts with exact strings are multiplied out into longer literals ("keine" + " " +
  // "werbung"); each run, and each other part's sets, must be found in a match.
  let exact: ReadonlySet<string> | null = new Set(['']);
  let run: ReadonlySet<string> = new Set(['']);
  const all: (readonly string[])[] = [];
  const flush = (): void => {
    const set = needed(run);
    if (set !== null) all.push(set);
    run = new Set(['']);
  };
  const elements = alternative.elements;
  for (let i = 0; i < elements.length; i++) {
    // A run of plain characters is one literal.
    let literal = '';
    while (elements[i]?.type === 'Character') literal += String.fromCodePoint((elements[i++] as AST.Character).value);
    const info = literal !== '' ? exactInfo(new Set([literal])) : infoOf(elements[i] as AST.Element);
    if (literal !== '') i -= 1;
    exact = exact !== null && info.exact !== null ? product(exact, info.exact) : null;
    if (info.exact !== null) {
      // A run already as long as a literal is kept grows no better: a new run starts.
      const longer = shortestOf(run) >= LITERAL_MAX ? null : product(run, info.exact);
      if (longer !== null) run = longer;
      else {
        flush();
        run = info.exact;
      }
    } else {
      flush();
      all.push(...info.all);
    }
  }
  flush();
  return { exact, all: kept(all) };
}

function exactInfo(exact: ReadonlySet<string>): Info {
  const set = needed(exact);
  return { exact, all: set === null ? [] : [set] };
}

/** A set of strings as a required set: none when the empty string is one of them (it is always found). */
function needed(strings: ReadonlySet<string>): readonly string[] | null {
  return strings.has('') ? null : [...strings];
}

/** Without the literals that contain another of the set: where the longer one occurs, so does the shorter. */
function minimal(strings: readonly string[]): string[] {
  const list = [...new Set(strings)].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const s of list) if (!out.some((t) => s.includes(t))) out.push(s);
  return out;
}

function product(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> | null {
  if (a.size * b.size > EXACT_LIMIT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function shortestOf(strings: ReadonlySet<string>): number {
  let shortest = Infinity;
  for (const s of strings) if (s.length < shortest) shortest = s.length;
  return shortest;
}

/** How selective a set is: the length of its shortest literal, then (negated, scaled) how many it has. */
function score(set: readonly string[]): number {
  let shortest = Infinity;
  for (const s of set) if (s.length < shortest) shortest = s.length;
  return shortest * 10_000 - set.length;
}

/** The most selective sets, at most SETS_KEPT, the best first. */
function kept(sets: readonly (readonly string[])[]): readonly (readonly string[])[] {
  if (sets.length <= 1) return sets;
  const scored = sets.map((set) => ({ set, score: score(set) }));
  scored.sort((a, b) => b.score - a.score);
  const out: (readonly string[])[] = [];
  for (const { set } of scored) if (out.length < SETS_KEPT && !out.includes(set)) out.push(set);
  return out;
}

// ---------------------------------------------------------------------------------------------
// One scan of a text for every literal of every registered expression.

const literalIds = new Map<string, number>();
let automaton: Automaton | undefined;

function literalId(literal: string): number {
  let id = literalIds.get(literal);
  if (id === undefined) {
    id = literalIds.size;
    literalIds.set(literal, id);
    automaton = undefined;
  }
  return id;
}

/** Required sets by their literals' ids (many expressions share one, as they share a vocabulary), and each set's literals. */
const setIds = new Map<string, number>();
const setLiterals: number[][] = [];

function setId(literals: readonly string[]): number {
  const ids = literals.map(literalId);
  const key = ids.join(',');
  let id = setIds.get(key);
  if (id === undefined) {
    id = setLiterals.length;
    setIds.set(key, id);
    setLiterals.push(ids);
    automaton = undefined;
  }
  return id;
}

/** An Aho–Corasick automaton as a dense table over the characters the literals use; any other character leads back to the start. */
interface Automaton {
  readonly columns: number;
  readonly ascii: Uint8Array;
  readonly other: ReadonlyMap<number, number>;
  readonly next: Uint16Array | Int32Array;
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
  /** The sets each literal is in: setsOf[setStart[l]] to setsOf[setStart[l + 1]]. */
  readonly setStart: Int32Array;
  readonly setsOf: Int32Array;
  readonly count: number;
  readonly setCount: number;
}

function built(): Automaton {
  if (automaton !== undefined) return automaton;
  const literals = [...literalIds.keys()];
  const ascii = new Uint8Array(128);
  const other = new Map<number, number>();
  let columns = 1;
  for (const literal of literals) {
    for (let i = 0; i < literal.length; i++) {
      const c = literal.charCodeAt(i);
      if (c < 128 ? ascii[c] === 0 : !other.has(c)) {
        if (c < 128) ascii[c] = columns;
        else other.set(c, columns);
        columns += 1;
      }
    }
  }
  const column = (c: number): number => (c < 128 ? (ascii[c] as number) : (other.get(c) ?? 0));
  // The trie, in the table that becomes the transitions: a row of columns per state, 0 where a
  // state has no child (no edge leads back to the start). Typed arrays, not a Map a state: this
  // runs at every start, and ~15,000 maps were most of its time and garbage.
  let capacity = 1;
  for (const literal of literals) capacity += literal.length;
  const table = new Int32Array(capacity * columns);
  /** The literal that ends in each state, or -1 (the literals are distinct: one at most). */
  const ends = new Int32Array(capacity).fill(-1);
  let states = 1;
  literals.forEach((literal, id) => {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const cell = state * columns + column(literal.charCodeAt(i));
      if (table[cell] === 0) table[cell] = states++;
      state = table[cell] as number;
    }
    ends[state] = id;
  });
  // Failure links breadth first (a state's link is shallower, so done before it), folded into
  // the table: a missing child becomes the link's transition. A state's outputs are its own
  // literal, then its link's.
  const fail = new Int32Array(states);
  const outCount = new Int32Array(states);
  outCount[0] = ends[0] === -1 ? 0 : 1;
  const queue = new Int32Array(states);
  let tail = 0;
  for (let col = 1; col < columns; col++) if (table[col] !== 0) queue[tail++] = table[col] as number;
  for (let head = 0; head < tail; head++) {
    const state = queue[head] as number;
    const link = fail[state] as number;
    outCount[state] = (ends[state] === -1 ? 0 : 1) + (outCount[link] as number);
    for (let col = 1; col < columns; col++) {
      const to = table[state * columns + col] as number;
      if (to === 0) table[state * columns + col] = table[link * columns + col] as number;
      else {
        fail[to] = table[link * columns + col] as number;
        queue[tail++] = to;
      }
    }
  }
  // Two bytes a cell while the states fit (about 15,000 for the detector's literals).
  const next = states <= 0xffff ? Uint16Array.from(table.subarray(0, states * columns)) : table.slice(0, states * columns);
  const outStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) outStart[s + 1] = (outStart[s] as number) + (outCount[s] as number);
  const outIds = new Int32Array(outStart[states] as number);
  const fillOut = (state: number, link: number) => {
    let at = outStart[state] as number;
    if (ends[state] !== -1) outIds[at++] = ends[state] as number;
    if (state !== 0) outIds.copyWithin(at, outStart[link] as number, outStart[link + 1] as number);
  };
  fillOut(0, 0);
  for (let head = 0; head < tail; head++) fillOut(queue[head] as number, fail[queue[head] as number] as number);
  // The sets each literal is in, in the sets' order.
  const setStart = new Int32Array(literals.length + 1);
  for (const ids of setLiterals) for (const id of ids) setStart[id + 1] = (setStart[id + 1] as number) + 1;
  for (let l = 0; l < literals.length; l++) setStart[l + 1] = (setStart[l + 1] as number) + (setStart[l] as number);
  const setsOf = new Int32Array(setStart[literals.length] as number);
  const placed = setStart.slice(0, literals.length);
  setLiterals.forEach((ids, set) => {
    for (const id of ids) setsOf[(placed[id] as number)++] = set;
  });
  automaton = { columns, ascii, other, next, outStart, outIds, setStart, setsOf, count: literals.length, setCount: setLiterals.length };
  scans = [];
  return automaton;
}

interface Scan {
  text: string;
  /** One flag a literal: found in the text. */
  readonly literals: Uint8Array;
  /** One flag a required set: a literal of it found. */
  readonly sets: Uint8Array;
}

/** The last two texts' scans (a text and its guarded form, or a sentence and its whole text). */
let scans: Scan[] = [];

/** The required sets hit in a text. */
function found(text: string): Uint8Array {
  const a = built();
  for (const scan of scans) if (scan.text === text) return scan.sets;
  const reused = scans.length >= 2 ? (scans.shift() as Scan) : undefined;
  const scan: Scan = reused ?? { text, literals: new Uint8Array(a.count), sets: new Uint8Array(a.setCount) };
  if (reused !== undefined) {
    reused.text = text;
    reused.literals.fill(0);
    reused.sets.fill(0);
  }
  const { literals, sets } = scan;
  const { columns, ascii, other, next, outStart, outIds, setStart, setsOf } = a;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const col = c < 128 ? (ascii[c] as number) : (other.get(c) ?? 0);
    state = next[state * columns + col] as number;
    for (let k = outStart[state] as number, end = outStart[state + 1] as number; k < end; k++) {
      const id = outIds[k] as number;
      if (literals[id] === 1) continue;
      literals[id] = 1;
      for (let j = setStart[id] as number, last = setStart[id + 1] as number; j < last; j++) sets[setsOf[j] as number] = 1;
    }
  }
  scans.push(scan);
  return sets;
}

// ---------------------------------------------------------------------------------------------

let enabled = true;
/** Expressions not run since the process started: for the tests and the measurements. */
let skips = 0;

/** Runs fn with every prefilter off (each expression runs, as before it): the oracle the tests compare with, and the rules' warm-up. */
export function withoutPrefilter<T>(fn: () => T): T {
  const before = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = before;
  }
}

/** Required sets, by their ids (setId): every one must be hit. */
type Requirement = Int32Array;

/**
 * Each expression's required sets once derived, by its flags and source (the same flags and
 * source match the same strings): a thread hands them to the threads it starts
 * (prefilterFactors, usePrefilterFactors), which then parse nothing.
 */
const known = new Map<string, readonly (readonly string[])[]>();

function requirementOf(regex: RegExp): Requirement {
  const key = `${regex.flags}/${regex.source}`;
  let sets = known.get(key);
  if (sets === undefined) {
    sets = necessaryFactors(regex);
    known.set(key, sets);
  }
  return Int32Array.from(sets, setId);
}

/** Every registered expression's required literal sets, by flags and source: plain data a worker thread can be handed. */
export type PrefilterFactors = FactorList;

/** The required sets of every prefilter made so far, derived now if they were not yet. */
export function prefilterFactors(): PrefilterFactors {
  deriveWaiting();
  return [...known];
}

/**
 * Takes the sets another thread derived (prefilterFactors) instead of deriving them here: parsing
 * every expression costs each thread 0.1–0.25 s of CPU and ~20 MB of short-lived syntax trees.
 */
export function usePrefilterFactors(factors: PrefilterFactors): void {
  for (const [key, sets] of factors) if (!known.has(key)) known.set(key, sets);
}

function met(requirement: Requirement, hit: Uint8Array): boolean {
  for (let k = 0; k < requirement.length; k++) if (hit[requirement[k] as number] !== 1) return false;
  return true;
}

/** A failed exec, test or replace sets a global or sticky expression's lastIndex to 0: a skipped one does too. */
function skipped(regex: RegExp): false {
  skips += 1;
  if (regex.global || regex.sticky) regex.lastIndex = 0;
  return false;
}

const NONE: Requirement = new Int32Array(0);

interface Entry {
  readonly rule: RegExp;
  readonly needs: Requirement;
  readonly gate?: RegExp;
  readonly gateNeeds: Requirement;
}

/**
 * A prefilter for a list of rules, each an expression or a gate and an expression (the
 * expression runs only when the gate matches), as the detector keeps them (RULES, NO_OBJECTION).
 * The literals are derived at the first text, not at module load: a command that reads no
 * objection pays nothing (deriving them all costs ~0.1–0.25 s of CPU).
 */
export class Prefilter {
  private derived: readonly Entry[] | undefined;

  constructor(private readonly rules: readonly (RegExp | readonly [RegExp, RegExp])[]) {
    waiting.push(this);
  }

  private entries(): readonly Entry[] {
    if (this.derived === undefined) deriveWaiting();
    return this.derived as readonly Entry[];
  }

  /** Derives this prefilter's literals (deriveWaiting). */
  derive(): void {
    this.derived ??= this.rules.map((r) => {
      if (r instanceof RegExp) return { rule: r, needs: requirementOf(r), gateNeeds: NONE };
      // A global or sticky gate keeps state when it matches: it runs whenever it may match.
      const gateKeepsState = r[0].global || r[0].sticky;
      return { rule: r[1], needs: gateKeepsState ? NONE : requirementOf(r[1]), gate: r[0], gateNeeds: requirementOf(r[0]) };
    });
  }

  /**
   * False when rule k cannot match text (or its gate cannot match gateText): the literals it
   * needs are not there. True means it may match; run it.
   */
  mayRun(k: number, text: string, gateText: string = text): boolean {
    if (!enabled) return true;
    const entry = this.entries()[k];
    if (entry === undefined) return true;
    if (entry.gate !== undefined && entry.gateNeeds.length > 0 && !met(entry.gateNeeds, found(gateText))) return skipped(entry.gate);
    if (entry.needs.length > 0 && !met(entry.needs, found(text))) return skipped(entry.rule);
    return true;
  }

  /** How many rules always run (no literal could be derived for them): for the measurements. */
  alwaysRun(): number {
    return this.entries().filter((e) => e.needs.length === 0 && e.gateNeeds.length === 0).length;
  }
}

/** Prefilters made and not yet derived. */
const waiting: Prefilter[] = [];

/**
 * Derives every prefilter made so far at once (the guards and the rules share most of their
 * vocabulary, and so the parts derived), then lets the parts go: they are ~1 MB of sets no
 * text needs.
 */
function deriveWaiting(): void {
  // The factors derived at build time, if this thread was given where to find them (factor-source.ts).
  const given = takeFactorSource()?.();
  if (given !== undefined) usePrefilterFactors(given);
  for (const prefilter of waiting.splice(0)) prefilter.derive();
  derived.clear();
}

/** How many expressions the prefilters have not run so far. */
export function prefilterSkips(): number {
  return skips;
}

/** How many distinct literals the registered expressions need: for the measurements. */
export function prefilterLiterals(): number {
  return literalIds.size;
}
