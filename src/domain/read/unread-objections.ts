/**
 * Objections in columns no field claims. Such a column is passed through to the outputs, and
 * every row's text in it is searched for an objection (domain/read/row-convert.ts); this tells
 * the user, once per run, which of them held one in their first rows, so that a column meant
 * as notes can be mapped as such.
 */
import { CELL_SEPARATOR, findObjectionInCells } from '../objections/text.js';
import { parseBoolean, parseObjection } from '../parse/boolean.js';
import { readNote, type SavedNote } from '../catalogue/index.js';
import type { HeaderMapping } from './header-map.js';
import { headerKey, type Schema } from './fields.js';

/** Rows of the sample searched per column (judgement: a run's start stays short; a column used for objections shows one early). */
const SCANNED_ROWS = 200;

/** A warning per unread column whose cells in the first rows of `sample` (header excluded) hold an objection. */
export function unreadObjections(headers: readonly string[], sample: readonly (readonly string[])[], mapping: HeaderMapping, schema: Schema): SavedNote[] {
  const notesMapped = mapping.fields.has('notes');
  // The first rows only: a run opens with this, and every distinct text costs a reading of the rules (~12 µs).
  const rows = sample.slice(0, SCANNED_ROWS);
  const notes: SavedNote[] = [];
  // Each cell read as every row's is (unreadText): a yes under a header that names an objection, or an objection in words.
  for (const col of unreadColumns(headers, mapping, schema)) {
    const header = headers[col.index] ?? '';
    // A second declined column is named by the mapping's note.
    if (col.block === 'declined') continue;
    if (col.block !== undefined) {
      const channel = col.field === undefined ? undefined : CHANNEL_CONSENT[col.field];
      if (channel !== undefined) {
        // A twin of the mapped consent column is named by the mapping's note already.
        // A column named only by its channel ("Post") is announced once its first rows hold a yes or a no (not an address).
        const yesNo = col.block !== 'saysNo' || rows.some((row) => { const v = (row[col.index] ?? '').trim(); return v !== '' && parseBoolean(v) !== null; });
        if (col.twin !== true && yesNo) notes.push(readNote('channelColumnRead', header, channel, col.block === 'consent' || col.block === 'saysNo' ? col.block : 'objectionDay'));
        continue;
      }
      // A permission or objection column is named whatever its first rows hold; a status column once one blocks.
      const blocking = rows.find((row) => (row[col.index] ?? '').trim() !== '' && blocks(col.block as Exclude<BlockKind, 'declined'>, row[col.index] as string) !== false);
      if (col.block !== 'status' || blocking !== undefined) notes.push(readNote('blockColumnRead', header, col.block));
      continue;
    }
    for (const row of rows) {
      const phrase = findObjectionInCells(unreadText(row, [col]));
      if (phrase === undefined) continue;
      if (col.objectionHeader !== undefined) notes.push(readNote('objectionUnreadFlag', header, phrase));
      else notes.push(notesMapped ? readNote('objectionUnreadNotesMapped', header, phrase) : readNote('objectionUnread', header, phrase));
      break;
    }
  }
  return notes;
}

/**
 * The columns no field claims, in an export whose notes are read for objections (the lost
 * customers'): they are passed through unread, but an objection written there ("Kampagnenhinweis:
 * keine Werbung mehr") is an objection all the same, so their cells are searched for one too,
 * by the rules alone (findObjectionInCells).
 */
