/**
 * Deterministic fixture generator: realistic lost-customer exports (English CRM style and
 * German Excel style), reason-code and transaction files. `npm run fixtures` rewrites the
 * small committed fixtures; `--rows N --style en|de --out FILE` streams a large file.
 * Same seed, same bytes: the committed fixtures are checked against a fresh generation.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { betaDraw, gammaDraw } from '../src/domain/clv/simulate.js';
import { formatIsoDay } from '../src/domain/dates.js';
import type { EpochDay } from '../src/domain/types.js';
import { customerIdOf, fakeCustomers, FIXTURE_AS_OF, type FakeCustomer } from './fake-customers.js';
import {
  applyBadRow, csvLine, DIALECTS, formatDate, formatNumber, formatCustomerFields, LOST_CUSTOMER_HEADERS,
  planBadRows, type BadRowKind, type Dialect,
} from './fixture-format.js';
import { createRandom, type Random } from './random.js';
import { REASON_CODE_LABELS, type FixtureLanguage } from './reason-phrases.js';

/** Seed of the committed fixtures; each file derives its own seed from it. */
export const FIXTURE_SEED = 20261123;

export interface LostCustomerOptions {
  rows: number;
  seed: number;
  style: FixtureLanguage;
  /** add the deliberately bad rows (see fixtures/README.md) */
  badRows?: boolean;
}

export interface TransactionOptions {
  /** number of customers; each gets at least one transaction */
  customers: number;
  seed: number;
  style: FixtureLanguage;
}

/** Where the bad rows of a lost-customer file go: record index → kind. */
export function badRowsOf(opts: LostCustomerOptions): Map<number, BadRowKind> {
  if (!opts.badRows) return new Map();
  // Keep the special rows (formula name, +49 phone, non-positive margins, reason coverage) intact.
  return planBadRows(opts.rows, (i) => i === 0 || i === 3 || i === 7 || i === 11 || i === 23 || i % 12 === 5);
}

/** The lines of a lost-customer export, header first, each with its line end; streams row by row. */
export function* lostCustomerLines(opts: LostCustomerOptions): Generator<string> {
  const dialect = DIALECTS[opts.style];
  const formatRandom = createRandom(opts.seed ^ 0x9e3779b9);
  const bad = badRowsOf(opts);
  yield csvLine(LOST_CUSTOMER_HEADERS[opts.style], dialect);
  const customers = fakeCustomers(opts.seed, opts.style);
  for (let i = 0; i < opts.rows; i++) {
    const customer = customers.next().value as FakeCustomer;
    const fields = formatCustomerFields(customer, opts.style, formatRandom);
    const kind = bad.get(i);
    yield csvLine(kind ? applyBadRow(fields, kind, opts.style, customerIdOf(0, opts.style)) : fields, dialect);
  }
}

/** A whole lost-customer export as text (the caller encodes it). */
export function generateLostCustomers(opts: LostCustomerOptions): string {
  return [...lostCustomerLines(opts)].join('');
}

/**
 * Purchase histories (customer_id, date, amount), grouped by customer and in date order.
 * Three in four customers are the lost customers of the same seed and stop buying at their
 * churn date; the others are still active up to the fixtures' as-of date.
 */
export function* transactionLines(opts: TransactionOptions): Generator<string> {
  const dialect = DIALECTS[opts.style];
  const random = createRandom(opts.seed ^ 0x5bd1e995);
  yield csvLine(['customer_id', 'date', 'amount'], dialect);
  const customers = fakeCustomers(opts.seed, opts.style);
  for (let i = 0; i < opts.customers; i++) {
    const customer = customers.next().value as FakeCustomer;
    const active = i % 4 === 3;
    const id = active ? customerIdOf(90000 + i, opts.style) : customer.id;
    const end = active ? FIXTURE_AS_OF : customer.churn;
    for (const [day, amount] of drawPurchases(random, customer, end)) {
      yield csvLine([id, formatDate(day, opts.style), formatTransactionAmount(amount, opts.style, random)], dialect);
    }
  }
}

