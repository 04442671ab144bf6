/**
 * Free-text departure reasons as sales staff type them, per reason code and language,
 * plus the variation (typos, abbreviations, casing, umlaut spellings, combinations) that
 * makes the fixtures look like real exports rather than a copy of a vocabulary list.
 */
import type { ReasonCode } from '../src/domain/playbook-types.js';
import type { Random } from './random.js';

export type FixtureLanguage = 'en' | 'de';

/** Base phrasings; {city}, {abbr} and {competitor} are filled in per customer. */
export const REASON_PHRASES: Record<FixtureLanguage, Record<ReasonCode, readonly string[]>> = {
  de: {
    relocation: ['umgezogen', 'Umzug nach {city}', 'umgez. nach {abbr}', 'verzogen', 'Wohnortwechsel',
      'zieht weg nach {city}', 'Kunde ist umgezogen, neue Adresse unbekannt', 'Firmensitz verlegt nach {city}',
      'Umzug ins Ausland'],
    financial_hardship: ['finanzielle Gründe', 'kann sich das gerade nicht leisten', 'Geld ist knapp',
      'wirtschaftlich schwierige Lage', 'Budget gestrichen', 'Kurzarbeit, muss sparen', 'arbeitslos geworden'],
    variety_seeking: ['wollte mal was anderes ausprobieren', 'Abwechslung gesucht', 'mal was Neues testen',
      'Lust auf was anderes', 'will andere Anbieter kennenlernen', 'einfach Tapetenwechsel'],
    life_change: ['neuer Lebensabschnitt – Kinder aus dem Haus', 'in Rente gegangen', 'Ruhestand',
      'Kinder aus dem Haus, braucht weniger', 'Bedarf hat sich geändert', 'Familienzuwachs, andere Bedürfnisse',
      'Bestellungen wurden immer weniger'],
    price: ['zu teuer', 'Preis zu hoch', 'Preiserhöhung nicht akzeptiert', 'Preise zu hoch', 'war ihm zu teuer',
      'zu hohe Kosten', 'Preis-Leistung stimmt nicht'],
    competitor_offer: ['Konkurrenz war billiger', 'Konkurrenz günstiger', 'besseres Angebot von {competitor}',
      'Wettbewerber günstiger', 'hat woanders ein günstigeres Angebot', 'bei {competitor} billiger',
      'anderer Anbieter bietet mehr fürs Geld'],
    poached: ['Wettbewerber hat abgeworben', 'von {competitor} abgeworben', 'Abwerbung durch Konkurrenz',
      'Vertreter von {competitor} war da, 2-Jahres-Vertrag unterschrieben', 'wurde aktiv abgeworben'],
    quality: ['Qualitätsmängel', 'Ware mehrfach defekt', 'Produkt schlecht verarbeitet', 'Qualität hat nachgelassen',
      'ständig Mängel an der Ware', 'Gerät ging dauernd kaputt', 'unzufrieden mit der Qualität'],
    service: ['Service unfreundlich', 'Beschwerde wurde nicht bearbeitet', 'schlechter Kundenservice',
      'Reklamation viel zu langsam bearbeitet', 'Mitarbeiter unhöflich', 'Lieferung kam nie pünktlich',
      'nicht wegen dem Preis – Service war mies'],
    image: ['schlechte Presse', 'negatives Image', 'Skandal in den Medien', 'schlechter Ruf der Firma',
      'will nach dem Zeitungsbericht nichts mehr mit uns zu tun haben'],
    availability: ['Filiale geschlossen', 'keine Filiale mehr in der Nähe', 'Produkt nicht lieferbar',
      'Ware ständig ausverkauft', 'telefonisch nie erreichbar', 'kein Händler vor Ort'],
    contact_change: ['neuer Ansprechpartner', 'Ansprechpartner hat gewechselt', 'Betreuer gewechselt, kein Draht mehr',
      'neuer Einkäufer beim Kunden', 'unser Außendienstler ist weg'],
    deceased: ['verstorben', 'Kunde verstorben', 'Todesfall', 'lt. Angehörigen verstorben', 'verst.'],
    business_closed: ['Insolvenz', 'Firma aufgelöst', 'Geschäft aufgegeben', 'insolvent', 'Betrieb geschlossen',
      'Geschäftsaufgabe aus Altersgründen'],
    terminated_by_us: ['von uns gekündigt (Zahlungsverzug)', 'Kündigung durch uns wg. Zahlungsausfall',
      'Betrugsverdacht – gesperrt', 'wir haben gekündigt', 'Kunde gesperrt (offene Rechnungen)'],
    unknown: ['keine Angabe', 'k.A.', 'sonstiges', 'unbekannt', 'ohne Grund', 'Kunde wollte nichts sagen'],
  },
  en: {
    relocation: ['Moved out of state', 'moved to {city}', 'Relocated', 'Moving abroad', 'customer moved, no new address',
      'moved away', 'relocating to {city} for work', 'Business relocated'],
    financial_hardship: ["Can't afford it right now", 'financial reasons', 'Lost job', 'budget cuts',
      'money is tight', 'tight budget this year'],
    variety_seeking: ['wanted to try something new', 'Wanted a change', 'trying other brands',
      'just wanted variety', 'bored with the product', 'curious about other options'],
    life_change: ['Kids moved out, needs changed', 'retired', 'new baby, different needs',
      'No longer needs the service', 'Changed business model', 'Life circumstances changed'],
    price: ['Price too high', 'too expensive', 'Pricing', 'price increase', 'costs too much',
      'Not worth the price', 'rates went up'],
    competitor_offer: ['Competitor made better offer', 'Competitor had better offer',
      'Competitor offered more for less', 'Better deal at {competitor}', 'cheaper elsewhere',
      'found a better price with another provider'],
    poached: ['Poached by {competitor}', "Competitor's sales rep approached them",
      'lured away by competitor with 2-year contract', 'Signed with {competitor} after their rep called',
      'Competitor actively recruited them'],
    quality: ['Product dissatisfaction', 'poor quality', 'Product kept breaking', 'Defective items',
      'quality went downhill', 'unhappy with product quality'],
    service: ['Attitude of support person', 'Attitude of service provider', 'Poor customer service',
      'complaint never resolved', 'Support too slow', 'rude staff', 'Not about the price - service was awful'],
    image: ['bad press', 'Negative news about company', "Didn't like the company's reputation",
      'boycott after scandal', 'bad reviews online'],
    availability: ['Store closed', 'no location nearby', 'product out of stock all the time',
      "couldn't reach anyone by phone", 'Not available in their area'],
    contact_change: ['new contact person', 'Account manager left', 'Our rep changed, relationship lost',
      'new purchasing manager', 'New decision maker at the client'],
    deceased: ['passed away', 'Deceased', 'customer died', 'account holder deceased'],
    business_closed: ['went out of business', 'Bankruptcy', 'company closed', 'shut down operations',
      'Business closed permanently'],
    terminated_by_us: ['Terminated by us (non-payment)', 'account closed for non-payment', 'fraud - terminated',
      'we cancelled the contract', 'contract ended by company, collections'],
    unknown: ["Don't know", 'n/a', 'other', 'no reason given', 'unknown', 'declined to say'],
  },
};

