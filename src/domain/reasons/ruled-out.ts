/**
 * Reasons a text rules out, whatever words of death, closure, termination or complaint it
 * holds. Such words make the rules and the learned reader lean to a final reason (never
 * contacted), while the text says plainly that it is not the customer's death, closure or our
 * own termination (docs/reasons-accuracy.md, sets FB1–FB3 and TF1):
 *
 * - the customer ended the relationship himself ("Lastschrift geplatzt, Kd. hat daraufhin
 *   selbst gekündigt", "closed her accounts in protest", "Kunde kündigt danach", "terminated by
 *   the client"), a collection, charge or block was our mistake ("wrongly sent to collections
 *   by mistake", "Mahnung trotz bezahlter Rechnung"), the customer was the victim of fraud
 *   ("Kundenkarte gestohlen und missbraucht", phishing), or the customer blacklisted, banned or
 *   blocked us ("Members' association blacklisted us", "erteilt unserem Vertreter Hausverbot",
 *   "blocked our number"): not terminated by us;
 * - a successor runs the business on ("Seniorchef verstorben, Tochter führt den Betrieb
 *   weiter", "his daughter now runs the garage", "still trading"): neither a death nor a
 *   closure of the customer, unless an administrator or liquidator took over;
 * - an insolvency only threatened ("Drohende Insolvenz lt. GF"), or that of the customer's own
 *   customer, supplier or employer, or of our own supplier ("Client's biggest customer went
 *   bankrupt", "Unser Vorlieferant ist insolvent"): no closure, unless the text says, outside
 *   that other firm's insolvency, that the business closed;
 * - a thing died or is dead ("Line went dead", "Handset died", "das Thema ist gestorben",
 *   "Gerät hat den Geist aufgegeben"), or someone who is not the customer died — a pet, one of
 *   our own people ("Unser Dr. Weber verstorben", "their rep at our firm"), a third party in a
 *   role (landlord, the customer's buyer, a neighbour, a grandparent) — unless that one only
 *   reports it ("lt. Nachbarin verstorben") —, plants or livestock, or a relative of a customer
 *   who lives on ("Nach dem Tod ihres Mannes zieht die Kundin …", unless someone reports the
 *   death or the contract is the dead one's): no death of the customer;
 * - a death or a closure recorded by mistake ("fälschlich als verstorben markiert"): neither;
 * - returned mail ("mail returned - cust moved"): a letter that could not go, not a complaint
 *   handled badly.
 */
import type { ReasonCode } from '../playbook-types.js';
import type { NgramReading } from './ngram.js';
import type { RankedReason } from './rules.js';
import { OURS_STATED, OURS_STATED_PLAINLY } from './stated-final.js';

// Over the classifier's tokens joined by spaces (lower case, umlauts folded, "Kd." read as "kunde").
// A negation or our own side right before a statement takes it back ("did not cancel himself", "von uns selbst gekündigt").
const NOT_OURS = '(?<!\\b(?:not|nicht|never|nie|didnt|keine|kein|uns|wir|we|us) )';
const ENDED_BY_CUSTOMER = new RegExp(
  `${NOT_OURS}\\b(?:selbst|selber|eigenstaendig|von sich aus) (?:(?!von|durch|wurde|wurden)[a-z]+ ){0,3}(?:gekuendigt|storniert|aufgeloest|beendet|abgemeldet)\\b|${NOT_OURS}\\b(?:kuendigt|kuendigte|storniert|stornierte) (?:[a-z]+ ){0,2}(?:selbst|selber)\\b|${NOT_OURS}\\b(?:kuendigung|aufloesung|kontoaufloesung|vertragsaufloesung) durch (?:den |die )?(?:kunden?|kundin)\\b|${NOT_OURS}\\b(?:cancel(?:l?ed|s|ling)?|closed?|closing|terminated|ended|quit) (?:[a-z]+ ){0,3}(?:herself|himself|themselves|in protest)\\b|\\baus protest\\b|\\bcustomer initiated\\b` +
    // "Kunde kündigt danach", "customer cancelled", "terminated by the client", "Kd. hat nach … gekündigt".
    `|${NOT_OURS}\\b(?:kunde|kundin|customer|client|member|mitglied) (?:then |daraufhin |danach |subsequently |himself |herself |selbst )?(?:kuendigt|kuendigte|cancels|cancelled|canceled|terminates|terminated|quits|quit)\\b(?! (?:(?:his|her|their|the|das|den|die|sein|seine|seinen|ihr|ihre|ihren) )?(?:direct debit|dd|lastschrift\\w*|einzug\\w*|einzugsermaechtigung|standing order|dauerauftrag\\w*|sepa\\w*))` +
    '|\\b(?:terminated|cancell?ed|canceled|ended) by (?:the )?(?:client|customer|member|kunde|kundin)\\b' +
    '|\\b(?:kunde|kundin) hat (?!(?:[a-z]+ ){0,6}(?:nicht|kein|keine|nie|wir|uns|wurde|wurden|worden)\\b)(?:[a-z]+ ){0,6}gekuendigt\\b',
);

