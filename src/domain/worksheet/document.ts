/**
 * The worksheet document for the client meeting: the handbook's four templates as Markdown,
 * filled with the consultant's answers and the model's figures. Pure text rendering.
 */
import type { Playbook } from '../playbook-types.js';
import type { PlannedCustomer } from '../plan/plan.js';
import { decisionWords, formatDay, formatShare, formatWorksheetMoney, showDate } from './format.js';
import { channelName, LESSON_QUESTION_IDS, type WorksheetTexts } from '../catalogue/index.js';
import { answerOf, type RelationshipAnswer, type WorksheetSession } from './session.js';

export interface WorksheetDocumentInput {
  session: WorksheetSession;
  /** every customer in priority order: the model's plan and the agreed one */
  customers: ReadonlyArray<{ base: PlannedCustomer; final: PlannedCustomer }>;
  playbook: Playbook;
  texts: WorksheetTexts;
  currencySymbol: string;
}

/** Renders the four templates with the answers as one Markdown document. */
export function renderWorksheetDocument(input: WorksheetDocumentInput): string {
  const { session, texts: t } = input;
  // The export's file name: the session keeps its path relative to the session file, which says little in a meeting.
  const source = session.file === null ? t.doc.manual : (session.file.split(/[\\/]/).at(-1) as string);
  return [
    `# ${t.title}`,
    '',
    `${t.doc.source}: ${cell(source)} · ${t.doc.asOf}: ${showDate(session.as_of, session.lang)}`,
    '',
    ...selectionSection(input),
    ...relationshipSection(input),
    ...lessonsSection(input),
    ...measuresSection(input),
  ].join('\n');
}

function selectionSection({ customers, texts: t, session, currencySymbol }: WorksheetDocumentInput): string[] {
  const lang = session.lang;
  const money = (v: number | null) => (v === null ? t.doc.none : formatWorksheetMoney(v, currencySymbol, lang));
  const head = [t.doc.rank, t.doc.customer, t.doc.name, t.doc.reason, t.doc.valueAtStake, t.doc.pWinback, t.doc.sltv, t.doc.expectedValue, t.doc.model, t.doc.decision, t.doc.why];
  const rows = customers.map(({ base, final }, i) => {
    // An objection recorded in the meeting makes the customer unscored, as one in the export does (DOMAIN.md §6: no profiling).
    const v = final.value.decision === 'never' && base.value.decision !== 'never' ? final.value : base.value;
    const d = answerOf(session, 'decisions', base.row.customer_id);
    const model = decisionWords(v.decisionNote, lang, currencySymbol);
    // A decision the consultant changed shows the consultant's reason, without the mark plan.csv gives it.
    const note = final.value.decisionNote;
    const why = final.value.decision === base.value.decision ? (d?.done && d.why ? d.why : model) : note.key === 'consultant' && typeof note.args[0] === 'string' ? note.args[0] : decisionWords(note, lang, currencySymbol);
    return [
      String(i + 1), base.row.customer_id, base.row.name ?? '', final.entry.label[session.lang], money(v.value_at_stake),
      v.p_winback === null ? t.doc.none : formatShare(v.p_winback, lang), money(v.sltv), money(v.expected_value),
      t.decisions[v.decision], t.decisions[final.value.decision], why,
    ];
  });
  return [`## ${t.steps.selection}`, '', ...table(head, rows), ''];
}

function relationshipSection({ customers, texts: t, session }: WorksheetDocumentInput): string[] {
  const out = [`## ${t.steps.relationship}`, ''];
  const described = customers.filter((c) => answerOf(session, 'relationships', c.base.row.customer_id) !== undefined);
  const open = customers.filter((c) => c.final.value.decision === 'win_back' && answerOf(session, 'relationships', c.base.row.customer_id) === undefined);
  if (described.length === 0 && open.length === 0) return [...out, t.doc.notSelected, ''];
  for (const { base, final } of described) out.push(...relationshipBlock(base, final, answerOf(session, 'relationships', base.row.customer_id) as RelationshipAnswer, t, session.lang));
  if (open.length > 0) out.push(`${t.doc.notDescribed}: ${open.map((c) => c.base.row.customer_id).join(', ')}`, '');
  return out;
}

