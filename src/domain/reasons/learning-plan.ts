/**
 * Teaching the classifier a company's labelled reason texts (`winback reasons --learn`):
 * which rows are new, which are already known, and which contradict each other or the
 * examples the playbook already holds. Pure: texts in, a plan of what to add out.
 */
import type { LabelledExample, ReasonCode } from '../playbook-types.js';

export interface LabelledRow {
  text: string;
  /** the code cell as written */
  label: string;
  /** the reason the label stands for; undefined when the playbook does not know it */
  code: ReasonCode | undefined;
  line: number;
}

export interface LabelConflict {
  text: string;
  /** what each line (or the playbook, line 0) says the text is */
  claims: { line: number; code: ReasonCode }[];
}

export interface LearningPlan {
  /** new examples, in file order, one per text */
  added: (LabelledExample & { line: number })[];
  /** rows whose text the playbook (or an earlier row) already holds with the same code */
  known: number;
  /** rows with an empty text */
  empty: number[];
  /** rows whose code the playbook does not know */
  unknownCodes: { line: number; label: string }[];
  conflicts: LabelConflict[];
}

/**
 * Sorts labelled rows into new examples, repeats and contradictions. `key` says when two
 * texts are the same text (the classifier's reading of them: case, umlauts, punctuation
 * and abbreviations do not matter).
 */
export function planLearning(own: readonly LabelledExample[], rows: readonly LabelledRow[], key: (text: string) => string): LearningPlan {
  const claims = new Map<string, { text: string; claims: { line: number; code: ReasonCode }[] }>();
  for (const ex of own) claim(claims, key(ex.text), ex.text, 0, ex.code);
  const plan: LearningPlan = { added: [], known: 0, empty: [], unknownCodes: [], conflicts: [] };
  for (const row of rows) {
    if (row.text === '' || key(row.text) === '') plan.empty.push(row.line);
    else if (row.code === undefined) plan.unknownCodes.push({ line: row.line, label: row.label });
    else claim(claims, key(row.text), row.text, row.line, row.code);
  }
  for (const { text, claims: list } of claims.values()) {
    const codes = new Set(list.map((c) => c.code));
    if (codes.size > 1) {
      plan.conflicts.push({ text, claims: list });
      continue;
    }
    const first = list[0] as { line: number; code: ReasonCode };
    const fromFile = list.filter((c) => c.line > 0);
    if (first.line === 0) plan.known += fromFile.length;
    else {
      plan.added.push({ text, code: first.code, own: true, line: first.line });
      plan.known += fromFile.length - 1;
    }
  }
  plan.added.sort((a, b) => a.line - b.line);
  return plan;
}

function claim(map: Map<string, { text: string; claims: { line: number; code: ReasonCode }[] }>, k: string, text: string, line: number, code: ReasonCode): void {
  const entry = map.get(k);
  if (entry === undefined) map.set(k, { text, claims: [{ line, code }] });
  else entry.claims.push({ line, code });
}

/** One line per conflict: the text and what each line says, the playbook's own example as "playbook". */
export function describeConflicts(conflicts: readonly LabelConflict[], limit = 10): string[] {
  return conflicts.slice(0, limit).map((c) => {
    const said = c.claims.map((x) => `${x.line === 0 ? 'playbook' : `line ${x.line}`}: ${x.code}`).join(', ');
    return `"${c.text}" (${said})`;
  });
}
