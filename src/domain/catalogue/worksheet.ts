/**
 * Prompt and document texts of the consultant's worksheets in English and German. Reason,
 * measure and offer names come from the playbook; only the worksheet's own words live here.
 */
import type { SwitchingPath } from '../worksheet/session.js';
import type { Decision } from '../types.js';
import { CHANNELS } from '../playbook-types.js';
import { COMMAND_TEXTS } from './messages.js';
import { formatIsoText } from './format.js';

/** The handbook's questions for template 3 (lessons from sales), with stable ids. */
export const LESSON_QUESTION_IDS = ['lost_before', 'regained', 'warning_signs', 'what_worked'] as const;
export type LessonQuestionId = (typeof LESSON_QUESTION_IDS)[number];

export interface WorksheetTexts {
  title: string;
  steps: { selection: string; relationship: string; lessons: string; measures: string };
  progress: (n: number, of: number) => string;
  decisions: Record<Decision, string>;
  decisionsShort: Record<Decision, string>;
  paths: Record<SwitchingPath | '', string>;
  nav: { skip: string; back: string; search: string; finish: string; steps: string; quit: string; accept: (plan: string) => string; change: string; details: string; next: string };
  /** short column heads of the ranked table in the terminal */
  table: { rank: string; customer: string; name: string; reason: string; atStake: string; p: string; sltv: string; expected: string; model: string; channels: string };
  keys: { select: string; input: string };
  ask: {
    decision: string; whyOverride: string; whyRequired: string; searchCustomer: string;
    reason: string; since: string; bought: string; contact: string; reasonView: string;
    incidentWhat: string; incidentWhen: string; incidentHandled: string; path: string;
    competitor: string; contractEnd: string; channel: string; offer: string; measure: string;
    date: string; responsible: string; groupMeasures: string; offering: string;
    addCustomer: string; manualField: (field: string) => string; badDate: string; required: string; beforeAsOf: (asOf: string) => string;
    step: string; reopen: string; yes: string; no: string; exists: (id: string, as: string) => string; badNumber: (v: string) => string;
    dateHint: string; noMatch: string; more: string;
  };
  lessons: Record<LessonQuestionId, string>;
  doc: {
    source: string; asOf: string; manual: string; rank: string; customer: string; name: string; reason: string;
    valueAtStake: string; pWinback: string; sltv: string; expectedValue: string; model: string; decision: string;
    why: string; classifier: string; measure: string; offer: string; channel: string; date: string; responsible: string;
    individual: string; group: string; offering: string; none: string; notSelected: string; notDescribed: string; corrected: string;
  };
  notes: {
    newMeasure: (measure: string) => string; nowDecision: (decision: string) => string; noCustomers: string;
    confirmedRest: (n: number) => string; interrupted: (path: string) => string; resume: (cmd: string) => string;
    resumed: (step: string) => string; written: (dir: string) => string; moreRows: (n: number) => string;
    contactable: (channels: string) => string; notContactable: (why: string) => string; blocked: string;
    window: string; finished: string; reopened: (step: string) => string; quit: (path: string, cmd: string) => string;
    modelNote: string; offerValue: string; planLine: string;
    sameCustomer: (id: string, kept: string, objection: boolean) => string;
  };
  errors: {
    sessionRequired: string; sessionExample: string; stdin: string; stdinHint: string; noTerminal: string; noTerminalHint: string;
    otherAsOf: (label: string, was: string, now: string) => string; otherAsOfHint: string;
    otherExport: (label: string, was: string, now: string) => string; otherExportHint: string;
    exportMissing: (label: string, path: string) => string; exportMissingHint: string;
    manualSession: (label: string) => string; reopenNothing: (label: string) => string; reopenHint: string; badStep: (v: string) => string;
  };
}

