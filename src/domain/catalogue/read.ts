/**
 * What the reader says about rows and files, in English and German: the `error` column of
 * rejects.csv, the warnings of accepted rows, and the data errors that stop a run. Commands
 * with `--lang de` read exports with the German texts.
 */

import { columnNote, formatDay } from './format.js';

/** Where the limit of rejected rows came from. */
export type RejectLimitSource = 'flag' | 'env' | 'config' | 'default';

/** How a date that is not a calendar date was read (parse/date.ts). */
export type DateForm = 'ymd' | 'dmy_dotted' | 'mdy' | 'dmy';

export interface ReadTexts {
  // Values (each follows "<header> '<value>' ")
  empty: string;
  notNumber: (example: string) => string;
  notWhole: string;
  notDate: string;
  badCalendarDate: (form: DateForm) => string;
  before1900: string;
  otherCurrency: (found: string, configured: string) => string;
  marginOver100: (value: number) => string;
  sinceAfterChurn: string;
  churnAfterAsOf: (asOf: number) => string;
  sinceAfterAsOf: (asOf: number) => string;
  // Warnings on accepted rows (each follows "<header> '<value>': ")
  unclearBoolean: string;
  /** a cell that cannot be read, in a row kept because it objects */
  keptForObjection: string;
  keptForObjectionAsIs: string;
  percentInAmounts: string;
  unknownSegment: string;
  negativeRevenue: string;
  declinedAfterAsOf: (asOf: number) => string;
  invisibleRemoved: (what: string) => string;
  invisibleNames: { zeroWidth: string; control: string };
  // Whole rows
  fieldCount: (found: number, expected: number) => string;
  /** a row of a file whose rows end in a separator, with free text in a yes/no column: maybe moved */
  movedRow: (column: string, value: string) => string;
  /** a record longer than the file's rows whose extra cells are empty */
  fieldCountEmptyEnd: (found: number, expected: number) => string;
  /** the column of a reject for a record with the wrong number of fields */
  fieldCountColumn: string;
  idEmpty: string;
  idEmptyObjection: string;
  idMissingMarker: (value: string) => string;
  /** a missing-value marker as the id of a row that objects */
  idMarkerObjection: (value: string) => string;
  /** a workbook formula without a saved value as the id */
  idFormula: (value: string) => string;
  /** a number in scientific notation as the id */
  idScientific: (value: string) => string;
  totalsRow: (word: string) => string;
  contactRemark: (header: string, remark: string) => string;
  duplicateId: (firstLine: number) => string;
  /** a row of a duplicated id loses to line `kept`, whose modification date (`dateLabel`) is newer */
  /** `keptDate`, `ownDate`: epoch days, written as the language writes dates */
  duplicateNewer: (kept: number, dateLabel: string, keptDate: number, ownDate: number, objectionKept: boolean) => string;
  /** a row of a duplicated id loses to line `kept`, used with the most restrictive values of `lines` */
  duplicateMerged: (kept: number, lines: readonly number[]) => string;
  /** the warning on the row used for a duplicated id when the merge changed its values */
  duplicateMergedNote: (others: readonly number[]) => string;
  /** the row used is the newest of its id, and another row's objection reaches it */
  duplicateObjectionKeptNote: (others: readonly number[], dateLabel: string) => string;
  /** a rejected row of the id says the customer objected (DuplicateTracker.resolution) */
  otherRowObjected: (line: number, column: string) => string;
  /** a row whose id repeats later, decided once the file is read again */
  duplicateSecondReading: string;
  swallowed: (lines: number) => string;
  /** `rowLine`: the line after it that reads as a row (0: none, the quote is open at the end); `next`: the line reading goes on with (0: none) */
  strayQuote: (column: string, openLine: number, rowLine: number, next: number) => string;
  unclosedLastLine: (column: string) => string;
  tooLong: (chars: number, line: number, lastLine: number, maxChars: number) => string;
  nulInRow: string;
  cutOff: string;
  cutOffNul: string;
  // Whole files (data errors)
  nulFile: (label: string, line: number) => string;
  nulHint: string;
  truncatedFile: (label: string, line: number, withNul: boolean) => string;
  unclosedFile: (label: string, openLine: number) => string;
  truncatedHint: string;
  /** added to a data error that stops a run */
  nothingWritten: string;
  allRejected: (label: string, read: number) => string;
  rejectRate: (label: string, rejected: number, read: number, share: string, limit: string, source: RejectLimitSource) => string;
  rejectsHint: (source: string) => string;
  /** for a file inspect does not read (history, outcomes): the first reject itself */
  firstRejectHint: (line: number, column: string, value: string, error: string) => string;
  duplicateHeader: (label: string, field: string, header: string, columns: number[]) => string;
  duplicateHeaderHint: (field: string, columns: number[]) => string;
  ambiguousMap: (field: string, header: string, columns: number[]) => string;
  headerQuote: (label: string) => string;
  noSuchFile: (label: string) => string;
  noSuchFileHint: string;
  // The file as a whole, its header and --map (io/csv/read.ts, io/xlsx/read.ts, domain/read/header-map.ts)
  fileEmpty: (label: string) => string;
  fileEmptyHint: string;
  noHeader: (label: string) => string;
  noHeaderHint: string;
  noDataRows: (label: string) => string;
  noDataRowsHint: string;
  isDirectory: (label: string) => string;
  cannotRead: (label: string, code: string) => string;
  cannotReadHint: string;
  mapNotApplied: (label: string, problems: string) => string;
  headersFound: (headers: string) => string;
  /** in place of the headers found, when the first line holds values (its cells are not shown: they are a customer's data) */
  headerLooksLikeData: (columns: number) => string;
  headerLooksLikeDataHint: string;
  mapUnknownField: (field: string) => string;
  mapNoColumn: (header: string, field: string) => string;
  aliasTwins: (field: string, used: string, others: string) => string;
  objectionTwins: (field: string, used: string, others: string) => string;
  consentTwins: (field: string, used: string, others: string) => string;
  reasonByName: (field: string, header: string) => string;
  declinedTwins: (field: string, used: string, others: string) => string;
  repeatedHeader: (header: string) => string;
  missingColumns: (label: string, kind: string, names: string, found: string) => string;
  missingColumnsHint: (field: string) => string;
  /** a one-column header whose name holds another separator many times */
  otherDelimiterHint: (separator: string) => string;
  didYouMean: (alias: string, header: string, field: string) => string;
  /** joins the alternatives of one required field ("churn_date or tenure_months") */
  or: string;
  /** the further problems of a rejected row, after its first ("(and …)") */
  andMore: (more: string) => string;
  badEncoding: (encoding: string) => string;
  /** an objection in a column winback does not read (domain/read/unread-objections.ts) */
  objectionUnread: (header: string, phrase: string) => string;
  objectionUnreadNotesMapped: (header: string, phrase: string) => string;
  objectionUnreadFlag: (header: string, phrase: string) => string;
  /** an unmapped column read as a permission, an objection's day or a status that blocks every channel */
  blockColumnRead: (header: string, kind: 'consent' | 'objectionDay' | 'flag' | 'saysNo' | 'status') => string;
  /** a column read into one channel's consent (unread-objections.ts) */
  channelColumnRead: (header: string, channel: 'email' | 'phone' | 'letter' | 'visit', kind: 'consent' | 'objectionDay' | 'saysNo') => string;
  mixedDecimal: (commas: number, points: number, decimal: string) => string;
  mixedDateOrder: (dayFirst: number, monthFirst: number, order: string) => string;
  /** slashed dates that read either way (03/02/2026), none settling the order: the default was taken */
  dateOrderGuessed: (count: number, example: string, order: string) => string;
  unclosedQuote: (label: string, line: number) => string;
  unclosedQuoteHint: string;
  /** the CSV parser's own complaint (`why`, quoted) at a line, or somewhere when it names none; `null`: a quoted field never closed */
  csvSyntax: (label: string, line: number | null, why: string | null) => string;
  csvSyntaxHint: string;
  sheetEmpty: (label: string, sheet: string) => string;
  sheetEmptyHint: (others: string) => string;
  checkExport: string;
  xlsxIgnoredFlags: string;
  /** merged ranges over several rows below the header, the first few named */
  xlsxMerged: (count: number, ranges: string) => string;
  /** text numbers that read differently under the two decimal marks, in a sheet whose text settles neither */
  xlsxAmbiguousNumbers: (count: number, example: string, mark: string) => string;
  xlsxSerialDates: (column: string, serial: string, day: string) => string;
  /** rows with text above the header row, skipped as a title */
  xlsxTitleRows: (rows: string, headerRow: number) => string;
  /** lines with text above a CSV export's header, skipped as a title */
  csvTitleRows: (from: number, to: number, headerLine: number) => string;
  sheetLabel: (label: string, sheet: string, headerRow: number) => string;
}

