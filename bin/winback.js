#!/usr/bin/env node
// Thin shim: the CLI lives in dist/cli/main.js (built by `npm run build`).
import { main } from '../dist/cli/main.js';
import { removeTempsOnSignal } from '../dist/io/temp-cleanup.js';

// Interrupted (Ctrl-C, or a cron job killed): remove temporary files first, then exit 130/143.
removeTempsOnSignal();
process.exitCode = await main(process.argv.slice(2));
