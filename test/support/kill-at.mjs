/**
 * Preloaded into a `winback campaign` process under test (`node --import <this file>
 * bin/winback.js campaign …`): the process kills itself with SIGKILL — no handler, no finally,
 * no cleanup — at one named point of its commit (src/commands/campaign/commit.ts), so that a
 * test can look at what a crash there leaves, on any machine at any load, instead of guessing
 * the moment from a wall clock. Plain JavaScript: node runs it before the product's modules.
 *
 * WINBACK_KILL_AT names the point, WINBACK_KILL_LEDGER and WINBACK_KILL_OUT the run's ledger
 * and output directory:
 * - `before-append`: the ledger is about to be opened for the append (lists written, commit
 *   recorded as pending);
 * - `mid-append`: half of the append's bytes are written;
 * - `publish:N`: the append is done and the Nth output is about to be renamed into place
 *   (`publish:1`: none is in place yet).
 * The product's own modules are not touched: the hooks wrap node:fs/promises `open` and
 * `rename`, which the ledger append and the atomic writer use. A point that is never reached
 * lets the process finish normally, and the test sees exit code 0 instead of a kill.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { dirname, resolve } from 'node:path';

const at = process.env.WINBACK_KILL_AT ?? '';
const ledger = resolve(process.env.WINBACK_KILL_LEDGER ?? '');
const out = resolve(process.env.WINBACK_KILL_OUT ?? '');
const fsp = fs.promises;
const realOpen = fsp.open;
const realRename = fsp.rename;
const die = () => process.kill(process.pid, 'SIGKILL');

let appendOpened = false;
let published = 0;

fsp.open = async function open(path, flags, ...rest) {
  const appending = typeof path === 'string' && resolve(path) === ledger && String(flags).startsWith('a');
  if (!appending) return realOpen.call(this, path, flags, ...rest);
  if (at === 'before-append') die();
  const handle = await realOpen.call(this, path, flags, ...rest);
  appendOpened = true;
  if (at === 'mid-append') {
    // What a crash in the middle of the write leaves: the first half of the bytes on disk.
    handle.write = async (data, offset = 0, length = data.length - offset) => {
      fs.writeSync(handle.fd, data, offset, Math.max(1, Math.floor(length / 2)));
      die();
      return new Promise(() => undefined);
    };
  }
  return handle;
};

fsp.rename = async function rename(from, to, ...rest) {
  const match = /^publish:(\d+)$/.exec(at);
  if (match && appendOpened && dirname(resolve(String(to))) === out && ++published === Number(match[1])) die();
  return realRename.call(this, from, to, ...rest);
};

// The product imports these as named ES module bindings: bring them up to date.
syncBuiltinESMExports();