export const READ_EN: ReadTexts = {
  empty: 'is empty',
  notNumber: (example) => `is not a number (expected e.g. ${example})`,
  notWhole: 'is not a whole number ≥ 0',
  notDate: 'is not a date (expected e.g. 2024-03-31 or 31.03.2024)',
  badCalendarDate: (form) => `is not a valid calendar date (read as ${EN_FORMS[form]})`,
  before1900: 'is before 1900: not a real date (Excel shows an empty date cell as 1899-12-30 or 00.01.1900); leave the cell empty when the date is unknown',
  otherCurrency: (found, configured) => `is in ${found}, but amounts are read as ${configured} (model.currencySymbol); convert the column or set the currency in the config`,
  marginOver100: (value) => `is ${value} %: a margin above 100 % of revenue is not possible (a percentage written as a number of cents, or the wrong column?)`,
  sinceAfterChurn: 'is after the churn date: a customer cannot leave before joining (check both columns)',
  churnAfterAsOf: (asOf) => `is after the as-of date ${formatDay(asOf, 'en')}: a customer cannot have left in the future (check the column, or --as-of)`,
  sinceAfterAsOf: (asOf) => `is after the as-of date ${formatDay(asOf, 'en')}: a customer cannot have joined in the future`,
  unclearBoolean: 'is neither yes nor no; read as unclear',
  keptForObjection: 'left empty: the row is kept for its objection, which every row of its id and the plan must see',
  keptForObjectionAsIs: 'the row is kept as it is for its objection, which every row of its id and the plan must see',
  percentInAmounts: 'is a percentage in a column of amounts; read as percent',
  unknownSegment: 'is not a known segment (B2B/B2C); left open',
  negativeRevenue: 'is negative (credit notes or returns?)',
  declinedAfterAsOf: (asOf) => `is after the as-of date ${formatDay(asOf, 'en')}: the pause after a declined offer is counted from it (check the column, or --as-of)`,
  invisibleRemoved: (what) => `holds ${what}; removed`,
  invisibleNames: { zeroWidth: 'zero-width characters', control: 'control characters' },
  fieldCount: (found, expected) => `has ${found} fields, expected ${expected} (an unquoted delimiter or a missing quote?)`,
  movedRow: (column, value) => `${column} '${value}' is neither yes nor no, in a file whose rows end in a separator: the row may hold a separator inside a value and none at the end, every value after it a column on — not read, so that no consent is taken from another column`,
  fieldCountEmptyEnd: (found, expected) => `has ${found} fields, expected ${expected} as the file's rows have; the extra ones at the end are empty: a separator at the end of the row, or one inside a value (unquoted) that moved the columns — not read, so that no value is taken from another column`,
  fieldCountColumn: '(field count)',
  idEmpty: 'customer_id is empty',
  idEmptyObjection: 'customer_id is empty, and the row says the customer objected: its e-mail address, phone number and name at its address are closed for every other customer, but the objection reaches no customer number; fill in the customer id (the row above\'s, if this is a second contact of that customer) and run again',
  idMissingMarker: (value) => `customer_id '${value}' marks a missing value, not an id`,
  idScientific: (value) => `customer_id '${value}' is a number a spreadsheet wrote in scientific notation, or kept to its 15 digits: the id's digits are lost, so it is not an id; export the ids from the source system as text (formatting the column afterwards does not bring the digits back) and run again`,
  idFormula: (value) => `customer_id '${value}' is a formula whose value the workbook does not hold (an error such as #N/A, or never calculated), not an id; give the row its customer id and run again`,
  idMarkerObjection: (value) => `customer_id '${value}' is no id (a missing value, a formula without its value, or a number whose digits are lost), and the row says the customer objected: its e-mail address, phone number and name at its address are closed for every other customer, but the objection reaches no customer number; fill in the customer id and run again`,
  totalsRow: (word) => `looks like a totals row ('${word}', the other cells mostly empty), not a customer`,
  contactRemark: (header, remark) => `${header}: the remark '${remark}' beside the address or number says the customer withdrew: treated as an objection`,
  duplicateId: (firstLine) => `duplicate customer_id, first seen on line ${firstLine}`,
  duplicateNewer: (kept, dateLabel, keptDate, ownDate, objectionKept) => `duplicate customer_id: line ${kept} is used, its ${dateLabel} is newer (${formatDay(keptDate, 'en')}, this row ${formatDay(ownDate, 'en')})${objectionKept ? ", with this row's objection (an objection is never undone by a newer row)" : ''}`,
  duplicateMerged: (kept, lines) => `duplicate customer_id: line ${kept} is used, with the most restrictive consent and objection of lines ${lines.join(', ')}`,
  duplicateMergedNote: (others) => `duplicate customer_id on line(s) ${others.join(', ')}: consent and objection merged, the most restrictive per field`,
  duplicateObjectionKeptNote: (others, dateLabel) => `duplicate customer_id on line(s) ${others.join(', ')}: this row's ${dateLabel} is the newest, so its consents are used, with the objection of the other row(s) (an objection is never undone by a newer row)`,
  otherRowObjected: (line, column) => `line ${line} has this customer's id too and was rejected${columnNote(column)}, but it says the customer objected or must not be contacted: never contacted; correct that line and run again`,
  duplicateSecondReading: 'duplicate customer_id: decided on a second reading',
  swallowed: (lines) => `a quoted field spans ${lines} line(s) that look like whole rows: probably a missing closing quote in this row, so the rows after it were read as part of one field`,
  strayQuote: (column, openLine, rowLine, next) =>
    `a quote opened in column '${column}' on line ${openLine} is left open (${rowLine > 0 ? `line ${rowLine} reads as a row of its own` : 'until the end of the file'}): rejected${next > 0 ? `; reading goes on with line ${next}` : ''}`,
  unclosedLastLine: (column) => `a quote opened in column '${column}' is never closed (the last line of the file)`,
  tooLong: (chars, line, lastLine, maxChars) =>
    `the record ${lastLine > line ? `on lines ${line}–${lastLine} ` : ''}is ${chars} characters long, more than ${maxChars}: not read (a quote left open?)`,
  nulInRow: 'the record holds NUL characters: the file is damaged',
  cutOff: 'the record is cut off: the file ends inside it',
  cutOffNul: 'the record is cut off and followed by NUL bytes: the file is incomplete',
  nulFile: (label, line) => `${label}, line ${line}: NUL characters in the data: the file is damaged (a copy that did not finish pads with NUL bytes) or is UTF-16 read with the wrong --encoding`,
  nulHint: 'copy the export again from the source; run winback inspect on it to see where the damage is',
  truncatedFile: (label, line, withNul) =>
    `${label}, line ${line}: the last record is cut off${withNul ? ' and followed by NUL bytes' : ''}: the file is incomplete (a copy or export that did not finish)`,
  unclosedFile: (label, openLine) => `${label}, line ${openLine}: a quoted field opened here is never closed: the file ends inside it (cut off?)`,
  truncatedHint: 'export or copy the file again; if it is complete, look for an unbalanced double quote on that line',
  nothingWritten: '; nothing was written, earlier outputs are kept',
  allRejected: (label, read) => `${label}: all ${read} rows were rejected`,
  rejectRate: (label, rejected, read, share, limit, source) =>
    `${label}: ${rejected} of ${read} rows rejected (${share} %), more than ${EN_LIMITS[source]} ${limit} %`,
  rejectsHint: (source) => `run winback inspect ${source} to see the rejects; --max-reject-rate (or maxRejectRate in the config) sets the limit`,
  firstRejectHint: (line, column, value, error) => `the first rejected row: line ${line}, column ${column} '${value}': ${error}`,
  duplicateHeader: (label, field, header, columns) =>
    `${label}: the header '${header}' appears in ${columns.length} columns (${columns.map((c) => `column ${c}`).join(' and ')}), and both would be read as ${field}`,
  duplicateHeaderHint: (field, columns) => `choose one with ${columns.map((c) => `--map ${field}='#${c}'`).join(' or ')} (column numbers count from 1)`,
  ambiguousMap: (field, header, columns) =>
    `--map ${field}='${header}': ${columns.length} columns are named '${header}' (${columns.map((c) => `#${c}`).join(', ')}); pick one by number, e.g. --map ${field}='#${columns[0]}'`,
  headerQuote: (label) => `${label}: the header row has a quote that is never closed`,
  noSuchFile: (label) => `${label}: no such file`,
  noSuchFileHint: 'check the path, or use - to read from stdin',
  fileEmpty: (label) => `${label} is empty (0 bytes)`,
  fileEmptyHint: 'check the export; an empty file never replaces earlier outputs',
  noHeader: (label) => `${label}: no header row found`,
  noHeaderHint: 'the first line must name the columns',
  noDataRows: (label) => `${label} has a header but no data rows`,
  noDataRowsHint: 'check the export; an empty export never replaces earlier outputs',
  isDirectory: (label) => `${label} is a directory, not a CSV file`,
  cannotRead: (label, code) => `${label} cannot be read (${code})`,
  cannotReadHint: 'check the file permissions',
  mapNotApplied: (label, problems) => `${label}: --map cannot be applied: ${problems}`,
  headersFound: (headers) => `headers found: ${headers}`,
  headerLooksLikeData: (columns) => `none: the first line (${columns} columns) holds values such as an e-mail address or a date, not column names (its cells are not shown here)`,
  headerLooksLikeDataHint: 'export again with the column names as the first line, or add that line to the file',
  mapUnknownField: (field) => `unknown field '${field}'`,
  mapNoColumn: (header, field) => `no column '${header}' for ${field}`,
  aliasTwins: (field, used, others) => `${field}: using column '${used}'; ${others} also looks like ${field} and is passed through (use --map ${field}=HEADER to choose)`,
  objectionTwins: (field, used, others) =>
    `${field}: column '${used}' is read as ${field}; ${others} also looks like ${field}: a yes (or an unclear value) in any of them is honoured in every row`,
  consentTwins: (field, used, others) =>
    `${field}: column '${used}' is read as ${field}; ${others} also looks like ${field}: a no (or an unclear value) in any of them blocks the channel in every row`,
  declinedTwins: (field, used, others) =>
    `${field}: column '${used}' is read as ${field}; ${others} also looks like it: a decline recorded there (anything but a no) without a day in '${used}' sends the customer to review`,
  reasonByName: (field, header) => `${field}: no column has a known name of the departure reason; column '${header}' is read as it, by its name (--map ${field}=COLUMN chooses another)`,
  repeatedHeader: (header) => `the header '${header}' appears more than once; each column is kept separately`,
  missingColumns: (label, kind, names, found) => `${label}: required column missing for a ${kind}: ${names}. Headers found: ${found}`,
  missingColumnsHint: (field) => `name the column with --map ${field}=HEADER`,
  otherDelimiterHint: (separator) => `the header is one column: its names seem to be separated by '${separator}', which is not detected on its own; pass --delimiter '${separator}'`,
  didYouMean: (alias, header, field) => `did you mean '${alias}'? If column '${header}' holds ${field}, add --map ${field}='${header}'`,
  or: 'or',
  andMore: (more) => ` (and ${more})`,
  badEncoding: (encoding) => `the file is not valid ${encoding} (characters show as \ufffd); leave out --encoding to detect it, or try --encoding win1252`,
  objectionUnread: (header, phrase) =>
    `column '${header}' is mapped to no field, and its first rows hold an objection ("${phrase}"): an objection in it is honoured in every row; --map notes='${header}' reads it as the notes`,
  objectionUnreadNotesMapped: (header, phrase) =>
    `column '${header}' is mapped to no field, and its first rows hold an objection ("${phrase}"): an objection in it is honoured in every row, like one in the notes`,
  objectionUnreadFlag: (header, phrase) =>
    `column '${header}' is mapped to no field, but its name says objection ("${phrase}"): a yes in it (or an unclear value) is honoured as an objection in every row; --map advertising_objection='${header}' reads it as the objection column`,
  channelColumnRead: (header, channel, kind) => {
    const name = { email: 'e-mail', phone: 'calls', letter: 'letters', visit: 'visits' }[channel];
    if (kind === 'saysNo') return `column '${header}' is read as a yes or no to ${name}: a no in it blocks ${name} for that customer`;
    return kind === 'consent'
      ? `column '${header}' is read as a permission for ${name}: a no (or an unclear value) in it blocks ${name} for that customer`
      : `column '${header}' is read as an objection to ${name}: any value but a no in it blocks ${name} for that customer`;
  },
  blockColumnRead: (header, kind) =>
    kind === 'consent'
      ? `column '${header}' is read as a permission to contact: a no (or an unclear value) in it blocks every channel for that customer`
      : kind === 'objectionDay'
        ? `column '${header}' is read as the day of an objection: any value but a no in it blocks every channel for that customer`
        : kind === 'flag'
          ? `column '${header}' is read as a block or objection flag: any value but a no in it blocks every channel for that customer`
          : kind === 'saysNo'
            ? `column '${header}' is read as a yes or no to advertising: a no in it blocks every channel for that customer`
        : `column '${header}' is read as a status: a status that says blocked (gesperrt, Robinson, blocked, opt-out …) blocks every channel for that customer`,
  mixedDecimal: (commas, points, decimal) =>
    `numbers are written both with decimal comma (${commas}) and decimal point (${points}) in the first rows; reading '${decimal}' as the decimal mark (use --decimal to fix it)`,
  dateOrderGuessed: (count, example, order) =>
    `${count} dates in the first rows read either way (${example}) and none settles the order: read ${order === 'dmy' ? 'day first' : 'month first'}, the default for this file; give --date-format dmy or mdy to be sure`,
  mixedDateOrder: (dayFirst, monthFirst, order) => `dates are written both day-first (${dayFirst}) and month-first (${monthFirst}); reading them as ${order} (use --date-format to fix it)`,
  unclosedQuote: (label, line) => `${label}, line ${line}: a quoted field opened in the row starting here is never closed`,
  unclosedQuoteHint: 'look for an unbalanced double quote in that row',
  csvSyntax: (label, line, why) => `${label}, ${line === null ? 'somewhere' : `line ${line}`}: ${why === null ? 'a quoted field is never closed' : `the CSV parser says: "${why}"`}`,
  csvSyntaxHint: 'look for an unbalanced double quote near that line',
  sheetEmpty: (label, sheet) => `${label}: sheet '${sheet}' is empty`,
  sheetEmptyHint: (others) => `choose another sheet with --sheet: ${others}`,
  checkExport: 'check the export',
  xlsxIgnoredFlags: '--encoding and --delimiter do not apply to an Excel workbook and were ignored',
  xlsxTitleRows: (rows, header) => `rows ${rows} skipped as a title: the column names are on row ${header}`,
  csvTitleRows: (from, to, header) => `${from === to ? `line ${from}` : `lines ${from}–${to}`} skipped as a title: the column names are on line ${header}`,
  xlsxSerialDates: (column, serial, day) => `${column}: whole numbers such as ${serial} read as Excel dates (${serial} is ${day}): the column is formatted as numbers; format it as dates in Excel to be sure`,
  xlsxAmbiguousNumbers: (count, example, mark) => `${count} numbers written as text could be read two ways (${example}); read with '${mark}' as the decimal mark, the default for the run's language: give --decimal , or --decimal . to be sure`,
  xlsxMerged: (count, ranges) => `${count} merged cell ranges over several rows (${ranges}): every row of a range is read with the value Excel shows in it, the range's first cell`,
  sheetLabel: (label, sheet, row) => `${label} (sheet '${sheet}', header on row ${row})`,
};

