/**
 * A win-back declined, as a free-text field says it ("Rückgewinnung abgelehnt", "Halteangebot
 * ausgeschlagen", "declined our win-back offer", "save desk offer refused"). DOMAIN.md §6: such a
 * customer is not approached again for a long while (campaign.declinedPauseMonths after the
 * declined_date). It is no objection (text.ts leaves the win-back itself declined alone): an
 * objection ends every contact, a declined offer pauses the win-back. plan/person-decides.ts (declinedSaid)
 * decides what the text's missing date means.
 *
 * A sentence says so when it names a win-back (an attempt, a programme, an offer to come back or
 * to stay) and a refusal, and neither negates the refusal nor leaves the answer open ("hat das
 * Rückholangebot nicht abgelehnt", "still considering the comeback offer").
 */
import { answersOf, keptAnswers } from '../text-answers.js';
import { foldText } from '../reasons/normalize.js';

// Most texts name no refusal, or nothing a refusal could be of: they are let go by two tests of
// the text as it is (stems of REFUSAL, and of WINBACK and OFFER below).
const GATE_REFUSAL =
  /ablehn|abgel|lehn|ausgeschl|schl(?:ä|ae|a)g|schlug|zur(?:ü|ue|u)ck|abgesagt|absage|abgewunk|winkt|verzicht|verweiger|verneint|gewollt|wollte|will|m(?:ö|oe|o)chte|\bmag\b|wissen|frage|entschieden|lust|brauch|nein|\bno\b|nope|\bnah\b|absolutely|declin|\bdecl\b|refus|reject|turn|passed|interes|erfolglos|gescheitert|unsuccessful|failed|angenommen|accepted|coming back|come back|return|tempted|brushed|having|dismiss|chose|bother|rather|budge|stuck|hung up|legte|aufgelegt|bleibt|stands|nothing|tisch|bedarf|kein|pass|knock|keen|want|w(?:ü|ue|u)nsch|zeugt|entscheidung|decision|flat|need/i;
const GATE_CONTEXT =
  /r(?:ü|ue|u)ckgew|r(?:ü|ue|u)ckhol|zur(?:ü|ue|u)ck|r(?:ü|ue|u)ckkehr|reaktiv|reactiv|wieder|halte|bleib|verbleib|kulanz|anschluss|bestand|angebot|offer|angeboten|\bbot|vorgelegt|vorgeschlagen|unterbreitet|deal|rabatt|discount|bonus|nachlass|gutschrift|credit|kondition|incentive|frei|free|half|halben|upgrade|back|retent|retain|retntion|save|rejoin|reinstat|recapture|engag|onboard|loyal|treue|miss you|returning|\bwb\b|\bret\b|rate match|exit|pricing|renew|stay|keep|umzustimm|fortf|halt/i;

