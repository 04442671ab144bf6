import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withLock } from '../../src/io/lock.js';
import { CannotCreateError, LockedError } from '../../src/errors.js';

let dir: string;
let target: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winback-lock-'));
  target = join(dir, 'ledger.csv');
  await writeFile(target, '');
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const fast = { staleMs: 2000, updateMs: 1000 };
const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** A separate process that takes the lock the way a winback run does, then waits forever. */
async function lockInChild(path: string): Promise<ChildProcess> {
  const script = `
    require('proper-lockfile')
      .lock(${JSON.stringify(path)}, { realpath: false, stale: 2000, update: 1000, lockfilePath: ${JSON.stringify(`${path}.lock`)} })
      .then(() => { process.stdout.write('locked\\n'); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
  return child;
}

describe('withLock', () => {
  it('runs the function, returns its result and releases the lock', async () => {
    const result = await withLock(target, async (lock) => {
      expect(await exists(lock.lockPath)).toBe(true);
      lock.assertHeld();
      return 42;
    }, fast);
    expect(result).toBe(42);
    expect(await exists(`${target}.lock`)).toBe(false);
  });

  it('releases the lock when the function throws', async () => {
    await expect(withLock(target, async () => Promise.reject(new Error('boom')), fast)).rejects.toThrow('boom');
    expect(await exists(`${target}.lock`)).toBe(false);
  });

  it('refuses a second concurrent lock with LockedError (exit 75) and a clear message', async () => {
    let ranSecond = false;
    await withLock(target, async () => {
      const error = await withLock(target, async () => {
        ranSecond = true;
      }, fast).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LockedError);
      expect((error as LockedError).exitCode).toBe(75);
      expect((error as Error).message).toContain(`${target} is locked: another winback run is in progress`);
      expect((error as LockedError).hint).toContain(`remove ${target}.lock`);
    }, fast);
    expect(ranSecond).toBe(false);
  });

  it('refuses a second lock on the same file reached through a symlink, or through a symlinked directory', async () => {
    await symlink(target, join(dir, 'link.csv'));
    await symlink(dir, join(dir, 'alias'));
    await withLock(target, async () => {
      for (const other of [join(dir, 'link.csv'), join(dir, 'alias', 'ledger.csv'), join(dir, 'alias', 'new.csv')]) {
        const path = other.endsWith('new.csv') ? join(dir, 'new.csv') : other;
        if (other.endsWith('new.csv')) {
          // A file that does not exist yet, reached through the symlinked directory, while held by its real name.
          await withLock(path, async () => {
            expect(await withLock(other, async () => 'ran', fast).catch((e: unknown) => e)).toBeInstanceOf(LockedError);
          }, fast);
        } else expect(await withLock(other, async () => 'ran', fast).catch((e: unknown) => e)).toBeInstanceOf(LockedError);
      }
    }, fast);
  });

  it('refuses the lock while another live process holds it', async () => {
    await lockInChild(target);
    await expect(withLock(target, async () => 'ran', fast)).rejects.toBeInstanceOf(LockedError);
    // the holder keeps refreshing: still locked after the stale time has passed
    await new Promise((r) => setTimeout(r, 2500));
    await expect(withLock(target, async () => 'ran', fast)).rejects.toBeInstanceOf(LockedError);
  });

  it('recovers a stale lock left by a killed process', async () => {
    const child = await lockInChild(target);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(await exists(`${target}.lock`)).toBe(true); // SIGKILL leaves the lock behind
    await expect(withLock(target, async () => 'ran', fast)).rejects.toBeInstanceOf(LockedError);
    // Nobody refreshes it any more: date it back past the stale time (proper-lockfile may date a
    // lock up to a second ahead) instead of waiting that long.
    const past = new Date(Date.now() - fast.staleMs - 10_000);
    await utimes(`${target}.lock`, past, past);
    expect(await withLock(target, async () => 'ran', fast)).toBe('ran');
    expect(await exists(`${target}.lock`)).toBe(false);
  });

  it('notices a lock lost during the run and fails the run', async () => {
    const run = withLock(target, async (lock) => {
      await rm(lock.lockPath, { recursive: true });
      // The next refresh (within updateMs, later on a busy machine) finds the lock gone.
      await vi.waitFor(() => expect(() => lock.assertHeld()).toThrow(LockedError), { timeout: 60_000, interval: 50 });
      return 'done';
    }, fast);
    await expect(run).rejects.toThrow(/lost the lock/);
  });

  it('locks an output directory that does not exist yet', async () => {
    expect(await withLock(join(dir, 'out'), async () => 'ok', fast)).toBe('ok');
  });

  it('reports a lock that cannot be created as CannotCreateError', async () => {
    await expect(withLock(join(dir, 'missing', 'ledger.csv'), async () => 'x', fast)).rejects.toBeInstanceOf(CannotCreateError);
  });
});