export const WORKSHEET_EN: WorksheetTexts = {
  title: 'Win-back worksheet',
  steps: { selection: '1. Selection', relationship: '2. Relationship and reasons', lessons: '3. Lessons from sales', measures: '4. Measures plan' },
  progress: (n, of) => `customer ${n} of ${of}`,
  decisions: { win_back: 'win back', let_go: 'let go', review: 'review', no_channel: 'no permitted channel', never: 'never (final reason or objection)' },
  decisionsShort: { win_back: 'win back', let_go: 'let go', review: 'review', no_channel: 'no channel', never: 'never' },
  paths: { abrupt: 'abrupt, after an incident', gradual: 'gradual decline', competitor: 'pulled away by a competitor', '': 'not known' },
  nav: {
    skip: '→ skip for now', back: '← back to the previous customer', search: '⌕ search a customer by id or name', finish: '⇥ finish this step (the rest keep their defaults)',
    steps: '↩ back to an earlier step', quit: '⏏ save and quit (resume later)', accept: (plan) => `✓ accept: ${plan}`, change: '✎ change channel, offer, date …',
    details: '✎ record relationship and incident', next: '✓ next customer',
  },
  table: { rank: '#', customer: 'Customer', name: 'Name', reason: 'Reason', atStake: 'At stake', p: 'p', sltv: 'SLTV', expected: 'Expected', model: 'Model', channels: 'Channels' },
  keys: { select: '↑↓ choose · ⏎ confirm · Esc back', input: '⏎ confirm · Esc back' },
  ask: {
    decision: 'Decision', whyOverride: 'Why do you decide differently from the model?', whyRequired: 'Please record why.',
    searchCustomer: 'Customer (type part of the id or name)', reason: 'Reason for leaving (playbook code)',
    since: 'Customer since / how long', bought: 'What did they buy?', contact: 'Who was their contact person?',
    reasonView: "Reason in the customer's own words", incidentWhat: 'Critical incident: what happened?',
    incidentWhen: 'Critical incident: when?', incidentHandled: 'Critical incident: how was it handled?', path: 'Switching path',
    competitor: 'Competitor (if known)', contractEnd: 'Competitor contract ends (YYYY-MM-DD, if known)', channel: 'Channel',
    offer: 'Offer', measure: 'Measure', date: 'Planned date (YYYY-MM-DD)', responsible: 'Responsible person',
    groupMeasures: 'Measures for the whole group', offering: 'Changes needed in our offering', addCustomer: 'Enter a lost customer by hand?',
    manualField: (f) => `  ${f}`, badDate: 'Write the date as YYYY-MM-DD (or DD.MM.YYYY), or leave it empty.', required: 'This field is needed.',
    beforeAsOf: (asOf) => `That day lies before the run's day (${asOf}): give ${asOf} or a later day.`,
    step: 'Back to which step?', reopen: 'Reopen at which step?', yes: 'yes', no: 'no', exists: (id, as) => (as === id ? `'${id}' exists already` : `'${id}' exists already as '${as}' (ids match in any case and with any dash)`),
    badNumber: (v) => `'${v}' is not a number (e.g. 1234.5)`, dateHint: 'YYYY-MM-DD', noMatch: 'No customer matches.', more: 'What next?',
  },
  lessons: {
    lost_before: 'Under which conditions have customers been lost before?',
    regained: 'Which customers who seemed gone for good were won back, and how?',
    warning_signs: 'Which warning signs came before a departure?',
    what_worked: 'Which offers, channels or people worked best in winning customers back?',
  },
  doc: {
    source: 'Source', asOf: 'As of', manual: 'customers entered by hand', rank: '#', customer: 'Customer', name: 'Name', reason: 'Reason',
    valueAtStake: 'Value at stake', pWinback: 'p(win back)', sltv: 'SLTV', expectedValue: 'Expected value', model: 'Model', decision: 'Decision',
    why: 'Why', classifier: 'classifier', measure: 'Measure', offer: 'Offer', channel: 'Channel', date: 'Planned date', responsible: 'Responsible',
    individual: 'Individual measures', group: 'Measures for the whole group', offering: 'Changes needed in the offering', none: '—',
    notSelected: 'No customer is selected for winning back.', notDescribed: 'Selected, not yet described', corrected: 'corrected from',
  },
  notes: {
    newMeasure: (m) => `  playbook measure now: ${m}`, nowDecision: (d) => `  the model's decision is now: ${d}`,
    noCustomers: 'No customers to work on.', confirmedRest: (n) => `${n} customers keep the model's decision.`,
    interrupted: (p) => `interrupted; every confirmed answer is saved in ${p}`, resume: (cmd) => `resume with: ${cmd}`,
    resumed: (s) => `Resuming at ${s}.`, written: (d) => `Wrote plan.csv, campaign lists and worksheet.md to ${d} (the lists know no contact ledger: before sending them, run winback campaign --ledger, which paces them)`,
    moreRows: (n) => `… and ${n} more (search by id or name when deciding)`,
    sameCustomer: (id, kept, objection) => `  '${id}' is the customer '${kept}' already entered (ids match in any case and with any dash): ${objection ? 'the objection holds for both, nobody is contacted' : 'the second entry is left out'}`,
    contactable: (c) => `Contactable by: ${c}`, notContactable: (why) => `Not contactable: ${why}`, blocked: 'blocked',
    window: 'Window', finished: 'This session is finished; its files are written again. To change answers: --reopen.',
    reopened: (s) => `Reopened at ${s}.`, quit: (p, cmd) => `Saved in ${p}.\nResume with: ${cmd}`,
    modelNote: 'the model\'s figures', offerValue: 'expected value', planLine: 'Plan',
  },
  errors: {
    sessionRequired: '--session FILE is required', sessionExample: 'e.g. winback worksheet export.csv --session client.worksheet.json',
    stdin: 'the worksheet needs the terminal for its questions, so the export cannot come from stdin', stdinHint: 'give the export as a file',
    noTerminal: 'the worksheet asks questions, but stdin is not a terminal', noTerminalHint: 'run it in a terminal, or give the answers with --answers FILE (see docs/worksheet.md)',
    otherAsOf: (l, was, now) => `--session ${l} was started with --as-of ${was}, not ${now}`, otherAsOfHint: 'leave out --as-of to continue it, or start a new session file',
    otherExport: (l, was, now) => `--session ${l} was started on ${was}, not on ${now} (the file's content differs)`,
    otherExportHint: 'give the export the session was started on (it may have moved: --export FILE), or start a new session file',
    exportMissing: (l, p) => `--session ${l} was started on ${p}, which is no longer there`, exportMissingHint: 'give its new place with --export FILE',
    manualSession: (l) => `--session ${l} was started with customers entered by hand, so it has no export`,
    reopenNothing: (l) => `--session ${l} does not exist yet, so there is nothing to reopen`, reopenHint: 'leave out --reopen to start it',
    badStep: (v) => `--reopen ${v}: not a step (1–4, or selection, relationship, lessons, measures)`,
  },
};

