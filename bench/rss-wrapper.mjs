#!/usr/bin/env node
// Where GNU time is missing: runs a command and writes "<wall s> <peak RSS KiB>" like `time -f '%e %M'`.
// Usage: node bench/rss-wrapper.mjs TIMEFILE CMD ARGS...
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [timeFile, cmd, ...argv] = process.argv.slice(2);
const start = performance.now();
const r = spawnSync(cmd, argv, { stdio: 'inherit' });
// maxRSS of the children of this process: the one command just run.
const { maxRSS } = process.resourceUsage();
writeFileSync(timeFile, `${((performance.now() - start) / 1000).toFixed(2)} ${maxRSS}\n`);
process.exitCode = r.status ?? 1;
