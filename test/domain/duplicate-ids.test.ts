import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFacts, DuplicateTracker, FACT_FIELDS, mostRestrictive, rejectedPoints, rowFacts } from '../../src/domain/read/duplicate-ids.js';
import { checkPermission } from '../../src/domain/permission/permission.js';
import { objectorReachedAt, plannedContactPrints } from '../../src/domain/permission/objector-keys.js';
import type { IdIndex } from '../../src/domain/id-index.js';
import { CHANNELS } from '../../src/domain/playbook-types.js';
import { messages } from '../../src/domain/catalogue/index.js';
import type { CustomerRow } from '../../src/domain/types.js';
import { propertyRuns } from '../support/property.js';

type Consent = Partial<Record<(typeof FACT_FIELDS)[number], boolean | null>> & { last_modified?: number; notes?: string; reason?: string };

const facts = (v: Consent) => rowFacts(v);
const decode = (f: number) => {
  const values: Record<string, unknown> = {};
  applyFacts(values, f);
  return values;
};

describe('mostRestrictive', () => {
  it.each<[string, Consent, Consent, Consent]>([
    ['a "no" to e-mail wins over a "yes"', { consent_email: true }, { consent_email: false }, { consent_email: false }],
    ['a "no" wins over a blank', {}, { consent_phone: false }, { consent_phone: false }],
    ['unclear wins over "yes"', { consent_letter: true }, { consent_letter: null }, { consent_letter: null }],
    ['an objection wins', { advertising_objection: false }, { advertising_objection: true }, { advertising_objection: true }],
    ['do-not-contact wins over blank', {}, { do_not_contact: true }, { do_not_contact: true }],
    ['per field', { consent_email: false, consent_phone: true }, { consent_email: true, consent_phone: false }, { consent_email: false, consent_phone: false }],
  ])('%s', (_name, a, b, expected) => {
    expect(decode(mostRestrictive(facts(a), facts(b)))).toEqual(expected);
    expect(decode(mostRestrictive(facts(b), facts(a)))).toEqual(expected);
  });

  it('is commutative, associative and idempotent (property)', () => {
    const code = fc.integer({ min: 0, max: (1 << 10) - 1 });
    fc.assert(
      fc.property(code, code, code, (a, b, c) => {
        expect(mostRestrictive(a, b)).toBe(mostRestrictive(b, a));
        expect(mostRestrictive(mostRestrictive(a, b), c)).toBe(mostRestrictive(a, mostRestrictive(b, c)));
        expect(mostRestrictive(a, a)).toBe(a);
      }),
      propertyRuns(100),
    );
  });
});

describe('rowFacts', () => {
  it.each<[string, Consent, Consent]>([
    ['an objection in the notes counts as advertising_objection', { consent_email: true, notes: 'Kunde: DNC' }, { consent_email: true, advertising_objection: true }],
    ['an objection in the reason text too, over a "no" in the column', { advertising_objection: false, reason: 'zu teuer, Widerspruch nach Art. 21 DSGVO' }, { advertising_objection: true }],
    ['an ordinary reason is no objection', { consent_phone: false, reason: 'zu teuer', notes: 'Rückruf erbeten' }, { consent_phone: false }],
  ])('%s', (_name, row, expected) => {
    expect(decode(rowFacts(row))).toEqual(expected);
  });

  it('an extra phrase from the config counts too', () => {
    expect(decode(rowFacts({ notes: 'Sperrkennzeichen 7' }, ['sperrkennzeichen 7']))).toEqual({ advertising_objection: true });
    expect(decode(rowFacts({ notes: 'Sperrkennzeichen 7' }))).toEqual({});
  });
});

