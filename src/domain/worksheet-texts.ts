/**
 * Prompt and document texts of the consultant's worksheets in English and German. Reason,
 * measure and offer names come from the playbook; only the worksheet's own words live here.
 */
import type { SwitchingPath } from './worksheet-session.js';
import type { Decision } from './value-types.js';

/** The handbook's questions for template 3 (lessons from sales), with stable ids. */
export const LESSON_QUESTION_IDS = ['lost_before', 'regained', 'warning_signs', 'what_worked'] as const;
export type LessonQuestionId = (typeof LESSON_QUESTION_IDS)[number];

export interface WorksheetTexts {
  title: string;
  steps: { selection: string; relationship: string; lessons: string; measures: string };
  progress: (n: number, of: number) => string;
  decisions: Record<Decision, string>;
  paths: Record<SwitchingPath | '', string>;
  nav: { skip: string; back: string; search: string; finish: string };
  ask: {
    decision: string; whyOverride: string; whyRequired: string; searchCustomer: string;
    reason: string; since: string; bought: string; contact: string; reasonView: string;
    incidentWhat: string; incidentWhen: string; incidentHandled: string; path: string;
    competitor: string; contractEnd: string; channel: string; offer: string; measure: string;
    date: string; responsible: string; groupMeasures: string; offering: string;
    addCustomer: string; manualField: (field: string) => string; badDate: string; required: string;
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
  };
}

const en: WorksheetTexts = {
  title: 'Win-back worksheet',
  steps: { selection: '1. Selection', relationship: '2. Relationship and reasons', lessons: '3. Lessons from sales', measures: '4. Measures plan' },
  progress: (n, of) => `customer ${n} of ${of}`,
  decisions: { win_back: 'win back', let_go: 'let go', review: 'review', no_channel: 'no permitted channel', never: 'never (final reason or objection)' },
  paths: { abrupt: 'abrupt, after an incident', gradual: 'gradual decline', competitor: 'pulled away by a competitor', '': 'not known' },
  nav: { skip: '→ skip for now', back: '← back to the previous customer', search: '⌕ search a customer by id or name', finish: '⇥ finish this step (the rest keep their defaults)' },
  ask: {
    decision: 'Decision', whyOverride: 'Why do you decide differently from the model?', whyRequired: 'Please record why.',
    searchCustomer: 'Customer (type part of the id or name)', reason: 'Reason for leaving (playbook code)',
    since: 'Customer since / how long', bought: 'What did they buy?', contact: 'Who was their contact person?',
    reasonView: "Reason in the customer's own words", incidentWhat: 'Critical incident: what happened?',
    incidentWhen: 'Critical incident: when?', incidentHandled: 'Critical incident: how was it handled?', path: 'Switching path',
    competitor: 'Competitor (if known)', contractEnd: 'Competitor contract ends (YYYY-MM-DD, if known)', channel: 'Channel',
    offer: 'Offer', measure: 'Measure', date: 'Planned date (YYYY-MM-DD)', responsible: 'Responsible person',
    groupMeasures: 'Measures for the whole group', offering: 'Changes needed in our offering', addCustomer: 'Enter a lost customer by hand?',
    manualField: (f) => `  ${f}`, badDate: 'Write the date as YYYY-MM-DD, or leave it empty.', required: 'This field is needed.',
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
    resumed: (s) => `Resuming at ${s}.`, written: (d) => `Wrote plan.csv, campaign lists and worksheet.md to ${d}`,
    moreRows: (n) => `… and ${n} more (search by id or name when deciding)`,
  },
};

