/**
 * Measures the boundary between final departure reasons (deceased, business_closed,
 * terminated_by_us: never contacted) and every other reason, on labelled CSV files (columns
 * text, code, lang, and kind = final | trap). A final reason read as another gets the customer
 * contacted; another reason read as final (or the text read as an objection) loses a customer
 * who could be won back. Prints, overall and per language: the codes right, the finals read
 * as final, the traps read as final, and the traps whose text the objection reader blocks;
 * and what plan does with each reading before value and permission (never, review, or an
 * approach if worth it); with --errors each miss.
 *
 *   npm run build && node build/dev/measure-finals.js FILE.csv … [--errors]
 *
 * It reads the built product (dist/), as a user's run would.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

// The built product (dist/), which finds its shipped playbook and examples beside itself.
const built = <T>(path: string): Promise<T> => import(new URL(`../../dist/${path}`, import.meta.url).href) as Promise<T>;
const { findObjectionPhrase } = await built<typeof import('../src/domain/objections/text.js')>('domain/objections/text.js');
const { classifyReason, compileVocabulary } = await built<typeof import('../src/domain/reasons/reasons.js')>('domain/reasons/reasons.js');
const { loadPlaybook } = await built<typeof import('../src/io/playbook-file.js')>('io/playbook-file.js');

interface Row {
  text: string;
  code: string;
  lang: string;
  kind: string;
}

const FINAL = new Set(['deceased', 'business_closed', 'terminated_by_us']);
/** plan's reviewConfidence default (docs/config.md) */
const REVIEW = 0.5;

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const rows: Row[] = files.flatMap((file) =>
  (parse(readFileSync(file), { columns: true }) as Record<string, string>[]).map((r) => ({
    text: r.text ?? '',
    code: r.code ?? '',
    lang: r.lang ?? '?',
    kind: r.kind ?? (FINAL.has(r.code ?? '') ? 'final' : 'trap'),
  })),
);
const vocab = compileVocabulary((await loadPlaybook()).playbook);
const read = rows.map((r) => {
  const c = classifyReason({ text: r.text }, vocab);
  // What plan does with the reading, before value and permission: never (a final reason or an
  // objection), review (unknown, unsure, or a final reason read second), or an approach if worth it.
  const fate = FINAL.has(c.code) || findObjectionPhrase(r.text) !== undefined ? 'never' : c.code === 'unknown' || c.confidence < REVIEW || FINAL.has(c.secondary ?? '') ? 'review' : 'approach';
  return { ...r, got: c.code, objection: findObjectionPhrase(r.text), fate };
});

const pct = (n: number, of: number): string => `${n}/${of} (${of === 0 ? '–' : ((100 * n) / of).toFixed(1)} %)`;
for (const lang of ['all', 'de', 'en']) {
  const subset = read.filter((r) => lang === 'all' || r.lang === lang);
  const finals = subset.filter((r) => r.kind === 'final');
  const traps = subset.filter((r) => r.kind !== 'final');
  console.log(`${lang}: codes right ${pct(subset.filter((r) => r.got === r.code).length, subset.length)}`);
  console.log(`  finals read as final ${pct(finals.filter((r) => FINAL.has(r.got)).length, finals.length)}, with the right code ${pct(finals.filter((r) => r.got === r.code).length, finals.length)}`);
  console.log(`  finals plan may approach ${pct(finals.filter((r) => r.fate === 'approach').length, finals.length)}, to review ${pct(finals.filter((r) => r.fate === 'review').length, finals.length)}; traps never contacted ${pct(traps.filter((r) => r.fate === 'never').length, traps.length)}, to review ${pct(traps.filter((r) => r.fate === 'review').length, traps.length)}`);
  console.log(`  traps read as final ${pct(traps.filter((r) => FINAL.has(r.got)).length, traps.length)}, read as an objection ${pct(traps.filter((r) => r.objection !== undefined).length, traps.length)}, right code ${pct(traps.filter((r) => r.got === r.code).length, traps.length)}`);
}
if (args.includes('--errors')) {
  for (const r of read) {
    if (r.got !== r.code || (r.kind !== 'final' && r.objection !== undefined)) console.log(`${r.kind}\t${r.code} → ${r.got}${r.objection !== undefined ? ` [objection: ${r.objection}]` : ''}\t${r.text}`);
  }
}