describe('DuplicateTracker', () => {
  const see = (t: DuplicateTracker, id: string, line: number, v: Consent) => t.see(id, line, facts(v), v.last_modified);

  it('keeps the first row when it is at least as restrictive, without a second reading', () => {
    const t = new DuplicateTracker();
    expect(see(t, 'A', 2, { consent_email: false })).toBeUndefined();
    expect(see(t, 'A', 5, { consent_email: true })?.message).toBe('duplicate customer_id: line 2 is used, with the most restrictive consent and objection of lines 2, 5');
    expect(see(t, 'A', 7, { consent_email: false })?.message).toBe('duplicate customer_id, first seen on line 2');
    expect(t.rerun).toBe(false);
    expect(t.resolution().size).toBe(0);
  });

  it('a later row that withdraws consent is used, merged with the earlier refusals', () => {
    const t = new DuplicateTracker();
    see(t, 'A', 2, { consent_email: true, consent_phone: false });
    see(t, 'B', 3, {});
    see(t, 'A', 9, { consent_email: false, consent_phone: true });
    expect(t.rerun).toBe(true);
    const r = t.resolution();
    expect(r.get(2)).toEqual({ drop: true, kept: 9, message: 'duplicate customer_id: line 9 is used, with the most restrictive consent and objection of lines 2, 9' });
    const kept = r.get(9);
    expect(kept?.drop).toBe(false);
    if (kept && !kept.drop) {
      expect(decode(kept.facts)).toEqual({ consent_email: false, consent_phone: false });
      expect(kept.note).toMatch(/line\(s\) 2/);
    }
    expect(r.has(3)).toBe(false);
  });

  it('with dates the newest row wins, even when it grants what an older row refused', () => {
    const t = new DuplicateTracker(undefined, 'Änderungsdatum');
    see(t, 'A', 2, { consent_email: false, last_modified: 100 });
    see(t, 'A', 4, { consent_email: true, last_modified: 200 });
    see(t, 'A', 6, { consent_email: true, last_modified: 150 });
    const r = t.resolution();
    expect(r.get(2)).toMatchObject({ drop: true, kept: 4, message: 'duplicate customer_id: line 4 is used, its Änderungsdatum is newer (1970-07-20, this row 1970-04-11)' });
    expect(r.get(6)).toMatchObject({ drop: true, kept: 4 });
    expect(r.has(4)).toBe(false);
  });

  it("with dates an older row's objection still reaches the newest row, first or later in the file, in words too", () => {
    const t = new DuplicateTracker();
    // Older and objecting first: the newer row wins the consents and takes the objection.
    see(t, 'A', 2, { consent_email: true, notes: 'customer asked to unsubscribe from all marketing', last_modified: 100 });
    expect(see(t, 'A', 3, { consent_email: true, last_modified: 200 })).toMatchObject({ kept: 3 });
    // Newer first, the older objecting row later: it loses, but its do-not-contact reaches line 4.
    see(t, 'B', 4, { consent_phone: true, last_modified: 300 });
    expect(see(t, 'B', 5, { consent_phone: true, do_not_contact: true, last_modified: 100 })).toMatchObject({ kept: 4 });
    expect(t.rerun).toBe(true);
    const r = t.resolution();
    expect(r.get(2)).toMatchObject({ drop: true, kept: 3, message: "duplicate customer_id: line 3 is used, its last_modified is newer (1970-07-20, this row 1970-04-11), with this row's objection (an objection is never undone by a newer row)" });
    expect(r.get(3)).toMatchObject({ drop: false });
    expect(decode((r.get(3) as { facts: number }).facts)).toEqual({ consent_email: true, advertising_objection: true });
    expect(r.get(5)).toMatchObject({ drop: true, kept: 4 });
    expect(decode((r.get(4) as { facts: number }).facts)).toEqual({ consent_phone: true, do_not_contact: true });
    // A consent refused by the older row is not carried: the newest row's consents stand.
    const u = new DuplicateTracker();
    see(u, 'C', 6, { consent_email: false, last_modified: 100 });
    see(u, 'C', 7, { consent_email: true, last_modified: 200 });
    expect(u.resolution().has(7)).toBe(false);
  });

  it('an older dated row loses at once; equal or missing dates fall back to the merge', () => {
    const t = new DuplicateTracker();
    see(t, 'A', 2, { consent_email: true, last_modified: 300 });
    expect(see(t, 'A', 3, { consent_email: false, last_modified: 200 })?.message).toMatch(/line 2 is used, its last_modified is newer/);
    expect(t.rerun).toBe(false);
    see(t, 'B', 4, { consent_email: true, last_modified: 300 });
    see(t, 'B', 5, { consent_email: false, last_modified: 300 });
    see(t, 'C', 6, { consent_phone: true });
    see(t, 'C', 7, { consent_phone: false, last_modified: 10 });
    const r = t.resolution();
    expect(r.get(4)).toMatchObject({ drop: true, kept: 5 });
    expect(r.get(6)).toMatchObject({ drop: true, kept: 7 });
  });

  it('a later row that objects only in its notes wins over an earlier consent', () => {
    const t = new DuplicateTracker();
    see(t, 'A', 2, { consent_email: true });
    expect(see(t, 'A', 3, { consent_email: true, notes: 'Einwilligung widerrufen' })?.kept).toBe(3);
    expect(t.rerun).toBe(true);
    const r = t.resolution();
    expect(r.get(2)).toMatchObject({ drop: true, kept: 3 });
    // Its own notes already block it: nothing to merge into its values.
    expect(r.has(3)).toBe(false);
  });

  it('says why in the run\'s language', () => {
    const t = new DuplicateTracker(undefined, 'Geändert am', messages('de').read.texts);
    see(t, 'A', 2, { consent_email: true, last_modified: 200 });
    expect(see(t, 'A', 3, { consent_email: false, last_modified: 100 })?.message).toBe('doppelte customer_id: Zeile 2 wird verwendet, ihr Geändert am ist neuer (20.07.1970, diese Zeile 11.04.1970)');
    see(t, 'B', 4, { consent_email: true });
    see(t, 'B', 5, { consent_email: true, consent_phone: false });
    const r = t.resolution();
    expect(r.get(4)).toMatchObject({ drop: true, kept: 5, message: 'doppelte customer_id: Zeile 5 wird verwendet, mit der strengsten Einwilligung und dem strengsten Widerspruch der Zeilen 4, 5' });
  });

  it('never leaves a more permissive value in use than the rows say, without dates (property)', () => {
    const tri = fc.constantFrom(true, false, null, undefined);
    const row = fc.record({ consent_email: tri, consent_phone: tri, consent_letter: tri, advertising_objection: tri, do_not_contact: tri }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 6 }), (rows) => {
        const t = new DuplicateTracker();
        const verdicts = rows.map((v, i) => see(t, 'X', i + 2, v as Consent));
        const lines = rows.map((_, i) => i + 2);
        const all = rows.map((v) => facts(v as Consent)).reduce(mostRestrictive);
        const r = t.resolution();
        // Without a second reading the rows rejected on the way are the losers.
        const kept = t.rerun ? lines.filter((l) => !r.get(l)?.drop) : lines.filter((_, i) => verdicts[i] === undefined);
        expect(kept).toHaveLength(1);
        const action = r.get(kept[0] as number);
        const used = action && !action.drop ? action.facts : facts(rows[(kept[0] as number) - 2] as Consent);
        expect(used).toBe(all);
      }),
      propertyRuns(100),
    );
  });
});

