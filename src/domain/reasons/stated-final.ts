/**
 * Final reasons a text states outright, in words the playbook's phrases may miss: our own
 * side ended the relationship ("Line disconnected by us", "cancelled by our ops manager",
 * "We have decided to discontinue supplying this customer", "Entscheidung der
 * Vertriebsleitung"), the customer's business ended without a successor or was struck from
 * its register, the customer was killed or buried. When the reading is another reason, such a
 * statement becomes the runner-up, so that plan sends the customer to a person instead of an
 * approach (plan/person-decides.ts): a letter to someone we threw out, or to a dead person,
 * costs more than a review (docs/reasons-accuracy.md, "Stated finals").
 *
 * On the 6,130 labelled reason texts (docs/reasons-accuracy.md) the patterns match 278 finals
 * and 11 other texts, most of which a person reads anyway; a product, tariff, order, outlet or
 * pilot that our side ended is no end of the customer (NOT_A_PRODUCT).
 */
import type { ReasonCode } from '../playbook-types.js';

// Over the classifier's tokens joined by spaces (lower case, umlauts folded, "Kd." read as "kunde").
// Not "eingestellt" or "discontinued": a tariff or product we stopped is availability, not the customer's end.
const ENDED = '(?:gekuendigt|aufgekuendigt|beendet|gesperrt|aufgeloest|ausgeschlossen|abgeschaltet|storniert|terminated|cancell?ed|canceled|closed|ended|suspended|blocked|dropped|disconnected|revoked|withdrawn|expelled|removed|barred|exited)';
// What a decision of ours ended: the customer or the relationship, not a product.
const RELATIONSHIP = '(?:supply\\w*|serving|serve|working|relationship|contract|account|membership|agreement|subscription|policy|police|abo\\w*|customer|client|cooperation|zusammenarbeit|vertrag|vertragsverhaeltnis|geschaeftsbeziehung|belieferung|kunde\\w*|mitgliedschaft|konto)';
const OUR_LEADERSHIP = '(?:geschaeftsleitung|vertriebsleitung|geschaeftsfuehrung|rechtsabteilung)';
// Our side ending a product, a tariff, an offer or an appointment is no end of the customer ("Tarif von uns eingestellt",
// "tariff withdrawn by us", "Termin von uns storniert").
const NOT_A_PRODUCT =
  '(?<!\\b(?:tarif|tariff|product|produkt|promotion|aktion|angebot|offer|termin|appointment|isdn|modell|model|sortiment|range|artikel|item|order|bestellung|auftrag|lieferung|delivery|visit|besuch|event|kurs|course|class|newsletter|kampagne|campaign|feature|funktion|service|pilot|trial|test|branch|store|shop|outlet|filiale|standort|niederlassung|showroom|office)\\w* (?:[a-z]+ ){0,3})';

/**
 * Our own termination said plainly: "von uns gekündigt", "wir haben … beendet", "we
 * terminated", "cancelled by us", "unsererseits gekündigt". It wins over every cue that would
 * rule terminated_by_us out (ruled-out.ts), our own mistake and fraud done to the customer too.
 */
export const OURS_STATED_PLAINLY =
  /(?<!\b(?:aussendienst\w*|mitarbeiter\w*|vertreter\w*|berater\w*|betreuer\w*|ansprechpartner\w*|techniker\w*|lieferant\w*|dienstleister\w*) (?:[a-z]+ ){0,3})\b(?:von|durch) uns (?:[a-z]+ ){0,3}(?:gekuendigt|aufgekuendigt|beendet|gesperrt|aufgeloest|ausgeschlossen)\b|\bwir haben (?:(?!(?:dass|kunde|kundin|er|sie)\b)[a-z]+ ){0,10}(?:gekuendigt|aufgekuendigt|beendet|gesperrt|aufgeloest)\b|\bwe (?:have |has |had )?(?:terminated|cancelled|canceled|closed|ended|suspended|blocked|dropped)\b(?! (?:the |our |a )?(?:[a-z]+ )?(?:pilot|trial|test|promotion|campaign|offer|tariff|product|range|line|branch|store|shop|outlet|office|showroom|reps?|employees?|employment|staff|agents?|contractors?|suppliers?|vendors?|lease)s?\b)|\bour \w+ (?:have |has |had )?(?:terminated|ended|dropped)\b|(?<!\b(?:order|bestellung|auftrag|appointment|termin|branch|store|shop|outlet|filiale|office|showroom|tariff|tarif|product|produkt)\w* (?:[a-z]+ ){0,3})\b(?:terminated|cancelled|canceled|closed|ended|suspended|blocked) by us\b|\bunsererseits (?:[a-z]+ ){0,3}(?:gekuendigt|aufgekuendigt|beendet)\b/;