const OUR_MISTAKE =
  /\b(?:disconnected|cut off|blocked|suspended|gesperrt|abgeschaltet|sperre)\w* (?:[a-z]+ ){0,4}(?:in error|by mistake|systemfehler)\b|\b(?:inkasso\w*|mahnung\w*|mahnlauf|gesperrt|sperrung|collections?|dunning|debt|blocked|suspended)(?: [a-z]+){0,5} (?:by mistake|in error|irrtuemlich|versehentlich|faelschlich\w*)\b|\b(?:wrongly|erroneously|mistakenly|irrtuemlich\w*|versehentlich\w*|faelschlich\w*|zu unrecht) (?:[a-z]+ ){0,6}(?:sent to|passed to|referred to|collections?|inkasso|gemahnt|gesperrt|blocked|suspended|uebergeben|abgegeben|sperre|abgebucht|belastet|charged|debited|billed|doppelt)\b|\btrotz (?:bezahlter|beglichener|erfolgter|puenktlicher) (?:rechnung|zahlung)\b|\bdespite (?:having )?paid\b|\b(?:forderung|balance|debt|rechnung) (?:[a-z]+ ){0,2}(?:beglichen|paid in full|fully paid)\b/;

// Fraud done to the customer, not by them: a card stolen, skimmed or hacked, fraud by a third party.
const FRAUD_VICTIM =
  /(?:^|\| |\b(?:kunde|kundin|customer|client|member|she|he|er|sie)\b (?:[a-z]+ ){0,3})(?:victim of|opfer (?:von|eines|einer))\b|\b(?:card|cards|karte|kundenkarte|kreditkarte|bankkarte)\w* (?:[a-z]+ ){0,2}(?:gestohlen|stolen|skimmed|hacked|gehackt|compromised)\b|\bskimming\b|\b(?:kartenbetrug|card fraud)\w* (?:[a-z]+ ){0,2}(?:zulasten|on the customers?|on (?:his|her|their) account|against (?:the )?customer)|\bdurch dritte\b|\bby a third party\b|\bthird party fraud\b|\b(?:opfer|victim|betroffen|affected)\w* (?:[a-z]+ ){0,3}phishing|\bphishing\w* ?(?:opfer|victim)|\bphishing\w* (?:[a-z]+ ){0,3}(?:in unserem namen|in our name|auf dem konto|on the customer s account|on (?:his|her) account)|\b(?:betrug|fraud) (?:auf|on) (?:dem|the) (?:konto|account) (?:des|der|of the) (?:kunden|kundin|customer)\b/;

// We ended the contract of one of our own people, not the customer's ("We terminated our rep's employment",
// "Außendienstler wurde von uns gekündigt").
const OUR_STAFF_ENDED =
  /\b(?:we|wir) (?:have |haben )?(?:terminated|fired|dismissed|let go|gekuendigt|entlassen) (?:our |unseren |unsere |the )?(?:[a-z]+ )?(?:reps?|employees?|staff|account managers?|aussendienst\w*|mitarbeiter\w*|vertreter\w*|berater\w*)\b|\b(?:aussendienst\w*|mitarbeiter\w*|vertreter\w*|berater\w*|betreuer\w*|rep|account manager) (?:[a-z]+ ){0,2}(?:wurde|was|has been) (?:von uns |by us )?(?:gekuendigt|entlassen|fired|dismissed|let go)\b/;
// The customer asked for the end: "at his own request", "as requested", "auf Kundenwunsch", "von uns bestätigt".
const CUSTOMER_ASKED =
  /\bat (?:his|her|their|the customers?|the clients?) (?:own )?request\b|\bas requested\b|\bauf (?:eigenen |ausdruecklichen )?(?:wunsch|kundenwunsch)\b|\bauf kundenwunsch\b|\bwie gewuenscht\b|\b(?:requested|asked for) by the (?:customer|client)\b|\b(?:von uns|by us) (?:[a-z]+ ){0,2}(?:bestaetigt|confirmed)\b/;
// Our own termination, itself by mistake: "versehentlich von uns gesperrt", "suspended by us by mistake".
const OURS_MISTAKEN =
  /\b(?:versehentlich|irrtuemlich\w*|faelschlich\w*|wrongly|mistakenly|erroneously|zu unrecht)\b (?:[a-z]+ ){0,3}(?:gekuendigt|gesperrt|beendet|terminated|cancelled|canceled|closed|suspended|blocked)\b|\b(?:gekuendigt|gesperrt|beendet|terminated|cancelled|canceled|closed|suspended|blocked) (?:by us )?(?:[a-z]+ ){0,2}(?:by mistake|in error|versehentlich|irrtuemlich)\b/;

const CUSTOMER_BLOCKED_US =
  /\b(?:blacklisted|banned|barred|delisted) (?:us|our)\b|\b(?:erteilt|erteilte|erteilen|gave|gives) (?:unserem|unserer|unseren|our) [a-z]+ (?:ein )?hausverbot\b|\b(?:hat|haben|hatte|hatten) uns (?:auf (?:die |seine |ihre |eine )?(?:[a-z]+ )?)?(?:sperrliste|blacklist)\w*|\b(?:hat|haben|hatte|hatten) uns (?:als lieferant\w* )?(?:gesperrt|ausgelistet)\b|\bblocked (?:our|us|all our)\b|\b(?:hat|hatte) (?:unsere|uns) (?:[a-z]+ ){0,2}(?:blockiert|gesperrt)\b/;

