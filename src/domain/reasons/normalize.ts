/**
 * Text normalisation for departure-reason texts: one spelling per word, whatever the
 * keyboard, the umlaut convention or the abbreviation habits of whoever typed it.
 */

/** Marks a clause break (",", ";", ".", "but", "aber" …): phrases and negations do not cross it. */
export const BOUNDARY = '|';

/** Common abbreviations in CRM notes, keyed by their dot-less, umlaut-folded form. */
const ABBREVIATIONS: Record<string, string> = {
  umgez: 'umgezogen',
  umgezog: 'umgezogen',
  wg: 'wegen',
  wgn: 'wegen',
  kd: 'kunde',
  kdn: 'kunden',
  kde: 'kunde',
  kdin: 'kundin',
  gek: 'gekuendigt',
  gekuend: 'gekuendigt',
  kuend: 'kuendigung',
  kdg: 'kuendigung',
  vertr: 'vertrag',
  ang: 'angebot',
  asp: 'ansprechpartner',
  ansprechp: 'ansprechpartner',
  mitbew: 'mitbewerber',
  wettb: 'wettbewerber',
  konk: 'konkurrenz',
  konkurr: 'konkurrenz',
  qual: 'qualitaet',
  reklam: 'reklamation',
  verst: 'verstorben',
  insolv: 'insolvenz',
  unzufr: 'unzufrieden',
  bzgl: 'bezueglich',
  lt: 'laut',
  ggf: 'gegebenenfalls',
  bc: 'because',
  bcs: 'because',
  cuz: 'because',
  coz: 'because',
  svc: 'service',
  cust: 'customer',
  acct: 'account',
  mgr: 'manager',
  compet: 'competitor',
  competitr: 'competitor',
  reloc: 'relocated',
  mvd: 'moved',
  biz: 'business',
  fin: 'financial',
  pls: 'please',
  plz: 'please',
  thru: 'through',
  w: 'with',
  zzgl: 'zuzueglich',
  inkl: 'inklusive',
  evtl: 'eventuell',
  mtl: 'monatlich',
  monatl: 'monatlich',
  jaehrl: 'jaehrlich',
  wirtsch: 'wirtschaftlich',
  wirtschaftl: 'wirtschaftlich',
  finanz: 'finanziell',
  ap: 'ansprechpartner',
  gf: 'geschaeftsfuehrer',
};

/** Multi-part abbreviations whose dots would otherwise read as clause breaks. */
const PHRASE_ABBREVIATIONS: [RegExp, string][] = [
  [/\bk\s?\.\s?a\b\.?/g, ' keine angabe '],
  [/\bo\s?\.\s?a\b\.?/g, ' ohne angabe '],
  [/\bn\s?[./]\s?a\b\.?/g, ' unknown '],
  [/\bb\s?\/\s?c\b/g, ' because '],
  [/\bw\s?\/\s?o\b/g, ' without '],
  [/\bw\s?\/(?=\s|[a-z])/g, ' with '],
  [/\bz\s?\.\s?b\b\.?/g, ' zum beispiel '],
  [/\bu\s?\.\s?a\b\.?/g, ' unter anderem '],
  [/\bv\s?\.\s?a\b\.?/g, ' vor allem '],
  [/\bi\s?\.\s?l\b\.?/g, ' in liquidation '],
];

/** Conjunctions that start a new clause, so "nicht X, sondern Y" keeps Y. */
const CLAUSE_WORDS = new Set(['aber', 'sondern', 'jedoch', 'allerdings', 'but', 'however', 'though', 'although', 'whereas']);

/** Lower-cases and folds umlauts, ß and accents, so "Kündigung" and "Kuendigung" agree. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/[ßẞ]/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Splits a reason text into normalised tokens, with BOUNDARY tokens at clause breaks. */
export function tokenizeReason(text: string): string[] {
  let s = foldText(text).replace(/['’`´]/g, '');
  // Dates and numbers ("zum 01.03.", "1.500", "2,5") are not clause breaks.
  s = s.replace(/\b\d{1,2}\.\d{1,2}\.(\d{2,4}\b)?/g, ' ').replace(/(\d)[.,](?=\d)/g, '$1');
  for (const [pattern, replacement] of PHRASE_ABBREVIATIONS) s = s.replace(pattern, replacement);
  // A dotted abbreviation ("umgez.", "wg.") is a word, not the end of a sentence.
  s = s.replace(/\b([a-z]+)\./g, (whole, word: string) => (ABBREVIATIONS[word] ? `${ABBREVIATIONS[word]} ` : whole));
  s = s
    .replace(/\s[-–—]+\s|[–—]/g, ` ${BOUNDARY} `)
    .replace(/[,;.!?:()[\]{}"“”„«»|\n\r]+/g, ` ${BOUNDARY} `)
    .replace(/[^a-z0-9|]+/g, ' ');
  const tokens: string[] = [];
  for (const raw of s.split(' ')) {
    if (raw === '') continue;
    const token = ABBREVIATIONS[raw] ?? raw;
    const isBreak = token === BOUNDARY || CLAUSE_WORDS.has(token);
    if (isBreak && (tokens.length === 0 || tokens[tokens.length - 1] === BOUNDARY)) continue;
    tokens.push(isBreak ? BOUNDARY : token);
  }
  if (tokens[tokens.length - 1] === BOUNDARY) tokens.pop();
  return tokens;
}

/** Normalised form of a reason text: lower-case, umlauts folded, no punctuation, abbreviations expanded. */
export function normalizeReasonText(text: string): string {
  return tokenizeReason(text)
    .filter((t) => t !== BOUNDARY)
    .join(' ');
}

/** Normalises one vocabulary word the way tokens are normalised (no abbreviation expansion of stems). */
export function foldWord(word: string): string {
  return foldText(word).replace(/['’`´]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Expands a single token abbreviation, if it is one. */
export function expandAbbreviation(token: string): string {
  return ABBREVIATIONS[token] ?? token;
}