const de: WorksheetTexts = {
  title: 'Arbeitsblatt Kundenrückgewinnung',
  steps: { selection: '1. Auswahl', relationship: '2. Beziehung und Abwanderungsgründe', lessons: '3. Erfahrungen aus dem Vertrieb', measures: '4. Maßnahmenplan' },
  progress: (n, of) => `Kunde ${n} von ${of}`,
  decisions: { win_back: 'zurückgewinnen', let_go: 'ziehen lassen', review: 'prüfen', no_channel: 'kein erlaubter Kanal', never: 'nie (endgültiger Grund oder Widerspruch)' },
  paths: { abrupt: 'abrupt, nach einem Vorfall', gradual: 'schleichender Rückgang', competitor: 'vom Wettbewerber abgeworben', '': 'unbekannt' },
  nav: { skip: '→ vorerst überspringen', back: '← zurück zum vorigen Kunden', search: '⌕ Kunden nach Nummer oder Name suchen', finish: '⇥ Schritt abschließen (der Rest behält die Vorgaben)' },
  ask: {
    decision: 'Entscheidung', whyOverride: 'Warum entscheiden Sie anders als das Modell?', whyRequired: 'Bitte eine Begründung angeben.',
    searchCustomer: 'Kunde (Teil der Nummer oder des Namens)', reason: 'Abwanderungsgrund (Code im Playbook)',
    since: 'Kunde seit / wie lange', bought: 'Was hat der Kunde gekauft?', contact: 'Wer war sein Ansprechpartner?',
    reasonView: 'Grund aus Sicht des Kunden', incidentWhat: 'Kritisches Ereignis: was ist passiert?',
    incidentWhen: 'Kritisches Ereignis: wann?', incidentHandled: 'Kritisches Ereignis: wie wurde reagiert?', path: 'Wechselpfad',
    competitor: 'Wettbewerber (falls bekannt)', contractEnd: 'Vertragsende beim Wettbewerber (JJJJ-MM-TT, falls bekannt)', channel: 'Kanal',
    offer: 'Angebot', measure: 'Maßnahme', date: 'Geplanter Termin (JJJJ-MM-TT)', responsible: 'Verantwortlich',
    groupMeasures: 'Maßnahmen für die ganze Gruppe', offering: 'Nötige Änderungen am eigenen Angebot', addCustomer: 'Einen verlorenen Kunden von Hand erfassen?',
    manualField: (f) => `  ${f}`, badDate: 'Datum als JJJJ-MM-TT schreiben oder leer lassen.', required: 'Dieses Feld wird benötigt.',
  },
  lessons: {
    lost_before: 'Unter welchen Bedingungen sind bisher Kunden verloren gegangen?',
    regained: 'Welche scheinbar endgültig verlorenen Kunden wurden zurückgewonnen – und wie?',
    warning_signs: 'Welche Warnsignale gingen einer Abwanderung voraus?',
    what_worked: 'Welche Angebote, Kanäle oder Personen haben bei der Rückgewinnung am besten gewirkt?',
  },
  doc: {
    source: 'Quelle', asOf: 'Stichtag', manual: 'von Hand erfasste Kunden', rank: 'Nr.', customer: 'Kunde', name: 'Name', reason: 'Grund',
    valueAtStake: 'Verlorener Wert', pWinback: 'p(Rückgewinnung)', sltv: 'Wert 2. Lebenszyklus', expectedValue: 'Erwartungswert', model: 'Modell',
    decision: 'Entscheidung', why: 'Begründung', classifier: 'Klassifikator', measure: 'Maßnahme', offer: 'Angebot', channel: 'Kanal',
    date: 'Geplanter Termin', responsible: 'Verantwortlich', individual: 'Individuelle Maßnahmen', group: 'Maßnahmen für die ganze Gruppe',
    offering: 'Nötige Änderungen am Angebot', none: '—', notSelected: 'Kein Kunde ist zur Rückgewinnung ausgewählt.', notDescribed: 'Ausgewählt, noch nicht beschrieben', corrected: 'korrigiert von',
  },
  notes: {
    newMeasure: (m) => `  Maßnahme laut Playbook jetzt: ${m}`, nowDecision: (d) => `  Entscheidung des Modells jetzt: ${d}`,
    noCustomers: 'Keine Kunden zu bearbeiten.', confirmedRest: (n) => `${n} Kunden behalten die Entscheidung des Modells.`,
    interrupted: (p) => `unterbrochen; alle bestätigten Antworten sind in ${p} gespeichert`, resume: (cmd) => `fortsetzen mit: ${cmd}`,
    resumed: (s) => `Fortsetzung bei ${s}.`, written: (d) => `plan.csv, Kampagnenlisten und worksheet.md nach ${d} geschrieben`,
    moreRows: (n) => `… und ${n} weitere (bei der Entscheidung nach Nummer oder Name suchen)`,
  },
};

/** The worksheet texts in one language. */
export function worksheetTexts(lang: 'en' | 'de'): WorksheetTexts {
  return lang === 'de' ? de : en;
}

/** Channel names in both languages (the playbook names reasons and offers, not channels). */
export function channelName(channel: string | null, lang: 'en' | 'de'): string {
  if (channel === null || channel === '') return '—';
  const names: Record<string, [string, string]> = { visit: ['personal visit', 'Besuch'], phone: ['phone call', 'Anruf'], letter: ['letter', 'Brief'], email: ['email', 'E-Mail'] };
  const n = names[channel];
  return n ? n[lang === 'de' ? 1 : 0] : channel;
}