// Someone runs the customer's business on. Not "nicht (mehr) weitergeführt", "niemand", "nobody", "no successor".
const SUCCESSOR =
  /\b(?:fuehrt|fuehren|fuehrte|leitet|leiten) (?:[a-z]+ ){1,6}weiter\b|\bweitergefuehrt\b|\b(?:carries|carry|carried) on (?:trading|running|the business|the shop|the firm|the farm|the practice)\b|\bstill (?:trading|running|open)\b|\b(?:betrieb|firma|geschaeft|laden|hof|praxis)\w* (?:[a-z]+ ){0,3}(?:laeuft|besteht) (?:[a-z]+ ){0,3}weiter\b|\b(?:betrieb|firma|geschaeft|laden|hof|praxis) (?:laeuft|besteht) (?:[a-z]+ )?weiter\b|\b(?:hat|haben) (?:den |das |die )?(?:betrieb|geschaeft|firma|laden|hof|praxis|werkstatt|unternehmen|kanzlei|salon|hotel|restaurant|baeckerei|metzgerei)\w* uebernommen\b|\b(?:runs|running|run|manages) the (?:[a-z]+ )?(?:business|shop|garage|farm|firm|company|practice|store|hotel|restaurant|salon|pub)\b|\bnow runs\b|\b(?:took|has taken|have taken) over the (?:[a-z]+ )?(?:business|shop|garage|farm|firm|company|practice|store|hotel|restaurant|salon|pub)\b|\bunder new (?:management|ownership)\b|\b(?:business|company|shop|firm|farm|practice) (?:continues|carries on|goes on)\b/;
// "Betrieb an neuen Inhaber verkauft, läuft weiter", "Business was sold but continues under the new owner".
const SOLD_ON = /\b(?:sold|verkauft)\b(?: (?:[a-z]+|\|)){0,5} (?:continues|carries on|laeuft weiter|besteht weiter|wird weitergefuehrt)\b/;
const NO_SUCCESSOR = /\bnicht (?:mehr )?(?:weiter|weitergefuehrt)|\bniemand\b|\bnobody\b|\bno one\b|\b(?:kein|keinen|ohne) nachfolger|\bno successor|\bnot (?:continued|carried on)/;
// An administrator or liquidator who took over ends the business: no successor.
const WINDING_UP = /insolven|liquidat|verwalter|administrat|receiver|abwickl|wound|winding|konkurs|bankrupt/;

const THREATENED =
  /\b(?:drohende\w* (?:insolvenz|pleite)|(?:insolvenz|pleite) droht|droht (?:die |eine |mit )?(?:der )?(?:insolvenz|pleite)|kurz vor der (?:insolvenz|pleite)|near (?:bankruptcy|insolvency)|brink|insolvenzgefaehrdet|possible insolvency|threatened with (?:bankruptcy|insolvency)|bald pleite|verge of (?:bankruptcy|insolvency|collapse)|(?:may|might|could) have to file|could go (?:bankrupt|bust|under)|risk of (?:insolvency|bankruptcy)|fuerchtet (?:die |eine )?(?:insolvenz|pleite)|noch nicht (?:insolvent|pleite)|not (?:yet )?(?:insolvent|bankrupt)|fears? (?:insolvency|bankruptcy)|(?:bin|ich bin|i am|im|i m) (?:gerade |total |voellig |completely |flat )?(?:pleite|broke|bankrupt))\b/;
