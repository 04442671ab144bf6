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
  vers: 'versicherung',
  insp: 'inspektion',
  mitgl: 'mitglied',
  vgl: 'vergleich',
  tgl: 'taeglich',
  taegl: 'taeglich',
  adr: 'adresse',
  abt: 'abteilung',
  inh: 'inhaber',
  vn: 'kunde',
  mgmt: 'management',
  mo: 'month',
  mos: 'months',
  yr: 'year',
  yrs: 'years',
  approx: 'approximately',
  appt: 'appointment',
  req: 'request',
  tkt: 'ticket',
  prem: 'premium',
  xfer: 'transfer',
  xferred: 'transferred',
  compets: 'competitors',
  srvc: 'service',
  serv: 'service',
  svcs: 'services',
  cx: 'customer',
  custs: 'customers',
  mbr: 'member',
  wk: 'week',
  wks: 'weeks',
  mth: 'month',
  mths: 'months',
  dept: 'department',
  qlty: 'quality',
  bcoz: 'because',
  rechn: 'rechnung',
  preiserh: 'preiserhoehung',
  beschw: 'beschwerde',
  bearb: 'bearbeitung',
  lieferg: 'lieferung',
};

/**
 * Frequent words of Bavarian, Austrian and Swiss German as customers write them in survey
 * answers and e-mails ("nimma", "nümme", "ned", "isch", "Gschäft zuagsperrt"), keyed by
 * their folded form: the standard words the vocabulary and the learned reader know. Only
 * forms that are no word of standard German or English.
 */
const DIALECT: Record<string, string> = {
  nimma: 'nicht mehr',
  nimmer: 'nicht mehr',
  nimmermehr: 'nicht mehr',
  nuemme: 'nicht mehr',
  nueme: 'nicht mehr',
  nuemm: 'nicht mehr',
  nuemma: 'nicht mehr',
  ned: 'nicht',
  noed: 'nicht',
  nid: 'nicht',
  nimmi: 'nicht mehr',
  kei: 'kein',
  koa: 'kein',
  koan: 'keinen',
  koane: 'keine',
  nuet: 'nichts',
  nuets: 'nichts',
  isch: 'ist',
  gsi: 'gewesen',
  hend: 'haben',
  haend: 'haben',
  hamma: 'haben wir',
  haemmer: 'haben wir',
  scho: 'schon',
  eifach: 'einfach',
  zuagsperrt: 'zugesperrt',
  zuagmacht: 'zugemacht',
  zuagmoacht: 'zugemacht',
  chuendige: 'kuendige',
  chuendiged: 'kuendigen',
  chuendigt: 'kuendigt',
  gaeld: 'geld',
  goed: 'geld',
  goeld: 'geld',
  tueuer: 'teuer',
  tueuerer: 'teurer',
  wuche: 'woche',
  gschaeft: 'geschaeft',
  gschicht: 'geschichte',
  ziitig: 'zeitung',
  agebot: 'angebot',
  aagebot: 'angebot',
  leistig: 'leistung',
  gliich: 'gleich',
  gliichi: 'gleiche',
  bruuche: 'brauchen',
  bruuched: 'brauchen',
  bruucht: 'braucht',
  luscht: 'lust',
  oeppis: 'etwas',
  noeis: 'neues',
  noei: 'neue',
  gnueg: 'genug',
  gnua: 'genug',
  kriag: 'krieg',
  kriagn: 'kriegen',
  kriagt: 'kriegt',
  leistn: 'leisten',
  gfunde: 'gefunden',
  gfundn: 'gefunden',
  chunnt: 'kommt',
  chunt: 'kommt',
  gwechslet: 'gewechselt',
  gwechselt: 'gewechselt',
  zuegloge: 'umgezogen',
  zuezoge: 'umgezogen',
  umzoge: 'umgezogen',
  zogn: 'gezogen',
  gstorbe: 'gestorben',
  gstorbn: 'gestorben',
  vastorbn: 'verstorben',
  verstorbn: 'verstorben',
  fuul: 'faul',
  schlaecht: 'schlecht',
  liefered: 'liefern',
  gliefert: 'geliefert',
  z: 'zu',
};

