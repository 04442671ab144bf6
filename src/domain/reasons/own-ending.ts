/**
 * A relationship the customer ended himself is not one the company ended: "Lastschrift
 * geplatzt, Kd. hat daraufhin selbst gekündigt", "collections letter by mistake … closed the
 * account himself". Words of non-payment or collection make the rules and the learned reader
 * lean to terminated_by_us, a final reason (never contacted); a text that says the customer
 * cancelled on his own rules it out, whatever else it says.
 */
import type { ReasonCode } from '../playbook-types.js';
import type { NgramReading } from './ngram.js';
import type { RankedReason } from './rules.js';

/** The reason a customer's own cancellation rules out. */
const OURS: ReasonCode = 'terminated_by_us';

// Over the classifier's tokens (lower case, umlauts folded, "Kd." read as "kunde").
const ENDED_BY_CUSTOMER = new RegExp(
  [
    '\\b(?:selbst|selber|eigenstaendig|von sich aus) (?:gekuendigt|storniert|aufgeloest|beendet|abgemeldet)\\b',
    '\\b(?:kuendigt|kuendigte|storniert|stornierte) (?:[a-z]+ ){0,2}(?:selbst|selber)\\b',
    '\\b(?:kuendigung|aufloesung|kontoaufloesung|vertragsaufloesung) durch (?:den |die )?(?:kunden?|kundin)\\b',
    '\\b(?:cancel(?:l?ed|s|ling)?|closed?|closing|terminated|ended|quit) (?:[a-z]+ ){0,3}(?:herself|himself|themselves)\\b',
    '\\bcustomer initiated\\b',
  ].join('|'),
);

/** The text says the customer ended the relationship himself. */
export function endedByCustomer(tokens: readonly string[]): boolean {
  return ENDED_BY_CUSTOMER.test(tokens.join(' '));
}

/**
 * The rule ranking and the model's reading without the company's own termination, for a text
 * the customer ended himself (endedByCustomer).
 */
export function withoutOurEnding<R extends (...args: never[]) => NgramReading>(ranked: readonly RankedReason[], read: R, codes: readonly ReasonCode[]): { ranked: RankedReason[]; read: R } {
  const k = codes.indexOf(OURS);
  const cleared = ((...args: Parameters<R>) => {
    const reading = read(...args);
    if (k < 0) return reading;
    const posterior = Float64Array.from(reading.posterior);
    posterior[k] = 0;
    return { ...reading, posterior };
  }) as R;
  return { ranked: ranked.filter((r) => r.reason !== OURS), read: cleared };
}
