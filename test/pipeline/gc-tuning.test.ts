/**
 * Which collector flags winback sets, and when. Whether V8 honours them is V8's business (the
 * measurements are in docs/performance.md); these tests check winback's own decisions, with
 * V8's flag setter and heap statistics replaced.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const v8 = vi.hoisted(() => ({ flags: [] as string[], youngBytes: 1024 * 1024 }));
vi.mock('node:v8', () => ({
  setFlagsFromString: (flag: string) => void v8.flags.push(flag),
  getHeapSpaceStatistics: () => [{ space_name: 'old_space', space_size: 64 << 20 }, { space_name: 'new_space', space_size: v8.youngBytes }],
}));
const vm = vi.hoisted(() => ({ collected: 0 }));
vi.mock('node:vm', () => ({ runInNewContext: (code: string) => (code === 'gc' ? () => void vm.collected++ : undefined) }));

const gc = await import('../../src/pipeline/gc-tuning.js');
const HOLD = '--semi-space-growth-factor=1';
const RELEASE = '--semi-space-growth-factor=2';

beforeEach(() => {
  v8.flags = [];
});

describe('young generation tuning (plan)', () => {
  it.each([
    [['plan', 'x.csv'], [HOLD]],
    [['--quiet', 'plan', 'x.csv'], [HOLD]],
    [['--debug', 'plan', '--threads', '2', 'x.csv'], [HOLD]],
    [['campaign', 'x.csv'], []],
    [['report', 'plan'], []],
    [['--help'], []],
    [[], []],
  ])('bin/winback.js %j holds the young generation from the start: %j', (argv, flags) => {
    gc.tuneForCommand(argv);
    expect(v8.flags).toEqual(flags);
  });

  it.each([
    [1, 4, RELEASE],
    [2, 4, RELEASE],
    [2.5, 4, HOLD],
    [4, 4, HOLD],
    [4, 8, RELEASE],
    [5, 8, HOLD],
  ])('with %f MB young and a cap of %i MB, lets it double only within the cap', (mb, capMb, flag) => {
    v8.youngBytes = mb * 1024 * 1024;
    gc.capYoungGeneration(capMb);
    expect(v8.flags).toEqual([flag]);
  });

  it('holds and releases with the growth factor, never 0 (V8 crashes on it)', () => {
    gc.holdYoungGeneration();
    gc.releaseYoungGeneration();
    expect(v8.flags).toEqual([HOLD, RELEASE]);
  });
});

describe('collector tuning for streaming and workers', () => {
  it('sets the streaming flags once per process, again only when asked', () => {
    gc.tuneForStreaming();
    gc.tuneForStreaming();
    expect(v8.flags).toEqual(['--no-allocation-site-pretenuring', '--heap-growing-percent=20']);
    gc.tuneForStreaming({ again: true });
    expect(v8.flags).toHaveLength(4);
  });

  it('scavenges on the collecting thread alone when workers run', () => {
    gc.tuneForWorkers();
    expect(v8.flags).toEqual(['--no-parallel-scavenge']);
  });

  it('collects garbage on demand through a new context, without --expose-gc on the command line', () => {
    gc.collectGarbage();
    expect(v8.flags).toEqual(['--expose-gc']);
    expect(vm.collected).toBe(1);
  });
});
