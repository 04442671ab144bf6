/**
 * The `--help` texts of the catalogue: each command's description, its arguments, its options
 * (keyed by the long name without dashes) and its examples, in English and German. `shared`
 * holds the options several commands add the same way (reading, planning and output flags);
 * a command's own text of an option wins. cli/help.ts puts them onto commander's commands.
 */
import { m } from './entry.js';

/** The help of one command. */
export interface CommandHelp {
  description: string;
  /** argument name → description */
  arguments?: Record<string, string>;
  /** option long name without the dashes (as-of, no-excel) → description */
  options?: Record<string, string>;
  /** a paragraph shown before the examples */
  note?: string;
  /** example command lines, each after `$ ` (a comment may follow in parentheses) */
  examples: string[];
}

/** The words commander puts around the texts. */
export interface HelpFrame {
  /** section titles as commander writes them (Usage:, Options: …) → the language's */
  titles: Record<string, string>;
  /** placeholder words of the usage line and the option terms ([options], <file>) */
  placeholders: Record<string, string>;
  choices: string;
  default: string;
  preset: string;
  env: string;
  example: string;
  examples: string;
  exitCodes: string;
  helpCommand: string;
}

const IDENTITY_TITLES = { 'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Global Options:': 'Global Options:' };

export const HELP = {
  /** commander's own words around the texts */
  frame: m<HelpFrame>(
    {
      titles: IDENTITY_TITLES,
      placeholders: {},
      choices: 'choices',
      default: 'default',
      preset: 'preset',
      env: 'env',
      example: 'Example:',
      examples: 'Examples:',
      exitCodes: 'Exit codes: 0 ok, 64 usage, 65 data error, 66 input missing, 73 cannot write, 74 I/O error, 75 locked.',
      helpCommand: 'display help for command',
    },
    {
      titles: { 'Usage:': 'Aufruf:', 'Arguments:': 'Argumente:', 'Options:': 'Optionen:', 'Commands:': 'Befehle:', 'Global Options:': 'Globale Optionen:' },
      placeholders: {
        options: 'Optionen', command: 'Befehl', file: 'Datei', dir: 'Verzeichnis', input: 'Eingabe', history: 'Historie', date: 'Datum', name: 'Name',
        char: 'Zeichen', mark: 'Zeichen', order: 'Reihenfolge', 'field=header': 'Feld=Spaltenüberschrift', rate: 'Quote', n: 'n', amount: 'Betrag',
        days: 'Tage', caps: 'Kapazitäten', share: 'Anteil', names: 'Namen', step: 'Schritt', percent: 'Prozent', unit: 'Einheit', 'p|auto': 'p|auto',
        replicates: 'Wiederholungen', format: 'Format', model: 'Modell', expr: 'Ausdruck', mode: 'Modus', prefix: 'Präfix', lang: 'Sprache',
      },
      choices: 'Auswahl',
      default: 'Standard',
      preset: 'ohne Wert',
      env: 'Umgebung',
      example: 'Beispiel:',
      examples: 'Beispiele:',
      exitCodes: 'Exit-Codes: 0 ok, 64 Aufruf, 65 Datenfehler, 66 Eingabe fehlt, 73 kann nicht schreiben, 74 E/A-Fehler, 75 gesperrt.',
      helpCommand: 'Hilfe zu einem Befehl anzeigen',
    },
  ),
  /** options added the same way to several commands (cli/options.ts, cli/output-format.ts, addPlanFlags) */
  shared: m<Record<string, string>>(
    {
      encoding: 'input encoding: utf8, utf16le, utf16be, win1252, latin1 (default: detected)',
      delimiter: "field separator: ',' ';' tab '|' (default: detected)",
      decimal: 'decimal mark of numbers (default: detected)',
      'date-format': 'day/month order of dates: dmy (31.03.2024, 31/03/2024), mdy (3/31/2024), ymd (default: detected)',
      map: 'read a canonical field from this column (repeatable)',
      'churn-date': 'churn date (2026-03-31 or 31.03.2026) for every row of a file without one',
      'max-reject-rate':
        'fail (exit 65, nothing written) when more than this share of rows is rejected, e.g. 0.05 or 5% (plan, campaign, report, worksheet, reasons, calibrate, results, inspect: default WINBACK_MAX_REJECT_RATE, else input.maxRejectRate, else 20%)',
      sheet: 'worksheet of an .xlsx workbook to read (default: the first)',
      'as-of': 'the run date (2026-11-23 or 23.11.2026) all timing is computed from (default: today, or WINBACK_AS_OF)',
      playbook: 'playbook file (default: the built-in one)',
      config: 'config file (YAML or JSON; default: WINBACK_CONFIG or built-in defaults)',
      model: 'calibrated model from winback calibrate',
      lang: 'language of texts (default: WINBACK_LANG, then config lang, then LC_ALL/LC_MESSAGES/LANG, else en)',
      excel: 'write CSVs for German Excel (UTF-8 with BOM, ";", decimal comma, ="01067" for leading zeros)',
      'no-excel': 'write plain CSVs even where the config asks for --excel',
      help: 'display help for command',
    },
    {
      encoding: 'Kodierung der Eingabe: utf8, utf16le, utf16be, win1252, latin1 (Standard: erkannt)',
      delimiter: "Trennzeichen der Felder: ',' ';' Tabulator '|' (Standard: erkannt)",
      decimal: 'Dezimalzeichen der Zahlen (Standard: erkannt)',
      'date-format': 'Reihenfolge von Tag und Monat: dmy (31.03.2024, 31/03/2024), mdy (3/31/2024), ymd (Standard: erkannt)',
      map: 'ein Feld aus dieser Spalte lesen (wiederholbar)',
      'churn-date': 'Kündigungsdatum (2026-03-31 oder 31.03.2026) für jede Zeile einer Datei ohne eines',
      'max-reject-rate':
        'abbrechen (Exit 65, nichts geschrieben), wenn mehr als dieser Anteil der Zeilen abgelehnt wird, z. B. 0.05 oder 5% (plan, campaign, report, worksheet, reasons, calibrate, results, inspect: Standard WINBACK_MAX_REJECT_RATE, sonst input.maxRejectRate, sonst 20%)',
      sheet: 'Tabellenblatt einer .xlsx-Arbeitsmappe, das gelesen wird (Standard: das erste)',
      'as-of': 'Stichtag (2026-11-23 oder 23.11.2026), von dem aus alle Termine berechnet werden (Standard: heute, oder WINBACK_AS_OF)',
      playbook: 'Playbook-Datei (Standard: das eingebaute)',
      config: 'Konfigurationsdatei (YAML oder JSON; Standard: WINBACK_CONFIG oder eingebaute Standardwerte)',
      model: 'kalibriertes Modell aus winback calibrate',
      lang: 'Sprache der Texte (Standard: WINBACK_LANG, dann lang der Konfiguration, dann LC_ALL/LC_MESSAGES/LANG, sonst en)',
      excel: 'CSV-Dateien für deutsches Excel schreiben (UTF-8 mit BOM, ";", Dezimalkomma, ="01067" für führende Nullen)',
      'no-excel': 'einfache CSV-Dateien schreiben, auch wo die Konfiguration --excel verlangt',
      help: 'Hilfe zu diesem Befehl anzeigen',
    },
  ),
  winback: m<CommandHelp>(
    {
      description: 'Win-back analysis of lost customers: who is worth winning back, why they left, how and when to approach them.',
      options: { version: 'output the version number', debug: 'show stack traces of errors' },
      examples: ['winback inspect fixtures/lost-customers-de.csv', 'winback plan fixtures/lost-customers-en.csv --out out/plan --as-of 2026-11-23'],
    },
    {
      description: 'Rückgewinnung verlorener Kunden: wen zurückgewinnen lohnt, warum sie gegangen sind, wie und wann man sie anspricht.',
      options: { version: 'Versionsnummer ausgeben', debug: 'bei Fehlern den Stacktrace zeigen' },
      examples: ['winback inspect fixtures/lost-customers-de.csv', 'winback plan fixtures/lost-customers-de.csv --out out/plan --as-of 23.11.2026 --lang de'],
    },
  ),
  inspect: m<CommandHelp>(
    {
      description: 'show how an export is read: encoding, delimiter, number and date formats, column mapping, rejects',
      arguments: { file: 'CSV export, or - for stdin' },
      options: {
        json: 'print the result as one JSON object',
        'as-of': 'churn dates after this date (2026-11-23 or 23.11.2026) are rejected (default: today, or WINBACK_AS_OF)',
        config: 'config file, for its column map, currency and reject limit (default: WINBACK_CONFIG or built-in defaults)',
      },
      examples: [
        'winback inspect fixtures/lost-customers-de.csv --json',
        'winback inspect kunden.xlsx --sheet Kunden   (an Excel workbook: the first visible sheet, or the one named)',
      ],
    },
    {
      description: 'zeigt, wie ein Export gelesen wird: Kodierung, Trennzeichen, Zahlen- und Datumsformate, Spaltenzuordnung, abgelehnte Zeilen',
      arguments: { file: 'CSV-Export, oder - für die Standardeingabe' },
      options: {
        json: 'das Ergebnis als ein JSON-Objekt ausgeben',
        'as-of': 'Kündigungsdaten nach diesem Tag (2026-11-23 oder 23.11.2026) werden abgelehnt (Standard: heute, oder WINBACK_AS_OF)',
        config: 'Konfigurationsdatei, für Spaltenzuordnung, Währung und Ablehnungsgrenze (Standard: WINBACK_CONFIG oder eingebaute Standardwerte)',
      },
      examples: [
        'winback inspect fixtures/lost-customers-de.csv --json',
        'winback inspect kunden.xlsx --sheet Kunden   (eine Excel-Arbeitsmappe: das erste sichtbare Tabellenblatt, oder das genannte)',
      ],
    },
  ),
  plan: m<CommandHelp>(
    {
      description: 'decide whom to win back, with which measure, offer, channel and timing; writes plan.csv, rejects.csv, summary.json',
      arguments: { file: 'lost-customer export, or - for stdin' },
      options: {
        format: 'csv, or xlsx to write plan.csv and rejects.csv (plan.xlsx) as an Excel workbook too (default: config output.format, else csv)',
        out: 'output directory',
        json: 'print summary.json to stdout instead of the table',
        explain: "print one customer's computation step by step (writes nothing)",
        threads: 'threads for exports of 8 MiB and more: this one reads, n−1 workers plan (default: CPUs + 1, at most 4; one CPU: 1; or WINBACK_THREADS; 1: stream on this thread)',
        budget:
          'approach only the contacts with the most incremental value per unit of cost until AMOUNT is spent (channel cost + expected incentive); the rest worth it are let go, over budget',
        capacity:
          'places per channel, e.g. phone=200,visit=20 (alone or with --budget): a customer whose best channel is full gets their next-best permitted action on a channel with room, else is let go, over capacity',
        quiet: 'print nothing on success',
      },
      examples: [
        'winback plan fixtures/lost-customers-en.csv --out out/plan --as-of 2026-11-23 --capacity phone=20,visit=5 --budget 3000',
        'winback plan fixtures/lost-customers-de.csv --out out/plan --as-of 23.11.2026 --lang de --format xlsx',
        'winback plan kunden.xlsx --sheet Kunden --out out/plan --as-of 23.11.2026 --excel',
        'winback plan out/silent-churners.csv --out out/plan-silent   (clv --lost-out: the lost on the win_back track, core defectors on retention)',
      ],
    },
    {
      description: 'entscheidet, wen man zurückgewinnt, mit welcher Maßnahme, welchem Angebot, Kanal und Zeitpunkt; schreibt plan.csv, rejects.csv, summary.json',
      arguments: { file: 'Export verlorener Kunden, oder - für die Standardeingabe' },
      options: {
        format: 'csv, oder xlsx, um plan.csv und rejects.csv zusätzlich als Excel-Arbeitsmappe (plan.xlsx) zu schreiben (Standard: output.format der Konfiguration, sonst csv)',
        out: 'Ausgabeverzeichnis',
        json: 'summary.json statt der Tabelle auf die Standardausgabe schreiben',
        explain: 'die Rechnung für einen Kunden Schritt für Schritt zeigen (schreibt nichts)',
        threads:
          'Threads für Exporte ab 8 MiB: dieser liest, n−1 weitere planen (Standard: Zahl der CPUs + 1, höchstens 4; eine CPU: 1; oder WINBACK_THREADS; 1: alles in diesem Thread lesen)',
        budget:
          'nur die Kontakte mit dem höchsten Mehrwert je Kosteneinheit ansprechen, bis BETRAG ausgegeben ist (Kanalkosten + erwarteter Anreiz); die übrigen lohnenden werden über dem Budget ziehen gelassen',
        capacity:
          'Plätze je Kanal, z. B. phone=200,visit=20 (allein oder mit --budget): ist der beste Kanal eines Kunden voll, bekommt er die nächstbeste erlaubte Aktion auf einem Kanal mit Platz, sonst wird er über der Kapazität ziehen gelassen',
        quiet: 'bei Erfolg nichts ausgeben',
      },
      examples: [
        'winback plan fixtures/lost-customers-de.csv --out out/plan --as-of 23.11.2026 --capacity phone=20,visit=5 --budget 3000 --lang de',
        'winback plan fixtures/lost-customers-de.csv --out out/plan --as-of 23.11.2026 --lang de --format xlsx',
        'winback plan kunden.xlsx --sheet Kunden --out out/plan --as-of 23.11.2026 --excel',
        'winback plan out/silent-churners.csv --out out/plan-silent   (aus clv --lost-out: die Verlorenen zur Rückgewinnung, abwandernde Stammkunden zur Kundenbindung)',
      ],
    },
  ),
  campaign: m<CommandHelp>(
    {
      description: "this period's contact lists per channel: permission-checked, paced by the contact ledger, safe for cron",
      arguments: { file: 'lost-customer export, or - for stdin' },
      options: {
        format: 'csv, or xlsx to write the lists (campaign.xlsx, a sheet per list) as an Excel workbook too (default: config output.format, else csv)',
        out: 'output directory (campaign-<channel>.csv, excluded.csv, rejects.csv, summary.json)',
        period: 'length of this run, e.g. 7d or 2w (default: 7d)',
        ledger: 'contact history: read for pacing, this run appended (append-only CSV)',
        suppress: 'suppression list (customer_id, email and/or phone)',
        capacity: 'places per channel, e.g. phone=50,visit=10; the rest waits for the next period',
        budget: "approach only the plan's contacts with the most incremental value per unit of cost until AMOUNT is spent (as plan --budget); this run lists those of its period",
        holdout: 'keep a stable random share of eligible customers out as control group, e.g. 10%',
        'test-offers':
          "give a stable random share of the listed customers an offer drawn at random among their measure's offers, marked in the lists and the ledger, so calibrate can learn what each offer adds (default share 20%; config campaign.testOffers)",
        'test-channels':
          "give a stable random share of the listed customers (drawn apart from the offer test and the control group) a channel drawn at random among the channels they may be contacted on, marked in the ledger and counted within --capacity, so results and calibrate can compare channels (default share 20%; config campaign.testChannels)",
        outcomes: 'customers who came back (as for winback results): serial defectors are flagged, capped or excluded per campaign.serialDefectors',
        previous: "last run's output: adds changes.csv (who entered or left the lists, and why)",
        columns:
          "the list columns to write, in this order, e.g. customer_id,name,phone,contact_person,reason_text,offer (must include customer_id; a contact column shows only on its channels' lists)",
        threads:
          'threads for exports of 8 MiB and more: this one reads, n−1 workers plan (default: CPUs + 1, at most 4; one CPU: 1; or WINBACK_THREADS; 1: stream on this thread; with --outcomes always 1)',
        'dry-run': 'write the lists but do not append to the ledger',
        force: 'run even though the ledger looks changed in a way that would contact people again (emptied or cut short, dated in the future, or later than --as-of)',
        json: 'print summary.json to stdout instead of one line',
        quiet: 'print nothing on success (and no progress display)',
      },
      examples: [
        'winback campaign fixtures/lost-customers-en.csv --out out/week --as-of 2026-11-23 --ledger out/ledger.csv --capacity phone=20',
        'winback campaign fixtures/lost-customers-en.csv --out out/week --as-of 2026-11-23 --ledger out/ledger.csv --holdout 10% --test-offers 20% --test-channels 10%',
        'winback campaign kunden.xlsx --out out/woche --as-of 23.11.2026 --ledger out/kontakte.csv --format xlsx --excel',
        'winback campaign kunden.csv --out out/anrufe --lang de --columns customer_id,name,phone,contact_person,reason_text,offer',
        'winback campaign out/silent-churners.csv --out out/week --ledger out/ledger.csv   (a clv hand-over: core defectors go to retention-<channel>.csv)',
      ],
    },
    {
      description: 'die Kontaktlisten dieses Zeitraums je Kanal: Erlaubnis geprüft, getaktet über das Kontaktbuch, sicher für cron',
      arguments: { file: 'Export verlorener Kunden, oder - für die Standardeingabe' },
      options: {
        format: 'csv, oder xlsx, um die Listen zusätzlich als Excel-Arbeitsmappe (campaign.xlsx, ein Tabellenblatt je Liste) zu schreiben (Standard: output.format der Konfiguration, sonst csv)',
        out: 'Ausgabeverzeichnis (campaign-<Kanal>.csv, excluded.csv, rejects.csv, summary.json)',
        period: 'Länge dieses Laufs, z. B. 7d oder 2w (Standard: 7d)',
        ledger: 'Kontaktbuch: gelesen für die Taktung, dieser Lauf angehängt (CSV, nur Anhängen)',
        suppress: 'Sperrliste (customer_id, email und/oder phone)',
        capacity: 'Plätze je Kanal, z. B. phone=50,visit=10; der Rest wartet auf den nächsten Zeitraum',
        budget: 'nur die Kontakte des Plans mit dem höchsten Mehrwert je Kosteneinheit ansprechen, bis BETRAG ausgegeben ist (wie plan --budget); dieser Lauf listet die seines Zeitraums',
        holdout: 'einen festen zufälligen Anteil der geeigneten Kunden als Kontrollgruppe zurückhalten, z. B. 10%',
        'test-offers':
          'einem festen zufälligen Anteil der gelisteten Kunden ein zufällig gezogenes Angebot ihrer Maßnahme geben, markiert in den Listen und im Kontaktbuch, damit calibrate lernt, was jedes Angebot bringt (Standardanteil 20%; Konfiguration campaign.testOffers)',
        'test-channels':
          'einem festen zufälligen Anteil der gelisteten Kunden (unabhängig vom Angebotstest und von der Kontrollgruppe gezogen) einen zufällig gezogenen Kanal unter den Kanälen geben, auf denen sie angesprochen werden dürfen, markiert im Kontaktbuch und innerhalb von --capacity gezählt, damit results und calibrate Kanäle vergleichen können (Standardanteil 20%; Konfiguration campaign.testChannels)',
        outcomes: 'zurückgekehrte Kunden (wie für winback results): Mehrfachabwanderer werden markiert, begrenzt oder ausgeschlossen je nach campaign.serialDefectors',
        previous: 'Ausgabe des letzten Laufs: ergänzt changes.csv (wer in die Listen kam oder sie verließ, und warum)',
        columns:
          'die Spalten der Listen in dieser Reihenfolge, z. B. customer_id,name,phone,contact_person,reason_text,offer (muss customer_id enthalten; eine Kontaktspalte erscheint nur in den Listen ihres Kanals)',
        threads:
          'Threads für Exporte ab 8 MiB: dieser liest, n−1 weitere planen (Standard: Zahl der CPUs + 1, höchstens 4; eine CPU: 1; oder WINBACK_THREADS; 1: alles in diesem Thread lesen; mit --outcomes immer 1)',
        'dry-run': 'die Listen schreiben, aber nichts ans Kontaktbuch anhängen',
        force:
          'auch laufen, wenn das Kontaktbuch so verändert scheint, dass Kunden erneut angesprochen würden (geleert oder gekürzt, in der Zukunft datiert, oder nach --as-of)',
        json: 'summary.json statt einer Zeile auf die Standardausgabe schreiben',
        quiet: 'bei Erfolg nichts ausgeben (und keine Fortschrittsanzeige)',
      },
      examples: [
        'winback campaign fixtures/lost-customers-de.csv --out out/woche --as-of 23.11.2026 --ledger out/kontakte.csv --capacity phone=20 --lang de',
        'winback campaign fixtures/lost-customers-de.csv --out out/woche --as-of 23.11.2026 --ledger out/kontakte.csv --holdout 10% --test-offers 20% --test-channels 10%',
        'winback campaign kunden.xlsx --out out/woche --as-of 23.11.2026 --ledger out/kontakte.csv --format xlsx --excel',
        'winback campaign kunden.csv --out out/anrufe --lang de --columns customer_id,name,phone,contact_person,reason_text,offer',
        'winback campaign out/silent-churners.csv --out out/woche --ledger out/kontakte.csv   (eine Übergabe von clv: abwandernde Stammkunden kommen in retention-<Kanal>.csv)',
      ],
    },
  ),
  report: m<CommandHelp>(
    {
      description: 'report for analysts: losses by reason (Pareto), value, decisions by segment, contact calendar, top candidates, data quality',
      arguments: { input: 'lost-customer export (- for stdin), or the output directory of winback plan or campaign' },
      options: {
        html: 'also write one self-contained HTML report with charts (works offline, prints well)',
        json: 'print the report model as JSON instead of the tables',
        quiet: 'print nothing on success (with --html: only the file is written)',
        'outlier-share': 'flag any customer carrying more than this share of the expected profit (default: 10)',
        ledger:
          "the campaign's contact ledger (with --outcomes): adds contacted and returned to the funnel and the lift over the control group, as winback results (default: ledger.csv in the input directory)",
        outcomes: 'customers who came back, as for winback results (default: outcomes.csv in the input directory)',
        window: 'attribution window for the results, e.g. 90d or 12w (default: campaign.attributionWindowDays, 90)',
        previous:
          'an earlier run to compare with: a plan or campaign output directory, or a file saved from report --json; adds the change of the headline figures, decisions and customers per reason',
        threads: 'threads for an export of 8 MiB and more: this one reads, n−1 workers plan (default: CPUs + 1, at most 4; one CPU: 1; or WINBACK_THREADS; 1: stream on this thread)',
      },
      examples: [
        'winback report fixtures/lost-customers-en.csv --as-of 2026-11-23 --html out/report.html',
        'winback report fixtures/lost-customers-en.csv --as-of 2027-06-01 --ledger out/ledger.csv --outcomes fixtures/outcomes-en.csv --html out/report.html',
        'winback report out/plan-week-49 --previous out/plan-week-48 --html out/report.html',
      ],
    },
    {
      description: 'Bericht für Analysten: Verluste nach Grund (Pareto), Wert, Entscheidungen nach Segment, Kontaktkalender, Top-Kandidaten, Datenqualität',
      arguments: { input: 'Export verlorener Kunden (- für die Standardeingabe), oder das Ausgabeverzeichnis von winback plan oder campaign' },
      options: {
        html: 'zusätzlich einen eigenständigen HTML-Bericht mit Diagrammen schreiben (geht offline, druckt gut)',
        json: 'das Berichtsmodell als JSON statt der Tabellen ausgeben',
        quiet: 'bei Erfolg nichts ausgeben (mit --html: nur die Datei wird geschrieben)',
        'outlier-share': 'jeden Kunden markieren, der mehr als diesen Anteil des erwarteten Gewinns trägt (Standard: 10)',
        ledger:
          'das Kontaktbuch der Kampagne (mit --outcomes): ergänzt kontaktierte und zurückgekehrte Kunden im Trichter und den Lift gegenüber der Kontrollgruppe, wie winback results (Standard: ledger.csv im Eingabeverzeichnis)',
        outcomes: 'zurückgekehrte Kunden, wie für winback results (Standard: outcomes.csv im Eingabeverzeichnis)',
        window: 'Zuordnungsfenster der Ergebnisse, z. B. 90d oder 12w (Standard: campaign.attributionWindowDays, 90)',
        previous:
          'ein früherer Lauf zum Vergleich: ein Ausgabeverzeichnis von plan oder campaign, oder eine mit report --json gespeicherte Datei; ergänzt die Veränderung der Kennzahlen, Entscheidungen und Kunden je Grund',
        threads: 'Threads für einen Export ab 8 MiB: dieser liest, n−1 weitere planen (Standard: Zahl der CPUs + 1, höchstens 4; eine CPU: 1; oder WINBACK_THREADS; 1: alles in diesem Thread lesen)',
      },
      examples: [
        'winback report fixtures/lost-customers-de.csv --as-of 23.11.2026 --html out/bericht.html --lang de',
        'winback report fixtures/lost-customers-en.csv --as-of 01.06.2027 --ledger out/ledger.csv --outcomes fixtures/outcomes-en.csv --html out/bericht.html',
        'winback report out/plan-woche-49 --previous out/plan-woche-48 --html out/bericht.html',
      ],
    },
  ),
  worksheet: m<CommandHelp>(
    {
      description:
        "the consultant's four worksheets, interactively: selection, relationship and reasons, lessons from sales, measures plan; writes plan.csv, campaign lists and worksheet.md",
      arguments: { file: 'lost-customer export (leave out to enter customers by hand, or to resume a session)' },
      options: {
        format: 'csv, or xlsx to write plan.csv and the lists (plan.xlsx, campaign.xlsx) as an Excel workbook too (default: config output.format, else csv)',
        session: 'session file: every answer is saved here; an existing one is resumed',
        answers: 'answers as JSON instead of questions (no terminal needed; see docs/worksheet.md)',
        out: "output directory (default: the session file's directory)",
        export: 'the export of a resumed session that has moved: accepted when its content is the one the session was started on',
        reopen: 'reopen a session (also a finished one) at a step: 1-4 or selection, relationship, lessons, measures (without a value: ask)',
        suppress: 'suppression list (customer_id, email and/or phone): nobody on it is planned for contact or on the lists, as in campaign',
      },
      examples: [
        'winback worksheet fixtures/lost-customers-en.csv --session out/acme.worksheet.json --as-of 2026-11-23',
        'winback worksheet --session out/acme.worksheet.json --reopen 4',
      ],
    },
    {
      description:
        'die vier Arbeitsblätter des Beraters, im Dialog: Auswahl, Beziehung und Gründe, Lehren aus dem Vertrieb, Maßnahmenplan; schreibt plan.csv, Kampagnenlisten und worksheet.md',
      arguments: { file: 'Export verlorener Kunden (weglassen, um Kunden von Hand zu erfassen oder eine Sitzung fortzusetzen)' },
      options: {
        format: 'csv, oder xlsx, um plan.csv und die Listen zusätzlich als Excel-Arbeitsmappen (plan.xlsx, campaign.xlsx) zu schreiben (Standard: output.format der Konfiguration, sonst csv)',
        session: 'Sitzungsdatei: jede Antwort wird hier gespeichert; eine vorhandene wird fortgesetzt',
        answers: 'Antworten als JSON statt Fragen (kein Terminal nötig; siehe docs/worksheet.md)',
        out: 'Ausgabeverzeichnis (Standard: das Verzeichnis der Sitzungsdatei)',
        export: 'der Export einer fortgesetzten Sitzung, der verschoben wurde: angenommen, wenn sein Inhalt der ist, mit dem die Sitzung begann',
        reopen: 'eine Sitzung (auch eine abgeschlossene) bei einem Schritt wieder öffnen: 1-4 oder selection, relationship, lessons, measures (ohne Wert: nachfragen)',
        suppress: 'Sperrliste (customer_id, email und/oder phone): niemand darauf wird zur Ansprache geplant oder steht auf den Listen, wie bei campaign',
      },
      examples: [
        'winback worksheet fixtures/lost-customers-de.csv --session out/acme.worksheet.json --as-of 23.11.2026 --lang de',
        'winback worksheet --session out/acme.worksheet.json --reopen 4',
      ],
    },
  ),
  reasons: m<CommandHelp>(
    {
      description: 'classify departure reasons: counts, shares, examples and the texts and codes left unclassified; or learn labelled texts',
      arguments: { file: 'export with customer_id and reason and/or reason_code, or - for stdin' },
      options: {
        'reasons-out':
          'write one row per customer (customer_id, reason_text, reason_code, reason_secondary, reason_confidence, reason_evidence): a CSV file, - for stdout, or a name ending in .xlsx for a workbook',
        excel: 'write the CSV for German Excel (UTF-8 with BOM, ";", decimal comma, ="01067" for leading zeros)',
        'no-excel': 'write a plain CSV even where the config asks for --excel',
        learn: "add labelled texts (CSV with text and code columns) to your playbook's examples file (needs --playbook)",
        json: 'print the result as JSON',
        quiet: 'print nothing on success (the table still goes to --reasons-out)',
        playbook: 'playbook with your own vocabulary (default: the built-in one)',
        config: 'config file (YAML or JSON)',
      },
      examples: [
        'winback reasons fixtures/lost-customers-de.csv --reasons-out out/reasons.csv',
        'winback reasons fixtures/lost-customers-de.csv --reasons-out out/gruende.xlsx   (- writes the table to stdout)',
        'winback reasons --learn labelled.csv --playbook my-playbook.yaml',
      ],
    },
    {
      description: 'Kündigungsgründe zuordnen: Anzahlen, Anteile, Beispiele und die nicht zugeordneten Texte und Codes; oder zugeordnete Texte lernen',
      arguments: { file: 'Export mit customer_id und dem Kündigungsgrund als Text und/oder reason_code, oder - für die Standardeingabe' },
      options: {
        'reasons-out':
          'eine Zeile je Kunde schreiben (customer_id, reason_text, reason_code, reason_secondary, reason_confidence, reason_evidence): eine CSV-Datei, - für die Standardausgabe, oder ein Name auf .xlsx für eine Arbeitsmappe',
        excel: 'die CSV für deutsches Excel schreiben (UTF-8 mit BOM, ";", Dezimalkomma, ="01067" für führende Nullen)',
        'no-excel': 'eine einfache CSV schreiben, auch wo die Konfiguration --excel verlangt',
        learn: 'zugeordnete Texte (CSV mit den Spalten text und code) in die Beispieldatei des eigenen Playbooks aufnehmen (braucht --playbook)',
        json: 'das Ergebnis als JSON ausgeben',
        quiet: 'bei Erfolg nichts ausgeben (die Tabelle geht trotzdem nach --reasons-out)',
        playbook: 'Playbook mit eigenem Vokabular (Standard: das eingebaute)',
        config: 'Konfigurationsdatei (YAML oder JSON)',
      },
      examples: [
        'winback reasons fixtures/lost-customers-de.csv --reasons-out out/gruende.csv --lang de',
        'winback reasons fixtures/lost-customers-de.csv --reasons-out out/gruende.xlsx   (- schreibt die Tabelle auf die Standardausgabe)',
        'winback reasons --learn zugeordnet.csv --playbook mein-playbook.yaml',
      ],
    },
  ),
  clv: m<CommandHelp>(
    {
      description: 'customer value from transaction histories (BG/NBD or Pareto/NBD + Gamma-Gamma): P(alive), CLV, lifecycle phases, silent churners',
      arguments: { file: 'transactions (customer_id, date, amount), an RFM summary with --summary-input, or - for stdin' },
      options: {
        out: 'output directory (customers.csv, model.json, rejects.csv)',
        html: 'also write one self-contained HTML page: frequency–recency matrices of expected purchases and P(alive), calibration vs holdout purchases (with --holdout-end), lifecycle phases over time',
        'time-unit': 'time unit of frequency, recency and T (default: week)',
        'as-of': 'the run date; the calibration end when --calibration-end is not given (default: WINBACK_AS_OF, else the last transaction date)',
        'calibration-end': 'last day (2026-06-30 or 30.06.2026) of the calibration period',
        'holdout-end': 'last day of a holdout period after the calibration end, to compare forecast and actual purchases',
        'holdout-periods': 'holdout length in --time-unit units instead of --holdout-end',
        'horizon-months': 'months valued by CLV and counted in expected_purchases (default 12)',
        'discount-rate': 'annual discount rate for CLV, e.g. 0.1 or 10% (default 12.7 %, i.e. 1 % a month)',
        'summary-input': 'the file is already an RFM summary (frequency, recency, T, optional monetary)',
        customers: 'customer list; listed customers without purchases become prospects',
        'lost-threshold': "P(alive) below which a repeat buyer is lost; 'auto' (the default with a holdout) chooses it on the holdout, a number is checked there",
        'max-organic-return': 'with a holdout: largest share of "lost" customers allowed to buy again on their own, e.g. 10% (default 10 %)',
        intervals: "90 % bootstrap intervals for the parameters and each customer's CLV (default 200 replicates)",
        'lost-out':
          'write the lost customers (silent churners) and the core defectors for winback plan, valued by the purchase model (hand-over columns): win-back for the lost, retention for the drifting',
        'retention-out': 'write the core defectors (alive but drifting) as a retention list: value at risk and a retention measure',
        excel: 'write the CSVs for German Excel (UTF-8 with BOM, ";", decimal comma)',
        format: 'csv, or xlsx to write customers.csv and rejects.csv as clv.xlsx too (default: config output.format, else csv)',
        order: "row order of the transactions: 'sorted' (each customer's rows in date order; flat memory) or 'any'",
        model: 'purchase model: bg-nbd (Fader, Hardie & Lee 2005) or pareto-nbd (Schmittlein, Morrison & Colombo 1987)',
        amount: "the amount: a column, or the product of two, e.g. 'Quantity*UnitPrice' (default: the mapped amount column)",
        returns: "negative amounts and cancellations: net them against the customer's purchases, or reject the rows",
        'cancel-prefix': 'invoices whose number starts with this are cancellations, e.g. C (needs an invoice column)',
        'input-columns': 'the file has no header line: name its columns, comma-separated (e.g. for CDNOW_sample.txt)',
        config: 'config file; its clv: section sets the lifecycle thresholds (docs/config.md)',
        json: 'print model.json to stdout instead of the table',
        quiet: 'print nothing on success',
      },
      examples: [
        'winback clv fixtures/transactions-en.csv --out out/clv --lost-out out/silent-churners.csv',
        'winback clv fixtures/transactions-de.csv --out out/clv-de --format xlsx --excel',
        'winback clv fixtures/transactions-en.csv --out out/clv --holdout-end 2026-11-23 --calibration-end 2026-05-31 --html out/clv.html',
        "winback clv online-retail.csv --amount 'Quantity*UnitPrice' --cancel-prefix C --out out/retail",
        'winback clv CDNOW_master.txt --delimiter whitespace --out out/cdnow   (runs of spaces; dates YYYYMMDD)',
      ],
    },
    {
      description: 'Kundenwert aus Transaktionshistorien (BG/NBD oder Pareto/NBD + Gamma-Gamma): P(aktiv), CLV, Lebenszyklusphasen, stille Abwanderer',
      arguments: { file: 'Transaktionen (customer_id, date, amount), eine RFM-Zusammenfassung mit --summary-input, oder - für die Standardeingabe' },
      options: {
        out: 'Ausgabeverzeichnis (customers.csv, model.json, rejects.csv)',
        html: 'zusätzlich eine eigenständige HTML-Seite schreiben: Frequenz-Recency-Matrizen der erwarteten Käufe und von P(aktiv), Kalibrierung gegen Prüfzeitraum (mit --holdout-end), Lebenszyklusphasen im Zeitverlauf',
        'time-unit': 'Zeiteinheit von Frequenz, Recency und T (Standard: week)',
        'as-of': 'Stichtag; das Ende der Kalibrierung, wenn --calibration-end fehlt (Standard: WINBACK_AS_OF, sonst das letzte Transaktionsdatum)',
        'calibration-end': 'letzter Tag (2026-06-30 oder 30.06.2026) des Kalibrierungszeitraums',
        'holdout-end': 'letzter Tag eines Prüfzeitraums nach dem Ende der Kalibrierung, um vorhergesagte und tatsächliche Käufe zu vergleichen',
        'holdout-periods': 'Länge des Prüfzeitraums in Einheiten von --time-unit statt --holdout-end',
        'horizon-months': 'Monate, die der CLV bewertet und expected_purchases zählt (Standard 12)',
        'discount-rate': 'jährlicher Abzinsungssatz für den CLV, z. B. 0.1 oder 10% (Standard 12,7 %, also 1 % im Monat)',
        'summary-input': 'die Datei ist schon eine RFM-Zusammenfassung (frequency, recency, T, optional monetary)',
        customers: 'Kundenliste; gelistete Kunden ohne Käufe werden Interessenten',
        'lost-threshold':
          "P(aktiv), unter dem ein Wiederkäufer als verloren gilt; 'auto' (Standard mit Prüfzeitraum) wählt ihn auf dem Prüfzeitraum, eine Zahl wird dort geprüft",
        'max-organic-return': 'mit Prüfzeitraum: größter Anteil „verlorener“ Kunden, der von selbst wieder kaufen darf, z. B. 10% (Standard 10 %)',
        intervals: '90-%-Bootstrap-Intervalle für die Parameter und den CLV jedes Kunden (Standard 200 Wiederholungen)',
        'lost-out':
          'die verlorenen Kunden (stille Abwanderer) und die abwandernden Stammkunden für winback plan schreiben, bewertet mit dem Kaufmodell (Übergabespalten): Rückgewinnung für die Verlorenen, Kundenbindung für die Abwandernden',
        'retention-out': 'die abwandernden Stammkunden (aktiv, aber abwandernd) als Bindungsliste schreiben: gefährdeter Wert und eine Bindungsmaßnahme',
        excel: 'die CSV-Dateien für deutsches Excel schreiben (UTF-8 mit BOM, ";", Dezimalkomma)',
        format: 'csv, oder xlsx, um customers.csv und rejects.csv zusätzlich als clv.xlsx zu schreiben (Standard: output.format der Konfiguration, sonst csv)',
        order: "Reihenfolge der Transaktionen: 'sorted' (die Zeilen jedes Kunden nach Datum; gleichbleibender Speicher) oder 'any'",
        model: 'Kaufmodell: bg-nbd (Fader, Hardie & Lee 2005) oder pareto-nbd (Schmittlein, Morrison & Colombo 1987)',
        amount: "der Betrag: eine Spalte, oder das Produkt zweier, z. B. 'Quantity*UnitPrice' (Standard: die zugeordnete Betragsspalte)",
        returns: 'negative Beträge und Stornos: mit den Käufen des Kunden verrechnen, oder die Zeilen ablehnen',
        'cancel-prefix': 'Rechnungen, deren Nummer so beginnt, sind Stornos, z. B. C (braucht eine Rechnungsspalte)',
        'input-columns': 'die Datei hat keine Kopfzeile: ihre Spalten benennen, durch Kommas getrennt (z. B. für CDNOW_sample.txt)',
        config: 'Konfigurationsdatei; ihr Abschnitt clv: legt die Schwellen der Lebenszyklusphasen fest (docs/config.md)',
        json: 'model.json statt der Tabelle auf die Standardausgabe schreiben',
        quiet: 'bei Erfolg nichts ausgeben',
      },
      examples: [
        'winback clv fixtures/transactions-de.csv --out out/clv-de --lost-out out/stille-abwanderer.csv --lang de',
        'winback clv fixtures/transactions-de.csv --out out/clv-de --format xlsx --excel',
        'winback clv fixtures/transactions-de.csv --out out/clv-de --holdout-end 23.11.2026 --calibration-end 31.05.2026 --html out/clv.html',
        "winback clv online-retail.csv --amount 'Quantity*UnitPrice' --cancel-prefix C --out out/retail",
        'winback clv CDNOW_master.txt --delimiter whitespace --out out/cdnow   (Folgen von Leerzeichen; Datumsangaben JJJJMMTT)',
      ],
    },
  ),
  calibrate: m<CommandHelp>(
    {
      description: 'fit the reacquisition model on past win-back attempts; writes model.json for plan --model, with only the learned parts that decide better than the defaults in money on held-out control and randomised customers; when none does, writes nothing and exits 65 (--allow-defaults: writes the defaults, exit 0)',
      arguments: {
        history: 'past attempts: lost-customer columns plus won_back (yes/no), optional contact_date, channel, offer_type, attempt_group, offer_randomised, channel_randomised, second_lifetime_months/revenue/margin, cancelled_again; or - for stdin',
      },
      options: {
        'model-out': 'where to write the model (JSON), for plan --model',
        'as-of': 'date to compute months since churn at for rows without contact_date (default: left out)',
        playbook: 'playbook whose reasons and base rates are the priors (default: the built-in one)',
        config: 'config file (YAML or JSON): model.calibration settings',
        'allow-defaults': 'when no learned part decides better than the defaults, write the defaults as the model and exit 0 (for scripts that always plan with --model); without it nothing is written and the exit code is 65',
        json: 'print the report (with the model) as JSON',
        quiet: 'print nothing on success',
      },
      examples: [
        'winback calibrate out/history.csv --model-out model.json && winback plan fixtures/lost-customers-en.csv --model model.json --out out/plan',
        'winback calibrate out/history.csv --model-out model.json --allow-defaults   # cron: exit 0 even when the defaults stay',
      ],
    },
    {
      description: 'das Rückgewinnungsmodell an früheren Rückgewinnungsversuchen anpassen; schreibt model.json für plan --model, nur mit den gelernten Teilen, die an zurückgehaltenen Kontroll- und Zufallskunden in Geld besser entscheiden als die Vorgaben; entscheidet keiner besser, wird nichts geschrieben und der Exit-Code ist 65 (--allow-defaults: die Vorgaben schreiben, Exit 0)',
      arguments: {
        history:
          'frühere Versuche: die Spalten verlorener Kunden und won_back (ja/nein), optional contact_date, Kanal, offer_type, attempt_group, offer_randomised, channel_randomised, second_lifetime_months/revenue/margin, cancelled_again; oder - für die Standardeingabe',
      },
      options: {
        'model-out': 'wohin das Modell (JSON) geschrieben wird, für plan --model',
        'as-of': 'Tag, zu dem die Monate seit der Kündigung für Zeilen ohne contact_date berechnet werden (Standard: weggelassen)',
        playbook: 'Playbook, dessen Gründe und Basisraten die Vorannahmen sind (Standard: das eingebaute)',
        config: 'Konfigurationsdatei (YAML oder JSON): Einstellungen model.calibration',
        'allow-defaults': 'entscheidet kein gelernter Teil besser als die Vorgaben, die Vorgaben als Modell schreiben und mit 0 enden (für Skripte, die immer mit --model planen); ohne die Option wird nichts geschrieben, Exit-Code 65',
        json: 'den Bericht (mit dem Modell) als JSON ausgeben',
        quiet: 'bei Erfolg nichts ausgeben',
      },
      examples: [
        'winback calibrate out/historie.csv --model-out modell.json --lang de && winback plan fixtures/lost-customers-de.csv --model modell.json --out out/plan',
        'winback calibrate out/historie.csv --model-out modell.json --allow-defaults --lang de   # cron: Exit 0, auch wenn die Vorgaben bleiben',
      ],
    },
  ),
  results: m<CommandHelp>(
    {
      description: 'did the win-back programme pay? regain rate, lift over control (95 % CI), second-lifetime margin, cost and profit per reason × offer × channel',
      options: {
        ledger: 'contact ledger written by winback campaign (contacted and control customers)',
        outcomes: 'customers who came back: customer_id, return_date, optional revenue, margin, cancelled_again',
        'as-of': 'count contacts and returns up to this date (default: today, or WINBACK_AS_OF)',
        window: 'attribution window after a contact, e.g. 90d or 12w (default: campaign.attributionWindowDays, 90)',
        playbook: 'playbook with the channel and incentive costs (default: the built-in one)',
        config: 'config file (YAML or JSON)',
        json: 'print the results as JSON',
        quiet: 'print nothing on success (the files --html and --history-out are still written)',
        html: 'also write a self-contained HTML page with the KPI table and the lift per reason',
        'history-out': 'write the attempts with their outcomes in the format winback calibrate reads (needs --export): a CSV file, - for stdout, or a name ending in .xlsx',
        excel: 'write --history-out for German Excel (UTF-8 with BOM, ";", decimal comma)',
        'no-excel': 'write a plain CSV even where the config asks for --excel',
        export: 'the lost-customer export the campaign ran on (columns for --history-out)',
      },
      note: '--map outcomes:field=Header or export:field=Header maps a column in that file\nonly; without a prefix, in both files.',
      examples: [
        'winback results --ledger out/ledger.csv --outcomes returns.csv --window 90d --history-out out/history.csv --export fixtures/lost-customers-en.csv',
        'winback results --ledger out/ledger.csv --outcomes returns.csv --history-out out/history.xlsx --export kunden.xlsx',
      ],
    },
    {
      description:
        'hat sich die Rückgewinnung gelohnt? Rückgewinnungsquote, Lift gegenüber der Kontrollgruppe (95-%-KI), Marge im zweiten Kundenleben, Kosten und Gewinn je Grund × Angebot × Kanal',
      options: {
        ledger: 'Kontaktbuch, geschrieben von winback campaign (kontaktierte Kunden und Kontrollgruppe)',
        outcomes: 'zurückgekehrte Kunden: customer_id, return_date, optional Umsatz und Marge, cancelled_again',
        'as-of': 'Kontakte und Rückkehrer bis zu diesem Tag zählen (Standard: heute, oder WINBACK_AS_OF)',
        window: 'Zuordnungsfenster nach einem Kontakt, z. B. 90d oder 12w (Standard: campaign.attributionWindowDays, 90)',
        playbook: 'Playbook mit den Kanal- und Anreizkosten (Standard: das eingebaute)',
        config: 'Konfigurationsdatei (YAML oder JSON)',
        json: 'die Ergebnisse als JSON ausgeben',
        quiet: 'bei Erfolg nichts ausgeben (die Dateien von --html und --history-out werden trotzdem geschrieben)',
        html: 'zusätzlich eine eigenständige HTML-Seite mit der Kennzahlentabelle und dem Lift je Grund schreiben',
        'history-out':
          'die Versuche mit ihrem Ausgang im Format schreiben, das winback calibrate liest (braucht --export): eine CSV-Datei, - für die Standardausgabe, oder ein Name auf .xlsx',
        excel: '--history-out für deutsches Excel schreiben (UTF-8 mit BOM, ";", Dezimalkomma)',
        'no-excel': 'eine einfache CSV schreiben, auch wo die Konfiguration --excel verlangt',
        export: 'der Export verlorener Kunden, auf dem die Kampagne lief (Spalten für --history-out)',
      },
      note: '--map outcomes:Feld=Spalte oder export:Feld=Spalte ordnet eine Spalte nur\nin dieser Datei zu; ohne Präfix in beiden Dateien.',
      examples: [
        'winback results --ledger out/kontakte.csv --outcomes rueckkehr.csv --window 90d --history-out out/historie.csv --export fixtures/lost-customers-de.csv --lang de',
        'winback results --ledger out/kontakte.csv --outcomes rueckkehr.csv --history-out out/historie.xlsx --export kunden.xlsx',
      ],
    },
  ),
  playbook: m<CommandHelp>(
    {
      description: 'show, copy or check the recovery playbook (reasons → measures, offers, channels, timing)',
      examples: ['winback playbook show --lang de'],
    },
    {
      description: 'das Rückgewinnungs-Playbook zeigen, kopieren oder prüfen (Gründe → Maßnahmen, Angebote, Kanäle, Zeitpunkte)',
      examples: ['winback playbook show --lang de'],
    },
  ),
  'playbook show': m<CommandHelp>(
    {
      description: 'print the playbook as a table',
      options: {
        playbook: 'a playbook file (default: the built-in one)',
        lang: 'language of texts (default: WINBACK_LANG, else LC_ALL/LC_MESSAGES/LANG, else en)',
        json: 'print the playbook as JSON',
      },
      examples: ['winback playbook show --lang de'],
    },
    {
      description: 'das Playbook als Tabelle ausgeben',
      options: {
        playbook: 'eine Playbook-Datei (Standard: das eingebaute)',
        lang: 'Sprache der Texte (Standard: WINBACK_LANG, sonst LC_ALL/LC_MESSAGES/LANG, sonst en)',
        json: 'das Playbook als JSON ausgeben',
      },
      examples: ['winback playbook show --lang de'],
    },
  ),
  'playbook init': m<CommandHelp>(
    {
      description: 'write an editable copy of the built-in playbook',
      arguments: { file: 'where to write it (YAML)' },
      options: { force: 'overwrite an existing file', config: 'config file (YAML or JSON; default: WINBACK_CONFIG or built-in defaults)', lang: 'language of texts (default: WINBACK_LANG, then config lang, then LC_ALL/LC_MESSAGES/LANG, else en)' },
      examples: ['winback playbook init my-playbook.yaml'],
    },
    {
      description: 'eine bearbeitbare Kopie des eingebauten Playbooks schreiben',
      arguments: { file: 'wohin sie geschrieben wird (YAML)' },
      options: { force: 'eine vorhandene Datei überschreiben', config: 'Konfigurationsdatei (YAML oder JSON; Standard: WINBACK_CONFIG oder eingebaute Standardwerte)', lang: 'Sprache der Texte (Standard: WINBACK_LANG, dann lang der Konfiguration, dann LC_ALL/LC_MESSAGES/LANG, sonst en)' },
      examples: ['winback playbook init mein-playbook.yaml'],
    },
  ),
  'playbook validate': m<CommandHelp>(
    {
      description: 'check a playbook file; errors name the path of the bad entry',
      arguments: { file: 'playbook file (YAML or JSON)' },
      options: { config: 'config file (YAML or JSON; default: WINBACK_CONFIG or built-in defaults)', lang: 'language of texts (default: WINBACK_LANG, then config lang, then LC_ALL/LC_MESSAGES/LANG, else en)' },
      examples: ['winback playbook validate my-playbook.yaml'],
    },
    {
      description: 'eine Playbook-Datei prüfen; Fehler nennen den Pfad des fehlerhaften Eintrags',
      arguments: { file: 'Playbook-Datei (YAML oder JSON)' },
      options: { config: 'Konfigurationsdatei (YAML oder JSON; Standard: WINBACK_CONFIG oder eingebaute Standardwerte)', lang: 'Sprache der Texte (Standard: WINBACK_LANG, dann lang der Konfiguration, dann LC_ALL/LC_MESSAGES/LANG, sonst en)' },
      examples: ['winback playbook validate mein-playbook.yaml'],
    },
  ),
};
