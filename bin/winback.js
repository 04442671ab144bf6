#!/usr/bin/env node
// Thin shim: the CLI lives in dist/cli/main.js (built by `npm run build`).
import { tuneForCommand } from '../dist/pipeline/gc-tuning.js';

// Before the CLI's modules load: loading them alone would grow V8's young generation.
tuneForCommand(process.argv.slice(2));
const { main } = await import('../dist/cli/main.js');
const { removeTempsOnSignal } = await import('../dist/io/temp-cleanup.js');

// Interrupted (Ctrl-C, or a cron job killed): remove temporary files first, then exit 130/143.
removeTempsOnSignal();
process.exitCode = await main(process.argv.slice(2));
