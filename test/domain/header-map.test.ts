import { describe, expect, it } from 'vitest';
import { headerKey, LOST_CUSTOMER_SCHEMA } from '../../src/domain/read/fields.js';
import { editDistance, mapHeaders } from '../../src/domain/read/header-map.js';

const fieldOf = (header: string) => {
  const { mapping } = mapHeaders([header], LOST_CUSTOMER_SCHEMA);
  return [...mapping.fields.keys()][0];
};

describe('header aliases', () => {
  it.each([
    ['Customer ID', 'customer_id'],
    ['Kundennummer', 'customer_id'],
    ['Kd.-Nr.', 'customer_id'],
    ['KD NR', 'customer_id'],
    ['customerID', 'customer_id'],
    ['Churn Date', 'churn_date'],
    ['Kündigungsdatum', 'churn_date'],
    ['Kuendigungsdatum', 'churn_date'],
    ['KUNDIGUNGSDATUM', 'churn_date'],
    ['Austritt', 'churn_date'],
    ['Revenue', 'revenue'],
    ['Umsatz', 'revenue'],
    // An amount's header with its currency.
    ['Umsatz in €', 'revenue'],
    ['Umsatz (EUR)', 'revenue'],
    ['Umsatz EUR', 'revenue'],
    ['Umsatz in EUR', 'revenue'],
    ['Revenue ($)', 'revenue'],
    ['Monatsumsatz [CHF]', 'monthly_revenue'],
    ['Reason', 'reason'],
    ['Kündigungsgrund', 'reason'],
    ['Monthly Charges', 'monthly_revenue'],
    ['MonthlyCharges', 'monthly_revenue'],
    ['Monatsumsatz', 'monthly_revenue'],
    ['tenure', 'tenure_months'],
    ['Deckungsbeitrag %', 'margin'],
    ['DB in %', 'margin'],
    ['DB %', 'margin'],
    ['Deckungsbeitrag in %', 'margin'],
    ['DB in Prozent', 'margin'],
    ['E-Mail', 'email'],
    ['PLZ', 'postal_code'],
    ['Straße', 'street'],
    ['Strasse', 'street'],
    ['Werbewiderspruch', 'advertising_objection'],
    ['Email Opt-In', 'consent_email'],
  ])('%s → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it('ignores case, spaces, punctuation and umlaut spellings', () => {
    expect(headerKey('Kündigungs-Datum')).toBe(headerKey('kuendigungsdatum'));
    expect(headerKey(' Customer_ID ')).toBe(headerKey('customer id'));
  });

  it('keeps unknown columns for pass-through and reports ambiguity', () => {
    const { mapping } = mapHeaders(['Kundennummer', 'Filiale', 'Umsatz', 'Gesamtumsatz'], LOST_CUSTOMER_SCHEMA);
    expect(mapping.fields.get('revenue')).toBe(2);
    expect(mapping.unmapped).toEqual([1, 3]);
    expect(mapping.warnings.join()).toMatch(/Gesamtumsatz/);
  });

  it.each(['Region', 'Gebiet', 'Bundesland', 'PLZ-Bereich', 'Sales Region'])('reads %s as the region (report: money per region)', (header) => {
    const { mapping } = mapHeaders(['Kundennummer', header], LOST_CUSTOMER_SCHEMA);
    expect(mapping.fields.get('region')).toBe(1);
  });

  it('--map overrides win over aliases', () => {
    const { mapping } = mapHeaders(['Kundennummer', 'Nr'], LOST_CUSTOMER_SCHEMA, { customer_id: 'Nr' });
    expect(mapping.fields.get('customer_id')).toBe(1);
  });

  it('suggests the closest header for a missing required column', () => {
    const { missing } = mapHeaders(['Kundenumer', 'Name'], LOST_CUSTOMER_SCHEMA);
    expect(missing).toHaveLength(1);
    expect(missing[0]?.suggestion).toMatchObject({ field: 'customer_id', header: 'Kundenumer', alias: 'kundennummer' });
  });

  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('a column called only "ID" beside a specific one', () => {
  it.each([
    [['ID', 'Kundennummer', 'Datum'], 'Kundennummer'],
    [['id', 'customer_id', 'date'], 'customer_id'],
    [['ID', 'Datum'], 'ID'],
  ])('%j: the customer id is %s', (headers, chosen) => {
    const { mapping } = mapHeaders(headers, LOST_CUSTOMER_SCHEMA);
    expect(headers[mapping.fields.get('customer_id') as number]).toBe(chosen);
  });
});
