import { describe, expect, it } from 'vitest';
import { langOfLocale, resolveLang } from '../../src/cli/lang.js';
import { UsageError } from '../../src/errors.js';
import { runCli } from '../support/cli.js';

describe('language: --lang, WINBACK_LANG, config, locale, English', () => {
  it.each([
    [{ LANG: 'de_DE.UTF-8' }, 'de'],
    [{ LANG: 'de' }, 'de'],
    [{ LANG: 'de_AT@euro' }, 'de'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'dea' }, 'en'],
    [{}, 'en'],
    [{ LANG: 'en_GB.UTF-8', LC_MESSAGES: 'de_DE.UTF-8' }, 'de'],
    [{ LANG: 'de_DE.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'de_DE.UTF-8', LC_ALL: '' }, 'de'],
  ])('%j → %s', (env, lang) => {
    expect(langOfLocale(env)).toBe(lang);
  });

  it('takes the flag first, then WINBACK_LANG, then the config, then the locale', () => {
    const env = { LANG: 'de_DE.UTF-8', WINBACK_LANG: 'en' };
    expect(resolveLang('de', env, 'en')).toBe('de');
    expect(resolveLang(undefined, env, 'de')).toBe('en');
    expect(resolveLang(undefined, { LANG: 'en_US.UTF-8' }, 'de')).toBe('de');
    expect(resolveLang(undefined, { LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(() => resolveLang('fr', {})).toThrow(UsageError);
  });

  it('plans in German under LANG=de_DE.UTF-8, in English with --lang en', async () => {
    const args = ['plan', 'fixtures/lost-customers-en.csv', '--explain', 'C-00128', '--as-of', '2026-11-23'];
    expect((await runCli(args, { env: { LANG: 'de_DE.UTF-8' } })).stdout).toContain('Maßnahme: Persönlicher Anruf');
    expect((await runCli([...args, '--lang', 'en'], { env: { LANG: 'de_DE.UTF-8' } })).stdout).toContain('measure: A personal call');
    expect((await runCli(['playbook', 'show'], { env: { LC_ALL: 'de_DE.UTF-8' } })).stdout).toContain('Maßnahme');
  });
});
