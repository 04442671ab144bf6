/**
 * `--help` in the run's language: with --lang de (anywhere on the command line), a German
 * locale or a config's `lang: de`, every command's help is German — descriptions, options,
 * arguments, examples and commander's own words — and lists every option. The English help
 * is pinned by the golden cases in test/golden/cases/help/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { applyHelpTexts } from '../../src/cli/help.js';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { CATALOGUE, type CommandHelp } from '../../src/domain/catalogue/index.js';
import { findEnglish } from '../support/english-words.js';
import { runCli, tempDir } from '../support/cli.js';
import { memoryContext } from '../support/memory-context.js';

function commands(cmd: Command, prefix: string[] = []): { path: string[]; cmd: Command }[] {
  return [{ path: prefix, cmd }, ...cmd.commands.flatMap((c) => commands(c, [...prefix, c.name()]))];
}

const ALL = commands(buildProgram(memoryContext().ctx, () => undefined));
const visibleLongFlags = (cmd: Command) => cmd.options.filter((o) => !o.hidden).map((o) => o.long ?? o.flags);
// Command names (winback reasons) and the column names of an example (--columns …) are machine words.
const MACHINE = ['customer_id,name,phone,contact_person,reason_text,offer'];
const leaks = (text: string) => findEnglish(text, MACHINE).filter((l) => l.word !== 'reasons').map((l) => `${l.word}: ${l.context}`);

describe('--help in German', () => {
  it.each(ALL.map(({ path, cmd }) => [path.join(' ') || 'winback', path, visibleLongFlags(cmd)] as const))(
    '%s --help --lang de and under LANG=de_DE.UTF-8',
    async (_name, path, flags) => {
      for (const run of [() => runCli([...path, '--help', '--lang', 'de']), () => runCli([...path, '--help'], { env: { LANG: 'de_DE.UTF-8' } })]) {
        const r = await run();
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/^Aufruf: winback/);
        expect(r.stdout).toContain('Optionen:');
        expect(r.stdout).toMatch(/Beispiele?:\n {2}\$ winback/);
        expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|Arguments:|Examples?:|display help|choices:|default:/);
        for (const flag of [...flags, '--help']) expect(r.stdout).toContain(flag);
        expect(leaks(r.stdout)).toEqual([]);
      }
    },
  );

  it('translates commander\'s words: titles, placeholders, choices and defaults', async () => {
    const r = await runCli(['clv', '--help', '--lang', 'de']);
    expect(r.stdout).toContain('Argumente:\n  Datei ');
    expect(r.stdout).toMatch(/--out <Verzeichnis> +Ausgabeverzeichnis/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('(Auswahl: "bg-nbd", "pareto-nbd", Standard: "bg-nbd")');
    const root = await runCli(['--help', '--lang', 'de']);
    expect(root.stdout).toMatch(/^ {2}help \[Befehl\] +Hilfe zu einem Befehl anzeigen$/m);
    expect(root.stdout).toContain('Exit-Codes: 0 ok, 64 Aufruf');
  });

  it('shows the German root help for `winback --lang de` alone, as for `winback` without a command', async () => {
    const help = await runCli(['--help', '--lang', 'de']);
    for (const argv of [['--lang', 'de'], ['--lang=de']]) {
      const r = await runCli(argv);
      // No command is a usage error (64), with the help on stderr like a bare `winback`.
      expect(r.code, argv.join(' ')).toBe(64);
      expect(r.stderr).toBe(help.stdout);
    }
    expect((await runCli(['--lang', 'fr'])).code).toBe(64);
  });

  it('follows --lang after the command, winback help <cmd>, and the config', async () => {
    expect((await runCli(['help', 'plan', '--lang', 'de'])).stdout).toMatch(/^Aufruf: winback plan \[Optionen\] <Datei>/);
    expect((await runCli(['plan', '--lang=de', '--help'])).stdout).toMatch(/^Aufruf: winback plan/);
    const config = join(tempDir(), 'de.yaml');
    writeFileSync(config, 'lang: de\n');
    expect((await runCli(['inspect', '--config', config, '--help'])).stdout).toMatch(/^Aufruf: winback inspect/);
    expect((await runCli(['help', 'inspect'], { env: { WINBACK_CONFIG: config } })).stdout).toMatch(/^Aufruf: winback inspect/);
    // The flag outranks the config and the locale.
    expect((await runCli(['inspect', '--config', config, '--help', '--lang', 'en'], { env: { LANG: 'de_DE.UTF-8' } })).stdout).toMatch(/^Usage: winback inspect/);
  });

  it('stays English without a German setting; a missing config leaves it to the locale', async () => {
    expect((await runCli(['plan', '--help'])).stdout).toMatch(/^Usage: winback plan \[options\] <file>/);
    expect((await runCli(['plan', '--help', '--config', 'fixtures/missing.yaml'], { env: { LANG: 'de_DE.UTF-8' } })).stdout).toMatch(/^Aufruf:/);
  });
});

describe('the help texts of the catalogue', () => {
  const entries = Object.entries(CATALOGUE.help).filter(([key]) => key !== 'frame' && key !== 'shared') as [string, { en: CommandHelp; de: CommandHelp }][];

  it('has a text for every command, argument and visible option, in both languages', () => {
    for (const lang of ['en', 'de'] as const) {
      for (const { path, cmd } of commands(buildProgram(memoryContext().ctx, () => undefined, lang))) {
        expect(cmd.description(), `${path.join(' ')} (${lang})`).not.toBe('');
        for (const arg of cmd.registeredArguments) expect(arg.description, `${path.join(' ')} ${arg.name()}`).not.toBe('');
        for (const o of cmd.options.filter((x) => !x.hidden)) expect(o.description, `${path.join(' ')} ${o.long} (${lang})`).not.toBe('');
      }
    }
  });

  it.each(entries)('%s has the same options, arguments and examples in German as in English', (_key, entry) => {
    expect(Object.keys(entry.de.options ?? {})).toEqual(Object.keys(entry.en.options ?? {}));
    expect(Object.keys(entry.de.arguments ?? {})).toEqual(Object.keys(entry.en.arguments ?? {}));
    expect(entry.de.examples.length).toBe(entry.en.examples.length);
    expect(entry.de.note === undefined).toBe(entry.en.note === undefined);
  });

  it('has the same shared options and frame words in both languages', () => {
    expect(Object.keys(CATALOGUE.help.shared.de)).toEqual(Object.keys(CATALOGUE.help.shared.en));
    expect(Object.keys(CATALOGUE.help.frame.de.titles)).toEqual(Object.keys(CATALOGUE.help.frame.en.titles));
  });

  it('throws on a command or option the catalogue has no text for (the walk above can fail)', () => {
    const unknownCommand = new Command('winback');
    unknownCommand.command('frobnicate');
    expect(() => applyHelpTexts(unknownCommand, 'de')).toThrow(/no help texts for 'frobnicate'/);
    const unknownOption = new Command('winback');
    unknownOption.command('plan').option('--frobnicate');
    expect(() => applyHelpTexts(unknownOption, 'en')).toThrow(/--frobnicate of 'plan'/);
  });
});