/**
 * Our own termination said outright, plainly or by a part of our side: "disconnected by our …",
 * "von unserer Leitstelle abgeschaltet", "cancelled by management", "we have decided to end
 * the relationship". It wins over the cues that the customer ended or blocked it himself.
 */
export const OURS_STATED = new RegExp(
  [
    OURS_STATED_PLAINLY.source,
    `${NOT_A_PRODUCT}\\b(?:von|durch) (?:unserer?|unserem|unseren|der ${OUR_LEADERSHIP}) (?:[a-z]+ ){0,3}${ENDED}\\b`,
    `${NOT_A_PRODUCT}\\b${ENDED} by (?:us|our|management|the management|the board|(?:the )?head of [a-z]+|(?:the )?(?:sales|credit|legal|risk|compliance|fraud|accounts) (?:team|department|dept|director|manager))\\b`,
    // "Customer fired. Too many disputes.", "we fired the client": not the customer's own job ("fired from", "got fired").
    '(?<!\\b(?:got|was|were|been|get|gets) )\\b(?:customer|client) fired\\b(?! (?:from|at|by|for|his|her|their|the|a|an|our|us|them|him|me))|\\b(?:we|wir) (?:have |had )?fired (?:the |this |that )?(?:customer|client)\\b',
    // "his reseller agreement was terminated", "Vertrag wurde fristlos gekündigt": the relationship ended, by no one named.
    `\\b${RELATIONSHIP}\\w* (?:[a-z]+ ){0,2}(?:was|were|has been|had been|wurde|wurden|ist|worden) (?:[a-z]+ ){0,2}(?:terminated|gekuendigt|aufgekuendigt|beendet)\\b`,
    `\\b(?:kuendigung|beendigung|termination|cancellation) (?:seitens|durch|by) (?:der |des |die |den |the )?(?!(?:kunde|kundin|kunden|customer|client|member|mitglied)\\b)[a-z]+`,
    `\\b(?:publisher|verlag|bank|insurer|versicherer|versicherung|provider|anbieter|stadtwerke|versorger|supplier|lender|landlord|vermieter|club|verein|studio|gym) (?:has |have |hat )?(?:cancelled|canceled|terminated|closed|ended|gekuendigt|beendet|aufgekuendigt) (?:the |das |den |die |his |her |their |sein\\w* |ihr\\w* )?${RELATIONSHIP}`,
    `\\b(?:we|wir) (?:have |has |had )?(?:decided|chose|beschlossen|entschieden) (?:[a-z]+ ){0,2}(?:to )?(?:end|terminate|discontinue|stop|close|cancel|cease|exit|beenden|kuendigen|einstellen)\\b (?:[a-z]+ ){0,3}${RELATIONSHIP}\\b`,
    `\\bwir (?:haben |hatten )?(?:[a-z]+ ){0,2}(?:beschlossen|entschieden) (?:[a-z]+ ){0,3}${RELATIONSHIP}\\w* (?:[a-z]+ ){0,2}(?:zu )?(?:beenden|kuendigen|einzustellen|aufzuloesen|loesen)\\b`,
  ].join('|'),
);

// A decision of our leadership, where the text says that something ended ("Kd. wird nicht mehr beliefert – Entscheidung
// der Vertriebsleitung"); not the customer's own management, not a price rise.
const OUR_DECISION =
  /\b(?:entscheidung|beschluss|vorstandsbeschluss|decision) (?:der |des |unserer |unseres |of (?:the |our )?)?(?:geschaeftsleitung|vertriebsleitung|geschaeftsfuehrung|vorstand\w*|management|board|directors?)\b(?! (?:des kunden|der kundin|of the customer|of the client))|\b(?:gl|gf|gfs|vl|vorstands?|management|board)(?: |-)?(?:entscheid|entscheidung|beschluss|decision)\b|\banweisung (?:von oben|der gl|der gf|der geschaeftsleitung)\b/;
const SOMETHING_ENDED = /\b(?:nicht mehr|keine weitere\w*|no longer|no further|not (?:to )?renew\w*|beendet|gekuendigt|ended|terminated|ausschluss|ausgeschlossen|expelled|expulsion|excluded)\b/;

