/**
 * Concepts of the words an objection is made of, for the learned reader (learned.ts): a
 * negation, a contact or marketing word, a stop, a deletion, consent and its withdrawal, the
 * customer and the company, a wish. Letter n-grams and word pairs tie what the model learns to
 * the words of its training texts; a concept and the pair of concepts in a row ("no … more …
 * offers": NEG → MORE → MARKETING, whatever words stand between them in the clause) carry the
 * grammar of an objection to phrasings it has not seen. What the words mean to a service
 * matter (a bill, a delivery), to another firm, or as a complaint of something not received
 * has concepts too, so that the model can learn those apart.
 *
 * A word has at most one concept (the first that matches, in the order below). Words are
 * normalised (normaliseObjectionText): lower case, umlauts folded to ae/oe/ue.
 */

const CONCEPT_WORDS: readonly (readonly [string, RegExp])[] = [
  ['neg', /^(?:kein|keine|keinen|keiner|keines|keinerlei|keinem|ka|koa|koi|kei|keen|kene|kane|kaane|koane|kiene|keene|kaine|no|not|dont|doesnt|wont|didnt|nicht|nich|net|ned|nit|nimmer|nimma|nimme|nemme|nie|niemals|never|nothing|nichts|nix|nuet|nuesch|weder|neither|nor|noch|none|zero|null|without|ohne|unerwuenscht|unwanted|nein|nope|nee)$/],
  ['more', /^(?:mehr|meh|mee|mehra|more|anymore|again|wieder|nochmal|nochmals|further|weitere[nrs]?|future|zukunft|kuenftig|zukuenftig|kuenftige[nr]?|ever|jemals|forthwith|hereafter|henceforth|any|jede[nrs]?|jegliche[nrs]?|alle[nrs]?|all|everything|allem|ueberall|everywhere)$/],
  ['stop', /^(?:stop|stopp|stops|stopped|stopping|quit|cease|ceased|end|halt|enough|genug|schluss|aufhoeren|aufhoert|hoer[a-z]*|hoert|hean|einstellen|einstellung|unterlass[a-z]*|unterbinden|lass|lasst|lassen|refrain|desist|abstand|absehen|abzusehen)$/],
  ['delete', /^(?:loesch[a-z]*|geloescht|delet[a-z]*|eras[a-z]*|wipe[ds]?|purge[ds]?|scrub[a-z]*|remov[a-z]*|entfern[a-z]*|streich[a-z]*|gestrichen|austrag[a-z]*|ausgetragen|vernicht[a-z]*|forget|vergessen|raus|heraus|off|out|abmeld[a-z]*|abgemeldet|abbestell[a-z]*|unsub[a-z]*|suppress[a-z]*|sperr[a-z]*|gesperrt|block[a-z]*|exclude[ds]?|ausschliessen|ausgeschlossen)$/],
  ['withdraw', /^(?:wi(?:e)?derr[ui]f[a-z]*|withdr[ae]w[a-z]*|revok[a-z]*|revoc[a-z]*|retract[a-z]*|rescind[a-z]*|zurueckgezogen|zurueckgenommen|zurueckziehen|entzogen|entzieh[a-z]*|deaktiviert|deactivated|disabled|abgewaehlt|unticked|unchecked)$/],
  ['object', /^(?:wi(?:e)?dersp[a-z]*|object[a-z]*|einspruch|einwand|verbiet[a-z]*|verbot[a-z]*|verboten|untersag[a-z]*|forbid[a-z]*|prohibit[a-z]*|verbit+e[a-z]*|refus[a-z]*|verweiger[a-z]*|lehnt|lehne|ablehn[a-z]*|abgelehnt|declin[a-z]*)$/],
  ['consent', /^(?:[a-z]*einwil+igung[a-z]*|[a-z]*zustimmung[a-z]*|einverstaendnis[a-z]*|[a-z]*erlaubnis|consent[a-z]*|permission[a-z]*|erlaubt|allowed|permitted|gestatte[nt]?|duerfen|darf|may)$/],
  ['law', /^(?:dsgvo|gdpr|bdsg|uwg|art|artikel|article|tcpa|pecr|ico|tps|mps|dnc|robinson[a-z]*|datenschutz[a-z]*|bundesnetzagentur|verbraucherzentrale|anwalt|lawyer|solicitor|report|anzeige)$/],
  ['service', /^(?:[a-z]*rechnung[a-z]*|invoices?|bills?|billing|statements?|kontoauszu[a-z]*|mahnung[a-z]*|reminders?|liefer[a-z]*|deliver[a-z]*|pakete?|parcels?|packages?|termin[a-z]*|appointments?|techniker|engineer|abbuchung[a-z]*|lastschrift[a-z]*|debit|payments?|zahlung[a-z]*|passwor[a-z]*|bestellung[a-z]*|orders?|vertrag[a-z]*|contract|abo|subscription|kuendigung[a-z]*|cancellation|konto|account|tarif[a-z]*|plan|upgrade|hotline|support|kundenservice|service)$/],
  ['other', /^(?:konkurrenz|konkurrent[a-z]*|mitbewerber[a-z]*|wettbewerber[a-z]*|competitors?|andere[nrs]?|anderer|other|another|fremde[nrs]?|dritte[nrs]?|third|scam[a-z]*|betrug[a-z]*|betrueger[a-z]*|fraud[a-z]*|phishing|spoof[a-z]*)$/],
  ['got', /^(?:bekomme|bekommt|bekam|bekommen|kriege|kriegt|erhalte|erhaelt|erhielt|erhalten|get|gets|got|getting|receive|receives|received|receiving|arrived|angekommen|kam|kamen|came)$/],
  ['marketing', /^(?:[a-z]*werb[a-z]*|waerbig|werbig|reklame|[a-z]*marketing|advertis[a-z]*|adverts?|ads|promo[a-z]*|newsletter[a-z]*|mailings?|mailshots?|[a-z]*katalog[a-z]*|catalog[a-z]*|prospekte?|brochures?|leaflets?|flyers?|mailers?|spam[a-z]*|junk|[a-z]*angebot[a-z]*|offers?|deals?|gutschein[a-z]*|vouchers?|coupons?|rabatt[a-z]*|discounts?|sales|solicit[a-z]*|[a-z]*akquise|rueckgewinnung[a-z]*|rueckhol[a-z]*|winback|win|retention|reactivat[a-z]*|reaktivierung[a-z]*|kampagne[n]?|campaigns?|aktion[a-z]*|heftli)$/],
  ['data', /^(?:daten|data|details|nummer|number|[a-z]*nummer|adresse[n]?|[a-z]*adresse|address(?:es)?|profil|profile|info|information|informationen|personal|personenbezogenen)$/],
  ['contact', /^(?:[a-z]*anruf[a-z]*|anrufe|anzurufen|angerufen|a+ruef[a-z]*|oarufe|ozruafa|ruf[a-z]*|rufts|call[a-z]*|ring[a-z]*|phon[a-z]*|telefon[a-z]*|tel|[a-z]*mails?|emails?|mailen|mailt|e|sms|texts?|texting|texted|whatsapp|push|nachricht[a-z]*|messag[a-z]*|notifs?|notifications?|post|briefe?|letters?|schreib[a-z]*|anschreib[a-z]*|angeschrieben|write|writing|kontakt[a-z]*|contact[a-z]*|communicat[a-z]*|kommunikation|correspondence|ansprache|angesprochen|ansprechen|besuch[a-z]*|visit[a-z]*|zusendung[a-z]*|zuschick[a-z]*|schick[a-z]*|send[a-z]*|sent|reach|outreach|approach[a-z]*|disturb|bother[a-z]*|belaestig[a-z]*|nerv[a-z]*|hear|hoeren|melden|meldet)$/],
  ['list', /^(?:[a-z]*liste[n]?|lists?|verteiler[a-z]*|datenbank|database|crm|kartei|system|records?|file|akte|register|registry)$/],
  ['me', /^(?:mich|mi|ma|mir|me|us|uns|my|mein|meine[nmrs]?|our|unsere[nmrs]?|myself|i|ich|ik)$/],
  ['you', /^(?:sie|se|ihr|ihre[nmrs]?|ihnen|euch|eich|oich|oeich|eure[nmrs]?|you|your|yours|ur|yall)$/],
  ['please', /^(?:bitte|please|pls|plz|kindly|bittschoen|bitteschoen|thanks|thank|danke|merci|thx)$/],
  ['want', /^(?:will|want|wants|wanted|wish|wishes|wished|moechte[n]?|moecht|mog|mag|wuensch[a-z]*|gewuenscht|erwuenscht|request[a-z]*|asked|asks|verlang[a-z]*|fordert|fordere|ersuche|bitte[nt]?|gebeten|prefer[a-z]*|rather|like)$/],
];

