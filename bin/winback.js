#!/usr/bin/env node
// Thin shim: the CLI lives in dist/ (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The language of the one message shown before dist/ exists, picked as the CLI picks it
 * (src/cli/lang.ts): --lang on the command line, else WINBACK_LANG, else the first of LC_ALL,
 * LC_MESSAGES and LANG that is set; a config file cannot be read without the build.
 */
function startLang(argv, env) {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = at < 0 ? undefined : argv[at].startsWith('--lang=') ? argv[at].slice('--lang='.length) : argv[at + 1];
  const given = [flag, env.WINBACK_LANG].map((v) => v?.trim().toLowerCase()).find((v) => v === 'en' || v === 'de');
  if (given !== undefined) return given;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale !== undefined && /^de(?:[_.@-]|$)/i.test(locale) ? 'de' : 'en';
}

/**
 * The catalogue (src/domain/catalogue/) is part of the build that is missing here, so this
 * message is the one text written twice outside it (test/domain/messages.test.ts knows it).
 */
function cannotStart(built, lang) {
  if (lang === 'de') {
    const what = built ? `der Build in ${dist} ist unvollständig` : `es ist noch nicht gebaut (${dist} fehlt)`;
    return `winback: kann nicht starten: ${what}\nHinweis: in ${root} npm install und dann npm run build ausführen\n`;
  }
  const what = built ? `the build in ${dist} is incomplete` : `it is not built yet (${dist} is missing)`;
  return `winback: cannot start: ${what}\nhint: run npm install and then npm run build in ${root}\n`;
}

/** Imports a module of dist/; a checkout that was never built gets a hint instead of a trace. */
async function load(path) {
  try {
    return await import(new URL(`../dist/${path}`, import.meta.url).href);
  } catch (error) {
    const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(dist);
    if (!missing) throw error;
    process.stderr.write(cannotStart(existsSync(dist), startLang(process.argv.slice(2), process.env)));
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
