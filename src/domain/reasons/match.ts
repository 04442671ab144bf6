/**
 * Finds the playbook phrases in a tokenised reason text and drops the ones the writer
 * denied ("nicht wegen dem Preis", "price was fine").
 */
import type { ReasonCode } from '../playbook-types.js';
import { BOUNDARY } from './normalize.js';
import { MAX_GAP } from './phrase.js';
import { FUZZY_FACTOR, resolveToken, type CompiledPhrase, type ReasonVocabulary, type TokenHit } from './vocabulary.js';

export interface PhraseMatch {
  reason: ReasonCode;
  weight: number;
  /** first and last token index of the match */
  start: number;
  end: number;
  /** which part of the text the match stands in (parts split at clause breaks and "and", "also") */
  part?: number;
  /** a cause word ("weil", "because") stands before it in its clause */
  given?: boolean;
}

/** Words that may stand between a negation and what it negates ("nicht wegen DEM Preis"). */
const FILLER_WORDS = new Set([
  'wegen', 'aufgrund', 'grund', 'von', 'vom', 'der', 'die', 'das', 'dem', 'den', 'des', 'ein', 'eine', 'einen',
  'einem', 'einer', 'mit', 'am', 'im', 'zum', 'zur', 'um', 'so', 'sehr', 'wirklich', 'eigentlich', 'mehr',
  'hauptsaechlich', 'primaer', 'unbedingt', 'direkt', 'an', 'in', 'ueber', 'bezueglich', 'es', 'ist', 'war',
  'weil', 'da', 'er', 'sie', 'wir', 'auf', 'der', 'because', 'of', 'due', 'to', 'the', 'a', 'an', 'about',
  'with', 'for', 'over', 'by', 'any', 'really', 'just', 'primarily', 'mainly', 'so', 'much', 'very', 'related',
  'regarding', 're', 'actually', 'its', 'it', 'was', 'is', 'were', 'be', 'been', 'their', 'our', 'his', 'her',
  'due', 'reason', 'issue', 'problem', 'an', 'at', 'all', 'that', 'this', 'sind', 'waren', 'are', 'immer',
  'always', 'ganz', 'recht', 'quite', 'pretty', 'voellig', 'absolut', 'absolutely', 'totally', 'auch', 'also',
  // Whose it was: "nothing to do with your service", "nicht an Ihrem Service".
  'do', 'your', 'ihr', 'ihre', 'ihrem', 'ihren', 'ihrer', 'euer', 'eure', 'eurem', 'euren',
]);
/**
 * Verbs of leaving that may stand between a negation and what it negates ("didn't leave over
 * price", "did not cancel because of the service", "nicht gekündigt wegen des Preises").
 */
const LEAVING_WORDS = new Set([
  'leave', 'left', 'leaving', 'cancel', 'cancelled', 'canceled', 'cancelling', 'canceling', 'quit', 'quitting',
  'switch', 'switched', 'go', 'went', 'churn', 'churned', 'kuendigen', 'gekuendigt', 'kuendige', 'kuendigten',
  'wechseln', 'gewechselt', 'gegangen', 'aufgehoert',
]);
/** "nicht nur wegen dem Preis" affirms the price, it does not deny it. */
const NOT_ONLY = new Set(['nur', 'allein', 'ausschliesslich', 'only', 'just', 'solely', 'merely']);
/** How far back a negation reaches. */
const NEGATION_REACH = 5;
/** How far after a match a neutralizer ("ok", "fine") may stand. */
const NEUTRALIZER_REACH = 4;

/**
 * All phrase matches in the tokens that were neither negated nor called unproblematic;
 * the others go to `denied` when given ("nicht wegen dem Preis": the price is denied).
 */
export function findMatches(tokens: string[], v: ReasonVocabulary, denied?: PhraseMatch[]): PhraseMatch[] {
  const hits = tokens.map((t) => (t === BOUNDARY ? [] : resolveToken(v, t)));
  const matches: PhraseMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const hit of hits[i] as TokenHit[]) {
      for (const index of v.phrasesByWord.get(hit.word) ?? []) {
        const phrase = v.phrases[index] as CompiledPhrase;
        const m = phrase.unordered ? matchUnordered(phrase, i, tokens, hits) : matchOrdered(phrase, i, tokens, hits);
        if (m === undefined) continue;
        if (isAsserted(m, tokens, v)) matches.push(m);
        else denied?.push(m);
      }
    }
  }
  return matches;
}

function hitAt(hits: TokenHit[][], pos: number, word: number): TokenHit | undefined {
  return hits[pos]?.find((h) => h.word === word);
}

