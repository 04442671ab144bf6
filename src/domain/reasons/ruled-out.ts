/**
 * Reasons a text rules out, whatever words of death, closure, termination or complaint it
 * holds. Such words make the rules and the learned reader lean to a final reason (never
 * contacted), while the text says plainly that it is not the customer's death, closure or our
 * own termination (docs/reasons-accuracy.md, sets FB1–FB3 and TF1):
 *
 * - the customer ended the relationship himself ("Lastschrift geplatzt, Kd. hat daraufhin
 *   selbst gekündigt", "closed her accounts in protest"), a collection, charge or block was
 *   our mistake ("wrongly sent to collections by mistake"), the customer was the victim of
 *   fraud ("Kundenkarte gestohlen und missbraucht"), or the customer blacklisted or banned us
 *   ("Members' association blacklisted us", "erteilt unserem Vertreter Hausverbot"): not
 *   terminated by us;
 * - a successor runs the business on ("Seniorchef verstorben, Tochter führt den Betrieb
 *   weiter", "his daughter now runs the garage", "still trading"): neither a death nor a
 *   closure of the customer, unless an administrator or liquidator took over;
 * - an insolvency only threatened ("Drohende Insolvenz lt. GF"), or that of the customer's own
 *   customer or supplier ("Client's biggest customer went bankrupt"): no closure, unless the
 *   text says the business closed;
 * - a thing died or is dead ("Line went dead", "Handset died", "das Thema ist gestorben",
 *   "Gerät hat den Geist aufgegeben"), or someone who is not the customer died — a pet, one of
 *   our own people ("Unser Dr. Weber verstorben"), a third party in a role (landlord, the
 *   customer's buyer, a neighbour, a grandparent) — unless that one only reports it ("lt.
 *   Nachbarin verstorben"): no death of the customer;
 * - returned mail ("mail returned - cust moved"): a letter that could not go, not a complaint
 *   handled badly.
 */
import type { ReasonCode } from '../playbook-types.js';
import type { NgramReading } from './ngram.js';
import type { RankedReason } from './rules.js';

// Over the classifier's tokens joined by spaces (lower case, umlauts folded, "Kd." read as "kunde").
// A negation or our own side right before a statement takes it back ("did not cancel himself", "von uns selbst gekündigt").
const NOT_OURS = '(?<!\\b(?:not|nicht|never|nie|didnt|keine|kein|uns|wir|we|us) )';
const ENDED_BY_CUSTOMER = new RegExp(
  `${NOT_OURS}\\b(?:selbst|selber|eigenstaendig|von sich aus) (?:(?!von|durch|wurde|wurden)[a-z]+ ){0,3}(?:gekuendigt|storniert|aufgeloest|beendet|abgemeldet)\\b|${NOT_OURS}\\b(?:kuendigt|kuendigte|storniert|stornierte) (?:[a-z]+ ){0,2}(?:selbst|selber)\\b|${NOT_OURS}\\b(?:kuendigung|aufloesung|kontoaufloesung|vertragsaufloesung) durch (?:den |die )?(?:kunden?|kundin)\\b|${NOT_OURS}\\b(?:cancel(?:l?ed|s|ling)?|closed?|closing|terminated|ended|quit) (?:[a-z]+ ){0,3}(?:herself|himself|themselves|in protest)\\b|\\baus protest\\b|\\bcustomer initiated\\b`,
);

const OUR_MISTAKE =
  /\b(?:disconnected|cut off|blocked|suspended|gesperrt|abgeschaltet|sperre)\w* (?:[a-z]+ ){0,4}(?:in error|by mistake|systemfehler)\b|\b(?:inkasso\w*|mahnung\w*|mahnlauf|gesperrt|sperrung|collections?|dunning|debt|blocked|suspended)(?: [a-z]+){0,5} (?:by mistake|in error|irrtuemlich|versehentlich|faelschlich\w*)\b|\b(?:wrongly|erroneously|mistakenly|irrtuemlich\w*|versehentlich\w*|faelschlich\w*|zu unrecht) (?:[a-z]+ ){0,3}(?:sent to|passed to|referred to|collections?|inkasso|gemahnt|gesperrt|blocked|suspended|uebergeben|abgegeben|sperre|abgebucht|belastet|charged|debited|billed|doppelt)\b/;

