/** The results' KPI rows as plain JSON (rates to four decimals, money to cents): `results --json` and the report's results section. Pure. */
import type { GroupKpi, KpiRow } from './results.js';

const r4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
const r2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

function groupJson(g: GroupKpi) {
  return {
    customers: g.customers, regained: g.regained, regain_rate: r4(g.rate),
    revenue: r2(g.revenue) as number, margin: r2(g.margin) as number, cost: r2(g.cost) as number, profit: r2(g.profit) as number, return: r4(g.return),
    repeat_churn: g.repeatChurn, repeat_churn_rate: r4(g.repeatChurnRate), window_open: g.windowOpen,
  };
}

/** One KPI row as JSON: rates to 4 decimals, money to cents. */
export function kpiJson(k: KpiRow) {
  return {
    reason: k.reason, offer: k.offer, channel: k.channel,
    contacted: groupJson(k.contacted), control: groupJson(k.control),
    lift: k.lift ? { difference: r4(k.lift.difference) as number, low: r4(k.lift.low) as number, high: r4(k.lift.high) as number, relative: r4(k.lift.relative) } : null,
    incremental_regained: r2(k.incrementalRegained),
    // Over the control group, not gross: the groups' own profit and return above are gross.
    incremental_profit: k.incrementalProfit ? { value: r2(k.incrementalProfit.value) as number, low: r2(k.incrementalProfit.low) as number, high: r2(k.incrementalProfit.high) as number } : null,
    incremental_return: k.incrementalReturn ? { value: r4(k.incrementalReturn.value) as number, low: r4(k.incrementalReturn.low) as number, high: r4(k.incrementalReturn.high) as number } : null,
  };
}

export type KpiJson = ReturnType<typeof kpiJson>;