function matchOrdered(p: CompiledPhrase, start: number, tokens: string[], hits: TokenHit[][]): PhraseMatch | undefined {
  let fuzzy = hitAt(hits, start, p.words[0] as number)?.fuzzy ?? false;
  let pos = start;
  for (let w = 1; w < p.words.length; w++) {
    let found = -1;
    for (let j = pos + 1; j <= pos + 1 + MAX_GAP && j < tokens.length && tokens[j] !== BOUNDARY; j++) {
      const h = hitAt(hits, j, p.words[w] as number);
      if (h) {
        found = j;
        fuzzy ||= h.fuzzy;
        break;
      }
    }
    if (found < 0) return undefined;
    pos = found;
  }
  return { reason: p.reason, weight: p.weight * (fuzzy ? FUZZY_FACTOR : 1), start, end: pos, part: 0, given: false };
}

function matchUnordered(p: CompiledPhrase, at: number, tokens: string[], hits: TokenHit[][]): PhraseMatch | undefined {
  let from = at;
  while (from > 0 && tokens[from - 1] !== BOUNDARY) from--;
  let to = at;
  while (to < tokens.length - 1 && tokens[to + 1] !== BOUNDARY) to++;
  let start = Infinity;
  let end = -1;
  let fuzzy = false;
  for (const word of p.words) {
    let found = -1;
    for (let j = from; j <= to && found < 0; j++) {
      const h = hitAt(hits, j, word);
      if (h && !(j >= start && j <= end && p.words.length > new Set(p.words).size)) {
        found = j;
        fuzzy ||= h.fuzzy;
      }
    }
    if (found < 0) return undefined;
    start = Math.min(start, found);
    end = Math.max(end, found);
  }
  // Report each co-occurrence once, from its leftmost token.
  if (start !== at) return undefined;
  return { reason: p.reason, weight: p.weight * (fuzzy ? FUZZY_FACTOR : 1), start, end, part: 0, given: false };
}

/** False when the writer negated the phrase, or said right after it that it was fine. */
function isAsserted(m: PhraseMatch, tokens: string[], v: ReasonVocabulary): boolean {
  if (inDeniedClause(m.start, tokens, v) || answeredNo(m.end, tokens)) return false;
  const negated = isNegatedBefore(m.start, tokens, v);
  const neutral = neutralizerAfter(m.end, tokens, v);
  if (neutral === 'none') {
    // "Ausfälle können passieren, das ist nicht das Problem", "not about your service, which
    // was fine": the next clause judges this one, whatever this one says.
    let next = m.end + 1;
    while (next < tokens.length && tokens[next] !== BOUNDARY) next++;
    const verdict = verdictClauseAt(next + 1, tokens, v);
    if (verdict !== 'none') return verdict === 'negated';
  }
  if (neutral === 'negated') return true; // "Service war nicht in Ordnung"
  if (neutral === 'plain') return negated; // "nicht mit dem Service zufrieden" is a complaint
  return !negated;
}

/** A clause that answers the one before with a bare "no" ("zu teuer?? nein – eigentlich Lieferprobleme"). */
const NO_ANSWERS = new Set(['nein', 'no', 'nope', 'noe', 'nee']);

/**
 * The clause after the match is a bare "nein" / "no" and another clause follows it: the
 * writer took the first one back ("zu teuer?? nein – eigentlich Lieferprobleme").
 */
function answeredNo(end: number, tokens: string[]): boolean {
  let next = end + 1;
  while (next < tokens.length && tokens[next] !== BOUNDARY) next++;
  if (!NO_ANSWERS.has(tokens[next + 1] ?? '')) return false;
  return tokens[next + 2] === BOUNDARY && next + 3 < tokens.length;
}

/** Words that open the clause a "not" denies whole ("nicht, dass …", "not that …"). */
const THAT_WORDS = new Set(['dass', 'that']);
/** "nicht daran, dass …": the word that may stand between the negation and "dass". */
const THAT_POINTERS = new Set(['daran', 'darum', 'so']);
/** An English "not that" denies a clause only when one with its own subject follows ("not that your price went up", not "not that bad"). */
const CLAUSE_SUBJECTS = new Set(['the', 'your', 'you', 'youre', 'it', 'its', 'we', 'i', 'im', 'ive', 'they', 'our', 'my', 'there', 'this', 'he', 'she', 'anything', 'something']);

/**
 * The match stands in a clause opened by "not that" / "nicht, dass" / "es liegt nicht daran,
 * dass": the writer names the cause only to deny it ("Nicht, dass es zu teuer wäre – ich muss
 * sparen"; "It's not that your price went up, the competitor offers more").
 */
