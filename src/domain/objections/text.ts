/**
 * Objections written into free text ("bitte keine Werbung", "DNC", "Widerruf der Einwilligung",
 * "please delete my data"). Sales staff and call centres often note an objection in the reason
 * or notes field instead of ticking a box; missing one would mean contacting someone who said
 * no (UWG §7, GDPR Art. 21), so a match blocks every channel.
 *
 * The detector reads concepts, not a phrase list: a marker word (DNC, Robinson list,
 * Werbewiderspruch), a legal reference next to an objection or erasure, consent next to a
 * withdrawal, an erasure or list-removal request, a negated marketing or contact noun with a
 * wish ("keine Anrufe mehr", "no further communication"), an imperative ("do not call",
 * "nicht mehr kontaktieren") or a refusal ("lehnt jede Werbung ab", "leave me alone").
 * It errs towards blocking: a false objection loses one contact, a missed one wrongs a person.
 *
 * Beside the rules a learned reader (domain/objections/learned.ts) scores the text: it overrules a
 * rule's match only when it is sure there is no objection, and finds on its own the ones the
 * rules miss (combineObjection). Measured: docs/objections-accuracy.md.
 *
 * The rules run on normalised text (lower case, umlauts folded, letter-spaced words joined,
 * punctuation as spaces, agent abbreviations expanded) and are compiled once at module load.
 */
import { retentionOnly } from './retention-only.js';
import { decodeObjectionWeights, objectionModelOf, objectionTokens, readObjection, SENTENCE_BREAK, type ObjectionModel } from './learned.js';
import type { FeatureTable } from '../reasons/feature-table.js';
import { OBJECTION_BIAS, OBJECTION_WEIGHTS } from './weights.js';
import { foldText } from '../reasons/normalize.js';
import { Prefilter, withoutPrefilter } from './prefilter.js';
import { answersOf, keptAnswers } from '../text-answers.js';

/** Up to n whole words (each followed by a space) between two parts of a pattern. */
const gap = (n: number): string => `(?:[a-z0-9]+ ){0,${n}}`;
// What a customer has sent by e-mail or post besides advertising: unsubscribing from it is no objection.
const PAPERWORK = '(?:rechnung|invoice|beleg|kontoauszug|quittung|mahnung|lieferschein|bestaetigung|statement|receipt|bill)';

// "bekam keinen Newsletter mehr", "receives no invoice by mail": a complaint, not a wish.
const RECEIVED = '(?<!\\b(?:bekam|bekomme|bekommt|bekommen|kriege|kriegt|kriegen|erhaelt|erhalte|erhielt|erhalten|receives?|received|gets?|got|getting) (?:[a-z]+ ){0,3})';
// Dialect and typos: "keen" (Low German), "koi" (Swabian), "kane" (Austrian), "kiene".
const NEG = '(?:kein|keine|keinen|keiner|keines|keinerlei|keinem|ka|koa|koi|kei|keen|kene|kane|kaane|koane|kiene|keene|kaine|kaene|keien|no|not|dont|doesnt|wont|nicht|noed|nid|weder|nie|never|without|ohne|nothing|nichts)(?! (?:wie|as|so|like)\\b)';
const WISH_BEFORE = '(?:mehr|more|further|weitere|weiteren|weiterer|weiteres|jegliche|jeglichen|jeglicher|jede|jeden|any|anymore|again|wieder)';
const WISH_AFTER =
  '(?:mehr|meh|mee|mehra|mer|more|anymore|again|wieder|jemals|ever|please|bitte|erwuenscht|gewuenscht|gewollt|wanted|desired|per|laut|kundenwunsch|requested|request|auf wunsch)';
// Marketing nouns: negated, they are an objection on their own ("keine Werbung", "no marketing").
const MARKETING =
  '(?:(?:brief|e ?mail|email|telefon|tele|post|print|online|sms|direkt|katalog|fax|handy|mobil|haus|wurf|papier|prospekt)?werb(?:ung|ungen|e(?!geschenk|artikel|kugelschreiber|kuli|praesent|gadget|tasse)[a-z]*|ng|ug|nug|eung)|waerbig|werbig|reklame|marketing|direktmarketing|advertising|advertisements?|adverts?|ads|promo[a-z]*|leaflets?|flyers?|prospekte?|broschueren|brochures?|catalog(?:ue)?s?|mailshots?|mailers?|newsletter[a-z]*|mailings?|katalog[a-z]*|solicit[a-z]*|spam[a-z]*|junk ?mail[a-z]*|rueckgewinnung[a-z]*|rueckhol[a-z]*|re ?engagement[a-z]*|vertreterbesuch[a-z]*|win back[a-z]*|winback[a-z]*|retention|reactivation|reaktivierung[a-z]*|telemarketing|telesales|(?:sales|cold|marketing|promotional|werbe) (?:calls?|e ?mails?|emails|texts|visits|pitch(?:es)?)|verkaufsanrufe|verkaufsgespraeche|cold calling|direct ?mail(?:s|ings?)?|(?:vertriebs|marketing|verkaufs)zweck[a-z]*|(?:sales|marketing|advertising) purposes|(?:come ?back|win ?back|welcome ?back|loyalty) (?:deals?|offers?)|info ?(?:mails?|post|briefe?|sms|letters?)|(?:rabatt|gutschein|coupon|voucher|aktions|angebots|sonderangebots|discount|promo) ?(?:mails?|e ?mails?|emails?|sms|briefe?|letters?|texts?|anrufe?|calls?|codes?|flyer)|[a-z]*akquise|akquisition|werblich[a-z]* (?:ansprache|kontakt[a-z]*|nutzung|zwecke|e ?mails?|anrufe|post|schreiben))';
// The win-back itself (an offer or a programme), not a way of contact: declining it is no objection.
const WINBACK_ITSELF = '(?:rueckgewinnung|rueckholung|rueckholaktion|rueckgewinnungsaktion|win back|winback|retention|reactivation|reaktivierung)';
// Contact nouns: an objection only with a wish ("keine Anrufe mehr", "no contact please").
// Acts of contact in German, as the object of a request to refrain (not a service visit).
const CONTACT_ACT_DE =
  '(?:(?!(?:techniker|monteur|service|wartung|reparatur|zaehler|ablese|kundendienst)[a-z]*)(?:[a-z]*anruf[a-z]*|[a-z]*rueckruf[a-z]*|[a-z]*besuch[a-z]*|[a-z]*kontakt[a-z]*|[a-z]*werb[a-z]*|[a-z]*rueckgewinnung[a-z]*|[a-z]*rueckhol[a-z]*|nachfass[a-z]*|[a-z]*angebot[a-z]*|[a-z]*mails?|[a-z]*briefe?n?|post|zusendung[a-z]*|(?:an|werbe|info)schreiben|telefonat[a-z]*|[a-z]*kampagne[n]?|[a-z]*akquise|ansprache))';
const CONTACT =
  '(?:[a-z]*anruf[a-z]*|a+ruef[a-z]*|(?:sales |marketing |phone )?calls?|[a-z]*mails?|e mails?|sms|texts?|post|briefe?|letters?|[a-z]*kontakt[a-z]*|contact[a-z]*|communication[a-z]*|kommunikation|ansprache|[a-z]*besuch[a-z]*|visits?|zusendung[a-z]*|nachrichten|messages?|[a-z]*angebot[a-z]*|offers?|comms|follow ?ups?|outreach|nachfassen|[a-z]*rueckrufe?)';
// After a contact noun, these make it a complaint ("no contact from support", "keine Anrufe beantwortet").
const COMPLAINT_AFTER =
  '(?:from|vom|von|(?:zum|zur|zu|for|about|ueber)(?! (?:[a-z]+ )?(?:tarif|angebot|produkt|aktion|rabatt|deal|offer|promotion|sale|neuheit|news)[a-z]*\\b)|with|mit|by|seit|since|beantwortet|answered|returned|erhalten|received|bekommen|back|zurueck|moeglich|possible|erreichbar|gehabt|had|made|gemacht)';
// What a refusal is an objection to (declining an offer is not).
const REFUSED =
  '(?:(?:direkt|brief|telefon|e ?mail)?werbung|werbe(?:anrufe|mails?|post|schreiben|material[a-z]*|sendung[a-z]*)|zusendung[a-z]*|marketing|direktmarketing|direct marketing|advertising|newsletters?|[a-z]*kontakt[a-z]*|contact|ansprache|communication|calls|anrufe|rueckgewinnungskontakt|retention contact|any contact|further contact)';
// Dialect and colloquial German negations ("nich", "ned", "nimmer", Swabian "nemme").
const NICHT = '(?:nicht|nich|net|ned|nit|noed|nid|nie|niemals|nimmer|nimma|nimme|nemme|keinesfalls|weder)';
const VERB_EN = '(?:contact|call|phoned|phoning|phone|ring|email|e mail|mail|written(?= to\\b)|write|text|send|visit|solicit|approach|message|market(?! (?:leader|leading|share|price|prices|rate|rates|value|research|our|their|its|his|her|the|products?|services?)\\b))';
const VERB_DE =
  '(?:bei (?:mir|uns|ihm|ihr) (?:klingeln|vorbeikommen|vorbeischauen)|vorbeikommen|vorbeischauen|zurueckgeholt|zurueckgewonnen|umgestimmt|umworben|oschreibn|oschreiben|ozruafa|oruafa|orufn|oarufn|aschriibe|aaschriibe|aanrufe|aanrufen|anrufa|arufe|zurueckzugewinnen|zurueckzuholen|umzustimmen|anzuschreiben|anzurufen|anzumailen|anzusprechen|zu kontaktieren|zu bewerben|zu besuchen|kontaktieren|kontaktiert|anrufen|angerufen|anschreiben|angeschrieben|anmailen|angemailt|bewerben|beworben|besuchen|besucht|aufzusuchen|aufsuchen|aufgesucht|ansprechen|angesprochen|belaestigen|belaestigt)';

// A time or one line excluded ("don't call before 9", "nicht vor 10 Uhr anrufen", "don't email my
// work address"): a wish about when or where, not an objection.
const ONLY_WHEN_EN =
  '(?:before|after|during|between|until|till|on (?:sundays?|saturdays?|weekends?|weekdays?)|at (?:work|night|the office|weekends?)|in the (?:morning|evening)|the (?:office|landline|mobile|technician|engineer|replacement|final)|(?:my|his|her) (?:work|office|landline|mobile|cell|old|husband|wife|partner|son|daughter|mother|father|mum|mom|dad|parents|kids|children|neighbou?r|colleague|assistant|secretary|landlord|tenant)|an? (?:replacement|technician|engineer|fitter|plumber|courier|installer)|(?:the )?(?:door ?bell|bell)|at delivery|(?:the|a|an|your|my|any) (?:[a-z]+ )?(?:router|modem|device|equipment|sim|sim card|card|box|parcel|package|kit|parts?|item|goods|order))\\b';
const ONLY_WHEN_DE =
  '(?:vor|nach|zwischen|ab|bis|waehrend|morgens|abends|mittags|nachts|tagsueber|werktags|sonntags|samstags|am wochenende|unter der woche|in der (?:arbeitszeit|mittagspause)|auf dem (?:festnetz|handy)|auf der arbeit|im buero|in der firma|an die alte|auf die alte|unter der alten|auf meinem (?:handy|diensthandy|festnetz)|(?:meinen|meine|meiner|seinen|seine|ihren|ihre) (?:mann|frau|partner[a-z]*|sohn|tochter|mutter|vater|eltern|kollegen|kollegin|chef[a-z]*|nachbar[a-z]*|arbeitgeber|firma|arbeitsstelle))\\b';
// The whole text is a bare "no contact", "keine Anrufe!", "I object": an objection.
const BARE = new RegExp(`^(?:(?:customer|cust|kunde|kundin|kd|client|please|bitte|request) )*(?:(?:kein|keine|keinen|keinerlei|no|zero|null) (?:(?:[a-z]*kontakt[a-z]*|contact|calls?|[a-z]*anrufe?|e ?mails?|mails?|sms|texts?|post|letters?|briefe?|besuche?|visits?|comms|communication|outreach|follow ?ups?|nachfassen|[a-z]*rueckrufe?)|${MARKETING})|i object|object(?:s|ed|ion)?|widerspruch|ich widerspreche|widerspreche)(?: (?:please|bitte|thanks|danke|erwuenscht|gewuenscht|wanted|at all|whatsoever|mehr|more|anymore))*$`);

// Service papers: statements, bills, reminders, contract documents.
const SERVICE_PAPERS =
  '(?:kontoauszu[a-z]*|[a-z]*rechnung(?:en)?|invoices?|statements?|bills?|receipts?|belege?|mahnung[a-z]*|reminders?|vertragsunterlagen|unterlagen|dokumente|documents?|paperwork|lieferscheine?|quittung[a-z]*|abrechnung[a-z]*)';
// Promotional things sent: vouchers, coupons, discount codes, news of products.
const PROMO = '(?:gutschein[a-z]*|coupons?|vouchers?|rabatt[a-z]*|discount codes?|discounts|promo codes?|sonderangebot[a-z]*|aktionsangebot[a-z]*|deals|specials|infos?|informationen|neuigkeiten)';
const PROMO_GATE = /gutschein|coupon|voucher|rabatt|discount|promo code|sonderangebot|aktionsangebot|deals|specials|info|neuigkeit/;
// A way of contact one may refuse by name ("Briefe gern, aber keine Anrufe", "Telefon auf keinen Fall").
const CHANNEL = '(?:anrufe?|[a-z]*anrufe|calls?|phone calls|telefon[a-z]*|phone|sms|texts?|e ?mails?|emails|mails|briefe?|letters?|post|besuche?|visits?|werbung|marketing|newsletter|kontakt)';
// Registers and lists of people not to be contacted (a question about one, or a check against one, is no objection).
const REGISTER = '(?:tps|mps|fps|dnc|do not call (?:list|register|registry)|robinson ?list[a-z]*|robinsonliste|[a-z]*sperrliste[n]?|[a-z]*sperrdatei|suppression (?:list|file)s?|preference service|block ?list|black ?list)';

// Mail that asks for donations ("Bettelbriefe", "Spendenaufrufe", "fundraising calls"): not a donation itself nor its receipt.
const DONATION_MAIL =
  '(?:bettel(?:brief|post|mail|anruf|schreiben|sms)[a-z]*|spenden(?:aufruf|brief|bitte|anfrage|mailing|anruf|post|werbung|appell|schreiben|sms|mail)[a-z]*|(?:begging|fundraising|donation|charity|appeal|spenden) (?:letters?|mail(?:s|ings?)?|e ?mails?|emails|calls?|texts?|requests?|appeals?|asks?|post|briefe?|aufrufe?|anrufe?)|fundraising)';
// Being harassed or annoyed by contact, and who else it may come from than us.
const HARASSED = '(?:belaestigt|bedraengt|bombardiert|ueberflutet|zugemuellt|ueberhaeuft|harassed|pestered|bombarded|spammed|hounded|plagued|inundated|flooded)';
const ANNOYED = '(?:genervt|annoyed|fed up|sick|tired)';
const OTHER_SENDER = '(?:competitors?|konkurrenz|konkurrenten|konkurrent|mitbewerber[a-z]*|wettbewerber[a-z]*|debt collect[a-z]*|inkasso[a-z]*|collection agenc[a-z]*|(?:anderen|anderer|fremden|fremder|neuen|other|another|(?:his|her|their|seine[nrms]?|ihre[nrms]?) (?:old|new|alte[nrms]?|neue[nrms]?)) (?:anbieter[a-z]*|firma|firmen|unternehmen|providers?|compan(?:y|ies)|suppliers?))';
const FROM_OTHERS = `(?:(?:der|des|eines|einer) ${OTHER_SENDER}|(?:from|von|vom|of|by) (?!(?:you|ihnen|euch|us|uns|your|ihre[nmr]?|eure[nmr]?|our|unsere[nmr]?)\\b))`;
// One's own data and what is done with it ("Speicherung meiner Daten", "you use my email", "my details being used").
const NOT_AGREE = '(?:(?:nicht|not|no longer|never|nie|dont|doesnt|didnt|keinesfalls) (?:mehr |more |longer |damit |ganz )?(?:einverstanden|agree[sd]?|consent(?:s|ed)?)|disagree[sd]?)';
const DATA_USE =
  '(?:speicherung|nutzung|verarbeitung|verwendung|weitergabe|verwertung|aufbewahrung|storage|storing|store|stores|use|uses|using|processing|process|processes|keeping|keep|keeps|holding|hold|holds|sharing|share|shares|retention|retaining|retain)';
const OWN_DATA =
  '(?:meiner|seiner|ihrer|unserer|meine|seine|unsere|my|his|her|our|their) (?:personal |persoenlichen |persoenliche |privaten |private )?(?:daten|data|details|adresse|address|e ?mail(?: address| adresse)?|emails?|mailadresse|nummer|number|telefonnummer|handynummer|phone number|kontaktdaten|informationen|information|info)\\b(?! (?:allowance|volume|volumen|plan|limit|roaming|usage|package|paket|tarif|bundle|cap)\\b)';
const DATA_VERB =
  '(?:speichern|gespeichert|nutzen|genutzt|verwenden|verwendet|verarbeiten|verarbeitet|weitergeben|weitergegeben|behalten|aufbewahren|aufbewahrt|stored|used|kept|processed|shared|held)';
// Advertising seen on a screen or someone else's ("Werbung im Fernsehen", "the competitor's adverts").
const SCREEN_ADS = '(?:werbung|reklame|werbespots?|werbeclips?|werbebanner|ads|adverts?|advertisements?|advertising|commercials?)';

// The sales force, and its acts of contact, banned by someone at a business customer ("Geschäftsführer untersagt Anrufe des
// Außendienstes", "Owner forbids visits from our field sales team").
const SALES_FORCE =
  '(?:[a-z]*aussendienst[a-z]*|[a-z]*vertrieb[a-z]*|vertreter[a-z]*|vertriebler[a-z]*|verkaeufer[a-z]*|(?:field|sales|area|territory) (?:reps?|representatives?|agents?|staff|team|force|people|sales(?: team| staff| force| reps?)?)|sales ?force|salespeople|salesmen|reps)';
const SALES_ACT = '(?:[a-z]*anrufe?n?|[a-z]*besuche?n?|[a-z]*kontakt[a-z]*|calls?|phone calls|visits?|contact|approaches)';
const BANNED = '(?:untersag[a-z]*|verbiet[a-z]*|verbot|verboten|bans?|banned|prohibit[a-z]*|forbid[a-z]*|forbade|refus[a-z]*|lehnt|lehnen|abgelehnt|verweiger[a-z]*)';

