/**
 * Measures the shipped objection detector (findObjectionPhrase: rules and learned model) on
 * labelled CSV files (columns text, objection = yes|no, lang, and optionally kind) and prints
 * recall and false objections overall, per language and per kind; with --errors also each
 * miss and false objection with the rule's phrase and the model's log-odds. Files of ordinary
 * reasons without an objection column (the reason classifier's sets) count as ordinary.
 *
 *   npm run build && node build/dev/measure-objections.js FILE.csv … [--errors]
 *   npm run build && node build/dev/measure-objections.js --cost FILE.csv …   # µs per distinct text
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { readObjection } from '../src/domain/objections/learned.js';
import { findObjectionPhrase, objectionModelTokens, objectionRuleIn, readObjectionText } from '../src/domain/objections/text.js';
import { decodeObjectionWeights, objectionModelOf } from '../src/domain/objections/learned.js';
import { OBJECTION_BIAS, OBJECTION_WEIGHTS } from '../src/domain/objections/weights.js';

interface Row {
  text: string;
  objection: 'yes' | 'no';
  lang: string;
  kind: string;
  file: string;
}

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const rows: Row[] = files.flatMap((file) =>
  (parse(readFileSync(file), { columns: true }) as Record<string, string>[]).map((r) => ({
    text: r.text ?? '',
    objection: r.objection === 'yes' ? 'yes' : 'no',
    lang: r.lang ?? '?',
    kind: r.kind ?? (r.objection === undefined ? 'reason' : r.objection === 'yes' ? 'objection' : 'ordinary'),
    file: file.replace(/^.*\//, ''),
  })),
);

if (args.includes('--cost')) cost();
else accuracy();

function accuracy(): void {
  const model = objectionModelOf(OBJECTION_BIAS, decodeObjectionWeights(OBJECTION_WEIGHTS));
  const tally = new Map<string, [number, number]>();
  const count = (key: string, hit: boolean) => {
    const t = tally.get(key) ?? [0, 0];
    t[0] += 1;
    if (hit) t[1] += 1;
    tally.set(key, t);
  };
  const errors: string[] = [];
  for (const r of rows) {
    const found = findObjectionPhrase(r.text);
    const hit = found !== undefined;
    const side = r.objection === 'yes' ? 'recall' : 'false';
    count(`${side} all`, hit);
    count(`${side} ${r.lang}`, hit);
    if (r.objection === 'no') count(`false kind ${r.kind}`, hit);
    if (hit !== (r.objection === 'yes')) {
      const logit = readObjection(model, objectionModelTokens(r.text)).logit;
      errors.push(`${r.objection === 'yes' ? 'MISS ' : 'FALSE'} ${r.lang} ${r.kind.padEnd(9)} ${logit.toFixed(2).padStart(6)} rule=${objectionRuleIn(r.text) ?? '-'} found=${found ?? '-'} | ${r.text}`);
    }
  }
  for (const [key, [n, k]] of [...tally].sort()) console.log(`${key.padEnd(24)} ${((100 * k) / n).toFixed(1).padStart(5)} % (${k}/${n})`);
  if (args.includes('--errors')) for (const line of errors.sort()) console.log(line);
}

/** Each distinct text read once, without the cache (readObjectionText), best of five passes. */
function cost(): void {
  const texts = [...new Set(rows.map((r) => r.text))];
  let best = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const start = process.hrtime.bigint();
    for (const t of texts) readObjectionText(`${t} ${pass}`);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1000 / texts.length);
  }
  console.log(`${texts.length} distinct texts, ${best.toFixed(1)} µs a text (best of 5)`);
}