export function unreadColumns(headers: readonly string[], mapping: HeaderMapping, schema: Schema): UnreadColumn[] {
  if (!schema.fields.some((f) => f.name === 'notes')) return [];
  // A second block column ("Kontaktsperre" beside "Sperrvermerk") is left unmapped by the first: its name is the field's all the same.
  const objectionFields = new Map<string, string>();
  for (const f of schema.fields) if (f.type === 'objection') for (const alias of f.aliases) if (!objectionFields.has(headerKey(alias))) objectionFields.set(headerKey(alias), f.name);
  // A second declined column ("Rückgewinnung abgelehnt" beside "Angebot abgelehnt am"): a decline recorded there is one.
  const declinedAliases = new Set((schema.fields.find((f) => f.name === 'declined_date')?.aliases ?? []).map(headerKey));
  // A second consent column of a channel ("Newsletter" beside "Einwilligung E-Mail") is read too: a no in either is a no.
  const consentFields = new Map<string, string>();
  for (const f of schema.fields) if (isChannelConsent(f.name)) for (const alias of f.aliases) if (!consentFields.has(headerKey(alias))) consentFields.set(headerKey(alias), f.name);
  return mapping.unmapped
    .filter((i) => i < headers.length)
    .map((index) => {
      const header = (headers[index] as string).trim();
      const key = headerKey(header);
      const field = objectionFields.get(key);
      if (field !== undefined) return { index, objectionHeader: header, field };
      if (declinedAliases.has(key) && mapping.fields.has('declined_date')) return { index, objectionHeader: undefined, field: 'declined_column', block: 'declined' as const, twin: true, header };
      const consent = consentFields.get(key);
      if (consent !== undefined) return { index, objectionHeader: undefined, field: consent, block: 'consent' as const, twin: true };
      // A general permission to contact ("Marketing Consent", "Kontakt erlaubt"), the day of an objection
      // ("Widerspruch Datum"), a status that can say blocked ("Kundenstatus: Robinson"): read as do-not-contact.
      const block = blockKindOf(key);
      if (block !== undefined) return { index, objectionHeader: undefined, field: 'do_not_contact', block };
      // Advertising, or a channel named alone with yes and no ("Werbung: nein", "Werbung ja/nein", "Post: nein", "Anruf: nein"):
      // only a clear no blocks (a column of that name may hold something else, an address or a note).
      const bare = BARE_PERMISSION[key];
      if (bare !== undefined && schema.fields.some((f) => f.name === bare)) return { index, objectionHeader: undefined, field: bare, block: 'saysNo' as const };
      // A header that itself names an objection ("Werbeverbot", "Robinsonliste", "DSGVO-Widerspruch") makes a yes there one.
      if (findObjectionInCells(header) !== undefined) return { index, objectionHeader: header };
      // A permission or an objection for one channel ("Anrufe erwünscht", "Abmeldung E-Mail", "Werbung per Post"): read into that channel's consent.
      const channel = channelColumnOf(key);
      if (channel !== undefined && schema.fields.some((f) => f.name === channel.field)) return { index, objectionHeader: undefined, field: channel.field, block: channel.kind };
      // An objection or block word anywhere in the name, of the firm or of its contact ("Widerspruch Ansprechpartner",
      // "AP gesperrt", "Sperrvermerk AP", "Werbeverweigerer"): any value but a no blocks every channel.
      if (LOOSE_FLAG_HEADER.test(key) && !NOT_CONTACT_BLOCK.test(key)) return { index, objectionHeader: undefined, field: 'do_not_contact', block: 'flag' as const };
      return { index, objectionHeader: undefined };
    });
}

export interface UnreadColumn {
  index: number;
  /** the header, when the objection rules read it as an objection: a yes (or an unclear cell) under it is one */
  objectionHeader: string | undefined;
  /**
   * the objection field the header names, when another column holds that field: its cells are
   * read as the field's (unreadFlags), not as words
   */
  field?: string;
  /**
   * how a cell under a header that is no objection field's name blocks: `consent`, a no or an
   * unclear value (a permission not given); `objectionDay`, any value but a no (the day of an
   * objection or opt-out); `status`, a status word that says blocked
   */
  block?: BlockKind;
  /** a second column under a name of the channel's consent field ("Newsletter" beside "Einwilligung E-Mail") */
  twin?: boolean;
  /** the header, where a cell is kept with it (a second declined column) */
  header?: string;
}

type BlockKind = 'consent' | 'objectionDay' | 'flag' | 'saysNo' | 'status' | 'declined';

/**
 * An objection or block word anywhere in a header (headerKey form). Not "Abgemeldet" or
 * "Abmeldung" alone: in a club's or a studio's export that is the cancellation, which every
 * lost customer has. Judgement.
 */
const LOOSE_FLAG_HEADER = /widerspruch|widersprochen|werbeverweigerer|werbeverbot|gesperrt|sperrvermerk|kontaktsperre|werbesperre|robinson|optedout|optout|donotcontact|dnc/;
/** A block that is not about contact: payment, delivery, dunning, credit, an account or an order. */
const NOT_CONTACT_BLOCK = /zahlung|liefer|mahn|kredit|konto|account|auftrag|bestell|rechnung|payment|delivery|credit|order|billing|invoice|steuer|gewerbe|wohnsitz|fahrzeug|kfz/;
/** Advertising or a channel named alone: the field a clear no there takes away (headerKey form). */
const BARE_PERMISSION: Readonly<Record<string, string>> = {
  werbung: 'do_not_contact', werbungjanein: 'do_not_contact', werbungjn: 'do_not_contact', marketing: 'do_not_contact', advertising: 'do_not_contact', werbeerlaubnis: 'do_not_contact',
  anruf: 'consent_phone', anrufe: 'consent_phone', telefonkontakt: 'consent_phone', calls: 'consent_phone',
  post: 'consent_letter', infopost: 'consent_letter', brief: 'consent_letter', briefe: 'consent_letter', mailing: 'consent_letter', mailings: 'consent_letter', anschreiben: 'consent_letter', katalog: 'consent_letter', kataloge: 'consent_letter', postalmail: 'consent_letter', directmail: 'consent_letter',
  besuch: 'consent_visit', besuche: 'consent_visit', visits: 'consent_visit',
};

