import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, formatDay, formatFixed, formatMoneyText, formatWhole, messages } from '../../src/domain/catalogue/index.js';
import { findEnglish } from '../support/english-words.js';
import { ROOT } from '../support/cli.js';

type Leaf = { path: string; value: unknown };

/** Every leaf of a nested text table with its dotted path (arrays are leaves). */
function leaves(value: unknown, path = ''): Leaf[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ path, value }];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

/** What a text looks like, to compare its languages: kind, arity, array length. */
function shape(value: unknown): string {
  if (typeof value === 'function') return `function/${value.length}`;
  if (Array.isArray(value)) return `array/${value.length}`;
  return typeof value;
}

/** A text's German wording as a sample sentence: a function called with placeholders. */
function sample(value: unknown): string {
  if (typeof value === 'function') {
    // Placeholders as words; a text that computes with a number gets numbers, one that joins a list a list.
    const call = (arg: unknown) => String((value as (...a: unknown[]) => unknown)(...Array.from({ length: value.length }, () => arg)));
    for (const arg of ['X', 1]) {
      try {
        return call(arg);
      } catch {
        // try the next kind of placeholder
      }
    }
    return call(['X']);
  }
  return Array.isArray(value) ? value.join(' | ') : String(value);
}

// Lists of commands and columns inside help texts: machine words.
const MACHINE_LISTS = ['plan, campaign, report, worksheet, reasons, calibrate, inspect', 'customer_id,name,phone,contact_person,reason_text,offer'];

describe('the one message catalogue', () => {
  const entries = Object.entries(CATALOGUE).flatMap(([section, keys]) =>
    Object.entries(keys as unknown as Record<string, Record<string, unknown>>).map(([key, entry]) => [`${section}.${key}`, entry] as const),
  );

  it('holds the reader, report, worksheet, playbook and help texts beside the commands\'', () => {
    expect(Object.keys(CATALOGUE)).toEqual(expect.arrayContaining(['read', 'report', 'worksheet', 'playbookCheck', 'help', 'plan', 'campaign']));
    expect(messages('de').read.texts.empty).toBe('ist leer');
    expect(messages('de').report.words.title).not.toBe(messages('en').report.words.title);
  });

  it.each(entries)('%s has English and German of the same shape', (_key, entry) => {
    expect(Object.keys(entry).sort()).toEqual(['de', 'en']);
    expect(shape(entry.de)).toBe(shape(entry.en));
    if (typeof entry.en === 'string') {
      expect(entry.en.trim()).not.toBe('');
      expect((entry.de as string).trim()).not.toBe('');
    }
    // A table of words (the reader's, the report's, the worksheet's, a command's help): every leaf in both.
    if (typeof entry.en === 'object' && entry.en !== null && !Array.isArray(entry.en) && !_key.startsWith('help.')) {
      expect(leaves(entry.de).map((l) => `${l.path}:${shape(l.value)}`)).toEqual(leaves(entry.en).map((l) => `${l.path}:${shape(l.value)}`));
    }
  });

  it('has German texts without English words', () => {
    const samples = entries.flatMap(([key, entry]) =>
      leaves(entry.de).flatMap((leaf) => {
        // `warnings` names plan.csv's column: machine contract in either language; so are the
        // command names and list columns the help names, and its examples are command lines.
        if (key.startsWith('help.') && leaf.path.startsWith('examples')) return [];
        const text = sample(leaf.value);
        return findEnglish(text, ['warnings', ...MACHINE_LISTS]).map((l) => `${key}${leaf.path ? `.${leaf.path}` : ''}: ${l.word}`);
      }),
    );
    expect(samples).toEqual([]);
  });

  it('fails on a key without German (the check above can fail)', () => {
    const broken = { en: 'only English' } as Record<string, unknown>;
    expect(Object.keys(broken).sort()).not.toEqual(['de', 'en']);
    expect(findEnglish(sample(messages('en').playbookCheck.unknownOffer)).length).toBeGreaterThan(0);
  });

  it('names each kind of corrupt ledger line in German words', () => {
    const kinds = ['utf8', 'quote', 'header', 'fields', 'emptyId', 'channel', 'date', 'emptyCampaign', 'outcome'] as const;
    const texts = kinds.map((k) => messages('de').ledger.corrupt('out/ledger.csv', 2, 'channel', k, 'fax', '6'));
    expect(texts.flatMap((t) => findEnglish(t, ['channel']).map((l) => `${t}: ${l.word}`))).toEqual([]);
    expect(new Set(texts).size).toBe(kinds.length);
  });

  it('gives each language its own texts', () => {
    expect(messages('en').value.aboveThreshold('€5', '€0')).toBe('expected value €5 > threshold €0');
    expect(messages('de').value.aboveThreshold('5 €', '0 €')).toBe('erwarteter Wert 5 € > Schwelle 0 €');
    expect(messages().plan.total).toBe('total');
  });
});

describe('numbers, money and dates in the language', () => {
  it.each([
    [509431, 'en', '509,431'],
    [509431, 'de', '509.431'],
    [-1234567, 'de', '-1.234.567'],
    [12.4, 'en', '12'],
  ] as const)('%d in %s is %s', (v, lang, text) => {
    expect(formatWhole(v, lang)).toBe(text);
  });

  it('writes money in English as before and in German after the amount', () => {
    expect(formatMoneyText(139238.7, '€', 'en')).toBe('€139239');
    expect(formatMoneyText(-2.4, '€', 'en')).toBe('-€2');
    expect(formatMoneyText(139238.7, '€', 'de')).toBe('139.239\u00a0€');
    expect(formatMoneyText(-0.4, '$', 'de')).toBe('0\u00a0$');
    expect(formatMoneyText(5, 'CHF\u00a0', 'de')).toBe('5\u00a0CHF');
    expect(formatFixed(0.42, 2, 'de')).toBe('0,42');
    expect(formatDay(20780, 'de')).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  });
});

// Files whose texts all come from the catalogue: an English sentence in a string literal there
// is a text that bypasses it. (Comments are not literals; codes and field names are not sentences.)
const MOVED = [
  'src/domain/value/decision.ts', 'src/domain/value/explain.ts', 'src/domain/timing.ts', 'src/domain/campaign/campaign.ts', 'src/domain/plan/plan.ts',
  'src/io/plan/render.ts', 'src/commands/plan.ts', 'src/commands/campaign/summary.ts', 'src/io/results/html.ts',
  'src/domain/playbook.ts', 'src/domain/reasons/phrase.ts', 'src/io/playbook-file.ts', 'src/commands/campaign/ledger.ts', 'src/domain/clv/retention.ts', 'src/io/clv/output.ts',
];

describe('no text bypasses the catalogue', () => {
  it.each(MOVED)('%s has no English sentence in a string literal', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    // A literal right after `en:` is the English half of a bilingual label ({ en, de }).
    const literals = [...source.matchAll(/(en:\s*)?(?:'([^'\n]*)'|`([^`]*)`)/g)].filter((m) => m[1] === undefined).map((m) => m[2] ?? m[3] ?? '');
    const sentences = literals.filter((text) => findEnglish(text.replace(/\$\{[^}]*\}/g, ' ')).length >= 2);
    expect(sentences).toEqual([]);
  });
});
