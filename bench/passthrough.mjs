#!/usr/bin/env node
// Baseline: the parsing floor with the project's CSV packages — csv-parse (objects) →
// csv-stringify → file, no computation. Usage: node bench/passthrough.mjs IN.csv OUT.csv
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';

const [input, output] = process.argv.slice(2);
await pipeline(createReadStream(input), parse({ columns: true, bom: true }), stringify({ header: true }), createWriteStream(output));
