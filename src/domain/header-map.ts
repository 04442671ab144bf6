import { headerKey, type Schema } from './fields.js';

/** Where each canonical field is found in a file's header row. */
export interface HeaderMapping {
  /** canonical field → column index */
  fields: Map<string, number>;
  /** indexes of columns no field claims; passed through to outputs */
  unmapped: number[];
  warnings: string[];
}

/** A required field the header does not provide, with the closest header as a suggestion. */
export interface MissingField {
  fields: readonly string[];
  suggestion?: { field: string; header: string; alias: string };
}

/** Maps a header row onto a schema's canonical fields; `overrides` (field → header) win over aliases. */
export function mapHeaders(
  headers: readonly string[],
  schema: Schema,
  overrides: Readonly<Record<string, string>> = {},
): { mapping: HeaderMapping; missing: MissingField[]; badOverrides: string[] } {
  const keys = headers.map(headerKey);
  const fields = new Map<string, number>();
  const claimed = new Set<number>();
  const warnings: string[] = [];
  const badOverrides: string[] = [];
  for (const [field, header] of Object.entries(overrides)) {
    const index = headers.indexOf(header) >= 0 ? headers.indexOf(header) : keys.indexOf(headerKey(header));
    if (!schema.fields.some((s) => s.name === field)) badOverrides.push(`unknown field '${field}'`);
    else if (index < 0) badOverrides.push(`no column '${header}' for ${field}`);
    else {
      fields.set(field, index);
      claimed.add(index);
    }
  }
  for (const spec of schema.fields) {
    if (fields.has(spec.name)) continue;
    const aliasKeys = new Set(spec.aliases.map(headerKey));
    const hits = keys.flatMap((k, i) => (aliasKeys.has(k) && !claimed.has(i) ? [i] : []));
    const first = hits[0];
    if (first === undefined) continue;
    fields.set(spec.name, first);
    claimed.add(first);
    if (hits.length > 1) {
      const others = hits.slice(1).map((i) => `'${headers[i]}'`).join(', ');
      warnings.push(`${spec.name}: using column '${headers[first]}'; ${others} also looks like ${spec.name} and is passed through (use --map ${spec.name}=HEADER to choose)`);
    }
  }
  warnDuplicateHeaders(headers, warnings);
  const unmapped = headers.map((_, i) => i).filter((i) => !claimed.has(i));
  const missing = schema.required
    .filter((group) => !group.some((name) => fields.has(name)))
    .map((group) => ({ fields: group, suggestion: suggestHeader(group, headers, unmapped, schema) }));
  return { mapping: { fields, unmapped, warnings }, missing, badOverrides };
}

function warnDuplicateHeaders(headers: readonly string[], warnings: string[]): void {
  const seen = new Set<string>();
  for (const h of headers) {
    if (seen.has(h)) warnings.push(`the header '${h}' appears more than once; each column is kept separately`);
    seen.add(h);
  }
}

/** The unmapped header closest to any alias of the missing fields, if it is close enough. */
function suggestHeader(group: readonly string[], headers: readonly string[], unmapped: number[], schema: Schema) {
  let best: { field: string; header: string; alias: string; distance: number } | undefined;
  for (const name of group) {
    const spec = schema.fields.find((s) => s.name === name);
    if (!spec) continue;
    for (const i of unmapped) {
      const header = headers[i] as string;
      const key = headerKey(header);
      for (const alias of spec.aliases) {
        const aliasKey = headerKey(alias);
        const distance = editDistance(key, aliasKey);
        const limit = Math.max(1, Math.floor(aliasKey.length / 4));
        if (distance <= limit && (!best || distance < best.distance)) best = { field: name, header, alias, distance };
      }
    }
  }
  return best ? { field: best.field, header: best.header, alias: best.alias } : undefined;
}

/** Levenshtein distance between two short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = row;
  }
  return prev[b.length] as number;
}