// A rule, or a gate and a rule: the rule runs only on text the (cheap) gate finds something in.
const RULES: readonly (RegExp | readonly [RegExp, RegExp])[] = [
  // Markers that mean "no marketing" by themselves.
  /\b(?:dnc|d n c|do not market|dnm|robinson ?list[a-z]*|robinsonliste|werbewi(?:e)?derspr[a-z]*|werbesperre|werbestopp|werbeverbot|kontaktsperre|kontaktverbot|anrufverbot|telefonverbot|ktk ?sperre|sperrliste|werbesperrliste[n]?|tps|mps|fps|(?:mail|telephone|fax|email) preference service|do not (?:call|contact|mail|email|solicit)(?: list| flag| register|(?! (?:before|after|during|between|until|at night|at work|in the (?:morning|evening)|on (?:weekends?|sundays?)|(?:my|his|her|the) (?:mobile|cell|landline|work|office|old|husband|wife|partner|son|daughter|mother|father|parents|neighbou?r|colleague))\b))|opt(?:s|ed)? ?out(?! (?:of|from|for|beim|bei|vom|von|fuer) (?:the |his |her |their |dem |der |den |das )?(?:[a-z]+ ){0,2}(?:add on|addon|cover|warranty|trial|upgrade|paperless|billing|e ?billing|auto[a-z]*|renewal|insurance|plan|pension|contract|paper[a-z]*|papier[a-z]*|[a-z]*rechnung[a-z]*|invoices?|bills?|statements?|data roaming|roaming|class|course|delivery|deliveries|edition|package|paket|tier|bundle|membership))|unsub[a-z]*(?! (?:(?:me|him|her|us|them|(?:the|my|our|his|her) (?:kids|children|child|son|daughter|boys|girls|twins|pupils|students)) )?(?:from )?(?:the |our |his |her |their |a )?(?:[a-z]+ ){0,3}(?:club|clubs|school|team|group|activit(?:y|ies)|sports?|league|camp|training|choir|trip|tour|plan|tier|subscription|membership|package|bundle|service|version|edition|contract|billing|account|add on|addon|option|channels?|pack|class|classes|course|courses|waitlist|waiting list|warteliste|lessons?|kurs|deliver[a-z]*|box|paper|print|magazine|roaming|alerts?|notifications?|reminders?|auto[a-z]*|renew[a-z]*|top ?ups?|licen[cs]es?|warrant(?:y|ies)|insurance|direct debits?|instal+ments?|features?|(?:premium|basic|gold|silver|platinum|pro|plus|standard)(?! (?:[a-z]+ )?(?:newsletters?|mailings?|e ?mails?|offers|marketing|news|promo[a-z]*))))|suppress[a-z]*|donotcontact|donotcall|donotmail|donotemail|keinewerbung|nomarketing|vergessenwerden|vergessen werden|pecr|can spam|tcpa|cease and desist|right to (?:be forgotten|object|erasure)|forget me|(?:stop|quit) (?:cold )?(?:calling|contacting|emailing|mailing|writing|texting|spamming|messaging|ringing|bothering|phoning|bugging|pestering|harassing|hassling)(?! (?:it|that|this|them a|things?|(?:my|the|our) (?:door ?bell|bell|door))\b)|(?:stop|quit) sending(?! (?:the |a |an |me |us |him |her |my |another |any |more )?(?:[a-z]+ ){0,2}(?:engineer|technician|fitter|plumber|courier|driver|cop(?:y|ies)|replacement|spare|parts?|parcels?|packages?|deliver[a-z]*|box(?:es)?|meals?|orders?|goods|items?|the wrong|wrong|duplicates?|statements?|invoices?|bills?|receipts?|reminders?|payment|paper statements?|paper bills?|printed)\b)|(?:replied|reply|replies|texted|sent|antwortete|geantwortet|schrieb) stop\b(?! (?:sending|shipping|charging|billing|delivering|debiting)\b))\b/,
  new RegExp(`\\b(?:stop|stopp|cease|end|quit|discontinue|halt|einstellen|beenden|unterbinden|einstellung|unterlassung|beendigung)\\b ${gap(2)}${MARKETING}\\b|\\bdiscontinue (?:all |any )?(?:contact|calls|communication|correspondence)\\b|\\bcancel (?:all |any )?(?:my |the )?(?:marketing|promotional) (?:subscriptions|e ?mails|emails|mails|texts|messages|calls)\\b`),
  // A reference to the right to object (Art. 21), to erasure (Art. 17) or to withdraw consent (Art. 7(3)).
  /\bart(?:ikel)? (?:21|17|7 (?:abs )?3)\b (?:[a-z0-9]+ ){0,3}(?:dsgvo|ds gvo|gdpr|dsg)\b|\b(?:dsgvo|ds gvo|gdpr)\b (?:[a-z0-9]+ ){0,2}art(?:ikel)? (?:21|17|7 (?:abs )?3)\b/,
  // Consent and its withdrawal, in either order.
  new RegExp(
    `\\b(?:[a-z]*einwil+igung[a-z]*|[a-z]*zustimmung[a-z]*|einverstaendnis[a-z]*|[a-z]*erlaubnis|consent[a-z]*|consnet|concent|konsent|permission[a-z]*|opt in)\\b (?:(?:[a-z0-9]+|,) ){0,6}(?<!\\b(?:kuendigung|beschwerde|complaint|cancellation|reklamation|antrag|auftrag|bestellung|order|vollmacht|mandat|lastschriftmandat|widerspruch|einspruch)[a-z]* (?:[a-z]+ )?)(?:wi(?:e)?derr[ui]f[a-z]*|zurueckgezogen|zurueckgenommen|entzogen|withdr[ae]w[a-z]*|revok[a-z]*|revoc[a-z]*|retract[a-z]*|rescind[a-z]*|deaktiviert|deactivated|abgewaehlt|unticked|unchecked|ausgeschaltet|turned off|switched off|entfernt|removed|rausgenommen|herausgenommen)\\b`,
  ),
  new RegExp(
    `\\b(?:wi(?:e)?derr[ui]f[a-z]*|withdr[ae]w[a-z]*|revok[a-z]*|revoc[a-z]*|retract[a-z]*|rescind[a-z]*|no longer|entzieh[a-z]*|entzogen)\\b ${gap(5)}(?:[a-z]*einwil+igung[a-z]*|[a-z]*zustimmung[a-z]*|einverstaendnis[a-z]*|erlaubnis|consent[a-z]*|consnet|concent|permission[a-z]*|opt in)\\b`,
  ),
  // Approached in person and not wanted, the wish after ("Wurde im Laden wegen einer Rückkehr angesprochen – bitte vermerken, dass
  // ich das nicht möchte", "was approached in the store about coming back, I don't want that", "… so etwas ist nicht gewünscht").
  [/angesprochen|angequatscht|approached|accosted|spoken to|addressed/, /\b(?:angesprochen|angequatscht|approached|accosted|spoken to|addressed)\b (?:(?:[a-z0-9]+|,) ){0,14}?(?:(?:dass |that )?(?:ich |i )?(?:das|dies|so etwas|sowas|that|this|it) (?:(?:ist|is|was|war) )?(?:nicht|not) (?:mehr )?(?:moechte|will|wuensche|erwuenscht|gewuenscht|gewollt|wanted|welcome)|(?:das|dies|so etwas|sowas) (?:moechte|will|wuensche|mag) ich (?:nicht|nie|keinesfalls)|(?:i )?(?:do not|dont|did not|didnt) (?:want|wish for) (?:that|this|it)|(?:i )?(?:do not|dont) want to be (?:approached|accosted|spoken to|addressed))(?= ,|$| (?:please|bitte|and|und|so|also|mehr|anymore|again|any more|thanks|danke)\b)/],
  // A consent given and withdrawn after, with dates between ("Einwilligung am 03.04. erteilt, am 10.05. widerrufen", "consent
  // granted on 2 March, revoked on 9 May"): the grant's dates leave the withdrawal too far from the consent for the rule above.
  // Not a grant again after a withdrawal ("erneut erteilt, nachdem er sie letztes Jahr widerrufen hatte").
  [/widerr|withdr|revok|zurueckg|entzog|retract|rescind/, /\b(?:[a-z]*einwil+igung[a-z]*|[a-z]*zustimmung[a-z]*|einverstaendnis[a-z]*|consent[a-z]*|permission[a-z]*|opt in)\b (?:(?:[a-z0-9]+|,) ){0,6}?(?<!\b(?:erneut|wieder|neu|again|re) )(?:erteilt|gegeben|eingeholt|given|granted|obtained)\b (?:(?!(?:nachdem|after|bevor|before|zuvor|vorher|previously|earlier|once)\b)(?:[a-z0-9]+|,) ){0,7}?(?<!\b(?:kuendigung|beschwerde|complaint|cancellation|reklamation|antrag|auftrag|bestellung|order|widerspruch|einspruch)[a-z]* (?:[a-z0-9]+ )?)(?:widerrufen|widerrief|zurueckgezogen|zurueckgenommen|entzogen|withdrawn|withdrew|revoked|retracted|rescinded)\b/],
  // An objection or erasure under data-protection law.
  new RegExp(
    `\\b(?:dsgvo|ds gvo|gdpr|bdsg|uwg|datenschutz[a-z]*|art 21|art 17|art 7 3|artikel 21|artikel 17)\\b ${gap(6)}(?:wi(?:e)?derspr[a-z]*|object[a-z]*|loesch[a-z]*|eras[a-z]*|delet[a-z]*|sperr[a-z]*)\\b`,
  ),
  new RegExp(
    `\\b(?:wi(?:e)?derspr[a-z]*|object[a-z]*|loesch[a-z]*|eras[a-z]*|delet[a-z]*)\\b ${gap(6)}(?:dsgvo|ds gvo|gdpr|uwg|bdsg|art 21|art 17|artikel 21|artikel 17)\\b`,
  ),
  // An objection to advertising or to the use of one's data ("widerspricht jeglicher Werbung").
  new RegExp(
    `\\bwi(?:e)?dersp(?:r|ri|ru)[a-z]*\\b ${gap(8)}(?:[a-z]*werb[a-z]*|[a-z]*marketing|profiling|daten[a-z]*|kontakt[a-z]*|ansprache|verwendung|nutzung|verarbeitung)\\b`,
  ),
  /\bwi(?:e)?dersp(?:r|ri|ru)[a-z]* (?:eingelegt|erfasst|eingegangen|erhalten)\b/,
  new RegExp(`\\b(?:werb[a-z]*|marketing|daten[a-z]*|kontakt[a-z]*)\\b ${gap(3)}wi(?:e)?dersp(?:r|ri|ru)[a-z]*\\b`),
  /\bausdruecklich widersprochen\b/,
  /\b(?:kein|keine|no)\b (?:[a-z]+ )?(?:erlaubnis|einwilligung|consent|permission|zustimmung) (?:[a-z]+ )?(?:mehr|more|longer)\b/,
  new RegExp(
    `\\bobject(?:s|ed|ing|ion)?\\b ${gap(6)}(?:marketing|direct marketing|advertis[a-z]*|ads|processing|profiling|contact[a-z]*|calls?|emails?|mailings?|solicitation|use|usage|data|details|sharing|shared|being (?:contacted|called|emailed|mailed|shared|used))\\b`,
  ),
  // Erasure and removal requests.
  /\b(?:datenloesch[a-z]*|loeschantrag|loeschungsantrag|loeschung|loeschungen|erasure|deletion)\b/,
  new RegExp(
    `\\b(?:loesch[a-z]*|geloescht|delet[a-z]*|eras(?:e|ed|ing)|wip(?:e|ed|ing)|scrub[a-z]*|purg(?:e|ed|ing)|tilg[a-z]*|vernicht[a-z]*|destroy[a-z]*|get rid of|dispose of|entfern[a-z]*|streich[a-z]*|remov[a-z]*|austrag[a-z]*|ausgetragen|take (?:me|him|her|us|them) off|taken off|take off)\\b ${gap(4)}(?:daten|data|details|records|nummer|number|telefonnummer|handynummer|adresse[a-z]*|address[a-z]*|e ?mail[a-z]*|account|konto|crm|datenbank|database|verteiler[a-z]*|liste[a-z]*|lists?|mailing[a-z]*|newsletter[a-z]*|kartei|marketing|campaigns?|me|mich|uns)\\b`,
  ),
  new RegExp(
    `\\b(?:daten|data|details|info|information|informationen|records|nummer|number|telefonnummer|adresse[a-z]*|address[a-z]*|e ?mail[a-z]*|account|konto|crm|datenbank|database|verteiler[a-z]*|listen?|lists?|mailing[a-z]*|kartei|campaigns?|marketing|mich|me)\\b ${gap(4)}(?:loesch[a-z]*|geloescht|delet[a-z]*|eras(?:e|ed|ing)|entfern[a-z]*|streich[a-z]*|gestrichen|remov[a-z]*|austrag[a-z]*|ausgetragen|nehmen|genommen|taken off|suppressed|tilg[a-z]*|getilgt|vernicht[a-z]*|destroy[a-z]*)\\b`,
  ),
  new RegExp(`(?<!\\b(?:gives?|gave|giving|for|to|let|lets|help|helps|with|of|tell|told|send|sends|sent|show|shows|showed|offer|offers|offered) )\\b(?:aus|us|from|off|out of)\\b (?!(?:[a-z]+ ){0,2}(?:vendor|supplier|approved|preferred|waiting|shortlist|supported|eligible|region|countr|price|preis|product|produkt|sortiment|teilnehmer|participant|class|kurs)[a-z]* )${gap(2)}(?:[a-z]*verteiler[a-z]*|(?:anruf|telefon|kontakt|werbe|mailing|adress|call|contact|marketing|mail|sperr)liste[n]?|marketing (?:lists?|database|aktionen|kampagnen|campaigns)|listen?|lists?|[a-z]*datenbank(?:en)?|database|crm|kartei)\\b(?! (?:broker|owner|rental|vendor|provider|seller)s?\\b)`),
  // Compounds that name the wish ("hat um Nichtanruf gebeten", "Kontaktverzicht erklärt", "wünscht Nichtkontaktierung").
  /\bnicht(?:anruf|kontakt|kontaktierung|bewerbung|zusendung|ansprache|belieferung)[a-z]*\b|\b(?:kontakt|werbe|anruf)verzicht[a-z]*\b/,
  // Not to be won back, a block note on a channel ("bittet, ihn nicht zurückzuwerben", "don't try to win me back",
  // "Sperrvermerk Telefon gesetzt").
  /\b(?:nicht|nie|keinesfalls|nimmer) (?:mehr |wieder |erneut )?(?:zurueck(?:zu)?(?:werben|gewinnen|holen)|zurueckgeworben|zurueckgewonnen|zurueckgeholt)\b|\b(?:dont|do not|not to|never|stop trying to|no need to) (?:try (?:to )?|attempt to )?win (?:me|him|her|us|them) back\b|\bsperrvermerk (?:fuer |auf |per )?(?:[a-z]*telefon[a-z]*|anrufe?|phone|e ?mail|mail|post|sms|werbung|marketing|alle kanaele)\b/,
  // Surveys refused: a customer survey is advertising too (BGH VI ZR 225/17) — "auch keine Kundenzufriedenheitsumfragen mehr".
  new RegExp(`${RECEIVED}\\b${NEG}\\b ${gap(3)}(?:[a-z]*umfrage[n]?|[a-z]*befragung(?:en)?|surveys?|questionnaires?|feedback (?:requests?|calls?|e ?mails?))\\b (?:(?:mehr|more|anymore|any more|bitte|please|either|auch|mit|with|gar|at all|whatsoever)\\b|, (?:gar (?:nix|nichts)|nothing)\\b)`),
  // Taken off a list, regional words included ("Nämed mi bitte vo de Lischte abe", "nehmt mich von der Liste runter").
  /\b(?:nehm[a-z]*|naem[a-z]*|nem[a-z]*|nimm|tuet|tuat|tuats|tragt|trag[a-z]*) (?:[a-z]+ )?(?:mich|mi|ma|uns|ihn) (?:[a-z]+ ){0,2}(?:von|vo|vu|vom|aus|us) (?:der |de |dr |dera |ihrer |eurer |ihre |allen |alle )?(?:[a-z]+ )?[a-z]*(?:liste[n]?|lischte[n]?|lischt|listn|verteiler[a-z]*|kartei|datenbank)\b (?:[a-z]+ )?(?:runter|herunter|abe|ahe|obe|raus|use|weg)\b/,
  // Struck off a list, the verb at the end ("bitte tüend Sie mi us de Kundelischte striche", "mich aus der Kartei streichen").
  /\b(?:mich|mi|ma|uns|ihn|sie) (?:[a-z]+ ){0,2}(?:von|vo|vu|vom|aus|us) (?:der |de |dr |dem |em |allen |alle |ihrer |eurer )?(?:[a-z]+ )?[a-z]*(?:liste[n]?|lischte[n]?|lischt|listn|verteiler[a-z]*|kartei|datenbank|adressbestand) (?:[a-z]+ )?(?:streichen|striche|strichen|gstriche|gestrichen|austragen|uustrage|ustrage|ausgetragen|entfernen|entferne|entfernt|loeschen|loesche|geloescht|nehmen|neh|naeh|genommen)\b/,
  // Advertising not to be sent, somewhere or at all ("Werbung bitte nicht an meine neue Adresse schicken"), not to the old address.
  new RegExp(`\\b${MARKETING} (?:bitte |please |auch )?(?:nicht|nie|niemals|keinesfalls|nimmer) (?:mehr |wieder )?(?!(?:an|auf|zu) (?:die|meine|der|den) alte)(?:[a-z]+ ){0,4}(?:schicken|senden|zusenden|zuschicken|zustellen|einwerfen|verschicken|zukommen lassen)\\b`),
  // Advertising to neither address ("bitte weder an die alte noch an die neue Adresse Werbung schicken").
  [/\bweder\b/, new RegExp(`\\bweder (?:an|auf|zu) (?:[a-z]+ ){0,3}noch (?:an|auf|zu) (?:[a-z]+ ){0,3}?(?:adresse|anschrift)[a-z]* (?:[a-z]+ ){0,2}?${MARKETING}\\b|\\b${MARKETING} (?:[a-z]+ ){0,2}weder (?:an|auf|zu) (?:[a-z]+ ){0,3}noch (?:an|auf|zu) `)],
  // Not to be called or visited by our sales force any more, a wish in the passive ("Firma möchte nicht mehr von unserem Vertrieb
  // angerufen werden", "Wir möchten nicht länger von Ihrem Außendienst angerufen werden"); not a call that was not made.
  [/aussendienst|vertrieb|vertreter|verkaeufer/, new RegExp(`\\b(?:moechte|moechten|will|wollen|wuenscht|wuenschen|mag)\\b (?:[a-z]+ ){0,2}(?:nicht|nie|keinesfalls) (?:mehr |laenger |wieder )?(?:(?:von|vom) (?:unserem |unseren |unserer |ihrem |ihren |ihrer |eurem |euren |dem |den |der )?${SALES_FORCE}) (?:[a-z]+ ){0,2}?(?:angerufen|kontaktiert|besucht|angeschrieben|angesprochen|aufgesucht)\\b`)],
  // Consent taken back with a separable verb or no longer valid ("Ich ziehe meine Zustimmung zurück", "Die Einwilligung gilt
  // ab sofort nicht mehr", "Consent to marketing: no longer given", "You no longer have my consent").
  /\b(?:zieh[a-z]*|zog|nimm[a-z]*|nehm[a-z]*|nahm) (?:[a-z]+ ){0,4}(?:[a-z]*einwil+igung[a-z]*|[a-z]*zustimmung[a-z]*|einverstaendnis[a-z]*|[a-z]*erlaubnis|consent[a-z]*|permission[a-z]*) (?:[a-z]+ ){0,5}zurueck\b|\b(?:[a-z]*einwil+igung[a-z]*|[a-z]*zustimmung[a-z]*|einverstaendnis[a-z]*|[a-z]*erlaubnis|consent[a-z]*|permission[a-z]*) (?:[a-z]+ ){0,5}(?:gilt|gelten|besteht|bestehen|liegt|liegen|ist) (?:[a-z]+ ){0,3}(?:nicht mehr|keine mehr)\b|\b(?:[a-z]*einwil+igung[a-z]*|[a-z]*zustimmung[a-z]*|einverstaendnis[a-z]*|[a-z]*erlaubnis|consent[a-z]*|permission[a-z]*) (?:[a-z]+ ){0,4}(?:, )?(?:no longer|not any more|nicht mehr) (?:given|valid|in place|applies|active|erteilt|gueltig|aktiv|vorhanden)\b|\b(?:no longer|not any more|nicht mehr) (?:have|has|hold|haben|hat|besitzen) (?:[a-z]+ ){0,2}(?:[a-z]*einwil+igung[a-z]*|[a-z]*zustimmung[a-z]*|einverstaendnis[a-z]*|[a-z]*erlaubnis|consent[a-z]*|permission[a-z]*)/,
  // Blocked on every channel ("Kunde für alle Kanäle sperren", "block all channels").
  /\bsperr[a-z]* (?:[a-z]+ ){0,3}(?:alle|allen|saemtliche[n]?|jegliche[n]?) (?:[a-z]+ )?(?:kanaele[n]?|kontaktwege[n]?|kontaktkanaele[n]?)\b|\b(?:fuer|auf) (?:alle|allen|saemtliche[n]?) (?:[a-z]+ )?(?:kanaele[n]?|kontaktwege[n]?) (?:[a-z]+ )?(?:ge)?sperr[a-z]*\b|\bblock[a-z]* (?:[a-z]+ ){0,2}(?:all|every) (?:[a-z]+ )?(?:channels?|contact methods?)\b/,
  // An objection lodged, whatever stands between ("Widerspruch nach § 7 UWG eingelegt").
  /\bwi(?:e)?derspruch\b (?:[a-z0-9]+ ){0,4}(?:eingelegt|erhoben|eingereicht|eingegangen|erklaert)\b/,
  // Left out of campaigns, the verb after ("Bitte mich bei Kampagnen nicht mehr berücksichtigen", "will nicht in Win-back-Kampagnen aufgenommen werden").
  /\b(?:in|fuer|bei|von|aus) (?:[a-z]+ ){0,3}(?:[a-z]*kampagne[n]?|[a-z]*rueckgewinnung[a-z]*|[a-z]*rueckhol[a-z]*|[a-z]*werbeaktion[a-z]*|[a-z]*mailing[a-z]*|[a-z]*marketing[a-z]*|newsletter[a-z]*|[a-z]*programm) (?:[a-z]+ ){0,2}(?:nicht|nie|keinesfalls) (?:mehr )?(?:aufnehmen|aufgenommen|beruecksichtigen|beruecksichtigt|einplanen|eingeplant|einbeziehen|einbezogen|verwenden|verwendet)\b|\b(?:nicht|nie) (?:mehr )?(?:in|fuer|bei) (?:[a-z]+ ){0,3}(?:[a-z]*kampagne[n]?|[a-z]*rueckgewinnung[a-z]*|[a-z]*rueckhol[a-z]*|[a-z]*mailing[a-z]*|[a-z]*marketing[a-z]*|[a-z]*programm) (?:[a-z]+ ){0,2}(?:aufgenommen|beruecksichtigt|eingeplant|einbezogen|verwendet)\b|\b(?:von|aus) (?:[a-z]+ ){0,3}[a-z]*(?:rueckgewinnung|rueckhol|kampagne|werbe|marketing)[a-z]* (?:[a-z]+ ){0,2}ausgeschlossen\b/,
  // All one's data ("Löschen Sie alles, was Sie über mich gespeichert haben"), out of the system ("Ich will aus Ihrem System raus").
  /\b(?:loesch[a-z]*|delet[a-z]*|eras[a-z]*|entfern[a-z]*) (?:sie |ihr )?(?:bitte )?(?:alles|everything|all) (?:, )?(?:[a-z]+ ){0,4}(?:ueber mich|von mir|on me|about me|of mine)\b|\b(?:mich|me|ich will|i want|i wish) (?:[a-z]+ ){0,3}(?:aus|out of) (?:ihrem|eurem|your|allen|all|ihren|euren) (?:[a-z]+ )?(?:system|systemen|systems|unterlagen|records)\b/,
  // "Det mit den Anrufen lassen Se ma bleiben", "Mit den Mails lassen Sie es bitte".
  new RegExp(`\\bmit (?:den |dem |der |ihren |euren |diesen |dene )?(?:[a-z]+ )?(?:${CHANNEL}|${MARKETING}|[a-z]*anrufen|[a-z]*mails) (?:[a-z]+ ){0,2}(?:lassen|lasst|lass) (?:sie |se |ihr )?(?:es |das )?(?:[a-z]+ )?(?:bleiben|sein)\\b`),
  // Two channels refused one after the other ("Not by phone, not by email, not by post", "nicht per Post und nicht per Mail").
  /\b(?:not|nicht|no|kein[a-z]*|weder) (?:by|per|via|ueber|through) (?:[a-z]+ )?(?:phone|telefon|e ?mail|email|post|letter|brief|sms|text|whatsapp)\b (?:, )?(?:and |und |or |oder )?(?:not|nicht|no|noch|nor|kein[a-z]*) (?:by|per|via|ueber|through) /,
  // "Please let this be the last email you send me."
  /\blet (?:this|that|it) be the last (?:[a-z]+ )?(?:e ?mail|email|mail|letter|call|text|message|catalogue|time)\b/,
  // "Catalogues not to be sent to my new address", "offers are never to be mailed to me".
  new RegExp(`\\b${MARKETING} (?:are |is )?(?:not|never|no longer) (?:to be )?(?:sent|mailed|posted|delivered|forwarded)\\b`),
  // One channel set to no, another allowed ("Anrufe: nein. Post: ok", "cust says no phone, post ok").
  new RegExp(`\\b(?:(?:no|kein|keine|keinen) ${CHANNEL}|${CHANNEL} (?:nein|no|none|nope|never|nie|n))(?= (?:, )?(?:[a-z]+ )?(?:ok|okay|fine|gern|gerne|erlaubt|allowed|yes|ja|y)\\b)`),
  // Negated marketing: "keine Werbung", "no mktg", "weder Katalog noch Newsletter".
  new RegExp(`${RECEIVED}\\b${NEG}\\b(?! (?:ever |yet |once |even )?(?:received|got|gotten|saw|seen|opened|arrived|bekommen|erhalten|gesehen)\\b) ${gap(4)}${MARKETING}\\b(?! (?:[a-z]+ ){0,2}(?:yet|bisher|noch nicht|erhalten|received|arrived|angekommen)\\b)`),
  // Everything but service papers refused ("keine Post von Ihnen außer der Schlussrechnung", "nothing from you except invoices",
  // "only invoices please, nothing else"): the service matter is excepted, the rest is an objection.
  new RegExp(`${RECEIVED}\\b(?:(?:kein|keine|keinen|keinerlei|no)\\b ${gap(1)}(?:${CONTACT}|${MARKETING})|(?:nothing|nichts|nix) (?:mehr |more |further |weiter )?(?:from you|from us|von ihnen|von euch|von uns|mehr|more))\\b ${gap(3)}(?:ausser|except|other than|apart from|besides|but|bis auf) (?:for )?(?:[a-z]+ ){0,3}(?:${SERVICE_PAPERS}|service (?:messages|mails|e ?mails|notices|calls)|servicemitteilung[a-z]*|servicemails|servicenachricht[a-z]*|vertragsinformation[a-z]*|(?:the )?legally required)\\b`),
  new RegExp(`\\b(?:only|nur(?: noch)?) (?:(?:the|die|den|der|ihre|your) )?(?:[a-z]+ )?(?:${SERVICE_PAPERS}|service (?:messages|mails|e ?mails|notices)|servicemitteilung[a-z]*|servicemails) (?:(?!(?:bekommen|bekomme|bekommt|bekamen|bekam|erhalten|erhalte|kriegen|received|receive|get|got|gets)\\b)[a-z]+ ){0,3}(?:, )?(?:(?:sonst|ansonsten|otherwise) (?:nichts|nothing|keine)|nothing else|nichts anderes|nichts weiter)\\b`),
  // "Neither calls nor emails", "weder Post noch Anrufe" (not when neither was answered).
  new RegExp(`\\b(?:neither|weder) ${gap(1)}(?:${CONTACT}|${MARKETING}) (?:nor|noch) ${gap(1)}(?:${CONTACT}|${MARKETING})\\b(?! ${gap(2)}(?:answered|beantwortet|returned|were|was|wurden|wurde|received|erhalten|bekommen|angekommen|arrived)\\b)`),
  // A marketing box unticked ("Unticked the marketing box", "Häkchen bei Werbung entfernt").
  /\b(?:unticked|unchecked|untick|uncheck|abgewaehlt|deaktiviert|removed|entfernt|rausgenommen|herausgenommen)\b (?:the |a |das |den |die |ihr |sein |her |his )?(?:[a-z]+ )?(?:marketing|newsletter|werbe|werbung|promo[a-z]*|advertising|sms|e ?mail)[a-z]* ?(?:(?:consent|permission|opt in|einwilligungs?|zustimmungs?) ?)?(?:box|tick|checkbox|haekchen|haken|option|setting)\b/,
  // Consent switched off in a portal or an account, the verb first ("Customer unticked his marketing consent in the app").
  /\b(?:unticked|unchecked|untick|uncheck|deselected|switched off|turned off|toggled off|disabled|deaktivierte|schaltete)\b (?:the |his |her |my |their |its |die |seine |ihre |meine )?(?:[a-z]+ ){0,2}(?:consent|permission|opt in|einwilligung|zustimmung)[a-z]*\b(?! (?:[a-z]+ ){0,3}(?:wieder|again|re ?enabled|back on)\b)/,
  /\b(?:haekchen|haken|tick|checkbox|box|kreuz|kreuzchen)\b (?:[a-z]+ ){0,3}(?:marketing|newsletter|[a-z]*werb[a-z]*|promo[a-z]*|advertising)[a-z]* (?:[a-z]+ ){0,3}(?:entfernt|removed|rausgenommen|herausgenommen|unticked|unchecked|weggeklickt|abgewaehlt|deaktiviert)\b/,

  // A win-back declined ("Rückgewinnung abgelehnt", "retention refused") is an offer turned down, not an objection
  // (DOMAIN.md §6: a pause, not never again); win-back calls, attempts or mails refused are ("Rückgewinnungsanrufe abgelehnt").
  new RegExp(`\\b(?![a-z]*angebot)(?!(?:[a-z]+ )?(?:offers?|deals?)\\b)(?!${WINBACK_ITSELF} (?:[a-z]+ )?(?:abgelehnt|refused)\\b)${MARKETING} (?!(?:offers?|deals?|discounts?|calls?) )${gap(2)}(?:gekuendigt|abbestellt|abbestelt|abgemeldet|storniert|unerwuenscht|untersagt|verboten|unwanted|abgelehnt|refused)\\b`),
  // "NL-Abmeldung": the newsletter, not the Netherlands ("Umzug nach NL, Abmeldung beim Amt").
  /(?<!\b(?:nach|in|aus|to|from|the) )\bnl (?:abmeldung|abgemeldet|abbestellt|abbestellung|opt out|unsubscribed?)\b/,
  new RegExp(`\\b(?:newsletter|werbung|mailings?|katalog|emails?|sms|verteiler)[a-z]*\\b ${gap(4)}(?:abgemeldet|abmeld[a-z]*|austrag[a-z]*|ausgetragen)\\b|\\b(?:abgemeldet|abmeld[a-z]*)\\b ${gap(3)}(?:newsletter|werbung|verteiler|mailing)[a-z]*\\b`),
  // Offers by push message or messenger stopped ("von Push-Nachrichten mit Angeboten abgemeldet", "die WhatsApp-Angebote einzustellen").
  /\b(?:push|whatsapp|messenger|telegram|sms|app)[a-z]*\b (?:[a-z]+ ){0,3}(?:angebot[a-z]*|werbung|rabatt[a-z]*|offers?|promo[a-z]*|deals?)\b (?:[a-z]+ ){0,3}(?:abgemeldet|ausgetragen|abbestellt|abbestellen|einzustellen|einstellen|eingestellt|stoppen|gestoppt|unsubscribed|opted out|stopped|blocked|blockiert)\b/,
  // A sales rep's visit unwanted ("VB unerwünscht", "will keinen Außendienst mehr im Haus").
  /\bvb (?:unerwuenscht|nicht erwuenscht|verboten|untersagt)\b|\b(?:will|moechte|wuenscht|wollen|mag)\b (?:[a-z]+ ){0,2}kein(?:en|e)? (?:[a-z]+ )?(?:aussendienst[a-z]*|vertreter[a-z]*|vertreterbesuch[a-z]*|verkaeufer[a-z]*) mehr\b/,
  // "Verschonen Sie mich mit Ihrem Newsletter", "spare me your mailings".
  new RegExp(`\\b(?:verschon[a-z]*|spare) (?:sie |uns |mich |me |us )?${gap(2)}(?:mit |with )?${gap(2)}${MARKETING}\\b`),
  // Bavarian and Austrian "nimmer" ("oruafa brauchts mi a nimma": no need to call me any more).
  /\b(?:[a-z]*ruaf[a-z]*|anrufen|anrufa|schreibts?|schreiben)\b (?:[a-z]+ ){0,5}(?:nimma|nimmer|nimmermehr)\b/,
  // Taken out of a campaign ("aus der Win-back-Kampagne rausnehmen", "von allen Mailings streichen").
  /\b(?:aus|von) (?:der|dem|den|allen|jeder|jeglicher|unserer|unseren|eurer|ihrer|ihren|dieser|diesen) (?:[a-z]+ ){0,3}(?:[a-z]*kampagne[n]?|mailings?|werbeaktion(?:en)?|rueckgewinnungsaktion(?:en)?) (?:[a-z0-9]+ ){0,3}(?:raus|heraus)?(?:zu)?(?:nehmen|genommen|streichen|gestrichen|entfernen|entfernt|austragen|ausgetragen)\b/,
  // E-mails unsubscribed ("E-Mails abbestellt", "Abbestellung E-Mail-Newsletter"), not a bill or a statement by
  // e-mail ("E-Mail-Rechnung abbestellt", "Rechnung per E-Mail abbestellt").
  new RegExp(`(?<!\\b${PAPERWORK}[a-z]* (?:[a-z]+ ){0,2})\\b(?:e ?mails?|mails)\\b (?:(?!${PAPERWORK})[a-z0-9]+ ){0,3}(?:abbestellt|abbestellen)\\b|\\babbestell(?:t|ung|en)\\b (?:(?!${PAPERWORK})[a-z0-9]+ ){0,2}(?:e ?mails?|mails|newsletter[a-z]*|mailings?|werbung|verteiler)\\b`),
  new RegExp(`\\b(?:will|moechte|wuensche|want|wollen|mag)\\b ${gap(2)}${MARKETING} ${gap(1)}(?:nicht|not)\\b`),
  new RegExp(`\\bsperr[a-z]* ${gap(2)}(?:${MARKETING}|kontakt[a-z]*|ansprache)\\b|\\b${MARKETING} ${gap(2)}(?:ge)?sperr[a-z]*\\b`),
  // Negated contact with a wish: "keine Anrufe mehr", "no further contact", "kein Kontakt erw.".
  // Not after a verb of receiving ("I never got any emails from you": a complaint).
  new RegExp(`${RECEIVED}\\b${NEG}\\b(?! (?:ever |yet |once |even )?(?:received|got|gotten|had|bekommen|erhalten|gehabt)\\b) ${gap(2)}${WISH_BEFORE}\\b ${gap(2)}${CONTACT}\\b`),
  new RegExp(`${RECEIVED}\\b${NEG}\\b ${gap(2)}${CONTACT} ${gap(1)}${WISH_AFTER}\\b(?! ${gap(1)}${COMPLAINT_AFTER}\\b)`),
  new RegExp(`\\b(?:want|wants|wanted|wuensch[a-z]*|moecht[a-z]*|will|wollen|mag)\\b ${gap(2)}${NEG}\\b ${gap(3)}${CONTACT}\\b`),
  new RegExp(`\\b(?:(?:not|dont|doesnt|nicht|nie|never|no longer)\\b ${gap(1)}|no )(?:want|wants|wish|wishes|like|moechte|will|wuensche)\\b ${gap(3)}(?:${CONTACT}|${MARKETING}|hear)\\b`),
  new RegExp(`\\b${CONTACT} ${gap(1)}(?:nicht|not|un)(?: mehr| more)? ?(?:erwuenscht|gewuenscht|gewollt|wanted|desired|erlaubt|allowed|permitted)\\b`),
  new RegExp(`\\b(?:kein|keine|no)\\b ${gap(1)}${CONTACT}\\b (?:[a-z0-9,]+ ){0,3}(?:kein|keine|no)\\b ${gap(1)}${CONTACT}\\b`),
  // A time or a place excluded but the topic is marketing, or every place is ("doesn't want to be called at work or at home
  // about promotions", "Bitte rufen Sie mich abends nicht wegen Angeboten an"); an objection for a while ("no calls until after
  // Christmas", "keine Werbung bis Ende März").
  new RegExp(`\\b(?:not|dont|doesnt|never|no longer|nicht)\\b (?:(?:want|wants|wish|wishes|like|likes|to) )*(?:be )?${VERB_EN}(?:ed|ing)? (?:(?:me|him|her|us|them) )?(?:[a-z]+ ){0,7}?(?:about|regarding|re|with|for) (?:any |the |our |your |new |more |further )?(?:[a-z]+ )?(?:${MARKETING}|offers?|deals?|promotions?|discounts?|sales)\\b|\\b${VERB_EN}(?:ed)? (?:at|on|in) (?:work|home|the office|my mobile|the landline) (?:or|and|nor) (?:at |on |in )?(?:work|home|the office|my mobile|the landline)\\b`),
  /\bnicht (?:mehr )?(?:[a-z]+ ){0,3}(?:wegen|mit|zu|ueber) (?:[a-z]+ )?(?:angebot|werbung|aktion|rabatt|gutschein|tarif)[a-z]* (?:[a-z]+ ){0,2}(?:anrufen|an|kontaktieren|anschreiben|anmailen|belaestigen|ansprechen|angerufen|kontaktiert|angeschrieben|angemailt|belaestigt|angesprochen)\b/,
  new RegExp(`${RECEIVED}\\b${NEG}\\b ${gap(2)}(?:${CONTACT}|${MARKETING}) (?:until|till|bis|for|fuer|during|waehrend|in) (?:the |die |den |der |next |naechsten |naechste |kommenden |coming )?(?:[a-z0-9]+ ){0,2}(?:weeks?|months?|years?|wochen|monate[n]?|jahre[n]?|jahr|christmas|xmas|weihnachten|easter|ostern|new year|neujahr|spring|summer|autumn|winter|fruehjahr|sommer|herbst|end|ende|further notice|auf weiteres|january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|maerz|mai|juni|juli|oktober|dezember)\\b`),
  // Contact, the customer wants it stopped ("repeated calls re loyalty offer – wants them stopped", "die Anrufe sollen aufhören").
  new RegExp(`\\b(?:wants?|wanted|would like) (?:the |all |any |these |those |your )?(?:[a-z]+ ){0,2}(?:${CONTACT}|${MARKETING}) (?:to be )?(?:stopped|ended|halted|discontinued)\\b`),
  new RegExp(`\\b(?:${CONTACT}|${MARKETING})\\b (?:(?:[a-z0-9]+|,) ){0,6}?(?:(?:wants?|wanted|asked|asks|requests?|requested|demands?|demanded|would like|insists?|insisted) (?:that )?(?:them|these|those|they) (?:to )?(?:be )?(?:stopped|stop|ended|end|cease)|(?:verlangt|will|moechte|wuenscht|fordert|bittet|bat) (?:, )?(?:dass )?(?:das|dies|diese|sie) (?:[a-z]+ )?(?:eingestellt|gestoppt|beendet|abgestellt|unterlassen|aufhoer[a-z]*))\\b`),
  // More ways to say it: "do not get in touch", "don't follow up", "do not re-engage", "wants 0 contact", "Customer invoked
  // Article 21", "not interested in hearing from you", "spare me the come-back offers", "Verschonen Sie mich mit Ihren
  // Angeboten", "wants to be left in peace", "Meldet euch nicht mehr bei mir", "nicht mehr zurückrufen", "Nix mehr schicken".
  /\b(?:do not|dont|please dont|not to|never)\b (?:(?:ever|again|try to|bother to) )?(?:get (?:in )?(?:touch|contact)|follow ?up|re ?engage)\b(?! (?:on|with|about|regarding) (?:the|this|that|his|her|my) (?:ticket|case|complaint|order|repair|claim|refund|invoice|bill|fault)\b)|\b(?:wants?|wanted|requests?|requested|asks? for|asked for) (?:zero|0|null) (?:[a-z]+ )?(?:contact|calls?|e ?mails?|comms|communication|marketing|kontakt|anrufe|werbung)\b|\b(?:invoked|invokes|invoking|exercised|exercises|exercising|beruft sich auf|berief sich auf|macht geltend) (?:[a-z]+ ){0,3}(?:art|artikel|article) (?:21|17)\b|\bnot interested in (?:ever )?(?:hearing from (?:you|us)|being (?:contacted|called|emailed)|any (?:further )?contact)\b|\b(?:spare me|verschon[a-z]* (?:sie |ihr )?(?:mich|uns)|sparen sie sich|spart euch) (?:[a-z]+ ){0,3}(?:offers?|deals?|calls?|e ?mails?|[a-z]*angebot[a-z]*|anrufe[n]?|mails|werbung|post)\b|\b(?:be|to be|werden) left (?:alone|in peace)\b|\bin ruhe gelassen\b|\b(?:meldet euch|melden sie sich|melde dich) (?:bitte )?(?:nicht mehr|nie mehr|nie wieder)\b|\bnicht mehr (?:zurueckrufen|zurueckgerufen)\b|\b(?:nichts|nix) mehr (?:[a-z]+ )?(?:zu )?(?:schicken|senden|zuschicken|zusenden)\b/,
  // Idioms and figurative refusals of contact ("Finger weg von meiner Nummer", "Bleiben Sie mir mit Ihren Anrufen vom Leib",
  // "hands off my number", "don't chase me", "stop pestering me", "spare me your newsletters", "I'm done hearing from you"):
  // not a chase over a service matter ("don't chase me for the refund").
  [/finger|hands off|leib|chas|pester|hassl|badger|hound|harass|spare me|hearing from/, new RegExp(`\\bfinger weg (?:von|vom) (?:[a-z]+ ){0,2}(?:[a-z]*nummer|[a-z]*adresse|daten|telefon[a-z]*|handy|e ?mail[a-z]*|mail[a-z]*|postfach|briefkasten)\\b|\\b(?:keep )?(?:your )?hands off (?:my|our|his|her) (?:[a-z]+ ){0,2}(?:number|e ?mail|email|address|data|details|phone|inbox|letterbox|mailbox)\\b|\\bbleib[a-z]* (?:sie |ihr )?(?:mir|uns|ihm|ihr) (?:[a-z]+ ){0,4}vom leib\\b|(?<!\\b(?:we|you|they|it|that|which|who|i) )\\b(?:dont|do not|stop|quit|no more|never|not to)\\b (?:(?:keep|even|try to|be) )?(?:chas(?:e|es|ing)|pester(?:s|ing)?|hassl(?:e|es|ing)|badger(?:s|ing)?|hound(?:s|ing)?|harass(?:es|ing)?) (?:me|us|him|her)\\b(?! (?:for|about|over|re|regarding|on) (?:the |my |this |that |his |her |our )?(?:[a-z]+ )?(?:bill|invoice|payment|refund|order|parcel|delivery|debt|arrears|money|balance|return|documents?|paperwork|forms?|signature|meter)s?\\b)|\\bspare me (?:your|the|all|any|these|those|all your|all the) (?:[a-z]+ ){0,2}(?:${MARKETING}|newsletters|calls|e ?mails|emails|mails|letters|messages|texts|offers|deals)\\b|\\b(?:im|i am|were|we are|am|is|are) (?:so |totally |completely |really |just )?(?:done|finished|through) (?:with )?hearing from (?:you|your)\\b`)],
  // Publicity as a marketing noun, "not wishing / no wish to receive" ("I am not wishing to receive more publicity from your
  // company", "no wish to receive adverts").
  [/publicity|wish|wanting|promotional|mailshot|advert/, new RegExp(`\\b(?:not|no longer|dont|do not|never)\\b (?:(?:wishing|wanting|wish|want|wishes|wants) )(?:to )?(?:receive|get|be sent) (?:any )?(?:more |further )?(?:[a-z]+ ){0,2}(?:publicity|${MARKETING})\\b|\\bno (?:wish|desire) (?:to )?(?:receive|get|be sent) (?:any )?(?:more |further )?(?:[a-z]+ ){0,2}(?:publicity|${MARKETING})\\b|\\b${NEG} (?:more |further )?(?:publicity|promotional (?:material|literature|mail|post))\\b (?:(?:please|thanks|more|anymore|from you) )?`)],
  // Begging letters and appeals for donations are advertising too ("Spenderin möchte keine Bettelbriefe mehr erhalten", "No more
  // begging letters please", "Ihre Spendenaufrufe bitte einstellen"); giving no more is no objection ("Spendet nicht mehr").
  [/bettel|spende|donat|fundrais|charity|appeal|begging/, new RegExp(`${RECEIVED}\\b${NEG}\\b(?! (?:ever |yet |once |even )?(?:received|got|gotten|had|saw|seen|bekommen|erhalten|gehabt|gesehen)\\b) ${gap(3)}${DONATION_MAIL}\\b(?! (?:[a-z]+ ){0,2}(?:yet|bisher|noch nicht|arrived|angekommen)\\b| (?:erhalten|received|bekommen) (?:, )?(?:aber|but|obwohl|although)\\b)|\\b(?:stop|end|cease|quit|einstellen|beenden) ${gap(2)}${DONATION_MAIL}\\b|\\b${DONATION_MAIL} ${gap(3)}(?:einstellen|eingestellt|abbestellt|abgemeldet|unerwuenscht|unwanted|stoppen|gestoppt|stopped|abstellen)\\b`)],
  // Feeling harassed or bombarded by our calls, mails or advertising ("Kundin fühlt sich durch unsere Newsletter belästigt",
  // "feels harassed by our calls", "genervt von Ihrer ständigen Werbung"): not by someone else's ("durch die Werbung der
  // Konkurrenz", "by competitors' calls", "messages from her ex"), nor by a debt collector or noise. Annoyance counts with
  // advertising only ("fed up with the post" is about the post).
  [/belaestig|bedraeng|bombard|ueberflut|zugemuellt|ueberhaeuf|genervt|harass|pester|spammed|hounded|plagued|inundated|flooded|annoyed|fed up|sick of|tired of/, new RegExp(`\\b(?:${HARASSED} (?:durch|von|vom|mit|by|with|of) (?!${gap(3)}${OTHER_SENDER})${gap(3)}(?:${CONTACT}|${MARKETING})|${ANNOYED} (?:durch|von|vom|mit|by|with|of) (?!${gap(3)}${OTHER_SENDER})${gap(3)}${MARKETING})\\b(?! ${FROM_OTHERS})|\\b(?:durch|von|vom) (?!${gap(3)}${OTHER_SENDER})${gap(3)}(?:(?:${CONTACT}|${MARKETING}) (?!${FROM_OTHERS})${gap(2)}${HARASSED}|${MARKETING} (?!${FROM_OTHERS})${gap(2)}${ANNOYED})\\b`)],
  // Not agreeing (any more) to the storage or use of one's data ("mit der Speicherung meiner Daten nicht mehr einverstanden",
  // "I am not agree that you use my email for publicity", "I no longer agree to you storing my data"): a consent withdrawn in
  // other words; not a mobile data allowance ("not happy with the use of my data allowance").
  [/einverstanden|agree|consent/, new RegExp(`\\b${NOT_AGREE}\\b (?:(?:[a-z]+|,) ){0,5}?(?:${DATA_USE} (?:of |von )?${OWN_DATA}|${OWN_DATA} (?:[a-z]+ ){0,3}?${DATA_VERB}\\b)|\\b${DATA_USE} (?:of |von )?${OWN_DATA} (?:[a-z]+ ){0,3}?(?:nicht|no longer|keinesfalls) (?:mehr |laenger )?einverstanden\\b`)],
  // Our advertising thrown away unread ("Werbepost landet direkt im Müll", "Your catalogues go straight in the bin", "I bin your
  // leaflets unread"): unwanted; not one binned by mistake and asked for again.
  [/muell|papierkorb|abfall|altpapier|tonne|\bbin\b|binned|trash|rubbish|garbage|werfe|wirft|schmeiss/, new RegExp(`(?:\\b${MARKETING} (?:[a-z]+ ){0,4}(?:landet|landen|wandert|wandern|kommt|kommen|geht|gehen|go|goes|went|end up|ends up|ended up|fliegt|fliegen) (?:[a-z]+ ){0,3}?(?:in den |im |in die |ins |in the |into the |in )(?:[a-z]+ )?(?:muell|papierkorb|abfall|altpapier|muelleimer|muelltonne|tonne|bin|trash|rubbish|garbage|recycling)|\\b(?:i|we|he|she|they|ich|wir|er|sie) (?:[a-z]+ )?(?:bin|binned|trash|trashed|chuck|chucked|toss|tossed|throw away|threw away|throw out|threw out|werfe|wirft|werfen|schmeisse|schmeisst) (?:all )?(?:your|ihre|eure|alle ihre|all your) (?:[a-z]+ )?${MARKETING})\\b(?![^]*\\b(?:versehentlich|aus versehen|by mistake|accidentally|erneut|nochmal|noch einmal|another|resend|again)\\b)`)],
  // Advertising to be stopped, said further on ("Werbepost landet direkt im Müll – soll eingestellt werden", "Werbebriefe von
  // Ihnen – die sollen bitte eingestellt werden"): not a campaign of our own ended ("Die Werbeaktion soll eingestellt werden").
  [/eingestellt|gestoppt|abgestellt|abbestellt/, new RegExp(`\\b(?![a-z]*(?:aktion|kampagne|budget|agentur|etat))${MARKETING} ${gap(6)}(?:soll|sollen|sollte|sollten|muss|muessen|moege|moegen) (?:bitte |endlich |sofort )?(?:eingestellt|gestoppt|beendet|abgestellt|abbestellt) werden\\b`)],
  // A ban or refusal of the sales force's calls or visits, whichever comes first ("Geschäftsführer untersagt Anrufe des
  // Außendienstes", "Praxisleitung verbietet dem Außendienst weitere Besuche", "Anrufe des Außendienstes sind untersagt", "Office
  // manager bans calls from field reps"): not a ban on something else ("untersagt Bestellungen über 500 Euro"), nor on private calls.
  [/untersag|verbiet|verbot|\bban|prohibit|forbid|forbade|refus|lehn|verweiger/, new RegExp(`\\b${BANNED}\\b (?:[a-z]+ ){0,3}?(?:${SALES_ACT} (?:(?:des|der|vom|von|from|by|of|durch|unserer|unseres|unseren) )?(?:(?:the|our|your|any|dem|den|die|unserem|ihrem) )?(?:[a-z]+ )?${SALES_FORCE}|(?:(?:dem|den|der|our|the|unserem|ihrem) )?${SALES_FORCE} (?:[a-z]+ ){0,2}?${SALES_ACT})\\b|\\b${SALES_ACT} (?:des|der|vom|von|from|by|durch) (?:(?:the|our|your|dem|den|die|unserem|ihrem) )?(?:[a-z]+ )?${SALES_FORCE} (?:[a-z]+ ){0,3}?(?:untersagt|verboten|banned|prohibited|forbidden|refused|abgelehnt|unerwuenscht|unwanted)\\b`)],
  // A ban on sales contact ("purchasing department bans sales calls", "Einkauf untersagt Vertreterbesuche"); contact despite an
  // objection ("keep calling despite her objection"); unsubscribe clicked ("hat auf 'Abbestellen' in der Angebotsmail geklickt").
  new RegExp(`\\b(?:bans?|banned|prohibits?|prohibited|untersagt|verbietet|verbot) (?:[a-z]+ )?${MARKETING}\\b|\\b(?:despite|trotz|in spite of) (?:(?:his|her|my|their|the|a|seines|ihres|meines|des|seinem|ihrem|meinem|dem) )?(?:[a-z]+ )?(?:objections?|widerspruch[a-z]*|werbewiderspruch[a-z]*|opt ?out|opting out|unsubscrib[a-z]*|abmeldung|dnc)\\b|\\b(?:abbestellen|abmelden|unsubscribe|opt out)\\b (?:[a-z]+ ){0,4}(?:geklickt|angeklickt|clicked|gedrueckt|pressed|tapped)\\b|\\b(?:clicked|pressed|tapped|klickte|drueckte) (?:on )?(?:the )?(?:abbestellen|abmelden|unsubscribe|opt out)\\b`),
  // A callback or a mail with an offer refused ("No callback with a discount please", "keinen Rückruf mit einem Rabatt").
  new RegExp(`\\b${NEG} (?:[a-z]+ )?(?:call ?backs?|rueckrufe?|anrufe?|calls?|e ?mails?|mails|briefe?|letters?|texts?|sms) (?:mehr |more )?(?:with|mit) (?:a |an |any |einem |einer |einen |neuen? |new )?(?:[a-z]+ )?(?:discount|offer|deal|rabatt|angebot|gutschein|voucher|coupon|promo)[a-z]*\\b`),
  // Contact details for one service matter only ("Use my address for the final bill only, nothing else", "Don't use my email for
  // anything but the final invoice").
  /\b(?:use|nutzen sie|verwenden sie) (?:my|meine) (?:[a-z]+ )?(?:address|email|e mail|number|adresse|nummer|daten|data|details) (?:[a-z]+ ){0,4}(?:only|nur|ausschliesslich)\b (?:, )?(?:nothing else|sonst nichts|nichts anderes|for nothing else)\b|\b(?:dont|do not|nicht) use (?:my )?(?:[a-z]+ )?(?:address|email|e mail|number|data|details) for (?:anything|any other)\b/,
  // Preferences all switched off ("Kd. hat im Präferenzcenter alles abgewählt").
  [/praeferenz|preference|marketing|werbe|newsletter|kontakt|contact/, /\b(?:alles|alle|everything|all) (?:[a-z]+ )?(?:abgewaehlt|deaktiviert|unticked|unchecked|deselected|turned off|switched off|ausgeschaltet)\b/],
  // Taken off a list, the verb first, Swiss German included ("Nehmt mi vu dr Lischt").
  /\b(?:nehm[a-z]*|naem[a-z]*|nimm|streich[a-z]*|trag[a-z]*) (?:sie |ihr )?(?:mich|mi|ma|uns) (?:[a-z]+ )?(?:von|vo|vu|vom|aus|us) (?:der |de |dr |dem |em )?(?:[a-z]+ )?[a-z]*(?:liste[n]?|lischte[n]?|lischt|listn|verteiler[a-z]*|kartei)\b/,
  // Imperatives and wishes: "do not call", "asked not to be contacted", "nicht mehr kontaktieren".
  new RegExp(`\\b(?:do not|dont|dinnae|dinna|please dont|not to|not to be|no more|no longer)\\b ${gap(1)}${VERB_EN}(?:ed|ing)?\\b(?! (?:center|centre|back)\\b)(?! ${ONLY_WHEN_EN})`),
  new RegExp(`\\bnever (?:again |ever |(?:to )?be |want to be )?${VERB_EN}(?:ing)?\\b(?! (?:center|centre|back)\\b)(?! ${ONLY_WHEN_EN})|\\bnever (?:to )?be ${VERB_EN}ed\\b`),
  new RegExp(`(?<!\\b(?:wurde|wurden|worden|wir|hat|haben|hatte|niemand|keiner) (?:[a-z]+ )?)\\b${NICHT}\\b(?! wir\\b)(?! ${ONLY_WHEN_DE}) ${gap(3)}${VERB_DE}\\b`),
  // "Nicht mehr" with a way or a place between ("Bitte nicht mehr auf dem Handy anrufen", "nicht mehr per Post schreiben"):
  // no longer that way is a channel refused, not a time or a line excluded (that reads "nicht auf dem Festnetz, nur Handy"),
  // nor one person instead of another ("nicht mehr vom bisherigen Betreuer angerufen werden").
  [/\b(?:(?:nicht|nich|net|ned|nit|noed|nid|nie|niemals|nimme|nemme|keinesfalls|weder) (?:mehr|meh|wieder)|nimmer|nimma)\b/, new RegExp(`(?<!\\b(?:wurde|wurden|worden|wir|hat|haben|hatte|niemand|keiner|kann|koennen|konnte|konnten|kannst|koennte|darf|durfte|duerfen) (?:[a-z]+ ){0,2})\\b(?:${NICHT} (?:mehr|meh|wieder)|nimmer|nimma) (?:(?!(?:vom|von|durch|seitens)\\b)[a-z0-9]+ ){0,5}(?:${VERB_DE}|schreiben|mailen|simsen|texten|melden)\\b`)],
  // A wish to receive no further communication ("Customer wishes to receive no further communication from the company",
  // "would like to receive no further correspondence from us"): only words of contact, not invoices or reminders.
  [/\breceive no\b/, /\b(?:wish(?:es|ed)?|wants?|wanted|would like|asked|asks|prefers?|prefer(?:red)?) to receive no (?:further|more) (?:communications?|correspondence|contact|marketing|promotions?|offers|emails|e mails|mailings?|calls|letters|messages)\b/],
  // Removal from a sales sequence or cadence ("asked to be removed from our prospecting sequence", "taken out of the outreach
  // cadence"): a sequence or cadence of sales mail is marketing, not a process step ("moved to the next step of the sequence").
  [/\b(?:sequences?|cadences?)\b/, /\b(?:remov[a-z]*|taken? (?:me |him |her |us |them )?(?:out of|off)|drop(?:ped)? (?:me |him |her |us |them )?from|unenrol+(?:ed)? (?:me |him |her |us |them )?from) (?:me |him |her |us |them )?(?:from )?(?:your |our |the |this |all )?(?:[a-z]+ )?(?:prospecting|outreach|sales|email|e mail|marketing|nurture|drip|follow up) (?:sequences?|cadences?)\b/],
  // An objection to calls of some purpose as one noun ("widerspricht Beratungsanrufen zu weiteren Produkten", "widerspricht
  // Verkaufsanrufen"): the calls right after the verb, so not a matter about calls ("widerspricht der Abrechnung der Anrufe").
  [/widersp/, /\bwidersp(?:richt|reche|rach|rechen|rochen)\b (?:(?:den|allen|weiteren|kuenftigen|jeglichen) )?[a-z]*anrufe?n?\b/],
  // A wish that we no longer contact, with "dass wir" ("Kunde möchte das wir ihn nicht mehr anschreiben", "wünscht, dass wir
  // ihn nicht mehr anrufen"): the rule above leaves "wir … nicht mehr" as a record of ours; a wish verb before makes it one.
  // Not a complaint or wonder ("beschwert sich, dass wir ihn nicht mehr anrufen").
  [/\bdass? wir\b/, new RegExp(`\\b(?:moechte|moechten|will|wollen|wuenscht|wuenschen|bittet|bitten|verlangt|verlangen)\\b (?:, )?(?:[a-z]+ ){0,2}?dass? wir (?:[a-z]+ ){0,2}?${NICHT} (?:mehr|meh|wieder) (?:[a-z0-9]+ ){0,4}(?:${VERB_DE}|schreiben|mailen|simsen|texten|melden)\\b`)],
  // "Don't call me on my mobile anymore", "never email me at work again": a line or a place no longer, a channel refused.
  [/\banymore\b|\bany more\b|\bagain\b/, new RegExp(`\\b(?:do not|dont|please dont|not to|never)\\b ${gap(1)}${VERB_EN}(?:ed|ing)? (?:me |us |him |her )?(?:on|at|to|via|by|under|in) ${gap(3)}(?:anymore|any more|ever again|again)\\b`)],
  // Word order and words of a learner ("I want that you stop to call me").
  [/\bstop to\b/, new RegExp(`\\b(?:stop|quit|cease) to ${VERB_EN}\\b`)],
  // "Stop with the postcards", "Enough with the birthday cards", "Schluss mit den Postkarten", "Hören Sie mit den Karten auf".
  [/\b(?:stop|enough|done|finished) with\b|\b(?:schluss|genug) mit\b|\bhoer/, new RegExp(`\\b(?:stop|enough|done|finished) with (?:the |your |all |these |those |all the |all your )?${gap(2)}(?:postcards?|[a-z]*cards|letters|e ?mails|emails|mails|texts|calls|phone calls|messages|leaflets|flyers|brochures|catalogues?|catalogs?|offers|deals|promos|newsletters?|mailings|sms|visits|${MARKETING})\\b|\\b(?:schluss |genug |hoer[a-z]* (?:sie |ihr )?(?:endlich |bitte |doch |jetzt |mal )*(?:auf )?)mit (?:den |dem |der |ihren |euren |diesen |ihrem |eurem )?${gap(2)}(?:[a-z]*karten|briefen|[a-z]*mails|anrufen|sms|prospekten|flyern|katalogen|angeboten|newslettern|werbe[a-z]*|${MARKETING})\\b`)],
  new RegExp(`\\b(?:ruf|ruft|rufen|rufe|schreib|schreibt|schreiben|mail|mailt|kontaktier[a-z]*|melden|meldet|belaestig[a-z]*) (?:sie |ihr )?(?:mich|mi|ma|uns|ihn|mir) (?:bitte )?${NICHT}\\b(?! ${ONLY_WHEN_DE})`),
  // Separable verbs, dialect included: "Ruft ma nich mehr an", "Schwätzet mi nemme o".
  new RegExp(`\\b(?:ruf|ruft|rufen|rufe|rufts|rufens|ruaf[a-z]*|schreib[a-z]*|schwaetz[a-z]*|sprech[a-z]*|sprecht|quatsch[a-z]*|kontaktier[a-z]*) (?:sie |ihr |se )?(?:(?:mich|mi|ma|mir|ihn|uns|eus|ons|hier|da) )?(?:bitte |doch |blos |bloss |einfach |bittschoen |bitteschoen |halt )?${NICHT}(?: (?:mehr|meh|mee|mehra|wieder|nochmal|noch mal))? (?:an|o|oa|aa)\\b`),
  /\b(?:not|never|nie|nicht|nichts)\b (?:[a-z0-9]+ ){0,4}(?:hear from|hoeren|wissen)\b/,
  // "Does not want a callback from the retention team" (not one that was not received).
  /\b(?:not|dont|doesnt|never|no|nicht|kein|keinen|keine)\b(?! (?:got|get|gets|getting|received|had|heard|bekommen|erhalten)\b) (?:[a-z]+ ){0,3}(?:call ?backs?|rueckrufe?|anrufe?|calls?|ansprache|kontakt[a-z]*|contact|besuche?|visits?) (?:from|vom|von|by|der|des|durch) (?:the |our |your |dem |der |den |ihrem |eurem |ihren |euren )?(?:retention|sales|marketing|win ?back|[a-z]*rueckgewinnung[a-z]*|[a-z]*vertrieb[a-z]*|kundenbindung[a-z]*|verkauf[a-z]*|outbound|aussendienst[a-z]*|vertreter[a-z]*|field (?:sales|reps?|representatives?|agents?|staff|team|force)|reps?|representatives?|salespeople)\b(?! (?:[a-z]+ ){0,3}(?:erhalten|bekommen|received|gekommen|erfolgt|yet|bisher|seit|since|gehabt|had|logged|recorded|made|gemacht|were|was|wurden|this (?:year|month|quarter|week)|last (?:year|month|quarter|week)|dieses jahr|letztes jahr|lately|zuletzt|recently|kuerzlich|in (?:[a-z0-9]+ )?(?:months|weeks|years|ages|monaten|wochen|jahren)))/,
  // Refusals, prohibitions and "leave me alone"; "hört auf" said of the customer ("Kd. … und hört auf": he quits) is none.
  /\b(?:in ruhe lassen|in ruhe|in frieden lassen|in (?:ruah|rua|ruh|rauh)|(?:lass|lasst|lassen|lat|loat|lossts?) (?:sie |se |ihr )?(?:mich|mi|ma|uns|ihn) (?:[a-z]+ ){0,2}in (?:frieden|fried|peace)|leave (?:me|us|him|her) (?:alone|be|in peace)(?! (?:with|for) (?:the|my|this|that) (?:[a-z]+ )?(?:router|modem|device|box|repair|fault|problem|issue|form|paperwork|bill|invoice)s?\b)|(?<!\b(?:und|er|kunde|kundin|mitglied) )(?:hoer[a-z]*|hoern|hean|hearts?|heats?|hoats?|herts?) (?:sie |ihr |s |se )?(?:endlich |bitte |doch |jetzt |mal )*(?:auf|uff)|schluss mit(?! (?:dem |den |der )?(?:immer ?gleichen|immergleichen|alltag|trott)$)|unterlass[a-z]*|verbit+e[a-z]*|verbat|cease (?:all )?(?:communication|contact[a-z]*|correspondence))\b/,
  new RegExp(`\\b(?:verweiger[a-z]*|lehnt|lehnen|refus[a-z]*)\\b ${gap(4)}(?:${REFUSED})\\b(?! ?(?:angebot|offer)[a-z]*)`),
  new RegExp(`\\b(?:kontakt[a-z]*|contact[a-z]*|calls?|anrufe)\\b ${gap(2)}(?:abzusehen|absehen|einzustellen|einstellen|blocked|gesperrt|geblockt|untersagt|verboten|barred)\\b`),
  /\bgesperrt fuer (?:alle )?(?:kanaele|kontakt[a-z]*|werbung|marketing)\b/,
  /\b(?:tel|telefon|email|e mail|mail|post|brief)[a-z]* ?sperre\b/,
  /\b(?:complain[a-z]*|beschwer[a-z]*|melde[a-z]*|report[a-z]*)\b (?:[a-z0-9]+ ){0,4}(?:ico|[a-z]*datenschutzbehoerde|[a-z]*aufsichtsbehoerde|[a-z]*datenschutzbeauftragt[a-z]*|data protection authority)\b/,
  // The authority first, about marketing ("bei der Datenschutzaufsicht über unsere Mailings beschwert"; "a complaint with the
  // FTC about sales calls"; "the consumer protection office about our telemarketing").
  new RegExp(`\\b(?:[a-z]*datenschutz(?:behoerde|aufsicht|beauftragt[a-z]*)|[a-z]*aufsichtsbehoerde|verbraucherzentrale|bundesnetzagentur|bnetza|ico|ftc|fcc|ofcom|consumer protection (?:office|agency|bureau|authority)|trading standards|better business bureau|bbb)\\b ${gap(4)}(?:ueber|wegen|about|over|regarding|re) ${gap(3)}(?:${MARKETING}|[a-z]*anruf[a-z]*|[a-z]*calls?|e ?mails?|mails?|sms|texts?|briefe?|letters?|kontakt[a-z]*|contact)\\b`),
  // Further ways to say it: "gegen Werbung", "Werbung? Nein danke", "Werbung nervt", "I do not consent".
  new RegExp(`\\bgegen ${gap(1)}(?:${MARKETING})\\b`),
  new RegExp(`\\b${MARKETING} ${gap(1)}(?:nein danke|no thanks|no thank you|nervt|nerven|annoys? me)\\b`),
  /\b(?:not|no longer|dont|doesnt|nicht|never) (?:consent|agree) (?:[a-z]+ ){0,4}(?:contact[a-z]*|marketing|being|processing|advertising|werbung|kontakt[a-z]*)\b/,
  new RegExp(`\\b(?:request[a-z]*|asked for|asks for|wants?|wishes|wuenscht|bittet um|verlangt|fordert) ${gap(1)}${NEG} ${gap(1)}${CONTACT}`),
  new RegExp(`\\b(?:${MARKETING}|[a-z]*kontakt[a-z]*|[a-z]*anruf[a-z]*|[a-z]*besuch[a-z]*|zusendung[a-z]*|nachfass[a-z]*|[a-z]*rueckrufe?) ${gap(3)}(?:abzusehen|absehen|einzustellen|einstellen|zu unterlassen|unterlassen|cease|ceases|to stop|stop|stops|to end|(?:muss|muessen|soll|sollen|sollten|moege|moegen) (?:[a-z]+ )?aufhoeren)\\b(?! (?:arriving|coming|working|loading|showing|appearing)\\b)`),
  new RegExp(`\\b(?:stell|stellen|stellt)[a-z]* ${gap(4)}(?:${MARKETING}|zusendung[a-z]*|[a-z]*anrufe|[a-z]*besuche) ${gap(4)}ein\\b`),
  /\b(?:will|moechte|wuensche|want|need) (?:keine|keinen|none|no) (?:mehr|more|further)\b/,
  /\b(?:schick|send|schreib|mail)[a-z]* (?:[a-z]+ ){0,3}(?:nichts|nix|nothing) (?:mehr|more)\b/,
  /\b(?:koennt|koennen) (?:ihr|sie) (?:euch|sich) (?:sparen|schenken)\b/,
  /\bno (?:call|calls|contact|marketing|mail|solicitation) (?:flag|list|register|marker|status|request|arrangement|preference|instruction|basis)\b/,
  /\bflag[a-z]* (?:as |for )?(?:no contact|do not (?:market|contact|call|mail)|no marketing)\b/,
  // "doesn't want to be approached by sales", "I'd rather you didn't call", "don't even think about sending":
  // not when only a time or a line is excluded ("doesn't want to be called before 6").
  new RegExp(`\\b(?:not|dont|doesnt|never|no longer)\\b (?:want|wants|wish|wishes|like|likes)(?: to)?(?: be)? (?:${VERB_EN}(?:ed)?|approached|bothered|reached out to|pestered|chased|targeted)\\b(?! (?:before|after|at|on|during|between|until|till|in the)\\b)`),
  new RegExp(`\\b(?:rather|prefer|prefers|preferred)\\b (?:that )?(?:you |we |they |nobody |no one )?(?:did not|didnt|do not|dont|not|never)(?: be)? (?:${VERB_EN}(?:ed)?|follow ?up)\\b(?! (?:before|after|at|on|during|between|until|till|in the|my work|his work|her work)\\b)`),
  new RegExp(`\\bdont (?:even )?(?:think about|bother|try) ${VERB_EN}(?:ing)?\\b(?! ${ONLY_WHEN_EN})`),
  // Polite conditionals: "I'd appreciate it if you stopped sending me letters", "von jeglicher Zusendung von Werbematerial Abstand zu nehmen".
  new RegExp(`\\b(?:appreciate|grateful|prefer|rather|glad|thankful)\\b (?:[a-z]+ ){0,2}(?:if|that|when) (?:you|we|nobody|no one|they|your [a-z]+) (?:would |could )?(?:stopped|stop|ceased|cease|no longer|did not|didnt|never|refrained|refrain)\\b (?:from )?(?:${VERB_EN}(?:ed|ing)?|reach(?:ed|ing)? out|contact[a-z]*|${MARKETING})\\b(?! ${ONLY_WHEN_EN})`),
  new RegExp(`\\b(?:${MARKETING}|zusendung[a-z]*|[a-z]*kontakt[a-z]*|[a-z]*anruf[a-z]*|[a-z]*besuch[a-z]*) ${gap(4)}abstand (?:zu )?(?:nehmen|genommen)\\b`),
  // Declined "all future contact" (declining an offer or a survey alone is not an objection).
  /\b(?:declin[a-z]*|refus[a-z]*|abgelehnt|lehnt)\b (?:[a-z0-9]+ ){0,6}(?:all|any|further|future|jede|jegliche|weitere)(?: future| further)? (?:contact[a-z]*|communication[a-z]*|marketing|calls|kontakt[a-z]*|werbung|ansprache)\b/,
  /\bout of (?:your |all |the )?(?:[a-z]+ )?(?:marketing|mailings?|lists?|database|newsletters?)\b/,
  /\b(?:herauszunehmen|herausnehmen|rausnehmen|raus nehmen|herausgenommen)\b/,
  // The unsubscribe link used ("hat den Abmelden-Link in der Werbemail genutzt").
  /\b(?:abmelde|abmelden|abmeldungs|austragungs|unsubscribe|opt out)[a-z]* ?link[a-z]*\b/,
  // "Prefers no contact from sales going forward", "bevorzugt keine Anrufe".
  /\b(?:prefer|prefers|preferred|bevorzugt|bevorzugen)\b (?:(?:kuenftig|zukuenftig|in future|from now on|ab sofort|going forward) )?(?:(?:to have|to get|to receive|that there is) )?(?:no|keine|keinen|keinerlei) (?:further |more |weitere |weiteren )?(?:contact[a-z]*|calls|communication[a-z]*|marketing|emails|mails|letters|kontakt[a-z]*|anrufe|werbung|post)\b/,
  // Taken out of or off a campaign, a mailing, a list ("wants to be taken out of the current win-back campaign", "take me off this mailing").
  new RegExp(`\\b(?:take|takes|taken|taking|took|get|keep) (?:me|him|her|us|them )?(?:out of|off) (?:the |this |that |your |any |all |current |present |latest |next |upcoming |these |those |such )*(?:[a-z]+ ){0,2}(?:campaigns?|mailings?|mailing lists?|lists?|newsletters?|distribution lists?|sends?|${WINBACK_ITSELF}(?: [a-z]+)?)\\b(?! (?:price|prices|discount|discounts|rate|rates|offer|offers|deal|deals|code|codes|period|prize|draw)\\b)`),
  // Taken out of a newsletter or a mailing list, Swiss German included ("nämed Sie mi us em Newsletter use").
  /\b(?:aus|us) (?:dem |em |de |der |am |allen |alle )?(?:[a-z]+ )?(?:newsletter|[a-z]*verteiler|mailing|werbe|[a-z]*kampagne|[a-z]*rueckgewinnung|[a-z]*rueckhol)[a-z]* (?:[a-z]+ )?(?:raus|use|usi|ussi|heraus|austragen|nehmen|nemme|streichen)\b/,
  // Taken off a campaign or promotion list, wished in the passive ("bat darum, aus der Kampagnenliste genommen zu werden", "möchte
  // aus der Aktionsliste gestrichen werden"); a record of ours ("wurde aus der Kampagnenliste genommen, weil …") has no "werden".
  /\b(?:aus|von) (?:dem |der |den |allen |alle )?(?:[a-z]+ )?(?:[a-z]*kampagne|[a-z]*aktionsliste|[a-z]*werbeliste|[a-z]*mailingliste|[a-z]*verteiler)[a-z]* (?:[a-z]+ )?(?:genommen|gestrichen|entfernt|ausgetragen|herausgenommen|rausgenommen) (?:zu )?werden\b/,
  // The sales force kept away ("Please stop your salespeople from turning up at our office unannounced").
  new RegExp(`\\bstop (?:your |the |our |their |any )?${SALES_FORCE} (?:from )?(?:turning up|showing up|coming|dropping|popping|stopping by|calling|visiting|contacting|ringing|phoning|emailing|approaching|knocking)\\b`),
  // "Send nothing further." (not "… until the refund is processed").
  /\bsend (?:me |us |him |her )?nothing (?:further|more|else|again)\b(?! (?:until|till|before|unless)\b)/,
  // A consent cancelled ("hat die Werbeeinwilligung für SMS und E-Mail gekündigt").
  /\b[a-z]*(?:einwilligung|zustimmung)[a-z]* (?:(?:fuer|zur|zu|in|zum) (?:(?!(?:erteilt|gegeben|vertrag|abo|aber)\b)[a-z]+ ){0,4})?(?:(?:hat|haben|hatte|wurde) (?:[a-z]+ )?)?(?:gekuendigt|aufgekuendigt)\b/,
  // "Ich möchte nicht, dass Sie meine Adresse für Werbezwecke speichern."
  new RegExp(`\\b(?:will|moechte|moechten|wuensch[a-z]*|wollen|mag)\\b (?:es )?(?:nicht|keinesfalls) (?:, )?dass ${gap(8)}(?:${MARKETING}|${VERB_DE})\\b`),
  // "Versuchen Sie nicht, mich zurückzugewinnen", "don't try to win me back".
  new RegExp(`\\b(?:versuch[a-z]*|probier[a-z]*) (?:sie |ihr |es )?(?:(?:bitte|erst|gar|ja|bloss) )*(?:nicht|nie|niemals)(?: mehr| wieder| erst)? (?:, )?(?:[a-z]+ ){0,2}(?:${VERB_DE}|zurueckzugewinnen|zurueckzuholen)\\b|\\b(?:dont|do not|never|not to) (?:even )?try (?:to )?(?:win|get|bring|lure|tempt) (?:me|us|him|her|them) back\\b`),
  // Contact limited to one service matter ("only contact me if there's a problem with my final bill").
  /\bonly (?:contact|call|email|e mail|write to|text|ring|phone|message) (?:me|us|him|her|them) (?:if|when|about|regarding|concerning|in case)\b|\bnur (?:noch )?(?:bei|wenn|wegen) (?:[a-z]+ ){1,6}(?:kontaktieren|anrufen|anschreiben|melden)\b (?:, )?(?:[a-z]+ ){0,2}(?:sonst|ansonsten|nichts anderes)\b/,
  // "möchte auch in Zukunft keine Angebote von Ihnen erhalten", "wants to receive no more offers".
  new RegExp(`\\b(?:will|moechte|moechten|wuensch[a-z]*|want|wants|wish|wishes)\\b ${gap(4)}(?:keine|no) (?:weiteren |more |further )?(?:angebote|offers|werbeangebote|promotions|deals) ${gap(3)}(?:erhalten|bekommen|zugeschickt|zugesandt|receive|get)\\b`),
  // Imperatives addressed to the company, the customer the object ("Tragen Sie mich aus", "tragt mich überall aus",
  // "Nehmt mich raus", "Streichen Sie mich!"): not from an account, a contract or a course.
  /\b(?:trag|tragt|tragen|nehm|nehmt|nehmen|nimm|streich|streicht|streichen|loesch|loescht|loeschen) (?:sie |ihr |se )?(?:mich|uns|mi|ma|ihn) (?:(?:bitte|endlich|sofort|einfach|doch|umgehend|komplett|ganz) )*(?!(?:[a-z]+ ){0,4}[a-z]*(?:konto|vertrag|tarif|kurs|gruppe|team|account|abo|warteliste|teilnehmerliste)\b)(?:(?:[a-z]+ ){0,4}(?:aus|raus|heraus|use|ueberall)\b|(?= ,|$))/,
  // "Hören Sie mit den ständigen Mails auf", "Lassen Sie das mit den Anrufen", "Lassen Sie die Werbebriefe weg".
  new RegExp(`\\b(?:hoer[a-z]*|hoern|hean|hearts?|heats?|hoats?|herts?) (?:sie |ihr |s |se )?(?:endlich |bitte |doch |jetzt |mal )*mit ${gap(3)}(?:${CHANNEL}|${MARKETING}|[a-z]*anrufen|telefonier[a-z]*|[a-z]*mails) ${gap(2)}(?:auf|uff)\\b`),
  [/\blass/, new RegExp(`\\blass[a-z]* (?:sie |ihr |s |se )?(?:das |es )?(?:(?:bitte|doch|einfach|endlich|kuenftig|zukuenftig) )*(?:mit (?:den |dem |der |ihren |euren |diesen |ihrem |eurem )?${gap(1)}(?:${CHANNEL}|${MARKETING}|[a-z]*anrufen|[a-z]*mails)\\b|(?:die |den |das |ihre |eure )?${gap(1)}(?:${CHANNEL}|${MARKETING}|[a-z]*anrufe|[a-z]*mails|[a-z]*briefe) (?:[a-z]+ )?(?:weg|bleiben|sein)\\b)`)],
  // Peace from calls ("will seine Ruhe vor Ihren Anrufen", "Ich will meine Ruhe, also keine Anrufe").
  [/ruhe|peace/, new RegExp(`\\bruhe (?:haben )?(?:vor|von) ${gap(3)}(?:${CHANNEL}|${MARKETING}|[a-z]*anrufen|ihnen|euch)\\b|\\b(?:will|moechte|brauche|want|need) (?:meine|seine|ihre|my|his|her) (?:ruhe|peace)\\b (?:(?:[a-z]+|,) ){0,4}(?:kein|keine|keinen|no|nicht) ${gap(1)}(?:${CHANNEL}|${MARKETING})\\b|\\b(?:will|moechte|wollen|moechten|wuensche|wuenscht) (?:einfach |endlich |nur |bitte )*(?:meine|seine|ihre|unsere) ruhe(?: haben)?$`)],
  // (Peace wanted as the whole note: with a reason beside it, "will seine Ruhe, braucht kein Studio mehr" is a life change.)
  // "K. Werbung": k for kein in a note that is nothing else.
  new RegExp(`^(?:(?:kunde|kundin|customer) )?k (?:mehr )?(?:${MARKETING}|anrufe|kontakt)(?: (?:mehr|bitte|erwuenscht|gewuenscht))*$`),
  // Prohibitions ("Ich verbiete Ihnen, mir weiterhin Prospekte zu schicken", "I forbid you from contacting me"); a boss
  // who forbids a service is no objection, so what is forbidden must be contact.
  [/verbiet|untersag|forbid|prohibit/, new RegExp(`\\b(?:verbiet[a-z]*|untersag[a-z]*|forbid[a-z]*|prohibit[a-z]*)\\b (?:(?:[a-z]+|,) ){0,6}?(?:${VERB_DE}|zu (?:schicken|senden|mailen|schreiben)|zuzusenden|zuzuschicken|(?:contact|call|ring|email|e mail|mail|write|text|send|visit|solicit|approach|message)(?:ing)?|${MARKETING}|jede[a-z]* (?:[a-z]+ )?(?:kontakt|ansprache|zusendung)[a-z]*|kontaktaufnahme|zusendung[a-z]*|any (?:further )?contact)\\b`)],
  // No permission to contact ("You do not have my permission to call me", "Sie haben keine Erlaubnis, mich anzurufen").
  [/permission|consent|erlaubnis|einwilligung|genehmigung|authori|allowed|permitted|berechtigt|befugt/, new RegExp(`\\b(?:not|no|keine|keinen|kein|nicht)\\b (?:[a-z]+ ){0,2}(?:permission|consent|erlaubnis|einwilligung|genehmigung|authori[sz]ation|allowed|permitted|authori[sz]ed|berechtigt|befugt) (?:, )?(?:[a-z]+ ){0,3}(?:to |zu )?(?:${VERB_EN}|${VERB_DE}|anzurufen|anzuschreiben)\\b(?! (?:from|abroad|internationally|out)\\b)`)],
  // Vouchers, coupons, news of products refused ("no more vouchers", "keine Gutscheine mehr zugeschickt bekommen").
  [PROMO_GATE, new RegExp(`${RECEIVED}\\b${NEG}\\b (?:[a-z]+ )?(?:more|further|mehr|weitere[n]?|any more) (?:[a-z]+ )?${PROMO}\\b(?! (?:[a-z]+ ){0,2}(?:for|fuer|available|verfuegbar|gibt|left|erhalten|bekommen|received|arrived|angekommen|zum|zur)\\b)`)],
  [PROMO_GATE, new RegExp(`${RECEIVED}\\b${NEG}\\b (?:[a-z]+ )?${PROMO} (?:[a-z]+ ){0,2}(?:mehr |more |anymore )?(?:[a-z]+ ){0,2}?(?:zugeschickt|zuschicken|zusenden|zugesandt|schicken|senden|send|sent|mailen|by text|by email|by e mail|by post|by sms|in the post|in the mail|per post|per mail|per sms|per e mail)\\b`)],
  [PROMO_GATE, new RegExp(`${RECEIVED}\\b${NEG}\\b (?:[a-z]+ )?${PROMO} (?:[a-z]+ ){0,3}(?:mehr|more|anymore) (?:, )?(?:bitte|please|danke|thanks)\\b`)],
  // Not to be told of offers ("Möchte über neue Angebote nicht mehr informiert werden").
  [/informiert|informed|updated|kept|told/, /\b(?:ueber|about|zu|on) (?:[a-z]+ ){0,2}(?:angebote|aktionen|produkte|tarife|neuigkeiten|news|offers|products|promotions|deals|rabatte)[a-z]* (?:nicht|nie|no longer|not) (?:mehr |wieder )?informiert\b|\b(?:nicht|nie|no longer|not) (?:mehr |wieder )?(?:ueber|zu) (?:[a-z]+ ){0,2}(?:angebote|aktionen|produkte|tarife|neuigkeiten)[a-z]* (?:mehr )?informiert\b|\b(?:dont|doesnt|do not|does not|no longer|not) (?:want|wish|wants|wishes) to be (?:informed|updated|kept (?:informed|updated)|told) (?:about|of) (?:[a-z]+ ){0,2}(?:offers|products|deals|promotions|news|sales|discounts)\b/],
  // No more information about offers or tariffs ("keine Informationen mehr über neue Tarife erhalten").
  [/info|update|news|neuigkeit/, new RegExp(`${RECEIVED}\\b${NEG}\\b (?:(?:want|wants|need|moechte|will) )?(?:any )?(?:(?:more|mehr|weitere[n]?|further) )?(?:infos?|informationen|information|updates|news|neuigkeiten) (?:(?:mehr|more) )?(?:ueber|zu|zum|zur|about|on|regarding) (?:[a-z]+ ){0,2}(?:angebot|aktion|produkt|tarif|neuheit|offer|product|deal|promotion|tariff|sale|rabatt|discount)[a-z]*\\b`)],
  // Asked not to receive one kind of offer or a channel's mail ("also asked not to receive renewal offers by post",
  // "wants not to be sent any more catalogues").
  [/\bnot to (?:receive|get|be sent)\b/, new RegExp(`\\b(?:asked|asks|ask|wants?|wanted|wishes|wished|requested|requests|prefers?|preferred|would like|like) (?:us |you )?(?:also )?not to (?:receive|get|be sent) (?:any )?(?:more |further )?(?:[a-z]+ ){0,2}(?:offers?|deals|promotions?|${MARKETING}|calls|texts|letters|e ?mails|emails|mails|messages)\\b(?! (?:[a-z]+ ){0,2}(?:yet|before)\\b)`)],
  // No channel about a topic of sale ("Please no emails about new products", "keine Anrufe wegen neuer Tarife").
  [/product|offer|deal|promotion|sales|news|tarif|upgrade|discount|angebot|produkt|aktion|neuheit|neuigkeit|rabatt/, new RegExp(`\\b(?=[kndwo])${RECEIVED}${NEG}\\b (?:(?:more|further|mehr|weitere[n]?) )?${CHANNEL} (?:mehr |more )?(?:about|on|regarding|for|ueber|zu|zum|zur|wegen|mit) (?:[a-z]+ ){0,2}(?:products?|offers?|deals|promotions?|sales|news|tariffs?|upgrades?|discounts?|angebot[a-z]*|produkt[a-z]*|aktion(?:en)?|tarif[a-z]*|neuheit[a-z]*|neuigkeit[a-z]*|rabatt[a-z]*|sonderangebot[a-z]*)\\b(?! (?:[a-z]+ ){0,2}(?:received|arrived|came|yet|bekommen|erhalten|angekommen|gekommen|gesehen)\\b)`)],
  // One channel refused by name ("Briefe gern, aber bitte keine Anrufe", "Post ist ok, Telefon auf keinen Fall").
  new RegExp(`(?<!\\b(?:kam|kamen|kommt|kommen|gab|gibt|came|comes|was|were|hatte|had|habe|hat) (?:[a-z]+ ){0,2})\\b(?:aber|but|jedoch|ansonsten|otherwise|sonst) (?:bitte |please |auf )?(?:kein|keine|keinen|no|never|nie) (?:more |further |mehr |weitere[n]? )?(?:[a-z]+ )?${CHANNEL}(?= (?:bitte|please|danke|thanks|mehr|more|anymore|ever|,)\\b| ,|$)`),
  [/(?:auf keinen fall|keinesfalls|nein|no|never|niemals|bloss nicht|bitte nicht|on no account|under no circumstances|absolutely not|nicht erwuenscht)(?: ,|$)/, new RegExp(`\\b${CHANNEL} (?:[a-z]+ )?(?:auf keinen fall|keinesfalls|nein|no|never|niemals|bloss nicht|bitte nicht|on no account|under no circumstances|absolutely not|nicht erwuenscht)(?= ,|$)`)],
  // A consent or preference set to no ("Werbeeinwilligung – nein", "SMS promos: OFF (customer request)", "Contact preferences set to none").
  [/\b(?:nein|no|n|off|aus|none|abgewaehlt|deaktiviert|disabled|widerrufen|revoked|withdrawn|entzogen|zurueckgezogen|opted out|false)(?: ,|$| [a-z])/, new RegExp(`\\b(?:[a-z]*einwilligung[a-z]*|[a-z]*zustimmung[a-z]*|consent|opt ?in|permission|erlaubnis|${MARKETING}|promos?|contact (?:preferences?|prefs?|settings?)|contact|kontakt[a-z]*|(?:e ?mail|email|sms|phone|telefon|post) (?:prefs?|preferences?|settings?|opt ?in))\\b (?:[a-z]+ ){0,3}(?:nein|no|n|off|aus|none|abgewaehlt|deaktiviert|disabled|widerrufen|revoked|withdrawn|entzogen|zurueckgezogen|opted out|false)(?= ,|$| (?:by|durch|vom|von|per|on|am|seit|since|changed|geaendert|customer|kunde|kundin|kd|auf kundenwunsch|at customer)\\b)`)],
  // Marketing switched off ("Customer turned off all marketing in the app", "Werbe-SMS deaktiviert").
  [/\boff\b|ausgeschaltet|abgeschaltet|abgestellt|abstellen|abbestellen|disabled|deactivated|deaktiviert/, new RegExp(`\\b(?:turned|switched|toggled) off (?:all |alle |his |her |their |the |any )?(?:[a-z]+ )?${MARKETING}\\b|\\b(?:disabled|deactivated|deaktiviert|abgeschaltet|ausgeschaltet|abgestellt) (?:all |alle |his |her |their |the |die |den |das |seine |ihre )?(?:[a-z]+ )?${MARKETING}\\b|\\b${MARKETING} (?:[a-z]+ ){0,2}(?:turned|switched) off\\b|\\b${MARKETING} (?:[a-z]+ ){0,3}(?:ausgeschaltet|abgeschaltet|abgestellt|abstellen|abbestellen|disabled)\\b`)],
  // Left out of campaigns on request ("Exclude this customer from win-back", "nicht in die Rückholaktion aufnehmen").
  [/exclu|include|enrol|\badd\b|\bput\b|aufnehmen|verwenden|nutzen|einplanen|beruecksichtigen|einbeziehen|einbinden|eintragen|vorsehen|selektieren|ausschliessen|ausnehmen|herausnehmen/, /\bexclu(?:de|sion)\b (?:[a-z]+ ){0,4}(?:from|of) (?:[a-z]+ ){0,3}(?:campaigns?|mailings?|win ?back|retention|marketing|promotions?|outreach|outbound)\b|\bexcluded from (?:(?:all|any|every|future|further) )+(?:[a-z]+ )?(?:campaigns?|mailings?|marketing|promotions?|outreach|contact)\b|\b(?:do not|dont|not to|never) (?:include|add|enrol|enroll|put)\b (?:[a-z]+ ){0,4}(?:in|into|on|to) (?:[a-z]+ ){0,3}(?:campaigns?|mailings?|win ?back|retention|marketing|promotions?|outreach|mailing lists?|call lists?)\b|\bnicht (?:mehr )?(?:in|fuer|bei) (?:[a-z]+ ){0,3}(?:[a-z]*kampagne[n]?|[a-z]*rueckgewinnung[a-z]*|[a-z]*rueckhol[a-z]*|[a-z]*werbe[a-z]*|[a-z]*mailing[a-z]*|[a-z]*marketing[a-z]*|newsletter[a-z]*) (?:[a-z]+ ){0,2}(?:aufnehmen|verwenden|nutzen|einplanen|beruecksichtigen|einbeziehen|einbinden|eintragen|vorsehen|selektieren)\b|\b(?:aus|von) (?:[a-z]+ ){0,3}(?:[a-z]*kampagne[n]?|[a-z]*rueckgewinnung[a-z]*|[a-z]*rueckhol[a-z]*|[a-z]*werbe[a-z]*|[a-z]*mailing[a-z]*|[a-z]*marketing[a-z]*) (?:[a-z]+ ){0,2}(?:ausschliessen|ausnehmen|herausnehmen)\b/],
  // "Lose my number", "Forget you ever had my email address" (not "I don't want to lose my number").
  [/\b(?:lose|bin|shred|forget|ditch|trash|scrap)\b/, /(?<!\b(?:i|ill|we|will|would|could|might|not|dont|never|may|cannot|cant|wont|did|didnt|want to|wants to|wanted to|afraid to|without|and|or) )\b(?:lose|bin|shred|forget|ditch|trash|scrap)(?: you ever had)? (?:my|our|his|her|this) (?:[a-z]+ )?(?:number|details|data|address|email|info|information|file)\b/],
  // STOP sent back ("Kd. hat per Antwort-SMS STOP geschickt", "mit Stopp geantwortet").
  /\bstopp?\b (?:[a-z]+ ){0,2}(?:geschickt|gesendet|zurueckgeschickt|zurueckgesendet|geantwortet|replied|texted)\b|\b(?:mit|with) stopp? (?:geantwortet|beantwortet|replied|answered)\b/,
  // Service papers only ("Außer der Rechnung bitte nichts mehr schicken", "Only send me my bills, nothing else").
  [/sonst|nothing|nichts|nix|no other|no marketing|keine werbung|keinerlei werbung/, new RegExp(`\\b(?:nur(?: noch)?|only|ausser|except(?: for)?|apart from|other than)\\b (?:[a-z]+ ){0,4}${SERVICE_PAPERS}\\b(?! (?:bekommen|erhalten|received|got|gekommen|arrived|bekomme|kriege)\\b) (?:(?:[a-z]+|,) ){0,4}?(?:sonst (?:nichts|nix|keine[a-z]*)|nothing else|nichts (?:mehr|anderes)|nix (?:mehr|anderes)|no other|nothing more|no marketing|keine werbung|keinerlei werbung)\\b(?! (?:[a-z]+ )?(?:bekommen|erhalten|received|got|gekommen|arrived))`)],
  // "Enough with the "last chance" texts", "genug von der Werbeflut"; "Die Newsletter … möchte ich nicht mehr".
  new RegExp(`\\b(?:enough|genug|schluss|knock it off|cut it out|give it a rest|pack it in) (?:with|of|mit|von|jetzt mit) (?:the |your |all |these |those |den |dem |der |die |ihren |euren |diesen )?${gap(2)}(?:${CHANNEL}|${MARKETING})\\b`),
  [/\b(?:moechte|moechten|will|wollen|mag|brauche|braucht) (?:ich |er |sie |wir )?(?:nicht|nie|keine|keinen) mehr/, new RegExp(`\\b(?:${MARKETING}|${CHANNEL}) ${gap(6)}(?:moechte|moechten|will|wollen|mag|brauche|braucht) (?:ich |er |sie |wir )?(?:nicht|nie|keine|keinen) mehr\\b`)],
  // No rep at the door ("Bitte keinen Vertreter mehr vorbeischicken", "No door-to-door reps please", "keine Haustürgeschäfte",
  // "Wir wollen keine Drücker an der Tür"): door-to-door selling refused, or a rep refused at the door or with a wish; not a rep
  // who is no longer there ("Kein Vertreter mehr in der Region") or has not come yet.
  [/vertreter|aussendienst|berater|verkaeufer|sales ?(?:rep|people|person|staff)|\breps?\b|salesm|door|haustuer|druecker|canvass|hausierer/, new RegExp(`${RECEIVED}\\b${NEG}\\b (?:more |further |mehr |weitere[n]? |any )?(?:door to door|doorstep|haustuer) ?(?:sales(?: ?(?:reps?|people|persons?|m[ae]n|calls?|visits?|staff))?|selling|reps?|salesm[ae]n|canvass(?:ers?|ing)|visits?|callers|geschaeft[a-z]*|verkauf[a-z]*|vertreter[a-z]*|besuch[a-z]*|werbung|drueck[a-z]*)\\b(?! (?:[a-z]+ ){0,2}(?:yet|bisher|stattgefunden|took place|erfolgt|happened|received|erhalten|gehabt|had)\\b)|\\b${NEG} (?:more |mehr |any )?(?:vertreter|druecker|salesm[ae]n|sales ?(?:reps?|people)|reps?|canvassers?|verkaeufer|hausierer)[a-z]* (?:mehr |more |anymore )?(?:, )?(?:(?:an|vor|at|to|on) (?:der |die |my |our |the |meine[rn]? |unsere[rn]? )?(?:haus)?(?:tuer|door|doorstep|house|wohnung)|(?:bei|zu) (?:mir|uns) (?:zu hause|daheim|nach hause)|(?:please|bitte|erwuenscht|gewuenscht|wanted|thanks|thank you|danke))\\b|\\b${NEG} (?:[a-z]+ )?(?:vertreter|aussendienst(?:ler|mitarbeiter)?|berater|verkaeufer|sales ?(?:reps?|people|persons?|staff)|reps?|salesm[ae]n|handelsvertreter)[a-z]* (?:mehr |more |anymore )?(?:[a-z]+ )?(?:vorbeischicken|vorbeikommen|schicken|senden|send|round|over|to my door|an die tuer)\\b`)],
  // A request to refrain, in any form: asked to refrain from an act of contact ("Bitte sehen Sie von Rückgewinnungsversuchen
  // ab", "Von Rückrufen bitte ich abzusehen", "Sehen Sie davon ab, mich zurückgewinnen zu wollen"); not from a service visit
  // or a charge ("von einer Mahngebühr absehen", "von einem Technikerbesuch absehen").
  [/\bsehen\b|absehen|abzusehen/, new RegExp(`\\bsehen (?:sie |ihr |se )?(?:(?:bitte|kuenftig|zukuenftig|ab sofort|doch|in zukunft|einfach) )*(?:von|vom) ${gap(3)}${CONTACT_ACT_DE} ${gap(3)}ab\\b|\\b(?:von|vom) ${gap(3)}${CONTACT_ACT_DE} ${gap(4)}(?:abzusehen|absehen)\\b|\\b(?:sehen (?:sie |ihr )?(?:[a-z]+ ){0,2}davon ab|davon abzusehen|davon absehen) (?:, )?(?:[a-z]+ ){0,4}(?:${VERB_DE}|zurueckgewinnen|zurueckzugewinnen|zurueckholen|zurueckzuholen)\\b`)],
  // No call back ("Nicht zurückrufen", "Rufen Sie nicht zurück", "Don't call back", "don't ring me back"): not a complaint that
  // nobody called back, nor a call back about one service matter ("don't call back about the refund").
  [/zurueck|back/, /(?<!\b(?:hat|haben|hatte|konnte|konnten|kann|koennen|wollte|wurde|niemand|keiner|wir|ihr|man|dass) (?:[a-z]+ ){0,2})\b(?:nicht|nie) (?:mehr |wieder )?zurueckrufen\b|\brufen sie (?:mich |uns |ihn )?(?:bitte )?(?:nicht|nie) (?:mehr |wieder )?zurueck\b(?! (?:wegen|bezueglich|zur|zum|zu)\b)|(?<!\b(?:you|they|we|still|why) )\b(?:do not|dont|please dont|never) (?:ever )?(?:call|ring|phone) (?:me |us |him |her )?back\b(?! (?:about|re|regarding|on|with|until|till|before|after|today|tomorrow|later|now|when|if|once)\b)/],
  // No contact of any kind ("No outreach of any kind please", "keine Kontaktaufnahme egal welcher Art").
  [/any kind|whatsoever|welcher art|jeglicher art|irgendeiner art/, new RegExp(`${RECEIVED}\\b(?:no|kein[a-z]*) ${gap(2)}${CONTACT} (?:of any kind|whatsoever|egal welcher art|jeglicher art|irgendeiner art)\\b`)],
  // Offers stopped ("pls stop the credit card offers in the post", "stop all follow-ups").
  [/\b(?:stop|cease|discontinue|halt|quit)\b/, /(?<!\b(?:how to|cannot|cant|couldnt|could not|trying to|tried to|why did you|why) )\b(?:stop|cease|discontinue|halt|quit)\b (?:(?:the|all|these|those|your|any|sending|me|us) )*(?:[a-z]+ ){0,2}(?:offers|deals|promotions|follow ?ups|outreach)\b/],
  // An objection to processing for direct marketing, the wording of Art. 21 (2) GDPR ("hat der Verarbeitung seiner
  // personenbezogenen Daten zu Zwecken der Direktwerbung widersprochen", "objected to the processing of his data for direct
  // marketing", "I object to you using my data for marketing").
  [/widersp|wiedersp|object/, new RegExp(`\\b(?:wi(?:e)?dersp[a-z]*|object[a-z]*)\\b (?:[a-z]+ ){0,4}(?:verarbeitung|nutzung|verwendung|processing|use|using) (?:[a-z]+ ){0,6}${MARKETING}\\b|\\b(?:verarbeitung|nutzung|verwendung) (?:[a-z]+ ){0,8}${MARKETING} (?:[a-z]+ ){0,2}wi(?:e)?dersproch[a-z]*\\b`)],
  // Blocked after our calls or mail, the block the last word ("dritter Anruf diese Woche von uns. Sofort sperren.", "Third
  // call from you this week. Block my number."): not a card, a SIM or an account blocked.
  [/sperren$|block/, /^(?![^]*\b(?:karte[n]?|card|cards|sim|konto|account|gestohlen|stolen|verloren|lost|geklaut|zugang|login|passwort|password|betrug|fraud)\b)[^]*?\b(?:[a-z]*anruf[a-z]*|[a-z]*werbe[a-z]*|werbung|calls?|[a-z]*mails?|texts?|letters?)\b(?: (?:[a-z0-9]+|,)){0,12} (?:sperren$|block (?:my|his|her|this|the) number\b|put a block on (?:him|her|them|me|the customer)\b)/],
];