/** Abbreviations read only with their dot ("Hr. Maier", "Fr. Schulz", "Mon."): without it they are other words. */
const DOTTED_ABBREVIATIONS: Record<string, string> = {
  // a named person, not a husband or a wife
  hr: 'herrn',
  hrn: 'herrn',
  fr: 'herrn',
  mon: 'monate',
  j: 'jahre',
  jhr: 'jahre',
  wo: 'wochen',
};

/**
 * Agents' upper-case shorthand for the people who look after an account (KAM, AM, AD, AE).
 * Read case-sensitively: "am" and "ad" are ordinary words in lower case.
 */
const STAFF_SHORTHAND: [RegExp, string][] = [
  [/\b(?:KAM|AM|KAM's|AM's)\b/g, ' manager '],
  [/\b(?:AD|ADM)\b/g, ' aussendienst '],
  [/\b(?:AE|AEs|SDR|BDR)\b/g, ' rep '],
  // "PLZ" is a postcode; "plz" in lower case is "please".
  [/\bPLZ\b/g, ' postleitzahl '],
];

/**
 * Numbers with their unit become words the vocabulary can use: a percentage is "numpct",
 * an amount of money "nummoney", a leading plus "numup" ("+22 %", "$89", "180 €/Jahr").
 */
const NUMBER_UNITS: [RegExp, string][] = [
  [/\+\s?(?=[$€£]?\s?\d)/g, ' numup '],
  [/\d+(?:[.,]\d+)*\s?(?:%|prozent\b|percent\b|pct\b)/g, ' numpct '],
  [/(?:[$€£]|\b(?:eur|usd|gbp|chf)\b)\s?\d+(?:[.,]\d+)*(?:\s?(?:k|mio|m|tsd)\b)?/g, ' nummoney '],
  [/\b\d+(?:[.,]\d+)*\s?(?:k\s?|mio\.?\s?|tsd\.?\s?)?(?:[$€£]|(?:eur|euro|euros|usd|dollars?|bucks|gbp|pounds?|chf|franken)\b)/g, ' nummoney '],
];

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
  // The cross written for a death ("Kunde † 14.02.", "Erbengemeinschaft nach † Fr. Schwarz").
  [/[\u2020\u271d\u271e]/g, ' verstorben '],
];

/** A text written in capitals throughout ("UMZUG AM 1.3.") has no case to read shorthand from. */
const SHOUTING = /^[^a-z]*$/;
const TWO_CAPITALS = /[A-Z]{2}/;
const A_DIGIT = /\d/;

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
  let s = text;
  if (TWO_CAPITALS.test(s) && !SHOUTING.test(s)) for (const [pattern, replacement] of STAFF_SHORTHAND) s = s.replace(pattern, replacement);
  // A dialect's clitic article or "zu" stays a word of its own ("z'tüür", "s'Gmües", "d'Zeitung").
  s = foldText(s)
    .replace(/(?<![a-z])([zsdg])['’`´](?=[a-z])/g, '$1 ')
    .replace(/['’`´]/g, '');
  if (A_DIGIT.test(s)) for (const [pattern, replacement] of NUMBER_UNITS) s = s.replace(pattern, replacement);
  // Dates and numbers ("zum 01.03.", "1.500", "2,5") are not clause breaks.
  s = s.replace(/\b\d{1,2}\.\d{1,2}\.(\d{2,4}\b)?/g, ' ').replace(/(\d)[.,](?=\d)/g, '$1');
  for (const [pattern, replacement] of PHRASE_ABBREVIATIONS) s = s.replace(pattern, replacement);
  // A dotted abbreviation ("umgez.", "wg.") is a word, not the end of a sentence.
  s = s.replace(/\b([a-z]+)\./g, (whole, word: string) => {
    const long = ABBREVIATIONS[word] ?? DOTTED_ABBREVIATIONS[word];
    return long === undefined ? whole : `${long} `;
  });
  s = s
    .replace(/\s[-–—]+\s|[–—]/g, ` ${BOUNDARY} `)
    .replace(/[,;.!?:()[\]{}"“”„«»|\n\r]+/g, ` ${BOUNDARY} `)
    .replace(/[^a-z0-9|]+/g, ' ');
  const tokens: string[] = [];
  for (const raw of s.split(' ')) {
    if (raw === '') continue;
    const spoken = DIALECT[raw];
    if (spoken !== undefined) {
      tokens.push(...spoken.split(' '));
      continue;
    }
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
