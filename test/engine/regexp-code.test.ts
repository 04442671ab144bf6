/**
 * The planning workers compile regular expressions without V8's regexp optimisations
 * (src/engine/regexp-code.ts): the objection rules' machine code is a fraction of its size.
 * Each case runs in a fresh node process on the build in dist/, where nothing else has set
 * V8's flags; a V8 that no longer knows the flag makes the first case fail.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const dist = (path: string) => pathToFileURL(join(ROOT, 'dist', path)).href;

/** MiB of compiled code after `before` ran and the objection detector read a few texts twice over. */
function codeAfter(before: string): number {
  const script = `
    import { getHeapCodeStatistics } from 'node:v8';
    ${before}
    const { readObjectionText } = await import('${dist('domain/objections/text.js')}');
    const texts = ['Price too high, switched to a cheaper provider', 'Kunde wünscht keine Werbung mehr', 'Bitte nicht mehr anrufen – danke', 'moved abroad'];
    for (let i = 0; i < 3; i++) for (const t of texts) readObjectionText(t + ' ' + i);
    console.log(getHeapCodeStatistics().code_and_metadata_size / 1048576);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe('the regular expressions of a planning worker', () => {
  it('compile to less than half the machine code with the setting', () => {
    const without = codeAfter('');
    const with_ = codeAfter(`(await import('${dist('engine/regexp-code.js')}')).compactRegexpCode();`);
    expect(with_).toBeLessThan(without / 2);
  });

  it('read the same with the setting', () => {
    const script = (before: string) => `
      ${before}
      const { readObjectionText } = await import('${dist('domain/objections/text.js')}');
      const texts = ['Kunde wünscht keine Werbung mehr', 'Bitte nicht mehr anrufen – danke', 'asked what the TPS is', 'no calls before 9am', 'Stop emailing me!', 'moved abroad'];
      console.log(JSON.stringify(texts.map((t) => [readObjectionText(t), readObjectionText(t)])));`;
    const run = (before: string) => execFileSync(process.execPath, ['--input-type=module', '-e', script(before)], { encoding: 'utf8' });
    const plain = run('');
    expect(JSON.parse(plain).some(([a]: [string | null]) => a !== null)).toBe(true);
    expect(run(`(await import('${dist('engine/regexp-code.js')}')).compactRegexpCode();`)).toBe(plain);
  });
});