// Fraud done to the customer, not by them: a card stolen, skimmed or hacked, fraud by a third party.
const FRAUD_VICTIM =
  /\b(?:victim of|opfer (?:von|eines|einer))\b|\b(?:card|cards|karte|kundenkarte|kreditkarte|bankkarte)\w* (?:[a-z]+ ){0,2}(?:gestohlen|stolen|skimmed|hacked|gehackt|compromised)\b|\bskimming\b|\b(?:kartenbetrug|card fraud)\w* (?:[a-z]+ ){0,2}(?:zulasten|on the customers?|on (?:his|her|their) account|against (?:the )?customer)|\bdurch dritte\b|\bby a third party\b|\bthird party fraud\b/;

const CUSTOMER_BLOCKED_US =
  /\b(?:blacklisted|banned|barred|delisted) (?:us|our)\b|\b(?:erteilt|erteilte|erteilen|gave|gives) (?:unserem|unserer|unseren|our) [a-z]+ (?:ein )?hausverbot\b|\b(?:hat|haben|hatte|hatten) uns (?:auf (?:die |seine |ihre |eine )?(?:[a-z]+ )?)?(?:sperrliste|blacklist)\w*|\b(?:hat|haben|hatte|hatten) uns (?:als lieferant\w* )?(?:gesperrt|ausgelistet)\b/;

// Our own termination said outright wins over every cue against it.
const OURS_STATED =
  /\b(?:von|durch) uns (?:[a-z]+ ){0,3}(?:gekuendigt|beendet|gesperrt|aufgeloest|ausgeschlossen)\b|\bwir haben (?:[a-z]+ ){0,4}(?:gekuendigt|beendet|gesperrt|aufgeloest)\b|\b(?:we|our \w+) (?:have |has |had )?(?:terminated|cancelled|canceled|closed|ended|suspended|blocked|dropped)\b|\b(?:terminated|cancelled|canceled|closed|ended|suspended|blocked) by us\b/;

// Someone runs the customer's business on. Not "nicht (mehr) weitergeführt", "niemand", "nobody", "no successor".
const SUCCESSOR =
  /\b(?:fuehrt|fuehren|fuehrte|leitet|leiten) (?:[a-z]+ ){1,4}weiter\b|\bweitergefuehrt\b|\b(?:carries|carry|carried) on (?:trading|running|the business|the shop|the firm|the farm|the practice)\b|\bstill (?:trading|running|open)\b|\b(?:betrieb|firma|geschaeft|laden|hof|praxis) (?:laeuft|besteht) (?:[a-z]+ )?weiter\b|\b(?:hat|haben) (?:den |das |die )?(?:betrieb|geschaeft|firma|laden|hof|praxis|werkstatt|unternehmen|kanzlei|salon|hotel|restaurant|baeckerei|metzgerei)\w* uebernommen\b|\b(?:runs|running|run|manages) the (?:[a-z]+ )?(?:business|shop|garage|farm|firm|company|practice|store|hotel|restaurant|salon|pub)\b|\bnow runs\b|\b(?:took|has taken|have taken) over the (?:[a-z]+ )?(?:business|shop|garage|farm|firm|company|practice|store|hotel|restaurant|salon|pub)\b|\bunder new (?:management|ownership)\b|\b(?:business|company|shop|firm|farm|practice) (?:continues|carries on|goes on)\b/;
const NO_SUCCESSOR = /\bnicht (?:mehr )?(?:weiter|weitergefuehrt)|\bniemand\b|\bnobody\b|\bno one\b|\b(?:kein|keinen|ohne) nachfolger|\bno successor|\bnot (?:continued|carried on)/;
// An administrator or liquidator who took over ends the business: no successor.
const WINDING_UP = /insolven|liquidat|verwalter|administrat|receiver|abwickl|wound|winding|konkurs|bankrupt/;

const THREATENED =
  /\b(?:drohende\w* (?:insolvenz|pleite)|(?:insolvenz|pleite) droht|droht (?:die |eine |mit )?(?:der )?(?:insolvenz|pleite)|kurz vor der (?:insolvenz|pleite)|near (?:bankruptcy|insolvency)|brink|insolvenzgefaehrdet|possible insolvency|threatened with (?:bankruptcy|insolvency)|bald pleite|verge of (?:bankruptcy|insolvency|collapse)|(?:may|might|could) have to file|could go (?:bankrupt|bust|under)|risk of (?:insolvency|bankruptcy))\b/;