/** The values the run plans for an id whose rows are `rows` (lines 2, 3, ...), as the reader decides them. */
function usedRow(rows: readonly Record<string, unknown>[]): Record<string, unknown> {
  const t = new DuplicateTracker();
  const verdicts = rows.map((v, i) => t.see('X', i + 2, rowFacts(v), undefined));
  if (!t.rerun) return rows[verdicts.findIndex((v) => v === undefined)] as Record<string, unknown>;
  const r = t.resolution();
  const at = rows.findIndex((_, i) => !r.get(i + 2)?.drop);
  const used = { ...(rows[at] as Record<string, unknown>) };
  const action = r.get(at + 2);
  if (action && !action.drop) applyFacts(used, action.facts);
  return used;
}

describe('the row used for a duplicated id, through the permission check', () => {
  const tri = fc.constantFrom(true, false, null, undefined);
  const notes = fc.constantFrom(undefined, '', 'Rückruf erbeten', 'DNC', 'Einwilligung widerrufen', 'consent withdrawn', 'moved to Hamburg');
  // One customer's contact data in every row; the rows differ in consent, objection and notes.
  const base: Partial<CustomerRow> = {
    customer_id: 'X', email: 'x@firma.de', phone: '+49 30 1234567', street: 'Hauptstr. 1', postal_code: '10115', city: 'Berlin', country: 'DE', segment: 'B2C', account_manager: 'Tom', reason: 'zu teuer',
  };
  const row = fc.record({ consent_email: tri, consent_phone: tri, consent_letter: tri, advertising_objection: tri, do_not_contact: tri, notes }, { requiredKeys: [] });

  it('never grants a channel that any of the rows withholds, without dates (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 5 }), (variants) => {
        const rows = variants.map((v) => ({ ...base, ...v }));
        const used = checkPermission(usedRow(rows) as unknown as CustomerRow).allowed;
        for (const r of rows) {
          const own = checkPermission(r as unknown as CustomerRow).allowed;
          for (const c of CHANNELS) if (!own[c]) expect(used[c], c).toBe(false);
        }
      }),
      propertyRuns(100),
    );
  });
});

