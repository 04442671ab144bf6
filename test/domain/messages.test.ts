import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE, formatDay, formatFixed, formatFixedGrouped, formatMoneyText, formatWhole, messages, readNote, readSavedWarnings, savedNotes, savedWarnings, sayNoted,
} from '../../src/domain/catalogue/index.js';
import { validateRfm } from '../../src/domain/clv/columns.js';
import { summarizeTransactions } from '../../src/domain/clv/summary.js';
import { DataError, type WinbackError } from '../../src/errors.js';
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
const MACHINE_LISTS = ['plan, campaign, report, worksheet, reasons, calibrate, results, inspect', 'customer_id,name,phone,contact_person,reason_text,offer'];

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

describe('saved notes: keys into the catalogue, worded by the reader', () => {
  it('words a key of any depth, and a note handed on inside another', () => {
    const nested = { key: 'flags.modelWarning', args: ['model.json', { key: 'calibrate.fewHoldout', args: [8, 100] }] };
    expect(sayNoted('de', nested)).toBe('Modell model.json: nur 8 Fälle in der Prüfstichprobe: die Gütemaße sind unter 100 nicht verlässlich; mehr Kampagnenhistorie sammeln');
    expect(sayNoted('en', nested)).toMatch(/^model model\.json: only 8 holdout cases/);
    expect(sayNoted('de', readNote('repeatedHeader', 'Filiale'))).toBe("die Spaltenüberschrift 'Filiale' kommt mehrfach vor; jede Spalte bleibt für sich");
    expect(sayNoted('de', readNote('xlsxIgnoredFlags'))).toMatch(/^--encoding und --delimiter gelten nicht/);
  });

  it('leaves a key it does not know (a file of another version) to its saved text', () => {
    const unknown = { key: 'flags.modelWarning', args: ['model.json', { key: 'calibrate.gibtsnicht', args: [] }] };
    expect(sayNoted('de', unknown)).toBeUndefined();
    expect(sayNoted('de', { key: 'read.texts.toString', args: [] })).toBeUndefined();
    const saved = savedWarnings([unknown, 'a text without key', readNote('repeatedHeader', 'X')]);
    expect(saved.warnings).toEqual(['', 'a text without key', "the header 'X' appears more than once; each column is kept separately"]);
    expect(readSavedWarnings('de', ['the old text', 'b', 'c'], saved.warning_keys)).toEqual(['the old text', 'b', "die Spaltenüberschrift 'X' kommt mehrfach vor; jede Spalte bleibt für sich"]);
    expect(savedNotes(['the old text'], [unknown])).toEqual(['the old text']);
  });
});

describe('internal checks of the clv models: worded in German where they are shown', () => {
  const german = (run: () => unknown): string => {
    let error: WinbackError | undefined;
    try {
      run();
    } catch (err) {
      error = err as WinbackError;
    }
    expect(error).toBeInstanceOf(DataError);
    return sayNoted('de', error?.keyed?.message ?? '') ?? '';
  };

  it.each([
    [{ x: [1.5], tX: [1], T: [2] }, /^Zeile 1: frequency muss eine ganze Zahl ≥ 0 sein, gefunden 1,5$/],
    [{ x: [1], tX: [1], T: [-1] }, /^Zeile 1: T \(Kundenalter\) muss eine Zahl ≥ 0 sein/],
    [{ x: [1], tX: [3], T: [2] }, /^Zeile 1: recency muss zwischen 0 und T liegen, gefunden 3 bei T 2$/],
    [{ x: [1, 2], tX: [1], T: [2, 3] }, /^frequency, recency, T \(und weights\) müssen gleich viele Zeilen haben$/],
  ])('%j', (columns, text) => {
    const data = { x: Float64Array.from(columns.x), tX: Float64Array.from(columns.tX), T: Float64Array.from(columns.T) };
    const worded = german(() => validateRfm(data));
    expect(worded).toMatch(text);
    expect(findEnglish(worded, ['frequency', 'recency'])).toEqual([]);
  });

  it('an unsorted customer', () => {
    const worded = german(() => summarizeTransactions([{ customerId: 'K1', day: 20000 }, { customerId: 'K1', day: 19990 }], { period: 'week', calibrationEnd: 20100 }));
    expect(worded).toBe('die Transaktionen des Kunden K1 sind nicht nach Datum geordnet (24.09.2024 nach 04.10.2024)');
  });
});

// Errors the user reads (the WinbackError family) and lines written to the terminal: a literal
// with an English sentence among their arguments bypasses the catalogue. Found with TypeScript's
// own parser in every source file outside the catalogue; internal errors (plain Error) are a bug's
// report, not a text for users.
const USER_ERRORS = new Set(['WinbackError', 'UsageError', 'DataError', 'InputMissingError', 'CannotCreateError', 'IoError', 'LockedError', 'InterruptedError']);

