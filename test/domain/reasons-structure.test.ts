import { beforeAll, describe, expect, it } from 'vitest';
import type { Playbook, ReasonCode } from '../../src/domain/playbook-types.js';
import { classifyReason, compileVocabulary, tokenizeReason, type ReasonVocabulary } from '../../src/domain/reasons/reasons.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';

let playbook: Playbook;
let vocab: ReasonVocabulary;

beforeAll(async () => {
  playbook = (await loadPlaybook()).playbook;
  vocab = compileVocabulary(playbook);
});

const read = (text: string) => classifyReason({ text }, vocab);

/**
 * The IBM Telco customer-churn export's 20 churn reasons, as a telecom analyst maps them:
 * a competitor's better offer of any kind is competitor_offer; staff attitude and poor
 * expertise of support are service; network and product problems are quality; charges for
 * a service are price; a missing self-service and a narrow range of services mean the
 * customer could not get what they wanted from us (availability).
 */
const IBM_TELCO: [string, ReasonCode][] = [
  ['Attitude of support person', 'service'],
  ['Competitor offered higher download speeds', 'competitor_offer'],
  ['Competitor offered more data', 'competitor_offer'],
  ["Don't know", 'unknown'],
  ['Competitor made better offer', 'competitor_offer'],
  ['Attitude of service provider', 'service'],
  ['Competitor had better devices', 'competitor_offer'],
  ['Network reliability', 'quality'],
  ['Product dissatisfaction', 'quality'],
  ['Price too high', 'price'],
  ['Service dissatisfaction', 'service'],
  ['Lack of self-service on Website', 'availability'],
  ['Extra data charges', 'price'],
  ['Moved', 'relocation'],
  ['Limited range of services', 'availability'],
  ['Lack of affordable download/upload speed', 'price'],
  ['Long distance charges', 'price'],
  ['Deceased', 'deceased'],
  ['Poor expertise of online support', 'service'],
  ['Poor expertise of phone support', 'service'],
];

describe('the IBM Telco churn reasons', () => {
  it('has all 20', () => {
    expect(new Set(IBM_TELCO.map(([t]) => t)).size).toBe(20);
  });

  it.each(IBM_TELCO)('%s → %s', (text, code) => {
    expect(read(text).code).toBe(code);
  });
});

describe('shorthand', () => {
  it.each([
    ['zuteuer', 'price'],
    ['leider viel zuteuer geworden', 'price'],
    ['Kd. lt. AM: Preis +15 % bei Verlängerung', 'price'],
    ['went up 22% at renewal', 'price'],
    ['AM gewechselt, Kd. kennt Nachfolger nicht', 'contact_change'],
    ['KAM left the company', 'contact_change'],
    ['wg. Umzug gekündigt', 'relocation'],
    ['compet. cheaper', 'competitor_offer'],
    ['svc was awful', 'service'],
    ['poor srvc', 'service'],
    ['qlty gone down, parts fail', 'quality'],
    ['Lieferung in die PLZ des Kd. eingestellt', 'availability'],
  ] as const)('%s → %s', (text, code) => {
    expect(read(text).code).toBe(code);
  });

  it.each([
    ["Des Abo is ma z'tüür worn", ['zu', 'teuer']],
    ['Mir händ nümme gnueg Gäld', ['nicht', 'mehr', 'genug', 'geld']],
    ["Mia ham's Gschäft zuagsperrt", ['geschaeft', 'zugesperrt']],
    ['I ko ma des nimma leistn', ['nicht', 'mehr', 'leisten']],
  ] as const)('reads dialect words as the standard ones: %s', (text, words) => {
    const tokens = tokenizeReason(text);
    for (const w of words) expect(tokens).toContain(w);
  });

  it.each([
    ["Des Abo is ma z'tüür worn", 'price'],
    ['Mir händ nümme gnueg Gäld für das Abo', 'financial_hardship'],
  ] as const)('classifies dialect: %s → %s', (text, code) => {
    expect(read(text).code).toBe(code);
  });

  it('turns numbers with their unit into words, and leaves the case of ordinary words alone', () => {
    expect(tokenizeReason('+22 % bei Verlängerung')).toEqual(['numup', 'numpct', 'bei', 'verlaengerung']);
    expect(tokenizeReason('$89 a month, 180 €/Jahr')).toEqual(['nummoney', 'a', 'month', '|', 'nummoney', 'jahr']);
    expect(tokenizeReason('lt. AM zu teuer')).toEqual(['laut', 'manager', 'zu', 'teuer']);
    expect(tokenizeReason('Termin am Montag')).toEqual(['termin', 'am', 'montag']);
    // All in capitals, "AM" is the German word.
    expect(tokenizeReason('UMZUG AM 1.3.')).toEqual(['umzug', 'am']);
  });
});