const OTHERS_INSOLVENCY =
  /\b(?:their|its|his|her|ihr\w*|sein\w*|clients|customers)\b (?:[a-z]+ ){0,2}(?:customer|buyer|supplier|distributor|wholesaler|abnehmer|lieferant|hauptkunde|grosskunde|hauptabnehmer|hauptlieferant|kunde)\w* (?:[a-z]+ ){0,3}(?:went bankrupt|went bust|went under|insolvent|bankrupt|pleite|collapsed|in administration)\b|\b(?:abnehmer|lieferant|hauptkunde|grosskunde|distributor|supplier|buyer|wholesaler)\w* (?:des|der|beim|vom) (?:kunden?|kundin) (?:[a-z]+ ){0,2}(?:pleite|insolvent|insolvenz|konkurs|bankrott)\b|\b(?:hauptabnehmer|hauptlieferant|grosskunde|hauptkunde)\w* des (?:kunden|kundin)\b/;
// A closure or insolvency of the customer stated outright stays one, whatever was threatened before or happened to others.
const CLOSED_STATED =
  /eingestellt|geschlossen|aufgegeben|abgemeldet|geloescht|aufgeloest|closed|ceased|liquidat|wound|dissolved|shut|insolvenzantrag|insolvenzverfahren|konkurs|filed|(?<!\b(?:their|its|his|her|clients|customers|biggest|largest|main|major|key|ihr|ihre|ihrem|ihres|sein|seine|seinem|seines|des|der) )\b(?:kunde|kundin|customer|client|firma|company|wir|we)\b (?:[a-z]+ ){0,3}(?:insolvent|bankrupt|pleite|bust|bankrott)\b/;

// Words between a thing or another person and "died": none may be the customer, a person or one who reports it.
const NOT_A_PERSON =
  '(?: (?!(?:kunde|kundin|customer|client|inhaber|owner|holder|nehmer|mr|mrs|ms|he|she|er|wife|husband|mann|frau|vater|mutter|father|mother|mum|mom|dad|mama|papa|son|daughter|sohn|tochter|member|subscriber|patient|says|said|sagt|meldet|reports|reported|rang|phoned|called|schreibt|writes|berichtet|teilt)(?:s|n|in|en|nen)?\\b)[a-z]+){0,3}';
const THING_DIED = new RegExp(
  `\\b(?:lust|telefon|phone|thema|sache|deal|projekt|idee|verlaengerung|vertrag|contract|kundendienst|support|zeug|ware|kettle|toaster|appliance|product|produkt|line|leitung|handset|handy|smartphone|geraet|akku|battery|batterie|takings|umsatz|network|netz|internet|signal|router|modem|display|screen|motor|engine)s?\\b${NOT_A_PERSON} (?:gestorben|tot|dead|died)\\b|\\bfuer (?:ihn|sie|mich|uns|kunde|kundin|den kunden|die kundin) gestorben\\b|\\bden geist aufgegeben\\b|\\b(?:dead|tot|gestorben) (?:to|fuer) (?:me|us|mich|uns)\\b`,
);

