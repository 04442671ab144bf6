/** The README's examples are copy-pasted into a shell by users: each one must run. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const commands = blocks.flatMap((b) => b.split('\n')).filter((l) => l.startsWith('node bin/winback.js '));

function splitArgs(text: string): string[] {
  return [...text.trim().matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('README', () => {
  it('opens with exactly the two set-up-and-run commands', () => {
    expect(blocks[0]).toBe('npm install && npm start\nnpm test\n');
  });

  it('has examples', () => expect(commands.length).toBeGreaterThan(5));

  it.each(commands)('%s', async (line) => {
    const r = await runCli(splitArgs(line).slice(2));
    expect(r.stderr.replace(/^warning: .*\n/gm, '')).toBe('');
    expect(r.code).toBe(0);
  });
});
