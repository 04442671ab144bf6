/**
 * --lang before the command ("winback --lang de plan FILE") is the command's --lang, and usage
 * errors speak the locale's language, unknown commands too.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';

describe('--lang before the command', () => {
  it('runs the command in that language', async () => {
    const out = join(tempDir(), 'plan');
    const r = await runCli(['--lang', 'de', 'plan', 'fixtures/lost-customers-de.csv', '--out', out, '--as-of', '2026-11-23', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'plan.csv')).some((p) => /nie kontaktieren/.test(p.decision_reason ?? ''))).toBe(true);
  });

  it("shows the command's own help in that language", async () => {
    const r = await runCli(['--lang=de', 'plan', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Aufruf: winback plan \[Optionen\] <Datei>/);
  });
});

describe('usage errors in German', () => {
  it('name an unknown command in the locale’s language', async () => {
    const r = await runCli(['bogus'], { env: { LANG: 'de_DE.UTF-8' } });
    expect(r.code).toBe(64);
    expect(r.stderr).toBe("winback: unbekannter Befehl 'bogus'\nHinweis: --help zeigt den Aufruf und ein Beispiel\n");
  });

  it('name a missing argument as the help does', async () => {
    const r = await runCli(['plan', '--lang', 'de']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^winback: das Argument <Datei> fehlt$/m);
  });
});
