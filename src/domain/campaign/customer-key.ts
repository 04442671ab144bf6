/**
 * The key under which a customer id is matched between the export and the contact ledger.
 * Both are typed or round-tripped through spreadsheets by people, so the key leaves out what
 * such a round trip adds or takes away; the id itself is written as it was read.
 */

const EXCEL_TEXT = /^="(.*)"$/;
const DIGITS = /^\d+$/;
/** A whole number in groups of three digits, by a spreadsheet's number format ("12,347", "12.348", "1 234 567", "1'234"). */
const GROUPED = /^\d{1,3}([.,' \u00a0\u202f])\d{3}(?:\1\d{3})*$/;
const GROUP_MARKS = /[.,' \u00a0\u202f]/g;
/** A number a spreadsheet wrote with a decimal zero ("9008.0", "9008,00"). */
const WHOLE_NUMBER = /^(\d+)[.,]0+$/;

/**
 * The id trimmed (as the export reader trims it), without a leading apostrophe (a
 * spreadsheet's text mark, or the one that neutralises a formula: `'C9` → `C9`, `'=A1` →
 * `=A1`), without Excel's text form (`="00123"` → `00123`), without a number format's digit
 * groups or decimal zeros (`12,347` and `12.347` → `12347`, `9008.0` → `9008`), and for an id of
 * digits only without leading zeros (`00123` → `123`), in lower case with plain dashes and none
 * after a letter's prefix (folded(): `KD-9001` → `kd9001`): a spreadsheet that opened the ledger or
 * the export read such an id as a number and dropped them. Two customers whose ids differ only
 * in leading zeros therefore share one contact history (the cautious mistake: one may be paced
 * as if contacted, neither is contacted twice).
 */
export function customerKey(id: string): string {
  let key = id.trim();
  // What a spreadsheet shows as nothing is nothing ("KD\u00ad9005" is "KD9005").
  if (NON_ASCII.test(key)) key = key.replace(IGNORABLE, '').trim();
  const c = key.charCodeAt(0);
  // Most ids start with a letter: only the case and the dashes are folded.
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return folded(key);
  // An apostrophe before the id is a spreadsheet's text mark or our formula neutralisation ("'C9", "'=A1", "'00123").
  if (c === 39 && key.length > 1) key = key.slice(1).trim();
  if (key.charCodeAt(0) === 61) key = EXCEL_TEXT.exec(key)?.[1]?.trim() ?? key;
  // A number a spreadsheet wrote with digit groups ("12,347", "12.348", "1 234 567"): the digits.
  if (GROUPED.test(key)) key = key.replace(GROUP_MARKS, '');
  key = WHOLE_NUMBER.exec(key)?.[1] ?? key;
  if (DIGITS.test(key)) {
    let zeros = 0;
    while (zeros < key.length - 1 && key.charCodeAt(zeros) === 48) zeros++;
    return zeros === 0 ? key : key.slice(zeros);
  }
  return folded(key);
}

/** Dashes a word processor or another system writes for '-' (‐ ‑ ‒ – — ― − ﹣ －), and the dots set between parts (· ‧). */
const OTHER_DASHES = /[\u2010-\u2015\u2212\ufe63\uff0d\u00b7\u2027]/g;
/** What a spreadsheet shows as nothing (soft hyphen, zero-width characters, direction marks: domain/read/row-convert.ts). */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const NON_ASCII = /[^\x00-\x7f]/;
/** What else systems and people write between an id's parts: "KD 1005", "KD_1005", "KD/1005", "KD.1005" are "KD-1005". */
const OTHER_SEPARATORS = /[\s_/.-]+/g;
const HAS_SEPARATOR = /[\s_/.]/;

/**
 * The id in lower case, its dashes and other separators (a space, '_', '/', '.') as '-', full-width
 * letters as plain ones, and without a dash between a letter and a digit: an export that writes
 * "c-00128" one week and "C-00128", "C 00128" or "C00128" the next, or a suppression list typed
 * by hand, means the same customer ("c00128"). Dashes between digits ("12-345" is not "123-45")
 * and between letters stay. Two customers whose ids differ only so share one contact history
 * and one duplicate check (the cautious mistake again; a system with case-sensitive ids gets
 * the second of two such rows rejected as a duplicate, named in rejects.csv, rather than a
 * customer contacted twice or an objection missed).
 */
function folded(key: string): string {
  // Only a non-ASCII id can hold another dash or full-width letters ("ＫＤ－9006"), and only some hold another separator (most ids skip both).
  const lower = NON_ASCII.test(key) ? key.normalize('NFKC').toLowerCase().replace(OTHER_DASHES, '-') : key.toLowerCase();
  const dashed = HAS_SEPARATOR.test(lower) ? lower.replace(OTHER_SEPARATORS, '-') : lower;
  return dashed.includes('-') ? withoutPrefixDashes(dashed) : dashed;
}

/**
 * The key without each dash between an ASCII letter and a digit ("k-1001", "1001-a"): a
 * prefix's mark, not part of the number. By hand, not with a regular expression's replace
 * (`/([a-z])-(?=\d)|(\d)-(?=[a-z])/g`, which a property test holds this to): most ids have such
 * a dash, and this runs for every row.
 */
function withoutPrefixDashes(key: string): string {
  let out = '';
  let from = 0;
  for (let i = key.indexOf('-', 1); i > 0 && i < key.length - 1; i = key.indexOf('-', i + 1)) {
    const before = key.charCodeAt(i - 1);
    const after = key.charCodeAt(i + 1);
    const letterBefore = before >= 97 && before <= 122;
    const digitBefore = before >= 48 && before <= 57;
    if ((letterBefore && after >= 48 && after <= 57) || (digitBefore && after >= 97 && after <= 122)) {
      out += key.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? key : out + key.slice(from);
}