/** The consent fields of the channels that have one: a column read into them can only take a permission away. */
const CHANNEL_CONSENT: Readonly<Record<string, 'email' | 'phone' | 'letter' | 'visit'>> = { consent_email: 'email', consent_phone: 'phone', consent_letter: 'letter', consent_visit: 'visit' };

function isChannelConsent(field: string | undefined): boolean {
  return field !== undefined && Object.hasOwn(CHANNEL_CONSENT, field);
}

/**
 * The channel a permission or objection column names (headerKey form), and how its cells read:
 * a word of the channel and a word of permission ("Werbeanrufe", "Telefon Opt-In", "Werbung
 * per E-Mail", "Double-Opt-In") or of objection ("Abmeldung E-Mail", "Widerspruch Post"). A
 * channel word alone ("E-Mail", "Telefon privat") is a contact point, not a permission. Judgement.
 */
function channelColumnOf(key: string): { field: string; kind: 'consent' | 'objectionDay' } | undefined {
  // Post before e-mail: "Postal Mail Allowed", "Direct Mail Opt-In", "donotpostalmail" are letters.
  const field = /postalmail|postmail|directmail|snailmail|printmail|briefpost/.test(key) ? 'consent_letter'
    : /e?mail|newsletter|doubleoptin/.test(key) ? 'consent_email'
      : /telefon|phone|anruf|call|telemarketing/.test(key) ? 'consent_phone'
        : /post(?!leitzahl|fach|code|al(?:code|zip))|brief|letter|postal/.test(key) ? 'consent_letter'
          : /besuch|visit|aussendienst|fieldservice|vertreter/.test(key) ? 'consent_visit'
            : undefined;
  if (field === undefined) return undefined;
  // A call itself is no contact point: "Anrufe: nein", "Calls: no" say whether calls are wanted.
  if (/^(?:werbe)?anrufe$|^(?:phone)?calls$/.test(key)) return { field, kind: 'consent' };
  if (/widerspr|widerruf|objection|objected|optout|optedout|abmeld|abgemeld|abbestell|unsubscrib|sperr|blocked|verbot|robinson|kein|nicht|donot|dont/.test(key)) return { field, kind: 'objectionDay' };
  if (/einwillig|optin|erlaubt|erlaubnis|erwunscht|gewunscht|zustimm|consent|permission|allowed|permitted|newsletter|werb|marketing|(?:^|[^a-z])ok$|okay/.test(key)) return { field, kind: 'consent' };
  return undefined;
}

/** A general permission to contact, on any channel (headerKey form: lower-case, umlauts folded, no spaces). Judgement. */
const CONSENT_HEADER = new RegExp([
  '^(marketing|werbe|werbung|advertising|kontakt|contact|direktmarketing|directmarketing|dm)?(consent|einwilligung|erlaubnis|permission|optin|zustimmung|einverstandnis)(status|flag|kz)?$',
  '^(einwilligung|zustimmung|erlaubnis|einverstandnis|permission|consent|optin)(zu|zur|fur|for|to)?(werbung|marketing|kontakt|kontaktaufnahme|direktmarketing|contact|advertising)$',
  '^(marketing|werbung|kontakt|contact|kontaktaufnahme|direktmarketing|advertising)(erlaubt|allowed|erwunscht|gewunscht|ok|permitted|zulassig|okay|consent|zugestimmt)$',
  '^(allow|permit|accepts|accept)(s)?(marketing|contact|advertising|werbung)$',
  '^(may|can|darf)(be)?(contact|contacted|kontaktiertwerden|kontaktieren|werbung)',
  '^(contactable|kontaktierbar|ansprechbar|marketingfahig)$',
].join('|'));
/** An objection or opt-out named with a day ("Widerspruch Datum", "Objection Date", "Abgemeldet am"). */
const OBJECTION_DAY_HEADER = /(widerspruch|objection|objected|optout|optedout|abgemeldet|abmeldung|unsubscribe|sperre|gesperrt|blocked|suppress|werbeverbot|revoked|widerruf|withdrawn).*(datum|date|am|on|seit|since|vom|zeitpunkt|time|tag|day)$|^(datum|date|tag|day)(des|der|of)?(widerspruch|objection|optout|abmeldung|sperre|werbeverbot)/;
/** A status column, and the status words in it that block every channel. */
const STATUS_HEADER = /(status|state|zustand|kennzeichen|markierung|flag|kategorie)$/;
const DECEASED_STATUS = /\b(?:verstorben|verst\.|gestorben|deceased|died|dead|tot|nachlass|erbengemeinschaft)(?=$|[\s.,;)])/i;
const BLOCKING_STATUS = /\b(gesperrt|sperre|sperrvermerk|werbesperre|kontaktsperre|blocked|blacklist(ed)?|blocklist(ed)?|robinson\w*|suppressed|suppression|dnc|do not contact|nicht kontaktieren|opt ?out|opted out|abgemeldet|ausgetragen|unsubscribed|werbeverbot|keine werbung|no marketing|no contact|widerspruch|objected)\b/;

