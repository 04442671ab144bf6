/**
 * The playbook check of the catalogue: what `playbook validate` and every command that loads a
 * playbook say about it — the file that cannot be read, YAML and JSON syntax, the cross-checks of
 * domain/playbook.ts, the phrase language (reasons/phrase.ts) and unknown keys. The schema's own
 * checks (types, ranges) speak through zod's locale. Keys and paths of the file stay as written.
 */
import { m } from './entry.js';

export const PLAYBOOK_CHECK = {
  // The file (io/playbook-file.ts).
  notFound: m((file: string) => `playbook file not found: ${file}`, (file) => `Playbook-Datei nicht gefunden: ${file}`),
  unreadable: m((file: string, why: string) => `cannot read playbook ${file}: ${why}`, (file, why) => `Playbook ${file} kann nicht gelesen werden: ${why}`),
  defaultMissingHint: m('reinstall winback: the default playbook is missing', 'winback neu installieren: das eingebaute Playbook fehlt'),
  pathHint: m('check the path of the playbook file (given to --playbook, or to playbook validate)', 'den Pfad der Playbook-Datei prüfen (bei --playbook oder bei playbook validate angegeben)'),
  syntax: m(
    (file: string, format: string, line: number | undefined, _column: number | undefined, detail: string) =>
      `playbook ${file} is not valid ${format}${line === undefined ? '' : ` at line ${line}`}: ${detail}`,
    (file, format, line, column, detail) =>
      `Playbook ${file} ist kein gültiges ${format}${line === undefined ? '' : ` (Zeile ${line}${column === undefined ? '' : `, Spalte ${column}`})`}; Meldung des Parsers: „${detail.replace(/ at line \d+, column \d+:?$/, '')}“`,
  ),
  validateHint: m((path: string) => `check it with: winback playbook validate ${path}`, (path) => `prüfen mit: winback playbook validate ${path} --lang de`),
  topLevel: m('(top level)', '(oberste Ebene)'),
  // Cross-checks (domain/playbook.ts).
  offerTwice: m((id: string) => `offer id "${id}" appears twice`, (id) => `die Angebots-ID „${id}“ kommt zweimal vor`),
  reasonTwice: m((code: string, at: string) => `reason "${code}" is already defined at ${at}`, (code, at) => `der Grund „${code}“ ist schon unter ${at} festgelegt`),
  unknownOffer: m(
    (id: string, defined: string) => `unknown offer "${id}"; defined offers: ${defined}`,
    (id, defined) => `unbekanntes Angebot „${id}“; festgelegte Angebote: ${defined}`,
  ),
  missingCodes: m((codes: string) => `missing entries for reason codes: ${codes}`, (codes) => `Einträge für diese Grundcodes fehlen: ${codes}`),
  measureTwice: m((id: string) => `retention measure id "${id}" appears twice`, (id) => `die ID der Bindungsmaßnahme „${id}“ kommt zweimal vor`),
  channelTwice: m('a channel is listed twice', 'ein Kanal steht zweimal in der Liste'),
  finalNeedsNever: m('a final reason must have timing kind "never"', 'ein endgültiger Grund braucht als Zeitpunkt (kind) „never“'),
  neverOnlyFinal: m('timing "never" is only for final reasons (set final: true)', 'der Zeitpunkt „never“ gilt nur für endgültige Gründe (final: true setzen)'),
  notDate: m((text: string) => `"${text}" is not a date (YYYY-MM-DD) or null`, (text) => `„${text}“ ist weder ein Datum (JJJJ-MM-TT) noch null`),
  needsChannel: m('a reason that may be contacted needs at least one channel', 'ein Grund, bei dem Kontakt erlaubt ist, braucht mindestens einen Kanal'),
  needsOffer: m('a reason that may be contacted needs at least one offer', 'ein Grund, bei dem Kontakt erlaubt ist, braucht mindestens ein Angebot'),
  organicAboveBase: m(
    (baseRate: number) => `must not be above the baseRate ${baseRate}: a contact never makes a return less likely`,
    (baseRate) => `darf nicht über der baseRate ${String(baseRate).replace('.', ',')} liegen: ein Kontakt macht eine Rückkehr nie unwahrscheinlicher`,
  ),
  lowerId: m('use lower-case letters, digits and _', 'nur Kleinbuchstaben, Ziffern und _ verwenden'),
  measureNeedsChannel: m('a retention measure needs at least one channel', 'eine Maßnahme zur Kundenbindung braucht mindestens einen Kanal'),
  retentionNeedsMeasure: m('a retention section needs at least one measure', 'ein Abschnitt retention braucht mindestens eine Maßnahme'),
  // Warnings (domain/playbook.ts).
  finalIgnored: m(
    (at: string, code: string) => `${at} (${code}) is final: its baseRate and offers are ignored`,
    (at, code) => `${at} (${code}) ist endgültig: seine baseRate und seine Angebote bleiben unbeachtet`,
  ),
  noPhrases: m(
    (at: string, code: string) => `${at} (${code}) has no phrases: free text will never be classified as ${code}`,
    (at, code) => `${at} (${code}) hat keine phrases: Freitext wird nie als ${code} eingeordnet`,
  ),
  unknownKey: m((key: string) => `unknown key "${key}" ignored`, (key) => `unbekannter Schlüssel „${key}“ übergangen`),
  // The phrase language (reasons/phrase.ts).
  weight: m((weight: string) => `weight ^${weight} must be above 0 and at most 5`, (weight) => `das Gewicht ^${weight} muss über 0 und höchstens 5 sein`),
  undefinedClass: m((name: string) => `word class "@${name}" is not defined under wordClasses`, (name) => `die Wortklasse „@${name}“ ist unter wordClasses nicht festgelegt`),
  phraseEmpty: m('phrase is empty', 'die Wendung ist leer'),
  unorderedParts: m('a phrase with "&" needs at least two parts', 'eine Wendung mit „&“ braucht mindestens zwei Teile'),
  oneWord: m((raw: string) => `"${raw}" must be one word or stem`, (raw) => `„${raw}“ muss ein einzelnes Wort oder ein Wortstamm sein`),
  notClassName: m(
    (raw: string) => `"${raw}" is not a word-class name (use @ plus lower-case letters, digits or _)`,
    (raw) => `„${raw}“ ist kein Name einer Wortklasse (@ und danach Kleinbuchstaben, Ziffern oder _ verwenden)`,
  ),
  notWord: m((raw: string) => `"${raw}" is not a word (use * only at the start or end)`, (raw) => `„${raw}“ ist kein Wort (* nur am Anfang oder Ende verwenden)`),
  stemShort: m(
    (raw: string, min: number) => `stem "${raw}" is too short (at least ${min} letters)`,
    (raw, min) => `der Wortstamm „${raw}“ ist zu kurz (mindestens ${min} Buchstaben)`,
  ),
};
