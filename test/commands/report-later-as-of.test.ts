/**
 * A report on a plan folder as of a later day than the plan's: windows that opened before its
 * week and are still open are due now (week 0), closed ones are counted apart, and the calendar
 * and the funnel agree.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

interface Calendar { weeks: { total: number }[]; later: number; without_window: number; window_closed: number }

describe('report on a plan as of a later day', () => {
  it('puts the open windows of earlier weeks into this week, counts the closed ones apart, and agrees with the funnel', async () => {
    const dir = tempDir('winback-report-later-');
    const plan = join(dir, 'plan');
    expect((await runCli(['plan', 'fixtures/lost-customers-en.csv', '--out', plan, '--as-of', '2026-11-23', '-q'])).code).toBe(0);
    const at = async (asOf: string) => {
      const r = await runCli(['report', plan, '--as-of', asOf, '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { calendar: Calendar; funnel: { steps: { step: string; count: number }[] } };
    };
    const same = await at('2026-11-23');
    const later = await at('2026-12-14');
    const total = (c: Calendar) => c.weeks.reduce((n, w) => n + w.total, 0) + c.later + c.without_window + c.window_closed;
    // Every win-back customer is in exactly one place, whatever the day.
    expect(total(later.calendar)).toBe(total(same.calendar));
    expect(same.calendar.window_closed).toBe(0);
    expect(later.calendar.window_closed).toBeGreaterThan(0);
    expect(later.calendar.later).toBeLessThanOrEqual(same.calendar.later);
    // This period (a week) is the calendar's first week.
    const due = (r: Awaited<ReturnType<typeof at>>) => r.funnel.steps.find((s) => s.step === 'due')?.count;
    expect(due(later)).toBe(later.calendar.weeks[0]?.total);
    expect(due(same)).toBe(same.calendar.weeks[0]?.total);
  });
});