// A threat of legal steps if contacted again ("if we call him one more time he's suing").
// A report, a complaint to a regulator or a blocked number counts as a threat too ("if you text me again I'll report you").
const THREAT = /\b(?:sue|sues|suing|lawsuit|lawyer|attorney|anwalt|anwaeltin|anzeig[a-z]*|zeig(?:e|t|en)? [a-z ]*an|polizei|police|bundesnetzagentur|abmahn[a-z]*|harassment|legal action|court|gericht|klage|verklag[a-z]*|verbraucherzentrale|[a-z]*datenschutzbeauftragt[a-z]*|[a-z]*aufsichtsbehoerde|datenschutzbehoerde|ico|ofcom|ftc|fcc|regulator|ombudsman|consumer protection|trading standards|datenschutzaufsicht|bbb|better business bureau|report(?:ing)? (?:you|u|us|this|it|them|the number|your company)|file a complaint|block(?:ing)? (?:the|your|this) number|(?:melde|melden|zeige) (?:sie|euch|das|ich) |bnetza|(?:meldet|melden|zeigt|zeigen) (?:er|sie|wir) (?:uns|euch|sie) (?:bei|an))\b/;
// (Not the customer's own call to a lawyer: "I'm calling my lawyer".)
const THREAT_CONTACT = /\b(?:call[a-z]*|[a-z]*calls|phon(?:e|es|ed|ing)|solicit[a-z]*|[a-z]*marketing|contact[a-z]*|mail[a-z]*|e ?mails?|e mail[a-z]*|[a-z]*anruf[a-z]*|anrufen|[a-z]*werbe[a-z]*|werbung|marketing|kontakt[a-z]*|schreiben|anschreiben|meldet|text|texts|texting|texted|sms|post|brief[a-z]*|letters?|ring|rings|ringing|promotional|sales|(?:mich|ihn|uns) (?:[a-z]+ )?(?:angerufen|anzurufen))\b(?! (?:my|the|a|meinen|den|die) (?:lawyer|attorney|anwalt|police|polizei|bank)\b)/;
const THREAT_AGAIN = /\b(?:next|if|wenn|repeated(?:ly)?|wiederholt[a-z]*|keep|keeps|end|ende|bei|falls|sollte[n]?|wieder|any further|further|again|another|next time|once more|stop|stopped|aufhoeren|einstellen|eingestellt|nochmal[a-z]*|noch ein[a-z]*|noch einmal|one more|weitere[a-z]*|erneut[a-z]*|naechste[a-z]*)\b/;