/** Texts that carry no reason at all: what a hurried clerk types into a mandatory field. */
export const GIBBERISH_REASONS: Record<FixtureLanguage, readonly string[]> = {
  de: ['asdf', 'xxx', '???', 'jjjj', 'siehe Notiz', '...', '1234', 'ok'],
  en: ['asdf', 'xxx', '???', 'qwerty', 'see notes', '...', 'test', '0'],
};

/** Code labels as a reason_code column may hold them: the code itself, English and German labels. */
export const REASON_CODE_LABELS: Record<ReasonCode, { en: readonly string[]; de: readonly string[] }> = {
  relocation: { en: ['Relocation', 'Moved'], de: ['Umzug'] },
  financial_hardship: { en: ['Financial hardship'], de: ['Finanzielle Gründe'] },
  variety_seeking: { en: ['Variety seeking'], de: ['Abwechslung'] },
  life_change: { en: ['Life change'], de: ['Neuer Lebensabschnitt'] },
  price: { en: ['Price'], de: ['Preis'] },
  competitor_offer: { en: ['Competitor offer'], de: ['Wettbewerbsangebot'] },
  poached: { en: ['Poached'], de: ['Abwerbung'] },
  quality: { en: ['Quality'], de: ['Qualitätsmängel'] },
  service: { en: ['Service'], de: ['Service/Beschwerde'] },
  image: { en: ['Image'], de: ['Imageschaden'] },
  availability: { en: ['Availability'], de: ['Erreichbarkeit'] },
  contact_change: { en: ['Contact change'], de: ['Ansprechpartnerwechsel'] },
  deceased: { en: ['Deceased'], de: ['Verstorben'] },
  business_closed: { en: ['Business closed'], de: ['Geschäftsaufgabe'] },
  terminated_by_us: { en: ['Terminated by us'], de: ['Kündigung durch uns'] },
  unknown: { en: ['Unknown'], de: ['Unbekannt'] },
};

