// The worked example in docs/model.md is computed, not typed: its input is the JSON block in the
// doc, and its tables must equal what the code returns. UPDATE_DOCS=1 rewrites the tables.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_CONFIG } from '../../src/domain/defaults.js';
import { evaluateCustomer } from '../../src/domain/value/decision.js';
import type { ValueResult } from '../../src/domain/value/types.js';
import type { Channel, OfferSpec, ReasonCode } from '../../src/domain/playbook-types.js';
import { CHANNEL_COSTS, day, entry, offer, row } from './value-fixtures.js';

const DOC = new URL('../../docs/model.md', import.meta.url);

interface ExampleInput {
  asOf: string;
  contactDate?: string;
  customer: { customer_id: string; customer_since: string; churn_date: string; orders: number; revenue: number; margin_percent: number; complaints: number };
  reason: { code: ReasonCode; confidence: number; baseRate: number; organicRate?: number; lifetimeFactor: number; marginFactor: number; offers: string[] };
  offers: (Partial<OfferSpec> & { id: string })[];
  channel: Channel;
  channelCost: number;
}

function readInput(doc: string): ExampleInput {
  const m = /<!-- example:input -->\s*```json\n([\s\S]*?)```/.exec(doc);
  if (!m) throw new Error('docs/model.md has no example input block');
  return JSON.parse(m[1] as string) as ExampleInput;
}

function evaluateExample(x: ExampleInput): ValueResult {
  const c = x.customer;
  return evaluateCustomer({
    row: row({ customer_id: c.customer_id, customer_since: day(c.customer_since), churn_date: day(c.churn_date), orders: c.orders, revenue: c.revenue, margin: { kind: 'percent', value: c.margin_percent }, complaints: c.complaints }),
    reasonCode: x.reason.code,
    reasonConfidence: x.reason.confidence,
    entry: entry(x.reason.code, x.reason),
    offers: x.offers.map((o) => offer(o.id, o)),
    channels: [x.channel],
    channelCosts: { ...CHANNEL_COSTS, [x.channel]: x.channelCost },
    asOf: day(x.asOf),
    ...(x.contactDate === undefined ? {} : { contactDay: day(x.contactDate) }),
    config: DEFAULT_MODEL_CONFIG,
    explain: true,
  });
}

const fixed = (v: number) => v.toFixed(4);

function renderSections(result: ValueResult): Record<string, string> {
  const steps = ['| step | formula | value |', '|---|---|---:|', ...result.explainSteps.map((s) => `| ${s.label} | \`${s.formula}\` | ${fixed(s.value)} |`)];
  const offers = ['| offer | p_winback | sltv | expected_value |', '|---|---:|---:|---:|', ...result.offersConsidered.map((o) => `| ${o.offer_type} | ${fixed(o.p_winback)} | ${fixed(o.sltv)} | ${fixed(o.expected_value)} |`)];
  const decision = [
    `- offer_type: \`${result.offer_type}\` — ${result.offerReason}`,
    `- decision: \`${result.decision}\` — ${result.decisionReason}`,
    `- p_winback ${fixed(result.p_winback as number)}, sltv ${fixed(result.sltv as number)}, expected_value ${fixed(result.expected_value as number)}, value_at_stake ${fixed(result.value_at_stake as number)}`,
  ];
  return { steps: steps.join('\n'), offers: offers.join('\n'), decision: decision.join('\n') };
}

function section(doc: string, name: string): string | undefined {
  return new RegExp(`<!-- example:${name}:begin -->\\n([\\s\\S]*?)\\n<!-- example:${name}:end -->`).exec(doc)?.[1];
}

describe('docs/model.md worked example', () => {
  const doc = readFileSync(DOC, 'utf8');
  const rendered = renderSections(evaluateExample(readInput(doc)));

  if (process.env.UPDATE_DOCS === '1') {
    let updated = doc;
    for (const [name, text] of Object.entries(rendered)) {
      updated = updated.replace(new RegExp(`(<!-- example:${name}:begin -->)[\\s\\S]*?(<!-- example:${name}:end -->)`), (_m, a: string, b: string) => `${a}\n${text}\n${b}`);
    }
    writeFileSync(DOC, updated);
  }

  it.each(['steps', 'offers', 'decision'])('shows the %s the code computes', (name) => {
    expect(section(readFileSync(DOC, 'utf8'), name)).toBe(rendered[name]);
  });

  it('quotes every default of DEFAULT_MODEL_CONFIG in its defaults table', () => {
    const { coefficients, calibration, ...top } = DEFAULT_MODEL_CONFIG;
    const entries: [string, unknown][] = [
      ...Object.entries(top),
      ...Object.entries(calibration).map(([k, v]) => [`calibration.${k}`, v] as [string, unknown]),
      ...Object.entries(coefficients).flatMap(([f, t]) => Object.entries(t).map(([k, v]) => [`coefficients.${f}.${k}`, v] as [string, unknown])),
    ];
    for (const [key, value] of entries) expect(doc).toContain(`| \`${key}\` | \`${String(value)}\` |`);
  });
});
