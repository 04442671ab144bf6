/**
 * Spellings of "no value" that spreadsheets, R, pandas and databases write into an empty id
 * cell (Excel's #N/A is #NV in German Excel; "k. A." is "keine Angabe"). Read as an id, all
 * of them would become one big customer; the one list for customer exports and transactions.
 */
export const MISSING_ID_MARKERS: readonly string[] = [
  'NA', 'N/A', '#N/A', 'NULL', '-', 'NaN', 'None', 'nil', '?', '#NV', 'n.a.', 'n/v', 'n.v.', 'k.A.', 'k. A.', '--', '---',
];

const MARKER_KEYS = new Set(MISSING_ID_MARKERS.map((m) => m.toLowerCase()));

/** True when the id (trimmed, any case) is a missing-value marker or empty. */
export function isMissingIdMarker(id: string): boolean {
  const t = id.trim();
  return t === '' || MARKER_KEYS.has(t.toLowerCase());
}
