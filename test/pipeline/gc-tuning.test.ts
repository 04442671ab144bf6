import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/**
 * Runs a script in a fresh Node process that keeps objects alive through many scavenges (so
 * that V8 grows the young generation) and prints the young generation's capacity in MB.
 */
function youngCapacityAfterChurn(setup: string): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import * as gc from './dist/pipeline/gc-tuning.js';
    const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    ${setup}
    let keep = [];
    for (let i = 0; i < 400000; i++) {
      keep.push({ i, text: 'row ' + i });
      if (keep.length > 20000) keep = [];
      if (i % 256 === 0) step();
    }
    console.log(young() / 1048576);
  `;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }).trim());
}

describe('young generation tuning (plan)', () => {
  it('lets V8 grow the young generation by default, holds it, or caps it at a size', () => {
    const free = youngCapacityAfterChurn('const step = () => {};');
    const held = youngCapacityAfterChurn('gc.holdYoungGeneration(); const step = () => {};');
    const capped = youngCapacityAfterChurn('const step = () => gc.capYoungGeneration(4);');
    expect(free).toBeGreaterThan(8);
    // V8 starts at 1 MB and may take one step to 2 MB before a hold.
    expect(held).toBeLessThanOrEqual(2);
    // Grows up to the cap, checked often enough that it does not double past it.
    expect(capped).toBe(4);
  });

  it('holds it from the start for plan (bin/winback.js calls tuneForCommand first), for no other command', () => {
    expect(youngCapacityAfterChurn(`gc.tuneForCommand(['--quiet', 'plan', 'x.csv']); const step = () => {};`)).toBeLessThanOrEqual(2);
    expect(youngCapacityAfterChurn(`gc.tuneForCommand(['campaign', 'x.csv']); const step = () => {};`)).toBeGreaterThan(8);
  });

  it('collects the garbage of the old generation on demand, without --expose-gc', () => {
    const script = `
      import * as gc from './dist/pipeline/gc-tuning.js';
      let keep = [];
      for (let i = 0; i < 300000; i++) keep.push({ i, text: 'row ' + i });
      keep = null;
      const before = process.memoryUsage().heapUsed;
      gc.collectGarbage();
      console.log((before - process.memoryUsage().heapUsed) / 1048576, typeof globalThis.gc);
    `;
    const [freedMb, gcGlobal] = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }).trim().split(' ');
    // 300,000 objects with their strings: well over 10 MB, all garbage.
    expect(Number(freedMb)).toBeGreaterThan(10);
    expect(gcGlobal).toBe('undefined');
  });
});
