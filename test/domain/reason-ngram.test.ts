import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REASON_CODES, type ReasonCode } from '../../src/domain/playbook-types.js';
import { readNgram, readTokens, trainNgramModel } from '../../src/domain/reasons/ngram.js';
import { tokenizeReason } from '../../src/domain/reasons/normalize.js';
import { propertyRuns } from '../support/property.js';

const examples: [string, ReasonCode][] = [
  ['Funkloch im ganzen Ort', 'availability'],
  ['kein Netz im Keller', 'availability'],
  ['Rechnung viel zu hoch', 'price'],
  ['Preiserhöhung um ein Drittel', 'price'],
  ['Techniker kam dreimal umsonst', 'quality'],
  ['Router fällt ständig aus', 'quality'],
];
const train = (list: [string, ReasonCode][]) => trainNgramModel(REASON_CODES, list.map(([t, code]) => ({ tokens: tokenizeReason(t), code, weight: 1 })));
const posterior = (model: ReturnType<typeof train>, text: string) => readNgram(readTokens(model, tokenizeReason(text)));
const best = (model: ReturnType<typeof train>, text: string) => {
  const p = posterior(model, text).posterior;
  return REASON_CODES[p.indexOf(Math.max(...p))];
};

describe('the n-gram reader', () => {
  it('reads unseen compounds and inflections by their letter n-grams', () => {
    const model = train(examples);
    expect(best(model, 'Funklöcher überall')).toBe('availability');
    expect(best(model, 'Preiserhöhungen')).toBe('price');
    expect(best(model, 'Routerausfall')).toBe('quality');
  });

  it('trains the same model from the same examples, in any order', () => {
    const a = train(examples);
    const b = train([...examples].reverse());
    for (const text of ['Funkloch', 'zu hoch', 'irgendwas']) expect([...posterior(a, text).posterior]).toEqual([...posterior(b, text).posterior]);
  });

  it('gives a posterior that sums to one, uniform when it knows nothing (property)', () => {
    const model = train(examples);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const r = posterior(model, text);
        const sum = r.posterior.reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(1, 9);
        if (r.known === 0) expect(Math.max(...r.posterior) - Math.min(...r.posterior)).toBeLessThan(1e-12);
      }),
      propertyRuns(100),
    );
  });

  it('reads numbers of any length alike (ticket numbers)', () => {
    const model = train(examples);
    expect([...posterior(model, 'Funkloch Ticket 7').posterior]).toEqual([...posterior(model, 'Funkloch Ticket 48213').posterior]);
  });

  it('reads a part of a text as that part alone', () => {
    const model = train(examples);
    const tokens = tokenizeReason('Rechnung zu hoch, Funkloch im Ort');
    const ev = readTokens(model, tokens);
    const firstPart = readNgram(ev, (at) => at < tokens.indexOf('|'));
    const alone = readNgram(readTokens(model, tokenizeReason('Rechnung zu hoch')));
    expect([...firstPart.posterior]).toEqual([...alone.posterior]);
  });
});