/** The literal words of an expression: string and template literals, with ${…} left out. */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [[node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ')];
  return [];
}

/** Sentences in literals handed to a user error, to a stream's write or to a list of warnings. */
function bypassingTexts(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    let args: readonly ts.Expression[] = [];
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && USER_ERRORS.has(node.expression.text)) args = node.arguments ?? [];
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const { name, expression } = node.expression;
      if (name.text === 'write' || (name.text === 'push' && /warning|note/i.test(expression.getText(source)))) args = node.arguments;
    }
    for (const arg of args) {
      for (const literal of [arg, ...(ts.isBinaryExpression(arg) || ts.isConditionalExpression(arg) ? arg.getChildren(source) : [])].flatMap(literalTexts)) {
        if (findEnglish(literal).length >= 2) found.push(`${file}: ${literal}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no user-facing text in an error, a warning or on the terminal bypasses the catalogue', () => {
  const root = join(ROOT, 'src');
  const files = (readdirSync(root, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.ts') && !f.startsWith('domain/catalogue/'));

  it('finds no English sentence in such a literal in any source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => bypassingTexts(f, readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });

  it('finds one where there is one (the check can fail)', () => {
    const bad = [
      "throw new DataError(`${path} is not a winback ledger state`, 'remove it and run again');",
      "ctx.stderr.write(`warning: the rows are not valid for ${x}`);",
      "warnings.push(lang === 'de' ? 'gut' : 'the rows are not valid');",
    ];
    expect(bad.map((code) => bypassingTexts('bad.ts', code).length)).toEqual([2, 1, 1]);
    expect(bypassingTexts('good.ts', "throw keyedError((m) => new DataError(m), noteOf('ledger', { key: 'stateNotJson', args: [path] }));")).toEqual([]);
  });
});

// bin/winback.js runs before dist/ exists, so it cannot read the catalogue: its "cannot start"
// message is the one text held outside it, in English and German, inside the one function named here.
const OUTSIDE_CATALOGUE: Record<string, string> = { 'bin/winback.js': 'cannotStart' };

/** The literals of a JavaScript file with an English sentence in them, each with the function it stands in. */
function sentencesOf(file: string, text: string): { fn: string; literal: string }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { fn: string; literal: string }[] = [];
  const visit = (node: ts.Node, fn: string): void => {
    const inner = ts.isFunctionDeclaration(node) && node.name !== undefined ? node.name.text : fn;
    for (const literal of literalTexts(node)) if (findEnglish(literal).length >= 2) found.push({ fn: inner, literal });
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(source, '');
  return found;
}

describe('the shim in bin/: the one text outside the catalogue, known by name', () => {
  const files = readdirSync(join(ROOT, 'bin')).filter((f) => f.endsWith('.js')).map((f) => `bin/${f}`);

  it('has English sentences only in the function named as the exception, and that function speaks German too', () => {
    expect(files).toContain('bin/winback.js');
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const sentences = sentencesOf(file, text);
      expect(sentences.filter((s) => s.fn !== OUTSIDE_CATALOGUE[file]), file).toEqual([]);
      const allowed = OUTSIDE_CATALOGUE[file];
      if (allowed === undefined) continue;
      // The exception is still there (a stale entry would excuse a later text) and is bilingual.
      expect(sentences.filter((s) => s.fn === allowed).length, file).toBeGreaterThan(0);
      expect(text).toMatch(new RegExp(`function ${allowed}\\([^)]*\\) \\{[\\s\\S]*?kann nicht starten[\\s\\S]*?Hinweis:[\\s\\S]*?cannot start[\\s\\S]*?hint:`));
    }
  });

  it('finds a sentence outside the named function (the check can fail)', () => {
    const code = "function cannotStart() { return 'it is not built yet'; }\nprocess.stderr.write('the build is not there');";
    expect(sentencesOf('bin/x.js', code).map((s) => s.fn)).toEqual(['cannotStart', '']);
  });
});

describe('numbers and days inside the reader’s German texts', () => {
  it('are written the German way: 123,45 %, 23.11.2026, 30.12.1899', () => {
    const de = messages('de').read.texts;
    const en = messages('en').read.texts;
    const day = 20_780; // 2026-11-23
    expect(de.marginOver100(123.45)).toMatch(/^ist 123,45 %/);
    expect(de.churnAfterAsOf(day)).toContain('Stichtag 23.11.2026');
    expect(de.sinceAfterAsOf(day)).toContain('Stichtag 23.11.2026');
    expect(de.declinedAfterAsOf(day)).toContain('Stichtag 23.11.2026');
    expect(de.before1900).toContain('30.12.1899');
    expect(en.churnAfterAsOf(day)).toContain('as-of date 2026-11-23');
    expect(en.marginOver100(123.45)).toMatch(/^is 123.45 %/);
  });

  it('groups a ratio’s whole part in German only: 12.371,23 and 12371.23', () => {
    expect(formatFixedGrouped(12371.234, 2, 'de')).toBe('12.371,23');
    expect(formatFixedGrouped(-1234567.5, 2, 'de')).toBe('-1.234.567,50');
    expect(formatFixedGrouped(7.666, 2, 'de')).toBe('7,67');
    expect(formatFixedGrouped(12371.234, 2, 'en')).toBe('12371.23');
  });
});