/** A whole transaction file as text. */
export function generateTransactions(opts: TransactionOptions): string {
  return [...transactionLines(opts)].join('');
}

/**
 * Purchases told the way BG/NBD and Gamma-Gamma tell them (parameters near the CDNOW
 * fits, per week): each customer buys at a Poisson rate λ ~ Gamma(r, alpha), may drop out
 * after every purchase with p ~ Beta(a, b), and spends Gamma(p, ν) per purchase around a
 * personal mean ν ~ Gamma(q, v). Lost customers stop at their churn date.
 */
function drawPurchases(random: Random, customer: FakeCustomer, end: EpochDay): [EpochDay, number][] {
  const u = () => random.next();
  const start = Math.max(customer.since, end - 3 * 365 + random.int(0, 90));
  const perDay = gammaDraw(0.6, 4, u) / 7;
  const dropout = betaDraw(0.8, 2.4, u);
  const scale = customer.segment === 'B2B' ? 8 : 4;
  const personalMean = gammaDraw(4, 15, u);
  const purchases: [EpochDay, number][] = [];
  for (let day = start; day <= end && purchases.length < 60; ) {
    purchases.push([day, Math.round((gammaDraw(6, personalMean, u) * scale + 1) * 100) / 100]);
    if (purchases.length > 1 && random.next() < dropout) break;
    day += Math.max(1, Math.round(-Math.log(1 - random.next()) / Math.max(perDay, 1e-4)));
  }
  return purchases;
}

function formatTransactionAmount(amount: number, lang: FixtureLanguage, random: Random): string {
  return formatNumber(amount, 2, lang, amount >= 1000 && random.chance(0.4));
}

/**
 * A reason-code file (customer_id, reason_code, reason) for the English fixture's first
 * customers: codes written as the code itself, its English or German label, in any case,
 * or left blank; the free text is the customer's own reason from the export.
 */
export function generateReasonCodes(opts: { rows: number; seed: number }): string {
  const random = createRandom(opts.seed ^ 0x27d4eb2f);
  const dialect: Dialect = DIALECTS.en;
  const customers = fakeCustomers(opts.seed, 'en');
  let text = csvLine(['customer_id', 'reason_code', 'reason'], dialect);
  for (let i = 0; i < opts.rows; i++) {
    const c = customers.next().value as FakeCustomer;
    const labels = REASON_CODE_LABELS[c.reasonCode];
    const roll = random.next();
    const code = roll < 0.3 ? c.reasonCode
      : roll < 0.5 ? random.pick(labels.en)
        : roll < 0.75 ? random.pick(labels.de)
          : roll < 0.85 ? c.reasonCode.toUpperCase()
            : roll < 0.92 ? random.pick(labels.en).toLowerCase() : '';
    text += csvLine([c.id, code, c.reasonText], dialect);
  }
  return text;
}

/**
 * Outcomes of a win-back programme for the English fixture's customers, as a CRM would
 * export them: who came back when, what they spent since, and who left again. About a
 * quarter return between one and twelve weeks after the 2026-11-23 campaign; a few before it.
 */
export function generateOutcomes(opts: { customers: number; seed: number }): string {
  const random = createRandom(opts.seed);
  const campaignDay = Date.UTC(2026, 10, 23) / 86_400_000;
  let text = 'Customer ID,Return Date,Revenue Since Return,Margin Since Return,Cancelled Again\n';
  for (let i = 0; i < opts.customers; i++) {
    if (!random.chance(0.25)) continue;
    const day = campaignDay + (random.chance(0.1) ? -random.int(1, 40) : random.int(7, 84));
    const revenue = random.int(0, 400000) / 100;
    const margin = Math.round(revenue * (0.15 + random.next() * 0.2) * 100) / 100;
    const again = random.chance(0.15) ? formatIsoDay(day + random.int(30, 90)) : '';
    text += `${customerIdOf(i, 'en')},${formatIsoDay(day)},${revenue.toFixed(2)},${margin.toFixed(2)},${again}\n`;
  }
  return text;
}

