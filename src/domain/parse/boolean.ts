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

/**
 * The words of a consent withdrawn: in a consent column they say no; in an objection or
 * do-not-contact column ("Opt-Out: opted out", "Werbewiderspruch: widerrufen") they say the
 * customer objected. Read as no there, they would put an objector on a list. A block flag's
 * "gesperrt" (Sperrkennzeichen) says the same.
 */
const WITHDRAWN = new Set(['opt-out', 'optout', 'opt out', 'opted out', 'opted-out', 'widerrufen', 'revoked', 'withdrawn', 'widersprochen', 'abgemeldet', 'unsubscribed', 'ausgetragen', 'gesperrt', 'blocked', 'suppressed']);

/** Reads an objection or do-not-contact cell: as parseBoolean, with a consent withdrawn read as yes (objected). */
export function parseObjection(raw: string): boolean | null | undefined {
  if (WITHDRAWN.has(raw) || WITHDRAWN.has(raw.trim().toLowerCase())) return true;
  return parseBoolean(raw);
}
