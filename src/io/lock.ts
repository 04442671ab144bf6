/**
 * One run at a time: a lock on the ledger and one on the output directory, so two cron runs
 * (or a cron run and a manual one) cannot interleave their writes. The lock is a directory
 * `<target>.lock` made by proper-lockfile; the holder refreshes its mtime while it runs, so
 * a lock whose mtime stopped moving belongs to a killed run and is taken over.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { LockedError } from '../errors.js';
import { keyedError, noteOf } from '../domain/catalogue/index.js';
import { toWriteError } from './atomic-write.js';

export interface LockOptions {
  /**
   * Age after which an unrefreshed lock counts as left by a killed run. Generous, because
   * a run that blocks its event loop (a long synchronous step) cannot refresh the lock.
   */
  staleMs: number;
  /** How often the holder refreshes the lock. */
  updateMs: number;
}

export const DEFAULT_LOCK_OPTIONS: Readonly<LockOptions> = Object.freeze({ staleMs: 30_000, updateMs: 5_000 });

/** Passed to the locked function, so it can confirm the lock still holds before committing outputs. */
export interface HeldLock {
  readonly lockPath: string;
  /** Throws LockedError when the lock was lost (e.g. taken over while this run stalled). */
  assertHeld(): void;
}

/** Runs fn while holding the lock on targetPath; throws LockedError (75) when another run holds it. */
export async function withLock<T>(
  targetPath: string,
  fn: (lock: HeldLock) => Promise<T>,
  options: LockOptions = DEFAULT_LOCK_OPTIONS,
): Promise<T> {
  const target = resolve(targetPath);
  // One file reached by two names (a symlink, a symlinked directory) is one lock: two runs on one ledger through
  // two paths appended to it together, and a later run rolled one back over the other's entries.
  const lockPath = `${await realTarget(target)}.lock`;
  let lost: Error | undefined;
  let release: () => Promise<void>;
  try {
    // proper-lockfile also removes its locks when the process exits or is interrupted.
    release = await lockfile.lock(target, {
      stale: options.staleMs,
      update: options.updateMs,
      retries: 0,
      realpath: false,
      lockfilePath: lockPath,
      onCompromised: (error) => {
        lost = error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw await lockedError(target, lockPath, options);
    throw toWriteError(error, lockPath);
  }
  const held: HeldLock = {
    lockPath,
    assertHeld() {
      if (lost !== undefined) throw lostError(target, lost);
    },
  };
  try {
    const result = await fn(held);
    held.assertHeld();
    return result;
  } finally {
    // A compromised lock may belong to another run by now: leave it alone.
    if (lost === undefined) await release().catch(() => undefined);
  }
}

/** The path a target really has: its own real path, or, before it exists, its directory's real path with its name. */
async function realTarget(target: string): Promise<string> {
  try {
    return await realpath(target);
  } catch {
    try {
      return join(await realpath(dirname(target)), basename(target));
    } catch {
      return target;
    }
  }
}

/**
 * Runs fn while holding a lock on every target, taken in the order given (each fails fast with
 * LockedError, so two runs cannot wait on each other). The HeldLock checks them all.
 */
export async function withLocks<T>(targets: readonly string[], fn: (lock: HeldLock) => Promise<T>, options: LockOptions = DEFAULT_LOCK_OPTIONS): Promise<T> {
  const take = (i: number, held: HeldLock[]): Promise<T> => {
    if (i === targets.length) {
      return fn({
        lockPath: held.map((h) => h.lockPath).join(', '),
        assertHeld: () => held.forEach((h) => h.assertHeld()),
      });
    }
    return withLock(targets[i] as string, (lock) => take(i + 1, [...held, lock]), options);
  };
  return take(0, []);
}

async function lockedError(target: string, lockPath: string, options: LockOptions): Promise<LockedError> {
  const age = await stat(lockPath).then(
    (s) => Math.max(0, Math.round((Date.now() - s.mtimeMs) / 1000)),
    () => null,
  );
  return keyedError(
    (message, hint) => new LockedError(message, hint),
    noteOf('ledger', { key: 'locked', args: [target, lockPath, age] }),
    noteOf('ledger', { key: 'lockedHint', args: [Math.round(options.staleMs / 1000), lockPath] }),
  );
}

function lostError(target: string, cause: Error): LockedError {
  return keyedError((message, hint) => new LockedError(message, hint), noteOf('ledger', { key: 'lockLost', args: [target, cause.message] }), noteOf('ledger', { key: 'lockLostHint', args: [] }));
}