// A death of someone who is not the customer: a pet, one of our own people, a third party in a role.
const PET = '(?:fish|fische|kueken|chicks|herd|herde|vieh|livestock|cattle|cows|kuehe|bees|bienen|cat|cats|dog|dogs|horse|pony|puppy|kitten|pet|parrot|rabbit|hamster|hund|hunde|huendin|katze|kater|pferd|welpe|haustier|kaninchen|wellensittich)';
const NOT_CUSTOMER_WORD = '(?!kunde|kundin|kunden|customer|client|member|mitglied|patient|subscriber|abonnent)';
const OUR_PERSON = `(?:unser|unsere|unserem|unseren|unserer|our) (?:${NOT_CUSTOMER_WORD}[a-z]+ )?(?:rep|reps|representative|account manager|berater\\w*|betreuer\\w*|ansprechpartner\\w*|vertreter\\w*|aussendienst\\w*|techniker\\w*|dr(?: \\|)?|doktor|doctor|arzt|aerztin|trainer\\w*|coach|adviser|advisor|consultant|agent|makler\\w*|vermittler\\w*)`;
const THIRD_PARTY = '(?:vermieter\\w*|landlord|einkaeufer\\w*|buyer|geschaeftspartner\\w*|business partner|kollege|kollegin|colleague|nachbar\\w*|neighbour|neighbor)(?: (?:beim|bei|at) (?:the |der |dem )?(?:kunde|kunden|kundin|customers?|clients?)(?: [a-z]+)?)?';
const OTHER_DIED = new RegExp(`(?<!\\b(?:laut|lt|per|from|von|according to|says|sagt|meldet) )\\b(?:${PET}|${OUR_PERSON}|${THIRD_PARTY})${NOT_A_PERSON} (?:verstorben|gestorben|died|passed away|eingeschlaefert|put down|put to sleep)\\b`);
// The customer is the widow, or inherited: she or he lives on ("Kundin (Witwe, Ehemann verstorben) zieht zu ihrer
// Tochter", "Kunde hat das Haus seiner verstorbenen Tante geerbt"); not when a death of the customer stands between,
// and not "the widow of the account holder" (whose death it is).
// ("seiner verstorbenen Tante" names another's death; "verstorben" alone says the customer's.)
const ALIVE_GAP = '(?:(?!(?:verstorben|gestorben|died|deceased|tot|passed|dead)\\b)(?:[a-z]+|\\|) ){0,8}';
const SURVIVOR = new RegExp(
  `\\b(?:kundin|customer|client|member)\\b ${ALIVE_GAP}(?:witwe|verwitwet|widow|widowed)\\b(?! (?:of|des|der|von|vom)\\b)|\\b(?:kunde|kundin|customer|client|member)\\b ${ALIVE_GAP}(?:geerbt|inherited)\\b|(?:^|\\| )inherited\\b`,
);
// Returned mail says where a letter could not go, never how a complaint was handled.
const RETURNED_MAIL = /\b(?:mail|post|letter|letters|brief|briefe|sendung) (?:[a-z]+ ){0,2}(?:returned|zurueck|zurueckgekommen|undeliverable|unzustellbar)\b|\breturned (?:mail|post|letter)\b|\breturn to sender\b/;

const RULES: ReadonlyArray<{ test: (text: string) => boolean; out: readonly ReasonCode[] }> = [
  { test: (t) => (ENDED_BY_CUSTOMER.test(t) || OUR_MISTAKE.test(t) || FRAUD_VICTIM.test(t) || CUSTOMER_BLOCKED_US.test(t)) && !OURS_STATED.test(t), out: ['terminated_by_us'] },
  { test: (t) => (THREATENED.test(t) || OTHERS_INSOLVENCY.test(t)) && !CLOSED_STATED.test(t), out: ['business_closed'] },
  { test: (t) => SUCCESSOR.test(t) && !NO_SUCCESSOR.test(t) && !WINDING_UP.test(t), out: ['deceased', 'business_closed'] },
  { test: (t) => THING_DIED.test(t) || OTHER_DIED.test(t) || SURVIVOR.test(t), out: ['deceased'] },
  { test: (t) => RETURNED_MAIL.test(t), out: ['service'] },
];

/** Final reasons: a ruled-out one the rules found stays the runner-up, so that a person decides (plan/person-decides.ts). */
export const FINAL_CODES: ReadonlySet<ReasonCode> = new Set(['deceased', 'business_closed', 'terminated_by_us']);

/** The final reasons the text rules out (none for most texts). */
export function ruledOut(tokens: readonly string[]): ReasonCode[] {
  const text = tokens.join(' ');
  return RULES.flatMap((r) => (r.test(text) ? r.out : []));
}

/** The rule ranking and the model's reading without the reasons `out` (ruledOut). */
export function withoutReasons<R extends (...args: never[]) => NgramReading>(ranked: readonly RankedReason[], read: R, codes: readonly ReasonCode[], out: readonly ReasonCode[]): { ranked: RankedReason[]; read: R } {
  const at = out.map((c) => codes.indexOf(c)).filter((k) => k >= 0);
  const cleared = ((...args: Parameters<R>) => {
    const reading = read(...args);
    const posterior = Float64Array.from(reading.posterior);
    for (const k of at) posterior[k] = 0;
    return { ...reading, posterior };
  }) as R;
  return { ranked: ranked.filter((r) => !out.includes(r.reason)), read: cleared };
}