/**
 * A flag that blocks every channel, by a name CRMs give it ("Marketingsperre", "Marketing
 * Blocked", "Opt-Out Flag", "DNC Flag", "Robinson", "Widerruf", "Einspruch", Dynamics'
 * "msdyn_gdproptout" and "donotsendmm"): any value but a no blocks. Not a payment, delivery or
 * dunning block ("Zahlungssperre", "Liefersperre": no word of contact before the block). Judgement.
 */
const BLOCK_FLAG_HEADER = /^(marketing|werbe|werbung|kontakt|contact|kommunikation|communication|dsgvo|gdpr|datenschutz|privacy|crm)?(sperre|gesperrt|blocked|block|optout|optedout|dnc|donotcontact|robinson|robinsonliste|widerruf|widerrufen|einspruch|nomarketing|keinewerbung)(flag|kz|kennzeichen|status|yn|jn|ja?nein)?$|^(msdyn)?gdproptout$|^donotsend(mm|marketingmaterials?)$|^donot(contact|market|marketing)$/;

function blockKindOf(key: string): BlockKind | undefined {
  if (CONSENT_HEADER.test(key)) return 'consent';
  if (OBJECTION_DAY_HEADER.test(key)) return 'objectionDay';
  if (BLOCK_FLAG_HEADER.test(key)) return 'flag';
  if (STATUS_HEADER.test(key)) return 'status';
  return undefined;
}

/** True (blocks), null (unclear: blocks as an unclear objection does) or false, for a filled cell of a block column. */
function blocks(kind: Exclude<BlockKind, 'declined'>, cell: string): boolean | null {
  if (kind === 'consent') {
    const said = parseBoolean(cell);
    // A day under a permission ("Email Consent Date: 2021-03-04") is when it was given.
    if (said === null && A_DAY.test(cell.trim())) return false;
    return said === true ? false : said === false ? true : null;
  }
  if (kind === 'objectionDay' || kind === 'flag') return parseBoolean(cell) !== false;
  if (kind === 'saysNo') return parseBoolean(cell) === false;
  return BLOCKING_STATUS.test(cell.trim().toLowerCase());
}

/**
 * Sets a row's objection fields from the unread columns that name one ("Sperrvermerk" beside a
 * mapped "Kontaktsperre"): a yes in either column is an objection, an unclear value in either
 * blocks as an unclear one does; the unclear text is kept for the objection check in words.
 */
export function unreadFlags(cells: readonly string[], unread: readonly UnreadColumn[], values: Record<string, unknown>): void {
  for (const col of unread) {
    if (col.field === undefined) continue;
    const cell = cells[col.index];
    if (cell === undefined || cell.trim() === '') continue;
    if (col.block === 'declined') {
      // Anything but a no records a decline (a day, a yes, a note); the pause is counted from the read column's day, or a person decides.
      if (parseBoolean(cell) !== false && values.declined_column === undefined) values.declined_column = `${col.header ?? ''}: ${cell.trim()}`;
      continue;
    }
    // A status that says the customer died ("verstorben", "deceased"): a person decides (person-decides.ts).
    if (col.block === 'status' && DECEASED_STATUS.test(cell)) values.deceased = true;
    const said = col.block === undefined ? parseObjection(cell) : blocks(col.block, cell);
    if (isChannelConsent(col.field)) {
      // A channel's consent: a no in any of its columns is a no; an unclear value blocks as an unclear consent does.
      if (said === true) values[col.field] = false;
      else if (said === null && values[col.field] !== false) values[col.field] = null;
      continue;
    }
    if (said === true) values[col.field] = true;
    else if (said === null) {
      if (values[col.field] !== true) values[col.field] = null;
      values.consent_text = values.consent_text === undefined ? cell.trim() : `${values.consent_text as string} | ${cell.trim()}`;
    }
  }
}