describe('contrast and negation', () => {
  it.each([
    ["the price wasn't the issue, but the app kept crashing", 'quality'],
    ['nicht wegen des Preises, sondern wegen der ständigen Ausfälle', 'quality'],
    ['Preis war okay, aber der Support hat nie geantwortet', 'service'],
    ['It was not really the price, our rep left and nobody replaced him', 'contact_change'],
    // A negation reaches over a list, and over whose it was.
    ['not about price or service at all, we moved to Spain', 'relocation'],
    ['Nicht wegen Preis oder Service, Kd. ist umgezogen', 'relocation'],
    ['weder Preis noch Service, Kd. hat seinen Job verloren', 'financial_hardship'],
    ['nothing to do with your service, the app kept crashing', 'quality'],
    ['not unhappy with your service, Vodafone was cheaper', 'competitor_offer'],
    // A clause that praises something rules it out, whatever the clause after it says.
    ['Mit Ihrem Support war ich immer zufrieden, aber die Lieferungen kamen ständig zu spät', 'quality'],
    ['An der Beratung hatte ich nichts auszusetzen, aber der Tarif ist mir zu teuer', 'price'],
    ['Your staff were always helpful, the product just keeps failing', 'quality'],
    ['Service war nicht hilfsbereit, Hotline nie erreichbar', 'service'],
    // A denial blanks its clause for the model only up to what the clause asserts.
    ['found another bank with better rates and no fees', 'competitor_offer'],
    // "not that …" / "nicht, dass …" denies the whole clause it opens.
    ['Nicht, dass der Preis zu hoch wäre – ich habe seit der Kurzarbeit einfach kein Geld mehr', 'financial_hardship'],
    ['Es liegt nicht daran, dass es zu teuer ist, wir ziehen nach Kanada', 'relocation'],
    ['Not that it was too expensive, we just moved to Canada', 'relocation'],
    // A clause that only judges the one before it: "…, das ist nicht das Problem".
    ['Lieferverzug kann passieren, das ist nicht das Problem, aber auf unsere Beschwerde hat niemand reagiert', 'service'],
    ["The price went up, that's not OK", 'price'],
    ['It is not about your service, which was fine, but the premium is too high', 'price'],
  ] as const)('%s → %s', (text, code) => {
    expect(read(text).code).toBe(code);
  });

  it.each([
    // A verb of leaving may stand between the negation and what it denies.
    ["didn't leave over price or quality, just relocated", 'relocation', 'price'],
    ['We did not cancel because of the service, our company closed down', 'business_closed', 'service'],
    // A bare "nein" after a clause takes it back.
    ['zu teuer?? nein – eigentlich Lieferprobleme', 'availability', 'price'],
    ['too expensive? no. the hotline never picked up', 'service', 'price'],
  ] as const)('reads %s as %s, without the denied %s even as second', (text, code, denied) => {
    const c = read(text);
    expect(c.code).toBe(code);
    expect(c.secondary).not.toBe(denied);
  });

  it.each([
    // The first cause leads over a second the model reads more strongly.
    ['zu teuer nach 3 Reklamationen, Rückruf gewünscht', 'price'],
    // Declining a discount is no reason.
    ['Kündigung ohne Angabe, kein Interesse an Rabatt', 'unknown'],
  ] as const)('keeps the stated cause first: %s → %s', (text, code) => {
    expect(read(text).code).toBe(code);
  });

  it('keeps a closed business stated first as the reading, however the model reads the rest', () => {
    const c = read('Firma aufgelöst Ansprechpartner gewechselt');
    expect(c.code).not.toBe('contact_change');
    expect([c.code, c.secondary]).toContain('business_closed');
  });

  it('reads a "not that" before a plain adjective as no denial of a clause', () => {
    expect(read('the service was not that helpful and the hotline never answered').code).toBe('service');
  });

  it.each([['Preis war nicht das Problem'], ['price was fine'], ['nicht wegen dem Preis'], ['weder Preis noch Service'], ['not about price or service'], ['Mit dem Service war ich immer sehr zufrieden.']])('keeps a denied cause out of the model too: %s', (text) => {
    expect(read(text).code).toBe('unknown');
  });
});