/** The small committed fixtures: file name → exact bytes. */
export function buildSmallFixtures(): Map<string, Buffer> {
  const en = { rows: 200, seed: FIXTURE_SEED, style: 'en', badRows: true } as const;
  const de = { rows: 200, seed: FIXTURE_SEED + 1, style: 'de', badRows: true } as const;
  const bom = generateLostCustomers({ rows: 40, seed: FIXTURE_SEED + 2, style: 'de' });
  return new Map([
    ['lost-customers-en.csv', Buffer.from(generateLostCustomers(en), 'utf8')],
    ['lost-customers-de.csv', iconv.encode(generateLostCustomers(de), 'win1252')],
    ['lost-customers-de-utf8bom.csv', Buffer.from(`\uFEFFsep=;\r\n${bom}`, 'utf8')],
    ['reason-codes.csv', Buffer.from(generateReasonCodes({ rows: 50, seed: FIXTURE_SEED }), 'utf8')],
    ['transactions-de.csv', Buffer.from(generateTransactions({ customers: 300, seed: FIXTURE_SEED + 1, style: 'de' }), 'utf8')],
    ['transactions-en.csv', Buffer.from(generateTransactions({ customers: 300, seed: FIXTURE_SEED, style: 'en' }), 'utf8')],
    ['outcomes-en.csv', Buffer.from(generateOutcomes({ customers: 200, seed: FIXTURE_SEED + 3 }), 'utf8')],
  ]);
}

/** Writes lines to a file in chunks, waiting for the stream to drain, so memory stays flat. */
export async function writeLinesToFile(lines: Iterable<string>, file: string, encoding: 'utf8' | 'win1252'): Promise<void> {
  const out = createWriteStream(file);
  let chunk: string[] = [];
  const flush = async (): Promise<void> => {
    if (!out.write(iconv.encode(chunk.join(''), encoding))) await once(out, 'drain');
    chunk = [];
  };
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length >= 5000) await flush();
  }
  await flush();
  out.end();
  await finished(out);
}

const USAGE = `usage: node build/dev/generate-fixtures.js                       write the small fixtures to fixtures/
       node build/dev/generate-fixtures.js --rows N --style en|de --out FILE
            [--seed N] [--bad-rows] [--kind lost|transactions] (de files are Windows-1252)`;

/** Command-line entry: no arguments rewrites the committed fixtures; --rows streams a large file. */
export async function runFixtureGenerator(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rows: { type: 'string' }, style: { type: 'string', default: 'en' }, out: { type: 'string' },
      seed: { type: 'string', default: String(FIXTURE_SEED) }, 'bad-rows': { type: 'boolean', default: false },
      kind: { type: 'string', default: 'lost' }, dir: { type: 'string' }, help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.rows === undefined) return writeSmallFixtures(values.dir ?? defaultFixtureDir());
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  const style = values.style;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(seed) || (style !== 'en' && style !== 'de') || !values.out) {
    throw new Error(`bad arguments\n${USAGE}`);
  }
  const lines = values.kind === 'transactions'
    ? transactionLines({ customers: rows, seed, style })
    : lostCustomerLines({ rows, seed, style, badRows: values['bad-rows'] });
  await writeLinesToFile(lines, values.out, style === 'de' && values.kind !== 'transactions' ? 'win1252' : 'utf8');
}

function defaultFixtureDir(): string {
  // build/dev/generate-fixtures.js → <package>/fixtures
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
}

async function writeSmallFixtures(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of buildSmallFixtures()) {
    await writeFile(join(dir, name), bytes);
    process.stdout.write(`wrote ${join(dir, name)} (${bytes.length} bytes)\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runFixtureGenerator(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`generate-fixtures: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
