import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { findObjectionPhrase } from '../../src/domain/objections/text.js';
import { classifyReason, compileVocabulary, type ReasonVocabulary } from '../../src/domain/reasons/reasons.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';

/**
 * The boundary between final reasons (deceased, business_closed, terminated_by_us: never
 * contacted) and every other reason, on stress sets written for it by an outside hand
 * (columns text, code, lang, kind = final | trap). A final reason read as another gets its
 * customer contacted; another read as final loses a customer (docs/reasons-accuracy.md).
 *
 * FB1 (240 texts) was measured once on 2026-12-06 before anything was tuned on it: codes
 * 84.2 %, finals read as final 92 %, traps read as final 15.7 %. It has been tuned on since;
 * its floors sit at what the tuning reached and guard against regressions only. FB2 (240 texts
 * by another outside hand) was measured once after the tuning on FB1: codes 87.5 %, finals read
 * as final 95 %, traps read as final 9.3 %; FB3 (a third hand) once after the tuning on FB1
 * and FB2: 82.9 %, 87 %, 10.0 %. TF1 (360 texts written as training examples by an outside
 * hand; they made the learned reader worse and were not kept) was measured once on the code
 * tuned on FB1–FB3: 71.4 %, 85.8 %, 23.3 %; FB4 (a fourth hand) once after all that: 82.9 %,
 * 91 %, 8.6 %, and tuned on since. FB5 (a fifth hand) once after that: 80.0 %, 82 %, 9.3 %; FB6 (a
 * sixth) once after everything: 86.3 %, 93 %, 5.0 %. FB5's floors sit at its first figures;
 * FB6's own-ending rule was widened on one of its texts ("selbst gesperrt und gekündigt"). FB7
 * (a seventh hand) once after the review of the rule table: 81.7 %, 93 %, 14.3 %; tuned on since
 * (stated finals, whose death it is). FB8 (an eighth hand) once after that, on 2026-12-07: 78.3 %,
 * 89 %, 14.3 % (2 % of its finals approached); tuned on since. FB9 (a ninth hand) once after
 * that: 85.8 %, 90 %, 7.1 % (1 % approached); its floors sit at those first figures. FB10 (a
 * tenth hand) once after the review's fixes: 82.9 %, 90 %, 11.4 % (2 % approached); tuned on since. FB11 (an
 * eleventh hand) once after that: 81.3 %, 93 %, 18.6 % (none approached); not tuned on. FB12 (a
 * twelfth hand) once on 046897c: 70.0 %, 76 %, 13.6 % (6 % approached); tuned on since. FB13 (a
 * thirteenth hand) once after that: 80.4 %, 91 %, 13.6 % (1 % approached); not tuned on.
 */