/** Values for a phrasing's slots. */
export interface PhraseSlots {
  city: string;
  abbr: string;
  competitor: string;
}

const PREFIXES: Record<FixtureLanguage, readonly string[]> = {
  de: ['Kunde sagt: ', 'lt. Kunde ', 'Grund: ', 'Tel.: '],
  en: ['Customer said: ', 'per customer: ', 'Reason: ', 'Cust. says '],
};
const ABBREVIATIONS: Record<FixtureLanguage, readonly [RegExp, string][]> = {
  de: [[/\bKunde\b/g, 'Kd.'], [/\bwegen\b/g, 'wg.'], [/\bnach\b/g, 'n.'], [/\bund\b/g, 'u.'], [/\bnicht\b/g, 'nich']],
  en: [[/\bcustomer\b/gi, 'cust.'], [/\bbecause\b/g, 'bc'], [/\band\b/g, '&'], [/\bwith\b/g, 'w/']],
};
const JOINERS: Record<FixtureLanguage, readonly string[]> = {
  de: [' und ', ', ', ' / ', ' + außerdem '],
  en: [' and ', ', ', ' / ', ' + also '],
};
const OBJECTIONS: Record<FixtureLanguage, readonly string[]> = {
  de: [' – bitte keine Werbung mehr', ', will nicht mehr angerufen werden'],
  en: [' - do not contact me', ', no more marketing please'],
};
/** Codes that make sense as the second half of a combined reason. */
const SECONDARY_CODES: readonly ReasonCode[] = ['price', 'service', 'quality', 'competitor_offer', 'availability'];

/** Fills a phrasing's slots. */
export function fillPhrase(template: string, slots: PhraseSlots): string {
  return template.replaceAll('{city}', slots.city).replaceAll('{abbr}', slots.abbr)
    .replaceAll('{competitor}', slots.competitor);
}

/** One free-text reason for a code; `clean` skips all variation (used to guarantee coverage). */
export function phraseReason(
  random: Random, code: ReasonCode, lang: FixtureLanguage, slots: PhraseSlots, clean = false,
): string {
  const base = fillPhrase(random.pick(REASON_PHRASES[lang][code]), slots);
  if (clean) return base;
  let text = base;
  if (code !== 'unknown' && random.chance(0.08)) {
    const other = random.pick(SECONDARY_CODES.filter((c) => c !== code));
    text += random.pick(JOINERS[lang]) + fillPhrase(random.pick(REASON_PHRASES[lang][other]), slots);
  }
  if (random.chance(0.1)) text = random.pick(PREFIXES[lang]) + text;
  if (random.chance(0.03)) text += random.pick(OBJECTIONS[lang]);
  return varySpelling(random, text, lang);
}

/** Typos, abbreviations, casing and (German) umlaut transliteration, each now and then. */
export function varySpelling(random: Random, text: string, lang: FixtureLanguage): string {
  let out = text;
  if (random.chance(0.12)) {
    for (const [pattern, short] of ABBREVIATIONS[lang]) out = out.replace(pattern, short);
  }
  if (lang === 'de' && random.chance(0.12)) {
    out = out.replaceAll('ü', 'ue').replaceAll('ö', 'oe').replaceAll('ä', 'ae').replaceAll('ß', 'ss');
  }
  if (random.chance(0.1)) out = addTypo(random, out);
  const casing = random.next();
  if (casing < 0.15) out = out.toLowerCase();
  else if (casing < 0.2) out = out.toUpperCase();
  if (random.chance(0.05)) out = `${out}${random.pick(['!', '!!', '.', ' ', '  '])}`;
  return out;
}

/** Swaps two letters or drops one inside a longer word, as fast typing does. */
function addTypo(random: Random, text: string): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => /^\p{L}{5,}$/u.test(w));
  if (candidates.length === 0) return text;
  const { w, i } = random.pick(candidates);
  const at = random.int(1, w.length - 3);
  words[i] = random.chance(0.5)
    ? w.slice(0, at) + (w[at + 1] ?? '') + (w[at] ?? '') + w.slice(at + 2)
    : w.slice(0, at) + w.slice(at + 1);
  return words.join(' ');
}
