/**
 * Template 1 of the worksheet: customers entered by hand when there is no export, then the
 * ranked list, and the model's decision confirmed or overridden (with a reason) per customer.
 */
import { answerOf, CONSULTANT_DECISIONS, recordDecision, type ConsultantDecision } from '../../domain/worksheet/session.js';
import type { WorksheetCustomer } from '../../domain/worksheet/apply.js';
import { renderProgress, renderRankedTable, renderSelectionCard } from '../../io/worksheet/render.js';
import { askQuestions, navChoices, walkPages, type Nav, type WalkEnd, type WorksheetFlow } from './flow.js';
import { enterCustomers } from './manual.js';

/** Template 1: enter customers by hand when there is no export, then confirm or override each decision. */
export async function runSelectionStep(flow: WorksheetFlow): Promise<WalkEnd> {
  if (flow.session.file === null) await enterCustomers(flow);
  const { setup } = flow.deps;
  flow.say(`\n${flow.t.steps.selection}\n\n`);
  flow.say(renderRankedTable(flow.customers.map((c) => c.base), flow.t, flow.lang, setup.config.model.currencySymbol, flow.deps.color));
  // Nobody who may not be contacted (an objection, a final reason, no permitted channel) is put to the consultant.
  const list = flow.customers.filter((c) => c.base.value.decision !== 'never' && c.base.value.decision !== 'no_channel');
  const pages = list.map((c, i) => ({
    key: c.base.row.customer_id,
    done: answerOf(flow.session, 'decisions', c.base.row.customer_id)?.done === true,
    ask: () => askDecision(flow, c, i, list.length),
  }));
  return walkPages(flow, 'selection', pages, list);
}

async function askDecision(flow: WorksheetFlow, c: WorksheetCustomer, i: number, n: number): Promise<Nav> {
  const { t, deps } = flow;
  const p = c.base;
  const id = p.row.customer_id;
  const model = p.value.decision as ConsultantDecision;
  flow.say(renderProgress(t.steps.selection, i, n, p, t, deps.color) + renderSelectionCard(p, t, flow.lang, deps.setup.config.model.currencySymbol));
  const choices = CONSULTANT_DECISIONS.map((d) => ({ value: d, name: d === model ? `${t.decisions[d]} (${t.doc.model})` : t.decisions[d] }));
  let chosen: ConsultantDecision = model;
  return askQuestions([
    {
      ask: async () => {
        const prev = answerOf(flow.session, 'decisions', id);
        const decision = await deps.prompter.select<ConsultantDecision | Nav>({
          key: ['decisions', id, 'decision'], message: t.ask.decision, default: prev?.decision ?? model, choices: [...choices, ...navChoices(t, i, 'selection')],
        });
        if (decision.startsWith('@')) return decision as Nav;
        chosen = decision as ConsultantDecision;
        const overridden = chosen !== model;
        // An override is saved at once, and counts only once its why is given.
        await flow.commit(recordDecision(flow.session, id, { decision: chosen, why: overridden ? (prev?.why ?? '') : '', overridden, done: !overridden }));
        return undefined;
      },
    },
    {
      when: () => chosen !== model,
      ask: async () => {
        const prev = answerOf(flow.session, 'decisions', id);
        const why = await deps.prompter.input({
          key: ['decisions', id, 'why'], message: t.ask.whyOverride, ...(prev?.why ? { default: prev.why } : {}),
          validate: (v) => (v.trim() !== '' ? true : t.ask.whyRequired),
        });
        await flow.commit(recordDecision(flow.session, id, { decision: chosen, why: why.trim(), overridden: true, done: true }));
      },
    },
  ]);
}