describe('DuplicateTracker.seeRejected: a row of the id rejected for a bad cell', () => {
  it.each([
    ['after the row used', (t: DuplicateTracker) => { t.see('KD-7', 2, 0, undefined); t.seeRejected('kd7', 3, 'Revenue'); }],
    ['before the row used', (t: DuplicateTracker) => { t.seeRejected('KD-7', 2, 'Umsatz'); t.see('kd7', 3, 0, undefined); }],
  ])('%s: the run is repeated and the row used goes to a person', (_name, feed) => {
    const t = new DuplicateTracker();
    feed(t);
    expect(t.rerun).toBe(true);
    const actions = [...t.resolution()];
    expect(actions).toHaveLength(1);
    const [line, action] = actions[0] as [number, { drop: boolean; note: string; review?: { line: number; column: string } }];
    expect(action.drop).toBe(false);
    expect(action.note).toBe('');
    expect(action.review).toEqual(line === 2 ? { line: 3, column: 'Revenue' } : { line: 2, column: 'Umsatz' });
  });

  it('changes nothing for an id no accepted row has, nor for a blank id', () => {
    const t = new DuplicateTracker();
    t.see('KD-1', 2, 0, undefined);
    t.seeRejected('KD-2', 3, 'Revenue');
    t.seeRejected('  ', 4, 'Revenue');
    t.see('KD-3', 5, 0, undefined);
    expect(t.rerun).toBe(false);
    expect(t.resolution().size).toBe(0);
  });

  it('marks the row that wins a merge, beside its merged values', () => {
    const t = new DuplicateTracker();
    t.see('KD-9', 2, facts({ consent_phone: true }), undefined);
    t.see('KD-9', 3, facts({ consent_phone: false }), undefined);
    t.seeRejected('KD-9', 4, 'Churn Date');
    const kept = t.resolution().get(3);
    expect(kept).toMatchObject({ drop: false, review: { line: 4, column: 'Churn Date' } });
    expect(decode((kept as { facts: number }).facts)).toEqual({ consent_phone: false });
  });
});

