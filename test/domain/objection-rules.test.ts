/**
 * The rule half of the objection detector on its own (objectionByRules): patterns that are an
 * objection whatever the learned reader says, and wishes about when or where to call that are not.
 */
import { describe, expect, it } from 'vitest';
import { findObjectionPhrase, normaliseObjectionText, objectionByRules } from '../../src/domain/objections/text.js';

const rules = (text: string): string | undefined => objectionByRules(normaliseObjectionText(text));

describe('objection rules', () => {
  it.each([
    'Kein Kontakt!!',
    'kein kontakt',
    'Customer: no calls please',
    'keine Anrufe mehr',
    'No follow-up.',
    'I object.',
    'Widerspruch',
    'Honestly, just leave me be.',
    'Set no-call flag.',
    'client: no sales calls to the office line',
    'Stop the cold calls.',
    'Bitte keine Vertragsverlängerungsangebote mehr.',
    'Subscriber objects to any use of his data beyond the contract.',
    "Doesn't want to be approached by sales again.",
    "I'd rather you didn't call to ask why.",
    "Don't even think about sending me an offer.",
    'Declined the exit survey and all future contact.',
    'Asked us to wipe his details from our systems.',
    'Bitte stellen Sie die Zusendung Ihrer Prospekte ein.',
    'Nicht mehr anrufen!',
    "Don't call me ever again.",
    'Kunde verlangt, dass seine E-Mail-Adresse für Werbung gesperrt wird.',
    "I'd appreciate it if you stopped sending me letters.",
    'Ich ersuche Sie, von jeglicher Zusendung von Werbematerial Abstand zu nehmen.',
    'Ik will keen Werbung mehr.',
    'Bitte koi Reklame meh in de Briefkaschte.',
    'bitte kiene werbung merh',
    "Dinnae call me wi' offers.",
    'Kundin bitte aus dem Newsletter austragen.',
    'Hat den Abmelde-Link in der Mail benutzt.',
    'Prefers no calls from marketing.',
    'Ich möchte in Zukunft keine Angebote mehr per Mail erhalten.',
    'Says our sales emails are harassment and wants them stopped.',
    'Ruft mi nimmer an!',
    'Kd. will weder angerufen noch angeschrieben werden.',
    'Bittet um Einstellung der Werbe-Telefonate.',
    'Please stop cold-calling our office.',
    'Nummer für Vertriebszwecke sperren.',
    'Häkchen bei der Werbeeinwilligung entfernt.',
    'Unticked the marketing box.',
    'Registered with the Mail Preference Service.',
    'Does not want a callback from the retention team.',
    'Neither calls nor letters, please.',
    'I wott kei Wärbig meh.',
    'Bitte keine E-Mails mehr zu neuen Tarifen.',
    'Please never call me again.',
    'DoNotCall',
  ])('finds "%s"', (text) => {
    expect(rules(text)).toBeDefined();
    expect(findObjectionPhrase(text)).toBeDefined();
  });

  it.each([
    "Don't call before 9, I work nights.",
    'Please don\'t call during work hours.',
    "Don't email my work address; use my personal one.",
    'Do not send a replacement, I am cancelling.',
    'Bitte nicht vor 10 Uhr anrufen.',
    'Bitte nicht auf dem Festnetz anrufen, nur Handy.',
    'Marketing consent re-granted after previous opt-out.',
    'Kd. erwähnt, dass Inkassofirmen (nicht wir) ihn ständig anrufen.',
    'No contact from support for weeks',
    'Kein Kontakt zum Vertrieb möglich',
    "I'd appreciate it if you didn't call before 9.",
    'Please delete my old email address, the new one is on file.',
    'Alte Telefonnummer bitte löschen.',
    'He removed the app from his phone.',
    'Please stop sending paper statements.',
    "The competitor's agent won't stop calling him.",
    'Is ja nich so, dass ick keene Anrufe will, nur zu teuer.',
    'Kontoauszüge bitte nicht mehr per Post, nur noch online.',
    'No more emails with my invoice attached, I use the portal.',
    'Keine SMS mehr zum Lieferstatus.',
    'Bitte das doppelt angelegte Kundenkonto löschen.',
    'Bitte löschen Sie meine Bankverbindung, ich zahle per Rechnung.',
    'Widerspruch gegen die Rechnung eingelegt.',
    'Remove me as secondary contact on my sister\'s account.',
    'Mich bitte aus dem Familienkonto austragen.',
    'Please do not call my mobile, use the landline.',
    "Please don't call my husband about the bill, call me.",
    'Bitte rufen Sie mich nicht während der Arbeitszeit an, sondern abends.',
    "Don't send the parcel to my work address, send it home.",
    'Stop sending the engineer, it works again.',
    'Unsubscribed from the Tuesday yoga class.',
    'Resubscribed to the newsletter after an accidental unsubscribe.',
    'On the TPS but happy for us to call him.',
    'Technician never called as promised.',
    'Kd. stimmt der Kontaktaufnahme ausdrücklich zu.',
    'Kann das Studio nicht mehr besuchen, bin umgezogen.',
  ])('leaves "%s" alone', (text) => {
    expect(rules(text)).toBeUndefined();
  });

  // A lost relationship with a person at the supplier is a departure reason, not a request; the same words wished for are an objection.
  it.each(['Ansprechpartner hat gewechselt, kein Kontakt mehr zum Außendienst', 'No contact with the rep since he left.'])('does not read the lost relationship "%s" as an objection', (text) => {
    expect(findObjectionPhrase(text)).toBeUndefined();
  });
  it.each(['Kein Kontakt mehr zum Außendienst gewünscht.', 'Kein Kontakt mehr mit dem Vertreter, bitte.', 'No more contact with your rep please.'])('reads the wish "%s" as an objection', (text) => {
    expect(findObjectionPhrase(text)).toBeDefined();
  });

  // Near misses that use objection words for something else: another channel asked for, someone
  // else's calls, a detail that no longer works, a list that is not a marketing list, a question
  // about a right, the customer's own advertising, billing or deliveries stopped, one offer declined.
  it.each([
    'Anrufe zwecklos, Kundin ist gehörlos – bitte Kontakt per SMS.',
    'She is hard of hearing, please use text instead of phone calls.',
    'Kd. möchte einen Filter gegen Spam-Anrufe, den bieten wir nicht an.',
    'Gets junk calls from other firms all day, wants a new number.',
    'Festnetznummer gelöscht, Anschluss existiert nicht mehr.',
    'Email address removed after it bounced.',
    'Take me off the waiting list for the new phone.',
    'Asked whether she could object to marketing later on; not for now.',
    'Customer asked what the TPS is.',
    'Werbeetat gestrichen, Anzeigenpaket gekündigt.',
    'Our marketing budget was frozen, cancelling the listing.',
    'Stop billing me, the contract ended in March.',
    'Hören Sie auf, mir Geld abzubuchen!',
    'Keine Löschung gewünscht, das Konto soll bleiben.',
    'Seit dem Wechsel des Außendienstlers keine Besuche mehr',
    'no call from the retention team yet',
    'Unsubscribed from the low-balance SMS alerts.',
    'Keine Paketbenachrichtigungen mehr per SMS, ich nutze die App.',
    'No more calls about the outage please, it is fixed.',
    'Stop calling it unlimited when it is not.',
    'Do not send the router back, we collect it.',
    "I don't want the upgrade offer, just the cancellation.",
    'Einwilligung zur Telefonwerbung liegt vor, erteilt 03/2024.',
    'Hat nichts dagegen, weiter Angebote zu bekommen.',
    "Doesn't mind getting our newsletters, just too pricey.",
    'Asked to be called back after the holidays.',
    'Bitte keine Pakete mehr liefern, das Abo ist beendet.',
    'The advert promised free installation.',
    'Consent on file, complaint withdrawn after the refund.',
  ])('does not read the near miss "%s" as an objection', (text) => {
    expect(findObjectionPhrase(text)).toBeUndefined();
  });
  it.each([
    'Bitte kane Werbung mehr schicken.',
    'Versuchen Sie gar nicht erst, mich zurückzuholen.',
    "Please don't try to win me back.",
    'Only call me if there is a problem with the meter, nothing else.',
    'Bitte nur noch wegen der offenen Rechnung melden, sonst gar nicht.',
    'Please remove me from your mailing list, not just the waiting list.',
    'Keine Werbeanrufe, Rechnungen bitte per E-Mail.',
    'Telefonsperre für Werbung.',
    "I don't want your offers or your calls.",
    'Stop billing me and stop the sales calls.',
    'Einwilligung erteilt 2021, inzwischen widerrufen.',
    'Consent given at sign-up, now withdrawn.',
    'Withdrawal of consent received, marketing on file before.',
    'Ich will nicht, dass Sie mich weiter für Werbung anrufen.',
    'Die Marketing-Einwilligung hat sie gekündigt.',
  ])('still finds the objection "%s" beside those guards', (text) => {
    expect(findObjectionPhrase(text)).toBeDefined();
  });
});