const SETS = [
  { name: 'set FB1 (2026-12-06, an outside hand; tuned on after its one measurement)', file: './reason-finals-2026-12-06-FB1.csv', size: 240, floor: { codes: 0.95, finals: 1, trapsAsFinal: 0.03, approached: 0 } },
  { name: 'set FB3 (2026-12-06, an outside hand; tuned on after its one measurement)', file: './reason-finals-2026-12-06-FB3.csv', size: 240, floor: { codes: 0.92, finals: 0.99, trapsAsFinal: 0, approached: 0 } },
  { name: 'set TF1 (2026-12-06, an outside hand; written as training examples, measured once when they did not help, tuned on since)', file: './reason-finals-2026-12-06-TF1.csv', size: 360, floor: { codes: 0.82, finals: 0.975, trapsAsFinal: 0.05, approached: 0 } },
  { name: 'set FB4 (2026-12-06, an outside hand; tuned on after its one measurement)', file: './reason-finals-2026-12-06-FB4.csv', size: 240, floor: { codes: 0.89, finals: 0.99, trapsAsFinal: 0.036, approached: 0 } },
  { name: 'set FB5 (2026-12-06, an outside hand; measured once after the tuning on FB1-FB4 and TF1)', file: './reason-finals-2026-12-06-FB5.csv', size: 240, floor: { codes: 0.795, finals: 0.82, trapsAsFinal: 0.108, approached: 0.02 } },
  { name: 'set FB6 (2026-12-06, an outside hand; measured once after all the tuning, one rule widened on it since)', file: './reason-finals-2026-12-06-FB6.csv', size: 240, floor: { codes: 0.86, finals: 0.929, trapsAsFinal: 0.05, approached: 0 } },
  { name: 'set FB7 (2026-12-06, an outside hand; measured once after the review of the rule table, tuned on since)', file: './reason-finals-2026-12-06-FB7.csv', size: 240, floor: { codes: 0.825, finals: 0.929, trapsAsFinal: 0.036, approached: 0 } },
  { name: 'set FB8 (2026-12-07, an outside hand; measured once after the tuning on FB5-FB7, tuned on since)', file: './reason-finals-2026-12-07-FB8.csv', size: 240, floor: { codes: 0.855, finals: 0.89, trapsAsFinal: 0.008, approached: 0 } },
  { name: 'set FB9 (2026-12-07, an outside hand; measured once after the tuning on FB8)', file: './reason-finals-2026-12-07-FB9.csv', size: 240, floor: { codes: 0.858, finals: 0.9, trapsAsFinal: 0.072, approached: 0.01 } },
  { name: 'set FB10 (2026-12-07, an outside hand; measured once after the review of the stated finals, tuned on since)', file: './reason-finals-2026-12-07-FB10.csv', size: 240, floor: { codes: 0.85, finals: 0.92, trapsAsFinal: 0.029, approached: 0 } },
  { name: 'set FB11 (2026-12-07, an outside hand; measured once after the tuning on FB10, not tuned on)', file: './reason-finals-2026-12-07-FB11.csv', size: 240, floor: { codes: 0.812, finals: 0.929, trapsAsFinal: 0.186, approached: 0 } },
  { name: 'set FB12 (2026-12-07, an outside hand; measured once on 046897c, tuned on since)', file: './reason-finals-2026-12-07-FB12.csv', size: 240, floor: { codes: 0.75, finals: 0.77, trapsAsFinal: 0.022, approached: 0 } },
  { name: 'set FB13 (2026-12-07, an outside hand; measured once after the tuning on FB12, not tuned on)', file: './reason-finals-2026-12-07-FB13.csv', size: 240, floor: { codes: 0.804, finals: 0.91, trapsAsFinal: 0.136, approached: 0.01 } },
  { name: 'set FB2 (2026-12-06, an outside hand; tuned on after its one measurement)', file: './reason-finals-2026-12-06-FB2.csv', size: 240, floor: { codes: 0.93, finals: 1, trapsAsFinal: 0.025, approached: 0 } },
] as const;

const FINAL = new Set(['deceased', 'business_closed', 'terminated_by_us']);

interface Row {
  text: string;
  code: string;
  lang: 'de' | 'en';
  kind: 'final' | 'trap';
}

let vocab: ReasonVocabulary;

beforeAll(async () => {
  vocab = compileVocabulary((await loadPlaybook()).playbook);
});

