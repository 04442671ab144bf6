/**
 * The command texts of the catalogue (src/domain/catalogue/index.ts): every text a command shows
 * its user — summaries, `--explain` steps, warnings, errors and hints, the text columns of
 * plan.csv and excluded.csv — with its English and German wording side by side, one key per
 * text. Codes (reason codes, decisions, channels as data), column names, ISO dates and plain
 * numbers in CSV columns are the machine contract and are not texts.
 */
import { m } from './entry.js';
import { columnNote, formatDay, formatIsoText } from './format.js';

// What a file-system error code means, in a sentence about a file.
const FS_EN: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'operation not permitted (a read-only or immutable file?)', ENOENT: 'no such directory, or one that takes no new files', ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory', EROFS: 'read-only file system', ENOSPC: 'no space left on device', EDQUOT: 'disk quota exceeded', EIO: 'input/output error',
  ENOTREG: 'not a regular file (a device, a pipe or a socket); give the path of a file',
};
const FS_DE: Record<string, string> = {
  EACCES: 'keine Berechtigung', EPERM: 'Vorgang nicht erlaubt (eine schreibgeschützte oder unveränderliche Datei?)', ENOENT: 'kein solches Verzeichnis, oder eines, das keine neuen Dateien aufnimmt', ENOTDIR: 'ein Teil des Pfads ist kein Verzeichnis',
  EISDIR: 'ist ein Verzeichnis', EROFS: 'schreibgeschütztes Dateisystem', ENOSPC: 'kein Speicherplatz mehr auf dem Gerät', EDQUOT: 'Speicherkontingent überschritten', EIO: 'Ein-/Ausgabefehler',
  ENOTREG: 'keine gewöhnliche Datei (ein Gerät, eine Pipe oder ein Socket); den Pfad einer Datei angeben',
};

// What a command writes, where `--out -` asks for one table on stdout.
const STDOUT_FILES_EN: Record<string, string> = {
  clv: 'customers.csv, model.json and rejects.csv', campaign: 'a list per channel, excluded.csv, rejects.csv and summary.json',
  worksheet: 'plan.csv, the campaign lists and worksheet.md', plan: 'plan.csv, rejects.csv and summary.json',
};
const STDOUT_FILES_DE: Record<string, string> = {
  clv: 'customers.csv, model.json und rejects.csv', campaign: 'eine Liste je Kanal, excluded.csv, rejects.csv und summary.json',
  worksheet: 'plan.csv, die Kampagnenlisten und worksheet.md', plan: 'plan.csv, rejects.csv und summary.json',
};

/** What is wrong with a line of the ledger; `a` and `b` are its details. */
type LedgerProblem = 'utf8' | 'quote' | 'header' | 'fields' | 'emptyId' | 'channel' | 'date' | 'emptyCampaign' | 'outcome';
const LEDGER_PROBLEM_EN: Record<LedgerProblem, (a: string, b: string) => string> = {
  utf8: () => 'it is not valid UTF-8', quote: () => 'a quoted field is never closed', header: (a, b) => `header is "${a}", expected "${b}"`,
  fields: (a, b) => `expected ${a} fields separated by commas, found ${b}${b === '1' ? ' (a line written with ";" or tabs?)' : ''}`, emptyId: () => 'empty customer id', channel: (a, b) => `unknown channel "${a}" (expected ${b})`,
  date: (a) => `"${a}" is not a date (YYYY-MM-DD)`, emptyCampaign: () => 'empty campaign id', outcome: (a) => `unknown outcome "${a}" (expected contacted or control)`,
};
const LEDGER_PROBLEM_DE: Record<LedgerProblem, (a: string, b: string) => string> = {
  utf8: () => 'kein gültiges UTF-8', quote: () => 'ein Feld in Anführungszeichen wird nie geschlossen', header: (a, b) => `die Kopfzeile ist „${a}“, erwartet „${b}“`,
  fields: (a, b) => `${a} durch Kommas getrennte Felder erwartet, ${b} gefunden${b === '1' ? ' (eine Zeile mit „;“ oder Tabulatoren geschrieben?)' : ''}`, emptyId: () => 'leere Kundennummer', channel: (a, b) => `unbekannter Kanal „${a}“ (erwartet ${b})`,
  date: (a) => `„${a}“ ist kein Datum (JJJJ-MM-TT)`, emptyCampaign: () => 'leere Kampagnen-ID', outcome: (a) => `unbekanntes Ergebnis „${a}“ (erwartet contacted oder control)`,
};

/**
 * Why an .xlsx cannot be read (io/xlsx/damage.ts tells the kind from what failed); `part` is the
 * zip part it was in (xl/sharedStrings.xml), '' where none. The library's own text is not shown.
 */
export type WorkbookDamage = 'notZip' | 'zipDamaged' | 'encrypted' | 'noWorkbook' | 'badXml' | 'partMissing' | 'tooLarge' | 'unreadable';
const WORKBOOK_DAMAGE_EN: Record<WorkbookDamage, (part: string) => string> = {
  notZip: () => 'it is not a complete zip file: cut off, or no workbook at all',
  zipDamaged: (part) => `the zip part ${part || 'holding the sheet'} is damaged`,
  encrypted: () => 'it is encrypted with a password',
  noWorkbook: () => 'the zip holds no workbook: xl/workbook.xml is missing',
  badXml: (part) => `its part ${part} is not well-formed XML`,
  partMissing: (part) => `its part ${part} is missing`,
  tooLarge: (part) => `its part ${part || 'holding the sheet'} is too large to be read into memory`,
  unreadable: (part) => (part ? `its part ${part} cannot be read` : 'its content cannot be read'),
};
const WORKBOOK_DAMAGE_DE: Record<WorkbookDamage, (part: string) => string> = {
  notZip: () => 'sie ist keine vollständige ZIP-Datei: abgeschnitten oder gar keine Arbeitsmappe',
  zipDamaged: (part) => (part ? `der ZIP-Teil ${part} ist beschädigt` : 'der ZIP-Teil mit dem Tabellenblatt ist beschädigt'),
  encrypted: () => 'sie ist mit einem Kennwort verschlüsselt',
  noWorkbook: () => 'die ZIP-Datei enthält keine Arbeitsmappe: xl/workbook.xml fehlt',
  badXml: (part) => `ihr Teil ${part} ist kein wohlgeformtes XML`,
  partMissing: (part) => `ihr Teil ${part} fehlt`,
  tooLarge: (part) => (part ? `ihr Teil ${part} ist zu groß, um in den Speicher gelesen zu werden` : 'der Teil mit dem Tabellenblatt ist zu groß, um in den Speicher gelesen zu werden'),
  unreadable: (part) => (part ? `ihr Teil ${part} lässt sich nicht lesen` : 'ihr Inhalt lässt sich nicht lesen'),
};

/** Why a run goes on despite a ledger problem (--force, --dry-run), or '' when it stops there. */
type Going = '' | 'force' | 'dryRun';
const GOING_EN: Record<Going, string> = { '': '', force: ' (going on because of --force)', dryRun: ' (a --dry-run changes no ledger)' };
const GOING_DE: Record<Going, string> = { '': '', force: ' (weiter wegen --force)', dryRun: ' (ein --dry-run ändert kein Kontaktbuch)' };

const CHANNEL_DE: Record<string, string> = { visit: 'Besuch', phone: 'Telefon', letter: 'Brief', email: 'E-Mail' };
const BEHAVIOUR_DE: Record<string, string> = { tenureMonths: 'Kundendauer (Monate)', orders: 'Aufträge', complaints: 'Reklamationen', monthsSinceChurn: 'Monate seit Kündigung' };
const OFFER_DE: Record<string, string> = {
  discount: 'Rabatt', upgrade: 'Upgrade', bundle: 'Rabatt plus Upgrade', personal: 'persönliche Ansprache', information: 'Information', none: 'kein Angebot',
  renewal: 'Verlängerung zu günstigerem Tarif',
  // The built-in retention measures (the retention track's offer_type).
  personal_check_in: 'persönliches Nachfragen', loyalty_bonus: 'Treuebonus', reorder_reminder: 'Erinnerung zur Nachbestellung',
};
const DECISION_DE: Record<string, string> = { win_back: 'zurückgewinnen', review: 'prüfen', no_channel: 'kein Kanal', let_go: 'ziehen lassen', never: 'nie' };
const EXCLUSION_DE: Record<string, string> = {
  ...DECISION_DE, suppressed: 'gesperrt', no_permission: 'keine Erlaubnis', max_attempts: 'Versuche ausgeschöpft', too_soon: 'zu früh', not_due: 'nicht fällig',
  control: 'Kontrollgruppe', over_capacity: 'über Kapazität', serial_defector: 'erneut abgewandert', shared_contact: 'gemeinsame Adresse', objector_contact: 'Kontakt eines Widersprechenden', returned: 'zurückgekommen',
};

/** Sheet names of the workbooks in German. */
const SHEET_DE: Record<string, string> = {
  plan: 'Plan', rejects: 'Abgelehnt', visit: 'Besuch', phone: 'Telefon', letter: 'Brief', email: 'E-Mail', excluded: 'Ausgeschlossen',
  changes: 'Änderungen', customers: 'Kunden', history: 'Historie', reasons: 'Gründe',
};

// The lifecycle phases of winback clv (domain/clv/fit-models.ts) in German.
const PHASE_DE: Record<string, string> = {
  prospect: 'Interessent', first_time_buyer: 'Erstkäufer', early_repeat: 'früher Wiederkäufer', core: 'Stammkunde', core_defector: 'abwandernder Stammkunde', lost: 'verloren',
};

// changes.csv: why a customer came onto the lists (keyed by the previous exclusion) or left them.
const CHANGE_OPENED_EN: Record<string, string> = {
  not_due: 'contact window opened', too_soon: 'minimum gap since the last contact has passed', over_capacity: 'capacity freed up',
  no_permission: 'permission granted', no_channel: 'permission granted', review: 'decision now win back', let_go: 'now worth winning back',
  returned: 'left again after coming back',
};
const CHANGE_OPENED_DE: Record<string, string> = {
  not_due: 'Kontaktfenster geöffnet', too_soon: 'Mindestabstand seit dem letzten Kontakt verstrichen', over_capacity: 'Kapazität frei geworden',
  no_permission: 'Erlaubnis erteilt', no_channel: 'Erlaubnis erteilt', review: 'Entscheidung jetzt zurückgewinnen', let_go: 'Rückgewinnung lohnt sich jetzt',
  returned: 'nach der Rückkehr wieder gegangen',
};
const CHANGE_CLOSED_EN: Record<string, string> = {
  too_soon: 'contacted recently', no_permission: 'permission withdrawn or missing', no_channel: 'no channel may be used', suppressed: 'added to the suppression list',
  max_attempts: 'attempt limit reached', not_due: 'contact window not open', over_capacity: 'over capacity this week',
  let_go: 'not worth winning back now', never: 'final reason or objection', review: 'needs review', control: 'held out as control group',
  serial_defector: 'won back before and left again', shared_contact: 'address or number approached for another customer',
  objector_contact: 'address or number of a customer who objected', returned: 'came back: a customer again',
};
const CHANGE_CLOSED_DE: Record<string, string> = {
  too_soon: 'kürzlich kontaktiert', no_permission: 'Erlaubnis widerrufen oder fehlend', no_channel: 'kein Kanal erlaubt', suppressed: 'auf die Sperrliste gesetzt',
  max_attempts: 'Höchstzahl der Versuche erreicht', not_due: 'Kontaktfenster nicht offen', over_capacity: 'diese Woche über der Kapazität',
  let_go: 'Rückgewinnung lohnt sich derzeit nicht', never: 'endgültiger Grund oder Widerspruch', review: 'muss geprüft werden', control: 'als Kontrollgruppe zurückgehalten',
  serial_defector: 'schon einmal zurückgewonnen und wieder gegangen', shared_contact: 'Adresse oder Nummer schon für einen anderen Kunden genutzt',
  objector_contact: 'Adresse oder Nummer eines Kunden, der widersprochen hat', returned: 'zurückgekommen: wieder Kunde',
};

// Why Gamma-Gamma cannot be fitted: the error of fitGammaGamma, and inside the clv warning.
const SPEND_TOO_FEW = m(
  (customers: number, min: number) => `too few customers with repeat purchases to fit Gamma-Gamma: ${customers}, need ${min}`,
  (customers, min) => `zu wenige Kunden mit Wiederholungskäufen für eine Gamma-Gamma-Anpassung: ${customers}, nötig sind ${min}`,
);
const SPEND_SAME = m(
  'the mean repeat spend is the same for every customer: the Gamma-Gamma model needs differences in spend',
  'der mittlere Folgeumsatz ist bei allen Kunden gleich: das Gamma-Gamma-Modell braucht Unterschiede im Umsatz',
);

// decision_reason's comparison with the threshold, and the purchase model's basis after it.
const BELOW_EN = (ev: string, t: string) => `expected value ${ev} ≤ threshold ${t}`;
const BELOW_DE = (ev: string, t: string) => `erwarteter Wert ${ev} ≤ Schwelle ${t}`;
const ABOVE_EN = (ev: string, t: string) => `expected value ${ev} > threshold ${t}`;
const ABOVE_DE = (ev: string, t: string) => `erwarteter Wert ${ev} > Schwelle ${t}`;
const BASIS_EN = (pAlive: string) => `purchase model, P(alive) ${pAlive}`;
const BASIS_DE = (pAlive: string) => `Kaufmodell, P(aktiv) ${pAlive}`;

// The over-capacity decision_reason: a value note (domain/budget/budget.ts) and the capacity section's text.
const OVER_CAPACITY = m(
  (channel: string, places: number) => `over capacity: the ${places} places on ${channel} go to contacts worth more there, and no other permitted action worth making has a place left`,
  (channel, places) => `über der Kapazität: die ${places} Plätze für ${CHANNEL_DE[channel] ?? channel} gehen an Kontakte, die dort mehr bringen, und keine andere erlaubte lohnende Aktion hat noch Platz`,
);