const OTHERS_INSOLVENCY = new RegExp(
  String.raw`\b(?:their|its|his|her|ihr\w*|sein\w*|clients|customers)\b (?:[a-z]+ ){0,2}(?:customer|buyer|supplier|distributor|wholesaler|abnehmer|lieferant|hauptkunde|grosskunde|hauptabnehmer|hauptlieferant|kunde)\w* (?:[a-z]+ ){0,3}(?:went bankrupt|went bust|went under|insolvent|bankrupt|pleite|collapsed|in administration)\b|\b(?:abnehmer|lieferant|hauptkunde|grosskunde|distributor|supplier|buyer|wholesaler)\w* (?:des|der|beim|vom) (?:kunden?|kundin) (?:[a-z]+ ){0,2}(?:pleite|insolvent|insolvenz|konkurs|bankrott)\b|\b(?:hauptabnehmer|hauptlieferant|grosskunde|hauptkunde|hauptauftraggeber|auftraggeber)\w* des (?:kunden?|kundin)\b` +
    // The customer's employer, or our own supplier ("Unser Vorlieferant ist insolvent", "our distributor … went into liquidation").
    String.raw`|\b(?:arbeitgeber|employer)\w* (?:[a-z]+ ){0,3}(?:insolvent|pleite|bankrupt|went bust|konkurs|in administration|liquidation|zugemacht|dichtgemacht|geschlossen|closed|shut)\w*|\b(?:factory|plant|werk|fabrik|firm|company|firma|shop|office) (?:he|she|er|sie) (?:worked|works|arbeitete|arbeitet) (?:at|for|in|bei)?(?: [a-z]+){0,3} (?:shut|closed|closing|zugemacht|geschlossen|dicht)\w*` +
    String.raw`|\b(?:unser|unsere|unserem|unseren|unserer|our) (?:[a-z]+ )?\w*(?:lieferant|distributor|supplier|haendler|partner|wholesaler|subcontractor|manufacturer|hersteller|importeur|importer)\w* (?:(?:[a-z]+|\|) ){0,5}(?:insolvent|insolvenz|liquidation|pleite|bankrupt|bust|administration|konkurs|zugemacht|dichtgemacht|closed down|shut down)\w*` +
    String.raw`|\b(?:angebliche\w* |rumou?red |alleged )?(?:insolvenz|pleite|konkurs|insolvency|bankruptcy|liquidation) (?:unseres|unserer|unseres|of our) (?:[a-z]+ )?(?:\w*lieferant\w*|suppliers?|distributors?|\w*haendler\w*|hersteller\w*|manufacturers?|\w*partner\w*|unternehmens|hauses|company|firm)\b` +
    // A competitor's closure or insolvency, or our own outlet's ("Räumungsverkauf der Konkurrenz wg. Geschäftsaufgabe", "Our Leeds showroom closed down").
    String.raw`|\b(?:insolvent\w*|pleite\w*|bankrupt|bust|defunct|failed) (?:[a-z]+ )?(?:konkurrent\w*|mitbewerber\w*|wettbewerber\w*|competitors?|rivals?)\b` +
    // A shop named by what it sold ("the pharmacy that stocked our line", "der Laden wo er unser Zeug gekauft hat"), or a relative's works.
    String.raw`|\b(?:pharmacy|chemist|shop|store|stockist|retailer|dealer|haendler|laden|apotheke|geschaeft|drogerie|supermarkt|supermarket|kiosk|markt|baumarkt|outlet)\w* (?:that|which|where|wo|der|die|das|den|in dem|bei dem) (?:[a-z]+ ){0,6}(?:stocked|sold|carried|kaufte|gekauft|verkauft|verkaufte|fuehrte|gefuehrt|bought|buys|got)\b` +
    String.raw`|\b(?:werk|fabrik|firma|betrieb|arbeitgeber|factory|plant|employer) (?:vom|von|des|der|of (?:her|his|the)) (?:ehe)?(?:mann|mannes|frau|partner\w*|husband|wife|sohn|sohnes|tochter|son|daughter|vater|vaters|father)\b` +
    String.raw`|\b(?:konkurrenz|konkurrent\w*|competitors?|wettbewerber\w*|mitbewerber\w*|rivals?)\b(?: [a-z]+){0,3} (?:geschaeftsaufgabe|closing down|closed down|closing|closed|insolvent|insolvenz|pleite|bankrupt|bust)\b|\b(?:raeumungsverkauf|closing down sale)\b(?: [a-z]+){0,2} (?:der |des |of the |of a )?(?:konkurrenz|competitor\w*|wettbewerber\w*|mitbewerber\w*)`,
);
// Our own outlet closed ("Our Leeds showroom closed down"), where no "we" writes: in a customer's letter "wir haben
// unseren Laden dichtgemacht" is the customer's own shop.
const OUR_OUTLET_CLOSED =
  /\b(?:unser|unsere|unserem|unseren|unserer|our) (?:[a-z]+ )?(?:showroom|branch|store|shop|outlet|filiale|niederlassung|geschaeft|laden|studio|standort|depot|warehouse|lager)\w* (?:[a-z]+ ){0,2}(?:closed|shut|geschlossen|dicht|zu)\w*/g;
const WE = /\b(?:wir|we)\b/;
// The customer buys on, elsewhere or online ("Händler vor Ort hat zugemacht, Kunde kauft jetzt online woanders"): a shop that
// closed was not the customer's business, unless the customer is said to have closed.
const BUYS_ON =
  /\b(?:kunde|kundin|customer|client)\b (?:[a-z]+ ){0,2}(?:kauft|bestellt|bezieht|buys|orders|shops|purchases) (?:[a-z]+ ){0,2}(?:jetzt|nun|inzwischen|now|online|woanders|elsewhere|anderswo)\b|\b(?:now (?:buys|orders|purchases|sources)|(?:kauft|bestellt|bezieht) (?:jetzt|nun|inzwischen))\b/;
// The customer lost a job, or closed an account: a closure there is an employer's, and an account is no business.
const JOB_OR_ACCOUNT =
  /\b(?:lost (?:his|her|their|my) job|job ?loss|(?:arbeitsplatz|job|stelle) verloren|jobverlust|arbeitslos)\b|\b(?:closed|cancelled|canceled|gekuendigt|aufgeloest|geschlossen) (?:(?:the|her|his|their|das|den|die|sein\w*|ihr\w*) )?(?:acct|account|accounts|konto|konten|vertrag|contract|subscription|abo\w*|membership|mitgliedschaft)\b/;
