/**
 * Properties of the objection detector: how an objection is typed (case, spacing, punctuation,
 * shouting) does not change whether it is found. The objections come from the labelled sets
 * in ./heldout (all found as written, objection-heldout.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findObjectionPhrase } from '../../src/domain/objections/text.js';
import { propertyRuns } from '../support/property.js';

const dir = new URL('./heldout/', import.meta.url);
const rows = readdirSync(dir)
  .filter((name) => name.startsWith('objections-'))
  .flatMap((name) => parse(readFileSync(new URL(name, dir)), { columns: true }) as { text: string; objection: string }[]);
const objections = rows.filter((r) => r.objection === 'yes').map((r) => r.text);
const ordinary = rows.filter((r) => r.objection === 'no').map((r) => r.text);

/** Ways people type the same words: each keeps the words and their order. */
const typed = fc.record({
  letterCase: fc.constantFrom('as is', 'upper', 'lower', 'title'),
  spaces: fc.integer({ min: 1, max: 4 }),
  before: fc.constantFrom('', ' ', '  ', '"', '>> ', '*** ', '\t'),
  after: fc.constantFrom('', '!', '!!!', '.', '...', ' !!', '"', '?!', ' ***', ' :-('),
});

function retype(text: string, how: { letterCase: string; spaces: number; before: string; after: string }): string {
  const cased =
    how.letterCase === 'upper' ? text.toUpperCase()
      : how.letterCase === 'lower' ? text.toLowerCase()
        : how.letterCase === 'title' ? text.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
          : text;
  return how.before + cased.replace(/ +/g, (run) => ' '.repeat(run.length * how.spaces)) + how.after;
}

describe('objection detector: typing variants', () => {
  it('has objections and ordinary texts to draw from', () => {
    expect(objections.length).toBeGreaterThan(900);
    expect(ordinary.length).toBeGreaterThan(1300);
  });

  it('an objection typed in other case, spacing, punctuation or shouting is still found', () => {
    fc.assert(
      fc.property(fc.constantFrom(...objections), typed, (text, how) => {
        expect(findObjectionPhrase(retype(text, how)), retype(text, how)).toBeDefined();
      }),
      propertyRuns(100),
    );
  });

  it('shouting an ordinary reason does not make it an objection', () => {
    const quiet = ordinary.filter((t) => findObjectionPhrase(t) === undefined);
    fc.assert(
      fc.property(fc.constantFrom(...quiet), typed, (text, how) => {
        expect(findObjectionPhrase(retype(text, how)), retype(text, how)).toBeUndefined();
      }),
      propertyRuns(100),
    );
  });

  it('an objection after an ordinary reason in the same field is still found', () => {
    fc.assert(
      fc.property(fc.constantFrom('too expensive', 'Preis zu hoch', 'moved away', 'Umzug', 'competitor cheaper'), fc.constantFrom(...objections), fc.constantFrom('. ', '; ', ' – ', ' / '), (reason, objection, join) => {
        expect(findObjectionPhrase(`${reason}${join}${objection}`)).toBeDefined();
      }),
      propertyRuns(100),
    );
  });
});