export const COMMAND_TEXTS = {
  /** Names of codes where a sentence mentions them; English keeps the code. */
  names: {
    channel: m((c: string) => c, (c) => CHANNEL_DE[c] ?? c),
    offer: m((id: string) => id, (id) => OFFER_DE[id] ?? id),
    decision: m((d: string) => d, (d) => DECISION_DE[d] ?? d),
    exclusion: m((reason: string) => reason, (reason) => EXCLUSION_DE[reason] ?? reason),
    /** the sheet of a workbook that holds a list (io/xlsx/outputs.ts, io/table-output.ts): the list's file name in English */
    sheet: m((list: string) => list, (list) => SHEET_DE[list] ?? list.replace(/^retention (\w+)$/, (_, c: string) => `Kundenbindung ${CHANNEL_DE[c] ?? c}`)),
  },
  /** decision_reason and offer_reason of plan.csv (domain/value/decision.ts, plan.ts). */
  value: {
    marginDefault: m((pct: string) => `margin missing: default ${pct} % used`, (pct) => `Marge fehlt: Standardwert ${pct} % verwendet`),
    missingRevenue: m('missing data: no revenue', 'fehlende Daten: kein Umsatz'),
    missingTenure: m('missing data: no tenure to spread revenue', 'fehlende Daten: keine Kundendauer, um den Umsatz zu verteilen'),
    missingChurnDate: m('missing data: no churn date', 'fehlende Daten: kein Kündigungsdatum'),
    notValuedMissing: m('not valued: missing data', 'nicht bewertet: Daten fehlen'),
    notValuedNoContact: m('not valued: no contact allowed', 'nicht bewertet: kein Kontakt erlaubt'),
    finalNoOffer: m('final reason: no offer', 'endgültiger Grund: kein Angebot'),
    outOfAreaNoOffer: m('moved out of the service area: no offer', 'aus dem Liefergebiet weggezogen: kein Angebot'),
    marginNotPositive: m('first-lifetime margin ≤ 0: cost more than they brought', 'Marge im ersten Kundenleben ≤ 0: kostete mehr, als er einbrachte'),
    noRevenue: m('no revenue in the first lifetime (0): nothing a second one could repeat', 'kein Umsatz im ersten Kundenleben (0): nichts, was ein zweites wiederholen könnte'),
    reasonUnclear: m((c: string, min: string) => `reason unclear (confidence ${c} < ${min})`, (c, min) => `Grund unklar (Sicherheit ${c} < ${min})`),
    belowThreshold: m(BELOW_EN, BELOW_DE),
    aboveThreshold: m(ABOVE_EN, ABOVE_DE),
    /** the consultant contacts a customer whose chosen action is worth no more than the threshold (domain/worksheet/apply.ts) */
    consultantBelowThreshold: m((ev: string, t: string) => `contacted as the consultant chose, although the ${BELOW_EN(ev, t)}`, (ev, t) => `angesprochen, wie der Berater entschied, obwohl der erwartete Wert ${ev} ≤ Schwelle ${t}`),
    // A purchase-model customer's decision: the same words, and the model's P(alive) after them.
    modelBelowThreshold: m((ev: string, t: string, pAlive: string) => `${BELOW_EN(ev, t)} (${BASIS_EN(pAlive)})`, (ev, t, pAlive) => `${BELOW_DE(ev, t)} (${BASIS_DE(pAlive)})`),
    modelAboveThreshold: m((ev: string, t: string, pAlive: string) => `${ABOVE_EN(ev, t)} (${BASIS_EN(pAlive)})`, (ev, t, pAlive) => `${ABOVE_DE(ev, t)} (${BASIS_DE(pAlive)})`),
    /** a contact worth making that the budget leaves out (domain/budget/budget.ts) */
    overBudget: m(
      (amount: string, symbol: string) => `over budget: the ${symbol}${amount} budget went to contacts with more value per ${symbol} of cost, or what was left when this one's turn came could not pay it`,
      (amount, symbol) => `über dem Budget: das Budget von ${amount}\u00a0${symbol.trim()} ging an Kontakte mit mehr Wert je ${unitWord(symbol)} Kosten, oder was übrig war, als dieser an der Reihe war, reichte nicht für ihn`,
    ),
    /** a contact worth making that no channel with room can carry (plan --capacity; the same text as capacity.overCapacity) */
    overCapacity: OVER_CAPACITY,
    /** a decision the consultant changed in the worksheet (domain/worksheet/apply.ts), with the consultant's reason */
    consultant: m((why: string) => `consultant: ${why}`, (why) => `Berater: ${why}`),
    noChannel: m(
      (ev: string, channel: string) => `worth an approach (${ev} by ${channel}), but no channel may be used`,
      (ev, channel) => `eine Ansprache lohnt sich (${ev} per ${CHANNEL_DE[channel] ?? channel}), aber kein Kanal ist erlaubt`,
    ),
    finalReason: m((code: string) => `final reason (${code}): never contact`, (code) => `endgültiger Grund (${code}): nie kontaktieren`),
    /** read as another reason, with a final one as the runner-up (domain/plan/plan.ts) */
    finalAside: m(
      (reason: string, final: string) => `read as "${reason}", but the text also names a final reason ("${final}"): a person decides before anyone is contacted`,
      (reason, final) => `als „${reason}“ gelesen, der Text nennt aber auch einen endgültigen Grund („${final}“): eine Person entscheidet, bevor jemand kontaktiert wird`,
    ),
    /** a death written into the name or the contact person (domain/plan/person-decides.ts) */
    deathInName: m(
      (words: string) => `the name reads as if the customer has died ("${words}"): a person decides before anyone is contacted`,
      (words) => `der Name liest sich, als sei der Kunde verstorben („${words}“): eine Person entscheidet, bevor jemand kontaktiert wird`,
    ),
    /** a column, a status or another row of the id says the customer died (domain/plan/person-decides.ts) */
    deceasedMarked: m(
      () => 'a column, a status, another row of this customer or a note taken in the worksheet says the customer died: a person decides before anyone is contacted',
      () => 'eine Spalte, ein Status, eine andere Zeile dieses Kunden oder eine Notiz im Arbeitsblatt sagt, dass der Kunde verstorben ist: eine Person entscheidet, bevor jemand kontaktiert wird',
    ),
    /** another row with the customer's id was rejected for a bad cell (domain/plan/person-decides.ts) */
    otherRowRejected: m(
      (line: number, column: string) => `line ${line} has this customer's id too and was rejected${columnNote(column)}: what it says (a consent withdrawn, an objection, a death) is not known — a person decides before anyone is contacted; correct that line and run again`,
      (line, column) => `Zeile ${line} hat dieselbe Kundennummer und wurde abgelehnt${columnNote(column)}: was sie sagt (eine widerrufene Einwilligung, ein Widerspruch, ein Todesfall), ist unbekannt — eine Person entscheidet, bevor jemand kontaktiert wird; diese Zeile korrigieren und erneut ausführen`,
    ),
    /** the file's last record may have been cut off in its last field (domain/plan/person-decides.ts) */
    cutOff: m(
      () => 'the file ends in this row, with no line break after it and its last field empty: it may have been cut off here (a copy still being written?), and what that field said is not known — a person decides before anyone is contacted; if the file is whole, end it with a line break and run again',
      () => 'die Datei endet in dieser Zeile, ohne Zeilenumbruch danach und mit leerem letztem Feld: sie wurde hier womöglich abgeschnitten (eine Kopie, die noch geschrieben wurde?), und was in diesem Feld stand, ist unbekannt — eine Person entscheidet, bevor jemand kontaktiert wird; ist die Datei vollständig, sie mit einem Zeilenumbruch beenden und erneut ausführen',
    ),
    /** a business customer whose text says it cannot pay: the grounds for insolvency (domain/plan/person-decides.ts) */
    firmUnableToPay: m(
      (words: string) => `a business customer that says it cannot pay ("${words}") may be insolvent: a person decides before anyone is contacted`,
      (words) => `ein Geschäftskunde, der nach eigenen Worten nicht zahlen kann („${words}“), ist womöglich insolvent: eine Person entscheidet, bevor jemand kontaktiert wird`,
    ),
    /** a reason_code beside a text read as a final reason (domain/plan/person-decides.ts) */
    finalInText: m(
      (code: string, final: string, evidence: string) => `the reason code says "${code}", but the text reads as a final reason ("${final}": ${evidence}): a person decides before anyone is contacted`,
      (code, final, evidence) => `der Grundcode sagt „${code}“, der Text liest sich aber als endgültiger Grund („${final}“: ${evidence}): eine Person entscheidet, bevor jemand kontaktiert wird`,
    ),
    /** notes that read as a final reason (domain/plan/person-decides.ts) */
    finalInNotes: m(
      (final: string, evidence: string) => `the notes read as a final reason ("${final}": ${evidence}): a person decides before anyone is contacted`,
      (final, evidence) => `die Notizen lesen sich als endgültiger Grund („${final}“: ${evidence}): eine Person entscheidet, bevor jemand kontaktiert wird`,
    ),
    /** churned longer ago than plan.maxYearsSinceChurn (domain/plan/plan.ts) */
    churnedLongAgo: m(
      (churn: string, years: number) => `churned on ${churn}, more than ${years} years ago (plan.maxYearsSinceChurn): data that old are not used for marketing; let go`,
      (churn, years) => `gekündigt am ${formatIsoText(churn, 'de')}, vor mehr als ${years} Jahren (plan.maxYearsSinceChurn): so alte Daten werden nicht für Werbung genutzt; gehen lassen`,
    ),
    /** a relocation the company cannot follow (domain/reasons/out-of-area.ts) */
    outOfArea: m(
      (evidence: string) => `moved where we cannot serve them ("${evidence}"): let go gracefully; if the new place is served after all, a person decides`,
      (evidence) => `dorthin umgezogen, wo wir nicht liefern können („${evidence}“): im Guten gehen lassen; wird der neue Ort doch beliefert, entscheidet eine Person`,
    ),
    noOfferDefined: m('no offer defined for this reason', 'für diesen Grund ist kein Angebot festgelegt'),
    onlyOffer: m((id: string) => `${id}: only offer for this reason`, (id) => `${OFFER_DE[id] ?? id}: einziges Angebot für diesen Grund`),
    highestOffer: m(
      (id: string, ev: string, rival: string, rivalEv: string) => `${id}: highest expected value (${ev} vs ${rival} ${rivalEv})`,
      (id, ev, rival, rivalEv) => `${OFFER_DE[id] ?? id}: höchster erwarteter Wert (${ev} gegenüber ${OFFER_DE[rival] ?? rival} ${rivalEv})`,
    ),
    suppressed: m('on the suppression list: never contact', 'auf der Sperrliste: nie kontaktieren'),
    doNotContact: m('do-not-contact: never contact', 'Kontaktsperre: nie kontaktieren'),
    objection: m('objected to advertising: never contact', 'Werbewiderspruch: nie kontaktieren'),
    objectionInText: m((phrase: string) => `objection in the text ("${phrase}"): never contact`, (phrase) => `Widerspruch im Text („${phrase}“): nie kontaktieren`),
    /** a win-back declined in the reason or notes, without a declined_date (domain/objections/declined.ts) */
    declinedNoDate: m(
      (phrase: string, months: number) => `win-back declined in the text ("${phrase}") without a date: not contacted; give the day in a declined_date column (e.g. "Offer Declined On") to pause ${months} months from it`,
      (phrase, months) => `Rückgewinnung laut Text abgelehnt („${phrase}“), ohne Datum: nicht kontaktieren; den Tag in einer Spalte „Angebot abgelehnt am“ angeben, dann ${months} Monate Pause ab diesem Tag`,
    ),
    /** a win-back declined in the text on a day that cannot be the refusal's: after as-of or before the churn date (domain/objections/declined-day.ts) */
    declinedDayNotTaken: m(
      (phrase: string, day: string, afterAsOf: boolean, months: number) =>
        `win-back declined in the text ("${phrase}") on ${day}, ${afterAsOf ? 'a day after --as-of' : 'a day before the churn date'}: that cannot be the day of the refusal, so not contacted; give the day in a declined_date column (e.g. "Offer Declined On") to pause ${months} months from it`,
      (phrase, day, afterAsOf, months) =>
        `Rückgewinnung laut Text am ${day} abgelehnt („${phrase}“), ${afterAsOf ? 'einem Tag nach dem Stichtag' : 'einem Tag vor dem Kündigungsdatum'}: Das kann nicht der Tag der Ablehnung sein, daher nicht kontaktieren; den Tag in einer Spalte „Angebot abgelehnt am“ angeben, dann ${months} Monate Pause ab diesem Tag`,
    ),
    retentionWorth: m(
      (ev: string, t: string, pAlive: string) => `retention: expected value ${ev} > threshold ${t} (alive but drifting, P(alive) ${pAlive})`,
      (ev, t, pAlive) => `Kundenbindung: erwarteter Wert ${ev} > Schwelle ${t} (aktiv, aber abwandernd, P(aktiv) ${pAlive})`,
    ),
    retentionNotWorth: m(
      (ev: string, t: string, pAlive: string) => `retention not worth it: expected value ${ev} ≤ threshold ${t} (P(alive) ${pAlive})`,
      (ev, t, pAlive) => `Kundenbindung lohnt sich nicht: erwarteter Wert ${ev} ≤ Schwelle ${t} (P(aktiv) ${pAlive})`,
    ),
    retentionNoChannel: m(
      (ev: string, channel: string) => `retention worth it (${ev} by ${channel}), but no channel may be used`,
      (ev, channel) => `Kundenbindung lohnt sich (${ev} per ${CHANNEL_DE[channel] ?? channel}), aber kein Kanal ist erlaubt`,
    ),
    // Customers valued by clv's purchase model (domain/value/purchase-model.ts, clv/handover.ts).
    alivePerModel: m(
      (pAlive: string, threshold: string, single: boolean) =>
        `alive per the purchase model (P(alive) ${pAlive} ≥ lost threshold ${threshold}): still buying, not lost — no win-back${single ? '; after a single purchase BG/NBD cannot tell (winback clv --model pareto-nbd can)' : ''}`,
      (pAlive, threshold, single) =>
        `laut Kaufmodell aktiv (P(aktiv) ${pAlive} ≥ Verlustschwelle ${threshold}): kauft noch, nicht verloren — keine Rückgewinnung${single ? '; nach einem einzigen Kauf kann BG/NBD es nicht unterscheiden (winback clv --model pareto-nbd kann es)' : ''}`,
    ),
    modelMarginNotPositive: m('margin ≤ 0: a second lifetime would cost more than it brings', 'Marge ≤ 0: ein zweites Kundenleben kostete mehr, als es einbrächte'),
    modelBasis: m(BASIS_EN, BASIS_DE),
    missingHandover: m((problem: string) => `missing data: ${problem}`, (problem) => `fehlende Daten: ${problem}`),
    handoverNotNumber: m(
      (column: string, text: string) => `${column} '${text}' is not a number ≥ 0: the purchase-model value cannot be read (rerun winback clv with amounts)`,
      (column, text) => `${column} '${text}' ist keine Zahl ≥ 0: der Wert aus dem Kaufmodell lässt sich nicht lesen (winback clv mit Beträgen erneut ausführen)`,
    ),
    handoverThreshold: m(
      (text: string) => `lost_threshold '${text}' is not a share between 0 and 1: the purchase-model value cannot be read (rerun winback clv)`,
      (text) => `lost_threshold '${text}' ist kein Anteil zwischen 0 und 1: der Wert aus dem Kaufmodell lässt sich nicht lesen (winback clv erneut ausführen)`,
    ),
    marginAmountNotForModel: m(
      (pct: string) => `margin missing: default ${pct} % used (a margin amount does not apply to the purchase model's revenue: give a percentage)`,
      (pct) => `Marge fehlt: Standardwert ${pct} % verwendet (ein Margenbetrag passt nicht zum Umsatz des Kaufmodells: einen Prozentsatz angeben)`,
    ),
    horizonMismatch: m(
      (months: number, rate: string, modelMonths: number, modelRate: string) =>
        `purchase-model value computed for ${months} months at ${rate} % a year, the value model uses ${modelMonths} months at ${modelRate} %: rerun winback clv with the same config`,
      (months, rate, modelMonths, modelRate) =>
        `Wert aus dem Kaufmodell für ${months} Monate zu ${dec(rate)} % im Jahr berechnet, das Wertmodell rechnet mit ${modelMonths} Monaten zu ${dec(modelRate)} %: winback clv mit derselben Konfiguration erneut ausführen`,
    ),
    retentionMarginNotPositive: m('margin ≤ 0: keeping the customer would cost more than it brings', 'Marge ≤ 0: den Kunden zu halten kostete mehr, als es einbrächte'),
    retentionBest: m(
      (id: string, ev: string, rival: string | undefined, rivalEv: string) => (rival === undefined ? `${id}: only retention measure` : `${id}: highest expected value (${ev} vs ${rival} ${rivalEv})`),
      (id, ev, rival, rivalEv) => (rival === undefined ? `${id}: einzige Maßnahme zur Kundenbindung` : `${id}: höchster erwarteter Wert (${ev} gegenüber ${rival} ${rivalEv})`),
    ),
  },
  /** The step labels and formula words of `plan --explain` (domain/value/explain.ts). */
  explain: {
    tenure: m('tenure (months)', 'Kundendauer (Monate)'),
    monthlyRevenue: m('monthly revenue', 'Umsatz pro Monat'),
    monthlyMargin: m('monthly margin (first lifetime)', 'Marge pro Monat (erstes Kundenleben)'),
    orders: m('orders', 'Aufträge'),
    complaints: m('complaints', 'Reklamationen'),
    monthsSinceChurn: m('months since churn (at the contact date)', 'Monate seit Kündigung (zum Kontaktdatum)'),
    baseRate: m('base rate', 'Basisrate'),
    behaviourShift: m('behaviour shift (log-odds)', 'Verhaltensverschiebung (Log-Odds)'),
    pWinback: m(
      (offer: string, channel: string) => `p_winback (offer ${offer}, ${channel})`,
      (offer, channel) => `p_winback (Angebot ${OFFER_DE[offer] ?? offer}, ${CHANNEL_DE[channel] ?? channel})`,
    ),
    secondMargin: m('second-lifetime monthly margin', 'Marge pro Monat (zweites Kundenleben)'),
    secondRetention: m('second-lifetime monthly retention', 'Bindungsrate pro Monat (zweites Kundenleben)'),
    annuity: m((months: number) => `annuity factor (${months} months)`, (months) => `Rentenbarwertfaktor (${months} Monate)`),
    sltv: m('sltv', 'sltv (Wert des zweiten Kundenlebens)'),
    // The export's own figures in a formula: its field names in English (as in plan.csv), words in German.
    tenureWord: m('tenure', 'Kundendauer'),
    tenureFromExport: m('tenure_months', 'Kundendauer laut Export'),
    monthlyRevenueFromExport: m('monthly_revenue', 'Monatsumsatz laut Export'),
    ordersFromExport: m('orders', 'Aufträge laut Export'),
    complaintsFromExport: m('complaints', 'Reklamationen laut Export'),
    reductionTerm: m((months: number) => `(the lower rate for the first ${months} months, Σ_{t<${months}} q^t)`, (months) => `(der niedrigere Tarif in den ersten ${months} Monaten, Σ_{t<${months}} q^t)`),
    channelCost: m((channel: string) => `channel cost (${channel})`, (channel) => `Kanalkosten (${CHANNEL_DE[channel] ?? channel})`),
    incentiveCost: m((offer: string) => `incentive cost (offer ${offer})`, (offer) => `Anreizkosten (Angebot ${OFFER_DE[offer] ?? offer})`),
    expectedValue: m('expected value (incremental, today)', 'erwarteter Wert (zusätzlich, heute)'),
    pOrganic: m('p_organic (return without contact)', 'p_organic (Rückkehr ohne Kontakt)'),
    organicRate: m((code: string) => `organic rate: playbook ${code}`, (code) => `Rate ohne Kontakt: Playbook ${code}`),
    lifetimeFactor: m('customer lifetime factor (first tenure, complaints)', 'Kundenlebensfaktor (erste Kundendauer, Reklamationen)'),
    tenureUnknown: m('tenure unknown', 'Kundendauer unbekannt'),
    within: m((min: string, max: string) => `within [${min}, ${max}]`, (min, max) => `innerhalb [${min}; ${max}]`),
    discount: m('discount from the contact date to as-of', 'Abzinsung vom Kontaktdatum auf den Stichtag'),
    annuityAtRetention: m((r: string) => `annuity at retention ${r}`, (r) => `Rente bei Bindungsrate ${r}`),
    valueAtStake: m('value at stake (no offer, before probability)', 'Wert im Risiko (ohne Angebot, vor Wahrscheinlichkeit)'),
    days: m('days', 'Tage'),
    calibratedModel: m('calibrated model', 'kalibriertes Modell'),
    playbook: m('playbook', 'Playbook'),
    defaultMargin: m('default, margin missing', 'Standardwert, Marge fehlt'),
    marginAmount: m((amount: string) => `margin amount ${amount} spread per month`, (amount) => `Margenbetrag ${amount} auf Monate verteilt`),
    noBehaviourData: m('0 (no behaviour data)', '0 (keine Verhaltensdaten)'),
    playbookChannelCost: m('playbook channel cost', 'Kanalkosten laut Playbook'),
    playbookOfferCost: m('playbook offer cost', 'Angebotskosten laut Playbook'),
    // The lines around the steps (io/plan/render.ts).
    customer: m((id: string, line: number, asOf: string) => `customer ${id} (line ${line}), as of ${asOf}`, (id, line, asOf) => `Kunde ${id} (Zeile ${line}), Stichtag ${asOf}`),
    reason: m(
      (code: string, confidence: string, evidence: string) => `reason: ${code} (confidence ${confidence}; evidence: ${evidence})`,
      (code, confidence, evidence) => `Grund: ${code} (Sicherheit ${confidence}; Beleg: ${evidence})`,
    ),
    measure: m((text: string) => `measure: ${text}`, (text) => `Maßnahme: ${text}`),
    channelOffer: m(
      (channel: string, offer: string, why: string) => `channel: ${channel}; offer: ${offer} (${why})`,
      (channel, offer, why) => `Kanal: ${CHANNEL_DE[channel] ?? channel}; Angebot: ${offer} (${why})`,
    ),
    decision: m((decision: string, why: string) => `decision: ${decision} (${why})`, (decision, why) => `Entscheidung: ${decision} (${why})`),
    contact: m(
      (from: string, until: string, wave: string, rule: string) => `contact ${from} .. ${until} (wave ${wave}): ${rule}`,
      (from, until, wave, rule) => `Kontakt ${from} bis ${until} (Welle ${wave}): ${rule}`,
    ),
    notAccepted: m(
      (id: string, label: string) => `customer '${id}' is not among the accepted rows of ${label}`,
      (id, label) => `Kunde '${id}' ist nicht unter den angenommenen Zeilen von ${label}`,
    ),
    notAcceptedHint: m('check the id, or run winback inspect for rejects', 'die Kundennummer prüfen, oder winback inspect zeigt die abgelehnten Zeilen'),
    rejectedRow: m(
      (id: string, label: string, line: number, error: string) => `customer '${id}' is not planned: ${label} line ${line} was rejected: ${error}`,
      (id, label, line, error) => `Kunde '${id}' ist nicht geplant: ${label} Zeile ${line} wurde abgelehnt: ${error}`,
    ),
    organicRateModel: m((code: string) => `organic rate: model ${code} (control group)`, (code) => `Rate ohne Kontakt: Modell ${code} (Kontrollgruppe)`),
    // The steps of a customer valued by clv's purchase model and of the retention track (domain/value/purchase-model.ts, domain/value/retention.ts).
    pAliveModel: m('P(alive) (purchase model)', 'P(aktiv) (Kaufmodell)'),
    pAliveSource: m((model: string) => `winback clv, ${model || 'purchase model'}`, (model) => `winback clv, ${model || 'Kaufmodell'}`),
    purchasesIfRegained: m((months: number) => `discounted purchases if regained (${months} months)`, (months) => `abgezinste Käufe bei Rückgewinnung (${months} Monate)`),
    purchasesIfAlive: m((months: number) => `discounted purchases if alive (${months} months)`, (months) => `abgezinste Käufe, solange aktiv (${months} Monate)`),
    spendPerPurchase: m('expected spend per purchase', 'erwarteter Umsatz je Kauf'),
    marginRate: m('margin rate', 'Margensatz'),
    marginRateDefault: m('default (margin missing)', 'Standardwert (Marge fehlt)'),
    marginRatePercent: m('margin %', 'Marge in %'),
    fromExport: m('export', 'Export'),
    monthsSinceLastPurchase: m('months since churn (last purchase)', 'Monate seit Kündigung (letzter Kauf)'),
    shiftFormula: m('Σ w × (ln(1+min(x,cap)) − ln(1+ref))', 'Σ w × (ln(1+min(x; cap)) − ln(1+ref))'),
    expectedValuePlain: m('expected value', 'erwarteter Wert'),
    valueAtStakeNotAlive: m('value at stake (no offer, not alive)', 'Wert im Risiko (ohne Angebot, nicht aktiv)'),
    valueIfAlive: m('value if alive (V)', 'Wert, solange aktiv (V)'),
    keepChance: m((measure: string, channel: string) => `keep chance q (${measure}, ${channel})`, (measure, channel) => `Haltewahrscheinlichkeit q (${measure}, ${CHANNEL_DE[channel] ?? channel})`),
    keepChanceFormula: m((rate: string) => `keepRate ${rate} on the odds × channel response`, (rate) => `Halterate (keepRate) ${rate} auf die Odds × Kanalwirkung`),
    discountedPurchasesFormula: m('Σ_i (E[Y(i) | alive] − E[Y(i−1) | alive]) / (1 + d)^i', 'Σ_i (E[Y(i) | aktiv] − E[Y(i−1) | aktiv]) / (1 + d)^i'),
    addedChance: m('added chance to be there', 'zusätzliche Chance, dass der Kunde bleibt'),
    valueAtRisk: m('value at risk (the drift)', 'gefährdeter Wert (die Abwanderung)'),
  },
  /** The offer × channel comparison and the permission line of `plan --explain` (domain/value/compare.ts, io/plan/render.ts). */
  compare: {
    notValued: m('not valued: no contact allowed', 'nicht bewertet: kein Kontakt erlaubt'),
    nothingValued: m('no permitted action was valued', 'keine erlaubte Aktion wurde bewertet'),
    action: m((offer: string, channel: string) => `${offer} by ${channel}`, (offer, channel) => `${OFFER_DE[offer] ?? offer} per ${CHANNEL_DE[channel] ?? channel}`),
    only: m((what: string, ev: string) => `${what}: the only permitted action (${ev})`, (what, ev) => `${what}: die einzige erlaubte Aktion (${ev})`),
    asMuchAs: m('as much as', 'ebenso viel wie'),
    moreThan: m((gap: string) => `${gap} more than`, (gap) => `${gap} mehr als`),
    budgetChose: m(
      (what: string, ev: string, rival: string) => `${what} (${ev}): chosen within the budget over the dearer ${rival}, which adds less per unit of extra cost than other customers' contacts`,
      (what, ev, rival) => `${what} (${ev}): im Budget gewählt statt der teureren Aktion ${rival}, die je zusätzlicher Kosteneinheit weniger bringt als Kontakte anderer Kunden`,
    ),
    capacityChose: m(
      (what: string, ev: string, rival: string, full: string, places: number) => `${what} (${ev}): chosen within capacity over ${rival}: the ${places} places on ${full} went to contacts worth more there`,
      (what, ev, rival, full, places) => `${what} (${ev}): innerhalb der Kapazität gewählt statt ${rival}: die ${places} Plätze für ${CHANNEL_DE[full] ?? full} gingen an Kontakte, die dort mehr bringen`,
    ),
    highest: m(
      (what: string, ev: string, gap: string, rival: string) => `${what}: highest incremental value (${ev}), ${gap} the runner-up ${rival}`,
      (what, ev, gap, rival) => `${what}: höchster zusätzlicher Wert (${ev}), ${gap} die zweitbeste Aktion ${rival}`,
    ),
    channelCostsMore: m(
      (channel: string) => `${channel} wins back more but costs more than it adds`,
      (channel) => `${CHANNEL_DE[channel] ?? channel} gewinnt mehr zurück, kostet aber mehr, als es einbringt`,
    ),
    offerEarnsLess: m(
      (offer: string) => `${offer} wins back more but earns less per return`,
      (offer) => `${OFFER_DE[offer] ?? offer} gewinnt mehr zurück, bringt aber je Rückkehr weniger ein`,
    ),
    head: m(
      'offer × channel compared (incremental expected value today, p_winback; * = chosen):',
      'Angebot × Kanal verglichen (zusätzlicher erwarteter Wert heute, p_winback; * = gewählt):',
    ),
    offerColumn: m('offer', 'Angebot'),
    why: m((why: string) => `why: ${why}`, (why) => `warum: ${why}`),
    none: m((why: string) => `offer × channel: ${why}`, (why) => `Angebot × Kanal: ${why}`),
    permission: m((verdict: string) => `permission: ${verdict}`, (verdict) => `Erlaubnis: ${verdict}`),
    yes: m('yes', 'ja'),
    no: m((why: string) => `no (${why})`, (why) => `nein (${why})`),
    notPermitted: m('not permitted', 'nicht erlaubt'),
    /** a channel closed at another customer's objector point: the block and the objector's line */
    objectorLine: m((why: string, line: number) => `${why}, the customer on line ${line}`, (why, line) => `${why}, Kunde in Zeile ${line}`),
  },
  /** The budget line of plan and campaign and --budget's usage errors (the over-budget decision_reason is value.overBudget) (budget.ts, pipeline/plan-budget.ts). */
  budget: {
    line: m(
      (amount: string, contacts: string, spent: string, value: string, leftOut: string, next: string) =>
        `budget ${amount}: ${contacts} contacts, ${spent} spent, expected incremental value ${value}; ${leftOut} contacts worth making left out; ${next}\n`,
      (amount, contacts, spent, value, leftOut, next) =>
        `Budget ${amount}: ${contacts} Kontakte, ${spent} ausgegeben, erwarteter Mehrwert ${value}; ${leftOut} lohnende Kontakte außerhalb; ${next}\n`,
    ),
    allFit: m('every contact worth making fits', 'jeder lohnende Kontakt ist im Budget'),
    next: m(
      (symbol: string, ratio: string, id: string, offer: string, channel: string, from: { offer: string; channel: string } | null) =>
        `the next ${symbol}1 would buy ${symbol}${ratio} (${id}: ${offer} by ${channel}${from === null ? '' : `, instead of ${from.offer} by ${from.channel}`})`,
      (symbol, ratio, id, offer, channel, from) =>
        `der nächste ${unitWord(symbol)} brächte ${ratio}\u00a0${symbol.trim()} (${id}: ${OFFER_DE[offer] ?? offer} per ${CHANNEL_DE[channel] ?? channel}${from === null ? '' : `, statt ${OFFER_DE[from.offer] ?? from.offer} per ${CHANNEL_DE[from.channel] ?? from.channel}`})`,
    ),
    cheaperAction: m(
      (offer: string, channel: string, value: string, ratio: string, symbol: string, best: string, bestValue: string) =>
        `within the budget: ${offer} by ${channel} (${value}, ${ratio} per ${symbol}1 of cost) instead of the dearer ${best} (${bestValue}): the money buys more elsewhere`,
      (offer, channel, value, ratio, symbol, best, bestValue) =>
        `im Budget: ${OFFER_DE[offer] ?? offer} per ${CHANNEL_DE[channel] ?? channel} (${value}, ${ratio}\u00a0${symbol.trim()} je ${unitWord(symbol)} Kosten) statt der teureren Aktion ${best} (${bestValue}): das Geld bringt anderswo mehr`,
    ),
    notPositive: m((text: string) => `--budget '${text}' is not a positive amount`, (text) => `--budget '${text}' ist kein positiver Betrag`),
    notPositiveHint: m('e.g. --budget 50000 (currency units, no thousands separators)', 'z. B. --budget 50000 (Währungseinheiten, ohne Tausendertrennzeichen)'),
    ambiguous: m(
      (text: string) => `--budget '${text}' is ambiguous: a thousands separator or a decimal mark`,
      (text) => `--budget '${text}' ist mehrdeutig: Tausendertrennzeichen oder Dezimalzeichen`,
    ),
    ambiguousHint: m(
      (thousands: string, decimal: string) => `write --budget ${thousands} for the thousands, or --budget ${decimal} for the decimal`,
      (thousands, decimal) => `für Tausend --budget ${thousands} schreiben, für das Dezimalzeichen --budget ${decimal}`,
    ),
    stdin: m((flag: string) => `${flag} needs a file, not stdin`, (flag) => `${flag} braucht eine Datei, nicht die Standardeingabe`),
    stdinHint: m(
      'the export is read twice: once to rank the contacts, once to plan them',
      'der Export wird zweimal gelesen: einmal, um die Kontakte zu ordnen, einmal, um sie zu planen',
    ),
  },
  /** plan --capacity: the over-capacity decision_reason, the lesser action's offer_reason, the run's capacity line (budget.ts, domain/plan/plan.ts, pipeline/plan-budget.ts). */
  capacity: {
    overCapacity: OVER_CAPACITY,
    lesserAction: m(
      (offer: string, channel: string, value: string, full: string, places: number, best: string, bestValue: string) =>
        `within capacity: ${offer} by ${channel} (${value}) instead of ${best} (${bestValue}): the ${places} places on ${full} go to contacts worth more there`,
      (offer, channel, value, full, places, best, bestValue) =>
        `innerhalb der Kapazität: ${OFFER_DE[offer] ?? offer} per ${CHANNEL_DE[channel] ?? channel} (${value}) statt ${best} (${bestValue}): die ${places} Plätze für ${CHANNEL_DE[full] ?? full} gehen an Kontakte, die dort mehr bringen`,
    ),
    line: m(
      (caps: string, used: string, lesser: string, over: string) =>
        `capacity ${caps}: contacts ${used}; ${lesser} given a lesser action on a channel with room, ${over} over capacity (let go)\n`,
      (caps, used, lesser, over) =>
        `Kapazität ${caps}: Kontakte ${used}; ${lesser} mit einer geringeren Aktion auf einem Kanal mit Platz, ${over} über der Kapazität (ziehen gelassen)\n`,
    ),
  },
  /** timing_rule of plan.csv (timing.ts). */
  timing: {
    soon: m('soon after churn', 'bald nach der Kündigung'),
    later: m('after some time', 'nach einiger Zeit'),
    fixUnknown: m('fix date unknown', 'Datum der Behebung unbekannt'),
    noChurnDate: m((label: string) => `${label}; no churn date, from as-of`, (label) => `${label}; kein Kündigungsdatum, ab Stichtag`),
    afterChurn: m((label: string, days: number) => `${label}: ${days} days after churn`, (label, days) => `${label}: ${days} Tage nach der Kündigung`),
    afterFix: m((day: string) => `after the fix of ${day}`, (day) => `nach der Behebung am ${day}`),
    missed: m((rule: string) => `${rule}; planned window missed, from as-of`, (rule) => `${rule}; geplantes Fenster verpasst, ab Stichtag`),
    contractUnknown: m('competitor contract end and churn date unknown, from as-of', 'Vertragsende beim Wettbewerber und Kündigungsdatum unbekannt, ab Stichtag'),
    beforeContractEnd: m(
      (leadDays: number, assumedMonths: number | undefined, end: string, termsLater: number) =>
        `${leadDays} days before ${assumedMonths === undefined ? 'competitor contract' : `assumed ${assumedMonths}-month competitor contract`} ends ${end}` +
        (termsLater > 0 ? `; earlier window missed, renewal ${termsLater} term${termsLater === 1 ? '' : 's'} later` : ''),
      (leadDays, assumedMonths, end, termsLater) =>
        `${leadDays} Tage vor Ende des ${assumedMonths === undefined ? 'Vertrags beim Wettbewerber' : `angenommenen ${assumedMonths}-Monats-Vertrags beim Wettbewerber`} am ${end}` +
        (termsLater > 0 ? `; früheres Fenster verpasst, Verlängerung ${termsLater} ${termsLater === 1 ? 'Laufzeit' : 'Laufzeiten'} später` : ''),
    ),
    declinedPause: m(
      (rule: string, months: number, day: string) => `${rule}; declined an offer on ${day}: left alone for ${months} months`,
      (rule, months, day) => `${rule}; hat am ${day} ein Angebot abgelehnt: ${months} Monate in Ruhe gelassen`,
    ),
    retention: m((afterDays: number) => `retention: ${afterDays === 0 ? 'from the as-of date' : `${afterDays} days after the as-of date`}, before the customer is gone`, (afterDays) => `Kundenbindung: ${afterDays === 0 ? 'ab Stichtag' : `${afterDays} Tage nach dem Stichtag`}, bevor der Kunde weg ist`),
  },
  /** The plan command's terminal summary and warnings (commands/plan.ts, io/plan/render.ts). */
  plan: {
    fixAwaited: m(
      (reason: string) => `${reason}: no contact window until the fix is confirmed (plan.qualityFixedFrom in the config for quality, or the reason's timing.fixedFrom in the playbook)`,
      (reason) => `${reason}: kein Kontaktfenster, bis die Behebung bestätigt ist (plan.qualityFixedFrom in der Konfiguration für Qualität, oder timing.fixedFrom des Grundes im Playbook)`,
    ),
    changedWhileReread: m(
      (label: string) => `${label} changed while it was read again (a later reading decides duplicate customer ids and contact points shared with customers who objected)`,
      (label) => `${label} hat sich geändert, während die Datei erneut gelesen wurde (ein weiteres Lesen entscheidet über doppelte Kundennummern und Kontaktpunkte, die Kunden mit Widerspruch teilen)`,
    ),
    changedWhileRereadHint: m('run again once the export is written completely', 'erneut ausführen, sobald der Export vollständig geschrieben ist'),
    head: m(
      (read: string, accepted: string, rejected: string, asOf: string) => `${read} rows read = ${accepted} planned + ${rejected} rejected (as of ${asOf})`,
      (read, accepted, rejected, asOf) => `${read} Zeilen gelesen = ${accepted} geplant + ${rejected} abgelehnt (Stichtag ${asOf})`,
    ),
    columns: m(
      ['reason', 'rows', 'win', 'review', 'no chan', 'let go', 'never', 'at stake', 'expected'],
      ['Grund', 'Zeilen', 'zurück', 'prüfen', 'k. Kanal', 'lassen', 'nie', 'im Risiko', 'erwartet'],
    ),
    total: m('total', 'gesamt'),
    written: m((dir: string) => `written: ${dir}/plan.csv, rejects.csv, summary.json`, (dir) => `geschrieben: ${dir}/plan.csv, rejects.csv, summary.json`),
    defaultMargins: m((rows: number, pct: string) => `${rowsEn(rows)} without margin: default ${pct} % used`, (rows, pct) => `${rowsDe(rows)} ohne Marge: Standardwert ${pct} % verwendet`),
    unknownReasons: m((rows: number) => `${rowsEn(rows)} with an unknown reason: see winback reasons for the texts`, (rows) => `${rowsDe(rows)} mit unbekanntem Grund: winback reasons zeigt die Texte`),
    rowWarnings: m((rows: number) => `${rowsEn(rows)} with unclear values (see the warnings column of plan.csv)`, (rows) => `${rowsDe(rows)} mit unklaren Werten (Spalte warnings in plan.csv)`),
    /** the same, in a report on the export itself: no plan.csv to look in */
    rowWarningsExport: m((rows: number) => `${rowsEn(rows)} with unclear values (winback plan names them in the warnings column of plan.csv)`, (rows) => `${rowsDe(rows)} mit unklaren Werten (winback plan nennt sie in plan.csv)`),
    outRequired: m('--out DIR is required', '--out VERZEICHNIS fehlt'),
    outRequiredHint: m('e.g. winback plan export.csv --out out/plan', 'z. B. winback plan export.csv --out out/plan'),
    offerDepth: m(
      (offer: string, give: string, max: string, reasons: string) => `offer '${offer}' gives away ${give} % of margin, more than plan.maxDiscount ${max} %; planned for ${reasons}`,
      (offer, give, max, reasons) => `das Angebot '${offer}' gibt ${dec(give)} % der Marge ab, mehr als plan.maxDiscount ${dec(max)} %; geplant für ${reasons}`,
    ),
  },
  /** The campaign command's summary line, excluded.csv's detail and its warnings. */
  campaign: {
    line: m(
      (id: string, asOf: string, read: string, accepted: string, rejected: string, lists: string, excluded: string, appended: string) =>
        `campaign ${id} (as of ${asOf}): ${read} rows = ${accepted} accepted + ${rejected} rejected; lists: ${lists}; excluded: ${excluded}; ledger +${appended}`,
      (id, asOf, read, accepted, rejected, lists, excluded, appended) =>
        `Kampagne ${id} (Stichtag ${asOf}): ${read} Zeilen = ${accepted} angenommen + ${rejected} abgelehnt; Listen: ${lists}; ausgeschlossen: ${excluded}; Kontaktbuch +${appended}`,
    ),
    none: m('none', 'keine'),
    suppressed: m('on the suppression list', 'auf der Sperrliste'),
    notReasonChannel: m('not the reason’s channel', 'nicht der Kanal dieses Grundes'),
    serialDefector: m('won back before and left again', 'schon einmal zurückgewonnen und wieder gegangen'),
    returned: m((day: string) => `came back on ${day} (outcomes): a customer again, not a win-back candidate`, (day) => `am ${day} zurückgekommen (Rückkehrer-Datei): wieder Kunde, kein Fall für die Rückgewinnung`),
    notPermitted: m((channel: string | null) => `${channel ?? 'no channel'}: not permitted`, (channel) => `${channel === null ? 'kein Kanal' : (CHANNEL_DE[channel] ?? channel)}: nicht erlaubt`),
    maxAttempts: m((n: number) => `${n} attempts reached`, (n) => `${n} Versuche erreicht`),
    tooSoon: m((days: number) => `contacted less than ${days} days ago`, (days) => `vor weniger als ${days} Tagen kontaktiert`),
    windowOpens: m((wave: string) => `window opens ${wave}`, (wave) => `Fenster öffnet ${wave}`),
    noWindow: m('no contact window', 'kein Kontaktfenster'),
    pauseEnds: m((day: string) => `the pause after a declined offer ends on ${day}, after this run's day`, (day) => `die Pause nach einem abgelehnten Angebot endet am ${day}, nach dem Tag dieses Laufs`),
    control: m('held out as control group', 'als Kontrollgruppe zurückgehalten'),
    overCapacity: m((channel: string) => `capacity of ${channel} reached`, (channel) => `Kapazität für ${CHANNEL_DE[channel] ?? channel} erreicht`),
    sharedContact: m(
      (channel: string, holder: number) => `same ${channel === 'email' ? 'e-mail address' : 'phone number'} as the customer at priority ${holder}`,
      (channel, holder) => `${channel === 'email' ? 'dieselbe E-Mail-Adresse' : 'dieselbe Telefonnummer'} wie der Kunde mit Priorität ${holder}`,
    ),
    objectorContact: m(
      (channel: string, objector: string) => `same ${channel === 'email' ? 'e-mail address' : channel === 'post' ? 'name and postal address' : 'phone number'} as customer ${objector}, who objected to being contacted`,
      (channel, objector) => `${channel === 'email' ? 'dieselbe E-Mail-Adresse' : channel === 'post' ? 'derselbe Name und dieselbe Postanschrift' : 'dieselbe Telefonnummer'} wie Kunde ${objector}, der der Ansprache widersprochen hat`,
    ),
    controlsUnheld: m(
      (n: number) => `the ledger holds ${n} customers held out as controls by earlier runs; without --holdout they may be listed now, and results can no longer compare those contacted with them; give --holdout as before to keep them out`,
      (n) => `das Kontaktbuch enthält ${n} Kunden, die frühere Läufe als Kontrollgruppe zurückgehalten haben; ohne --holdout können sie jetzt auf den Listen stehen, und results kann die Angesprochenen nicht mehr mit ihnen vergleichen; --holdout wie bisher angeben, um sie weiter zurückzuhalten`,
    ),
    noLedger: m(
      'no --ledger: pacing is off (earlier contacts are not known, so the lists may contact people again, and this run is not recorded); give --ledger FILE',
      'kein --ledger: keine Taktung (frühere Kontakte sind unbekannt, die Listen können also dieselben Kunden erneut ansprechen, und dieser Lauf wird nicht festgehalten); --ledger DATEI angeben',
    ),
    fewerRows: m(
      (rows: number, before: number, dir: string) =>
        `this export has ${rows} rows, the previous run's (--previous ${dir}) had ${before}: an export cut short? Customers missing from it are missing from this week's lists`,
      (rows, before, dir) =>
        `dieser Export hat ${rows} Zeilen, der des vorigen Laufs (--previous ${dir}) hatte ${before}: ein abgeschnittener Export? Wer darin fehlt, fehlt in den Listen dieser Woche`,
    ),
    previousMissing: m((dir: string) => `--previous ${dir} does not exist yet; no changes.csv this time`, (dir) => `--previous ${dir} gibt es noch nicht; diesmal keine changes.csv`),
    unclearConsent: m(
      (n: number) => `${n} customers with unclear consent or objection values (read as no consent / objection)`,
      (n) => `${n} Kunden mit unklaren Werten bei Einwilligung oder Widerspruch (als keine Einwilligung / Widerspruch gelesen)`,
    ),
    retentionLists: m((lists: string) => `; retention: ${lists}`, (lists) => `; Kundenbindung: ${lists}`),
    // --suppress and --previous (io/suppression-file.ts, io/campaign-output.ts).
    suppressLine: m((path: string, line: number, error: string) => `--suppress ${path}, line ${line}: ${error}`, (path, line, error) => `--suppress ${path}, Zeile ${line}: ${error}`),
    suppressIdColumn: m(
      (path: string, header: string) => `--suppress ${path}: the column '${header}' looks like customer numbers, but no field reads it, and a suppression list must be read completely`,
      (path, header) => `--suppress ${path}: die Spalte '${header}' sieht nach Kundennummern aus, wird aber von keinem Feld gelesen, und eine Sperrliste muss vollständig gelesen werden`,
    ),
    suppressIdColumnHint: m(
      (header: string) => `name the column customer_id (or remove it from the list) and run again: '${header}' → customer_id`,
      (header) => `die Spalte customer_id nennen (oder aus der Liste entfernen) und erneut ausführen: '${header}' → customer_id`,
    ),
    suppressColumnsHint: m(
      'name a column of the list customer_id, email or phone and run again (a suppression list is read by its own headers: --map names the export\'s columns, not the list\'s)',
      'eine Spalte der Liste customer_id, email oder phone nennen und erneut ausführen (eine Sperrliste wird nach ihren eigenen Überschriften gelesen: --map benennt die Spalten des Exports, nicht die der Liste)',
    ),
    suppressLineHint: m(
      'a suppression list must be read completely; fix the line and run again',
      'eine Sperrliste muss vollständig gelesen werden; die Zeile korrigieren und erneut ausführen',
    ),
    previousUnreadable: m(
      (dir: string, name: string, why: string) => `--previous ${dir}: ${name} cannot be read (${why})`,
      (dir, name, why) => `--previous ${dir}: ${name} kann nicht gelesen werden (${why})`,
    ),
    previousNoLists: m((dir: string) => `--previous ${dir} holds no campaign lists`, (dir) => `--previous ${dir} enthält keine Kampagnenlisten`),
    previousHint: m(
      'point --previous at the output directory of an earlier campaign run',
      '--previous auf das Ausgabeverzeichnis eines früheren Kampagnenlaufs zeigen lassen',
    ),
    // --outcomes: the serial-defector guard (commands/campaign/serial.ts).
    outcomesRejected: m((n: number) => `${n} rows of the outcomes file rejected`, (n) => `${n} Zeilen der Ergebnisdatei abgelehnt`),
    outcomeRejected: m(
      (line: number, column: string) => `line ${line} of the outcomes file (this customer's return) was rejected (${column}): whether the customer came back is not known — a person decides; correct that line and run again`,
      (line, column) => `Zeile ${line} der Ergebnisdatei (die Rückkehr dieses Kunden) wurde abgelehnt (${column}): ob der Kunde zurückgekommen ist, ist unbekannt — eine Person entscheidet; diese Zeile korrigieren und erneut ausführen`,
    ),
    outcomeRejectLine: m(
      (file: string, line: number, column: string, value: string, error: string) => `${file}, line ${line}, ${column} '${value}': ${error}`,
      (file, line, column, value, error) => `${file}, Zeile ${line}, ${column} '${value}': ${error}`,
    ),
    serialDefectors: m(
      (n: number, mode: string) =>
        `${n} serial defectors (won back before, left again): ${({ exclude: 'excluded (serial_defector)', cap: 'planned without discounts or incentives' } as Record<string, string>)[mode] ?? 'flagged only (campaign.serialDefectors: flag)'}`,
      (n, mode) =>
        `${n} Mehrfachabwanderer (schon einmal zurückgewonnen, wieder gegangen): ${({ exclude: 'ausgeschlossen (serial_defector)', cap: 'ohne Rabatte und Anreize geplant' } as Record<string, string>)[mode] ?? 'nur markiert (campaign.serialDefectors: flag)'}`,
    ),
    // A run that died while it committed, settled by the next run (commands/campaign/ledger.ts, io/ledger/state.ts).
    interrupted: m(
      (runId: string, out: string, completed: boolean, lost: string) =>
        `run ${runId} into ${out} was interrupted while it committed; ${completed ? 'completed it (its ledger entries were written)' : 'rolled it back (its ledger entries removed, its temporary outputs deleted)'}${lost === '' ? '' : `; outputs ${lost} of that run were lost; its ledger entries were removed`}`,
      (runId, out, completed, lost) =>
        `der Lauf ${runId} nach ${out} wurde beim Festschreiben unterbrochen; ${completed ? 'jetzt abgeschlossen (seine Einträge im Kontaktbuch sind geschrieben)' : 'jetzt zurückgenommen (seine Einträge im Kontaktbuch entfernt, seine vorläufigen Ausgaben gelöscht)'}${lost === '' ? '' : `; die Ausgaben ${lost} dieses Laufs gingen verloren, seine Einträge im Kontaktbuch wurden entfernt`}`,
    ),
    interruptedLedgerChanged: m(
      (runId: string, ledger: string, size: number, before: number, after: number) =>
        `run ${runId} was interrupted while it committed, and ledger ${ledger} has changed since (${size} bytes; ${before} before that run, ${after} after it)`,
      (runId, ledger, size, before, after) =>
        `der Lauf ${runId} wurde beim Festschreiben unterbrochen, und das Kontaktbuch ${ledger} hat sich seitdem geändert (${size} Bytes; ${before} vor diesem Lauf, ${after} danach)`,
    ),
    committedStateHint: m(
      (state: string) => `the lists and the ledger of this run are committed; only its record in ${state} could not be written, and the next run completes it (free the space first)`,
      (state) => `die Listen und das Kontaktbuch dieses Laufs sind festgeschrieben; nur sein Vermerk in ${state} konnte nicht geschrieben werden, der nächste Lauf holt ihn nach (vorher Platz schaffen)`,
    ),
    committedHint: m(
      (out: string) => `the ledger holds this run's entries; the next run with this ledger or into ${out} puts the remaining outputs in place`,
      (out) => `das Kontaktbuch enthält die Einträge dieses Laufs; der nächste Lauf mit diesem Kontaktbuch oder nach ${out} legt die übrigen Ausgaben an ihren Platz`,
    ),
    interruptedDryRun: m(
      (runId: string, out: string) => `run ${runId} into ${out} was interrupted while it committed; a dry run leaves it as it is (the next run without --dry-run completes it or rolls it back)`,
      (runId, out) => `der Lauf ${runId} nach ${out} wurde beim Festschreiben unterbrochen; ein Probelauf lässt ihn, wie er ist (der nächste Lauf ohne --dry-run schließt ihn ab oder nimmt ihn zurück)`,
    ),
    interruptedLedgerChangedHint: m(
      'check the ledger by hand; to go on with it as it is, run again with --force',
      'das Kontaktbuch von Hand prüfen; um mit ihm weiterzumachen, wie es ist, mit --force erneut ausführen',
    ),
  },
  /**
   * The ledger's guard against contacting people again (domain/campaign/ledger-guard.ts) and its lock
   * (io/lock.ts), handed on as keys. `going`: why a run goes on despite a problem ('' when it stops).
   */
  ledger: {
    /** the last run's summary records its contacts in another ledger than this run's (commands/campaign/ledger.ts) */
    elsewhere: m(
      (path: string, entries: number, other: string, had: number, source: string, going: Going) =>
        `${path === '' ? 'this run has no --ledger' : `ledger ${path} ${entries === 0 ? 'has no entries (empty, header only or missing)' : entries === 1 ? 'has 1 entry' : `has ${entries} entries`}`}, but ${source} records the last run's contacts in ledger ${other} (${had === 1 ? '1 entry' : `${had} entries`}): the customers contacted there would be contacted again${GOING_EN[going]}`,
      (path, entries, other, had, source, going) =>
        `${path === '' ? 'dieser Lauf hat kein --ledger' : `das Kontaktbuch ${path} ${entries === 0 ? 'hat keine Einträge (leer, nur Kopfzeile oder fehlend)' : entries === 1 ? 'hat 1 Eintrag' : `hat ${entries} Einträge`}`}, aber ${source} hält die Kontakte des letzten Laufs im Kontaktbuch ${other} fest (${had === 1 ? '1 Eintrag' : `${had} Einträge`}): die dort angesprochenen Kunden würden erneut angesprochen${GOING_DE[going]}`,
    ),
    elsewhereHint: m(
      'pass the ledger the last run wrote (--ledger with that path; a relative path counts from the folder the command runs in); to start a new ledger on purpose, run again with --force',
      'das Kontaktbuch angeben, das der letzte Lauf schrieb (--ledger mit diesem Pfad; ein relativer Pfad gilt ab dem Ordner, in dem der Befehl läuft); um absichtlich ein neues Kontaktbuch zu beginnen, mit --force erneut ausführen',
    ),
    shrunk: m(
      (path: string, entries: number, had: number, runId: string, campaignId: string, source: string, going: Going) =>
        `ledger ${path} ${entries === 0 ? 'has no entries (empty, header only or missing)' : `has ${entries} entries`} but had ${had} after ${runId ? `run ${runId}` : 'the last run'}${campaignId ? ` (campaign ${campaignId})` : ''}, as ${source} records: the customers of the missing lines would be contacted again${GOING_EN[going]}`,
      (path, entries, had, runId, campaignId, source, going) =>
        `das Kontaktbuch ${path} ${entries === 0 ? 'hat keine Einträge (leer, nur Kopfzeile oder fehlend)' : `hat ${entries} Einträge`}, hatte aber ${had} nach ${runId ? `dem Lauf ${runId}` : 'dem letzten Lauf'}${campaignId ? ` (Kampagne ${campaignId})` : ''}, wie ${source} festhält: die Kunden der fehlenden Zeilen würden erneut angesprochen${GOING_DE[going]}`,
    ),
    shrunkHint: m(
      'restore the ledger from a backup; if the lines were removed on purpose, run again with --force',
      'das Kontaktbuch aus einer Sicherung wiederherstellen; wurden die Zeilen absichtlich entfernt, mit --force erneut ausführen',
    ),
    edited: m(
      (path: string, bytes: number, going: Going) =>
        `ledger ${path} was edited since the last run (its first ${bytes} bytes changed): a date moved back or an id changed would contact people again${GOING_EN[going]}`,
      (path, bytes, going) =>
        `das Kontaktbuch ${path} wurde seit dem letzten Lauf bearbeitet (seine ersten ${bytes} Bytes haben sich geändert): ein vorverlegtes Datum oder eine geänderte Kundennummer würde Kunden erneut ansprechen${GOING_DE[going]}`,
    ),
    editedHint: m(
      'restore the ledger from a backup; if the edit is right (a typo fixed), run again with --force',
      'das Kontaktbuch aus einer Sicherung wiederherstellen; ist die Änderung richtig (ein Tippfehler behoben), mit --force erneut ausführen',
    ),
    future: m(
      (path: string, line: number, date: string, today: string, going: Going) =>
        `ledger ${path} line ${line}, column campaign_date: ${date} is in the future (today is ${today}); that contact is not counted until then${GOING_EN[going]}`,
      (path, line, date, today, going) =>
        `Kontaktbuch ${path} Zeile ${line}, Spalte campaign_date: ${formatIsoText(date, 'de')} liegt in der Zukunft (heute ist der ${formatIsoText(today, 'de')}); dieser Kontakt zählt erst ab dann${GOING_DE[going]}`,
    ),
    futureHint: m('correct the date in the ledger (a typo?); to run anyway, add --force', 'das Datum im Kontaktbuch korrigieren (ein Tippfehler?); um trotzdem zu laufen, --force angeben'),
    asOfFuture: m(
      (asOf: string, days: number, today: string, going: Going) =>
        `--as-of ${asOf} is ${days} days after today (${today}): the run would record its contacts as made then, and the next run would list everyone contacted since again (a typo?)${GOING_EN[going]}`,
      (asOf, days, today, going) =>
        `--as-of ${formatIsoText(asOf, 'de')} liegt ${days} Tage nach heute (${formatIsoText(today, 'de')}): der Lauf würde seine Kontakte mit diesem Datum eintragen, und der nächste Lauf setzte alle seitdem Angesprochenen erneut auf die Listen (ein Tippfehler?)${GOING_DE[going]}`,
    ),
    asOfFutureHint: m(
      'give the day of the run (or leave --as-of out); to prepare a later campaign without touching the ledger, add --dry-run; to append anyway, add --force',
      'den Tag des Laufs angeben (oder --as-of weglassen); um eine spätere Kampagne ohne Änderung des Kontaktbuchs vorzubereiten, --dry-run angeben; um trotzdem anzuhängen, --force angeben',
    ),
    beforeLatest: m(
      (asOf: string, date: string, campaignId: string, line: number, going: Going) =>
        `--as-of ${asOf} is before the ledger's latest contact (${date}, campaign ${campaignId}, line ${line}): the customers contacted since would be listed again${GOING_EN[going]}`,
      (asOf, date, campaignId, line, going) =>
        `--as-of ${formatIsoText(asOf, 'de')} liegt vor dem letzten Kontakt im Kontaktbuch (${formatIsoText(date, 'de')}, Kampagne ${campaignId}, Zeile ${line}): die seitdem angesprochenen Kunden kämen erneut auf die Listen${GOING_DE[going]}`,
    ),
    beforeLatestHint: m(
      'run with --as-of today (or leave it out); to replay an earlier week without touching the ledger, add --dry-run; to append anyway, add --force',
      'mit --as-of heute ausführen (oder weglassen); um eine frühere Woche ohne Änderung des Kontaktbuchs nachzuspielen, --dry-run angeben; um trotzdem anzuhängen, --force angeben',
    ),
    locked: m(
      (target: string, lockPath: string, ageSeconds: number | null) =>
        `${target} is locked: another winback run is in progress (lock ${lockPath}${ageSeconds === null ? '' : `, last refreshed ${ageSeconds} s ago`})`,
      (target, lockPath, ageSeconds) =>
        `${target} ist gesperrt: ein anderer Lauf von winback ist im Gang (Sperre ${lockPath}${ageSeconds === null ? '' : `, zuletzt vor ${ageSeconds} s erneuert`})`,
    ),
    lockedHint: m(
      (staleSeconds: number, lockPath: string) =>
        `wait for that run to finish and try again; a lock left by a killed run is taken over once it is ${staleSeconds} s old; if you are sure no winback run is active, remove ${lockPath}`,
      (staleSeconds, lockPath) =>
        `warten, bis dieser Lauf fertig ist, und erneut versuchen; die Sperre eines abgebrochenen Laufs wird übernommen, sobald sie ${staleSeconds} s alt ist; läuft sicher kein winback, ${lockPath} löschen`,
    ),
    lockLost: m(
      (target: string, cause: string) => `lost the lock on ${target} during the run (${cause}); another run may have taken it over`,
      (target, cause) => `die Sperre auf ${target} ging während des Laufs verloren (${cause}); ein anderer Lauf hat sie vielleicht übernommen`,
    ),
    // The ledger file itself (io/ledger/scan.ts, io/ledger/ledger.ts); `where` is a line, or a line and column.
    corrupt: m(
      (path: string, line: number, column: string, problem: LedgerProblem, a: string, b: string) =>
        `ledger ${path} is corrupt ${problem === 'utf8' ? 'near' : 'at'} line ${line}${column === '' ? '' : `, column ${column}`}: ${(LEDGER_PROBLEM_EN[problem] ?? (() => problem))(a, b)}`,
      (path, line, column, problem, a, b) =>
        `das Kontaktbuch ${path} ist beschädigt ${problem === 'utf8' ? 'um' : 'in'} Zeile ${line}${column === '' ? '' : `, Spalte ${column}`}: ${(LEDGER_PROBLEM_DE[problem] ?? (() => problem))(a, b)}`,
    ),
    corruptHint: m(
      'the ledger is append-only and was not changed: fix or remove the bad line by hand, then run again',
      'das Kontaktbuch wird nur ergänzt und wurde nicht verändert: die fehlerhafte Zeile von Hand korrigieren oder entfernen, dann erneut ausführen',
    ),
    isDirectory: m((path: string) => `ledger ${path} is a directory, not a ledger file`, (path) => `das Kontaktbuch ${path} ist ein Verzeichnis, keine Datei`),
    isDirectoryHint: m('give --ledger the path of a file (it is created on the first run)', '--ledger den Pfad einer Datei geben (sie wird beim ersten Lauf angelegt)'),
    unreadable: m((path: string, why: string) => `ledger ${path} cannot be read (${why})`, (path, why) => `das Kontaktbuch ${path} kann nicht gelesen werden (${why})`),
    unreadableHint: m('check the file permissions', 'die Dateirechte prüfen'),
    readFailed: m((path: string, why: string) => `cannot read ledger ${path}: ${why}`, (path, why) => `das Kontaktbuch ${path} kann nicht gelesen werden: ${why}`),
    notLedger: m((path: string, header: string) => `${path} is not a winback ledger: it does not start with "${header}"`, (path, header) => `${path} ist kein Kontaktbuch von winback: es beginnt nicht mit „${header}“`),
    notLedgerHint: m('choose another --ledger file', 'eine andere Datei für --ledger wählen'),
    changedDuringRun: m(
      (path: string, expected: number, size: number) => `ledger ${path} changed during the run (${expected} bytes when read, ${size} now)`,
      (path, expected, size) => `das Kontaktbuch ${path} hat sich während des Laufs geändert (${expected} Bytes beim Lesen, jetzt ${size})`,
    ),
    changedDuringRunHint: m('another program writes to the ledger: stop it, then run again', 'ein anderes Programm schreibt in das Kontaktbuch: es beenden, dann erneut ausführen'),
    lockLostHint: m(
      'run again; if this repeats, the run is stalling for longer than the stale-lock timeout',
      'erneut ausführen; kommt das wieder vor, stockt der Lauf länger, als eine Sperre gültig bleibt',
    ),
    // <ledger>.state.json and the output directory's .winback-pending.json (io/ledger/state.ts).
    stateNotState: m((path: string) => `${path} is not a winback ledger state`, (path) => `${path} ist keine Zustandsdatei eines Kontaktbuchs von winback`),
    stateUnreadable: m(
      (path: string, code: string) => `${path} cannot be read (${FS_EN[code] ?? code})`,
      (path, code) => `${path} kann nicht gelesen werden (${FS_DE[code] ?? code})`,
    ),
    stateNotJson: m((path: string) => `${path} is not valid JSON`, (path) => `${path} ist kein gültiges JSON`),
    stateHint: m(
      'it is written by winback campaign; if it was damaged, remove it (the ledger itself is intact) and run again',
      'winback campaign schreibt diese Datei; ist sie beschädigt, sie löschen (das Kontaktbuch selbst ist unversehrt) und erneut ausführen',
    ),
    pendingNotRecord: m((path: string) => `${path} is not a record of a winback run`, (path) => `${path} ist kein Protokoll eines Laufs von winback`),
    pendingHint: m('remove it and run again', 'die Datei löschen und erneut ausführen'),
  },
  /** The `why` column of changes.csv (campaign --previous; domain/campaign/campaign.ts). */
  changes: {
    gone: m('no longer in the export', 'nicht mehr im Export'),
    newDue: m('new in the export, contact due', 'neu im Export, Kontakt fällig'),
    newExcluded: m((status: string) => `new in the export (${status})`, (status) => `neu im Export (${EXCLUSION_DE[status] ?? status})`),
    channelChanged: m((channel: string) => `channel changed to ${channel}`, (channel) => `Kanal gewechselt zu ${CHANNEL_DE[channel] ?? channel}`),
    opened: m(
      (before: string) => CHANGE_OPENED_EN[before] ?? `now due (was ${before})`,
      (before) => CHANGE_OPENED_DE[before] ?? `jetzt fällig (vorher ${EXCLUSION_DE[before] ?? before})`,
    ),
    closed: m((after: string) => CHANGE_CLOSED_EN[after] ?? after, (after) => CHANGE_CLOSED_DE[after] ?? EXCLUSION_DE[after] ?? after),
  },
  /** The report's input (io/report/input.ts); the report's own words are in report.ts. */
  report: {
    noInput: m((label: string) => `${label}: no such file or directory`, (label) => `${label}: Datei oder Verzeichnis nicht gefunden`),
    noInputHint: m(
      'give a lost-customer export or the output directory of winback plan or campaign',
      'einen Export verlorener Kunden oder das Ausgabeverzeichnis von winback plan oder campaign angeben',
    ),
    notOutputDir: m((label: string) => `${label} holds neither plan.csv nor campaign lists`, (label) => `${label} enthält weder plan.csv noch Kampagnenlisten`),
    notOutputDirHint: m('run winback plan FILE --out DIR first, or give the export itself', 'zuerst winback plan DATEI --out VERZEICHNIS ausführen, oder den Export selbst angeben'),
    retentionRow: m('Retention (alive but drifting)', 'Kundenbindung (aktiv, aber abwandernd)'),
    resultsPair: m('--ledger and --outcomes go together: the results need both', '--ledger und --outcomes gehören zusammen: die Ergebnisse brauchen beide'),
    resultsHint: m(
      'e.g. winback report export.csv --ledger out/ledger.csv --outcomes returns.csv (or put ledger.csv and outcomes.csv into the output directory)',
      'z. B. winback report export.csv --ledger out/ledger.csv --outcomes rueckkehr.csv (oder ledger.csv und outcomes.csv ins Ausgabeverzeichnis legen)',
    ),
    windowAlone: m('--window needs --ledger and --outcomes', '--window braucht --ledger und --outcomes'),
    // A plan or campaign directory whose files do not fit together (pipeline/report-build.ts).
    notCampaignManifest: m(
      (label: string) => `${label}/summary.json is not the manifest of a campaign run`,
      (label) => `${label}/summary.json ist nicht das Protokoll eines Kampagnenlaufs`,
    ),
    notPlanSummary: m(
      (label: string, missing: string | undefined) => `${label}/summary.json is not the summary of a plan run (${missing ?? 'reasons or as_of'} missing)`,
      (label, missing) => `${label}/summary.json ist nicht die Zusammenfassung eines Plan-Laufs (es fehlt: ${missing ?? 'reasons oder as_of'})`,
    ),
    planMismatch: m(
      (label: string, reason: string | undefined) => `${label}: plan.csv and summary.json do not belong to the same run (${reason === undefined ? 'row count' : `reason ${reason}`} differs)`,
      (label, reason) => `${label}: plan.csv und summary.json gehören nicht zum selben Lauf (${reason === undefined ? 'die Zeilenzahl' : `der Grund ${reason}`} weicht ab)`,
    ),
    notPermissionSettings: m(
      (label: string) => `${label}/summary.json: "permission" is not a set of permission settings`,
      (label) => `${label}/summary.json: „permission“ enthält keine Erlaubnis-Einstellungen`,
    ),
    planAgainHint: m('run winback plan again', 'winback plan erneut ausführen'),
    // plan.csv and the lists of a plan or campaign directory as the report reads them (io/report/input.ts).
    planColumns: m(
      (label: string, columns: string) => `${label}/plan.csv does not end with the plan columns (${columns})`,
      (label, columns) => `${label}/plan.csv endet nicht mit den Spalten eines Plans (${columns})`,
    ),
    planEmpty: m((label: string) => `${label}/plan.csv is empty`, (label) => `${label}/plan.csv ist leer`),
    editedHint: m(
      (command: string) => `run winback ${command} again; the file may have been edited`,
      (command) => `winback ${command} erneut ausführen; die Datei wurde vielleicht bearbeitet`,
    ),
    fileUnreadable: m((file: string) => `${file} cannot be read`, (file) => `${file} kann nicht gelesen werden`),
    csvBroken: m(
      (file: string, line: number, why: string) => `${file} line ${line} cannot be read as CSV; the parser says: "${why}"`,
      (file, line, why) => `${file} Zeile ${line} lässt sich nicht als CSV lesen; Meldung des Parsers: „${why}“`,
    ),
    notNumber: m(
      (file: string, line: number, column: string, text: string) => `${file} line ${line}, column ${column}: '${text}' is not a number`,
      (file, line, column, text) => `${file} Zeile ${line}, Spalte ${column}: '${text}' ist keine Zahl`,
    ),
    unknownDecision: m(
      (file: string, line: number, column: string, decision: string) => `${file} line ${line}, column ${column}: unknown decision '${decision}'`,
      (file, line, column, decision) => `${file} Zeile ${line}, Spalte ${column}: unbekannte Entscheidung '${decision}'`,
    ),
    planAgainEmptyHint: m('run winback plan again into an empty directory', 'winback plan erneut in ein leeres Verzeichnis ausführen'),
    previousMissing: m((label: string) => `--previous ${label}: no such file or directory`, (label) => `--previous ${label}: Datei oder Verzeichnis nicht gefunden`),
    previousNotReport: m(
      (label: string) => `--previous ${label} is not a report saved with winback report --json`,
      (label) => `--previous ${label} ist kein mit winback report --json gespeicherter Bericht`,
    ),
    previousHint: m(
      'give the output directory of an earlier winback plan or campaign run, or a file written by winback report --json',
      'das Ausgabeverzeichnis eines früheren Laufs von winback plan oder campaign angeben, oder eine mit winback report --json geschriebene Datei',
    ),
  },
  /** The worksheet's mark on a decision the consultant changed (domain/worksheet/apply.ts); its other texts are in worksheet.ts. */
  worksheet: {
    choiceCostsMore: m(
      (offer: string, channel: string) => `with the consultant's choice (${offer}, ${channel}) the contact costs more than it is expected to bring back`,
      (offer, channel) => `mit der Wahl des Beraters (${OFFER_DE[offer] ?? offer}, ${CHANNEL_DE[channel] ?? channel}) kostet der Kontakt mehr, als er voraussichtlich einbringt`,
    ),
    chosenOffer: m('chosen by the consultant', 'vom Berater gewählt'),
    plannedDate: m('planned by the consultant', 'vom Berater geplant'),
    plannedDateMoved: m(
      (asked: string, day: string) => `planned by the consultant for ${asked}, moved to ${day}: not before the run's day, the cooling-off after the cancellation or the pause after a declined offer`,
      (asked, day) => `vom Berater für den ${asked} geplant, auf den ${day} verschoben: nicht vor dem Stichtag, der Karenzzeit nach der Kündigung oder der Pause nach einem abgelehnten Angebot`,
    ),
  },
  /** playbook show (commands/playbook.ts). */
  playbook: {
    source: m((source: string) => `source: ${source}`, (source) => `Quelle: ${source === 'default' ? 'eingebautes Playbook' : source}`),
    retentionLabel: m((label: string) => `Retention: ${label}`, (label) => `Kundenbindung: ${label}`),
    retentionCost: m((incentive: number, givePct: number) => `incentive ${incentive}, ${givePct} % of margin`, (incentive, givePct) => `Anreiz ${incentive}, ${givePct} % der Marge`),
    // A reason's timing rule in a few words (the Timing column of playbook show).
    timingSoon: m((wait: number, windowDays: number) => `soon: ${wait} d after churn, for ${windowDays} d`, (wait, windowDays) => `bald: ${wait} T nach Kündigung, ${windowDays} T lang`),
    timingAfterSomeTime: m(
      (wait: number, windowDays: number) => `after some time: ${wait} d after churn, for ${windowDays} d`,
      (wait, windowDays) => `nach einiger Zeit: ${wait} T nach Kündigung, ${windowDays} T lang`,
    ),
    timingBeforeContractEnd: m(
      (leadDays: number, termMonths: number) => `before competitor contract ends: window closes ${leadDays} d before (else ${termMonths}-month term)`,
      (leadDays, termMonths) => `vor Ende des Konkurrenzvertrags: Fenster endet ${leadDays} T davor (sonst ${termMonths} Mon. Laufzeit)`,
    ),
    timingFixUnknown: m((days: number) => `unknown: ${days} d after churn`, (days) => `unbekannt: ${days} T nach Kündigung`),
    timingFixAwaited: m('no contact until a fix date is set', 'kein Kontakt, bis ein Behebungsdatum gesetzt ist'),
    timingAfterFix: m((from: string) => `once fixed (${from})`, (from) => `nach Behebung (${from})`),
    timingNever: m('never', 'nie'),
    retentionTiming: m((afterDays: number, windowDays: number) => `${afterDays} days after as-of, window ${windowDays} days`, (afterDays, windowDays) => `${afterDays} Tage nach Stichtag, Fenster ${windowDays} Tage`),
    initNoFile: m('playbook init needs a file name to write', 'playbook init braucht einen Dateinamen zum Schreiben'),
    initExists: m((file: string) => `${file} already exists`, (file) => `${file} gibt es schon`),
    initExistsHint: m('use --force to overwrite it', 'mit --force überschreiben'),
    initWrote: m(
      (file: string) => `wrote ${file}\nnext: edit it, check it with "winback playbook validate ${file}", use it with --playbook ${file}`,
      (file) => `${file} geschrieben\nweiter: bearbeiten, mit "winback playbook validate ${file} --lang de" prüfen, mit --playbook ${file} verwenden`,
    ),
    valid: m(
      (file: string, reasons: number, offers: number) => `${file}: valid playbook (${reasons} reasons, ${offers} offers)`,
      (file, reasons, offers) => `${file}: gültiges Playbook (${reasons} Gründe, ${offers} Angebote)`,
    ),
    invalid: m(
      (file: string, count: number) => `invalid playbook ${file} (${count} error${count === 1 ? '' : 's'}):`,
      (file, count) => `ungültiges Playbook ${file} (${count} Fehler):`,
    ),
  },
  /** Usage errors of flags and files that plan, campaign, report and worksheet share (cli/options.ts, io/config-file.ts, …). */
  flags: {
    encoding: m((text: string) => `--encoding '${text}' is not supported`, (text) => `--encoding '${text}' wird nicht unterstützt`),
    encodingHint: m('use utf8, utf16le, utf16be, win1252 or latin1', 'utf8, utf16le, utf16be, win1252 oder latin1 angeben'),
    delimiter: m((text: string) => `--delimiter '${text}' must be a single character`, (text) => `--delimiter '${text}' muss ein einzelnes Zeichen sein`),
    delimiterHint: m("use ',', ';', tab or '|'", "',', ';', tab oder '|' angeben"),
    dateFormat: m((text: string) => `--date-format '${text}' is not a known order`, (text) => `--date-format '${text}' ist keine bekannte Reihenfolge`),
    dateFormatHint: m('use dmy (31.03.2024), mdy (3/31/2024) or ymd (2024-03-31)', 'dmy (31.03.2024), mdy (3/31/2024) oder ymd (2024-03-31) angeben'),
    mapShape: m((pair: string) => `--map '${pair}' must look like field=Header`, (pair) => `--map '${pair}' muss die Form Feld=Spaltenüberschrift haben`),
    mapShapeHint: m("e.g. --map churn_date='Datum Kündigung'", "z. B. --map churn_date='Datum Kündigung'"),
    mapField: m((pair: string, field: string) => `--map '${pair}': '${field}' is not a field`, (pair, field) => `--map '${pair}': '${field}' ist kein Feld`),
    mapFieldHint: m((fields: string) => `fields: ${fields}`, (fields) => `Felder: ${fields}`),
    notDate: m((flag: string, text: string) => `${flag} '${text}' is not a valid date`, (flag, text) => `${flag} '${text}' ist kein gültiges Datum`),
    notDateHint: m((flag: string) => `write it as YYYY-MM-DD or DD.MM.YYYY, e.g. ${flag} 2026-11-23`, (flag) => `als JJJJ-MM-TT oder TT.MM.JJJJ schreiben, z. B. ${flag} 2026-11-23`),
    ambiguousDate: m(
      (flag: string, text: string) => `${flag} '${text}' can be read day first or month first`,
      (flag, text) => `${flag} '${text}' lässt sich mit dem Tag oder mit dem Monat zuerst lesen`,
    ),
    notShare: m(
      (flag: string, text: string) => `${flag} '${text}' must be a share between 0 and 1 (or 0% to 100%)`,
      (flag, text) => `${flag} '${text}' muss ein Anteil zwischen 0 und 1 sein (oder 0% bis 100%)`,
    ),
    outlierShare: m(
      (text: string) => `--outlier-share '${text}' is not a percentage above 0 and at most 100`,
      (text) => `--outlier-share '${text}' ist kein Prozentsatz über 0 und höchstens 100`,
    ),
    outlierShareHint: m('give e.g. --outlier-share 10 for 10 %', 'z. B. --outlier-share 10 für 10 % angeben'),
    threads: m((text: string) => `--threads '${text}' is not a whole number from 1 to 64`, (text) => `--threads '${text}' ist keine ganze Zahl von 1 bis 64`),
    threadsHint: m('e.g. --threads 2; --threads 1 plans on the main thread', 'z. B. --threads 2; --threads 1 plant im Hauptthread'),
    parallelMinBytes: m(
      (text: string) => `WINBACK_PARALLEL_MIN_BYTES '${text}' is not a whole number of bytes from 0`,
      (text) => `WINBACK_PARALLEL_MIN_BYTES '${text}' ist keine ganze Zahl von Bytes ab 0`,
    ),
    parallelMinBytesHint: m('unset it for the default (8 MiB); 0 plans every export in UTF-8, Windows-1252 or Latin-1 with workers', 'für den Standard (8 MiB) nicht setzen; 0 plant jeden Export in UTF-8, Windows-1252 oder Latin-1 mit Workern'),
    period: m((text: string) => `--period '${text}' must be a number of days or weeks, e.g. 7d or 2w`, (text) => `--period '${text}' muss eine Zahl von Tagen oder Wochen sein, z. B. 7d oder 2w`),
    capacity: m((part: string) => `--capacity '${part}' must look like channel=number`, (part) => `--capacity '${part}' muss die Form Kanal=Zahl haben`),
    capacityHint: m((channels: string) => `channels: ${channels}; e.g. --capacity phone=50,visit=10`, (channels) => `Kanäle: ${channels}; z. B. --capacity phone=50,visit=10`),
    campaignOut: m('--out DIR is required', '--out VERZEICHNIS fehlt'),
    campaignOutHint: m('e.g. winback campaign export.csv --out out/week --as-of 2026-11-23', 'z. B. winback campaign export.csv --out out/week --as-of 2026-11-23'),
    configMissing: m((path: string) => `config ${path}: no such file`, (path) => `Konfiguration ${path}: Datei nicht gefunden`),
    configUnreadable: m((path: string, code: string) => `config ${path}: cannot be read (${code})`, (path, code) => `Konfiguration ${path}: kann nicht gelesen werden (${code})`),
    configSyntax: m((path: string, why: string) => `config ${path} is not valid YAML/JSON: ${why}`, (path, why) => `Konfiguration ${path} ist kein gültiges YAML/JSON: ${why}`),
    configInvalid: m((path: string, list: string) => `config ${path} is invalid:\n${list}`, (path, list) => `Konfiguration ${path} ist ungültig:\n${list}`),
    configInvalidHint: m('see docs/config.md for every setting and its default', 'docs/config.md beschreibt jede Einstellung und ihren Standardwert'),
    // A setting warned about: its dotted path and the warning (a saved note, worded first).
    configWarning: m((setting: string, text: string) => `config ${setting}: ${text}`, (setting, text) => `Konfiguration ${setting}: ${text}`),
    modelMissing: m((label: string) => `model ${label}: no such file or not readable`, (label) => `Modell ${label}: Datei nicht gefunden oder nicht lesbar`),
    modelMissingHint: m('create one with winback calibrate HISTORY.csv --model-out model.json', 'mit winback calibrate HISTORY.csv --model-out model.json erstellen'),
    modelSyntax: m((label: string, why: string, at?: { line: number; column: number }) => `model ${label} is not valid JSON${at === undefined ? '' : ` at line ${at.line}, column ${at.column}`}: ${why}`, (label, _why, at) => `Modell ${label} ist kein gültiges JSON${at === undefined ? '' : ` (Zeile ${at.line}, Spalte ${at.column})`}`),
    modelInvalid: m((label: string, list: string) => `model ${label} is invalid:\n${list}`, (label, list) => `Modell ${label} ist ungültig:\n${list}`),
    // A warning the model file holds from its calibration (its saved note, worded first), shown by each run that reads it.
    modelWarning: m((label: string, text: string) => `model ${label}: ${text}`, (label, text) => `Modell ${label}: ${text}`),
    listColumnsUnknown: m(
      (names: string) => `--columns: ${names} is not a column of the campaign lists`,
      (names) => `--columns: ${names} ist keine Spalte der Kampagnenlisten`,
    ),
    listColumnsHint: m(
      (valid: string) => `columns (as in the lists' header, in any order): ${valid}`,
      (valid) => `Spalten (wie in der Kopfzeile der Listen, in beliebiger Reihenfolge): ${valid}`,
    ),
    listColumnsNeedId: m('--columns must include customer_id', '--columns muss customer_id enthalten'),
    listColumnsNeedIdHint: m(
      'the lists are matched by customer_id (--previous, report, the ledger); e.g. --columns customer_id,name,phone,contact_person',
      'die Listen werden über customer_id zugeordnet (--previous, report, Kontaktbuch); z. B. --columns customer_id,name,phone,contact_person',
    ),
    listColumnsTwice: m((name: string) => `--columns names ${name} twice`, (name) => `--columns nennt ${name} zweimal`),
    deprecatedFlag: m(
      (old: string, now: string) => `notice: ${old} is now ${now}; the old spelling still works but will be removed`,
      (old, now) => `Hinweis: ${old} heißt jetzt ${now}; die alte Schreibweise geht noch, wird aber entfernt`,
    ),
    renamedTwice: m(
      (old: string, now: string) => `${old} and ${now} are one flag; give ${now} only`,
      (old, now) => `${old} und ${now} sind eine Option; nur ${now} angeben`,
    ),
    renamedTwiceHint: m(
      (old: string, now: string) => `${now} is the new spelling of ${old}`,
      (old, now) => `${now} ist die neue Schreibweise von ${old}`,
    ),
  },
  /** Writing outputs and checking a run's files (io/atomic-write.ts, io/output-dir.ts, io/run-outputs.ts, cli/output-format.ts), handed on as keys. */
  files: {
    /** the end of a workbook cell cut to Excel's limit (io/xlsx/write.ts) */
    cellCut: m((n: number) => `${n} characters cut: see the CSV`, (n) => `${n} Zeichen gekürzt: siehe die CSV-Datei`),
    cannotCreate: m((path: string, code: string, detail: string) => `cannot create or replace ${path}: ${FS_EN[code] ?? detail}`, (path, code, detail) => `${path} kann nicht angelegt oder ersetzt werden: ${FS_DE[code] ?? detail}`),
    cannotCreateHint: m(
      'check that the directory exists and is writable, and that the file there may be replaced (not read-only or immutable)',
      'prüfen, ob das Verzeichnis existiert und beschreibbar ist und ob die Datei dort ersetzt werden darf (nicht schreibgeschützt oder unveränderlich)',
    ),
    notRegularHint: m(
      'an output is written beside its path and renamed over it: name a file, not a device or a pipe',
      'eine Ausgabe wird neben ihren Pfad geschrieben und dann umbenannt: eine Datei angeben, kein Gerät und keine Pipe',
    ),
    cannotWrite: m((path: string, code: string, detail: string) => `cannot write ${path}: ${FS_EN[code] ?? detail}`, (path, code, detail) => `${path} kann nicht geschrieben werden: ${FS_DE[code] ?? detail}`),
    diskFullHint: m('free some disk space and run again', 'Speicherplatz freigeben und erneut ausführen'),
    outputDir: m(
      (label: string, why: 'file' | 'partFile' | 'noParent' | 'code', detail: string) =>
        `cannot create the output directory ${label} (${({ file: 'it is a file', partFile: `${detail} is a file`, noParent: 'no existing parent folder', code: FS_EN[detail] ?? (detail || 'error') })[why]})`,
      (label, why, detail) =>
        `das Ausgabeverzeichnis ${label} kann nicht angelegt werden (${({ file: 'es ist eine Datei', partFile: `${detail} ist eine Datei`, noParent: 'kein vorhandener übergeordneter Ordner', code: FS_DE[detail] ?? (detail || 'Fehler') })[why]})`,
    ),
    outputDirHint: m('choose a folder you can write to', 'einen Ordner wählen, in den geschrieben werden kann'),
    /** an output that is a file the same run reads (io/run-inputs.ts) */
    outputIsInput: m(
      (path: string, input: string) => `${path} is the input ${input}: writing there would replace it, so nothing was written`,
      (path, input) => `${path} ist die Eingabe ${input}: dorthin zu schreiben würde sie ersetzen, daher wurde nichts geschrieben`,
    ),
    outputTwice: m(
      (path: string) => `${path} is named for two outputs: the second would replace the first, so nothing was written`,
      (path) => `${path} ist für zwei Ausgaben angegeben: die zweite würde die erste ersetzen, daher wurde nichts geschrieben`,
    ),
    outputIsInputHint: m('write the output to another file or folder (--out, or the file option)', 'die Ausgabe in eine andere Datei oder einen anderen Ordner schreiben (--out oder die Datei-Option)'),
    outputsNotList: m((label: string) => `${label}/summary.json: "outputs" is not a list of files`, (label) => `${label}/summary.json: „outputs“ ist keine Liste von Dateien`),
    outputsNoSize: m((label: string, name: string) => `${label}/summary.json: "outputs" gives no size for ${name}`, (label, name) => `${label}/summary.json: „outputs“ nennt keine Größe für ${name}`),
    outputChanged: m(
      (label: string, name: string, expected: number, size: number | null) =>
        `${label}/${name} is not the file ${label}/summary.json describes (${expected} bytes; ${size === null ? 'it is missing' : `it has ${size} bytes`})`,
      (label, name, expected, size) =>
        `${label}/${name} ist nicht die Datei, die ${label}/summary.json beschreibt (${expected} Bytes; ${size === null ? 'sie fehlt' : `sie hat ${size} Bytes`})`,
    ),
    outputsHint: m(
      'the file was edited or replaced since the run (saved from a spreadsheet?), or the run was interrupted while it replaced its files: run it again into this directory, and edit copies, not the run\'s files',
      'die Datei wurde seit dem Lauf bearbeitet oder ersetzt (aus einer Tabellenkalkulation gespeichert?), oder der Lauf wurde unterbrochen, während er seine Dateien ersetzte: ihn erneut in dieses Verzeichnis ausführen und Kopien bearbeiten, nicht die Dateien des Laufs',
    ),
    stdoutRefused: m(
      (flag: string, command: string) => `${flag} -: this command writes ${STDOUT_FILES_EN[command] ?? command}, more than the one table stdout can take`,
      (flag, command) => `${flag} -: dieser Befehl schreibt ${STDOUT_FILES_DE[command] ?? command}, mehr als die eine Tabelle, die die Standardausgabe aufnimmt`,
    ),
    stdoutRefusedHint: m((flag: string) => `give ${flag} a directory, e.g. ${flag} out/run`, (flag) => `${flag} ein Verzeichnis geben, z. B. ${flag} out/lauf`),
    summaryMissing: m((label: string) => `${label}/summary.json is missing`, (label) => `${label}/summary.json fehlt`),
    summaryMissingHint: m(
      'the directory must be the complete output of one winback plan or campaign run',
      'das Verzeichnis muss die vollständige Ausgabe eines Laufs von winback plan oder campaign sein',
    ),
    summaryNotObject: m((label: string) => `${label}/summary.json is not a JSON object`, (label) => `${label}/summary.json ist kein JSON-Objekt`),
    summaryNotObjectHint: m('run winback plan again to rewrite it', 'winback plan erneut ausführen, um die Datei neu zu schreiben'),
    // Excel workbooks given as input (io/xlsx/read.ts) and a read that fails midway (io/csv/read.ts).
    readFailed: m((label: string, why: string) => `${label}: read failed (${why})`, (label, why) => `${label}: Lesen fehlgeschlagen (${why})`),
    changedWhileRead: m(
      (label: string, before: number, after: number) =>
        after < 0
          ? `${label} was removed while it was read: nothing was written`
          : `${label} changed while it was read (${before} bytes when opened, ${after} now${before === after ? ', written again' : ''}): its rows may come from two versions, so nothing was written`,
      (label, before, after) =>
        after < 0
          ? `${label} wurde während des Lesens entfernt: nichts wurde geschrieben`
          : `${label} hat sich während des Lesens geändert (${before} Bytes beim Öffnen, jetzt ${after}${before === after ? ', neu geschrieben' : ''}): die Zeilen können aus zwei Fassungen stammen, daher wurde nichts geschrieben`,
    ),
    changedWhileReadHint: m(
      'run again once the export is complete (a CRM still exporting, or a sync writing the file)',
      'erneut ausführen, sobald der Export fertig ist (ein CRM, das noch exportiert, oder ein Abgleich, der die Datei schreibt)',
    ),
    readAgainFailed: m((label: string, why: string) => `${label}: cannot be read again (${why})`, (label, why) => `${label}: kann nicht erneut gelesen werden (${why})`),
    // stdin is copied as it is read, for a second reading when customer ids repeat (io/csv/read.ts).
    stdinCopyFailed: m(
      (dir: string, code: string, detail: string) => `stdin: cannot keep a copy for a second reading in ${dir} (${FS_EN[code] ?? detail})`,
      (dir, code, detail) => `stdin: die Kopie für ein zweites Lesen lässt sich in ${dir} nicht anlegen (${FS_DE[code] ?? detail})`,
    ),
    stdinCopyHint: m(
      'free space in the temporary folder (TMPDIR), or give the export as a file',
      'im temporären Ordner (TMPDIR) Platz schaffen, oder den Export als Datei angeben',
    ),
    // The temporary files a run sorts its lists in (io/sorted-spool.ts).
    spillWrite: m(
      (path: string, code: string, detail: string) => `cannot write the temporary sort file ${path}: ${FS_EN[code] ?? detail}`,
      (path, code, detail) => `die temporäre Sortierdatei ${path} kann nicht geschrieben werden: ${FS_DE[code] ?? detail}`,
    ),
    spillWriteHint: m('check free space in the temp directory (TMPDIR)', 'den freien Speicherplatz im temporären Verzeichnis (TMPDIR) prüfen'),
    spillRead: m(
      (code: string, detail: string) => `cannot read a temporary sort file: ${FS_EN[code] ?? detail}`,
      (code, detail) => `eine temporäre Sortierdatei kann nicht gelesen werden: ${FS_DE[code] ?? detail}`,
    ),
    spillReadHint: m('check the temp directory (TMPDIR)', 'das temporäre Verzeichnis (TMPDIR) prüfen'),
    spillCut: m('a temporary sort file was cut short', 'eine temporäre Sortierdatei wurde abgeschnitten'),
    workbookUnreadable: m(
      (label: string, damage: WorkbookDamage, part: string) => `${label} is not a readable Excel workbook (${(WORKBOOK_DAMAGE_EN[damage] ?? WORKBOOK_DAMAGE_EN.unreadable)(part)})`,
      (label, damage, part) => `${label} ist keine lesbare Excel-Arbeitsmappe (${(WORKBOOK_DAMAGE_DE[damage] ?? WORKBOOK_DAMAGE_DE.unreadable)(part)})`,
    ),
    encryptedHint: m(
      'open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it again, or export it as CSV',
      'in Excel öffnen, das Kennwort entfernen (Datei › Informationen › Arbeitsmappe schützen › Mit Kennwort verschlüsseln) und erneut speichern, oder als CSV exportieren',
    ),
    tooLargeHint: m('export the sheet as CSV (File › Save As › CSV UTF-8): winback reads CSV files of any size', 'das Tabellenblatt als CSV exportieren (Datei › Speichern unter › CSV UTF-8): winback liest CSV-Dateien jeder Größe'),
    workbookEmpty: m((label: string) => `${label}: the workbook holds no worksheet`, (label) => `${label}: die Arbeitsmappe enthält kein Tabellenblatt`),
    saveAgainHint: m('open it in Excel and save it again as .xlsx, or export it as CSV', 'in Excel öffnen und erneut als .xlsx speichern, oder als CSV exportieren'),
    noSheet: m((wanted: string, label: string) => `--sheet '${wanted}': ${label} has no such sheet`, (wanted, label) => `--sheet '${wanted}': ${label} hat kein solches Tabellenblatt`),
    noSheetHint: m((names: string) => `its sheets: ${names}`, (names) => `seine Tabellenblätter: ${names}`),
    xls: m(
      (label: string) => `${label} is an Excel 97–2003 workbook (.xls), which winback does not read`,
      (label) => `${label} ist eine Excel-97–2003-Arbeitsmappe (.xls), die winback nicht liest`,
    ),
    xlsHint: m('open it in Excel and save it as .xlsx (Excel Workbook), or export it as CSV', 'in Excel öffnen und als .xlsx (Excel-Arbeitsmappe) speichern, oder als CSV exportieren'),
    ods: m(
      (label: string) => `${label} is an OpenDocument spreadsheet (.ods), which winback does not read`,
      (label) => `${label} ist eine OpenDocument-Tabelle (.ods), die winback nicht liest`,
    ),
    odsHint: m('save it as .xlsx or CSV (LibreOffice: File › Save As)', 'als .xlsx oder CSV speichern (LibreOffice: Datei › Speichern unter)'),
    format: m((format: string) => `--format '${format}' is not supported`, (format) => `--format '${format}' wird nicht unterstützt`),
    formatHint: m('use --format csv or --format xlsx', '--format csv oder --format xlsx angeben'),
  },
  /** The config file's own checks beyond its schema (defaults.ts, clv/clv.ts), handed on as keys; each follows the setting's path. */
  config: {
    /** a number above its range, as zod's check says it (domain/zod-german.ts words zod's German with it) */
    rangeTooBig: m(
      (inclusive: boolean, bound: string) => `Too big: expected ${inclusive ? 'at most' : 'less than'} ${bound}`,
      (inclusive, bound) => `Zu groß: ${inclusive ? 'höchstens' : 'kleiner als'} ${bound} erwartet`,
    ),
    /** a value of the wrong type (domain/zod-german.ts: zod's German names the value's type in English) */
    invalidOption: m((options: string) => `Invalid value: expected one of ${options}`, (options) => `Ungültiger Wert: erwartet einer von ${options}`),
    invalidType: m((expected: string, got: string) => `Invalid input: expected ${expected}, received ${got}`, (expected, got) => `Ungültige Eingabe: erwartet ${expected}, erhalten ${got}`),
    rangeTooSmall: m(
      (inclusive: boolean, bound: string) => `Too small: expected ${inclusive ? 'at least' : 'more than'} ${bound}`,
      (inclusive, bound) => `Zu klein: ${inclusive ? 'mindestens' : 'größer als'} ${bound} erwartet`,
    ),
    aboveMaxLifetime: m((max: number) => `must not be above maxCustomerLifetimeFactor ${max}`, (max) => `darf nicht über maxCustomerLifetimeFactor ${String(max).replace('.', ',')} liegen`),
    retentionHigh: m('above 0.99 means an expected lifetime of over 100 months', 'über 0,99 bedeutet eine erwartete Kundendauer von mehr als 100 Monaten'),
    weightSign: m(
      (positive: boolean) => `must be ${positive ? 'zero or positive' : 'zero or negative'}`,
      (positive) => `muss ${positive ? 'null oder positiv' : 'null oder negativ'} sein`,
    ),
    capBelow: m((reference: number) => `must not be below the reference ${reference}`, (reference) => `darf nicht unter dem Referenzwert ${String(reference).replace('.', ',')} liegen`),
    unknownSetting: m('unknown setting, ignored', 'unbekannte Einstellung, übergangen'),
    // The config schema's own rules, named by key in the schema (domain/config.ts).
    phoneCountry: m('expected a country code such as DE, AT or CH (ISO 3166-1 alpha-2, upper case)', 'erwartet wird ein Ländercode nach ISO 3166-1 Alpha-2 in Großbuchstaben, z. B. DE oder CH'),
    currencyShape: m('expected a three-letter currency code such as EUR, USD or CHF', 'erwartet wird ein Währungscode aus drei Buchstaben wie EUR, USD oder CHF'),
    currency: m(
      (code: string) => `'${code}' is not an ISO 4217 currency code (EUR, USD, CHF, GBP, …)`,
      (code) => `'${code}' ist kein Währungscode nach ISO 4217 (EUR, USD, CHF, GBP, …)`,
    ),
    horizonMonths: m('horizonMonths must be a whole number ≥ 0', 'horizonMonths muss eine ganze Zahl ≥ 0 sein'),
    monthlyDiscountRate: m('monthlyDiscountRate must be a number above −1', 'monthlyDiscountRate muss eine Zahl über −1 sein'),
    lostThreshold: m('lostThreshold must lie between 0 and 1', 'lostThreshold muss zwischen 0 und 1 liegen'),
    defectorThreshold: m('defectorThreshold must lie between lostThreshold and 1', 'defectorThreshold muss zwischen lostThreshold und 1 liegen'),
    defectorRateRatio: m('defectorRateRatio must lie between 0 and 1', 'defectorRateRatio muss zwischen 0 und 1 liegen'),
    coreMinRepeat: m('coreMinRepeat must be a whole number ≥ 1', 'coreMinRepeat muss eine ganze Zahl ≥ 1 sein'),
    firstTimeLostAfterMonths: m('firstTimeLostAfterMonths must be positive', 'firstTimeLostAfterMonths muss positiv sein'),
  },
  /** winback clv's usage errors (commands/clv/options.ts), handed on as keys. */
  clvFlags: {
    out: m('--out DIR is required', '--out VERZEICHNIS fehlt'),
    handOverWithHoldout: m(
      (flag: string) => `${flag} with a holdout: the hand-over would give each customer's state at the calibration end, and some of those "lost" bought again since`,
      (flag) => `${flag} mit einem Prüfzeitraum: die Übergabe nennte den Stand jedes Kunden am Ende der Kalibrierung, und manche dieser „verlorenen“ Kunden haben seitdem wieder gekauft`,
    ),
    handOverWithHoldoutHint: m(
      'judge the model with the holdout, then run clv again on the whole history (without --holdout-end, with --lost-threshold P) to write the hand-over',
      'das Modell mit dem Prüfzeitraum beurteilen, dann clv auf der ganzen Historie erneut ausführen (ohne --holdout-end, mit --lost-threshold P), um die Übergabe zu schreiben',
    ),
    outHint: m('e.g. winback clv transactions.csv --out out/clv', 'z. B. winback clv transaktionen.csv --out out/clv'),
    timeUnit: m((text: string) => `--time-unit '${text}' must be day, week or month`, (text) => `--time-unit '${text}' muss day, week oder month sein`),
    order: m((text: string) => `--order '${text}' must be sorted or any`, (text) => `--order '${text}' muss sorted oder any sein`),
    returns: m((text: string) => `--returns '${text}' must be net or reject`, (text) => `--returns '${text}' muss net oder reject sein`),
    amountEmpty: m((text: string) => `--amount '${text}' names an empty column`, (text) => `--amount '${text}' nennt eine leere Spalte`),
    amountTooMany: m((text: string) => `--amount '${text}' multiplies more than two columns`, (text) => `--amount '${text}' multipliziert mehr als zwei Spalten`),
    amountHint: m("name one column, or two multiplied: --amount 'Quantity*UnitPrice'", "eine Spalte nennen, oder zwei, die multipliziert werden: --amount 'Menge*Einzelpreis'"),
    productPair: m(
      (missing: string) => `--map ${missing}=HEADER is missing: the amount is the product of --map quantity=… and --map unit_price=…`,
      (missing) => `--map ${missing}=SPALTE fehlt: der Betrag ist das Produkt aus --map quantity=… und --map unit_price=…`,
    ),
    productPairHint: m(
      "e.g. --map quantity=Quantity --map unit_price=UnitPrice, or --amount 'Quantity*UnitPrice'",
      "z. B. --map quantity=Menge --map unit_price=Einzelpreis, oder --amount 'Menge*Einzelpreis'",
    ),
    productAndAmount: m(
      '--amount and --map quantity=…/unit_price=… both say what the amount is: give one of them',
      '--amount und --map quantity=…/unit_price=… legen beide den Betrag fest: nur eines davon angeben',
    ),
    cancelPrefix: m('--cancel-prefix must not be empty', '--cancel-prefix darf nicht leer sein'),
    cancelPrefixHint: m('e.g. --cancel-prefix C', 'z. B. --cancel-prefix C'),
    summaryTransactions: m(
      '--amount and --cancel-prefix read transactions; they cannot be used with --summary-input',
      '--amount und --cancel-prefix lesen Transaktionen; mit --summary-input gehen sie nicht',
    ),
    autoNeedsHoldout: m('--lost-threshold auto chooses the threshold on a holdout', '--lost-threshold auto wählt die Schwelle auf einem Prüfzeitraum'),
    autoNeedsHoldoutHint: m('add --holdout-end DATE (or --holdout-periods N)', '--holdout-end DATUM (oder --holdout-periods N) angeben'),
    intervals: m(
      (text: string) => `--intervals '${text}' must be a whole number of bootstrap replicates from 20 to 10000`,
      (text) => `--intervals '${text}' muss eine ganze Zahl von Bootstrap-Wiederholungen von 20 bis 10000 sein`,
    ),
    intervalsHint: m((n: number) => `e.g. --intervals ${n}`, (n) => `z. B. --intervals ${n}`),
    model: m((text: string) => `--model '${text}' must be bg-nbd or pareto-nbd`, (text) => `--model '${text}' muss bg-nbd oder pareto-nbd sein`),
    inputColumns: m(
      (text: string) => `--input-columns '${text}' must name every column, separated by commas`,
      (text) => `--input-columns '${text}' muss jede Spalte nennen, durch Kommas getrennt`,
    ),
    inputColumnsHint: m('e.g. --input-columns customer_id,sample_id,date,cds,amount', 'z. B. --input-columns customer_id,sample_id,date,cds,amount'),
    cancelNeedsInvoice: m(
      (label: string) => `${label}: --cancel-prefix needs an invoice-number column, and none was found`,
      (label) => `${label}: --cancel-prefix braucht eine Spalte mit Rechnungsnummern, und es gibt keine`,
    ),
    cancelNeedsInvoiceHint: m((headers: string) => `headers found: ${headers}; add --map invoice=HEADER`, (headers) => `gefundene Spalten: ${headers}; --map invoice=SPALTE angeben`),
    cancelNeedsAmounts: m(
      (label: string) => `${label}: --cancel-prefix needs amounts to net cancellations against purchases`,
      (label) => `${label}: --cancel-prefix braucht Beträge, um Stornos mit Käufen zu verrechnen`,
    ),
    cancelNeedsAmountsHint: m('map the amount column (--map amount=HEADER) or give --amount', 'die Betragsspalte zuordnen (--map amount=SPALTE) oder --amount angeben'),
    amountNoColumn: m((label: string, name: string) => `${label}: --amount names no column '${name}'`, (label, name) => `${label}: --amount nennt keine Spalte '${name}'`),
    headersFound: m((headers: string) => `headers found: ${headers}`, (headers) => `gefundene Spalten: ${headers}`),
    holdoutTwice: m('give either --holdout-end or --holdout-periods, not both', 'entweder --holdout-end oder --holdout-periods angeben, nicht beide'),
    holdoutSummary: m('a holdout needs transactions; it cannot be used with --summary-input', 'ein Prüfzeitraum braucht Transaktionen; mit --summary-input geht er nicht'),
    holdoutNeedsEnd: m('a holdout needs a calibration end', 'ein Prüfzeitraum braucht ein Ende der Kalibrierung'),
    holdoutNeedsEndHint: m('add --calibration-end DATE (or --as-of DATE)', '--calibration-end DATUM (oder --as-of DATUM) angeben'),
    holdoutBeforeEnd: m('--holdout-end must come after the calibration end', '--holdout-end muss nach dem Ende der Kalibrierung liegen'),
    notPositive: m((flag: string, text: string) => `${flag} '${text}' must be a positive number`, (flag, text) => `${flag} '${text}' muss eine positive Zahl sein`),
  },
  /** The worksheet's usage errors (commands/worksheet/worksheet.ts); its prompts are in worksheet.ts. */
  worksheetErrors: {
    session: m('--session FILE is required', '--session DATEI fehlt'),
    sessionHint: m('e.g. winback worksheet export.csv --session client.worksheet.json', 'z. B. winback worksheet export.csv --session client.worksheet.json'),
    stdinExport: m(
      'the worksheet needs the terminal for its questions, so the export cannot come from stdin',
      'das Arbeitsblatt braucht das Terminal für seine Fragen, der Export kann also nicht von der Standardeingabe kommen',
    ),
    stdinExportHint: m('give the export as a file', 'den Export als Datei angeben'),
    notTerminal: m('the worksheet asks questions, but stdin is not a terminal', 'das Arbeitsblatt stellt Fragen, aber die Standardeingabe ist kein Terminal'),
    notTerminalHint: m(
      'run it in a terminal, or give the answers with --answers FILE (see docs/worksheet.md)',
      'im Terminal ausführen, oder die Antworten mit --answers DATEI geben (siehe docs/worksheet.md)',
    ),
    asOfMismatch: m(
      (session: string, was: string, asOf: string) => `--session ${session} was started with --as-of ${was}, not ${asOf}`,
      (session, was, asOf) => `--session ${session} wurde mit --as-of ${was} begonnen, nicht mit ${asOf}`,
    ),
    asOfMismatchHint: m('leave out --as-of to continue it, or start a new session file', '--as-of weglassen, um fortzufahren, oder eine neue Sitzungsdatei beginnen'),
    fileMismatch: m(
      (session: string, was: string | null, file: string) => `--session ${session} was started ${was === null ? 'with customers entered by hand' : `on ${was}`}, not on ${file}`,
      (session, was, file) => `--session ${session} wurde ${was === null ? 'mit von Hand erfassten Kunden' : `mit ${was}`} begonnen, nicht mit ${file}`,
    ),
    sessionUnreadable: m((label: string, why: string) => `--session ${label} cannot be read (${why})`, (label, why) => `--session ${label} kann nicht gelesen werden (${why})`),
    sessionSyntax: m((label: string, why: string, at?: { line: number; column: number }) => `--session ${label} is not valid JSON${at === undefined ? '' : ` at line ${at.line}, column ${at.column}`}: ${why}`, (label, _why, at) => `--session ${label} ist kein gültiges JSON${at === undefined ? '' : ` (Zeile ${at.line}, Spalte ${at.column})`}`),
    sessionInvalid: m((label: string, list: string) => `--session ${label} is not a worksheet session:\n${list}`, (label, list) => `--session ${label} ist keine Sitzung eines Arbeitsblatts:\n${list}`),
    sessionFreshHint: m('give a new file name with --session to start a fresh session', 'mit --session einen neuen Dateinamen angeben, um eine neue Sitzung zu beginnen'),
    answersMissing: m((label: string) => `--answers ${label}: no such file or not readable`, (label) => `--answers ${label}: Datei nicht gefunden oder nicht lesbar`),
    answersSyntax: m((label: string, why: string, at?: { line: number; column: number }) => `--answers ${label} is not valid JSON${at === undefined ? '' : ` at line ${at.line}, column ${at.column}`}: ${why}`, (label, _why, at) => `--answers ${label} ist kein gültiges JSON${at === undefined ? '' : ` (Zeile ${at.line}, Spalte ${at.column})`}`),
    answersNotObject: m((label: string) => `--answers ${label} must hold one JSON object`, (label) => `--answers ${label} muss ein JSON-Objekt enthalten`),
    answersHint: m('see docs/worksheet.md for the format', 'das Format beschreibt docs/worksheet.md'),
    // An answer the answers file gives that the question cannot take (io/answers-prompter.ts).
    answerInvalid: m(
      (label: string, key: string, problem: string) => `--answers ${label}: ${key}: ${problem}`,
      (label, key, problem) => `--answers ${label}: ${key}: ${problem}`,
    ),
    answerNotText: m('must be a text', 'muss ein Text sein'),
    answerRefused: m((value: string, why: string) => `'${value}': ${why}`, (value, why) => `'${value}': ${why}`),
    answerNotChoice: m((value: string, choices: string) => `'${value}' is not one of ${choices}`, (value, choices) => `'${value}' ist keine der Möglichkeiten ${choices}`),
    answerNoSearch: m('searching needs a person at the terminal', 'die Suche braucht eine Person am Terminal'),
    answersUnused: m(
      (label: string, keys: string, more: number) => `${label}: no question asked for ${keys}${more > 0 ? ` and ${more} more` : ''}: not used (a customer the step does not show — one who objected or whom the plan never contacts, an id not in the export — or a misspelt key)`,
      (label, keys, more) => `${label}: keine Frage fragte nach ${keys}${more > 0 ? ` und ${more} weiteren` : ''}: nicht verwendet (ein Kunde, den der Schritt nicht zeigt — einer, der widersprochen hat oder den der Plan nie kontaktiert, eine Kundennummer, die nicht im Export steht — oder ein falsch geschriebener Schlüssel)`,
    ),
    answersSessionDone: m(
      (label: string, keys: string, more: number, session: string, step: number) => `${label}: the session ${session} is finished, so no question asked for ${keys}${more > 0 ? ` and ${more} more` : ''}: not used; reopen it at the step to change its answers (--reopen ${step}, or --reopen to choose)`,
      (label, keys, more, session, step) => `${label}: die Sitzung ${session} ist abgeschlossen, daher fragte keine Frage nach ${keys}${more > 0 ? ` und ${more} weiteren` : ''}: nicht verwendet; um ihre Antworten zu ändern, die Sitzung beim Schritt wieder öffnen (--reopen ${step}, oder --reopen zum Auswählen)`,
    ),
    fileMismatchHint: m('leave out the file to continue the session, or start a new session file', 'die Datei weglassen, um die Sitzung fortzusetzen, oder eine neue Sitzungsdatei beginnen'),
  },
  /** The warnings of the permission check, in plan.csv's warnings column (domain/permission/permission.ts). */
  permission: {
    unclearDoNotContact: m('do_not_contact is unclear: treated as do-not-contact', 'die Kontaktsperre ist unklar: als Kontaktsperre behandelt'),
    unclearObjection: m('advertising_objection is unclear: treated as an objection', 'der Werbewiderspruch ist unklar: als Werbewiderspruch behandelt'),
    objectionFound: m(
      (where: 'reason' | 'notes' | 'consent' | 'other', phrase: string) =>
        `${({ reason: 'reason text', notes: 'notes', consent: 'a consent column', other: 'a column winback does not map' })[where]} contains an objection ("${phrase}"): treated as an objection`,
      (where, phrase) =>
        `${({ reason: 'Der Kündigungsgrund', notes: 'Die Notizen', consent: 'Eine Einwilligungsspalte', other: 'Eine nicht zugeordnete Spalte' })[where]} ${where === 'notes' ? 'enthalten' : 'enthält'} einen Widerspruch („${phrase}“): als Werbewiderspruch behandelt`,
    ),
    unclearEmailConsent: m('consent_email is unclear: treated as no consent', 'die E-Mail-Einwilligung ist unklar: als fehlende Einwilligung behandelt'),
    unclearPhoneConsent: m('consent_phone is unclear: treated as no consent', 'die Telefon-Einwilligung ist unklar: als fehlende Einwilligung behandelt'),
    unclearLetterConsent: m('consent_letter is unclear: treated as a refusal of letters', 'die Brief-Einwilligung ist unklar: als Ablehnung von Briefen behandelt'),
    unclearVisitConsent: m('consent_visit is unclear: treated as a refusal of visits', 'die Besuchs-Erlaubnis ist unklar: als Ablehnung von Besuchen behandelt'),
    unclearKeyAccount: m('key_account is unclear: treated as not a key account', 'die Angabe Schlüsselkunde ist unklar: nicht als Schlüsselkunde behandelt'),
    objectorContact: m(
      (channel: string, kind: string, line: number) =>
        `the customer on line ${line} objected to being contacted and has the same ${kind === 'email' ? 'e-mail address' : kind === 'post' ? 'name and postal address' : 'phone number'}: no ${channel === 'email' ? 'e-mail' : channel === 'phone' ? 'call' : channel}`,
      (channel, kind, line) =>
        `der Kunde in Zeile ${line} hat der Ansprache widersprochen und hat ${kind === 'email' ? 'dieselbe E-Mail-Adresse' : kind === 'post' ? 'denselben Namen und dieselbe Postanschrift' : 'dieselbe Telefonnummer'}: ${channel === 'email' ? 'keine E-Mail' : channel === 'phone' ? 'kein Anruf' : channel === 'letter' ? 'kein Brief' : 'kein Besuch'}`,
    ),
    notUsable: m(
      (field: 'email' | 'phone', text: string, problem: string) => `${field} '${text}' is not usable (${problem}): no ${field === 'email' ? 'e-mail' : 'phone'} channel`,
      (field, text, problem) => `${field === 'email' ? 'E-Mail-Adresse' : 'Telefonnummer'} '${text}' ist nicht verwendbar (${problem}): kein ${field === 'email' ? 'E-Mail-Kanal' : 'Telefonkanal'}`,
    ),
  },
  /** Why an e-mail address or phone number is not usable (domain/permission/contact-point.ts hands on the key). */
  contact: {
    blank: m('blank', 'leer'),
    several: m('more than one address, or spaces, in one cell', 'mehr als eine Adresse oder Leerzeichen in einer Zelle'),
    noAt: m('no @', 'kein @'),
    localInvalid: m('the part before @ is not valid', 'der Teil vor dem @ ist ungültig'),
    domainInvalid: m('the domain is not valid', 'die Domain ist ungültig'),
    scientific: m(
      'a number in scientific notation (Excel dropped its digits); export the column as text',
      'eine Zahl in wissenschaftlicher Schreibweise (Excel hat Ziffern verworfen); die Spalte als Text exportieren',
    ),
    noDigits: m('no digits', 'keine Ziffern'),
    tooShort: m('too short', 'zu kurz'),
    notPhone: m((country: string) => `not a phone number (read as ${country} when without +)`, (country) => `keine Telefonnummer (ohne + als ${country} gelesen)`),
    invalidIn: m((country: string) => `not a valid number in ${country}`, (country) => `keine gültige Nummer in ${country}`),
  },
  /** How the reader decided a reading setting (io/csv/read.ts, io/csv/sniff.ts, io/xlsx/read.ts hand on the key); inspect --json keeps the English. */
  decided: {
    flag: m('flag', 'Option'),
    flagBlanks: m('flag (runs of blanks)', 'Option (Folgen von Leerzeichen)'),
    bom: m('byte-order mark', 'Byte-Order-Mark'),
    detected: m('detected', 'erkannt'),
    sepLine: m('sep= line', 'Zeile sep='),
    fromData: m('detected from the data', 'aus den Daten erkannt'),
    workbook: m('Excel workbook', 'Excel-Arbeitsmappe'),
    cells: m('cells', 'Zellen'),
    defaultForFiles: m(
      (delimiter: string) => `default for '${delimiter === '\t' ? 'tab' : delimiter}'-separated files`,
      (delimiter) => `Standard für Dateien mit Trennzeichen '${delimiter === '\t' ? 'Tabulator' : delimiter}'`,
    ),
    defaultForLang: m((lang: string) => `default for the run's language (${lang})`, (lang) => `Standard für die Sprache des Laufs (${lang})`),
    defaultTie: m(
      (each: number) => `default: as many day-first as month-first dates (${each} each)`,
      (each) => `Standard: gleich viele Daten mit Tag und mit Monat zuerst (je ${each})`,
    ),
    defaultNoDate: m('default: no date settles the order', 'Standard: kein Datum legt die Reihenfolge fest'),
  },
  /** winback inspect's text report (commands/inspect.ts); --json keeps the machine words. */
  inspect: {
    file: m('File', 'Datei'),
    workbook: m('Workbook', 'Arbeitsmappe'),
    workbookValue: m((sheet: string) => `Excel (.xlsx), sheet '${sheet}'`, (sheet) => `Excel (.xlsx), Tabellenblatt '${sheet}'`),
    encoding: m('Encoding', 'Kodierung'),
    withBom: m(' with BOM', ' mit BOM'),
    delimiter: m('Delimiter', 'Trennzeichen'),
    tab: m('tab', 'Tabulator'),
    decimal: m('Decimal', 'Dezimalzeichen'),
    dates: m('Dates', 'Datumsangaben'),
    order: m(
      (order: string) => ({ dmy: 'day first (31.03.2024)', mdy: 'month first (3/31/2024)', ymd: 'year first (2024-03-31)' })[order] ?? order,
      (order) => ({ dmy: 'Tag zuerst (31.03.2024)', mdy: 'Monat zuerst (3/31/2024)', ymd: 'Jahr zuerst (2024-03-31)' })[order] ?? order,
    ),
    rowsLabel: m('Rows', 'Zeilen'),
    rows: m(
      (read: string, accepted: string, rejected: string, blank: number) => `${read} read = ${accepted} accepted + ${rejected} rejected${blank ? ` (${blank} blank lines skipped)` : ''}`,
      (read, accepted, rejected, blank) => `${read} gelesen = ${accepted} angenommen + ${rejected} abgelehnt${blank ? ` (${blank} Leerzeilen übersprungen)` : ''}`,
    ),
    mapping: m('Column mapping (field ← header)', 'Spaltenzuordnung (Feld ← Spaltenüberschrift)'),
    mappingColumns: m(['field', 'header'], ['Feld', 'Spaltenüberschrift']),
    passedThrough: m((list: string) => `Passed through unchanged: ${list}`, (list) => `Unverändert durchgereicht: ${list}`),
    none: m('(none)', '(keine)'),
    firstRejects: m((shown: number, all: number) => `First rejects (${shown} of ${all})`, (shown, all) => `Erste abgelehnte Zeilen (${shown} von ${all})`),
    rejectColumns: m(['line', 'column', 'value', 'problem'], ['Zeile', 'Spalte', 'Wert', 'Problem']),
    samples: m('Sample rows as read', 'Beispielzeilen, wie gelesen'),
    notUsable: m((problem: string) => `not usable: ${problem}`, (problem) => `nicht verwendbar: ${problem}`),
  },
  /** winback reasons: its tables, the note column of --out and its usage errors (commands/reasons/reasons.ts). */
  reasons: {
    head: m(
      (rows: string, classified: string, unknown: string) => `${rows} rows: ${classified} classified, ${unknown} unknown`,
      (rows, classified, unknown) => `${rows} Zeilen: ${classified} zugeordnet, ${unknown} unbekannt`,
    ),
    columns: m(['reason', 'count', 'share', 'examples'], ['Grund', 'Anzahl', 'Anteil', 'Beispiele']),
    unclassifiedHead: m(
      'Most frequent unclassified texts (teach them in a playbook: winback playbook init my.yaml)',
      'Häufigste nicht zugeordnete Texte (in einem Playbook beibringen: winback playbook init mein.yaml)',
    ),
    countText: m(['count', 'text'], ['Anzahl', 'Text']),
    unknownCodesHead: m(
      'reason_code values the playbook does not know (map them under codes: in your playbook)',
      'Werte in reason_code, die das Playbook nicht kennt (im eigenen Playbook unter codes: zuordnen)',
    ),
    countCode: m(['count', 'reason_code'], ['Anzahl', 'reason_code']),
    rejectedNote: m((line: number, error: string) => `rejected (line ${line}): ${error}`, (line, error) => `abgelehnt (Zeile ${line}): ${error}`),
    rejectedWarning: m(
      (rows: number, file: string) => `${rowsEn(rows)} rejected; run winback inspect ${file} to see them`,
      (rows, file) => `${rowsDe(rows)} abgelehnt; winback inspect ${file} zeigt sie`,
    ),
    // reasons --learn (commands/reasons/learn.ts)
    learnRows: m(
      (rows: number, added: number, known: number) => `${rows} labelled rows: ${added} new example${added === 1 ? '' : 's'}, ${known} already known`,
      (rows, added, known) => `${rows} zugeordnete Zeilen: ${added} ${added === 1 ? 'neues Beispiel' : 'neue Beispiele'}, ${known} schon bekannt`,
    ),
    learnWritten: m((path: string) => `written to ${path} (named in the playbook as examplesFile)`, (path) => `geschrieben nach ${path} (im Playbook als examplesFile eingetragen)`),
    learnNothing: m('nothing to write', 'nichts zu schreiben'),
    learnNew: m(
      (differently: number, right: number) => `new examples the classifier read differently before: ${differently} (now read as labelled without recall: ${right})`,
      (differently, right) => `neue Beispiele, die die Zuordnung vorher anders las: ${differently} (jetzt ohne Erinnern wie zugeordnet gelesen: ${right})`,
    ),
    learnChanged: m(
      (changed: number, all: number) => `examples already known whose reading changed: ${changed} of ${all}`,
      (changed, all) => `schon bekannte Beispiele, deren Lesart sich geändert hat: ${changed} von ${all}`,
    ),
    learnChange: m(
      (was: string, now: string, text: string, code: string) => `  ${was} -> ${now}: ${text} (labelled ${code})`,
      (was, now, text, code) => `  ${was} -> ${now}: ${text} (zugeordnet ${code})`,
    ),
    learnAgainst: m(
      (n: number) => `${n} labels say otherwise than the playbook read with confidence: taught as labelled — check them, a wrong label now overrides the playbook's reading`,
      (n) => `${n} Zuordnungen widersprechen dem, was das Playbook sicher gelesen hat: wie zugeordnet gelernt — bitte prüfen, eine falsche Zuordnung überstimmt jetzt das Playbook`,
    ),
    learnAgainstLine: m(
      (line: number, text: string, code: string, was: string, evidence: string) => `  line ${line}: ${text} (labelled ${code}; the playbook read ${was}: ${evidence})`,
      (line, text, code, was, evidence) => `  Zeile ${line}: ${text} (zugeordnet ${code}; das Playbook las ${was}: ${evidence})`,
    ),
    learnNeedsPlaybook: m('--learn needs your own playbook to write the examples to', '--learn braucht ein eigenes Playbook, in das die Beispiele geschrieben werden'),
    learnNeedsPlaybookHint: m(
      'create one with: winback playbook init my-playbook.yaml, then add --playbook my-playbook.yaml',
      'eines anlegen mit: winback playbook init mein-playbook.yaml, dann --playbook mein-playbook.yaml angeben',
    ),
    learnConflicts: m(
      (file: string, n: number, lines: string) => `${file}: ${n} text${n === 1 ? ' has' : 's have'} contradictory labels; nothing was learned:\n  ${lines}`,
      (file, n, lines) => `${file}: ${n} ${n === 1 ? 'Text hat' : 'Texte haben'} widersprüchliche Zuordnungen; nichts wurde gelernt:\n  ${lines}`,
    ),
    learnConflictsHint: m(
      "give each text one code (fix the file, or remove the old example from the playbook's examples file)",
      'jedem Text einen Code geben (die Datei korrigieren, oder das alte Beispiel aus der Beispieldatei des Playbooks entfernen)',
    ),
    learnUnknownCodes: m(
      (file: string, n: number, list: string) => `${file}: ${n} row(s) carry a code the playbook does not know; nothing was learned: ${list}`,
      (file, n, list) => `${file}: ${n} Zeile(n) mit einem Code, den das Playbook nicht kennt; nichts wurde gelernt: ${list}`,
    ),
    learnUnknownCode: m((line: number, label: string) => `line ${line}: "${label}"`, (line, label) => `Zeile ${line}: „${label}“`),
    learnUnknownCodesHint: m(
      'use a reason code (price, service, …) or map your code under codes: in the playbook',
      'einen Grundcode verwenden (price, service, …) oder den eigenen Code im Playbook unter codes: zuordnen',
    ),
    learnEmpty: m((file: string, lines: string) => `${file}: empty text on line ${lines}; nothing was learned`, (file, lines) => `${file}: leerer Text in Zeile ${lines}; nichts wurde gelernt`),
    learnEmptyHint: m('remove the rows without text', 'die Zeilen ohne Text entfernen'),
    learnWithFile: m('--learn reads the labelled file only; leave out the export', '--learn liest nur die Datei mit den zugeordneten Texten; den Export weglassen'),
    needsFile: m('reasons needs an export to classify (or --learn FILE)', 'winback reasons braucht einen Export zum Zuordnen (oder --learn DATEI)'),
    // A file of labelled reason texts: --learn's input, the examples file a playbook names (io/reason-examples.ts).
    examplesQuote: m(
      (path: string, line: number) => `${path}, line ${line}: a quoted field is never closed`,
      (path, line) => `${path}, Zeile ${line}: ein Feld in Anführungszeichen wird nie geschlossen`,
    ),
    examplesQuoteHint: m('look for an unbalanced double quote near that line', 'in der Nähe dieser Zeile nach einem einzelnen Anführungszeichen suchen'),
    examplesColumns: m(
      (path: string, found: string) => `${path}: needs a text column and a code column (found: ${found === '' ? 'no header' : found})`,
      (path, found) => `${path}: braucht eine Spalte text und eine Spalte code (gefunden: ${found === '' ? 'keine Kopfzeile' : found})`,
    ),
    examplesColumnsHint: m('name the columns text,code in the first line', 'die Spalten in der ersten Zeile text,code nennen'),
    examplesUnusable: m(
      (path: string, count: number, rows: readonly (readonly [number, string | null])[]) =>
        `${path}: ${count} example${count === 1 ? '' : 's'} cannot be used (${rows.map(([line, code]) => `line ${line}: ${code === null ? 'empty text' : `unknown code "${code}"`}`).join('; ')})`,
      (path, count, rows) =>
        `${path}: ${count} ${count === 1 ? 'Beispiel ist' : 'Beispiele sind'} nicht verwendbar (${rows.map(([line, code]) => `Zeile ${line}: ${code === null ? 'leerer Text' : `unbekannter Code „${code}“`}`).join('; ')})`,
    ),
    examplesUnusableHint: m(
      (codes: string) => `codes are ${codes} or a label the playbook lists`,
      (codes) => `gültige Codes: ${codes} oder eine Bezeichnung aus dem Playbook`,
    ),
    examplesMissing: m((path: string) => `file not found: ${path}`, (path) => `Datei nicht gefunden: ${path}`),
    examplesUnreadable: m(
      (path: string, code: string) => `cannot read ${path}: ${FS_EN[code] ?? code}`,
      (path, code) => `${path} kann nicht gelesen werden: ${FS_DE[code] ?? code}`,
    ),
  },
  /** winback calibrate: the report's tables and lines, its warnings and usage errors (commands/calibrate.ts, io/calibrate-render.ts). */
  calibrate: {
    // A history row of the retention track (domain/calibrate/history.ts), in rejects.
    retentionRow: m(
      'a retention contact (a customer still buying, kept from drifting away), not a win-back: the win-back rates are learnt from win-back contacts only',
      'ein Kontakt zur Kundenbindung (ein Kunde, der noch kauft), keine Rückgewinnung: die Rückgewinnungsraten werden nur aus Rückgewinnungskontakten gelernt',
    ),
    // A history row without a usable outcome (domain/calibrate/history.ts), in rejects.
    wonBackEmpty: m(
      (column: string, cell: string) => `${column} '${cell}' is empty: every attempt needs its outcome`,
      (column, cell) => `${column} '${cell}' ist leer: jeder Versuch braucht sein Ergebnis`,
    ),
    wonBackUnclear: m((column: string, cell: string) => `${column} '${cell}' is neither yes nor no`, (column, cell) => `${column} '${cell}' ist weder ja noch nein`),
    badGroup: m((column: string, cell: string) => `${column} '${cell}' is neither contacted nor control`, (column, cell) => `${column} '${cell}' ist weder kontaktiert (contacted) noch Kontrollgruppe (control)`),
    badChannel: m((column: string, cell: string) => `${column} '${cell}' is no channel (visit, phone, letter, email)`, (column, cell) => `${column} '${cell}' ist kein Kanal (Besuch, Telefon, Brief, E-Mail)`),
    controlRandomised: m(
      (column: string, cell: string) => `${column} '${cell}' on a control customer: the control group got no offer and no channel, so nothing was drawn for them`,
      (column, cell) => `${column} '${cell}' bei einem Kunden der Kontrollgruppe: sie bekam weder Angebot noch Kanal, also wurde für sie nichts gezogen`,
    ),
    contactBeforeChurn: m((column: string, cell: string) => `${column} '${cell}' is before the churn date: a win-back contact comes after the departure`, (column, cell) => `${column} '${cell}' liegt vor dem Kündigungsdatum: eine Rückgewinnung kommt nach dem Abgang`),
    cancelledBeforeContact: m((column: string, cell: string) => `${column} '${cell}' is before the contact date: a second cancellation comes after the return`, (column, cell) => `${column} '${cell}' liegt vor dem Kontaktdatum: eine zweite Kündigung kommt nach der Rückkehr`),
    negativeMonths: m((column: string, cell: string) => `${column} '${cell}' is negative: months of a second lifetime are 0 or more`, (column, cell) => `${column} '${cell}' ist negativ: Monate eines zweiten Kundenlebens sind 0 oder mehr`),
    duplicateAttempt: m(
      (line: number) => `the same customer and contact date as line ${line}: one attempt counts once (the first is fitted)`,
      (line) => `derselbe Kunde mit demselben Kontaktdatum wie in Zeile ${line}: ein Versuch zählt einmal (der erste wird angepasst)`,
    ),
    head: m(
      (rows: string, attempts: string, rejected: string, train: string, holdout: string) => `${rows} rows read = ${attempts} attempts + ${rejected} rejected; fitted on ${train}, held out ${holdout}`,
      (rows, attempts, rejected, train, holdout) => `${rows} Zeilen gelesen = ${attempts} Versuche + ${rejected} abgelehnt; angepasst an ${train}, zurückgehalten ${holdout}`,
    ),
    fit: m(
      (converged: boolean, iterations: number, auc: string, brier: string) => `fit: ${converged ? 'converged' : 'NOT converged'} after ${iterations} iterations; holdout AUC ${auc}, Brier ${brier}`,
      (converged, iterations, auc, brier) => `Anpassung: ${converged ? 'konvergiert' : 'NICHT konvergiert'} nach ${iterations} Iterationen; Prüfstichprobe AUC ${auc}, Brier ${brier}`,
    ),
    reasonColumns: m(['reason', 'cases', 'won', 'playbook', 'fitted', '2nd life mo'], ['Grund', 'Fälle', 'gewonnen', 'Playbook', 'Modell', '2. Leben']),
    weightColumns: m(['behaviour term', 'default', 'fitted'], ['Verhaltensterm', 'Standard', 'angepasst']),
    decileColumns: m(['decile', 'cases', 'predicted', 'observed'], ['Dezil', 'Fälle', 'vorhergesagt', 'beobachtet']),
    holdoutEmpty: m('(holdout empty: no calibration by decile)', '(Prüfstichprobe leer: keine Kalibrierung nach Dezilen)'),
    baseRates: m('base rates per reason (reference customer, plain approach)', 'Basisraten je Grund (Referenzkunde, einfache Ansprache; 2. Leben in Monaten)'),
    // The fit's warnings (domain/calibrate/calibrate.ts hands on the keys; model.json keeps them in English).
    unknownReasons: m(
      (n: number, names: string) => `${n} rows with reasons not in the playbook ignored: ${names}`,
      (n, names) => `${n} Zeilen mit Gründen, die nicht im Playbook stehen, übergangen: ${names}`,
    ),
    notConverged: m((n: number) => `fit did not converge in ${n} iterations`, (n) => `die Anpassung ist in ${n} Iterationen nicht konvergiert`),
    fixedAtZero: m(
      (names: string) => `weights with an implausible sign fixed at 0: ${names}`,
      (names) => `Gewichte mit unplausiblem Vorzeichen auf 0 gesetzt: ${names.split(', ').map((n) => BEHAVIOUR_DE[n] ?? n).join(', ')}`,
    ),
    /** a behaviour term of the response model (domain/value/behaviour.ts) */
    behaviourTerm: m((name: string) => name, (name) => BEHAVIOUR_DE[name] ?? name),
    fewHoldout: m(
      (n: number, min: number) => `only ${n} holdout cases: the fit quality figures are not reliable below ${min}; collect more campaign history`,
      (n, min) => `nur ${n} Fälle in der Prüfstichprobe: die Gütemaße sind unter ${min} nicht verlässlich; mehr Kampagnenhistorie sammeln`,
    ),
    weights: m('behaviour weights (log-odds per unit of ln(1+x))', 'Verhaltensgewichte (Log-Odds je Einheit von ln(1+x))'),
    deciles: m('calibration on the holdout, by decile of predicted p', 'Kalibrierung auf der Prüfstichprobe, nach Dezilen des vorhergesagten p'),
    comparison: m(
      (cases: string, control: string, randomised: string, defaults: string) =>
        `decisions compared in money on held-out customers (each fold in turn): ${cases} customers (${control} control, ${randomised} randomised offers); the defaults' decisions add ${defaults} per customer over no contact`,
      (cases, control, randomised, defaults) =>
        `Entscheidungen in Geld an zurückgehaltenen Kunden verglichen (jede Teilmenge reihum): ${cases} Kunden (${control} Kontrollgruppe, ${randomised} Zufallsangebote); die Entscheidungen der Standardwerte bringen ${defaults} je Kunde mehr als keine Ansprache`,
    ),
    comparisonColumns: m(['learned parts', 'differ', 'gain/cust.', 'std. err.', 'lower bound'], ['gelernte Teile', 'anders', 'Gewinn/Kd.', 'Std.-fehler', 'Untergrenze']),
    part: m(
      (part: 'response' | 'organic' | 'offers' | 'channels' | 'lifetime') =>
        ({ response: 'response', organic: 'organic return', offers: 'offer effects', channels: 'channel effects', lifetime: 'second lifetime' })[part],
      (part) => ({ response: 'Antwortraten', organic: 'Rückkehr ohne Ansprache', offers: 'Angebotswirkung', channels: 'Kanalwirkung', lifetime: 'zweite Lebensdauer' })[part],
    ),
    // The second lifetime's own check and the learned channel factors (io/calibrate-render.ts).
    lifetimeCheck: m(
      (returns: string, events: string, length: string, margin: string) =>
        `second lifetime from ${returns} returners (${events} left again): length × ${length}, margin × ${margin} on held-out returners' months and margin`,
      (returns, events, length, margin) =>
        `zweite Lebensdauer aus ${returns} Rückkehrern (${events} erneut gekündigt): Dauer × ${length}, Marge × ${margin} an zurückgehaltenen Rückkehrern geprüft`,
    ),
    scaleKept: m((scale: string) => `${scale} (kept)`, (scale) => `${scale} (übernommen)`),
    scaleRefused: m((scale: string) => `${scale} (refused: not shown better than the playbook's)`, (scale) => `${scale} (abgelehnt: nicht nachweislich besser als das Playbook)`),
    offerEffects: m(
      (reason: string, list: string) => `offer effects for ${reason} (odds factor, playbook → learned, cases): ${list}`,
      (reason, list) => `Angebotswirkung bei ${reason} (Odds-Faktor, Playbook → gelernt, Fälle): ${list}`,
    ),
    channelEffects: m(
      (list: string) => `channel effects from randomised channels (odds factor, playbook → learned): ${list}`,
      (list) => `Kanalwirkung aus zufällig gewählten Kanälen (Odds-Faktor, Playbook → gelernt): ${list}`,
    ),
    allParts: m('all', 'alle'),
    keptParts: m(
      (parts: string, z: string) => `written: the learned ${parts} — better than the defaults on held-out customers by more than ${z} × its standard error, without its most favourable customer; refitted on every row`,
      (parts, z) => `geschrieben: gelernte ${parts} — an zurückgehaltenen Kunden um mehr als ${z} × den Standardfehler besser als die Standardwerte, auch ohne den günstigsten Kunden; an allen Zeilen neu angepasst`,
    ),
    keptByOwnCheck: m(
      (parts: string) =>
        `written: the learned ${parts} — the second lifetime passed its own check on held-out returners, and the decisions with it are not worse on held-out customers (the money comparison, within its standard error, cannot tell a change of this size); refitted on every row`,
      (parts) =>
        `geschrieben: gelernte ${parts} — das zweite Kundenleben hat seine eigene Prüfung an zurückgehaltenen Rückkehrern bestanden, und die Entscheidungen damit sind an zurückgehaltenen Kunden nicht schlechter (der Geldvergleich kann eine Änderung dieser Größe innerhalb seines Standardfehlers nicht unterscheiden); an allen Zeilen neu angepasst`,
    ),
    keptDefaults: m(
      (z: string) => `written: the defaults — no learned part decides better than the defaults on held-out customers by more than ${z} × its standard error without its most favourable customer, so plan --model decides as plan without a model`,
      (z) => `geschrieben: die Standardwerte — kein gelernter Teil entscheidet an zurückgehaltenen Kunden ohne den günstigsten Kunden um mehr als ${z} × den Standardfehler besser als die Standardwerte; plan --model entscheidet daher wie plan ohne Modell`,
    ),
    noComparison: m(
      'written: the defaults — the history holds no control customer and no randomised offer to compare decisions on (campaign --holdout and --test-offers record them)',
      'geschrieben: die Standardwerte — der Verlauf enthält keine Kontrollgruppe und kein Zufallsangebot, an denen sich Entscheidungen vergleichen lassen (campaign --holdout und --test-offers erfassen sie)',
    ),
    written: m((out: string) => `written: ${out} (use it with winback plan --model ${out})`, (out) => `geschrieben: ${out} (für winback plan --model ${out})`),
    // No learned part passed (commands/calibrate.ts): nothing is written, the run exits 65.
    refusedDefaults: m(
      (z: string) => `not written: no learned part decides better than the defaults on held-out customers by more than ${z} × its standard error without its most favourable customer`,
      (z) => `nicht geschrieben: kein gelernter Teil entscheidet an zurückgehaltenen Kunden ohne den günstigsten Kunden um mehr als ${z} × den Standardfehler besser als die Standardwerte`,
    ),
    refusedNoComparison: m(
      'not written: the history holds no control customer and no randomised offer to compare decisions on (campaign --holdout and --test-offers record them)',
      'nicht geschrieben: der Verlauf enthält keine Kontrollgruppe und kein Zufallsangebot, an denen sich Entscheidungen vergleichen lassen (campaign --holdout und --test-offers erfassen sie)',
    ),
    refusedParts: m(
      (parts: string) => `refused: the learned ${parts} (not better than the defaults by more than the noise, or less so than what was written; the playbook's values stay)`,
      (parts) => `abgelehnt: gelernte ${parts} (nicht über das Rauschen hinaus besser als die Standardwerte, oder weniger als das Geschriebene; die Werte des Playbooks bleiben)`,
    ),
    noBetterModel: m(
      (out: string, best: string) => `no model written: the learned model decides no better than the defaults on held-out customers (${best}); ${out} left as it was`,
      (out, best) => `kein Modell geschrieben: das gelernte Modell entscheidet an zurückgehaltenen Kunden nicht besser als die Standardwerte (${best}); ${out} bleibt unverändert`,
    ),
    noBetterBest: m(
      (parts: string, gain: string, error: string, bound: string) => `best: ${parts}, ${gain} ± ${error} per customer, lower bound ${bound}`,
      (parts, gain, error, bound) => `bester Kandidat: ${parts}, ${gain} ± ${error} je Kunde, Untergrenze ${bound}`,
    ),
    noBetterNone: m('no control customer and no randomised offer to compare on', 'keine Kontrollgruppe und kein Zufallsangebot zum Vergleich'),
    noBetterHint: m(
      'plan without --model decides with the defaults; collect control and randomised contacts (campaign --holdout, --test-offers) and calibrate again, or give --allow-defaults to write the defaults and exit 0',
      'plan ohne --model entscheidet mit den Standardwerten; Kontrollgruppe und Zufallskontakte sammeln (campaign --holdout, --test-offers) und erneut kalibrieren, oder --allow-defaults angeben, um die Standardwerte zu schreiben und mit 0 zu enden',
    ),
    reject: m((line: number, id: string, error: string) => `reject: line ${line}${id ? ` (${id})` : ''}: ${error}`, (line, id, error) => `abgelehnt: Zeile ${line}${id ? ` (${id})` : ''}: ${error}`),
    moreRejects: m((n: number) => `reject: … and ${n} more`, (n) => `abgelehnt: … und ${n} weitere`),
    noAttempts: m((label: string, rejected: number) => `${label}: no usable attempts (${rejected} rows rejected)`, (label, rejected) => `${label}: keine verwendbaren Versuche (${rejected} Zeilen abgelehnt)`),
    noDateAtAsOf: m((n: number) => `${n} attempts without contact_date: months since churn computed at --as-of`, (n) => `${n} Versuche ohne contact_date: Monate seit Kündigung zum --as-of berechnet`),
    noDateLeftOut: m(
      (n: number) => `${n} attempts without contact_date: months since churn left out of their fit (give --as-of to use that date)`,
      (n) => `${n} Versuche ohne contact_date: Monate seit Kündigung bleiben bei ihrer Anpassung außen vor (--as-of angeben, um dieses Datum zu verwenden)`,
    ),
    unknownOffer: m(
      (n: number) => `${n} attempts with an offer_type the playbook does not know: fitted as a plain approach`,
      (n) => `${n} Versuche mit einem offer_type, den das Playbook nicht kennt: als einfache Ansprache angepasst`,
    ),
    outRequired: m('--model-out FILE is required', '--model-out DATEI fehlt'),
    outRequiredHint: m('e.g. winback calibrate history.csv --model-out model.json', 'z. B. winback calibrate history.csv --model-out model.json'),
    outStdout: m(
      '--model-out - : the model is a file for winback plan --model, not a table for stdout',
      '--model-out - : das Modell ist eine Datei für winback plan --model, keine Tabelle für die Standardausgabe',
    ),
    outStdoutHint: m('give --model-out a file name (and --json prints the report with the model)', '--model-out einen Dateinamen geben (--json gibt den Bericht mit dem Modell aus)'),
    modelFlag: m('--model is not used by calibrate', '--model wird von winback calibrate nicht verwendet'),
    modelFlagHint: m('calibrate writes a model with --model-out; plan reads it with --model', 'winback calibrate schreibt ein Modell mit --model-out; winback plan liest es mit --model'),
  },
  /** winback results: its tables, head line, warnings and usage errors (commands/results.ts, io/results/output.ts). */
  results: {
    head: m(
      (asOf: string, days: number, all: string, contacted: string, control: string, rows: string, rejected: string) =>
        `as of ${asOf}, attribution window ${days} days: ${all} customers in the ledger = ${contacted} contacted + ${control} control; outcomes ${rows} rows (${rejected} rejected)`,
      (asOf, days, all, contacted, control, rows, rejected) =>
        `Stichtag ${asOf}, Zuordnungsfenster ${days} Tage: ${all} Kunden im Kontaktbuch = ${contacted} kontaktiert + ${control} Kontrollgruppe; Ergebnisse ${rows} Zeilen (${rejected} abgelehnt)`,
    ),
    total: m('total', 'gesamt'),
    rateColumns: m(
      ['reason', 'contacted', 'regained', 'rate', 'control', 'ctrl rate', 'lift (95 % CI)'],
      ['Grund', 'kontaktiert', 'zurück', 'Quote', 'Kontrolle', 'Quote K.', 'Mehrwert (95-%-KI)'],
    ),
    moneyColumns: m(
      ['reason', 'revenue', 'margin', 'cost', 'gross profit', 'incr. profit (95 % CI)', 'incr. return', 'churn again'],
      ['Grund', 'Umsatz', 'Marge', 'Kosten', 'Bruttogewinn', 'Zusatzgew. (95-%-KI)', 'Zusatzrendite', 'erneut abgewandert'],
    ),
    segmentColumns: m(
      ['reason', 'offer', 'channel', 'n', 'rate', 'ctrl', 'lift (95 % CI)', 'incr. profit'],
      ['Grund', 'Angebot', 'Kanal', 'n', 'Quote', 'Kontr.', 'Mehrwert (95-%-KI)', 'Zusatzgewinn'],
    ),
    serialNone: m('serial defectors (won back, then left again): none', 'Mehrfachabwanderer (zurückgewonnen, dann wieder gegangen): keine'),
    serial: m((n: number, ids: string) => `serial defectors (won back, then left again): ${n}: ${ids}`, (n, ids) => `Mehrfachabwanderer (zurückgewonnen, dann wieder gegangen): ${n}: ${ids}`),
    ratesHead: m('regain rate and lift over control, per reason', 'Rückgewinnungsquote und Mehrwert gegenüber der Kontrollgruppe, je Grund'),
    moneyHead: m(
      'money so far: gross (contacted group) and incremental (over the control group)',
      'Geld bisher: brutto (kontaktierte Gruppe) und zusätzlich (über Kontrollgruppe)',
    ),
    segmentsHead: m('per reason × offer × channel', 'je Grund × Angebot × Kanal'),
    channelTestHead: m(
      'channels drawn at random (campaign --test-channels), each against the whole control group',
      'zufällig gezogene Kanäle (campaign --test-channels), jeder gegen die ganze Kontrollgruppe',
    ),
    rejectedOutcomes: m((n: number) => `${n} outcome rows rejected (listed below the tables; --json gives the first 20)`, (n) => `${n} Ergebniszeilen abgelehnt (unter den Tabellen aufgeführt; --json gibt die ersten 20)`),
    cancelledBeforeReturn: m(
      (cancelled: string, returned: string) => `cancelled again on ${cancelled}, before the return on ${returned}: one of the two days is wrong`,
      (cancelled, returned) => `erneut gekündigt am ${cancelled}, vor der Rückkehr am ${returned}: einer der beiden Tage ist falsch`,
    ),
    duplicateOutcome: m(
      (line: number) => `the same customer's return on the same day as line ${line}: counted once`,
      (line) => `dieselbe Rückkehr desselben Kunden am selben Tag wie Zeile ${line}: einmal gezählt`,
    ),
    notInLedger: m(
      (n: number, rows: number) => `${n} customers of the outcomes (${rows} rows) are not in the ledger: their returns are not attributed to any contact or control (returns of customers the campaigns never listed, or ids written differently)`,
      (n, rows) => `${n} Kunden der Ergebnisdatei (${rows} Zeilen) stehen nicht im Kontaktbuch: ihre Rückkehr wird keinem Kontakt und keiner Kontrollgruppe zugerechnet (Rückkehrer, die keine Kampagne gelistet hat, oder anders geschriebene Kundennummern)`,
    ),
    missingInExport: m(
      (n: number, file: string, out: string) => `${n} customers of the ledger (contacted or control) not in ${file}: left out of ${out}`,
      (n, file, out) => `${n} Kunden des Kontaktbuchs (kontaktiert oder Kontrollgruppe) nicht in ${file}: in ${out} ausgelassen`,
    ),
    noControl: m(
      'no control group in the ledger: lift cannot be measured (run winback campaign --holdout 10%)',
      'keine Kontrollgruppe im Kontaktbuch: der Mehrwert lässt sich nicht messen (winback campaign --holdout 10% ausführen)',
    ),
    windowOpen: m(
      (n: number) => `${n} customers not regained yet whose attribution window is still open: rates may still rise`,
      (n) => `${n} Kunden noch nicht zurückgewonnen, deren Zuordnungsfenster noch offen ist: die Quoten können noch steigen`,
    ),
    returnedBeforeContact: m(
      (n: number, ids: string) => `${n} customers returned before their first contact: not credited (${ids})`,
      (n, ids) => `${n} Kunden kehrten vor ihrem ersten Kontakt zurück: nicht angerechnet (${ids})`,
    ),
    returnedAfterWindow: m(
      (n: number) => `${n} customers returned after their attribution window (counted from their first contact or hold-out): not counted as regained`,
      (n) => `${n} Kunden kehrten nach ihrem Zuordnungsfenster zurück (gezählt ab dem ersten Kontakt oder Zurückhalten): nicht als zurückgewonnen gezählt`,
    ),
    noneInLedger: m(
      (file: string, n: number) => `${file}: none of its ${n} customers is in the ledger: the outcomes file is another programme's, or its ids are in another column; nothing was written`,
      (file, n) => `${file}: keiner ihrer ${n} Kunden steht im Kontaktbuch: die Ergebnisdatei gehört zu einem anderen Programm, oder die Kundennummern stehen in einer anderen Spalte; nichts wurde geschrieben`,
    ),
    noneInLedgerHint: m(
      'check the file and its id column (--map customer_id=COLUMN) and run again',
      'Datei und Kundennummern-Spalte prüfen (--map customer_id=SPALTE) und erneut ausführen',
    ),
    switchedGroup: m(
      (n: number, ids: string) => `${n} customers held out earlier and contacted later: counted as contacted (${ids})`,
      (n, ids) => `${n} Kunden erst zurückgehalten und später kontaktiert: als kontaktiert gezählt (${ids})`,
    ),
    marginEstimated: m(
      (n: number) => `${n} returns without margin: margin estimated from revenue with the default margin`,
      (n) => `${n} Rückkehrer ohne Marge: Marge aus dem Umsatz mit der Standardmarge geschätzt`,
    ),
    required: m('--ledger FILE and --outcomes FILE are required', '--ledger DATEI und --outcomes DATEI fehlen'),
    requiredHint: m('e.g. winback results --ledger out/ledger.csv --outcomes returns.csv', 'z. B. winback results --ledger out/ledger.csv --outcomes returns.csv'),
    historyNeedsExport: m('--history-out needs --export FILE', '--history-out braucht --export DATEI'),
    historyNeedsExportHint: m(
      'the lost-customer export used for the campaign gives the columns calibrate needs',
      'der Export verlorener Kunden, auf dem die Kampagne lief, liefert die Spalten, die winback calibrate braucht',
    ),
    noLedger: m((file: string) => `ledger ${file}: no such file`, (file) => `Kontaktbuch ${file}: Datei nicht gefunden`),
    noLedgerHint: m('the ledger is written by winback campaign --ledger FILE', 'das Kontaktbuch schreibt winback campaign --ledger DATEI'),
    window: m((text: string) => `--window '${text}' must be a number of days or weeks, e.g. 90d or 12w`, (text) => `--window '${text}' muss eine Zahl von Tagen oder Wochen sein, z. B. 90d oder 12w`),
  },
  /** winback clv's terminal report (io/clv/render.ts); model.json keeps the machine words. */
  clv: {
    rows: m('Rows', 'Zeilen'),
    rowsValue: m(
      (read: string, accepted: string, rejected: string, anyRejected: boolean) => `${read} read = ${accepted} accepted + ${rejected} rejected${anyRejected ? ' (see rejects.csv)' : ''}`,
      (read, accepted, rejected, anyRejected) => `${read} gelesen = ${accepted} angenommen + ${rejected} abgelehnt${anyRejected ? ' (siehe rejects.csv)' : ''}`,
    ),
    customers: m('Customers', 'Kunden'),
    customersValue: m(
      (customers: string, repeat: string, prospects: string, period: string, end: string, source: string) =>
        `${customers} (${repeat} with repeat purchases${prospects !== '0' ? `, ${prospects} prospects` : ''}); time unit: ${period}; calibration end ${end} (${source})`,
      (customers, repeat, prospects, period, end, source) =>
        `${customers} (${repeat} mit Wiederholungskäufen${prospects !== '0' ? `, ${prospects} Interessenten` : ''}); Zeiteinheit: ${({ day: 'Tag', week: 'Woche', month: 'Monat' } as Record<string, string>)[period] ?? period}; Ende der Kalibrierung ${end} (${source === 'last transaction date' ? 'letztes Transaktionsdatum' : source})`,
    ),
    notGiven: m('not given', 'nicht angegeben'),
    logLikelihood: m('log-likelihood', 'Log-Likelihood'),
    iterations: m((n: number) => `${n} iterations`, (n) => `${n} Iterationen`),
    notConverged: m('NOT converged', 'NICHT konvergiert'),
    converged: m('converged', 'konvergiert'),
    onBoundary: m((names: string) => `converged on a boundary (${names} not estimable, see warnings)`, (names) => `am Rand konvergiert (${names} nicht schätzbar, siehe Warnungen)`),
    notEstimable: m((names: string) => `converged, but ${names} not estimable (flat likelihood, see warnings)`, (names) => `konvergiert, aber ${names} nicht schätzbar (flache Likelihood, siehe Warnungen)`),
    notFitted: m('not fitted (see warnings)', 'nicht angepasst (siehe Warnungen)'),
    phasesHead: m(
      (months: number, rate: string) => `Lifecycle phases (CLV over ${months} months, ${rate} % a year)`,
      (months, rate) => `Lebenszyklusphasen (CLV über ${months} Monate, ${rate} % im Jahr)`,
    ),
    phaseColumns: m(
      ['phase', 'customers', 'share', 'mean p_alive', 'expected purchases', 'clv'],
      ['Phase', 'Kunden', 'Anteil', 'mittl. p_alive', 'erwartete Käufe', 'CLV'],
    ),
    boughtAgainColumn: m('bought again in holdout', 'erneut gekauft (Prüfzeitraum)'),
    phase: m((phase: string) => phase, (phase) => PHASE_DE[phase] ?? phase),
    holdout: m(
      (periods: string, period: string, actual: string, predicted: string, model: string) => `Holdout (${periods} ${period}s): ${actual} purchase days, ${predicted} forecast by ${model}`,
      (periods, period, actual, predicted, model) =>
        `Prüfzeitraum (${periods} × ${({ day: 'Tag', week: 'Woche', month: 'Monat' } as Record<string, string>)[period] ?? period}): ${actual} Kauftage, ${predicted} vorhergesagt von ${model}`,
    ),
    intervals: m(
      (level: number, replicates: number, list: string) => `${level} % intervals (${replicates} bootstrap replicates): ${list}; per customer: clv_low, clv_high`,
      (level, replicates, list) => `${level}-%-Intervalle (${replicates} Bootstrap-Wiederholungen): ${list}; je Kunde: clv_low, clv_high`,
    ),
    lostThreshold: m((summary: string) => `Lost threshold: ${summary}`, (summary) => `Verlustschwelle: ${summary}`),
    afterEnd: m(
      (n: number, holdout: boolean) => `${n} transactions after the ${holdout ? 'holdout' : 'calibration'} end were read but not used`,
      (n, holdout) => `${n} Transaktionen nach dem Ende ${holdout ? 'des Prüfzeitraums' : 'der Kalibrierung'} wurden gelesen, aber nicht verwendet`,
    ),
    outsideCohort: m((n: number) => `${n} customers bought first in the holdout period and are not modelled`, (n) => `${n} Kunden kauften zum ersten Mal im Prüfzeitraum und werden nicht modelliert`),
    unmatchedReturns: m(
      (amount: string) => `returns worth ${amount} had no earlier purchase of the same customer to net against (bought before the data starts?) and were left out`,
      (amount) => `Retouren im Wert von ${amount} hatten keinen früheren Kauf desselben Kunden zum Verrechnen (vor Beginn der Daten gekauft?) und wurden ausgelassen`,
    ),
    onlyReturns: m(
      (n: number) => `${n} customers have only returns in the calibration period, or returns that cancel their purchases, and are not modelled (their rows are in rejects.csv)`,
      (n) => `${n} Kunden haben im Kalibrierungszeitraum nur Retouren oder Retouren, die ihre Käufe aufheben, und werden nicht modelliert (ihre Zeilen stehen in rejects.csv)`,
    ),
    missingIds: m(
      (n: number) => `${n} rows without a customer id (empty, NA, NULL, …) were rejected: they belong to no known customer (see rejects.csv)`,
      (n) => `${n} Zeilen ohne Kundennummer (leer, NA, NULL, …) wurden abgelehnt: sie gehören zu keinem bekannten Kunden (siehe rejects.csv)`,
    ),
    bootstrapFailed: m(
      (failed: number, all: number, unsettled: number) => `intervals: ${failed} of ${all} bootstrap refits failed and ${unsettled} ran to a boundary: the intervals of the parameters that cannot be estimated are open-ended`,
      (failed, all, unsettled) => `Intervalle: ${failed} von ${all} Bootstrap-Anpassungen schlugen fehl und ${unsettled} liefen an einen Rand: die Intervalle der nicht schätzbaren Parameter sind nach einer Seite offen`,
    ),
    prospectsSkipped: m((file: string, n: number) => `customer list ${file}: ${n} rows skipped (empty or duplicate id)`, (file, n) => `Kundenliste ${file}: ${n} Zeilen übersprungen (leere oder doppelte Kundennummer)`),
    clvMissing: m((n: number) => `${n} customers without a finite CLV (clv left empty)`, (n) => `${n} Kunden ohne endlichen CLV (clv bleibt leer)`),
    /** the lost threshold in German words (English keeps threshold.ts's own sentence) */
    thresholdNotValidated: m(
      (value: string, source: string) => `P(alive) < ${value} (${source}), not validated: give --holdout-end to measure how many "lost" customers buy again on their own`,
      (value, source) => `P(aktiv) < ${value} (${thresholdSourceDe(source)}), nicht geprüft: --holdout-end angeben, um zu messen, wie viele „verlorene“ Kunden von selbst wieder kaufen`,
    ),
    thresholdValidated: m(
      (value: string, source: string, again: number, lost: number, share: string, limit: string) =>
        `P(alive) < ${value} (${source}): ${again} of ${lost} "lost" customers (${share}) bought again in the holdout, limit ${limit}`,
      (value, source, again, lost, share, limit) =>
        `P(aktiv) < ${value} (${thresholdSourceDe(source)}): ${again} von ${lost} „verlorenen“ Kunden (${share}) kauften im Prüfzeitraum wieder, Grenze ${limit}`,
    ),
    rejectRate: m(
      (label: string, rejected: number, read: number, share: string, max: string) =>
        `${label}: ${rejected} of ${read} rows rejected (${share} %), more than --max-reject-rate ${max} %; nothing was written`,
      (label, rejected, read, share, max) => `${label}: ${rejected} von ${read} Zeilen abgelehnt (${dec(share)} %), mehr als --max-reject-rate ${dec(max)} %; nichts wurde geschrieben`,
    ),
    rejectRateHint: m((label: string) => `run winback inspect ${label} to see the rejects`, (label) => `winback inspect ${label} zeigt die abgelehnten Zeilen`),
    nobodyLeft: m(
      (label: string, rejected: number, read: number, line: number | undefined, error: string) =>
        `${label}: no customer is left to model (${rejected} of ${read} rows rejected${line === undefined ? '' : `; the first, line ${line}: ${error}`})`,
      (label, rejected, read, line, error) =>
        `${label}: kein Kunde bleibt zum Modellieren (${rejected} von ${read} Zeilen abgelehnt${line === undefined ? '' : `; die erste, Zeile ${line}: ${error}`})`,
    ),
    allAfterEnd: m(
      (label: string, n: number) => `${label}: all ${n} readable transactions lie after the calibration end: there is no history before it to model`,
      (label, n) => `${label}: alle ${n} lesbaren Transaktionen liegen nach dem Ende der Kalibrierung: davor gibt es keine Historie zum Modellieren`,
    ),
    allAfterEndHint: m(
      'give the day the data were exported as --as-of (or a later --calibration-end); the calibration end is the last day the model may see',
      'den Tag des Exports als --as-of angeben (oder ein späteres --calibration-end); das Ende der Kalibrierung ist der letzte Tag, den das Modell sehen darf',
    ),
    nobodyLeftHint: m(
      'check the delimiter and the column mapping with winback inspect, or use --delimiter and --map',
      'Trennzeichen und Spaltenzuordnung mit winback inspect prüfen, oder --delimiter und --map angeben',
    ),
    lonelyLastDay: m(
      (label: string, line: number, id: string, day: string, days: number, next: string) =>
        `${label}, line ${line}: the last transaction (customer ${id}, ${day}) lies ${days} days after every other customer's last purchase (${next}); taken as the calibration end it would make nearly everyone look lost, so nothing was written`,
      (label, line, id, day, days, next) =>
        `${label}, Zeile ${line}: die letzte Transaktion (Kunde ${id}, ${day}) liegt ${days} Tage nach dem letzten Kauf jedes anderen Kunden (${next}); als Ende der Kalibrierung genommen ließe sie fast alle verloren aussehen, daher wurde nichts geschrieben`,
    ),
    lonelyLastDayHint: m(
      'check that date for a typo, or give --as-of (the day the data were exported): later transactions are then left out',
      'dieses Datum auf einen Tippfehler prüfen, oder --as-of angeben (den Tag des Exports): spätere Transaktionen bleiben dann außen vor',
    ),
    notFittable: m((label: string, why: string) => `${label}: ${why}`, (label, why) => `${label}: ${why}`),
    notFittableHint: m(
      'the models need at least 20 customers, some of them buying on two or more different days: use a longer history (or check --calibration-end)',
      'die Modelle brauchen mindestens 20 Kunden, von denen einige an zwei oder mehr verschiedenen Tagen kaufen: eine längere Historie verwenden (oder --calibration-end prüfen)',
    ),
    written: m((dir: string) => `Written: ${dir}/customers.csv, ${dir}/model.json, ${dir}/rejects.csv`, (dir) => `Geschrieben: ${dir}/customers.csv, ${dir}/model.json, ${dir}/rejects.csv`),
    // The reason column of --lost-out and --retention-out (io/clv/output.ts, clv/retention.ts).
    silentChurn: m('silent churn: stopped buying (no cancellation)', 'stille Abwanderung: kauft nicht mehr (ohne Kündigung)'),
    drifting: m('drifting: still buying but less often (core defector)', 'abwandernd: kauft noch, aber seltener (abwandernder Stammkunde)'),
    retentionDoubt: m(
      (pAlive: number, threshold: number) => `P(alive) ${pAlive.toFixed(2)} is below ${threshold}: ask what changed (unresolved defect, competitor?) before the customer is lost`,
      (pAlive, threshold) => `P(aktiv) ${dec(pAlive.toFixed(2))} liegt unter ${dec(String(threshold))}: fragen, was sich geändert hat (ungelöster Mangel, Wettbewerber?), bevor der Kunde verloren ist`,
    ),
    retentionRhythm: m(
      (pAlive: number, rateRatio: number) =>
        `still likely alive (P(alive) ${pAlive.toFixed(2)}) but ${rateRatio > 0 ? (1 / rateRatio).toFixed(1) : 'many'} times the usual gap since the last purchase: remind with what is new or a reorder offer`,
      (pAlive, rateRatio) =>
        `wahrscheinlich noch aktiv (P(aktiv) ${dec(pAlive.toFixed(2))}), aber seit dem letzten Kauf ${rateRatio > 0 ? `${dec((1 / rateRatio).toFixed(1))}-mal` : 'ein Vielfaches'} der üblichen Pause: mit Neuem oder einem Nachbestellangebot erinnern`,
    ),
  },
  /**
   * The warnings of the clv model fits (clv/fit-models.ts, fit-notes.ts, gamma-gamma.ts,
   * threshold.ts), handed on as keys with arguments (`Said<'clvFit'>`); numbers arrive formatted
   * in English form and German swaps the decimal point.
   */
  /** The error column of clv's rejects.csv: transaction and summary rows the models cannot use (io/clv/input.ts). */
  clvRows: {
    missingId: m(
      (markers: string) => `customer_id is missing (empty or a missing-value marker such as ${markers}): the row belongs to no known customer`,
      (markers) => `customer_id fehlt (leer oder ein Platzhalter für fehlende Werte wie ${markers}): die Zeile gehört zu keinem bekannten Kunden`,
    ),
    empty: m((field: string) => `${field} is empty`, (field) => `${field} ist leer`),
    onlyReturns: m(
      (rows: number) => `the customer has only returns in the calibration period (${rows === 1 ? 'this row' : `${rows} rows, net as the value says`}), no purchase to net them against: not modelled`,
      (rows) => `der Kunde hat im Kalibrierungszeitraum nur Retouren (${rows === 1 ? 'diese Zeile' : `${rows} Zeilen, netto wie der Wert angibt`}), keinen Kauf, mit dem sie zu verrechnen wären: nicht modelliert`,
    ),
    returnsCancelPurchases: m(
      (rows: number) => `the customer's returns cancel every purchase of theirs in the calibration period (${rows} rows, net as the value says): no purchase day left to model`,
      (rows) => `die Retouren des Kunden heben im Kalibrierungszeitraum jeden seiner Käufe auf (${rows} Zeilen, netto wie der Wert angibt): kein Kauftag bleibt zum Modellieren`,
    ),
    returnRejected: m(
      (cancellation: boolean, amount: number) =>
        `${cancellation ? 'cancellation' : 'negative amount'} ${amount} (a return?): rejected by --returns reject; the default --returns net nets it against the customer's purchases`,
      (cancellation, amount) =>
        `${cancellation ? 'Storno' : 'negativer Betrag'} ${dec(String(amount))} (eine Rücksendung?): abgelehnt wegen --returns reject; der Standard --returns net verrechnet ihn mit den Käufen des Kunden`,
    ),
    factorEmpty: m(
      (header: string, left: string, right: string) => `${header} is empty (the amount is ${left} × ${right})`,
      (header, left, right) => `${header} ist leer (der Betrag ist ${left} × ${right})`,
    ),
    factorNotNumber: m((header: string, raw: string) => `${header} '${raw}' is not a number`, (header, raw) => `${header} '${raw}' ist keine Zahl`),
    ageNegative: m('T (customer age) must be ≥ 0', 'T (Kundenalter) muss ≥ 0 sein'),
    recencyRange: m((age: number) => `recency must lie between 0 and T (${age})`, (age) => `recency muss zwischen 0 und T (${dec(String(age))}) liegen`),
    recencyZero: m('recency must be 0 when frequency is 0', 'recency muss 0 sein, wenn frequency 0 ist'),
    monetaryEmpty: m('monetary is empty for a repeat customer', 'monetary ist bei einem Wiederholungskäufer leer'),
    monetaryNegative: m('monetary must be ≥ 0', 'monetary muss ≥ 0 sein'),
  },
  /**
   * The checks of the clv models' inputs (domain/clv/columns.ts, summary.ts, gamma-gamma.ts): the
   * reader rejects such rows first, so these name a fault of the program rather than of a file.
   */
  clvData: {
    rowCounts: m('frequency, recency, T (and weights) must have the same number of rows', 'frequency, recency, T (und weights) müssen gleich viele Zeilen haben'),
    frequency: m(
      (row: number, value: number) => `row ${row}: frequency must be a whole number ≥ 0, got ${value}`,
      (row, value) => `Zeile ${row}: frequency muss eine ganze Zahl ≥ 0 sein, gefunden ${dec(String(value))}`,
    ),
    age: m(
      (row: number, value: number) => `row ${row}: T (customer age) must be a number ≥ 0, got ${value}`,
      (row, value) => `Zeile ${row}: T (Kundenalter) muss eine Zahl ≥ 0 sein, gefunden ${dec(String(value))}`,
    ),
    recency: m(
      (row: number, value: number, age: number) => `row ${row}: recency must lie between 0 and T, got ${value} with T ${age}`,
      (row, value, age) => `Zeile ${row}: recency muss zwischen 0 und T liegen, gefunden ${dec(String(value))} bei T ${dec(String(age))}`,
    ),
    weight: m(
      (row: number, value: number) => `row ${row}: weight must be a finite number ≥ 0, got ${value}`,
      (row, value) => `Zeile ${row}: das Gewicht muss eine endliche Zahl ≥ 0 sein, gefunden ${dec(String(value))}`,
    ),
    spendFrequency: m(
      (row: number, value: number) => `row ${row}: frequency must be a number ≥ 0, got ${value}`,
      (row, value) => `Zeile ${row}: frequency muss eine Zahl ≥ 0 sein, gefunden ${dec(String(value))}`,
    ),
    meanSpend: m(
      (row: number, value: number) => `row ${row}: mean repeat spend must be positive when frequency > 0, got ${value}`,
      (row, value) => `Zeile ${row}: der mittlere Umsatz der Wiederholungskäufe muss bei frequency > 0 positiv sein, gefunden ${dec(String(value))}`,
    ),
    day: m(
      (customer: string, day: number) => `customer ${customer}: the date must be a whole epoch day, got ${day}`,
      (customer, day) => `Kunde ${customer}: das Datum muss ein ganzer Tag seit 1970 sein, gefunden ${dec(String(day))}`,
    ),
    amount: m(
      (customer: string, amount: number) => `customer ${customer}: the amount must be a number, got ${amount}`,
      (customer, amount) => `Kunde ${customer}: der Betrag muss eine Zahl sein, gefunden ${dec(String(amount))}`,
    ),
    outOfOrder: m(
      (customer: string, day: number, previous: number) => `transactions of customer ${customer} are not in date order (${formatDay(day, 'en')} after ${formatDay(previous, 'en')})`,
      (customer, day, previous) => `die Transaktionen des Kunden ${customer} sind nicht nach Datum geordnet (${formatDay(day, 'de')} nach ${formatDay(previous, 'de')})`,
    ),
    outOfOrderHint: m(
      'sort the file by customer and date, or summarise with order "any" (uses more memory)',
      'die Datei nach Kunde und Datum sortieren, oder mit der Reihenfolge „any“ zusammenfassen (braucht mehr Speicher)',
    ),
    atLine: m((label: string, line: number, problem: string) => `${label}, line ${line}: ${problem}`, (label, line, problem) => `${label}, Zeile ${line}: ${problem}`),
    outOfOrderFileHint: m(
      'sort the file by date (or by customer and date), or run with --order any (uses more memory); if dates such as 03/02/2024 are day first (or month first), give --date-format dmy (or mdy)',
      'die Datei nach Datum (oder nach Kunde und Datum) sortieren, oder mit --order any ausführen (braucht mehr Speicher); stehen in Daten wie 03/02/2024 der Tag (oder der Monat) vorn, --date-format dmy (oder mdy) angeben',
    ),
  },
  clvFit: {
    notConverged: m(
      (model: string, iterations: number, evaluations: number) => `${model}: the optimiser stopped after ${iterations} iterations (${evaluations} evaluations) without reaching its tolerance; treat the parameters with care`,
      (model, iterations, evaluations) => `${model}: die Optimierung endete nach ${iterations} Iterationen (${evaluations} Auswertungen), ohne ihre Toleranz zu erreichen; die Parameter mit Vorsicht behandeln`,
    ),
    noAmounts: m(
      'no amounts in the input: expected_spend and clv are left empty (purchase model only)',
      'keine Beträge in der Eingabe: expected_spend und clv bleiben leer (nur Kaufmodell)',
    ),
    zeroSpend: m(
      (n: number) => `${n} repeat customers with no (or unknown) repeat spend were left out of the Gamma-Gamma fit`,
      (n) => `${n} Wiederkäufer ohne (oder mit unbekanntem) Folgeumsatz wurden bei der Gamma-Gamma-Anpassung ausgelassen`,
    ),
    spendNotConverged: m(
      (iterations: number, evaluations: number) => `Gamma-Gamma: the optimiser stopped after ${iterations} iterations (${evaluations} evaluations) without reaching its tolerance; treat the spend parameters with care`,
      (iterations, evaluations) => `Gamma-Gamma: die Optimierung endete nach ${iterations} Iterationen (${evaluations} Auswertungen), ohne ihre Toleranz zu erreichen; die Umsatzparameter mit Vorsicht behandeln`,
    ),
    tooFewCustomers: m(
      (model: string, customers: number, min: number) => `too few customers to fit ${model}: ${customers}, need at least ${min}`,
      (model, customers, min) => `zu wenige Kunden für eine ${model}-Anpassung: ${customers}, nötig sind mindestens ${min}`,
    ),
    onlyOnce: m(
      (model: string) => `every customer bought only once (frequency 0 everywhere): ${model} cannot be fitted`,
      (model) => `jeder Kunde kaufte nur einmal (überall frequency 0): ${model} lässt sich nicht anpassen`,
    ),
    spendTooFew: m(SPEND_TOO_FEW.en, SPEND_TOO_FEW.de),
    spendSame: m(SPEND_SAME.en, SPEND_SAME.de),
    spendNotFitted: m(
      (why: string) => `Gamma-Gamma not fitted (${why}): expected_spend and clv are left empty`,
      (why) => `Gamma-Gamma nicht angepasst (${why}): expected_spend und clv bleiben leer`,
    ),
    spendNotFittedTooFew: m(
      (customers: number, min: number) => `Gamma-Gamma not fitted (${SPEND_TOO_FEW.en(customers, min)}): expected_spend and clv are left empty`,
      (customers, min) => `Gamma-Gamma nicht angepasst (${SPEND_TOO_FEW.de(customers, min)}): expected_spend und clv bleiben leer`,
    ),
    spendNotFittedSame: m(
      `Gamma-Gamma not fitted (${SPEND_SAME.en}): expected_spend and clv are left empty`,
      `Gamma-Gamma nicht angepasst (${SPEND_SAME.de}): expected_spend und clv bleiben leer`,
    ),
    spendCorrelated: m(
      (correlation: string, threshold: number) =>
        `frequency and mean spend are correlated (Pearson ${correlation}, above ${threshold}): the Gamma-Gamma model assumes they are independent, so expected spend may be biased`,
      (correlation, threshold) =>
        `Kaufhäufigkeit und mittlerer Umsatz hängen zusammen (Pearson ${dec(correlation)}, über ${dec(String(threshold))}): das Gamma-Gamma-Modell nimmt sie als unabhängig an, der erwartete Umsatz kann also verzerrt sein`,
    ),
    unboundedSpend: m(
      (q: string) => `q = ${q} ≤ 1: the population mean spend is unbounded, so customers without repeat purchases get no finite expected spend`,
      (q) => `q = ${dec(q)} ≤ 1: der mittlere Umsatz der Gesamtheit ist unbeschränkt, Kunden ohne Wiederholungskauf erhalten also keinen endlichen erwarteten Umsatz`,
    ),
    // What a fit cannot estimate (fit-notes.ts); `model` is BG/NBD, Pareto/NBD or Gamma-Gamma.
    aZero: m(
      (model: string, a: string) =>
        `${model}: a → 0 (a = ${a}): the data show no drop-out, so every customer counts as alive (P(alive) ≈ 1) and nobody can be found lost; the drop-out parameters a and b cannot be estimated from this history — use a longer one`,
      (model, a) =>
        `${model}: a → 0 (a = ${dec(a)}): die Daten zeigen keine Abwanderung, jeder Kunde gilt also als aktiv (P(aktiv) ≈ 1) und niemand kann als verloren erkannt werden; die Abwanderungsparameter a und b lassen sich aus dieser Historie nicht schätzen — eine längere verwenden`,
    ),
    abTogether: m(
      (model: string, a: string, b: string, ratio: string) =>
        `${model}: a and b run off together (a = ${a}, b = ${b}): every customer has the same drop-out chance after a purchase (a/(a+b) = ${ratio}), so a and b cannot be estimated separately`,
      (model, a, b, ratio) =>
        `${model}: a und b laufen gemeinsam davon (a = ${dec(a)}, b = ${dec(b)}): jeder Kunde hat nach einem Kauf dieselbe Abwanderungswahrscheinlichkeit (a/(a+b) = ${dec(ratio)}), a und b lassen sich also nicht getrennt schätzen`,
    ),
    sZero: m(
      (model: string, s: string) =>
        `${model}: s → 0 (s = ${s}): the data show no drop-out, so every customer counts as alive and nobody can be found lost; s and beta cannot be estimated from this history — use a longer one`,
      (model, s) =>
        `${model}: s → 0 (s = ${dec(s)}): die Daten zeigen keine Abwanderung, jeder Kunde gilt also als aktiv und niemand kann als verloren erkannt werden; s und beta lassen sich aus dieser Historie nicht schätzen — eine längere verwenden`,
    ),
    sBetaTogether: m(
      (model: string, s: string, beta: string, ratio: string) =>
        `${model}: s and beta run off together (s = ${s}, beta = ${beta}): every customer has the same drop-out rate (s/beta = ${ratio} per period), so s and beta cannot be estimated separately`,
      (model, s, beta, ratio) =>
        `${model}: s und beta laufen gemeinsam davon (s = ${dec(s)}, beta = ${dec(beta)}): jeder Kunde hat dieselbe Abwanderungsrate (s/beta = ${dec(ratio)} je Zeiteinheit), s und beta lassen sich also nicht getrennt schätzen`,
    ),
    rAlphaTogether: m(
      (model: string, r: string, alpha: string, ratio: string) =>
        `${model}: r and alpha run off together (r = ${r}, alpha = ${alpha}): every customer buys at the same rate (r/alpha = ${ratio} per period), so r and alpha cannot be estimated separately`,
      (model, r, alpha, ratio) =>
        `${model}: r und alpha laufen gemeinsam davon (r = ${dec(r)}, alpha = ${dec(alpha)}): jeder Kunde kauft mit derselben Rate (r/alpha = ${dec(ratio)} je Zeiteinheit), r und alpha lassen sich also nicht getrennt schätzen`,
    ),
    qvTogether: m(
      (model: string, q: string, v: string) =>
        `${model}: q and v run off together (q = ${q}, v = ${v}): the customers do not differ in their mean spend beyond chance, so q and v cannot be estimated separately and expected spend falls back to one common mean`,
      (model, q, v) =>
        `${model}: q und v laufen gemeinsam davon (q = ${dec(q)}, v = ${dec(v)}): die Kunden unterscheiden sich im mittleren Umsatz nicht über den Zufall hinaus, q und v lassen sich also nicht getrennt schätzen, und der erwartete Umsatz fällt auf einen gemeinsamen Mittelwert zurück`,
    ),
    onBoundary: m(
      (model: string, name: string, toward: string, value: string) =>
        `${model}: ${name} sits on its boundary (${name} → ${toward}, ${name} = ${value}); it cannot be estimated from this data, and results that depend on it are not supported by the data`,
      (model, name, toward, value) =>
        `${model}: ${name} liegt am Rand (${name} → ${toward}, ${name} = ${dec(value)}); er lässt sich aus diesen Daten nicht schätzen, und Ergebnisse, die von ihm abhängen, sind durch die Daten nicht gedeckt`,
    ),
    flat: m(
      (model: string, name: string, se: string | undefined) =>
        `${model}: ${name} is hardly constrained (the likelihood is flat: ${se === undefined ? 'no curvature' : `standard error of ln ${name} = ${se}`}); it cannot be estimated from this data, and results that depend on it are not supported by the data`,
      (model, name, se) =>
        `${model}: ${name} ist kaum bestimmt (die Likelihood ist flach: ${se === undefined ? 'keine Krümmung' : `Standardfehler von ln ${name} = ${dec(se)}`}); er lässt sich aus diesen Daten nicht schätzen, und Ergebnisse, die von ihm abhängen, sind durch die Daten nicht gedeckt`,
    ),
    // The lost threshold on the holdout (threshold.ts); shares arrive as "12.5 %".
    noThresholdWithin: m(
      (limit: string, months: number, value: number) =>
        `no lost threshold keeps the organic-return share at or below ${limit} (the one-time buyers counted lost after ${months} months alone may exceed it); the smallest, ${value}, is used`,
      (limit, months, value) =>
        `keine Verlustschwelle hält den Anteil der Rückkehrer ohne Kampagne bei höchstens ${dec(limit)} (die nach ${months} Monaten als verloren gezählten Einmalkäufer allein können ihn überschreiten); die kleinste, ${dec(String(value))}, wird verwendet`,
    ),
    thresholdOrganic: m(
      (value: number, source: string, share: string, lost: number, limit: string) =>
        `lost threshold ${value} (${source}): ${share} of the ${lost} customers it calls lost bought again in the holdout without a campaign, more than ${limit}; run with --lost-threshold auto to choose one`,
      (value, source, share, lost, limit) =>
        `Verlustschwelle ${dec(String(value))} (${thresholdSourceDe(source)}): ${dec(share)} der ${lost} Kunden, die sie verloren nennt, kauften im Prüfzeitraum ohne Kampagne wieder, mehr als ${dec(limit)}; mit --lost-threshold auto eine wählen lassen`,
    ),
  },
  /** commander's own usage errors and the hint after them (cli/program.ts). */
  usage: {
    commanderError: m((text: string) => text, (text) => commanderErrorDe(text)),
    helpHint: m('hint: run with --help for usage and an example', 'Hinweis: --help zeigt den Aufruf und ein Beispiel'),
  },
  /** Words around every command's output and errors (cli/main.ts, io). */
  common: {
    warning: m('warning', 'Warnung'),
    hint: m('hint', 'Hinweis'),
    internalError: m('internal error', 'interner Fehler'),
    internalHint: m('run again with --debug for details, and report it', 'mit --debug noch einmal ausführen, um Einzelheiten zu sehen, und den Fehler melden'),
    outputStreamFailed: m(
      (stream: string, why: string) => `cannot write to ${stream} (${why}): stopped; the files the run had written are complete, none is left half-written`,
      (stream, why) => `${stream === 'standard output' ? 'die Standardausgabe' : 'die Standardfehlerausgabe'} kann nicht geschrieben werden (${why}): abgebrochen; die Dateien, die der Lauf geschrieben hatte, sind vollständig, keine ist halb geschrieben`,
    ),
    // --lang or WINBACK_LANG with a language winback does not speak (cli/lang.ts).
    langUnsupported: m((source: string, text: string) => `${source} '${text}' is not supported`, (source, text) => `${source} '${text}' wird nicht unterstützt`),
    langHint: m('use --lang en or --lang de', '--lang en oder --lang de angeben'),
    // The progress line of a long run on a terminal (io/progress.ts); numbers arrive formatted.
    progressRows: m((rows: string) => `${rows} rows`, (rows) => `${rows} Zeilen`),
    progressRate: m((rate: string) => `${rate} rows/s`, (rate) => `${rate} Zeilen/s`),
    progressLeft: m((time: string) => `${time} left`, (time) => `noch ${time}`),
    // A run ended by a signal (io/temp-cleanup.ts).
    stopped: m(
      (signal: string, code: number) => `stopped by ${signal} (exit ${code}); temporary files removed`,
      (signal, code) => `durch ${signal} beendet (Exit-Code ${code}); vorläufige Dateien entfernt`,
    ),
  },
};

