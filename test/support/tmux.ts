/**
 * A terminal for tests: commands run in panes of a private tmux server (a socket of its own,
 * so no user's sessions are touched); keys are sent with send-keys and the screen is read with
 * capture-pane. `press` sends keys and waits until their effect shows, so no key reaches a
 * program before it is ready for it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export class Terminal {
  private readonly socket: string;
  private current = '';
  private count = 0;
  /** everything every finished pane showed, for checks over the whole session */
  readonly transcripts: string[] = [];

  constructor(name: string, readonly width = 80, readonly height = 40) {
    this.socket = join(tmpdir(), `winback-${name}-${process.pid}.sock`);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Everything the pane has shown since it started (history and screen, wrapped lines joined). */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', this.current);
  }

  /** Starts a command in a fresh pane in `cwd`; the previous pane's transcript is kept and the pane closed afterwards, so the server stays up. */
  start(command: string, cwd: string): void {
    const previous = this.current;
    if (previous) this.transcripts.push(this.screen());
    this.count += 1;
    this.current = `t${this.count}`;
    // The shell keeps the pane open after the command so its exit code stays readable.
    this.tmux('new-session', '-d', '-s', this.current, '-x', String(this.width), '-y', String(this.height), '-c', cwd, `${command}; echo EXIT=$?; sleep 300`);
    if (previous) spawnSync('tmux', ['-S', this.socket, 'kill-session', '-t', previous]);
  }

  /** Polls the screen until `text` shows at least `times` times; fails with the last screen after `ms`. */
  async waitFor(text: string, times = 1, ms = 60_000): Promise<string> {
    const until = Date.now() + ms;
    let last = '';
    while (Date.now() < until) {
      last = this.screen();
      if (last.split(text).length - 1 >= times) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for "${text}" (${times}×); the terminal shows:\n${last.split('\n').slice(-40).join('\n')}`);
  }

  keys(...k: string[]): void {
    this.tmux('send-keys', '-t', this.current, ...k);
  }

  /** Types literal text (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.current, '-l', text);
  }

  /** Sends keys, then waits until `text` shows once more than before. */
  async press(keys: string[], text: string): Promise<string> {
    const before = this.screen().split(text).length - 1;
    this.keys(...keys);
    return this.waitFor(text, before + 1);
  }

  /** Keeps the last pane's transcript and stops the server. */
  close(): void {
    if (this.current) {
      try {
        this.transcripts.push(this.screen());
      } catch {
        // the pane may be gone already
      }
    }
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
    rmSync(this.socket, { force: true });
  }
}
