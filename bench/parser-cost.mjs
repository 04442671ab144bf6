#!/usr/bin/env node
// Where the record parser's time goes, in one process on text already decoded (64 KiB pieces,
// as the reader gets them): each step of cutting quote-free lines into cells alone, then the
// parser of this build (and of others, for an A/B), and decoding the same bytes for scale.
// CPU milliseconds (user + system, all threads) per round; the median and the lowest. The
// first round includes compiling the code; later rounds are warm. Not a test: it times things.
//
// Usage: npm run build && node bench/parser-cost.mjs FILE [--rounds 5] [--delimiter ,]
//        [--parser path/to/csv-records.js ...]   (more parsers, e.g. an older build's copy)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const file = argv[0];
if (!file || file.startsWith('--')) throw new Error('usage: node bench/parser-cost.mjs FILE [--rounds 5] [--delimiter ,] [--parser PATH ...]');
const rounds = Number(valueOf('rounds') ?? 5);
const delim = valueOf('delimiter') ?? ',';
const parsers = [join(ROOT, 'dist', 'io', 'csv', 'records.js'), ...argv.flatMap((a, i) => (a === '--parser' ? [resolve(argv[i + 1])] : []))];

function valueOf(name) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

const { createDecoder } = await import(pathToFileURL(join(ROOT, 'dist', 'io', 'csv', 'decode.js')).href);
const bytes = readFileSync(file);
const PIECE = 1 << 16;
const decoder = createDecoder('utf8');
const pieces = [];
for (let at = 0; at < bytes.length; at += PIECE) pieces.push(decoder.write(bytes.subarray(at, at + PIECE)));
const width = pieces[0].slice(0, pieces[0].indexOf('\n')).split(delim).length;

let records = 0;
let cells = 0;
const take = (row) => {
  records++;
  cells += row.length;
};

/** Calls `line(text, from, end)` for each line of the pieces, joined where a line spans two. */
function eachLine(line) {
  let tail = '';
  for (const piece of pieces) {
    const text = tail === '' ? piece : tail + piece;
    let pos = 0;
    for (let nl = text.indexOf('\n', pos); nl >= 0; nl = text.indexOf('\n', pos)) {
      line(text, pos, nl);
      pos = nl + 1;
    }
    tail = text.slice(pos);
  }
}

const steps = {
  'line ends': () => eachLine(() => void records++),
  '+ delimiters': () =>
    eachLine((text, from, end) => {
      records++;
      for (let d = text.indexOf(delim, from); d >= 0 && d < end; d = text.indexOf(delim, d + 1)) cells++;
    }),
  '+ cell strings': () =>
    eachLine((text, from, end) => {
      records++;
      let j = from;
      for (let d = text.indexOf(delim, from); d >= 0 && d < end; d = text.indexOf(delim, j)) {
        cells += text.slice(j, d).length > 0 ? 1 : 0;
        j = d + 1;
      }
    }),
  '+ arrays, raw (indexOf)': () =>
    eachLine((text, from, end) => {
      const raw = text.slice(from, end);
      const row = [];
      let j = 0;
      for (let d = raw.indexOf(delim); d >= 0; d = raw.indexOf(delim, j)) {
        row.push(raw.slice(j, d));
        j = d + 1;
      }
      row.push(raw.slice(j));
      take(row);
    }),
  'String.split': () =>
    eachLine((text, from, end) => {
      take(text.slice(from, end).split(delim));
    }),
  'decode (iconv-lite)': () => {
    const d = createDecoder('utf8');
    for (let at = 0; at < bytes.length; at += PIECE) cells += d.write(bytes.subarray(at, at + PIECE)).length;
  },
};
for (const path of parsers) {
  const { CsvRecordParser } = await import(pathToFileURL(path).href);
  const name = path === parsers[0] ? 'parser of this build' : `parser ${path}`;
  steps[name] = () => {
    const parser = new CsvRecordParser(delim, { width });
    const sink = { record: (row) => take(row), broken: () => void records++ };
    for (const piece of pieces) parser.push(piece, sink);
    parser.end(sink);
  };
}

const times = new Map();
for (let round = 0; round < rounds; round++) {
  for (const [name, step] of Object.entries(steps)) {
    records = 0;
    cells = 0;
    const started = process.cpuUsage();
    step();
    const used = process.cpuUsage(started);
    times.set(name, [...(times.get(name) ?? []), (used.user + used.system) / 1000]);
  }
}
console.log(`${file}: ${(bytes.length / 2 ** 20).toFixed(1)} MiB, ${rounds} rounds, CPU ms\n`);
console.log(`${'step'.padEnd(34)} ${'median'.padStart(7)} ${'lowest'.padStart(7)}  rounds`);
for (const [name, ms] of times) {
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(`${name.padEnd(34)} ${sorted[Math.floor(sorted.length / 2)].toFixed(0).padStart(7)} ${sorted[0].toFixed(0).padStart(7)}  ${ms.map((m) => m.toFixed(0)).join(' ')}`);
}
