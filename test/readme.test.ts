/**
 * The README's examples are copy-pasted into a shell by users: each one must run. They run
 * in a temporary folder that sees the repository's fixtures/ and docs/, so that what they
 * write to out/ never lands in the user's own out/.
 */
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';
import { tempDir } from './support/temp.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const commands = blocks.flatMap((b) => b.split('\n')).filter((l) => l.startsWith('node bin/winback.js '));

function splitArgs(text: string): string[] {
  return [...text.trim().matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** The user's out/ folder: its files and their modification times, or null when there is none. */
function userOut(): Record<string, number> | null {
  const out = join(ROOT, 'out');
  if (!existsSync(out)) return null;
  const files = readdirSync(out, { recursive: true }) as string[];
  return Object.fromEntries(files.map((f) => [f, statSync(join(out, f)).mtimeMs]));
}

const cwd = tempDir('winback-readme-');
for (const dir of ['fixtures', 'docs']) symlinkSync(join(ROOT, dir), join(cwd, dir), 'dir');
const before = userOut();

describe('README', () => {
  it('opens with exactly the two set-up-and-run commands', () => {
    expect(blocks[0]).toBe('npm install && npm start\nnpm test\n');
  });

  it('has examples', () => expect(commands.length).toBeGreaterThan(5));

  it.each(commands)('%s', async (line) => {
    const r = await runCli(splitArgs(line).slice(2), { cwd });
    expect(r.stderr.replace(/^(warning|Warnung): .*\n/gm, '')).toBe('');
    expect(r.code).toBe(0);
  });

  afterAll(() => {
    // The examples wrote into the temporary folder's out/, and not into the user's.
    expect(existsSync(join(cwd, 'out'))).toBe(true);
    expect(userOut()).toEqual(before);
  });
});