describe.each(SETS)('$name', ({ file, size, floor }) => {
  const rows = parse(readFileSync(new URL(file, import.meta.url)), { columns: true }) as Row[];
  const read = (r: Row): string => classifyReason({ text: r.text }, vocab).code;
  const list = (rs: readonly Row[]): string => rs.map((r) => `${r.code} → ${read(r)}: ${r.text}`).join('\n');

  it('holds its texts: finals and traps, German and English', () => {
    expect(rows).toHaveLength(size);
    expect(rows.every((r) => (r.kind === 'final') === FINAL.has(r.code))).toBe(true);
    expect(new Set(rows.map((r) => r.lang))).toEqual(new Set(['de', 'en']));
  });

  it('reads the codes at least as well as recorded', () => {
    const misses = rows.filter((r) => read(r) !== r.code);
    expect(1 - misses.length / rows.length, list(misses)).toBeGreaterThanOrEqual(floor.codes);
  });

  it('reads the final reasons as final at least as often as recorded', () => {
    const finals = rows.filter((r) => r.kind === 'final');
    const missed = finals.filter((r) => !FINAL.has(read(r)));
    expect(1 - missed.length / finals.length, list(missed)).toBeGreaterThanOrEqual(floor.finals);
  });

  it('leaves no more final reasons to an approach than recorded: each is read as final, or goes to a person', () => {
    // What plan does before value and permission (plan/person-decides.ts): a final reading or an objection is never
    // contacted; unknown, unsure (below reviewConfidence 0.5) or a final runner-up goes to review.
    const approached = rows.filter((r) => {
      const c = classifyReason({ text: r.text }, vocab);
      const never = FINAL.has(c.code) || findObjectionPhrase(r.text) !== undefined;
      return r.kind === 'final' && !never && c.code !== 'unknown' && c.confidence >= 0.5 && !FINAL.has(c.secondary ?? '');
    });
    expect(approached.length / rows.filter((r) => r.kind === 'final').length, list(approached)).toBeLessThanOrEqual(floor.approached);
  });

  it('reads no more of the other reasons as final than recorded', () => {
    const traps = rows.filter((r) => r.kind === 'trap');
    const wronged = traps.filter((r) => FINAL.has(read(r)));
    expect(wronged.length / traps.length, list(wronged)).toBeLessThanOrEqual(floor.trapsAsFinal);
  });
});

describe('a customer who ended the relationship himself', () => {
  it.each([
    ['Lastschrift zurück, Kd. hat daraufhin selbst gekündigt, kein Geld mehr', 'de'],
    ['Direct debit bounced, customer rang and cancelled it herself: money is short', 'en'],
    ['Inkassoschreiben trotz Zahlung erhalten, kündigt selbst', 'de'],
    ['Collections letter in error, he closed the account himself', 'en'],
    ['Kunde hat das Konto selbst gesperrt und gekündigt, keine Angaben', 'de'],
  ])('is not read as terminated by us: "%s"', (text) => {
    expect(classifyReason({ text }, vocab).code).not.toBe('terminated_by_us');
  });

  it.each(['Vertrag von uns wegen Zahlungsverzug gekündigt', 'Kunde selbst wurde von uns gekündigt wegen Zahlungsverzug', 'Account closed by us after repeated chargebacks', 'Sperrung durch uns wegen Betrugsverdacht'])(
    'still reads our own termination: "%s"',
    (text) => {
      expect(classifyReason({ text }, vocab).code).toBe('terminated_by_us');
    },
  );
});

describe('reasons a text rules out', () => {
  const code = (text: string): string => classifyReason({ text }, vocab).code;

  it.each([
    'Seniorchef verstorben, Tochter führt den Betrieb weiter und hat beim Mitbewerber unterschrieben',
    'Owner passed away; his son now runs the garage and went with a cheaper supplier',
    'Line went dead again, third outage this month',
    'Das Thema ist für den Kunden gestorben, zu viele Fehllieferungen',
    'Our cat passed away, pet insurance no longer needed',
    'Unser Berater Hr. Braun verstorben, mit dem Nachfolger wird Kd. nicht warm',
    'Vermieter verstorben, Kd. muss ausziehen und zieht nach Graz',
    'Kundin (Witwe, Ehemann im März verstorben) zieht zu ihrer Tochter nach Kiel',
    'Kunde hat das Haus seiner verstorbenen Tante geerbt und zieht dorthin',
    '"This contract is dead to me" - found the same cover cheaper elsewhere',
    'Fish in his ponds died after our last feed batch',
  ])('reads no death of the customer in "%s"', (text) => {
    expect(code(text)).not.toBe('deceased');
  });

  it.each([
    'Drohende Insolvenz lt. GF, spart an allen Ecken',
    "Client's biggest customer went bankrupt, they froze all spending",
    'Near bankruptcy but still trading, cutting subscriptions',
  ])('reads no closure in "%s"', (text) => {
    expect(code(text)).not.toBe('business_closed');
  });

  it.each(['Members association blacklisted us after the press report', 'Kd. erteilt unserem Vertreter Hausverbot nach Streit', 'Kreditkarte gestohlen und missbraucht, Sperrung dauerte Tage, Kd. wechselt', 'Versehentliche Sperre des Anschlusses durch uns (Systemfehler), Kunde verärgert und weg', 'Card fraud on the customer\'s account; refund took five weeks, he moved banks'])(
    'reads no termination by us in "%s"',
    (text) => {
      expect(code(text)).not.toBe('terminated_by_us');
    },
  );

  it('reads returned mail as no complaint', () => {
    expect(code('mail returned - cust moved')).not.toBe('service');
  });

  it.each([
    ['Kd. lt. Nachbarin verstorben, Post kommt zurück', 'deceased'],
    ['Der Insolvenzverwalter hat den Betrieb übernommen und abgewickelt', 'business_closed'],
    ['Insolvenz drohte, Betrieb zum 31.12. eingestellt', 'business_closed'],
    ['Konto von uns gesperrt und gekündigt, Betrugsverdacht', 'terminated_by_us'],
    ['Customer deceased, per letter from her daughter', 'deceased'],
    ['Kd. verstorben, Tochter hat geerbt und kündigt', 'deceased'],
    ['Executor of estate notified us, policyholder died 03/14', 'deceased'],
  ])('still reads the final reason of "%s"', (text, expected) => {
    expect(code(text)).toBe(expected);
  });
});

