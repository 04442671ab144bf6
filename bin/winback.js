#!/usr/bin/env node
// Thin shim: the CLI lives in dist/ (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

/** Imports a module of dist/; a checkout that was never built gets a hint instead of a trace. */
async function load(path) {
  try {
    return await import(new URL(`../dist/${path}`, import.meta.url).href);
  } catch (error) {
    const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(dist);
    if (!missing) throw error;
    const what = existsSync(dist) ? `the build in ${dist} is incomplete` : `it is not built yet (${dist} is missing)`;
    process.stderr.write(`winback: cannot start: ${what}\nhint: run npm install and then npm run build in ${root}\n`);
    process.exit(1);
  }
}

// Before the CLI's modules load: keeps the main thread's young generation at its first size
// (the setting and its measurement: src/cli/young-generation.ts; no flag is set here).
await load('cli/young-generation.js');
const { main, exitQuietlyOnBrokenPipe } = await load('cli/main.js');
const { removeTempsOnSignal } = await load('io/temp-cleanup.js');

// Interrupted (Ctrl-C, or a cron job killed): remove temporary files first, then exit 130/143.
removeTempsOnSignal();
// `winback ... | head`: the reader went away, which is no error.
exitQuietlyOnBrokenPipe();
process.exitCode = await main(process.argv.slice(2));