function relationshipBlock(base: PlannedCustomer, final: PlannedCustomer, rel: RelationshipAnswer, t: WorksheetTexts, lang: 'en' | 'de'): string[] {
  const reason = final.entry.label[lang];
  const corrected = final.entry.code !== base.entry.code ? ` (${t.doc.corrected} ${base.entry.label[lang]})` : ` (${t.doc.classifier})`;
  const code = lang === 'en' ? ` \`${final.entry.code}\`` : '';
  const end = rel.contract_end ? showDate(rel.contract_end, lang) : final.row.competitor_contract_end !== undefined ? formatDay(final.row.competitor_contract_end, lang) : '';
  return [
    `### ${base.row.customer_id}${base.row.name ? ` — ${base.row.name}` : ''}`,
    '',
    item(t.ask.since, rel.since), item(t.ask.bought, rel.bought), item(t.ask.contact, rel.contact),
    item(t.ask.reasonView, rel.reason_view ?? base.row.reason), item(t.ask.reason, `${reason}${code}${corrected}`),
    item(t.ask.incidentWhat, rel.incident_what), item(t.ask.incidentWhen, rel.incident_when), item(t.ask.incidentHandled, rel.incident_handled),
    item(t.ask.path, rel.path === undefined ? undefined : t.paths[rel.path]),
    item(t.ask.competitor, rel.competitor || final.row.competitor), item(t.ask.contractEnd.replace(/ \(.*\)$/, ''), end),
    '',
  ];
}

function lessonsSection({ texts: t, session }: WorksheetDocumentInput): string[] {
  const out = [`## ${t.steps.lessons}`, ''];
  for (const id of LESSON_QUESTION_IDS) out.push(`**${t.lessons[id]}**`, '', paragraph(session.lessons[id], t), '');
  return out;
}

function measuresSection({ customers, texts: t, session, playbook }: WorksheetDocumentInput): string[] {
  const lang = session.lang;
  const offerName = (id: string | null) => (id === null ? t.doc.none : (playbook.offers.find((o) => o.id === id)?.label[lang] ?? id));
  const head = [t.doc.customer, t.doc.name, t.doc.measure, t.doc.offer, t.doc.channel, t.doc.date, t.doc.responsible];
  const rows = customers
    .filter((c) => c.final.value.decision === 'win_back')
    .map(({ final }) => {
      const m = answerOf(session, 'measures', final.row.customer_id);
      const date = final.window ? formatDay(final.window.contactFrom, lang) : t.doc.none;
      return [final.row.customer_id, final.row.name ?? '', final.measure, offerName(final.value.offer_type), channelName(final.channel, lang), date, m?.responsible ?? final.row.account_manager ?? ''];
    });
  return [
    `## ${t.steps.measures}`, '',
    `### ${t.doc.individual}`, '',
    ...(rows.length > 0 ? table(head, rows) : [t.doc.notSelected]), '',
    `### ${t.doc.group}`, '', paragraph(session.group.measures, t), '',
    `### ${t.doc.offering}`, '', paragraph(session.group.offering, t), '',
  ];
}

function table(head: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)];
}

/** A table cell: pipes escaped, line breaks flattened, so a free-text answer cannot break the table. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function item(label: string, value: string | undefined): string {
  const head = /[?:]$/.test(label) ? label : `${label}:`;
  return `- **${head}** ${value && value.trim() !== '' ? cell(value) : '—'}`;
}

function paragraph(text: string | undefined, t: WorksheetTexts): string {
  return text && text.trim() !== '' ? text.trim() : t.doc.none;
}