// "Accidentally unsubscribed, wants it back": a retraction, not an objection.
const RETRACTED =
  /\b(?:versehentlich|aus versehen|accidental(?:ly)?|by accident|inadvertently|by mistake|unintentional(?:ly)?|mistaken(?:ly)?)\b.*\b(?:wieder|weiterhin|weiter|wiederherstell[a-z]*|restor[a-z]*|recover[a-z]*|undo|re ?add[a-z]*|back|again|erneut|still|re ?subscribe[a-z]*)\b|\b(?:re ?subscribe[a-z]*|wieder (?:anmelden|eintragen|aufnehmen)|re ?add[a-z]*)\b.*\b(?:versehentlich|aus versehen|accidental(?:ly)?|by accident|inadvertently|by mistake|unintentional(?:ly)?|mistaken(?:ly)?)\b/;
// "Marketing consent re-granted after previous opt-out", "withdrew consent last year, re-consented today", "widerrufen, heute
// neu erteilt": a renewed consent, not an objection (unless it is withdrawn again after).
const RENEWED = /\bre ?consent(?:ed|s|ing)?\b(?![^]*\b(?:withdr|revok|widerr|zurueckgez|entz)[a-z]*\b)|\b(?:withdr|widerr|revok|zurueckgez|entz)[a-z]*\b[^]*\b(?:neu|wieder|erneut) (?:erteilt|gegeben|zugestimmt|eingewilligt)\b(?![^]*\b(?:withdr|widerr|revok|zurueckgez|entz)[a-z]*\b)|\b(?:consent|einwilligung|opt in|zustimmung)\b (?:[a-z]+ ){0,3}(?:re ?granted|re ?given|renewed|restored|reinstated|given again|wieder erteilt|erneut erteilt|neu erteilt)\b|\bopt(?:ed|s)? (?:back in|in again)\b|\b(?:wieder|erneut|neu) (?:zum newsletter |fuer den newsletter |in den verteiler )?(?:angemeldet|eingetragen|eingewilligt)\b/;

// Records that there is no objection, or that one was lifted ("No DNC flag on file", "kein
// Widerspruch gegen Werbung vermerkt", "does not object to", "opt-out reversed", "fragt, warum er
// keinen Katalog mehr bekommt"): these words are taken out before the rules read the text.
const OBJECTION_NOUN = '(?:dnc|do not call|objections?|widerspruch|werbewiderspruch|sperrvermerk|werbesperre|anrufverbot|telefonverbot|opt outs?|sperre)';
// An old, second or wrong contact detail ("delete my old address", "alte Adresse bitte löschen").
const STALE_DETAIL =
  '(?:(?:the|my|his|her|our|a|an|die|meine|seine|ihre|eines|einen|ein|das|den|des) )?(?:old|alte|alten|second|zweite|zweiten|zweites|other|andere|anderen|previous|former|fruehere|frueheren|outdated|veraltete|veralteten|wrong|falsche|falschen|duplicate|duplicated|doppelt|doppelte|doppelten|doppeltes|doppelt angelegten|doppelt angelegte|doppelt angelegtes|test) (?:[a-z]+ )?(?:address|adresse|email|e mail|mail|number|nummer|nr|no|adr|telefonnummer|handynummer|phone number|account|konto|kundenkonto|profil|profile|login|eintrag|entry|record|datensatz|router[a-z]*|geraet[a-z]*|device|[a-z]*karte|card)[a-z]*\\b';
// Notices that serve the contract: delivery status, appointments, outages, meter readings.
const SERVICE_NOTICES =
  '(?:lieferstatus|sendungs[a-z]*|[a-z]*erinnerung(?:en)?|benachrichtigung[a-z]*|notifications?|alerts?|paket[a-z]*|bestellstatus|liefertermin[a-z]*|termin[a-z]*|stoerung[a-z]*|wartung[a-z]*|zaehlerstand[a-z]*|passwort[a-z]*|delivery (?:status|updates?|notifications?)|tracking|order status|parcels?|appointments?|outages?|maintenance|meter readings?|password[a-z]*|security (?:alerts?|codes?)|one time codes?)';
const PAYMENT_DETAIL =
  '(?:bankverbindung[a-z]*|bankdaten|iban|kreditkarte[a-z]*|zahlungsdaten|zahlungsart|zahlungsmittel|lastschriftmandat|sepa mandat|mandat|bank details|bank account details|card details|credit card|payment (?:details|method|card))\\b';
// A word that names no marketing or contact, in a gap between an objection and its object.
const NOT_MARKETING_WORD = '(?:(?![a-z]*(?:werb|marketing|advertis|kontakt|contact|anruf|calls?\\b|mails?\\b|newsletter|profiling)[a-z]*\\b)[a-z]+ )';
const CHARGES =
  '(?:forderung[a-z]*|abbuchung[a-z]*|lastschrift[a-z]*|preiserhoehung|beitragserhoehung|gebuehr[a-z]*|mahngebuehr[a-z]*|bescheid[a-z]*|inkasso[a-z]*|vertragsverlaengerung|kuendigungsfrist|nachzahlung[a-z]*|nachforderung[a-z]*|abschlag[a-z]*|preisanpassung[a-z]*|preissteigerung[a-z]*|tarifaenderung[a-z]*|vertragsaenderung[a-z]*|[a-z]*entgelt[a-z]*|entscheidung[a-z]*|kostenbescheid[a-z]*|charges?|fees?|surcharges?|price (?:increase|rise|change)s?|decision|ruling|terms)';
// A thing one deletes that is not the customer's data: a telephone extension, a mailbox, an order, a photo.
const ONE_THING =
  '(?:[a-z]*nebenstelle[n]?|durchwahl[a-z]*|extensions?|[a-z]*anschluss[a-z]*|postfach|postfaecher|mailbox(?:es)?|alias[a-z]*|domains?|[a-z]*weiterleitung[a-z]*|forwarding|rufumleitung[a-z]*|termin[a-z]*|appointments?|bestellung[a-z]*|orders?|auftrag[a-z]*|warenkorb[a-z]*|baskets?|carts?|wunschliste[n]?|wish ?lists?|merkliste[n]?|favorit[a-z]*|fotos?|photos?|bilder?|pictures?|dateien|files?|kommentar[a-z]*|comments?|bewertung[a-z]*|reviews?|beitr(?:ag|aege)[a-z]*|backups?|cookies?|verlauf[a-z]*|history|playlists?|geraet[a-z]*|devices?|routers?|vorlage[n]?|templates?|lizenz[a-z]*|licen[cs]es?)\\b';
// A customer's detail or record as staff delete it ("Adresse", "E-Mail-Adresse", "Telefonnummer", "Eintrag", "record").
const DELETED_DETAIL =
  '(?:[a-z]*adresse[n]?|address(?:es)?|e ?mail(?: address| adresse)?|emails?|[a-z]*nummer[n]?|(?:phone |mobile )?numbers?|eintrag|eintraege|entry|entries|records?|[a-z]*datensatz|[a-z]*datensaetze|[a-z]*konto|kontos|accounts?|profile?s?|kontaktdaten|contacts?)';
