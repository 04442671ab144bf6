import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createRowConverter } from '../../src/domain/read/row-convert.js';
import { LOST_CUSTOMER_SCHEMA } from '../../src/domain/read/fields.js';
import { mapHeaders } from '../../src/domain/read/header-map.js';
import { messages } from '../../src/domain/catalogue/index.js';

// V8's own check, reachable only with this flag: whether an object keeps fast (hidden-class) properties.
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

const HEADERS = [
  'Customer ID', 'Name', 'Email', 'Phone', 'Street', 'Zip', 'City', 'Country', 'Segment', 'Key Account', 'Account Manager', 'Customer Since', 'Churn Date',
  'Orders', 'Revenue', 'Margin %', 'Complaints', 'Reason', 'Competitor', 'Competitor Contract End', 'Email Opt-In', 'Phone Opt-In', 'Mail Opt-In', 'Do Not Contact', 'Region',
];
const CELLS = [
  'C-1', 'Ann Lee', 'ann@example.com', '331-374-1013', '1 Main St', '30342', 'Atlanta', 'US', 'B2C', 'No', '', '2019-08-26', '2024-04-24',
  '51', '5961.37', '27.0%', '1', 'too expensive', '', '', 'yes', 'maybe', 'yes', '', 'South',
];

describe('a converted row of a wide export', () => {
  const { mapping } = mapHeaders(HEADERS, LOST_CUSTOMER_SCHEMA, {}, messages('en').read.texts);
  const convert = createRowConverter(HEADERS, mapping, LOST_CUSTOMER_SCHEMA, { decimal: '.', dateOrder: 'mdy' });

  it('maps every column of the export', () => {
    expect(mapping.fields.size).toBe(HEADERS.length);
  });

  it('keeps fast properties, also once plan adds the line and the warnings', () => {
    const rows = Array.from({ length: 50 }, (_, i) => convert(CELLS, i + 2));
    for (const r of rows) {
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const row = r.values as Record<string, unknown>;
      row.line = 2;
      row.warnings = r.warnings;
      expect(hasFastProperties(row)).toBe(true);
    }
  });

  it('reads an empty cell as undefined and an unclear consent as text', () => {
    const r = convert(CELLS, 2);
    expect(r.ok && r.values.account_manager).toBeUndefined();
    expect(r.ok && r.values.consent_phone).toBeNull();
    expect(r.ok && r.values.consent_text).toBe('maybe');
  });
});
