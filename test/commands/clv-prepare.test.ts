import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMissingIdMarker, parseAmountSpec, signedAmount } from '../../src/domain/clv/prepare.js';
import { BlankCollapser, collapseBlanks } from '../../src/io/csv/whitespace.js';
import { cdnowDir, cdnowPresent } from '../domain/clv/support.js';
import { readCsv, ROOT, runCli, tempDir } from '../support/cli.js';

const present = cdnowPresent();
const dirs: string[] = [];
const dir = () => {
  const d = tempDir('winback-clv-prep-');
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const retail = path.join(ROOT, 'fixtures', 'online-retail-sample.csv');

async function clv(args: string[]) {
  const out = dir();
  const r = await runCli(['clv', ...args, '--out', out]);
  const model = r.code === 0 ? JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8')) : undefined;
  const customers = r.code === 0 ? readCsv(path.join(out, 'customers.csv')) : [];
  const rejects = r.code === 0 ? readCsv(path.join(out, 'rejects.csv')) : [];
  return { ...r, out, model, customers, rejects, byId: new Map(customers.map((c) => [c.customer_id, c])) };
}

describe('preparing transaction rows (pure parts)', () => {
  it.each([
    ['NA', true], ['na', true], ['N/A', true], ['#N/A', true], ['NULL', true], ['null', true], ['-', true], ['', true], ['  ', true], ['NaN', true],
    ['12346', false], ['NA-17', false], ['K-1', false], ['0', false],
  ])('isMissingIdMarker(%j) is %s', (id, expected) => {
    expect(isMissingIdMarker(id)).toBe(expected);
  });

  it('reads --amount as a column or a product of two columns', () => {
    expect(parseAmountSpec('Quantity*UnitPrice')).toEqual({ spec: { kind: 'product', left: 'Quantity', right: 'UnitPrice' } });
    expect(parseAmountSpec(' Menge × Preis ')).toEqual({ spec: { kind: 'product', left: 'Menge', right: 'Preis' } });
    expect(parseAmountSpec('Revenue')).toEqual({ spec: { kind: 'column', header: 'Revenue' } });
    expect(parseAmountSpec('a*b*c')).toHaveProperty('problem');
    expect(parseAmountSpec('Quantity*')).toHaveProperty('problem');
  });

  it('makes every cancellation a return, whatever the sign it was written with', () => {
    expect(signedAmount(-10, 'C536379', 'C')).toEqual({ amount: -10, cancellation: true });
    expect(signedAmount(10, 'C536379', 'C')).toEqual({ amount: -10, cancellation: true });
    expect(signedAmount(10, '536379', 'C')).toEqual({ amount: 10, cancellation: false });
    expect(signedAmount(-4, '536379', undefined)).toEqual({ amount: -4, cancellation: false });
  });

  it('collapses runs of blanks into one tab, drops blanks at line ends, across pieces', () => {
    expect(collapseBlanks(' 00001 19970101  1   11.77\r\n 00002  19970112 1 12.00  \n')).toBe('00001\t19970101\t1\t11.77\r\n00002\t19970112\t1\t12.00\n');
    const c = new BlankCollapser();
    expect(['  a ', '  b', '\t\tc  ', '\n d'].map((p) => c.push(p)).join('')).toBe('a\tb\tc\nd');
  });
});

describe('winback clv on an Online-Retail-layout export', () => {
  const flags = [retail, '--amount', 'Quantity*UnitPrice', '--cancel-prefix', 'C'];

  it('nets returns, rejects rows without a customer id, and the counts match the hand calculation', async () => {
    const r = await clv(flags);
    expect(r.code).toBe(0);
    // 154 data lines; 4 have no customer (two empty CustomerID, two 'NA'): rejected, never one big customer.
    expect(r.model.rows).toEqual({ read: 154, accepted: 150, rejected: 4 });
    expect(r.rejects.map((j) => j.value)).toEqual(['', '', 'NA', 'NA']);
    expect(r.rejects.every((j) => j.column === 'CustomerID' && /customer_id is missing|marks a missing value/.test(j.error as string))).toBe(true);
    expect(r.byId.has('NA')).toBe(false);
    // 26 customers: 22 regular ones and 12350, 12351, 12352, 12354.
    expect(r.model.data.customers).toBe(26);
    // Four C invoices of one line each; three customer-days net to nothing or less (12350 on 1 June,
    // 12352 on 1 March, 12354 on 3 January), one does not (12351 on 1 February keeps 7.50).
    expect(r.model.preparation).toMatchObject({ cancellation_rows: 4, return_rows: 4, return_days: 3, returned_amount_netted: 10, returned_amount_unmatched: 8, rows_missing_customer_id: 4 });
    // 12350: 4×5 on 5 Jan, 6×5 on 3 Mar, 8×5 on 10 May, C: −2×5 on 1 Jun → x 2, m̄ (30 + 40 − 10) / 2.
    expect(r.byId.get('12350')).toMatchObject({ frequency: '2', monetary: '30.00' });
    // 12351: 3×2.50 + 1×10 on 1 Feb, cancelled −1×10 the same afternoon (day keeps 7.50); 4×3 on 4 Apr.
    expect(r.byId.get('12351')).toMatchObject({ frequency: '1', monetary: '12.00' });
    // 12352: 5×3 cancelled whole on 1 Mar (no purchase day); 4×5 on 2 May, 5×5 on 7 Jul (ISO datetime).
    expect(r.byId.get('12352')).toMatchObject({ frequency: '1', monetary: '25.00' });
    expect(Number(r.byId.get('12352')!.recency)).toBeCloseTo(66 / 7, 4);
    // 12354: returns 4×2 on 3 Jan before any purchase (unmatched), then 10×2 and 6×2.
    expect(r.byId.get('12354')).toMatchObject({ frequency: '1', monetary: '12.00' });
    expect(r.stderr).toMatch(/returns worth 8\.00 had no earlier purchase/);
    expect(r.stderr).toMatch(/4 rows without a customer id/);
  });

  it('takes the amount as --map quantity=… --map unit_price=… too, with the same result as --amount', async () => {
    const byAmount = await clv(flags);
    const byMap = await clv([retail, '--map', 'quantity=Quantity', '--map', 'unit_price=UnitPrice', '--cancel-prefix', 'C']);
    expect(byMap.code, byMap.stderr).toBe(0);
    expect(readFileSync(path.join(byMap.out, 'customers.csv'), 'utf8')).toBe(readFileSync(path.join(byAmount.out, 'customers.csv'), 'utf8'));
    expect(byMap.model.preparation).toEqual(byAmount.model.preparation);
    const half = await clv([retail, '--map', 'quantity=Quantity']);
    expect(half.code).toBe(64);
    expect(half.stderr).toMatch(/--map unit_price=HEADER is missing[\s\S]*hint: e\.g\. --map quantity=Quantity --map unit_price=UnitPrice/);
    const both = await clv([retail, '--map', 'quantity=Quantity', '--map', 'unit_price=UnitPrice', '--amount', 'Quantity*UnitPrice']);
    expect(both.code).toBe(64);
    expect(both.stderr).toMatch(/--amount and --map quantity=…\/unit_price=… both say what the amount is/);
    const de = await clv([retail, '--map', 'unit_price=UnitPrice', '--lang', 'de']);
    expect(de.stderr).toMatch(/--map quantity=SPALTE fehlt/);
  });

  it('--returns reject rejects the cancellations instead', async () => {
    const r = await clv([...flags, '--returns', 'reject']);
    expect(r.code).toBe(0);
    expect(r.model.rows).toEqual({ read: 154, accepted: 146, rejected: 8 });
    expect(r.rejects.filter((j) => /cancellation -\d+ \(a return\?\): rejected by --returns reject/.test(j.error as string))).toHaveLength(4);
    // Without netting, 12352's cancelled first order stays a purchase day.
    expect(r.byId.get('12352')).toMatchObject({ frequency: '2' });
  });

  it('explains flags it cannot apply', async () => {
    expect((await clv([retail, '--amount', 'Quantity*Price'])).stderr).toMatch(/--amount names no column 'Price'[\s\S]*hint: headers found: InvoiceNo/);
    expect((await clv([retail, '--cancel-prefix', 'C'])).stderr).toMatch(/--cancel-prefix needs amounts/);
    const noInvoice = path.join(dir(), 'tx.csv');
    writeFileSync(noInvoice, 'customer_id,date,amount\n1,2024-01-01,5\n');
    const r = await clv([noInvoice, '--cancel-prefix', 'C']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--cancel-prefix needs an invoice-number column/);
    expect((await clv([retail, '--returns', 'keep'])).code).toBe(64);
  });
});

describe.runIf(present)('winback clv reads the raw CDNOW files', () => {
  it('CDNOW_master.txt: runs of spaces, a leading blank, CRLF and YYYYMMDD dates', async () => {
    const r = await clv([path.join(cdnowDir, 'CDNOW_master.txt'), '--delimiter', 'whitespace', '--calibration-end', '1997-09-30', '--map', 'amount=dollar_value']);
    expect(r.code).toBe(0);
    // SOURCE.md: 69,659 rows and 23,570 customers.
    expect(r.model.rows).toEqual({ read: 69659, accepted: 69659, rejected: 0 });
    expect(r.model.data.customers).toBe(23570);
  });

  it('CDNOW_sample.txt (no header) with --columns gives the published BG/NBD fit', async () => {
    const r = await clv([path.join(cdnowDir, 'CDNOW_sample.txt'), '--delimiter', 'whitespace', '--columns', 'master_id,customer_id,date,cds,amount', '--calibration-end', '1997-09-30']);
    expect(r.code).toBe(0);
    expect(r.model.rows).toEqual({ read: 6919, accepted: 6919, rejected: 0 });
    expect(r.model.data.customers).toBe(2357);
    const bg = r.model.bg_nbd;
    expect([bg.r, bg.alpha, bg.a, bg.b].map((v: number) => Number(v.toPrecision(3)))).toEqual([0.243, 4.41, 0.793, 2.43]);
    expect(r.byId.get('0001')).toMatchObject({ frequency: '2', recency: '30.4286' });
  });
});
