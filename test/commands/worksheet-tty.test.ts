/**
 * The real binary in a pseudo-terminal (tmux): a short worksheet session is interrupted with
 * Ctrl-C, resumed with the same --session, finished, and its plan.csv compared with
 * `winback plan` on the same data. In CI tmux is installed by .ci/install-tools.sh and the
 * test must run; elsewhere it is skipped, with a message, when tmux is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/catalogue/index.js';
import { tempDir } from '../support/temp.js';

const ROOT = resolve(import.meta.dirname, '../..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const inCi = Boolean(process.env.CI);
if (!hasTmux && !inCi) console.warn('worksheet-tty: tmux is not installed, so the pseudo-terminal test is skipped (apt-get install -y tmux)');

// A private server on a socket of our own, so the test never touches a user's tmux sessions.
const socket = join(tmpdir(), `winback-tty-${process.pid}.sock`);
const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
const t = messages('en').worksheet.texts;
let current = '';

/** Everything the session has shown since it started (history and screen, wrapped lines joined). */
function screen(): string {
  return tmux('capture-pane', '-p', '-J', '-S', '-', '-t', current);
}

/** Polls the screen until it shows `text`; fails with the last screen after `ms`. */
async function waitFor(text: string, ms = 60_000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = screen();
    if (last.includes(text)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for "${text}"; the terminal shows:\n${last.split('\n').slice(-40).join('\n')}`);
}

function keys(...k: string[]): void {
  tmux('send-keys', '-t', current, ...k);
}

/** Starts a command in a fresh 120×40 terminal; the previous one is closed only afterwards, so the tmux server stays up. */
function start(command: string): void {
  const previous = current;
  current = `ws${Number(current.slice(2) || 0) + 1}`;
  // The shell keeps the pane open after the command so its exit code stays readable.
  tmux('new-session', '-d', '-s', current, '-x', '120', '-y', '40', '-c', ROOT, `${command}; echo EXIT=$?; sleep 300`);
  if (previous) spawnSync('tmux', ['-S', socket, 'kill-session', '-t', previous]);
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-S', socket, 'kill-server']);
  rmSync(socket, { force: true });
});

describe.runIf(hasTmux || inCi)('winback worksheet in a terminal', () => {
  it('is interrupted, resumed and finished, and writes the plan winback plan writes', async () => {
    expect(hasTmux, 'tmux must be installed in CI (.ci/install-tools.sh)').toBe(true);
    expect(existsSync(join(ROOT, 'dist/commands/worksheet/worksheet.js')), 'run npm run build first').toBe(true);
    const dir = tempDir('winback-tty-');
    const session = join(dir, 'session.json');
    const out = join(dir, 'out');
    execFileSync('node', ['bin/winback.js', 'plan', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'plan'), '--as-of', '2026-11-23', '-q'], { cwd: ROOT, stdio: 'pipe' });
    const expected = await readFile(join(dir, 'plan', 'plan.csv'), 'utf8');
    const order = (parse(expected, { columns: true }) as Record<string, string>[]).filter((r) => r.decision !== 'never' && r.decision !== 'no_channel').map((r) => r.customer_id as string);
    const command = `node bin/winback.js worksheet fixtures/lost-customers-en.csv --session ${session} --as-of 2026-11-23 --out ${out}`;

    start(command);
    await waitFor(`${t.progress(1, order.length)}`);
    expect(screen()).toContain(order[0]);
    await waitFor(`? ${t.ask.decision}`);
    keys('Enter');
    await waitFor(t.progress(2, order.length));
    keys('C-c');
    const stopped = await waitFor('EXIT=130');
    expect(stopped).toContain('resume with: winback worksheet');
    const saved = JSON.parse(await readFile(session, 'utf8'));
    expect(saved.decisions[order[0] as string]).toMatchObject({ decision: 'win_back', done: true });

    start(`node bin/winback.js worksheet --session ${session} --out ${out}`);
    await waitFor(t.notes.resumed(t.steps.selection));
    await waitFor(t.progress(2, order.length));
    expect(screen()).toContain(order[1]);
    await waitFor(`? ${t.ask.decision}`);
    keys(...Array(12).fill('Down'), 'Up', 'Enter'); // the choice before the last (save and quit) finishes the step
    await waitFor(`${t.steps.relationship} · `);
    await waitFor(`? ${t.ask.reason}`);
    keys(...Array(40).fill('Down'), 'Up', 'Up', 'Enter'); // finish: before "back to an earlier step" and "save and quit"
    for (const question of Object.values(t.lessons)) {
      await waitFor(`? ${question}`);
      keys('Enter');
    }
    await waitFor(`? ${t.notes.planLine}`);
    keys(...Array(12).fill('Down'), 'Up', 'Up', 'Enter');
    await waitFor(`? ${t.ask.groupMeasures}`);
    keys('Quarterly call to all price quitters', 'Enter');
    await waitFor(`? ${t.ask.offering}`);
    keys('Enter');
    await waitFor('EXIT=0');

    expect(await readFile(join(out, 'plan.csv'), 'utf8')).toBe(expected);
    const done = JSON.parse(await readFile(session, 'utf8'));
    expect(done.step).toBe('done');
    expect(done.group.measures).toBe('Quarterly call to all price quitters');
    expect(await readFile(join(out, 'worksheet.md'), 'utf8')).toContain('Quarterly call to all price quitters');
  }, 300_000);
});