// Found by a review of the rules above: each states a final reason outright, and a cue of the
// table must not take it away. Read as final, or with the final reason as the runner-up (review).
describe('a final reason stated outright survives every cue against it', () => {
  it.each([
    'Kunde hat nicht selbst gekündigt, sondern wurde von uns gekündigt (Zahlungsverzug)',
    'Preis zu hoch, aber letztlich von uns selbst gekündigt wegen Zahlungsverzug',
    'Customer did not cancel himself, we terminated for non-payment; he found our fees too high',
    'Konto für Geldwäsche missbraucht, von uns gekündigt; Kunde fand Gebühren zu teuer',
    'Kunde hat uns betrogen und wurde gesperrt, vorher Beschwerde über Preis',
    'Systemfehler bei Abbuchung behoben; Vertrag danach von uns wegen Betrug gekündigt',
    'Inhaber verstorben, Betrieb wird nicht mehr weitergeführt',
    'Owner died and nobody took over, business gone',
    'Customer died; his son took over the paperwork',
    'Kunde verstorben, Sohn hat den Nachlass übernommen',
    'Contract holder died, widow says price too high anyway',
    'Daughter phoned to say Mum died last week',
    'Our client Dr. Smith died in March',
    'Neighbour says Jones died',
    'Enkelin: Oma verstorben, Konto auflösen',
    'Spoke to Mrs Smith, she is the widow of the account holder who died',
    'Customer passed away, wife carries on paying until probate',
    'Drohende Insolvenz, inzwischen Insolvenzantrag gestellt',
    'Near bankruptcy in spring, filed for insolvency in June',
    'Customer went bankrupt, his supplier went bust too',
    'Hauptabnehmer des Kunden insolvent, Kunde jetzt auch insolvent',
    'Unser Geschäftsführer-Kunde Hr. Maier verstorben',
  ])('"%s"', (text) => {
    const c = classifyReason({ text }, vocab);
    expect(FINAL.has(c.code) || FINAL.has(c.secondary ?? ''), JSON.stringify(c)).toBe(true);
  });
});