describe('DuplicateTracker: the note on the row used', () => {
  it('says a newer row was used with an older row\'s objection, where dates decided; a merge field by field otherwise', () => {
    const t = new DuplicateTracker(undefined, 'Updated At');
    t.see('KD-1', 2, facts({ consent_phone: true, last_modified: 20_300 }), 20_300);
    t.see('KD-1', 3, facts({ do_not_contact: true, last_modified: 20_000 }), 20_000);
    t.see('KD-2', 4, facts({ consent_phone: true, consent_email: false }), undefined);
    t.see('KD-2', 5, facts({ consent_phone: false, consent_email: true }), undefined);
    const notes = t.resolution();
    expect(notes.get(2)).toMatchObject({ note: "duplicate customer_id on line(s) 3: this row's Updated At is the newest, so its consents are used, with the objection of the other row(s) (an objection is never undone by a newer row)" });
    expect([notes.get(4), notes.get(5)].find((a) => a?.drop === false)).toMatchObject({ note: expect.stringContaining('the most restrictive per field') });
  });
});

describe("DuplicateTracker.seeRejected: a rejected row's contact points", () => {
  // Two numbers a point (objector-keys.ts); which line each is noted under.
  const linesOf = (t: DuplicateTracker) => {
    const out: number[] = [];
    t.objectorPoints()?.forEach((_a, _b, line) => void out.push(line));
    return out.sort((a, b) => a - b);
  };
  const holds = (objects: boolean, phone = '030 5555555') => rejectedPoints([{ phone, ...(objects ? { do_not_contact: true } : {}) }], [], 'DE');

  it('reads whether a row objects from any of its readings, and every point of them all', () => {
    expect(rejectedPoints([{ phone: '030 1' }, { email: 'a@b.de', do_not_contact: true }], [], 'DE')).toMatchObject({ objects: true, prints: expect.any(Array) });
    expect(rejectedPoints([{ phone: '030 1000001' }, { phone: '+49 30 1000001' }], [], 'DE')?.prints).toHaveLength(2);
    expect(rejectedPoints([{ name: 'x' }], [], 'DE')).toBeUndefined();
    expect(rejectedPoints(undefined, [], 'DE')).toBeUndefined();
  });

  it("notes a row's points under its line when the row used of its id objects, after every row is read", () => {
    const t = new DuplicateTracker();
    t.seeRejected('KD-1', 2, 'Revenue', holds(false));
    t.see('kd1', 3, facts({ do_not_contact: true }), undefined);
    expect(linesOf(t)).toEqual([2]);
  });

  it('makes the id an objector when only a rejected row of it objects: the row used is not contacted, and its points are the objector\'s', () => {
    const t = new DuplicateTracker();
    t.see('KD-1', 2, facts({ consent_phone: true }), undefined);
    t.seeRejected('KD-1', 3, 'Field count', holds(true));
    t.seeRejected('KD-1', 4, 'Revenue', holds(false, '030 6666666'));
    expect(linesOf(t)).toEqual([3, 4]);
    const used = t.resolution().get(2);
    expect(used).toMatchObject({ drop: false, note: expect.stringContaining('line 3 has this customer') });
    expect(used).not.toHaveProperty('review');
    expect(decode((used as { facts: number }).facts)).toEqual({ consent_phone: true, advertising_objection: true });
    expect(t.unnotedObjectorLines()).toEqual([2]);
  });

  it('notes an objecting row without an id or a row used under its own line, and nothing of a row whose id does not object', () => {
    const t = new DuplicateTracker();
    t.seeRejected('', 2, 'Customer ID', holds(true));
    t.seeRejected('KD-2', 3, 'Field count', rejectedPoints([{ email: 'x@y.de', do_not_contact: true }], [], 'DE'));
    t.see('KD-3', 4, facts({ consent_phone: true }), undefined);
    t.seeRejected('KD-3', 5, 'Revenue', holds(false));
    expect(linesOf(t)).toEqual([2, 3]);
  });
});

