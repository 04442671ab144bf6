const YES = new Set(['yes', 'y', 'ja', 'j', 'true', 'wahr', '1', 'x', 'ok', 'opt-in', 'optin', 'opted in', 'granted', 'erteilt', 'vorhanden', 'liegt vor', 'si', 'oui']);
const NO = new Set(['no', 'n', 'nein', 'false', 'falsch', '0', '-', 'opt-out', 'optout', 'opted out', 'none', 'keine', 'nicht erteilt', 'widerrufen', 'revoked', 'withdrawn']);

/**
 * Reads a yes/no cell: yes/no, ja/nein, true/false, 1/0, x/blank and common variants.
 * Returns undefined for a blank cell and null for a value that is neither a clear yes nor no.
 */
export function parseBoolean(raw: string): boolean | null | undefined {
  // Most cells are written as the sets hold them: no copy trimmed and lower-cased for those.
  if (YES.has(raw)) return true;
  if (NO.has(raw)) return false;
  const text = raw.trim().toLowerCase();
  if (text === '') return undefined;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}