/** The customer's business ended: no successor, struck from its register, the club dissolved. */
const CLOSURE_STATED =
  /\b(?:receivers?|administrators?|liquidators?|insolvenzverwalter\w*) (?:[a-z]+ ){0,2}(?:appointed|called in|bestellt|eingesetzt)\b|\b(?:ceased|stopped) trading\b|\btrading (?:has )?(?:ceased|stopped)\b|\b(?:keiner|niemand|nobody|no one) (?:[a-z]+ ){0,3}(?:den |das |die |the )?(?:laden|betrieb|firma|geschaeft|praxis|hof|werkstatt|shop|business|firm|practice|farm|store|salon|restaurant)\w* (?:[a-z]+ ){0,2}(?:uebernehmen|uebernommen|weiterfuehren|take over|took over|taken over|carry on)\b|\b(?:kein|keinen|ohne) nachfolger\w*|\bno successor\b|\b(?:handelsregister|vereinsregister|firmenbuch|genossenschaftsregister|register) (?:[a-z]+ ){0,2}geloescht\b|\bstruck off\b|\bremoved from the (?:[a-z]+ )?register\b|\bverein (?:[a-z]+ ){0,5}aufgeloest\b|\b(?:firma|betrieb|unternehmen|gesellschaft|company|business) (?:[a-z]+ ){0,3}(?:abgewickelt|liquidiert|stillgelegt|wound up|liquidated)\b|(?<!\b(?:their|its|his|her|biggest|largest|main|major|key|ihr\w*|sein\w*|des|der) )\b(?:kunde\w*|kundin|customers?|clients?|own)\b(?! (?:employer|arbeitgeber\w*|supplier|lieferant\w*|buyer|abnehmer\w*|landlord|vermieter\w*|bank|customers?|kunden)\b) (?:[a-z]+ ){0,4}(?:pleite|bust|gone under|went under|insolvent|in administration|into administration|in liquidation|into liquidation|insolvenz angemeldet)\b/;

/**
 * The customer was killed or buried ("Herr Brandl ist vor drei Wochen beerdigt worden", "lost her
 * battle with cancer"), or someone called to report a death ("Beim Rückruf teilte der Sohn mit,
 * dass sein Vater … verstorben ist", "his wife rang to say he died"): a relative who reports a
 * death mostly reports the customer's. A thing that "died" is ruled out before (ruled-out.ts).
 */
const DEATH_STATED = new RegExp(
  [
    '\\bkilled in (?:a |an |the )?(?:[a-z]+ ){0,2}(?:crash|accident|collision)\\b',
    '\\b(?:kunde|kundin|customer|client|he|she|er|sie|owner|inhaber\\w*|holder|mr|mrs|herr|frau|groom|bride|husband|wife)\\b (?:[a-z]+ ){0,4}(?:was|were|got|has been|had been|wurde|ist) (?:[a-z]+ ){0,3}(?:killed|getoetet|beerdigt|buried)\\b(?! (?:with|on|off)\\b)',
    '\\btoedlich verunglueckt\\b|\\bums leben gekommen\\b',
    '\\blost (?:his|her|their) (?:battle|fight) (?:with|against) (?:[a-z]+ ){0,2}(?:cancer|illness|disease|leuka?emia|tumou?r|covid|dementia|als)\\b',
    '\\bkampf gegen (?:den |die |das )?(?:[a-z]*krebs|[a-z]*krankheit|leukaemie|tumor|demenz|covid|corona) verloren\\b',
    '\\b(?:teilte|teilt|meldet|meldete|rief|rang|phoned|called|says|said|sagt|sagte|schreibt|schrieb|wrote|writes|informed|advised) (?:(?:[a-z]+|\\|) ){0,10}(?:verstorben|gestorben|died|passed away|ist tot)\\b',
  ].join('|'),
);

const STATED: ReadonlyArray<{ test: (text: string) => boolean; code: ReasonCode }> = [
  { test: (t) => OURS_STATED.test(t) || (OUR_DECISION.test(t) && SOMETHING_ENDED.test(t)), code: 'terminated_by_us' },
  { test: (t) => CLOSURE_STATED.test(t), code: 'business_closed' },
  { test: (t) => DEATH_STATED.test(t), code: 'deceased' },
];

/** The first final reason the text (its tokens joined by spaces) states outright, if any. */
export function statedFinal(text: string): ReasonCode | undefined {
  return STATED.find((s) => s.test(text))?.code;
}