describe("DuplicateTracker: a customer planned at another customer's objector point", () => {
  const objector = { row: { customer_id: 'A', line: 2, email: 'max@firma.de', phone: '030 1000001', do_not_contact: true } as CustomerRow, channel: null, permission: { blockAll: 'do_not_contact', allowed: { visit: false, phone: false, letter: false, email: false } } };
  const planned = (id: string, line: number, email: string, channel: 'email' | 'phone' = 'email') => ({
    row: { customer_id: id, line, email, phone: '030 2000002', consent_email: true } as CustomerRow, channel, permission: { allowed: { visit: false, phone: true, letter: false, email: true } },
  });
  // An objector's points as its row is read (its facts), another customer's as it is planned.
  const see = (t: DuplicateTracker, p: Parameters<typeof plannedContactPrints>[0]) => {
    t.seeObjectorRow(p.row.line, rowFacts(p.row as unknown as Record<string, unknown>), p.row as unknown as Record<string, unknown>);
    const prints = plannedContactPrints(p, 'DE');
    if (prints) t.seePlanned(p.row.line, false, prints);
  };

  it.each([
    ['the objector first', [objector, planned('B', 3, 'MAX@firma.de')]],
    ['the objector last', [planned('B', 3, 'max@firma.de'), objector]],
  ] as const)('asks for a second reading whichever comes first (%s), with the objector\'s points', (_, order) => {
    const t = new DuplicateTracker();
    for (const p of order) see(t, p);
    expect(t.reachesObjector()).toBe(true);
    const points = t.objectorPoints();
    expect(points).toBeDefined();
    expect(objectorReachedAt(points as IdIndex, ['email:max@firma.de'], 3)).toEqual({ line: 2, kind: 'email' });
    // The objector's own line is not another customer's.
    expect(objectorReachedAt(points as IdIndex, ['email:max@firma.de'], 2)).toBeUndefined();
  });

  it('reads once when nobody is planned at an objector point: another mailbox, or the shared number on a channel not permitted', () => {
    const t = new DuplicateTracker();
    see(t, objector);
    see(t, planned('B', 3, 'anna@firma.de'));
    const c = planned('C', 4, 'c@firma.de');
    const sharesNumber = { ...c, row: { ...c.row, phone: '030 1000001' } as CustomerRow };
    see(t, { ...sharesNumber, permission: { allowed: { ...c.permission.allowed, phone: false } } });
    expect(t.reachesObjector()).toBe(false);
    // Permitted, the number is reached though the customer is planned by e-mail: a capacity or a
    // worksheet answer could call it (every permitted channel's points are noted).
    see(t, sharesNumber);
    expect(t.reachesObjector()).toBe(true);
    const none = new DuplicateTracker();
    see(none, planned('B', 3, 'max@firma.de'));
    expect(none.reachesObjector()).toBe(false);
    expect(none.objectorPoints()).toBeUndefined();
  });

  it('closes the channel in the permission verdict of a second reading, naming the objector\'s line', () => {
    const t = new DuplicateTracker();
    see(t, objector);
    const row = { customer_id: 'B', email: 'max@firma.de', phone: '030 2000002', consent_email: true, consent_phone: true } as CustomerRow;
    const verdict = checkPermission(row, undefined, undefined, 'en', { objectors: t.objectorPoints() as IdIndex, line: 3 });
    expect(verdict.allowed).toMatchObject({ email: false, phone: true });
    expect(verdict.blockedBy.email).toBe('objector_contact');
    expect(verdict.objectorAt).toEqual({ email: { line: 2, kind: 'email' } });
    expect(verdict.warnings).toContain('the customer on line 2 objected to being contacted and has the same e-mail address: no e-mail');
    const de = checkPermission(row, undefined, undefined, 'de', { objectors: t.objectorPoints() as IdIndex, line: 3 });
    expect(de.warnings).toContain('der Kunde in Zeile 2 hat der Ansprache widersprochen und hat dieselbe E-Mail-Adresse: keine E-Mail');
  });
});