// Finals stated in words no phrase of the playbook holds (stated-final.ts): read as final, or
// with the final reason as the runner-up, so that plan sends the customer to a person.
describe('a final reason stated by our side, of the business or of the person', () => {
  it.each([
    ['Deliveries suspended by our credit department, customer threatened our drivers', 'terminated_by_us'],
    ['We have decided to end the business relationship with this client', 'terminated_by_us'],
    ['Membership withdrawn by the board after misconduct at the AGM', 'terminated_by_us'],
    ['Belieferung durch unsere Niederlassung gesperrt, Kd. hatte Fahrer bedroht', 'terminated_by_us'],
    ['Wir haben beschlossen, die Geschäftsbeziehung zu beenden', 'terminated_by_us'],
    ['Kd. wird auf Beschluss des Vorstands nicht mehr beliefert', 'terminated_by_us'],
    ['Gewerbe abgemeldet, kein Nachfolger gefunden', 'business_closed'],
    ['Ltd struck off the register last spring', 'business_closed'],
    ['Kunde ist im Mai tödlich verunglückt', 'deceased'],
    ['Customer was killed in a road accident in March', 'deceased'],
    ['Reklamation wegen Lieferzeit offen; beim Anruf teilte die Tochter mit, dass ihre Mutter im Mai verstorben ist', 'deceased'],
    ['Die Gesellschaft ist seit März abgewickelt, Lager geräumt', 'business_closed'],
    ['Kunde † 14.02.', 'deceased'],
    ['Erbschein liegt vor, Sohn als Alleinerbe kündigt den Vertrag seines verstorbenen Vaters', 'deceased'],
  ])('"%s" (%s)', (text) => {
    const c = classifyReason({ text }, vocab);
    expect(FINAL.has(c.code) || FINAL.has(c.secondary ?? ''), JSON.stringify(c)).toBe(true);
  });

  it.each(['Produkt von uns eingestellt, Kd. findet keinen Ersatz', 'We decided to discontinue the blue range, customer loved it', 'Customer says she was killed with kindness by the other bank'])(
    'not where our side ended a product, or in a figure of speech: "%s"',
    (text) => {
      const c = classifyReason({ text }, vocab);
      expect(FINAL.has(c.code) || FINAL.has(c.secondary ?? ''), JSON.stringify(c)).toBe(false);
    },
  );
});