/**
 * The unread columns' text, joined: cells that hold a letter (numbers, dates and amounts hold no
 * objection), and the header of an objection-named column whose cell says yes or is unclear
 * (a "nein" or a blank there says nothing). Undefined for none.
 */
export function unreadText(cells: readonly string[], unread: readonly UnreadColumn[]): string | undefined {
  let text: string | undefined;
  const add = (part: string) => {
    text = text === undefined ? part : `${text}${CELL_SEPARATOR}${part}`;
  };
  for (const col of unread) {
    const cell = cells[col.index];
    // A status column blocks by its words (unreadFlags), and is read as words too ("Unsubscribed").
    if ((col.field !== undefined && col.block !== 'status') || cell === undefined || cell.trim() === '') continue;
    if (col.objectionHeader !== undefined) {
      if (parseObjection(cell) !== false) add(col.objectionHeader);
      continue;
    }
    if (HAS_LETTER.test(cell)) add(cell.trim());
  }
  return text;
}

const HAS_LETTER = /\p{L}/u;

/** A date as exports write one (2021-03-04, 04.03.2021, 3/4/2021), with or without a time. */
const A_DAY = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2})?)?$/;

/**
 * Words that may mark a name, contact or address field as blocked ("ACME Corp [DO NOT CONTACT]",
 * "Herr Maier (will keine Werbung)", "t1@example.com (unsubscribed)"): only such a cell is read by
 * the rules.
 */
const MARKED = /werb|sperr|widerspr|widerruf|kontakt|contact|market|robinson|objec|opt.?out|opted.?out|unsub|abmeld|abgemeld|abbestell|do not|don.?t|\bdnc\b|\bno (mail|e-?mail|call|ads?|contact|marketing|phone|letters?)\b|\bkeine?\b|\bnicht\b/i;

/**
 * Mapped text fields staff write remarks into besides their value ("keine Werbung lt. Kunde" as
 * the account manager, "Ahornweg 7 (keine Werbung einwerfen)", "none; customer objects to
 * marketing" as the competitor, "Werbewiderspruch" as the reason code): read as the unmapped
 * columns are, when marked.
 */
export const REMARK_FIELDS = ['name', 'contact_person', 'account_manager', 'competitor', 'street', 'city', 'region', 'email', 'phone', 'reason_code'] as const;

/**
 * A status written beside an e-mail address or a phone number, in brackets or after a dash
 * ("e2@example.com (abgemeldet)", "0171 5550003 [gesperrt]", "a@b.de - opted out"): staff mark a
 * contact point the customer withdrew so. Alone, "abgemeldet" or "gesperrt" says too little for
 * the rules (a deregistration, an account locked); beside the address it is the address's.
 */
const CONTACT_REMARK = /(?:[(\[]\s*|\s[-–]\s*)(abgemeldet|ausgetragen|abbestellt|gesperrt|sperre|widerrufen|widersprochen|werbewiderspruch|widerspruch|opted[ -]?out|opt[ -]?out|unsubscribed|blocked|blockiert|robinson(?:liste)?|dnc|do not (?:use|contact|call|e-?mail|mail)|nicht (?:verwenden|nutzen|kontaktieren|anrufen|anschreiben)|keine werbung|no marketing)\s*[)\]]?\s*$/i;

/** The remark (CONTACT_REMARK) beside the row's e-mail address or phone number, with its field; undefined for none. */
export function contactRemark(values: Readonly<Record<string, unknown>>): { field: 'email' | 'phone'; remark: string } | undefined {
  for (const field of ['email', 'phone'] as const) {
    const v = values[field];
    // Most cells hold no bracket and no dash: the pattern is not run on them.
    if (typeof v !== 'string' || (v.indexOf('(') < 0 && v.indexOf('[') < 0 && v.indexOf(' -') < 0 && v.indexOf(' –') < 0) || !/[@\d]/.test(v)) continue;
    const m = CONTACT_REMARK.exec(v);
    if (m) return { field, remark: m[1] as string };
  }
  return undefined;
}

/** The name, contact and address cells of a row that carry a marker worth reading for an objection, joined; undefined for none. */
export function markedNames(values: Readonly<Record<string, unknown>>): string | undefined {
  let text: string | undefined;
  for (const field of REMARK_FIELDS) {
    const v = values[field];
    if (typeof v !== 'string' || !MARKED.test(v)) continue;
    text = text === undefined ? v : `${text}${CELL_SEPARATOR}${v}`;
  }
  return text;
}