// A guard, or a gate and a guard: the guard runs only on text the (cheap) gate finds something in.
// What a note says there is, when it was set by mistake or lifted.
const MARKER = '(?:dnc|do not (?:call|contact|mail|email)|opt ?outs?|opted out|objections?|(?:werbe)?widerspruch|werbesperr[a-z]*|anrufverbot|telefonverbot|sperrvermerk|keine werbung|no marketing|no contact|robinson[a-z]*|suppression)(?: (?:note|notiz|vermerk|flag|eintrag|kennzeichen|marker|status|request|anfrage))?';
const NO_OBJECTION: readonly (RegExp | readonly [RegExp, RegExp])[] = [
  // (First: the guards after would take its verb of receiving away.) A complaint that mail or offers no longer arrive, the verb of receiving after ("Kd. beschwert sich, dass er keine Angebote
  // per Mail mehr bekommt", "Customer upset that he doesn't receive any promo emails anymore"): a fault, not a wish; a wish
  // in the clause ("… dass er keine Werbung mehr will") is left to the rules.
  [/beschwer|beklag|aerger|monier|complain|upset|unhappy|annoyed/, /\b(?:beschwert sich|beschwerte sich|beklagt|beklagte|beklagt sich|aergert sich|aergerte sich|moniert|monierte|complains?|complained|upset|unhappy|annoyed) (?:, )?(?:dass|that|because|weil) (?:(?!(?:will|moechte|wuenscht|want|wants|wish|wishes|bitte|please)\b)[a-z]+ ){0,8}?(?:bekommt|bekam|erhaelt|erhielt|ankommen|ankommt|ankam|ankamen|receives?|gets|arrives?)\b(?: (?:[a-z]+ ){0,4}?(?:anymore|any more|these days|now))?/g],
  // One contact person or team preferred over another, contact wanted ("wants to deal with his account manager only, not the
  // call centre – please have AM ring him", "nur mit seinem Betreuer sprechen, nicht mit dem Callcenter").
  [/^(?=[^]*\b(?:only|nur|lieber|rather|prefers?|preferred|bevorzugt|instead|statt|anstatt)\b)(?=[^]*(?:account manager|\bam\b|advis[eo]r|berater|betreuer|ansprechpartner|\brep\b|representative|team))/, /\b(?:not|nicht|no|kein[a-z]*) (?:(?:via|through|with|by|from|mit|ueber|von|vom|durch|the|dem|der|das|die|den) ){0,2}(?:[a-z]+ )?(?:call ?cent(?:re|er)s?|callcenter|hotline|shop|store|laden|filiale|zentrale|service ?desk|helpdesk|switchboard)\b(?: please| bitte)?/g],
  // No objection raised ("Keine Einwände gegen telefonische Kontaktaufnahme", "no objection to being called").
  /\b(?:kein|keine|keinen|no|hat keine|has no|have no)\b (?:[a-z]+ )?(?:einwaende|einwand|einwaenden|bedenken|objections?|issues?|problems?) (?:mehr )?(?:gegen|to|against|with)\b(?: (?:[a-z]+ ){0,3}(?:kontakt[a-z]*|contact[a-z]*|anruf[a-z]*|calls?|being (?:called|contacted|emailed)|werbung|marketing|e ?mails?|newsletter[a-z]*|post))?/g,
  new RegExp(`\\bhoer[a-z]* (?:sie |ihr )?(?:endlich |bitte |doch |jetzt )*auf (?:, )?(?:[a-z]+ ){0,3}${SERVICE_PAPERS}`, 'g'),
  // Not on a register, or checked against one with no match ("Kd. steht auf keiner Sperrliste", "customer not on the TPS",
  // "Checked suppression list: customer not on it"); a question whether we keep to one ("asked if we're TPS-compliant").
  [/tps|mps|fps|dnc|do not call|robinson|sperrliste|sperrdatei|suppression|preference service|block ?list|black ?list/, new RegExp(`\\b(?:not|nicht|never|nie)\\b (?:[a-z]+ )?(?:on|auf|in|im|listed on|registered (?:on|with|in)|eingetragen (?:in|auf)) (?:the |der |die |dem |any |einer |a )?(?:[a-z]+ )?${REGISTER}\\b|\\b(?:auf|on|in) (?:keiner|keinem|no|none of the|keine) (?:[a-z]+ )?${REGISTER}\\b|\\b${REGISTER}\\b (?:[a-z]+ ){0,3}(?:not (?:listed|registered|found)|nicht (?:eingetragen|gelistet|gefunden|vorhanden))\\b`, 'g')],
  [/^(?=[^]*(?:tps|mps|fps|dnc|do not call|robinson|sperrliste|sperrdatei|suppression|preference service|block ?list|black ?list))[^]*(?:not (?:listed|on it|on the|registered|found)|no match|no hits?|kein(?:e|en)? treffer|nicht eingetragen|nicht gelistet|negativ|ohne befund|passed|\bclear\b|unauffaellig|ok to (?:contact|call|dial)|(?:anruf|kontakt)[a-z]* (?:ist )?erlaubt|freigegeben)/, new RegExp(`\\b(?:checked|check(?:ing)?|ran|run|screened|scrubbed|geprueft|pruefung|abgleich|abgeglichen|gegengeprueft|against) (?:[a-z]+ ){0,4}${REGISTER}\\b|\\b${REGISTER}\\b (?:[a-z]+ ){0,2}(?:check(?:ed)?|abgleich|abgeglichen|geprueft|pruefung|screening|passed)\\b`, 'g')],
  [/tps|mps|fps|dnc|do not call|robinson|sperrliste|sperrdatei|suppression|preference service|block ?list|black ?list/, new RegExp(`\\b${REGISTER} ?(?:compliant|compliance|konform|rules|regeln|regulations|vorgaben)\\b|\\b(?:fragt[a-z]*|gefragt|asked|asks|enquired|inquired|wanted to know|wollte wissen|will wissen)\\b (?:, )?(?:[a-z]+ ){0,2}(?:ob|if|whether) (?:wir|we|were|you|youre|sie|ihr|er|ich|he|she|they|i|the company|die firma) (?:[a-z]+ ){0,4}${REGISTER}\\b`, 'g')],
  // Who the data protection officer is ("asked who our DPO is", "fragt nach dem Datenschutzbeauftragten").
  [/dpo|data protection officer|datenschutzbeauftragt/, /\b(?:who|wer) (?:[a-z]+ ){0,3}(?:dpo|data protection officer|datenschutzbeauftragt[a-z]*)\b|\b(?:asked|asks|fragt[a-z]*|gefragt|wanted|wollte|requested|erfragt)\b (?:[a-z]+ ){0,3}(?:for |nach )?(?:the |our |your |dem |den |der |unseren |unserem |ihren )?(?:(?:name|contact|kontakt|email|e mail|adresse|address|details|daten)[a-z]* (?:of |des |der |vom |von )?(?:the |our |your |unseres |unserer )?)?(?:dpo|data protection officer|datenschutzbeauftragt[a-z]*)\b/g],
  // A do-not-contact note set by mistake, for someone else, or lifted ("Ignore previous DNC note – that was for the other
  // account holder", "Werbewiderspruch versehentlich erfasst, wurde gelöscht", "DNC was added in error and has been lifted").
  [/^(?=[^]*(?:dnc|do not|opt ?out|objection|widerspruch|sperr|keine werbung|no marketing|no contact|robinson|suppression))[^]*(?:mistake|error|irrtu|versehen|wrong|falsch|fehler|other|another|different|anderen|vormieter|previous tenant|belonged|betraf|gehoerte|ignor|disregard|gegenstandslos|obsolete|hinfaellig|lifted|aufgehoben)/, new RegExp(`\\b(?:ignore|disregard|ignorier[a-z]*|irrtuemlich[a-z]*|versehentlich[a-z]*|falsch[a-z]*|mistaken(?:ly)?|erroneous(?:ly)?|wrongly)\\b (?:[a-z]+ ){0,3}${MARKER}|\\b${MARKER} (?:[a-z]+ ){0,8}?(?:mistake[a-z]*|error[a-z]*|irrtum[a-z]*|irrtuemlich[a-z]*|versehen[a-z]*|wrong (?:account|customer|person|record)|falsche[nm]? (?:konto|kunde[n]?|person|datensatz)|other (?:[a-z]+ ){0,2}(?:account|customer|holder|person)|another (?:account|customer|person)|anderen (?:kunden|konto|person|kontoinhaber)|different (?:account|customer|person)|vormieter[a-z]*|previous tenant|ignorieren|ignore|gegenstandslos|lifted|aufgehoben|removed|entfernt|geloescht|deleted|cleared)\\b`, 'g')],
  // Asked about a register ("Kd. fragt nach der Robinsonliste wegen Werbebriefen anderer Firmen").
  [/tps|mps|fps|dnc|do not call|robinson|sperrliste|sperrdatei|suppression|preference service|block ?list|black ?list/, new RegExp(`\\b(?:fragt[a-z]*|gefragt|erkundigt sich|asked|asks|enquired|inquired)\\b (?:[a-z]+ ){0,2}(?:nach|about|ueber) (?:der |dem |den |die |the |a )?${REGISTER}\\b`, 'g')],
  // A phone-book or directory entry, a request for one's data (subject access): no objection to contact.
  [/telefonbuch|verzeichnis|phone ?book|directory|branchenbuch|gelbe seiten|yellow pages/, /\b(?:(?:loesch[a-z]*|entfern[a-z]*|remov[a-z]*|delet[a-z]*|austrag[a-z]*) (?:[a-z]+ ){0,2})?(?:[a-z]*telefonbuch[a-z]*|[a-z]*verzeichnis[a-z]*|(?:tele)?phone ?book[a-z]*|directory (?:listing|entry|enquiries)|branchenbuch[a-z]*|gelbe seiten|yellow pages)\b(?: (?:[a-z]+ ){0,2}(?:loeschen|entfernen|remove|delete|austragen|stehen|listed|eintrag[a-z]*))?/g],
  /\bsubject access (?:request)?\b|\b(?:copy|kopie|auskunft|uebersicht|list) (?:[a-z]+ ){0,2}(?:all |alle[rn]? |meine[rn]? |my |der |ueber )?(?:[a-z]+ )?(?:data|daten)\b(?: (?:[a-z]+ ){0,4}(?:hold|held|speichern|gespeichert|haben|have))?(?: (?:on|about|ueber) (?:me|mich))?|\bauskunft nach (?:art|artikel) 15\b/g,
  // Contact wished again ("customer wants calls again", "möchte Angebote ausdrücklich wieder erhalten").
  [/\b(?:again|wieder|weiterhin|still)\b/, /(?<!\b(?:not|dont|doesnt|never|no longer|nicht|kein|keine|keinen)(?: [a-z]+)? )\b(?:wants?|wanted|would like|moechte|will|wuenscht|wuensche)\b (?!(?:[a-z]+ ){0,4}(?:kein|keine|keinen|nicht|no|not|never|nie)\b)(?:[a-z]+ ){0,3}(?:again|wieder|weiterhin|still)\b(?: (?:[a-z]+ ){0,2}(?:erhalten|bekommen|haben|receive|get|hear|kontaktiert|angerufen|angeschrieben|besucht|contacted|called|emailed|visited)\b(?: werden)?)?/g],
  // An unsubscribe meant but not done, what should stay said ("wollte sich vom Newsletter abmelden, … Newsletter soll bleiben").
  [/\b(?:newsletter|werbung|mails|e ?mails|angebote|offers|emails|newsletters?)\b (?:[a-z]+ ){0,2}(?:soll|sollen|darf|duerfen|should|can|may) (?:[a-z]+ )?(?:bleiben|weiterlaufen|stay|continue)\b|\b(?:er|es|they|it) (?:soll|sollen|should) (?:[a-z]+ )?(?:bleiben|stay)\b/, /\b(?:wollte|wollten|wanted to|meant to|tried to|meinte)\b (?:sich )?(?:[a-z]+ ){0,3}(?:abmelden|unsubscribe|opt out|austragen)\b/g],
  // Someone wants to be contacted ("melden Sie sich bitte bei mir", "please call me back").
  /\b(?:melden|meldet) (?:sie |ihr )?(?:sich |euch )?(?:bitte )?(?:bei mir|bei uns|zurueck)\b|\b(?:rufen|ruft) (?:sie |ihr )?(?:mich|uns) (?:bitte )?(?:zurueck|an)$|(?<!\b(?:not|dont|never|no) )\b(?:call|ring|phone) (?:me|us) back\b|(?<!\b(?:not|dont|never|no) )\bget (?:back|in touch) (?:to|with) me\b/g,
  // Not receiving is a complaint, not a wish ("I don't get any calls from you anymore").
  /\b(?:dont|doesnt|do not|does not|never|no longer) (?:get|gets|receive|receives)\b(?! (?:in )?(?:touch|contact)\b)/g,
  // Not receiving or getting something, a complaint ("Not receiving our newsletter, please check the email address on file",
  // "isn't getting the promo emails"): not "not receiving any more" or "further", which can be a wish.
  /\b(?:not|isnt|arent|is not|are not|hasnt|havent|has not|have not|wasnt|werent)\b (?:been )?(?:receiving|getting)\b(?! (?:any )?(?:more|further)\b| (?:in )?(?:touch|contact)\b| back to)/g,
  // Why something stopped coming ("Warum schicken Sie mir keine Angebote mehr?", "why have you stopped sending me offers").
  /\b(?:warum|wieso|weshalb|why) (?:schick|send|schreib|ruf|mail|meld|bekomm|krieg|erhalt)[a-z]* (?:sie |ihr |du |man |ich )?(?:mir |mich |uns |ihm |ihr )?(?:kein|keine|keinen|nicht mehr|no|nie)\b|\bwhy (?:have|has|did|do|does) (?:you|they|we) (?:stopped|stop) (?:sending|calling|emailing|writing|contacting)\b|\bwhy (?:dont you|do you no longer|have i stopped getting|am i not getting|dont i get)\b/g,
  // Calls from others, in the genitive ("Werbeanrufe anderer Firmen"), or protection against them.
  [/\b(?:anderer|fremder|dritter|verschiedener)\b|schuetz|wehr/, /\b(?:[a-z]*anrufe?|calls|[a-z]*werbung|[a-z]*mails|[a-z]*briefe?) (?:anderer|fremder|dritter|verschiedener) (?:[a-z]+ )?(?:firmen|anbieter|unternehmen)\b|\b(?:gegen|vor) (?:[a-z]+ ){1,4}(?:schuetzen|wehren)\b/g],
  // A question about a right, and the note that none was lodged ("fragt, ob er … widersprechen kann – kein Widerspruch erklärt").
  /\b(?:fragt[a-z]*|gefragt|wollte wissen|will wissen|asked|asks|wanted to know|wants to know|enquired|inquired) (?:, )?(?:ob|wie|if|whether|how) [^]*?\b(?:kein widerspruch|keine abmeldung|no objection|no opt out) (?:[a-z]+ )?(?:erklaert|eingelegt|erhoben|eingereicht|lodged|made|raised|filed|recorded|submitted|requested)\b/g,
  new RegExp(`\\b(?:no|kein|keine|keinen|ohne)\\b (?:[a-z]+ )?${OBJECTION_NOUN}(?: [a-z0-9]+){0,4}? (?:flag|flagged|on file|vermerkt|hinterlegt|recorded|registered|eingetragen|gesetzt|vorhanden|noted|found|gefunden|lodged|raised|filed|made|erklaert|eingelegt|erhoben|eingereicht)\\b`, 'g'),
  /\b(?:no|kein|keine|keinen)\b (?:[a-z]+ )?(?:objections?|widerspruch|einwand|einwaende) (?:to|against|gegen)\b/g,
  // A marker negated or set to no as a status beside another matter ("Kd. beschwert sich über zu hohen Abschlag, kein
  // Werbewiderspruch", "Moved to Spain, no DNC", "Billing dispute, no DNC request"): no objection; not after a "no" of the
  // customer's own ("Customer said no. DNC."), nor when more follows ("no DNC, no calls" is read on by the rules).
  [/dnc|do not call|objection|widerspruch|sperrvermerk|werbesperre|opt out|sperre/, new RegExp(`(?<!\\b(?:said|says|say|sagt|sagte|answered|antwortet|antwortete|replied|meinte|customer|cust|client|kunde|kundin|just|nur|clearly|klar|definitely|simply) )\\b(?:no|kein|keine|keinen|ohne)\\b (?:(?:marketing|werbe|advertising|contact|kontakt|email|e mail|phone|telefon|sms|post|mail) )?${OBJECTION_NOUN}\\b(?: (?:request|requests|anfrage|antrag|eintrag|entry|status))?(?= ,|$)`, 'g')],
  /\b(?:not|nicht|never|nie|doesnt|dont|didnt|hasnt|havent|wont)\b (?:[a-z]+ )?(?:object|objects|objected|widerspricht|widersprochen|widersprach)\b/g,
  new RegExp(`\\b${OBJECTION_NOUN}\\b (?:[a-z0-9]+ ){0,3}(?:reversed|revoked|lifted|undone|aufgehoben|widerrufen|zurueckgenommen|zurueckgezogen|rueckgaengig)\\b|\\bdnc flag (?:removed|cleared)\\b`, 'g'),
  // A marker checked and found absent ("Werbewiderspruch geprüft – liegt nicht vor", "Anrufverbot geprüft, liegt keiner vor"):
  // the finding may stand in a clause of its own, so the whole text is asked and the check taken from every clause.
  [new RegExp(`\\b${OBJECTION_NOUN}\\b (?:[a-z]+ ){0,2}(?:geprueft|checked|kontrolliert) (?:, )?(?:(?:liegt|liegen|ist|sind) )?(?:nicht|keiner|keine|kein|none|not) (?:vor|vorhanden|gefunden|found|present|on file)\\b`), new RegExp(`\\b${OBJECTION_NOUN}\\b (?:[a-z]+ ){0,2}(?:geprueft|checked|kontrolliert)\\b(?: (?:, )?(?:(?:liegt|liegen|ist|sind) )?(?:nicht|keiner|keine|kein|none|not) (?:vor|vorhanden|gefunden|found|present|on file)\\b)?`, 'g')],
  // A question what a register is or how it works ("wollte nur wissen, wie die Robinsonliste funktioniert", "fragt, was eine
  // Werbesperrliste ist", "asked how the TPS works"): a question, not an entry asked for.
  [/tps|mps|fps|dnc|do not call|robinson|sperrliste|sperrdatei|suppression|preference service|block ?list|black ?list/, new RegExp(`\\b(?:fragt[a-z]*|gefragt|wissen|asked|asks|wondered|wanted to know|wants to know|enquired|inquired)\\b (?:, )?(?:nur |only |just )?(?:wie|was|how|what) (?:die |eine |der |das |ein |the |a |an )?(?:[a-z]+ )?${REGISTER} (?:funktioniert|ist|bedeutet|genau ist|works|is|means|does)\\b`, 'g')],
  // A removal refused ("Don't remove me from the list! I still want the coupons.", "Bitte nicht vom Newsletter abmelden!"):
  // the customer wants to stay on; the rest of the text is still read.
  [/remov|take|delet|unsub|nicht/, /\b(?:dont|do not|please dont|please do not|never)\b (?:(?:remove|take|delete|unsubscribe|drop) (?:me|us|him|her) (?:off|from|out of)|(?:remove|take|delete|unsubscribe|drop) (?:off|from|out of))\b (?:the |your |our |my |this |that )?(?:[a-z]+ )?(?:list|lists|newsletter|mailing list|mailing|distribution list)\b|\bbitte nicht (?:aus dem|aus der|vom|von der|von dem) (?:[a-z]+ )?(?:verteiler|newsletter|liste|mailingliste|mailverteiler) (?:nehmen|abmelden|austragen|streichen|loeschen|entfernen)\b/g],
  // A family member taken off an account ("Remove my son from the account, he has his own now", "Tochter aus dem Vertrag
  // entfernen"): a person removed from a contract, not the customer from contact.
  [/\b(?:son|daughter|husband|wife|partner|child|kid|mother|father|sohn|tochter|ehemann|ehefrau|kind|mutter|vater)\b/, /\b(?:remov[a-z]*|take|taken|delete|deleted|entfern[a-z]*|austragen|ausgetragen|nehmen|genommen) (?:my |his |her |their |our |the |meinen |meine |seinen |seine |ihren |ihre |den |die )?(?:son|daughter|husband|wife|partner|child|kid|mother|father|sohn|tochter|ehemann|ehefrau|kind|mutter|vater) (?:from|off|aus) (?:the |his |her |my |our |dem |der |seinem |ihrem )?(?:account|plan|contract|policy|konto|vertrag|tarif)\b|\b(?:son|daughter|husband|wife|partner|child|kid|mother|father|sohn|tochter|ehemann|ehefrau|kind|mutter|vater) (?:from|off|aus) (?:the |his |her |my |our |dem |der |seinem |ihrem )?(?:account|plan|contract|policy|konto|vertrag|tarif) (?:entfern[a-z]*|austragen|ausgetragen|nehmen|genommen|removed|taken)\b/g],
  // An online login deleted with the contract kept ("Online account deleted at customer request, policy remains active").
  /\b(?:online|web|app|portal|kundenportal|login|self service) ?(?:account|konto|zugang|profile|profil) (?:[a-z]+ ){0,2}(?:deleted|closed|removed|geloescht|entfernt|geschlossen)\b/g,
  // A product not as advertised ("Leistung entspricht nicht der Werbung"): a complaint about a promise, not about advertising.
  /\b(?:entspricht|entsprach|entsprechen) nicht (?:der|dem|den) (?:werbung|werbeversprechen|beworbenen|angebot|beschreibung)\b/g,
  // An unsubscribe or opt-out made by mistake ("Abmeldung vom Newsletter war ein Versehen, Kd. will ihn wieder erhalten").
  /\b(?:abmeldung|austragung|opt ?out|unsubscribe|unsubscription)\b (?:[a-z]+ ){0,3}(?:war|was) (?:ein |a |an )?(?:versehen|irrtum|fehler|mistake|error|accident)\b/g,
  // A question whether one can unsubscribe, with the customer undecided ("Kunde fragt, ob man Werbung abbestellen kann – will
  // es sich aber noch überlegen", "asked if he can unsubscribe, will think about it"); the undecided word may stand in another
  // clause, so the gate asks the whole text.
  [/ueberleg|think|undecided|unentschlossen|unsure|unsicher/, /\b(?:fragt[a-z]*|gefragt|wollte wissen|will wissen|asked|asks|wanted to know) (?:, )?(?:ob|wie|if|whether|how) (?:man|er|sie|ich|wir|one|he|she|they|i|we|you) (?:[a-z]+ ){0,3}(?:abbestellen|abmelden|austragen|widersprechen|unsubscribe|opt out|object)(?: (?:kann|koennte|darf|can|could|may))?\b/g],
  // The customer deleted an account of their own: no request to us.
  // Another service's account too, in any tense ("Kd. löscht sein Facebook-Konto", "she is deleting her Instagram account").
  /\b(?:customer|cust|kunde|kundin|he|she|er|sie)\b (?:has |hat |is |ist |will )?(?:deleted|deletes|deleting|geloescht|loescht|loeschte)\b (?:his|her|their|sein|seinen|sein|ihr|ihren) (?:[a-z]+ )?(?:account|konto|app|profil|profile)\b|\b(?:customer|cust|kunde|kundin|er|sie)\b (?:hat|hatte) (?:sein|seinen|ihr|ihren) (?:[a-z]+ )?(?:konto|profil|account) (?:[a-z]+ )?geloescht\b/g,
  new RegExp(`\\b(?:kein|keine|keinen|no|not)\\b (?:[a-z]+ ){0,3}${MARKETING} (?:[a-z]+ )?(?:mehr |more |any more |anymore )?(?:bekommt|bekam|erhaelt|erhielt|received|arrived|arrives|angekommen|ankommt|(?:bekommen|erhalten) (?:hat|habe|hatte|hast))\\b`, 'g'),
  // An old, second or wrong address or number to be deleted, or an app removed: housekeeping, not an objection.
  new RegExp(`\\b(?:loesch[a-z]*|geloescht|delet[a-z]*|eras(?:e|ed|ing)|remov[a-z]*|entfern[a-z]*|streich[a-z]*|merg[a-z]*|zusammenf[a-z]*|(?:do not|dont|no longer|not) (?:[a-z]+ )?(?:use|send to|write to|call)) (?:[a-z]+ )?${STALE_DETAIL}(?: (?:from|aus|im) (?:the |dem |der |our |unserem )?(?:crm|system|database|datenbank|kartei)\\b)?|\\b${STALE_DETAIL} (?:[a-z]+ ){0,4}(?:loesch[a-z]*|geloescht|delet[a-z]*|remov[a-z]*|entfern[a-z]*|streich[a-z]*|(?:nicht mehr|nicht) (?:nutzen|verwenden|benutzen|anschreiben|anrufen))\\b`, 'g'),
  // Payment details to delete ("löschen Sie meine Bankverbindung, ich zahle per Rechnung").
  new RegExp(`\\b(?:loesch[a-z]*|geloescht|delet[a-z]*|remov[a-z]*|entfern[a-z]*) (?:[a-z]+ ){0,2}${PAYMENT_DETAIL}|\\b${PAYMENT_DETAIL} (?:[a-z]+ ){0,4}(?:loesch[a-z]*|geloescht|delet[a-z]*|remov[a-z]*|entfern[a-z]*)\\b`, 'g'),
  // An objection to an invoice or a charge ("Widerspruch gegen die Rechnung").
  // The words between name no marketing or contact ("Widerspruch gegen Werbeanrufe und gegen die Rechnung" stays one).
  [/widersp|einspruch/, new RegExp(`\\b(?:${SERVICE_PAPERS}|${CHARGES})\\b ${NOT_MARKETING_WORD}{0,6}(?:widerspruch|widersprochen|widerspricht|widersprechen|widerspreche|einspruch) (?:eingelegt|erhoben|eingereicht)?|\\b(?:widerspruch|einspruch|widerspricht|widersprochen) ${NOT_MARKETING_WORD}{0,3}(?:gegen|zur|zum|wegen|auf) ${NOT_MARKETING_WORD}{0,2}(?:${SERVICE_PAPERS}|${CHARGES})\\b`, 'g')],
  // An objection to data passed to debt collectors or credit agencies: a dispute, not marketing ("asked if she can object to
  // her data being passed to debt collectors", "der Weitergabe an Inkasso widersprechen").
  [/inkasso|schufa|auskunftei|debt collect|credit (?:check|agenc|reference|bureau)/, /\b(?:object[a-z]*|wi(?:e)?dersp[a-z]*) (?:(?![a-z]*(?:werb|marketing|advertis|kontakt|contact|anruf|calls?\b|mails?\b|newsletter|profiling)[a-z]*\b)[a-z]+ ){0,6}(?:debt collect[a-z]*|inkasso[a-z]*|schufa|auskunftei[a-z]*|credit (?:check|agenc[a-z]*|reference[a-z]*|bureau[a-z]*))\b|\b(?:weitergabe|uebermittlung|passing|transfer) (?:[a-z]+ ){0,3}(?:inkasso[a-z]*|schufa|auskunftei[a-z]*|debt collect[a-z]*|credit (?:agenc|bureau|reference)[a-z]*) (?:[a-z]+ ){0,2}(?:wi(?:e)?dersp[a-z]*|object[a-z]*)\b/g],
  // Consent to something other than marketing, given or withdrawn ("withdrew consent for the credit check", "Einwilligung zur
  // Gesprächsaufzeichnung widerrufen").
  /\b(?:(?:withdr[a-z]*|revok[a-z]*|wi(?:e)?derr[ui]f[a-z]*|gave|given|gives|erteilt[a-z]*) (?:[a-z]+ ){0,2})?(?:[a-z]*einwilligung|zustimmung|consent) (?:for|to|zur|zum|fuer|in) (?:the |a |die |den |das |eine |einer |einen )?(?:[a-z]+ )?(?:credit (?:check|search|reference)s?|bonitaets?pruefung|schufa[a-z]*|direct debit|lastschrift[a-z]*|sepa[a-z]*|(?:call )?recording|[a-z]*aufzeichnung|terms|agb|vertragsaenderung|contract change)\b(?: (?:[a-z]+ ){0,2}(?:widerrufen|zurueckgezogen|withdrawn|revoked|erteilt|given))?/g,
  // A register as a business matter ("fragt, ob wir Interesse an einer Kooperation zur Robinsonliste haben").
  [/tps|mps|fps|dnc|do not call|robinson|sperrliste|sperrdatei|suppression|preference service/, new RegExp(`\\b(?:kooperation|cooperation|partnership|partnerschaft|zusammenarbeit|lizenz[a-z]*|licen[cs]e|interesse an|interest in) (?:[a-z]+ ){0,3}(?:zur|zu|mit der|mit|fuer die|for the|for|with the|on the|with|on) (?:der |the |dem )?${REGISTER}\\b`, 'g')],
  // On a register but glad to keep hearing from us ("she is on TPS … She is happy to keep hearing about offers").
  [/(?<!\b(?:not|nicht|nie|never) )\b(?:happy|glad|willing|gerne?|froh) (?:[a-z]+ ){0,2}(?:to )?(?:keep |continue |still |weiterhin |weiter )(?:hearing|receiving|getting|to hear|to receive|erhalten|bekommen)\b/, new RegExp(`\\b${REGISTER}\\b`, 'g')],
  // Someone else's opt-out ("previous provider ignored his opt-out").
  /\b(?:previous|former|old|other|another|last|vorherige[nmrs]?|fruehere[nmrs]?|alte[nmrs]?|andere[nmrs]?)\b (?:[a-z]+ )?(?:provider|supplier|company|firm|anbieter[a-z]*|versorger[a-z]*|firma|lieferant[a-z]*) (?:[a-z]+ ){0,3}(?:his|her|their|my|seinen|seine|ihren|ihre|meinen|meine|den|die) (?:opt ?outs?|objections?|widerspruch|unsubscrib[a-z]*|abmeldung|werbewiderspruch)\b/g,
  // Deleting one thing, not the customer ("Löschung des Zweitkontos", "deletion of the secondary user login only").
  new RegExp(`\\b(?:loeschung|deletion|erasure|removal) (?:(?:des|der|von|vom|eines|einer|of) )?(?:(?:the|his|her|my|their|a|one|only) )?(?:[a-z]+ )?(?:${PAYMENT_DETAIL}|lastschriftmandat[a-z]*|sepa mandat[a-z]*|(?:zweit|neben|unter|zusatz|test|alt|secondary|additional|extra|second|sub|old)[a-z]*(?: (?:user|nutzer))? ?(?:kontos?|accounts?|logins?|profils?|profiles?|users?|nutzer[a-z]*|karten?|cards?|sim[a-z]*|nummer|numbers?|adressen?|address(?:es)?|e ?mail[a-z]*)\\b|${ONE_THING}(?! (?:und|and|sowie|plus|as well as|,) (?:[a-z]+ ){0,3}(?:daten|data|details|informationen|information|adresse|address|nummer|number)))`, 'g'),
  // A firm struck from a register ("Löschung im HR Stuttgart", "aus dem Handelsregister gelöscht"): no data of a person.
  /\b(?:loeschung|deletion) (?:[a-z]+ ){0,2}(?:im|in|aus dem|from the|in the) (?:hr|handelsregister|register|vereinsregister|firmenbuch|companies register)\b|\b(?:handelsregister|hr|vereinsregister) ?(?:loeschung|geloescht)\b/g,
  // A broken unsubscribe link reported by someone who wants to keep the mail ("Unsubscribe-Link … 404 – möchte den Newsletter
  // aber weiter bekommen").
  [/^(?=[^]*(?:404|broken|kaputt|fehler|error|not working|funktioniert nicht|geht nicht))[^]*(?:keep (?:receiving|getting|it|them)|weiter(?:hin)? (?:bekommen|erhalten|beziehen)|stay subscribed|angemeldet bleiben)/, /\b(?:unsub[a-z]*|abmelde|abmeldungs|opt ?out) ?(?:link|button|knopf|page|seite)s?\b/g],
  // The word used for something else ("said 'unsubscribe' is not working … she meant log out").
  [/\b(?:meant|meinte|gemeint|meaning)\b (?:[a-z]+ ){0,2}(?:log ?out|logout|sign ?out|ausloggen)\b/, /\bunsub[a-z]*\b|\bopt ?out\b/g],
  // A complaint about unsubscribing from a product ("the unsubscribe process for the gym membership").
  /\bunsub[a-z]* (?:process|procedure|button|page|form|function|option) (?:for|of|in|on|from) (?:the |my |his |her |their |a )?(?:[a-z]+ ){0,2}(?:plan|membership|contract|subscription|account|service|app)\b/g,

  /\b(?:remov[a-z]*|delet[a-z]*|uninstall[a-z]*|deinstall[a-z]*|loesch[a-z]*|geloescht) (?:the|your|our|die|eure|ihre) app\b/g,
  // "Is ja nich so, dass ick keene Anrufe will", "it's not that I don't want calls": a contrast, not a wish.
  /\b(?:ist|is|its|it is) (?:ja |doch |halt )?(?:nicht|nich|net|not) (?:so )?(?:, )?(?:dass|das|that|as if) [^,|]*|(?:^|, )(?:nicht|not) (?:dass|that) (?:ich|er|sie|wir|i|he|she|we) [^,|]*/g,
  // Statements and bills are service mail, not marketing ("stop sending paper statements").
  /\b(?:stop|quit|cease) sending (?:me |him |her |us |them )?(?:the |any )?(?:paper |printed )?(?:statements?|invoices?|bills?|receipts?|payment reminders?|kontoauszuege|rechnungen)\b/g,
  // Consent given and wishes for more contact ("stimmt Kontaktaufnahme ausdrücklich zu", "wants more calls from her rep").
  /\b(?:stimmt|stimmen|stimmte|stimmten)\b (?!(?:[a-z]+ ){0,5}(?:nicht|nie|keiner|keinen|keine|kein|nicht mehr)\b)(?:[a-z]+ ){0,5}zu\b/g,
  /(?<!\b(?:not|dont|doesnt|no longer|never|nicht|no|withdr[a-z]*|revok[a-z]*|retract[a-z]*|rescind[a-z]*|cancel[a-z]*)(?: [a-z]+){0,3} )\b(?:agrees?|agreed|consents?|consented|happy) to (?:be(?:ing)? )?(?:contact(?:ed)?|call(?:ed)?|email(?:ed)?|mailed|marketing|offers)\b(?! (?:[a-z]+ |, ){0,3}(?:no longer|withdrawn|revoked|nicht mehr|entzogen|widerrufen|refused|denied)\b)/g,
  /(?<!\b(?:not|dont|doesnt|no longer|never|nicht|no) )\b(?:wuenscht|wuenschen|wuensche|moechte|moechten|will|wants?|would like|asks? for|asked for|bittet um|requests?|requested) (?:sich )?(?:mehr|more|haeufiger[a-z]*|more frequent|regelmaessig[a-z]*|regular|persoenlich[a-z]*|personal|einen|a|an) (?!(?:no|kein|keine|keinen|not|nicht|zero|non) )(?:[a-z]+ )?(?:kontakt[a-z]*|contact|anruf[a-z]*|calls?|besuch[a-z]*|visits?|rueckruf|call ?back|beratung[a-z]*|angebote|offers|deals|newsletters?|infos?|e ?mails|mails)\b/g,
  // A register joined because of other firms, with us named as welcome ("Robinsonliste wegen fremder Firmen – Sie sind nicht
  // gemeint, Ihre Angebote lese ich gern", "registered with the TPS because of cold callers, but you're fine").
  [/tps|mps|fps|dnc|do not call|robinson|sperrliste|preference service/, new RegExp(`\\b${REGISTER}\\b (?:(?:[a-z]+|,) ){0,16}?(?:sie sind nicht gemeint|nicht sie|ihr seid nicht gemeint|nicht (?:ihre|eure) firma|(?:you|youre|you are) (?:not meant|fine|ok|okay|excepted|not included)|not you|(?:ihre|eure|your) (?:angebote|newsletter|mails|e mails|offers|emails|post|katalog|catalogue|catalog|calls|anrufe|briefe|letters|werbung) (?:[a-z]+ ){0,3}(?:gern|gerne|weiter|happy|welcome|willkommen|erwuenscht|like|fine|ok)|happy to hear (?:about|from) (?:your|you)|(?:you|sie|ihr) (?:can|may|koennen|duerfen|koennt|duerft) (?:[a-z]+ )?(?:still|gern|gerne|weiterhin|weiter))\\b`, 'g')],
  // Whether data is deleted by itself ("Is my data deleted automatically after cancellation?"): a question, not a request.
  [/\b(?:automatically|automatisch|von selbst|by itself|nur aus interesse|aus interesse|nur eine frage|just a question|just curious)\b/, /\b(?:is|are|will|would|does|do|werden|wird|ob|wann|when)\b (?:[a-z]+ ){0,2}(?:data|daten|info|information|details)\b (?:[a-z]+ ){0,4}(?:deleted|erased|removed|geloescht|entfernt)\b(?: (?:[a-z]+ )?(?:automatically|automatisch|von selbst|by itself|after|nach)\b)?/g],
  /\b(?:data|daten) (?:[a-z]+ ){0,5}(?:automatically|automatisch) (?:deleted|erased|geloescht)\b|\b(?:will wissen|wollte wissen|wants to know|wanted to know|fragt|fragte|asked|asks|enquired) (?:, )?(?:wann|when|ob|whether|if|how long|wie lange) (?:[a-z]+ ){0,3}(?:data|daten) (?:[a-z]+ ){0,5}(?:deleted|erased|geloescht|entfernt)\b/g,
  // What a catalogue or an advert said ("Hotel entsprach nicht der Beschreibung im Katalog", "the price in the brochure").
  /\b(?:beschreibung|description|angaben?|abbildung|fotos?|bilder?|photos?|pictures?|preis|price|foto)[a-z]* (?:[a-z]+ ){0,2}(?:im|in the|in|aus dem|from the|laut|according to|on the) (?:[a-z]+ )?(?:katalog|prospekt|brochure|catalogue|catalog|flyer|anzeige|ad|advert|werbung|leaflet)\b/g,
  // Someone or some way instead ("Bitte nicht meinen Mann anrufen, sondern mich", "nicht anrufen, sondern schreiben").
  new RegExp(`\\b(?:nicht|not|dont|do not) (?:[a-z]+ ){0,4}(?:${VERB_DE}|${VERB_EN}) (?:, )?(?:sondern|but rather|instead)\\b`, 'g'),
  // Nothing arrives any more ("Seit der Umstellung kommen keine E-Mails mehr an"), calls no longer possible ("Keine Anrufe mehr
  // möglich – Handy gestohlen"): a fault, not a wish.
  /\b(?:kommen|kommt|kam|kamen|gehen|geht|ging|gingen)\b (?:[a-z]+ ){0,2}(?:kein|keine|keinen|nicht|nichts) (?:[a-z]+ ){0,3}?(?:mehr )?(?:an|bei mir an|durch|raus)\b/g,
  /\b(?:kein|keine|keinen|no)\b (?:[a-z]+ )?(?:anrufe?|calls?|e ?mails?|mails|sms|texts?|kontakt|contact) (?:(?:zum|zur|mit|with|to) (?:[a-z]+ )?)?(?:mehr |more |anymore )?(?:moeglich|possible|machbar|erreichbar)\b/g,
  // A feature that does not work ("Can't delete photos from my account gallery", "kann mein Konto nicht löschen").
  /\b(?:cant|cannot|can not|couldnt|could not|unable to|not able to|kann (?:[a-z]+ ){0,3}nicht|konnte (?:[a-z]+ ){0,3}nicht|laesst sich (?:[a-z]+ )?nicht) (?:[a-z]+ ){0,2}(?:delete|remove|erase|unsubscribe|loeschen|entfernen|abmelden|kuendigen)\b/g,
  // Consent given in a verb ("Kunde hat telefonisch in Werbung per Telefon eingewilligt", "hat der Werbung per E-Mail
  // zugestimmt"): no "not", "never" or objection between, nothing withdrawn after.
  [/eingewilligt|zugestimmt/, /\b(?:hat|haben|habe|hatte|hatten) (?:(?!(?:nicht|nie|niemals|kein|keine|keinerlei|keinen|widersp[a-z]*|abgelehnt)\b)[a-z]+ ){0,8}(?:eingewilligt|zugestimmt)\b(?![^]*\b(?:widerr[a-z]*|withdr[a-z]*|revok[a-z]*|zurueckgez[a-z]*|entzogen|nicht mehr|no longer|abgemeldet|aber|jedoch)\b)/g],
  // A registration with a permission beside it ("on the TPS but happy for us to call him").
  /\b(?:tps|mps|robinson ?list[a-z]*|robinsonliste|dnc|do not call (?:list|register)|preference service)\b (?:[a-z]+ ){0,4}(?:but|aber|jedoch|though) (?:[a-z]+ ){0,3}(?:happy|ok|okay|fine|glad|agrees?|agreed|consents?|consented|einverstanden|gerne?|erlaubt|willing|welcome)\b/g,
  // Service papers by another way ("Kontoauszüge nicht mehr per Post, nur noch online", "no more emails with my invoice").
  [/\b(?:per|by|via|as|in|auf) (?:[a-z]+ )?(?:post|mail|paper|papier|papierform|brief|e ?mail|letter)\b/, new RegExp(`\\b(?:${SERVICE_PAPERS}) (?:[a-z]+ ){0,3}(?:nicht mehr|nicht|no longer|not|no more) (?:[a-z]+ )?(?:per|by|as|via|in|auf) (?:post|mail|paper|papier|papierform|brief|e ?mail|letter)\\b`, 'g')],
  new RegExp(`\\b(?:(?:no|not|keine|kein|nicht) )?(?:more |further |mehr |weitere[n]? )?(?:e ?mails?|emails|post|briefe?|letters?|papier|paper|sms|texts?|calls?|anrufe?|rueckrufe?|call ?backs?) (?:mehr |more |anymore |any more )?(?:with|mit|containing|including|for|fuer|about|ueber|zur|zum|zu|on|regarding|wegen|titled|called|named|saying|betreff|subject|mit dem betreff|with the subject) (?:[a-z]+ ){0,2}(?:${SERVICE_PAPERS}|${SERVICE_NOTICES})\\b`, 'g'),
  [/\b(?:per|by|via|as|als|in der) /, new RegExp(`\\b(?:(?:no|not|keine|kein|nicht) )?(?:more |further |mehr |weitere )?(?:${SERVICE_PAPERS}|${SERVICE_NOTICES}) (?:mehr |more |anymore )?(?:per|by|via|as|als|in der) (?:[a-z]+ )?(?:sms|e ?mail|post|brief|text|mail|papier|paper|app)\\b(?: mehr| more| anymore)?`, 'g')],
  // Someone or something sent elsewhere ("don't send the pack to my work, send it home").
  /\b(?:dont|do not|please dont|nicht|bitte nicht) (?:send|mail|post|deliver|ship|schick[a-z]*|send[a-z]*|liefer[a-z]*) (?:[a-z]+ ){0,4}(?:to|an|at|in|zu|ins) (?:my|his|her|the|die|meine|seine|ihre|das|den|der) (?:work|office|arbeit|buero|firma|old|alte[a-z]*|business|company|shop|store|neighbou?r[a-z]*|nachbar[a-z]*)\b(?! (?:[a-z]+ )?(?:or|and|nor|oder|und|noch) (?:[a-z]+ ){0,2}(?:new|neue[a-z]*|current|aktuelle[a-z]*)\b)/g,
  // A question how to object or unsubscribe, the mail kept after ("Kd. fragte, wie man der Werbung widerspricht, will den
  // Newsletter aber weiter bekommen", "asked how to object to marketing, but wants to keep the newsletter").
  // The kept mail is looked for in the whole text (the gate), so it may stand in another clause.
  [/\b(?:fragt[a-z]*|gefragt|wissen|asked|asks|know|enquired|inquired) (?:, )?(?:wie|how) (?:[a-z ,]+ )?(?:weiter(?:hin)? (?:[a-z]+ ){0,2}(?:bekommen|erhalten|beziehen)|behaelt|behalten|keep (?:receiving|getting|the|it|them)|to keep)\b/, /\b(?:fragt[a-z]*|gefragt|wollte wissen|will wissen|asked|asks|wanted to know|wants to know|enquired|inquired) (?:, )?(?:wie|how) (?:[a-z]+ ){0,8}?(?:wi(?:e)?dersp[a-z]*|object[a-z]*|abmeld[a-z]*|unsubscrib[a-z]*|opt out)\b(?: (?:[a-z]+ ){0,3}?(?:kann|koenne|koennte|marketing|werbung|e ?mails|emails|mails|newsletters?)\b)?/g],
  // No answer to our calls or mails ("auf Anrufe keine Reaktion", "no response to our emails", "doesn't answer calls"): silence, not a wish.
  [/reaktion|antwort|response|reply|answer|unbeantwortet|unanswered/, /\b(?:doesnt|does not|didnt|did not|never|wont|will not) (?:answer|pick up|return|reply to) (?:our |the |any |my |his |her )?(?:calls|phone|e mails|emails|mails|messages|letters)\b|\b(?:auf|on) (?:unsere |our )?(?:anrufe|calls|mails|e mails|emails|nachrichten|messages|briefe|letters) (?:[a-z]+ )?(?:keine|no) (?:reaktion|antwort|response|reply|answer)\b|\bno (?:response|reaction|reply|answer) to (?:our |my )?(?:calls|e mails|emails|mails|messages|letters)\b|\b(?:anrufe|calls|e mails|emails|mails) (?:[a-z]+ )?(?:unbeantwortet|unanswered)\b/g],
  // Not called as a record: could not be reached, was not called ("Tel.-Nr. falsch hinterlegt, Kd. konnte deshalb nicht angerufen
  // werden", "Kunde wurde vom Vertrieb nicht angerufen"); not a wish ("möchte nicht angerufen werden").
  [/konnte|wurde|ungueltig|falsch|erreichbar|anschluss|defekt/, /\b(?:konnte|konnten|wurde|wurden)\b (?:(?!(?:moechte|will|wuenscht|bittet|gebeten|soll|darf)\b)[a-z]+ ){0,5}(?:nicht|nie) (?:mehr )?(?:angerufen|zurueckgerufen|kontaktiert|erreicht)\b(?! zu werden)(?: werden)?|\b(?:ungueltig|falsch|nicht erreichbar|kein anschluss|defekt)\b (?:(?:[a-z]+|,) ){0,4}(?:kann|koennen) (?:deshalb |daher |so )?nicht (?:mehr )?(?:angerufen|kontaktiert|erreicht) werden\b/g],
  // A marker negated with marketing allowed beside it ("Customer did not opt out – marketing permitted", "Kein Opt-out – Werbung
  // zulässig").
  [/permitted|allowed|\bok\b|okay|fine|erlaubt|zulaessig|gestattet/, /\b(?:did not|didnt|has not|hasnt|have not|havent|never|not|nie|nicht|kein|keinen|no)\b (?:[a-z]+ ){0,2}?(?:opt(?:ed|s)? ?out|unsubscribed?|abgemeldet|widersprochen|werbewiderspruch|widerspruch|dnc)\b(?= (?:, )?(?:[a-z]+ )?(?:marketing|werbung|contact|kontakt|calls|anrufe)[a-z]* (?:is |ist )?(?:permitted|allowed|ok|okay|fine|erlaubt|zulaessig|gestattet)\b)/g],
  // Advertising not to the old address, the new one on file ("Werbung bitte nicht mehr an die alte Adresse schicken – neue Adresse
  // hinterlegt"): where, not whether; not to the old and the new one alike.
  [/\b(?:alte|old)\b/, new RegExp(`\\b${MARKETING} (?:bitte |please )?(?:nicht|not|no longer) (?:mehr )?(?:an|to) (?:die|meine|der|den|my|the) (?:alte|old)[a-z]* (?:adresse|anschrift|address)[a-z]*\\b(?! (?:[a-z]+ )?(?:or|and|nor|oder|und|noch) )(?: (?:schicken|senden|zusenden|send))?`, 'g')],
  // Taken off a joint or family account ("Removed from joint account after divorce", "aus dem Gemeinschaftskonto entfernt"): the
  // account, not contact.
  [/joint|shared|family|gemeinsam|gemeinschafts|familien|partner/, /\b(?:remov[a-z]*|taken|took|entfernt|ausgetragen|herausgenommen|genommen) (?:[a-z]+ )?(?:from|off|aus) (?:the |a |his |her |their |our |dem |der |einem |seinem |ihrem |unserem )?(?:joint|shared|family|gemeinsam[a-z]*|gemeinschafts[a-z]*|familien[a-z]*|partner[a-z]*) ?(?:[a-z]+ )?(?:account|konto|plan|policy|tarif|vertrag)?[a-z]*\b|\baus (?:dem |der |einem |seinem |ihrem |unserem )?(?:gemeinsam[a-z]* (?:[a-z]+ )?|(?:gemeinschafts|familien|partner)[a-z]*)(?:konto|vertrag|tarif)?[a-z]* (?:[a-z]+ ){0,2}?(?:ausgetragen|austragen|entfernt|entfernen|herausgenommen|genommen)\b/g],
  // A role given up ("remove me as secondary contact", "mich aus dem Familienkonto austragen").
  /\b(?:remov[a-z]*|delet[a-z]*|take) (?:me|him|her|us|them|my [a-z]+) (?:off |from )?as (?:an? |the )?(?:[a-z]+ ){0,2}(?:contact|guarantor|user|holder|signatory|beneficiary|member|admin[a-z]*|director|payer|nominee|driver|person)\b/g,
  /\b(?:mich|ihn|sie|uns) (?:bitte )?als (?:[a-z]+ ){1,2}(?:entfernen|entfernt|austragen|ausgetragen|streichen|gestrichen|loeschen|geloescht)\b/g,
  // A customer who can no longer come ("kann das Studio nicht mehr besuchen").
  /\b(?:kann|koennen|konnte|konnten|kann ich|koennen wir|schaffe|schaffen)\b (?:[a-z]+ ){0,5}(?:nicht|nicht mehr|kaum noch) (?:besuchen|kommen|nutzen|wahrnehmen)\b/g,
  /\b(?:mich|ihn|sie|uns) (?:[a-z]+ ){0,2}aus (?:dem|der|meinem|seinem|ihrem|unserem) (?:[a-z]+ )?[a-z]*(?:konto|vertrag|tarif|account|abo|plan|gruppe|kurs|team)\b (?:[a-z]+ )?(?:austragen|ausgetragen|entfernen|entfernt|nehmen|genommen|streichen|gestrichen)\b/g,
  // A lost relationship, not a request ("Ansprechpartner hat gewechselt, kein Kontakt mehr zum
  // Außendienst", "no contact with the rep since he left") — unless it is wished ("… gewünscht").
  /\b(?:kein|keinen|no)\b (?:[a-z]+ )?(?:kontakt|contact) (?:mehr |more |anymore |any more )?(?:zum|zur|zu|mit|with|to) (?:dem |der |unserem |unserer |ihrem |ihrer |seinem |seiner |the |our |his |her |their )?(?:[a-z]+ )?(?:aussendienst[a-z]*|ansprechpartner[a-z]*|berater[a-z]*|betreuer[a-z]*|vertreter[a-z]*|kundenbetreuer[a-z]*|account manager|rep|representative|sales rep|adviser|advisor|field sales)\b(?! ?,? (?:[a-z]+ ){0,2}(?:gewuenscht|erwuenscht|wanted|desired|please|bitte))/g,
  // Someone else calling ("the competitor's rep won't stop calling"): a complaint about them.
  /\b(?:competitors?|konkurrenz|konkurrent[a-z]*|mitbewerber[a-z]*|wettbewerber[a-z]*|(?:other|another|new) (?:provider|company|supplier)) (?:[a-z]+ ){0,4}(?:wont|doesnt|dont|never|keeps?|kept) (?:stop )?(?:calling|emailing|texting|ringing|mailing|writing)\b/g,
  // An erasure not wanted ("Keine Löschung gewünscht – Kd. möchte das Konto behalten", "please don't delete my account").
  [/loesch|delet|eras/, /\b(?:kein|keine|keinen|no|not|nicht)\b (?:[a-z]+ )?(?:[a-z]*loeschung|deletion|erasure)\b(?: (?:[a-z]+ )?(?:gewuenscht|erwuenscht|gewollt|wanted|requested|noetig|needed|necessary|beantragt))?|\b(?:dont|do not|please dont|not to|nicht) (?:[a-z]+ ){0,2}(?:delete|erase|loeschen)\b/g],
  // Another way of contact asked for ("bitte Kontakt per E-Mail oder SMS", "please use email or text instead of phone calls").
  /\b(?:bitte|please|lieber|rather|preferably|only|nur) (?:use |kontakt |contact |kontaktieren |melden |schreiben |write |reach (?:me|him|her|them|us) )?(?:per |by |via |ueber |through )?(?:e ?mail|email|mail|sms|text|brief|whatsapp|letter|chat|messenger)(?: (?:oder|or|und|and) (?:e ?mail|email|mail|sms|text|brief|post|whatsapp|letter|chat))?\b(?: (?:kontaktieren|kontaktiert werden|melden|schreiben|anschreiben|senden|schicken|zusenden|contact(?:ed)?|reach|write))?(?: (?:instead of|rather than|statt|anstatt|als|than) (?:per |by |via |ueber )?(?:[a-z]+ )?(?:calls?|calling|phoning|anrufe?n?|telefon[a-z]*|post|briefe?|letters?|e ?mails?|sms|texts?)(?: (?:kontaktiert|angeschrieben|angerufen|informiert|benachrichtigt) werden)?)?/g,
  /\b(?:instead of|rather than|statt|anstatt) (?:[a-z]+ )?(?:calls?|calling|phoning|anrufe?n?|telefon[a-z]*)\b/g,
  // A blocking service wanted against other people's calls ("Rufnummernsperre gegen Spam-Anrufe", "a call-blocking feature").
  /\b[a-z]*(?:sperre|filter|schutz|blocker|blockierung)\b (?:gegen|vor) (?:[a-z]+ )?(?:spam|junk|scam|betrug|nuisance|belaestigung)[a-z]*(?: (?:anrufe|calls|mails|e mails|sms))?|\b(?:call|spam|junk|scam|nuisance) ?(?:blocking|blocker|block|filter)[a-z]*\b/g,
  // Calls and mail from others ("spam calls from other firms", "Werbung von anderen Anbietern").
  /\b(?:spam|junk|scam|nuisance|sales|cold|marketing|werbe)? ?(?:calls?|anrufe?|e ?mails?|mails|texts?|sms|letters?|briefe?|werbung|offers?|angebote?)\b (?:from|von|by) (?:other|another|third|different|various|several|andere[a-z]*|verschiedene[a-z]*|fremde[a-z]*|der konkurrenz|the competition|competitors?|rivals?|scammers|betruegern|debt collectors?|inkasso[a-z]*)\b(?: (?:firms|companies|providers|parties|suppliers|firmen|anbietern|unternehmen|party))?/g,
  // A contact detail deleted because it no longer works ("Mobile number deleted – no longer in service").
  [/no longer in service|not in service|invalid|ungueltig|nicht mehr vergeben|bounc|unzustellbar|existiert nicht|gibt es nicht mehr|disconnected|nicht mehr aktiv|kein anschluss|undeliverable|no longer exists|no longer valid/, /\b(?:loesch[a-z]*|geloescht|delet[a-z]*|remov[a-z]*|entfern[a-z]*) (?:[a-z]+ ){0,2}(?:number|nummer|telefonnummer|handynummer|rufnummer|address|adresse|e mail|email|mail)[a-z]*\b|\b(?:number|nummer|telefonnummer|handynummer|rufnummer|address|adresse|e mail|email|mail|e mail adresse|email adresse|mailadresse)[a-z]* (?:[a-z]+ ){0,2}(?:deleted|removed|geloescht|entfernt)\b/g],
  // Lists that are not a marketing list ("take me off the waiting list for the upgrade").
  /(?:\b(?:take|taken|remov[a-z]*|delet[a-z]*|streich[a-z]*|austrag[a-z]*|entfern[a-z]*|nehm[a-z]*|unsub[a-z]*|abgemeldet|abmeld[a-z]*|ausgetragen) (?:[a-z]+ ){0,2})?(?:\b(?:from|off|von|aus) (?:[a-z]+ ){0,3})?(?:\b(?:waiting|wait|guest|pre ?order|priority|reservation|beta|interest|(?:preferred|approved) (?:supplier|vendor)s?|supplier|vendor|short) ?lists?\b|\b(?:warte|gaeste|vormerk|reservierungs|interessenten|teilnehmer)liste[n]?\b)(?: (?:[a-z]+ ){0,2}(?:streichen|gestrichen|entfernen|entfernt|nehmen|genommen|austragen|ausgetragen))?/g,
  // A question about a right for later ("asked if he can object to marketing later on").
  /\b(?:asked|asks|enquired|inquired|wanted to know|wants to know|fragt[a-z]*|gefragt|wollte wissen|will wissen)\b (?:, )?(?:[a-z]+ ){0,2}(?:if|whether|ob|how|wie) (?:[a-z]+ ){0,8}?(?:later|one day|spaeter|jederzeit|irgendwann|eines tages|any time|anytime|at any time)\b(?: (?:[a-z]+ ){0,3}(?:kann|koenne|koennte|darf|moechte|will))?/g,
  // Whether one could object, deferred ("fragt, ob er der Werbung widersprechen kann, will aber erst mal nachdenken").
  /\b(?:fragt[a-z]*|gefragt|wollte wissen|will wissen) (?:, )?(?:ob|wie) (?:er|sie|man|ich) (?:[a-z]+ ){0,6}(?:kann|koenne|koennte|darf)\b(?= (?:(?:[a-z]+|,) ){0,8}?(?:erst mal|erstmal|vorerst|nachdenken|ueberlegen|ueberlegt|noch nicht|spaeter)\b)|\b(?:asked|asks|wanted to know|wants to know|enquired|inquired) (?:if|whether|how) (?:(?:he|she|they|i) (?:can|could|may|might)|to) (?:[a-z]+ ){0,6}(?=(?:(?:[a-z]+|,) ){0,8}?(?:for now|not yet|think about it|decided not|decided against|will think|wants to think)\b)/g,
  // What a register or a right is, how unsubscribing works ("asked what the TPS is", "wie die Abmeldung funktioniert").
  /\b(?:what|was) (?:the |die |der |das |a |an |ein |eine )?(?:tps|mps|dnc|robinson ?list[a-z]*|robinsonliste|opt ?out|widerspruchsrecht|right to object|werbewiderspruch|do not call list|preference service)\b (?:exactly |genau |eigentlich |ueberhaupt )?(?:is|ist|means|bedeutet|heisst|does|macht|bewirkt|bringt)\b|\b(?:how|wie) (?:the |die |der |das )?(?:abmeldung|unsubscrib[a-z]*|opt out|widerspruch|loeschung|deletion)[a-z]* (?:[a-z]+ ){0,3}(?:works|funktioniert)\b/g,
  // The customer's own advertising ("Kein Werbebudget mehr", "Firma macht keine Printwerbung mehr", "our marketing budget was frozen",
  // "all marketing tools cut": software the customer bought, cut with its budget; not "no marketing platform emails").
  /\b[a-z]*(?:werbe|marketing|anzeigen)(?:budget|etat|ausgaben|kosten|agentur|druckerei)[a-z]*\b|\b(?:marketing|advertising|ad) (?:budget|spend|agency)s?\b|\b(?:marketing|werbe) ?(?:tools?|software) (?:cut|gestrichen|gekuendigt|eingespart|dropped|cancelled|canceled)\b|\b(?:macht|machen|schaltet|schalten|betreibt|betreiben|runs?|ran|does|buys?|kauft|bucht|buchen|places?)\b (?:(?:keine|kein|no|nicht mehr|no more|no longer) )(?:(?:print|online|tv|radio|eigene|own|paid|google|facebook) )?(?:[a-z]*werbung|marketing|advertising|anzeigen|ads|inserate|flyer|prospekte)\b/g,
  // Visits that ended when the rep changed ("Seit dem Wechsel des Außendienstlers keine Besuche mehr").
  /\bseit (?:dem|der) (?:wechsel|weggang|abgang|ausscheiden|ruhestand|renteneintritt|tod) (?:des|der|unseres|unserer|ihres|ihrer|vom|von) (?:[a-z]+ )?(?:aussendienst|berater|vertreter|betreuer|ansprechpartner|kundenbetreuer)[a-z]* (?:[a-z]+ ){0,2}(?:kein|keine|keinen) (?:[a-z]+ )?(?:besuch|anruf|kontakt|termin)[a-z]* mehr\b(?! ?,? (?:[a-z]+ ){0,2}(?:gewuenscht|erwuenscht|bitte|please))/g,
  // "Stop calling it unlimited": a name objected to, not a call.
  /\b(?:stop|quit) calling (?:it|that|this|them) (?:an? )?[a-z]+\b/g,
  // Consent on file or confirmed, and no objection to contact ("Einwilligung liegt vor", "double opt-in confirmed",
  // "hat nichts dagegen, angerufen zu werden", "Werbebriefe stören ihn nicht", "I don't mind getting your emails"). Up to
  // nine words between consent and its grant, none of them a "no" ("Hat Einwilligung in Werbung per E-Mail und SMS am
  // Stand erteilt").
  /(?<!\b(?:widerr|withdr|revok|revoc|entzug|entzieh|entzog|no|kein|keine|keinerlei|ohne|without)[a-z]* (?:[a-z0-9]+ ){0,3})\b(?:[a-z]*einwilligung[a-z]*|consent|opt ?in|zustimmung)\b (?:(?!(?:widerr|withdr|revok|revoc|zurueckg|entzog|retract|rescind|gekuendigt|cancel)[a-z]*\b|(?:no|not|never|nie|nicht|longer|kein|keine)\b)[a-z0-9]+ ){0,9}(?:liegt vor|liegen vor|vorhanden|erteilt|gegeben|confirmed|bestaetigt|given|granted|on file|received|renewed)\b(?:(?: (?:,|verbally|verbal|orally|muendlich|schriftlich|telefonisch|in writing|in store|in person|im laden|in der filiale|am telefon|on the phone|on (?:the |a )?call|by phone|per|via|by|for|fuer|and|und|or|oder|the|e ?mail|email|mail|sms|texts?|post|phone|telefon|anrufe?|calls?|whatsapp|push|briefe?|letters?))+(?= ,|$))?(?![^]*\b(?:widerr[a-z]*|withdr[a-z]*|revok[a-z]*|zurueckgez[a-z]*|entzogen|no longer|nicht mehr|opt(?:ed|s)? ?out|abgemeldet|unsubscrib[a-z]*)\b)/g,
  /\b(?:hat |haben )?(?:ausdruecklich )?nichts dagegen\b(?: (?:, )?(?:[a-z]+ ){0,4}(?:zu werden|zu bekommen|zu erhalten))?|\b(?:dont|doesnt|do not|does not) mind (?:[a-z]+ ){0,3}(?:emails?|calls?|letters?|offers?|newsletters?|texts?|hearing from)\b|\b(?:[a-z]*werb[a-z]*|anrufe|e ?mails|briefe|newsletter|post) (?:[a-z]+ ){0,2}stoer(?:t|en) (?:ihn|sie|mich|uns) (?:nicht|ueberhaupt nicht|gar nicht)\b/g,
  // Nothing against advertising ("hat nichts gegen Werbung, war nur zu teuer").
  /\b(?:hat |haben |habe )?(?:ausdruecklich |absolut |gar |eigentlich )?nichts (?:mehr )?gegen (?:[a-z]+ ){0,2}(?:[a-z]*werbung|anrufe|kontakt[a-z]*|e ?mails|post|briefe|newsletter|marketing|angebote)\b/g,
  // Contact that ended, told as what happened, nobody's wish ("Herr Maier vom Außendienst ist weg, seitdem kein Kontakt mehr").
  /(?<!\b(?:will|moechte|wuenscht|wunsch|wants?|wishes|bittet|bat|asked|asks|verlangt|fordert|requests?|requested)\b(?: [a-z]+){0,3} )\b(?:seitdem|seither|since then)\b (?:(?!bitte|please)[a-z]+ ){0,2}?(?:kein|keine|keinen|no) (?:[a-z]+ )?(?:kontakt|contact|besuch|visit|anruf|call|termin|meeting)[a-z]*\b(?![^]*\b(?:gewuenscht|erwuenscht|bitte|please|wanted|wuenscht|will|moechte|wants?)\b)/g,
  // Mail that lands in spam, an action closed ("how to stop our emails landing in junk", "no further action").
  /\b(?:e ?mails?|mails|newsletters?|nachrichten) (?:[a-z]+ )?(?:landing|landen|landeten|going|gehen|landed|ending up|end up) in (?:the |his |her |my |im |dem )?(?:junk|spam)[a-z]*\b|\bno further action\b|\bkeine weiteren (?:schritte|massnahmen|aktionen)\b/g,
  // A call wanted ("asked to be called again", "bittet um Rückruf").
  /(?<!\b(?:not|dont|doesnt|never|no longer|nicht) )\b(?:asked|asks|wants?|wanted|would like|requests?|requested) (?:us )?to be (?:called|contacted|rung|phoned) (?:again|back)\b|\b(?:bittet|bat|gebeten) um (?:einen |erneuten )?rueckruf\b|\b(?:moechte|will|wuenscht|wollte) (?:bitte )?(?:zurueck)?gerufen werden\b/g,
  // Goods no longer to be sent ("Bitte keine Ware mehr schicken, das Abo endet").
  /\b(?:keine|kein|no|nicht) (?:[a-z]+ )?(?:ware|waren|pakete?|kisten?|boxen|produkte|goods|products?|parcels?|boxes|items|meals|lieferungen)\b (?:mehr |more |anymore )?(?:schicken|senden|liefern|zustellen|send|deliver|ship)?/g,
  // Advertising as a topic ("Ihre Werbung verspricht 100 Mbit", "the ad was misleading").
  /\b(?:your |ihre |eure |die |the |der |das )?(?:[a-z]*werbung|advertising|ad|advert|anzeige|prospekt|katalog|flyer|brochure)s? (?:[a-z]+ )?(?:verspricht|versprach|versprochen|promised|promises|claimed|claims|behauptet|behauptete|irrefuehrend|misleading)\b/g,
  // One offer declined, not offers as such ("I don't want the upgrade offer", "brauche das Angebot nicht").
  /\b(?:dont|do not|doesnt|does not|not|nicht|kein|keine|keinen) (?:want|need|wants|needs|moechte|will|brauche|braucht|brauch)? ?(?:the|this|that|your|das|dieses|diese|ihr|euer|ihren|den) (?:[a-z]+ )?(?:offer|angebot|deal|upgrade|discount|rabatt)\b(?! (?:and|or|und|oder|nor|noch)\b)/g,
  // Nothing received, in the perfect ("Hab nie den Rabattcode per E-Mail bekommen", "I have never received your catalogue").
  /\b(?:hab|habe|hat|hatte|hatten|haben|have|has|had|ive|hes|shes)\b (?:[a-z]+ ){0,2}(?:nie|noch nie|keine|keinen|kein|noch keine[n]?|never|not|no) (?:[a-z]+ ){0,5}(?:bekommen|erhalten|gekriegt|gesehen|received|got|gotten|seen)\b/g,
  // Not bothered, no phone any more, no objection on file ("fühlt sich durch unsere Werbung nicht belästigt", "Customer has no
  // phone any more; please use email", "Kein Werbewiderspruch.").
  /\b(?:fuehlt|fuehle|fuehlen|fuehlte) (?:sich|mich|uns) (?:[a-z]+ ){0,4}(?:nicht|nicht mehr|keineswegs|ueberhaupt nicht|gar nicht) (?:belaestigt|gestoert|genervt)\b|\b(?:doesnt|does not|dont|do not) feel (?:[a-z]+ ){0,2}(?:harassed|bothered|pestered)\b/g,
  /\b(?:hat|habe|haben|has|have|had) (?:kein|keine|keinen|no) (?:[a-z]+ )?(?:telefon|phone|handy|mobile|festnetz|landline|e ?mail|email|internet|briefkasten|letterbox)[a-z]* (?:mehr|any more|anymore|any longer)\b/g,
  new RegExp(`^(?:kein|keine|keinen|no) ${OBJECTION_NOUN}$`, 'g'),
  // A card taken off an account ("Zweitkarte aus dem Konto entfernt", "Removed a card from the account").
  /\b[a-z]*(?:karte|cards?|sim)\b (?:[a-z]+ ){0,2}(?:aus|from|vom|von) (?:dem |meinem |seinem |ihrem |the |my |his |her )?(?:[a-z]+ )?(?:konto|kundenkonto|account|profil|profile) (?:entfern[a-z]*|remov[a-z]*|loesch[a-z]*|delet[a-z]*)\b|\b(?:removed|entfernt) (?:a |the |one |eine |die )?(?:[a-z]+ )?(?:card|karte|sim) (?:from|aus|vom) (?:the |dem )?(?:[a-z]+ )?(?:account|konto)\b/g,
  // A block or lock lifted from an account ("Block on account removed after payment received", "Kontosperre aufgehoben").
  /\b(?:block|hold|lock|freeze|suspension|restriction|sperre|sperrung|kontosperre|mahnsperre|liefersperre|zahlungssperre)\b (?:(?:on|of|from|auf|des|der|vom|am) )?(?:(?:the|his|her|dem|der|das|den) )?(?:[a-z]+ )?(?:(?:account|konto|kundenkonto|line|card|sim|anschluss|karte) )?(?:removed|lifted|released|cleared|entfernt|aufgehoben|geloest|freigegeben)\b|\b(?:account|konto|line|card|sim|anschluss|karte) (?:[a-z]+ )?(?:unblocked|unlocked|entsperrt|freigeschaltet|reactivated|reaktiviert)\b/g,
  // Another company's sales people calling ("Switched to BrightNet, now their sales team keeps calling me", "deren Vertrieb ruft
  // ständig an"): a complaint about them.
  /\b(?:their|deren|dessen|(?:the|die|der) (?:new|other|neue[n]?|andere[n]?) (?:provider|company|firm|anbieter|firma)s?|(?:the |die )?(?:competitors?|konkurrenz|konkurrenten)) (?:own )?(?:sales|marketing|call ?cent(?:re|er)|telesales|vertrieb|verkauf|callcenter|reps?|agents?|people|leute|team)[a-z]* (?:(?:team|department|people|abteilung|leute) )?(?:[a-z]+ )?(?:keeps?|kept|wont stop|will not stop|doesnt stop|never stops?|ruft|rufen|nervt|nerven|bombard[a-z]*|spam[a-z]*|hounding|pestering)\b(?: (?:[a-z]+ ){0,3}?(?:calling|ringing|emailing|texting|mailing|an\b|me\b|mich\b))?(?: (?:me|mich|us|uns))?(?: (?:non stop|nonstop|all the time|constantly|staendig|dauernd|andauernd))?/g,
  // No contact with one person when another is asked for ("keinen Kontakt mehr mit Hr. Schulz, bittet um einen anderen Betreuer").
  [/\b(?:ander(?:e|en|er|es)|neue[nr]?|different|another|new) (?:[a-z]+ )?(?:betreuer[a-z]*|berater[a-z]*|ansprechpartner[a-z]*|vertreter[a-z]*|aussendienst[a-z]*|kundenbetreuer[a-z]*|sachbearbeiter[a-z]*|rep|representative|advisor|adviser|account manager|contact person|agent|case ?worker|engineer|techniker)\b/, /\b(?:kein|keine|keinen|no|nicht|not|never)\b (?:[a-z]+ ){0,2}(?:kontakt|contact|anrufe?|calls?|besuche?|visits?|gespraeche?|dealings)[a-z]* (?:mehr |more |anymore |any more )?(?:mit|with|von|from|by|zu|to) (?!(?:uns|us|ihnen|you|euch|your|ihrer|ihrem|eurer|eurem|unserer|unserem|our)\b)(?:[a-z]+ ){0,3}/g],
  // A contact detail not to be used when another is named ("Do not contact the old employer address – use home address").
  [/\b(?:instead|stattdessen|sondern)\b|\b(?:use|try|switch to|nutzen|verwenden|benutzen) (?:the |his |her |my |their |die |seine |ihre |meine )?(?:home|new|private|personal|current|other|mobile|neue|private|aktuelle|andere|handy|privat)[a-z]* ?(?:address|adresse|number|nummer|email|e mail|mail|line|phone)|\b(?:home|new|private|personal|current|neue[nr]?|private[nr]?|aktuelle[nr]?|privat)[a-z]* ?(?:address|adresse|number|nummer|email|e mail|mail|line|phone)[a-z]* (?:[a-z]+ )?(?:nutzen|verwenden|benutzen|use|instead|stattdessen)\b/, /\b(?:do not|dont|please dont|never) (?:contact|call|ring|email|e mail|mail|write to|send (?:anything )?to|text|use) (?:the |his |her |my |their )?(?:[a-z]+ ){0,3}(?:address|number|email|e mail|mail|line|landline|mobile|phone)\b|\b(?:remove|delete|loeschen sie|entfernen sie) (?:my |the |his |her |meine |die )?(?:[a-z]+ )?(?:address|number|email|e mail|mail|adresse|nummer|mailadresse)\b(?= (?:and|und) (?:use|nutzen|verwenden|take|nehmen))|\bnicht (?:mehr )?(?:an|auf|unter) (?:die|der|den|seine|ihre|meine) (?:[a-z]+ ){0,2}[a-z]*(?:adresse|nummer|mail|festnetz|handy)[a-z]* (?:schreiben|schicken|senden|anrufen|kontaktieren)\b/g],
  // A question about unsubscribing, the mail kept ("asked if unsubscribing would also stop her order confirmations … decided to
  // keep getting the offers").
  [/\b(?:asked|asks|wanted to know|wants to know|enquired|inquired|fragt[a-z]*|gefragt|wollte wissen)\b[^]*\b(?:keep (?:getting|receiving) (?:the |our |your )?(?:offers|newsletters?|e ?mails|deals|mails)|(?:stay|remain) subscribed|keep (?:the )?(?:offers|newsletters?)|(?:newsletter|angebote|mails) (?:doch )?(?:behalten|weiter(?:hin)? (?:bekommen|erhalten|beziehen))|angemeldet bleiben)\b/, /\bunsub[a-z]*\b|\bopt(?:ing)? ?out\b|\babmeld[a-z]*\b|\babbestell[a-z]*\b/g],
  // Billing, payments and deliveries stopped ("STOP BILLING ME", "Lieferung einstellen"): the contract, not contact.
  /\b(?:stop|quit|cease)\b (?:[a-z]+ )?(?:billing|charging|debiting|invoicing|taking (?:money|payments?)|(?:the |all |any |my |our )?deliver(?:y|ies|ing)|the (?:direct debit|standing order|payments?|subscription|magazine|paper|newspaper))\b(?: (?:me|us|him|her|them|my [a-z]+))?|\b(?:lieferung|abbuchung|lastschrift|belieferung)(?:en)? (?:[a-z]+ ){0,2}(?:stoppen|einstellen|beenden|aussetzen)\b|\b(?:stoppen|einstellen|beenden) (?:sie )?(?:die |alle )?(?:lieferung|abbuchung|lastschrift|belieferung)(?:en)?\b|\bhoer[a-z]* (?:sie |ihr )?(?:endlich |bitte |doch |jetzt )*auf (?:, )?(?:[a-z]+ ){0,2}(?:geld|abzubuchen|abbuchen|zu berechnen|zu liefern|zu kassieren)\b/g,
  // A time of day excluded, contact otherwise welcome ("Bitte keine Anrufe vor 18 Uhr – danach gerne", "no calls before 9am").
  new RegExp(`\\b(?:kein|keine|keinen|no)\\b (?:[a-z]+ )?(?:anrufe?|calls?|kontakt|contact|besuche?|visits?|sms|texts?) (?:bitte |please )?(?:vor|nach|zwischen|before|after|between|ab|bis|until|till) (?:[0-9]{1,2}(?: [0-9]{2})?(?: ?(?:uhr|h|am|pm|oclock|o clock))?|(?:mittag|noon|midday|mitternacht|midnight|feierabend))\\b(?: (?:und|and|or|oder) [0-9]{1,2}(?: [0-9]{2})?(?: ?(?:uhr|h|am|pm))?)?`, 'g'),
  // A consent field set to yes ("Werbeeinwilligung: JA", "marketing consent = yes").
  /(?<!\b(?:widerr|withdr|revok|revoc|entzug|entzieh|entzog|zurueckgez|no|kein|keine|keinerlei|ohne|without)[a-z]* (?:[a-z0-9]+ ){0,3})\b(?:[a-z]*einwilligung[a-z]*|consent|opt ?in|zustimmung|permission)\b (?:(?!(?:nie|nicht|niemals|not|never|no|nicht mehr|kein|keine)\b)[a-z]+ )?(?:ja|yes|true|aktiv|active)\b(?! (?:bis|until|nein|no|aber|but)\b)(?![^]*\b(?:widerr|withdr|revok|revoc|zurueckgez|entzog|entzieh|retract|rescind)[a-z]*\b)/g,
  [/(?<!\b(?:widerr|withdr|revok|revoc|entzug|entzieh|entzog|zurueckgez|no|kein|keine|keinerlei|ohne|without)[a-z]* (?:[a-z0-9]+ ){0,3})\b(?:[a-z]*einwilligung[a-z]*|consent|opt ?in|zustimmung|permission)\b (?:(?!(?:nie|nicht|niemals|not|never|no|nicht mehr|kein|keine)\b)[a-z]+ )?(?:ja|yes|true|aktiv|active)\b(?! (?:bis|until|nein|no|aber|but)\b)(?![^]*\b(?:widerr|withdr|revok|revoc|zurueckgez|entzog|entzieh|retract|rescind)[a-z]*\b)/, /^(?:(?:marketing|werbe|newsletter|e ?mail|sms) )?(?:[a-z]*einwilligung[a-z]*|consent|opt ?in|zustimmung|permission)$/g],
  // Never unsubscribed, a wrong confirmation ("obwohl er sich nie abgemeldet hat", "though he never unsubscribed", an
  // "unsubscribe confirmed" mail he did not ask for).
  [/\b(?:nie|niemals|never|nicht|not|didnt|did not|hat sich nicht|hasnt|has not)\b (?:[a-z]+ ){0,2}(?:abgemeldet|unsubscribed|opted out|ausgetragen|abbestellt)\b|\b(?:didnt|did not|never) (?:opt out|unsubscribe)\b/, /\b(?:abmeldung|abmelde|unsubscrib[a-z]*|opt ?out)[a-z]* (?:[a-z]+ )?(?:bestaetigt|bestaetigung|confirmed|confirmation|successful|erfolgreich)\b|\b(?:nie|niemals|never|nicht|not|didnt|did not|hasnt|has not)\b (?:[a-z]+ ){0,2}(?:abgemeldet|unsubscribed|opted out|ausgetragen|abbestellt)\b(?: (?:hat|habe|has|have))?|\b(?:didnt|did not|never) (?:opt out|unsubscribe)\b/g],
  // A printed thing wanted in another format ("möchte den Katalog nicht mehr gedruckt, sondern als PDF", "no paper catalogue,
  // send it as a PDF instead"): the same advertising, wanted.
  new RegExp(`\\b(?:(?:will|moechte|wuenscht|wants?|would like)\\b (?:[a-z]+ ){0,2})?${MARKETING} (?:[a-z]+ ){0,2}(?:nicht|not|no longer) (?:mehr |more |anymore )?(?:gedruckt|printed|in print|auf papier|on paper|als papier[a-z]*|per post|by post|in the post|als brief)\\b (?:, )?(?:sondern|but|rather|instead|stattdessen|lieber)\\b|\\b(?:kein|keine|keinen|no)\\b (?:mehr |more )?(?:gedruckte[n]?|paper|printed|papier) ?${MARKETING} (?:[a-z]+ ){0,3}(?:, )?(?:sondern|but|instead|rather|stattdessen|lieber|nur noch|only)\\b(?= (?:[a-z]+ ){0,4}(?:pdf|digital|online|e ?mail|email|per mail|als datei|download))`, 'g'),
  // A closed request ("SAR completed, no further requests").
  /\bno (?:further|more|other) (?:requests?|questions?|queries|issues|concerns|action)\b|\bkeine (?:weiteren|anderen) (?:anliegen|fragen|wuensche|anfragen)\b|\b(?:sar|dsar)\b/g,
  // A register asked about because of others' calls, ours wanted ("fragt, wie man sich in die Robinsonliste einträgt – wegen
  // fremder Werbeanrufe; unsere Infos will er weiter bekommen").
  [/\b(?:fremde[a-z]*|anderer|other (?:firms|companies|callers)|third part[a-z]*|weiter (?:bekommen|erhalten)|keep (?:getting|receiving))\b/, new RegExp(`\\b(?:fragt[a-z]*|gefragt|erkundigt sich|asked|asks|enquired|inquired|wanted to know)\\b (?:, )?(?:[a-z]+ ){0,2}(?:wie|ob|how|whether|if|about) (?:[a-z]+ ){0,5}${REGISTER}(?: (?:[a-z]+ ){0,2}(?:eintraegt|eintragen|einzutragen|kommt|register|join|sign up|signs up))?`, 'g')],
  // Consent fields that read yes, in any separator style ("Werbung: ja / Telefon: ja / E-Mail: ja", "Marketing-Einwilligung:
  // erteilt am 03.05."): a text split at its colons leaves a bare field name, removed too when no field says no.
  [/^(?=[^]*\b(?:ja|yes|y|true|erteilt|granted|given|aktiv|active)\b)(?![^]*\b(?:nein|no|n|off|aus|none|false|nicht|not|never|nie|kein[a-z]*|widerr[a-z]*|withdr[a-z]*|revok[a-z]*|entzogen|zurueckgezogen|opt(?:ed)? out|abgemeldet)\b)[^]*\b(?:[a-z]*einwilligung[a-z]*|consent|opt in|zustimmung|permission|werbung|marketing|newsletter|telefon|phone|e mail|email|sms|post|brief|anrufe?|calls?) (?:[a-z]+ )?(?:ja|yes|y|true|erteilt|granted|given|aktiv|active)\b/, /\b(?:(?:marketing|werbe|newsletter|e mail|email|sms) )?(?:[a-z]*einwilligung[a-z]*|consent|opt in|zustimmung|permission|werbung|marketing|newsletter|telefon|phone|e mail|email|sms|post|brief|anrufe?|calls?)(?: (?:[a-z]*einwilligung[a-z]*|consent|opt in|zustimmung|permission|werbung|marketing|newsletter|telefon|phone|e mail|email|sms|post|brief|anrufe?|calls?))? (?:ja|yes|y|true|erteilt|granted|given|aktiv|active)\b|^(?:(?:marketing|werbe|newsletter|e mail|email|sms) )?(?:[a-z]*einwilligung[a-z]*|consent|opt in|zustimmung|permission|werbung|marketing|newsletter|telefon|phone|e mail|email|sms|post|brief|anrufe?|calls?)(?: (?:[a-z]*einwilligung[a-z]*|consent|opt in|zustimmung|permission|werbung|marketing|newsletter|telefon|phone|e mail|email|sms|post|brief|anrufe?|calls?))?$/g],
  // Consent given, the verb first ("Has given consent to phone marketing").
  [/gave|given|gives|granted|erteilt|gab/, /(?<!\b(?:not|never|nie|nicht|no longer|nicht mehr)(?: [a-z]+)? )\b(?:gave|given|gives|granted|erteilte|erteilt|gab) (?:his |her |their |the |seine |ihre |die )?(?:[a-z]+ )?(?:consent|einwilligung|permission|zustimmung)\b(?: (?:to|for|zu|zur|fuer) (?:[a-z]+ ){0,2}(?:marketing|werbung|calls?|e ?mails?|emails|contact|kontakt|newsletter|anrufe?))?(?![^]*\b(?:withdr|widerr|revok|revoc|zurueckgez|entzog|entzieh|retract|rescind)[a-z]*\b)/g],
  // A line limited with another offered ("bitte nicht auf Festnetz anrufen, nur Handy", "don't call the landline, only mobile").
  [/\bnur (?:noch )?(?:per |auf |aufs |ueber |unter |via |an )?(?:dem |das |die |der |meine |mein )?(?:handy|mobil[a-z]*|festnetz|[a-z]*nummer|[a-z]*adresse|e ?mail)\b|\bonly (?:on |to |via )?(?:my |the |his |her )?(?:mobile|cell|landline|work (?:number|phone|email)|home (?:number|phone|address))\b|\b(?:call|contact|ring|email|text|write to) (?:me|us|him|her) (?:directly|instead|on (?:my|the) (?:mobile|cell|landline))\b/, /\bnicht (?:mehr )?(?:auf|aufs|unter|an) (?:dem |das |der |die |meine |mein |seine |ihre )?(?:festnetz|handy|mobil[a-z]*|diensthandy|[a-z]*nummer|[a-z]*adresse) (?:[a-z]+ )?(?:anrufen|kontaktieren|schreiben|schicken|senden|melden)\b|\b(?:do not|dont|please dont|never) (?:call|contact|ring|email|text|write to) (?:my|his|her|the) (?:landline|mobile|cell|husband|wife|partner|son|daughter|mother|father|mum|mom|dad|parents|kids|children|neighbou?r|colleague|assistant|secretary|landlord|tenant)\b/g],
  // One channel asked for instead of another ("Send me offers by post, not email").
  [/\b(?:post|e ?mail|mail|sms|text|phone|telefon|brief) (?:, )?(?:not|nicht|statt|instead of|rather than)\b/, /\b(?:send|schicken|senden|contact|call|write|email|mail|kontaktieren) (?:me|us|him|her|mir|uns|mich)? ?(?:[a-z]+ ){0,2}(?:by|per|via|ueber) (?:post|email|e mail|mail|sms|text|phone|telefon|brief) (?:, )?(?:not|nicht|statt|instead of|rather than) (?:by |per |via )?(?:post|email|e mail|mail|sms|text|phone|telefon|brief)\b/g],
  // A deletion refused ("Bitte löschen Sie mein Kundenkonto NICHT", "please don't delete my account").
  [/loesch|entfern|streich|\b(?:dont|do not|never) (?:delete|remove|close|erase|cancel)\b/, /\b(?:loesch[a-z]*|entfern[a-z]*|streich[a-z]*) (?:sie |ihr )?(?:bitte )?(?:(?:mein|meine|meinen|sein|seine|seinen|ihr|ihre|ihren|das|die|den) )?(?:[a-z]*konto|profil|account|daten|[a-z]*nummer|[a-z]*adresse) (?:bitte )?nicht\b(?! (?:nur|mehr|erst|bloss)\b)|\b(?:(?:mein|meine|meinen|sein|seine|ihr|ihre|das|die|den) )?(?:[a-z]*konto|profil|account|daten) (?:bitte )?(?:nicht|keinesfalls|auf keinen fall) (?:loeschen|entfernen|schliessen)\b|\b(?:do not|dont|please dont|never) (?:delete|remove|close|erase|cancel) (?:my|his|her|the|our) (?:[a-z]+ )?(?:account|profile|data|details|number)\b/g],
  // A product named like a protection or blocking service ("Zusatzoption Spam-Anruf-Schutz gekündigt", "cancelled the nuisance
  // call blocker add-on").
  [/schutz|filter|block|protect|guard|shield|abwehr/, /\b(?:spam|junk|werbe|werbeanruf|anruf|call|nuisance|nuisance call|robo ?call|scam|phishing)[a-z]*(?: (?:anruf|call|mail|sms)[a-z]*)? ?(?:schutz|filter|blocker|blocking|protection|guard|shield|abwehr)[a-z]*\b/g],
  // Offers that stopped coming, asked about ("fragt, warum er keine Treueangebote mehr bekommt", "Kriege keine Angebote mehr
  // per Mail, war das Absicht?").
  [/warum|wieso|weshalb|why|how come|absicht|versehen|fehler|on purpose|by mistake|intentional|deliberate/, /\b(?:warum|wieso|weshalb|why|how come)\b (?:[a-z]+ ){0,3}(?:kein|keine|keinen|keinerlei|no|nicht mehr|no longer|not)\b (?:[a-z]+ ){0,4}(?:bekommt|bekomme|bekommen|erhaelt|erhalte|erhalten|kriegt|kriege|kriegen|gets|get|getting|receives|receive|receiving|kommt|kommen|come|comes|arrive|arrives)\b|\b(?:bekomme|bekommt|bekam|kriege|kriegt|erhalte|erhaelt|erhielt|get|gets|got|receive|receives|received)\b (?:[a-z]+ )?(?:kein|keine|keinen|no|nicht mehr|no longer|not) (?:[a-z]+ ){0,3}(?:mehr|more|anymore|any more)(?: (?:per|by|via) [a-z]+)?/g],
  // A service visit not announced ("Techniker hat nicht vorher angerufen", "the engineer didn't call ahead").
  [/techniker|monteur|engineer|technician|fitter|installer|kurier|courier|driver|fahrer|handwerker|zusteller|plumber|electrician|elektriker/, /\b(?:techniker|monteur|engineer|technician|fitter|installer|kurier|courier|driver|fahrer|handwerker|zusteller|plumber|electrician|elektriker)[a-z]* (?:[a-z]+ ){0,4}(?:nicht|nie|ohne) (?:[a-z]+ )?(?:vorher|vorab|zuvor) (?:[a-z]+ )?(?:angerufen|anzurufen|anrufen|gemeldet|angekuendigt|bescheid)\b|\b(?:techniker|monteur|engineer|technician|fitter|installer|kurier|courier|driver|fahrer|handwerker|zusteller|plumber|electrician|elektriker)[a-z]* (?:[a-z]+ ){0,4}(?:didnt|did not|never|not|without|doesnt|does not) (?:call|calling|ring|ringing|phone|phoning|text|texting|calls|rings) (?:[a-z]+ )?(?:ahead|beforehand|first|in advance)\b/g],
  // An objection to a fee, a charge, a price or a bill ("objected to the engineer's call-out fee").
  [/object/, new RegExp(`\\bobject(?:s|ed|ing|ion)? (?:to|against) (?:the |a |an |his |her |their |our |this |that |any |your )?${NOT_MARKETING_WORD}{0,2}(?:call ?out |callout )?(?:fees?|charges?|prices?|pricing|bills?|invoices?|increases?|surcharges?|costs?|tariffs?|rates?|penalt(?:y|ies)|${SERVICE_PAPERS})\\b`, 'g')],
  // Someone taken off a shared account or a family plan ("Remove me from the joint account").
  [/joint|shared|family|business|household/, /\b(?:remov[a-z]*|take|taken|delete|deleted) (?:me|him|her|us|them) (?:off |from )(?:the |our |my |his |her |their )?(?:joint|shared|family|business|household) (?:account|plan|contract|policy|tariff|konto|vertrag)\b/g],
  // A question answered no ("Rückruf unerwünscht? Nein, gern.").
  [/(?:erwuenscht|gewuenscht|wanted) (?:nein|no)\b/, /\b[a-z]+ (?:un|nicht )?(?:erwuenscht|gewuenscht|wanted) (?:nein|no) (?:, )?(?:gern|gerne|bitte|please|welcome|gladly)\b/g],
  // No erasure asked for ("nur zur Info, kein Löschantrag", "no erasure request made").
  /\b(?:kein|keinen|no) (?:[a-z]+ )?(?:loeschantrag|loeschauftrag|loeschungsantrag|loeschwunsch|erasure request|deletion request)\b/g,
  // A register asked about and answered ("fragt, ob wir die Robinsonliste abgleichen. Auskunft gegeben, kein Widerspruch",
  // "asked about the do-not-call registry for his father, general advice given"), whether one is on it ("ob ich auf der
  // Robinsonliste stehe", "asked if the Do Not Call list applies to existing customers – explained, no action requested"): a
  // question, no objection.
  [/auskunft|general|given|kein widerspruch|no objection|father|mother|parent|relative|vater|mutter|eltern|explain|erklaert|erlaeutert|no action|keine aktion|nothing requested/, new RegExp(`^(?=[^]*\\b(?:fragt[a-z]*|gefragt|asked|asks|enquired|inquired|gehoert|heard)\\b)(?=[^]*${REGISTER})(?=[^]*\\b(?:allgemeine auskunft|auskunft gegeben|auskunft erteilt|info(?:rmation)? given|general (?:advice|info[a-z]*)|advice given|kein widerspruch|no objection|(?:explained|erklaert|erlaeutert) (?:, )?(?:no action (?:requested|needed|required|taken)|nothing (?:requested|to do)|keine (?:aktion|massnahme)[a-z]* (?:gewuenscht|erforderlich|noetig)|nichts (?:veranlasst|zu tun|gewuenscht))|(?:for|fuer) (?:his|her|their|my|seine[nmr]?|ihre[nmr]?|meine[nmr]?) (?:[a-z]+ ){0,2}(?:father|mother|parents?|mum|mom|dad|relative|grandmother|grandfather|grandparents|vater|mutter|eltern|oma|opa|angehoerige[n]?))\\b)(?![^]*\\b(?:aber|but) (?:[a-z]+ ){0,3}(?:keine|no|nicht|never|nie)\\b)[^]*$`, 'g')],
  [/\b(?:ob|whether|if)\b/, new RegExp(`\\b(?:ob|whether|if) (?:ich|er|sie|wir|i|he|she|we|they) (?:(?:[a-z]+ ){0,3}${REGISTER} (?:stehe|steht|stehen|bin|ist|sind|eingetragen)|(?:is|am|are|was) (?:still )?(?:on|in) (?:the )?${REGISTER})\\b|\\b(?:ob|whether|if) (?:the |die |der |das |a )?${REGISTER} (?:[a-z]+ ){0,2}?(?:applies|apply|covers|cover|gilt|gelten|greift|betrifft|affects|includes)\\b(?![^]*\\b(?:add|added|adding|put|eintragen|eingetragen|aufnehmen|aufgenommen|setzen)\\b)`, 'g')],
  // An unsubscribe thought of and given up ("wollte den Newsletter abbestellen, hat es sich aber anders überlegt", "thought about
  // unsubscribing, decided to stay").
  [/anders ueberlegt|umentschieden|doch nicht|decided|changed (?:his|her|my|their) mind/, /\b(?:wollte|wollten|wanted to|thought about|thought of|considered|ueberlegte)\b (?:sich )?(?:[a-z]+ ){0,4}(?:abbestellen|abmelden|austragen|kuendigen|unsubscrib[a-z]*|opt(?:ing)? out)\b(?=(?: [a-z]+| ,){0,10} (?:anders ueberlegt|umentschieden|doch (?:nicht|behalten|weiter|dabei)|decided to (?:stay|keep)|decided against|changed (?:his|her|my|their) mind)\b)/g],
  // Consent given, recorded or dated ("Einwilligung in Telefonwerbung am 03.04. erteilt (Aufzeichnung liegt vor)", "consent to
  // phone marketing given on 12/05, call recording on file"): a permission on file, unless withdrawn somewhere in the text. The
  // model reads a sentence cut at the date ("… am 03."): the consent up to that date goes too.
  [/^(?![^]*\b(?:widerr|withdr|revok|revoc|zurueckgez|entzog|entzieh|retract|rescind)[a-z]*\b)[^]*\b(?:erteilt|eingeholt|given|granted|obtained)\b/, /(?<!\b(?:widerr|withdr|revok|revoc|entzug|entzieh|entzog|zurueckgez|no|kein|keine|keinerlei|ohne|without|nicht|not)[a-z]* (?:[a-z0-9]+ ){0,3})\b(?:[a-z]*einwilligung[a-z]*|consent|zustimmung|permission|opt in)\b (?:(?!(?:nicht|not|no|nie|never|niemals|kein[a-z]*|longer|widerr[a-z]*|withdr[a-z]*|revok[a-z]*|entzogen|zurueckgezogen)\b)[a-z0-9]+ ){0,7}(?:(?:erteilt|eingeholt|gegeben|given|granted|obtained)\b(?: (?:[a-z0-9]+ ){0,3}(?:aufzeichnung|recording|mitschnitt)[a-z]* (?:liegt vor|vorhanden|on file|available|saved|gespeichert))?|[0-9]+$)/g],
  // An objection to an official or a court's decision ("Widerspruch gegen den Mahnbescheid eingelegt", "Einspruch gegen den
  // Vollstreckungsbescheid", "objection against the court order"): a legal remedy, not an objection to contact.
  [/bescheid|beschluss|urteil|verfuegung|court|payment order|order for payment|judg|ruling|\bfine\b|penalty/, new RegExp(`\\b(?:widerspruch|einspruch|widerspricht|widersprochen|objection|objected|appeal(?:ed)?) ${NOT_MARKETING_WORD}{0,3}(?:gegen|against|to) ${NOT_MARKETING_WORD}{0,2}(?:[a-z]*bescheid[a-z]*|[a-z]*beschluss|urteil|[a-z]*verfuegung|court order|payment order|order for payment|judgm?ent|ruling|fine|penalty notice)\\b(?: (?:eingelegt|erhoben|eingereicht|lodged|filed|raised|submitted))?`, 'g')],
  // No time to talk, another way asked for ("No time for long calls, please email me the details instead", "Keine Zeit für lange
  // Telefonate, bitte per Mail").
  [/no time|keine zeit/, /\b(?:no time|keine zeit) (?:for|fuer|zum|zu|to) (?:[a-z]+ ){0,2}(?:calls?|anrufe?|telefonate?n?|telefonieren|gespraeche?n?|chats?|talks?|talk)\b/g],
  // An internal note that says it is no customer's request ("Internal DPO note: … (not a customer request)", "… (kein Kundenwunsch)").
  [/\b(?:(?:not|no) (?:a |an )?(?:customer|client) (?:request|wish|instruction)|kein(?:e)? (?:kundenwunsch|kundenauftrag|kundenanfrage|anfrage des kunden|wunsch des kunden))\b/, /^[^]*$/g],
  // Not to be stopped, to be kept ("Kündigung bitte nicht auf den Newsletter ausweiten, den will ich behalten", "cancel the
  // contract but not the newsletter, I'd like to keep receiving that"); the writer keeps it ("den können Sie behalten" is no wish).
  [/behalten|keep|weiter (?:bekommen|erhalten|beziehen|lesen)|lese ich gern/, /\b(?:nicht|not)\b (?:[a-z]+ ){0,4}(?:newsletter[a-z]*|[a-z]*magazin[a-z]*|magazines?|mailings?|[a-z]*katalog[a-z]*|catalog(?:ue)?s?|prospekte?|leaflets?|flyers?) (?:(?:[a-z]+|,) ){0,4}?(?:(?:ich|i|id|wir|we|ill|well) (?:[a-z]+ ){0,3}?(?:behalten|keep|weiter (?:bekommen|erhalten|beziehen|lesen))|lese ich gerne?)\b/g],
  // Someone else's sticker ("Mein Nachbar hat einen 'Bitte keine Werbung'-Aufkleber", "the flat next door has a 'No advertising'
  // sign"), or objection ("Meine Nachbarin hat der Werbung widersprochen, ich nicht"): not the writer's objection.
  [/nachbar|neighbou?r/, /\b(?:nachbar[a-z]*|neighbou?rs?)\b (?:(?:[a-z]+|,) ){0,8}?, (?:(?:aber|but) )?(?:ich (?:aber |selbst )?(?:nicht|nie)|not me|i (?:have not|havent|did not|didnt))\b/g],
  [/nachbar|neighbou?r|next door|nebenan/, /\b(?:nachbar[a-z]*|neighbou?rs?|next door|nebenan)\b (?:[a-z]+ ){0,4}(?:bitte |please )?(?:kein|keine|no)\b (?:[a-z]+ ){0,2}?(?:[a-z]*werbung|reklame|junk(?: mail)?|advertising|adverts|flyers|leaflets|prospekte|post|mail|einwurf)\b (?:[a-z]+ )?(?:aufkleber|sticker|schild|sign|label|notice)\b/g],
  // A wrong or someone else's number removed by staff ("Falsche Nummer hinterlegt – angerufene Person ist nicht Kunde. Nummer
  // entfernt", "Wrong number on file … Number removed"): housekeeping, not a request ("I want my number removed" stays one).
  [/(?<!\b(?:not a|kein[e]?) )\b(?:falsche|wrong|fremde)[a-z]* (?:[a-z]+ )?(?:nummer|number)|nicht (?:der |die |dem )?kunde|not (?:the |our )?customer|kennt den kunden nicht|(?:someone|somebody) else/, /(?<!\b(?:want|wants|wanted|please|bitte|will|moechte|have|get|lassen|demand[a-z]*|verlang[a-z]*)\b (?:[a-z]+ ){0,3})\b(?:telefon|handy|mobil|ruf)?(?:nummer|number) (?:[a-z]+ ){0,2}?(?:entfernt|geloescht|gestrichen|removed|deleted)\b/g],
  // One place or line swapped for another ("stop calling her at work and use her mobile instead", "nicht mehr auf der Arbeit
  // anrufen, sondern auf dem Handy"): contact wanted elsewhere.
  [/instead|stattdessen|sondern|rather/, /\b(?:stop|dont|do not|not|never)\b (?:[a-z]+ )?(?:calling|ringing|phoning|emailing|texting|mailing|contacting|call|ring|phone|email|text|contact)\b (?:(?:me|him|her|us|them) )?(?:(?:at|on|to|in) )?(?:(?:my|his|her|the|their|our) )?(?:work|office|desk|workplace|job|landline)(?: (?:number|phone|address|email|e mail|line))?\b(?= (?:(?:[a-z]+|,) ){0,8}?(?:instead|rather)\b)(?! (?:(?:[a-z]+|,) ){0,8}?at all\b)|\b(?:nicht|nie) (?:mehr )?(?:auf|in|bei|im|am) (?:der |dem |die )?(?:arbeit|buero|arbeitsplatz|firma|dienststelle|arbeitsstelle|festnetz|dienstnummer|diensthandy) (?:[a-z]+ ){0,2}?(?:anrufen|anzurufen|an|kontaktieren|anschreiben|anmailen)\b(?= (?:, )?(?:[a-z]+ ){0,2}?(?:sondern|stattdessen|lieber)\b)(?! (?:, )?(?:[a-z]+ ){0,3}?(?:gar nicht|ueberhaupt nicht|nirgends)\b)/g],
  // Opt-out options offered by a bot or a menu ("The chatbot kept offering me options to opt out of things"): no request.
  [/bot\b|bots\b|assistant|assistent|sprachcomputer|automated|automatisch|\bivr\b|\bmenu/, /\b(?:offer[a-z]*|suggest[a-z]*|showed|shows|options?|angeboten|vorgeschlagen|optionen?)\b (?:[a-z]+ ){0,4}?(?:opt ?outs?|unsubscrib[a-z]*|abmeld[a-z]*|abbestell[a-z]*)\b(?: (?:options?|optionen|links?|buttons?|choices))?|\b(?:opt ?out|unsubscribe|abmelde|abmeldungs|abbestell)[a-z]* ?(?:options?|optionen|links?|buttons?|choices)\b/g],
  // No contact received for a long time, a complaint ("No contact from you in two years, then a price rise", "Zwei Jahre lang
  // kein Kontakt von Ihnen"): not a wish ("no contact for two years please" stays one).
  [/year|jahr|month|monat|week|woche|ages/, new RegExp(`\\b(?:no|kein|keine|keinen|not a single|nicht ein(?:en|e)?|zero)\\b (?:[a-z]+ )?${CONTACT} (?:(?:from|von) (?:you|ihnen|euch) (?:(?:in|for|over|seit|in den|ueber|since) )(?:(?:the |den |die |last |past |letzten |vergangenen )?)(?:[a-z0-9]+ )?|(?:in|seit) (?:the |den )?(?:last |past |letzten |vergangenen )?(?:[a-z0-9]+ )?)(?:years?|jahre[n]?|months?|monate[n]?|weeks?|wochen|ages)\\b(?! (?:(?:[a-z]+|,) ){0,2}(?:please|bitte|pls|thanks|danke))|\\b(?:[a-z0-9]+ )?(?:jahre|jahr|monate|monat|wochen) (?:lang )?(?:kein|keine|keinen)\\b (?:[a-z]+ )?${CONTACT} (?:von|from) (?:ihnen|euch|you)\\b(?! (?:(?:[a-z]+|,) ){0,2}(?:please|bitte|pls|thanks|danke))`, 'g')],
  // Nothing received, in the simple past ("I never got any emails from you", "I never received any texts from you").
  [/\b(?:never|nie)\b/, new RegExp(`\\b(?:never|nie) (?:ever )?(?:got|received|bekam|erhielt|kriegte) (?:(?:any|a single|irgendwelche|einen|eine|ein) )?(?:[a-z]+ )?(?:${CONTACT}|${MARKETING})\\b`, 'g')],
  // Giving no more, not a wish about mail ("No more donations from me this year", "Keine Spenden mehr möglich").
  [/donat|spende|contribution/, /\b(?:no|keine|keinen|kein) (?:more |further |mehr |weitere[n]? )?(?:donations?|spenden|spende|contributions?)\b(?! (?:requests?|appeals?|letters?|calls?|mails?|e ?mails?|emails|asks?|post|mailings?|briefe?|aufrufe?|anrufe?|texts?)\b)(?: (?:mehr|more))?(?: (?:from|von) (?:me|him|her|us|mir|ihm|ihr|uns))?/g],
  // One way of contact preferred to another, contact wanted ("Kd. möchte lieber per E-Mail statt per Post kontaktiert werden",
  // "Would rather be contacted by text than by phone"): a preference, not a channel refused.
  [/lieber|eher|bevorzug|rather|prefer|liebsten/, new RegExp(`\\b(?:lieber|eher|bevorzugt|bevorzugen|rather|prefers?|preferred|preferably|am liebsten)\\b (?:[a-z]+ ){0,3}?(?:per|by|via|ueber|through|on) (?:[a-z]+ )?${CHANNEL} (?:statt|anstatt|als|than|rather than|instead of) (?:per |by |via |ueber |on |through )?(?:[a-z]+ )?${CHANNEL}\\b(?: (?:kontaktiert|angeschrieben|angerufen|informiert|benachrichtigt|erreicht) werden| kontaktieren)?`, 'g')],
  // A call that did not come, a complaint ("beschwert sich, dass der Techniker nicht angerufen hat", "weil sie nicht zurückgerufen
  // wurde", "der Berater hat trotz Zusage gestern nicht angerufen"): not a wish ("will nicht angerufen werden").
  [/angerufen|zurueckgerufen|gemeldet|kontaktiert|angeschrieben|angemailt/, /\b(?:nicht|nie|niemals) (?:mehr |vorher |vorab |zurueck |rechtzeitig |wie vereinbart |wie versprochen )?(?:angerufen|zurueckgerufen|kontaktiert|angeschrieben|angemailt|gemeldet) (?:hat|haben|hatte|hatten|hast|habt|wurde|wurden|worden)\b|\b(?:hat|haben|hatte|hatten) (?:(?!(?:moechte|will|wuenscht|bittet|soll|sollen|darf|wollte|moechten|wollen|mag|gesagt|bitte|gebeten|verlangt)\b)[a-z]+ ){0,5}(?:nicht|nie|niemals) (?:vorher |vorab |zurueck |rechtzeitig )?(?:angerufen|zurueckgerufen|gemeldet)\b(?! (?:zu )?werden\b)/g],
  // A detail deleted by staff, the reason after: a duplicate, an outdated or a wrong one ("Adresse gelöscht, da doppelt angelegt",
  // "Address deleted as it was a duplicate", "Deleted the address, it was a duplicate entry"): housekeeping; not a deletion asked
  // for ("Bitte meine Adresse löschen, da …" is no past participle).
  [/doppelt|duplicat|dublett|duplikat|veraltet|outdated|out of date|falsch|wrong|incorrect|fehlerhaft|ungueltig|invalid|obsolete|twice|zweimal|bounce|unzustellbar|undeliverable/, new RegExp(`(?<!\\b(?:want|wants|wanted|please|bitte|will|moechte|wuenscht|asked|asks|requested|verlangt|demands?|demanded) (?:[a-z]+ ){0,3})\\b(?:${DELETED_DETAIL} (?:[a-z]+ ){0,2}?(?:geloescht|entfernt|gestrichen|deleted|removed|erased|purged)|(?:geloescht|entfernt|gestrichen|deleted|removed|erased|purged) (?:the |die |den |das |a |an |one |eine[nm]? |ein )?(?:[a-z]+ )?${DELETED_DETAIL}) (?:, )?(?:(?:da|weil|denn|because|as|since|wegen|it|es|sie|er|war|was|is|ist|wurde|of|a|an|als|ein|eine|einer|zu) ){0,4}(?:[a-z]+ )?(?:doppelt|duplicate[sd]?|dublette[n]?|duplikat|veraltet|outdated|out of date|falsch|wrong|incorrect|fehlerhaft|ungueltig|invalid|obsolete|entered twice|zweimal|bounced|unzustellbar|undeliverable)\\b`, 'g')],
  // Contact that was not made, as a record ("No calls from sales reps were logged last quarter", "Außendienst hat keine Anrufe mehr
  // gemacht, Kunde ist verärgert", "Sales reps have made no visits this year"): what happened, not a wish; "keine Anrufe mehr
  // gemacht werden" is one.
  [/logged|recorded|made|protokolliert|dokumentiert|gemacht|getaetigt|durchgefuehrt/, /(?<!\b(?:wants?|wanted|wish|wishes|moechte|will|wuenscht|bitte|please|asks?|asked|requests?|requested) (?:[a-z]+ ){0,2})\b(?:no|kein|keine|keinen)\b (?:[a-z]+ )?(?:[a-z]*anrufe?|[a-z]*besuche?|calls?|visits?|contact|[a-z]*kontakt[a-z]*|e ?mails?|emails|mails|mailings?|letters?|briefe?|texts?|sms|attempts?|[a-z]*versuche?) (?:mehr |more )?(?:(?:[a-z]+ ){0,4}?(?:were|was|wurden|wurde|have been|has been|had been) )?(?:logged|recorded|made|protokolliert|dokumentiert|gemacht|getaetigt|durchgefuehrt)\b(?! (?:zu )?werden\b| (?:[a-z]+ ){0,2}(?:please|bitte|gewuenscht|erwuenscht)\b)|\b(?:made|paid|logged|recorded) (?:no|zero) (?:[a-z]+ )?(?:calls?|visits?|contact|e ?mails?|emails|letters?|texts?|attempts?)\b(?! (?:[a-z]+ ){0,2}please\b)/g],
  // A marketing or contact preference not recorded yet, to be asked ("No marketing preference recorded yet - ask at next contact",
  // "Keine Werbepräferenz hinterlegt, beim nächsten Kontakt erfragen"): a gap in the data, not a wish; "No-marketing preference
  // recorded" says nothing is to be asked and stays one.
  [/\byet\b|so far|bisher|\bnoch\b|erfrag|nachfrag|abfrag|klaer|\bask\b|to be asked|to be confirmed/, /\b(?:noch )?(?:no|kein|keine|keinen)\b (?:[a-z]+ )?(?:marketing ?|werbe|kontakt|contact |communication |kommunikations|channel |kanal)?(?:praeferenz(?:en)?|preferences?|consent|einwilligung|opt in|choice|auswahl)\b(?: (?:[a-z]+ ){0,2}?(?:recorded|on file|set|captured|given|stated|noted|hinterlegt|erfasst|angegeben|vermerkt|gesetzt|bekannt|known))?(?: (?:yet|so far|bisher)\b|(?= (?:, )?(?:[a-z]+ ){0,3}?(?:erfragen|nachfragen|abfragen|klaeren|ask (?:at|on|during|next|when|the|customer|them|him|her)|to be (?:asked|confirmed|checked))\b))|\b(?:noch|bisher) (?:no|kein|keine|keinen)\b (?:[a-z]+ )?(?:marketing ?|werbe|kontakt|contact |kommunikations)?(?:praeferenz(?:en)?|preferences?|consent|einwilligung|opt in|choice|auswahl)\b(?: (?:[a-z]+ ){0,2}?(?:recorded|on file|set|captured|given|stated|noted|hinterlegt|erfasst|angegeben|vermerkt|gesetzt|bekannt|known))?/g],
  // Test or duplicate records cleaned up by staff ("Löschung der Testdatensätze im System durchgeführt", "Deleted test records
  // from the CRM"): housekeeping, not the customer's data.
  [/test|dummy|demo|dublett|duplikat|duplicate|doppelt/, /\b(?:(?:loeschung|deletion|removal|bereinigung)(?: (?:der|von|of|aller|all))?(?: (?:the|den|die|alle|all))? |(?:deleted|removed|purged|geloescht|entfernt|bereinigt) (?:the |all |die |den |alle )?)?(?:test|dummy|demo|dubletten?|duplikat|duplicate[sd]?|doppelte[nr]?)[a-z]* ?(?:datensaetze|datensatz|daten|eintraege|eintrag|records?|entries|entry|accounts?|konten|konto|kundenkonten|kundendaten|profile?|data)\b(?: (?:[a-z]+ ){0,3}?(?:geloescht|entfernt|bereinigt|deleted|removed|purged)\b)?(?: (?:from|aus|im|in) (?:the |dem |der |unserem |our )?(?:crm|system|database|datenbank|kartei)\b)?/g],
  // Advertising of others or on a screen ("Die Werbung von XY in Filmen nervt", "the competitor's adverts in films are annoying",
  // "Werbung im Fernsehen nervt", "fed up with the pop-up ads on your website"): a remark, not about our contact.
  [/konkurren|competitor|mitbewerber|wettbewerber|film|movie|kino|cinema|fernseh|\btv\b|television|radio|pop ?up|banner|web|site|app\b|portal/, new RegExp(`\\b(?:(?:pop ?up|banner|display|in app|video) ${SCREEN_ADS}(?: (?:on|in|auf|im) (?:the |your |our |ihrer |unserer |der |dem )?(?:website|webseite|site|app|portal|page|seite|homepage))?|${SCREEN_ADS} (?:on|in|auf|im) (?:the |your |our |ihrer |unserer |der |dem )?(?:website|webseite|site|app|portal|page|seite|homepage)|(?:competitors?|konkurrenz|konkurrenten|konkurrent|mitbewerber[a-z]*|wettbewerber[a-z]*)(?: s)? (?:[a-z]+ )?${SCREEN_ADS}|${SCREEN_ADS} (?:(?:der|von der|von|vom|of|from|by) (?:the |a |den |dem |einem |einer )?(?:competitors?|konkurrenz|konkurrenten|konkurrent|mitbewerber[a-z]*|wettbewerber[a-z]*)|(?:(?:der|von der|von|vom|of|from|by) (?:[a-z]+ ){1,2})?(?:in|im|on|vor|auf|bei|during) (?:the |den |dem |der |die )?(?:films?|filmen|movies?|kino|cinema|fernsehen|tv|television|radio|serien|series|kinofilmen|spielfilmen)))\\b`, 'g')],
  // A question explained, nothing asked for ("… – erklärt, keine Aktion gewünscht", "explained, no action requested").
  [/erklaert|erlaeutert|explained/, /\b(?:erklaert|erlaeutert|explained) (?:, )?(?:keine (?:aktion|massnahme)[a-z]* (?:gewuenscht|erforderlich|noetig)|no action (?:requested|needed|required|taken)|nothing (?:requested|to do)|nichts (?:veranlasst|zu tun|gewuenscht))\b/g],
  // Another company's opt-out that failed, the reason to come to us ("The opt-out form on BrightNet's website didn't work, that's
  // why he switched to us", "Abmeldeformular der Konkurrenz funktioniert nicht, deshalb zu uns gewechselt"); ours broken stays one,
  // and so does one followed by a request ("competitor cheaper. Cust says the unsubscribe link is broken – please remove her").
  [/competitor|konkurren|mitbewerber|wettbewerber|switched to us|zu uns gewechselt|zu uns gekommen|now with us|jetzt bei uns|(?:old|previous|former) provider|(?:alten|frueheren|vorherigen) anbieter/, /(?<!\b(?:your|ihr|ihre|ihren|ihrem|ihrer|euer|eure[nmr]?|our|unser[a-z]*) )\b(?:opt ?out|unsubscrib[a-z]*|abmelde[a-z]*|abmeldungs[a-z]*|abbestell[a-z]*)(?: ?(?:form|formular|link|button|page|seite|option)[a-z]*)?\b(?: (?!(?:your|ihr|ihre|ihrem|ihren|ihrer|eure[mnr]?|eurer|our|unser[a-z]*)\b)[a-z]+){0,5} (?:didnt work|did not work|doesnt work|does not work|not working|broken|failed|funktioniert(?:e)? nicht|ging nicht|kaputt|defekt)\b(?! (?:, )?(?:[a-z]+ ){0,2}?(?:please|pls|kindly|bitte)\b)/g],
  // Contact missed, not refused ("No contact from sales rep in 6 months", "kein Rückruf vom Berater seit drei Wochen").
  /\b(?:no|kein|keine|keinen) (?:contact|kontakt|call|calls|anruf|rueckruf|callback|call back|response|antwort|reply) (?:from|vom|von|zum|zur|des|der|by) (?:[a-z]+ ){0,3}(?:in|for|since|seit|within|over|in den letzten|in the last|during) (?:[a-z0-9]+ ){0,2}(?:months?|weeks?|days?|years?|monaten?|wochen?|tagen?|jahren?)\b/g,
  // Another contact person asked for ("will nicht mehr vom bisherigen Betreuer angerufen werden, bitte anderen
  // Ansprechpartner zuweisen", "doesn't want to be called by that rep again, please assign a new account manager").
  [/\b(?:anderen|neuen|andere|neue|another|a different|a new|new) (?:[a-z]+ )?(?:ansprechpartner|betreuer|berater|kundenberater|kundenbetreuer|vertreter|contact person|account manager|rep|representative|advisor|adviser|agent)\b/, /\b(?:nicht mehr|no longer|not|dont|doesnt|do not|does not) (?:want to be )?(?:[a-z]+ ){0,2}(?:vom|von|by|from) (?:[a-z]+ ){0,2}(?:betreuer|berater|vertreter|ansprechpartner|account manager|rep|representative|advisor|adviser|agent)[a-z]* (?:[a-z]+ ){0,2}(?:angerufen|kontaktiert|betreut|besucht|called|contacted|visited|handled)(?: werden| again)?\b/g],
  // A consent described as valid ("Verified marketing consent – double opt-in confirmed", "gültige Werbeeinwilligung"):
  // nothing withdrawn after.
  /(?<!\b(?:no|not|kein|keine|ohne|without|nicht)\b (?:[a-z]+ ){0,2})\b(?:verified|confirmed|valid|bestaetigte|gueltige|vorliegende) (?:[a-z]+ )?(?:consent|[a-z]*einwilligung|opt in|permission)\b(?![^]*\b(?:widerr[a-z]*|withdr[a-z]*|revok[a-z]*|zurueckgez[a-z]*|entzogen|no longer|nicht mehr|opt(?:ed|s)? ?out|abgemeldet|unsubscrib[a-z]*)\b)/g,
  // Asking to be put on a list ("Kunde möchte wieder in den E-Mail-Verteiler aufgenommen werden", "wants to be added to
  // the newsletter again"): no "not" before it.
  [/aufgenommen|eingetragen|angemeldet|added|put back/, /(?<!\b(?:nicht|nie|not|never|longer|kein|keine|dont|doesnt)\b (?:[a-z]+ ){0,4})\b(?:in|auf|zum|zur|into|onto|on|to) (?:den |die |das |the |our |unseren |unsere |ihren |ihre |your )?(?:[a-z]+ ){0,2}(?:verteiler|newsletter|mailingliste|mailing list|email list|e mail list|kontaktliste)[a-z]* (?:[a-z]+ ){0,2}?(?:aufgenommen|eingetragen|angemeldet|added|put back)(?: werden| zu werden)?\b(?![^]*\b(?:widerr[a-z]*|withdr[a-z]*|revok[a-z]*|abgemeldet|ausgetragen|unsubscrib[a-z]*|removed|entfernt)\b)/g],
  // Money not to be taken ("buchen Sie nichts mehr von meiner Karte ab", "stop charging my card"): a payment, not contact.
  [/ab\b|abbuch|abzieh|einzieh|charg|debit|bill/, /\b(?:buchen|ziehen) (?:sie )?(?:bitte )?(?:nichts|kein geld|keine beitraege|keine betraege) mehr (?:[a-z]+ ){0,4}ab\b|\bnichts mehr (?:[a-z]+ ){0,3}(?:abbuchen|abziehen|einziehen)\b|\b(?:stop|dont|do not|no more) (?:charging|debiting|billing) (?:me|my (?:card|account|credit card))\b/g],
  // An objection marker set to no ("Werbewiderspruch: nein", "DNC: no", "Kontaktsperre: keine", "Opt-out: none"): the field
  // read, no objection — unless a channel or "more" follows ("DNC: no calls", "Widerspruch: keine Werbung"). The whole text
  // decides (the model reads "Werbewiderspruch:" and "nein" as two parts); the marker goes where it ends a part or the no follows.
  [/\b(?:[a-z]*werbewiderspruch|widerspruch(?: (?:gegen )?(?:werbung|marketing))?|[a-z]*werbesperre|kontaktsperre|sperrvermerk|dnc|do not (?:contact|call|mail|email)|opt ?out|(?:marketing |advertising )?objection(?: to (?:marketing|advertising|contact))?)(?: (?:gesetzt|set|vermerkt|flag|status|marker|eingetragen|field|feld))? (?:nein|no|n|false|none|keine|kein|0|off|aus)\b(?! (?:mehr|more|longer|further|weiteren?|anrufe?|calls?|werbung|werbe[a-z]*|e ?mails?|emails|mails?|sms|texts?|briefe?|letters?|post|kontakt[a-z]*|contact[a-z]*|marketing|advertising|thanks|danke|way|visits?|besuche?|newsletter|offers?|angebote?)\b)/, /\b(?:[a-z]*werbewiderspruch|widerspruch(?: (?:gegen )?(?:werbung|marketing))?|[a-z]*werbesperre|kontaktsperre|sperrvermerk|dnc|do not (?:contact|call|mail|email)|opt ?out|(?:marketing |advertising )?objection(?: to (?:marketing|advertising|contact))?)(?: (?:gesetzt|set|vermerkt|flag|status|marker|eingetragen|field|feld))?(?= ?$| (?:nein|no|n|false|none|keine|kein|0|off|aus)\b(?! (?:mehr|more|longer|further|weiteren?|anrufe?|calls?|werbung|werbe[a-z]*|e ?mails?|emails|mails?|sms|texts?|briefe?|letters?|post|kontakt[a-z]*|contact[a-z]*|marketing|advertising|thanks|danke|way|visits?|besuche?|newsletter|offers?|angebote?)\b))/g],
  // A product declined ("I do not want that model", "wir wollen den Tarif nicht").
  /\b(?:do not|dont|did not|didnt|does not|doesnt) want (?:that|this|the|a|an|your new|the new) (?:[a-z]+ )?(?:model|phone|handset|device|tariff|plan|product|upgrade|bundle|package|router|contract|car|version)\b/g,
  // Round on Z5, Z6 and Z7 (2026-12-06): near misses read as kinds.
  // A marker lifted by the customer ("Kd. hatte Werbesperre, hebt diese jetzt auf"); not "hebt … nicht auf".
  [/hebt|heben|hob\b|hoben|lift/, new RegExp(`(?:\\b${OBJECTION_NOUN}\\b (?:(?:[a-z]+|,) ){0,4}?)?\\b(?:hebt|heben|hob|hoben) (?:(?!(?:nicht|nie|kein|keine|keinen)\\b)[a-z]+ ){0,3}?auf\\b|\\b(?:lifted|lifts|lifting) (?:the |his |her |their |its )?(?:[a-z]+ )?(?:block|ban|bar|sperre|objection|opt out|dnc)\\b`, 'g')],
  // Contact allowed ("Kd. darf kontaktiert werden", "customer may be contacted", "Kontakt erlaubt"); no negation before or between.
  [/darf|duerfen|may|can\b|kann|erlaubt|zulaessig|allowed|permitted/, /(?<!\b(?:nicht|not|no|kein|keine|never|nie|nor)\b (?:[a-z]+ ){0,2})\b(?:darf|duerfen|may|can|kann|koennen)\b (?:(?!(?:nicht|not|no|kein|keine|keinen|keinem|keinesfalls|never|nie|niemals|nur|only|under)\b)[a-z]+ ){0,3}?(?:kontaktiert|angerufen|angeschrieben|contacted|called|emailed|phoned)\b(?: werden)?|(?<!\b(?:nicht|not|no|kein|keine|never|nie)\b (?:[a-z]+ )?)\b(?:kontakt|anruf|contact|calls?|marketing|werbung)[a-z]* (?:ist )?(?:erlaubt|zulaessig|allowed|permitted)\b/g],
  // A register mentioned or asked about, our offers still wanted in the text ("Kd. hat Robinsonliste erwähnt, möchte von uns aber
  // weiterhin Angebote", "mentioned the TPS but still wants our offers"); "… möchte keine Angebote mehr" has no such wish.
  [/(?:\b(?:will|moechte|wuenscht|wants?|would like)\b (?:(?!(?:kein|keine|keinen|nicht|no|not|never|nie)\b)[a-z]+ ){0,3}?(?:weiterhin|still|nach wie vor)|\b(?:weiterhin|still) (?:wants?|will|moechte|wuenscht))\b (?:(?!(?:kein|keine|keinen|nicht|no|not|never|nie)\b)[a-z]+ ){0,5}?(?:[a-z]*angebote|offers|deals|werbung|newsletter|infos|mails|e ?mails)\b/, new RegExp(`\\b${REGISTER}\\b(?: (?:[a-z]+ )?(?:erwaehnt|mentioned|angesprochen|brought up))?`, 'g')],
  // Consent not withdrawn ("Kd. hat Einwilligung nicht widerrufen, Anruf war korrekt", "has not withdrawn consent").
  [/widerr|withdr|revok|zurueckgez|entzogen/, /\b(?:[a-z]*einwilligung|consent|[a-z]*zustimmung|permission)[a-z]* (?:[a-z]+ ){0,2}?(?:nicht|nie|niemals|never|not) (?:widerrufen|withdrawn|revoked|zurueckgezogen|entzogen)\b|\b(?:not|never|hasnt|havent|didnt|nicht|nie) (?:[a-z]+ )?(?:withdrawn|withdraw|revoked|revoke|widerrufen|zurueckgezogen|entzogen) (?:(?:his|her|their|the|die|seine|ihre) )?(?:[a-z]*einwilligung|consent|[a-z]*zustimmung|permission)[a-z]*\b/g],
  // A block list on one's own phone or router against others' calls ("Sperrliste im Router erklärt", "set up the block list on his phone").
  [/router|fritz|handy|phone|telefon|mobil|geraet|device/, /\b(?:[a-z]*sperrliste|block ?list|black ?list|call blocking list)[a-z]* (?:(?:im|in|am|auf|on) (?:der |dem |the |his |her |their |my |seinem |ihrem )?)(?:[a-z]+ )?(?:router|fritz ?box|handy|phone|smartphone|telefon|mobile|iphone|android|geraet|device)[a-z]*\b|\b(?:router|fritz ?box|handy|phone|smartphone|telefon|mobile|iphone|android)s? (?:[a-z]+ )?(?:sperrliste|block ?list|black ?list)\b/g],
  // An online login to be deleted, the contract kept ("möchte sein Online-Konto löschen, Vertrag bleibt bestehen").
  [/vertrag|contract|policy|police|tarif|bleibt|stays|remains|weiter/, /\b(?:online|web|app|portal|kundenportal|login) ?(?:account|konto|zugang|profile|profil) (?:[a-z]+ ){0,2}?(?:loeschen|schliessen|entfernen|delete|close|remove)[a-z]*\b|\b(?:delete|close|remove|loeschen|schliessen|entfernen) (?:(?:his|her|their|my|the|sein|ihr|das|den) )?(?:online|web|app|portal|kundenportal|login) ?(?:account|konto|zugang|profile|profil)\b/g],
  // An account deleted by a retention rule or as a duplicate login ("Account deleted after 24 months of inactivity per retention
  // policy", "Account deleted at customer request (duplicate login)").
  [/inactiv|inaktiv|retention|loeschfrist|aufbewahrungsfrist|loeschkonzept|duplicat|dublett|duplikat|doppelt/, /\b(?:[a-z]*account|[a-z]*konto|login|zugang|profil|profile)[a-z]* (?:[a-z0-9]+ ){0,6}?(?:deleted|closed|removed|purged|merged|geloescht|entfernt|geschlossen|zusammengefuehrt)\b/g],
  // A physical card or paper copy no longer sent ("Cust asked to stop the physical card being sent", "keine Plastikkarte mehr").
  [/physical|plastic|paper|printed|plastik|papier/, /\b(?:stop(?: sending)?|no more|keine|nicht mehr) (?:the |a |an |my |his |her |die |eine )?(?:physical|plastic|paper|printed|plastik|papier)[a-z]* ?(?:card|karte|statements?|bills?|invoices?|cop(?:y|ies)|rechnung|kontoauszu[a-z]*)[a-z]*\b(?: (?:being sent|mehr zusenden|zusenden|mehr))?/g],
  // Contact too rare, a complaint ("our reps don't visit often enough").
  [/enough|genug/, /\b(?:dont|doesnt|do not|does not|didnt|did not|never|not|nicht) (?:[a-z]+ ){0,3}?(?:often|frequently|regularly|oft|haeufig|regelmaessig) (?:enough|genug)\b/g],
  // A detail deleted in error ("Address deleted in error, re-entered").
  [/in error|by mistake|mistaken|accident|versehentlich|irrtuemlich|versehen/, new RegExp(`\\b${DELETED_DETAIL} (?:[a-z]+ ){0,2}?(?:deleted|removed|geloescht|entfernt) (?:in error|by mistake|accidentally|mistakenly|by accident)\\b`, 'g')],
  // Contact details updated ("removed his secondary email address from the profile", "no longer uses this email, update contact details").
  [/secondary|second|old|alternative|backup|spare|work|update|new|change|replace|correct/, /\b(?:removed|deleted) (?:his |her |their |the |a |an )?(?:secondary|second|old|alternative|backup|spare|work) (?:e ?mail|email|phone|mobile|number|address)(?: address| number)?\b|\bno longer (?:uses|use|using|has|checks) (?:this|that|the|his|her|their) (?:e ?mail|email|number|phone|mobile|address)(?: address| number)?\b(?= (?:(?:[a-z]+|,) ){0,4}?(?:update|new|change|replace|correct)[a-z]*\b)/g],
  // Consent meant to be given ("Kunde wollte die Werbeeinwilligung erteilen, das Formular hat aber nicht funktioniert").
  [/wollte|wanted|tried|meant|versucht/, /\b(?:wollte|wollten|versuchte|versucht)\b (?:[a-z]+ ){0,3}?(?:[a-z]*einwilligung|[a-z]*zustimmung|opt in)[a-z]* (?:[a-z]+ )?(?:zu )?(?:erteilen|geben|abgeben)\b|\b(?:wanted|tried|meant) to (?:give|grant|provide|opt in)\b(?: (?:[a-z]+ ){0,2}?(?:consent|permission|opt in)\b)?/g],
  // No entry in a register ("Keine Eintragung in der Robinsonliste vorhanden, Kontakt erlaubt", "No entry on the TPS").
  [/tps|mps|fps|dnc|do not call|robinson|sperrliste|sperrdatei|suppression|preference service|block ?list|black ?list/, new RegExp(`\\b(?:keine|kein|no|ohne|without) (?:eintragung|eintrag|entry|listing|registration|registrierung) (?:(?:vorhanden|found) )?(?:in|auf|on|im) (?:der |die |dem |the |a )?(?:[a-z]+ )?${REGISTER}\\b`, 'g')],
  // A call not answered ("No answer, no voicemail set up. Will email instead.", "Mailbox voll").
  [/answer|voicemail|mailbox|anrufbeantworter|abgenommen|antwort|message|nachricht/, /\b(?:no answer|no reply|not answered|keine antwort|nicht abgenommen|niemand abgenommen|nobody answered)\b|\b(?:no|keine|kein) (?:voicemail|voice mail|mailbox|answerphone|anrufbeantworter)\b(?: (?:set up|eingerichtet|available|vorhanden|full|voll))?|\b(?:voicemail|voice mail|mailbox) (?:is |ist )?(?:full|voll)\b|\bleft no (?:message|voicemail)\b|\bkeine nachricht hinterlassen\b/g],
  // A STOP or an unsubscribe by accident ("Cust replied STOP by accident and wants to get the texts again").
  [/accident|mistake|error|versehen|irrtum/, /\b(?:(?:replied|reply|texted|sent|clicked|pressed|hit) )?(?:stop|unsubscribe|unsubscribed|opt ?out|opted out)\b (?:[a-z]+ )?(?:by accident|accidentally|by mistake|in error|mistakenly)\b/g],
  // Not to be transferred or put on hold ("asked not to be transferred again, wants one point of contact").
  [/transfer|hold|weiterverbunden|weitergeleitet|durchgestellt|warteschleife/, /\b(?:not|nicht|dont|do not|never|no more) (?:[a-z]+ ){0,3}?(?:transferred|transfers?|on hold|weiterverbunden|weitergeleitet|durchgestellt|warteschleife)\b(?: (?:again|werden|mehr|wieder))*(?: (?:, )?(?:wants?|will|moechte) (?:one|a single|a fixed|einen festen|einen) (?:point of contact|contact person|ansprechpartner))?/g],
  // An objection against a dunning notice or an official order, the object first ("hat gegen den Mahnbescheid Widerspruch eingelegt").
  [/bescheid|mahnung|beschluss|urteil|verfuegung|forderung|rechnung|abbuchung|lastschrift|bussgeld|strafbefehl/, /\bgegen (?:den |die |das |einen |eine |ein )?(?:[a-z]+ )?(?:[a-z]*bescheid[a-z]*|[a-z]*mahnung[a-z]*|[a-z]*beschluss|urteil|[a-z]*verfuegung|forderung|[a-z]*rechnung|abbuchung|lastschrift|bussgeld[a-z]*|strafbefehl) (?:[a-z]+ ){0,2}?(?:widerspruch|einspruch)\b(?: (?:eingelegt|erhoben|eingereicht))?/g],
  // Mail that stopped arriving, asked after ("No promo emails since March, customer asking where the discount codes went",
  // "Seit Mai keine Newsletter mehr, Kd. fragt, wo die Gutscheine bleiben"); gated by the question in the whole text.
  [/\b(?:where|wo|why|warum|wieso|weshalb|missing|vermisst|fehlen)\b/, /\b(?:no|keine|kein|keinen) (?:[a-z]+ ){0,2}?(?:since|seit) [a-z0-9]+\b|\b(?:since|seit) (?:[a-z0-9]+ ){1,2}?(?:no|keine|kein|keinen) (?:[a-z]+ ){1,2}?(?:mehr|more|anymore)\b/g],
  // A way of contact the customer lacks ("Kd. hat keine E-Mail-Adresse, bitte nur per Post kontaktieren", "has no mobile").
  [/\b(?:hat|has|have|besitzt) (?:kein|no)/, /\b(?:hat|has|have|besitzt) (?:keine|kein|keinen|no) (?:e ?mail|email|handy|mobile|mobil|telefon|phone|festnetz|landline)[a-z]*(?: (?:adresse|address|nummer|number|phone))?\b/g],
  // Removed as a holder of an account ("asked to be removed as a joint account holder").
  [/holder|signatory|signer|payer|guarantor/, /\b(?:remov[a-z]*|taken off|delet[a-z]*) as (?:an? |the )?(?:[a-z]+ ){0,2}(?:holder|signatory|co ?signer|payer|guarantor)\b/g],

];

