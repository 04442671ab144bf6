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
 * Each pattern was checked against every labelled reason text (5,650): it matched no text
 * whose reason is not final and that plan would otherwise approach.
 */
import type { ReasonCode } from '../playbook-types.js';

// Over the classifier's tokens joined by spaces (lower case, umlauts folded, "Kd." read as "kunde").
// Not "eingestellt" or "discontinued": a tariff or product we stopped is availability, not the customer's end.
const ENDED = '(?:gekuendigt|beendet|gesperrt|aufgeloest|ausgeschlossen|abgeschaltet|storniert|terminated|cancell?ed|canceled|closed|ended|suspended|blocked|dropped|disconnected|revoked|withdrawn|expelled|removed|barred|exited)';
// What a decision of ours ended: the customer or the relationship, not a product.
const RELATIONSHIP = '(?:supply\\w*|serving|serve|working|relationship|contract|account|membership|agreement|customer|client|cooperation|zusammenarbeit|vertrag|vertragsverhaeltnis|geschaeftsbeziehung|belieferung|kunde\\w*|mitgliedschaft|konto)';
const OUR_LEADERSHIP = '(?:geschaeftsleitung|vertriebsleitung|geschaeftsfuehrung|rechtsabteilung)';

/**
 * Our own termination said outright: "von uns gekündigt", "wir haben … beendet", "we
 * terminated", "cancelled by us", "disconnected by our …", "von unserer Leitstelle
 * abgeschaltet", "we have decided to end …", "Beschluss des Vorstands". It also wins over every
 * cue that would rule terminated_by_us out (ruled-out.ts).
 */
export const OURS_STATED = new RegExp(
  [
    `\\b(?:von|durch) (?:uns|unserer?|unserem|unseren|der ${OUR_LEADERSHIP}) (?:[a-z]+ ){0,3}${ENDED}\\b`,
    '\\bwir haben (?:[a-z]+ ){0,4}(?:gekuendigt|beendet|gesperrt|aufgeloest)\\b',
    '\\b(?:we|our \\w+) (?:have |has |had )?(?:terminated|cancelled|canceled|closed|ended|suspended|blocked|dropped)\\b',
    `\\b${ENDED} by (?:us|our|management|the management|the board)\\b`,
    `\\b(?:we|wir) (?:have |has |had )?(?:decided|chose|beschlossen|entschieden) (?:[a-z]+ ){0,2}(?:to )?(?:end|terminate|discontinue|stop|close|cancel|cease|exit|beenden|kuendigen|einstellen)\\b (?:[a-z]+ ){0,3}${RELATIONSHIP}\\b`,
    `\\bwir (?:haben |hatten )?(?:[a-z]+ ){0,2}(?:beschlossen|entschieden) (?:[a-z]+ ){0,3}${RELATIONSHIP}\\w* (?:[a-z]+ ){0,2}(?:zu )?(?:beenden|kuendigen|einzustellen|aufzuloesen|loesen)\\b`,
    '\\b(?:entscheidung|beschluss|vorstandsbeschluss|decision) (?:der |des |unserer |unseres |of (?:the |our )?)?(?:geschaeftsleitung|vertriebsleitung|geschaeftsfuehrung|vorstand\\w*|management|board|directors?)\\b',
  ].join('|'),
);

/** The customer's business ended: no successor, struck from its register, the club dissolved. */
const CLOSURE_STATED =
  /\b(?:kein|keinen|ohne) nachfolger\w*|\bno successor\b|\b(?:handelsregister|vereinsregister|firmenbuch|genossenschaftsregister|register) (?:[a-z]+ ){0,2}geloescht\b|\bstruck off\b|\bremoved from the (?:[a-z]+ )?register\b|\bverein (?:[a-z]+ ){0,5}aufgeloest\b|\b(?:firma|betrieb|unternehmen|gesellschaft|company|business) (?:[a-z]+ ){0,3}(?:abgewickelt|liquidiert|stillgelegt|wound up|liquidated)\b/;

/**
 * The customer was killed or buried ("ist … beerdigt worden", "lost her battle with cancer"), or
 * someone called to report a death ("Beim Rückruf teilte der Sohn mit, dass sein Vater …
 * verstorben ist", "his wife rang to say he died"): a relative who reports a death mostly
 * reports the customer's.
 */
const DEATH_STATED =
  /\bkilled in (?:a |an |the )?(?:[a-z]+ ){0,2}(?:crash|accident|collision)\b|\b(?:was|were|got|has been|had been) killed\b(?! with)|\btoedlich verunglueckt\b|\bums leben gekommen\b|\bbeerdigt worden\b|\blost (?:his|her|their) (?:battle|fight) (?:with|against)\b|\bkampf gegen (?:den |die |das )?[a-z]+ verloren\b|\b(?:teilte|teilt|meldet|meldete|rief|rang|phoned|called|says|said|sagt|sagte|schreibt|schrieb|wrote|writes|informed|advised) (?:(?:[a-z]+|\|) ){0,10}(?:verstorben|gestorben|died|passed away|has passed|ist tot)\b/;

const STATED: ReadonlyArray<{ pattern: RegExp; code: ReasonCode }> = [
  { pattern: OURS_STATED, code: 'terminated_by_us' },
  { pattern: CLOSURE_STATED, code: 'business_closed' },
  { pattern: DEATH_STATED, code: 'deceased' },
];

/** The first final reason the text (its tokens joined by spaces) states outright, if any. */
export function statedFinal(text: string): ReasonCode | undefined {
  return STATED.find((s) => s.pattern.test(text))?.code;
}