function inDeniedClause(start: number, tokens: string[], v: ReasonVocabulary): boolean {
  const deniesAt = (that: number, before: number): boolean => {
    const t = tokens[that] as string;
    if (!THAT_WORDS.has(t) || (t === 'that' && !CLAUSE_SUBJECTS.has(tokens[that + 1] ?? ''))) return false;
    const b = tokens[before] ?? '';
    return v.negations.has(b) || (THAT_POINTERS.has(b) && v.negations.has(tokens[before - 1] ?? ''));
  };
  for (let j = start - 1; j >= 0; j--) {
    // "Nicht, dass …": the comma stands between the negation and its clause.
    if (tokens[j] === BOUNDARY) return j + 1 < start && deniesAt(j + 1, j - 1);
    if (deniesAt(j, j - 1)) return true;
  }
  return false;
}

function isNegatedBefore(start: number, tokens: string[], v: ReasonVocabulary): boolean {
  let reach = NEGATION_REACH;
  let listed = 0;
  for (let j = start - 1; j >= 0 && j >= start - reach; j--) {
    const t = tokens[j] as string;
    if (t === BOUNDARY) return false;
    if (v.negations.has(t)) return !NOT_ONLY.has(tokens[j + 1] as string);
    // "zufrieden mit dem Preis" denies a price problem; "nicht zufrieden mit dem Preis" states one.
    if (v.neutralWords.has(t)) return !(j > 0 && v.negations.has(tokens[j - 1] as string));
    // "not unhappy with your service" denies it as "happy with your service" would.
    if (DISCONTENT_WORDS.has(t)) return j > 0 && v.negations.has(tokens[j - 1] as string);
    // "not about price or service": the negation reaches over the item listed before "or".
    if (LIST_WORDS.has(t)) {
      listed = LIST_ITEM_WORDS;
      reach += LIST_ITEM_WORDS + 1;
      continue;
    }
    if (FILLER_WORDS.has(t) || LEAVING_WORDS.has(t)) continue;
    if (listed-- > 0) continue;
    return false;
  }
  return false;
}

/** Words of discontent that a negation before them turns into content ("not unhappy with"). */
const DISCONTENT_WORDS = new Set(['unhappy', 'dissatisfied', 'displeased', 'unzufrieden', 'ungluecklich', 'veraergert']);
/** Words that list a further item under the same negation ("not price or service", "weder … noch"). */
const LIST_WORDS = new Set(['or', 'nor', 'oder', 'noch']);
/** Words an item listed under a negation may have ("customer service"). */
const LIST_ITEM_WORDS = 2;

function neutralizerAfter(end: number, tokens: string[], v: ReasonVocabulary): 'none' | 'plain' | 'negated' {
  for (let j = end + 1; j < tokens.length && j <= end + NEUTRALIZER_REACH; j++) {
    const t = tokens[j] as string;
    if (t === BOUNDARY) return 'none';
    // "closed for good" means for ever, not that it was fine.
    if (t === 'good' && tokens[j - 1] === 'for') return 'none';
    for (const n of v.neutralizers) {
      if (!startsAt(tokens, j, n)) continue;
      const before = tokens[j - 1] as string;
      const after = tokens[j + n.length] ?? '';
      const startsNegated = v.negations.has(n[0] as string);
      // "Service war nicht in Ordnung", "Preis passt nicht": the neutralizer is itself denied.
      if (!startsNegated && ((j - 1 > end && v.negations.has(before)) || v.negations.has(after))) return 'negated';
      return 'plain';
    }
    // Only "was", "eigentlich", "really" … may stand between the phrase and its verdict.
    if (!FILLER_WORDS.has(t) && !v.negations.has(t)) return 'none';
  }
  return 'none';
}

/** The words stand in `tokens` from `at` on (a loop, no closure: this runs per token and neutralizer). */
export function startsAt(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[at + k] !== words[k]) return false;
  return true;
}

/** Words that point back to the clause before ("…, das ist nicht das Problem", "…, that's fine"). */
const POINTING_BACK = new Set(['das', 'dies', 'was', 'es', 'that', 'thats', 'this', 'it', 'its', 'which']);

/**
 * A clause at `from` that only judges the one before it: a word pointing back, fillers, a
 * neutralizer and nothing else ("Ausfälle können passieren, das ist nicht das Problem";
 * "the price went up, that's not OK" keeps the price).
 */
function verdictClauseAt(from: number, tokens: string[], v: ReasonVocabulary): 'none' | 'plain' | 'negated' {
  if (!POINTING_BACK.has(tokens[from] ?? '')) return 'none';
  let negated = false;
  for (let j = from + 1; j < tokens.length && tokens[j] !== BOUNDARY; j++) {
    const n = v.neutralizers.find((words) => startsAt(tokens, j, words));
    if (n !== undefined) {
      const after = j + n.length;
      if (after < tokens.length && tokens[after] !== BOUNDARY) return 'none';
      return negated && !v.negations.has(n[0] as string) ? 'negated' : 'plain';
    }
    const t = tokens[j] as string;
    if (v.negations.has(t)) negated = true;
    else if (!FILLER_WORDS.has(t)) return 'none';
  }
  return 'none';
}