/**
 * Normalised text without the words that record there is no objection (NO_OBJECTION). A guard's
 * gate reads the whole text (context) when a sentence of it is guarded: "keinen Kontakt mehr mit
 * Hr. Schulz. Bittet um einen anderen Betreuer" asks for another person in its second sentence.
 */
function withoutNoObjection(normalised: string, context = normalised): string {
  // The rules and the model read the same text one after the other: the guards run once.
  if (normalised === lastGuarded.input && context === lastGuarded.context) return lastGuarded.output;
  const output = NO_OBJECTION.reduce((t, guard, k) => (!GUARD_PREFILTER.mayRun(k, t, context) ? t : guard instanceof RegExp ? t.replace(guard, ' , ') : guard[0].test(context) ? t.replace(guard[1], ' , ') : t), normalised);
  lastGuarded = { input: normalised, context, output };
  return output;
}
let lastGuarded = { input: '', context: '', output: '' };
// Only the guards and rules whose literals a text holds run on it (prefilter.ts): the same answers, sooner.
const GUARD_PREFILTER = new Prefilter(NO_OBJECTION);
const RULE_PREFILTER = new Prefilter(RULES);

const GLUED = /keine?werbung|keinewerbeanrufe|keinkontakterwuenscht|donot(?:contact|call|mail|email)|nomarketing|nomorecalls|werbewi(?:e)?derspruch|stop(?:calling|contacting|emailing|mailing|texting)/;