// The win-back: an attempt, a programme, or an offer made to win the customer back or to keep them.
const WINBACK =
  '(?:' +
    [
      '[a-z]*rueckgewinn[a-z]*', 'zurueckgewinn[a-z]*', 'wiederkommen[a-z]*', '(?:gegen|treue|bestands|halte|bleibe|kulanz|anschluss|save|ret|retention|rueckkehr)angebot[a-z]*', 'halte(?:gespraech|sms|anruf|call)[a-z]*', 'halt(?:e)?(?:versuch|praemie|bonus|angebot)[a-z]*', 'bleibe(?:bonus|praemie|angebot)[a-z]*', 'save ?versuch[a-z]*',
      'stay (?:and save|with us)', 'stay with us', 'want you back', 'umzustimmen', 'zurueckzuholen', '(?:zum|zur) (?:verbleib|vertragsfortfuehrung|fortfuehrung)', 'to keep (?:him|her|them|the business|reading|it)', 'bestandssicherung[a-z]*',
      'anschlussleasing', '(?:treue|sonder|halte)kondition[a-z]*', 'wiederanmeldung[a-z]*', 'rate match[a-z]*', '(?:incentive|bonus|discount|offer)s? to renew', 'renewal incentive[a-z]*', 'exit flow', '(?:zu)?rueckhol[a-z]*', 'zurueckzu(?:holen|gewinnen|kehren)', 'rueckkehr[a-z]*', 'reaktivier[a-z]*',
      'wiedergewinn[a-z]*', 'wiedereinstieg[a-z]*', 'wiederaufnahme[a-z]*', 'halte(?:angebot|frage|versuch|kondition|rabatt|aktion)[a-z]*', 'willkommen zurueck[a-z]*',
      'wb', 'win ?back[a-z]*', 'winback[a-z]*', 'won (?:him |her |them |it )?back', 'win (?:him|her|them|it|the customer|the client|the member) back', 'welcome ?back[a-z]*',
      'come ?back (?:offer|deal|bundle|discount|voucher|credit|rabatt|angebot|gutschein)[a-z]*', 'comeback[a-z]*', 'retention[a-z]*', 'reactivat[a-z]*', 're ?activat[a-z]*', 're ?engag[a-z]*', 're ?onboard[a-z]*', 'recapture[a-z]*',
      'reinstat[a-z]*', 'rejoin[a-z]*', 'save (?:desk|offer|team|call|attempt|deal)s?', 'counter ?offers?', 'we miss you', 'returning (?:customer|member|client)',
      '(?:loyalty|treue) ?(?:rate|credit|discount|rabatt|bonus|renewal|package|offer)[a-z]*', 'retain[a-z]*', '(?:tried|try|trying|attempt[a-z]*) to save',
      '(?:save|ret|retention) (?:angebot|offer|call|deal|pricing|pitch|discount|bonus)[a-z]*', '(?:stay|return|rejoin) (?:bonus|offer|discount|deal)s?',
      // An offer to stay or to continue ("40 % Rabatt für Verbleib", "offered 40% off annual to stay").
      '(?:angebot|offer|rabatt|discount|bonus|nachlass|preis|pricing|tarif|voucher|gutschein)[a-z]*(?: [a-z0-9]+){0,5} (?:to stay|bei verbleib|fuer (?:den )?verbleib|zur verlaengerung|zur weiterfuehrung|weiterzufuehren|to continue|for staying|to remain)',
    ].join('|') +
  ')';
// A refusal: declining, turning down, saying no, not coming back.
const REFUSAL =
  '(?:' +
    [
      'abgelehnt', 'abgel', 'ablehn[a-z]*', 'lehn(?:t|te|ten|e|en)', 'verweigert', 'verzichte[a-z]*', '(?:winkt|winkte) (?:[a-z]+ ){0,4}ab', 'wollte (?:[a-z]+ ){0,3}nicht',
      'nichts (?:davon )?wissen', 'kommt nicht in frage', 'gegen (?:[a-z]+ ){0,4}entschieden', 'dismiss[a-z]*', 'chose to leave', 'dont bother', 'rather not', '(?:wasnt|isnt|werent|was not|is not) interested', 'ausgeschlagen', '(?:schlaegt|schlug|schlagen) (?:[a-z]+ ){0,3}aus', 'zurueckgewiesen',
      '(?:weist|wies) (?:[a-z]+ ){0,3}zurueck', 'abgesagt', 'absage', 'abgewunken', 'verzichtet?', 'nein', 'no thanks?', '(?:said|says|say|replied|answered|gave a firm) no',
      'declin[a-z]*', 'decl', 'refus[a-z]*', 'reject[a-z]*', 'turn(?:ed|s|ing)? (?:[a-z]+ ){0,3}down', 'passed on', 'not interested', 'no interest', 'kein(?:e|en)? (?:interesse|bedarf)',
      'erfolglos', 'gescheitert', 'unsuccessful', 'failed', 'nicht angenommen', 'not accepted', '(?:will|moechte|mag|wollen|moechten) (?:[a-z]+ ){0,3}nicht (?:mehr |wieder )?zurueck',
      'nicht (?:(?:mehr|wieder|zu uns|zu ihnen|zu euch) )*zurueck(?:kommen|kehren)?', '(?:wont|will not|would not|wouldnt) (?:be )?(?:come back|coming back|return[a-z]*)', 'not (?:coming back|returning)',
      'wasnt having', 'not tempted', '(?:hard|a) pass', 'passed on', '(?:cust|customer|client|member|he|she|they|cx) passed(?! away)', 'knocked back', 'not keen', 'didnt want', 'did not want', 'nicht (?:gewuenscht|erwuenscht|ueberzeugt)', '(?:blieb|bleibt) bei (?:seiner|ihrer|der) entscheidung',
      'stuck to (?:his |her |their |the )?decision', 'flat no', 'thanks but no', 'no need', 'verneint', 'nicht gewollt', 'keine lust', 'brauch(?:e)? ich nicht', 'nope', 'nah', 'absolutely not', 'no thank you', 'wouldnt budge',
      'stuck with (?:the |his |her |their )?cancellation', 'hung up', 'legte (?:[a-z]+ ){0,3}auf', 'aufgelegt', 'nicht zurueck(?:genommen|ziehen|gezogen)', 'bleibt (?:dabei|bei (?:der |seiner |ihrer )?kuendigung)',
      'kuendigung bleibt', 'cancellation stands', 'wants nothing', 'mag nicht', 'vom tisch', '(?:will|moechte|wollte|mag) (?:[a-z]+ ){0,2}nicht', 'brushed (?:it |us |them )?off',
    ].join('|') +
  ')';
