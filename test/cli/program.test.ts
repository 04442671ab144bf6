import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { VERSION } from '../../src/version.js';
import { runCli } from '../support/cli.js';
import { memoryContext } from '../support/memory-context.js';

function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => {
    const path = [...prefix, c.name()];
    return [path, ...commandPaths(c, path)];
  });
}

const paths = commandPaths(buildProgram(memoryContext().ctx, () => undefined)).filter((p) => p[0] !== 'help');

describe('command wiring', () => {
  it('has every command of the issues', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(
      expect.arrayContaining(['inspect', 'plan', 'reasons', 'campaign', 'report', 'worksheet', 'clv', 'calibrate', 'results', 'playbook', 'playbook show', 'playbook init', 'playbook validate']),
    );
  });

  it.each(paths.map((p) => [p.join(' '), p]))('%s --help shows an example and exits 0', async (_name, path) => {
    const r = await runCli([...(path as string[]), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Example:\n {2}\$ winback /);
  });

  it('prints the version', async () => {
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it.each([
    [['frobnicate']],
    [['plan', '--no-such-flag', 'x.csv']],
    [['inspect']],
    [['report', 'fixtures/lost-customers-en.csv', '--lang', 'fr']],
  ])('usage errors exit 64 without a stack trace: %j', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(64);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('no command at all is a usage error (64), with the help on stderr', async () => {
    for (const args of [[], ['playbook']]) {
      const r = await runCli(args);
      expect(r.code).toBe(64);
      expect(r.stderr).toMatch(/Usage: winback/);
    }
  });

  it('commander errors read like every other error', async () => {
    const r = await runCli(['plan', '--bogus', 'x.csv']);
    expect(r.stderr).toMatch(/^winback: unknown option '--bogus'\nhint: /);
  });

  it('--debug adds the stack trace to a user error', async () => {
    const r = await runCli(['inspect', 'nope.csv', '--debug']);
    expect(r.code).toBe(66);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});