/**
 * The learned model's log-odds at or below which a rule's match is overruled ("No DNC flag on
 * file", "kein Widerspruch gegen Werbung vermerkt"), and above which the model finds an
 * objection the rules missed. Chosen by cross-validation across the labelled sets, recall
 * first (docs/objections-accuracy.md).
 */
export const OBJECTION_VETO = -6;
export const OBJECTION_ALONE = 0.75;

/** The shipped weights, decoded at the first reading (or handed over by the thread that decoded them). */
let weights: FeatureTable | undefined;
let model: ObjectionModel | undefined;

/** The shipped model's weights as shared memory, decoded once: a worker thread is given them (useObjectionWeights) instead of decoding its own. */
export function objectionWeights(): FeatureTable {
  return (weights ??= decodeObjectionWeights(OBJECTION_WEIGHTS));
}

/** Reads with the weights another thread decoded (objectionWeights), before the first text is read here. */
export function useObjectionWeights(shared: FeatureTable): void {
  if (model === undefined) weights = shared;
}

function objectionModel(): ObjectionModel {
  return (model ??= objectionModelOf(OBJECTION_BIAS, objectionWeights()));
}

/**
 * Texts that take the detector through its rules, its guards and its model, each read twice
 * with different words so that every regular expression runs at least twice: a thread calls
 * warmObjectionRules when it wants the rules compiled then, under its own settings
 * (src/engine/regexp-code.ts). One- and two-byte strings (the dash), as cells come.
 */
