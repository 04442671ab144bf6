/**
 * Labelled reason texts on disk: the shipped examples the learned reader starts from
 * (src/playbook/examples.csv) and a company's own examples file (text, code columns).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LabelledExample, ReasonCode } from '../domain/playbook-types.js';
import { REASON_CODES } from '../domain/playbook-types.js';
import { codeKey } from '../domain/reasons/vocabulary.js';
import { DataError, InputMissingError } from '../errors.js';
import { CsvRecordParser, type RecordSink, UnclosedQuoteError } from './csv/records.js';
import { createDecoder, detectEncoding } from './csv/decode.js';
import { detectDelimiter } from './csv/sniff.js';
import { keyedError, noteOf } from '../domain/catalogue/index.js';

/** The shipped examples; from src/io (vitest) and dist/io (built) alike <root>/src/playbook. */
export const BUILTIN_EXAMPLES_PATH = fileURLToPath(new URL('../../src/playbook/examples.csv', import.meta.url));

/** Header names accepted for the two columns (folded like reason codes). */
const TEXT_HEADERS = new Set(['text', 'reason', 'reasontext', 'grund', 'kuendigungsgrund', 'freitext', 'comment', 'kommentar']);
const CODE_HEADERS = new Set(['code', 'reasoncode', 'label', 'reasonlabel', 'kategorie', 'category', 'grundcode']);

export interface ExampleRow {
  text: string;
  /** the code cell as written */
  label: string;
  /** line in the file (1 = header) */
  line: number;
}

/** Reads a CSV of labelled texts: any encoding and delimiter `winback` reads, a header naming a text and a code column. */
export async function readExampleRows(path: string): Promise<ExampleRow[]> {
  const text = await readText(path);
  const delimiter = detectDelimiter(text.slice(0, 64 * 1024));
  const records: { record: string[]; line: number }[] = [];
  const parser = new CsvRecordParser(delimiter);
  const sink: RecordSink = {
    record: (cells, line) => {
      if (cells.length > 1 || (cells[0] ?? '') !== '') records.push({ record: cells, line });
    },
    broken: (r) => {
      throw unclosedQuote(path, r.line);
    },
  };
  try {
    parser.push(text, sink);
    parser.end(sink);
  } catch (err) {
    // A quote still open at the end of the file.
    if (err instanceof UnclosedQuoteError) throw unclosedQuote(path, err.openedAt);
    throw err;
  }
  const header = (records[0]?.record ?? []).map(codeKey);
  const textAt = header.findIndex((h) => TEXT_HEADERS.has(h));
  const codeAt = header.findIndex((h) => CODE_HEADERS.has(h));
  if (textAt < 0 || codeAt < 0) {
    const found = (records[0]?.record ?? []).join(', ');
    throw keyedError((m, h) => new DataError(m, h), noteOf('reasons', { key: 'examplesColumns', args: [path, found] }), noteOf('reasons', { key: 'examplesColumnsHint', args: [] }));
  }
  return records.slice(1).map(({ record, line }) => ({ text: (record[textAt] ?? '').trim(), label: (record[codeAt] ?? '').trim(), line }));
}

/** The shipped examples, or the examples file a playbook names (every row must carry a known code). */
export async function readExamples(path: string, own: boolean, resolveCode: (label: string) => ReasonCode | undefined = stableCode): Promise<LabelledExample[]> {
  const rows = await readExampleRows(path);
  const bad = rows.filter((r) => r.text === '' || resolveCode(r.label) === undefined);
  if (bad.length > 0) {
    const list = bad.slice(0, 5).map((r): [number, string | null] => [r.line, r.text === '' ? null : r.label]);
    throw keyedError(
      (m, h) => new DataError(m, h),
      noteOf('reasons', { key: 'examplesUnusable', args: [path, bad.length, list] }),
      noteOf('reasons', { key: 'examplesUnusableHint', args: [REASON_CODES.join(', ')] }),
    );
  }
  return rows.map((r) => ({ text: r.text, code: resolveCode(r.label) as ReasonCode, own }));
}

function unclosedQuote(path: string, line: number): DataError {
  return keyedError((m, h) => new DataError(m, h), noteOf('reasons', { key: 'examplesQuote', args: [path, line] }), noteOf('reasons', { key: 'examplesQuoteHint', args: [] }));
}

function stableCode(label: string): ReasonCode | undefined {
  return REASON_CODES.find((c) => codeKey(c) === codeKey(label));
}

async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw keyedError((m) => new InputMissingError(m), code === 'ENOENT'
      ? noteOf('reasons', { key: 'examplesMissing', args: [path] })
      : noteOf('reasons', { key: 'examplesUnreadable', args: [path, code ?? (err as Error).message] }));
  }
  const decoder = createDecoder(detectEncoding(bytes.subarray(0, 4096), bytes.length <= 4096).encoding);
  return decoder.write(bytes) + decoder.end();
}