/** A number written in English form (0.412, 2.70e+6, 12.5 %) with a decimal comma. */
function dec(text: string): string {
  return text.replace(/(\d)\.(\d)/g, '$1,$2');
}

/** commander's usage errors (commander 14's wording) in German; an unknown one stays as it is. */
function commanderErrorDe(text: string): string {
  const rules: [RegExp, string][] = [
    [/option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are ([^.]+)\./, "Option '$1': '$2' ist ungültig. Erlaubt sind $3."],
    [/option '([^']+)' argument missing/, "Option '$1': der Wert fehlt"],
    [/unknown option '([^']+)'/, "unbekannte Option '$1'"],
    [/unknown command '([^']+)'/, "unbekannter Befehl '$1'"],
    // The argument as the German help names it ("winback plan [Optionen] <Datei>").
    [/missing required argument '([^']+)'/, "das Argument <$1> fehlt"],
    [/too many arguments for '([^']+)'\. Expected (\d+) arguments? but got (\d+)\./, "zu viele Argumente für '$1': erwartet $2, erhalten $3."],
    [/too many arguments\. Expected (\d+) arguments? but got (\d+)\./, 'zu viele Argumente: erwartet $1, erhalten $2.'],
    [/\(Did you mean ([^?]+)\?\)/, '($1 gemeint?)'],
  ];
  return rules.reduce((out, [re, de]) => out.replace(re, de), text).replace(/<(file|input|history|dir)>/, (_, name: string) => `<${ARGUMENT_DE[name] ?? name}>`);
}

/** "1 row", "2 rows"; "1 Zeile", "2 Zeilen". */
function rowsEn(n: number): string {
  return n === 1 ? '1 row' : `${n} rows`;
}
function rowsDe(n: number): string {
  return n === 1 ? '1 Zeile' : `${n} Zeilen`;
}

/** The German names of the commands' arguments, as the help shows them (catalogue/help.ts placeholders). */
const ARGUMENT_DE: Record<string, string> = { file: 'Datei', input: 'Eingabe', history: 'Historie', dir: 'Verzeichnis' };

/** Where winback clv's lost threshold came from (clv/threshold.ts), in German. */
function thresholdSourceDe(source: string): string {
  return ({ 'chosen on the holdout': 'auf dem Prüfzeitraum gewählt', config: 'Konfiguration' } as Record<string, string>)[source] ?? source;
}

/** One unit of the currency in a German sentence: "Euro" for €, else the symbol itself. */
function unitWord(symbol: string): string {
  return symbol.trim() === '€' ? 'Euro' : symbol.trim();
}
