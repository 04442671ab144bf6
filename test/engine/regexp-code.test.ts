/**
 * The planning workers compile the objection rules without V8's regexp optimisations while they
 * set up, and every other regular expression as V8 does by default (src/engine/regexp-code.ts).
 * Each case runs in a fresh node process on the build in dist/, where nothing else has set V8's
 * flags; a V8 that no longer knows the flag makes the first case fail.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const dist = (path: string) => pathToFileURL(join(ROOT, 'dist', path)).href;
const COMPACT = `const rx = await import('${dist('engine/regexp-code.js')}'); rx.compileObjectionRulesCompact(rx.compilingCount());`;
const WARM = `(await import('${dist('domain/objections/text.js')}')).warmObjectionRules();`;

/** Output of a module script run in a fresh node process. */
function run(script: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

/** MiB of compiled code once `before` ran and the detector read a few texts. */
function codeAfter(before: string): number {
  return Number(
    run(`
    import { getHeapCodeStatistics } from 'node:v8';
    ${before}
    const { readObjectionText } = await import('${dist('domain/objections/text.js')}');
    for (const t of ['Kunde wünscht keine Werbung mehr', 'Bitte nicht mehr anrufen – danke', 'moved abroad']) readObjectionText(t);
    console.log(getHeapCodeStatistics().code_and_metadata_size / 1048576);`),
  );
}

/** KiB of code an expression shaped like the rules (words within words, gaps) takes once compiled, after `before` ran. */
function laterRegexpCode(before: string): number {
  return Number(
    run(`
    import { getHeapCodeStatistics } from 'node:v8';
    ${before}
    const alt = '(?:' + ['anruf', 'mail', 'kontakt', 'besuch', 'angebot', 'werb', 'brief', 'post', 'call', 'text', 'visit', 'offer'].map((w) => '[a-z]*' + w + '[a-z]*').join('|') + ')';
    const re = new RegExp('\\\\b(?:neither|weder) (?:[a-z0-9]+ ){0,2}' + alt + ' (?:[a-z]+ ){0,3}(?:nor|noch) (?:[a-z0-9]+ ){0,2}' + alt + '\\\\b');
    const at = getHeapCodeStatistics().code_and_metadata_size;
    re.test('a text without them at all here');
    re.test('another text without them');
    console.log((getHeapCodeStatistics().code_and_metadata_size - at) / 1024);`),
  );
}

describe('the regular expressions of a planning worker', () => {
  it('the objection rules compile to less than half the machine code', () => {
    expect(codeAfter(COMPACT)).toBeLessThan(codeAfter(WARM) / 2);
  });

  it('expressions compiled afterwards get V8\'s optimised code again', () => {
    const control = laterRegexpCode('');
    expect(control).toBeGreaterThan(0);
    expect(laterRegexpCode(COMPACT)).toBeGreaterThan(control * 0.85);
    // the control of the control: without the optimisations the same expression is smaller
    expect(laterRegexpCode(`(await import('node:v8')).setFlagsFromString('--no-regexp-optimization');`)).toBeLessThan(control * 0.7);
  });

  it('read the same as without the setting', () => {
    const script = (before: string) => `
      ${before}
      const { readObjectionText } = await import('${dist('domain/objections/text.js')}');
      const texts = ['Kunde wünscht keine Werbung mehr', 'Bitte nicht mehr anrufen – danke', 'asked what the TPS is', 'no calls before 9am', 'Stop emailing me!', 'moved abroad'];
      console.log(JSON.stringify(texts.map((t) => [readObjectionText(t), readObjectionText(t)])));`;
    const plain = run(script(''));
    expect(JSON.parse(plain).some(([a]: [string | null]) => a !== null)).toBe(true);
    expect(run(script(COMPACT))).toBe(plain);
  });
});