const OWN_FIRM = /\b(?:sein\w*|ihr\w*|his|her|their|own|eigene\w*) (?:firma|betrieb|company|business|laden|shop|geschaeft|praxis)\b/;
const CUSTOMER_CLOSED = /\b(?:kunde|kundin|customer|client)\b (?:[a-z]+ ){0,4}(?:geschlossen|zugemacht|dichtgemacht|aufgegeben|abgemeldet|closed|shut|ceased|insolvent|pleite|bankrupt)\b/;
const OTHERS_INSOLVENCY_ALL = new RegExp(OTHERS_INSOLVENCY.source, 'g');
// A closure or insolvency of the customer stated outright stays one, whatever was threatened before or happened to others.
const CLOSED_STATED =
  /eingestellt|geschlossen|aufgegeben|abgemeldet|geloescht|aufgeloest|closed|ceased|liquidat|wound|dissolved|shut|insolvenzantrag|insolvenzverfahren|insolvenzverwalter|insolvenz (?:angemeldet|anmelden|beantragt)|konkurs|filed|(?<!\b(?:their|its|his|her|clients|customers|biggest|largest|main|major|key|ihr|ihre|ihrem|ihres|sein|seine|seinem|seines|des|der) )\b(?:kunde\w*|kundin|customers?|clients?|firma|company|wir|we|betrieb|laden|shop|salon|cafe|restaurant|bakery|baeckerei|praxis|werkstatt|own)\b (?:[a-z]+ ){0,4}(?:insolvent|bankrupt|pleite|bust|bankrott|gone under|went under|administration|liquidation|receivership)\b/;

// Words between a thing or another person and "died": none may be the customer, a person or one who reports it.
const NOT_A_PERSON =
  '(?: (?!(?:und|and|dann|then|nachdem|after|bevor|before|kunde|kundin|customer|client|inhaber|owner|holder|nehmer|mr|mrs|ms|he|she|er|wife|husband|mann|frau|vater|mutter|father|mother|mum|mom|dad|mama|papa|son|daughter|sohn|tochter|member|subscriber|patient|says|said|sagt|meldet|reports|reported|rang|phoned|called|schreibt|writes|berichtet|teilt)(?:s|n|in|en|nen)?\\b)[a-z]+){0,3}';
const THING_DIED = new RegExp(
  `\\b(?:laptop|computer|pc|boiler|heizung|therme|auto|car|fridge|kuehlschrank|drucker|printer|fernseher|tv|waschmaschine|website|webseite|homepage|seite|app|apps|portal|onlineshop|hotline|server|system|lead|ruf|reputation|geschmack|taste|liebe|love|lust|telefon|phone|nummer|number|anschluss|mailbox|thema|sache|deal|projekt|idee|verlaengerung|vertrag|contract|kundendienst|support|zeug|ware|kettle|toaster|appliance|product|produkt|line|leitung|handset|handy|smartphone|geraet|akku|battery|batterie|takings|umsatz|network|netz|internet|signal|router|modem|display|screen|motor|engine)s?\\b${NOT_A_PERSON} (?:gestorben|tot|dead|died)\\b|\\bfuer (?:ihn|sie|mich|uns|kunde|kundin|den kunden|die kundin) gestorben\\b|\\bden geist aufgegeben\\b|\\bdead (?:broke|in the water|on arrival|lead|link|end|zone|number|simple|easy|cheap|set|on time|right|serious)\\b|\\bdoa\\b|\\b(?:dead|tot|gestorben) (?:to|fuer) (?:me|us|mich|uns)\\b`,
);