export const WORKSHEET_DE: WorksheetTexts = {
  title: 'Arbeitsblatt Kundenrückgewinnung',
  steps: { selection: '1. Auswahl', relationship: '2. Beziehung und Abwanderungsgründe', lessons: '3. Erfahrungen aus dem Vertrieb', measures: '4. Maßnahmenplan' },
  progress: (n, of) => `Kunde ${n} von ${of}`,
  decisions: { win_back: 'zurückgewinnen', let_go: 'ziehen lassen', review: 'prüfen', no_channel: 'kein Kanal erlaubt', never: 'nie (endgültiger Grund oder Widerspruch)' },
  decisionsShort: { win_back: 'zurück', let_go: 'ziehen lassen', review: 'prüfen', no_channel: 'kein Kanal', never: 'nie' },
  paths: { abrupt: 'abrupt, nach einem Vorfall', gradual: 'schleichender Rückgang', competitor: 'vom Wettbewerber abgeworben', '': 'unbekannt' },
  nav: {
    skip: '→ vorerst überspringen', back: '← zurück zum vorigen Kunden', search: '⌕ Kunden nach Nummer oder Name suchen', finish: '⇥ Schritt abschließen (der Rest behält die Vorgaben)',
    steps: '↩ zurück zu einem früheren Schritt', quit: '⏏ speichern und beenden (später fortsetzen)', accept: (plan) => `✓ übernehmen: ${plan}`, change: '✎ Kanal, Angebot, Termin … ändern',
    details: '✎ Beziehung und Ereignis erfassen', next: '✓ weiter zum nächsten Kunden',
  },
  table: { rank: 'Nr.', customer: 'Kunde', name: 'Name', reason: 'Grund', atStake: 'Verloren', p: 'Chance', sltv: 'Wert 2. LZ', expected: 'Erwartet', model: 'Modell', channels: 'Kanäle' },
  keys: { select: '↑↓ wählen · ⏎ bestätigen · Esc zurück', input: '⏎ bestätigen · Esc zurück' },
  ask: {
    decision: 'Entscheidung', whyOverride: 'Warum entscheiden Sie anders als das Modell?', whyRequired: 'Bitte eine Begründung angeben.',
    searchCustomer: 'Kunde (Teil der Nummer oder des Namens)', reason: 'Abwanderungsgrund',
    since: 'Kunde seit / wie lange', bought: 'Was hat der Kunde gekauft?', contact: 'Wer war sein Ansprechpartner?',
    reasonView: 'Grund aus Sicht des Kunden', incidentWhat: 'Kritisches Ereignis: was ist passiert?',
    incidentWhen: 'Kritisches Ereignis: wann?', incidentHandled: 'Kritisches Ereignis: wie wurde reagiert?', path: 'Wechselpfad',
    competitor: 'Wettbewerber (falls bekannt)', contractEnd: 'Vertragsende beim Wettbewerber (TT.MM.JJJJ, falls bekannt)', channel: 'Kanal',
    offer: 'Angebot', measure: 'Maßnahme', date: 'Geplanter Termin (TT.MM.JJJJ)', responsible: 'Verantwortlich',
    groupMeasures: 'Maßnahmen für die ganze Gruppe', offering: 'Nötige Änderungen am eigenen Angebot', addCustomer: 'Einen verlorenen Kunden von Hand erfassen?',
    manualField: (f) => `  ${MANUAL_FIELD_DE[f] ?? f}`, badDate: 'Datum als TT.MM.JJJJ schreiben oder leer lassen.', required: 'Dieses Feld wird benötigt.',
    beforeAsOf: (asOf) => `Dieser Tag liegt vor dem Stichtag (${asOf}): den ${asOf} oder einen späteren Tag angeben.`,
    step: 'Zurück zu welchem Schritt?', reopen: 'Bei welchem Schritt wieder öffnen?', yes: 'ja', no: 'nein', exists: (id, as) => (as === id ? `„${id}“ gibt es schon` : `„${id}“ gibt es schon als „${as}“ (Nummern gelten in jeder Schreibweise als gleich)`),
    badNumber: (v) => `„${v}“ ist keine Zahl (z. B. 1234,5)`, dateHint: 'TT.MM.JJJJ', noMatch: 'Kein Kunde passt.', more: 'Wie weiter?',
  },
  lessons: {
    lost_before: 'Unter welchen Bedingungen sind bisher Kunden verloren gegangen?',
    regained: 'Welche scheinbar endgültig verlorenen Kunden wurden zurückgewonnen – und wie?',
    warning_signs: 'Welche Warnsignale gingen einer Abwanderung voraus?',
    what_worked: 'Welche Angebote, Kanäle oder Personen haben bei der Rückgewinnung am besten gewirkt?',
  },
  doc: {
    source: 'Quelle', asOf: 'Stichtag', manual: 'von Hand erfasste Kunden', rank: 'Nr.', customer: 'Kunde', name: 'Name', reason: 'Grund',
    valueAtStake: 'Verlorener Wert', pWinback: 'Rückgewinnungschance', sltv: 'Wert 2. Lebenszyklus', expectedValue: 'Erwartungswert', model: 'Modell',
    decision: 'Entscheidung', why: 'Begründung', classifier: 'Klassifikator', measure: 'Maßnahme', offer: 'Angebot', channel: 'Kanal',
    date: 'Geplanter Termin', responsible: 'Verantwortlich', individual: 'Individuelle Maßnahmen', group: 'Maßnahmen für die ganze Gruppe',
    offering: 'Nötige Änderungen am Angebot', none: '—', notSelected: 'Kein Kunde ist zur Rückgewinnung ausgewählt.', notDescribed: 'Ausgewählt, noch nicht beschrieben', corrected: 'korrigiert von',
  },
  notes: {
    newMeasure: (m) => `  Maßnahme für diesen Grund jetzt: ${m}`, nowDecision: (d) => `  Entscheidung des Modells jetzt: ${d}`,
    noCustomers: 'Keine Kunden zu bearbeiten.', confirmedRest: (n) => `${n} Kunden behalten die Entscheidung des Modells.`,
    interrupted: (p) => `unterbrochen; alle bestätigten Antworten sind in ${p} gespeichert`, resume: (cmd) => `fortsetzen mit: ${cmd}`,
    resumed: (s) => `Fortsetzung bei ${s}.`, written: (d) => `plan.csv, Kampagnenlisten und worksheet.md nach ${d} geschrieben (die Listen kennen kein Kontaktbuch: vor dem Versand winback campaign --ledger ausführen, das sie taktet)`,
    moreRows: (n) => `… und ${n} weitere (bei der Entscheidung nach Nummer oder Name suchen)`,
    sameCustomer: (id, kept, objection) => `  „${id}“ ist der schon erfasste Kunde „${kept}“ (Nummern gelten in jeder Schreibweise als gleich): ${objection ? 'der Widerspruch gilt für beide, niemand wird angesprochen' : 'der zweite Eintrag bleibt weg'}`,
    contactable: (c) => `Erreichbar über: ${c}`, notContactable: (why) => `Nicht erreichbar: ${why}`, blocked: 'gesperrt',
    window: 'Zeitfenster', finished: 'Diese Sitzung ist abgeschlossen; ihre Dateien werden neu geschrieben. Zum Ändern: --reopen.',
    reopened: (s) => `Wieder geöffnet bei ${s}.`, quit: (p, cmd) => `Gespeichert in ${p}.\nFortsetzen mit: ${cmd}`,
    modelNote: 'Zahlen des Modells', offerValue: 'Erwartungswert', planLine: 'Plan',
  },
  errors: {
    sessionRequired: '--session DATEI fehlt', sessionExample: 'z. B. winback worksheet export.csv --session kunde.worksheet.json',
    stdin: 'das Arbeitsblatt stellt Fragen im Terminal, daher kann der Export nicht über die Standardeingabe kommen', stdinHint: 'den Export als Datei angeben',
    noTerminal: 'das Arbeitsblatt stellt Fragen, aber die Standardeingabe ist kein Terminal', noTerminalHint: 'im Terminal starten oder die Antworten mit --answers DATEI geben (siehe docs/worksheet.md)',
    otherAsOf: (l, was, now) => `--session ${l} wurde mit Stichtag ${formatIsoText(was, 'de')} begonnen, nicht ${formatIsoText(now, 'de')}`, otherAsOfHint: '--as-of weglassen, um fortzusetzen, oder eine neue Sitzungsdatei beginnen',
    otherExport: (l, was, now) => `--session ${l} wurde mit ${was} begonnen, nicht mit ${now} (der Inhalt unterscheidet sich)`,
    otherExportHint: 'den Export angeben, mit dem die Sitzung begann (verschoben: --export DATEI), oder eine neue Sitzungsdatei beginnen',
    exportMissing: (l, p) => `--session ${l} wurde mit ${p} begonnen, die Datei ist dort nicht mehr`, exportMissingHint: 'den neuen Ort mit --export DATEI angeben',
    manualSession: (l) => `--session ${l} wurde mit von Hand erfassten Kunden begonnen und hat keinen Export`,
    reopenNothing: (l) => `--session ${l} gibt es noch nicht, es gibt nichts wieder zu öffnen`, reopenHint: '--reopen weglassen, um sie zu beginnen',
    badStep: (v) => `--reopen ${v}: kein Schritt (1–4 oder selection, relationship, lessons, measures)`,
  },
};

/** German names of the fields of a customer entered by hand. */
const MANUAL_FIELD_DE: Record<string, string> = {
  customer_id: 'Kundennummer', name: 'Name', segment: 'Segment (B2B/B2C)', key_account: 'Schlüsselkunde (ja/nein)', account_manager: 'Betreuer',
  customer_since: 'Kunde seit (TT.MM.JJJJ)', churn_date: 'Kündigungsdatum (TT.MM.JJJJ)', orders: 'Bestellungen', revenue: 'Umsatz', margin: 'Marge in %',
  complaints: 'Beschwerden', reason: 'Grund (Freitext)',
};

/** Channel names in both languages (the playbook names reasons and offers, not channels). */
export function channelName(channel: string | null, lang: 'en' | 'de'): string {
  if (channel === null || channel === '') return '—';
  return (CHANNELS as readonly string[]).includes(channel) ? COMMAND_TEXTS.names.channel[lang](channel) : channel;
}