describe('a death, closure or termination that is not the customer’s', () => {
  const code = (text: string): string => classifyReason({ text }, vocab).code;

  it.each([
    'Nach dem Tod ihres Vaters zieht die Kundin zu ihrer Schwester nach Hamburg',
    'After his wife’s funeral he moved in with his son in Leeds',
    'Im CRM irrtümlich als verstorben geführt, Kunde verärgert und gewechselt',
    'Two of the rose bushes died within a month, customer orders elsewhere now',
    'Unsere Kälber sind nach dem Futterwechsel verendet, Landwirt bestellt nicht mehr',
    'The account manager at our bank passed away, the new one never called',
    'Our website was dead for days, customer could not order',
    'Record said deceased – data import error, the customer is alive and moved away',
    'Ehemann verstorben, Kundin lebt jetzt allein, bestellt kaum noch',
    'Witwe, Mann im Frühjahr verstorben – zieht zu ihrer Tochter nach Kassel',
    'Hält unsere Werbung mit dem verstorbenen Sänger für geschmacklos',
    'Ehefrau verstorben, der Kunde braucht das Familienpaket nicht mehr',
    'Die Witwe ärgert sich, dass Post an ihren verstorbenen Mann geht, und kündigt ihren eigenen Vertrag',
    'Account manager died in May; the client did not take to his successor',
    'Dead easy choice: the rival deal was cheaper',
    'Todesfall in der Familie - Kunde pausiert',
    'Bereavement in the family, customer asked us to pause the box for a while',
    'Kunde hat nach Ableben des Ehemanns gekündigt',
    'Customer cancelled after the death of her mother, wants a smaller plan',
  ])('reads no death of the customer in "%s"', (text) => {
    expect(code(text)).not.toBe('deceased');
  });

  it.each([
    'Arbeitgeber der Kundin ist pleite, sie kann sich das Abo nicht mehr leisten',
    'Our wholesaler for the north went into administration, parts unobtainable, customer changed brand',
    'Seit der Pleite unseres Zulieferers ist das Ersatzteil nicht lieferbar',
    'Our Bristol branch closed down; the next one is an hour away',
    'Closing-down sale at a competitor: customer stocked up there for a year',
    'Firma wurde an neuen Inhaber verkauft, läuft weiter; der neue Chef kauft woanders',
    'Kunde fürchtet die Insolvenz, noch nicht insolvent, spart aber überall',
    'Bin gerade pleite, melde mich wieder',
    'Arbeitgeber des Kunden hat zugemacht, er ist jetzt arbeitslos',
    'The plant she worked at closed, money is tight now',
    'Unser Logistikpartner ist insolvent, Ware kam wochenlang nicht',
    'Auftraggeber des Kunden insolvent, der Betrieb des Kunden läuft aber weiter',
    'Händler vor Ort hat zugemacht, Kunde kauft jetzt online woanders',
    'The local dealer shut down, customer now buys online from a rival',
  ])(
    'reads no closure in "%s"',
    (text) => {
      expect(code(text)).not.toBe('business_closed');
    },
  );

  it.each(['Mahnung trotz bezahlter Rechnung, Kunde kündigt verärgert', 'Customer blocked our number after three sales calls in one week', 'Phishing-Mails in unserem Namen, Kunde verunsichert und gekündigt', 'Relationship terminated by the client after a competitor courted them'])(
    'reads no termination by us in "%s"',
    (text) => {
      expect(code(text)).not.toBe('terminated_by_us');
    },
  );

  it.each(['Wir haben unseren Laden zum Jahresende dichtgemacht, bitte keine Lieferungen mehr', 'We had to close our shop for good last month'])(
    'still reads the customer’s own shop closed in a letter of the customer: "%s"',
    (text) => {
      expect(code(text)).toBe('business_closed');
    },
  );

  it.each(['Kunde hat das Zeitliche gesegnet', 'Customer kicked the bucket last spring, says the neighbour'])('reads the customer’s death in the idiom of "%s"', (text) => {
    expect(code(text)).toBe('deceased');
  });

  it.each(['Kunde hat seinen Laden geschlossen und kauft jetzt privat online', 'Customer closed his shop; he now buys elsewhere for his own use'])(
    'still reads a closure the customer made, whatever he buys since: "%s"',
    (text) => {
      expect(code(text)).toBe('business_closed');
    },
  );

  it('sends a customer who cancelled himself to no person for the word "terminated" alone', () => {
    // The rules rank "terminated" below the move; the text rules it out, so it is no runner-up either.
    const c = classifyReason({ text: 'Customer terminated the contract - relocating to Canada for work' }, vocab);
    expect(c.code).toBe('relocation');
    expect(FINAL.has(c.secondary ?? ''), JSON.stringify(c)).toBe(false);
  });
});

// 167 texts a reviewer wrote against the rules of this file's sets (2026-12-07): 107 that state a final reason beside a
// cue that rules one out, 60 other reasons worded to trip the stated-final patterns. Not a measure (written to break
// the rules): a guard. Before the review's fixes 19 of the finals were approached and 24 of the others never contacted.
describe('review probes R (2026-12-07, written against the rules)', () => {
  const rows = parse(readFileSync(new URL('./reason-probes-2026-12-07-R.csv', import.meta.url)), { columns: true }) as { text: string; code: string; kind: string }[];
  const fate = (text: string): 'never' | 'review' | 'approach' => {
    const c = classifyReason({ text }, vocab);
    if (FINAL.has(c.code) || findObjectionPhrase(text) !== undefined) return 'never';
    return c.code === 'unknown' || c.confidence < 0.5 || FINAL.has(c.secondary ?? '') ? 'review' : 'approach';
  };

  it('approaches none of the finals: each is read as final or goes to a person', () => {
    const approached = rows.filter((r) => r.kind === 'final' && fate(r.text) === 'approach');
    expect(rows.filter((r) => r.kind === 'final')).toHaveLength(107);
    expect(approached.map((r) => r.text)).toEqual([]);
  });

  it('loses no more of the others than at the fixes (10 of 60 never contacted)', () => {
    const traps = rows.filter((r) => r.kind === 'trap');
    const lost = traps.filter((r) => fate(r.text) === 'never');
    expect(lost.length, lost.map((r) => r.text).join('\n')).toBeLessThanOrEqual(10);
  });
});
