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
import type { Said } from '../catalogue/index.js';

/** Why a phrase cannot be used, as a catalogue key (catalogue/playbook.ts), worded by the playbook check. */
export type PhraseProblem = Said<'playbookCheck'>;

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
 * Parses a playbook phrase; returns the problem instead when it cannot be used.
 * With `classes`, a reference to a word class not in it is an error too.
 */
export function parsePhrase(text: string, classes?: ReadonlySet<string>): ParsedPhrase | PhraseProblem {
  let body = text.trim();
  let weight: number | undefined;
  const w = /\s*\^\s*(\d+(?:\.\d+)?)\s*$/.exec(body);
  if (w) {
    weight = Number(w[1]);
    body = body.slice(0, w.index);
    if (!(weight > 0 && weight <= 5)) return { key: 'weight', args: [w[1] as string] };
  }
  const unordered = body.includes('&');
  const words: WordPattern[] = [];
  for (const raw of body.split(/[\s&]+/)) {
    // A lone "*" marks a gap for the reader ("lost * job"); gaps are allowed anyway.
    if (raw === '' || raw === '*') continue;
    const parsed = parseWord(raw);
    if ('key' in parsed) return parsed;
    const undefinedClass = parsed.find((p) => p.kind === 'class' && classes !== undefined && !classes.has(p.text));
    if (undefinedClass !== undefined) return { key: 'undefinedClass', args: [undefinedClass.text] };
    words.push(...parsed);
  }
  if (words.length === 0) return { key: 'phraseEmpty', args: [] };
  if (unordered && words.length < 2) return { key: 'unorderedParts', args: [] };
  return { words, unordered, weight: weight ?? (words.length > 1 ? 1.5 : 1) };
}

/** Parses one member of a word class: a single word or stem, no class reference. */
export function parseClassMember(raw: string): WordPattern | PhraseProblem {
  const parsed = parseWord(raw.trim());
  if ('key' in parsed) return parsed;
  const word = parsed[0];
  if (parsed.length !== 1 || word === undefined || word.kind === 'class') return { key: 'oneWord', args: [raw] };
  return word;
}

function parseWord(raw: string): WordPattern[] | PhraseProblem {
  const named = CLASS_NAME.exec(raw.toLowerCase());
  if (named) return [{ kind: 'class', text: named[1] as string }];
  if (raw.startsWith('@')) return { key: 'notClassName', args: [raw] };
  const lead = raw.startsWith('*');
  const trail = raw.endsWith('*') && raw.length > 1;
  const core = foldWord(raw.replace(/^\*|\*$/g, ''));
  if (core === '' || core.includes('*')) return { key: 'notWord', args: [raw] };
  const parts = core.split(' ');
  if ((lead || trail) && parts.join('').length < MIN_STEM_LENGTH) {
    return { key: 'stemShort', args: [raw, MIN_STEM_LENGTH] };
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
