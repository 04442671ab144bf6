/**
 * campaign --previous keeps only the statuses that can be a change: the customers listed in
 * either run (the previous run's lists first, its exclusion reasons for the customers listed now
 * read from excluded.csv afterwards). changes.csv must be what comparing every status of both
 * runs gives.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChanges, previousStatuses, readPreviousStatus } from '../../src/io/campaign-output.js';
import { PLAIN_CSV } from '../../src/io/csv/write.js';
import { propertyRuns } from '../support/property.js';
import { tempDir } from '../support/temp.js';

const STATUSES = [undefined, 'list:email', 'list:phone', 'list:retention-email', 'not_due', 'control', 'too_soon'] as const;
type Status = (typeof STATUSES)[number];

/** A previous run's output folder holding `status` (lists and excluded.csv, `;`-separated when `semicolon`). */
function writePrevious(status: Map<string, Status>, semicolon: boolean): string {
  const dir = tempDir();
  const d = semicolon ? ';' : ',';
  const files = new Map<string, string[]>([['campaign-email.csv', []], ['campaign-phone.csv', []], ['retention-email.csv', []], ['excluded.csv', []]]);
  for (const [id, s] of status) {
    if (s === undefined) continue;
    const file = s.startsWith('list:retention-') ? 'retention-email.csv' : s.startsWith('list:') ? `campaign-${s.slice(5)}.csv` : 'excluded.csv';
    files.get(file)?.push(file === 'excluded.csv' ? [id, s, 'why', '1'].join(d) : [id, 'Name', 'x@example.com'].join(d));
  }
  for (const [name, rows] of files) {
    const header = name === 'excluded.csv' ? ['customer_id', 'reason', 'detail', 'priority'] : ['customer_id', 'name', 'email'];
    writeFileSync(join(dir, name), `${[header.join(d), ...rows].join('\n')}\n`);
  }
  return dir;
}

describe('campaign --previous', () => {
  it('writes the changes that comparing every status of both runs gives (property)', async () => {
    const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const statuses = fc.array(fc.constantFrom(...STATUSES), { minLength: ids.length, maxLength: ids.length });
    await fc.assert(
      fc.asyncProperty(statuses, statuses, fc.boolean(), async (before, after, semicolon) => {
        const all = new Map(ids.map((id, i) => [id, before[i] as Status]));
        // Every previous run lists or excludes somebody (else --previous is refused).
        all.set('Z', 'not_due');
        const previous = await readPreviousStatus(writePrevious(all, semicolon));
        if (previous === undefined) throw new Error('the previous run was not read');
        const nowAll = new Map(ids.map((id, i) => [id, after[i] as Status]));
        // What the second pass keeps (distribute.ts): every customer listed now, and the others listed then.
        const now = new Map<string, string>();
        for (const [id, s] of nowAll) if (s !== undefined && (s.startsWith('list:') || previous.listed.has(id))) now.set(id, s);
        const defined = (m: Map<string, Status>) => {
          const out = new Map<string, string>();
          for (const [id, s] of m) if (s !== undefined) out.set(id, s);
          return out;
        };
        const expected = formatChanges(defined(all), defined(nowAll), PLAIN_CSV).toString('utf8');
        expect(formatChanges(await previousStatuses(previous, now), now, PLAIN_CSV).toString('utf8')).toBe(expected);
      }),
      propertyRuns(40),
    );
  });
});
