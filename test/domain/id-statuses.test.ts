/**
 * IdStatuses (src/domain/campaign/id-statuses.ts) answers as a Map of customer key → status
 * does, each customer under its first spelling: the previous run's listed customers of campaign
 * --previous, kept compact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdStatuses } from '../../src/domain/campaign/id-statuses.js';
import { customerKey } from '../../src/domain/campaign/customer-key.js';
import { propertyRuns } from '../support/property.js';

const STATUS = fc.constantFrom('list:email', 'list:phone', 'list:retention-letter', 'not_due', 'control', '');
const ID = fc.oneof(fc.stringMatching(/^KD-\d{1,7}$/), fc.stringMatching(/^kd‐\d{1,7}$/), fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('Müller-0001', 'MÜLLER‐0001', '客户-7', 'a b', '😀-1', '00123', '123'));

describe('IdStatuses', () => {
  it('gets, has, sizes and lists the ids as a Map by customer key with the same sets does (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ID, STATUS), { maxLength: 300 }), fc.array(ID, { maxLength: 30 }), (sets, probes) => {
        const compact = new IdStatuses();
        const map = new Map<string, { id: string; status: string }>();
        for (const [id, status] of sets) {
          compact.set(id, status);
          map.set(customerKey(id), { id: map.get(customerKey(id))?.id ?? id, status });
        }
        expect(compact.size).toBe(map.size);
        expect([...compact.keys()]).toEqual([...map.values()].map((e) => e.id));
        for (const id of [...sets.map(([i]) => i), ...probes]) {
          expect(compact.get(id)).toBe(map.get(customerKey(id))?.status);
          expect(compact.has(id)).toBe(map.has(customerKey(id)));
        }
      }),
      propertyRuns(60),
    );
  });

  it('holds a hundred thousand ids in a few bytes each, past every first size', () => {
    const compact = new IdStatuses();
    for (let i = 0; i < 100_000; i++) compact.set(`KD-${String(i).padStart(7, '0')}`, i % 3 === 0 ? 'list:phone' : 'list:email');
    expect(compact.size).toBe(100_000);
    expect(compact.get('KD-0099999')).toBe('list:phone');
    expect(compact.get('KD-0099998')).toBe('list:email');
    expect(compact.get('KD-0100000')).toBeUndefined();
    const keys = [...compact.keys()];
    expect(keys.length).toBe(100_000);
    expect(keys[12_345]).toBe('KD-0012345');
  });
});