// A death of someone who is not the customer: a pet, one of our own people, a third party in a role.
const PET = '(?:seedlings?|setzlinge|saemlinge|jungpflanzen|pflanzen|plants|trees|baeume|rosen|rose|roses|bush|bushes|shrubs?|straeucher|hecke|hecken|hedges?|calves|kaelber|kalb|tiere|animals|huehner|hens|chickens|sheep|schafe|pigs|schweine|zierfische|fish|fische|kueken|chicks|herd|herde|vieh|livestock|cattle|cows|kuehe|bees|bienen|cat|cats|dog|dogs|horse|pony|puppy|kitten|pet|parrot|rabbit|hamster|hund|hunde|huendin|katze|kater|pferd|welpe|haustier|kaninchen|wellensittich)';
const NOT_CUSTOMER_WORD = '(?!kunde|kundin|kunden|customer|client|member|mitglied|patient|subscriber|abonnent)';
const OUR_PERSON = `(?:unser|unsere|unserem|unseren|unserer|unseres|our) (?:${NOT_CUSTOMER_WORD}[a-z]+ )?(?:fahrer\\w*|driver|courier|zusteller\\w*|rep|reps|representative|account manager|berater\\w*|betreuer\\w*|ansprechpartner\\w*|vertreter\\w*|aussendienst\\w*|techniker\\w*|dr(?: \\|)?|doktor|doctor|arzt|aerztin|trainer\\w*|coach|adviser|advisor|consultant|agent|makler\\w*|vermittler\\w*)`;
// "their rep at our firm", "Betreuer bei uns".
const OUR_PERSON_AT = '(?:rep|reps|representative|account manager|adviser|advisor|berater\\w*|betreuer\\w*|ansprechpartner\\w*|vertreter\\w*) (?:at|from|bei|von) (?:our|unserer|unserem|unseren|uns)\\b(?: [a-z]+)?';
const THIRD_PARTY = '(?:vermieter\\w*|landlord|einkaeufer\\w*|einkaufsleiter\\w*|purchasing manager|head chef|kuechenchef\\w*|prokurist\\w*|schauspieler\\w*|actor|actress|buyer|geschaeftspartner\\w*|business partner|kollege|kollegin|colleague|nachbar\\w*|neighbour|neighbor)(?: (?:beim|bei|at) (?:the |der |dem )?(?:kunde|kunden|kundin|customers?|clients?)(?: [a-z]+)?)?';
// An account manager named first is ours ("Account manager passed away in March; …").
const OUR_MANAGER_FIRST = /^(?:unser |our )?(?:account manager|kundenbetreuer\w*|betreuer\w*|berater\w*|ansprechpartner\w*|aussendienst\w*|vertreter\w*|rep) (?:[a-z]+ ){0,2}(?:passed away|died|verstorben|gestorben)\b/;
const OTHER_DIED = new RegExp(
  `(?<!\\b(?:laut|lt|per|from|von|according to|says|sagt|meldet) )\\b(?:${PET}|${OUR_PERSON}|${OUR_PERSON_AT}|${THIRD_PARTY})${NOT_A_PERSON} (?:verstorben|gestorben|verendet|eingegangen|died|passed away|eingeschlaefert|put down|put to sleep)\\b|\\b(?:tod|todes|ableben|death|passing) (?:des |der |of )?${OUR_PERSON}\\b`,
);

// A relative of the customer died, and the customer lives on: "Nach dem Tod ihres Mannes zieht die Kundin …",
// "after her father's funeral she's moving", "Tod der Schwiegermutter". Not where someone reports a death (then the
// relative named may be the customer: "Sohn meldet: seine Mutter ist verstorben"), nor where the contract is the
// dead one's ("her husband died, please cancel his account").
const KIN = '(?:ehemann|ehefrau|mann|mannes|frau|gatte|gatten|gattin|vater|vaters|mutter|sohn|sohnes|tochter|bruder|bruders|schwester|partner|partners|partnerin|lebensgefaehrt\\w*|lebenspartner\\w*|schwieger\\w*|oma|opa|grossmutter|grossvater|grosseltern|eltern|tante|onkel|husband|wife|father|mother|son|daughter|brother|sister|mum|mom|dad|grandmother|grandfather|grandma|grandpa|parents?|aunt|uncle|fiance|fiancee|\\w+ in law|in laws?)';
const POSSESSIVE = '(?:ihr|ihre|ihres|ihrem|ihren|ihrer|sein|seine|seines|seinem|seinen|seiner|her|his|their)';
const KIN_DIED = new RegExp(
  `\\b${POSSESSIVE} (?:[a-z]+ )?${KIN}s? (?:[a-z]+ ){0,3}(?:verstorben|gestorben|died|passed away|is dead|ist tot)\\b` +
    `|\\b(?:tod|todes|death|funeral|beerdigung|loss|passing|verlust|ableben) (?:of |des |der |vom |von )?${POSSESSIVE} (?:[a-z]+ )?${KIN}\\b` +
    `|\\b${POSSESSIVE} (?:[a-z]+ )?${KIN}s? (?:death|funeral|passing)\\b` +
    `|\\b(?:verstorben|gestorben|died|dead) (?:war|ist|was|is) ${POSSESSIVE} (?:[a-z]+ )?${KIN}\\b` +
    `|\\b${POSSESSIVE} (?:verstorbenen?|late) ${KIN}\\b` +
    '|\\b(?:tod|todes|death|funeral|beerdigung|ableben) (?:der |des |of (?:the |her |his )?)?(?:schwieger\\w*|\\w+ in law)\\b' +
    // "Todesfall in der Familie – Kunde pausiert", "bereavement in the family": the customer's family, not the customer.
    '|\\b(?:todesfall|trauerfall|sterbefall|death|bereavement|loss) (?:in (?:der|the) )?(?:familie|family)\\b|\\bfamily (?:bereavement|loss)\\b' +
    `|\\b${KIN}s? (?:der kundin|des kunden|of the (?:customer|client))\\b(?: (?:[a-z]+ ){0,2}(?:verstorben|gestorben|died|passed away))?` +
    // "Kunde hat nach Ableben des Ehemanns gekündigt": the customer acts after a relative's death.
    `|\\b(?:kunde|kundin|customer|client)\\b (?:[a-z]+ ){0,4}(?:nach|after) (?:dem |the )?(?:tod|ableben|versterben|verlust|death|loss|passing) (?:des|der|ihres|seines|ihrer|seiner|of (?:her|his|their|the)) (?:[a-z]+ )?${KIN}s?\\b`,
);
const DEATH_REPORTED =
  /\b(?:meldet|gemeldet|teilt|teilte|mitgeteilt|informiert|schreibt|schrieb|berichtet|anruf|angerufen|ruft|rief|says|said|phoned|rang|called|calls|emailed|wrote|writes|informed|reports|reported|advised|notified|letter from|brief vom|on behalf|im namen|advises|advised|informs|nachlass|estate|probate|erben|heirs?|executor|testament|sterbeurkunde|death certificate|erbschein|alleinerb\w*|miterb\w*|erbengemeinschaft)\b/;