describe('who ended it, and who died', () => {
  it.each([
    // An explicit "no reason"; a cause stated beside it still wins.
    ['cancelled in the app, reason field left blank', 'unknown'],
    ['Kündigung ohne Angabe, Budget gekürzt', 'financial_hardship'],
    ['Kd. will keinen Grund nennen', 'unknown'],
    // The provider as the one who ended it.
    ['Die Versicherung hat mir den Vertrag gekündigt', 'terminated_by_us'],
    ['why did you close my account?', 'terminated_by_us'],
    // A relative's death reported by the family is the customer's; a changed household is a life change.
    ['Meine Frau ist im Mai verstorben, bitte beenden Sie ihren Vertrag', 'deceased'],
    ['my father passed away, please close his account', 'deceased'],
    ['Haushalt verkleinert nach Tod des Partners', 'life_change'],
    // A contact who retired or took the customer along.
    ['Betreuer ist in Rente gegangen', 'contact_change'],
    ['Mr Jones closed his agency and I follow him to his new firm', 'contact_change'],
  ] as const)('%s → %s', (text, code) => {
    expect(read(text).code).toBe(code);
  });
});

describe('several causes', () => {
  it.each([
    ['zu teuer, außerdem schlechter Service', 'price', 'service'],
    ['schlechter Service, außerdem zu teuer', 'service', 'price'],
    ['Umzug nach Berlin, auch Preis war zu hoch', 'relocation', 'price'],
    ['Wir haben gekündigt, weil der Service schlecht war', 'service', undefined],
  ] as const)('%s → %s first, %s second', (text, first, second) => {
    const c = read(text);
    expect(c.code).toBe(first);
    if (second !== undefined) expect(c.secondary).toBe(second);
  });

  it('lets the stronger reading of one statement win over its first word', () => {
    expect(read('Hotline dauerbesetzt').code).toBe('availability');
  });
});

describe('competitors and portals', () => {
  it.each([
    ['went with Vodafone', 'competitor_offer'],
    ['Wechsel zu 1&1', 'competitor_offer'],
    ['bei Check24 was Günstigeres gefunden', 'competitor_offer'],
    ['switched to Planet Fitness', 'competitor_offer'],
    ['Geico quoted less for the same coverage', 'competitor_offer'],
    ['competitor cheaper', 'competitor_offer'],
    ['our price too high', 'price'],
    ['Comdirect-Berater hat den Kunden gezielt angeschrieben', 'poached'],
  ] as const)('%s → %s', (text, code) => {
    expect(read(text).code).toBe(code);
  });

  it.each([
    ["Vodafone's offer was lower", 'vodafone offer'],
    ['Telekoms Angebot war günstiger', 'telekom angebot'],
  ])('reads a name with a possessive or genitive s as the name: %s', (text, evidence) => {
    const c = read(text);
    expect(c.code).toBe('competitor_offer');
    expect(c.evidence).toContain(evidence);
    expect(c.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('reads a surcharge compound as price, not as a lost tender', () => {
    expect(read('Energiezuschlag zu hoch').code).toBe('price');
  });

  it('keeps "Kapitel 11" a number word while "1&1" is a name', () => {
    expect(read('Firma in Chapter 11').code).toBe('business_closed');
    expect(read('Wechsel zu 1&1').evidence).toContain('1 1');
  });
});

describe('whole situations without a keyword', () => {
  it.each([
    ['company was acquired by a larger group', 'business_closed'],
    ['Firma wurde übernommen, Einkauf jetzt zentral', 'business_closed'],
    ['Ich schreibe im Namen meiner verstorbenen Mutter', 'deceased'],
    ['no signal at home', 'availability'],
    ['kein Empfang in der Wohnung', 'availability'],
    ['Boot verkauft', 'life_change'],
    ['sold the car last month', 'life_change'],
    ['Berichte über Arbeitsbedingungen in Ihren Lagern', 'image'],
    ['your investments in coal mining', 'image'],
    ['never get through on the phone', 'availability'],
    ['mangelnde Nachfrage', 'life_change'],
  ] as const)('%s → %s', (text, code) => {
    expect(read(text).code).toBe(code);
  });
});