const EN_LIMITS: Record<RejectLimitSource, string> = {
  flag: '--max-reject-rate',
  env: 'WINBACK_MAX_REJECT_RATE',
  config: 'input.maxRejectRate',
  default: 'the default limit of',
};

const DE_LIMITS: Record<RejectLimitSource, string> = {
  flag: '--max-reject-rate',
  env: 'WINBACK_MAX_REJECT_RATE',
  config: 'input.maxRejectRate',
  default: 'die voreingestellte Grenze von',
};

const EN_FORMS: Record<DateForm, string> = {
  ymd: 'YYYY-MM-DD',
  dmy_dotted: 'DD.MM.YYYY',
  mdy: 'M/D/YYYY (month first; use --date-format dmy if days come first)',
  dmy: 'D/M/YYYY (day first; use --date-format mdy if months come first)',
};

export const READ_DE: ReadTexts = {
  empty: 'ist leer',
  notNumber: (example) => `ist keine Zahl (erwartet z. B. ${example})`,
  notWhole: 'ist keine ganze Zahl ≥ 0',
  notDate: 'ist kein Datum (erwartet z. B. 2024-03-31 oder 31.03.2024)',
  badCalendarDate: (form) => `ist kein gültiges Kalenderdatum (gelesen als ${DE_FORMS[form]})`,
  before1900: 'liegt vor 1900: kein echtes Datum (Excel zeigt eine leere Datumszelle als 30.12.1899 oder 00.01.1900); ist das Datum unbekannt, die Zelle leer lassen',
  otherCurrency: (found, configured) => `ist in ${found}, Beträge werden aber als ${configured} gelesen (model.currencySymbol); die Spalte umrechnen oder die Währung in der Konfiguration setzen`,
  marginOver100: (value) => `ist ${String(value).replace('.', ',')} %: eine Marge über 100 % des Umsatzes ist nicht möglich (Prozent als Zahl in Cent oder die falsche Spalte?)`,
  sinceAfterChurn: 'liegt nach dem Kündigungsdatum: ein Kunde kann nicht gehen, bevor er gekommen ist (beide Spalten prüfen)',
  churnAfterAsOf: (asOf) => `liegt nach dem Stichtag ${formatDay(asOf, 'de')}: ein Kunde kann nicht in der Zukunft gekündigt haben (Spalte prüfen oder --as-of)`,
  sinceAfterAsOf: (asOf) => `liegt nach dem Stichtag ${formatDay(asOf, 'de')}: ein Kunde kann nicht in der Zukunft gekommen sein`,
  unclearBoolean: 'ist weder ja noch nein; als unklar gelesen',
  keptForObjection: 'leer gelassen: Die Zeile bleibt wegen ihres Widerspruchs erhalten, den jede Zeile ihrer Kundennummer und der Plan sehen müssen',
  keptForObjectionAsIs: 'Die Zeile bleibt wegen ihres Widerspruchs unverändert erhalten, den jede Zeile ihrer Kundennummer und der Plan sehen müssen',
  percentInAmounts: 'ist ein Prozentwert in einer Spalte mit Beträgen; als Prozent gelesen',
  unknownSegment: 'ist kein bekanntes Segment (B2B/B2C); offen gelassen',
  negativeRevenue: 'ist negativ (Gutschriften oder Retouren?)',
  declinedAfterAsOf: (asOf) => `liegt nach dem Stichtag ${formatDay(asOf, 'de')}: die Pause nach einem abgelehnten Angebot zählt ab diesem Datum (Spalte prüfen oder --as-of)`,
  invisibleRemoved: (what) => `enthält ${what}; entfernt`,
  invisibleNames: { zeroWidth: 'unsichtbare Zeichen (Breite null)', control: 'Steuerzeichen' },
  fieldCount: (found, expected) => `hat ${found} Felder statt ${expected} (ein Trennzeichen ohne Anführungszeichen oder ein fehlendes Anführungszeichen?)`,
  movedRow: (column, value) => `${column} „${value}“ ist weder ja noch nein, in einer Datei, deren Zeilen mit einem Trennzeichen enden: die Zeile enthält womöglich ein Trennzeichen in einem Wert und keines am Ende, jeder Wert danach eine Spalte verschoben — nicht gelesen, damit keine Einwilligung aus einer anderen Spalte genommen wird`,
  fieldCountEmptyEnd: (found, expected) => `hat ${found} Felder statt ${expected} wie die Zeilen der Datei; die zusätzlichen am Ende sind leer: ein Trennzeichen am Zeilenende oder eines in einem Wert (ohne Anführungszeichen), das die Spalten verschoben hat — nicht gelesen, damit kein Wert aus einer anderen Spalte genommen wird`,
  fieldCountColumn: '(Anzahl der Felder)',
  idEmpty: 'customer_id ist leer',
  idEmptyObjection: 'customer_id ist leer, und die Zeile sagt, dass der Kunde widersprochen hat: seine E-Mail-Adresse, Telefonnummer und sein Name unter seiner Anschrift sind für alle anderen Kunden gesperrt, aber der Widerspruch erreicht keine Kundennummer; die Kundennummer eintragen (die der Zeile darüber, wenn dies ein zweiter Kontakt dieses Kunden ist) und erneut ausführen',
  idMissingMarker: (value) => `customer_id '${value}' steht für einen fehlenden Wert, nicht für eine Kundennummer`,
  idScientific: (value) => `customer_id '${value}' ist eine Zahl, die eine Tabellenkalkulation in Exponentialschreibweise geschrieben oder auf ihre 15 Stellen gekürzt hat: die Ziffern der Kundennummer sind verloren, es ist also keine Kundennummer; die Kundennummern aus dem Quellsystem als Text exportieren (die Spalte nachträglich umzuformatieren bringt die Ziffern nicht zurück) und erneut ausführen`,
  idFormula: (value) => `customer_id '${value}' ist eine Formel, deren Wert die Arbeitsmappe nicht enthält (ein Fehler wie #NV, oder nie berechnet), keine Kundennummer; der Zeile ihre Kundennummer geben und erneut ausführen`,
  idMarkerObjection: (value) => `customer_id '${value}' ist keine Kundennummer (ein fehlender Wert, eine Formel ohne ihren Wert oder eine Zahl mit verlorenen Ziffern), und die Zeile sagt, dass der Kunde widersprochen hat: seine E-Mail-Adresse, Telefonnummer und sein Name unter seiner Anschrift sind für alle anderen Kunden gesperrt, aber der Widerspruch erreicht keine Kundennummer; die Kundennummer eintragen und erneut ausführen`,
  totalsRow: (word) => `sieht aus wie eine Summenzeile ('${word}', die übrigen Zellen fast leer), nicht wie ein Kunde`,
  contactRemark: (header, remark) => `${header}: der Vermerk '${remark}' neben der Adresse oder Nummer sagt, dass der Kunde widerrufen hat: als Widerspruch behandelt`,
  duplicateId: (firstLine) => `doppelte customer_id, zuerst in Zeile ${firstLine}`,
  duplicateNewer: (kept, dateLabel, keptDate, ownDate, objectionKept) => `doppelte customer_id: Zeile ${kept} wird verwendet, ihr ${dateLabel} ist neuer (${formatDay(keptDate, 'de')}, diese Zeile ${formatDay(ownDate, 'de')})${objectionKept ? ', mit dem Widerspruch dieser Zeile (ein Widerspruch wird durch eine neuere Zeile nie aufgehoben)' : ''}`,
  duplicateMerged: (kept, lines) => `doppelte customer_id: Zeile ${kept} wird verwendet, mit der strengsten Einwilligung und dem strengsten Widerspruch der Zeilen ${lines.join(', ')}`,
  duplicateMergedNote: (others) => `doppelte customer_id in Zeile(n) ${others.join(', ')}: Einwilligung und Widerspruch zusammengeführt, je Feld der strengste Wert`,
  duplicateObjectionKeptNote: (others, dateLabel) => `doppelte customer_id in Zeile(n) ${others.join(', ')}: der Wert in ${dateLabel} dieser Zeile ist der neueste, also gelten ihre Einwilligungen, mit dem Widerspruch der anderen Zeile(n) (ein Widerspruch wird durch eine neuere Zeile nie aufgehoben)`,
  otherRowObjected: (line, column) => `Zeile ${line} hat dieselbe Kundennummer und wurde abgelehnt${columnNote(column)}, sagt aber, dass der Kunde widersprochen hat oder nicht kontaktiert werden darf: nie kontaktieren; diese Zeile korrigieren und erneut ausführen`,
  duplicateSecondReading: 'doppelte customer_id: beim zweiten Lesen entschieden',
  swallowed: (lines) => `ein Feld in Anführungszeichen umfasst ${lines} Zeile(n), die wie ganze Zeilen aussehen: vermutlich fehlt in dieser Zeile ein schließendes Anführungszeichen, sodass die folgenden Zeilen als Teil eines Feldes gelesen wurden`,
  strayQuote: (column, openLine, rowLine, next) =>
    `ein Anführungszeichen in Spalte '${column}' in Zeile ${openLine} bleibt offen (${rowLine > 0 ? `Zeile ${rowLine} ist als eigene Zeile lesbar` : 'bis zum Ende der Datei'}): abgelehnt${next > 0 ? `; weiter ab Zeile ${next}` : ''}`,
  unclosedLastLine: (column) => `ein Anführungszeichen in Spalte '${column}' wird nie geschlossen (die letzte Zeile der Datei)`,
  tooLong: (chars, line, lastLine, maxChars) =>
    `der Datensatz ${lastLine > line ? `in den Zeilen ${line}–${lastLine} ` : ''}ist ${chars} Zeichen lang, mehr als ${maxChars}: nicht gelesen (ein offenes Anführungszeichen?)`,
  nulInRow: 'der Datensatz enthält NUL-Zeichen: die Datei ist beschädigt',
  cutOff: 'der Datensatz ist abgeschnitten: die Datei endet mitten darin',
  cutOffNul: 'der Datensatz ist abgeschnitten und von NUL-Bytes gefolgt: die Datei ist unvollständig',
  nulFile: (label, line) => `${label}, Zeile ${line}: NUL-Zeichen in den Daten: die Datei ist beschädigt (eine abgebrochene Kopie füllt mit NUL-Bytes auf) oder ist UTF-16 mit falschem --encoding gelesen`,
  nulHint: 'den Export noch einmal von der Quelle kopieren; winback inspect zeigt, wo die Beschädigung liegt',
  truncatedFile: (label, line, withNul) =>
    `${label}, Zeile ${line}: der letzte Datensatz ist abgeschnitten${withNul ? ' und von NUL-Bytes gefolgt' : ''}: die Datei ist unvollständig (eine Kopie oder ein Export, der nicht fertig wurde)`,
  unclosedFile: (label, openLine) => `${label}, Zeile ${openLine}: ein hier geöffnetes Feld in Anführungszeichen wird nie geschlossen: die Datei endet darin (abgeschnitten?)`,
  truncatedHint: 'die Datei noch einmal exportieren oder kopieren; ist sie vollständig, in dieser Zeile nach einem unpaarigen Anführungszeichen suchen',
  nothingWritten: '; nichts wurde geschrieben, frühere Ausgaben bleiben erhalten',
  allRejected: (label, read) => `${label}: alle ${read} Zeilen wurden abgelehnt`,
  rejectRate: (label, rejected, read, share, limit, source) =>
    `${label}: ${rejected} von ${read} Zeilen abgelehnt (${share} %), mehr als ${DE_LIMITS[source]} ${limit} %`,
  rejectsHint: (source) => `winback inspect ${source} zeigt die abgelehnten Zeilen; --max-reject-rate (oder maxRejectRate in der Konfiguration) setzt die Grenze`,
  firstRejectHint: (line, column, value, error) => `die erste abgelehnte Zeile: Zeile ${line}, Spalte ${column} „${value}“: ${error}`,
  duplicateHeader: (label, field, header, columns) =>
    `${label}: die Spaltenüberschrift '${header}' steht in ${columns.length} Spalten (${columns.map((c) => `Spalte ${c}`).join(' und ')}), und beide würden als ${field} gelesen`,
  duplicateHeaderHint: (field, columns) => `eine wählen mit ${columns.map((c) => `--map ${field}='#${c}'`).join(' oder ')} (Spalten ab 1 gezählt)`,
  ambiguousMap: (field, header, columns) =>
    `--map ${field}='${header}': ${columns.length} Spalten heißen '${header}' (${columns.map((c) => `#${c}`).join(', ')}); eine über ihre Nummer wählen, z. B. --map ${field}='#${columns[0]}'`,
  headerQuote: (label) => `${label}: die Kopfzeile enthält ein Anführungszeichen, das nie geschlossen wird`,
  noSuchFile: (label) => `${label}: Datei nicht gefunden`,
  noSuchFileHint: 'den Pfad prüfen, oder - liest von der Standardeingabe',
  fileEmpty: (label) => `${label} ist leer (0 Bytes)`,
  fileEmptyHint: 'den Export prüfen; eine leere Datei ersetzt nie frühere Ausgaben',
  noHeader: (label) => `${label}: keine Kopfzeile gefunden`,
  noHeaderHint: 'die erste Zeile muss die Spalten benennen',
  noDataRows: (label) => `${label} hat eine Kopfzeile, aber keine Datenzeilen`,
  noDataRowsHint: 'den Export prüfen; ein leerer Export ersetzt nie frühere Ausgaben',
  isDirectory: (label) => `${label} ist ein Verzeichnis, keine CSV-Datei`,
  cannotRead: (label, code) => `${label} kann nicht gelesen werden (${code})`,
  cannotReadHint: 'die Zugriffsrechte der Datei prüfen',
  mapNotApplied: (label, problems) => `${label}: --map lässt sich nicht anwenden: ${problems}`,
  headersFound: (headers) => `gefundene Spaltenüberschriften: ${headers}`,
  headerLooksLikeData: (columns) => `keine: die erste Zeile (${columns} Spalten) enthält Werte wie eine E-Mail-Adresse oder ein Datum, keine Spaltennamen (ihre Zellen werden hier nicht gezeigt)`,
  headerLooksLikeDataHint: 'erneut mit den Spaltennamen als erster Zeile exportieren, oder diese Zeile in der Datei ergänzen',
  mapUnknownField: (field) => `unbekanntes Feld '${field}'`,
  mapNoColumn: (header, field) => `keine Spalte '${header}' für ${field}`,
  aliasTwins: (field, used, others) =>
    `${field}: Spalte '${used}' wird verwendet; ${others} sieht ebenfalls nach ${field} aus und wird unverändert durchgereicht (mit --map ${field}=SPALTE wählen)`,
  objectionTwins: (field, used, others) =>
    `${field}: die Spalte '${used}' wird als ${field} gelesen; ${others} sieht ebenfalls danach aus: ein Ja (oder ein unklarer Wert) in jeder dieser Spalten gilt in jeder Zeile`,
  consentTwins: (field, used, others) =>
    `${field}: die Spalte '${used}' wird als ${field} gelesen; ${others} sieht ebenfalls danach aus: ein Nein (oder ein unklarer Wert) in jeder dieser Spalten sperrt den Kanal in jeder Zeile`,
  declinedTwins: (field, used, others) =>
    `${field}: die Spalte '${used}' wird als ${field} gelesen; ${others} sieht ebenfalls danach aus: eine dort vermerkte Ablehnung (alles außer einem Nein) ohne Tag in '${used}' schickt den Kunden zur Prüfung`,
  reasonByName: (field, header) => `${field}: keine Spalte trägt einen bekannten Namen des Abwanderungsgrunds; die Spalte '${header}' wird nach ihrem Namen als solcher gelesen (--map ${field}=SPALTE wählt eine andere)`,
  repeatedHeader: (header) => `die Spaltenüberschrift '${header}' kommt mehrfach vor; jede Spalte bleibt für sich`,
  missingColumns: (label, kind, names, found) => `${label}: Pflichtspalte fehlt (${DE_KINDS[kind] ?? kind}): ${names}. Gefundene Spaltenüberschriften: ${found}`,
  missingColumnsHint: (field) => `die Spalte mit --map ${field}=SPALTE benennen`,
  otherDelimiterHint: (separator) => `die Kopfzeile ist eine einzige Spalte: ihre Namen scheinen durch '${separator}' getrennt, das nicht von selbst erkannt wird; --delimiter '${separator}' angeben`,
  didYouMean: (alias, header, field) => `'${alias}' gemeint? Enthält die Spalte '${header}' ${field}, --map ${field}='${header}' angeben`,
  or: 'oder',
  andMore: (more) => ` (und ${more})`,
  badEncoding: (encoding) =>
    `die Datei ist kein gültiges ${encoding} (Zeichen erscheinen als \ufffd); --encoding weglassen, um die Kodierung zu erkennen, oder --encoding win1252 versuchen`,
  objectionUnread: (header, phrase) =>
    `die Spalte '${header}' ist keinem Feld zugeordnet und enthält in den ersten Zeilen einen Widerspruch („${phrase}“): ein Widerspruch darin gilt in jeder Zeile; mit --map notes='${header}' wird sie als Notizen gelesen`,
  objectionUnreadNotesMapped: (header, phrase) =>
    `die Spalte '${header}' ist keinem Feld zugeordnet und enthält in den ersten Zeilen einen Widerspruch („${phrase}“): ein Widerspruch darin gilt in jeder Zeile wie einer in den Notizen`,
  objectionUnreadFlag: (header, phrase) =>
    `die Spalte '${header}' ist keinem Feld zugeordnet, ihr Name nennt aber einen Widerspruch („${phrase}“): ein Ja darin (oder ein unklarer Wert) gilt in jeder Zeile als Widerspruch; mit --map advertising_objection='${header}' wird sie als Widerspruchsspalte gelesen`,
  channelColumnRead: (header, channel, kind) => {
    const name = { email: 'E-Mails', phone: 'Anrufe', letter: 'Briefe', visit: 'Besuche' }[channel];
    if (kind === 'saysNo') return `die Spalte '${header}' wird als Ja oder Nein zu ${name} gelesen: ein Nein darin sperrt ${name} an diesen Kunden`;
    return kind === 'consent'
      ? `die Spalte '${header}' wird als Erlaubnis für ${name} gelesen: ein Nein (oder ein unklarer Wert) darin sperrt ${name} an diesen Kunden`
      : `die Spalte '${header}' wird als Widerspruch gegen ${name} gelesen: jeder Wert außer einem Nein darin sperrt ${name} an diesen Kunden`;
  },
  blockColumnRead: (header, kind) =>
    kind === 'consent'
      ? `die Spalte '${header}' wird als Erlaubnis zur Kontaktaufnahme gelesen: ein Nein (oder ein unklarer Wert) darin sperrt jeden Kanal für diesen Kunden`
      : kind === 'objectionDay'
        ? `die Spalte '${header}' wird als Tag eines Widerspruchs gelesen: jeder Wert außer einem Nein darin sperrt jeden Kanal für diesen Kunden`
        : kind === 'flag'
          ? `die Spalte '${header}' wird als Sperr- oder Widerspruchskennzeichen gelesen: jeder Wert außer einem Nein darin sperrt jeden Kanal für diesen Kunden`
          : kind === 'saysNo'
            ? `die Spalte '${header}' wird als Ja oder Nein zur Werbung gelesen: ein Nein darin sperrt jeden Kanal für diesen Kunden`
        : `die Spalte '${header}' wird als Status gelesen: ein Status, der eine Sperre nennt (gesperrt, Robinson, blocked, opt-out …), sperrt jeden Kanal für diesen Kunden`,
  mixedDecimal: (commas, points, decimal) =>
    `Zahlen stehen in den ersten Zeilen sowohl mit Dezimalkomma (${commas}) als auch mit Dezimalpunkt (${points}); '${decimal}' wird als Dezimalzeichen gelesen (mit --decimal festlegen)`,
  dateOrderGuessed: (count, example, order) =>
    `${count} Daten in den ersten Zeilen lassen sich zweifach lesen (${example}), und keines legt die Reihenfolge fest: gelesen mit ${order === 'dmy' ? 'dem Tag' : 'dem Monat'} zuerst, dem Standard für diese Datei; zur Sicherheit --date-format dmy oder mdy angeben`,
  mixedDateOrder: (dayFirst, monthFirst, order) =>
    `Daten stehen sowohl mit dem Tag zuerst (${dayFirst}) als auch mit dem Monat zuerst (${monthFirst}); gelesen als ${order} (mit --date-format festlegen)`,
  unclosedQuote: (label, line) => `${label}, Zeile ${line}: ein Feld in Anführungszeichen, das in der hier beginnenden Zeile geöffnet wird, wird nie geschlossen`,
  unclosedQuoteHint: 'in dieser Zeile nach einem unpaarigen Anführungszeichen suchen',
  csvSyntax: (label, line, why) => `${label}, ${line === null ? 'irgendwo' : `Zeile ${line}`}: ${why === null ? 'ein Feld in Anführungszeichen wird nie geschlossen' : `Meldung des CSV-Parsers: „${why}“`}`,
  csvSyntaxHint: 'in der Nähe dieser Zeile nach einem unpaarigen Anführungszeichen suchen',
  sheetEmpty: (label, sheet) => `${label}: Tabellenblatt '${sheet}' ist leer`,
  sheetEmptyHint: (others) => `mit --sheet ein anderes Tabellenblatt wählen: ${others}`,
  checkExport: 'den Export prüfen',
  xlsxIgnoredFlags: '--encoding und --delimiter gelten nicht für eine Excel-Arbeitsmappe und wurden ignoriert',
  xlsxTitleRows: (rows, header) => `Zeilen ${rows} als Titel übersprungen: die Spaltenüberschriften stehen in Zeile ${header}`,
  csvTitleRows: (from, to, header) => `${from === to ? `Zeile ${from}` : `Zeilen ${from}–${to}`} als Titel übersprungen: die Spaltenüberschriften stehen in Zeile ${header}`,
  xlsxSerialDates: (column, serial, day) => `${column}: ganze Zahlen wie ${serial} als Excel-Datum gelesen (${serial} ist der ${day.split('-').reverse().join('.')}): die Spalte ist als Zahl formatiert; zur Sicherheit in Excel als Datum formatieren`,
  xlsxAmbiguousNumbers: (count, example, mark) => `${count} als Text geschriebene Zahlen lassen sich zweifach lesen (${example}); gelesen mit '${mark}' als Dezimalzeichen, dem Standard für die Sprache des Laufs: zur Sicherheit --decimal , oder --decimal . angeben`,
  xlsxMerged: (count, ranges) => `${count} verbundene Zellbereiche über mehrere Zeilen (${ranges}): jede Zeile eines Bereichs wird mit dem Wert gelesen, den Excel darin zeigt, dem der ersten Zelle des Bereichs`,
  sheetLabel: (label, sheet, row) => `${label} (Tabellenblatt '${sheet}', Kopfzeile in Zeile ${row})`,
};

// The schemas' kinds (domain/read/fields.ts) in German.
const DE_KINDS: Record<string, string> = {
  'lost-customer export': 'Export verlorener Kunden',
  'transaction file': 'Transaktionsdatei',
  'RFM summary': 'RFM-Zusammenfassung',
  'customer list': 'Kundenliste',
  'win-back history': 'Rückgewinnungshistorie',
  'outcomes file': 'Ergebnisdatei',
  'reason file': 'Datei mit Gründen',
  'suppression list': 'Sperrliste',
};

const DE_FORMS: Record<DateForm, string> = {
  ymd: 'JJJJ-MM-TT',
  dmy_dotted: 'TT.MM.JJJJ',
  mdy: 'M/T/JJJJ (Monat zuerst; --date-format dmy, wenn der Tag vorne steht)',
  dmy: 'T/M/JJJJ (Tag zuerst; --date-format mdy, wenn der Monat vorne steht)',
};