const THEIR_CONTRACT =
  /\b(?:his|her|sein|seinen|seine|seines|seinem|ihr|ihren|ihre|ihres|ihrem)(?: (?!eigenen|own)[a-z]+)? (?:contract|account|subscription|policy|membership|vertrag|abo|abonnement|konto|mitgliedschaft|police|versicherung)\b|\b(?:\w*vertrag\w*|contract|account|konto|abo\w*|police|policy|subscription) (?:des|der|seines|ihres|of (?:his|her|the)) (?:verstorbenen|late)\b/;
const DEATH_WORD = /\b(?:verstorben|gestorben|died|dead|deceased|passed away|tot|beerdigt|buried)\b/;
// A spouse died, and the customer named after it acts: "Ehemann verstorben, die Kundin (VN) fährt selbst kein Auto".
const SPOUSE_DIED_CUSTOMER_ACTS =
  /\b(?:ehemann|ehefrau|gatte|gattin|husband|wife|lebensgefaehrt\w*|lebenspartner\w*) (?:[a-z]+ ){0,2}(?:verstorben|gestorben|died|passed away)\b (?:(?:[a-z]+|\|) ){0,4}(?:kundin|kunde|customer|client)\b (?:(?:[a-z]+|\|) ){0,4}(?:faehrt|zieht|kuendigt|braucht|lebt|wohnt|sagt|meint|moves|drives|needs|lives|cancels|cancelled|says|said|has no)\b/;
const KIN_GONE = new RegExp(`${KIN_DIED.source}|${SPOUSE_DIED_CUSTOMER_ACTS.source}`, 'g');
// (Where the customer acts after a spouse's death, he may say so himself: "cust. says he has no use for …".)
// Every pattern of a relative's death holds one of these (a cheap test first: most texts are of price or service).
const DEATHISH = /tod|\btot\b|death|died|dead|st[aeo]rb|trauer|passed|passing|funeral|beerdig|ableben|verlust|loss|bereavement|late /;
const RELATIVE_DIED = (t: string): boolean =>
  DEATHISH.test(t) &&
  ((KIN_DIED.test(t) && !DEATH_REPORTED.test(t)) || SPOUSE_DIED_CUSTOMER_ACTS.test(t)) && !THEIR_CONTRACT.test(t) && !DEATH_WORD.test(t.replace(KIN_GONE, ' '));

// A death or a closure recorded by mistake ("im System fälschlich als verstorben markiert", "wrongly marked … as dissolved").
const FALSELY_MARKED =
  /\b(?:faelschlich\w*|irrtuemlich\w*|versehentlich|wrongly|mistakenly|erroneously|falsely|incorrectly|in error) (?:[a-z]+ ){0,5}(?:verstorben|deceased|dead|dissolved|aufgeloest|geloescht|insolvent|closed|geschlossen)\b|\b(?:verstorben|deceased|dead|death|tod|dissolved|insolvent|insolvenz|closed) (?:(?:[a-z]+|\|) ){0,3}(?:in error|by mistake|irrtuemlich|faelschlich|versehentlich|importfehler|datenfehler|eingabefehler|verwechslung|mix up|trifft nicht zu|data entry error|input error|falscheingabe)\b|\b(?:flag|flagged|vermerk|status|kennzeichen|markierung)\w* (?:[a-z]+ ){0,2}(?:removed|entfernt|geloescht|corrected|korrigiert|zurueckgesetzt|reversed)\b/;
