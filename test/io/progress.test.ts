import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/io/progress.js';

function fakeTerminal(tty: boolean) {
  let out = '';
  return { ctx: { stderrIsTTY: tty, stderr: { write: (s: string) => void (out += s) } }, out: () => out };
}

describe('progress display', () => {
  it('says rows, rate, share and time left', () => {
    expect(progressLine('plan', 120_000, 25, 100, 3)).toBe('plan: 120,000 rows · 40,000 rows/s · 25 % · 0:09 left');
    expect(progressLine('plan', 10, 0, undefined, 2)).toBe('plan: 10 rows · 5 rows/s');
  });

  it('speaks the run\'s language', () => {
    expect(progressLine('plan', 120_000, 25, 100, 3, 'de')).toBe('plan: 120.000 Zeilen · 40.000 Zeilen/s · 25 % · noch 0:09');
  });

  it('writes nothing without a terminal or with --quiet', () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const t = fakeTerminal(tty);
      let now = 0;
      const p = createProgress(t.ctx, { label: 'plan', quiet, clock: () => now, delayMs: 0 });
      for (let i = 0; i < 50; i++) p.update(i, i), (now += 1000);
      p.done();
      expect(t.out()).toBe('');
    }
  });

  it('updates at most ten times a second, not before the delay, and clears its line at the end', () => {
    const t = fakeTerminal(true);
    let now = 0;
    const p = createProgress(t.ctx, { label: 'plan', totalBytes: 1000, clock: () => now, delayMs: 1000 });
    for (let ms = 0; ms <= 3000; ms += 10) {
      now = ms;
      p.update(ms, ms / 3);
    }
    const updates = t.out().split('\r').filter((s) => s.startsWith('plan:'));
    expect(updates.length).toBeGreaterThan(15);
    expect(updates.length).toBeLessThanOrEqual(21);
    expect(t.out().startsWith('\rplan: 1,000 rows')).toBe(true);
    p.done();
    expect(t.out().endsWith('\r\x1b[K')).toBe(true);
  });
});
