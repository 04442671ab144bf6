import { WorksheetFlow } from '../../src/commands/worksheet/flow.js';
import type { WorksheetCustomer } from '../../src/domain/worksheet/apply.js';
import { newSession, type WorksheetSession } from '../../src/domain/worksheet/session.js';
import { planExport } from '../../src/engine/index.js';
import { loadPlanSetup, openLostCustomers } from '../../src/pipeline/plan-setup.js';
import { planOptions } from '../../src/cli/plan-options.js';
import { memoryContext } from './memory-context.js';
import { scriptedPrompter, type ScriptStep } from './scripted-prompter.js';

export const FIXTURE = 'fixtures/lost-customers-en.csv';
export const AS_OF = '2026-11-23';

/** A worksheet flow over the English fixture, answered by a script; records every save and every printed text. */
export async function fixtureFlow(script: readonly ScriptStep[], opts: { session?: WorksheetSession; lang?: 'en' | 'de'; file?: string | null } = {}) {
  const { ctx } = memoryContext();
  const lang = opts.lang ?? 'en';
  const loaded = await loadPlanSetup(ctx, planOptions(ctx, { asOf: AS_OF, lang }));
  const customers: WorksheetCustomer[] = [];
  const file = opts.file === undefined ? FIXTURE : opts.file;
  if (file !== null) {
    const opened = await openLostCustomers(ctx, file, loaded);
    // A fresh list per reading: a second reading (a later row of a duplicated id won) replaces the first.
    const { made } = await planExport(ctx, file, loaded, opened, { order: 'input', checkRejects: false, start: (): WorksheetCustomer[] => [], customer: (list, base, cells) => void list.push({ base, cells: [...cells] }) });
    customers.push(...made);
  }
  const saves: WorksheetSession[] = [];
  const said: string[] = [];
  const scripted = scriptedPrompter(script);
  const session = opts.session ?? newSession({ lang, asOf: AS_OF, file });
  const flow = new WorksheetFlow(
    { prompter: scripted.prompter, say: (s) => void said.push(s), save: async (s) => void saves.push(s), setup: loaded.setup, color: false },
    session,
    customers,
  );
  return { flow, saves, said, scripted, setup: loaded.setup };
}

/** Ids of the customers step 1 walks through (all but final reasons), in priority order. */
export function selectionIds(flow: WorksheetFlow): string[] {
  return flow.customers.filter((c) => c.base.value.decision !== 'never' && c.base.value.decision !== 'no_channel').map((c) => c.base.row.customer_id);
}