// The customer is said to live, or the business to trade: "Kunde lebt", "not deceased", "Firma aktiv, nicht gelöscht".
const ALIVE = /\b(?:kunde|kundin|customer|client) (?:lebt|is alive|is still alive)\b(?! (?:[a-z]+ ){0,3}(?:nicht|not|no longer|nimmer|kein))|\bnot deceased\b|\bnicht verstorben\b|\b(?:still|noch) (?:alive|am leben)\b/;
const TRADING = /\b(?:firma|company|unternehmen|betrieb|business) (?:[a-z]+ ){0,2}(?:aktiv|active|still trading|besteht noch)\b|\b(?:active|aktive) (?:company|firma)\b|\bnicht (?:geloescht|insolvent)\b|\bnot (?:dissolved|insolvent|struck off)\b/;
const TRADING_ALL = new RegExp(TRADING.source, 'g');
// A death said of someone the text names first: "verstorbenen Schauspieler" (not the customer, not a relative who may be).
const NAMED_DEAD = new RegExp(`\\b(?:dem|den|des|der|einem|einen|the late) verstorbenen? (?!kunde|kundin|kunden|inhaber|vertrags|versicherungs|mitglied|abonnent|vn\\b|kontoinhaber|herr|herrn|frau|mr|mrs|ms|dr|${KIN}\\b)[a-z]+`);
// A text that opens with the widow, and reports no death to us: she is the customer ("Witwe, Mann letztes Jahr verstorben – zieht …").
const WIDOW_FIRST = /^(?:kundin |customer |client )?(?:witwe|widow|widower|witwer|verwitwet|widowed) \|(?!.*\b(?:account holder|holder|inhaber\w*|kundin|kunde|customer|policyholder|versicherungsnehmer\w*|vertragsnehmer\w*|vn)\b)/;
// The customer is the widow, or inherited: she or he lives on ("Kundin (Witwe, Ehemann verstorben) zieht zu ihrer
// Tochter", "Kunde hat das Haus seiner verstorbenen Tante geerbt"); not when a death of the customer stands between,
// and not "the widow of the account holder" (whose death it is).
// ("seiner verstorbenen Tante" names another's death; "verstorben" alone says the customer's.)
const ALIVE_GAP = '(?:(?!(?:verstorben|gestorben|died|deceased|tot|passed|dead)\\b)(?:[a-z]+|\\|) ){0,8}';
const SURVIVOR = new RegExp(
  `\\b(?:kundin|customer|client|member)\\b ${ALIVE_GAP}(?:witwe|verwitwet|widow|widowed)\\b(?! (?:of|des|der|von|vom)\\b)|\\b(?:kunde|kundin|customer|client|member)\\b ${ALIVE_GAP}(?:geerbt|inherited)\\b|(?:^|\\| )(?:(?:hat|has|have) ${ALIVE_GAP})?(?:geerbt|inherited)\\b`,
);
// Returned mail says where a letter could not go, never how a complaint was handled.
const RETURNED_MAIL = /\b(?:mail|post|letter|letters|brief|briefe|sendung) (?:[a-z]+ ){0,2}(?:returned|zurueck|zurueckgekommen|undeliverable|unzustellbar)\b|\breturned (?:mail|post|letter)\b|\breturn to sender\b/;

function ourOutletClosed(t: string): boolean {
  OUR_OUTLET_CLOSED.lastIndex = 0;
  return !WE.test(t) && OUR_OUTLET_CLOSED.test(t);
}
/** The text without what it says of other firms and of our own outlets. */
function othersRemoved(t: string): string {
  const rest = t.replace(OTHERS_INSOLVENCY_ALL, ' ');
  return WE.test(rest) ? rest : rest.replace(OUR_OUTLET_CLOSED, ' ');
}

const RULES: ReadonlyArray<{ test: (text: string) => boolean; out: readonly ReasonCode[] }> = [
  // Our termination stated outright wins over the customer's own ending or block; over our mistake or fraud done to the
  // customer only when it says "by us" plainly ("Card blocked by our fraud team in error" is the mistake's block).
  // An end at the customer's own request wins over "closed by us" ("account closed by us at his own request"), and our
  // mistake over "von uns versehentlich gesperrt".
  {
    test: (t) => CUSTOMER_ASKED.test(t) || OUR_STAFF_ENDED.test(t) || ((ENDED_BY_CUSTOMER.test(t) || CUSTOMER_BLOCKED_US.test(t)) && !OURS_STATED.test(t)) || ((OUR_MISTAKE.test(t) || FRAUD_VICTIM.test(t)) && (!OURS_STATED_PLAINLY.test(t) || OURS_MISTAKEN.test(t))),
    out: ['terminated_by_us'],
  },
  // A closure stated in another firm's insolvency ("our distributor … went into liquidation") is not the customer's.
  { test: (t) => (THREATENED.test(t) || OTHERS_INSOLVENCY.test(t) || ourOutletClosed(t)) && !CLOSED_STATED.test(othersRemoved(t)), out: ['business_closed'] },
  { test: (t) => (BUYS_ON.test(t) || (JOB_OR_ACCOUNT.test(t) && !OWN_FIRM.test(t))) && !CUSTOMER_CLOSED.test(t), out: ['business_closed'] },
  { test: (t) => (SUCCESSOR.test(t) || SOLD_ON.test(t)) && !NO_SUCCESSOR.test(t) && !WINDING_UP.test(t), out: ['deceased', 'business_closed'] },
  { test: (t) => THING_DIED.test(t) || OTHER_DIED.test(t) || OUR_MANAGER_FIRST.test(t) || SURVIVOR.test(t) || RELATIVE_DIED(t) || ALIVE.test(t) || NAMED_DEAD.test(t) || (WIDOW_FIRST.test(t) && !DEATH_REPORTED.test(t)), out: ['deceased'] },
  { test: (t) => TRADING.test(t) && !CLOSED_STATED.test(t.replace(TRADING_ALL, ' ')), out: ['business_closed'] },
  { test: (t) => FALSELY_MARKED.test(t), out: ['deceased', 'business_closed'] },
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
