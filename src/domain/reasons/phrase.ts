/**
 * The small pattern language of playbook phrases:
 *   "zu teuer"            words in this order, up to MAX_GAP other words between them
 *   "lost * job"          a lone "*" just marks where other words usually stand
 *   "teuer*"              a word beginning with "teuer"
 *   "*teuer"              a word ending with "teuer"
 *   "*preis*"             a word containing "preis" (German compounds: Preiserhöhung)
 *   "konkurren* & billig*" all parts in the same clause, in any order
 *   "verstorben ^2"       a weight (default 1 for one word, 1.5 for several)
 *   "@competitor & cheap*" a word class: any word of the playbook's class "competitor"
 * Case, umlaut spelling and punctuation do not matter.
 */
import { expandAbbreviation, foldWord } from './normalize.js';

export type WordKind = 'exact' | 'prefix' | 'suffix' | 'infix' | 'class';

export interface WordPattern {
  kind: WordKind;
  text: string;
}

export interface ParsedPhrase {
  words: WordPattern[];
  /** all words in one clause, any order ("&") instead of a sequence */
  unordered: boolean;
  weight: number;
}

/** Most other words allowed between two consecutive words of a phrase. */
export const MAX_GAP = 3;
/** Shortest stem accepted; shorter ones would match almost anything. */
const MIN_STEM_LENGTH = 3;
/** Word-class names: "@competitor", "@delivery". */
const CLASS_NAME = /^@([a-z][a-z0-9_]*)$/;

/**
 * Parses a playbook phrase; returns an error message instead when it cannot be used.
 * With `classes`, a reference to a word class not in it is an error too.
 */
export function parsePhrase(text: string, classes?: ReadonlySet<string>): ParsedPhrase | string {
  let body = text.trim();
  let weight: number | undefined;
  const w = /\s*\^\s*(\d+(?:\.\d+)?)\s*$/.exec(body);
  if (w) {
    weight = Number(w[1]);
    body = body.slice(0, w.index);
    if (!(weight > 0 && weight <= 5)) return `weight ^${w[1]} must be above 0 and at most 5`;
  }
  const unordered = body.includes('&');
  const words: WordPattern[] = [];
  for (const raw of body.split(/[\s&]+/)) {
    // A lone "*" marks a gap for the reader ("lost * job"); gaps are allowed anyway.
    if (raw === '' || raw === '*') continue;
    const parsed = parseWord(raw);
    if (typeof parsed === 'string') return parsed;
    const undefinedClass = parsed.find((p) => p.kind === 'class' && classes !== undefined && !classes.has(p.text));
    if (undefinedClass !== undefined) return `word class "@${undefinedClass.text}" is not defined under wordClasses`;
    words.push(...parsed);
  }
  if (words.length === 0) return 'phrase is empty';
  if (unordered && words.length < 2) return 'a phrase with "&" needs at least two parts';
  return { words, unordered, weight: weight ?? (words.length > 1 ? 1.5 : 1) };
}

/** Parses one member of a word class: a single word or stem, no class reference. */
export function parseClassMember(raw: string): WordPattern | string {
  const parsed = parseWord(raw.trim());
  if (typeof parsed === 'string') return parsed;
  const word = parsed[0];
  if (parsed.length !== 1 || word === undefined || word.kind === 'class') return `"${raw}" must be one word or stem`;
  return word;
}

function parseWord(raw: string): WordPattern[] | string {
  const named = CLASS_NAME.exec(raw.toLowerCase());
  if (named) return [{ kind: 'class', text: named[1] as string }];
  if (raw.startsWith('@')) return `"${raw}" is not a word-class name (use @ plus lower-case letters, digits or _)`;
  const lead = raw.startsWith('*');
  const trail = raw.endsWith('*') && raw.length > 1;
  const core = foldWord(raw.replace(/^\*|\*$/g, ''));
  if (core === '' || core.includes('*')) return `"${raw}" is not a word (use * only at the start or end)`;
  const parts = core.split(' ');
  if ((lead || trail) && parts.join('').length < MIN_STEM_LENGTH) {
    return `stem "${raw}" is too short (at least ${MIN_STEM_LENGTH} letters)`;
  }
  // "preis-leistung*" becomes two words; the stars stay at the outer ends.
  return parts.map((part, i) => {
    const l = lead && i === 0;
    const t = trail && i === parts.length - 1;
    const kind: WordKind = l && t ? 'infix' : l ? 'suffix' : t ? 'prefix' : 'exact';
    return { kind, text: kind === 'exact' ? expandAbbreviation(part) : part };
  });
}

/** All strings one deletion away from `s` (for typo-tolerant lookup). */
export function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
