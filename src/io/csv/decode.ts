import iconv from 'iconv-lite';

/** Encodings winback reads; names as iconv-lite knows them. */
export type EncodingName = 'utf8' | 'utf16le' | 'utf16be' | 'win1252' | 'latin1';

export interface DetectedEncoding {
  encoding: EncodingName;
  /** the input started with a byte-order mark */
  bom: boolean;
}

const ALIASES: Record<string, EncodingName> = {
  utf8: 'utf8', 'utf-8': 'utf8', 'utf-8-bom': 'utf8', 'utf8bom': 'utf8',
  utf16le: 'utf16le', 'utf-16le': 'utf16le', 'utf-16': 'utf16le', utf16: 'utf16le',
  utf16be: 'utf16be', 'utf-16be': 'utf16be',
  win1252: 'win1252', 'windows-1252': 'win1252', cp1252: 'win1252', ansi: 'win1252',
  latin1: 'latin1', 'iso-8859-1': 'latin1', 'iso8859-1': 'latin1', 'latin-1': 'latin1',
};

/** Canonical name of a user-given encoding, or undefined if unsupported. */
export function normalizeEncodingName(name: string): EncodingName | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

/**
 * Detects the encoding from the first bytes: a BOM decides; otherwise valid UTF-8 is UTF-8
 * and anything else is Windows-1252 (the superset of Latin-1 that Excel writes in Germany).
 */
export function detectEncoding(head: Buffer, atEnd: boolean): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bom: true };
  return { encoding: isValidUtf8(head, atEnd) ? 'utf8' : 'win1252', bom: false };
}

/** Validates UTF-8; a multi-byte sequence cut off at the end of a non-final chunk is allowed. */
function isValidUtf8(bytes: Buffer, atEnd: boolean): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) { i++; continue; }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    if (i + need >= n + (atEnd ? 0 : 1) && !atEnd) return true;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return !atEnd;
      if ((c & 0xc0) !== 0x80) return false;
    }
    i += need + 1;
  }
  return true;
}

/** A streaming decoder for one of the supported encodings; strips a leading BOM. */
export function createDecoder(encoding: EncodingName): { write(chunk: Buffer): string; end(): string } {
  const decoder = iconv.getDecoder(encoding === 'utf16le' || encoding === 'utf16be' ? encoding : encoding, { stripBOM: true });
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}