const WARM_TEXTS: readonly string[] = [
  'Preis zu hoch, Wettbewerber günstiger',
  'price too high – switched to a cheaper provider',
  'Kunde bittet: keine Werbung mehr per E-Mail, Newsletter "Wir vermissen Sie" abmelden',
  'customer asked if unsubscribing stops invoices; no calls before 9am, will sue K E I N E',
  'Einwilligung erteilt, dann widerrufen – versehentlich wieder angemeldet, Anwalt droht bei erneutem Anruf',
  'moved abroad, account closed. Stop emailing my husband / he passed away',
];

/** Reads WARM_TEXTS, twice over, without the caches: the rules' regular expressions are compiled now. */
export function warmObjectionRules(): void {
  // Every rule, not only those a warm text's literals let through, is compiled under the thread's settings.
  withoutPrefilter(() => {
    for (const round of ['', ' x']) for (const text of WARM_TEXTS) readObjectionText(text + round);
  });
}

const NO_PHRASES: readonly string[] = [];
/** The objection phrase found in a free-text field, or undefined when there is none. */
export function findObjectionPhrase(text: string | undefined, extraPhrases: readonly string[] = NO_PHRASES): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  // One entry per text for both readers (text-answers.ts): a row's second ask finds it by identity.
  let found = answersOf(text)?.objection;
  if (found === undefined) found = readShaped(text);
  if (found !== null || extraPhrases.length === 0) return found ?? undefined;
  const padded = ` ${normaliseObjectionText(text)} `;
  return normalisedPhrases(extraPhrases).find((needle) => padded.includes(` ${needle} `));
}

/**
 * The objection the rules (and the config's phrases) find in the cells of columns no field
 * claims, each cell read on its own: such cells are mostly short values ("Werbung per Post ok",
 * "Herbstaktion", "Gold"), where the learned model, made for sentences about the customer,
 * reads a channel's name as an objection. The rules read a "Werbesperre", a "DNC" or a "keine
 * Werbung mehr" there as anywhere.
 */
export function findObjectionInCells(cells: string | undefined, extraPhrases: readonly string[] = NO_PHRASES): string | undefined {
  if (cells === undefined) return undefined;
  for (const cell of cells.split(CELL_SEPARATOR)) {
    if (cell.trim() === '') continue;
    const found = cellRuling(cell);
    if (found !== null) return found;
    if (extraPhrases.length === 0) continue;
    const padded = ` ${normaliseObjectionText(cell)} `;
    const extra = normalisedPhrases(extraPhrases).find((needle) => padded.includes(` ${needle} `));
    if (extra !== undefined) return extra;
  }
  return undefined;
}

// A row's cells are asked about up to three times (the reader, the duplicate check, permission), and such columns
// repeat their values (a branch, a region): each distinct cell is read by the rules once (~12 µs), as long as the table holds.
const cellCache = new Map<string, string | null>();

/** The rules' reading of one cell (null: none), kept in cellCache. */
function cellRuling(cell: string): string | null {
  let found = cellCache.get(cell);
  if (found !== undefined) return found;
  const normalised = normaliseObjectionText(cell);
  found = (RENEWED.test(normalised) ? undefined : (retentionOnly(normalised) ?? objectionRuleIn(cell, normalised))) ?? null;
  if (cellCache.size >= READ_CACHE_LIMIT) cellCache.clear();
  cellCache.set(cell, found);
  return found;
}

/** How a row's unmapped cells are joined into one text (domain/read/row-convert.ts). */
export const CELL_SEPARATOR = ' | ';

/** The detector's answer for a text (null: no objection), without any cache. */
export function readObjectionText(text: string): string | null {
  const normalised = normaliseObjectionText(text);
  // A consent withdrawn and given again: neither the rules nor the model read an objection in it.
  if (RENEWED.test(normalised)) return null;
  // Data kept only for a retention duty: blocked as an objection is, whatever the model reads.
  const kept = retentionOnly(normalised);
  if (kept !== undefined) return kept;
  const rule = objectionRuleIn(text, normalised);
  // A wish for contact and nothing else ("Werbung erwünscht"): the model, which reads "Werbung" as a sign of objection, is not asked.
  if (rule === undefined && CONTACT_WANTED.test(normalised) && !NOT_ONLY_WANTED.test(normalised)) return null;
  return combineObjection(rule, readObjection(objectionModel(), objectionModelTokens(text, normalised))) ?? null;
}

// A text that only says contact is wanted ("Werbung erwünscht", "Kd. wünscht Werbung per Post",
// "wants marketing emails", "Anrufe ok"): a subject, a wish, what is wanted and how, a yes.
const WANTED_WHAT = '(?:werbung|werbepost|angebote|newsletter|anrufe|kontakt|post|briefe|e ?mails|mails|marketing(?: e ?mails| mails| post| calls)?|offers|calls|promotions)';
const WANTED_HOW = '(?: (?:per|via|by|ueber) (?:post|brief|briefpost|e ?mail|mail|telefon|phone|telephone|letter))?';
const CONTACT_WANTED = new RegExp(
  `^(?:(?:der |die )?(?:kunde|kundin|kd|customer|cust|client) )?` +
    `(?:(?:wuenscht|moechte|will|wants|would like|likes|mag|hat gerne|moechte gerne|wuenscht sich) (?:(?:gerne|gern|weiterhin|weiter|still|more|auch|also) )?${WANTED_WHAT}${WANTED_HOW}(?: (?:erhalten|bekommen|receive|get))?` +
    `|${WANTED_WHAT}${WANTED_HOW}(?: (?:ist|sind|is|are))? (?:(?:ausdruecklich|gerne|gern|weiterhin|very|sehr) )?(?:erwuenscht|gewuenscht|ok|okay|ja|erlaubt|willkommen|welcome|wanted|yes|allowed|fine))$`,
);
// A wish with a restriction or a negation beside it is read as any text ("Werbung nur per Post erwünscht", "Werbung nicht erwünscht").
const NOT_ONLY_WANTED = /\b(?:nicht|nichts|kein[a-z]*|nie|niemals|nein|no|not|never|nur|only|sonst|except|ausser|but|aber|mehr)\b|\bun[a-z]*(?:erwuenscht|gewuenscht|wanted|welcome)\b/;

/** The phrase the rules find in a text: in the whole (objectionByRules) or as a sentence of its own (bareSentence). */
export function objectionRuleIn(text: string, normalised = normaliseObjectionText(text)): string | undefined {
  return objectionByRules(normalised) ?? bareSentence(text, normalised);
}

// A sentence or clause that is nothing but a request ("Laut Kd. sind unsere Mails Spam. Austragen!", "Kd. sagt nur:
// abmelden!", "Preis zu hoch. Keine Anrufe!"). Most texts have none of these words: then nothing is split.
const BARE_ACTION_GATE = /austrag|abmeld|abbestell|streich|l(?:ö|oe|o)sch|unsub|remove me|take me off|opt me out|delete me|\bstopp?\b/i;
const BARE_WORD_GATE = /kein|\bno\b|\bzero\b|\bnull\b|object|widersp/i;
const BARE_ACTION =
  /^(?:(?:customer|cust|kunde|kundin|kd|client|says|sagt|said|only|nur|please|bitte|sofort|immediately|now|jetzt|einfach|also|und|and) )*(?:austragen|abmelden|abbestellen|streichen|loeschen|unsubscribe|remove me|take me off|opt me out|delete me|stop|stopp)(?: (?:bitte|please|sofort|now|immediately|von allem|aus allem|from everything|from all lists|aus allen (?:listen|verteilern)|ueberall|everywhere|danke|thanks|asap|endlich))*$/;
// A bare "STOPP!" beside wrong goods or a charge ("STOPP! Falsche Ware geliefert") stops that, not contact.
const STOP_ALONE = /^(?:[a-z]+ )*stopp?$/;
const SERVICE_MATTER = /ware|liefer|rechnung|bestell|paket|abbuch|abgebucht|\border|deliver|parcel|\bbill|charg|\bsize|gr(?:ö|oe)(?:ss|ß)e|invoice|payment|zahlung|refund|erstatt/i;
// Parts end at sentence marks, commas and a dash or slash between spaces ("Preis zu hoch / Abmelden").
const BARE_PART = /[.!?:;()]+|\s[–—/|-]+\s|,/;

function bareSentence(text: string, normalised: string): string | undefined {
  // Without a request word only a text of more than one part can hold a bare "Keine Anrufe!" the whole-text rules missed.
  if (!BARE_ACTION_GATE.test(text) && !(BARE_WORD_GATE.test(text) && BARE_PART.test(text))) return undefined;
  if (RETRACTED.test(normalised) || RENEWED.test(normalised)) return undefined;
  for (const part of text.split(BARE_PART)) {
    if (part.length > 60) continue;
    const words = normaliseObjectionText(part);
    const bare = BARE_ACTION.exec(words) ?? BARE.exec(words);
    if (bare && withoutNoObjection(words).includes(bare[0]) && withoutNoObjection(normalised).includes(bare[0]) && !(STOP_ALONE.test(bare[0]) && SERVICE_MATTER.test(text))) return bare[0];
  }
  return undefined;
}

// Exports repeat their reason texts (picklists, templates): each distinct text is read once,
// its reading kept in text-answers.ts's table (beside the reason reader's).
/** Texts with long numbers ("siehe Ticket #48213"), by their shape (see readShaped). */
const shapeCache = new Map<string, string | null>();
const READ_CACHE_LIMIT = 20_000;

// Runs of three digits or more: no rule names such a number (only "Art. 21", "17", "7 Abs. 3").
const LONG_NUMBER = /\d{3,}/g;
const HAS_LONG_NUMBER = /\d{3}/;
const HAS_DIGIT = /\d/;

/**
 * Reads a text not in the cache. Texts that differ only in their long numbers read alike: the
 * rules see such a number as a word of digits (a gap word, never a keyword: the numbers rules
 * name have one or two digits and end at a word boundary), and the model reads every run of
 * digits as "0" (reasons/ngram.ts). Only the phrase returned may hold the number; an answer
 * without a digit is shared by the shape, one with a digit is kept for its own text. On a
 * million rows of an export with ticket numbers in its reasons, 40,000 texts had 1,800 shapes.
 */
function readShaped(text: string): string | null {
  const shape = HAS_LONG_NUMBER.test(text) ? text.replace(LONG_NUMBER, '000') : undefined;
  const alike = shape === undefined ? undefined : shapeCache.get(shape);
  if (alike !== undefined) return alike;
  const found = readObjectionText(text);
  if (shape !== undefined && (found === null || !HAS_DIGIT.test(found))) {
    if (shapeCache.size >= READ_CACHE_LIMIT) shapeCache.clear();
    shapeCache.set(shape, found);
  } else keptAnswers(text).objection = found;
  return found;
}

/**
 * Rules and model together: a rule's match stands unless the model is sure it is no objection;
 * without one, the model alone must be fairly sure. It errs towards blocking.
 */
export function combineObjection(rule: string | undefined, reading: { logit: number; clause: string }): string | undefined {
  if (rule !== undefined) return reading.logit > OBJECTION_VETO ? rule : undefined;
  return reading.logit > OBJECTION_ALONE ? reading.clause : undefined;
}

/**
 * The tokens the model reads: sentences and clauses apart, so that an objection in one
 * clause is read on its own, whatever else the text says ("Stop emailing my husband, he has
 * passed away and the account is closed").
 */
export function objectionModelTokens(text: string, normalised = normaliseObjectionText(text)): string[] {
  const parts = text.split(SENTENCE_END);
  if (parts.length === 1) return objectionTokens(withoutNoObjection(normalised));
  return parts.flatMap((part, k) => {
    const tokens = objectionTokens(withoutNoObjection(normaliseObjectionText(part), normalised));
    return k === 0 ? tokens : [SENTENCE_BREAK, ...tokens];
  });
}

// Not after an abbreviation's dot ("Kd.", "Hr.", "lt.", "z.B."): "Gegen die Forderung hat Kd.
// Widerspruch erhoben" is one sentence, whose guard reads the claim with the objection.
const SENTENCE_END = /(?<=[.!?:;])(?<!(?:^|[\s(/])(?:kd|kdn|kdin|hr|hrn|fr|frau|lt|ca|nr|tel|str|bzw|ggf|evtl|inkl|zzgl|usw|mr|mrs|ms|dr|vs|etc|z\.b|u\.a|d\.h|z\.t|o\.g)\.)\s+|\s+[–—-]+\s+|\s+\/\s+/i;

/** The phrase the rules find in normalised text (normaliseObjectionText), or undefined. */
export function objectionByRules(text: string): string | undefined {
  if (RETRACTED.test(text) || RENEWED.test(text)) return undefined;
  const normalised = withoutNoObjection(text);
  const bare = BARE.exec(normalised.replace(/ ,/g, '').trim());
  if (bare) return bare[0];
  for (let k = 0; k < RULES.length; k++) {
    const rule = RULES[k] as RegExp | readonly [RegExp, RegExp];
    if (!RULE_PREFILTER.mayRun(k, normalised)) continue;
    const match = rule instanceof RegExp ? rule.exec(normalised) : rule[0].test(normalised) ? rule[1].exec(normalised) : null;
    if (match) return match[0].trim();
  }
  if (THREAT.test(normalised) && THREAT_CONTACT.test(normalised) && THREAT_AGAIN.test(normalised)) return THREAT.exec(normalised)?.[0];
  // Words glued together ("Kd.wünschtkeineWerbung", "DoNotContact"): the strongest markers only,
  // inside one word ("do not call my mobile" is read by the rules above, with their guards).
  for (const word of normalised.split(' ')) {
    const glued = GLUED.exec(word);
    if (glued) return glued[0];
  }
  return undefined;
}

// A config's phrase list is normalised once, not once per row.
const phraseCache = new WeakMap<readonly string[], string[]>();

function normalisedPhrases(phrases: readonly string[]): string[] {
  let cached = phraseCache.get(phrases);
  if (cached === undefined) {
    cached = phrases.map(normaliseObjectionText).filter((p) => p !== '');
    phraseCache.set(phrases, cached);
  }
  return cached;
}

// Agent shorthand that objections are written in, keyed by the normalised token.
const SHORTHAND: Record<string, string> = {
  kd: 'kunde', kdin: 'kundin', cust: 'customer', pls: 'please', plz: 'please', erw: 'erwuenscht', gew: 'gewuenscht',
  mktg: 'marketing', mkt: 'marketing', gg: 'gegen', ggn: 'gegen', lt: 'laut', lts: 'laut', tel: 'telefon', wg: 'wegen',
  widerspr: 'widerspruch', ws: 'widerspruch', u: 'und', contcat: 'contact', contct: 'contact', conact: 'contact', reqsted: 'requested', reqested: 'requested', conatct: 'contact', contatc: 'contact', werbng: 'werbung', wrbung: 'werbung',
  unsubcribed: 'unsubscribed', unsubscibed: 'unsubscribed', doi: 'double opt in', soi: 'single opt in', cal: 'call', calll: 'call', emial: 'email',
  emal: 'email', agian: 'again', agin: 'again', anymor: 'anymore', contakt: 'kontakt', kontackt: 'kontakt', anrufn: 'anrufen', pers: 'personal', datas: 'data', datass: 'data', informations: 'information', detailss: 'details', info: 'info', dont: 'dont', wont: 'wont',
};

// Runs of single letters with the same number of spaces (1 to 4) between them; a wider gap ends the word.
const LETTER_SPACED = [1, 2, 3, 4].map((n) => new RegExp(`(?<![\\p{L}\\p{N}])(?:\\p{L} {${n}}(?! )){1,}\\p{L}(?![\\p{L}\\p{N}])`, 'gu'));
const joinLetters = (run: string): string => run.replace(/ +/g, '');
// Where each such run starts: a one-letter word followed by a space. Most texts have none, and
// then the four passes above (a quarter of normalising) are left out.
const SPACED_START = /(?<![\p{L}\p{N}])\p{L} /u;

/** "K E I N E  Werbung", "D  N  C": single letters, evenly spaced, form one word. */
export function joinSpacedLetters(text: string): string {
  if (!SPACED_START.test(text)) return text;
  return text
    .replace(LETTER_SPACED[0] as RegExp, joinLetters)
    .replace(LETTER_SPACED[1] as RegExp, joinLetters)
    .replace(LETTER_SPACED[2] as RegExp, joinLetters)
    .replace(LETTER_SPACED[3] as RegExp, joinLetters);
}

// A campaign's subject quoted as what is sent ("Mails mit „Wir vermissen Sie“", "the "last chance" texts", "„Wir wollen
// Sie zurück“-Briefe"): the mail is advertising, and is named so on both sides of the quote ("Werbemails mit „…“
// Werbemails"), so that the quote's words do not stand between the mail and what is asked of it. Not when the quote
// names a service matter ("E-Mails mit dem Betreff "Ihre Rechnung"").
const QUOTE = /["„“”»«]/;
// The quote's text neither starts nor ends with a space: in '"Customer said "call me anytime"' the first two marks are no pair.
const QUOTED = '["„“”»«]([^"„“”»«\\s](?:[^"„“”»«]{0,78}[^"„“”»«\\s])?)["„“”»«]';
const SENT_NOUN = '(e-?mails?|emails|mails|newsletters?|briefe?|letters?|sms|texts?|nachrichten|messages?|anrufe?|calls?|flyers?|karten|cards|post)';
const QUOTED_AFTER = new RegExp(`\\b${SENT_NOUN}((?:\\s+(?:mehr|more|anymore|bitte|please))?\\s+(?:mit|with|titled|called|named|saying|labelled|like|wie)(?:\\s+(?:dem|the|der))?(?:\\s+(?:betreff|subject(?: line)?|titel|title|slogan))?\\s*:?\\s*|\\s*\\(?(?:betreff|subject)\\s*:?\\s*)${QUOTED}`, 'giu');
const QUOTED_BEFORE = new RegExp(`${QUOTED}(\\s*-?\\s*)${SENT_NOUN}\\b`, 'giu');
const SERVICE_QUOTE = /rechnung|invoice|\bbill|zahlung|payment|mahnung|reminder|paket|parcel|package|liefer|deliver|versand|shipping|termin|appointment|passwor|bestell|\border|vertrag|contract|k(?:ü|ue|u)ndig|cancel|st(?:ö|oe|o)rung|outage|konto|account|sicherheit|security|\bcode|best(?:ä|ae|a)tig|confirm|receipt|quittung|statement/i;

function markQuotedCampaigns(text: string): string {
  return text
    .replace(QUOTED_AFTER, (all: string, noun: string, link: string, quoted: string) => (SERVICE_QUOTE.test(quoted) ? all : `Werbe${noun}${link}"${quoted}" Werbe${noun}`))
    .replace(QUOTED_BEFORE, (all: string, quoted: string, link: string, noun: string) => (SERVICE_QUOTE.test(quoted) ? all : `Werbe${noun} "${quoted}"${link === '' ? ' ' : link}Werbe${noun}`));
}

/** Lower case, umlauts folded, letter-spaced words joined, punctuation as single spaces, shorthand expanded. */
export function normaliseObjectionText(text: string): string {
  const plain = foldText(QUOTE.test(text) ? markQuotedCampaigns(text) : text).replace(/['’`´]/g, '');
  const folded = joinSpacedLetters(plain)
    // Commas and semicolons end a clause: no rule reaches across them unless it says so.
    .replace(/[,;]+/g, ' , ')
    .replace(/[^\p{L}\p{N},]+/gu, ' ')
    .trim();
  return folded
    .split(' ')
    .map((word) => SHORTHAND[word] ?? word)
    .join(' ')
    .replace(/\bdo nt\b|\bdon t\b|\bdont\b/g, 'dont');
}

/** Lower case, umlauts and ß folded, apostrophes dropped, other punctuation turned into single spaces. */
export function normaliseText(text: string): string {
  return foldText(text)
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