// An offer named in general terms ("offered 6 months at $29.99; cust refused", "Angebot 2 Freimonate
// ausgeschlagen"): a decline of a win-back when the text speaks of staying or of the departure. An
// offer's word, not its content: "kein Interesse an Rabatt" in a departure reason says what would
// not work, not that an offer was made and turned down.
const OFFER =
  '(?:angebot[a-z]*|offer(?:ed|s)?|angeboten|anbieten|(?:bot|boten) (?:[a-z0-9]+ ){0,6}an|vorgelegt|vorgeschlagen|unterbreitet|deal|deals|proposal|vorschlag|suggested|pitch(?:ed)?)';
const STAYING_OR_LEAVING =
  /\b(?:[a-z]*kuendig[a-z]*|gek|cancel[a-z]*|leaving|leave|switch[a-z]*|wechsel[a-z]*|wechselt|churn[a-z]*|clos(?:e|ed|ing)|aufgeloest|saldiert|not renewing|nicht verlaengert|stay(?:ed|ing)?|to keep|keep (?:him|her|them|it)|bleib[a-z]*|verbleib[a-z]*|halte[a-z]*|retention[a-z]*|save|renew[a-z]*|verlaenger[a-z]*|ruecknahme|despite|trotz|exit|porting|ending|beendet|gibt (?:[a-z]+ ){0,3}zurueck|rueckgabe|lease end|zurueck[a-z]*|come back|coming back|return[a-z]*)\b/;

// Both in one stretch of the text, either first, at most this many words apart (judgement: a
// clause or two of staff notes; a whole text reaches across unrelated sentences).
const GAP = 14;
const WINBACKS = new RegExp(`\\b${WINBACK}\\b`, 'g');
const REFUSALS = new RegExp(`\\b${REFUSAL}\\b`, 'g');
const OFFERS = new RegExp(`\\b${OFFER}\\b`, 'g');
// The refusal negated, or the answer still open or yes: no decline to pause for.
const NOT_DECLINED =
  /\b(?:(?:nicht|not|hasnt|havent|didnt|doesnt|never|nie|couldnt|cannot|cant|konnte nicht) (?:(?:yet|explicitly|ausdruecklich|direkt|sofort|gleich) )?(?:abgelehnt|declined?|refused?|rejected?|said no|say no|abgesagt|turned down|turn down|ausgeschlagen)|still (?:considering|thinking)|ueberlegt (?:noch|es sich)|denkt (?:noch )?(?:darueber )?nach|thinking (?:it )?over|will call back|ruft zurueck|meldet sich|(?<!nicht )angenommen|(?<!not )accepted|zugesagt|agreed|geplant|planned|scheduled|vorgesehen|not yet|noch kein[a-z]*|noch nicht|keins angeboten|not offered|(?:wuerde|would|koennte|could|might|may) (?:[a-z]+ ){0,4}(?:ablehnen|refuse|decline|reject)|(?:request|antrag|anfrage|application)[a-z]* (?:[a-z]+ ){0,3}(?:declined|rejected|refused|abgelehnt)|(?:competitor|wettbewerb|konkurrenz|mitbewerb)[a-z]* (?:[a-z]+ ){0,2}(?:counter ?offer|retention|gegenangebot|halteangebot|rueckgewinnung)|came back to us|zurueckgekehrt|(?:we|wir) (?:[a-z]+ ){0,2}(?:said no|declined|refused|abgelehnt)|haben wir abgelehnt|von uns abgelehnt|passed away|(?:nicht|not) (?:nein|no) (?:gesagt|said)|didnt say no|did not say no|never offered|nie (?:etwas )?angeboten|nichts angeboten|no offer (?:was )?made|kein angebot (?:gemacht|erhalten|bekommen)|(?:alten|frueheren|vorherigen|bisherigen|previous|old|former) (?:[a-z]+ ){0,2}(?:provider|anbieter|versorger|gasversorger|stromversorger|bank|supplier|vertrag)s?|bevor (?:er|sie) zu uns|before (?:he|she|they) (?:joined|came to|switched to) us|when (?:he|she|they) joined us|als (?:er|sie) zu uns|(?:counter ?offer|gegenangebot|halteangebot|retention[a-z]*|offer|angebot|deal)[a-z]* (?:des|der|vom|von|of|from) (?:the |dem |der |einem |einer |a )?(?:competitor|wettbewerb|konkurrenz|mitbewerb)[a-z]*|(?:competitor|konkurrenz|wettbewerber|mitbewerber)s? (?:[a-z]+ ){0,2}(?:offer|angebot|deal)[a-z]*|could not be (?:presented|made|offered)|konnte (?:[a-z]+ ){0,3}nicht (?:[a-z]+ ){0,2}(?:unterbreitet|vorgestellt|angeboten)|upgrade (?:offer|angebot)|upsell[a-z]*|up sell[a-z]*|cross ?sell[a-z]*|zurueckgekommen|wieder kunde)\b/;

