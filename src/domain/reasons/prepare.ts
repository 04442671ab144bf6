/**
 * Token preparation between tokenising and phrase matching: named competitors and
 * comparison portals become one marker token each, and glued words ("zuteuer",
 * "nichtmehr") are split where the split reveals a vocabulary word.
 */
import { foldWord, tokenizeReason } from './normalize.js';

/** Marker tokens that stand for a name from the playbook's `competitors:` lists. */
export const COMPETITOR_NAME = 'competitorname';
export const COMPARISON_PORTAL = 'comparisonportal';

export interface Gazetteer {
  /** name token sequences by their first token, longest first */
  byFirst: Map<string, { tokens: string[]; marker: string }[]>;
  /** tokens made of digits alone that begin or continue a name ("1" of "1&1", "24" of "Check 24") */
  numberTokens: Set<string>;
}

/** Words that people glue to the word after them ("zuteuer", "toopricey", "nichtmehr"). */
const GLUE_PREFIXES = ['zu', 'too', 'nicht', 'kein', 'keine', 'sehr', 'viel'];
/** The rest of a glued word needs this many letters to count as a word of its own. */
const MIN_GLUED_REST = 4;

/** Compiles the playbook's competitor names and comparison portals into token sequences. */
export function compileGazetteer(competitors: { names?: string[]; portals?: string[] } | undefined): Gazetteer {
  const byFirst = new Map<string, { tokens: string[]; marker: string }[]>();
  const numberTokens = new Set<string>();
  const add = (name: string, marker: string) => {
    const tokens = nameTokens(name);
    const first = tokens[0];
    if (first === undefined) return;
    for (const t of tokens) if (/^\d+$/.test(t)) numberTokens.add(t);
    const list = byFirst.get(first) ?? [];
    if (!list.some((e) => e.tokens.join(' ') === tokens.join(' '))) list.push({ tokens, marker });
    byFirst.set(first, list.sort((a, b) => b.tokens.length - a.tokens.length));
  };
  for (const name of competitors?.names ?? []) add(name, COMPETITOR_NAME);
  // A portal named as a competitor too stays a portal: the portal list is read last and wins.
  for (const name of competitors?.portals ?? []) {
    const tokens = nameTokens(name);
    const list = byFirst.get(tokens[0] ?? '');
    const known = list?.find((e) => e.tokens.join(' ') === tokens.join(' '));
    if (known !== undefined) known.marker = COMPARISON_PORTAL;
    else add(name, COMPARISON_PORTAL);
  }
  return { byFirst, numberTokens };
}

/** A name's tokens; a name of plain words is folded directly, others go through the tokeniser. */
function nameTokens(name: string): string[] {
  return PLAIN_NAME.test(name) ? foldWord(name).split(' ') : tokenizeReason(name);
}

const PLAIN_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

export interface PreparedTokens {
  tokens: string[];
  /** what each token stands for in the text as written (a competitor's name, not its marker) */
  shown: string[];
}

/**
 * Replaces every competitor or portal name by its marker, and splits a glued word when
 * `isWord` knows the rest but not the whole.
 */
export function prepareTokens(raw: readonly string[], gazetteer: Gazetteer, isWord: (token: string) => boolean): PreparedTokens {
  const tokens: string[] = [];
  const shown: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as string;
    const name = gazetteer.byFirst.get(t)?.find((e) => e.tokens.every((w, k) => raw[i + k] === w)) ?? possessiveName(t, gazetteer);
    if (name !== undefined) {
      tokens.push(name.marker);
      shown.push(name.tokens.filter((w) => w !== '|').join(' '));
      i += name.tokens.length - 1;
      continue;
    }
    const glued = splitGlued(t, isWord);
    for (const part of glued) {
      tokens.push(part);
      shown.push(part);
    }
  }
  return { tokens, shown };
}

/**
 * A one-word name with a possessive or genitive "s" glued on ("Sysco's quote" tokenises to
 * "syscos", "Telekoms Angebot"): the name, unless the word is a name of its own.
 */
function possessiveName(token: string, gazetteer: Gazetteer): { tokens: string[]; marker: string } | undefined {
  if (token.length < 4 || !token.endsWith('s')) return undefined;
  return gazetteer.byFirst.get(token.slice(0, -1))?.find((e) => e.tokens.length === 1);
}

/** ["zu", "teuer"] for "zuteuer" when "teuer" is a word and "zuteuer" is not; else [token]. */
export function splitGlued(token: string, isWord: (token: string) => boolean): string[] {
  for (const prefix of GLUE_PREFIXES) {
    if (!token.startsWith(prefix) || token.length - prefix.length < MIN_GLUED_REST) continue;
    const rest = token.slice(prefix.length);
    if (isWord(rest) && !isWord(token)) return [prefix, rest];
  }
  return [token];
}