/** FNV-1a (32 bit) of a string with a seed that keeps concept features apart from the n-gram reader's. */
function hash(text: string): number {
  let h = (0x811c9dc5 ^ 0x5bd1e995) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Number of concepts; index 0 stands for "no concept". */
export const CONCEPT_COUNT = CONCEPT_WORDS.length + 1;
const UNIGRAMS = Int32Array.from({ length: CONCEPT_COUNT }, (_, c) => (c === 0 ? 0 : hash(`concept ${CONCEPT_WORDS[c - 1]?.[0]}`)));
const PAIRS = Int32Array.from({ length: CONCEPT_COUNT * CONCEPT_COUNT }, (_, k) => {
  const a = Math.floor(k / CONCEPT_COUNT);
  const b = k % CONCEPT_COUNT;
  return a === 0 || b === 0 ? 0 : hash(`concepts ${CONCEPT_WORDS[a - 1]?.[0]} ${CONCEPT_WORDS[b - 1]?.[0]}`);
});

/** The concept of a normalised word (1 … CONCEPT_COUNT − 1), or 0 when it has none. */
export function conceptOf(word: string): number {
  for (let c = 0; c < CONCEPT_WORDS.length; c++) if ((CONCEPT_WORDS[c] as readonly [string, RegExp])[1].test(word)) return c + 1;
  return 0;
}

/** The feature of a concept by itself (0 for none). */
export function conceptFeature(concept: number): number {
  return UNIGRAMS[concept] as number;
}

/** The feature of two concepts in a row within a clause (0 when either is none). */
export function conceptPairFeature(previous: number, concept: number): number {
  return PAIRS[previous * CONCEPT_COUNT + concept] as number;
}