/** The words of a text that say a win-back was declined (normalised), or undefined for none. */
export function declinedInText(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  // One entry per text, beside the objection reader's and the reason reader's (text-answers.ts):
  // the gates cost ~1 µs a text, so a text read before is not tested again. A text that fails
  // them gets no entry of its own (unique notes would crowd the others' answers out).
  const known = answersOf(text);
  if (known?.declined !== undefined) return known.declined ?? undefined;
  // Composed first: "Rückgewinnung" pasted with a combining mark reads as the one typed.
  const composed = text.normalize('NFC');
  if (!GATE_REFUSAL.test(composed) || !GATE_CONTEXT.test(composed)) {
    if (known !== undefined) known.declined = null;
    return undefined;
  }
  const found = readDeclined(composed);
  (known ?? keptAnswers(text)).declined = found;
  return found ?? undefined;
}

/** declinedInText without a cache: where the text names a win-back and a refusal, or null. */
function readDeclined(text: string): string | null {
  const plain = foldText(text).replace(/['’`´]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (NOT_DECLINED.test(plain)) return null;
  const refusals = spans(plain, REFUSALS);
  if (refusals.length === 0) return null;
  const words = wordStarts(plain);
  const near = nearPair(plain, words, refusals, spans(plain, WINBACKS));
  if (near !== null) return near;
  return STAYING_OR_LEAVING.test(plain) ? nearPair(plain, words, refusals, spans(plain, OFFERS)) : null;
}

/**
 * The stretch of `text` from a refusal to a term at most GAP words from it (either first; none
 * between when one holds the other), or null. `words[i]`: the words before character i.
 */
function nearPair(text: string, words: Uint32Array, refusals: readonly Span[], terms: readonly Span[]): string | null {
  for (const r of refusals) {
    for (const w of terms) {
      const gapFrom = Math.min(r.to, w.to);
      const gapTo = Math.max(r.from, w.from);
      if (gapTo <= gapFrom || (words[gapTo] as number) - (words[gapFrom] as number) - 1 <= GAP) return text.slice(Math.min(r.from, w.from), Math.max(r.to, w.to));
    }
  }
  return null;
}

interface Span {
  from: number;
  to: number;
}

/** Where `pattern` (global) matches in `text`. */
function spans(text: string, pattern: RegExp): Span[] {
  const out: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push({ from: m.index, to: m.index + m[0].length });
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return out;
}

/** Per character position of `text` (single spaces between words): the spaces before it, so that words between two positions cost one subtraction. */
function wordStarts(text: string): Uint32Array {
  const out = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) out[i + 1] = (out[i] as number) + (text.charCodeAt(i) === 32 ? 1 : 0);
  return out;
}
